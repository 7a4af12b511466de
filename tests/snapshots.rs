//! Snapshots of what users read: the match JSON, text and HTML and the tailored Markdown, HTML
//! and JSON Resume for two postings,
//! one English and one Chinese, against the seed résumé. Review changes with `cargo insta review`
//! (or `INSTA_UPDATE=always cargo test` and `git diff`).

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
