//! Hostile and broken input: limits, encodings, odd files and damaged indexes. Each case ends
//! in a result or in one clear error line and exit code 2, never a panic or a hang.

mod common;
use common::{fails, jdfit, root};

use std::path::{Path, PathBuf};

const SEED: &str = "corpus/resume-zh.txt";
const LLM_EN: &str = "jobs/en/en-09-llm-platform-engineer.txt";
const LLM_ZH: &str = "jobs/zh/zh-09-llm-platform-ai-infra.txt";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The score `match --format json` gives.
fn score(args: &[&std::ffi::OsStr]) -> f64 {
    let t = tempfile::tempdir().unwrap();
    let out = jdfit(t.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["score"].as_f64().unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn giant_words_never_reach_the_index() {
    let t = tempfile::tempdir().unwrap();
    let latin = "a".repeat(200_000);
    let han: String = "鬱".repeat(200_000);
    let resume = write(
        t.path(),
        "cv.md",
        format!("# X\n\n## Experience\n\n### ACME\n\n- Built Kafka pipelines {latin}\n- 负责{han}运维\n").as_bytes(),
    );
    let posting = write(
        t.path(),
        "p.txt",
        format!("Engineer\n\nRequirements\n- Kafka {latin}\n- {han}\n").as_bytes(),
    );
    let s = score(&[
        os("match"),
        os("-r"),
        resume.as_os_str(),
        posting.as_os_str(),
        os("-f"),
        os("json"),
    ]);
    assert!(s > 0.0);
}

#[test]
fn oversized_inputs_and_lines_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let big = write(t.path(), "big.txt", &vec![b'x'; 17 << 20]);
    fails(
        &[os("match"), os("-r"), os(SEED), big.as_os_str()],
        "big.txt: larger than the 16 MiB input limit",
    );
    let mut long = b"Title\n\nRequirements\n".to_vec();
    long.extend(std::iter::repeat_n(b'y', (1 << 20) + 10));
    long.push(b'\n');
    let long = write(t.path(), "long.txt", &long);
    fails(
        &[os("match"), os("-r"), os(SEED), long.as_os_str()],
        "long.txt:4: line of 1048586 bytes, over the 1024 KiB line limit",
    );
    // Inside a folder given to batch, the bad file is a skipped row named once, with its line.
    let dir = t.path().join("folder");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&long, dir.join("long.txt")).unwrap();
    std::fs::copy(root().join(LLM_EN), dir.join("ok.txt")).unwrap();
    let out = jdfit(t.path())
        .args([os("batch"), os("-r"), os(SEED), os("-q"), dir.as_os_str()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let want = format!(
        "{}:4: line of 1048586 bytes, over the 1024 KiB line limit",
        dir.join("long.txt").display()
    );
    assert!(err.contains(&want), "{err}");
    assert_eq!(err.matches("long.txt").count(), 1, "{err}");
}

#[test]
fn deep_nesting_and_too_many_bullets_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let mut md = String::from("# X\n\n## Experience\n\n### ACME\n\n");
    for level in 0..300 {
        md.push_str(&"  ".repeat(level));
        md.push_str("- item\n");
    }
    let deep = write(t.path(), "deep.md", md.as_bytes());
    fails(
        &[os("match"), os("-r"), deep.as_os_str(), os(LLM_EN)],
        "deep.md:23: a list nested 17 levels deep, over the limit of 16",
    );
    let json = format!("{{\"x\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_json = write(t.path(), "deep.json", json.as_bytes());
    fails(
        &[os("match"), os("-r"), deep_json.as_os_str(), os(LLM_EN)],
        "deep.json:1: invalid JSON: recursion limit exceeded",
    );
    let mut many = String::from("# X\n\n## Experience\n\n### ACME\n\n");
    for i in 0..6_000 {
        many.push_str(&format!("- did thing {i}\n"));
    }
    let many = write(t.path(), "many.md", many.as_bytes());
    fails(
        &[os("match"), os("-r"), many.as_os_str(), os(LLM_EN)],
        "many.md: 6000 bullets, over the limit of 5000",
    );
}

#[test]
fn encodings_are_detected_or_named() {
    let t = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(LLM_ZH)).unwrap();
    let want = score(&[
        os("match"),
        os("-r"),
        os(SEED),
        os(LLM_ZH),
        os("-f"),
        os("json"),
    ]);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let cr = text.replace('\n', "\r");
    let mut nul = text.clone().into_bytes();
    nul.extend(b"\x00\x07 trailing");
    for (name, bytes, enc) in [
        ("utf16.txt", utf16, None),
        ("gbk-auto.txt", gbk.to_vec(), None),
        ("gbk-named.txt", gbk.to_vec(), Some("gbk")),
        ("crlf-bom.txt", crlf.into_bytes(), None),
        ("cr.txt", cr.into_bytes(), None),
        ("nul.txt", nul, None),
    ] {
        let p = write(t.path(), name, &bytes);
        let mut args = vec![
            os("match"),
            os("-r"),
            os(SEED),
            p.as_os_str(),
            os("-f"),
            os("json"),
        ];
        if let Some(e) = enc {
            args.extend([os("--encoding"), os(e)]);
        }
        assert_eq!(score(&args), want, "{name}");
    }
    let latin1 = write(
        t.path(),
        "latin1.txt",
        b"Caf\xe9 manager\n\nRequirements\n- r\xe9sum\xe9 skills\n",
    );
    fails(
        &[os("match"), os("-r"), os(SEED), latin1.as_os_str()],
        "--encoding",
    );
    // Portuguese capitals and a pound sign are not Chinese either.
    let pt = write(t.path(), "pt.txt", b"DESCRI\xc7\xc3O DO CARGO\n\nREQUISITOS\n- INFORMA\xc7\xd5ES e Kubernetes\n- Sal\xe1rio \xa3100000\n");
    fails(
        &[os("match"), os("-r"), os(SEED), pt.as_os_str()],
        "--encoding",
    );
    // UTF-16 without a BOM, English: found by its NUL bytes.
    let en = std::fs::read_to_string(root().join(LLM_EN)).unwrap();
    let want_en = score(&[
        os("match"),
        os("-r"),
        os(SEED),
        os(LLM_EN),
        os("-f"),
        os("json"),
    ]);
    let le: Vec<u8> = en.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = en.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let p = write(t.path(), name, &bytes);
        let got = score(&[
            os("match"),
            os("-r"),
            os(SEED),
            p.as_os_str(),
            os("-f"),
            os("json"),
        ]);
        assert_eq!(got, want_en, "{name}");
    }
    // Named, Latin-1 reads as the same posting written in UTF-8: the same report.
    let text =
        "Caf\u{e9} manager\n\nRequirements\n- r\u{e9}sum\u{e9} skills, Kubernetes and Java\n";
    let latin1_bytes: Vec<u8> = text.chars().map(|c| u8::try_from(c).unwrap()).collect();
    assert!(std::str::from_utf8(&latin1_bytes).is_err());
    let named = write(t.path(), "latin1-named.txt", &latin1_bytes);
    let utf8 = write(t.path(), "utf8.txt", text.as_bytes());
    let report = |p: &Path, extra: &[&str]| -> serde_json::Value {
        let idx = tempfile::tempdir().unwrap();
        let out = jdfit(idx.path())
            .args(["match", "-r", SEED, "-f", "json"])
            .arg(p)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["posting"]["source"] = serde_json::Value::Null;
        v
    };
    let decoded = report(&named, &["--encoding", "latin1"]);
    assert_eq!(decoded["posting"]["title"], "Caf\u{e9} manager");
    assert!(
        decoded["requirements"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("r\u{e9}sum\u{e9} skills"),
        "{decoded}"
    );
    assert!(decoded["score"].as_f64().unwrap() > 0.0, "{decoded}");
    assert_eq!(decoded, report(&utf8, &[]));
    fails(
        &[
            os("match"),
            os("-r"),
            os(SEED),
            os(LLM_EN),
            os("--encoding"),
            os("klingon"),
        ],
        "unknown encoding",
    );
}

#[test]
fn batch_reads_other_encodings_and_skips_runaway_lines() {
    let t = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(LLM_ZH)).unwrap();
    let mut csv = String::from("id,text\n");
    csv.push_str(&format!("1,\"{}\"\n", text.replace('"', "\"\"")));
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let csv = write(t.path(), "gbk.csv", &gbk);
    let row = serde_json::json!({ "id": "a", "text": text }).to_string();
    let mut jsonl = row.clone().into_bytes();
    jsonl.push(b'\n');
    jsonl.extend(std::iter::repeat_n(b'z', (16 << 20) + 5));
    jsonl.push(b'\n');
    jsonl.extend(row.as_bytes());
    jsonl.push(b'\n');
    let mut utf16 = vec![0xFF, 0xFE];
    for u in String::from_utf8(jsonl.clone()).unwrap().encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let jsonl = write(t.path(), "rows.jsonl", &jsonl);
    // A line of exactly the limit is a record, and the one after it is not lost.
    let mut exact = b"{\"id\":\"x\",\"text\":\"".to_vec();
    exact.extend(std::iter::repeat_n(b'w', (16 << 20) - exact.len() - 2));
    exact.extend(b"\"}\n");
    exact.extend(row.as_bytes());
    exact.push(b'\n');
    let exact = write(t.path(), "exact.jsonl", &exact);
    // An unclosed quote turns the rest of a CSV into one row: refused before it is all read.
    let mut runaway = b"id,text\n1,\"ok\"\n2,\"never closed ".to_vec();
    runaway.extend(std::iter::repeat_n(b'q', 40 << 20));
    let runaway = write(t.path(), "runaway.csv", &runaway);
    let utf16 = write(t.path(), "rows16.jsonl", &utf16);
    let idx = tempfile::tempdir().unwrap();
    let out = jdfit(idx.path())
        // The same posting in every encoding: each must be read, not merged.
        .args(["batch", "-r", SEED, "-f", "jsonl", "--keep-duplicates"])
        .arg(&csv)
        .arg(&jsonl)
        .arg(&utf16)
        .arg(&exact)
        .arg(&runaway)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 5 rows of the posting, the exact-limit row, the row after it, the runaway CSV's first row.
    assert_eq!(rows.len(), 8, "{err}");
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert!(
        sources.iter().any(|s| s.ends_with("exact.jsonl:1")),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.ends_with("exact.jsonl:2")),
        "{sources:?}"
    );
    assert!(err.contains("record limit (an unclosed quote?)"), "{err}");
    let scores: Vec<f64> = rows
        .iter()
        .filter(|r| {
            let src = r["source"].as_str().unwrap();
            src.contains("gbk.csv") || src.contains("rows")
        })
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores.len(), 5, "{scores:?}");
    assert!(
        scores.windows(2).all(|w| w[0] == w[1]),
        "same text, same score: {scores:?}"
    );
    assert!(
        err.contains("rows.jsonl:2: line longer than the 16 MiB record limit"),
        "{err}"
    );
    assert!(err.contains("rows16.jsonl:2: line longer"), "{err}");
}

#[cfg(unix)]
#[test]
fn folders_with_loops_and_fifos_do_not_hang() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("jobs");
    std::fs::create_dir(&d).unwrap();
    std::fs::copy(root().join(LLM_EN), d.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();
    // A FIFO named like a posting: opening it to read would wait forever for a writer.
    // Without mkfifo that case is skipped with a note (a failure under JDFIT_REQUIRE_TOOLS);
    // a mkfifo that fails is a failure.
    if let Some(mkfifo) = common::tool(
        "mkfifo",
        "mkfifo (coreutils), for the FIFO case of folders_with_loops_and_fifos_do_not_hang",
    ) {
        use std::os::unix::fs::FileTypeExt;
        let fifo = d.join("pipe.txt");
        let made = std::process::Command::new(mkfifo)
            .arg(&fifo)
            .output()
            .unwrap();
        assert!(
            made.status.success(),
            "mkfifo {}: {}",
            fifo.display(),
            String::from_utf8_lossy(&made.stderr)
        );
        assert!(std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo());
    }
    let idx = tempfile::tempdir().unwrap();
    let out = jdfit(idx.path())
        .args(["batch", "-r", SEED, "-f", "jsonl"])
        .arg(&d)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The one real posting, once: the loop is not followed, the link and the FIFO not read.
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(sources, [d.join("a.txt").display().to_string()]);
}

#[test]
fn a_damaged_index_is_rebuilt_not_used() {
    let idx = tempfile::tempdir().unwrap();
    let dir = idx.path().join("index");
    let status = |extra: &[&str]| {
        let out = jdfit(idx.path())
            .args(["match", "-r", SEED, LLM_EN, "-f", "json", "--index-dir"])
            .arg(&dir)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["index"].as_str().unwrap().to_string(),
            v["score"].as_f64().unwrap(),
            v["bullets"].clone(),
        )
    };
    let built = jdfit(idx.path())
        .args(["index", "-r", SEED, "--index-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(built.status.success());
    let (how, score, bullets) = status(&[]);
    assert_eq!(how, "reused");
    // Flip bytes in the middle of every segment data file.
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".json") || name.ends_with(".lock") || !p.is_file() {
            continue;
        }
        let mut b = std::fs::read(&p).unwrap();
        if b.len() > 16 {
            let mid = b.len() / 2;
            for x in &mut b[mid..mid + 4] {
                *x ^= 0xFF;
            }
            std::fs::write(&p, b).unwrap();
        }
    }
    let (how, score2, bullets2) = status(&[]);
    assert_eq!(how, "built", "a damaged index must be rebuilt");
    assert_eq!((score, bullets), (score2, bullets2));
    assert_eq!(status(&[]).0, "reused");
    // A half-written metadata file: the index is rebuilt in RAM, the answer unchanged.
    std::fs::write(dir.join("jdfit-index.json"), b"{\"content_ha").unwrap();
    let (how, score3, _) = status(&[]);
    assert_ne!(how, "reused");
    assert_eq!(score3, score);
}
