//! The prepared résumé: parsed, every bullet analysed once, indexed, and its facts read. A
//! leaf bullet's terms are its own and its group headings' ("AiInfra ——打造 LLM 应用基础设施"
//! over "MLOps 平台: …"): one definition, shared by the index, the scores and the matched terms.

use super::evidence::{recency, Evidence};
use super::requirements::facts;
use super::tunables::{
    BROADER_CREDIT, MAX_NARROWER_DEPTH, NARROWER_CREDIT, OTHER_SECTION_PRIOR, SIBLING_CREDIT,
};
use crate::analyze::{Analyzer, Token, TokenKind};
use crate::error::Result;
use crate::index::{BulletIndex, IndexDoc, IndexMeta};
use crate::model::{Bullet, Credit, Resume, ResumeFacts, YearMonth};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use tantivy::tokenizer::PreTokenizedString;

/// What the scorer knows about one leaf bullet.
#[derive(Debug, Clone)]
pub struct PreparedBullet {
    /// Bullet id.
    pub id: String,
    /// Verbatim text.
    pub text: String,
    /// Section index.
    pub section: usize,
    /// Entry index.
    pub entry: usize,
    /// Distinct analyzed terms of the bullet and of its group headings (as indexed).
    pub terms: HashSet<String>,
    /// Those of the bullet's own text: what it shows as matched (a term of its group
    /// heading alone is shown as the heading's).
    pub own_terms: HashSet<String>,
    /// Distinct analyzed terms of its job's role line, when the bullet has no group heading
    /// (indexed as its context).
    pub role_terms: HashSet<String>,
    /// Distinct analyzed terms of its job's role line (its heading when it has none),
    /// whatever its group headings: what the job was, weighed against the posting's title.
    pub job_terms: HashSet<String>,
    /// Multiplier on the bullet's BM25 score: in experience and project sections the job's
    /// recency (1 for the last few years, less for older jobs), elsewhere less (a skills
    /// list is dense in keywords but weak evidence).
    pub prior: f32,
}

/// The résumé's text analysed once: leaf bullets with their terms, the tokens of every
/// bullet (for highlighting), every term anywhere, and the documents to index.
#[derive(Debug)]
pub struct AnalyzedResume {
    bullets: Vec<PreparedBullet>,
    tokens: HashMap<String, Vec<Token>>,
    /// Each bullet's tokens with the words its lexicon terms are written with
    /// ([`Analyzer::parts_of`]): what is indexed and counted as evidence.
    indexed: HashMap<String, Vec<Token>>,
    all_terms: HashSet<String>,
    docs: Vec<IndexDoc>,
}

impl AnalyzedResume {
    /// Analyses each bullet (groups and leaves) and every other text of `resume` once.
    pub fn new(resume: &Resume, analyzer: &Analyzer) -> AnalyzedResume {
        let mut tokens: HashMap<String, Vec<Token>> = HashMap::default();
        let mut indexed: HashMap<String, Vec<Token>> = HashMap::default();
        let mut all_terms: HashSet<String> = HashSet::default();
        for b in resume.all_bullets() {
            let mut with_parts = Vec::new();
            analyzer.for_each_token_and_part(&b.text, &mut |t| with_parts.push(t.to_token()));
            all_terms.extend(with_parts.iter().map(|t| t.text.clone()));
            // What is shown and highlighted: the tokens as written, not the parts inside
            // their terms' spans.
            let shown = with_parts
                .iter()
                .filter(|t| t.kind != TokenKind::Part)
                .cloned()
                .collect();
            tokens.insert(b.id.clone(), shown);
            indexed.insert(b.id.clone(), with_parts);
        }
        // Every other text (name, titles, organisations, notes, headings) counts for
        // coverage, not for bullet scores.
        for t in resume.text_outside_bullets() {
            analyzer.for_each_token_and_part(t, &mut |tok| {
                if !all_terms.contains(tok.text) {
                    all_terms.insert(tok.text.to_string());
                }
            });
        }
        let (mut bullets, mut docs) = (Vec::new(), Vec::new());
        // Each entry's role line and the terms that say what the job was, analysed once for
        // all its bullets.
        let mut jobs: HashMap<(usize, usize), (Option<PreTokenizedString>, HashSet<String>)> =
            HashMap::default();
        // A bullet written twice proves nothing more: its copies score nothing.
        let mut texts: HashSet<String> = HashSet::default();
        for leaf in resume.leaves() {
            let copy = !texts.insert(leaf.bullet.text_key());
            let chain: Vec<&Bullet> = leaf.groups.iter().copied().chain([leaf.bullet]).collect();
            let terms = chain
                .iter()
                .flat_map(|b| indexed[&b.id].iter().map(|t| t.text.clone()))
                .collect();
            let own_terms = indexed[&leaf.bullet.id]
                .iter()
                .map(|t| t.text.clone())
                .collect();
            let (role, job_terms) = jobs.entry((leaf.section, leaf.entry)).or_insert_with(|| {
                let entry = &resume.sections[leaf.section].entries[leaf.entry];
                let role = entry.title.as_deref().map(|r| context(r, analyzer));
                // An entry with no title line: its heading ("Senior Java Engineer, Acme
                // Corp") is all that says what the job was.
                let job_terms = match &role {
                    Some(c) => c.tokens.iter().map(|t| t.text.clone()).collect(),
                    None => entry
                        .organisation
                        .as_deref()
                        .map(|o| {
                            context(o, analyzer)
                                .tokens
                                .into_iter()
                                .map(|t| t.text)
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                (role, job_terms)
            });
            let job_terms = job_terms.clone();
            // A bullet under no group heading is read in the context of its job's role line.
            let context = if leaf.groups.is_empty() {
                role.clone()
            } else {
                None
            };
            let role_terms = context
                .iter()
                .flat_map(|c| c.tokens.iter().map(|t| t.text.clone()))
                .collect();
            docs.push(IndexDoc {
                id: leaf.bullet.id.clone(),
                section: leaf.section,
                entry: leaf.entry,
                tokens: pre_tokenized(&chain, &indexed),
                context,
            });
            bullets.push(PreparedBullet {
                id: leaf.bullet.id.clone(),
                text: leaf.bullet.text.clone(),
                section: leaf.section,
                entry: leaf.entry,
                terms,
                own_terms,
                role_terms,
                job_terms,
                prior: if copy {
                    0.0
                } else if resume.sections[leaf.section].kind.is_work() {
                    1.0
                } else {
                    OTHER_SECTION_PRIOR
                },
            });
        }
        AnalyzedResume {
            bullets,
            tokens,
            indexed,
            all_terms,
            docs,
        }
    }

    /// The leaf bullets as documents for the index.
    pub fn index_docs(&self) -> &[IndexDoc] {
        &self.docs
    }
}

/// The group headings and the bullet joined by newlines, with their tokens at the joined
/// offsets and consecutive positions.
fn pre_tokenized(chain: &[&Bullet], tokens: &HashMap<String, Vec<Token>>) -> PreTokenizedString {
    let mut text = String::new();
    let mut out = Vec::new();
    for b in chain {
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        text.push_str(&b.text);
        for t in &tokens[&b.id] {
            out.push(tantivy::tokenizer::Token {
                offset_from: base + t.start,
                offset_to: base + t.end,
                position: out.len(),
                text: t.text.clone(),
                position_length: 1,
            });
        }
    }
    PreTokenizedString { text, tokens: out }
}

/// A role line and its tokens, for the index's context field.
fn context(role: &str, analyzer: &Analyzer) -> PreTokenizedString {
    let mut read = Vec::new();
    analyzer.for_each_token_and_part(role, &mut |t| read.push(t.to_token()));
    let tokens = read
        .into_iter()
        .enumerate()
        .map(|(position, t)| tantivy::tokenizer::Token {
            offset_from: t.start,
            offset_to: t.end,
            position,
            text: t.text,
            position_length: 1,
        })
        .collect();
    PreTokenizedString {
        text: role.to_string(),
        tokens,
    }
}

/// A narrower concept the résumé has, and how many levels below the broader one it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrower {
    /// The narrower concept's token.
    pub concept: String,
    /// 1 for a concept directly under the broader one, 2 for one under that, and so on.
    pub depth: u32,
}

/// Concept → the nearest of its narrower concepts that `terms` has: a direct narrower
/// concept first (the first in the lexicon's order); when there is none, one from the level
/// below, and so on down to [`MAX_NARROWER_DEPTH`] levels (ties at a level by name, so the
/// result never depends on the order `terms` is walked in). The OpenAI API proves large
/// language models, and so generative AI.
fn under(terms: &HashSet<String>, analyzer: &Analyzer) -> HashMap<String, Narrower> {
    let mut out: HashMap<String, Narrower> = HashMap::default();
    for t in terms {
        // Every broader concept: a step to its kind, two to what else it is part of (full
        // stack proves frontend work more than backend work).
        for (b, depth) in analyzer.ancestors(t, MAX_NARROWER_DEPTH as u32) {
            // Of the résumé's concepts right under it, one of its kind first (a sibling of
            // the posting's term is one of that kind).
            let direct = analyzer.narrower(b).iter().filter(|n| terms.contains(*n));
            let nearest = match direct.clone().find(|n| analyzer.broader(n) == Some(b)) {
                Some(n) => Some((n, 1)),
                None => direct.clone().next().map(|n| (n, 2)),
            };
            let candidate = match nearest {
                Some((n, d)) if d <= depth => Narrower {
                    concept: n.clone(),
                    depth: d,
                },
                _ => Narrower {
                    concept: t.clone(),
                    depth,
                },
            };
            match out.get(b) {
                Some(have)
                    if (have.depth, &have.concept) <= (candidate.depth, &candidate.concept) => {}
                _ => {
                    out.insert(b.to_string(), candidate);
                }
            }
        }
    }
    out
}

/// The credit of every term the résumé `terms` earns any for by the lexicon's relations, in
/// the order of precedence [`PreparedResume::credit`] gives them: the term itself, a narrower
/// concept in the résumé, its broader concept, a sibling. (Chinese compounds written as two
/// words are found when asked.)
fn credited(
    terms: &HashSet<String>,
    under: &HashMap<String, Narrower>,
    analyzer: &Analyzer,
) -> HashMap<String, Credit> {
    let mut out: HashMap<String, Credit> = HashMap::default();
    let mut credit = |key: &str, value: f32, via: Option<&str>| {
        out.entry(key.to_string()).or_insert_with(|| Credit {
            value,
            via: via.map(str::to_string),
        });
    };
    for t in terms {
        credit(t, 1.0, None);
    }
    for (b, n) in under {
        credit(b, NARROWER_CREDIT.powi(n.depth as i32), Some(&n.concept));
    }
    // Through its first broader concept the résumé has, kind first, whatever order the
    // résumé's terms are walked in.
    let below: HashSet<&String> = terms.iter().flat_map(|b| analyzer.narrower(b)).collect();
    for n in below {
        if let Some(b) = analyzer.broaders(n).iter().find(|b| terms.contains(*b)) {
            credit(n, BROADER_CREDIT, Some(b));
        }
    }
    // Siblings are concepts of one kind (their first broader concept): Kafka and RocketMQ,
    // never Azure Functions and Azure OpenAI, which share only their vendor.
    for (b, s) in under.iter().filter(|(_, s)| s.depth == 1) {
        if analyzer.broader(&s.concept) != Some(b.as_str()) {
            continue;
        }
        for n in analyzer.narrower(b) {
            if analyzer.broader(n) == Some(b.as_str()) {
                credit(n, SIBLING_CREDIT, Some(&s.concept));
            }
        }
    }
    out
}

/// Where the bullet index lives.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexPlace<'a> {
    /// Built in RAM for this run.
    Memory,
    /// Persisted in a folder: reused while the résumé is unchanged (see
    /// [`BulletIndex::open_or_build`]).
    Dir(&'a Path, IndexMeta),
}

/// The résumé prepared for matching: parsed, analysed and indexed once.
pub struct PreparedResume {
    /// The résumé.
    pub resume: Resume,
    /// Leaf bullets in document order (ordinal = index).
    pub bullets: Vec<PreparedBullet>,
    /// Every term anywhere in the résumé (bullets, titles, skills, notes).
    pub all_terms: HashSet<String>,
    /// For each lexicon concept with a narrower concept in the résumé, the nearest such one
    /// (first in the lexicon's order) and how many levels below it is (read once: partial
    /// credit looks it up for every term).
    pub under: HashMap<String, Narrower>,
    /// Every term the résumé earns credit for, itself or through the lexicon's relations,
    /// with that credit (read once: batch asks for every term of every posting, most of
    /// which earn none, and one lookup answers that).
    pub(crate) credited: HashMap<String, Credit>,
    /// Years of experience and highest degree, read once.
    pub facts: ResumeFacts,
    /// How deeply the résumé proves each term, read once.
    pub evidence: Evidence,
    tokens: HashMap<String, Vec<Token>>,
    pub(crate) index: BulletIndex,
    analyzer: Arc<Analyzer>,
}

impl std::fmt::Debug for PreparedResume {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedResume")
            .field("bullets", &self.bullets.len())
            .finish()
    }
}

impl PreparedResume {
    /// Analyses and indexes `resume`; "present" in its dates stands for `as_of`.
    pub fn new(
        resume: Resume,
        analyzer: Arc<Analyzer>,
        place: IndexPlace<'_>,
        as_of: YearMonth,
    ) -> Result<PreparedResume> {
        let mut analyzed = AnalyzedResume::new(&resume, &analyzer);
        // Recent proof first: a bullet counts by how recent its job is, as evidence does.
        for b in &mut analyzed.bullets {
            let section = &resume.sections[b.section];
            if section.kind.is_work() {
                b.prior *= recency(&section.entries[b.entry], as_of);
            }
        }
        let index = match place {
            IndexPlace::Memory => BulletIndex::in_ram(analyzed.index_docs(), &analyzer)?,
            IndexPlace::Dir(dir, meta) => {
                BulletIndex::open_or_build(analyzed.index_docs(), &meta, dir, &analyzer)?
            }
        };
        let under = under(&analyzed.all_terms, &analyzer);
        let credited = credited(&analyzed.all_terms, &under, &analyzer);
        Ok(PreparedResume {
            facts: facts(&resume, as_of),
            evidence: Evidence::new(&resume, &analyzer, &analyzed.indexed, as_of),
            resume,
            bullets: analyzed.bullets,
            under,
            credited,
            all_terms: analyzed.all_terms,
            tokens: analyzed.tokens,
            index,
            analyzer,
        })
    }

    /// Why a persisted index could not be used or rebuilt, when it was built in RAM instead.
    pub fn index_note(&self) -> Option<&str> {
        self.index.note.as_deref()
    }

    /// The analyzer in use.
    pub fn analyzer(&self) -> &Arc<Analyzer> {
        &self.analyzer
    }

    /// Byte ranges of bullet `id`'s text (a group heading or a leaf) whose terms are in
    /// `keys`, merged and in order, from the one analysis done when preparing.
    pub fn ranges(&self, id: &str, keys: &HashSet<String>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for t in self.tokens.get(id).map_or(&[][..], Vec::as_slice) {
            if !keys.contains(&t.text) {
                continue;
            }
            match out.last_mut() {
                Some(last) if t.start <= last.end => last.end = last.end.max(t.end),
                _ => out.push(t.start..t.end),
            }
        }
        out
    }
}
