//! The plain-text (PDF paste) résumé parser, through the same entry point as the CLI: an
//! error is fine, a panic is not, and each bullet starts with words of the input (the parser
//! only drops markers and Markdown emphasis).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    if let Ok(r) = jdfit::parse::parse_resume(Path::new("r.txt"), text, None) {
        let plain: String = text.chars().filter(|&c| c != '*' && c != '_').collect();
        for b in r.all_bullets() {
            let first: String = b
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .filter(|&c| c != '*' && c != '_')
                .collect();
            assert!(plain.contains(&first), "{first:?} is not in the input");
        }
    }
});
