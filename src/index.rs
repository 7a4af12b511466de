//! Index: a Tantivy index of the résumé's leaf bullets, in RAM by default, persisted on
//! request and reused while the résumé's content hash is unchanged.

use crate::analyze::{tokenizer, Analyzer, ANALYZER_VERSION};
use crate::error::{Error, Result};
use crate::model::IndexStatus;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

/// The file beside a persisted index that records what it was built from.
pub const META_FILE: &str = "jdfit-index.json";

/// What a persisted index was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Hash of the résumé text, the analyzer version and the lexicon.
    pub content_hash: String,
    /// The résumé file it was built from.
    pub resume_path: PathBuf,
    /// Number of bullets indexed.
    pub bullets: usize,
}

/// The bullets of one résumé in a Tantivy index.
pub struct BulletIndex {
    index: Index,
    reader: IndexReader,
    text: Field,
    /// How this index was obtained.
    pub status: IndexStatus,
}

impl std::fmt::Debug for BulletIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulletIndex")
            .field("status", &self.status)
            .finish()
    }
}

/// The hash that decides whether a persisted index is still valid.
pub fn content_hash(resume_text: &str, analyzer: &Analyzer) -> String {
    let mut h = Sha256::new();
    h.update(format!("jdfit-analyzer-{ANALYZER_VERSION}\n").as_bytes());
    h.update(analyzer.lexicon().source().as_bytes());
    h.update(resume_text.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn schema() -> (Schema, Field) {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED);
    b.add_u64_field("ord", FAST | STORED);
    b.add_u64_field("section", STORED);
    b.add_u64_field("entry", STORED);
    let text_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text = b.add_text_field("text", text_opts);
    (b.build(), text)
}

fn register(index: &Index, analyzer: &Arc<Analyzer>) {
    index.tokenizers().register(
        tokenizer::NAME,
        TextAnalyzer::from(tokenizer::JdfitTokenizer::new(analyzer.clone())),
    );
}

/// One leaf bullet to index, analysed by the caller (its leaf ordinal is its position).
#[derive(Debug, Clone)]
pub struct IndexDoc {
    /// Bullet id.
    pub id: String,
    /// Section index.
    pub section: usize,
    /// Entry index.
    pub entry: usize,
    /// The bullet's text with its group headings above it, and their tokens: indexed as
    /// given, so the index and the scorer share one analysis.
    pub tokens: PreTokenizedString,
}

fn fill(index: &Index, docs: &[IndexDoc]) -> Result<()> {
    let s = index.schema();
    let field = |n: &str| s.get_field(n).expect("schema field");
    let (id, ord, section, entry, text) = (
        field("id"),
        field("ord"),
        field("section"),
        field("entry"),
        field("text"),
    );
    let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    for (i, d) in docs.iter().enumerate() {
        let mut doc = TantivyDocument::new();
        doc.add_text(id, &d.id);
        doc.add_u64(ord, i as u64);
        doc.add_u64(section, d.section as u64);
        doc.add_u64(entry, d.entry as u64);
        doc.add_pre_tokenized_text(text, d.tokens.clone());
        w.add_document(doc)?;
    }
    w.commit()?;
    Ok(())
}

impl BulletIndex {
    fn from_index(index: Index, status: IndexStatus) -> Result<BulletIndex> {
        let (_, text) = schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(BulletIndex {
            index,
            reader,
            text,
            status,
        })
    }

    /// Builds the index in RAM.
    pub fn in_ram(docs: &[IndexDoc], analyzer: &Arc<Analyzer>) -> Result<BulletIndex> {
        let (schema, _) = schema();
        let index = Index::create_in_ram(schema);
        register(&index, analyzer);
        fill(&index, docs)?;
        BulletIndex::from_index(index, IndexStatus::Memory)
    }

    /// Builds the index into `dir`, replacing an earlier jdfit index there. The new index is
    /// written beside it and renamed into place, so a crash never leaves a half-written index
    /// under the real name. A non-empty directory that is not a jdfit index is refused.
    pub fn persist(
        docs: &[IndexDoc],
        meta: &IndexMeta,
        dir: &Path,
        analyzer: &Arc<Analyzer>,
    ) -> Result<BulletIndex> {
        let dir_err = |message: String| Error::IndexDir {
            path: dir.to_path_buf(),
            message,
        };
        if dir.exists() && !dir.join(META_FILE).exists() {
            let non_empty = std::fs::read_dir(dir)
                .map_err(|e| dir_err(e.to_string()))?
                .next()
                .is_some();
            if non_empty {
                return Err(dir_err(
                    "exists and is not a jdfit index; refusing to overwrite it".into(),
                ));
            }
        }
        let parent = dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| dir_err(e.to_string()))?;
        let tmp = tempfile::Builder::new()
            .prefix(".jdfit-index-")
            .tempdir_in(parent)
            .map_err(|e| dir_err(e.to_string()))?;
        let (schema, _) = schema();
        let index = Index::create_in_dir(tmp.path(), schema)?;
        register(&index, analyzer);
        fill(&index, docs)?;
        drop(index);
        let meta_json = serde_json::to_vec_pretty(meta).expect("meta serialises");
        std::fs::write(tmp.path().join(META_FILE), meta_json)
            .map_err(|e| dir_err(e.to_string()))?;
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| dir_err(e.to_string()))?;
        }
        let tmp_path = tmp.keep();
        std::fs::rename(&tmp_path, dir).map_err(|e| dir_err(e.to_string()))?;
        BulletIndex::open(dir, analyzer, IndexStatus::Built)
    }

    fn open(dir: &Path, analyzer: &Arc<Analyzer>, status: IndexStatus) -> Result<BulletIndex> {
        let index = Index::open_in_dir(dir)?;
        register(&index, analyzer);
        BulletIndex::from_index(index, status)
    }

    /// Reads the metadata of a persisted index, if `dir` holds one.
    pub fn read_meta(dir: &Path) -> Option<IndexMeta> {
        let bytes = std::fs::read(dir.join(META_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Reuses the index in `dir` when it was built from this résumé with the same content
    /// hash; rebuilds it there when the same résumé changed (or the index is unreadable);
    /// otherwise (no index, or another résumé's) builds one in RAM.
    pub fn open_or_build(
        docs: &[IndexDoc],
        meta: &IndexMeta,
        dir: &Path,
        analyzer: &Arc<Analyzer>,
    ) -> Result<BulletIndex> {
        match BulletIndex::read_meta(dir) {
            Some(m) if m.content_hash == meta.content_hash && m.bullets == meta.bullets => {
                // Reused only when it opens, holds every bullet and every file passes its
                // checksum: a damaged index is rebuilt, never silently used.
                match BulletIndex::open(dir, analyzer, IndexStatus::Reused) {
                    Ok(ix) if ix.num_docs() == meta.bullets && ix.intact() => Ok(ix),
                    _ => BulletIndex::persist(docs, meta, dir, analyzer),
                }
            }
            Some(m) if m.resume_path == meta.resume_path => {
                BulletIndex::persist(docs, meta, dir, analyzer)
            }
            _ => BulletIndex::in_ram(docs, analyzer),
        }
    }

    /// Whether every file of the index passes its checksum (and its bullet ordinals read).
    fn intact(&self) -> bool {
        let files_ok = self
            .index
            .validate_checksum()
            .is_ok_and(|bad| bad.is_empty());
        files_ok
            && self
                .reader
                .searcher()
                .segment_readers()
                .iter()
                .all(|seg| seg.fast_fields().u64("ord").is_ok())
    }

    /// Number of indexed bullets.
    pub fn num_docs(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    /// BM25 over the bullets with each term boosted by its weight. Returns (leaf ordinal,
    /// score) for every bullet that matches at least one term, best first, ties by ordinal.
    pub fn search(&self, terms: &[(String, f32)]) -> Result<Vec<(usize, f32)>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .filter(|(_, w)| *w > 0.0)
            .map(|(t, w)| {
                let term = Term::from_field_text(self.text, t);
                let boost = self.boost(&searcher, &term, *w);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), boost)) as Box<dyn Query>,
                )
            })
            .collect();
        let query = BooleanQuery::new(clauses);
        let limit = (searcher.num_docs() as usize).max(1);
        let hits = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut out = Vec::with_capacity(hits.len());
        for (score, addr) in hits {
            let seg = searcher.segment_reader(addr.segment_ord);
            let col = seg.fast_fields().u64("ord")?;
            if let Some(ord) = col.first(addr.doc_id) {
                out.push((ord as usize, score));
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// The boost that makes a term's BM25 weight its posting weight: BM25 multiplies by the
    /// term's IDF among the résumé's bullets, which is divided out here. A term many
    /// bullets share (LLM, for an LLM engineer) is the candidate's core, not noise; how
    /// distinctive a term is belongs to the posting's weights (against a background of real
    /// postings). Term frequency saturation and length normalisation stay BM25's.
    fn boost(&self, searcher: &tantivy::Searcher, term: &Term, weight: f32) -> f32 {
        let n = searcher.num_docs() as f32;
        let df = searcher.doc_freq(term).unwrap_or(0) as f32;
        if df == 0.0 {
            return weight;
        }
        // Tantivy's BM25 IDF.
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        weight / idf.max(f32::EPSILON)
    }

    /// Each term's contribution to one bullet's BM25 score (leaf ordinal `ord`): the score of
    /// that term alone, boosted by its weight, on that bullet. The contributions add up to the
    /// bullet's score for the whole query.
    pub fn explain(&self, terms: &[(String, f32)], ord: usize) -> Result<Vec<(usize, f32)>> {
        let searcher = self.reader.searcher();
        // `ord` is a fast field, not indexed for search: find the document by scanning (a
        // résumé has tens of bullets).
        let mut addr = None;
        for (seg_ord, seg) in searcher.segment_readers().iter().enumerate() {
            let col = seg.fast_fields().u64("ord")?;
            for doc in 0..seg.max_doc() {
                if col.first(doc) == Some(ord as u64) {
                    addr = Some(tantivy::DocAddress::new(seg_ord as u32, doc));
                }
            }
        }
        let Some(addr) = addr else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (i, (t, w)) in terms.iter().enumerate() {
            let term = Term::from_field_text(self.text, t);
            let boost = self.boost(&searcher, &term, *w);
            let q = BoostQuery::new(
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                boost,
            );
            if let Ok(e) = q.explain(&searcher, addr) {
                if e.value() > 0.0 {
                    out.push((i, e.value()));
                }
            }
        }
        Ok(out)
    }
}
