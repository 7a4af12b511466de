//! Criterion bench: reading a 3-page PDF résumé (the committed cairo fixture's page, three
//! times, as one document) into résumé text. The target is under 100 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_pdf(c: &mut Criterion) {
    let bytes = std::fs::read(root().join("tests/fixtures/resumes/cairo-en-3pages.pdf")).unwrap();
    let (text, _) = jdfit::parse::pdf::to_text(Path::new("r.pdf"), &bytes, false).unwrap();
    // Three copies of the résumé: every bullet three times.
    assert_eq!(
        text.matches("Wrote the on-call runbooks").count(),
        3,
        "{text}"
    );
    c.bench_function("pdf/read_3_page_resume", |b| {
        b.iter(|| jdfit::parse::pdf::to_text(Path::new("r.pdf"), black_box(&bytes), false).unwrap())
    });
}

criterion_group!(benches, read_pdf);
criterion_main!(benches);
