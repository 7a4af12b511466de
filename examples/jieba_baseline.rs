//! The floor for batch throughput: reads the same JSONL as `jdfit batch`, parses each row's
//! `text` and segments it with raw jieba-rs (HMM on, as jdfit uses it) on the same number of
//! threads, in the same chunks, and does nothing else.
//! `cargo run --release --example jieba_baseline -- big.jsonl [threads]`.

use jieba_rs::Jieba;
use rayon::prelude::*;
use std::io::BufRead;
use std::time::Instant;
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: jieba_baseline FILE.jsonl [threads]")?;
    let threads: usize = args.next().map_or(Ok(0), |a| a.parse())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let start = Instant::now();
    let jieba = Jieba::new();
    let load = start.elapsed();
    let reader = std::io::BufReader::new(std::fs::File::open(&path)?);
    let (mut rows, mut bytes, mut tokens) = (0u64, 0u64, 0usize);
    let mut chunk: Vec<String> = Vec::with_capacity(512);
    let flush = |chunk: &mut Vec<String>| -> usize {
        let n = pool.install(|| chunk.par_iter().map(|t| jieba.cut(t, true).len()).sum());
        chunk.clear();
        n
    };
    for line in reader.lines() {
        let line = line?;
        bytes += line.len() as u64 + 1;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            chunk.push(t.to_string());
            rows += 1;
        }
        if chunk.len() >= 512 {
            tokens += flush(&mut chunk);
        }
    }
    tokens += flush(&mut chunk);
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "jieba baseline: {rows} postings, {:.1} MB, {tokens} tokens in {secs:.2}s (dictionary {:.0} ms): {:.0} postings/s, {:.2} MB/s",
        bytes as f64 / 1e6,
        load.as_secs_f64() * 1e3,
        rows as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
