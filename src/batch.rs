//! Batch: score a stream of postings against one prepared résumé, in parallel, with memory
//! that stays flat as the input grows, and the same ranking whatever the thread count.
//!
//! Records are read in chunks; each chunk is scored with rayon and folded, in input order,
//! into either a bounded heap (`--top K`) or every row: in memory up to [`MEMORY_ROWS`], then
//! as sorted runs in temporary files merged as the rows are read out (rows carry scores,
//! sources and terms, never texts). Ties are broken by input order.

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

/// Rows kept in memory without `--top` before sorted runs of them go to temporary files:
/// about 1.2 KB a row in memory, so some 25 MB.
pub const MEMORY_ROWS: usize = 20_000;

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
    /// Without `top`: rows kept in memory before they spill to temporary files (default
    /// [`MEMORY_ROWS`]).
    pub memory_rows: Option<usize>,
    /// The résumé's own text, when it is a text file: a posting with the same text (the
    /// résumé saved in the folder of postings) is the résumé, reported and never ranked
    /// (it matched itself at the top).
    pub resume_text: Option<String>,
}

/// A posting text's identity for finding reposts: 128 bits of hash over the text with ASCII
/// case and runs of ASCII whitespace folded, so a copy that only differs in spacing or line
/// ends is the same posting. 128 bits (two independently seeded hashes): no two of 10^9
/// distinct postings collide in practice. The text is copied into `buf` with whitespace made
/// spaces and ASCII lowercased in one pass the compiler vectorises; runs of spaces are then
/// found by a SIMD search for two spaces (a posting has a few, at its paragraph breaks) and
/// folded by moving the text between them; then two passes of a fast hash. This runs on every
/// posting, on the thread that reads the input (folding the runs with `Vec::dedup_by` instead
/// had cost six times as much).
fn text_key(text: &str, buf: &mut Vec<u8>) -> u128 {
    use std::hash::{BuildHasher, Hasher};
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    buf.clear();
    buf.extend(text.bytes().map(|b| match b {
        b'\t' | b'\n' | b'\x0c' | b'\r' => b' ',
        b'A'..=b'Z' => b | 0x20,
        _ => b,
    }));
    let n = buf.len();
    // `r` reads, `w` writes (never past `r`): leading spaces are skipped, a run keeps its
    // first space.
    let mut r = buf.iter().take_while(|&&b| b == b' ').count();
    let mut w = 0;
    while let Some(k) = TWO_SPACES.find(&buf[r..]) {
        let end = r + k + 1;
        buf.copy_within(r..end, w);
        w += end - r;
        r = end + buf[end..].iter().take_while(|&&b| b == b' ').count();
    }
    buf.copy_within(r..n, w);
    buf.truncate(w + (n - r));
    if buf.last() == Some(&b' ') {
        buf.pop();
    }
    let folded = &buf[..];
    let hash = |seed: u64| {
        let mut h = foldhash::quality::FixedState::with_seed(seed).build_hasher();
        h.write(folded);
        h.finish()
    };
    (u128::from(hash(0x6a64_6669_745f_6b31)) << 64) | u128::from(hash(0x7265_706f_7374_7332))
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
    All(Spill),
    Top(usize, BinaryHeap<Worst>),
}

/// Every row, in memory up to a budget; beyond it, sorted runs of rows in temporary files,
/// merged when the rows are read out. Memory stays flat however many rows there are: the
/// budget's rows, then one row and one read buffer per run.
struct Spill {
    rows: Vec<BatchRow>,
    budget: usize,
    runs: Vec<std::fs::File>,
    count: usize,
}

/// A spilled row: the row as JSON, with what its JSON does not carry (input order) or
/// carries rounded (coverage; the score is also there unrounded).
#[derive(serde::Serialize, serde::Deserialize)]
struct Spilled {
    seq: u64,
    coverage: f32,
    row: BatchRow,
}

impl Spill {
    fn push(&mut self, row: BatchRow) -> Result<()> {
        self.rows.push(row);
        self.count += 1;
        if self.rows.len() >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes the rows in memory, best first, to a temporary file (deleted when closed, also
    /// by a crash).
    fn spill(&mut self) -> Result<()> {
        use std::io::{Seek, Write};
        let io = |source| Error::Io {
            path: std::env::temp_dir(),
            source,
        };
        self.rows.sort_by_key(|r| Reverse(r.key()));
        let file = tempfile::tempfile().map_err(io)?;
        let mut w = std::io::BufWriter::new(file);
        for row in self.rows.drain(..) {
            let (seq, coverage) = (row.seq, row.coverage);
            serde_json::to_writer(&mut w, &Spilled { seq, coverage, row })
                .map_err(|e| io(std::io::Error::other(e)))?;
            w.write_all(b"\n").map_err(io)?;
        }
        let mut file = w.into_inner().map_err(|e| io(e.into_error()))?;
        file.rewind().map_err(io)?;
        self.runs.push(file);
        Ok(())
    }
}

impl Keeper {
    fn push(&mut self, row: BatchRow) -> Result<()> {
        match self {
            Keeper::All(spill) => spill.push(row)?,
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
        Ok(())
    }

    /// The score a row must reach to be kept: the worst kept one once the top K is full,
    /// else minus infinity (every row is kept).
    fn floor(&self) -> f32 {
        match self {
            Keeper::Top(k, heap) if heap.len() >= *k => {
                heap.peek().map_or(f32::NEG_INFINITY, |w| w.0.score)
            }
            _ => f32::NEG_INFINITY,
        }
    }

    /// How many rows are kept.
    fn len(&self) -> usize {
        match self {
            Keeper::All(spill) => spill.count,
            Keeper::Top(_, heap) => heap.len(),
        }
    }

    fn finish(self, duplicates: Duplicates) -> Result<Ranked> {
        let source = match self {
            Keeper::Top(_, heap) => {
                Source::Memory(sorted(heap.into_iter().map(|w| w.0).collect()).into_iter())
            }
            Keeper::All(spill) if spill.runs.is_empty() => {
                Source::Memory(sorted(spill.rows).into_iter())
            }
            Keeper::All(mut spill) => {
                spill.spill()?;
                let mut merge = Merge {
                    runs: spill
                        .runs
                        .into_iter()
                        .map(std::io::BufReader::new)
                        .collect(),
                    heads: BinaryHeap::new(),
                    line: String::new(),
                };
                for run in 0..merge.runs.len() {
                    merge.refill(run)?;
                }
                Source::Merge(merge)
            }
        };
        Ok(Ranked {
            source,
            rank: 0,
            duplicates,
        })
    }
}

fn sorted(mut rows: Vec<BatchRow>) -> Vec<BatchRow> {
    rows.sort_by_key(|r| Reverse(r.key()));
    rows
}

/// Reposts per first posting (its input order): how many, and their names.
type Duplicates = rustc_hash::FxHashMap<u64, (usize, Vec<String>)>;

/// The kept rows, best first, ranked as they are read: from memory, or merged from the
/// sorted runs a large batch spilled to temporary files.
pub struct Ranked {
    source: Source,
    rank: usize,
    duplicates: Duplicates,
}

enum Source {
    Memory(std::vec::IntoIter<BatchRow>),
    Merge(Merge),
}

/// A k-way merge of sorted runs: the best head row of every run in a heap.
struct Merge {
    runs: Vec<std::io::BufReader<std::fs::File>>,
    heads: BinaryHeap<Head>,
    line: String,
}

/// A run's next row, ordered best first.
struct Head(BatchRow, usize);

impl PartialEq for Head {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Head {}
impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Head {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.key().cmp(&other.0.key())
    }
}

impl Merge {
    /// Reads run `run`'s next row into the heap, if it has one.
    fn refill(&mut self, run: usize) -> Result<()> {
        use std::io::BufRead;
        let io = |source| Error::Io {
            path: std::env::temp_dir(),
            source,
        };
        self.line.clear();
        if self.runs[run].read_line(&mut self.line).map_err(io)? == 0 {
            return Ok(());
        }
        let Spilled {
            seq,
            coverage,
            mut row,
        } = serde_json::from_str(&self.line).map_err(|e| io(std::io::Error::other(e)))?;
        // JSON carries the score rounded for people and exact for ranking.
        row.seq = seq;
        row.score = row.score_exact;
        row.coverage = coverage;
        self.heads.push(Head(row, run));
        Ok(())
    }

    fn next(&mut self) -> Result<Option<BatchRow>> {
        let Some(Head(row, run)) = self.heads.pop() else {
            return Ok(None);
        };
        self.refill(run)?;
        Ok(Some(row))
    }
}

impl Iterator for Ranked {
    type Item = Result<BatchRow>;

    fn next(&mut self) -> Option<Result<BatchRow>> {
        let row = match &mut self.source {
            Source::Memory(rows) => rows.next(),
            Source::Merge(m) => match m.next() {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            },
        };
        let mut row = row?;
        self.rank += 1;
        row.rank = self.rank;
        if let Some((n, names)) = self.duplicates.remove(&row.seq) {
            (row.duplicates, row.duplicate_ids) = (n, names);
        }
        Some(Ok(row))
    }
}

impl Ranked {
    /// Every row, best first (for a bounded batch, `--top`).
    pub fn into_rows(self) -> Result<Vec<BatchRow>> {
        self.collect()
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
        occupation: q.occupation,
        requirements_found: q.requirements_found,
        duplicates: 0,
        duplicate_ids: Vec::new(),
        fields: rec.extra,
        seq: rec.seq,
        posting,
    }
}

/// Scores every posting of `inputs` against `prepared`, reading `-` from `stdin` when given.
/// Returns the kept rows, best first, as they are read out ([`Ranked`]).
pub fn run(
    prepared: &PreparedResume,
    inputs: &[Input],
    stdin: Option<Box<dyn std::io::Read + Send>>,
    columns: &Columns,
    opts: &BatchOptions,
    observer: &mut dyn Observer,
) -> Result<(Ranked, BatchSummary)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0).min(MAX_THREADS))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;
    let mut keeper = match opts.top {
        // Room for what is read, not for what is asked: `--top 1000000000000` is a bound,
        // not an allocation.
        Some(k) => Keeper::Top(k, BinaryHeap::with_capacity(k.min(CHUNK) + 1)),
        None => Keeper::All(Spill {
            rows: Vec::new(),
            budget: opts.memory_rows.unwrap_or(MEMORY_ROWS).max(1),
            runs: Vec::new(),
            count: 0,
        }),
    };
    let keep_text = opts.keep_text && opts.top.is_some();
    let mut summary = BatchSummary::default();
    // Per first posting (input order): how many had its text, and their names.
    let mut duplicates: Duplicates = Default::default();
    // Reading and parsing the input runs on its own thread, a few chunks ahead of scoring,
    // so the cores never wait for it.
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(Msg, u64)>(4);
        let dedupe = !opts.keep_duplicates;
        let resume_key = opts
            .resume_text
            .as_deref()
            .map(|t| text_key(t, &mut Vec::new()));
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
                        let key = (dedupe || resume_key.is_some())
                            .then(|| text_key(&r.text, &mut buf));
                        if key.is_some() && key == resume_key {
                            let reason = "the résumé itself (the same text as the résumé file), not a posting; skipped".to_string();
                            let bad = RowError {
                                source: r.source,
                                reason,
                            };
                            let _ = tx.send((Msg::Bad(bad), bytes));
                            return;
                        }
                        if let Some(key) = key.filter(|_| dedupe) {
                            match seen.entry(key) {
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
                    // The worst kept score once the top K is full: a posting certainly below
                    // it is not finished (see `quick_score_above`). It only rises, chunk by
                    // chunk, and a posting tied with it is always finished.
                    let floor = keeper.floor();
                    let scores: Vec<Option<(Option<Posting>, QuickScore)>> = pool.install(|| {
                        chunk
                            .par_iter_mut()
                            .map(|r| {
                                let p = posting_of(r);
                                if r.has_title_line {
                                    // A posting file names its title and company in its own
                                    // header lines.
                                    r.fill_from(&p);
                                }
                                let q = prepared.quick_score_above(&p, ROW_TERMS, floor)?;
                                Some((keep_text.then_some(p), q))
                            })
                            .collect()
                    });
                    summary.scored += chunk.len() as u64;
                    for (rec, scored) in chunk.into_iter().zip(scores) {
                        let Some((p, q)) = scored else {
                            continue;
                        };
                        // Compared as shown: a row displayed as 30.0 passes --min-score 30.
                        if opts
                            .min_score
                            .is_some_and(|m| (q.score * 10.0).round() / 10.0 < m)
                        {
                            continue;
                        }
                        keeper.push(row(rec, p, q))?;
                    }
                    observer.progress(summary.scored, summary.bytes);
                }
            }
        }
        reader.join().expect("the reader thread does not panic")
    })?;
    summary.kept = keeper.len();
    Ok((keeper.finish(duplicates)?, summary))
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

    proptest::proptest! {
        /// The key hashes the text's words, lowercased, joined by single spaces: the folding
        /// done in place gives the bytes a word-by-word join gives.
        #[test]
        fn the_key_folds_case_and_whitespace_runs(text in "[ \\t\\r\\n\\x0b\\x0cAaZz09é负§.-]{0,40}") {
            let mut buf = Vec::new();
            let key = text_key(&text, &mut buf);
            let words: Vec<&str> = text.split_ascii_whitespace().collect();
            proptest::prop_assert_eq!(&buf, &words.join(" ").to_ascii_lowercase().into_bytes());
            proptest::prop_assert_eq!(key, text_key(&words.join(" "), &mut Vec::new()));
        }
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
            occupation: None,
            requirements_found: true,
            duplicates: 0,
            duplicate_ids: vec![],
            fields: Map::new(),
            seq,
            posting: None,
        }
    }

    fn spill(budget: usize) -> Keeper {
        Keeper::All(Spill {
            rows: Vec::new(),
            budget,
            runs: Vec::new(),
            count: 0,
        })
    }

    #[test]
    fn top_k_keeps_the_best_and_breaks_ties_by_input_order() {
        let mut k = Keeper::Top(3, BinaryHeap::new());
        for (i, s) in [5.0, 9.0, 5.0, 1.0, 9.0, 7.0].into_iter().enumerate() {
            k.push(r(s, i as u64)).unwrap();
        }
        let rows = k
            .finish(Duplicates::default())
            .unwrap()
            .into_rows()
            .unwrap();
        let got: Vec<(f32, u64, usize)> = rows.iter().map(|r| (r.score, r.seq, r.rank)).collect();
        assert_eq!(got, [(9.0, 1, 1), (9.0, 4, 2), (7.0, 5, 3)]);
        let mut all = spill(100);
        for (i, s) in [5.0, 9.0, 5.0].into_iter().enumerate() {
            all.push(r(s, i as u64)).unwrap();
        }
        let seqs: Vec<u64> = all
            .finish(Duplicates::default())
            .unwrap()
            .map(|r| r.unwrap().seq)
            .collect();
        assert_eq!(seqs, [1, 0, 2]);
    }

    #[test]
    fn rows_spilled_to_runs_merge_into_the_in_memory_order() {
        // Scores with many exact ties, so input order decides much of the ranking.
        let scores: Vec<f32> = (0..1000u32).map(|i| ((i * 37) % 23) as f32 * 0.7).collect();
        let rank = |budget: usize| -> Vec<(u32, u32, u64, usize, usize)> {
            let mut k = spill(budget);
            for (i, s) in scores.iter().enumerate() {
                let mut row = r(*s, i as u64);
                row.score_exact = *s;
                row.coverage = *s / 3.0 + 0.04;
                row.fields.insert("n".into(), serde_json::json!(i));
                k.push(row).unwrap();
            }
            if let Keeper::All(s) = &k {
                assert_eq!(
                    s.runs.len(),
                    1000 / budget.min(1000) - usize::from(budget >= 1000)
                );
            }
            let mut dups = Duplicates::default();
            dups.insert(7, (2, vec!["a".into(), "b".into()]));
            k.finish(dups)
                .unwrap()
                .map(|r| {
                    let r = r.unwrap();
                    (
                        r.score.to_bits(),
                        r.coverage.to_bits(),
                        r.seq,
                        r.rank,
                        r.duplicates,
                    )
                })
                .collect()
        };
        let memory = rank(100_000);
        assert_eq!(memory.len(), 1000);
        // 10 runs of 100, and runs of uneven length (7 runs, the last short).
        assert_eq!(rank(100), memory);
        assert_eq!(rank(150), memory);
        assert!(memory.iter().any(|&(_, _, seq, _, d)| seq == 7 && d == 2));
    }
}
