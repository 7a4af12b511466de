//! Generates a large, varied postings JSONL from the project's own postings in `jobs/`, for
//! the end-to-end batch benchmark: `cargo run --release --example gen_postings -- 100000 > big.jsonl`.
//!
//! Row `i` takes posting `i mod n` as its base, keeps its title and company, and mixes its body
//! lines with lines from two other postings in an order drawn from a seeded generator, so rows
//! differ while staying realistic in length, structure and language mix. Output is the same for
//! the same arguments.

use std::io::{BufWriter, Write};
use std::path::Path;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(42), |a| a.parse())?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = jdfit::parse::read_texts_under(&root.join("jobs"))?;
    let parsed: Vec<(String, Option<String>, Vec<&str>)> = docs
        .iter()
        .map(|d| {
            let p = jdfit::parse::posting::parse(d);
            // The body starts after the title and header block (the first blank line).
            let body_text = d.split_once("\n\n").map_or(d.as_str(), |(_, b)| b);
            let body: Vec<&str> = body_text.lines().filter(|l| !l.trim().is_empty()).collect();
            (
                p.title.clone().unwrap_or_default(),
                p.meta.get("company").cloned(),
                body,
            )
        })
        .collect();
    let mut rng = Rng(seed);
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for i in 0..rows {
        let (title, company, body) = &parsed[i % parsed.len()];
        let other1 = &parsed[rng.below(parsed.len())].2;
        let other2 = &parsed[rng.below(parsed.len())].2;
        let mut lines: Vec<&str> = body.clone();
        // Swap a few of the base lines for lines of other postings.
        for _ in 0..3 {
            let at = rng.below(lines.len().max(1));
            let donor = if rng.below(2) == 0 { other1 } else { other2 };
            if !donor.is_empty() && at < lines.len() {
                lines[at] = donor[rng.below(donor.len())];
            }
        }
        let text = lines.join("\n");
        let row = serde_json::json!({
            "id": i,
            "title": title,
            "company": company,
            "text": text,
        });
        serde_json::to_writer(&mut out, &row)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
