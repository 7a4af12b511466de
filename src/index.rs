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
    /// The role line of the bullet's entry, where it has no group headings: context that
    /// counts without lengthening the bullet.
    context: Field,
    /// How this index was obtained.
    pub status: IndexStatus,
    /// Why a persisted index could not be used or rebuilt, when the index was built in RAM
    /// instead (for the caller to show once).
    pub note: Option<String>,
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

/// The index's schema and its two text fields: the bullet (with its group headings) and its
/// entry's role line.
fn schema() -> (Schema, Field, Field) {
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
    let text = b.add_text_field("text", text_opts.clone());
    let context = b.add_text_field("context", text_opts);
    (b.build(), text, context)
}

fn register(index: &Index, analyzer: &Arc<Analyzer>) {
    index.tokenizers().register(
        tokenizer::NAME,
        TextAnalyzer::from(tokenizer::JdfitTokenizer::new(analyzer.clone())),
    );
}

/// Whether `name` is one of the files a jdfit index holds: its metadata, Tantivy's metadata
/// and locks, and segment files (`<32 hex digits>.<ext>`).
fn is_own_file(name: &str) -> bool {
    matches!(
        name,
        META_FILE | "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
    ) || name
        .split_once('.')
        .is_some_and(|(stem, _)| stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether an index may be written at `dir`: `Ok(false)` when nothing is there, `Ok(true)`
/// when an empty folder or a verified jdfit index is (its metadata reads and every entry is
/// one of its own files), otherwise why not.
fn replaceable(dir: &Path) -> std::result::Result<bool, String> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.to_string()),
        Ok(m) if !m.is_dir() => return Err("exists and is not a folder".into()),
        Ok(_) => {}
    }
    let mut foreign = Vec::new();
    let mut any = false;
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        any = true;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !(is_file && is_own_file(&name)) {
            foreign.push(name);
        }
    }
    if !any {
        return Ok(true);
    }
    if BulletIndex::read_meta(dir).is_none() {
        // Only the index's own files, its metadata among them, but unreadable: a damaged
        // index, which the user can clear, not a folder of someone else's.
        if foreign.is_empty() && dir.join(META_FILE).is_file() {
            return Err(format!(
                "holds a jdfit index whose {META_FILE} is damaged; refusing to overwrite it (delete the folder to rebuild the index)"
            ));
        }
        return Err("exists and is not a jdfit index; refusing to overwrite it".into());
    }
    if !foreign.is_empty() {
        foreign.sort();
        let shown: Vec<String> = foreign.iter().take(3).map(|n| format!("{:?}", n)).collect();
        return Err(format!(
            "holds files that are not the index's own ({}{}); refusing to replace it (move them out, or index elsewhere)",
            shown.join(", "),
            if foreign.len() > 3 { ", …" } else { "" }
        ));
    }
    Ok(true)
}

/// `dir`, or the folder it names when it is a symbolic link.
fn resolved(dir: &Path) -> std::io::Result<PathBuf> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Ok(crate::output::follow_links(dir)?.0),
        _ => Ok(dir.to_path_buf()),
    }
}

/// An advisory lock (`flock`) on a persisted index folder, held on a lock file beside it,
/// `.NAME.jdfit-lock` (the folder itself is swapped, so it cannot hold the lock): shared
/// while a reader opens the index, exclusive while a writer swaps it. Best effort: where the
/// lock file can be neither created nor opened (a read-only parent), nothing is locked;
/// where there is no index yet, a reader makes no lock file.
struct DirLock(#[allow(dead_code)] Option<std::fs::File>);

impl DirLock {
    fn take(dir: &Path, exclusive: bool) -> DirLock {
        #[cfg(unix)]
        {
            use std::os::unix::io::AsRawFd;
            let Some(name) = dir.file_name() else {
                return DirLock(None);
            };
            let mut lock_name = std::ffi::OsString::from(".");
            lock_name.push(name);
            lock_name.push(".jdfit-lock");
            let path = dir.with_file_name(lock_name);
            // An existing lock file is used as it is (read-only is enough for `flock`); a
            // reader makes one only beside an existing index, never where there is none.
            // Opened without waiting (a FIFO put there would wait for a writer), and used
            // only when it is a regular file.
            use std::os::unix::fs::OpenOptionsExt;
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(&path)
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound && (exclusive || dir.is_dir()) {
                        std::fs::OpenOptions::new()
                            .write(true)
                            .create(true)
                            .truncate(false)
                            .custom_flags(libc::O_NONBLOCK)
                            .open(&path)
                    } else {
                        Err(e)
                    }
                });
            let Ok(file) = file else {
                return DirLock(None);
            };
            if !file.metadata().is_ok_and(|m| m.is_file()) {
                return DirLock(None);
            }
            let op = if exclusive {
                libc::LOCK_EX
            } else {
                libc::LOCK_SH
            };
            loop {
                // SAFETY: `flock` on a descriptor `file` owns and keeps open.
                if unsafe { libc::flock(file.as_raw_fd(), op) } == 0 {
                    return DirLock(Some(file));
                }
                if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                    return DirLock(None);
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = (dir, exclusive);
            DirLock(None)
        }
    }
}

/// Deletes the index's own files in `dir` (see [`is_own_file`]), nothing else.
fn remove_own_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_file()) && is_own_file(&name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
    /// The role line of the bullet's entry and its tokens, when the bullet has no group
    /// heading (the nearer context): indexed in a field of its own.
    pub context: Option<PreTokenizedString>,
}

/// Writes the bullets into `index` in one commit. `stamp` (a persisted index's content hash)
/// is the commit's payload, inside Tantivy's own `meta.json`: segment files copied in from
/// another résumé's index carry that résumé's stamp, not this one's.
fn fill(index: &Index, docs: &[IndexDoc], stamp: Option<&str>) -> Result<()> {
    let s = index.schema();
    let field = |n: &str| s.get_field(n).expect("schema field");
    let (id, ord, section, entry, text, context) = (
        field("id"),
        field("ord"),
        field("section"),
        field("entry"),
        field("text"),
        field("context"),
    );
    let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    for (i, d) in docs.iter().enumerate() {
        let mut doc = TantivyDocument::new();
        doc.add_text(id, &d.id);
        doc.add_u64(ord, i as u64);
        doc.add_u64(section, d.section as u64);
        doc.add_u64(entry, d.entry as u64);
        doc.add_pre_tokenized_text(text, d.tokens.clone());
        if let Some(c) = &d.context {
            doc.add_pre_tokenized_text(context, c.clone());
        }
        w.add_document(doc)?;
    }
    let mut commit = w.prepare_commit()?;
    if let Some(stamp) = stamp {
        commit.set_payload(stamp);
    }
    commit.commit()?;
    Ok(())
}

impl BulletIndex {
    fn from_index(index: Index, status: IndexStatus) -> Result<BulletIndex> {
        let (_, text, context) = schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(BulletIndex {
            index,
            reader,
            text,
            context,
            status,
            note: None,
        })
    }

    /// Builds the index in RAM.
    pub fn in_ram(docs: &[IndexDoc], analyzer: &Arc<Analyzer>) -> Result<BulletIndex> {
        let (schema, _, _) = schema();
        let index = Index::create_in_ram(schema);
        register(&index, analyzer);
        fill(&index, docs, None)?;
        BulletIndex::from_index(index, IndexStatus::Memory)
    }

    /// Builds the index into `dir`, replacing an earlier jdfit index there. The new index is
    /// written beside it and renamed into place, so a crash never leaves a half-written index
    /// under the real name. Only a folder that is empty or a verified jdfit index (its
    /// metadata reads, and every file in it is the index's own) is replaced: a folder that is
    /// not an index, or an index holding anyone else's files, is refused and left as it is.
    ///
    /// Writers of one folder take turns (a lock file beside it, `.NAME.jdfit-lock`), and
    /// readers never open it while it is being swapped.
    pub fn persist(
        docs: &[IndexDoc],
        meta: &IndexMeta,
        dir: &Path,
        analyzer: &Arc<Analyzer>,
    ) -> Result<BulletIndex> {
        BulletIndex::write(docs, meta, dir, analyzer, false)
    }

    /// [`BulletIndex::persist`]; with `reuse_current`, an index that another process made
    /// current while this one was building is opened instead of replaced.
    fn write(
        docs: &[IndexDoc],
        meta: &IndexMeta,
        dir: &Path,
        analyzer: &Arc<Analyzer>,
        reuse_current: bool,
    ) -> Result<BulletIndex> {
        let dir_err = |message: String| Error::IndexDir {
            path: dir.to_path_buf(),
            message,
        };
        let io_err = |e: std::io::Error| dir_err(crate::output::plain(e).to_string());
        // Through a link, the folder it names is replaced; the link stays.
        let target = resolved(dir).map_err(io_err)?;
        // Refused early, before building: checked again once the lock is held. Under a
        // shared lock, so never halfway through another writer's swap (the old folder listed,
        // then the name found empty between the two renames, would read as "not an index").
        {
            let _shared = DirLock::take(&target, false);
            replaceable(&target).map_err(dir_err)?;
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(parent).map_err(io_err)?;
        let tmp = tempfile::Builder::new()
            .prefix(".jdfit-index-")
            .tempdir_in(parent)
            .map_err(io_err)?;
        let (schema, _, _) = schema();
        let index = Index::create_in_dir(tmp.path(), schema)?;
        register(&index, analyzer);
        fill(&index, docs, Some(&meta.content_hash))?;
        drop(index);
        let meta_json = serde_json::to_vec_pretty(meta).expect("meta serialises");
        std::fs::write(tmp.path().join(META_FILE), meta_json).map_err(io_err)?;
        let _lock = DirLock::take(&target, true);
        if reuse_current {
            if let Some(ix) = BulletIndex::current(&target, meta, analyzer) {
                return Ok(ix);
            }
        }
        if replaceable(&target).map_err(dir_err)? {
            // The old index is moved aside (onto an empty folder of our own), the new one
            // renamed into place, then the old one's own files deleted, one by one.
            let old = tempfile::Builder::new()
                .prefix(".jdfit-index-old-")
                .tempdir_in(parent)
                .map_err(io_err)?;
            std::fs::rename(&target, old.path()).map_err(io_err)?;
            // From here on the old index is never deleted as a whole.
            let old = old.keep();
            if let Err(e) = std::fs::rename(tmp.path(), &target) {
                let _ = std::fs::rename(&old, &target);
                return Err(io_err(e));
            }
            remove_own_files(&old);
            let _ = std::fs::remove_dir(&old);
            let _ = tmp.keep();
        } else {
            std::fs::rename(tmp.path(), &target).map_err(io_err)?;
            let _ = tmp.keep();
        }
        BulletIndex::open(&target, analyzer, IndexStatus::Built)
    }

    /// The index in `dir` when it is current for `meta`: built from the same content, it
    /// opens, holds every bullet and every file passes its checksum (a damaged index is
    /// never used).
    fn current(dir: &Path, meta: &IndexMeta, analyzer: &Arc<Analyzer>) -> Option<BulletIndex> {
        let m = BulletIndex::read_meta(dir)?;
        if m.content_hash != meta.content_hash || m.bullets != meta.bullets {
            return None;
        }
        // Only regular files are the index's own: opening a FIFO put there would wait
        // forever for a writer.
        let entries = std::fs::read_dir(dir).ok()?;
        if !entries
            .into_iter()
            .all(|e| e.is_ok_and(|e| e.file_type().is_ok_and(|t| t.is_file())))
        {
            return None;
        }
        BulletIndex::open(dir, analyzer, IndexStatus::Reused)
            .ok()
            .filter(|ix| ix.num_docs() == meta.bullets && ix.intact() && ix.stamped(meta))
    }

    /// Opens the index in `dir`; when that fails (a read-only folder or file system, where
    /// Tantivy cannot take its lock), opens a copy of its files in RAM, leaving `dir` as is.
    fn open(dir: &Path, analyzer: &Arc<Analyzer>, status: IndexStatus) -> Result<BulletIndex> {
        let index = match Index::open_in_dir(dir) {
            Ok(index) => {
                register(&index, analyzer);
                match BulletIndex::from_index(index, status) {
                    Ok(ix) => return Ok(ix),
                    Err(_) => BulletIndex::copy_in_ram(dir)?,
                }
            }
            Err(_) => BulletIndex::copy_in_ram(dir)?,
        };
        register(&index, analyzer);
        BulletIndex::from_index(index, status)
    }

    /// The index in `dir`, its files copied into RAM (a résumé's index is small).
    fn copy_in_ram(dir: &Path) -> Result<Index> {
        let io_err = |e: std::io::Error| Error::IndexDir {
            path: dir.to_path_buf(),
            message: e.to_string(),
        };
        let ram = tantivy::directory::RamDirectory::create();
        for entry in std::fs::read_dir(dir).map_err(io_err)? {
            let entry = entry.map_err(io_err)?;
            let name = entry.file_name();
            let name_str = name.to_string_lossy();
            if name_str == META_FILE || name_str.ends_with(".lock") {
                continue;
            }
            if entry.file_type().map_err(io_err)?.is_file() {
                let bytes = std::fs::read(entry.path()).map_err(io_err)?;
                tantivy::Directory::atomic_write(&ram, Path::new(&name), &bytes).map_err(io_err)?;
            }
        }
        Ok(Index::open(ram)?)
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
        {
            // Read while no writer swaps it (a shared lock; see `persist`). Where there is no
            // index yet, nothing is locked (and no lock file made).
            let _lock = resolved(dir)
                .ok()
                .map(|target| DirLock::take(&target, false));
            match BulletIndex::read_meta(dir) {
                Some(m) if m.content_hash == meta.content_hash && m.bullets == meta.bullets => {
                    if let Some(ix) = BulletIndex::current(dir, meta, analyzer) {
                        return Ok(ix);
                    }
                }
                Some(m) if m.resume_path == meta.resume_path => {}
                _ => return BulletIndex::in_ram(docs, analyzer),
            }
        }
        BulletIndex::rebuild_or_ram(docs, meta, dir, analyzer)
    }

    /// Rebuilds the index in `dir`; when that cannot be done (a read-only folder, files that
    /// are not the index's), builds it in RAM with a note saying why.
    fn rebuild_or_ram(
        docs: &[IndexDoc],
        meta: &IndexMeta,
        dir: &Path,
        analyzer: &Arc<Analyzer>,
    ) -> Result<BulletIndex> {
        match BulletIndex::write(docs, meta, dir, analyzer, true) {
            Ok(ix) => Ok(ix),
            Err(e) => {
                let mut ix = BulletIndex::in_ram(docs, analyzer)?;
                ix.note = Some(format!(
                    "{e}; the index could not be rebuilt there, so it was built in RAM for this run"
                ));
                Ok(ix)
            }
        }
    }

    /// Whether the index's own commit carries `meta`'s content hash: its segments were
    /// written for this résumé, whatever `jdfit-index.json` beside them says. An index
    /// written before the stamp existed has none and is taken on its metadata, as then (a
    /// read-only one could never be rebuilt).
    fn stamped(&self, meta: &IndexMeta) -> bool {
        self.index.load_metas().is_ok_and(|m| {
            m.payload
                .as_deref()
                .is_none_or(|p| p == meta.content_hash.as_str())
        })
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
    ///
    /// `context_credit` is the share of a term's weight that a match in the bullet's role
    /// line earns (the job a bullet belongs to shows some of what the posting asks).
    pub fn search(
        &self,
        terms: &[(String, f32)],
        context_credit: f32,
    ) -> Result<Vec<(usize, f32)>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .filter(|(_, w)| *w > 0.0)
            .flat_map(|(t, w)| self.clauses(&searcher, t, *w, context_credit))
            .map(|q| (Occur::Should, q))
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

    /// A posting term's queries: in the bullet at its weight, and in the bullet's role line
    /// at `context_credit` of it.
    fn clauses(
        &self,
        searcher: &tantivy::Searcher,
        t: &str,
        w: f32,
        context_credit: f32,
    ) -> Vec<Box<dyn Query>> {
        [(self.text, w), (self.context, w * context_credit)]
            .into_iter()
            .filter(|&(_, w)| w > 0.0)
            .map(|(field, w)| {
                let term = Term::from_field_text(field, t);
                let boost = self.boost(searcher, &term, w);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                Box::new(BoostQuery::new(Box::new(q), boost)) as Box<dyn Query>
            })
            .collect()
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
    pub fn explain(
        &self,
        terms: &[(String, f32)],
        ord: usize,
        context_credit: f32,
    ) -> Result<Vec<(usize, f32)>> {
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
            let value: f32 = self
                .clauses(&searcher, t, *w, context_credit)
                .iter()
                .filter_map(|q| q.explain(&searcher, addr).ok())
                .map(|e| e.value())
                .sum();
            if value > 0.0 {
                out.push((i, value));
            }
        }
        Ok(out)
    }
}
