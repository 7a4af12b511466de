//! The reading of a posting: what [`analyze_posting`] made of each line, laid out for a person
//! (`jdfit posting`). Built from the one analysis the scorer runs; weights are rounded here,
//! for display.

use super::background::Background;
use super::report::round;
use super::terms::{analyze_posting, Lines, PostingTerm};
use super::tunables::part_weight;
use crate::analyze::{Analyzer, TokenKind};
use crate::model::{
    LineReading, Part, PartCount, Posting, PostingReading, TeamReading, TermReading, TitleReading,
};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Decimals kept in the weights of a reading.
const PLACES: i32 = 3;

/// How `posting` is read by the scorer: each body line with its part, the part's weight and
/// the terms that count in it; the title and its terms; lines per part. `source` is left
/// empty for the caller to fill.
pub fn reading(posting: &Posting, analyzer: &Analyzer, bg: &Background) -> PostingReading {
    let analyzed = analyze_posting(posting, analyzer, bg, Lines::Keep);
    let term = |text: &str, (i, r): (usize, Range<usize>)| {
        let t: &PostingTerm = &analyzed.terms[i];
        TermReading {
            term: text[r.clone()].to_string(),
            key: t.key.clone(),
            weight: round(t.weight, PLACES),
            start: r.start,
            end: r.end,
        }
    };
    let mut per_line: Vec<Vec<TermReading>> = vec![Vec::new(); posting.lines.len()];
    for lt in analyzed.lines {
        let text = &posting.lines[lt.line].text;
        per_line[lt.line] = lt.terms.into_iter().map(|t| term(text, t)).collect();
    }
    let lines: Vec<LineReading> = posting
        .lines
        .iter()
        .zip(per_line)
        .map(|(l, terms)| LineReading {
            line: l.line,
            part: l.part,
            weight: part_weight(l.part),
            text: l.text.clone(),
            terms,
        })
        .collect();
    // The analysis keeps per-line terms for body lines only; the title's are found by
    // analysing the title alone and keeping the tokens that are kept terms of the posting.
    let title = posting.title.as_ref().map(|text| {
        let index: HashMap<&str, usize> = analyzed
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.as_str(), i))
            .collect();
        let mut seen: Vec<(usize, Range<usize>)> = Vec::new();
        analyzer.for_each_token(text, &mut |tok| {
            if tok.kind == TokenKind::Han && tok.text.chars().count() == 1 {
                return;
            }
            if let Some(&i) = index.get(tok.text) {
                if !seen.iter().any(|(s, _)| *s == i) {
                    seen.push((i, tok.start..tok.end));
                }
            }
        });
        let (_, team) = super::terms::split_title(text);
        TitleReading {
            text: text.clone(),
            weight: part_weight(Part::Title),
            team: (!team.is_empty()).then(|| TeamReading {
                text: team.to_string(),
                weight: part_weight(Part::Duties),
            }),
            terms: seen.into_iter().map(|t| term(text, t)).collect(),
        }
    });
    let parts = Part::ALL
        .iter()
        .filter(|&&p| p != Part::Title)
        .map(|&part| PartCount {
            part,
            weight: part_weight(part),
            lines: lines.iter().filter(|l| l.part == part).count(),
        })
        .collect();
    let requirement_lines = lines
        .iter()
        .filter(|l| l.part.is_requirement() && !l.terms.is_empty())
        .count();
    PostingReading {
        source: String::new(),
        title,
        meta: posting.meta.clone(),
        parts,
        requirement_lines,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PostingLine;

    fn bg() -> Background {
        let mut bg = Background::default();
        (bg.n_en, bg.n_zh) = (10, 10);
        bg.df.insert("experi".into(), (10, 0));
        bg
    }

    /// A posting built by hand, so these tests do not depend on the classifier.
    fn posting(title: &str, lines: &[(Part, &str)]) -> Posting {
        let mut p = Posting {
            title: Some(title.into()),
            ..Posting::default()
        };
        p.meta.insert("company".into(), "Acme".into());
        p.lines = lines
            .iter()
            .enumerate()
            .map(|(i, (part, text))| PostingLine {
                part: *part,
                text: text.to_string(),
                line: i + 3,
            })
            .collect();
        p
    }

    #[test]
    fn every_line_with_its_part_weight_and_terms() {
        let a = Analyzer::shared();
        let p = posting(
            "Kafka Engineer",
            &[
                (Part::Company, "Acme makes Kafka tools."),
                (Part::Requirements, "Kafka, Kafka and Go experience"),
                (Part::Requirements, "experience"),
                (Part::Nice, "Terraform"),
                (Part::Benefits, "Kafka swag"),
            ],
        );
        let r = reading(&p, &a, &bg());
        assert_eq!(r.meta["company"], "Acme");
        assert_eq!(r.source, "");
        let title = r.title.as_ref().unwrap();
        assert_eq!(title.text, "Kafka Engineer");
        assert_eq!(title.weight, 1.5);
        assert_eq!(title.terms[0].term, "Kafka");
        let shown: Vec<(usize, Part, f32, Vec<&str>)> = r
            .lines
            .iter()
            .map(|l| {
                let terms = l.terms.iter().map(|t| t.term.as_str()).collect();
                (l.line, l.part, l.weight, terms)
            })
            .collect();
        assert_eq!(
            shown,
            [
                (3, Part::Company, 0.0, vec![]),
                (4, Part::Requirements, 1.0, vec!["Kafka", "Go"]),
                (5, Part::Requirements, 1.0, vec![]),
                (6, Part::Nice, 0.4, vec!["Terraform"]),
                (7, Part::Benefits, 0.0, vec![]),
            ]
        );
        // Offsets point at the term in the line; a term weighs the same wherever it is shown,
        // and a nice-to-have weighs less than a must-have.
        let l = &r.lines[1];
        let kafka = &l.terms[0];
        assert_eq!(
            (&l.text[kafka.start..kafka.end], kafka.key.as_str()),
            ("Kafka", "kafka")
        );
        assert!(kafka.weight > 0.0 && kafka.weight == title.terms[0].weight);
        assert!(r.lines[3].terms[0].weight < l.terms[1].weight);
        assert_eq!(r.requirement_lines, 2);
        let count = |p: Part| r.parts.iter().find(|c| c.part == p).unwrap().lines;
        assert_eq!(r.parts.len(), Part::ALL.len() - 1);
        assert!(r.parts.iter().all(|c| c.part != Part::Title));
        assert_eq!(
            (
                count(Part::Requirements),
                count(Part::Nice),
                count(Part::Duties)
            ),
            (2, 1, 0)
        );
    }

    #[test]
    fn lines_without_counting_terms_are_no_requirement() {
        let a = Analyzer::shared();
        let p = posting(
            "Kafka Engineer",
            &[
                (Part::Benefits, "Kafka swag"),
                (Part::Requirements, "experience"),
                (Part::Company, "Go lunches"),
            ],
        );
        let r = reading(&p, &a, &bg());
        assert_eq!(r.requirement_lines, 0);
        assert_eq!(r.lines.len(), 3);
        assert!(r.lines.iter().all(|l| l.terms.is_empty()));
        assert!(!r.title.unwrap().terms.is_empty());
    }
}
