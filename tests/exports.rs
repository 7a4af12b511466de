//! Exports a user sends or feeds onward: JSON Resume (validated against the official schema
//! and rendered with a real theme when the npm tools are installed), HTML, DOCX (opened with
//! LibreOffice when installed), the HTML match report, completions and the man page.

mod common;
use common::{jdfit, root, tool};

use jdfit::pipeline::{self, ResumeOptions};
use jdfit::render;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const SEED: &str = "corpus/resume-zh.txt";
const ANALYST: &str = "corpus/data-analyst-en.json";
const LLM_EN: &str = "jobs/en/en-09-llm-platform-engineer.txt";
const ANALYST_EN: &str = "jobs/en/en-18-data-analyst.txt";

fn tailor(resume: &str, posting: &str, format: &str, out: &Path) {
    let t = tempfile::tempdir().unwrap();
    let r = jdfit(t.path())
        .args(["tailor", "-r", resume, posting, "-f", format, "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

/// Every leaf bullet text of a résumé, for checking that outputs are verbatim.
fn bullet_texts(resume: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(resume)).unwrap();
    let r = jdfit::parse::parse_resume(Path::new(resume), &text, None).unwrap();
    r.all_bullets().iter().map(|b| b.text.clone()).collect()
}

fn validate_json_resume(doc: &Path) {
    let dir = "tests/jsonresume/node_modules";
    let Some(ajv) = tool(
        format!("{dir}/.bin/ajv"),
        "ajv-cli (npm ci in tests/jsonresume)",
    ) else {
        return;
    };
    let schema = root().join(dir).join("@jsonresume/schema/schema.json");
    // ajv picks its parser by extension: give it a .json copy.
    let t = tempfile::tempdir().unwrap();
    let copy = t.path().join("resume.json");
    std::fs::copy(doc, &copy).unwrap();
    let out = Command::new(ajv)
        .current_dir(root().join("tests/jsonresume"))
        .args(["validate", "--spec=draft7", "-c", "ajv-formats", "-s"])
        .arg(&schema)
        .arg("-d")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "not valid against the JSON Resume schema:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(resumed) = tool(format!("{dir}/.bin/resumed"), "resumed") else {
        return;
    };
    let html = t.path().join("theme.html");
    let out = Command::new(resumed)
        .current_dir(root().join("tests/jsonresume"))
        .arg("render")
        .arg(&copy)
        .args(["--theme", "jsonresume-theme-even", "--output"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the theme could not render it:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(doc).unwrap()).unwrap();
    let first = doc["work"][0]["highlights"][0].as_str().unwrap();
    // The theme escapes HTML; compare on a stretch of plain characters.
    let probe: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    assert!(
        page.contains(probe.trim()),
        "the themed page lacks the first highlight {probe:?}"
    );
}

#[test]
fn json_resume_from_the_seed_is_valid_and_verbatim() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("tailored.json");
    tailor(SEED, LLM_EN, "jsonresume", &out);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let work = doc["work"].as_array().expect("work entries");
    assert!(work.len() >= 2);
    let known = bullet_texts(SEED);
    let mut n = 0;
    for w in work {
        for h in w["highlights"].as_array().unwrap() {
            let h = h.as_str().unwrap();
            assert!(
                known.iter().any(|k| k == h),
                "not a bullet of the résumé: {h}"
            );
            n += 1;
        }
    }
    assert!(n >= 5, "{n} highlights");
    assert!(doc["education"].as_array().is_some_and(|e| !e.is_empty()));
    validate_json_resume(&out);
}

#[test]
fn json_resume_round_trip_changes_only_highlights() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("tailored.json");
    tailor(ANALYST, ANALYST_EN, "jsonresume", &out);
    let before: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(ANALYST)).unwrap()).unwrap();
    let mut after: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // Highlights are a selection of the originals, in some order; all else is unchanged.
    for array in ["work", "projects", "volunteer"] {
        let Some(items) = after.get_mut(array).and_then(Value::as_array_mut) else {
            continue;
        };
        for (i, item) in items.iter_mut().enumerate() {
            let Some(h) = item.get_mut("highlights") else {
                continue;
            };
            let original = before[array][i]["highlights"].as_array().unwrap();
            for x in h.as_array().unwrap() {
                assert!(original.contains(x), "{x} is not an original highlight");
            }
            *h = before[array][i]["highlights"].clone();
        }
    }
    assert_eq!(after, before);
    validate_json_resume(&out);
}

#[test]
fn html_is_self_contained_escaped_and_highlighted() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("tailored.html");
    tailor(SEED, LLM_EN, "html", &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    for external in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "external or active content: {external}"
        );
    }
    assert!(
        html.contains("<mark>LLM</mark>"),
        "matched terms are highlighted"
    );
    // The marks wrap the analyzer's offsets, so the text between tags is the bullet verbatim.
    let known = bullet_texts(SEED);
    let li = html
        .split("<li id=\"")
        .nth(1)
        .and_then(|s| s.split_once("\">"))
        .map(|(_, rest)| rest.split("</li>").next().unwrap())
        .unwrap();
    let plain = li.replace("<mark>", "").replace("</mark>", "");
    let plain = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    assert!(known.contains(&plain), "{plain}");
}

#[test]
fn html_report_escapes_the_posting() {
    let t = tempfile::tempdir().unwrap();
    let posting = t.path().join("evil.txt");
    std::fs::write(
        &posting,
        "Platform Engineer <script>alert(1)</script>\n\nRequirements\n- Kubernetes and <img src=x onerror=alert(1)> Python\n- 5+ years of experience\n",
    )
    .unwrap();
    let out = jdfit(t.path())
        .args(["match", "-r", SEED, "-f", "html"])
        .arg(&posting)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("id=\"score\""));
    assert!(html.contains("class=\"req covered\"") || html.contains("class=\"req partial\""));
    assert!(html.contains("chip miss"));
    assert!(
        html.contains("7.5 years, asks 5+"),
        "experience verdict shown"
    );
}

#[test]
fn docx_has_the_bullets_and_opens_in_libreoffice() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("tailored.docx");
    tailor(SEED, LLM_EN, "docx", &out);
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("LLM 统一接入层"));
    assert!(
        xml.contains("w:ilvl w:val=\"2\""),
        "nesting kept as list levels"
    );
    let Some(soffice) = tool(
        "soffice",
        "LibreOffice (apt-get install libreoffice-writer)",
    ) else {
        return;
    };
    let Some(pdftotext) = tool("pdftotext", "pdftotext (apt-get install poppler-utils)") else {
        return;
    };
    let profile = t.path().join("lo-profile");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(t.path())
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = t.path().join("tailored.pdf");
    let text = Command::new(pdftotext).arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', "");
    for want in ["工作经历", "心识宇宙", "LLM 统一接入层", "Java"] {
        assert!(
            text.contains(want),
            "{want} missing from the PDF text:\n{text}"
        );
    }
}

#[test]
fn docx_goes_through_a_pipe() {
    let t = tempfile::tempdir().unwrap();
    let out = jdfit(t.path())
        .args(["tailor", "-r", SEED, LLM_EN, "-f", "docx"])
        .output()
        .unwrap();
    // Standard output is a pipe here: the bytes go through.
    assert!(out.status.success());
    assert_eq!(&out.stdout[..2], b"PK");
}

#[test]
fn completions_and_man_page() {
    let t = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = jdfit(t.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            s.contains("jdfit") && s.contains("tailor") && s.contains("serve"),
            "{shell}"
        );
    }
    let out = jdfit(t.path()).arg("man").output().unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(man.starts_with(".ie") || man.contains(".TH jdfit"), "{man}");
    assert!(man.contains("batch") && man.contains("serve"));
}

/// Whether `bytes` hold an ANSI escape sequence.
fn has_escapes(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| w == b"\x1b[")
}

/// `bytes` with ANSI colour sequences removed and terminal line ends made `\n`.
fn plain(bytes: &[u8]) -> String {
    let sgr = regex::bytes::Regex::new(r"\x1b\[[0-9;]*m").unwrap();
    String::from_utf8(sgr.replace_all(bytes, &b""[..]).into_owned())
        .unwrap()
        .replace("\r\n", "\n")
}

#[test]
fn colour_on_a_terminal_only_and_never_with_no_color() {
    let t = tempfile::tempdir().unwrap();
    let args = ["match", "-r", SEED, LLM_EN];
    // In a pipe: no colour.
    let piped = jdfit(t.path())
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(!has_escapes(&piped.stdout), "escape codes in piped output");
    // Colour asked for (console's CLICOLOR_FORCE) is given even in a pipe: the text report
    // does follow what the terminal library decides.
    let forced = jdfit(t.path())
        .args(args)
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert!(
        has_escapes(&forced.stdout),
        "CLICOLOR_FORCE=1 gave no colour"
    );
    assert_eq!(plain(&forced.stdout), plain(&piped.stdout));
    // On a terminal (a pseudo-terminal from util-linux `script`): colour, unless NO_COLOR.
    if let Some(script) = tool(
        "script",
        "script (util-linux), for the terminal case of colour_on_a_terminal_only_and_never_with_no_color",
    ) {
        let bin = assert_cmd::cargo::cargo_bin("jdfit");
        let bin = bin.to_str().unwrap();
        assert!(!bin.contains('\''), "{bin}");
        let line = format!("'{bin}' {}", args.join(" "));
        let on_a_terminal = |no_color: bool| -> Vec<u8> {
            let mut c = Command::new(&script);
            c.current_dir(root())
                .args(["--quiet", "--return", "--command", &line, "/dev/null"])
                .env("JDFIT_INDEX_DIR", t.path())
                .env("JDFIT_AS_OF", "2026-11")
                .env("TERM", "xterm")
                .env_remove("JDFIT_RESUME")
                .env_remove("JDFIT_LEXICON")
                .env_remove("CLICOLOR")
                .env_remove("CLICOLOR_FORCE")
                .env_remove("NO_COLOR")
                .stdin(std::process::Stdio::null());
            if no_color {
                c.env("NO_COLOR", "1");
            }
            let out = c.output().unwrap();
            assert!(
                out.status.success(),
                "{line}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let coloured = on_a_terminal(false);
        assert!(has_escapes(&coloured), "no colour on a terminal");
        assert_eq!(plain(&coloured), plain(&piped.stdout));
        let no_color = on_a_terminal(true);
        assert!(
            !has_escapes(&no_color),
            "escape codes on a terminal with NO_COLOR set"
        );
        assert_eq!(plain(&no_color), plain(&piped.stdout));
    }
    // The library marks the toned pieces for the binary to colour; plain text has none.
    let m = pipeline::prepare(&root().join(SEED), &ResumeOptions::default()).unwrap();
    let text = std::fs::read_to_string(root().join(LLM_EN)).unwrap();
    let r = pipeline::match_text(&m, &text, "p").unwrap().report;
    let marked = render::report_text_styled(&r, &|tone, s| format!("<{tone:?}>{s}"));
    assert!(
        marked.contains("<Strong>") && marked.contains("<Good>[x]"),
        "{marked}"
    );
    assert_eq!(
        render::report_text(&r),
        render::report_text_styled(&r, &|_, s| s.to_string())
    );
}
