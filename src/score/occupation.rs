//! The occupation a job title names, as a recruiter sorts applicants before reading further:
//! an engineer applying for a product-manager or a content-operations post is not a fit,
//! however many of the posting's words (the product's domain, its tools) the résumé shares.
//!
//! A title names an occupation through its role words ("Product Manager", "数据分析师",
//! "内容运营"); an engineering word wins over any other ("Sales Engineer", "运营系统开发工程师",
//! "Software Design Engineer" are engineering). Many titles name none ("Technical Program
//! Manager", "资深产品-活动方向", "Head of Strategy"): nothing is read from them, and nothing
//! is checked.

use crate::model::{FactCheck, Occupation, Resume, SectionKind};

use super::tunables::OCCUPATION_FACTOR;

/// Role words of each occupation: English words matched whole (lower case, a phrase as
/// its words in a row), Chinese ones as substrings. Engineering first: it wins.
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
            "DBA",
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
        &["设计师", "交互设计", "视觉设计", "UI设计", "美术", "原画"],
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

/// The occupation `title` names, or `None` when it names none (or is empty).
///
/// In English the role's head comes last in its clause: "Developer Marketing Manager" is
/// marketing, "Partner Sales Engineer" engineering; the first clause ("Senior Software
/// Engineer, Marketing Automation") says what the job is, the whole title only when it names
/// nothing ("Director, Software Sales"). In Chinese an engineering word wins wherever it
/// stands (运营系统开发工程师, 测试开发); other role words are read in the table's order.
pub fn occupation_of(title: &str) -> Option<Occupation> {
    let lower = title.to_lowercase();
    let first_clause = lower
        .split([',', '(', '|', '–', '—', '（', '，'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default();
    english_head(first_clause)
        .or_else(|| english_head(&lower))
        .or_else(|| chinese(title))
}

/// The occupation whose English role words end last in `text` (lower case).
fn english_head(text: &str) -> Option<Occupation> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut best: Option<(usize, Occupation)> = None;
    for &(o, en, _) in OCCUPATIONS {
        for p in en {
            let want: Vec<&str> = p.split(' ').collect();
            if let Some(end) = words
                .windows(want.len())
                .rposition(|w| w == want.as_slice())
                .map(|i| i + want.len())
            {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, o));
                }
            }
        }
    }
    best.map(|(_, o)| o)
}

/// The occupation the Chinese role words of `title` name, engineering first.
fn chinese(title: &str) -> Option<Occupation> {
    // 商务智能 is business intelligence, an analyst's field, not 商务 (business affairs).
    let han = title.replace("商务智能", "");
    OCCUPATIONS
        .iter()
        .find(|(_, _, zh)| zh.iter().any(|h| han.contains(h)))
        .map(|&(o, _, _)| o)
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
        .filter_map(|t| occupation_of(t))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The verdict on a posting's occupation against the résumé's: `None` when either is
/// unknown (a title naming no occupation, a résumé whose titles name none).
pub fn check_occupation(asks: Option<Occupation>, has: &[Occupation]) -> Option<FactCheck> {
    let asks = asks?;
    if has.is_empty() {
        return None;
    }
    let jobs = has.iter().map(|o| o.label()).collect::<Vec<_>>().join(", ");
    Some(if has.contains(&asks) {
        FactCheck {
            meets: true,
            detail: format!("{} role, like your jobs", with_article(asks.label())),
            factor: 1.0,
            over: false,
        }
    } else {
        FactCheck {
            meets: false,
            detail: format!(
                "{} role; your jobs were in {jobs}",
                with_article(asks.label())
            ),
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
    fn titles_name_their_occupation_and_engineering_wins() {
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
        ] {
            assert_eq!(occupation_of(title), Some(want), "{title}");
        }
        for title in [
            "Technical Program Manager",
            "Head of Strategy",
            "Operations Manager, International",
            "资深产品-活动方向",
            "供应链管理培训生",
            "Hardware Product Specialist",
            "Business Intelligence Manager商务智能经理",
            "",
        ] {
            assert_eq!(occupation_of(title), None, "{title}");
        }
    }

    #[test]
    fn english_role_words_are_whole_words() {
        // "hr" inside "three", "rn" inside "modern", "sales" inside "wholesalers".
        assert_eq!(occupation_of("Three Modern Wholesalers"), None);
        assert_eq!(
            occupation_of("HR Business Partner"),
            Some(Occupation::People)
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
        let c = check_occupation(Some(Occupation::Product), &[Occupation::Engineering]).unwrap();
        assert!(!c.meets);
        assert!(c.factor < 1.0);
        assert_eq!(
            c.detail,
            "a product management role; your jobs were in engineering"
        );
        let c = check_occupation(
            Some(Occupation::Engineering),
            &[Occupation::Engineering, Occupation::Design],
        )
        .unwrap();
        assert!(c.meets && c.factor == 1.0, "{c:?}");
        assert_eq!(c.detail, "an engineering role, like your jobs");
        // Unknown on either side: no verdict, no cost.
        assert_eq!(check_occupation(None, &[Occupation::Engineering]), None);
        assert_eq!(check_occupation(Some(Occupation::Product), &[]), None);
    }
}
