//! How a posting was read (`jdfit posting`): each line with its part, the part's weight and the
//! terms taken from it, as aligned text or JSON.

use super::{PostingFormat, Tone};
use crate::model::{PostingReading, TermReading};
use std::fmt::Write;

/// Renders the readings of one or more postings: text, one after another; JSON, one object
/// for one posting and an array for several.
pub fn posting_reading(readings: &[PostingReading], format: PostingFormat) -> String {
    match format {
        PostingFormat::Text => posting_reading_text_styled(readings, &|_, s| s.to_string()),
        PostingFormat::Json => {
            let json = match readings {
                [one] => serde_json::to_string_pretty(one),
                all => serde_json::to_string_pretty(all),
            };
            json.expect("reading serialises") + "\n"
        }
    }
}

/// The text of [`posting_reading`] with each toned piece passed through `paint` (the binary
/// colours them on a terminal).
pub fn posting_reading_text_styled(
    readings: &[PostingReading],
    paint: &dyn Fn(Tone, &str) -> String,
) -> String {
    let mut out = String::new();
    for (i, r) in readings.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        one(&mut out, r, paint);
    }
    out
}

/// `kafka 0.820, Go 0.410`: terms as written with their weights.
fn terms(ts: &[TermReading]) -> String {
    ts.iter()
        .map(|t| format!("{} {:.2}", t.term, t.weight))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Width of the part column: the longest part name.
const PART_WIDTH: usize = 12;

fn one(out: &mut String, r: &PostingReading, paint: &dyn Fn(Tone, &str) -> String) {
    let title = r
        .title
        .as_ref()
        .map_or("(untitled posting)", |t| t.text.as_str());
    let _ = writeln!(out, "{}  [{}]", paint(Tone::Strong, title), r.source);
    let key_width = r.meta.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    for (k, v) in &r.meta {
        let _ = writeln!(out, "  {k:<key_width$}  {v}");
    }
    out.push('\n');
    match &r.title {
        Some(t) if t.terms.is_empty() => {
            let _ = writeln!(out, "Title (weight {:.2}): no term that counts", t.weight);
        }
        Some(t) => {
            let team = t.team.as_ref().map_or(String::new(), |team| {
                format!("; {} weighs {:.2}, but for a skill", team.text, team.weight)
            });
            let _ = writeln!(
                out,
                "Title (weight {:.2}{team}): {}",
                t.weight,
                terms(&t.terms)
            );
        }
        None => {
            let _ = writeln!(out, "Title: none (the first line reads as body text)");
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Lines per part");
    let _ = writeln!(out, "  {:<PART_WIDTH$}  weight  lines", "part");
    for c in &r.parts {
        let _ = writeln!(
            out,
            "  {:<PART_WIDTH$}  {:>6.2}  {:>5}",
            c.part.name(),
            c.weight,
            c.lines,
        );
    }
    let _ = writeln!(
        out,
        "Requirement lines with terms that count: {}",
        r.requirement_lines
    );
    if r.requirement_lines == 0 {
        let _ = writeln!(
            out,
            "{}",
            paint(
                Tone::Bad,
                "Note: no requirement line found. No requirements, duties, nice-to-have or \
                 other line\n      has a term that counts, so a match scores 0 (never a score \
                 from the title alone)."
            )
        );
    }
    out.push('\n');
    if r.lines.is_empty() {
        let _ = writeln!(out, "(no body lines)");
        return;
    }
    let _ = writeln!(out, "{:>5}  {:<PART_WIDTH$}  weight  text", "line", "part");
    for l in &r.lines {
        let _ = writeln!(
            out,
            "{:>5}  {:<PART_WIDTH$}  {:>6.2}  {}",
            l.line,
            l.part.name(),
            l.weight,
            l.text
        );
        if !l.terms.is_empty() {
            let _ = writeln!(
                out,
                "{:w$}{}",
                "",
                terms(&l.terms),
                w = 5 + 2 + PART_WIDTH + 2 + 6 + 2
            );
        }
    }
}
