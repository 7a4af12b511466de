//! The postings the background document frequencies are counted over, shared by
//! `examples/build_background.rs` and `tests/background.rs` so both read the same texts.
//!
//! Two sources: the project's own postings in `jobs/`, and the real public postings in
//! `../shared/data/postings/` (English and Chinese; see `../shared/data/SOURCES.md`). Only the
//! derived counts are committed (`corpus/background.tsv`), never posting text. The labelled
//! development set (`../shared/data/dev/`) is never read: it is what the weights are measured
//! on.

use std::path::{Path, PathBuf};

/// The real postings' folder, relative to the repository root.
pub const SHARED_POSTINGS: &str = "../shared/data/postings";

/// The background postings' texts, and how many came from each source.
pub struct Sources {
    /// Every text: `jobs/` first, then the shared postings (each sorted by path).
    pub docs: Vec<String>,
    /// How many texts came from `jobs/`.
    pub jobs: usize,
    /// How many came from the shared postings (0 when that folder is absent).
    pub shared: usize,
}

/// The shared postings' folder under `root`, if it is there.
pub fn shared_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join(SHARED_POSTINGS);
    dir.is_dir().then_some(dir)
}

/// Reads `jobs/`, and the shared postings unless `jobs_only`.
pub fn read(root: &Path, jobs_only: bool) -> Result<Sources, Box<dyn std::error::Error>> {
    let mut docs = jdfit::parse::read_texts_under(&root.join("jobs"))?;
    let jobs = docs.len();
    let mut shared = 0;
    if !jobs_only {
        let dir = shared_dir(root).ok_or_else(|| format!("{} is not present", SHARED_POSTINGS))?;
        for lang in ["en", "zh"] {
            let more = jdfit::parse::read_texts_under(&dir.join(lang))?;
            shared += more.len();
            docs.extend(more);
        }
    }
    Ok(Sources { docs, jobs, shared })
}

/// The provenance comment written at the top of the TSV.
pub fn provenance(s: &Sources) -> String {
    format!(
        "# sources: jobs/ ({}), {SHARED_POSTINGS}/{{en,zh}} ({})\n",
        s.jobs, s.shared
    )
}
