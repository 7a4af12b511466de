//! Snapshots of what users read: the match JSON, text and HTML and the tailored Markdown, HTML
//! and JSON Resume for two postings,
//! one English and one Chinese, against the seed résumé; and how the posting fixtures in
//! `tests/fixtures/postings` are read (`jdfit posting`, text and JSON). Review changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test` and `git diff`).

mod common;
use common::jdfit;

/// Standard output and error and the exit code of a run with `env` set.
fn run_all(args: &[&str], env: &[(&str, &str)]) -> (String, String, Option<i32>) {
    let idx = tempfile::tempdir().unwrap();
    let mut c = jdfit(idx.path());
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

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

/// What a person sees with no arguments, and with a command missing its input.
#[test]
fn usage_bare_and_missing_input() {
    let (out, err, code) = run_all(&[], &[("COLUMNS", "100")]);
    assert_eq!((out.as_str(), code), ("", Some(2)));
    let (out2, err2, code2) = run_all(&["batch", "-r", SEED], &[]);
    assert_eq!((out2.as_str(), code2), ("", Some(2)));
    insta::assert_snapshot!(format!("$ jdfit\n{err}\n$ jdfit batch -r {SEED}\n{err2}"));
}

/// `--help` of every command, at 100 columns.
#[test]
fn help_of_every_command() {
    let mut all = String::new();
    for cmd in [
        "",
        "match",
        "tailor",
        "batch",
        "posting",
        "resume",
        "index",
        "serve",
        "completions",
        "man",
    ] {
        let args: Vec<&str> = [cmd, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let (out, err, code) = run_all(&args, &[("COLUMNS", "100")]);
        assert_eq!(code, Some(0), "{cmd}: {err}");
        all.push_str(&format!("$ jdfit {}\n{out}\n", args.join(" ")));
    }
    insta::assert_snapshot!(all);
}

/// The manual page, as `man` shows it (roff source).
#[test]
fn man_page() {
    let page = run(&["man"]);
    // The version changes with every release; the rest of the page is what is checked.
    let page = page.replace(env!("CARGO_PKG_VERSION"), "VERSION");
    insta::assert_snapshot!(page);
}

/// A `COLUMNS` wider than any terminal (`2^64 - 1`, `2^32 - 1`) gives the table at its full
/// width, as 1,000 columns do: it had panicked ("capacity overflow") or padded its last
/// column with gigabytes of spaces.
#[test]
fn batch_table_wider_than_any_terminal_is_the_full_table() {
    let args = [
        "batch", "-r", SEED, "jobs/", "--top", "8", "-f", "table", "-q",
    ];
    let (want, err, code) = run_all(&args, &[("COLUMNS", "1000")]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(want.lines().count(), 9, "{want}");
    for cols in ["18446744073709551615", "4294967295"] {
        let (out, err, code) = run_all(&args, &[("COLUMNS", cols)]);
        assert_eq!(code, Some(0), "COLUMNS={cols}: {err}");
        assert_eq!(out, want, "COLUMNS={cols}");
    }
}

/// The batch table fitted to 80 and to 160 columns.
#[test]
fn batch_table_at_80_and_160_columns() {
    let mut all = String::new();
    for cols in ["80", "160"] {
        let (out, err, code) = run_all(
            &[
                "batch", "-r", SEED, "jobs/", "--top", "8", "-f", "table", "-q",
            ],
            &[("COLUMNS", cols)],
        );
        assert_eq!(code, Some(0), "{err}");
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= cols.parse().unwrap(),
                "wider than {cols}: {line}"
            );
        }
        all.push_str(&format!(
            "$ COLUMNS={cols} jdfit batch -r {SEED} jobs/ --top 8\n{out}\n"
        ));
    }
    insta::assert_snapshot!(all);
}

/// The JSON Resume export of the seed résumé (plain text, no name) and of the Chinese
/// Markdown résumé: each piece in the schema field a theme shows it in.
#[test]
fn tailor_jsonresume_seed() {
    insta::assert_snapshot!(run(&["tailor", "-r", SEED, EN, "-f", "jsonresume"]));
}

#[test]
fn tailor_jsonresume_markdown_zh() {
    insta::assert_snapshot!(run(&[
        "tailor",
        "-r",
        "corpus/resume-zh.md",
        ZH,
        "-f",
        "jsonresume"
    ]));
}

/// `jdfit resume`: how the seed résumé (plain text), the English Markdown résumé, a JSON
/// Resume and a LinkedIn profile saved as PDF are read, as text and as JSON.
#[test]
fn resume_view_text_and_json() {
    for (file, name) in [
        (SEED, "seed_txt"),
        ("corpus/frontend-en.md", "frontend_md"),
        ("corpus/data-analyst-en.json", "data_analyst_json"),
        ("tests/fixtures/resumes/linkedin-en.pdf", "linkedin_pdf"),
    ] {
        insta::assert_snapshot!(format!("resume_view_{name}_text"), run(&["resume", file]));
        insta::assert_snapshot!(
            format!("resume_view_{name}_json"),
            run(&["resume", file, "--format", "json"])
        );
    }
}
