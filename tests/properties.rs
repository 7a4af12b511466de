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

/// Text made of the pieces real postings are made of, one-line layouts included.
fn postingish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("- ".to_string()),
        Just("§ ".to_string()),
        Just("【任职要求】".to_string()),
        Just("】".to_string()),
        Just("【".to_string()),
        Just("岗位职责：".to_string()),
        Just("应聘资格要求1.".to_string()),
        Just("2、".to_string()),
        Just("（3）".to_string()),
        Just("学历2、".to_string()),
        Just("研发-负责".to_string()),
        Just("===========".to_string()),
        Just("Company: Acme | Location: Remote\n".to_string()),
        Just("What you'll bring with you?\n".to_string()),
        Just("About the job\n".to_string()),
        Just("$174,000/yr - $235,000/yr".to_string()),
        Just("15-25K·13薪".to_string()),
        Just("底薪5000元".to_string()),
        Just("5+ years of experience with Go. ".to_string()),
        Just("Acme is a leading platform. ".to_string()),
        Just("CLICK TO APPLY".to_string()),
        Just("BA/BS degree, MS in ".to_string()),
        Just("熟悉B站".to_string()),
        Just("Requirements - ".to_string()),
        Just("It’s great, but not required:".to_string()),
        "[a-zA-Z0-9 .,:;?!/+#()-]{0,16}",
        "[\\u{4e00}-\\u{9fa5}，。、：；！（）]{0,10}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn posting_reader_never_panics_and_keeps_text_verbatim(s in postingish()) {
        let p = posting::parse(&s);
        // Verbatim but for emphasis (removed where it pairs up, so the text is in the input
        // as written or without its markers), and runs of horizontal space read as one space.
        let spaced = |t: &str| {
            let mut out = String::new();
            for c in t.chars() {
                let space = c == ' ' || c == '\t' || (!c.is_ascii() && c.is_whitespace());
                if !(space && out.ends_with(' ')) {
                    out.push(if space { ' ' } else { c });
                }
            }
            out
        };
        let (written, plain) = (spaced(&s), spaced(&s.replace("**", "").replace("__", "")));
        for l in &p.lines {
            prop_assert!(!l.text.is_empty());
            prop_assert!(
                written.contains(l.text.as_str()) || plain.contains(l.text.as_str()),
                "{:?} not in the input",
                l.text
            );
        }
        // An export row whose body repeats its title line reads the same way as the file.
        let body = posting::parse_body(p.title.clone(), None, &s);
        let read = |p: &jdfit::model::Posting| -> Vec<(jdfit::model::Part, String)> {
            p.lines.iter().map(|l| (l.part, l.text.clone())).collect()
        };
        prop_assert_eq!(read(&body), read(&p));
    }

    #[test]
    fn text_parser_keeps_every_bullet_verbatim_in_the_input(s in resumeish()) {
        let r = text::parse(&s);
        for b in r.all_bullets() {
            // Bullet text comes from the input (as written, or without emphasis markers
            // where they pair up), never invented.
            // Where runs of markers meet (`****Full**`), some pair and some stay: the word is
            // then in the input once the markers are set aside.
            let plain = s.replace("**", "");
            let bare = |t: &str| t.replace(['*', '_'], "");
            let bare_input = bare(&s);
            // A Chinese line wrapped mid-sentence continues on the next without a space
            // (`- ，` over `：` is one bullet `，：`): its words are in the lines joined so.
            let joined: String = s.lines().map(str::trim).collect();
            for word in b.text.split_whitespace() {
                prop_assert!(
                    s.contains(word)
                        || plain.contains(word)
                        || joined.contains(word)
                        || (word.contains(['*', '_']) && bare_input.contains(&bare(word))),
                    "{word:?} not in input"
                );
            }
        }
        let ids: std::collections::HashSet<_> = r.all_bullets().iter().map(|b| b.id.clone()).collect();
        prop_assert_eq!(ids.len(), r.all_bullets().len(), "ids are unique");
    }

    #[test]
    fn degree_reading_never_panics_and_agrees_with_its_bounds(s in postingish()) {
        use jdfit::score::requirements::{degree_bounds, degrees_in};
        let all = degrees_in(&s);
        let bounds = degree_bounds(&s);
        prop_assert_eq!(bounds, all.first().copied().zip(all.last().copied()));
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
    fn json_resume_parser_returns_errors_not_panics(
        s in resumeish(),
        cut in any::<prop::sample::Index>(),
        insert in resumeish(),
    ) {
        // Free text: an error naming the file and a line of the input (it is never JSON).
        check_json_resume(&s)?;
        // A valid document cut short anywhere: always an error, at a line of what was given.
        let mut at = cut.index(JSON_RESUME.len());
        while !JSON_RESUME.is_char_boundary(at) {
            at -= 1;
        }
        let short = &JSON_RESUME[..at];
        prop_assert!(
            jsonresume::parse(Path::new("x.json"), short).is_err(),
            "a truncated document was accepted: {short:?}"
        );
        check_json_resume(short)?;
        // Text spliced into a valid document: still valid where it lands inside a string (its
        // highlights are then read as they now are), otherwise an error at a line of the input.
        check_json_resume(&format!("{short}{insert}{}", &JSON_RESUME[at..]))?;
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

/// A valid JSON Resume document with highlights in work, projects and volunteering.
const JSON_RESUME: &str = r#"{
  "basics": {"name": "R", "label": "SRE"},
  "work": [
    {"name": "Pied Piper", "position": "CEO", "startDate": "2013-12-01",
     "highlights": ["Won Disrupt", "  Built compression  ", ""]},
    {"name": "Hooli", "highlights": ["负责 K8s 集群运维"]}
  ],
  "projects": [{"name": "Nucleus", "highlights": ["Shipped it"]}],
  "volunteer": [{"organization": "Club", "highlights": ["Taught Rust"]}],
  "education": [{"institution": "Stanford", "area": "CS", "studyType": "Bachelor"}]
}"#;

/// What `jsonresume::parse` must do with `s`: accept it only when it is JSON, with one bullet
/// per highlight not blank once its control characters are removed (trimmed, in section order:
/// work, projects, volunteer) and unique ids; otherwise fail with `x.json:LINE: …`, LINE a
/// line of `s`.
fn check_json_resume(s: &str) -> Result<(), TestCaseError> {
    match jsonresume::parse(Path::new("x.json"), s) {
        Ok(r) => {
            let doc: serde_json::Value = serde_json::from_str(s).map_err(|e| {
                TestCaseError::fail(format!("accepted text that is not JSON ({e}): {s:?}"))
            })?;
            let mut want = Vec::new();
            for array in ["work", "projects", "volunteer"] {
                for item in doc[array].as_array().into_iter().flatten() {
                    for h in item["highlights"].as_array().into_iter().flatten() {
                        let h = h.as_str().expect("highlights are strings once parsed");
                        // Control characters removed, as from any résumé.
                        let h = jdfit::parse::encoding::clean(h);
                        if !h.trim().is_empty() {
                            want.push(h.trim().to_string());
                        }
                    }
                }
            }
            let got: Vec<String> = r.all_bullets().iter().map(|b| b.text.clone()).collect();
            prop_assert_eq!(got, want);
            let ids: std::collections::HashSet<_> =
                r.all_bullets().iter().map(|b| b.id.clone()).collect();
            prop_assert_eq!(ids.len(), r.all_bullets().len(), "ids are unique");
        }
        Err(e) => {
            let msg = e.to_string();
            let line: usize = msg
                .strip_prefix("x.json:")
                .and_then(|rest| rest.split(':').next())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| TestCaseError::fail(format!("no x.json:LINE: in {msg:?}")))?;
            let lines = s.matches('\n').count() + 1;
            prop_assert!(
                (1..=lines).contains(&line),
                "line {} of a {}-line input: {}",
                line,
                lines,
                msg
            );
        }
    }
    Ok(())
}

/// The posting text a row's fields give: the first of `text`, `description` that is a
/// non-blank string, a number or a boolean, with line ends made `\n`.
fn row_text(fields: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    use serde_json::Value;
    // Only a string is a posting's text (a number in its field is no posting).
    ["text", "description"]
        .iter()
        .find_map(|k| match fields.get(*k)? {
            Value::String(s) if !s.trim().is_empty() => {
                Some(s.replace("\r\n", "\n").replace('\r', "\n"))
            }
            _ => None,
        })
}

/// What a source yields, as (source, the record's text or `None` for a row error).
type Yield = Vec<(String, Option<String>)>;

/// What `read` sends to its sink, checking that records are numbered 0, 1, 2… in order.
fn yields(
    read: impl FnOnce(&mut dyn jdfit::parse::source::Sink) -> jdfit::error::Result<()>,
) -> (jdfit::error::Result<()>, Yield) {
    use jdfit::parse::source::Item;
    let mut got = Vec::new();
    let mut seq = 0;
    let mut sink = |item: Item, _: u64| match item {
        Item::Record(r) => {
            assert_eq!(r.seq, seq, "records numbered in order");
            seq += 1;
            let _ = jdfit::parse::source::posting_of(&r);
            got.push((r.source, Some(r.text)));
        }
        Item::Error(e) => {
            assert!(!e.reason.is_empty(), "{e:?}");
            got.push((e.source, None));
        }
    };
    let result = read(&mut sink);
    (result, got)
}

/// JSONL-ish and CSV-ish bytes: the shapes of exports, broken in every way.
fn rowish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"{\"id\":\"1\",\"text\":\"".to_vec()),
        Just(b"\"}".to_vec()),
        // Whole rows, so that records are read too, not only errors.
        Just(b"{\"id\": 2, \"text\": \"Kubernetes\\r\\nGo\"}\n".to_vec()),
        Just(b"{\"title\": \"SRE\", \"description\": 7, \"x\": [1]}\n".to_vec()),
        Just(b"{\"text\": \"  \", \"description\": true}\n".to_vec()),
        Just(b"id,title,text\n".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"id;title;text\n".to_vec()),
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
        use jdfit::parse::source::{read_csv_stream, read_jsonl_stream, Columns};
        use std::io::Read;
        let cols = Columns::default();
        // The rows are cut from the text as the reader transcodes it (that is checked below).
        let mut text = Vec::new();
        let Ok(mut decoded) =
            jdfit::parse::encoding::utf8_reader(std::io::Cursor::new(data.clone()), None)
        else {
            // Binary data (NUL bytes): both readers refuse the input whole, reading no row.
            let mut none = |_: jdfit::parse::source::Item, _: u64| panic!("a row from binary data");
            let jsonl = read_jsonl_stream("x.jsonl", std::io::Cursor::new(data.clone()), &cols, &mut none);
            let csv = read_csv_stream("x.csv", std::io::Cursor::new(data), &cols, &mut none);
            prop_assert!(jsonl.is_err() && csv.is_err());
            return Ok(());
        };
        decoded.read_to_end(&mut text).unwrap();

        // JSONL: every non-blank line is one record or one row error, at its line number; a
        // record carries the line's text field.
        // CR and CRLF end a line as LF does (a file with CR line ends).
        let mut normal = Vec::with_capacity(text.len());
        let mut k = 0;
        while k < text.len() {
            if text[k] == b'\r' {
                normal.push(b'\n');
                if text.get(k + 1) == Some(&b'\n') {
                    k += 1;
                }
            } else {
                normal.push(text[k]);
            }
            k += 1;
        }
        let mut want: Yield = Vec::new();
        // Per row: whether it was a JSON object.
        let mut objects: Vec<bool> = Vec::new();
        for (i, line) in normal.split(|b| *b == b'\n').enumerate() {
            let n = i + 1;
            let Ok(line) = std::str::from_utf8(line) else {
                want.push((format!("x.jsonl:{n}"), None));
                objects.push(false);
                continue;
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            let (record, object) = match serde_json::from_str(line) {
                Ok(serde_json::Value::Object(fields)) => (row_text(&fields), true),
                _ => (None, false),
            };
            want.push((format!("x.jsonl:{n}"), record));
            objects.push(object);
        }
        // No JSON object among the first hundred rows, or among two or more rows in all:
        // the input is no JSONL, one error for the whole of it (a single row keeps its own).
        let first = objects.iter().position(|&o| o).unwrap_or(objects.len());
        if first >= 100 || (first == objects.len() && objects.len() >= 2) {
            want = vec![("x.jsonl".into(), None)];
        }
        let (result, got) = yields(|sink| {
            read_jsonl_stream("x.jsonl", std::io::Cursor::new(data.clone()), &cols, sink)
        });
        prop_assert!(result.is_ok(), "{:?}", result);
        prop_assert_eq!(got, want, "JSONL of {:?}", String::from_utf8_lossy(&text));

        // CSV: with a text column in the header, every row (as a lenient CSV reader splits
        // them) is one record or one row error, at the line it starts on; without one, an
        // error and nothing read.
        // The delimiter: a comma if the header record splits on commas, else the one of
        // semicolon and tab it splits on more (a tie goes to the semicolon).
        let header_fields = |d: u8| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(d)
                .from_reader(&text[..])
                .byte_records()
                .next()
                .and_then(Result::ok)
                .map_or(0, |r| r.len())
        };
        let delimiter = match (header_fields(b','), header_fields(b';'), header_fields(b'\t')) {
            (c, _, _) if c > 1 => b',',
            (_, s, t) if s > 1 && s >= t => b';',
            (_, _, t) if t > 1 => b'\t',
            _ => b',',
        };
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(&text[..]);
        let headers: Vec<String> = rdr
            .byte_headers()
            .unwrap()
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        let has_text = cols.text.iter().any(|t| headers.contains(t));
        // Whether the text ends inside a quoted field, which the CSV reader ends at the end of
        // the file without an error: a line added after it is then swallowed into the last
        // field instead of read as one more row. That row is an error (an unclosed quote).
        let count = |t: &[u8]| {
            csv::ReaderBuilder::new()
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(t)
                .byte_records()
                .count()
        };
        let rows = count(&text);
        let swallowed = rows > 0 && count(&[&text[..], b"\nmore"].concat()) == rows;
        let mut want: Yield = Vec::new();
        if has_text {
            for (k, row) in rdr.byte_records().enumerate() {
                let row = row.unwrap();
                // The line it starts on, blank lines before it skipped: CR, LF and CRLF
                // each end one line.
                let mut at = row.position().unwrap().byte() as usize;
                let ends = |t: &[u8]| {
                    t.iter()
                        .enumerate()
                        .filter(|&(i, &b)| b == b'\r' || (b == b'\n' && (i == 0 || t[i - 1] != b'\r')))
                        .count()
                };
                let mut line = ends(&text[..at]) + 1;
                // A CRLF cut by `at` was counted at its CR.
                if at > 0 && text[at - 1] == b'\r' && text.get(at) == Some(&b'\n') {
                    at += 1;
                }
                while let Some(&b) = text.get(at).filter(|b| **b == b'\r' || **b == b'\n') {
                    at += if b == b'\r' && text.get(at + 1) == Some(&b'\n') { 2 } else { 1 };
                    line += 1;
                }
                let source = format!("x.csv:{line}");
                let mut fields = serde_json::Map::new();
                let mut utf8 = true;
                for (h, v) in headers.iter().zip(row.iter()) {
                    match std::str::from_utf8(v) {
                        Ok(v) => {
                            fields.insert(h.clone(), v.into());
                        }
                        Err(_) => utf8 = false,
                    }
                }
                let runaway = swallowed && k + 1 == rows;
                let record = (row.len() == headers.len() && utf8 && !runaway)
                    .then(|| row_text(&fields))
                    .flatten();
                want.push((source, record));
            }
        }
        let (result, got) =
            yields(|sink| read_csv_stream("x.csv", std::io::Cursor::new(data), &cols, sink));
        prop_assert_eq!(result.is_ok(), has_text, "{:?} with header {:?}", result, headers);
        prop_assert_eq!(got, want, "CSV of {:?}", String::from_utf8_lossy(&text));
    }

    #[test]
    fn decoding_gives_clean_text_or_an_error(data in rowish()) {
        if let Ok(s) = jdfit::parse::encoding::decode(Path::new("x.txt"), &data, None) {
            prop_assert!(!s.contains('\r') && !s.contains('\0'));
        }
    }
}
