//! Property tests: the parsers (résumés, postings, JSONL and CSV rows, encodings) and the
//! analyzer accept any input without panicking, and what
//! they produce stays consistent with the input.

use jdfit::analyze::Analyzer;
use jdfit::parse::{jsonresume, markdown, posting, text};
use proptest::prelude::*;
use std::path::Path;

/// Text made of the pieces real résumés and postings are made of.
fn resumeish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("- ".to_string()),
        Just(" - * ".to_string()),
        Just("• ".to_string()),
        Just("**".to_string()),
        Just("## ".to_string()),
        Just("### ".to_string()),
        Just("工作经历\n".to_string()),
        Just("2019 年 2 月 - 至今".to_string()),
        Just("Jan 2019 – Present".to_string()),
        Just("任职要求：".to_string()),
        Just("K8s集群".to_string()),
        Just("C++ / Node.js".to_string()),
        Just("Ｆｕｌｌ".to_string()),
        "[a-zA-Z0-9 .,:;/+#-]{0,12}",
        "[\\u{4e00}-\\u{9fa5}，。、：]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn text_parser_keeps_every_bullet_verbatim_in_the_input(s in resumeish()) {
        let r = text::parse(&s);
        for b in r.all_bullets() {
            // Bullet text comes from the input (emphasis markers aside), never invented.
            let plain = s.replace("**", "");
            for word in b.text.split_whitespace() {
                prop_assert!(plain.contains(word), "{word:?} not in input");
            }
        }
        let ids: std::collections::HashSet<_> = r.all_bullets().iter().map(|b| b.id.clone()).collect();
        prop_assert_eq!(ids.len(), r.all_bullets().len(), "ids are unique");
    }

    #[test]
    fn markdown_parser_never_panics(s in resumeish()) {
        let r = markdown::parse(&s);
        let ids: std::collections::HashSet<_> = r.all_bullets().iter().map(|b| b.id.clone()).collect();
        prop_assert_eq!(ids.len(), r.all_bullets().len());
    }

    #[test]
    fn posting_parser_keeps_lines_in_order(s in resumeish()) {
        let p = posting::parse(&s);
        let lines: Vec<usize> = p.lines.iter().map(|l| l.line).collect();
        prop_assert!(lines.windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(p.lines.iter().all(|l| !l.text.is_empty()));
    }

    #[test]
    fn json_resume_parser_returns_errors_not_panics(s in resumeish()) {
        let _ = jsonresume::parse(Path::new("x.json"), &s);
    }

    #[test]
    fn analyzer_offsets_are_valid_and_ordered(s in resumeish()) {
        let toks = Analyzer::shared().analyze(&s);
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert!(t.start >= last, "tokens in text order");
            last = t.start;
            prop_assert!(!t.text.trim().is_empty());
        }
    }
}

/// JSONL-ish and CSV-ish bytes: the shapes of exports, broken in every way.
fn rowish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"{\"id\":\"1\",\"text\":\"".to_vec()),
        Just(b"\"}".to_vec()),
        Just(b"id,title,text\n".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just("任职要求：K8s".as_bytes().to_vec()),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0xEF, 0xBB, 0xBF]),
        Just(vec![0x00]),
        prop::collection::vec(any::<u8>(), 0..8),
        "[a-z0-9 ,:{}\\[\\]\"]{0,10}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn jsonl_and_csv_rows_become_records_or_row_errors(data in rowish()) {
        use jdfit::parse::source::{read_csv_stream, read_jsonl_stream, Columns, Item};
        let cols = Columns::default();
        let mut sink = |item: Item, _: u64| {
            if let Item::Record(r) = item {
                let _ = jdfit::parse::source::posting_of(&r);
            }
        };
        let _ = read_jsonl_stream("x.jsonl", std::io::Cursor::new(data.clone()), &cols, &mut sink);
        let _ = read_csv_stream("x.csv", std::io::Cursor::new(data), &cols, &mut sink);
    }

    #[test]
    fn decoding_gives_clean_text_or_an_error(data in rowish()) {
        if let Ok(s) = jdfit::parse::encoding::decode(Path::new("x.txt"), &data, None) {
            prop_assert!(!s.contains('\r') && !s.contains('\0'));
        }
    }
}
