//! The Markdown résumé parser (with its nesting limit), as the CLI calls it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    let _ = jdfit::parse::parse_resume(
        Path::new("r.md"),
        text,
        Some(jdfit::parse::ResumeFormat::Markdown),
    );
});
