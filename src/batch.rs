//! Batch: score a stream of postings against one prepared résumé, in parallel, with memory
//! that stays flat as the input grows, and the same ranking whatever the thread count.
//!
//! Records are read in chunks; each chunk is scored with rayon and folded, in input order,
//! into either a bounded heap (`--top K`) or a list of small rows (scores and sources, never
//! texts). Ties are broken by input order.

use crate::error::{Error, Result};
use crate::parse::source::{self, Columns, Input, Item, PostingRecord, RowError};
use crate::render::{self, ResumeOutput};
use crate::score::{Matcher, QuickScore};
use crate::tailor::{self, TailorOptions};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};

/// Records scored together; bounds memory and keeps every thread busy.
pub const CHUNK: usize = 512;

/// How many matched and missing terms each row carries.
pub const ROW_TERMS: usize = 5;

/// What the reader thread hands to the scorer.
enum Msg {
    Chunk(Vec<PostingRecord>),
    Bad(RowError),
}

/// Batch options.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Keep only the best K rows (bounded memory).
    pub top: Option<usize>,
    /// Drop rows scoring below this.
    pub min_score: Option<f32>,
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// Keep the posting text of kept rows (needed to tailor them; only with `top`).
    pub keep_text: bool,
}

/// One ranked posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchRow {
    /// 1-based rank, best first.
    pub rank: usize,
    /// Overall score 0–100.
    pub score: f32,
    /// File path, or `FILE:LINE` for a JSONL or CSV row.
    pub source: String,
    /// Identifier from the export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Leading covered terms.
    pub matched: Vec<String>,
    /// Leading missing terms.
    pub missing: Vec<String>,
    /// Meets the years of experience asked (absent when the posting asks none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<bool>,
    /// Meets the degree asked (absent when the posting asks none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<bool>,
    /// Other fields of the export row, passed through.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// Input order (ties).
    #[serde(skip)]
    pub seq: u64,
    /// The record, kept only for rows that will be tailored.
    #[serde(skip)]
    pub record: Option<PostingRecord>,
}

impl BatchRow {
    fn key(&self) -> (u32, Reverse<u64>) {
        // Scores are never negative, so their bit patterns order like the numbers.
        (self.score.max(0.0).to_bits(), Reverse(self.seq))
    }
}

/// Heap entry ordered so that the worst kept row is on top.
struct Worst(BatchRow);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.0.key() == other.0.key()
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.key().cmp(&self.0.key())
    }
}

/// What happened in a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BatchSummary {
    /// Postings scored.
    pub scored: u64,
    /// Rows skipped as malformed (or unreadable files).
    pub skipped: u64,
    /// Rows in the output.
    pub kept: usize,
    /// Input bytes read.
    pub bytes: u64,
}

/// Receives events while a batch runs (the binary draws progress and reports bad rows).
pub trait Observer {
    /// A bad row was skipped.
    fn row_error(&mut self, error: &RowError);
    /// Progress after each chunk: postings scored and input bytes read so far.
    fn progress(&mut self, scored: u64, bytes: u64);
}

enum Keeper {
    All(Vec<BatchRow>),
    Top(usize, BinaryHeap<Worst>),
}

impl Keeper {
    fn push(&mut self, row: BatchRow) {
        match self {
            Keeper::All(v) => v.push(row),
            Keeper::Top(k, heap) => {
                if heap.len() < *k {
                    heap.push(Worst(row));
                } else if let Some(worst) = heap.peek() {
                    if row.key() > worst.0.key() {
                        heap.pop();
                        heap.push(Worst(row));
                    }
                }
            }
        }
    }

    fn finish(self) -> Vec<BatchRow> {
        let mut rows = match self {
            Keeper::All(v) => v,
            Keeper::Top(_, heap) => heap.into_iter().map(|w| w.0).collect(),
        };
        rows.sort_by_key(|r| Reverse(r.key()));
        for (i, r) in rows.iter_mut().enumerate() {
            r.rank = i + 1;
        }
        rows
    }
}

fn row(mut rec: PostingRecord, q: QuickScore, keep_text: bool) -> BatchRow {
    let fields = std::mem::take(&mut rec.extra);
    // Kept records (to tailor) keep their fields; the others give them up without a copy.
    let opt = |s: &mut Option<String>| if keep_text { s.clone() } else { s.take() };
    let (id, title, company, location, url) = (
        opt(&mut rec.id),
        opt(&mut rec.title),
        opt(&mut rec.company),
        opt(&mut rec.location),
        opt(&mut rec.url),
    );
    let source = if keep_text {
        rec.source.clone()
    } else {
        std::mem::take(&mut rec.source)
    };
    let seq = rec.seq;
    BatchRow {
        rank: 0,
        score: q.score,
        source,
        id,
        title,
        company,
        location,
        url,
        matched: q.matched,
        missing: q.missing,
        experience: q.experience,
        education: q.education,
        fields,
        seq,
        record: keep_text.then_some(rec),
    }
}

/// Scores every posting of `inputs` against `matcher`. Returns the kept rows, best first.
pub fn run(
    matcher: &Matcher,
    inputs: &[Input],
    columns: &Columns,
    opts: &BatchOptions,
    observer: &mut dyn Observer,
) -> Result<(Vec<BatchRow>, BatchSummary)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;
    let mut keeper = match opts.top {
        Some(k) => Keeper::Top(k, BinaryHeap::with_capacity(k + 1)),
        None => Keeper::All(Vec::new()),
    };
    let keep_text = opts.keep_text && opts.top.is_some();
    let mut summary = BatchSummary::default();
    // Reading and parsing the input runs on its own thread, a few chunks ahead of scoring,
    // so the cores never wait for it.
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Msg, u64)>(4);
        let reader = scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut last = 0;
            let res = source::read_all(inputs, columns, &mut |item: Item, bytes: u64| {
                last = bytes;
                match item {
                    Item::Record(r) => {
                        chunk.push(r);
                        if chunk.len() >= CHUNK {
                            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                            let _ = tx.send((Msg::Chunk(full), bytes));
                        }
                    }
                    Item::Error(e) => {
                        let _ = tx.send((Msg::Bad(e), bytes));
                    }
                }
            });
            if !chunk.is_empty() {
                let _ = tx.send((Msg::Chunk(chunk), last));
            }
            res
        });
        for (msg, bytes) in rx {
            summary.bytes = bytes;
            match msg {
                Msg::Bad(e) => {
                    summary.skipped += 1;
                    observer.row_error(&e);
                }
                Msg::Chunk(chunk) => {
                    let scores: Vec<QuickScore> = pool.install(|| {
                        chunk
                            .par_iter()
                            .map(|r| matcher.quick_score(&r.posting(), ROW_TERMS))
                            .collect()
                    });
                    summary.scored += chunk.len() as u64;
                    for (rec, q) in chunk.into_iter().zip(scores) {
                        if opts.min_score.is_some_and(|m| q.score < m) {
                            continue;
                        }
                        keeper.push(row(rec, q, keep_text));
                    }
                    observer.progress(summary.scored, summary.bytes);
                }
            }
        }
        reader.join().expect("the reader thread does not panic")
    })?;
    let rows = keeper.finish();
    summary.kept = rows.len();
    Ok((rows, summary))
}

/// A file name from a title and company: letters and digits of any script kept, everything
/// else (path separators, dots, spaces) folded to `-`, bounded length, never empty.
pub fn safe_stem(title: Option<&str>, company: Option<&str>) -> String {
    let raw = [title, company]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "posting".into()
    } else {
        out
    }
}

/// What happened to one tailored file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TailorOutcome {
    /// Written.
    Written(PathBuf),
    /// A file of that name exists and `force` was not given.
    Exists(PathBuf),
}

/// Writes a tailored résumé for each row that kept its record, into `dir` (created if
/// needed), named `RANK-title-company.EXT`. Files are written atomically; an existing file is
/// replaced only with `force`.
pub fn tailor_rows(
    matcher: &Matcher,
    rows: &[BatchRow],
    dir: &Path,
    format: ResumeOutput,
    force: bool,
    opts: &TailorOptions,
) -> Result<Vec<TailorOutcome>> {
    let io = |e: std::io::Error| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let ext = format.extension();
    let width = rows.len().to_string().len().max(2);
    let mut out = Vec::new();
    for r in rows {
        let Some(rec) = &r.record else { continue };
        let report = matcher.score(&rec.posting(), &rec.source)?;
        let tailored = tailor::tailor(&matcher.resume, &report, opts);
        let hl = render::Highlights::from_report(&report, matcher.analyzer());
        let body = render::resume_file(&tailored, format, Some(&hl))?;
        let name = format!(
            "{:0width$}-{}.{ext}",
            r.rank,
            safe_stem(r.title.as_deref(), r.company.as_deref())
        );
        let path = dir.join(&name);
        if crate::output::write_atomic(&path, &body, force)? {
            out.push(TailorOutcome::Written(path));
        } else {
            out.push(TailorOutcome::Exists(path));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(
            safe_stem(Some("Senior SRE"), Some("Acme, Inc.")),
            "senior-sre-acme-inc"
        );
        assert_eq!(safe_stem(Some("../../etc/passwd"), None), "etc-passwd");
        assert_eq!(
            safe_stem(Some("高级SRE工程师"), Some("云栖")),
            "高级sre工程师-云栖"
        );
        assert_eq!(safe_stem(Some("///"), None), "posting");
        assert_eq!(safe_stem(None, None), "posting");
        assert!(safe_stem(Some(&"x".repeat(500)), None).chars().count() <= 60);
        assert!(!safe_stem(Some("a\0b\\c:d"), None).contains(['\0', '\\', ':', '/']));
    }

    fn r(score: f32, seq: u64) -> BatchRow {
        BatchRow {
            rank: 0,
            score,
            source: format!("s{seq}"),
            id: None,
            title: None,
            company: None,
            location: None,
            url: None,
            matched: vec![],
            missing: vec![],
            experience: None,
            education: None,
            fields: Map::new(),
            seq,
            record: None,
        }
    }

    #[test]
    fn top_k_keeps_the_best_and_breaks_ties_by_input_order() {
        let mut k = Keeper::Top(3, BinaryHeap::new());
        for (i, s) in [5.0, 9.0, 5.0, 1.0, 9.0, 7.0].into_iter().enumerate() {
            k.push(r(s, i as u64));
        }
        let rows = k.finish();
        let got: Vec<(f32, u64, usize)> = rows.iter().map(|r| (r.score, r.seq, r.rank)).collect();
        assert_eq!(got, [(9.0, 1, 1), (9.0, 4, 2), (7.0, 5, 3)]);
        let mut all = Keeper::All(vec![]);
        for (i, s) in [5.0, 9.0, 5.0].into_iter().enumerate() {
            all.push(r(s, i as u64));
        }
        let seqs: Vec<u64> = all.finish().iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [1, 0, 2]);
    }
}
