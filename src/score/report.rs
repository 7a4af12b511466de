//! The report a person reads, built from a [`Scoring`]: display rounding happens here, last.

use super::tunables::COVERED_SHARE;
use super::{PreparedResume, Scoring};
use crate::model::{
    BulletReport, FitBand, MatchReport, PartialTerm, Posting, PostingInfo, RequirementReport,
    TermReport, Verdict,
};

/// Bullet ids listed per term and per requirement in a report.
pub const PROOFS_SHOWN: usize = 3;

/// `x` rounded to `places` decimals, for display. A tiny negative figure (float error in a
/// sum of contributions) rounds to 0, never to a printed `-0`.
pub(crate) fn round(x: f32, places: i32) -> f32 {
    let p = 10f32.powi(places);
    (x * p).round() / p + 0.0
}

impl Scoring {
    /// The report for `posting` (read from `source`), with figures rounded for display.
    pub fn report(
        &self,
        prepared: &PreparedResume,
        posting: &Posting,
        source: &str,
    ) -> MatchReport {
        let terms = &self.analyzed.terms;
        let proving = |key: &str| -> Vec<String> {
            self.ranked
                .iter()
                .filter(|&&o| prepared.bullets[o].terms.contains(key))
                .take(PROOFS_SHOWN)
                .map(|&o| prepared.bullets[o].id.clone())
                .collect()
        };
        let term_report = |i: usize| {
            let (t, c) = (&terms[i], &self.credits[i]);
            TermReport {
                term: t.term.clone(),
                key: t.key.clone(),
                weight: round(t.weight, 3),
                kind: t.kind,
                credit: c.value,
                via: c.via.clone(),
                bullets: if c.value > 0.0 {
                    proving(c.via.as_deref().unwrap_or(&t.key))
                } else {
                    Vec::new()
                },
            }
        };
        let requirements = self
            .requirements
            .iter()
            .map(|r| {
                let line = &posting.lines[r.line];
                let verdict = if r.coverage >= COVERED_SHARE {
                    Verdict::Covered
                } else if r.coverage > 0.0 {
                    Verdict::Partial
                } else {
                    Verdict::Missing
                };
                RequirementReport {
                    kind: r.kind,
                    line: line.line,
                    text: line.text.clone(),
                    verdict,
                    weight: round(r.weight, 3),
                    coverage: round(r.coverage, 3),
                    matched: r
                        .matched
                        .iter()
                        .map(|(_, w)| line.text[w.clone()].to_string())
                        .collect(),
                    partial: r
                        .matched
                        .iter()
                        .filter_map(|(i, w)| {
                            let c = &self.credits[*i];
                            Some(PartialTerm {
                                term: line.text[w.clone()].to_string(),
                                credit: c.value,
                                via: c.via.clone()?,
                            })
                        })
                        .collect(),
                    missing: r
                        .missing
                        .iter()
                        .map(|w| line.text[w.clone()].to_string())
                        .collect(),
                    bullets: r
                        .proving
                        .iter()
                        .take(PROOFS_SHOWN)
                        .map(|&o| prepared.bullets[o].id.clone())
                        .collect(),
                    bullet_count: r.proving.len(),
                }
            })
            .collect();
        // The clauses that rank bullets, each with the posting term it answers, for the
        // terms a bullet earns through a related concept.
        let (query, answers) = prepared.bullet_query(terms);
        let bullets = self
            .ranked
            .iter()
            .map(|&o| {
                let leaf = &prepared.bullets[o];
                // Per posting term the bullet lacks: its best related clause in the bullet.
                let mut related: Vec<Option<(f32, &str)>> = vec![None; terms.len()];
                for ((key, w), &i) in query.iter().zip(&answers) {
                    let t = &terms[i];
                    if key == &t.key || leaf.terms.contains(&t.key) || !leaf.terms.contains(key) {
                        continue;
                    }
                    let credit = w / super::query_weight(t);
                    if related[i].is_none_or(|(c, _)| credit > c) {
                        related[i] = Some((credit, key.as_str()));
                    }
                }
                BulletReport {
                    id: leaf.id.clone(),
                    text: leaf.text.clone(),
                    score: round(self.bullet_scores[o], 4),
                    // Terms are heaviest first already.
                    matched_terms: terms
                        .iter()
                        .filter(|t| leaf.own_terms.contains(&t.key))
                        .map(|t| t.term.clone())
                        .collect(),
                    group_terms: terms
                        .iter()
                        .filter(|t| leaf.terms.contains(&t.key) && !leaf.own_terms.contains(&t.key))
                        .map(|t| t.term.clone())
                        .collect(),
                    role_terms: terms
                        .iter()
                        .filter(|t| {
                            leaf.role_terms.contains(&t.key) && !leaf.terms.contains(&t.key)
                        })
                        .map(|t| t.term.clone())
                        .collect(),
                    related_terms: related
                        .into_iter()
                        .enumerate()
                        .filter_map(|(i, r)| {
                            let (credit, via) = r?;
                            Some(PartialTerm {
                                term: terms[i].term.clone(),
                                credit: round(credit, 2),
                                via: via.to_string(),
                            })
                        })
                        .collect(),
                }
            })
            .collect();
        MatchReport {
            posting: PostingInfo {
                source: source.to_string(),
                title: posting.title.clone(),
                meta: posting.meta.clone(),
            },
            score: round(self.score, 1),
            fit: FitBand::of(round(self.score, 1)),
            coverage: round(self.coverage, 1),
            requirements_found: self.analyzed.has_requirements,
            matched: self.matched.iter().map(|&i| term_report(i)).collect(),
            missing: self.missing.iter().map(|&i| term_report(i)).collect(),
            requirements,
            bullets,
            asks: self.asks.clone(),
            has: prepared.facts.clone(),
            experience: self.experience.clone(),
            education: self.education.clone(),
            occupation: self.occupation.clone(),
            index: prepared.index.status,
        }
    }
}

#[cfg(test)]
mod round_tests {
    #[test]
    fn a_rounded_negative_zero_is_zero() {
        let r = super::round(-1e-7, 4);
        assert_eq!(r.to_string(), "0");
        assert_eq!(format!("{r:.3}"), "0.000");
        assert_eq!(super::round(1.23456, 2), 1.23);
    }
}
