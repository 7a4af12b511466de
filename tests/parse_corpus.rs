//! The shipped résumés parse with nothing lost.

mod common;

use jdfit::model::{Resume, SectionKind};
use jdfit::parse::{load_resume, text::split_markers_for_tests};
use std::path::Path;

fn load(p: &str) -> Resume {
    load_resume(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(p).as_path(),
        None,
    )
    .unwrap()
}

/// A seed line reduced to its content: list markers and emphasis removed.
fn content(line: &str) -> String {
    let t = split_markers_for_tests(line).unwrap_or(line.trim());
    t.replace("**", "").trim().to_string()
}

#[test]
fn every_line_of_the_seed_is_in_the_model() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/resume-zh.txt"))
            .unwrap();
    let r = load("corpus/resume-zh.txt");
    let all = r.all_text();
    let mut missing = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let c = content(line);
        if !all.iter().any(|t| t.contains(&c)) {
            missing.push(c);
        }
    }
    assert!(missing.is_empty(), "lost lines: {missing:#?}");
}

#[test]
fn seed_structure() {
    let r = load("corpus/resume-zh.txt");
    let headings: Vec<_> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.kind))
        .collect();
    assert_eq!(
        headings,
        [
            ("教育背景", SectionKind::Education),
            ("编程竞赛", SectionKind::Awards),
            ("工作经历", SectionKind::Experience),
            ("实习经历", SectionKind::Experience),
            ("系统经验与技术栈", SectionKind::Skills),
        ]
    );
    let work = &r.sections[2];
    let orgs: Vec<_> = work
        .entries
        .iter()
        .map(|e| e.organisation.as_deref().unwrap())
        .collect();
    assert_eq!(
        orgs,
        [
            "心识宇宙 (天使轮加入, 国内 LLM 应用先驱创业团队)",
            "阿里云",
            "小马智行 (L4 自动驾驶解决方案)"
        ]
    );
    let e = &work.entries[0];
    assert_eq!(e.location.as_deref(), Some("中国, 杭州"));
    assert_eq!(e.dates.as_deref(), Some("2022 年 6 月 - 至今"));
    assert_eq!(e.end, Some(jdfit::model::DateEnd::Present));
    assert_eq!(
        work.entries[1].start.map(|d| d.to_string()).as_deref(),
        Some("2020-08")
    );
    // The Infra group nests AiInfra, which nests the MLOps platform bullet.
    let infra = e
        .bullets
        .iter()
        .find(|b| b.text == "Infra 技术职责")
        .unwrap();
    let ai = &infra.children[0];
    assert!(ai.text.starts_with("AiInfra"));
    assert!(ai.children[0].text.starts_with("MLOps 平台"));
    assert_eq!(r.leaves().len(), 26);
    let edu = &r.sections[0].entries;
    assert_eq!(edu.len(), 3);
    assert_eq!(
        edu[0].notes,
        ["保研; 研一上学期发核心期刊达毕业标准; 北京市优干"]
    );
}

#[test]
fn markdown_conversion_has_the_same_bullets() {
    let txt = load("corpus/resume-zh.txt");
    let md = load("corpus/resume-zh.md");
    // The hand conversion made each internship its own entry; compare the work history.
    let work = |r: &Resume| -> Vec<String> {
        let s = r.sections.iter().find(|s| s.heading == "工作经历").unwrap();
        let mut out = Vec::new();
        for e in &s.entries {
            for b in &e.bullets {
                b.walk(&mut |x| out.push(x.text.clone()));
            }
        }
        out
    };
    let mut a = work(&txt);
    let mut b = work(&md);
    assert_eq!(a.len(), 30);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn english_corpus_resumes() {
    let fe = load("corpus/frontend-en.md");
    assert_eq!(fe.basics.name.as_deref(), Some("Alex Morgan"));
    assert!(fe
        .sections
        .iter()
        .any(|s| s.kind == SectionKind::Experience));
    assert!(fe.leaves().len() >= 10);
    let da = load("corpus/data-analyst-en.json");
    assert_eq!(da.basics.name.as_deref(), Some("Priya Shah"));
    assert!(da.leaves().len() >= 9);
    let be = load("corpus/backend-en.txt");
    assert!(be
        .sections
        .iter()
        .any(|s| s.kind == SectionKind::Experience && s.entries.len() >= 2));
}

/// Real résumés from the shared data folder, when it is there. Without it the test is
/// skipped with a visible `skipped: …` note (not a tool, so `JDFIT_REQUIRE_TOOLS` does not
/// make it required: CI has no shared folder).
#[test]
fn shared_resumes_parse_when_present() {
    let root = common::root().join("../shared/data/resumes");
    if !root.is_dir() {
        common::skip(&format!(
            "shared_resumes_parse_when_present: {} not present",
            root.display()
        ));
        return;
    }
    for p in [
        "zh/blankj/resume-cn.md",
        "en/blankj/resume-eng.md",
        "en/jsonresume/sample.resume.json",
    ] {
        let r = load_resume(&root.join(p), None).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert!(r.leaves().len() >= 5, "{p}");
    }
    let cn = load_resume(&root.join("zh/blankj/resume-cn.md"), None).unwrap();
    let work = cn
        .sections
        .iter()
        .find(|s| s.heading == "工作经验")
        .unwrap();
    assert_eq!(work.entries[0].dates.as_deref(), Some("2018/10 - 至今"));
}
