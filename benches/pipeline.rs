//! Criterion benches: analyzer throughput on mixed Chinese/English text, one posting scored
//! against the seed résumé, and reading one posting.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jdfit::analyze::Analyzer;
use jdfit::parse::posting;
use std::hint::black_box;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn analyzer(c: &mut Criterion) {
    let a = Analyzer::shared();
    let text = std::fs::read_to_string(root().join("corpus/resume-zh.txt")).unwrap()
        + &std::fs::read_to_string(root().join("jobs/zh/zh-01-senior-sre.txt")).unwrap()
        + &std::fs::read_to_string(
            root().join("jobs/en/en-01-senior-site-reliability-engineer.txt"),
        )
        .unwrap();
    // Token count is fixed for this text: a change in analysis shows here first.
    let tokens = a.analyze(&text).len();
    assert!(tokens > 1000, "{tokens}");
    let mut g = c.benchmark_group("analyzer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("mixed_zh_en", |b| {
        b.iter(|| a.analyze(black_box(&text)).len())
    });
    // The floor, side by side: raw jieba-rs on the same text.
    let jieba = jieba_rs::Jieba::new();
    g.bench_function("jieba_raw", |b| {
        b.iter(|| jieba.cut(black_box(&text), true).len())
    });
    g.finish();
}

fn score(c: &mut Criterion) {
    let m = jdfit::pipeline::prepare(
        &root().join("corpus/resume-zh.txt"),
        &jdfit::pipeline::ResumeOptions::default(),
    )
    .unwrap();
    let en = std::fs::read_to_string(root().join("jobs/en/en-07-mlops-engineer.txt")).unwrap();
    let zh =
        std::fs::read_to_string(root().join("jobs/zh/zh-09-llm-platform-ai-infra.txt")).unwrap();
    let mut g = c.benchmark_group("score");
    g.bench_function("seed_vs_en_posting", |b| {
        b.iter(|| {
            jdfit::pipeline::match_posting(&m, posting::parse(black_box(&en)), "en")
                .unwrap()
                .report
                .score
        })
    });
    g.bench_function("seed_vs_zh_posting", |b| {
        b.iter(|| {
            jdfit::pipeline::match_posting(&m, posting::parse(black_box(&zh)), "zh")
                .unwrap()
                .report
                .score
        })
    });
    // What batch does per posting: score and leading terms, no bullet ranking.
    g.bench_function("quick_en_posting", |b| {
        b.iter(|| m.quick_score(&posting::parse(black_box(&en)), 5).score)
    });
    g.bench_function("quick_zh_posting", |b| {
        b.iter(|| m.quick_score(&posting::parse(black_box(&zh)), 5).score)
    });
    g.finish();
}

/// Reading a posting (parts from headings and content), per posting, with the signals pass
/// alone beside it.
fn read_posting(c: &mut Criterion) {
    let en = std::fs::read_to_string(root().join("jobs/en/en-07-mlops-engineer.txt")).unwrap();
    let zh =
        std::fs::read_to_string(root().join("jobs/zh/zh-09-llm-platform-ai-infra.txt")).unwrap();
    let mut g = c.benchmark_group("read_posting");
    g.bench_function("parse_en", |b| {
        b.iter(|| posting::parse(black_box(&en)).lines.len())
    });
    g.bench_function("parse_zh", |b| {
        b.iter(|| posting::parse(black_box(&zh)).lines.len())
    });
    g.bench_function("signals_en", |b| {
        b.iter(|| {
            en.lines()
                .filter(|l| posting::signals(black_box(l), None).req)
                .count()
        })
    });
    g.bench_function("signals_zh", |b| {
        b.iter(|| {
            zh.lines()
                .filter(|l| posting::signals(black_box(l), None).req)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, analyzer, score, read_posting);
criterion_main!(benches);
