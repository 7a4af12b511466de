//! The compiled-in background frequencies match `jobs/`, so term weights never drift from
//! the shipped postings, analyzer and lexicon.

use jdfit::analyze::Analyzer;
use jdfit::parse::read_texts_under as background_docs;
use jdfit::score::Background;
use std::path::Path;

#[test]
fn background_is_up_to_date() {
    let docs = background_docs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("jobs")).unwrap();
    assert!(docs.len() >= 40);
    let fresh = Background::build(&docs, &Analyzer::shared());
    let built_in = Background::builtin();
    assert!(
        fresh == *built_in,
        "corpus/background.tsv is stale: run `cargo run --example build_background` ({} vs {} terms)",
        fresh.df.len(),
        built_in.df.len()
    );
}

#[test]
fn boilerplate_is_not_distinctive() {
    let bg = Background::builtin();
    let a = Analyzer::shared();
    for word in ["experience", "team", "负责", "工作", "benefits"] {
        let t = a.analyze(word);
        assert_eq!(t.len(), 1, "{word}");
        assert!(
            bg.idf(&t[0].text) < jdfit::score::tunables::MIN_IDF,
            "{word}: {}",
            bg.idf(&t[0].text)
        );
    }
}
