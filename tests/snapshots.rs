//! Snapshots of what users read: the match JSON, text and HTML and the tailored Markdown, HTML
//! and JSON Resume for two postings,
//! one English and one Chinese, against the seed résumé; and how the posting fixtures in
//! `tests/fixtures/postings` are read (`jdfit posting`, text and JSON). Review changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test` and `git diff`).

mod common;
use common::jdfit;

fn run(args: &[&str]) -> String {
    let idx = tempfile::tempdir().unwrap();
    let out = jdfit(idx.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const SEED: &str = "corpus/resume-zh.txt";
const EN: &str = "jobs/en/en-07-mlops-engineer.txt";
const ZH: &str = "jobs/zh/zh-01-senior-sre.txt";

#[test]
fn match_json_en() {
    insta::assert_snapshot!(run(&["match", "-r", SEED, EN, "-f", "json"]));
}

#[test]
fn match_json_zh() {
    insta::assert_snapshot!(run(&["match", "-r", SEED, ZH, "-f", "json"]));
}

#[test]
fn match_text_zh() {
    insta::assert_snapshot!(run(&["match", "-r", SEED, ZH]));
}

#[test]
fn tailor_md_en() {
    insta::assert_snapshot!(run(&["tailor", "-r", SEED, EN]));
}

#[test]
fn tailor_md_zh() {
    insta::assert_snapshot!(run(&["tailor", "-r", SEED, ZH]));
}

#[test]
fn tailor_jsonresume_from_markdown() {
    insta::assert_snapshot!(run(&[
        "tailor",
        "-r",
        "corpus/frontend-en.md",
        "jobs/en/en-02-frontend-engineer.txt",
        "-f",
        "jsonresume"
    ]));
}

#[test]
fn tailor_html_zh() {
    insta::assert_snapshot!(run(&["tailor", "-r", SEED, ZH, "-f", "html"]));
}

#[test]
fn match_html_en() {
    insta::assert_snapshot!(run(&["match", "-r", SEED, EN, "-f", "html"]));
}

/// Posting fixtures in the shapes job boards produce (question headings, "About the job",
/// Required / Preferred, benefits and equal-opportunity text, apply and salary lines, 51job's
/// one-line layout, inline Chinese headings, no headings, a company blurb on top).
const POSTINGS: &str = "tests/fixtures/postings";

fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(common::root().join(POSTINGS))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    names
        .into_iter()
        .map(|n| format!("{POSTINGS}/{n}"))
        .collect()
}

#[test]
fn posting_text_all_fixtures() {
    let files = fixtures();
    let mut args = vec!["posting"];
    args.extend(files.iter().map(String::as_str));
    insta::assert_snapshot!(run(&args));
}

#[test]
fn posting_json_apply_and_salary_lines() {
    insta::assert_snapshot!(run(&[
        "posting",
        "-f",
        "json",
        "tests/fixtures/postings/en-apply-salary.txt"
    ]));
}

#[test]
fn posting_json_inline_chinese_headings() {
    insta::assert_snapshot!(run(&[
        "posting",
        "--format",
        "json",
        "tests/fixtures/postings/zh-inline-headings.txt"
    ]));
}

#[test]
fn posting_json_51job_one_line() {
    insta::assert_snapshot!(run(&[
        "posting",
        "-f",
        "json",
        "tests/fixtures/postings/zh-51job-oneline.txt"
    ]));
}
