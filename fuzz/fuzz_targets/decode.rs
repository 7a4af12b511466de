//! Encoding detection and decoding of arbitrary bytes: text or a clean error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = jdfit::parse::encoding::decode(Path::new("f.txt"), data, None) {
        assert!(!s.contains('\r') && !s.contains('\0'));
    }
});
