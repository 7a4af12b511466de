//! Tailor: select and reorder the résumé's own bullets for one posting. Nothing is written,
//! only chosen: every output bullet is a bullet of the input, text untouched.

use crate::choice::choices;
use crate::model::{Bullet, ReqKind, Resume};
use crate::score::tunables::{unit_weight, DIVERSITY, REPEAT_GAIN};
use crate::score::{PreparedResume, Scoring, TermClass};
use std::collections::{HashMap, HashSet};

/// How entries are ordered in the tailored résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// As in the résumé (reverse-chronological in a well-kept résumé).
    #[default]
    Chrono,
    /// By each entry's best bullet.
    Relevance,
}

choices!(Order {
    Chrono => ("chrono", "As in the résumé (reverse-chronological in a well-kept résumé)"),
    Relevance => ("relevance", "By each entry's best bullet"),
});

/// Tailoring options. Defaults are documented in the README.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TailorOptions {
    /// At most this many bullets in experience and project sections, beyond the per-entry
    /// minimum.
    pub max_bullets: usize,
    /// Every entry keeps at least this many of its best bullets (it wins over `max_bullets`).
    pub min_per_entry: usize,
    /// A bullet beyond the minimum must score at least this share of the best bullet.
    pub floor: f32,
    /// Entry order.
    pub order: Order,
}

impl Default for TailorOptions {
    fn default() -> Self {
        TailorOptions {
            max_bullets: 12,
            min_per_entry: 1,
            floor: 0.15,
            order: Order::Chrono,
        }
    }
}

/// What tailoring reads from a scoring: each bullet's relevance (unrounded) and the
/// requirement units each bullet proves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence<'a> {
    /// Leaf bullet id → its score for the posting.
    pub scores: HashMap<&'a str, f32>,
    /// Leaf bullet id → its score before the job-title factor: what the floor measures, so
    /// a job named like the posting raises its own bullets, not the bar for the others.
    pub relevance: HashMap<&'a str, f32>,
    /// Requirement units: their kind and the ids of the bullets that prove them.
    pub units: Vec<(ReqKind, Vec<&'a str>)>,
    /// Per unit, the bullets that name one of its skills outright (the skill itself, not a
    /// related concept or a plain word): proof that holds however weak the bullet's score.
    pub direct: Vec<Vec<&'a str>>,
}

impl<'a> Evidence<'a> {
    /// The evidence in `scoring` about the bullets of `prepared`.
    pub fn of(prepared: &'a PreparedResume, scoring: &Scoring) -> Evidence<'a> {
        let id = |o: usize| prepared.bullets[o].id.as_str();
        Evidence {
            scores: (0..prepared.bullets.len())
                .map(|o| (id(o), scoring.bullet_scores[o]))
                .collect(),
            relevance: (0..prepared.bullets.len())
                .map(|o| (id(o), scoring.bullet_relevance[o]))
                .collect(),
            units: scoring
                .requirements
                .iter()
                .map(|r| (r.kind, r.proving.iter().map(|&o| id(o)).collect()))
                .collect(),
            direct: scoring
                .requirements
                .iter()
                .map(|r| {
                    let terms = &scoring.analyzed.terms;
                    let skills: HashSet<&str> = r
                        .matched
                        .iter()
                        .filter(|(i, _)| {
                            scoring.credits[*i].value >= 1.0 && terms[*i].class == TermClass::Skill
                        })
                        .map(|(i, _)| terms[*i].key.as_str())
                        .collect();
                    r.proving
                        .iter()
                        .filter(|&&o| {
                            prepared.bullets[o]
                                .terms
                                .iter()
                                .any(|t| skills.contains(t.as_str()))
                        })
                        .map(|&o| id(o))
                        .collect()
                })
                .collect(),
        }
    }
}

/// Picks the bullets to keep: ids of selected leaves.
///
/// Each entry first keeps its `min_per_entry` best bullets. The rest of the budget is filled
/// greedily by maximal marginal relevance over the posting's requirement units: a bullet's
/// value is its BM25 score (relative to the best) × `(1 − DIVERSITY + DIVERSITY × novelty)`,
/// where novelty is the share of the weight of the units it proves that no chosen bullet
/// proves yet (units already proved count `REPEAT_GAIN`). Ties go to document order. So of two
/// equally relevant bullets, the one proving a different requirement wins.
fn select(resume: &Resume, evidence: &Evidence<'_>, opts: &TailorOptions) -> HashSet<String> {
    let scores = &evidence.scores;
    let score = |id: &str| scores.get(id).copied().unwrap_or(0.0);
    let relevance = |id: &str| evidence.relevance.get(id).copied().unwrap_or(0.0);
    // The best of the bullets tailoring chooses from: a skills line ("Android Studio") scores
    // too, but is kept whole with its section, and measured against it every work bullet of
    // a short résumé had fallen under the floor.
    let (mut best, mut most_relevant) = (0f32, 0f32);
    for s in resume.sections.iter().filter(|s| s.kind.is_work()) {
        for b in s.entries.iter().flat_map(|e| &e.bullets) {
            b.walk(&mut |x| {
                best = best.max(score(&x.id));
                most_relevant = most_relevant.max(relevance(&x.id));
            });
        }
    }
    // Units each bullet proves.
    let mut units_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (u, (_, proving)) in evidence.units.iter().enumerate() {
        for id in proving {
            units_of.entry(id).or_default().push(u);
        }
    }
    let mut proved = vec![false; evidence.units.len()];
    let prove = |id: &str, proved: &mut Vec<bool>| {
        for &u in units_of.get(id).map_or(&[][..], Vec::as_slice) {
            proved[u] = true;
        }
    };
    let mut chosen = HashSet::new();
    let mut rest: Vec<(f32, usize, String)> = Vec::new();
    // Bullets under the floor, kept aside: one that alone names a must-have's skill stays a
    // candidate (a weak match is still the only evidence of that requirement).
    let mut below: Vec<(f32, usize, String)> = Vec::new();
    let mut order = 0usize;
    // A bullet written twice says nothing new the second time: only its first copy (in
    // document order, case and spacing aside) is a candidate, so a copy never takes the
    // place of a different bullet.
    let mut texts: HashSet<String> = HashSet::new();
    for s in resume.sections.iter().filter(|s| s.kind.is_work()) {
        for e in &s.entries {
            let mut leaves: Vec<(f32, usize, String)> = Vec::new();
            // Copies of bullets above, in order: what keeps the entry's floor when it has
            // nothing else (a role whose one bullet repeats an earlier one still shows it).
            let mut copies: Vec<String> = Vec::new();
            // Texts first met in this entry: a copy of one of them is this entry's own
            // repetition, never a stand-in.
            let mut own: HashSet<String> = HashSet::new();
            for b in &e.bullets {
                b.walk(&mut |x| {
                    if x.is_group() {
                        return;
                    }
                    let key = x.text_key();
                    if texts.insert(key.clone()) {
                        own.insert(key);
                        order += 1;
                        leaves.push((score(&x.id), order, x.id.clone()));
                    } else if !own.contains(&key) && own.insert(key) {
                        copies.push(x.id.clone());
                    }
                });
            }
            leaves.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let short = opts.min_per_entry.saturating_sub(leaves.len());
            chosen.extend(copies.into_iter().take(short));
            for (i, l) in leaves.into_iter().enumerate() {
                if i < opts.min_per_entry {
                    prove(&l.2, &mut proved);
                    chosen.insert(l.2);
                } else if l.0 > 0.0 && relevance(&l.2) >= opts.floor * most_relevant {
                    rest.push(l);
                } else if l.0 > 0.0 {
                    below.push(l);
                }
            }
        }
    }
    let is_must = |u: usize| evidence.units[u].0 == ReqKind::Must;
    // Must-haves that a chosen bullet or a candidate names outright already.
    let names = |id: &str, u: usize| evidence.direct.get(u).is_some_and(|d| d.contains(&id));
    let mut covered: HashSet<usize> = (0..evidence.units.len())
        .filter(|&u| {
            is_must(u)
                && chosen
                    .iter()
                    .map(String::as_str)
                    .chain(rest.iter().map(|l| l.2.as_str()))
                    .any(|id| names(id, u))
        })
        .collect();
    below.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for l in below {
        let named: Vec<usize> = (0..evidence.direct.len())
            .filter(|&u| is_must(u) && evidence.direct[u].contains(&l.2.as_str()))
            .collect();
        if named.iter().any(|u| !covered.contains(u)) {
            covered.extend(named);
            rest.push(l);
        }
    }
    let mut room = opts.max_bullets.saturating_sub(chosen.len());
    while room > 0 && !rest.is_empty() {
        // Relevance discounted by redundancy: the share of the bullet's requirement weight
        // that is still unproved (units proved already count `REPEAT_GAIN`).
        let value = |id: &str, s: f32| -> f32 {
            let novelty = units_of.get(id).map_or(1.0, |us| {
                let (mut all, mut new) = (0.0, 0.0);
                for &u in us {
                    let w = unit_weight(evidence.units[u].0);
                    all += w;
                    new += if proved[u] { w * REPEAT_GAIN } else { w };
                }
                if all > 0.0 {
                    new / all
                } else {
                    1.0
                }
            });
            s / best.max(f32::MIN_POSITIVE) * (1.0 - DIVERSITY + DIVERSITY * novelty)
        };
        let (at, _) = rest
            .iter()
            .enumerate()
            .map(|(i, (s, o, id))| (i, (value(id, *s), std::cmp::Reverse(*o))))
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(a.1 .1.cmp(&b.1 .1)))
            .expect("non-empty");
        let (_, _, id) = rest.swap_remove(at);
        prove(&id, &mut proved);
        chosen.insert(id);
        room -= 1;
    }
    chosen
}

/// Keeps selected leaves and the groups above them, each level ordered by relevance (a
/// group by its best kept child). Returns the best score kept, or `None` when nothing is.
fn prune(
    bullets: &[Bullet],
    keep: &HashSet<String>,
    scores: &HashMap<&str, f32>,
) -> (Vec<Bullet>, Option<f32>) {
    let mut kept: Vec<(f32, usize, Bullet)> = Vec::new();
    for (i, b) in bullets.iter().enumerate() {
        if b.is_group() {
            let (children, best) = prune(&b.children, keep, scores);
            if let Some(best) = best {
                kept.push((
                    best,
                    i,
                    Bullet {
                        id: b.id.clone(),
                        text: b.text.clone(),
                        children,
                        links: b.links.clone(),
                    },
                ));
            }
        } else if keep.contains(&b.id) {
            let s = scores.get(b.id.as_str()).copied().unwrap_or(0.0);
            kept.push((s, i, b.clone()));
        }
    }
    kept.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = kept.iter().map(|k| k.0).reduce(f32::max);
    (kept.into_iter().map(|k| k.2).collect(), best)
}

/// Tailors `resume` to a posting, from the evidence its scoring gives.
pub fn tailor(resume: &Resume, evidence: &Evidence<'_>, opts: &TailorOptions) -> Resume {
    let scores = &evidence.scores;
    let keep = select(resume, evidence, opts);
    let mut out = resume.clone();
    for s in out.sections.iter_mut().filter(|s| s.kind.is_work()) {
        let mut best_of: Vec<(f32, usize)> = Vec::new();
        for (i, e) in s.entries.iter_mut().enumerate() {
            let (bullets, best) = prune(&e.bullets, &keep, scores);
            e.bullets = bullets;
            best_of.push((best.unwrap_or(-1.0), i));
        }
        if opts.order == Order::Relevance {
            best_of.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut entries: Vec<Option<_>> = s.entries.drain(..).map(Some).collect();
            s.entries = best_of
                .iter()
                .filter_map(|&(_, i)| entries[i].take())
                .collect();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Section, SectionKind};

    fn leaf(id: &str) -> Bullet {
        Bullet {
            id: id.into(),
            text: format!("text {id}"),
            ..Bullet::default()
        }
    }

    fn report(scores: &[(&'static str, f32)]) -> Evidence<'static> {
        Evidence {
            scores: scores.iter().copied().collect(),
            relevance: scores.iter().copied().collect(),
            units: vec![],
            direct: vec![],
        }
    }

    /// The ids of the work bullets a tailored résumé kept, sorted.
    fn kept_work_leaves(t: &Resume) -> Vec<String> {
        let mut ids: Vec<String> = t
            .all_bullets()
            .iter()
            .filter(|b| !b.is_group() && b.id != "s")
            .map(|b| b.id.clone())
            .collect();
        ids.sort();
        ids
    }

    fn resume() -> Resume {
        let group = Bullet {
            id: "g".into(),
            text: "group".into(),
            children: vec![leaf("a"), leaf("b")],
            ..Bullet::default()
        };
        Resume {
            origin: None,
            warnings: Vec::new(),
            basics: Default::default(),
            sections: vec![
                Section {
                    kind: SectionKind::Experience,
                    heading: "Work".into(),
                    entries: vec![
                        Entry {
                            bullets: vec![group, leaf("c")],
                            ..Entry::default()
                        },
                        Entry {
                            bullets: vec![leaf("d"), leaf("e")],
                            ..Entry::default()
                        },
                    ],
                },
                Section {
                    kind: SectionKind::Skills,
                    heading: "Skills".into(),
                    entries: vec![Entry {
                        bullets: vec![leaf("s")],
                        ..Entry::default()
                    }],
                },
            ],
        }
    }

    #[test]
    fn selects_reorders_and_keeps_groups() {
        let r = resume();
        let rep = report(&[("b", 5.0), ("c", 1.0), ("a", 0.1), ("e", 3.0), ("d", 0.0)]);
        let t = tailor(&r, &rep, &TailorOptions::default());
        let e0 = &t.sections[0].entries[0];
        // b is best, so its group comes first; a is under the floor and dropped.
        assert_eq!(e0.bullets[0].id, "g");
        assert_eq!(e0.bullets[0].children.len(), 1);
        assert_eq!(e0.bullets[0].children[0].id, "b");
        assert_eq!(e0.bullets[1].id, "c");
        let e1 = &t.sections[0].entries[1];
        assert_eq!(
            e1.bullets.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
            ["e"]
        );
        // Skills are kept whole.
        assert_eq!(t.sections[1], r.sections[1]);
    }

    #[test]
    fn the_floor_is_measured_against_work_bullets_not_the_skills_line() {
        let r = resume();
        // The skills line scores far above every work bullet (a tool named in the posting's
        // title); it is kept whole anyway, and every work bullet that matched stays a candidate.
        let rep = report(&[("s", 20.0), ("b", 1.0), ("c", 0.9), ("a", 0.8), ("e", 0.7)]);
        let opts = TailorOptions {
            min_per_entry: 0,
            ..TailorOptions::default()
        };
        let ids = kept_work_leaves(&tailor(&r, &rep, &opts));
        assert_eq!(ids, ["a", "b", "c", "e"]);
    }

    #[test]
    fn a_job_named_like_the_posting_raises_its_bullets_not_the_floor_for_the_others() {
        let r = resume();
        // The first job's title names the posting's: its bullets score twice their
        // relevance. "e", of the other job, scores under 15% of the best score but over 15%
        // of the best relevance: it stays a candidate.
        let mut rep = report(&[("a", 2.0), ("b", 1.8), ("c", 1.6), ("e", 0.2)]);
        rep.relevance = [("a", 1.0), ("b", 0.9), ("c", 0.8), ("e", 0.2)]
            .into_iter()
            .collect();
        let opts = TailorOptions {
            min_per_entry: 0,
            ..TailorOptions::default()
        };
        let ids = kept_work_leaves(&tailor(&r, &rep, &opts));
        assert_eq!(ids, ["a", "b", "c", "e"]);
        // Measured against the scores, it would be under the floor.
        rep.relevance = rep.scores.clone();
        let ids = kept_work_leaves(&tailor(&r, &rep, &opts));
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn budget_goes_to_bullets_proving_different_requirements() {
        let r = resume();
        let mut rep = report(&[("a", 5.0), ("b", 4.9), ("c", 1.0), ("d", 0.0), ("e", 3.5)]);
        // a and b prove the same must-have; e proves another one.
        rep.units = vec![(ReqKind::Must, vec!["a", "b"]), (ReqKind::Must, vec!["e"])];
        let opts = TailorOptions {
            max_bullets: 2,
            min_per_entry: 0,
            ..TailorOptions::default()
        };
        let ids = kept_work_leaves(&tailor(&r, &rep, &opts));
        assert_eq!(ids, ["a", "e"]);
    }

    #[test]
    fn the_only_proof_of_a_must_have_is_kept_under_the_floor() {
        let r = resume();
        // c (5% of the best) alone proves one must-have, d (4%) another that b proves too,
        // e (3%) a nice-to-have, and a must-have only through a related concept.
        let mut rep = report(&[("a", 10.0), ("b", 8.0), ("c", 0.5), ("d", 0.4), ("e", 0.3)]);
        rep.units = vec![
            (ReqKind::Must, vec!["a"]),
            (ReqKind::Must, vec!["c"]),
            (ReqKind::Must, vec!["b", "d"]),
            (ReqKind::Nice, vec!["e"]),
            (ReqKind::Must, vec!["e"]),
        ];
        // The skills named outright; e proves the last must-have only through a related
        // concept.
        rep.direct = vec![vec!["a"], vec!["c"], vec!["b", "d"], vec!["e"], vec![]];
        let opts = TailorOptions {
            min_per_entry: 0,
            ..TailorOptions::default()
        };
        let ids = kept_work_leaves(&tailor(&r, &rep, &opts));
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn a_bullet_written_twice_is_kept_once_and_never_instead_of_another() {
        let mut r = resume();
        // d's text again, as e (case and spacing aside), scoring as d does.
        r.sections[0].entries[1].bullets[1].text = "TEXT  d".into();
        r.sections[0].entries[0].bullets.push(leaf("f"));
        let rep = report(&[("d", 5.0), ("e", 5.0), ("f", 1.0), ("a", 0.5)]);
        let opts = TailorOptions {
            max_bullets: 2,
            min_per_entry: 0,
            ..TailorOptions::default()
        };
        assert_eq!(kept_work_leaves(&tailor(&r, &rep, &opts)), ["d", "f"]);
    }

    #[test]
    fn an_entry_whose_only_bullet_is_a_copy_keeps_it_for_its_minimum() {
        let mut r = resume();
        // The second entry's bullets both repeat the first entry's c.
        for b in &mut r.sections[0].entries[1].bullets {
            b.text = "TEXT c".into();
        }
        let rep = report(&[("c", 5.0), ("b", 4.0)]);
        let t = tailor(&r, &rep, &TailorOptions::default());
        let ids: Vec<&str> = t.sections[0].entries[1]
            .bullets
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        // One copy, for the floor of one; never both, never in place of another bullet.
        assert_eq!(ids, ["d"]);
        let t = tailor(
            &r,
            &rep,
            &TailorOptions {
                min_per_entry: 0,
                ..TailorOptions::default()
            },
        );
        assert!(t.sections[0].entries[1].bullets.is_empty());
        // A bullet repeated inside its own entry never fills that entry's minimum.
        let mut r = resume();
        r.sections[0].entries[1].bullets[1].text = "TEXT  d".into();
        let opts = TailorOptions {
            min_per_entry: 2,
            ..TailorOptions::default()
        };
        let t = tailor(&r, &report(&[("d", 5.0)]), &opts);
        assert_eq!(t.sections[0].entries[1].bullets.len(), 1);
    }

    #[test]
    fn budget_and_minimum_per_entry() {
        let r = resume();
        let rep = report(&[("b", 5.0), ("c", 4.0), ("a", 4.5), ("e", 0.0), ("d", 0.0)]);
        let opts = TailorOptions {
            max_bullets: 2,
            ..TailorOptions::default()
        };
        let t = tailor(&r, &rep, &opts);
        let ids: Vec<String> = t
            .all_bullets()
            .iter()
            .filter(|b| !b.is_group())
            .map(|b| b.id.clone())
            .collect();
        // b (entry 1 minimum), d (entry 2 minimum, first in order), then room for none.
        assert_eq!(ids, ["b", "d", "s"]);
        let t = tailor(
            &r,
            &rep,
            &TailorOptions {
                order: Order::Relevance,
                min_per_entry: 0,
                ..TailorOptions::default()
            },
        );
        assert!(t.sections[0].entries[1].bullets.is_empty());
    }
}
