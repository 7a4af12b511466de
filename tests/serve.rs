//! `jdfit serve`: the page, the JSON API, its limits and errors, a burst of concurrent
//! requests, and (when Chromium and playwright-core are installed) the page in a real browser.

mod common;
use common::{root, tool};

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const SEED: &str = "corpus/resume-zh.txt";
const LLM_EN: &str = "jobs/en/en-09-llm-platform-engineer.txt";

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    _index: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let index = tempfile::tempdir().unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("jdfit"))
            .current_dir(root())
            .env_remove("JDFIT_RESUME")
            .env("JDFIT_AS_OF", "2026-11")
            .env("JDFIT_INDEX_DIR", index.path())
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let url = loop {
            let line = lines.next().expect("server said nothing").unwrap();
            if let Some(rest) = line.split("serving on ").nth(1) {
                break rest.split_whitespace().next().unwrap().to_string();
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            url,
            _index: index,
        }
    }

    fn rss_kb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// POSTs `body` to `path`; returns the status, content type and body bytes.
fn post(s: &Server, path: &str, body: &str) -> (u16, String, Vec<u8>) {
    let mut r = agent()
        .post(format!("{}{}", s.url, path.trim_start_matches('/')))
        .header("content-type", "application/json")
        .send(body)
        .unwrap();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = r
        .body_mut()
        .with_config()
        .limit(20 << 20)
        .read_to_vec()
        .unwrap();
    (r.status().as_u16(), ct, bytes)
}

fn posting() -> String {
    std::fs::read_to_string(root().join(LLM_EN)).unwrap()
}

fn error_of(bytes: &[u8]) -> String {
    let v: Value = serde_json::from_slice(bytes).expect("errors are JSON");
    v["error"].as_str().expect("an error message").to_string()
}

#[test]
fn page_and_api() {
    let s = Server::start(&["--resume", SEED]);
    let mut page = agent().get(&s.url).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let csp = page.headers().get("content-security-policy").unwrap();
    assert!(csp.to_str().unwrap().contains("default-src 'none'"));
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("id=\"posting\"") && html.contains("id=\"match\""));
    for external in ["http://", "https://", "//cdn", "fonts.googleapis"] {
        assert!(
            !html.contains(&format!("src=\"{external}")),
            "external asset {external}"
        );
    }

    let info: Value = serde_json::from_str(
        &agent()
            .get(format!("{}api/resume", s.url))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(info["name"], "resume-zh.txt");
    assert!(info["bullets"].as_u64().unwrap() > 20);
    // What was read from it, as for an upload.
    assert_eq!(info["view"]["source"], "resume-zh.txt");
    assert_eq!(info["view"]["bullets"], info["bullets"]);
    assert_eq!(info["view"]["warnings"][0]["kind"], "no_name");

    let (status, ct, body) = post(
        &s,
        "/api/match",
        &json!({ "posting": posting() }).to_string(),
    );
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/json"));
    let report: Value = serde_json::from_slice(&body).unwrap();
    let score = report["score"].as_f64().unwrap();
    assert!(score > 20.0 && score <= 100.0, "{score}");
    assert!(!report["requirements"].as_array().unwrap().is_empty());

    // One posting, one score: the page gives what `jdfit match FILE` gives.
    for fixture in [
        "tests/fixtures/postings/en-required-preferred.txt",
        "tests/fixtures/postings/zh-51job-oneline.txt",
    ] {
        let text = std::fs::read_to_string(root().join(fixture)).unwrap();
        let (_, _, body) = post(&s, "/api/match", &json!({ "posting": text }).to_string());
        let page: Value = serde_json::from_slice(&body).unwrap();
        let index = tempfile::tempdir().unwrap();
        let out = assert_cmd::Command::cargo_bin("jdfit")
            .unwrap()
            .current_dir(root())
            .env_remove("JDFIT_RESUME")
            .env("JDFIT_AS_OF", "2026-11")
            .env("JDFIT_INDEX_DIR", index.path())
            .args(["match", "-r", SEED, fixture, "-f", "json"])
            .output()
            .unwrap();
        let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(page["score"], cli["score"], "{fixture}");
        assert_eq!(page["requirements"], cli["requirements"], "{fixture}");
    }

    for (format, want_ct, magic) in [
        ("md", "text/markdown", &b"##"[..]),
        ("jsonresume", "application/json", &b"{"[..]),
        ("html", "text/html", &b"<!DOCTYPE html>"[..]),
        ("docx", "application/vnd.openxmlformats", &b"PK"[..]),
        ("txt", "text/plain", &b""[..]),
    ] {
        let (status, ct, body) = post(
            &s,
            "/api/tailor",
            &json!({ "posting": posting(), "format": format }).to_string(),
        );
        assert_eq!(status, 200, "{format}: {}", String::from_utf8_lossy(&body));
        assert!(ct.starts_with(want_ct), "{format}: {ct}");
        assert!(
            body.starts_with(magic) || body.windows(magic.len()).any(|w| w == magic),
            "{format}"
        );
    }
}

#[test]
fn bad_requests_get_json_errors_and_the_server_stays_up() {
    let s = Server::start(&["--resume", SEED]);
    // Empty posting, unknown format, malformed JSON, wrong types, oversized body.
    let (st, _, b) = post(&s, "/api/match", r#"{"posting":"   "}"#);
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("empty"));
    let (st, _, b) = post(&s, "/api/tailor", r#"{"posting":"Go","format":"pdf"}"#);
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("unknown format"));
    let (st, _, b) = post(&s, "/api/match", r#"{"posting": "#);
    assert!((400..500).contains(&st), "{st}");
    error_of(&b);
    let (st, _, b) = post(&s, "/api/match", r#"{"posting": 42}"#);
    assert!((400..500).contains(&st), "{st}");
    error_of(&b);
    // A line over the limit a posting file has is refused as `jdfit match` refuses it.
    let long = "Rust Kubernetes Linux AWS engineer ".repeat(40_000);
    let (st, _, b) = post(&s, "/api/match", &json!({ "posting": long }).to_string());
    assert_eq!(st, 400);
    assert!(
        error_of(&b).contains("over the 1024 KiB line limit"),
        "{}",
        error_of(&b)
    );
    // An oversized body is refused from its Content-Length, before it is read. (Sending it
    // whole races the server closing the connection, so the request is written by hand.)
    {
        use std::io::{Read, Write};
        let addr = s.url.trim_start_matches("http://").trim_end_matches('/');
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        write!(
            c,
            "POST /api/match HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\nConnection: close\r\n\r\n{{\"posting\": \""
        )
        .unwrap();
        let mut resp = Vec::new();
        let _ = c.read_to_end(&mut resp);
        let resp = String::from_utf8_lossy(&resp);
        assert!(resp.starts_with("HTTP/1.1 413"), "{resp}");
        let body = resp.split("\r\n\r\n").nth(1).unwrap_or("");
        error_of(body.as_bytes());
    }
    let (st, _, b) = post(
        &s,
        "/api/match",
        &json!({ "posting": "Go", "resume": { "name": "cv.md", "text": "no bullets here" } })
            .to_string(),
    );
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("no bullets"), "{}", error_of(&b));
    let mut r = agent().get(format!("{}nope", s.url)).call().unwrap();
    assert_eq!(r.status().as_u16(), 404);
    error_of(&r.body_mut().read_to_vec().unwrap());
    // Another Host (a DNS-rebinding page) is refused; a wrong method gets a JSON error too.
    let raw = |request: String| {
        use std::io::{Read, Write};
        let addr = s.url.trim_start_matches("http://").trim_end_matches('/');
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.write_all(request.replace("ADDR", addr).as_bytes())
            .unwrap();
        let mut resp = String::new();
        let _ = c.read_to_string(&mut resp);
        resp
    };
    let port = s
        .url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    let resp =
        raw("GET /api/resume HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".into());
    assert!(resp.starts_with("HTTP/1.1 403"), "{resp}");
    assert!(!resp.contains("resume-zh"), "{resp}");
    let resp = raw(format!(
        "GET /api/resume HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    // A client that shuts its sending side after the request still gets the answer.
    for _ in 0..5 {
        use std::io::{Read, Write};
        let addr = s.url.trim_start_matches("http://").trim_end_matches('/');
        let body = json!({ "posting": posting() }).to_string();
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.write_all(
            format!(
                "POST /api/match HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .unwrap();
        c.shutdown(std::net::Shutdown::Write).unwrap();
        let mut resp = String::new();
        let _ = c.read_to_string(&mut resp);
        assert!(resp.starts_with("HTTP/1.1 200"), "{resp:?}");
    }
    let resp = raw("GET /api/match HTTP/1.1\r\nHost: ADDR\r\nConnection: close\r\n\r\n".into());
    assert!(resp.starts_with("HTTP/1.1 405"), "{resp}");
    error_of(resp.split("\r\n\r\n").nth(1).unwrap().as_bytes());
    // Still serving.
    let (st, _, _) = post(
        &s,
        "/api/match",
        &json!({ "posting": posting() }).to_string(),
    );
    assert_eq!(st, 200);
}

#[test]
fn another_resume_can_be_uploaded_and_none_is_needed_at_start() {
    let s = Server::start(&[]);
    let mut r = agent().get(format!("{}api/resume", s.url)).call().unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert!(error_of(&r.body_mut().read_to_vec().unwrap()).contains("--resume"));
    let (st, _, b) = post(
        &s,
        "/api/match",
        &json!({ "posting": posting() }).to_string(),
    );
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("résumé"));
    let text = std::fs::read_to_string(root().join("corpus/frontend-en.md")).unwrap();
    let body = json!({
        "posting": std::fs::read_to_string(root().join("jobs/en/en-02-frontend-engineer.txt")).unwrap(),
        "resume": { "name": "../../etc/frontend-en.md", "text": text },
    });
    let (st, _, b) = post(&s, "/api/match", &body.to_string());
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&b));
    let report: Value = serde_json::from_slice(&b).unwrap();
    assert!(report["score"].as_f64().unwrap() > 30.0);
    // The page sends the file's bytes: a GBK résumé is decoded as on the command line.
    use base64::Engine;
    let seed = std::fs::read_to_string(root().join(SEED)).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&seed);
    let body = json!({
        "posting": posting(),
        "resume": { "name": "cv.txt", "data": base64::engine::general_purpose::STANDARD.encode(&gbk) },
    });
    let (st, _, b) = post(&s, "/api/match", &body.to_string());
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&b));
    let from_gbk: Value = serde_json::from_slice(&b).unwrap();
    let (_, _, b) = post(
        &s,
        "/api/match",
        &json!({ "posting": posting(), "resume": { "name": "cv.txt", "text": seed } }).to_string(),
    );
    let from_utf8: Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(from_gbk["score"], from_utf8["score"]);
    let (st, _, b) = post(
        &s,
        "/api/match",
        &json!({ "posting": "Go", "resume": { "name": "cv.txt", "data": "%%%" } }).to_string(),
    );
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("base64"));
    // Both: one of them is asked for, not a decoding error about the other.
    let (st, _, b) = post(
        &s,
        "/api/match",
        &json!({ "posting": "Go", "resume": { "name": "a.md", "text": "# A", "data": "AAAA" } })
            .to_string(),
    );
    assert_eq!(st, 400);
    assert!(
        error_of(&b).contains("both `text` and `data`"),
        "{}",
        error_of(&b)
    );
}

#[test]
fn a_burst_of_concurrent_requests_all_succeed_with_flat_memory() {
    let s = Server::start(&["--resume", SEED]);
    let body = json!({ "posting": posting() }).to_string();
    // Warm up, then measure memory around 16 clients × 64 requests.
    for _ in 0..20 {
        assert_eq!(post(&s, "/api/match", &body).0, 200);
    }
    let before = s.rss_kb();
    let failures = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..16 {
            scope.spawn(|| {
                for _ in 0..64 {
                    if post(&s, "/api/match", &body).0 != 200 {
                        failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let after = s.rss_kb();
    eprintln!("server resident memory: {before} kB before, {after} kB after 1,024 requests");
    assert_eq!(failures.into_inner(), 0);
    if before > 0 {
        assert!(
            after < before + 64 * 1024,
            "memory grew from {before} kB to {after} kB over 1,024 requests"
        );
    }
}

#[test]
fn the_page_works_in_a_real_browser() {
    let Some(node_modules) = tool(
        "tests/browser/node_modules/playwright-core",
        "playwright-core (npm ci in tests/browser)",
    ) else {
        return;
    };
    let _ = node_modules;
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if tool(&chromium, "Chromium (apt-get install chromium)").is_none() {
        return;
    }
    let Some(node) = tool("node", "Node.js") else {
        return;
    };
    let s = Server::start(&["--resume", SEED]);
    let shot = root().join("target/browser/page.png");
    std::fs::create_dir_all(shot.parent().unwrap()).unwrap();
    let out = Command::new(node)
        .current_dir(root().join("tests/browser"))
        .env("JDFIT_URL", &s.url)
        .env("CHROMIUM", &chromium)
        .arg("run.mjs")
        .arg(root().join(LLM_EN))
        .arg(&shot)
        .arg(root().join("corpus/frontend-en.md"))
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "browser test failed:\n{log}");
    assert!(log.contains("0 failed"), "{log}");
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "screenshot saved"
    );
}

/// The page's upload sends a DOCX file's bytes: `POST /api/resume` answers how it is read
/// (the JSON of `jdfit resume`), and a match with the same upload uses it.
#[test]
fn an_uploaded_docx_is_read_and_shown() {
    use base64::Engine;
    let s = Server::start(&[]);
    // A real DOCX, written by jdfit's own DOCX renderer from the English Markdown résumé.
    let md = root().join("corpus/frontend-en.md");
    let resume = jdfit::parse::load_resume(&md, None).unwrap();
    let docx =
        jdfit::render::resume_file(&resume, jdfit::render::ResumeFormat::Docx, None).unwrap();
    let upload = json!({
        "name": "cv.docx",
        "data": base64::engine::general_purpose::STANDARD.encode(&docx),
    });
    let (st, ct, b) = post(&s, "/api/resume", &upload.to_string());
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&b));
    assert!(ct.starts_with("application/json"), "{ct}");
    let view: Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(view["source"], "cv.docx");
    assert!(view["format"].as_str().unwrap().contains("DOCX"), "{view}");
    assert_eq!(view["basics"]["name"], "Alex Morgan");
    let leaves = resume.leaves().len() as u64;
    assert_eq!(view["bullets"].as_u64(), Some(leaves), "{view}");
    let experience = view["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "experience")
        .expect("an experience section");
    assert!(experience["entries"].as_array().unwrap().len() >= 2);
    assert!(view["warnings"].is_array());
    // The same upload matches.
    let body = json!({ "posting": posting(), "resume": upload });
    let (st, _, b) = post(&s, "/api/match", &body.to_string());
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&b));
    // A file that is no résumé is one JSON error naming it.
    let bad = json!({ "name": "cv.docx", "data": base64::engine::general_purpose::STANDARD.encode(b"not a zip") });
    let (st, _, b) = post(&s, "/api/resume", &bad.to_string());
    assert_eq!(st, 400);
    assert!(error_of(&b).contains("cv.docx"), "{}", error_of(&b));
}

/// An empty `$JDFIT_RESUME` is not silently taken for no résumé: `serve` (which needs none to
/// start) says it serves without one.
#[test]
fn an_empty_resume_variable_is_named_at_start() {
    let index = tempfile::tempdir().unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("jdfit"))
        .current_dir(root())
        .env("JDFIT_RESUME", "")
        .env("JDFIT_INDEX_DIR", index.path())
        .args(["serve", "--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = Vec::new();
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        let serving = line.contains("serving on ");
        said.push(line);
        if serving {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        said.iter()
            .any(|l| l.contains("JDFIT_RESUME is set but empty: serving without a résumé")),
        "{said:?}"
    );
}
