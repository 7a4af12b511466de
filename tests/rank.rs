//! Ranking by fit across résumés: what a recruiter would put first for each person, from
//! fixtures written in the shapes of real postings (`tests/fixtures/rank/`).

mod common;

use common::jdfit;
use serde_json::Value;
use std::path::PathBuf;

const RANK: &str = "tests/fixtures/rank";

/// Standard output of a successful run.
fn run(args: &[&str]) -> Vec<u8> {
    let t = tempfile::tempdir().unwrap();
    let out = jdfit(t.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `jdfit batch` over the ranking fixtures for `resume`: (file name, score), best first.
fn ranking(resume: &str) -> Vec<(String, f64)> {
    let out = run(&[
        "batch", "--resume", resume, RANK, "--format", "jsonl", "--quiet",
    ]);
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let source = v["source"].as_str().unwrap();
            let name = source.rsplit('/').next().unwrap().to_string();
            (name, v["score"].as_f64().unwrap())
        })
        .collect()
}

fn position(ranked: &[(String, f64)], file: &str) -> usize {
    ranked.iter().position(|(f, _)| f == file).unwrap()
}

/// A résumé (`cv.md`) and a posting (`posting.txt`) written to a fresh folder, kept while
/// the returned guard lives.
fn write_pair(resume: &str, posting: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let (r, p) = (t.path().join("cv.md"), t.path().join("posting.txt"));
    std::fs::write(&r, resume).unwrap();
    std::fs::write(&p, posting).unwrap();
    (t, r, p)
}

fn match_json(resume: &str, posting: &str) -> Value {
    serde_json::from_slice(&run(&[
        "match", "--resume", resume, posting, "--format", "json",
    ]))
    .unwrap()
}

/// The match report of the shipped Chinese résumé (`corpus/resume-zh.md`) against a posting
/// with text `posting`, written to a fresh folder.
fn match_seed(posting: &str) -> Value {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("posting.txt");
    std::fs::write(&p, posting).unwrap();
    match_json("corpus/resume-zh.md", p.to_str().unwrap())
}

/// The matched term of a match report with analysed key `key`, if it is covered.
fn matched_term<'a>(r: &'a Value, key: &str) -> Option<&'a Value> {
    r["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == key)
}

/// The keys of a match report's missing terms.
fn missing_keys(r: &Value) -> Vec<&str> {
    r["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap())
        .collect()
}

/// The bullets' texts, in the report's order.
fn texts_of(bullets: &[Value]) -> Vec<&str> {
    bullets
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect()
}

/// Asserts that of two bullets, `text` ranks first with a score and the other scores 0.
fn assert_only_first_scores(bullets: &[Value], text: &str) {
    assert_eq!(bullets[0]["text"], text, "{bullets:?}");
    assert!(bullets[0]["score"].as_f64().unwrap() > 0.0, "{bullets:?}");
    assert_eq!(bullets[1]["score"].as_f64().unwrap(), 0.0, "{bullets:?}");
}

#[test]
fn a_frontend_resume_ranks_the_frontend_posting_first_and_the_infra_lead_the_sre_one() {
    let frontend = ranking("corpus/frontend-en.md");
    assert_eq!(frontend[0].0, "frontend-en.txt", "{frontend:?}");
    assert!(
        position(&frontend, "frontend-en.txt") < position(&frontend, "sre-en.txt"),
        "{frontend:?}"
    );
    // The first user, an infrastructure lead: the reverse.
    let infra = ranking("corpus/resume-zh.md");
    assert!(
        position(&infra, "sre-en.txt") < position(&infra, "frontend-en.txt"),
        "{infra:?}"
    );
    // And far apart, not a coin toss: each person's own kind of role is a strong fit, the
    // other's a weak one.
    let score = |r: &[(String, f64)], f: &str| r[position(r, f)].1;
    let (strong, partial) = (
        jdfit::model::FitBand::STRONG as f64,
        jdfit::model::FitBand::PARTIAL as f64,
    );
    assert!(
        score(&frontend, "frontend-en.txt") >= strong,
        "{frontend:?}"
    );
    assert!(score(&frontend, "sre-en.txt") < partial, "{frontend:?}");
    assert!(score(&infra, "sre-en.txt") >= strong, "{infra:?}");
    assert!(score(&infra, "frontend-en.txt") < partial, "{infra:?}");
}

#[test]
fn a_core_requirement_proven_by_several_bullets_outweighs_a_passing_mention() {
    // The résumé proves Kubernetes in four bullets and mentions Kafka once; the two postings
    // differ only in which of the two is their core.
    let resume = "tests/fixtures/resumes/depth-en.md";
    let k8s = match_json(resume, "tests/fixtures/rank/core-kubernetes-en.txt");
    let kafka = match_json(resume, "tests/fixtures/rank/core-kafka-en.txt");
    let (k, f) = (
        k8s["score"].as_f64().unwrap(),
        kafka["score"].as_f64().unwrap(),
    );
    assert!(k > 1.2 * f, "Kubernetes core {k} vs Kafka core {f}");
    // Coverage alone cannot tell them apart: both postings' terms are all in the résumé.
    let (ck, cf) = (
        k8s["coverage"].as_f64().unwrap(),
        kafka["coverage"].as_f64().unwrap(),
    );
    assert!((ck - cf).abs() < 2.0 && ck > 90.0, "coverage {ck} vs {cf}");
}

#[test]
fn a_skill_offered_as_one_of_several_is_no_gap_when_another_is_proven() {
    // "MySQL, TiDB or MongoDB": the seed résumé has MySQL, so TiDB and MongoDB are not
    // listed as missing; Netty, asked on its own line, is.
    let r = match_seed(
        "高级Java开发工程师\n\n任职要求：\n1、熟练使用mysql、tidb、mongodb等数据库的一种及以上；\n2、精通Netty；\n3、熟悉Kubernetes。\n",
    );
    let missing = missing_keys(&r);
    assert!(!missing.contains(&"tidb"), "{missing:?}");
    assert!(!missing.contains(&"mongodb"), "{missing:?}");
    assert!(missing.contains(&"netty"), "{missing:?}");
}

#[test]
fn a_slash_between_skills_of_one_kind_is_a_choice_and_between_kinds_a_stack() {
    // The seed résumé has MySQL, Java, Python and Prometheus, not PostgreSQL, Go, Django or
    // Nginx: "Java/Go" (two languages) and "MySQL / PostgreSQL" (relational databases) are
    // met; "Prometheus/Nginx" (monitoring, a reverse proxy) lists a stack, and
    // "Python/Django" asks for Django on Python: Nginx is missing and Django has only the
    // little Python shows of it.
    let r = match_seed(
        "后端开发工程师\n\n任职要求：\n1、精通Java/Go，熟悉MySQL / PostgreSQL；\n2、熟悉Python/Django；\n3、熟悉Prometheus/Nginx。\n",
    );
    let missing = missing_keys(&r);
    for met in ["go", "postgresql"] {
        assert!(!missing.contains(&met), "{met}: {missing:?}");
    }
    assert!(missing.contains(&"nginx"), "{missing:?}");
    // Django keeps the little its language shows of it, no more.
    let django = matched_term(&r, "django").expect("Django is listed");
    assert_eq!(django["credit"].as_f64(), Some(0.2), "{django}");
}

#[test]
fn one_or_more_of_a_list_of_infrastructure_tools_is_met_by_one() {
    // A 51job post's "对 …的一项或多项有经验者优先": the seed résumé has MySQL, ClickHouse and
    // Kubernetes; RocksDB, MapReduce and Mesos (lexicon tools, not stray words) are the other
    // choices, and 多项 ("several of them") is no term.
    let r = match_seed(
        "大数据架构高级工程师\n\n岗位要求：\n1、掌握分布式系统原理；\n2、存储方向：对 HDFS, RocksDB, MySQL, Kafka 的一项或多项有经验者优先；\n3、计算方向：对 Spark, MapReduce, ClickHouse 的一项或多项有经验者优先；\n4、对 Mesos, Kubernetes 的一项或多项有经验者优先。\n",
    );
    let missing = missing_keys(&r);
    for met in ["rocksdb", "mapreduce", "mapreduc", "mesos", "meso", "多项"] {
        assert!(!missing.contains(&met), "{met}: {missing:?}");
    }
}

#[test]
fn a_choice_the_resume_lacks_is_listed_whole_and_weighs_as_one_gap() {
    // "such as DynamoDB or Cassandra": the examples are the choice, NoSQL is asked; neither
    // example is in the résumé, so both are listed missing, even though DynamoDB is also one
    // of "Lambda, S3 or DynamoDB", which the résumé's Lambda meets.
    let t = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = t.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let head = "Backend Engineer\n\nRequirements\n- Kubernetes and Prometheus\n- Experience with AWS services such as Lambda, S3 or DynamoDB\n";
    let nosql = write(
        "nosql.txt",
        &format!("{head}- Familiarity with NoSQL databases such as DynamoDB or Cassandra\n"),
    );
    let r = match_json("corpus/resume-zh.md", &nosql);
    let missing = missing_keys(&r);
    assert!(missing.contains(&"dynamodb"), "{missing:?}");
    assert!(missing.contains(&"cassandra"), "{missing:?}");
    // Four testing tools offered as a choice the résumé lacks are one gap, about as wide as
    // one tool asked; the same four asked together are four.
    let score = |name: &str, line: &str| {
        let p = write(name, &format!("{head}- Test automation with {line}\n"));
        match_json("corpus/resume-zh.md", &p)["score"]
            .as_f64()
            .unwrap()
    };
    let one = score("one.txt", "tools such as Selenium");
    let choice = score(
        "choice.txt",
        "tools such as Selenium, Playwright, Cypress or Appium",
    );
    let all = score("all.txt", "Selenium, Playwright, Cypress and Appium");
    assert!(
        choice > 0.9 * one,
        "a choice of four {choice} against one {one}"
    );
    assert!(
        all < 0.9 * choice,
        "all four {all} against a choice {choice}"
    );
}

#[test]
fn android_libraries_are_known_by_their_versions_and_relatives() {
    // Dagger2 is Dagger; RxAndroid, built on RxJava, shows most of it.
    let (_t, resume, posting) = write_pair(
        "Jane Doe\n\nExperience\nAcme, Android Engineer, 2019 - 2024\n- Wired the app with Dagger2 and RxAndroid.\n",
        "Android Engineer\n\nRequirements\n- Dagger and RxJava\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let credit = |key: &str| matched_term(&r, key).and_then(|m| m["credit"].as_f64());
    assert_eq!(credit("dagger"), Some(1.0), "{}", r["matched"]);
    assert!(
        credit("rxjava").is_some_and(|c| c > 0.5 && c < 1.0),
        "{}",
        r["matched"]
    );
}

#[test]
fn an_internship_is_above_a_senior_resume() {
    let t = tempfile::tempdir().unwrap();
    let body = "\n\nRequirements\n- Kubernetes, Helm and Prometheus\n- Python or Java\n";
    let (intern, job) = (t.path().join("intern.txt"), t.path().join("job.txt"));
    std::fs::write(&intern, format!("Platform Engineer Intern{body}")).unwrap();
    std::fs::write(&job, format!("Platform Engineer{body}")).unwrap();
    let seed = "corpus/resume-zh.md";
    let (i, j) = (
        match_json(seed, intern.to_str().unwrap()),
        match_json(seed, job.to_str().unwrap()),
    );
    assert!(i["score"].as_f64().unwrap() < j["score"].as_f64().unwrap());
    assert_eq!(
        i["experience"]["over"],
        Value::Bool(true),
        "{}",
        i["experience"]
    );
}

#[test]
fn a_post_in_an_occupation_none_of_the_jobs_was_in_costs_the_score_and_says_so() {
    // The same body under a product manager's title and an engineer's: the seed résumé's
    // jobs were all engineering, so the product post is set aside, however close its
    // skills; the frontend résumé's a designer's post the same way.
    let t = tempfile::tempdir().unwrap();
    let body = "\n\n岗位要求：\n1、熟悉Kubernetes、Prometheus、Grafana\n2、有Java或Python经验\n";
    let (pm, eng) = (t.path().join("pm.txt"), t.path().join("eng.txt"));
    std::fs::write(&pm, format!("云平台产品经理{body}")).unwrap();
    std::fs::write(&eng, format!("云平台开发工程师{body}")).unwrap();
    let seed = "corpus/resume-zh.md";
    let (p, e) = (
        match_json(seed, pm.to_str().unwrap()),
        match_json(seed, eng.to_str().unwrap()),
    );
    assert!(
        p["score"].as_f64().unwrap() < 0.6 * e["score"].as_f64().unwrap(),
        "{} vs {}",
        p["score"],
        e["score"]
    );
    assert_eq!(p["asks"]["occupations"], serde_json::json!(["product"]));
    assert_eq!(p["has"]["occupations"], serde_json::json!(["engineering"]));
    assert_eq!(p["occupation"]["meets"], Value::Bool(false), "{}", p);
    assert_eq!(
        p["occupation"]["detail"],
        "a product management role; your jobs were in engineering"
    );
    assert_eq!(e["occupation"]["meets"], Value::Bool(true), "{}", e);
    // The text report says it in a line of its own.
    let text = String::from_utf8(run(&["match", "--resume", seed, pm.to_str().unwrap()])).unwrap();
    assert!(
        text.contains("Role: differs (a product management role; your jobs were in engineering)"),
        "{text}"
    );
    // Batch rows carry the verdict.
    let rows = String::from_utf8(run(&[
        "batch",
        "--resume",
        seed,
        t.path().to_str().unwrap(),
        "--format",
        "jsonl",
        "--quiet",
    ]))
    .unwrap();
    let rows: Vec<Value> = rows
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0]["source"].as_str().unwrap().ends_with("eng.txt"));
    assert_eq!(rows[1]["occupation"], Value::Bool(false));
}

#[test]
fn a_resume_whose_titles_name_no_occupation_is_never_set_aside() {
    let (_t, r, p) = write_pair(
        "# Ann\n\n## Experience\n\n### Acme\n2020 – Present\n\n- Ran Kubernetes and Prometheus for 40 teams\n",
        "Product Manager, Platform\n\nRequirements\n- Kubernetes and Prometheus\n",
    );
    let v = match_json(r.to_str().unwrap(), p.to_str().unwrap());
    assert_eq!(v["asks"]["occupations"], serde_json::json!(["product"]));
    assert!(v.get("occupation").is_none(), "{v}");
}

#[test]
fn a_bullet_is_read_in_the_context_of_its_jobs_role_line() {
    // Two jobs with bullets that say the same of themselves; only the older job's role line
    // names what the posting asks (Java, Spring Boot, backend). Its bullet ranks first,
    // with those terms shown as coming from its role; the newer bullet earns nothing.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme Payments\nBackend Engineer, Java, Spring Boot\n2019.03 - 2022.01\n- Built the order service that five teams call\n\n### Beta Media\nData Analyst\n2022.02 - 2024.06\n- Built the reporting service that five teams call\n",
        "Senior Java Backend Engineer\n\nRequirements\n- 5+ years of Java and Spring Boot\n- Experience building backend services for other teams\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let bullets = r["bullets"].as_array().unwrap();
    assert_only_first_scores(bullets, "Built the order service that five teams call");
    let role: Vec<&str> = bullets[0]["role_terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(role.contains(&"Java"), "{role:?}");
    assert!(bullets[1].get("role_terms").is_none(), "{bullets:?}");
}

#[test]
fn a_bullet_from_a_job_named_like_the_posting_ranks_above_the_same_line_from_another_job() {
    // Two jobs with the same line under group headings (so neither is read in its role
    // line's context); only the older job's title names the posting's (Java). Its bullet
    // counts twice and ranks first, although the newer job's counts more for recency; the
    // explanation shows the factor.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Delta Data\nData Platform Lead\n2022.02 - 2024.06\n- Streaming\n  - Ran the event pipeline on Kafka for five teams\n\n### Acme Payments\nBackend Engineer, Java\n2019.03 - 2022.01\n- Services\n  - Ran the order pipeline on Kafka for five teams\n",
        "Senior Java Engineer\n\nRequirements\n- 3+ years running Kafka in production\n",
    );
    let (resume, posting) = (resume.to_str().unwrap(), posting.to_str().unwrap());
    let r = match_json(resume, posting);
    let bullets = r["bullets"].as_array().unwrap();
    let texts = texts_of(bullets);
    assert_eq!(
        texts,
        [
            "Ran the order pipeline on Kafka for five teams",
            "Ran the event pipeline on Kafka for five teams"
        ]
    );
    let job = |id: &str| {
        let e: Value = serde_json::from_slice(&run(&[
            "match",
            "--resume",
            resume,
            posting,
            "--explain",
            id,
            "--format",
            "json",
        ]))
        .unwrap();
        e["job"].as_f64().unwrap()
    };
    assert_eq!(job(bullets[0]["id"].as_str().unwrap()), 2.0);
    assert_eq!(job(bullets[1]["id"].as_str().unwrap()), 1.0);
}

#[test]
fn a_job_headed_title_first_is_named_by_its_title_not_its_employer() {
    // `### Java Engineer — Acme Payments`: the piece that ends with a title word is the
    // title, so the job is a Java job and its line ranks first, as under `### Acme Payments — Java
    // Engineer` (the heading had been read as the employer `Java Engineer` and the title
    // `Acme Payments`, which names nothing the posting asks).
    for heading in [
        "Java Engineer — Acme Payments",
        "Acme Payments — Java Engineer",
    ] {
        let (_t, resume, posting) = write_pair(
            &format!("# Lin Test\n\n## Experience\n\n### Delta Data — Data Platform Lead\n2022.02 - 2024.06\n- Streaming\n  - Ran the event pipeline on Kafka for five teams\n\n### {heading}\n2019.03 - 2022.01\n- Services\n  - Ran the order pipeline on Kafka for five teams\n"),
            "Senior Java Engineer\n\nRequirements\n- 3+ years running Kafka in production\n",
        );
        let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
        assert_eq!(
            texts_of(r["bullets"].as_array().unwrap()),
            [
                "Ran the order pipeline on Kafka for five teams",
                "Ran the event pipeline on Kafka for five teams"
            ],
            "{heading}"
        );
    }
}

#[test]
fn a_bullet_using_a_sibling_tool_answers_a_missing_one() {
    // The posting asks for Kafka; the résumé never names it but one bullet uses RocketMQ, a
    // message queue like it: that bullet earns a little (as the coverage credits it), the
    // other bullet nothing.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- Ran the order pipeline on RocketMQ\n- Wrote the quarterly planning notes\n",
        "Streaming Engineer\n\nRequirements\n- 3+ years running Kafka in production\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let bullets = r["bullets"].as_array().unwrap();
    assert_only_first_scores(bullets, "Ran the order pipeline on RocketMQ");
}

#[test]
fn a_bullet_naming_a_concept_levels_below_answers_the_broad_one() {
    // The posting asks for generative AI; one bullet names the OpenAI API, which is an LLM
    // API, which is a large language model, which is generative AI. That bullet proves the
    // requirement (a little less for each level), in the bullets and in the coverage; the
    // other bullet does not.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- Wrote the quarterly planning notes\n- Built the support chat on the OpenAI API\n",
        "GenAI Engineer\n\nRequirements\n- 3+ years building generative AI products\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let bullets = r["bullets"].as_array().unwrap();
    assert_only_first_scores(bullets, "Built the support chat on the OpenAI API");
    // The bullet says which posting term it answers, and through what: it does not name
    // generative AI itself.
    assert!(
        !bullets[0]["matched_terms"]
            .as_array()
            .is_some_and(|m| m.iter().any(|t| t == "GenAI" || t == "generative AI")),
        "{bullets:?}"
    );
    // The title's GenAI, the heaviest way the posting names generative AI.
    let related = &bullets[0]["related_terms"][0];
    assert_eq!(related["term"], "GenAI", "{bullets:?}");
    assert_eq!(related["via"], "openai api", "{bullets:?}");
    assert!(
        (related["credit"].as_f64().unwrap() - 0.34).abs() < 0.011,
        "{related}"
    );
    assert!(bullets[1].get("related_terms").is_none(), "{bullets:?}");
    let genai = r["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == "generative ai")
        .unwrap_or_else(|| panic!("generative AI is not covered: {}", r["matched"]));
    // Three levels down: 0.7³.
    let credit = genai["credit"].as_f64().unwrap();
    assert!((credit - 0.343).abs() < 0.01, "{genai}");
    // The tailored page highlights what earned the credit.
    let html = String::from_utf8(run(&[
        "tailor",
        "--resume",
        resume.to_str().unwrap(),
        posting.to_str().unwrap(),
        "--format",
        "html",
    ]))
    .unwrap();
    assert!(html.contains("<mark>OpenAI API</mark>"), "{html}");
}

#[test]
fn a_bullet_using_a_sibling_tool_answers_a_term_another_bullet_names() {
    // The posting asks for Kafka; one bullet names Kafka, another RocketMQ. Whether the
    // RocketMQ bullet shows a message queue does not depend on the other bullet: it earns a
    // little, below the Kafka bullet; the unrelated bullet earns nothing.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- Wrote the quarterly planning notes\n- Ran the order pipeline on RocketMQ\n- Ran the click stream on Kafka\n",
        "Streaming Engineer\n\nRequirements\n- 3+ years running Kafka in production\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let bullets = r["bullets"].as_array().unwrap();
    let texts = texts_of(bullets);
    assert_eq!(
        texts,
        [
            "Ran the click stream on Kafka",
            "Ran the order pipeline on RocketMQ",
            "Wrote the quarterly planning notes"
        ]
    );
    assert!(bullets[1]["score"].as_f64().unwrap() > 0.0, "{bullets:?}");
    assert_eq!(bullets[2]["score"].as_f64().unwrap(), 0.0, "{bullets:?}");
}

/// A detail under a statement (`Introduced unit testing (JUnit)` › `Mentored 3 junior
/// engineers`) is scored in its context, but shows as matched only what it names itself:
/// the statement's terms are listed as above it (it had shown "matched: JUnit" on a bullet
/// without the word).
#[test]
fn a_detail_shows_its_statements_terms_as_above_it_not_as_its_own() {
    let (_t, r, p) = write_pair(
        "# Jane\n\n## Experience\n\n### Backend Engineer, Globex\n2016 – 2019\n\n- Introduced unit testing with JUnit and Mockito.\n  - Mentored 3 junior engineers.\n- Designed REST APIs in Go.\n",
        "Java Engineer\n\nRequirements\n- JUnit and Mockito\n- Mentoring junior engineers\n",
    );
    let report = match_json(r.to_str().unwrap(), p.to_str().unwrap());
    let bullets = report["bullets"].as_array().unwrap();
    let detail = bullets
        .iter()
        .find(|b| b["text"] == "Mentored 3 junior engineers.")
        .unwrap_or_else(|| panic!("{bullets:?}"));
    let terms = |key: &str| -> Vec<&str> {
        detail[key]
            .as_array()
            .map(|a| a.iter().map(|t| t.as_str().unwrap()).collect())
            .unwrap_or_default()
    };
    assert!(!terms("matched_terms").contains(&"JUnit"), "{detail}");
    assert!(terms("group_terms").contains(&"JUnit"), "{detail}");
    assert_eq!(terms("matched_terms"), ["Mentoring"], "{detail}");
}

#[test]
fn a_concept_under_two_broader_ones_proves_both_and_shares_a_kind_only_with_its_own() {
    // Full stack is frontend and backend work: a full-stack bullet answers a backend posting,
    // backend (what else it is part of) a level further than frontend (its kind).
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- Wrote the quarterly planning notes\n- Built the host review page full-stack\n",
        "Backend Engineer\n\nRequirements\n- 3+ years of backend development\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let bullets = r["bullets"].as_array().unwrap();
    assert_only_first_scores(bullets, "Built the host review page full-stack");
    let backend = matched_term(&r, "backend")
        .unwrap_or_else(|| panic!("backend is not covered: {}", r["matched"]));
    // What else a concept is part of counts as one level further than its kind: 0.7².
    assert!(
        (backend["credit"].as_f64().unwrap() - 0.49).abs() < 0.01,
        "{backend}"
    );
    assert_eq!(backend["via"], "full stack", "{backend}");

    // A user's tool under its kind (message queue) and its vendor: it proves the vendor (what
    // else it is part of, 0.7²), is a sibling of another queue, and no sibling of the vendor's
    // storage, a different kind.
    let t = tempfile::tempdir().unwrap();
    let lexicon = t.path().join("mine.tsv");
    std::fs::write(
        &lexicon,
        "Zephyr Cloud\ttool\n\
         Zephyr Queue\ttool\t\tmessage queue|Zephyr Cloud\n\
         Zephyr Store\ttool\t\tobject storage|Zephyr Cloud\n",
    )
    .unwrap();
    let resume = t.path().join("cv.md");
    std::fs::write(
        &resume,
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- Ran the order pipeline on Zephyr Queue\n- Wrote the quarterly planning notes\n",
    )
    .unwrap();
    let credit_of = |asks: &str, key: &str| -> f64 {
        let posting = t.path().join("p.txt");
        std::fs::write(
            &posting,
            format!("Platform Engineer\n\nRequirements\n- 3+ years with {asks}\n"),
        )
        .unwrap();
        let r: Value = serde_json::from_slice(&run(&[
            "match",
            "--resume",
            resume.to_str().unwrap(),
            posting.to_str().unwrap(),
            "--lexicon",
            lexicon.to_str().unwrap(),
            "--format",
            "json",
        ]))
        .unwrap();
        matched_term(&r, key).map_or(0.0, |m| m["credit"].as_f64().unwrap())
    };
    assert!((credit_of("Zephyr Cloud", "zephyr cloud") - 0.49).abs() < 0.01);
    assert!((credit_of("Kafka", "kafka") - 0.2).abs() < 0.01);
    assert_eq!(credit_of("Zephyr Store", "zephyr store"), 0.0);
}

#[test]
fn privacy_standards_of_foreign_markets_show_overseas_work_and_linux_shows_unix() {
    // A product made to meet the EU's GDPR was sold abroad: the bullet answers a posting that
    // prefers experience of taking a product overseas (出海), as something else GDPR is part
    // of (0.7², less than its kind), while still proving privacy compliance. Linux is a Unix:
    // a Linux bullet answers "Unix" at the narrower credit.
    let (_t, resume, posting) = write_pair(
        "# Lin Test\n\n## Experience\n\n### Acme\n2019.03 - 2024.01\n- 整理季度规划文档\n- 使公司产品达到欧盟 GDPR 标准\n- 编写 Linux 守护进程\n",
        "产品经理\n\n任职要求：\n1、有国际化及出海经历者优先\n2、熟悉Unix\n3、了解隐私合规\n",
    );
    let r = match_json(resume.to_str().unwrap(), posting.to_str().unwrap());
    let credit = |key: &str| {
        matched_term(&r, key).map(|m| (m["credit"].as_f64().unwrap(), m["via"].clone()))
    };
    let (overseas, via) = credit("international markets").expect("出海 is not covered");
    assert!((overseas - 0.49).abs() < 0.01, "{overseas}");
    assert_eq!(via, "gdpr");
    let (privacy, _) = credit("privacy compliance").expect("privacy compliance is not covered");
    assert!((privacy - 0.7).abs() < 0.01, "{privacy}");
    let (unix, via) = credit("unix").expect("Unix is not covered");
    assert!((unix - 0.7).abs() < 0.01, "{unix}");
    assert_eq!(via, "linux");
    let bullets = r["bullets"].as_array().unwrap();
    assert_eq!(
        bullets.last().unwrap()["text"],
        "整理季度规划文档",
        "{bullets:?}"
    );
}
