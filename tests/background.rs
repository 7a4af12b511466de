//! The compiled-in background frequencies match their postings (`jobs/` and the real postings
//! in `../shared/data/postings/`), so term weights never drift from the analyzer and lexicon.

#[path = "../examples/background/sources.rs"]
mod sources;

mod common;

use jdfit::analyze::Analyzer;
use jdfit::score::Background;
use jdfit::score::BACKGROUND_TSV;

/// Without `../shared` the postings it counts are not all here: the check is skipped with a
/// visible note (CI has no shared folder), after checking what can be checked without them.
#[test]
fn background_is_up_to_date() {
    let root = common::root();
    let built_in = Background::builtin();
    let jobs = sources::read(&root, true).unwrap();
    assert!(jobs.docs.len() >= 40);
    // The shipped table counts more postings than jobs/ alone: the real ones.
    assert!(
        (built_in.n_en + built_in.n_zh) as usize >= jobs.docs.len() + 500,
        "corpus/background.tsv counts only {} + {} postings",
        built_in.n_en,
        built_in.n_zh
    );
    if sources::shared_dir(&root).is_none() {
        common::skip(&format!(
            "background_is_up_to_date: {} not present, cannot rebuild corpus/background.tsv",
            root.join(sources::SHARED_POSTINGS).display()
        ));
        return;
    }
    let src = sources::read(&root, false).unwrap();
    assert!(
        BACKGROUND_TSV.starts_with(&sources::provenance(&src)),
        "corpus/background.tsv was built from other postings: run `cargo run --example build_background`"
    );
    let fresh = Background::build(&src.docs, &Analyzer::shared());
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
    // Words most real postings use, in both languages.
    for word in [
        "experience",
        "team",
        "responsibilities",
        "负责",
        "工作",
        "要求",
    ] {
        let t = a.analyze(word);
        assert_eq!(t.len(), 1, "{word}");
        assert!(
            bg.idf(&t[0].text) < jdfit::score::tunables::MIN_IDF,
            "{word}: {}",
            bg.idf(&t[0].text)
        );
    }
}

/// Normalising against a share of postings keeps known skills distinctive in a background of
/// hundreds of real postings: a skill a few postings ask for weighs near the top.
#[test]
fn skills_stay_distinctive() {
    let bg = Background::builtin();
    let a = Analyzer::shared();
    for word in ["Kafka", "Terraform", "分布式"] {
        let t = a.analyze(word);
        assert_eq!(t.len(), 1, "{word}");
        let idf = bg.idf(&t[0].text);
        assert!(
            idf > jdfit::score::tunables::HARD_SKILL_IDF / 2.0,
            "{word}: {idf}"
        );
    }
}
