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

/// Terms listed per kind in the text report's term lists; the rest are counted.
pub const TERMS_SHOWN: usize = 15;

/// Best bullets listed in the text report; the rest are counted.
pub const BULLETS_SHOWN: usize = 8;

/// A term as the text report writes it: `Redis (~cache)` when a related concept earned it
/// partial credit, toned [`Tone::Partial`].
fn term_label(term: &str, via: Option<&str>, paint: &dyn Fn(Tone, &str) -> String) -> String {
    match via {
        Some(v) => paint(Tone::Partial, &format!("{term} (~{v})")),
        None => term.to_string(),
    }
}

/// `items` joined with commas, the first `limit` of them, then how many of `total` were left
/// out.
fn cut_list(items: impl Iterator<Item = String>, limit: usize, total: usize) -> String {
    let mut out = items.take(limit).collect::<Vec<_>>().join(", ");
    if total > limit {
        let _ = write!(out, ", … and {} more", total - limit);
    }
    out
}

fn terms_line(
    terms: &[TermReport],
    kind: ReqKind,
    limit: usize,
    paint: &dyn Fn(Tone, &str) -> String,
) -> Option<String> {
    let t: Vec<String> = terms
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| term_label(&t.term, t.via.as_deref(), paint))
        .collect();
    let total = t.len();
    (!t.is_empty()).then(|| cut_list(t.into_iter(), limit, total))
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

/// Said wherever a posting's requirements could not be found.
pub const NO_REQUIREMENTS: &str = "No requirements found: no line of this posting reads as a requirement, duty or nice-to-have, so the score is 0 rather than a match on the title alone. `jdfit posting FILE` shows how each line was read.";

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
        "Score: {}/100 ({}); covers {:.0}% of the posting's terms",
        paint(Tone::Strong, &format!("{:.0}", r.score)),
        r.fit.label(),
        r.coverage
    );
    if !r.requirements_found {
        let _ = writeln!(out, "{}", paint(Tone::Bad, NO_REQUIREMENTS));
    }
    for (label, check, unmet) in [
        ("Experience", &r.experience, "short"),
        ("Education", &r.education, "short"),
        ("Role", &r.occupation, "differs"),
    ] {
        if let Some(c) = check {
            let mark = if c.over {
                paint(Tone::Partial, "above")
            } else if c.meets {
                paint(Tone::Good, "meets")
            } else {
                paint(Tone::Bad, unmet)
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
                let has: Vec<String> = q
                    .matched
                    .iter()
                    .map(|m| {
                        let via = q.partial_credit(m).map(|p| p.via.as_str());
                        term_label(m, via, paint)
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "           has: {}{}",
                    has.join(", "),
                    if q.bullets.is_empty() {
                        String::new()
                    } else {
                        let ids = q.bullets.iter().cloned();
                        let all = q.bullet_count.max(q.bullets.len());
                        format!("  (bullets {})", cut_list(ids, q.bullets.len(), all))
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
            if let Some(line) = terms_line(terms, k, TERMS_SHOWN, paint) {
                // With no requirement found, the only terms are the title's: not must-haves.
                let label = if r.requirements_found {
                    kind_label(k)
                } else {
                    "title"
                };
                let _ = writeln!(out, "  {label:<4}  {line}");
                any = true;
            }
        }
        if !any {
            let _ = writeln!(out, "  (none)");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Best bullets");
    let matching: Vec<_> = r.bullets.iter().filter(|b| b.score > 0.0).collect();
    for b in matching.iter().take(BULLETS_SHOWN) {
        let _ = writeln!(out, "  {:>6.2}  [{}] {}", b.score, b.id, b.text);
        if !b.matched_terms.is_empty() {
            let _ = writeln!(out, "          matched: {}", b.matched_terms.join(", "));
        }
        if !b.group_terms.is_empty() {
            let _ = writeln!(out, "          above it: {}", b.group_terms.join(", "));
        }
        if !b.role_terms.is_empty() {
            let _ = writeln!(out, "          in its role: {}", b.role_terms.join(", "));
        }
        if !b.related_terms.is_empty() {
            let related: Vec<String> = b
                .related_terms
                .iter()
                .map(|t| term_label(&t.term, Some(&t.via), paint))
                .collect();
            let _ = writeln!(out, "          related: {}", related.join(", "));
        }
    }
    if matching.is_empty() {
        let _ = writeln!(out, "  (no bullet matches this posting)");
    } else if matching.len() > BULLETS_SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more matching bullets",
            matching.len() - BULLETS_SHOWN
        );
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
            let mut factors = Vec::new();
            // Three decimals are all a reader compares; JSON keeps the values.
            let shown = |x: f32| {
                let s = format!("{x:.3}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            };
            if e.prior != 1.0 {
                factors.push(format!("section prior × {}", shown(e.prior)));
            }
            if e.job != 1.0 {
                factors.push(format!("its job's title names the posting's: × {}", shown(e.job)));
            }
            if !factors.is_empty() {
                let _ = write!(out, " ({})", factors.join("; "));
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{
        BulletReport, IndexStatus, PartialTerm, PostingAsks, PostingInfo, RequirementReport,
        ResumeFacts, TermContribution,
    };

    fn term(term: &str, kind: ReqKind, credit: f32, via: Option<&str>) -> TermReport {
        TermReport {
            term: term.to_string(),
            key: term.to_lowercase(),
            weight: 1.0,
            kind,
            credit,
            via: via.map(str::to_string),
            bullets: Vec::new(),
        }
    }

    #[test]
    fn an_explanation_names_the_factors_applied_to_its_score() {
        let mut e = BulletExplanation {
            id: "s1e2b1".into(),
            text: "Ran the order pipeline on Kafka".into(),
            prior: 0.808_333_3,
            job: 2.0,
            score: 0.771,
            terms: vec![TermContribution {
                term: "Kafka".into(),
                key: "kafka".into(),
                kind: ReqKind::Must,
                weight: 0.477,
                contribution: 0.771,
            }],
        };
        let text = explanation(&e, ReportFormat::Text);
        assert!(
            text.contains(
                "Score: 0.771 (section prior × 0.808; its job's title names the posting's: × 2)"
            ),
            "{text}"
        );
        (e.prior, e.job) = (1.0, 1.0);
        let text = explanation(&e, ReportFormat::Text);
        assert!(text.lines().nth(1) == Some("Score: 0.771"), "{text}");
    }

    /// A report whose résumé has caching but not Redis: `Redis` earns partial credit through
    /// `cache`, `MySQL` full credit; `extra_missing` more must-have terms are missing, and
    /// `bullets` bullets match.
    pub(crate) fn sample_report(extra_missing: usize, bullets: usize) -> MatchReport {
        let mut missing = vec![term("PostgreSQL", ReqKind::Must, 0.0, None)];
        missing
            .extend((0..extra_missing).map(|i| term(&format!("gap{i}"), ReqKind::Must, 0.0, None)));
        MatchReport {
            posting: PostingInfo {
                source: "posting.txt".to_string(),
                title: Some("Backend Engineer".to_string()),
                meta: Default::default(),
            },
            requirements_found: true,
            score: 50.0,
            fit: crate::model::FitBand::of(50.0),
            coverage: 55.0,
            matched: vec![
                term("MySQL", ReqKind::Must, 1.0, None),
                term("Redis", ReqKind::Must, 0.2, Some("cache")),
            ],
            missing,
            requirements: vec![RequirementReport {
                kind: ReqKind::Must,
                line: 3,
                text: "MySQL, PostgreSQL and Redis.".to_string(),
                verdict: Verdict::Partial,
                weight: 3.0,
                coverage: 0.4,
                matched: vec!["MySQL".to_string(), "Redis".to_string()],
                partial: vec![PartialTerm {
                    term: "Redis".to_string(),
                    credit: 0.2,
                    via: "cache".to_string(),
                }],
                missing: vec!["PostgreSQL".to_string()],
                bullets: vec!["b1".to_string()],
                bullet_count: 1,
            }],
            bullets: (0..bullets)
                .map(|i| BulletReport {
                    id: format!("b{i}"),
                    text: format!("bullet {i}"),
                    score: 1.0,
                    matched_terms: vec!["MySQL".to_string()],
                    group_terms: Vec::new(),
                    role_terms: Vec::new(),
                    related_terms: vec![PartialTerm {
                        term: "Redis".to_string(),
                        credit: 0.2,
                        via: "cache".to_string(),
                    }],
                })
                .collect(),
            asks: PostingAsks::default(),
            has: ResumeFacts::default(),
            experience: None,
            education: None,
            occupation: None,
            index: IndexStatus::Memory,
        }
    }

    /// Marks each toned piece as `<tone>text</>`.
    fn marked(r: &MatchReport) -> String {
        report_text_styled(r, &|t, s| format!("<{t:?}>{s}</>"))
    }

    #[test]
    fn partially_credited_term_is_partial_with_its_concept_in_requirement_lines() {
        let text = marked(&sample_report(0, 1));
        let has = text.lines().find(|l| l.contains("has:")).unwrap();
        assert_eq!(
            has.trim(),
            "has: MySQL, <Partial>Redis (~cache)</>  (bullets b1)"
        );
    }

    #[test]
    fn a_bullet_shows_the_terms_it_answers_through_a_related_concept() {
        let text = marked(&sample_report(1, 1));
        let after = text.split("Best bullets\n").nth(1).unwrap();
        let lines: Vec<&str> = after.lines().take(3).collect();
        assert_eq!(lines[1].trim(), "matched: MySQL");
        assert_eq!(lines[2].trim(), "related: <Partial>Redis (~cache)</>");
    }

    #[test]
    fn partially_credited_term_is_partial_with_its_concept_in_term_lists() {
        let text = marked(&sample_report(0, 1));
        let after = text.split("Matched terms\n").nth(1).unwrap();
        assert_eq!(
            after.lines().next().unwrap(),
            "  must  MySQL, <Partial>Redis (~cache)</>"
        );
    }

    #[test]
    fn cut_term_list_says_how_many_were_left_out() {
        // 1 + 20 missing must-have terms: 15 shown, 6 counted.
        let text = report_text(&sample_report(20, 1));
        let line = text
            .split("Missing terms\n")
            .nth(1)
            .unwrap()
            .lines()
            .next()
            .unwrap();
        assert_eq!(line.matches(", ").count(), TERMS_SHOWN);
        assert!(line.ends_with(", … and 6 more"), "{line}");
        // An uncut list says nothing more.
        let whole = report_text(&sample_report(TERMS_SHOWN - 1, 1));
        assert!(!whole.contains("more"), "{whole}");
    }

    #[test]
    fn cut_proof_list_says_how_many_were_left_out() {
        let mut r = sample_report(0, 1);
        let q = &mut r.requirements[0];
        q.bullets = vec!["b1".into(), "b2".into(), "b3".into()];
        q.bullet_count = 5;
        assert!(report_text(&r).contains("  (bullets b1, b2, b3, … and 2 more)\n"));
        r.requirements[0].bullet_count = 3;
        assert!(report_text(&r).contains("  (bullets b1, b2, b3)\n"));
    }

    #[test]
    fn cut_bullet_list_says_how_many_were_left_out() {
        let text = report_text(&sample_report(0, BULLETS_SHOWN + 3));
        assert!(text.contains("[b7] bullet 7"));
        assert!(!text.contains("[b8]"));
        assert!(
            text.ends_with("  … and 3 more matching bullets\n"),
            "{text}"
        );
        let whole = report_text(&sample_report(0, BULLETS_SHOWN));
        assert!(!whole.contains("more matching"), "{whole}");
    }
}
