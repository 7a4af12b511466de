//! How deeply the résumé proves each term: a recruiter trusts a skill shown in several
//! bullets of recent jobs, or named in a job title, far more than one listed once in a
//! skills section or mentioned in a 2018 internship.
//!
//! Each place a term appears earns points: a work bullet one point, a group heading half a
//! point, the entry's title or role line (where a résumé says what the job was) more,
//! all of it scaled by how recent the job is; skills lists, summaries and other sections
//! earn a little (a claim, not a proof). A place naming a narrower concept proves most of
//! the broader one too (Kafka, of message queues). The depth is `1 − e^(−points / 2)`: one
//! recent bullet gives 0.39 (a mention), two 0.63, four 0.86; a role line 0.53; a skills-list
//! mention alone 0.18.

use super::requirements::months;
use super::tunables::{
    CLAIM_POINTS, DEPTH_SCALE, GROUP_POINTS, LEAF_POINTS, MAX_NARROWER_DEPTH, NARROWER_CREDIT,
    NOTE_POINTS, RECENCY_FLOOR, RECENCY_LOSS_PER_YEAR, RECENT_YEARS, ROLE_POINTS, UNDATED_RECENCY,
};
use crate::analyze::{Analyzer, Token};
use crate::model::{Bullet, DateEnd, Entry, Resume, YearMonth};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Per-term depth of evidence in one résumé, 0–1.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    depth: HashMap<String, f32>,
}

impl Evidence {
    /// Reads the evidence of every term of `resume`; `tokens` are the analysed bullets by id
    /// (analysed once, when the résumé is prepared).
    pub fn new(
        resume: &Resume,
        analyzer: &Analyzer,
        tokens: &HashMap<String, Vec<Token>>,
        as_of: YearMonth,
    ) -> Evidence {
        let mut points: HashMap<String, f32> = HashMap::default();
        let add_text = |points: &mut HashMap<String, f32>, text: &str, p: f32| {
            let set = analyzer.resume_term_set(text);
            for (b, share) in broader_of(analyzer, &set) {
                *points.entry(b).or_default() += p * share;
            }
            for t in set {
                *points.entry(t).or_default() += p;
            }
        };
        let b = &resume.basics;
        for s in [&b.label, &b.summary].into_iter().flatten() {
            add_text(&mut points, s, CLAIM_POINTS);
        }
        let mut texts: HashSet<String> = HashSet::default();
        for section in &resume.sections {
            let work = section.kind.is_work();
            for entry in &section.entries {
                let r = if work { recency(entry, as_of) } else { 1.0 };
                let (role, note, group, leaf) = if work {
                    (
                        ROLE_POINTS * r,
                        NOTE_POINTS * r,
                        GROUP_POINTS * r,
                        LEAF_POINTS * r,
                    )
                } else {
                    (CLAIM_POINTS, CLAIM_POINTS, CLAIM_POINTS, CLAIM_POINTS)
                };
                // The title or role line; a heading that holds both the role and the
                // employer ("Platform engineer, Acme") is read as the role line too.
                match (&entry.title, &entry.organisation) {
                    (Some(t), _) | (None, Some(t)) => add_text(&mut points, t, role),
                    (None, None) => {}
                }
                for n in &entry.notes {
                    add_text(&mut points, n, note);
                }
                let mut stack: Vec<&Bullet> = entry.bullets.iter().collect();
                while let Some(bullet) = stack.pop() {
                    // A bullet written twice is one proof.
                    if !bullet.is_group() && !texts.insert(bullet.text_key()) {
                        continue;
                    }
                    let p = if bullet.is_group() { group } else { leaf };
                    // Each term once per bullet: a bullet that repeats a word is one proof.
                    let distinct: HashSet<String> = tokens
                        .get(&bullet.id)
                        .map(|ts| ts.iter().map(|t| t.text.clone()).collect())
                        .unwrap_or_default();
                    for (b, share) in broader_of(analyzer, &distinct) {
                        *points.entry(b).or_default() += p * share;
                    }
                    for t in distinct {
                        *points.entry(t).or_default() += p;
                    }
                    stack.extend(bullet.children.iter());
                }
            }
        }
        Evidence {
            depth: points
                .into_iter()
                .map(|(t, p)| (t, 1.0 - (-p / DEPTH_SCALE).exp()))
                .collect(),
        }
    }

    /// How deeply the résumé proves `key`, 0 (never) to nearly 1 (many recent proofs).
    pub fn depth(&self, key: &str) -> f32 {
        self.depth.get(key).copied().unwrap_or(0.0)
    }
}

/// The broader concepts of `terms` (up to [`MAX_NARROWER_DEPTH`] levels) with the share of
/// a proof each gets: a bullet naming RocketMQ shows message-queue work
/// ([`NARROWER_CREDIT`]) and, one level further, middleware work (its square), as a
/// recruiter reads it; the credit rules read the lexicon the same way. Each concept once
/// per text, at its nearest level, however many of its kinds the text names; none the
/// text names itself (that is a full proof already).
fn broader_of(analyzer: &Analyzer, terms: &HashSet<String>) -> HashMap<String, f32> {
    let mut up: HashMap<String, f32> = HashMap::default();
    for t in terms.iter() {
        // Every broader concept, a step to its kind, two to what else it is part of.
        for (b, steps) in analyzer.ancestors(t, MAX_NARROWER_DEPTH as u32) {
            if !terms.contains(b) {
                let share = NARROWER_CREDIT.powi(steps as i32);
                let e = up.entry(b.to_string()).or_default();
                *e = e.max(share);
            }
        }
    }
    up
}

/// How much a job still counts for its recency: fully for the last few years, then less
/// each year, never below a floor (old experience is still experience).
pub(crate) fn recency(entry: &Entry, as_of: YearMonth) -> f32 {
    let end = match entry.end {
        Some(DateEnd::Present) => as_of,
        Some(DateEnd::Date(d)) => d,
        None => match entry.start {
            Some(d) => d,
            None => return UNDATED_RECENCY,
        },
    };
    let years = (months(as_of) - months(end)).max(0) as f32 / 12.0;
    (1.0 - RECENCY_LOSS_PER_YEAR * (years - RECENT_YEARS).max(0.0)).max(RECENCY_FLOOR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_resume;
    use std::path::Path;

    fn evidence(text: &str) -> Evidence {
        let a = Analyzer::shared();
        let resume = parse_resume(Path::new("r.md"), text, None).unwrap();
        let mut tokens = HashMap::default();
        for b in resume.all_bullets() {
            tokens.insert(b.id.clone(), a.analyze(&b.text));
        }
        Evidence::new(
            &resume,
            &a,
            &tokens,
            YearMonth {
                year: 2026,
                month: Some(11),
            },
        )
    }

    #[test]
    fn several_recent_bullets_prove_more_than_an_old_one_or_a_skills_list() {
        let e = evidence(
            "# Ann\n\n## Experience\n\n### Platform engineer, Acme\nRemote | Jan 2023 – Present\n\n\
             - Ran Kubernetes clusters for 40 teams\n- Upgraded Kubernetes with zero downtime\n\n\
             ### Intern, Old Co\nBoston | Jun 2012 – Sep 2012\n\n- Wrote a Kafka consumer\n\n\
             ## Skills\n\n- Terraform\n",
        );
        let (k8s, kafka, tf) = (
            e.depth("kubernetes"),
            e.depth("kafka"),
            e.depth("terraform"),
        );
        assert!(k8s > 0.6, "{k8s}");
        assert!(kafka > 0.0 && kafka < k8s, "{kafka} vs {k8s}");
        assert!(tf > 0.0 && tf < 0.3, "{tf}");
        assert_eq!(e.depth("golang"), 0.0);
    }

    #[test]
    fn a_bullet_naming_a_kind_of_a_skill_proves_the_skill_less_than_naming_it() {
        let e = evidence(
            "# Ann\n\n## Experience\n\n### Backend engineer, Acme\nRemote | Jan 2024 – Present\n\n\
             - Ran RocketMQ and Kafka for 40 services\n- Tuned RocketMQ consumers\n\n\
             ### Backend engineer, Globex\nRemote | Jan 2022 – Dec 2023\n\n\
             - Built the message queue of the billing service\n",
        );
        let (mq, named, middleware) = (
            e.depth("message queue"),
            e.depth("rocketmq"),
            e.depth("middleware"),
        );
        // Two bullets show queue work through their tools (each once, though one names
        // two), one names it outright.
        assert!(mq > named, "{mq} vs {named}");
        // A level further up (middleware), less again.
        assert!(middleware > 0.0 && middleware < mq, "{middleware} vs {mq}");
        let only_tools = evidence(
            "# Ann\n\n## Experience\n\n### Backend engineer, Acme\nRemote | Jan 2024 – Present\n\n\
             - Ran RocketMQ and Kafka for 40 services\n",
        );
        let (mq, kafka) = (only_tools.depth("message queue"), only_tools.depth("kafka"));
        assert!(mq > 0.0 && mq < kafka, "{mq} vs {kafka}");
    }

    #[test]
    fn a_job_title_is_strong_evidence() {
        let e = evidence(
            "# Ann\n\n## Experience\n\n### Java backend engineer, Acme\nRemote | Jan 2024 – Present\n\n\
             - Shipped the billing service\n",
        );
        assert!(e.depth("java") > 0.5, "{}", e.depth("java"));
    }
}
