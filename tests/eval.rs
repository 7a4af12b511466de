//! Matching quality on the labelled development set (`eval/`, labelled blind): jdfit must
//! stay above floors set from its measured figures, and above the plain BM25 baseline.

#[path = "../eval/harness.rs"]
mod harness;

#[test]
fn quality_floors_on_the_development_set() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let e = harness::evaluate(root).unwrap();
    eprintln!("{e:#?}");
    let j = &e.jdfit;
    assert_eq!(j.bullet_queries, 36);
    assert_eq!(j.posting_queries, 4);
    // Floors a little under the figures in the README, so a regression fails here.
    assert!(
        j.bullets_ndcg5 >= 0.83,
        "bullets nDCG@5 {}",
        j.bullets_ndcg5
    );
    assert!(
        j.seed_bullets_ndcg5 >= 0.85,
        "seed bullets nDCG@5 {}",
        j.seed_bullets_ndcg5
    );
    assert!(
        j.postings_ndcg20 >= 0.95,
        "postings nDCG@20 {}",
        j.postings_ndcg20
    );
    assert!(
        j.seed_postings_ndcg20 >= 0.96,
        "seed postings nDCG@20 {}",
        j.seed_postings_ndcg20
    );
    // And clearly better than plain BM25 without the lexicon.
    assert!(j.bullets_ndcg5 > e.baseline.bullets_ndcg5 + 0.03);
    assert!(j.postings_ndcg20 > e.baseline.postings_ndcg20 + 0.1);
}
