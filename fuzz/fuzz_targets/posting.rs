//! The posting parser, and the years and degree a posting asks for.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let p = jdfit::parse::posting::parse(text);
    for l in &p.lines {
        assert!(!l.text.is_empty());
    }
    let _ = jdfit::checks::asks(&p);
});
