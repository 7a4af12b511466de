//! Prints nDCG@5 (bullet ranking) and nDCG@20 (posting ranking) for jdfit and the plain BM25
//! baseline on the labelled development set in `eval/`: `cargo run --release --example evaluate`.

#[path = "../eval/harness.rs"]
mod harness;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let e = harness::evaluate(root)?;
    println!("| system | bullets nDCG@5 (all / seed) | postings nDCG@20 (all / seed) |");
    println!("|---|---|---|");
    for (name, f) in [("jdfit", &e.jdfit), ("BM25 baseline", &e.baseline)] {
        println!(
            "| {name} | {:.3} / {:.3} | {:.3} / {:.3} |",
            f.bullets_ndcg5, f.seed_bullets_ndcg5, f.postings_ndcg20, f.seed_postings_ndcg20
        );
    }
    println!(
        "\n{} labelled bullet rankings, {} résumés ranking postings",
        e.jdfit.bullet_queries, e.jdfit.posting_queries
    );
    Ok(())
}
