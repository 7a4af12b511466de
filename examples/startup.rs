//! Times the stages of a cold `jdfit match`: jieba dictionary, lexicon automaton, résumé
//! parse, Tantivy index, first posting. Run it several times and read the medians:
//! `cargo run --release --example startup -- corpus/resume-zh.txt jobs/en/en-07-mlops-engineer.txt`.

use jdfit::analyze::Analyzer;
use jdfit::parse;
use jdfit::pipeline::{self, ResumeOptions};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
    Analyzer::warm_up();
    lap("jieba dictionary");
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
