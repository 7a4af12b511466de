//! Batch: score a stream of postings against one prepared résumé, in parallel, with memory
//! that stays flat as the input grows, and the same ranking whatever the thread count.
//!
//! Records are read in chunks; each chunk is scored with rayon and folded, in input order,
//! into either a bounded heap (`--top K`) or a list of small rows (scores and sources, never
//! texts). Ties are broken by input order.

use crate::error::{Error, Result};
use crate::model::{
    BatchRow, BatchSummary, FitBand, Posting, PostingRecord, QuickScore, DUPLICATES_LISTED,
};
use crate::parse::source::{self, posting_of, Columns, Input, Item, RowError};
use crate::score::PreparedResume;
use rayon::prelude::*;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Records scored together; bounds memory and keeps every thread busy.
pub const CHUNK: usize = 512;

/// The most worker threads a batch takes ([`BatchOptions::threads`] above it is capped; the
/// command line refuses more). Scoring is all CPU work, so threads beyond the cores only cost
/// memory and start-up time (10,000 of them took a minute and 2 GB for 300 postings).
pub const MAX_THREADS: usize = 256;

/// How many matched and missing terms each row carries.
pub const ROW_TERMS: usize = 5;

/// What the reader thread hands to the scorer.
enum Msg {
    Chunk(Vec<PostingRecord>),
    Bad(RowError),
    /// A posting with the same text as the one read at `first` (its input order), named by
    /// its id or source.
    Duplicate {
        first: u64,
        name: String,
    },
}

/// Batch options.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Keep only the best K rows (bounded memory).
    pub top: Option<usize>,
    /// Drop rows scoring below this.
    pub min_score: Option<f32>,
    /// Worker threads (default: one per core; at most [`MAX_THREADS`]).
    pub threads: Option<usize>,
    /// Keep the posting text of kept rows (needed to tailor them; only with `top`).
    pub keep_text: bool,
    /// Score and report postings with the same text separately (by default the first is
    /// scored once and the others are merged into its row).
    pub keep_duplicates: bool,
}

/// A posting text's identity for finding reposts: 128 bits of hash over the text with ASCII
/// case and runs of ASCII whitespace folded, so a copy that only differs in spacing or line
/// ends is the same posting. 128 bits: no two of 10^9 distinct postings collide in practice.
/// Word by word, then one lowercasing pass: this runs on every posting.
fn text_key(text: &str, buf: &mut Vec<u8>) -> u128 {
    use std::hash::Hasher;
    buf.clear();
    buf.reserve(text.len());
    for word in text.split_ascii_whitespace() {
        if !buf.is_empty() {
            buf.push(b' ');
        }
        buf.extend_from_slice(word.as_bytes());
    }
    buf.make_ascii_lowercase();
    let (mut a, mut b) = (
        std::hash::DefaultHasher::new(),
        std::hash::DefaultHasher::new(),
    );
    b.write_u8(0x5a);
    a.write(buf);
    b.write(buf);
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
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

/// A row from a record, its parsed posting (kept only for rows to tailor) and its score;
/// the record's fields move into the row without a copy.
fn row(rec: PostingRecord, posting: Option<Posting>, q: QuickScore) -> BatchRow {
    BatchRow {
        rank: 0,
        score: q.score,
        score_exact: q.score,
        fit: FitBand::of((q.score * 10.0).round() / 10.0),
        coverage: q.coverage,
        source: rec.source,
        id: rec.id,
        title: rec.title,
        company: rec.company,
        location: rec.location,
        url: rec.url,
        matched: q.matched,
        missing: q.missing,
        matched_count: q.matched_count,
        missing_count: q.missing_count,
        experience: q.experience,
        education: q.education,
        requirements_found: q.requirements_found,
        duplicates: 0,
        duplicate_ids: Vec::new(),
        fields: rec.extra,
        seq: rec.seq,
        posting,
    }
}

/// Scores every posting of `inputs` against `prepared`, reading `-` from `stdin` when given.
/// Returns the kept rows, best first.
pub fn run(
    prepared: &PreparedResume,
    inputs: &[Input],
    stdin: Option<Box<dyn std::io::Read + Send>>,
    columns: &Columns,
    opts: &BatchOptions,
    observer: &mut dyn Observer,
) -> Result<(Vec<BatchRow>, BatchSummary)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0).min(MAX_THREADS))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;
    let mut keeper = match opts.top {
        // Room for what is read, not for what is asked: `--top 1000000000000` is a bound,
        // not an allocation.
        Some(k) => Keeper::Top(k, BinaryHeap::with_capacity(k.min(CHUNK) + 1)),
        None => Keeper::All(Vec::new()),
    };
    let keep_text = opts.keep_text && opts.top.is_some();
    let mut summary = BatchSummary::default();
    // Per first posting (input order): how many had its text, and their names.
    let mut duplicates: rustc_hash::FxHashMap<u64, (usize, Vec<String>)> = Default::default();
    // Reading and parsing the input runs on its own thread, a few chunks ahead of scoring,
    // so the cores never wait for it.
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Msg, u64)>(4);
        let dedupe = !opts.keep_duplicates;
        let reader = scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut last = 0;
            // Text identity → input order of the first posting with it.
            let mut seen: rustc_hash::FxHashMap<u128, u64> = Default::default();
            let mut buf = Vec::new();
            let stdin = stdin.map(|r| r as Box<dyn std::io::Read>);
            let res = source::read_all(inputs, columns, stdin, &mut |item: Item, bytes: u64| {
                last = bytes;
                match item {
                    Item::Record(r) => {
                        if dedupe {
                            match seen.entry(text_key(&r.text, &mut buf)) {
                                std::collections::hash_map::Entry::Occupied(first) => {
                                    let name = r.id.unwrap_or(r.source);
                                    let first = *first.get();
                                    let _ = tx.send((Msg::Duplicate { first, name }, bytes));
                                    return;
                                }
                                std::collections::hash_map::Entry::Vacant(v) => {
                                    v.insert(r.seq);
                                }
                            }
                        }
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
                Msg::Duplicate { first, name } => {
                    summary.duplicates += 1;
                    let (n, names) = duplicates.entry(first).or_default();
                    *n += 1;
                    if names.len() < DUPLICATES_LISTED {
                        names.push(name);
                    }
                }
                Msg::Bad(e) => {
                    summary.skipped += 1;
                    observer.row_error(&e);
                }
                Msg::Chunk(chunk) => {
                    // Each posting is parsed once, here, and kept only if it will be tailored:
                    // the others are dropped on the worker, not on this collecting thread.
                    let mut chunk = chunk;
                    let scores: Vec<(Option<Posting>, QuickScore)> = pool.install(|| {
                        chunk
                            .par_iter_mut()
                            .map(|r| {
                                let p = posting_of(r);
                                if r.has_title_line {
                                    // A posting file names its title and company in its own
                                    // header lines.
                                    r.fill_from(&p);
                                }
                                let q = prepared.quick_score(&p, ROW_TERMS);
                                (keep_text.then_some(p), q)
                            })
                            .collect()
                    });
                    summary.scored += chunk.len() as u64;
                    for (rec, (p, q)) in chunk.into_iter().zip(scores) {
                        // Compared as shown: a row displayed as 30.0 passes --min-score 30.
                        if opts
                            .min_score
                            .is_some_and(|m| (q.score * 10.0).round() / 10.0 < m)
                        {
                            continue;
                        }
                        keeper.push(row(rec, p, q));
                    }
                    observer.progress(summary.scored, summary.bytes);
                }
            }
        }
        reader.join().expect("the reader thread does not panic")
    })?;
    let mut rows = keeper.finish();
    for r in &mut rows {
        if let Some((n, names)) = duplicates.remove(&r.seq) {
            (r.duplicates, r.duplicate_ids) = (n, names);
        }
    }
    summary.kept = rows.len();
    Ok((rows, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    #[test]
    fn reposts_differing_only_in_case_and_spacing_share_a_key() {
        let mut buf = Vec::new();
        let k = text_key("Run Kubernetes.\r\n\tOn-call  rota", &mut buf);
        assert_eq!(k, text_key("  run kubernetes. on-call rota\n", &mut buf));
        assert_ne!(k, text_key("Run Kubernetes. On-call rotas", &mut buf));
        assert_ne!(k, text_key("RunKubernetes. On-call rota", &mut buf));
        // Han text has no case: only spacing folds.
        assert_eq!(
            text_key("负责 Kubernetes 集群", &mut buf),
            text_key("负责  KUBERNETES\n集群", &mut buf)
        );
    }

    fn r(score: f32, seq: u64) -> BatchRow {
        BatchRow {
            rank: 0,
            score,
            score_exact: score,
            fit: FitBand::of(score),
            coverage: score,
            source: format!("s{seq}"),
            id: None,
            title: None,
            company: None,
            location: None,
            url: None,
            matched: vec![],
            missing: vec![],
            matched_count: 0,
            missing_count: 0,
            experience: None,
            education: None,
            requirements_found: true,
            duplicates: 0,
            duplicate_ids: vec![],
            fields: Map::new(),
            seq,
            posting: None,
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
