//! Regenerates `corpus/jieba-dict.fst`, jieba's dictionary as a finite-state map (word →
//! frequency) that a cold `jdfit match` reads in place, from the `dict.txt` that jieba-rs
//! embeds. Run after upgrading jieba-rs:
//! `cargo run --example build_dictionary -- ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt`
//! (`analyze::segment`'s tests check the result against `Jieba::new()`).

use std::collections::BTreeMap;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let src = std::env::args()
        .nth(1)
        .ok_or("usage: build_dictionary <jieba-rs src/data/dict.txt>")?;
    let text = std::fs::read_to_string(&src)?;
    // A later line replaces an earlier one, as `Jieba::load_dict` does.
    let mut words = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let mut parts = line.split_ascii_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq: u64 = match parts.next() {
            Some(f) => f
                .parse()
                .map_err(|e| format!("{src}:{}: frequency {f:?}: {e}", i + 1))?,
            None => 0,
        };
        words.insert(word.to_string(), freq);
    }
    let total: u64 = words.values().sum();
    let map = fst::Map::from_iter(words.iter().map(|(w, f)| (w.as_bytes(), *f)))?;
    let mut out = jdfit::analyze::segment::MAGIC.to_vec();
    out.extend_from_slice(&total.to_le_bytes());
    out.extend_from_slice(map.as_fst().as_bytes());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/jieba-dict.fst");
    std::fs::write(&path, &out)?;
    eprintln!(
        "{}: {} words, total frequency {total}, {} bytes",
        path.display(),
        words.len(),
        out.len()
    );
    Ok(())
}
