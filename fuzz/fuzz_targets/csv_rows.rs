//! CSV batch rows from arbitrary bytes (quoting, multi-line fields, ragged rows).
#![no_main]
use jdfit::parse::source::{read_csv_stream, Columns, Item};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_csv_stream(
        "fuzz.csv",
        std::io::Cursor::new(data.to_vec()),
        &Columns::default(),
        &mut |item: Item, _: u64| {
            if let Item::Record(r) = item {
                let _ = r.posting();
            }
        },
    );
});
