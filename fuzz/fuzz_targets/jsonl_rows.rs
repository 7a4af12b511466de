//! JSONL batch rows from arbitrary bytes: bad rows become row errors, never panics.
#![no_main]
use jdfit::parse::source::{read_jsonl_stream, Columns, Item};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut n = 0usize;
    let _ = read_jsonl_stream(
        "fuzz.jsonl",
        std::io::Cursor::new(data.to_vec()),
        &Columns::default(),
        &mut |item: Item, _: u64| {
            if let Item::Record(r) = item {
                let _ = r.posting();
            }
            n += 1;
        },
    );
});
