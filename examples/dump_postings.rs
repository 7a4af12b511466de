//! Dumps how each posting file under the given folders was read, one JSON object per line:
//! `{"file", "title", "lines": [{"part", "text"}]}`. `scripts/posting_stats.py` checks the
//! dump against vocabulary of its own (benefits, equal opportunity, applying).
//!
//! `cargo run --release --example dump_postings -- ../shared/data/postings ../shared/data/dev/postings`

use jdfit::parse::{posting, read_text, txt_files_under};
use std::io::Write;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut files = Vec::new();
    for dir in std::env::args().skip(1) {
        files.extend(txt_files_under(Path::new(&dir))?);
    }
    files.sort();
    for path in files {
        let text = read_text(&path)?;
        let p = posting::parse(&text);
        let lines: Vec<_> = p
            .lines
            .iter()
            .map(|l| serde_json::json!({"part": l.part, "text": l.text}))
            .collect();
        let row = serde_json::json!({
            "file": path.display().to_string(),
            "title": p.title,
            "lines": lines,
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}
