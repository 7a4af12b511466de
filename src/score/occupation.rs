//! The occupation a job title names, as a recruiter sorts applicants before reading further:
//! an engineer applying for a product-manager or a content-operations post is not a fit,
//! however many of the posting's words (the product's domain, its tools) the résumé shares.
//!
//! A title names an occupation through its role words ("Product Manager", "数据分析师",
//! "内容运营"), the head of its first clause deciding (see [`occupations_of`]). Many titles
//! name none ("Technical Program Manager", "Data Scientist", "资深产品-活动方向", "Head of
//! Strategy"): nothing is read from them, and nothing is checked.

use crate::model::{FactCheck, Occupation, Resume, SectionKind};

use super::tunables::OCCUPATION_FACTOR;

/// Role words of each occupation: English words matched whole (lower case, a phrase as
/// its words in a row), Chinese ones as substrings.
const OCCUPATIONS: &[(Occupation, &[&str], &[&str])] = &[
    (
        Occupation::Engineering,
        &[
            "engineer",
            "engineers",
            "engineering",
            "developer",
            "developers",
            "programmer",
            "architect",
            "sre",
            "devops",
            "dba",
            "programmer analyst",
            "systems analyst",
            "system analyst",
            "qa analyst",
            "test analyst",
            "systems administrator",
            "system administrator",
            "database administrator",
        ],
        &[
            "工程师",
            "开发",
            "研发",
            "架构",
            "程序员",
            "运维",
            "技术专家",
            "算法",
            "测试",
            "主程",
            "前端",
            "后端",
        ],
    ),
    (
        Occupation::Product,
        &[
            "product manager",
            "product owner",
            "product management",
            "product lead",
            "head of product",
        ],
        &[
            "产品经理",
            "产品专家",
            "产品总监",
            "产品岗",
            "产品助理",
            "产品实习",
            "产品策划",
            "产品负责人",
        ],
    ),
    (Occupation::Operations, &[], &["运营"]),
    (
        Occupation::Analysis,
        &["analyst", "analysts"],
        &["分析师", "数据分析", "分析岗"],
    ),
    (
        Occupation::Design,
        &[
            "designer",
            "designers",
            "ux design",
            "user experience design",
        ],
        &[
            "设计师",
            "交互设计",
            "视觉设计",
            "平面设计",
            "ui设计",
            "美术",
            "原画",
        ],
    ),
    (
        Occupation::SalesMarketing,
        &[
            "sales",
            "marketing",
            "account executive",
            "account manager",
            "account strategist",
            "business development",
            "partner manager",
            "channel manager",
            "public relations",
            "communications",
        ],
        &[
            "销售",
            "营销",
            "市场",
            "商务",
            "客户经理",
            "大客户",
            "渠道经理",
            "市场开发",
            "渠道开发",
            "客户开发",
            "置业顾问",
            "品牌",
            "公关",
        ],
    ),
    (
        Occupation::People,
        &[
            "recruiter",
            "recruiting",
            "talent acquisition",
            "human resources",
            "hr",
            "hrbp",
            "staffing",
            "people partner",
        ],
        // Not a bare 培训: a 管理培训生 is a management trainee.
        &[
            "招聘",
            "人力",
            "人事",
            "培训师",
            "培训经理",
            "培训主管",
            "培训与发展",
            "薪酬",
        ],
    ),
    (
        Occupation::Nursing,
        &["nurse", "nurses", "nursing", "rn"],
        &["护士", "护理"],
    ),
    (
        Occupation::Teaching,
        &[
            "teacher",
            "teachers",
            "tutor",
            "lecturer",
            "instructor",
            "professor",
        ],
        &["教师", "老师", "讲师", "助教"],
    ),
    (
        Occupation::Finance,
        &[
            "accountant",
            "accounting",
            "bookkeeper",
            "auditor",
            "treasury",
            "finance",
            "payroll",
        ],
        &["会计", "财务", "审计", "出纳"],
    ),
    (
        Occupation::Legal,
        &["lawyer", "attorney", "paralegal", "counsel", "legal"],
        &["律师", "法务"],
    ),
];

/// Role words that name no occupation of the table but say what the job is ("Data
/// Scientist, Marketing" is a data scientist's job, not marketing; "研发项目经理" a project
/// manager's): a title part whose head is one of them names nothing.
const NEUTRAL: (&[&str], &[&str]) = (
    &[
        "scientist",
        "scientists",
        "researcher",
        "program manager",
        "project manager",
        "consultant",
    ],
    &["项目经理", "研究员", "科学家"],
);

/// Separators after which a title goes on about the team, the place or the employer:
/// the first clause says what the job is.
const CLAUSE_ENDS: &[&str] = &[
    ",", "(", "|", "–", "—", "（", "，", " - ", " at ", "@", ":", "：",
];

/// Separators of a hybrid title's roles ("Engineer / Product Manager", "数据分析师、数据挖掘工程师").
const PART_SEPARATORS: &[char] = &['/', '／', '、', '+', '＋'];

/// The occupations `title` names, sorted, each once; empty when it names none.
///
/// A role's head comes last, in English and in Chinese: "Developer Marketing Manager" is
/// marketing, "Partner Sales Engineer" engineering, 运营系统开发工程师 engineering,
/// 算法产品经理 product management. The first clause says what the job is ("Senior Software
/// Engineer, Marketing Automation", "Backend Engineer at Teachers Pay Teachers"); the whole
/// title is read only when its first clause names no role at all ("Director, Software
/// Sales"). Each role of a hybrid title counts ("Engineer / Product Manager").
pub fn occupations_of(title: &str) -> Vec<Occupation> {
    // 商务智能 is business intelligence, an analyst's field, not 商务 (business affairs).
    let lower = title.to_lowercase().replace("商务智能", "");
    let first = CLAUSE_ENDS
        .iter()
        .filter_map(|c| lower.find(c))
        .min()
        .map_or(lower.as_str(), |i| &lower[..i]);
    let heads =
        |text: &str| -> Vec<Head> { text.split(PART_SEPARATORS).filter_map(head).collect() };
    let mut found = heads(first);
    if found.is_empty() {
        found = heads(&lower);
    }
    let mut out: Vec<Occupation> = found
        .into_iter()
        .filter_map(|h| match h {
            Head::Occupation(o) => Some(o),
            Head::Neutral => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// What the last role word of a title part names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Head {
    Occupation(Occupation),
    Neutral,
}

/// An English role word: its words, its length in bytes, what it names and its place in the
/// table.
struct EnglishRole {
    words: Vec<&'static str>,
    len: usize,
    head: Head,
    place: usize,
}

/// The role words as a title part is read: English phrases by their first word, Chinese ones
/// in one automaton. Built once: scanning a title for each of the table's few hundred role
/// words in turn cost more than scoring the rest of a batch posting's requirements.
struct RoleWords {
    /// English role words by their first word.
    english: rustc_hash::FxHashMap<&'static str, Vec<EnglishRole>>,
    /// The Chinese role words, as substrings; each value's (length, head, place) is in
    /// `chinese_heads`.
    chinese: aho_corasick::AhoCorasick,
    chinese_heads: Vec<(usize, Head, usize)>,
}

static ROLE_WORDS: std::sync::LazyLock<RoleWords> = std::sync::LazyLock::new(|| {
    let mut english: rustc_hash::FxHashMap<_, Vec<_>> = Default::default();
    let mut chinese = Vec::new();
    let mut chinese_heads = Vec::new();
    for (place, (h, p, is_english)) in role_words().enumerate() {
        if is_english {
            let words: Vec<&'static str> = p.split(' ').collect();
            english.entry(words[0]).or_default().push(EnglishRole {
                words,
                len: p.len(),
                head: h,
                place,
            });
        } else {
            chinese.push(p);
            chinese_heads.push((p.len(), h, place));
        }
    }
    RoleWords {
        english,
        chinese: aho_corasick::AhoCorasick::new(chinese).expect("static role words build"),
        chinese_heads,
    }
});

/// Every role word in table order, with what it names and whether it is English.
fn role_words() -> impl Iterator<Item = (Head, &'static str, bool)> {
    OCCUPATIONS
        .iter()
        .map(|&(o, en, zh)| (Head::Occupation(o), en, zh))
        .chain([(Head::Neutral, NEUTRAL.0, NEUTRAL.1)])
        .flat_map(|(h, en, zh)| {
            let en = en.iter().map(move |&p| (h, p, true));
            let zh = zh.iter().map(move |&p| (h, p, false));
            en.chain(zh)
        })
}

/// The English words of a title part (runs of ASCII letters and digits), with their byte
/// ends.
fn words_of(part: &str) -> Vec<(&str, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in part.char_indices().chain([(part.len(), ' ')]) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((&part[s..i], i));
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// The head of one title part (lower case): the role word that ends last, the longer one
/// when two end together ("programmer analyst" over "analyst", 市场开发 over 开发), the
/// earlier in the table when both do. English role words are whole words in a row, Chinese
/// ones substrings.
fn head(part: &str) -> Option<Head> {
    let roles = &*ROLE_WORDS;
    let words = words_of(part);
    // (end, length, earlier in the table) is maximal for the head.
    let mut best: Option<(usize, usize, std::cmp::Reverse<usize>, Head)> = None;
    let mut consider = |end: usize, len: usize, place: usize, h: Head| {
        let key = (end, len, std::cmp::Reverse(place));
        if best.is_none_or(|(e, l, p, _)| key > (e, l, p)) {
            best = Some((end, len, std::cmp::Reverse(place), h));
        }
    };
    for (i, (w, _)) in words.iter().enumerate() {
        for role in roles.english.get(w).into_iter().flatten() {
            let n = role.words.len();
            if words.len() - i >= n
                && words[i..i + n]
                    .iter()
                    .map(|x| x.0)
                    .eq(role.words.iter().copied())
            {
                consider(words[i + n - 1].1, role.len, role.place, role.head);
            }
        }
    }
    for m in roles.chinese.find_overlapping_iter(part) {
        let (len, h, place) = roles.chinese_heads[m.pattern().as_usize()];
        consider(m.end(), len, place, h);
    }
    best.map(|(_, _, _, h)| h)
}

/// The occupations a résumé's jobs name: each experience entry's title (its organisation
/// line when it has no title: a heading that holds both), and the résumé's own headline.
/// Sorted, each once; empty when no title names one.
pub fn occupations(resume: &Resume) -> Vec<Occupation> {
    let mut out: Vec<Occupation> = resume
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Experience)
        .flat_map(|s| &s.entries)
        .filter_map(|e| e.title.as_ref().or(e.organisation.as_ref()))
        .chain(resume.basics.label.as_ref())
        .flat_map(|t| occupations_of(t))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The verdict on a posting's occupations against the résumé's: `None` when either is
/// unknown (a title naming no occupation, a résumé whose titles name none). A hybrid title
/// is met by any of its roles.
pub fn check_occupation(asks: &[Occupation], has: &[Occupation]) -> Option<FactCheck> {
    if asks.is_empty() || has.is_empty() {
        return None;
    }
    let list =
        |os: &[Occupation], join: &str| os.iter().map(|o| o.label()).collect::<Vec<_>>().join(join);
    let role = with_article(&list(asks, " or "));
    Some(if asks.iter().any(|o| has.contains(o)) {
        FactCheck {
            meets: true,
            detail: format!("{role} role, like your jobs"),
            factor: 1.0,
            over: false,
        }
    } else {
        FactCheck {
            meets: false,
            detail: format!("{role} role; your jobs were in {}", list(has, ", ")),
            factor: OCCUPATION_FACTOR,
            over: false,
        }
    })
}

/// "an engineering", "a design".
fn with_article(label: &str) -> String {
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_resume;
    use std::path::Path;

    #[test]
    fn titles_name_their_occupation_by_the_head_of_the_first_clause() {
        for (title, want) in [
            ("Senior Site Reliability Engineer", Occupation::Engineering),
            (
                "Partner Sales Engineer, Google Cloud",
                Occupation::Engineering,
            ),
            ("视频云平台运营系统开发工程师", Occupation::Engineering),
            ("资深Java技术专家", Occupation::Engineering),
            ("JAVA架构师（游戏平台）", Occupation::Engineering),
            ("阿里云大数据产品经理", Occupation::Product),
            ("Product Manager, Payments", Occupation::Product),
            ("内容孵化/监控-产品运营", Occupation::Operations),
            ("高级数据分析师", Occupation::Analysis),
            ("数据分析实习生-中台", Occupation::Analysis),
            ("培训与发展主管/经理", Occupation::People),
            ("Data Analyst, Trust and Safety", Occupation::Analysis),
            ("Visual Designer", Occupation::Design),
            ("3D设计师", Occupation::Design),
            (
                "Director, Software Sales- Upper Mid-Market",
                Occupation::SalesMarketing,
            ),
            (
                "Product Marketing Manager, Networking",
                Occupation::SalesMarketing,
            ),
            ("链家直招房产销售/4500底薪", Occupation::SalesMarketing),
            ("Recruiter, Google Cloud", Occupation::People),
            (
                "Registered Nurse - Medical/Surgical Unit",
                Occupation::Nursing,
            ),
            ("高中数学老师", Occupation::Teaching),
            ("Treasury Accounting Manager", Occupation::Finance),
            // The head of an English title's first clause.
            ("Developer Marketing Manager", Occupation::SalesMarketing),
            (
                "Senior Software Engineer, Marketing Automation",
                Occupation::Engineering,
            ),
            (
                "Workday Senior Software Engineer, HR Applications",
                Occupation::Engineering,
            ),
            (
                "Technical Account Manager, Search",
                Occupation::SalesMarketing,
            ),
            ("HR实习生", Occupation::People),
            ("高级SRE开发工程师", Occupation::Engineering),
            ("游戏服务端主程（JAVA)", Occupation::Engineering),
            ("Linux & AWS Systems Administrator", Occupation::Engineering),
            ("UX Design Manager", Occupation::Design),
            (
                "Finance Manager, Google Technical Services",
                Occupation::Finance,
            ),
            // The head comes last in Chinese too; an English word inside does not win.
            ("算法产品经理", Occupation::Product),
            ("HR系统开发工程师", Occupation::Engineering),
            ("资深运营设计师（漫画）", Occupation::Design),
            ("市场开发经理", Occupation::SalesMarketing),
            ("组织架构与薪酬经理", Occupation::People),
            ("Programmer Analyst", Occupation::Engineering),
            // The employer after "at" is not the role.
            (
                "Senior Backend Engineer at Teachers Pay Teachers",
                Occupation::Engineering,
            ),
        ] {
            assert_eq!(occupations_of(title), vec![want], "{title}");
        }
        for title in [
            "Technical Program Manager",
            "Head of Strategy",
            "Operations Manager, International",
            "资深产品-活动方向",
            "供应链管理培训生",
            "Hardware Product Specialist",
            "Business Intelligence Manager商务智能经理",
            // A role that names no occupation of the table is the job, whatever follows.
            "Data Scientist, Marketing",
            "Technical Program Manager, Sales Platforms",
            "研发项目经理",
            "",
        ] {
            assert_eq!(occupations_of(title), vec![], "{title}");
        }
        // Each role of a hybrid title.
        for (title, want) in [
            (
                "Engineer / Product Manager",
                vec![Occupation::Engineering, Occupation::Product],
            ),
            (
                "数据分析师、数据挖掘工程师",
                vec![Occupation::Engineering, Occupation::Analysis],
            ),
        ] {
            assert_eq!(occupations_of(title), want, "{title}");
        }
    }

    /// The head as first written: each role word's last occurrence, one role word at a time.
    /// [`head`] must read every title as this does.
    fn head_by_scan(part: &str) -> Option<Head> {
        let words = words_of(part);
        let english_end = |phrase: &str| -> Option<usize> {
            let n = phrase.split(' ').count();
            words
                .windows(n)
                .rposition(|w| w.iter().map(|x| x.0).eq(phrase.split(' ')))
                .map(|i| words[i + n - 1].1)
        };
        let chinese_end = |h: &str| -> Option<usize> { part.rfind(h).map(|i| i + h.len()) };
        let mut best: Option<(usize, usize, Head)> = None;
        for (h, p, is_english) in role_words() {
            let end = if is_english {
                english_end(p)
            } else {
                chinese_end(p)
            };
            if let Some(end) = end {
                if best.is_none_or(|(e, l, _)| (end, p.len()) > (e, l)) {
                    best = Some((end, p.len(), h));
                }
            }
        }
        best.map(|(_, _, h)| h)
    }

    #[test]
    fn every_role_word_is_read_as_the_scan_reads_it() {
        for (_, p, _) in role_words() {
            for title in [
                p.to_string(),
                format!("高级{p}"),
                format!("senior {p} ii"),
                format!("{p}/{p}经理"),
                format!("lead {p} engineer"),
            ] {
                assert_eq!(head(&title), head_by_scan(&title), "{title}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_role_word_automata_read_a_title_as_the_scan_does(
            picks in proptest::collection::vec((0usize..400, 0usize..8), 0..6)
        ) {
            let roles: Vec<&str> = role_words().map(|(_, p, _)| p).collect();
            let glue = [" ", "", "-", "/", "资深", " senior ", "高级", "x"];
            let mut title = String::new();
            for (r, g) in picks {
                title.push_str(glue[g]);
                title.push_str(roles[r % roles.len()]);
            }
            proptest::prop_assert_eq!(head(&title), head_by_scan(&title), "{}", title);
        }
    }

    #[test]
    fn role_words_are_written_in_lower_case() {
        // `head` compares them with a lower-cased title as they are.
        let all = OCCUPATIONS
            .iter()
            .flat_map(|(_, en, zh)| en.iter().chain(zh.iter()))
            .chain(NEUTRAL.0.iter().chain(NEUTRAL.1.iter()));
        for p in all {
            assert_eq!(*p, p.to_lowercase(), "{p}");
        }
        assert_eq!(occupations_of("UI设计师"), vec![Occupation::Design]);
        assert_eq!(occupations_of("DBA大数据"), vec![Occupation::Engineering]);
    }

    #[test]
    fn english_role_words_are_whole_words() {
        // "hr" inside "three", "rn" inside "modern", "sales" inside "wholesalers".
        assert_eq!(occupations_of("Three Modern Wholesalers"), vec![]);
        assert_eq!(
            occupations_of("HR Business Partner"),
            vec![Occupation::People]
        );
    }

    #[test]
    fn a_resume_names_the_occupations_of_its_jobs() {
        let resume = parse_resume(
            Path::new("r.md"),
            "# Ann\n\n## Experience\n\n### Senior Frontend Engineer, Larkspur\n2022 – Present\n\n\
             - Built the design system\n\n### Product Designer, Northgate\n2019 – 2022\n\n\
             - Ran user research\n",
            None,
        )
        .unwrap();
        assert_eq!(
            occupations(&resume),
            vec![Occupation::Engineering, Occupation::Design]
        );
    }

    #[test]
    fn another_occupation_costs_the_score_and_says_why() {
        let c = check_occupation(&[Occupation::Product], &[Occupation::Engineering]).unwrap();
        assert!(!c.meets);
        assert!(c.factor < 1.0);
        assert_eq!(
            c.detail,
            "a product management role; your jobs were in engineering"
        );
        let c = check_occupation(
            &[Occupation::Engineering],
            &[Occupation::Engineering, Occupation::Design],
        )
        .unwrap();
        assert!(c.meets && c.factor == 1.0, "{c:?}");
        assert_eq!(c.detail, "an engineering role, like your jobs");
        // Unknown on either side: no verdict, no cost.
        assert_eq!(check_occupation(&[], &[Occupation::Engineering]), None);
        assert_eq!(check_occupation(&[Occupation::Product], &[]), None);
        // A hybrid title is met by any of its roles, and says both.
        let c = check_occupation(
            &[Occupation::Engineering, Occupation::Analysis],
            &[Occupation::Analysis],
        )
        .unwrap();
        assert!(c.meets, "{c:?}");
        assert_eq!(c.detail, "an engineering or analysis role, like your jobs");
    }
}
