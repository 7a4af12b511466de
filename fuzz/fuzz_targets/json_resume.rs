//! The JSON Resume reader, and writing a parsed résumé back as JSON Resume.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    if let Ok(r) = jdfit::parse::parse_resume(
        Path::new("r.json"),
        text,
        Some(jdfit::parse::ResumeFormat::Json),
    ) {
        let _ = jdfit::render::jsonresume::document(&r);
    }
});
