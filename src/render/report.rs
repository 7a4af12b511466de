//! Match reports (text, JSON, HTML) and bullet explanations.

use super::{html, ReportFormat};
use crate::model::{BulletExplanation, MatchReport, ReqKind, TermReport, Verdict};
use std::fmt::Write;

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

fn terms_line(terms: &[TermReport], kind: ReqKind, limit: usize) -> Option<String> {
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

/// Renders a bullet explanation.
pub fn explanation(e: &BulletExplanation, format: ReportFormat) -> String {
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
