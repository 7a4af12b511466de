//! The mixed-script analyzer: offsets are char boundaries in order, no token is empty or
//! longer than the word limit allows.
#![no_main]
use jdfit::analyze::{Analyzer, MAX_WORD_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = Analyzer::shared();
    let mut last = 0;
    a.for_each_token(text, &mut |t| {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start >= last, "tokens in order");
        assert!(!t.text.is_empty() && t.text.len() <= MAX_WORD_BYTES.max(200));
        last = t.start;
    });
});
