//! Times the stages of a cold `jdfit match` as it runs them: lexicon automaton, résumé parse,
//! analysis and Tantivy index (Chinese segmented with the dictionary words the texts
//! contain), first posting. `--jieba` times `Jieba::new()` alone instead, the figure the
//! cold start is compared with (`scripts/cold_start.py` runs both, alternating).
//! `cargo run --release --example startup -- corpus/resume-zh.txt jobs/en/en-07-mlops-engineer.txt`.

use jdfit::analyze::Analyzer;
use jdfit::parse;
use jdfit::pipeline::{self, ResumeOptions};
use std::path::Path;
use std::time::Instant;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--jieba") {
        let t = Instant::now();
        let j = jieba_rs::Jieba::new();
        println!("{:.3}", t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(j);
        return Ok(());
    }
    let resume = args.first().map_or("corpus/resume-zh.txt", String::as_str);
    let posting = args
        .get(1)
        .map_or("jobs/en/en-07-mlops-engineer.txt", String::as_str);
    let t0 = Instant::now();
    let mut last = t0;
    let mut lap = |name: &str| {
        let now = Instant::now();
        eprintln!("{name:<22} {:>8.2} ms", (now - last).as_secs_f64() * 1e3);
        last = now;
    };
    let analyzer = Analyzer::shared();
    lap("lexicon automaton");
    let r = parse::load_resume(Path::new(resume), None)?;
    lap("parse résumé");
    let opts = ResumeOptions {
        analyzer,
        ..ResumeOptions::default()
    };
    let m = pipeline::prepare_parsed(r, None, &opts)?;
    lap("analyze and index");
    let text = parse::read_text(Path::new(posting))?;
    let report = pipeline::match_text(&m, &text, posting)?.report;
    lap("score posting");
    eprintln!(
        "{:<22} {:>8.2} ms (score {})",
        "total",
        t0.elapsed().as_secs_f64() * 1e3,
        report.score
    );
    Ok(())
}
