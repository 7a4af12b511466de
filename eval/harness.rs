//! Evaluation against the labelled development set in `eval/`: nDCG@5 for ranking a
//! résumé's bullets for a posting, nDCG@20 for ranking postings for a résumé, for jdfit and
//! for a plain BM25 baseline (same segmentation, no lexicon, no weighting).

use jdfit::analyze::lexicon::Lexicon;
use jdfit::analyze::Analyzer;
use jdfit::index::BulletIndex;
use jdfit::model::{Bullet, Entry, Resume, Section, SectionKind};
use jdfit::parse::{self, posting};
use jdfit::pipeline::{self, ResumeOptions};
use jdfit::score::{AnalyzedResume, PreparedResume};
use jdfit::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

/// The labels: posting fit per résumé, and graded bullet relevance per posting.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// (posting, résumé) → fit 0/1/2.
    pub fit: BTreeMap<(String, String), u8>,
    /// (posting, résumé) → bullet id → grade 0–3.
    pub relevance: BTreeMap<(String, String), HashMap<String, u8>>,
}

fn read_tsv(path: &Path, columns: usize) -> Result<Vec<Vec<String>>> {
    let text = parse::read_text(path)?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(|s| s.trim().to_string()).collect();
        if f.len() != columns {
            return Err(Error::parse(
                path,
                Some(n + 1),
                format!("expected {columns} tab-separated fields, found {}", f.len()),
            ));
        }
        rows.push(f);
    }
    Ok(rows)
}

fn grade(path: &Path, line: usize, s: &str, max: u8) -> Result<u8> {
    s.parse::<u8>()
        .ok()
        .filter(|g| *g <= max)
        .ok_or_else(|| Error::parse(path, Some(line), format!("label `{s}` is not 0–{max}")))
}

/// Reads `fit.tsv` and `relevance.tsv` from `dir`.
pub fn load_labels(dir: &Path) -> Result<Labels> {
    let mut labels = Labels::default();
    let fit = dir.join("fit.tsv");
    for (i, r) in read_tsv(&fit, 3)?.into_iter().enumerate() {
        let g = grade(&fit, i + 2, &r[2], 2)?;
        labels.fit.insert((r[0].clone(), r[1].clone()), g);
    }
    let rel = dir.join("relevance.tsv");
    for (i, r) in read_tsv(&rel, 4)?.into_iter().enumerate() {
        let g = grade(&rel, i + 2, &r[3], 3)?;
        labels
            .relevance
            .entry((r[0].clone(), r[1].clone()))
            .or_default()
            .insert(r[2].clone(), g);
    }
    Ok(labels)
}

/// nDCG@k of `ranked` gains (in ranked order) against the ideal order of `all` gains, with
/// gain `2^g − 1`. 1 when nothing is relevant at all.
pub fn ndcg(ranked: &[u8], all: &[u8], k: usize) -> f64 {
    let dcg = |g: &[u8]| -> f64 {
        g.iter()
            .take(k)
            .enumerate()
            .map(|(i, &g)| (2f64.powi(g as i32) - 1.0) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut ideal = all.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg = dcg(&ideal);
    if idcg == 0.0 {
        1.0
    } else {
        dcg(ranked) / idcg
    }
}

/// Figures of one system on the labelled set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Mean nDCG@5 of bullet rankings over labelled (posting, résumé) pairs.
    pub bullets_ndcg5: f64,
    /// Mean nDCG@5 over the pairs of the seed résumé only.
    pub seed_bullets_ndcg5: f64,
    /// Mean nDCG@20 of posting rankings over résumés.
    pub postings_ndcg20: f64,
    /// nDCG@20 of the posting ranking for the seed résumé.
    pub seed_postings_ndcg20: f64,
    /// Labelled bullet rankings evaluated.
    pub bullet_queries: usize,
    /// Résumés whose posting ranking was evaluated.
    pub posting_queries: usize,
}

/// jdfit and the baseline on the same labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// jdfit.
    pub jdfit: Figures,
    /// Plain BM25 without the lexicon.
    pub baseline: Figures,
}

/// The résumé used as "the seed" in the figures.
pub const SEED: &str = "corpus/resume-zh.txt";

/// A ranking function: for a résumé, every posting's score; for a (posting, résumé), every
/// leaf bullet id in ranked order.
trait System {
    fn posting_scores(&self, resume: &str, postings: &[String]) -> Result<Vec<f32>>;
    fn bullet_ranking(&self, posting: &str, resume: &str) -> Result<Vec<String>>;
}

struct Jdfit<'a> {
    root: &'a Path,
    matchers: HashMap<String, PreparedResume>,
}

impl System for Jdfit<'_> {
    fn posting_scores(&self, resume: &str, postings: &[String]) -> Result<Vec<f32>> {
        let m = &self.matchers[resume];
        postings
            .iter()
            .map(|p| {
                let text = parse::read_text(&self.root.join(p))?;
                Ok(m.quick_score(&posting::parse(&text), 0).score)
            })
            .collect()
    }

    fn bullet_ranking(&self, p: &str, resume: &str) -> Result<Vec<String>> {
        let text = parse::read_text(&self.root.join(p))?;
        let matched = pipeline::match_text(&self.matchers[resume], &text, p)?;
        Ok(matched.report.bullets.into_iter().map(|b| b.id).collect())
    }
}

/// Plain BM25: the same segmentation and stemming without the lexicon; every token of the
/// query weighs 1; postings are ranked by BM25 of the résumé's tokens over an index of the
/// postings, bullets by BM25 of the posting's tokens over an index of the bullets.
struct Baseline<'a> {
    root: &'a Path,
    analyzer: Arc<Analyzer>,
    resumes: HashMap<String, (Resume, BulletIndex)>,
}

impl Baseline<'_> {
    fn tokens(&self, text: &str) -> Vec<(String, f32)> {
        let set: BTreeSet<String> = self.analyzer.term_set(text).into_iter().collect();
        set.into_iter().map(|t| (t, 1.0)).collect()
    }
}

/// A résumé-shaped container whose "bullets" are whole postings, so the bullet index serves
/// to index postings too.
fn postings_as_resume(texts: &[String]) -> Resume {
    let mut r = Resume {
        origin: None,
        warnings: Vec::new(),
        basics: Default::default(),
        sections: vec![Section {
            kind: SectionKind::Other,
            heading: "postings".into(),
            entries: vec![Entry {
                bullets: texts
                    .iter()
                    .map(|t| Bullet {
                        text: t.clone(),
                        ..Bullet::default()
                    })
                    .collect(),
                ..Entry::default()
            }],
        }],
    };
    r.assign_ids();
    r
}

impl System for Baseline<'_> {
    fn posting_scores(&self, resume: &str, postings: &[String]) -> Result<Vec<f32>> {
        let texts = postings
            .iter()
            .map(|p| parse::read_text(&self.root.join(p)))
            .collect::<Result<Vec<_>>>()?;
        let docs = AnalyzedResume::new(&postings_as_resume(&texts), &self.analyzer);
        let index = BulletIndex::in_ram(docs.index_docs(), &self.analyzer)?;
        let resume_text = self.resumes[resume].0.all_text().join("\n");
        let mut scores = vec![0f32; postings.len()];
        for (ord, s) in index.search(&self.tokens(&resume_text), 0.0)? {
            scores[ord] = s;
        }
        Ok(scores)
    }

    fn bullet_ranking(&self, p: &str, resume: &str) -> Result<Vec<String>> {
        let text = parse::read_text(&self.root.join(p))?;
        let (r, index) = &self.resumes[resume];
        let leaves = r.leaves();
        let hits = index.search(&self.tokens(&text), 0.0)?;
        let mut ids: Vec<String> = hits
            .iter()
            .map(|&(o, _)| leaves[o].bullet.id.clone())
            .collect();
        for l in &leaves {
            if !ids.contains(&l.bullet.id) {
                ids.push(l.bullet.id.clone());
            }
        }
        Ok(ids)
    }
}

fn figures(sys: &dyn System, labels: &Labels) -> Result<Figures> {
    let mut f = Figures::default();
    // Bullets.
    let (mut all, mut seed) = (Vec::new(), Vec::new());
    for ((p, r), grades) in &labels.relevance {
        let ranked = sys.bullet_ranking(p, r)?;
        let gains: Vec<u8> = ranked
            .iter()
            .map(|id| grades.get(id).copied().unwrap_or(0))
            .collect();
        let every: Vec<u8> = grades.values().copied().collect();
        let n = ndcg(&gains, &every, 5);
        all.push(n);
        if r == SEED {
            seed.push(n);
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    f.bullets_ndcg5 = mean(&all);
    f.seed_bullets_ndcg5 = mean(&seed);
    f.bullet_queries = all.len();
    // Postings.
    let mut by_resume: BTreeMap<&str, Vec<(&str, u8)>> = BTreeMap::new();
    for ((p, r), g) in &labels.fit {
        by_resume.entry(r).or_default().push((p, *g));
    }
    let mut per = Vec::new();
    for (r, list) in by_resume {
        let postings: Vec<String> = list.iter().map(|(p, _)| p.to_string()).collect();
        let scores = sys.posting_scores(r, &postings)?;
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by(|&a, &b| {
            scores[b]
                .total_cmp(&scores[a])
                .then(postings[a].cmp(&postings[b]))
        });
        let gains: Vec<u8> = order.iter().map(|&i| list[i].1).collect();
        let every: Vec<u8> = list.iter().map(|x| x.1).collect();
        let n = ndcg(&gains, &every, 20);
        if r == SEED {
            f.seed_postings_ndcg20 = n;
        }
        per.push(n);
    }
    f.postings_ndcg20 = mean(&per);
    f.posting_queries = per.len();
    Ok(f)
}

/// Evaluates jdfit and the baseline on the labels in `root/eval`, with résumés and postings
/// read relative to `root`.
pub fn evaluate(root: &Path) -> Result<Evaluation> {
    let labels = load_labels(&root.join("eval"))?;
    let resumes: BTreeSet<&str> = labels
        .fit
        .keys()
        .map(|(_, r)| r.as_str())
        .chain(labels.relevance.keys().map(|(_, r)| r.as_str()))
        .collect();
    let mut matchers = HashMap::new();
    let plain = Arc::new(Analyzer::new(Lexicon::parse("").expect("empty lexicon")));
    let mut base = HashMap::new();
    for r in resumes {
        let resume = parse::load_resume(&root.join(r), None)?;
        let index = BulletIndex::in_ram(AnalyzedResume::new(&resume, &plain).index_docs(), &plain)?;
        base.insert(r.to_string(), (resume.clone(), index));
        let prepared = pipeline::prepare_parsed(resume, None, &ResumeOptions::default())?;
        matchers.insert(r.to_string(), prepared);
    }
    let jdfit = figures(&Jdfit { root, matchers }, &labels)?;
    let baseline = figures(
        &Baseline {
            root,
            analyzer: plain,
            resumes: base,
        },
        &labels,
    )?;
    Ok(Evaluation { jdfit, baseline })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_values() {
        assert!((ndcg(&[3, 2, 0], &[3, 2, 0], 5) - 1.0).abs() < 1e-9);
        assert!(ndcg(&[0, 2, 3], &[3, 2, 0], 5) < 0.7);
        assert_eq!(ndcg(&[0, 0], &[0, 0], 5), 1.0);
        // Only the top k count.
        assert!((ndcg(&[0, 3], &[3, 0], 1) - 0.0).abs() < 1e-9);
    }
}
