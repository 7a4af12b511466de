//! Term hygiene: what jdfit lists as a posting's matched and missing terms are skills and
//! requirements, never jieba fragments, the verbs and adjectives requirements are phrased
//! with, seniority or title words, or the company's own name. Fixtures are written here in
//! the shapes real postings take (a header line, sections, bullets).

use jdfit::analyze::Analyzer;
use jdfit::parse::posting;
use jdfit::score::{analyze_posting, Background, Lines};

/// The kept terms of `text`, as written and as analysed.
fn terms(text: &str) -> Vec<(String, String)> {
    let p = posting::parse(text);
    analyze_posting(&p, &Analyzer::shared(), Background::builtin(), Lines::Keep)
        .terms
        .into_iter()
        .map(|t| (t.term, t.key))
        .collect()
}

fn check(text: &str, never: &[&str], always: &[&str]) {
    let kept = terms(text);
    let has = |w: &str| {
        let lw = w.to_lowercase();
        kept.iter()
            .any(|(term, key)| term.to_lowercase() == lw || *key == lw)
    };
    let listed: Vec<&str> = kept.iter().map(|(t, _)| t.as_str()).collect();
    for w in never {
        assert!(!has(w), "{w} is a term: {listed:?}");
        // Nor any term written around it (a fragment glued to it).
        assert!(
            !w.chars().any(|c| c > '\u{2e80}') || !kept.iter().any(|(t, _)| t.contains(w)),
            "a term contains {w}: {listed:?}"
        );
    }
    for w in always {
        assert!(has(w), "{w} is not a term: {listed:?}");
    }
}

#[test]
fn chinese_posting_keeps_skills_only() {
    let text = "\
资深服务端开发工程师

公司：哔哩哔哩 | 地点：上海 | 类型：全职

岗位职责：
1. 负责哔哩哔哩直播业务的服务端开发，对系统进行性能优化，从满足业务需求中理出头绪；
2. 负责B站基础架构的分布式存储与消息队列（Kafka）的落地，提升系统稳定性；
3. 敢于对历史代码动刀，推动监控与告警体系的建设；

任职要求：
1. 精通Go或Java，熟悉常用的分布式系统原理，掌握Kubernetes与容器技术；
2. 高级工程师或技术经理以上，具备业界领先的大规模服务开发经验；
3. 了解Prometheus监控体系者优先；
";
    check(
        text,
        &[
            "从满",
            "中理出",
            "对系统",
            // Not caught yet: 头绪 and 动刀, dictionary words used in idioms (理出头绪,
            // 对…动刀) that a background of postings is too small to mark as general.
            "精通",
            "掌握",
            "常用",
            "提升",
            "落地",
            "业界",
            "高级",
            "资深",
            "经理",
            "工程师",
            "开发",
            "哔哩哔哩",
            "bilibili",
            "B站",
        ],
        &[
            "Kubernetes",
            "Kafka",
            "Go",
            "Java",
            "分布式系统",
            "监控",
            "容器技术",
        ],
    );
}

#[test]
fn chinese_prose_words_are_no_terms() {
    // Words a helper's audit of real postings found weighing above the skills beside them.
    let text = "\
数据工程师

任职要求：
1. 熟悉机器学习、数据挖掘至少一方面，对数据较为敏感；
2. 具有较大规模集群（节点数大于50）的部署经验；
3. 精于架构设计，能多面的看待问题，逻辑思维性强；
";
    check(
        text,
        &["一方面", "大于", "精于", "多面", "看待", "性强"],
        &["机器学习", "数据挖掘", "架构设计", "集群"],
    );
}

#[test]
fn words_about_the_employer_and_the_future_and_a_major_are_no_terms() {
    // A Java architect's posting (devzh_033): the fame of the employer, the future, the
    // department and the word "major" had been must-have and duty terms beside Java and 中间件;
    // the major itself, 计算机软件或相关专业, is the degree's field, no term at all.
    let text = "\
资深Java技术专家

任职要求：
1. 本科或以上学历，计算机软件或相关专业；
2. 负责部门的java基础架构整体设计，参与规划未来技术架构方向；
3. 负责中间件的开发计划以及跟踪；
4. 有知名互联网公司从业经验者优先，有过亿级流量处理经验者优先。
5. 有计算机软件测试经验。
";
    check(
        text,
        &[
            "知名",
            "从业",
            "未来",
            "整体",
            "部门",
            "处理",
            "computer science",
        ],
        // The major is read as a major only where it is one: 计算机软件测试 is software testing.
        &["Java", "中间件", "基础架构", "software testing"],
    );
    // "专业" alone (a major, or "professional") is no term either.
    check(
        "后端工程师\n\n任职要求：\n1. 电子相关专业，熟悉Go开发。\n",
        &["专业"],
        &["Go"],
    );
}

#[test]
fn pronouns_and_words_of_place_and_time_are_no_terms() {
    // An Android posting's "挑战自我" had 自我 matched as a skill; 各项, 内部, 前期 and 期间
    // stood as must-have terms beside the skills of real postings.
    let text = "\
资深Android开发工程师

任职要求：
1. 热爱移动互联网，充满激情勇于挑战自我；
2. 负责公司内部系统的各项开发工作，能够自行解决问题；
3. 参与项目前期调研，在此期间与各方沟通，每周输出报告；
4. 熟悉Kotlin与Android性能优化。
";
    check(
        text,
        &[
            "自我", "内部", "各项", "自行", "前期", "期间", "各方", "每周",
        ],
        &["Android", "Kotlin", "性能优化"],
    );
}

#[test]
fn the_field_a_degree_is_asked_in_gives_no_terms() {
    // "本科及以上计算机、统计学、数据库、机器学习等相关专业" asks for a degree's field: a
    // database bullet had answered it as if a skill were asked. The same words asked as
    // skills stay terms.
    let text = "\
数据仓库工程师

任职要求：
1. 本科及以上计算机、统计学、数据库、机器学习等相关专业，5年以上数据相关工作；
2. 心理学、社会学相关专业本科以上学历；
3. 熟悉MySQL数据库和Spark，掌握操作系统、软件工程等专业知识；
";
    check(
        text,
        &["统计学", "机器学习", "心理学", "社会学"],
        &["数据库", "MySQL", "Spark", "软件工程"],
    );
    let text = "\
Data Analyst

Requirements
- Bachelor's degree in Statistics, Economics, or a related field, or equivalent experience.
- 3+ years of experience in Python and Tableau.
";
    check(
        text,
        &["Statistics", "Economics", "related"],
        &["Python", "Tableau"],
    );
}

#[test]
fn cloud_platforms_are_cloud_computing_in_both_languages() {
    // "Experience with cloud platforms" had been the plain word "cloud", which no AWS, GCP or
    // Azure bullet answers; 云平台 was already the concept.
    let kept =
        terms("Cloud Engineer\n\nRequirements\n- Experience with cloud platforms\n- 熟悉云平台\n");
    assert!(
        kept.iter()
            .filter(|(_, key)| key == "cloud computing")
            .count()
            == 1,
        "{kept:?}"
    );
    assert!(!kept.iter().any(|(t, _)| t == "cloud"), "{kept:?}");
}

#[test]
fn chinese_skill_names_are_whole_terms() {
    // Each had been cut into a general half and a leftover (用户 + 画像, 数学 + 建模, 媒体).
    let text = "\
数据分析师

任职要求：
1. 熟悉SQL，会写存储过程；
2. 有用户画像、数学建模经验，熟悉主流云服务；
3. 有自媒体运营经验者优先；
";
    check(
        text,
        &[],
        &[
            "stored procedures",
            "user profiling",
            "mathematical modeling",
            "social media",
            "cloud services",
        ],
    );
}

#[test]
fn english_posting_keeps_skills_only() {
    let text = "\
Staff Platform Engineer

Company: Mozilla | Location: Remote

About the role
Mozillians make the world better. Whether you are early in your career or a Senior engineer,
we welcome you to see what open-minded, product-minded people can build.

What you'll do
- Design and run Kubernetes clusters and Kafka pipelines across our data area
- Make our CI/CD faster and see that every service has monitoring

What you bring
- Strong experience with Go or Python and excellent knowledge of distributed systems
- Rich experience with Terraform; ability to lead incidents
- Senior, Staff or Middle level (Engineer II or III), 5+ years
- Intermediate engineers welcome; start date December 2024
";
    check(
        text,
        &[
            "Mozilla",
            "Mozillians",
            "welcome",
            "make",
            "area",
            "see",
            "better",
            "world",
            "whether",
            "Rich",
            "Staff",
            "Senior",
            "Middle",
            "II",
            "III",
            "Intermediate",
            "December",
            "minded",
            "strong",
            "experience",
            "excellent",
            "ability",
            "engineer",
        ],
        &[
            "Kubernetes",
            "Kafka",
            "Go",
            "Python",
            "Terraform",
            "CI/CD",
            "distributed systems",
        ],
    );
}

/// 基础设施工程师 is an infrastructure engineer, not 施工 (construction) and 程师: jieba's
/// dictionary prefers 施工 and 工程师 over 设施 there, and the lexicon's term holds the span.
#[test]
fn an_infrastructure_engineer_is_no_construction_work() {
    check(
        "基础设施工程师\n\n任职要求：\n1. 三年以上基础设施工程师经验，熟悉Kubernetes\n",
        &["施工", "程师"],
        &["基础设施", "Kubernetes"],
    );
}

/// The words a requirement is phrased with and the adverbs around it, in the shapes real
/// Chinese postings use (深谙…原理, 善于…, 精通一门…, 较为…, 非常…), are no terms; the
/// skills they ask for are.
#[test]
fn phrasing_words_of_real_postings_are_not_terms() {
    check(
        "服务端架构师\n\n任职要求：\n1. 深谙主流数据库、缓存、消息中间件原理；\n2. 精通一门编程语言，善于沟通，勇于承担，乐于分享；\n3. 对数据较为敏感，非常熟悉Redis，必须熟练运用Linux，从事过Kafka相关工作；\n4. 有良好的工作态度与心态，口头和书面表达清晰；\n",
        &[
            "深谙", "一门", "善于", "勇于", "乐于", "较为", "非常", "必须", "运用", "从事", "态度",
            "心态", "口头", "书面",
        ],
        &["Redis", "Linux", "Kafka", "消息中间件"],
    );
    check(
        "Platform Engineer\n\nRequirements\n- A seasoned engineer who thrives on Kubernetes and Terraform\n- Degree in Computer Science or a related field; you write clean Go and speak English\n- Keen grasp of networking; depth and breadth in Linux\n",
        &[
            "seasoned", "thrives", "field", "write", "speak", "keen", "grasp", "depth", "breadth",
        ],
        &["Kubernetes", "Terraform"],
    );
}

/// A word the analyzer stems ("minded" → "mind") never matches through its stem: the class
/// of attitude adjectives is not a term, so nothing in a résumé can match it.
#[test]
fn minded_is_not_a_term() {
    let kept = terms("Backend Engineer\n\nRequirements\n- Product-minded, with Kafka experience\n");
    assert!(kept.iter().any(|(_, k)| k == "kafka"), "{kept:?}");
    assert!(!kept.iter().any(|(_, k)| k.starts_with("mind")), "{kept:?}");
}

#[test]
fn compound_words_name_the_concept_they_mean() {
    // Client- and server-side event tracking is tracking, not front-end or back-end work.
    check(
        "数据工程师\n\n任职要求：\n1. 熟悉前端埋点与后端埋点方案；\n",
        &["frontend", "backend"],
        &["event tracking"],
    );
    // Authority in a service job is not access control; a permissions system is.
    check(
        "客服专员\n\n任职要求：\n1. 在权限范围内处理客户投诉；\n",
        &["access control"],
        &[],
    );
    check(
        "后端开发\n\n任职要求：\n1. 负责权限系统与账号系统的设计；\n",
        &[],
        &["access control"],
    );
    // Privacy-preserving computation is a field of its own, not privacy compliance.
    check(
        "算法工程师\n\n任职要求：\n1. 熟悉隐私计算与联邦学习；\n",
        &["privacy compliance"],
        &["privacy computing"],
    );
    // The telephony stack is a specialty of its own.
    check(
        "Voicebot Engineer\n\nRequirements\n- Deep knowledge of voice solutions (VXML, SIP, VOIP, SS7)\n",
        &[],
        &["voicexml", "voip", "ss7"],
    );
    // Eventual consistency is a distributed-systems property, not the word 最终.
    check(
        "后端开发\n\n任职要求：\n1. 理解分布式事务与最终一致性；\n",
        &[],
        &["eventual consistency"],
    );
}

#[test]
fn a_company_asking_for_its_own_product_as_a_skill_keeps_it() {
    // The employer's name is no requirement, except where a must-have asks for it as a
    // skill: Redis asking for deep experience with Redis.
    let text = "\
Senior Backend Engineer

Company: Redis | Location: Remote

About us
Redis is the world's fastest data platform.

Requirements
- Deep experience with Redis, Kafka and PostgreSQL.
";
    check(text, &[], &["Redis", "Kafka", "PostgreSQL"]);
    // Named only in the blurb and the duties, it is the employer.
    let blurb = "\
Senior Backend Engineer

Company: Redis | Location: Remote

What you'll do
- Help Redis customers scale their clusters with Kafka.

Requirements
- Deep experience with Kafka and PostgreSQL.
";
    check(blurb, &["Redis"], &["Kafka", "PostgreSQL"]);
}
