//! Batch rankings: an aligned table for people, CSV, JSON lines or one JSON array.

use super::BatchFormat;
use crate::model::BatchRow;
use std::fmt::Write;

/// Pads or cuts `s` to `width` terminal columns (CJK characters take two).
fn fit(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (mut out, mut w) = (String::new(), 0);
    if s.width() <= width {
        out.push_str(&s);
        w = s.width();
    } else {
        for c in s.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw + 1 > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.push('…');
        w += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
}

/// Renders batch rows.
pub fn batch(rows: &[BatchRow], format: BatchFormat) -> String {
    match format {
        BatchFormat::Json => serde_json::to_string_pretty(rows).expect("rows serialise") + "\n",
        BatchFormat::Jsonl => {
            let mut out = String::new();
            for r in rows {
                out.push_str(&serde_json::to_string(r).expect("row serialises"));
                out.push('\n');
            }
            out
        }
        BatchFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "rank", "score", "title", "company", "location", "url", "id", "matched", "missing",
                "source",
            ]);
            for r in rows {
                let _ = w.write_record([
                    r.rank.to_string(),
                    format!("{:.1}", r.score),
                    r.title.clone().unwrap_or_default(),
                    r.company.clone().unwrap_or_default(),
                    r.location.clone().unwrap_or_default(),
                    r.url.clone().unwrap_or_default(),
                    r.id.clone().unwrap_or_default(),
                    r.matched.join("; "),
                    r.missing.join("; "),
                    r.source.clone(),
                ]);
            }
            String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("CSV is UTF-8")
        }
        BatchFormat::Table => {
            let mut out = format!(
                "{:>4}  {:>5}  {}  {}  {}  {}  source\n",
                "rank",
                "score",
                fit("title", 34),
                fit("company", 18),
                fit("matched", 30),
                fit("missing", 30)
            );
            for r in rows {
                let _ = writeln!(
                    out,
                    "{:>4}  {:>5.1}  {}  {}  {}  {}  {}",
                    r.rank,
                    r.score,
                    fit(r.title.as_deref().unwrap_or("-"), 34),
                    fit(r.company.as_deref().unwrap_or("-"), 18),
                    fit(&r.matched.join(", "), 30),
                    fit(&r.missing.join(", "), 30),
                    r.source
                );
            }
            out
        }
    }
}
