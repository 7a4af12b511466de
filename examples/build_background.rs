//! Regenerates `corpus/background.tsv`, the document frequencies of the postings in `jobs/`
//! that weight posting terms. Run after changing `jobs/`, the analyzer or the lexicon:
//! `cargo run --example build_background`.

use jdfit::analyze::Analyzer;
use jdfit::score::Background;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = jdfit::parse::read_texts_under(&root.join("jobs"))?;
    let bg = Background::build(&docs, &Analyzer::shared());
    let out = root.join("corpus/background.tsv");
    std::fs::write(&out, bg.to_tsv())?;
    eprintln!(
        "{}: {} English and {} Chinese postings, {} terms",
        out.display(),
        bg.n_en,
        bg.n_zh,
        bg.df.len()
    );
    Ok(())
}
