//! Score: weigh a posting's terms by part and distinctiveness, rank the résumé's bullets with
//! Tantivy's BM25 over those weights, and measure how much of the posting the résumé covers.
//!
//! Scoring works on unrounded figures ([`Scoring`]); [`Scoring::report`] builds the report a
//! person reads, rounding last.

pub mod background;
pub mod evidence;
pub mod occupation;
pub mod prepared;
pub mod reading;
mod report;
pub mod requirements;
mod study;
pub mod terms;
pub mod tunables;

pub use background::{Background, BACKGROUND_TSV};
pub use prepared::{AnalyzedResume, IndexPlace, PreparedBullet, PreparedResume};
pub use reading::reading;
pub use terms::{analyze_posting, AnalyzedPosting, LineTerms, Lines, PostingTerm, TermClass};

use crate::error::Result;
use crate::model::{
    BulletExplanation, Credit, FactCheck, Posting, PostingAsks, QuickScore, ReqKind,
    TermContribution,
};
use occupation::check_occupation;
use requirements::{asks, check_degree, check_level, check_years};
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;
use tunables::{
    BROADER_CREDIT, COMPOUND_CREDIT, CONTEXT_CREDIT, ENTRY_LEVEL_YEARS, FIT_PRIOR, HARD_SKILL_IDF,
    JOB_TITLE_BOOST, MAX_NARROWER_DEPTH, NARROWER_CREDIT, PLAIN_FIT_FACTOR, SIBLING_CREDIT,
    STRENGTHS_SCALE,
};

/// One requirement line of a posting, scored (unrounded).
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementScore {
    /// Kind.
    pub kind: ReqKind,
    /// Index of the line in [`Posting::lines`].
    pub line: usize,
    /// The summed weights of its terms (the part weight is in each).
    pub weight: f32,
    /// Weighted share of the line's terms the résumé covers, 0–1.
    pub coverage: f32,
    /// Covered terms: the term's index in [`AnalyzedPosting::terms`] (its credit, and the
    /// related concept that earned it if any, is at the same index of [`Scoring::credits`])
    /// and where the term is written in the line.
    pub matched: Vec<(usize, Range<usize>)>,
    /// Where the missing terms are written in the line.
    pub missing: Vec<Range<usize>>,
    /// Ordinals of every bullet that proves it, best first.
    pub proving: Vec<usize>,
}

/// A posting scored against a prepared résumé: every figure unrounded, for tailoring and
/// for building the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    /// The posting's weighted terms and per-line terms.
    pub analyzed: AnalyzedPosting,
    /// Credit per term of `analyzed.terms`.
    pub credits: Vec<Credit>,
    /// Indexes of covered terms: must-have first, then by credit, then heaviest.
    pub matched: Vec<usize>,
    /// Indexes of missing terms: must-have first, then heaviest.
    pub missing: Vec<usize>,
    /// Headline fit 0–100 (see [`PreparedResume::fit`]), times the experience and
    /// education factors.
    pub score: f32,
    /// Coverage 0–100: the weighted share of the posting's terms the résumé shows at all.
    pub coverage: f32,
    /// Each leaf bullet's BM25 score (after its section prior and job-title factor), by
    /// ordinal; 0 if unmatched.
    pub bullet_scores: Vec<f32>,
    /// Each leaf bullet's score before the job-title factor: how relevant what it says (and
    /// its role line) is, whatever job it was written in. Tailoring's floor measures this.
    pub bullet_relevance: Vec<f32>,
    /// Leaf ordinals, best first; unmatched ones in document order.
    pub ranked: Vec<usize>,
    /// Requirement lines, must-have first, then in posting order.
    pub requirements: Vec<RequirementScore>,
    /// What the posting asks in years and degree.
    pub asks: PostingAsks,
    /// Experience verdict, when the posting asks for years.
    pub experience: Option<FactCheck>,
    /// Education verdict, when the posting asks for a degree.
    pub education: Option<FactCheck>,
    /// Occupation verdict, when the posting's title and the résumé's jobs both name one.
    pub occupation: Option<FactCheck>,
}

/// Covered and missing terms of one posting.
struct Coverage {
    /// Weighted share of the terms covered, 0–1, before experience and education.
    base: f32,
    /// Headline fit, 0–1, before experience and education.
    fit: f32,
    credits: Vec<Credit>,
    /// Per term: how it counts among the alternatives offered with it.
    alt: Vec<Alt>,
    matched: Vec<usize>,
    missing: Vec<usize>,
}

/// How a posting term counts, given the alternatives it is offered among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alt {
    /// Asked for: counted in the coverage and the fit, listed as matched or missing.
    Asked,
    /// An alternative already met: every mention offers the term as one of several
    /// ("MySQL, TiDB or MongoDB") and the résumé proves another of the same clause. A
    /// recruiter does not count TiDB as a gap then; neither do coverage and fit.
    Met,
    /// One of several alternatives none of which the résumé proves ("Selenium, Playwright or
    /// Cypress"): the choice is one gap, so only its heaviest term weighs; the others are
    /// still listed as missing.
    Spare,
}

/// How each term of `ap` counts among the alternatives it is offered with: met only where
/// every choice it is offered in is met ("DynamoDB or MongoDB" is still a choice to make
/// when another line's "Lambda, S3 or DynamoDB" is met by Lambda).
fn alternatives(ap: &AnalyzedPosting, credits: &[Credit]) -> Vec<Alt> {
    let mut alt = vec![Alt::Asked; ap.terms.len()];
    // Per term: offered in an unmet choice; the heaviest term of an unmet choice.
    let (mut unmet, mut heaviest) = (vec![false; alt.len()], vec![false; alt.len()]);
    let mut offered = vec![false; alt.len()];
    for group in &ap.alternatives {
        let met = group.iter().any(|&i| credits[i].value > 0.0);
        for &i in group {
            offered[i] = true;
            unmet[i] |= !met;
        }
        // Terms are heaviest first: a group's least index is its heaviest term.
        if let (false, Some(&h)) = (met, group.iter().min()) {
            heaviest[h] = true;
        }
    }
    for (i, a) in alt.iter_mut().enumerate() {
        if !(offered[i] && ap.terms[i].alternative_only && credits[i].value == 0.0) {
            continue;
        }
        *a = match (unmet[i], heaviest[i]) {
            (false, _) => Alt::Met,
            (true, false) => Alt::Spare,
            (true, true) => Alt::Asked,
        };
    }
    alt
}

impl PreparedResume {
    /// How much of a posting term the résumé shows: all of it, some through a related
    /// concept of the lexicon (see [`credit_by_rules`](Self::credit_by_rules) for which and
    /// how much), or none.
    pub fn credit(&self, key: &str) -> Credit {
        if let Some(c) = self.credited.get(key) {
            return c.clone();
        }
        match self.compound_parts(key) {
            Some(part) => Credit {
                value: COMPOUND_CREDIT,
                via: Some(part.to_string()),
            },
            None => Credit {
                value: 0.0,
                via: None,
            },
        }
    }

    /// [`credit`](Self::credit) rule by rule, as the table it reads was made: the term
    /// itself, a narrower concept, the broader one, a sibling, a compound's two words.
    #[cfg(test)]
    fn credit_by_rules(&self, key: &str) -> Credit {
        if self.all_terms.contains(key) {
            return Credit {
                value: 1.0,
                via: None,
            };
        }
        let analyzer = self.analyzer();
        // A narrower concept proves most of a broader one (Langfuse → LLM observability).
        if let Some(n) = self.under.get(key) {
            return Credit {
                value: NARROWER_CREDIT.powi(n.depth as i32),
                via: Some(n.concept.clone()),
            };
        }
        // A broader concept shows some of a narrower one (Kubernetes → Helm).
        if let Some(b) = analyzer
            .broaders(key)
            .iter()
            .find(|b| self.all_terms.contains(*b))
        {
            return Credit {
                value: BROADER_CREDIT,
                via: Some(b.to_string()),
            };
        }
        // A sibling, the same kind of tool (RocketMQ for Kafka, Android for iOS), shows a
        // little of it: what transfers, not what is asked. (Never the term itself: it is
        // not in the résumé, or it would have full credit.)
        if let Some(s) = analyzer
            .broader(key)
            .and_then(|b| {
                self.under
                    .get(b)
                    .filter(|n| analyzer.broader(&n.concept) == Some(b))
            })
            .filter(|n| n.depth == 1)
        {
            return Credit {
                value: SIBLING_CREDIT,
                via: Some(s.concept.clone()),
            };
        }
        if let Some(part) = self.compound_parts(key) {
            return Credit {
                value: COMPOUND_CREDIT,
                via: Some(part.to_string()),
            };
        }
        Credit {
            value: 0.0,
            via: None,
        }
    }

    /// A Chinese compound the résumé writes as its two words ("系统优化" as 系统 and 优化,
    /// "技术架构" as 技术 and 架构): the part it proves least deeply, or `None` when it does
    /// not have both.
    fn compound_parts<'k>(&self, key: &'k str) -> Option<&'k str> {
        if key.chars().count() < 4 || !key.chars().all(crate::analyze::script::is_han) {
            return None;
        }
        key.char_indices()
            .skip(2)
            .filter(|&(i, _)| key[i..].chars().count() >= 2)
            .filter_map(|(i, _)| {
                let (a, b) = key.split_at(i);
                (self.all_terms.contains(a) && self.all_terms.contains(b)).then(|| {
                    if self.evidence.depth(a) <= self.evidence.depth(b) {
                        a
                    } else {
                        b
                    }
                })
            })
            .max_by(|x, y| self.evidence.depth(x).total_cmp(&self.evidence.depth(y)))
    }

    /// Splits weighted posting terms into covered and missing (each must-have first, then
    /// heaviest first), leaving out alternatives already met, and computes the covered
    /// share and the headline fit.
    fn coverage(&self, ap: &AnalyzedPosting) -> Coverage {
        let (credits, alt, fit) = self.credits_and_fit(ap);
        self.coverage_of(ap, credits, alt, fit)
    }

    /// The credit of each term of `ap`, which are alternatives already met, and the fit:
    /// all a posting's upper bound needs, before any list is made.
    fn credits_and_fit(&self, ap: &AnalyzedPosting) -> (Vec<Credit>, Vec<Alt>, f32) {
        let credits: Vec<Credit> = ap.terms.iter().map(|t| self.credit(&t.key)).collect();
        let alt = alternatives(ap, &credits);
        let fit = self.fit(&ap.terms, &credits, &alt);
        (credits, alt, fit)
    }

    /// [`coverage`](Self::coverage) from the credits and fit already computed.
    fn coverage_of(
        &self,
        ap: &AnalyzedPosting,
        credits: Vec<Credit>,
        alt: Vec<Alt>,
        fit: f32,
    ) -> Coverage {
        let terms = &ap.terms;
        let (mut total, mut covered) = (0f32, 0f32);
        // Sort keys computed once: (kind, credit, weight, index).
        let (mut matched, mut missing) = (Vec::new(), Vec::new());
        for (i, (t, c)) in terms.iter().zip(&credits).enumerate() {
            match alt[i] {
                Alt::Met => continue,
                Alt::Spare => {
                    missing.push((t.kind, class_rank(t.class), t.weight, i));
                    continue;
                }
                Alt::Asked => {}
            }
            total += t.weight;
            if c.value > 0.0 {
                covered += t.weight * c.value;
                matched.push((t.kind, class_rank(t.class), c.value, t.weight, i));
            } else {
                missing.push((t.kind, class_rank(t.class), t.weight, i));
            }
        }
        // Must-have first; then in the order the fit counts them (skills, then plain words,
        // then soft skills and degrees), so a list cut short keeps what moves the score;
        // then more credit first; then heavier first.
        matched.sort_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then(b.2.total_cmp(&a.2))
                .then(b.3.total_cmp(&a.3))
        });
        missing.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        Coverage {
            base: if total > 0.0 { covered / total } else { 0.0 },
            fit,
            credits,
            alt,
            matched: matched.into_iter().map(|m| m.4).collect(),
            missing: missing.into_iter().map(|m| m.3).collect(),
        }
    }

    /// The headline fit, 0–1: how well the résumé proves what the posting is about, and
    /// how much of what the résumé proves the role would use, read as a recruiter reads
    /// both.
    ///
    /// - Skills (the lexicon's skills, tools, languages, domains) carry the posting; plain
    ///   words count a little ([`PLAIN_FIT_FACTOR`]); soft skills and foundations not at
    ///   all (every candidate claims them, no bullet proves them).
    /// - Each term counts by its weight in the posting (part, distinctiveness, repetition)
    ///   times how deeply the résumé proves it ([`Evidence`](evidence::Evidence)): several
    ///   recent bullets or a job title prove it, one old mention barely does.
    /// - *Proven share*: the proven weight over the posting's weight plus [`FIT_PRIOR`], so
    ///   a posting naming one or two skills cannot be a strong fit through them alone.
    /// - *Strengths used*: the distinctiveness² of every proven term times its depth,
    ///   summed and saturated at [`STRENGTHS_SCALE`]: a role that uses many of the
    ///   résumé's deep, distinctive strengths uses most of what the candidate is about, while
    ///   a posting matched through two shallow mentions uses little of it.
    /// - The fit is the harmonic mean of the two: high only when both are.
    fn fit(&self, terms: &[PostingTerm], credits: &[Credit], alt: &[Alt]) -> f32 {
        let bg = Background::builtin();
        let (mut proven, mut asked, mut strengths) = (0f32, 0f32, 0f32);
        for (i, t) in terms.iter().enumerate() {
            let factor = match t.class {
                TermClass::Skill => 1.0,
                TermClass::Plain => PLAIN_FIT_FACTOR,
                TermClass::Soft => 0.0,
            };
            if alt[i] != Alt::Asked || factor == 0.0 || t.weight == 0.0 {
                continue;
            }
            let w = t.weight * factor;
            asked += w;
            let c = &credits[i];
            if c.value == 0.0 {
                continue;
            }
            let key = c.via.as_deref().unwrap_or(&t.key);
            let proof = c.value * self.evidence.depth(key);
            proven += w * proof;
            let idf = match t.class {
                TermClass::Skill => bg.idf(key).max(HARD_SKILL_IDF),
                _ => bg.idf(key),
            };
            strengths += factor * proof * idf * idf;
        }
        let share = proven / (asked + FIT_PRIOR);
        let used = 1.0 - (-strengths / STRENGTHS_SCALE).exp();
        if share + used > 0.0 {
            2.0 * share * used / (share + used)
        } else {
            0.0
        }
    }

    /// The experience, education and occupation verdicts for `posting`, with the factor
    /// they apply.
    fn checks(&self, posting: &Posting) -> Checks {
        let asks = asks(posting);
        let experience = if asks.entry_level && self.facts.years >= ENTRY_LEVEL_YEARS {
            Some(check_level(self.facts.years))
        } else {
            asks.years.map(|y| check_years(y, self.facts.years))
        };
        let education = asks.degree.map(|d| check_degree(d, self.facts.degree));
        let occupation = check_occupation(&asks.occupations, &self.facts.occupations);
        let factor = [&experience, &education, &occupation]
            .into_iter()
            .flatten()
            .map(|c| c.factor)
            .product();
        Checks {
            asks,
            experience,
            education,
            occupation,
            factor,
        }
    }

    /// The overall score (unrounded) and the top `limit` matched and missing terms, without
    /// ranking bullets: what batch ranking needs, at a fraction of the cost.
    pub fn quick_score(&self, posting: &Posting, limit: usize) -> QuickScore {
        // No floor: every posting is scored in full.
        self.quick_score_above(posting, limit, f32::NEG_INFINITY)
            .unwrap_or_else(|| unreachable!("no score is below minus infinity"))
    }

    /// [`Self::quick_score`], or `None` when the score is certainly below `floor`: a batch
    /// keeping the top K passes the K-th best score so far, and a posting whose fit alone
    /// cannot reach it skips the experience and degree checks and the term lists. Exact:
    /// the checks only ever lower a score (their factors are at most 1), so the fit is an
    /// upper bound of it (max-score pruning, as search engines skip documents that cannot
    /// enter the top K).
    pub fn quick_score_above(
        &self,
        posting: &Posting,
        limit: usize,
        floor: f32,
    ) -> Option<QuickScore> {
        let ap = analyze_posting(posting, self.analyzer(), Background::builtin(), Lines::Skip);
        let (credits, alt, fit) = self.credits_and_fit(&ap);
        let upper = if ap.has_requirements {
            100.0 * fit
        } else {
            0.0
        };
        // The lists only for a posting that may enter the top K.
        if upper < floor {
            return None;
        }
        let cov = self.coverage_of(&ap, credits, alt, fit);
        let Checks {
            experience,
            education,
            occupation,
            factor,
            ..
        } = self.checks(posting);
        debug_assert!(factor <= 1.0, "a check raised a score: {factor}");
        let surface = |&i: &usize| ap.terms[i].term.clone();
        Some(QuickScore {
            experience: experience.map(|c| c.meets),
            education: education.map(|c| c.meets),
            occupation: occupation.map(|c| c.meets),
            // `upper * factor` is at most `upper` in floating point too (rounding is monotone).
            score: upper * factor,
            coverage: if ap.has_requirements {
                100.0 * cov.base
            } else {
                0.0
            },
            requirements_found: ap.has_requirements,
            matched_count: cov.matched.len(),
            missing_count: cov.missing.len(),
            matched: cov.matched.iter().take(limit).map(surface).collect(),
            missing: cov.missing.iter().take(limit).map(surface).collect(),
        })
    }

    /// The query that ranks bullets, with the posting term each clause stands for: every
    /// posting term at its weight (plain words and soft skills at [`PLAIN_FIT_FACTOR`], as
    /// in the fit), and the related concepts the résumé uses at their credit, so a bullet
    /// naming Prometheus and Loki answers a posting asking for monitoring.
    fn bullet_query(&self, terms: &[PostingTerm]) -> (Vec<(String, f32)>, Vec<usize>) {
        let analyzer = self.analyzer();
        let mut at: rustc_hash::FxHashMap<String, usize> = Default::default();
        let (mut query, mut source): (Vec<(String, f32)>, Vec<usize>) = (Vec::new(), Vec::new());
        // A key reached from several terms keeps its heaviest clause.
        let mut push = |key: &str, w: f32, i: usize| match at.get(key) {
            Some(&q) if query[q].1 >= w => {}
            Some(&q) => {
                query[q].1 = w;
                source[q] = i;
            }
            None => {
                at.insert(key.to_string(), query.len());
                query.push((key.to_string(), w));
                source.push(i);
            }
        };
        for (i, t) in terms.iter().enumerate() {
            let w = query_weight(t);
            push(&t.key, w, i);
            // A narrower concept proves most of a broader one, at every level: a bullet
            // naming the OpenAI API shows LLMs, and so generative AI, a little less each step.
            // A step to a concept's kind, two to what else it is part of.
            for (n, steps) in analyzer.descendants(&t.key, MAX_NARROWER_DEPTH as u32) {
                if self.all_terms.contains(n) {
                    push(n, w * NARROWER_CREDIT.powi(steps as i32), i);
                }
            }
            for b in analyzer.broaders(&t.key) {
                if self.all_terms.contains(b) {
                    push(b, w * BROADER_CREDIT, i);
                }
            }
            if let Some(b) = analyzer.broader(&t.key) {
                // A term is shown a little by the same kind of tool (Azure or GCP for AWS), so
                // the bullets that use one answer it. Unlike the coverage (`credit`), this does
                // not wait for the résumé to lack the term: whether a bullet shows the kind of
                // tool does not depend on another bullet naming the exact one, which still
                // ranks above it.
                for s in analyzer.narrower(b) {
                    if s != &t.key && analyzer.broader(s) == Some(b) && self.all_terms.contains(s) {
                        push(s, w * SIBLING_CREDIT, i);
                    }
                }
            }
        }
        (query, source)
    }

    /// Explains one bullet's score for `posting`: each posting term it contains, with its
    /// weight and its contribution to the bullet's BM25 score. `None` if no bullet has `id`
    /// (group headings are not scored: only leaf bullets have explanations).
    pub fn explain(&self, posting: &Posting, id: &str) -> Result<Option<BulletExplanation>> {
        let Some(ord) = self.bullets.iter().position(|l| l.id == id) else {
            return Ok(None);
        };
        let terms =
            analyze_posting(posting, self.analyzer(), Background::builtin(), Lines::Skip).terms;
        let (query, source) = self.bullet_query(&terms);
        let leaf = &self.bullets[ord];
        let job = job_factor(&terms, &leaf.job_terms);
        // Per posting term: its own clause and those of its related concepts; the job-title
        // factor on what the bullet says, not on its role line's credit (as `score`).
        let mut by_term: Vec<f32> = vec![0.0; terms.len()];
        for (q, c) in self.index.explain(&query, ord, CONTEXT_CREDIT)? {
            by_term[source[q]] += c * leaf.prior;
        }
        for (q, c) in self.index.explain(&query, ord, 0.0)? {
            by_term[source[q]] += c * leaf.prior * (job - 1.0);
        }
        let mut contributions: Vec<(usize, f32)> = by_term
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0.0)
            .collect();
        contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
        let score: f32 = contributions.iter().map(|c| c.1).sum();
        Ok(Some(BulletExplanation {
            id: leaf.id.clone(),
            text: leaf.text.clone(),
            prior: leaf.prior,
            job: report::round(job, 4),
            score: report::round(score, 4),
            terms: contributions
                .into_iter()
                .map(|(i, c)| TermContribution {
                    term: terms[i].term.clone(),
                    key: terms[i].key.clone(),
                    kind: terms[i].kind,
                    weight: report::round(terms[i].weight, 3),
                    contribution: report::round(c, 4),
                })
                .collect(),
        }))
    }

    /// Scores a posting against the résumé.
    pub fn score(&self, posting: &Posting) -> Result<Scoring> {
        let analyzed =
            analyze_posting(posting, self.analyzer(), Background::builtin(), Lines::Keep);
        let terms = &analyzed.terms;
        let (query, _) = self.bullet_query(terms);
        let mut bullet_relevance = vec![0f32; self.bullets.len()];
        for (ord, s) in self.index.search(&query, CONTEXT_CREDIT)? {
            if let (Some(r), Some(leaf)) = (bullet_relevance.get_mut(ord), self.bullets.get(ord)) {
                *r = s * leaf.prior;
            }
        }
        // The job-title factor multiplies what the bullet itself says, not the credit its
        // role line lends it: a line that says nothing the posting asks keeps only that credit.
        let mut bullet_scores = bullet_relevance.clone();
        for (ord, own) in self.index.search(&query, 0.0)? {
            if let (Some(b), Some(leaf)) = (bullet_scores.get_mut(ord), self.bullets.get(ord)) {
                *b += own * leaf.prior * (job_factor(terms, &leaf.job_terms) - 1.0);
            }
        }
        // Leaf ordinals best first; unmatched ones keep document order.
        let mut ranked: Vec<usize> = (0..self.bullets.len()).collect();
        ranked.sort_by(|&a, &b| {
            bullet_scores[b]
                .total_cmp(&bullet_scores[a])
                .then(a.cmp(&b))
        });
        let cov = self.coverage(&analyzed);
        let Checks {
            asks,
            experience,
            education,
            occupation,
            factor,
        } = self.checks(posting);

        let mut requirements = Vec::new();
        // A line the posting repeats word for word (a paragraph pasted twice) is one
        // requirement, listed once.
        let mut listed: HashSet<&str> = HashSet::default();
        for l in &analyzed.lines {
            if !listed.insert(posting.lines[l.line].text.as_str()) {
                continue;
            }
            let (mut total, mut covered) = (0f32, 0f32);
            let (mut matched, mut missing) = (Vec::new(), Vec::new());
            for (i, range) in &l.terms {
                match cov.alt[*i] {
                    Alt::Met => continue,
                    Alt::Spare => {
                        missing.push(range.clone());
                        continue;
                    }
                    Alt::Asked => {}
                }
                let (t, credit) = (&terms[*i], &cov.credits[*i]);
                total += t.weight;
                if credit.value > 0.0 {
                    covered += t.weight * credit.value;
                    matched.push((*i, range.clone()));
                } else {
                    missing.push(range.clone());
                }
            }
            // The keys that earned credit: the term's own, or the related concept in the résumé.
            let keys: HashSet<&str> = matched
                .iter()
                .map(|&(i, _)| cov.credits[i].via.as_deref().unwrap_or(&terms[i].key))
                .collect();
            let proving = ranked
                .iter()
                .copied()
                .filter(|&o| {
                    bullet_scores[o] > 0.0
                        && self.bullets[o]
                            .terms
                            .iter()
                            .any(|t| keys.contains(t.as_str()))
                })
                .collect();
            requirements.push(RequirementScore {
                kind: l.kind,
                line: l.line,
                weight: total,
                coverage: covered / total,
                matched,
                missing,
                proving,
            });
        }
        requirements.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.line.cmp(&b.line)));
        // Never a score from the title alone: with no requirement found there is nothing
        // to match the résumé against.
        let (score, coverage) = if analyzed.has_requirements {
            (100.0 * cov.fit * factor, 100.0 * cov.base)
        } else {
            (0.0, 0.0)
        };
        Ok(Scoring {
            score,
            coverage,
            credits: cov.credits,
            matched: cov.matched,
            missing: cov.missing,
            analyzed,
            bullet_scores,
            bullet_relevance,
            ranked,
            requirements,
            asks,
            experience,
            education,
            occupation,
        })
    }
}

/// What [`PreparedResume::checks`] finds: the asks, each verdict, and the factor they apply
/// together.
struct Checks {
    asks: PostingAsks,
    experience: Option<FactCheck>,
    education: Option<FactCheck>,
    occupation: Option<FactCheck>,
    factor: f32,
}

impl Scoring {
    /// The keys to highlight in bullets: the matched terms, with the narrower and broader
    /// concepts that earn them credit, so a bullet saying "Helm" lights up for a posting
    /// asking for Kubernetes, and the concept that earned a term its credit at any distance
    /// (a sibling, a concept levels below).
    pub fn highlight_keys(&self, prepared: &PreparedResume) -> HashSet<String> {
        let analyzer = prepared.analyzer();
        let mut keys = HashSet::default();
        for &i in &self.matched {
            let key = &self.analyzed.terms[i].key;
            keys.insert(key.clone());
            keys.extend(analyzer.narrower(key).iter().cloned());
            keys.extend(analyzer.broaders(key).iter().cloned());
            // A lexicon concept only: a compound's credit comes through a plain word (系统),
            // which would light up everywhere.
            if let Some(via) = self.credits[i].via.as_deref() {
                if analyzer.concept(via).is_some() {
                    keys.insert(via.to_string());
                }
            }
        }
        keys
    }
}

/// Where a class of term comes in the matched and missing lists: skills carry the fit,
/// plain words count a little, soft skills and degrees not at all.
fn class_rank(class: TermClass) -> u8 {
    match class {
        TermClass::Skill => 0,
        TermClass::Plain => 1,
        TermClass::Soft => 2,
    }
}

/// How much more a bullet counts for the job it was written in: 1 plus [`JOB_TITLE_BOOST`]
/// times the share of the posting title's weight (as the bullets are queried) that the
/// job's role line names. 1 for a posting without a title term and for a job without a
/// title. The share is of at least a known skill's least weight in a title: a title of
/// near-generic words ("Software Engineer", where Software weighs 0.03) says little of
/// what the job is, and a job naming them earns little for it.
fn job_factor(terms: &[PostingTerm], job_terms: &HashSet<String>) -> f32 {
    if job_terms.is_empty() {
        return 1.0;
    }
    let (mut named, mut total) = (0f32, 0f32);
    for t in terms.iter().filter(|t| t.in_title) {
        let w = query_weight(t);
        total += w;
        if job_terms.contains(&t.key) {
            named += w;
        }
    }
    let least = tunables::part_weight(crate::model::Part::Title) * HARD_SKILL_IDF * HARD_SKILL_IDF;
    1.0 + JOB_TITLE_BOOST * named / total.max(least)
}

/// A posting term's weight in the bullet query: its weight, plain words and soft skills at
/// [`PLAIN_FIT_FACTOR`] of it, as in the fit.
fn query_weight(t: &PostingTerm) -> f32 {
    match t.class {
        TermClass::Skill => t.weight,
        TermClass::Plain | TermClass::Soft => t.weight * PLAIN_FIT_FACTOR,
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{prepare_text, ResumeOptions};
    use std::path::Path;

    #[test]
    fn a_job_counts_by_the_share_of_the_posting_title_its_role_line_names() {
        use super::{job_factor, PostingTerm, TermClass};
        use crate::model::ReqKind;
        let term = |key: &str, weight: f32, in_title: bool| PostingTerm {
            key: key.into(),
            term: key.into(),
            weight,
            kind: ReqKind::Must,
            class: TermClass::Skill,
            alternative_only: false,
            in_title,
        };
        let terms = [
            term("java", 0.6, true),
            term("payment", 0.2, true),
            term("kafka", 0.5, false),
        ];
        let job = |keys: &[&str]| job_factor(&terms, &keys.iter().map(|k| k.to_string()).collect());
        assert!((job(&["java", "backend"]) - 1.75).abs() < 1e-6);
        assert!((job(&["java", "payment"]) - 2.0).abs() < 1e-6);
        // A body skill in the role line is no title match; no role line, no factor.
        assert_eq!(job(&["kafka"]), 1.0);
        assert_eq!(job(&[]), 1.0);
        // A title of near-generic words is worth little to name: its share is of a known
        // skill's least weight in a title (1.5 × 0.6²).
        let generic = [term("softwar", 0.03, true)];
        let named = job_factor(&generic, &["softwar".to_string()].into_iter().collect());
        assert!((named - (1.0 + 0.03 / 0.54)).abs() < 1e-4, "{named}");
        // A posting whose title names nothing that weighs leaves every job at 1.
        assert_eq!(
            job_factor(&terms[2..], &["kafka".to_string()].into_iter().collect()),
            1.0
        );
    }

    #[test]
    fn the_job_title_factor_multiplies_what_a_bullet_says_not_its_role_lines_credit() {
        let resume = "# Lin Test\n\n## Experience\n\n### Acme Payments\nBackend Engineer, Java\n2019.03 - 2024.01\n- Ran the order pipeline on Kafka\n- Organised the office summer party for 120 people\n";
        let posting = crate::parse::posting::parse(
            "Senior Java Engineer\n\nRequirements\n- 3+ years running Kafka in production\n- Java\n",
        );
        let p = prepare_text(Path::new("cv.md"), resume, &ResumeOptions::default()).unwrap();
        let s = p.score(&posting).unwrap();
        let (kafka, party) = (0, 1);
        // The party line earns only its role line's credit for Java: not doubled.
        assert!(s.bullet_relevance[party] > 0.0);
        assert_eq!(s.bullet_scores[party], s.bullet_relevance[party]);
        // The Kafka line's own words count twice: its job's title names the posting's.
        assert!(
            s.bullet_scores[kafka] > 1.5 * s.bullet_relevance[kafka],
            "{:?} {:?}",
            s.bullet_scores,
            s.bullet_relevance
        );
    }

    #[test]
    fn a_bullet_building_middleware_answers_a_backend_posting() {
        // Middleware (a traffic-scheduling layer, a message queue) is server-side work: a posting for a
        // 服务端 (backend) architect is answered by the bullet that built it, over one that
        // names nothing the posting asks. The job's role line names nothing either.
        let resume = "张三\n\n工作经历\n某公司, 工程师, 2019 - 2024\n- 负责基于 HSF 的流量调度中间件。\n- 组织部门年会与团建活动。\n";
        let p = prepare_text(Path::new("r.txt"), resume, &ResumeOptions::default()).unwrap();
        let posting =
            crate::parse::posting::parse("服务端架构师\n\n任职要求\n1. 7 年以上研发经验。\n");
        let s = p.score(&posting).unwrap();
        let (middleware, party) = (0, 1);
        assert!(s.bullet_scores[middleware] > 0.0, "{:?}", s.bullet_scores);
        assert_eq!(s.bullet_scores[party], 0.0, "{:?}", s.bullet_scores);
    }

    #[test]
    fn a_bullet_written_twice_scores_as_written_once() {
        // Copies of a bullet had raised the score (16 against 12 without them).
        let head = "Jane Doe\n\nExperience\nAcme, Senior SRE, 2019 - 2024\n- Ran Kubernetes clusters for 40 teams.\n- Wrote Terraform for AWS.\n";
        let copies = format!(
            "{head}- Ran Kubernetes clusters for 40 teams.\n- ran  Kubernetes clusters for 40 teams.\n"
        );
        let posting = crate::parse::posting::parse(
            "Platform Engineer\n\nRequirements\n- Strong experience with Kubernetes and Terraform\n- Prometheus and Go\n",
        );
        let score = |text: &str| {
            let p = prepare_text(Path::new("r.txt"), text, &ResumeOptions::default()).unwrap();
            let s = p.score(&posting).unwrap();
            // Only the first copy ranks.
            let ranked = s
                .ranked
                .iter()
                .filter(|&&o| s.bullet_scores[o] > 0.0)
                .count();
            (s.score, ranked)
        };
        let (once, ranked_once) = score(head);
        let (twice, ranked_twice) = score(&copies);
        assert!(once > 0.0);
        assert_eq!(once, twice);
        assert_eq!((ranked_once, ranked_twice), (2, 2));
    }

    #[test]
    fn a_line_the_posting_repeats_is_one_requirement() {
        let resume = "Jane Doe\n\nExperience\nAcme, Senior SRE, 2019 - 2024\n- Ran Kubernetes clusters for 40 teams.\n";
        let p = prepare_text(Path::new("r.txt"), resume, &ResumeOptions::default()).unwrap();
        let posting = crate::parse::posting::parse(
            "SRE\n\nRequirements\n- Kubernetes and Terraform at scale\n- Go\n- Kubernetes and Terraform at scale\n",
        );
        let s = p.score(&posting).unwrap();
        let lines: Vec<usize> = s.requirements.iter().map(|r| r.line).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
    }

    #[test]
    fn a_term_written_inside_a_longer_one_is_proven_by_it() {
        // "流量调度" (traffic scheduling) is one lexicon term; a posting asking for 调度
        // (scheduling) is answered by the bullet that says it, and only by that one.
        let resume = "张三\n\n工作经历\n某公司, 后端工程师, 2019 - 2024\n- 负责流量调度中间件, 支撑核心应用。\n- 负责报表前端页面开发。\n";
        let p = prepare_text(Path::new("r.txt"), resume, &ResumeOptions::default()).unwrap();
        let posting =
            crate::parse::posting::parse("调度平台工程师\n\n任职要求\n1. 熟悉调度系统的设计。\n");
        let s = p.score(&posting).unwrap();
        let terms = &s.analyzed.terms;
        let at = terms.iter().position(|t| t.key == "调度").unwrap();
        assert!(s.matched.contains(&at), "调度 is matched");
        assert!(s.bullet_scores[0] > 0.0);
        assert_eq!(s.bullet_scores[1], 0.0);
    }

    #[test]
    fn invisible_characters_inside_skill_names_change_nothing() {
        // Text copied from a web page carries zero-width spaces and soft hyphens; they cut
        // "Kubernetes" into fragments that the résumé never matched.
        let resume = "Jane Doe\n\nExperience\nAcme, Senior SRE, 2019 - 2024\n- Ran Kubernetes and Kafka for 40 teams.\n- Wrote Java services.\n";
        let p = prepare_text(Path::new("r.txt"), resume, &ResumeOptions::default()).unwrap();
        let score = |req: &str| {
            let posting = crate::parse::posting::parse(&format!(
                "Platform Engineer\n\nRequirements\n- {req}\n"
            ));
            p.score(&posting).unwrap().score
        };
        let plain = score("Kubernetes, Kafka and Java");
        assert!(plain > 0.0);
        assert_eq!(
            score("Kube\u{200b}rnetes, Ka\u{200d}fka and Ja\u{ad}va"),
            plain
        );
    }

    #[test]
    fn matched_and_missing_lists_put_skills_before_plain_words() {
        let resume = "Jane Doe\n\nExperience\nAcme, Backend Engineer, 2019 - 2024\n- Built payment services in Go on Kubernetes.\n";
        let p = prepare_text(Path::new("r.txt"), resume, &ResumeOptions::default()).unwrap();
        // Rare plain words ("shopper", "seasoned") outweigh the skills in the posting, but
        // the fit counts skills fully and plain words a little: skills lead each list.
        let posting = crate::parse::posting::parse(
            "Backend Engineer\n\nRequirements\n- A seasoned engineer who unlocks shopper data for merchants.\n- Experience with Go, Kubernetes, Terraform and PostgreSQL.\n",
        );
        let s = p.score(&posting).unwrap();
        let terms = &s.analyzed.terms;
        let class = |i: &usize| terms[*i].class;
        for list in [&s.matched, &s.missing] {
            let first_plain = list
                .iter()
                .position(|i| class(i) != super::TermClass::Skill);
            let last_skill = list
                .iter()
                .rposition(|i| class(i) == super::TermClass::Skill);
            if let (Some(plain), Some(skill)) = (first_plain, last_skill) {
                assert!(
                    skill < plain,
                    "{:?}",
                    list.iter().map(|&i| &terms[i].term).collect::<Vec<_>>()
                );
            }
        }
        let missing: Vec<&str> = s.missing.iter().map(|&i| terms[i].term.as_str()).collect();
        assert!(missing[..2].contains(&"Terraform"), "{missing:?}");
        assert!(missing.contains(&"shopper"), "{missing:?}");
    }

    #[test]
    fn the_credit_table_gives_what_the_rules_give() {
        for (name, text) in [
            ("resume-zh.txt", include_str!("../../corpus/resume-zh.txt")),
            (
                "frontend-en.md",
                include_str!("../../corpus/frontend-en.md"),
            ),
            (
                "backend-en.txt",
                include_str!("../../corpus/backend-en.txt"),
            ),
        ] {
            let p = prepare_text(Path::new(name), text, &ResumeOptions::default()).unwrap();
            let analyzer = p.analyzer().clone();
            // Every concept of the lexicon, every term of the résumé, words outside both and
            // Chinese compounds of the résumé's words.
            let mut keys: Vec<String> = analyzer
                .lexicon()
                .concepts
                .iter()
                .map(|c| c.token.clone())
                .chain(p.all_terms.iter().cloned())
                .chain(["kubernetes", "payments", "系统优化", "技术架构", "的"].map(String::from))
                .collect();
            let han: Vec<&String> = p
                .all_terms
                .iter()
                .filter(|t| t.chars().count() == 2 && t.chars().all(crate::analyze::script::is_han))
                .take(40)
                .collect();
            for a in &han {
                for b in &han {
                    keys.push(format!("{a}{b}"));
                }
            }
            let mut partial = 0;
            for k in &keys {
                let c = p.credit(k);
                assert_eq!(c, p.credit_by_rules(k), "{name}: {k}");
                partial += usize::from(c.value > 0.0 && c.value < 1.0);
            }
            assert!(partial > 10, "{name}: only {partial} partial credits");
        }
    }
}
