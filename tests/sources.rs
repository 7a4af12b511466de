//! One posting, one score: the same posting text gives the same score from a `.txt` file,
//! standard input, a JSONL row (body only, or the whole text), a CSV row and JSONL on
//! standard input; structured fields add metadata and never replace the body. (The web
//! page's API is checked in `serve.rs`.)

mod common;
use common::{jdfit, root};

const RESUME: &str = "corpus/resume-zh.txt";

/// The posting fixtures compared: English and Chinese, headed and one-line layouts.
const FIXTURES: &[&str] = &[
    "en-required-preferred.txt",
    "en-company-blurb.txt",
    "en-question-headings.txt",
    "zh-inline-headings.txt",
    "zh-51job-oneline.txt",
];

/// A posting file split the way a job-board export stores it: title, company and location
/// fields, and the body below the header lines.
struct Split {
    title: String,
    company: Option<String>,
    location: Option<String>,
    body: String,
}

fn split(text: &str) -> Split {
    let mut lines = text.lines();
    let title = lines.next().unwrap().trim().to_string();
    let (mut company, mut location) = (None, None);
    let mut body = Vec::new();
    let mut in_header = true;
    for l in lines {
        let t = l.trim();
        let pairs: Vec<(&str, &str)> = t
            .split(" | ")
            .filter_map(|p| p.split_once([':', '：']))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect();
        let header = !t.is_empty()
            && pairs.len() == t.split(" | ").count()
            && pairs.iter().all(|(k, _)| {
                [
                    "company", "Company", "location", "Location", "url", "公司", "地点", "地区",
                    "薪资", "经验", "学历", "发布", "类型",
                ]
                .contains(k)
            });
        if in_header && (t.is_empty() || header) {
            for (k, v) in pairs {
                match k {
                    "company" | "Company" | "公司" => company = Some(v.to_string()),
                    "location" | "Location" | "地点" | "地区" => location = Some(v.to_string()),
                    _ => {}
                }
            }
            continue;
        }
        in_header = false;
        body.push(l);
    }
    Split {
        title,
        company,
        location,
        body: body.join("\n"),
    }
}

fn match_score(index: &std::path::Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut c = jdfit(index);
    c.args(["match", "-r", RESUME, "-f", "json"]).args(args);
    if let Some(s) = stdin {
        c.write_stdin(s.to_string());
    }
    let out = c.assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    format!("{:.1}", v["score"].as_f64().unwrap())
}

/// Scores of a batch run, by row id (or source when rows have none), as shown.
fn batch_scores(
    index: &std::path::Path,
    input: &str,
    stdin: Option<&str>,
) -> Vec<(String, String)> {
    let mut c = jdfit(index);
    c.args(["batch", "-r", RESUME, input, "-f", "jsonl", "--quiet"]);
    if let Some(s) = stdin {
        c.write_stdin(s.to_string());
    }
    let out = c.assert().success().get_output().stdout.clone();
    let mut rows: Vec<(String, String)> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = v["id"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v["source"].as_str().unwrap().to_string());
            (id, format!("{:.1}", v["score"].as_f64().unwrap()))
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn one_posting_one_score_from_every_source() {
    let index = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for name in FIXTURES {
        let rel = format!("tests/fixtures/postings/{name}");
        let text = std::fs::read_to_string(root().join(&rel)).unwrap();
        let s = split(&text);
        assert!(!s.body.trim().is_empty(), "{name}: no body");

        let from_file = match_score(index.path(), &[&rel], None);
        let from_stdin = match_score(index.path(), &[], Some(&text));
        let batch_file = batch_scores(index.path(), &rel, None);

        // JSONL: the body with structured fields, and the whole text with them.
        let body_row = serde_json::json!({
            "id": "body", "title": s.title, "company": s.company,
            "location": s.location, "text": s.body,
        });
        let full_row = serde_json::json!({
            "id": "full", "title": s.title, "company": s.company,
            "location": s.location, "description": text,
        });
        let jsonl = format!("{body_row}\n{full_row}\n");
        let jsonl_path = dir.path().join("rows.jsonl");
        std::fs::write(&jsonl_path, &jsonl).unwrap();
        let rows = batch_scores(index.path(), jsonl_path.to_str().unwrap(), None);
        let rows_stdin = batch_scores(index.path(), "-", Some(&jsonl));

        // The whole text in a row without a title field: read as the file is, title line
        // and header included.
        let text_row = serde_json::json!({"id": "whole text", "text": text});
        let text_path = dir.path().join("text.jsonl");
        std::fs::write(&text_path, format!("{text_row}\n")).unwrap();
        let text_rows = batch_scores(index.path(), text_path.to_str().unwrap(), None);

        // CSV with a header row.
        let csv_path = dir.path().join("rows.csv");
        let mut w = csv::Writer::from_path(&csv_path).unwrap();
        w.write_record(["id", "title", "company", "location", "text"])
            .unwrap();
        w.write_record([
            "csv",
            &s.title,
            s.company.as_deref().unwrap_or(""),
            s.location.as_deref().unwrap_or(""),
            &s.body,
        ])
        .unwrap();
        w.flush().unwrap();
        let csv_rows = batch_scores(index.path(), csv_path.to_str().unwrap(), None);

        let mut all = vec![
            ("match FILE".to_string(), from_file.clone()),
            ("match stdin".to_string(), from_stdin),
            ("batch FILE".to_string(), batch_file[0].1.clone()),
        ];
        all.extend(rows.into_iter().map(|(id, s)| (format!("jsonl {id}"), s)));
        all.extend(
            rows_stdin
                .into_iter()
                .map(|(id, s)| (format!("stdin jsonl {id}"), s)),
        );
        all.extend(csv_rows.into_iter().map(|(id, s)| (format!("csv {id}"), s)));
        all.extend(
            text_rows
                .into_iter()
                .map(|(id, s)| (format!("jsonl {id}"), s)),
        );
        assert_eq!(all.len(), 9, "{name}: {all:?}");
        assert!(
            all.iter().all(|(_, score)| *score == from_file),
            "{name}: scores differ by source: {all:?}"
        );
        assert_ne!(from_file, "0.0", "{name}: scored 0");
    }
}

#[test]
fn a_description_exported_as_html_scores_as_its_text() {
    // Job boards export descriptions as HTML fragments, some escaped once more: read as
    // plain text, their tags were terms (h3, ul, li) and their headings one long line.
    let index = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = "Senior Backend Engineer\n\nAbout us\nWe build payments for banks.\n\nRequirements\n- 5+ years of Java and Kafka\n- Experience with PostgreSQL & Redis\n\nBenefits\n- Health insurance\n";
    let html = "<p><strong>About us</strong></p><p>We build payments for banks.</p><h3>Requirements</h3><ul><li>5+ years of Java and Kafka</li><li>Experience with PostgreSQL &amp; Redis</li></ul><h3>Benefits</h3><ul><li>Health insurance</li></ul>";
    let escaped = html
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let txt = dir.path().join("plain.txt");
    std::fs::write(&txt, text).unwrap();
    let from_file = match_score(index.path(), &[txt.to_str().unwrap()], None);
    let jsonl = dir.path().join("rows.jsonl");
    let rows: String = [("html", html.to_string()), ("escaped", escaped)]
        .iter()
        .map(|(id, body)| {
            serde_json::json!({"id": id, "title": "Senior Backend Engineer", "text": body})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&jsonl, rows).unwrap();
    let scores = batch_scores(index.path(), jsonl.to_str().unwrap(), None);
    assert_eq!(
        scores,
        [
            ("escaped".to_string(), from_file.clone()),
            ("html".to_string(), from_file.clone())
        ]
    );
    assert_ne!(from_file, "0.0");
    // No tag is a term.
    let out = jdfit(index.path())
        .args(["batch", "-r", RESUME, "-f", "jsonl"])
        .arg(&jsonl)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    for tag in ["\"h3\"", "\"ul\"", "\"li\"", "\"lt\""] {
        assert!(!out.contains(tag), "{tag} read as a term: {out}");
    }
}

#[test]
fn a_posting_without_requirements_scores_zero_and_says_so() {
    let index = tempfile::tempdir().unwrap();
    // Only a title that matches the résumé well, a company blurb, perks and how to apply.
    let text = "Site Reliability Engineer\n\nCompany: Quietwave\n\nAbout us\nQuietwave is a leading audio platform founded in 2015.\n\nBenefits\n- Health insurance and 25 days of paid time off\n\nCLICK TO APPLY\n";
    let out = jdfit(index.path())
        .args(["match", "-r", RESUME, "-f", "json"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["score"].as_f64(), Some(0.0));
    assert_eq!(v["requirements_found"], serde_json::json!(false));
    let out = jdfit(index.path())
        .args(["match", "-r", RESUME])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = String::from_utf8_lossy(&out);
    assert!(report.contains("No requirements found"), "{report}");
    // The terms it has are the title's, never listed as must-haves.
    assert!(report.contains("\n  title  "), "{report}");
    assert!(!report.contains("\n  must  "), "{report}");
    let row = serde_json::json!({"id": "x", "title": "Site Reliability Engineer", "text": text});
    let out = jdfit(index.path())
        .args(["batch", "-r", RESUME, "-", "-f", "jsonl", "--quiet"])
        .write_stdin(format!("{row}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["score"].as_f64(), Some(0.0));
    assert_eq!(v["requirements_found"], serde_json::json!(false));
}
