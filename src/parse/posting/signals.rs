//! What a posting line says, from its vocabulary: requirement phrasing ("experience with",
//! "5+ years", 熟悉, 3年以上), nice-to-have markers, duty phrasing, and the words of benefits,
//! applying and legal notices, and company blurbs. Headings say where a part starts; these
//! signals decide lines under no heading or an unknown one, and keep a heading from
//! swallowing lines that plainly belong elsewhere.

use crate::analyze::script::is_han;
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// Signals found in one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// Phrasing that states a requirement outright: experience with, N+ years, a degree,
    /// 熟悉 / 精通 / 掌握, N年以上.
    pub req: bool,
    /// Softer requirement phrasing: "ability to", "strong", 能力, 沟通.
    pub soft: bool,
    /// A nice-to-have marker: "a plus", "preferred", 优先, 加分, 尤佳.
    pub nice: bool,
    /// Duty phrasing: "you will", "responsible for", a line opening with an action verb, 负责.
    pub duty: bool,
    /// Benefits and perks: insurance, paid time off, equity, 五险一金, 带薪年假.
    pub benefit: bool,
    /// Process and legal: applying, links and addresses, 投递简历.
    pub process: bool,
    /// Text that is process or legal even when it names requirements: a money figure, a
    /// salary range, an equal-opportunity notice, an invitation to apply ("we encourage you
    /// to apply even if…", "The salary range … based on years of experience").
    pub notice: bool,
    /// A number of years asked ("5+ years", 3年以上): a requirement unless the line is about
    /// something else (vesting, tenure).
    pub years: bool,
    /// A company blurb: "we are a", "our mission", "founded in", 成立于, or the employer's
    /// name opening the line.
    pub company: bool,
    /// Blurb phrasing itself ("founded in", "our mission", 成立于, 创立于), as against a line
    /// that merely opens with the employer's name, which may be its product ("Google
    /// Analytics", "AWS Lambda").
    pub blurb: bool,
    /// The employer speaks of itself ("We are proud of our culture", "Our stack is React",
    /// "At Plaid, we…") and asks nothing of the reader: whatever it says ("our expertise
    /// with", "strong values") describes the employer, not a requirement.
    pub employer: bool,
}

impl Signals {
    /// No phrasing of requirements or duties: a sentence that only continues what the one
    /// before it said. A number of years alone does not count ("shaping the next 25 years").
    pub fn says_nothing_of_the_job(&self) -> bool {
        !(self.req || self.soft || self.nice || self.duty)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Req,
    Soft,
    Nice,
    Duty,
    Benefit,
    Process,
    Notice,
    Company,
    /// "year": a number of years when a number comes before it.
    Year,
    /// A currency sign: money when a number follows it.
    Currency,
    /// A Chinese money unit (元, 万/…): money when a number comes before it.
    Unit,
    /// A digit then `k` ("25k"): money when a range dash comes before it ("15-25k").
    Thousands,
}

/// `(pattern, class)`. English patterns match at word starts, and at word ends too unless
/// they end with `*` (a stem: "proficien*" matches proficient and proficiency).
const VOCABULARY: &[(&str, Class)] = &[
    // Requirements, English.
    ("experience with", Class::Req),
    ("experience in", Class::Req),
    ("you will need", Class::Req),
    ("you'll need", Class::Req),
    ("you’ll need", Class::Req),
    ("you should have", Class::Req),
    ("you must", Class::Req),
    ("experience of", Class::Req),
    ("experience building", Class::Req),
    ("experience designing", Class::Req),
    ("experience developing", Class::Req),
    ("experience running", Class::Req),
    ("experience operating", Class::Req),
    ("experience managing", Class::Req),
    ("experience working", Class::Req),
    ("experience leading", Class::Req),
    ("hands-on experience", Class::Req),
    ("proven experience", Class::Req),
    ("professional experience", Class::Req),
    ("industry experience", Class::Req),
    ("relevant experience", Class::Req),
    ("practical experience", Class::Req),
    ("years’ experience", Class::Req),
    ("years' experience", Class::Req),
    ("years experience", Class::Req),
    ("years of experience", Class::Req),
    ("proficien*", Class::Req),
    ("familiar*", Class::Req),
    ("knowledge of", Class::Req),
    ("knowledge in", Class::Req),
    ("understanding of", Class::Soft),
    ("expertise in", Class::Req),
    ("expertise with", Class::Req),
    ("expert in", Class::Req),
    ("expert knowledge", Class::Req),
    ("skilled in", Class::Req),
    ("fluent in", Class::Req),
    ("fluency in", Class::Req),
    ("degree in", Class::Req),
    ("degree or", Class::Req),
    ("bachelor*", Class::Req),
    ("master's", Class::Req),
    ("master’s", Class::Req),
    ("phd", Class::Req),
    ("ph.d", Class::Req),
    ("bs/ms", Class::Req),
    ("ba/bs", Class::Req),
    ("bs in", Class::Req),
    ("ms in", Class::Req),
    ("track record", Class::Req),
    ("have worked", Class::Req),
    ("have experience", Class::Req),
    ("have built", Class::Req),
    ("background in", Class::Req),
    ("must have", Class::Req),
    ("must be", Class::Req),
    ("certification*", Class::Req),
    ("certified", Class::Req),
    ("comfortable with", Class::Req),
    ("working knowledge", Class::Req),
    ("command of", Class::Req),
    ("you have", Class::Soft),
    ("you've", Class::Soft),
    ("you’ve", Class::Soft),
    ("you bring", Class::Soft),
    ("ability to", Class::Soft),
    ("able to", Class::Soft),
    ("strong", Class::Soft),
    ("excellent", Class::Soft),
    ("solid", Class::Soft),
    ("skills", Class::Soft),
    ("passion*", Class::Soft),
    ("self-starter", Class::Soft),
    ("detail-oriented", Class::Soft),
    // Requirements, Chinese.
    ("熟悉", Class::Req),
    ("精通", Class::Req),
    ("掌握", Class::Req),
    ("熟练", Class::Req),
    ("了解", Class::Req),
    ("具备", Class::Req),
    ("具有", Class::Req),
    ("年以上", Class::Req),
    ("年及以上", Class::Req),
    ("年工作经验", Class::Req),
    ("年相关", Class::Req),
    ("年经验", Class::Req),
    ("本科", Class::Req),
    ("硕士", Class::Req),
    ("博士", Class::Req),
    ("大专", Class::Req),
    ("学历", Class::Req),
    ("经验者", Class::Req),
    ("相关经验", Class::Req),
    ("工作经验", Class::Req),
    ("扎实", Class::Req),
    ("能力", Class::Soft),
    ("沟通", Class::Soft),
    ("责任心", Class::Soft),
    ("团队合作", Class::Soft),
    ("抗压", Class::Soft),
    ("良好的", Class::Soft),
    ("较强的", Class::Soft),
    // Nice to have.
    ("a plus", Class::Nice),
    // "Experience working full-stack is a big plus." (the item is the plus; "…, with a big
    // plus for Postgres" prefers a part of an item that asks).
    ("is a big plus", Class::Nice),
    ("is a huge plus", Class::Nice),
    ("is a great plus", Class::Nice),
    ("is a strong plus", Class::Nice),
    ("is a definite plus", Class::Nice),
    ("is an added plus", Class::Nice),
    ("be a big plus", Class::Nice),
    ("be a huge plus", Class::Nice),
    ("not required", Class::Nice),
    ("not mandatory", Class::Nice),
    ("非必须", Class::Nice),
    ("nice to have", Class::Nice),
    ("nice-to-have", Class::Nice),
    ("preferred", Class::Nice),
    ("is desirable", Class::Nice),
    ("are desirable", Class::Nice),
    ("bonus points", Class::Nice),
    ("is a bonus", Class::Nice),
    // "Masters degree is an asset", "would be an important asset", "(desirable)".
    ("is an asset", Class::Nice),
    ("be an asset", Class::Nice),
    ("be an important asset", Class::Nice),
    ("highly valued", Class::Nice),
    ("(desirable)", Class::Nice),
    ("ideally", Class::Nice),
    ("an advantage", Class::Nice),
    ("优先", Class::Nice),
    ("加分", Class::Nice),
    ("尤佳", Class::Nice),
    ("更佳", Class::Nice),
    // "了解机器学习者更好": the one who does is better, not asked of all.
    ("者更好", Class::Nice),
    ("为佳", Class::Nice),
    ("者佳", Class::Nice),
    // Duties.
    ("you will", Class::Duty),
    ("you'll", Class::Duty),
    ("you’ll", Class::Duty),
    ("responsible for", Class::Duty),
    ("in this role", Class::Duty),
    ("负责", Class::Duty),
    ("参与", Class::Duty),
    ("主导", Class::Duty),
    ("协助", Class::Duty),
    ("推动", Class::Duty),
    // Benefits.
    ("health insurance", Class::Benefit),
    ("medical", Class::Benefit),
    ("dental", Class::Benefit),
    ("vision insurance", Class::Benefit),
    ("life insurance", Class::Benefit),
    ("insurance", Class::Benefit),
    ("401(k)", Class::Benefit),
    ("401k", Class::Benefit),
    ("paid time off", Class::Benefit),
    ("pto", Class::Benefit),
    ("vacation", Class::Benefit),
    ("holidays", Class::Benefit),
    ("parental leave", Class::Benefit),
    ("maternity", Class::Benefit),
    ("paternity", Class::Benefit),
    ("sick leave", Class::Benefit),
    ("wellness", Class::Benefit),
    ("wellbeing", Class::Benefit),
    ("well-being", Class::Benefit),
    ("stipend", Class::Benefit),
    ("allowance", Class::Benefit),
    ("stock option*", Class::Benefit),
    ("equity", Class::Benefit),
    ("rsu*", Class::Benefit),
    ("annual bonus", Class::Benefit),
    ("performance bonus", Class::Benefit),
    ("retirement", Class::Benefit),
    ("pension", Class::Benefit),
    ("gym", Class::Benefit),
    ("perks", Class::Benefit),
    ("benefits", Class::Benefit),
    ("free lunch", Class::Benefit),
    ("snacks", Class::Benefit),
    ("flexible working", Class::Benefit),
    ("flexible hours", Class::Benefit),
    ("flexible schedule", Class::Benefit),
    ("learning budget", Class::Benefit),
    ("development budget", Class::Benefit),
    ("competitive salary", Class::Benefit),
    ("competitive compensation", Class::Benefit),
    ("competitive pay", Class::Benefit),
    ("compensation package", Class::Benefit),
    ("sabbatical", Class::Benefit),
    ("五险一金", Class::Benefit),
    ("六险一金", Class::Benefit),
    ("带薪", Class::Benefit),
    ("年假", Class::Benefit),
    ("补充医疗", Class::Benefit),
    ("商业保险", Class::Benefit),
    ("节日福利", Class::Benefit),
    ("下午茶", Class::Benefit),
    ("团建", Class::Benefit),
    ("餐补", Class::Benefit),
    ("房补", Class::Benefit),
    ("交通补", Class::Benefit),
    ("年终奖", Class::Benefit),
    ("弹性工作", Class::Benefit),
    ("双休", Class::Benefit),
    ("福利", Class::Benefit),
    ("体检", Class::Benefit),
    ("期权", Class::Benefit),
    ("零食", Class::Benefit),
    // Process and legal.
    ("click to apply", Class::Notice),
    ("apply now", Class::Notice),
    // How to apply, not "the ability to apply them when solving operational issues" or
    // "background to apply to periodic market forecasting": a use of skills (a line
    // ending with "to apply" is found apart).
    ("to apply.", Class::Notice),
    ("to apply!", Class::Notice),
    ("to apply,", Class::Notice),
    ("to apply:", Class::Notice),
    ("to apply for", Class::Notice),
    ("to apply to a", Class::Notice),
    ("to apply to jobs", Class::Notice),
    ("to apply even", Class::Notice),
    ("to apply as soon", Class::Notice),
    ("to apply and be", Class::Notice),
    ("to apply directly", Class::Notice),
    ("to apply online", Class::Notice),
    ("apply here", Class::Notice),
    ("apply via", Class::Process),
    ("please apply", Class::Notice),
    ("apply today", Class::Notice),
    ("apply for this", Class::Process),
    ("your application", Class::Process),
    ("submit your", Class::Process),
    ("send your resume", Class::Process),
    ("send your cv", Class::Process),
    ("send us your", Class::Process),
    ("equal opportunity", Class::Notice),
    ("equal employment", Class::Notice),
    ("equal opportunities", Class::Notice),
    ("equal-opportunity", Class::Notice),
    ("equal-employment", Class::Notice),
    // "Dandy also fully complies with the Americans with Disabilities Act (ADA)"; an HR
    // posting's "working knowledge of the … Disabilities Act" still asks.
    ("disabilities act", Class::Process),
    // The equal-opportunity statement's ways of saying "discrimination" in the 1,036 real
    // postings; an HR or legal posting's "discrimination investigations" asks.
    ("free of discrimination", Class::Notice),
    ("free from discrimination", Class::Notice),
    ("prohibits discrimination", Class::Notice),
    ("prohibit discrimination", Class::Notice),
    ("prohibits unlawful discrimination", Class::Notice),
    ("prohibit any unlawful discrimination", Class::Notice),
    ("tolerate discrimination", Class::Notice),
    ("tolerate any discrimination", Class::Notice),
    ("face discrimination", Class::Notice),
    ("forms of discrimination", Class::Notice),
    ("without discrimination", Class::Notice),
    ("discrimination of any kind", Class::Notice),
    ("harassment and/or discrimination", Class::Notice),
    ("not discriminate", Class::Notice),
    ("eeo employer", Class::Notice),
    ("eeo/aa", Class::Notice),
    ("without regard to", Class::Notice),
    // "regardless of race…", not "regardless of your language of choice" (a requirement).
    ("regardless of race", Class::Notice),
    ("regardless of gender", Class::Notice),
    ("regardless of age", Class::Notice),
    ("regardless of ethnicity", Class::Notice),
    ("regardless of religion", Class::Notice),
    ("regardless of sex", Class::Notice),
    ("regardless of colo*", Class::Notice),
    ("regardless of criminal", Class::Notice),
    ("regardless of background", Class::Notice),
    ("regardless of marital", Class::Notice),
    ("regardless of pregnancy", Class::Notice),
    ("regardless of citizenship", Class::Notice),
    ("regardless of ancestry", Class::Notice),
    ("regardless of national", Class::Notice),
    ("regardless of veteran", Class::Notice),
    ("regardless of disabilit*", Class::Notice),
    ("regardless of sexual", Class::Notice),
    // "Apply regardless of whether you meet every qualification".
    ("regardless of whether you meet", Class::Process),
    ("sexual orientation", Class::Notice),
    ("gender identity", Class::Notice),
    ("national origin", Class::Notice),
    ("veteran status", Class::Notice),
    ("protected veteran", Class::Notice),
    ("disability", Class::Process),
    ("accommodation*", Class::Process),
    ("e-verify", Class::Notice),
    ("affirmative action", Class::Notice),
    // Work authorisation and visas: eligibility, which no skill or bullet proves.
    ("visa sponsorship", Class::Notice),
    ("visa transfer", Class::Notice),
    ("visa assistance", Class::Notice),
    ("work visa", Class::Notice),
    ("immigration sponsorship", Class::Notice),
    ("employment sponsorship", Class::Notice),
    ("sponsor a work", Class::Notice),
    ("provide sponsorship", Class::Notice),
    ("work authori*", Class::Notice),
    ("authorized to work", Class::Notice),
    ("authorised to work", Class::Notice),
    ("authorized to be employed", Class::Notice),
    ("eligible to work", Class::Notice),
    ("right to work", Class::Notice),
    // Hiring steps and conditions of employment.
    // The terms of the job ("Job Type: Full-time", "This is a full-time remote position"),
    // which no bullet proves; "10 years full-time software engineering experience" asks.
    ("job type", Class::Notice),
    ("full-time position", Class::Process),
    ("full-time role", Class::Process),
    ("full-time remote", Class::Process),
    ("position is full", Class::Process),
    ("background check*", Class::Notice),
    ("background investigation", Class::Notice),
    ("drug test*", Class::Notice),
    ("drug screen*", Class::Notice),
    ("pre-employment", Class::Notice),
    ("relocation assistance", Class::Notice),
    // How pay is set, and the law's part in it: "Salary is based on … experience, knowledge,
    // skills and other factors permitted by law" states no requirement.
    ("salary is", Class::Notice),
    ("salary will", Class::Notice),
    ("pay is based", Class::Notice),
    ("compensation is based", Class::Notice),
    // "Compensation will vary depending on location, job-related knowledge, skills, and
    // experience", "There are many factors that go into salary determinations, including
    // relevant experience": how pay is set, which names skills and asks none.
    ("compensation will", Class::Notice),
    ("compensation for this", Class::Notice),
    ("individual compensation", Class::Notice),
    ("actual compensation", Class::Notice),
    ("discussing compensation", Class::Notice),
    ("salary determination*", Class::Notice),
    ("salary expectation*", Class::Notice),
    ("expected salary", Class::Notice),
    ("exact salary", Class::Notice),
    ("actual salary", Class::Notice),
    ("permitted by law", Class::Notice),
    // Accommodation during the interviews: "please let our Talent team know".
    ("please let", Class::Notice),
    ("privacy", Class::Process),
    ("personal data", Class::Process),
    ("recruitment agencies", Class::Process),
    ("recruiting agencies", Class::Process),
    ("#li-", Class::Process),
    ("encourage you to apply", Class::Notice),
    ("encourage applicants", Class::Notice),
    ("also apply", Class::Notice),
    ("still apply", Class::Notice),
    ("apply anyway*", Class::Notice),
    ("apply if", Class::Notice),
    ("apply to the role", Class::Notice),
    ("come apply", Class::Notice),
    ("diverse team", Class::Notice),
    ("diversity", Class::Process),
    ("inclusive workplace", Class::Notice),
    ("compensation philosophy", Class::Notice),
    // "This range reflects the minimum and maximum target for new hire salaries…"
    ("range reflects", Class::Notice),
    ("ranges reflect", Class::Notice),
    ("hire salaries", Class::Notice),
    ("compensation practices", Class::Notice),
    ("联系方式", Class::Notice),
    ("联络方式", Class::Notice),
    // "了解面试详情也可直接拨打…": whom an applicant may call (a telesales duty, "每天拨打客户
    // 电话", is no contact line).
    ("可直接拨打", Class::Notice),
    ("底薪", Class::Notice),
    ("提成", Class::Notice),
    ("薪酬", Class::Notice),
    ("节假日", Class::Benefit),
    // What staff "enjoy" (享有): every use in the real postings is a perk ("内部员工享有免费学历
    // 进修", "任职5周年以上享有长期养老津贴"), which a 学历 or a 以上 had made a requirement.
    ("享有", Class::Benefit),
    ("有薪假", Class::Benefit),
    ("li-remote", Class::Process),
    ("salary range*", Class::Notice),
    ("pay range*", Class::Notice),
    ("base salary", Class::Notice),
    ("starting salary", Class::Notice),
    ("base pay", Class::Notice),
    ("compensation range", Class::Notice),
    ("per hour", Class::Notice),
    ("per day", Class::Notice),
    ("day rate", Class::Notice),
    ("职能类别", Class::Process),
    ("/yr", Class::Notice),
    ("/year", Class::Notice),
    ("/hour", Class::Notice),
    ("usd", Class::Process),
    ("http://", Class::Process),
    ("https://", Class::Process),
    ("www.", Class::Process),
    ("<email>", Class::Process),
    ("投递", Class::Process),
    ("简历", Class::Process),
    ("邮箱", Class::Process),
    ("联系电话", Class::Process),
    ("微信", Class::Process),
    ("薪资", Class::Process),
    ("月薪", Class::Process),
    ("年薪", Class::Process),
    ("万/月", Class::Process),
    ("千/月", Class::Process),
    ("元/月", Class::Process),
    ("平等", Class::Process),
    ("歧视", Class::Process),
    // Company blurbs.
    ("we are a", Class::Company),
    ("we're a", Class::Company),
    ("we’re a", Class::Company),
    ("we are the", Class::Company),
    ("our mission", Class::Company),
    ("our purpose", Class::Company),
    ("our vision", Class::Company),
    ("our values", Class::Company),
    ("founded in", Class::Company),
    ("founded by", Class::Company),
    ("headquartered", Class::Company),
    ("is a leading", Class::Company),
    ("is the leading", Class::Company),
    ("is a global", Class::Company),
    ("is the world", Class::Company),
    ("backed by", Class::Company),
    ("series a", Class::Company),
    ("series b", Class::Company),
    ("series c", Class::Company),
    ("investors", Class::Company),
    ("fortune 500", Class::Company),
    ("leader in", Class::Company),
    ("employees in", Class::Company),
    ("offices in", Class::Company),
    ("we believe", Class::Company),
    ("成立于", Class::Company),
    ("创立于", Class::Company),
    ("创建于", Class::Company),
    ("总部", Class::Company),
    ("旗下", Class::Company),
    ("上市公司", Class::Company),
    ("我们是", Class::Company),
    ("致力于", Class::Company),
    ("year*", Class::Year),
    ("yr*", Class::Year),
    ("$", Class::Currency),
    ("€", Class::Currency),
    ("£", Class::Currency),
    ("¥", Class::Currency),
    ("元", Class::Unit),
    ("万/", Class::Unit),
    ("万元", Class::Unit),
    ("千/", Class::Unit),
    ("0k", Class::Thousands),
    ("1k", Class::Thousands),
    ("2k", Class::Thousands),
    ("3k", Class::Thousands),
    ("4k", Class::Thousands),
    ("5k", Class::Thousands),
    ("6k", Class::Thousands),
    ("7k", Class::Thousands),
    ("8k", Class::Thousands),
    ("9k", Class::Thousands),
];

/// Action verbs that open a duty line ("Design and operate…", "Own the…").
const DUTY_VERBS: &[&str] = &[
    "build",
    "design",
    "develop",
    "own",
    "lead",
    "drive",
    "work",
    "collaborate",
    "partner",
    "manage",
    "maintain",
    "implement",
    "create",
    "define",
    "help",
    "support",
    "ensure",
    "improve",
    "mentor",
    "participate",
    "write",
    "deploy",
    "operate",
    "monitor",
    "troubleshoot",
    "automate",
    "architect",
    "deliver",
    "contribute",
    "shape",
    "scale",
    "optimize",
    "optimise",
    "establish",
    "evaluate",
    "review",
    "investigate",
    "champion",
    "coordinate",
    "analyze",
    "analyse",
    "identify",
    "respond",
    "provide",
    "plan",
    "run",
    "oversee",
    "set",
    "add",
    "migrate",
    "keep",
    "join",
    "serve",
    "translate",
    "prepare",
    "research",
    "test",
    "document",
    "resolve",
    "handle",
    "conduct",
    "engage",
    "act",
];

/// Verbs that open a Chinese duty line ("带领团队…", "设计并实现…", "营造技术氛围…"): the
/// Chinese counterpart of [`DUTY_VERBS`]. 负责, 参与, 主导, 协助 and 推动 are duties wherever
/// they stand and are in the vocabulary.
const DUTY_VERBS_ZH: &[&str] = &[
    "带领", "领导", "管理", "设计", "开发", "搭建", "构建", "建设", "打造", "营造", "规划", "制定",
    "优化", "维护", "完成", "跟进", "建立", "支持", "保障", "提升", "改进", "对接", "配合", "指导",
    "组织", "编写", "撰写", "实现", "研发", "洞察", "探索", "调研", "定义", "梳理", "沉淀", "承担",
    "落实", "推进", "执行", "部署", "运营", "协调", "驱动",
];

/// Words after an opening verb that make it a noun phrase of what is asked ("开发经验",
/// "管理能力"), not a duty.
const ASKED_AFTER_VERB_ZH: &[&str] = &["经验", "能力", "经历", "背景", "相关", "岗位", "工作经"];

/// Whether `text` opens, after any item number or bullet, with one of [`DUTY_VERBS_ZH`] that
/// is not the head of a noun phrase of what is asked.
fn opens_with_duty_verb_zh(text: &str) -> bool {
    // Only an item number or a bullet may come first: after other words ("Java开发…") the
    // verb is not the line's first. Most lines are decided in their first few characters.
    let Some(start) = text
        .char_indices()
        .take_while(|&(i, c)| (i <= 12 && !c.is_alphabetic()) || is_han(c))
        .find_map(|(i, c)| is_han(c).then_some(i))
    else {
        return false;
    };
    // Every verb is two characters: the line's first two are looked up once.
    let head = &text[start..];
    let two = head.char_indices().nth(2).map_or(head.len(), |(i, _)| i);
    DUTY_VERB_ZH_SET.contains(&head[..two])
        && !ASKED_AFTER_VERB_ZH
            .iter()
            .any(|a| head[two..].starts_with(a))
}

static DUTY_VERB_ZH_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| DUTY_VERBS_ZH.iter().copied().collect());

static DUTY_VERB_SET: LazyLock<rustc_hash::FxHashSet<&'static [u8]>> =
    LazyLock::new(|| DUTY_VERBS.iter().map(|v| v.as_bytes()).collect());

/// Whether the first word of `text` (a run of letters, digits and apostrophes) is one of
/// [`DUTY_VERBS`], in any case. Only a short ASCII word can be one, so the scan stops after
/// 16 bytes or at a non-ASCII letter (a Chinese line is one long run of letters), and the
/// word is lower-cased on the stack and looked up once.
fn opens_with_duty_verb(text: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let Some(start) = text
        .char_indices()
        .find_map(|(i, c)| is_word(c).then_some(i))
    else {
        return false;
    };
    let word = &text.as_bytes()[start..];
    let mut buf = [0u8; 16];
    let mut len = 0;
    while len < word.len() {
        let b = word[len];
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'\'') {
                break;
            }
        } else {
            // A letter or `’` would make the word non-ASCII; anything else ends it.
            let c = text[start + len..].chars().next().unwrap_or(' ');
            if is_word(c) {
                return false;
            }
            break;
        }
        if len == buf.len() {
            return false;
        }
        buf[len] = b.to_ascii_lowercase();
        len += 1;
    }
    len > 0 && DUTY_VERB_SET.contains(&buf[..len])
}

struct Automaton {
    /// The patterns in ASCII lower case (values: their index in [`VOCABULARY`]).
    ac: DoubleArrayAhoCorasick<u32>,
    /// Per pattern: its class, whether it is ASCII (then word starts matter) and whether it
    /// must end at a word end.
    info: Vec<(Class, bool, bool)>,
}

static AUTOMATON: LazyLock<Automaton> = LazyLock::new(|| {
    let patterns = (0u32..).zip(VOCABULARY).map(|(i, (p, _))| {
        let p = p.trim_end_matches('*').to_ascii_lowercase();
        (p, i)
    });
    let info = VOCABULARY
        .iter()
        .map(|(p, c)| {
            let ascii = p.is_ascii();
            (*c, ascii, ascii && !p.ends_with('*'))
        })
        .collect();
    // A double-array automaton searched over the line in ASCII lower case. This runs on
    // every line of every posting in a batch, and its time goes to loading transitions: a
    // dense DFA of this vocabulary (aho-corasick's, 2.6 MB with case folding) misses the
    // cache on nearly every byte, where the double array (under 40 KB) stays in it.
    // Built from constants, each pattern once (`tests::the_vocabulary_has_no_duplicates`).
    let ac = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(patterns)
        .expect("vocabulary patterns build");
    Automaton { ac, info }
});

/// Lines up to this many bytes are lowered without an allocation.
const LOWER_ON_STACK: usize = 512;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The signals of `text`. `company` is the employer's name when known: a line that opens
/// with it is about the company ("Xero is a beautiful platform…", "At Xero, our purpose…").
pub fn signals(text: &str, company: Option<&str>) -> Signals {
    let bytes = text.as_bytes();
    let auto = &*AUTOMATON;
    let mut s = Signals::default();
    // Leftmost-longest matches, one after another: the longer phrase is the more specific
    // reading ("you will need" asks, "you will" describes a duty). A match inside a word is
    // skipped by searching again one byte after its start, so it hides nothing behind it.
    // Lowered on the stack: nearly every line fits, and this runs once per line of every
    // posting in a batch (an allocation per line showed in profiles).
    let mut stack = [0u8; LOWER_ON_STACK];
    let heap;
    let hay: &[u8] = if !bytes.iter().any(u8::is_ascii_uppercase) {
        bytes
    } else if let Some(buf) = stack.get_mut(..bytes.len()) {
        buf.copy_from_slice(bytes);
        buf.make_ascii_lowercase();
        buf
    } else {
        heap = text.to_ascii_lowercase();
        heap.as_bytes()
    };
    let mut at = 0;
    'search: loop {
        for m in auto.ac.leftmost_find_iter(&hay[at..]) {
            let (start, end) = (at + m.start(), at + m.end());
            let (class, ascii, word_end) = auto.info[m.value() as usize];
            // "25k": the digit may follow other digits.
            if ascii && class != Class::Thousands {
                let starts_word = start == 0 || !is_word_byte(bytes[start - 1]);
                let first_is_word = is_word_byte(bytes[start]);
                let last_is_word = is_word_byte(bytes[end - 1]);
                let inside = (first_is_word && !starts_word)
                    || (word_end && last_is_word && end < bytes.len() && is_word_byte(bytes[end]));
                if inside {
                    at = start + 1;
                    continue 'search;
                }
            }
            match class {
                Class::Req => s.req = true,
                Class::Soft => s.soft = true,
                Class::Nice => s.nice = true,
                Class::Duty => s.duty = true,
                Class::Benefit => s.benefit = true,
                Class::Process => s.process = true,
                Class::Notice => s.notice = true,
                Class::Company => {
                    s.company = true;
                    s.blurb = true;
                }
                Class::Year => {
                    s.years |=
                        number_before(&text[..start]) && !crate::parse::text::is_age(&text[end..])
                }
                Class::Currency => {
                    s.notice |= text[end..]
                        .trim_start()
                        .starts_with(|d: char| d.is_ascii_digit())
                }
                Class::Unit => s.notice |= text[..start].ends_with(|d: char| d.is_ascii_digit()),
                Class::Thousands => s.notice |= range_before(bytes, start + 1),
            }
        }
        break;
    }
    if opens_with_duty_verb(text) || opens_with_duty_verb_zh(text) {
        s.duty = true;
    }
    // "preferably AWS", "(ideally Bevy)": what an item prefers, cut from what it asks, is
    // still asked for, as a preference, whatever the heading over it (a "preferably" inside
    // an item qualifies only part of it, and says nothing of the whole).
    let head = text.trim_start_matches(['(', ' ']);
    let opens = |w: &str| {
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !head[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    // "Click the link below to apply": how to apply, at the line's end.
    let tail = text
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .as_bytes();
    if tail.len() >= 8 && tail[tail.len() - 8..].eq_ignore_ascii_case(b"to apply") {
        s.notice = true;
    }
    if opens("preferably") || opens("ideally") {
        s.nice = true;
        s.req = true;
    }
    if is_tracking_tags(text) {
        s.process = true;
    }
    if speaks_of_employer(text) {
        s.employer = true;
        s.req = false;
        s.soft = false;
        s.nice = false;
        s.years = false;
    }
    if tells_company_history(text) {
        // "With over 20 years of experience, PCF sets out…": the years are the employer's.
        s.company = true;
        s.blurb = true;
        s.years = false;
        s.req = false;
    }
    if let Some(name) = company.map(str::trim).filter(|n| n.chars().count() >= 2) {
        let head = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let head = match head.get(..3) {
            Some(at) if at.eq_ignore_ascii_case("at ") => &head[3..],
            _ => head,
        };
        if head
            .get(..name.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(name))
        {
            s.company = true;
        }
    }
    s
}

/// Whether `text` is only job-board tracking tags ("LI-JB1", "#LI-Remote #BI-Remote", "LI-"):
/// codes LinkedIn and Built In use to count applicants, no part of the job.
fn is_tracking_tags(text: &str) -> bool {
    // Every tag opens with `#`, `L` or `B`: other lines (nearly all, and Chinese lines are one
    // long "word") are not split into words.
    if !matches!(
        text.trim_start().as_bytes().first(),
        Some(b'#' | b'L' | b'B')
    ) {
        return false;
    }
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.trim_start_matches('#')
                .split_once('-')
                .is_some_and(|(board, code)| {
                    matches!(board, "LI" | "BI") && code.bytes().all(|b| b.is_ascii_alphanumeric())
                })
        })
}

/// Whether `text` is the employer speaking of itself: it opens with "we" or "our" (or "At
/// Name, we…") and no word of it turns to the reader ("you", "candidates", "looking for",
/// "we expect", "ideal"). "We're looking for someone strong in Go" and "Our ideal candidate
/// has…" ask; "We combine our expertise with leading technologies" does not.
fn speaks_of_employer(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most lines open with another letter: no word is cut out of them (a Chinese line is
    // one long run of letters).
    if !matches!(
        head.as_bytes().first(),
        Some(b'w' | b'W' | b'o' | b'O' | b'a' | b'A')
    ) {
        return false;
    }
    let mut words = head
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let we = |w: &str| {
        ["we", "we're", "we’re", "we've", "we’ve", "our"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    };
    // "At Plaid, we…": the name, then the comma, then "we" or "our".
    let opens = we(first)
        || (first.eq_ignore_ascii_case("at")
            && head.find(',').is_some_and(|c| {
                c <= 40
                    && head[c + 1..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| we(w.trim_end_matches(|x: char| !x.is_alphanumeric())))
            }));
    if !opens {
        return false;
    }
    const TO_THE_READER: &[&str] = &[
        "you",
        "your",
        "you're",
        "you’re",
        "you'll",
        "you’ll",
        "you've",
        "you’ve",
        "yourself",
        "candidate",
        "candidates",
        "applicant",
        "applicants",
        "someone",
        "somebody",
        "anyone",
        "individual",
        "individuals",
        "person",
        "people",
        "engineer",
        "engineers",
        "developer",
        "developers",
        "looking",
        "seeking",
        "seek",
        "need",
        "needs",
        "want",
        "wants",
        "expect",
        "expects",
        "require",
        "requires",
        "required",
        "ideal",
        "hire",
        "hiring",
        "join",
        "must",
        "should",
    ];
    // The rest of the words (the first is "we", "our" or "at").
    !words.any(|w| TO_THE_READER.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// Whether `text` opens with a span of years whose subject, after the comma, is a name or
/// "we" rather than the reader: "For over 35 years, Cority has…", "With over 20 years of
/// experience, PCF sets out…" tell the employer's history; "With 5+ years of experience, you
/// will…" and "With 3 years of experience, the candidate…" still ask.
fn tells_company_history(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The opening word first: most lines open with another, and need no search for a comma
    // (the first letter first: a Chinese line is one long word).
    if !matches!(
        head.as_bytes().first(),
        Some(b'w' | b'W' | b'f' | b'F' | b'o' | b'O' | b'a' | b'A')
    ) {
        return false;
    }
    let first = head.split_whitespace().next().unwrap_or("");
    if !["with", "for", "over", "after"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return false;
    }
    let Some((opener, rest)) = head.split_once(',') else {
        return false;
    };
    if opener.len() > 60 {
        return false;
    }
    let lower = opener.to_ascii_lowercase();
    let spans_years = ["year", "decade"].iter().any(|unit| {
        lower
            .find(unit)
            .is_some_and(|at| number_before(&lower[..at]))
    });
    let subject = rest.split_whitespace().next().unwrap_or("");
    let reader = [
        "you",
        "you'll",
        "you’ll",
        "you're",
        "you’re",
        "your",
        "the",
        "a",
        "an",
        "this",
        "candidates",
        "applicants",
        "ideal",
    ];
    let named = subject.starts_with(|c: char| c.is_uppercase())
        && !reader.iter().any(|w| subject.eq_ignore_ascii_case(w));
    spans_years && (named || subject == "we" || subject == "our")
}

/// Whether `before` (the text before "year") ends with a number: "5+ ", "3-5 ", "two ".
fn number_before(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.trim_end_matches(['+', ')']).trim_end();
    if before.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    [
        "two", "three", "four", "five", "six", "seven", "eight", "ten",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a range dash comes shortly before the `k` at `k` ("15-25k", "20k-30k"): a dash
/// within the five bytes before it, after a letter or digit.
fn range_before(b: &[u8], k: usize) -> bool {
    let from = k.saturating_sub(5);
    b[from..k]
        .iter()
        .rposition(|&c| c == b'-')
        .is_some_and(|d| {
            let d = from + d;
            d > 0 && b[d - 1].is_ascii_alphanumeric()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regardless_of_is_a_notice_only_of_who_may_apply() {
        assert!(signals("We hire regardless of race or religion", None).notice);
        assert!(signals("considered regardless of marital status", None).notice);
        assert!(
            signals(
                "Apply regardless of whether you meet every qualification",
                None
            )
            .process
        );
        let ask = signals("Stellar engineering leadership by example — regardless of your language of choice, you separate concerns", None);
        assert!(!ask.notice && !ask.process, "{ask:?}");
    }

    #[test]
    fn the_vocabulary_has_no_duplicates() {
        // The automaton is built from patterns in lower case without their `*`: a pattern
        // written twice would be one pattern with two classes, the second never found.
        let mut seen = std::collections::HashSet::new();
        for (p, _) in VOCABULARY {
            let key = p.trim_end_matches('*').to_ascii_lowercase();
            assert!(seen.insert(key), "{p} is in the vocabulary twice");
        }
    }

    #[test]
    fn requirement_phrasing() {
        assert!(signals("5+ years of experience with Kubernetes", None).req);
        assert!(signals("3-5 years building backend services", None).years);
        // An age asks nothing.
        assert!(!signals("competing with products that are 20+ years old", None).years);
        assert!(!signals("a 15-year-old codebase", None).years);
        assert!(signals("熟悉Linux，3年以上运维经验", None).req);
        assert!(signals("Proficiency in Go or Rust", None).req);
        assert!(!signals("We ship every day", None).req);
        // Word starts matter: "ms in" is not inside "items in".
        assert!(!signals("items in the queue", None).req);
    }

    #[test]
    fn phrasing_is_found_in_any_case_in_lines_of_any_length() {
        // Lowered on the stack up to LOWER_ON_STACK bytes, on the heap past it.
        for len in [LOWER_ON_STACK - 40, LOWER_ON_STACK + 40, 4 * LOWER_ON_STACK] {
            let pad = "Ship Things ".repeat(len / 12);
            let line = format!("{pad}HANDS-ON EXPERIENCE WITH Kafka");
            assert!(signals(&line, None).req, "{} bytes", line.len());
            assert!(!signals(&pad, None).req, "{} bytes", pad.len());
            let benefit = format!("{pad}and Dental Coverage");
            assert!(signals(&benefit, None).benefit, "{} bytes", benefit.len());
        }
    }

    #[test]
    fn benefits_process_and_company() {
        assert!(signals("Rich medical, dental, and vision coverage", None).benefit);
        assert!(signals("五险一金，带薪年假", None).benefit);
        assert!(signals("CLICK TO APPLY", None).notice);
        // How pay is set asks nothing, whatever factors it names.
        assert!(signals("Salary is based on a variety of factors including relevant experience, knowledge, skills and other factors permitted by law.", None).notice);
        assert!(
            signals(
                "If you have any requirements for the interviews, please let our Talent team know.",
                None
            )
            .notice
        );
        assert!(!signals("5+ years of experience with Go", None).notice);
        assert!(signals("💰 $174,000/yr - $235,000/yr", None).notice);
        assert!(signals("薪资：15-25k·13薪", None).notice);
        assert!(signals("底薪5000元起", None).notice);
        assert!(signals("联络方式：了解面试详情也可直接拨打①④⑦④", None).notice);
        // Calling customers is a telesales duty, not a contact line.
        assert!(!signals("每天拨打客户电话，介绍公司CRM产品", None).notice);
        assert!(
            signals(
                "Acme is an equal opportunity employer and does not discriminate",
                None
            )
            .notice
        );
        assert!(signals("The salary ranges reflect years of experience", None).notice);
        assert!(signals("This range reflects the minimum and maximum target for new hire salaries for candidates based on their respective Zone.", None).notice);
        assert!(signals("Olsson is an EEO employer.", None).notice);
        // How pay is set names skills and experience, and asks for none of them.
        for notice in [
            "Compensation will vary depending on location, job-related knowledge, skills, and experience.",
            "There are many factors that go into salary determinations, including relevant experience, skill level and qualifications.",
            "Individual compensation for this role will depend on a variety of factors including qualifications, skills and applicable laws.",
            "Exact salary will ultimately depend on multiple factors, such as the candidate's skills and experience.",
            "We encourage candidates to share their salary expectations and requirements early.",
            "Dandy is proud to be an equal-opportunity employer.",
        ] {
            assert!(signals(notice, None).notice, "{notice}");
        }
        let ada = signals(
            "Dandy also fully complies with the Americans with Disabilities Act (ADA).",
            None,
        );
        assert!(ada.process && !ada.req);
        for notice in ["Job Type: Full-time", "Job Type: Regular, Full Time."] {
            assert!(signals(notice, None).notice, "{notice}");
        }
        assert!(
            signals(
                "This is a full-time remote position, for candidates in EST.",
                None
            )
            .process
        );
        // Years of full-time work are asked for.
        let s = signals("10 years full-time software engineering experience", None);
        assert!(!s.process && !s.notice && s.years);
        assert!(signals("Background in financial services is a strong plus.", None).nice);
        assert!(
            !signals(
                "Experience with SQL DBs, with a big plus for Postgres",
                None
            )
            .nice
        );
        // An HR posting asks for experience with diversity and inclusion programmes.
        let hr = signals(
            "A combination of HR experience in the following areas: performance management, diversity and inclusion",
            None,
        );
        assert!(!hr.notice && hr.process && hr.req);
        // How to apply is a notice; applying one's skills is not.
        for notice in [
            "Click the link below to apply",
            "Please make sure to apply as soon as you can.",
            "Feel free to apply even if you don't check all these boxes",
            "Women are less likely to apply to jobs unless they meet every requirement.",
        ] {
            assert!(signals(notice, None).notice, "{notice}");
        }
        for asks in [
            "Carry out currency pair analysis with quantitative background to apply to periodic market forecasting.",
            "Knowledge of program management theory and the ability to apply them when solving issues",
            "Knowing when and how to apply them during product development",
            "Experience with ML models and the ability to apply and adapt them in PySpark",
        ] {
            assert!(!signals(asks, None).notice, "{asks}");
        }
        // A recruiter's own work with pay is a requirement, not a notice.
        assert!(!signals("Experience negotiating complex compensation packages", None).notice);
        for nice in [
            "Masters degree is an asset",
            "Experience in ICU would be an important asset",
            "Experience with multi-cultural teams (desirable).",
            "Certifications in CPLP are highly valued.",
        ] {
            assert!(signals(nice, None).nice, "{nice}");
        }
        assert!(
            signals(
                "Wpromote is committed to an environment free of discrimination and harassment.",
                None
            )
            .notice
        );
        // An HR or legal posting's discrimination is its work, not the statement.
        assert!(
            !signals(
                "3+ years of experience with Title VII discrimination investigations",
                None
            )
            .notice
        );
        assert!(signals("②内部员工享有免费学历进修；", None).benefit);
        assert!(signals("了解机器学习者更好", None).nice);
        assert!(signals("Xero is a beautiful platform", Some("Xero")).company);
        assert!(signals("At Xero, our purpose is to make life better", Some("Xero")).company);
        assert!(!signals("Work with Xero's payments team", Some("Xero")).company);
    }

    #[test]
    fn work_authorisation_and_hiring_checks_are_notices_not_requirements() {
        for line in [
            "Must be authorized to work in the US without visa assistance now or in the future",
            "This position is not eligible for visa transfer or sponsorship.",
            "Applicants must have the unrestricted right to work in the United States.",
            "Candidates must have work authorization that does not require visa sponsorship.",
            "Employment is contingent upon a pre-employment background investigation and drug test.",
            "Offer and background checks",
        ] {
            assert!(signals(line, None).notice, "{line}");
        }
        for line in [
            "Plan strategic trips abroad including flights, hotel and visas",
            "Own the end to end sponsorship process for developer events",
            "Ability to work independently",
            // A recruiter's duty, not a condition of this job.
            "Drive the offer process, including reference checks and salary recommendations",
        ] {
            assert!(!signals(line, None).notice, "{line}");
        }
    }

    #[test]
    fn the_employer_speaking_of_itself_asks_nothing() {
        for line in [
            "We combine our expertise with the world’s leading technologies.",
            "At Arista, we take pride in our track record of success.",
            "Our team is passionate, talented, and customer-focused.",
            "We value learning and growth and the ability to make a big impact.",
            "We are proud of the culture we have built together.",
        ] {
            let s = signals(line, None);
            assert!(s.employer && !s.req && !s.soft, "{line}: {s:?}");
        }
        for line in [
            "We’re looking for a software engineer, strong with Go and SQL.",
            "Our ideal candidate has 5+ years of experience with Kubernetes.",
            "We expect you to have experience with Terraform.",
            "We require strong knowledge of TCP/IP.",
            "At least 5 years of experience with Python.",
            "5+ years of experience with Kubernetes",
            "Experience with our stack: Go and Postgres",
        ] {
            let s = signals(line, None);
            assert!(!s.employer && (s.req || s.soft || s.years), "{line}: {s:?}");
        }
    }

    #[test]
    fn job_board_tracking_tags_are_process() {
        for line in ["LI-JB1", "#LI-Remote #BI-Remote", "LI-"] {
            assert!(signals(line, None).process, "{line}");
        }
        for line in ["CI-CD", "LI-JB1 and Kubernetes", ""] {
            assert!(!signals(line, None).process, "{line}");
        }
    }

    #[test]
    fn years_of_the_employers_history_are_not_asked() {
        for line in [
            "With over 20 years of experience, PCF sets out to explore new horizons.",
            "For over 35 years, Cority has been powered by the spirit of innovation.",
            "For two decades, we have built payroll software.",
        ] {
            let s = signals(line, None);
            assert!(s.company && !s.years && !s.req, "{line}: {s:?}");
        }
        for line in [
            "With 5+ years of experience, you will lead the platform team.",
            "With 3 years of experience, the candidate owns our CI.",
            "5+ years of experience with Kubernetes",
            "For 3+ years, you must have run Kubernetes in production.",
        ] {
            let s = signals(line, None);
            assert!(!s.company && (s.years || s.req), "{line}: {s:?}");
        }
        assert!(!signals("Apply machine learning to ranking", None).process);
    }

    #[test]
    fn chinese_duty_verbs_are_two_characters() {
        // `opens_with_duty_verb_zh` looks up a line's first two characters.
        for v in DUTY_VERBS_ZH {
            assert_eq!(v.chars().count(), 2, "{v}");
        }
    }

    #[test]
    fn a_chinese_line_opening_with_an_action_verb_is_a_duty() {
        for t in [
            "营造技术学习氛围，带领团队提升综合工程能力。",
            "4. 设计并实现高可用的推荐服务",
            "（2）编写测试用例；",
            "• 承担团队技术预研、技术攻关等工作，具有一定的技术方向带队能力。",
        ] {
            assert!(signals(t, None).duty, "{t}");
        }
        // The verb as the head of what is asked, or after other words, is no duty.
        for t in [
            "开发经验3年以上",
            "管理能力强，善于沟通",
            "Java开发经验丰富",
            "熟悉设计模式",
        ] {
            assert!(!signals(t, None).duty, "{t}");
        }
    }

    #[test]
    fn first_word_scan_agrees_with_splitting() {
        let plain = |text: &str| {
            let first = text
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .find(|w| !w.is_empty())
                .unwrap_or("");
            !first.is_empty()
                && first.len() <= 16
                && first.is_ascii()
                && DUTY_VERB_SET.contains(first.to_ascii_lowercase().as_bytes())
        };
        for t in [
            "Design and operate",
            "- BUILD things",
            "• Own the roadmap",
            "负责监控平台建设",
            "Design负责",
            "Design，负责",
            "Own’s",
            "Troubleshootingxyz and more",
            "troubleshoot",
            "🚀 Deploy services",
            "",
            "   ",
        ] {
            assert_eq!(opens_with_duty_verb(t), plain(t), "{t}");
        }
    }

    #[test]
    fn duty_and_nice() {
        assert!(signals("Design and operate our Kafka clusters", None).duty);
        assert!(signals("负责监控平台建设", None).duty);
        assert!(signals("Experience with Rust is a plus", None).nice);
        assert!(signals("有SRE经验者优先", None).nice);
        for line in [
            "有patch源代码经验者尤佳",
            "熟悉Flink更佳",
            "有金融行业经验为佳",
        ] {
            assert!(signals(line, None).nice, "{line}");
        }
    }
}
