//! Integration tests of the `jdfit` binary: what a user at a terminal sees.

mod common;
use common::{jdfit, root};

use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

const SEED: &str = "corpus/resume-zh.txt";
const MLOPS_EN: &str = "jobs/en/en-07-mlops-engineer.txt";
const LLM_ZH: &str = "jobs/zh/zh-09-llm-platform-ai-infra.txt";
const LLM_EN: &str = "jobs/en/en-09-llm-platform-engineer.txt";
const MLOPS_ZH: &str = "jobs/zh/zh-08-mlops-engineer.txt";
const SRE_EN: &str = "jobs/en/en-01-senior-site-reliability-engineer.txt";
const SRE_ZH: &str = "jobs/zh/zh-01-senior-sre.txt";
/// A posting whose best bullets are not in the résumé's first entry, so ordering by relevance
/// differs from the résumé's own order.
/// A posting for the middleware the seed built in its second job: the best bullet is not in
/// the newest entry, so ordering by relevance moves entries.
const MIDDLEWARE_ZH: &str = "tests/fixtures/rank/middleware-zh.txt";
const FRONTEND_EN: &str = "jobs/en/en-02-frontend-engineer.txt";
const FRONTEND_ZH: &str = "jobs/zh/zh-02-qianduan-frontend.txt";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn match_json(resume: &str, posting: &str) -> Value {
    let t = tmp();
    let out = jdfit(t.path())
        .args(["match", "--resume", resume, posting, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn resume_bullets(resume: &str) -> Vec<String> {
    let r = jdfit::parse::load_resume(&root().join(resume), None).unwrap();
    r.all_bullets().iter().map(|b| b.text.clone()).collect()
}

#[test]
fn match_json_has_the_documented_shape() {
    let v = match_json(SEED, SRE_EN);
    let score = v["score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&score));
    for key in ["matched", "missing", "requirements", "bullets"] {
        assert!(v[key].is_array(), "{key}");
    }
    let m = &v["matched"][0];
    assert!(m["term"].is_string() && m["weight"].is_number() && m["kind"].is_string());
    let originals = resume_bullets(SEED);
    let bullets = v["bullets"].as_array().unwrap();
    assert_eq!(bullets.len(), 26, "every leaf bullet is listed");
    for b in bullets {
        assert!(originals.contains(&b["text"].as_str().unwrap().to_string()));
        assert!(b["id"].is_string() && b["score"].is_number() && b["matched_terms"].is_array());
    }
    // Best first.
    let scores: Vec<f64> = bullets
        .iter()
        .map(|b| b["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    // Must-have terms come before nice-to-have ones.
    let kinds: Vec<&str> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    let rank = |k: &str| {
        ["must", "duty", "nice"]
            .iter()
            .position(|x| *x == k)
            .unwrap()
    };
    assert!(
        kinds.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{kinds:?}"
    );
}

#[test]
fn requirement_lines_carry_partial_credit_and_its_concept() {
    // The seed résumé has caching (cache) but not Redis: Redis earns the broader concept's
    // credit, in its requirement line as in the overall terms.
    const JAVA_EN: &str = "jobs/en/en-13-senior-java-backend-engineer.txt";
    let v = match_json(SEED, JAVA_EN);
    let lines = v["requirements"].as_array().unwrap();
    let redis_line = lines
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("Redis"))
        .unwrap();
    assert!(redis_line["matched"]
        .as_array()
        .unwrap()
        .contains(&Value::from("Redis")));
    let partial = redis_line["partial"].as_array().unwrap();
    let redis = partial.iter().find(|p| p["term"] == "Redis").unwrap();
    assert_eq!(redis["via"], "cache");
    assert!((redis["credit"].as_f64().unwrap() - 0.2).abs() < 1e-6);
    assert!(
        !partial.iter().any(|p| p["term"] == "MySQL"),
        "MySQL is in the résumé itself: {partial:?}"
    );
    let overall = v["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["term"] == "Redis")
        .unwrap();
    assert_eq!(overall["via"], redis["via"]);
    assert_eq!(overall["credit"], redis["credit"]);
    // Every line has the field; each entry is one of its matched terms, credited in part.
    for q in lines {
        let matched = q["matched"].as_array().unwrap();
        for p in q["partial"].as_array().unwrap() {
            assert!(matched.contains(&p["term"]), "{q}");
            let c = p["credit"].as_f64().unwrap();
            assert!(c > 0.0 && c < 1.0, "{q}");
            assert!(!p["via"].as_str().unwrap().is_empty(), "{q}");
        }
    }
    // The text report says so in the line.
    let t = tmp();
    jdfit(t.path())
        .args(["match", "--resume", SEED, JAVA_EN])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^ +has: .*\bRedis \(~cache\)").unwrap());
}

fn rank_of(v: &Value, prefix: &str) -> usize {
    v["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["text"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no bullet starting with {prefix}"))
}

#[test]
fn mlops_and_llm_postings_rank_the_platform_bullets_above_the_internship() {
    // (posting, bullet that should lead, how near the top)
    let cases = [
        (MLOPS_EN, "MLOps 平台", 3),
        (MLOPS_ZH, "MLOps 平台", 2),
        (LLM_ZH, "LLM 统一接入层", 3),
        (LLM_EN, "LLM 统一接入层", 5),
    ];
    for (posting, lead, within) in cases {
        let v = match_json(SEED, posting);
        let airbnb = rank_of(&v, "爱彼迎");
        assert!(rank_of(&v, "MLOps 平台") < airbnb, "{posting}");
        assert!(rank_of(&v, "LLM 统一接入层") < airbnb, "{posting}");
        assert!(
            rank_of(&v, lead) < within,
            "{posting}: {lead} in the top {within}"
        );
    }
}

#[test]
fn a_frontend_posting_scores_far_below_an_sre_posting() {
    for (sre, fe) in [(SRE_EN, FRONTEND_EN), (SRE_ZH, FRONTEND_ZH)] {
        let s = match_json(SEED, sre)["score"].as_f64().unwrap();
        let f = match_json(SEED, fe)["score"].as_f64().unwrap();
        // Far below: at most 60% of the SRE score and at least 10 points under it.
        assert!(f < 0.6 * s && s - f >= 10.0, "{sre}: {s} vs {fe}: {f}");
    }
}

#[test]
fn tailored_bullets_are_verbatim_and_fewer() {
    let t = tmp();
    let out = jdfit(t.path())
        .args(["tailor", "--resume", SEED, MLOPS_EN, "--max-bullets", "6"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let originals = resume_bullets(SEED);
    let lines: Vec<&str> = md
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- "))
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(originals.contains(&l.to_string()), "not verbatim: {l}");
    }
    assert!(lines.len() < originals.len());
    // Education and skills are kept whole.
    assert!(md.contains("## 教育背景") && md.contains("技术栈: Java、Python、Kubernetes"));
    // The tailored Markdown reads back as a résumé.
    let back = jdfit::parse::markdown::parse(&md);
    assert!(!back.leaves().is_empty());
}

/// The tailored résumé `tailor -f FORMAT --order ORDER` prints for the seed and `posting`.
fn tailored(posting: &str, format: &str, order: &str) -> String {
    let t = tmp();
    let out = jdfit(t.path())
        .args([
            "tailor", "-r", SEED, posting, "-f", format, "--order", order,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An entry of a tailored résumé: its section's heading, its organisation, the ids of its
/// leaf bullets.
type TailoredEntry = (String, Option<String>, Vec<String>);

/// The entries of a tailored JSON résumé's experience and project sections, in order.
fn selectable_entries(doc: &Value) -> Vec<TailoredEntry> {
    fn leaves(b: &Value, out: &mut Vec<String>) {
        match b["children"].as_array() {
            Some(children) if !children.is_empty() => {
                children.iter().for_each(|c| leaves(c, out));
            }
            _ => out.push(b["id"].as_str().unwrap().to_string()),
        }
    }
    let mut entries = Vec::new();
    for s in doc["sections"].as_array().unwrap() {
        if !matches!(s["kind"].as_str(), Some("experience" | "projects")) {
            continue;
        }
        for e in s["entries"].as_array().unwrap() {
            let mut ids = Vec::new();
            for b in e["bullets"].as_array().into_iter().flatten() {
                leaves(b, &mut ids);
            }
            entries.push((
                s["heading"].as_str().unwrap().to_string(),
                e["organisation"].as_str().map(String::from),
                ids,
            ));
        }
    }
    entries
}

/// The organisations of `entries`, in order.
fn organisations(entries: &[TailoredEntry]) -> Vec<String> {
    entries.iter().filter_map(|e| e.1.clone()).collect()
}

/// The organisations of `orgs` in the order their headings appear in a Markdown or plain-text
/// résumé (a line that is the organisation, after any `#` markers).
fn heading_order(text: &str, orgs: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for line in text.lines() {
        let l = line.trim_start_matches('#').trim();
        if let Some(o) = orgs.iter().find(|o| o.as_str() == l) {
            if !seen.contains(o) {
                seen.push(o.clone());
            }
        }
    }
    seen
}

#[test]
fn tailor_formats_and_order() {
    let report = match_json(SEED, MIDDLEWARE_ZH);
    let bullets = report["bullets"].as_array().unwrap();
    let score: std::collections::HashMap<&str, f64> = bullets
        .iter()
        .map(|b| (b["id"].as_str().unwrap(), b["score"].as_f64().unwrap()))
        .collect();
    let entries = |order: &str| {
        let doc: Value = serde_json::from_str(&tailored(MIDDLEWARE_ZH, "json", order)).unwrap();
        selectable_entries(&doc)
    };
    let chrono = entries("chrono");
    let relevance = entries("relevance");

    // Chrono keeps the résumé's order of entries.
    let resume = jdfit::parse::load_resume(&root().join(SEED), None).unwrap();
    let in_resume: Vec<String> = resume
        .sections
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                jdfit::model::SectionKind::Experience | jdfit::model::SectionKind::Projects
            )
        })
        .flat_map(|s| s.entries.iter().filter_map(|e| e.organisation.clone()))
        .collect();
    assert_eq!(organisations(&chrono), in_resume);
    // Relevance: the same entries in another order, each section's by its entries' best
    // bullets, so the entry with the best bullet leads.
    let (mut a, mut b) = (organisations(&chrono), organisations(&relevance));
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_ne!(
        organisations(&chrono),
        organisations(&relevance),
        "--order relevance changed nothing"
    );
    let best = |e: &TailoredEntry| e.2.iter().map(|i| score[i.as_str()]).fold(-1.0, f64::max);
    for w in relevance.windows(2).filter(|w| w[0].0 == w[1].0) {
        assert!(best(&w[0]) >= best(&w[1]), "by best bullet: {w:?}");
    }
    // The best bullet of all that tailoring places (the report lists best first).
    let top = bullets
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .find(|id| relevance.iter().any(|e| e.2.iter().any(|x| x == id)))
        .unwrap();
    let holder = relevance
        .iter()
        .position(|e| e.2.iter().any(|x| x == top))
        .unwrap();
    let section_start = relevance
        .iter()
        .position(|e| e.0 == relevance[holder].0)
        .unwrap();
    assert_eq!(holder, section_start, "{top}'s entry leads: {relevance:?}");
    assert_eq!(relevance[holder].1.as_deref(), Some("阿里云"));
    assert_ne!(chrono[section_start].1.as_deref(), Some("阿里云"));

    // Markdown and plain text show the entries in the same orders.
    let all = organisations(&chrono);
    for format in ["md", "txt"] {
        for (order, want) in [("chrono", &chrono), ("relevance", &relevance)] {
            let text = tailored(MIDDLEWARE_ZH, format, order);
            assert_eq!(
                heading_order(&text, &all),
                organisations(want),
                "{format} {order}"
            );
        }
    }
}

#[test]
fn posting_from_stdin_and_resume_from_env() {
    let t = tmp();
    let posting = std::fs::read_to_string(root().join(SRE_EN)).unwrap();
    jdfit(t.path())
        .env("JDFIT_RESUME", SEED)
        .args(["match", "-f", "json"])
        .write_stdin(posting.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("\"source\": \"<stdin>\""));
    jdfit(t.path())
        .env("JDFIT_RESUME", SEED)
        .args(["match", "-"])
        .write_stdin(posting)
        .assert()
        .success()
        .stdout(predicate::str::contains("Score: "));
}

#[test]
fn output_file_is_written_and_inputs_are_never_overwritten() {
    let t = tmp();
    // The index directory elsewhere, so that `t` holds only what the test and `-o` write.
    let idx = tmp();
    let resume = t.path().join("resume.txt");
    std::fs::copy(root().join(SEED), &resume).unwrap();
    let before = std::fs::read(&resume).unwrap();
    jdfit(idx.path())
        .args(["tailor", "-r"])
        .arg(&resume)
        .arg(SRE_EN)
        .arg("-o")
        .arg(&resume)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    // Through a symlink too.
    #[cfg(unix)]
    {
        let link = t.path().join("link.txt");
        std::os::unix::fs::symlink(&resume, &link).unwrap();
        jdfit(idx.path())
            .args(["tailor", "-r"])
            .arg(&resume)
            .arg(SRE_EN)
            .arg("-o")
            .arg(&link)
            .assert()
            .code(2);
    }
    assert_eq!(std::fs::read(&resume).unwrap(), before);
    let out = t.path().join("out.md");
    jdfit(idx.path())
        .args(["tailor", "-r"])
        .arg(&resume)
        .arg(SRE_EN)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("## 工作经历"));
    // No temporary file is left beside the output: they are named `.jdfit-XXXXXX.tmp`
    // (src/output.rs), and nothing but the test's own files and the output may be there.
    let mut names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let leftovers: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with(".jdfit-") || n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
    let mut want = vec!["out.md", "resume.txt"];
    if cfg!(unix) {
        want.insert(0, "link.txt");
    }
    assert_eq!(names, want);
}

#[test]
fn index_is_persisted_reused_and_rebuilt_when_the_resume_changes() {
    let t = tmp();
    let idx = t.path().join("idx");
    let resume = t.path().join("resume.txt");
    std::fs::copy(root().join(SEED), &resume).unwrap();
    let status = |resume: &Path| -> String {
        let out = jdfit(&idx)
            .args(["match", "-f", "json", "-r"])
            .arg(resume)
            .arg(SRE_EN)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["index"].as_str().unwrap().to_string()
    };
    // No persisted index yet: built in RAM.
    assert_eq!(status(&resume), "memory");
    jdfit(&idx)
        .args(["index", "-r"])
        .arg(&resume)
        .assert()
        .success()
        .stderr(predicate::str::contains("indexed 26 bullets"));
    assert!(idx.join(jdfit::index::META_FILE).exists());
    assert_eq!(status(&resume), "reused");
    // The résumé changes: the persisted index is rebuilt, then reused again.
    let mut text = std::fs::read_to_string(&resume).unwrap();
    text.push_str("\n- 新增: 负责 Kafka 集群运维。\n");
    std::fs::write(&resume, text).unwrap();
    assert_eq!(status(&resume), "built");
    assert_eq!(status(&resume), "reused");
    // Another résumé does not clobber it.
    assert_eq!(status(&root().join("corpus/frontend-en.md")), "memory");
    assert_eq!(status(&resume), "reused");
}

/// Segment files copied in from another résumé's index (a partial restore of the cache
/// folder), with this résumé's `jdfit-index.json` beside them, pass every checksum: they are
/// recognised by the content hash stamped in the index's own commit and rebuilt.
#[test]
fn an_index_whose_segments_are_another_resumes_is_rebuilt() {
    let t = tmp();
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    let write = |name: &str, bullets: &str| {
        let p = t.path().join(name);
        std::fs::write(
            &p,
            format!("# N\n\nn@example.com\n\n## Experience\n\n### Eng, Acme\nJan 2020 – Present\n\n{bullets}"),
        )
        .unwrap();
        p
    };
    let ra = write(
        "a.md",
        "- Wrote Go services\n- Ran Kubernetes clusters\n- Built Kafka pipelines\n",
    );
    let rb = write(
        "b.md",
        "- Painted houses\n- Sold insurance\n- Cooked pasta\n",
    );
    for (r, dir) in [(&ra, &a), (&rb, &b)] {
        jdfit(t.path())
            .args(["index", "-r"])
            .arg(r)
            .arg("--index-dir")
            .arg(dir)
            .assert()
            .success();
    }
    let own = std::fs::read(a.join(jdfit::index::META_FILE)).unwrap();
    for e in std::fs::read_dir(&a).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            std::fs::remove_file(p).unwrap();
        }
    }
    for e in std::fs::read_dir(&b).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, a.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(a.join(jdfit::index::META_FILE), own).unwrap();
    let index = || {
        let out = jdfit(t.path())
            .args(["match", "-f", "json", "-r"])
            .arg(&ra)
            .arg(SRE_EN)
            .arg("--index-dir")
            .arg(&a)
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["index"].as_str().unwrap().to_string()
    };
    assert_eq!(index(), "built");
    assert_eq!(index(), "reused");
}

#[test]
fn index_refuses_a_foreign_directory() {
    let t = tmp();
    let dir = t.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "keep me").unwrap();
    jdfit(t.path())
        .args(["index", "-r", SEED, "--index-dir"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "keep me"
    );
}

/// Runs `jdfit match` expecting exit code 2 and one line on stderr containing `needle`.
fn fails_with(args: &[&str], stdin: Option<&[u8]>, needle: &str) {
    let t = tmp();
    let mut c = jdfit(t.path());
    c.args(args);
    if let Some(s) = stdin {
        c.write_stdin(s.to_vec());
    }
    let out = c.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line, got {err}"
    );
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn bad_inputs_exit_2_with_one_clear_line() {
    let t = tmp();
    let p = |name: &str, data: &[u8]| -> String {
        let path = t.path().join(name);
        std::fs::write(&path, data).unwrap();
        path.to_string_lossy().into_owned()
    };
    let empty = p("empty.txt", b"  \n\n");
    fails_with(
        &["match", "-r", SEED, &empty],
        None,
        "empty.txt: the posting is empty",
    );
    fails_with(
        &["match", "-r", SEED],
        Some(b""),
        "<stdin>: the posting is empty",
    );
    // An export of many postings given where one posting is read.
    let rows = p(
        "rows.jsonl",
        b"{\"title\": \"SRE\", \"text\": \"Kubernetes\"}\n{\"title\": \"Dev\", \"text\": \"Go\"}\n",
    );
    for cmd in [
        &["match", "-r", SEED][..],
        &["tailor", "-r", SEED],
        &["posting"],
    ] {
        let args: Vec<&str> = cmd.iter().copied().chain([rows.as_str()]).collect();
        fails_with(&args, None, "rows.jsonl: a JSONL export of postings");
    }
    let table = p("rows.CSV", b"title,text\nSRE,Kubernetes\n");
    fails_with(
        &["match", "-r", SEED, &table],
        None,
        "rank its rows with `jdfit batch`",
    );
    // The résumé is a file wherever standard input may carry the posting or the rows.
    for args in [
        &["match", "-r", "-"][..],
        &["tailor", "-r", "-"],
        &["batch", "-r", "-", "-"],
    ] {
        fails_with(
            args,
            Some(b"Senior SRE\n"),
            "résumé -: give the résumé as a file",
        );
    }
    // Binary data on standard input is refused at once (an endless `/dev/zero` would
    // otherwise be read on in search of a line end).
    fails_with(
        &["batch", "-r", SEED, "-"],
        Some(&[0u8; 1 << 16]),
        "-: not UTF-8 text (binary data",
    );
    let bin = p("bin.txt", b"\x7fELF\x00\x00\x01binary");
    fails_with(
        &["match", "-r", SEED, &bin],
        None,
        "bin.txt: not UTF-8 text (binary data",
    );
    let latin1 = p("latin1.txt", b"Senior SRE\ncaf\xe9\n");
    fails_with(
        &["match", "-r", SEED, &latin1],
        None,
        "latin1.txt: not UTF-8 text (invalid UTF-8 at line 2",
    );
    fails_with(
        &["match", "-r", SEED, &latin1],
        None,
        "not UTF-16 or GB18030 either; name the encoding with --encoding)",
    );
    // A résumé's encoding is always detected: its error asks for UTF-8 (it had pointed to
    // --encoding, which is for postings and refused for a résumé).
    fails_with(
        &["match", "-r", &latin1, SRE_EN],
        None,
        "latin1.txt: not UTF-8 text (invalid UTF-8 at line 2, byte offset 14, and not UTF-16 or GB18030 either; save the résumé as UTF-8)",
    );
    // Which input is missing, its cause said once.
    fails_with(
        &["match", "-r", SEED, "no/such/posting.txt"],
        None,
        "jdfit: posting no/such/posting.txt: no such file\n",
    );
    fails_with(
        &["match", "-r", "no/such/resume.md", SRE_EN],
        None,
        "jdfit: résumé no/such/resume.md: no such file\n",
    );
    fails_with(
        &["match", "-r", SEED, "jobs"],
        None,
        "jdfit: posting jobs: is a folder, not a file\n",
    );
    fails_with(
        &["match", "-r", "jobs", SRE_EN],
        None,
        "jdfit: résumé jobs: is a folder, not a file\n",
    );
    // A web address: jdfit reads files and text, and says how to get the page into one.
    fails_with(
        &["match", "-r", SEED, "https://jobs.example.com/view/123"],
        None,
        "posting https://jobs.example.com/view/123: jdfit reads files and pasted text, not web addresses",
    );
    fails_with(
        &["batch", "-r", SEED, "https://jobs.example.com/export.jsonl"],
        None,
        "not web addresses",
    );
    // A name whose first characters are not ASCII is a file name like any other.
    fails_with(
        &["match", "-r", SEED, "ht简历.txt"],
        None,
        "posting ht简历.txt: no such file",
    );
    let bad_json = p(
        "bad.json",
        b"{\n  \"basics\": {\"name\": \"A\"},\n  \"work\": [\n}\n",
    );
    fails_with(
        &["match", "-r", &bad_json, SRE_EN],
        None,
        "bad.json:4: invalid JSON Resume",
    );
    let no_bullets = p("nobullets.md", b"# Someone\n\nJust a name.\n");
    fails_with(
        &["match", "-r", &no_bullets, SRE_EN],
        None,
        "nobullets.md: no bullets found",
    );
    // Jobs with titles and dates but nothing under them, as a LinkedIn profile may list
    // them: the error says what is missing.
    let titles_only = p(
        "titles.txt",
        "Ann Lee\nann@example.com\n\nExperience\nAcme Corp\nSenior Engineer\n2022 - Present\n\nBeta Inc\nEngineer\n2019 - 2022\n".as_bytes(),
    );
    fails_with(
        &["match", "-r", &titles_only, SRE_EN],
        None,
        "titles.txt: no bullets found (read as plain text): 2 dated jobs read, none with a line under it",
    );
    fails_with(&["match", SRE_EN], None, "no résumé given");
}

#[test]
fn closed_stdout_is_not_an_error() {
    let t = tmp();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jdfit"))
        .current_dir(root())
        .env("JDFIT_INDEX_DIR", t.path())
        .args(["match", "-r", SEED, SRE_EN, "-f", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tailor_never_writes_over_the_file_it_reads_on_stdin_or_its_lexicon() {
    let t = tmp();
    let posting = t.path().join("p.txt");
    std::fs::copy(root().join(SRE_EN), &posting).unwrap();
    let lexicon = t.path().join("lex.tsv");
    std::fs::write(&lexicon, "Foo\ttool\tfoo\n").unwrap();
    let before = (
        std::fs::read(&posting).unwrap(),
        std::fs::read(&lexicon).unwrap(),
    );
    // Standard input redirected from a file (`< p.txt`), as a shell does it.
    let tailor_from = |output: &Path, stdin: &Path| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("jdfit"))
            .current_dir(root())
            .env_remove("JDFIT_RESUME")
            .env_remove("JDFIT_LEXICON")
            .env("JDFIT_INDEX_DIR", t.path())
            .args(["tailor", "-r", SEED, "-o"])
            .arg(output)
            .stdin(std::fs::File::open(stdin).unwrap())
            .output()
            .unwrap()
    };
    let out = tailor_from(&posting, &posting);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("p.txt: refusing to overwrite an input file"),
        "{err}"
    );
    let out = jdfit(t.path())
        .args(["tailor", "-r", SEED, SRE_EN, "--lexicon"])
        .arg(&lexicon)
        .arg("-o")
        .arg(&lexicon)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("lex.tsv: refusing to overwrite an input file"),
        "{err}"
    );
    // A hard link to the résumé, to the posting or to the lexicon is the same file too.
    let resume = t.path().join("cv.txt");
    std::fs::copy(root().join(SEED), &resume).unwrap();
    let resume_before = std::fs::read(&resume).unwrap();
    for (name, target) in [
        ("cv-link.txt", &resume),
        ("p-link.txt", &posting),
        ("lex-link.tsv", &lexicon),
    ] {
        let link = t.path().join(name);
        std::fs::hard_link(target, &link).unwrap();
        let out = jdfit(t.path())
            .args(["tailor", "-r"])
            .arg(&resume)
            .arg(&posting)
            .arg("--lexicon")
            .arg(&lexicon)
            .arg("-o")
            .arg(&link)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!("{name}: refusing to overwrite an input file")),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&resume).unwrap(), resume_before);
    assert_eq!(
        (
            std::fs::read(&posting).unwrap(),
            std::fs::read(&lexicon).unwrap()
        ),
        before
    );
    // Standard input from another file: written as asked.
    let out_md = t.path().join("out.md");
    let out = tailor_from(&out_md, &posting);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_md.exists());
}

#[test]
fn batch_to_a_closed_stdout_is_not_an_error_in_any_format() {
    let t = tmp();
    for format in ["jsonl", "json", "csv", "table"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jdfit"))
            .current_dir(root())
            .env("JDFIT_INDEX_DIR", t.path())
            .args(["batch", "-r", SEED, "jobs", "-q", "-f", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success()
                && String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .all(|l| l.starts_with("jdfit: scored")),
            "{format}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The subcommands `jdfit --help` lists, but clap's own `help`.
fn subcommands(t: &Path) -> Vec<String> {
    let out = jdfit(t).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let listed = help
        .split_once("\nCommands:\n")
        .unwrap_or_else(|| panic!("no Commands: section in\n{help}"))
        .1;
    listed
        .lines()
        .take_while(|l| !l.trim().is_empty())
        // A command's line starts with its name; wrapped descriptions are indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn help_has_an_example_for_every_command() {
    let t = tmp();
    let commands = subcommands(t.path());
    // The list is read from the help, so a new command is checked too; these are there now.
    for known in [
        "match",
        "tailor",
        "batch",
        "posting",
        "index",
        "serve",
        "completions",
        "man",
    ] {
        assert!(commands.iter().any(|c| c == known), "{known}: {commands:?}");
    }
    for cmd in &commands {
        let out = jdfit(t.path()).args([cmd, "--help"]).output().unwrap();
        assert!(out.status.success(), "{cmd}");
        let help = String::from_utf8(out.stdout).unwrap();
        // An example is a command line running `jdfit CMD`, apart from the usage line (most
        // are under "Examples:"; `man` gives its one in its description).
        let example = format!("jdfit {cmd}");
        let examples: Vec<&str> = help
            .lines()
            .filter(|l| !l.trim_start().starts_with("Usage:") && l.contains(&example))
            .collect();
        assert!(!examples.is_empty(), "no example of {example}:\n{help}");
        if help.contains("Examples:") {
            let section = help.split_once("Examples:").unwrap().1;
            assert!(
                section.contains(&example),
                "{cmd}: Examples: without {example}"
            );
        }
    }
}

#[test]
fn explain_shows_each_terms_contribution() {
    let t = tmp();
    let v = match_json(SEED, MLOPS_EN);
    let top = &v["bullets"][0];
    let out = jdfit(t.path())
        .args(["match", "-r", SEED, MLOPS_EN, "-f", "json", "--explain"])
        .arg(top["id"].as_str().unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sum: f64 = e["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["contribution"].as_f64().unwrap())
        .sum();
    // The contributions add up to the bullet's score in the match report.
    assert!(
        (sum - top["score"].as_f64().unwrap()).abs() < 0.01,
        "{sum} vs {}",
        top["score"]
    );
    assert!(!e["terms"].as_array().unwrap().is_empty());
    jdfit(t.path())
        .args(["match", "-r", SEED, MLOPS_EN, "--explain", "s9e9b9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no leaf bullet with id s9e9b9"));
}

#[test]
fn experience_and_education_verdicts() {
    let v = match_json(SEED, SRE_ZH);
    assert_eq!(v["has"]["years"].as_f64(), Some(7.5));
    assert_eq!(v["has"]["degree"], "master");
    assert_eq!(v["asks"]["years"], 5);
    assert_eq!(v["experience"]["meets"], true);
    assert_eq!(v["education"]["meets"], true);
}

#[test]
fn user_lexicon_extends_the_builtin_one() {
    let t = tmp();
    let resume = t.path().join("r.md");
    std::fs::write(
        &resume,
        "# A\n\n## Work\n\n### X\n\n- Built Zorblax pipelines for billing\n",
    )
    .unwrap();
    let posting = t.path().join("p.txt");
    std::fs::write(
        &posting,
        "Data Engineer\n\nRequirements\n- 佐布拉克斯 experience\n",
    )
    .unwrap();
    let lex = t.path().join("lex.tsv");
    std::fs::write(&lex, "# mine\nZorblax\ttool\t佐布拉克斯\n").unwrap();
    let run = |with: bool| -> Value {
        let mut c = jdfit(t.path());
        c.args(["match", "-f", "json", "-r"])
            .arg(&resume)
            .arg(&posting);
        if with {
            c.arg("--lexicon").arg(&lex);
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let keys = |v: &Value, k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!keys(&run(false), "matched").contains(&"zorblax".to_string()));
    assert!(keys(&run(true), "matched").contains(&"zorblax".to_string()));
    let bad = t.path().join("bad.tsv");
    std::fs::write(&bad, "ok\ttool\t\n\tskill\n").unwrap();
    jdfit(t.path())
        .args(["match", "-r", SEED, SRE_EN, "--lexicon"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.tsv:2: empty canonical name"));
}

const QUESTION_EN: &str = "tests/fixtures/postings/en-question-headings.txt";
const BILIBILI_ZH: &str = "tests/fixtures/postings/zh-bilibili-sections.txt";

#[test]
fn posting_reads_files_and_stdin() {
    let t = tmp();
    let json = |args: &[&str], stdin: Option<String>| -> Value {
        let mut c = jdfit(t.path());
        c.args(args);
        if let Some(s) = stdin {
            c.write_stdin(s);
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Standard input, with no argument and with `-`, reads like the file.
    let text = std::fs::read_to_string(root().join(BILIBILI_ZH)).unwrap();
    let file = json(&["posting", "-f", "json", BILIBILI_ZH], None);
    for args in [
        &["posting", "-f", "json"][..],
        &["posting", "-", "-f", "json"],
    ] {
        let mut piped = json(args, Some(text.clone()));
        assert_eq!(piped["source"], "<stdin>", "{args:?}");
        piped["source"] = file["source"].clone();
        assert_eq!(piped, file, "{args:?}");
    }
    assert_eq!(file["title"]["text"], "高级Go开发工程师-直播方向");
    assert_eq!(file["meta"]["company"], "星河视频");
    // Every body line is there with its part, the part's weight and its terms.
    let lines = file["lines"].as_array().unwrap();
    let redis = lines
        .iter()
        .find(|l| l["text"].as_str().unwrap().contains("Redis"))
        .unwrap();
    assert!(redis["weight"].as_f64().unwrap() > 0.0);
    let terms: Vec<&str> = redis["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(
        terms.contains(&"Redis") && terms.contains(&"Kafka"),
        "{terms:?}"
    );
    let counted: u64 = file["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["lines"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, lines.len() as u64);
    // Several files: an array, in argument order.
    let both = json(&["posting", "-f", "json", QUESTION_EN, BILIBILI_ZH], None);
    let sources: Vec<&str> = both
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, [QUESTION_EN, BILIBILI_ZH]);
    // Text: the title and a line with its part and terms.
    jdfit(t.path())
        .args(["posting", BILIBILI_ZH])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "高级Go开发工程师-直播方向  [tests/fixtures/postings/zh-bilibili-sections.txt]",
        ))
        .stdout(predicate::str::is_match(r"(?m)^ +13  \w+ +\d\.\d\d  熟悉MySQL、Redis").unwrap())
        .stdout(predicate::str::contains("Redis 0."));
}

#[test]
fn two_column_options_naming_one_field_are_refused() {
    let row =
        br#"{"title": "SRE", "body": "Requirements: Kubernetes", "url": "https://x.example/1"}"#;
    let batch = |extra: &[&str]| {
        let mut args = vec!["batch", "-r", "corpus/resume-zh.txt", "-f", "jsonl"];
        args.extend_from_slice(extra);
        args.push("-");
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    for (extra, needle) in [
        (
            &["--text-column", "body", "--title-column", "body"][..],
            "--title-column names the field `body`, which holds the posting text",
        ),
        // The default text fields count too.
        (
            &["--title-column", "description"][..],
            "--title-column names the field `description`, which holds the posting text",
        ),
        (
            &["--company-column", "title"][..],
            "--title-column and --company-column both name the field `title`",
        ),
    ] {
        let args = batch(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fails_with(&args, Some(row), needle);
    }
    // A link may be the id.
    let t = tmp();
    let args = batch(&["--text-column", "body", "--id-column", "url"]);
    let out = jdfit(t.path())
        .args(&args)
        .write_stdin(row.to_vec())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(r#""id":"https://x.example/1""#));
}

#[test]
fn tailor_says_when_the_posting_has_no_requirement() {
    let t = tmp();
    jdfit(t.path())
        .args(["tailor", "-r", "corpus/frontend-en.md", "-"])
        .write_stdin("Office party\n\nWe are having a party on Friday. Bring snacks.\n")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no line of the posting reads as a requirement, duty or nice-to-have",
        ));
    jdfit(t.path())
        .args(["tailor", "-r", "corpus/frontend-en.md", BILIBILI_ZH])
        .assert()
        .success()
        .stderr(predicate::str::contains("no line of the posting").not());
}

#[test]
fn posting_notes_a_posting_without_requirement_lines() {
    let t = tmp();
    jdfit(t.path())
        .args(["posting", "-"])
        .write_stdin("Rust Engineer\n\nBenefits\n- Kafka swag and free lunch\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Requirement lines with terms that count: 0",
        ))
        .stdout(predicate::str::contains("Note: no requirement line found."));
    jdfit(t.path())
        .args(["posting", BILIBILI_ZH])
        .assert()
        .success()
        .stdout(predicate::str::contains("Note:").not());
}

#[test]
fn posting_bad_inputs_exit_2_with_one_clear_line() {
    fails_with(
        &["posting", "no/such/posting.txt"],
        None,
        "posting no/such/posting.txt: no such file",
    );
    // The good file before it is not printed: nothing is, when one input is bad.
    let t = tmp();
    let out = jdfit(t.path())
        .args(["posting", BILIBILI_ZH, "no/such/posting.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    fails_with(&["posting"], Some(b" \n"), "<stdin>: the posting is empty");
    fails_with(
        &["posting", "-", "-"],
        Some(b"x"),
        "standard input (-) can be read only once",
    );
    fails_with(
        &["posting", "tests"],
        None,
        "tests: is a folder, not a file",
    );
    fails_with(&["posting", "-f", "html", BILIBILI_ZH], None, "html");
    fails_with(
        &["posting", "--lexicon", "no/such/lexicon.tsv", BILIBILI_ZH],
        None,
        "lexicon no/such/lexicon.tsv: no such file",
    );
}

#[test]
fn posting_to_a_closed_stdout_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jdfit"))
        .current_dir(root())
        .args(["posting", QUESTION_EN, BILIBILI_ZH])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn usage_errors_read_right() {
    let t = tmp();
    // A bare `jdfit` prints the help with its list of commands, exit 2.
    let out = jdfit(t.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Commands:") && err.contains("batch"), "{err}");
    // A missing argument: its name after the colon, no stray "; ".
    fails_with(
        &["batch", "-r", SEED],
        None,
        "the following required arguments were not provided: <INPUT>...",
    );
    // A batch option given to match: which command has it, not clap's `--` tip.
    fails_with(
        &["match", "-r", SEED, "--top", "3", SRE_EN],
        None,
        "`--top` is not an option of `jdfit match`; it belongs to `jdfit batch`",
    );
    // An empty field name names no field (every row then failed).
    fails_with(
        &["batch", "-r", SEED, "--text-column", "", "x.jsonl"],
        None,
        "an empty name: give the field or column name as the export writes it",
    );
    // --encoding belongs to the commands that read postings only.
    fails_with(
        &["index", "-r", SEED, "--encoding", "gbk"],
        None,
        "`--encoding` is not an option of `jdfit index`",
    );
    for cmd in ["serve", "index", "completions", "man"] {
        let out = jdfit(t.path()).args([cmd, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        if cmd != "serve" || out.status.success() {
            assert!(!help.contains("--encoding"), "{cmd}: {help}");
        }
    }
    // An environment fallback is named without a value (empty or the user's path).
    let out = jdfit(t.path())
        .args(["match", "--help"])
        .env("JDFIT_RESUME", "/home/someone/cv.md")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("[env: JDFIT_RESUME]"), "{help}");
    assert!(!help.contains("/home/someone"), "{help}");
}

#[test]
fn html_report_never_shows_an_absolute_path() {
    let t = tmp();
    let posting = root().join(SRE_EN);
    assert!(posting.is_absolute());
    let out = jdfit(t.path())
        .args(["match", "-r", SEED, "-f", "html"])
        .arg(&posting)
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    let dir = posting.parent().unwrap().to_string_lossy().into_owned();
    assert!(!page.contains(&dir), "the report shows {dir}");
    let name = posting.file_name().unwrap().to_string_lossy().into_owned();
    assert!(page.contains(&name), "the report names the file");
}

#[test]
fn tailor_names_the_resume_with_name_and_notes_when_it_has_none() {
    let t = tmp();
    // The seed résumé has no name line: one note, and no name heading.
    let out = jdfit(t.path())
        .args(["tailor", "-r", SEED, SRE_EN])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("no name line").count(), 1, "{err}");
    assert!(err.contains("--name"), "{err}");
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(!md.starts_with("# "), "{md}");
    // --name puts one at the head, in every format that has a header.
    let out = jdfit(t.path())
        .args(["tailor", "-r", SEED, SRE_EN, "--name", "魏勇 Wei Yong"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no name line"));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("# 魏勇 Wei Yong\n"));
    for (format, needle) in [
        ("html", "<h1>魏勇 Wei Yong</h1>"),
        ("jsonresume", "\"name\": \"魏勇 Wei Yong\""),
    ] {
        let out = jdfit(t.path())
            .args([
                "tailor",
                "-r",
                SEED,
                SRE_EN,
                "-f",
                format,
                "--name",
                "魏勇 Wei Yong",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(needle),
            "{format}: {}",
            &text[..text.len().min(600)]
        );
    }
}

/// A `--name` holding a line break would write a section of its own into the résumé
/// ("## Injected Section"), a control character junk: a usage error, exit 2, one line.
#[test]
fn a_name_with_a_line_break_or_a_control_character_is_refused() {
    let t = tmp();
    for name in [
        "Evil\n## Injected Section\n- fake bullet",
        "Evil\u{1b}[31mName",
        "  ",
    ] {
        let out = jdfit(t.path())
            .args(["tailor", "-r", SEED, SRE_EN, "--name", name])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--name"), "{err}");
    }
}

/// `jdfit resume`: what was read, as text and JSON; a missing file, a posting and no file at
/// all are one line each, exit 2.
#[test]
fn resume_view_shows_what_was_read_and_fails_in_one_line() {
    let t = tmp();
    let out = jdfit(t.path())
        .args(["resume", "corpus/frontend-en.md", "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["basics"]["name"], "Alex Morgan");
    assert_eq!(v["format"], "markdown");
    let ids: Vec<&str> = v["sections"][1]["entries"][0]["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "s2e1b1");
    // The seed has no name and no contact lines: both are warned about, by kind.
    let out = jdfit(t.path())
        .args(["resume", SEED, "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["no_name", "no_contact"]);
    // --resume-format is honoured: the Markdown résumé read as plain text.
    let out = jdfit(t.path())
        .args(["resume", "corpus/frontend-en.md", "--resume-format", "text"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("[read as text"));
    // Standard input, as a file's bytes.
    let md = std::fs::read("corpus/frontend-en.md").unwrap();
    let out = jdfit(t.path())
        .args(["resume", "-"])
        .write_stdin(md)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<stdin>  [read as markdown"));
    fails_with(&["resume", "-"], Some(b""), "empty");
    fails_with(&["resume", "no/such/cv.md"], None, "no/such/cv.md");
    fails_with(
        &["resume", "jobs/en/en-07-mlops-engineer.txt"],
        None,
        "swapped",
    );
}

#[test]
fn a_chinese_compound_written_as_its_two_words_earns_half_credit() {
    // The seed résumé writes 版本 and 升级 but never 版本升级: the posting's 版本升级 is
    // partly shown, through the part it proves least; 容量规划 (no 容量) stays missing.
    let v = match_json(SEED, SRE_ZH);
    let line = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("版本升级"))
        .unwrap();
    let partial = line["partial"].as_array().unwrap();
    let upgrade = partial.iter().find(|p| p["term"] == "版本升级").unwrap();
    assert!(
        (upgrade["credit"].as_f64().unwrap() - 0.5).abs() < 1e-6,
        "{upgrade}"
    );
    assert!(["版本", "升级"].contains(&upgrade["via"].as_str().unwrap()));
    assert!(line["missing"]
        .as_array()
        .unwrap()
        .contains(&Value::from("容量规划")));
}

#[test]
fn the_output_format_follows_the_output_files_extension() {
    let t = tmp();
    let idx = tmp();
    let tailor = |out: &Path, extra: &[&str]| {
        let mut cmd = jdfit(idx.path());
        cmd.args(["tailor", "-r", SEED, SRE_EN, "-o"])
            .arg(out)
            .args(extra);
        cmd.assert()
    };
    // A .docx is a Word document (a ZIP), a .html a page, a .json the model.
    let docx = t.path().join("cv.docx");
    tailor(&docx, &[]).success();
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    let html = t.path().join("cv.html");
    tailor(&html, &[]).success();
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("<!DOCTYPE html>"));
    let json = t.path().join("cv.json");
    tailor(&json, &[]).success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(v.get("sections").is_some(), "{v}");
    // -f wins over the extension.
    let md = t.path().join("cv.txt");
    tailor(&md, &["-f", "md"]).success();
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .contains("## 工作经历"));
    // The extension of a document format jdfit does not write is an error naming the file,
    // and nothing is written; any other name gets Markdown.
    let pdf = t.path().join("cv.pdf");
    tailor(&pdf, &[]).code(2).stderr(
        predicate::str::contains("cv.pdf").and(predicate::str::contains("print the HTML page")),
    );
    assert!(!pdf.exists());
    let other = t.path().join("cv.tailored");
    tailor(&other, &[]).success();
    assert!(std::fs::read_to_string(&other)
        .unwrap()
        .contains("## 工作经历"));
}

/// `serve --listen` on a multicast or broadcast address is one line and exit 2, before any
/// résumé is read: such an address takes no connections, and "serving on" it would be false.
#[test]
fn serve_refuses_multicast_and_broadcast_addresses() {
    for ip in ["224.0.0.1", "255.255.255.255", "ff02::1"] {
        fails_with(
            &[
                "serve",
                "--listen",
                ip,
                "--port",
                "0",
                "--resume",
                "missing.md",
            ],
            None,
            "a multicast or broadcast address takes no connections",
        );
    }
}

/// A Word file (or any ZIP or OLE archive) given as a posting is one error line, exit 2: read
/// as text it was a posting titled "PK…" scored 0, a silent wrong answer.
#[test]
fn a_word_file_as_a_posting_is_one_error() {
    let t = tmp();
    let docx = t.path().join("job.docx");
    std::fs::write(&docx, b"PK\x03\x04garbage").unwrap();
    let doc = t.path().join("job.doc");
    std::fs::write(&doc, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap();
    for f in [&docx, &doc] {
        let out = jdfit(t.path())
            .args(["match", "-r", SEED])
            .arg(f)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("a Word document or another archive, not a posting's text"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// `tailor -o -` writes to standard output, as `-` means a standard stream everywhere else; it
/// had written (and silently replaced) a file named `-`.
#[test]
fn tailor_to_dash_is_standard_output() {
    let t = tmp();
    let out = jdfit(t.path())
        .current_dir(t.path())
        .args(["tailor", "-r"])
        .arg(root().join(SEED))
        .arg(root().join(SRE_EN))
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("## "),
        "no résumé on stdout"
    );
    assert!(!t.path().join("-").exists(), "a file named - was written");
}

#[test]
fn the_resume_file_given_as_the_posting_is_refused() {
    // Matched against itself, a résumé scored as a strong fit of nothing.
    let t = tmp();
    let cv = t.path().join("cv.md");
    std::fs::copy(root().join("corpus/frontend-en.md"), &cv).unwrap();
    for cmd in ["match", "tailor"] {
        jdfit(t.path())
            .current_dir(t.path())
            .args([cmd, "-r", "cv.md", "./cv.md"])
            .assert()
            .code(2)
            .stdout("")
            .stderr("jdfit: posting ./cv.md: the résumé file itself; give a job posting\n");
    }
}

/// A posting given as the résumé (the two swapped) that reads as one, dates and all: `match`
/// and `tailor` say so on standard error, as `jdfit resume` does (they had said only that no
/// bullets were marked). A résumé does not get the note.
#[test]
fn match_and_tailor_note_a_resume_that_reads_like_a_posting() {
    let t = tmp();
    let swapped = t.path().join("cv.txt");
    std::fs::write(
        &swapped,
        "Senior Backend Engineer\n\nAcme Corp, 2019 - 2021\n\nMinimum Qualifications\n- 5 years of Go and Kubernetes\n- Experience running Kafka in production\n\nPreferred Qualifications\n- Terraform\n",
    )
    .unwrap();
    for cmd in ["match", "tailor"] {
        let out = jdfit(t.path())
            .args([cmd, "-r"])
            .arg(&swapped)
            .arg(root().join(SRE_EN))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{cmd}: {err}");
        assert!(
            err.contains("a heading “Minimum Qualifications” reads like a job posting's"),
            "{cmd}: {err}"
        );
    }
    let out = jdfit(t.path())
        .args(["match", "-r"])
        .arg(root().join(SEED))
        .arg(root().join(SRE_EN))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("reads like a job posting"), "{err}");
}
