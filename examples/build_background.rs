//! Regenerates `corpus/background.tsv`, the document frequencies that weight posting terms,
//! from the postings in `jobs/` and the real postings in `../shared/data/postings/`. Run after
//! changing either, the analyzer or the lexicon: `cargo run --example build_background`.
//!
//! Without `../shared` it refuses, since a background of `jobs/` alone (about ninety written
//! postings) would silently change every weight; `-- --jobs-only` builds that smaller
//! background anyway, for a checkout without the shared data.

#[path = "background/sources.rs"]
mod sources;

use jdfit::analyze::Analyzer;
use jdfit::score::Background;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let jobs_only = std::env::args().skip(1).any(|a| a == "--jobs-only");
    if !jobs_only && sources::shared_dir(root).is_none() {
        return Err(format!(
            "{} is not present: the shipped background counts those real postings too. \
             Run with `-- --jobs-only` to build a background of jobs/ alone (weights will differ).",
            root.join(sources::SHARED_POSTINGS).display()
        )
        .into());
    }
    let src = sources::read(root, jobs_only)?;
    let bg = Background::build(&src.docs, &Analyzer::shared());
    let out = root.join("corpus/background.tsv");
    std::fs::write(
        &out,
        format!("{}{}", sources::provenance(&src), bg.to_tsv()),
    )?;
    eprintln!(
        "{}: {} English and {} Chinese postings ({} from jobs/, {} shared), {} terms",
        out.display(),
        bg.n_en,
        bg.n_zh,
        src.jobs,
        src.shared,
        bg.df.len()
    );
    Ok(())
}
