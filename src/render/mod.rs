//! Render: résumés as Markdown, plain text, JSON, JSON Resume, HTML or DOCX; match reports
//! as text, JSON or HTML; batch rankings as a table, CSV or JSON.

pub mod docx;
pub mod html;
pub mod jsonresume;

use crate::choice::choices;
use crate::error::Result;
use crate::model::{Bullet, Entry, Resume};
use crate::model::{MatchReport, ReqKind, Verdict};
use std::fmt::Write;

pub use html::Highlights;

/// Output formats for a (tailored) résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeFormat {
    /// Markdown in jdfit's convention (reads back in as the same résumé).
    Md,
    /// The résumé model as JSON, with bullet ids.
    Json,
    /// Plain text.
    Txt,
    /// JSON Resume (jsonresume.org schema), for résumé themes and tools.
    Jsonresume,
    /// One self-contained HTML page, printable, with matched terms highlighted on screen.
    Html,
    /// A Word document.
    Docx,
}

choices!(ResumeFormat {
    Md => ("md", "Markdown in jdfit's convention (reads back in as the same résumé)"),
    Json => ("json", "The résumé model as JSON, with bullet ids"),
    Txt => ("txt", "Plain text"),
    Jsonresume => ("jsonresume", "JSON Resume (jsonresume.org schema), for résumé themes and tools"),
    Html => ("html", "One self-contained HTML page, printable, with matched terms highlighted on screen"),
    Docx => ("docx", "A Word document"),
});

impl ResumeFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ResumeFormat::Md => "md",
            ResumeFormat::Json | ResumeFormat::Jsonresume => "json",
            ResumeFormat::Txt => "txt",
            ResumeFormat::Html => "html",
            ResumeFormat::Docx => "docx",
        }
    }

    /// The media type.
    pub fn content_type(self) -> &'static str {
        match self {
            ResumeFormat::Md => "text/markdown; charset=utf-8",
            ResumeFormat::Json | ResumeFormat::Jsonresume => "application/json",
            ResumeFormat::Txt => "text/plain; charset=utf-8",
            ResumeFormat::Html => "text/html; charset=utf-8",
            ResumeFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == ResumeFormat::Docx
    }
}

/// Output formats for a match report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// One JSON object.
    Json,
    /// One self-contained HTML page.
    Html,
}

choices!(ReportFormat {
    Text => ("text", "Human-readable text"),
    Json => ("json", "One JSON object"),
    Html => ("html", "One self-contained HTML page"),
});

/// Renders a résumé as the bytes of a file in `format`; `hl` highlights the posting's
/// matched terms (HTML only).
pub fn resume_file(r: &Resume, format: ResumeFormat, hl: Option<&Highlights>) -> Result<Vec<u8>> {
    Ok(match format {
        ResumeFormat::Md => markdown(r).into_bytes(),
        ResumeFormat::Json => {
            (serde_json::to_string_pretty(r).expect("résumé serialises") + "\n").into_bytes()
        }
        ResumeFormat::Txt => text(r).into_bytes(),
        ResumeFormat::Jsonresume => (serde_json::to_string_pretty(&jsonresume::document(r))
            .expect("JSON serialises")
            + "\n")
            .into_bytes(),
        ResumeFormat::Html => html::resume(r, hl).into_bytes(),
        ResumeFormat::Docx => docx::resume(r)?,
    })
}

fn contact_lines(r: &Resume) -> Vec<String> {
    let b = &r.basics;
    if !b.lines.is_empty() {
        return b.lines.clone();
    }
    let parts: Vec<&str> = [&b.label, &b.email, &b.phone, &b.url, &b.location]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(" | ")]
    }
}

fn entry_lines(e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &e.title {
        out.push(t.clone());
    }
    match (&e.location, &e.dates) {
        (Some(l), Some(d)) => out.push(format!("{l} | {d}")),
        (Some(l), None) => out.push(l.clone()),
        (None, Some(d)) => out.push(d.clone()),
        (None, None) => {}
    }
    out.extend(e.notes.iter().cloned());
    out
}

fn bullets_md(out: &mut String, bullets: &[Bullet], depth: usize) {
    for b in bullets {
        let _ = writeln!(out, "{}- {}", "  ".repeat(depth), b.text);
        bullets_md(out, &b.children, depth + 1);
    }
}

/// Markdown: `#` name, contact lines, `##` sections, `###` entries, a title line, a
/// `location | dates` line, notes, nested `-` bullets.
pub fn markdown(r: &Resume) -> String {
    let mut out = String::new();
    if let Some(n) = &r.basics.name {
        let _ = writeln!(out, "# {n}\n");
    }
    let contact = contact_lines(r);
    if !contact.is_empty() {
        let _ = writeln!(out, "{}\n", contact.join("  \n"));
    }
    if let Some(s) = &r.basics.summary {
        let _ = writeln!(out, "{s}\n");
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", s.heading);
        for e in &s.entries {
            if let Some(o) = &e.organisation {
                let _ = writeln!(out, "### {o}");
            }
            let lines = entry_lines(e);
            if !lines.is_empty() {
                let _ = writeln!(out, "{}", lines.join("\n"));
            }
            if e.organisation.is_some() || !lines.is_empty() {
                out.push('\n');
            }
            if !e.bullets.is_empty() {
                bullets_md(&mut out, &e.bullets, 0);
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn bullets_txt(out: &mut String, bullets: &[Bullet], depth: usize) {
    for b in bullets {
        let mark = if depth.is_multiple_of(2) {
            '•'
        } else {
            '◦'
        };
        let _ = writeln!(out, "{}{mark} {}", "  ".repeat(depth + 1), b.text);
        bullets_txt(out, &b.children, depth + 1);
    }
}

/// Plain text with `•` bullets, indented by level.
pub fn text(r: &Resume) -> String {
    let mut out = String::new();
    if let Some(n) = &r.basics.name {
        let _ = writeln!(out, "{n}");
    }
    for l in contact_lines(r) {
        let _ = writeln!(out, "{l}");
    }
    if let Some(s) = &r.basics.summary {
        let _ = writeln!(out, "\n{s}");
    }
    for s in &r.sections {
        let _ = writeln!(out, "\n{}\n", s.heading);
        for e in &s.entries {
            if let Some(o) = &e.organisation {
                let _ = writeln!(out, "{o}");
            }
            for l in entry_lines(e) {
                let _ = writeln!(out, "{l}");
            }
            bullets_txt(&mut out, &e.bullets, 0);
        }
    }
    out
}

/// Renders a match report.
pub fn report(r: &MatchReport, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => serde_json::to_string_pretty(r).expect("report serialises") + "\n",
        ReportFormat::Text => report_text(r),
        ReportFormat::Html => html::report(r),
    }
}

fn kind_label(k: ReqKind) -> &'static str {
    match k {
        ReqKind::Must => "must",
        ReqKind::Duty => "duty",
        ReqKind::Nice => "nice",
    }
}

fn terms_line(terms: &[crate::model::TermReport], kind: ReqKind, limit: usize) -> Option<String> {
    let t: Vec<String> = terms
        .iter()
        .filter(|t| t.kind == kind)
        .take(limit)
        .map(|t| match &t.via {
            Some(v) => format!("{} (~{v})", t.term),
            None => t.term.clone(),
        })
        .collect();
    (!t.is_empty()).then(|| t.join(", "))
}

/// What a piece of the text report says, for a front end that colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The headline score.
    Strong,
    /// Met, covered.
    Good,
    /// Partly covered.
    Partial,
    /// Short, missing.
    Bad,
}

/// The text report: score, requirements with verdicts and evidence, terms, top bullets.
pub fn report_text(r: &MatchReport) -> String {
    report_text_styled(r, &|_, s| s.to_string())
}

/// [`report_text`] with each toned piece passed through `paint` (the binary colours them on
/// a terminal).
pub fn report_text_styled(r: &MatchReport, paint: &dyn Fn(Tone, &str) -> String) -> String {
    let mut out = String::new();
    let title = r.posting.title.as_deref().unwrap_or("(untitled posting)");
    let company = r
        .posting
        .meta
        .get("company")
        .map(|c| format!(" — {c}"))
        .unwrap_or_default();
    let _ = writeln!(out, "{title}{company}  [{}]", r.posting.source);
    let _ = writeln!(
        out,
        "Score: {}/100",
        paint(Tone::Strong, &format!("{:.0}", r.score))
    );
    for (label, check) in [("Experience", &r.experience), ("Education", &r.education)] {
        if let Some(c) = check {
            let mark = if c.meets {
                paint(Tone::Good, "meets")
            } else {
                paint(Tone::Bad, "short")
            };
            let _ = writeln!(out, "{label}: {mark} ({})", c.detail);
        }
    }
    out.push('\n');
    if !r.requirements.is_empty() {
        let _ = writeln!(out, "Requirements");
        for q in &r.requirements {
            let mark = match q.verdict {
                Verdict::Covered => paint(Tone::Good, "[x]"),
                Verdict::Partial => paint(Tone::Partial, "[~]"),
                Verdict::Missing => paint(Tone::Bad, "[ ]"),
            };
            let _ = writeln!(out, "  {mark} {:<4} {}", kind_label(q.kind), q.text);
            if !q.matched.is_empty() {
                let _ = writeln!(
                    out,
                    "           has: {}{}",
                    q.matched.join(", "),
                    if q.bullets.is_empty() {
                        String::new()
                    } else {
                        format!("  (bullets {})", q.bullets.join(", "))
                    }
                );
            }
            if !q.missing.is_empty() {
                let _ = writeln!(out, "           missing: {}", q.missing.join(", "));
            }
        }
        out.push('\n');
    }
    for (label, terms) in [("Matched", &r.matched), ("Missing", &r.missing)] {
        let _ = writeln!(out, "{label} terms");
        let mut any = false;
        for k in [ReqKind::Must, ReqKind::Duty, ReqKind::Nice] {
            if let Some(line) = terms_line(terms, k, 15) {
                let _ = writeln!(out, "  {:<4}  {line}", kind_label(k));
                any = true;
            }
        }
        if !any {
            let _ = writeln!(out, "  (none)");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Best bullets");
    let mut shown = 0;
    for b in r.bullets.iter().filter(|b| b.score > 0.0).take(8) {
        shown += 1;
        let _ = writeln!(out, "  {:>6.2}  [{}] {}", b.score, b.id, b.text);
        if !b.matched_terms.is_empty() {
            let _ = writeln!(out, "          matched: {}", b.matched_terms.join(", "));
        }
    }
    if shown == 0 {
        let _ = writeln!(out, "  (no bullet matches this posting)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown;

    #[test]
    fn markdown_round_trips() {
        let md = "# Alex\n\nalex@example.com | Portland\n\n## Experience\n\n### Engineer, Acme\nLead\nRemote | Mar 2021 – Present\n\n- Led work\n  - Adopted by five teams\n- Cut LCP\n\n## Skills\n\n- React";
        let r = markdown::parse(md);
        let out = markdown(&r);
        assert_eq!(markdown::parse(&out), r);
        assert_eq!(out, format!("{md}\n"));
    }
}

/// Output formats for batch rankings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// An aligned table for people.
    Table,
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
}

choices!(BatchFormat {
    Table => ("table", "An aligned table for people"),
    Csv => ("csv", "CSV with a header row"),
    Jsonl => ("jsonl", "One JSON object per line"),
    Json => ("json", "One JSON array"),
});

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
pub fn batch(rows: &[crate::model::BatchRow], format: BatchFormat) -> String {
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

/// Renders a bullet explanation.
pub fn explanation(e: &crate::model::BulletExplanation, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(e).expect("explanation serialises") + "\n"
        }
        ReportFormat::Html => format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>jdfit: {}</title></head><body><pre>{}</pre></body></html>\n",
            html_escape::encode_text(&e.id),
            html_escape::encode_text(&explanation(e, ReportFormat::Text))
        ),
        ReportFormat::Text => {
            let mut out = format!("[{}] {}\nScore: {:.3}", e.id, e.text, e.score);
            if e.prior != 1.0 {
                let _ = write!(out, " (section prior × {})", e.prior);
            }
            out.push_str("\n\n  contribution  weight  kind  term\n");
            for t in &e.terms {
                let _ = writeln!(
                    out,
                    "  {:>12.3}  {:>6.3}  {:<4}  {}",
                    t.contribution,
                    t.weight,
                    kind_label(t.kind),
                    if t.term.to_lowercase() == t.key {
                        t.term.clone()
                    } else {
                        format!("{} ({})", t.term, t.key)
                    }
                );
            }
            if e.terms.is_empty() {
                out.push_str("  (no posting term in this bullet)\n");
            }
            out
        }
    }
}
