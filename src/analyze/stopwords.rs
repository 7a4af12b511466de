//! Stopwords in both languages, and the classes of words that are never a posting's skill or
//! requirement.
//!
//! Stopwords (function words) are dropped by the analyzer everywhere. The other classes are
//! kept as tokens (a résumé line still reads whole) but never become posting terms (see
//! [`Analyzer::is_generic`](super::Analyzer::is_generic)): seniority and role-title words,
//! the verbs and adjectives every requirement is phrased with, and the general vocabulary of
//! company blurbs. Boilerplate beyond these classes ("responsibilities", "工作") is weighted
//! down by document frequency instead.

/// English function words (compared before stemming, lowercase).
pub const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "etc",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "e.g",
    "i.e",
    "also",
    "well",
    "may",
    "might",
    "including",
    "like",
    "using",
    "across",
    "s",
    "t",
    "ll",
    "re",
    "ve",
    "d",
    "m",
    // More function words: relative and conjunctive words, contractions split at the
    // apostrophe ("aren't" → "aren", "t").
    "whether",
    "whose",
    "onto",
    "upon",
    "amongst",
    "among",
    "already",
    "yet",
    "though",
    "although",
    "however",
    "whatever",
    "wherever",
    "whenever",
    "whereas",
    "thus",
    "therefore",
    "hence",
    "aren",
    "isn",
    "wasn",
    "weren",
    "don",
    "doesn",
    "didn",
    "won",
    "wouldn",
    "shouldn",
    "couldn",
    "haven",
    "hasn",
    "hadn",
];

/// Seniority and role-title words: they name the job, not a skill a résumé can show
/// ("Senior", "Staff", "高级", "工程师"; "开发" is the bare word, "后端开发" stays whole).
/// English words are compared after stemming, so "engineer" also covers "engineers".
#[rustfmt::skip]
pub const SENIORITY_AND_TITLES: &[&str] = &[
    "senior", "sr", "junior", "jr", "staff", "principal", "lead", "leader", "head", "chief",
    "intern", "internship", "associate", "mid", "middle", "intermediate", "entry", "level", "expert", "engineer", "developer",
    "specialist", "member", "role", "position", "title", "candidate", "architect", "architects",
    "高级", "资深", "初级", "中级", "中高级", "专家", "工程师", "开发", "研发", "开发者",
    "实习", "实习生", "负责人", "主管", "专员", "岗位", "职位", "候选人", "同学", "架构师",
    "技术专家", "经理", "顾问",
    // Level numerals ("Software Engineer II") and role nouns that name no skill.
    "ii", "iii", "representative", "strategist",
];

/// Verbs and adjectives that phrase a requirement whatever it asks ("proficient in",
/// "strong", "精通", "熟悉"): the skill is the word after them.
#[rustfmt::skip]
pub const REQUIREMENT_WORDS: &[&str] = &[
    "experience", "experienced", "strong", "ability", "able", "excellent", "proficiency",
    "proficient", "familiarity", "familiar", "knowledge", "knowledgeable", "understanding",
    "understand", "skill", "skills", "solid", "deep", "proven", "demonstrated", "good", "great",
    "plus", "preferred", "required", "requirement", "qualification", "minimum", "years", "year",
    // Their abbreviations: "10+ yrs", "5 yrs exp. min".
    "yrs", "yr", "exp", "min",
    "working", "hands", "expertise", "exposure", "comfortable", "capable", "willing", "willingness",
    "ideally", "bonus", "nice", "desired", "desirable", "eager", "passion", "passionate",
    "enthusiasm", "mastery", "equivalent", "relevant", "similar", "least", "minded", "oriented",
    "driven", "focused", "motivated", "fluent", "fluently", "idiomatically",
    // Degree abbreviations outside the lexicon (case-exact "BS" is in it): "BA/BS", "BS/MS".
    "ba", "ms",
    "精通", "熟悉", "掌握", "了解", "具备", "具有", "拥有", "负责", "熟练", "擅长",
    "参与", "能够", "良好", "优秀", "较强", "极强", "很强", "强烈", "丰富", "扎实",
    "深入", "优先", "相关", "至少", "一项", "多项", "一种", "方面", "经验", "能力",
    "熟知", "理解", "熟练掌握", "热爱", "追求", "意识", "要求", "任职", "职责", "描述",
    "加分", "加分项", "具体", "常用", "尤佳", "更佳", "为佳", "者佳",
    "seasoned", "深谙", "谙熟", "善于", "勇于", "乐于", "运用", "从事", "愿意", "一门",
    "较为", "非常", "必须", "富有", "充满", "激情", "热情",
    // What a skill is praised with ("technical prowess", "business acumen", "a knack for",
    // "suitable experience"), never the skill.
    "suitable", "prowess", "acumen", "knack",
];

/// General vocabulary of company blurbs and postings' prose: words about the company, the
/// world or the job in general, never a skill ("world", "better", "make", "业界", "提升").
#[rustfmt::skip]
pub const GENERAL_WORDS: &[&str] = &[
    "welcome", "make", "area", "areas", "see", "better", "best", "world", "rich", "new", "help",
    "get", "take", "give", "want", "need", "way", "ways", "thing", "things", "lot", "lots",
    "amazing", "awesome", "exciting", "excited", "love", "join", "joining", "grow", "growth",
    "opportunity", "opportunities", "impact", "mission", "people", "everyone", "anyone", "someone",
    "day", "days", "every", "many", "much", "several", "various", "variety", "wide", "range", "set",
    "kind", "part", "whole", "fast", "big", "small", "large", "highly", "core", "main", "truly",
    "really", "always", "never", "often", "ever", "now", "today", "next", "last", "along", "around",
    "beyond", "together", "first", "one", "two", "three", "even", "still",
    "probably", "primarily", "typically", "previously", "currently", "include",
    "includes", "enable", "enables", "ensure", "ensuring", "drive", "driving", "bring", "brings",
    "put", "putting", "use", "used", "uses", "apply", "applying", "stuff", "ideal",
    "successful", "success", "company", "companies", "team", "teams", "culture", "values",
    "benefits", "salary", "location", "remote", "office", "issues", "personal", "person", "facing",
    "firm",
    "提升", "落地", "业界", "行业", "领先", "一流", "优质", "更好", "更多", "不断",
    "持续", "积极", "主动", "完成", "实现", "保证", "确保", "协助", "配合",
    "推动", "主导", "支撑", "相应", "现有", "日常", "各类", "多种", "一定", "较好",
    "突出", "工作", "公司", "团队", "同事", "机会", "发展", "成长", "氛围", "福利",
    "地点", "类型", "全职", "兼职", "其他", "其它", "包括但不限于", "不限于",
    "限于", "不同", "主流", "提出", "提供", "结合", "解决", "输出", "问题", "目标",
    "结果", "过程", "方向", "时间", "经历", "基于", "针对", "关于",
    "对于", "根据", "按照", "随着", "除了", "作为", "上述", "如下", "最佳", "最终",
    // Prose a helper's audit of 54 Chinese postings found outweighing the skills beside
    // them ("至少一方面", "节点数大于50", "能多面的看待问题", "精于架构设计").
    "一方面", "大于", "小于", "精于", "看待", "多面", "特别", "得出", "抓住", "获得",
    "千万", "量级", "方便", "搭配", "崇尚", "怀有", "严密", "类似", "这里", "下列",
    "向上", "性强", "端的",
    // Where a posting's words about the employer, the future, the whole or a major stood as terms
    // beside a Java architect's skills ("有知名互联网公司从业经验者优先", "规划未来技术架构方向").
    "知名", "从业", "未来", "整体", "部门", "处理", "专业",
    // Pronouns and words of place or time ("挑战自我", "各项工作", "内部系统", "前期调研"): jieba tags
    // them r and f, and they never name what a posting asks.
    "自己", "各项", "自我", "各个", "自身", "他人", "任何", "一切", "自行", "之中", "各方", "别人",
    "每周", "每月", "每个", "每日", "其余", "内部", "外部", "业内", "前期", "期间", "背后", "前后",
    "之内", "以内", "以后", "最近",
    // jieba keeps these phrases of them whole.
    "在此期间", "项目前期",
    "thrive", "thrives", "field", "fields", "write", "writing", "written", "speak", "speaking",
    "spoken", "verbal", "possess", "obtain", "explain", "keen", "grasp", "depth", "breadth",
    "hard", "medium", "tech", "summer", "june", "date", "grade",
    // Months date a graduation or a start ("graduating between December 2018 and June 2019").
    "january", "february", "march", "april", "july", "august", "september", "october",
    "november", "december", "没有", "任意", "找到", "正确", "常见", "态度", "心态", "素质",
    "口头", "书面",
    "seeking", "pertaining", "主要", "局限于",
];

/// Chinese function words and particles.
pub const CHINESE: &[&str] = &[
    "的", "了", "和", "与", "及", "以及", "或", "或者", "等", "等等", "在", "是", "为", "对", "将",
    "并", "并且", "而", "且", "把", "被", "让", "给", "从", "到", "向", "于", "由", "其", "其中",
    "之", "之一", "我", "我们", "你", "你们", "他", "她", "它", "他们", "这", "那", "这些", "那些",
    "这个", "那个", "一个", "一些", "有", "也", "都", "就", "还", "又", "很", "更", "最", "中",
    "上", "下", "内", "外", "能", "会", "可", "可以", "要", "需", "需要", "如", "如果", "因为",
    "所以", "但", "但是", "如何", "什么", "以", "以上", "以下", "之间", "通过", "进行", "包括",
    "包含", "例如", "比如", "个", "各", "各种", "所", "着", "过", "吗", "呢", "吧", "啊", "得",
    "地", "每", "该", "此", "已", "已经", "至", "自", "用", "使", "使用", "做", "着", "及其",
    "然后",
];

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_lowercase_and_unique_enough() {
        for w in super::ENGLISH {
            assert_eq!(w.to_lowercase(), *w);
        }
        assert!(super::CHINESE.contains(&"的"));
    }

    #[test]
    fn classes_are_lowercase_and_listed_once() {
        let all = [
            super::SENIORITY_AND_TITLES,
            super::REQUIREMENT_WORDS,
            super::GENERAL_WORDS,
        ]
        .concat();
        let mut seen = std::collections::HashSet::new();
        for w in &all {
            assert_eq!(w.to_lowercase(), *w);
            assert!(seen.insert(*w), "{w} is listed twice");
            assert!(
                !super::ENGLISH.contains(w) && !super::CHINESE.contains(w),
                "{w} is a stopword"
            );
        }
    }
}
