//! Posting sources for batch scoring: folders of `.txt`/`.md` postings, JSONL (or NDJSON)
//! exports, CSV exports with a header row, and JSONL on standard input. Records are streamed
//! one by one to a sink; a malformed row becomes a [`RowError`] and reading goes on.

use super::posting;
use crate::error::{Error, Result};
use crate::model::{Posting, PostingRecord};
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Column (or JSON field) names to read postings from.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Identifier.
    pub id: String,
    /// Job title.
    pub title: String,
    /// Company.
    pub company: String,
    /// Location.
    pub location: String,
    /// Link to the posting.
    pub url: String,
    /// Posting text, tried in order.
    pub text: Vec<String>,
    /// The inputs' text encoding; detected per file (BOM, UTF-8, UTF-16, GB18030) when `None`.
    pub encoding: Option<&'static super::encoding::Encoding>,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            id: "id".into(),
            title: "title".into(),
            company: "company".into(),
            location: "location".into(),
            url: "url".into(),
            text: vec!["text".into(), "description".into()],
            encoding: None,
        }
    }
}

/// Parses a record's text into a posting, with the record's own title and fields.
pub fn posting_of(record: &PostingRecord) -> Posting {
    let mut p = if record.has_title_line {
        posting::parse_with_company(&record.text, record.company.as_deref())
    } else {
        posting::parse_body(
            record.title.clone(),
            record.company.as_deref(),
            &record.text,
        )
    };
    for (k, v) in [
        ("company", &record.company),
        ("location", &record.location),
        ("url", &record.url),
    ] {
        if let Some(v) = v {
            p.meta.insert(k.to_string(), v.clone());
        }
    }
    p
}

/// A row that could not be read: reported and skipped.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RowError {
    /// `FILE:LINE` or `FILE`.
    pub source: String,
    /// What is wrong.
    pub reason: String,
}

impl RowError {
    /// Whether this names one row (`FILE:LINE`, or `FILE#N` in a JSON array) rather than a
    /// whole input (`FILE`: unreadable, no JSONL, a read error that ends it), which a caller
    /// showing only some bad rows must always show.
    pub fn is_row(&self) -> bool {
        self.source
            .rsplit_once([':', '#'])
            .is_some_and(|(_, n)| n.parse::<u64>().is_ok())
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// What a source yields.
#[derive(Debug)]
// Nearly every item is a record: boxing it would allocate once more per posting for nothing.
#[allow(clippy::large_enum_variant)]
pub enum Item {
    /// A posting.
    Record(PostingRecord),
    /// A bad row, file or folder entry.
    Error(RowError),
}

/// The kind of an input argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A folder, walked recursively for `.txt`, `.md` and `.html`/`.htm` postings.
    Dir(PathBuf),
    /// One posting file.
    File(PathBuf),
    /// A JSONL / NDJSON file.
    Jsonl(PathBuf),
    /// A CSV (or TSV) file with a header row.
    Csv(PathBuf),
    /// A JSON export: an array of posting objects (or one object).
    Json(PathBuf),
    /// JSONL on standard input (`-`).
    Stdin,
}

impl Input {
    /// Classifies a command-line argument. Missing paths are an error.
    pub fn from_arg(arg: &Path) -> Result<Input> {
        if arg.as_os_str() == "-" {
            return Ok(Input::Stdin);
        }
        let meta = std::fs::metadata(arg).map_err(|source| Error::Io {
            path: arg.to_path_buf(),
            source,
        })?;
        if meta.is_dir() {
            return Ok(Input::Dir(arg.to_path_buf()));
        }
        let ext = arg
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        Ok(match ext.as_deref() {
            Some("jsonl" | "ndjson") => Input::Jsonl(arg.to_path_buf()),
            // A TSV export is a CSV one whose header shows tabs.
            Some("csv" | "tsv") => Input::Csv(arg.to_path_buf()),
            Some("json") => Input::Json(arg.to_path_buf()),
            _ => Input::File(arg.to_path_buf()),
        })
    }

    /// Bytes this input will read, when known (for progress).
    pub fn size_hint(&self) -> Option<u64> {
        match self {
            Input::Stdin => None,
            Input::Dir(d) => Some(
                walkdir::WalkDir::new(d)
                    .into_iter()
                    .filter_map(|e| e.ok())
                    .filter(|e| e.file_type().is_file() && is_posting_file(e.path()))
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum(),
            ),
            Input::File(p) | Input::Jsonl(p) | Input::Csv(p) | Input::Json(p) => {
                std::fs::metadata(p).ok().map(|m| m.len())
            }
        }
    }
}

/// A posting file in a folder: text, Markdown, or a saved web page (read as its main text).
fn is_posting_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "md", "html", "htm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Where records go, with the number of input bytes consumed so far (for progress).
pub trait Sink {
    /// Receives the next item.
    fn item(&mut self, item: Item, bytes_read: u64);
}

impl<F: FnMut(Item, u64)> Sink for F {
    fn item(&mut self, item: Item, bytes_read: u64) {
        self(item, bytes_read)
    }
}

/// A whole input that could not be read, as a row error: `FILE[:LINE]: reason; input
/// skipped`.
fn input_error(input: &Input, e: Error) -> RowError {
    let name = match input {
        Input::Dir(p) | Input::File(p) | Input::Jsonl(p) | Input::Csv(p) | Input::Json(p) => {
            p.display().to_string()
        }
        Input::Stdin => "<stdin>".to_string(),
    };
    let (source, reason) = split_source(name, &e.to_string());
    RowError {
        source,
        reason: format!("{reason}; input skipped"),
    }
}

/// Reads every input in order and streams its records to `sink`. `-` ([`Input::Stdin`]) is
/// read from `stdin`, which the caller supplies (the library never opens standard input
/// itself). Bad rows and unreadable files inside a folder are items. An input that cannot be
/// read at all (a missing file, a CSV without a text column) is an error when it is the only
/// one; among several it is an item too, and the other inputs are read.
pub fn read_all(
    inputs: &[Input],
    columns: &Columns,
    mut stdin: Option<Box<dyn Read>>,
    sink: &mut dyn Sink,
) -> Result<()> {
    let mut seq = 0u64;
    let mut bytes = 0u64;
    for input in inputs {
        // An input with nothing in it (a header-only CSV, an empty file, `[]`) says so by
        // name, where the run would end with "no posting could be scored" naming no file.
        let mut items = 0u64;
        let mut counted = |item: Item, at: u64| {
            items += 1;
            sink.item(item, at);
        };
        let read = read_one(
            input,
            columns,
            &mut stdin,
            &mut seq,
            &mut bytes,
            &mut counted,
        );
        match read {
            Err(e) if inputs.len() > 1 => sink.item(Item::Error(input_error(input, e)), bytes),
            Ok(()) if items == 0 => {
                let (source, reason) = match input {
                    Input::Stdin => ("<stdin>".to_string(), "no rows on standard input"),
                    Input::Dir(p) => (
                        p.display().to_string(),
                        "no posting files in it (.txt, .md, .html; an export in a folder is not read: give it as an input)",
                    ),
                    Input::File(p) | Input::Jsonl(p) | Input::Csv(p) | Input::Json(p) => (
                        p.display().to_string(),
                        "no postings in it (an empty export)",
                    ),
                };
                let mut reason = reason.to_string();
                if let Input::Dir(p) = input {
                    // A folder of links (to postings kept elsewhere) reads as empty: say why.
                    let links = walkdir::WalkDir::new(p)
                        .max_depth(64)
                        .into_iter()
                        .filter_map(std::result::Result::ok)
                        .filter(|e| e.depth() > 0 && e.path_is_symlink())
                        .count();
                    if links > 0 {
                        reason.push_str(&if links == 1 {
                            "; its symbolic link is not followed: give the file it names".to_string()
                        } else {
                            format!("; its {links} symbolic links are not followed: give the files they name")
                        });
                    }
                }
                sink.item(Item::Error(RowError { source, reason }), bytes);
            }
            r => r?,
        }
    }
    Ok(())
}

/// Reads one input of [`read_all`].
fn read_one(
    input: &Input,
    columns: &Columns,
    stdin: &mut Option<Box<dyn Read>>,
    seq: &mut u64,
    bytes: &mut u64,
    sink: &mut dyn Sink,
) -> Result<()> {
    match input {
        Input::Dir(d) => read_dir(d, columns, seq, bytes, sink),
        Input::File(p) => {
            let item = read_file(p, columns, seq);
            *bytes += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            sink.item(item, *bytes);
        }
        Input::Jsonl(p) => {
            let f = utf8(p, open(p)?, columns)?;
            read_jsonl(&p.display().to_string(), f, columns, seq, bytes, sink);
        }
        Input::Stdin => read_jsonl(
            "<stdin>",
            utf8(
                Path::new("-"),
                stdin.take().ok_or_else(|| {
                    Error::Usage("standard input (-) is not available here".into())
                })?,
                columns,
            )?,
            columns,
            seq,
            bytes,
            sink,
        ),
        Input::Json(p) => {
            let f = utf8(p, open(p)?, columns)?;
            read_json(p, f, columns, seq, bytes, sink)?;
        }
        Input::Csv(p) => {
            let f = utf8(p, open(p)?, columns)?;
            read_csv(p, f, columns, seq, bytes, sink)?
        }
    }
    Ok(())
}

/// Reads JSONL records from `reader` (named `name` in row errors), as for a `.jsonl` input.
pub fn read_jsonl_stream(
    name: &str,
    reader: impl Read + 'static,
    columns: &Columns,
    sink: &mut dyn Sink,
) -> Result<()> {
    let reader = utf8(Path::new(name), reader, columns)?;
    let (mut seq, mut bytes) = (0, 0);
    read_jsonl(name, reader, columns, &mut seq, &mut bytes, sink);
    Ok(())
}

/// Reads CSV records from `reader` (named `name` in errors), as for a `.csv` input.
pub fn read_csv_stream(
    name: &str,
    reader: impl Read + 'static,
    columns: &Columns,
    sink: &mut dyn Sink,
) -> Result<()> {
    let reader = utf8(Path::new(name), reader, columns)?;
    let (mut seq, mut bytes) = (0, 0);
    read_csv(Path::new(name), reader, columns, &mut seq, &mut bytes, sink)
}

/// A reader that fails once the record being read (a CSV row, an element of a JSON array)
/// has taken more than `limit` bytes: a stray quote can turn the rest of a file into one
/// record, which must not be buffered whole. (`record_start` is where the current record
/// began, set after each record, against `read`, the bytes read so far.)
struct RecordBound<R> {
    inner: R,
    read: std::rc::Rc<std::cell::Cell<u64>>,
    record_start: std::rc::Rc<std::cell::Cell<u64>>,
    limit: u64,
    /// What a runaway record most likely is, for the message.
    hint: &'static str,
}

impl<R: Read> Read for RecordBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.get().saturating_sub(self.record_start.get()) > self.limit {
            return Err(std::io::Error::other(format!(
                "a row larger than the {} MiB record limit ({}); the rest of the file is skipped",
                super::MAX_INPUT_BYTES >> 20,
                self.hint
            )));
        }
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Reads a JSON export (`.json`): an array of posting objects, each a row as in JSONL, or one
/// posting object. The array is read an element at a time, never held whole. A malformed
/// document ends the file with an error at its line; an element that is not an object is a
/// bad row. Rows are named `FILE#N`, N counting from 1.
fn read_json(
    path: &Path,
    reader: impl Read,
    columns: &Columns,
    seq: &mut u64,
    bytes: &mut u64,
    sink: &mut dyn Sink,
) -> Result<()> {
    use serde::de::{Deserializer as _, MapAccess, SeqAccess, Visitor};
    let read = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let record_start = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let bounded = RecordBound {
        inner: reader,
        read: read.clone(),
        record_start: record_start.clone(),
        limit: super::MAX_INPUT_BYTES + (1 << 20),
        hint: "an unclosed string?",
    };
    struct Rows<'a> {
        name: String,
        columns: &'a Columns,
        seq: &'a mut u64,
        bytes: &'a mut u64,
        sink: &'a mut dyn Sink,
        read: std::rc::Rc<std::cell::Cell<u64>>,
        record_start: std::rc::Rc<std::cell::Cell<u64>>,
        /// Bytes of the inputs read before this file (progress counts across inputs).
        before: u64,
        n: usize,
    }
    impl Rows<'_> {
        fn row(&mut self, v: Value) {
            self.n += 1;
            self.record_start.set(self.read.get());
            *self.bytes = self.before + self.read.get();
            let source = format!("{}#{}", self.name, self.n);
            let item = match v {
                Value::Object(fields) => record_from_fields(fields, self.columns, source, self.seq),
                _ => Item::Error(RowError {
                    source,
                    reason: "not a JSON object".into(),
                }),
            };
            self.sink.item(item, *self.bytes);
        }
    }
    impl<'de> Visitor<'de> for &mut Rows<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array of posting objects, or one posting object")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            while let Some(v) = seq.next_element::<Value>()? {
                self.row(v);
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<(), A::Error> {
            let v =
                serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            self.row(v);
            Ok(())
        }
    }
    let mut rows = Rows {
        name: path.display().to_string(),
        columns,
        seq,
        before: *bytes,
        bytes,
        sink,
        read,
        record_start,
        n: 0,
    };
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, bounded));
    let message = |e: &serde_json::Error| match e.io_error_kind() {
        Some(_) => e.to_string(),
        None => format!("invalid JSON export: {e}"),
    };
    let fail =
        |e: serde_json::Error| Error::parse(path, (e.line() > 0).then_some(e.line()), message(&e));
    let read = (&mut de).deserialize_any(&mut rows).and_then(|()| de.end());
    match read {
        // Rows were read before the document broke (a truncated download): they stand,
        // and the error ends the file as a row error of the whole input, never "input
        // skipped" over rows that were kept.
        Err(e) if rows.n > 0 => {
            let (n, bytes) = (rows.n, *rows.bytes);
            let rows_read = if n == 1 {
                "the row before it is".to_string()
            } else {
                format!("the {n} rows before it are")
            };
            let reason = format!(
                "line {}: {}; the rest of the file is not read ({rows_read})",
                e.line(),
                message(&e)
            );
            rows.sink.item(
                Item::Error(RowError {
                    source: path.display().to_string(),
                    reason,
                }),
                bytes,
            );
            Ok(())
        }
        r => r.map_err(fail),
    }
}

/// `reader` as UTF-8: transcoded from the given encoding or the one its start shows.
fn utf8(p: &Path, reader: impl Read + 'static, columns: &Columns) -> Result<Box<dyn Read>> {
    super::encoding::utf8_reader(reader, columns.encoding).map_err(|source| Error::Io {
        path: p.to_path_buf(),
        source,
    })
}

fn open(p: &Path) -> Result<std::fs::File> {
    std::fs::File::open(p).map_err(|source| Error::Io {
        path: p.to_path_buf(),
        source,
    })
}

fn read_file(p: &Path, columns: &Columns, seq: &mut u64) -> Item {
    let source = p.display().to_string();
    match super::read_text_as(p, columns.encoding) {
        Ok(text) if text.trim().is_empty() => Item::Error(RowError {
            source,
            reason: "empty posting".into(),
        }),
        Ok(text) => {
            let r = PostingRecord {
                seq: *seq,
                source,
                id: None,
                title: None,
                company: None,
                location: None,
                url: None,
                text,
                has_title_line: true,
                extra: Map::new(),
            };
            *seq += 1;
            Item::Record(r)
        }
        Err(e) => {
            let (source, reason) = split_source(source, &e.to_string());
            Item::Error(RowError { source, reason })
        }
    }
}

/// A row error's source and reason from an error message about `name`: library errors start
/// with the path, then maybe `:LINE` (`a.txt:4: line of … bytes`), which is split off into the
/// source so the path is not said twice.
fn split_source(name: String, msg: &str) -> (String, String) {
    match msg.strip_prefix(&name) {
        Some(rest) => {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            match rest.split_once(": ") {
                Some((line, reason))
                    if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    (format!("{name}:{line}"), reason.to_string())
                }
                _ => (name, rest.trim_start().to_string()),
            }
        }
        None => (name, msg.to_string()),
    }
}

fn read_dir(d: &Path, columns: &Columns, seq: &mut u64, bytes: &mut u64, sink: &mut dyn Sink) {
    // Links are not followed, so a symlink loop cannot trap the walk.
    let walk = walkdir::WalkDir::new(d)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(e) if e.file_type().is_file() && is_posting_file(e.path()) => {
                let item = read_file(e.path(), columns, seq);
                *bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
                sink.item(item, *bytes);
            }
            Ok(_) => {}
            Err(err) => {
                let source = err.path().unwrap_or(d).display().to_string();
                let reason = err
                    .io_error()
                    .map_or_else(|| err.to_string(), |e| e.to_string());
                sink.item(Item::Error(RowError { source, reason }), *bytes);
            }
        }
    }
}

/// A JSON value as a string field: strings as they are, numbers and booleans printed.
fn field_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Builds a record from named fields; `None` text is a row error.
fn record_from_fields(
    mut fields: Map<String, Value>,
    columns: &Columns,
    source: String,
    seq: &mut u64,
) -> Item {
    // Read, not taken, so that two roles may name one field (`--id-column url`, a link as
    // the id): taking it had left the second role empty. Removed below, once read.
    let get = |name: &str| fields.get(name).and_then(field_string);
    let id = get(&columns.id);
    let title = get(&columns.title);
    let company = get(&columns.company);
    let location = get(&columns.location);
    let url = get(&columns.url);
    let mut text = None;
    // A posting's text is a string: a number or a list in its field is no posting (a
    // posting titled `12345` scored as one).
    let mut not_text = None;
    for name in &columns.text {
        match fields.remove(name) {
            Some(Value::String(t)) if !t.trim().is_empty() => {
                text.get_or_insert(t);
            }
            Some(v @ (Value::Number(_) | Value::Bool(_) | Value::Array(_) | Value::Object(_))) => {
                let kind = match v {
                    Value::Number(_) => "a number",
                    Value::Bool(_) => "true or false",
                    Value::Array(_) => "a list",
                    _ => "an object",
                };
                not_text.get_or_insert(format!(
                    "the `{name}` field is {kind}, not the posting's text"
                ));
            }
            _ => {}
        }
    }
    if let (None, Some(reason)) = (&text, not_text) {
        return Item::Error(RowError { source, reason });
    }
    for name in [
        &columns.id,
        &columns.title,
        &columns.company,
        &columns.location,
        &columns.url,
    ] {
        fields.remove(name);
    }
    let Some(text) = text else {
        return Item::Error(RowError {
            source,
            reason: format!(
                "no posting text (expected a non-empty `{}` field)",
                columns.text.join("` or `")
            ),
        });
    };
    // Without a title field the text is read as a posting file is, its first line the title
    // when it reads as one: the same text scores the same from a file or a row.
    let has_title_line = title.is_none();
    let r = PostingRecord {
        seq: *seq,
        source,
        id,
        title,
        company,
        location,
        url,
        text: if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text
        },
        has_title_line,
        extra: fields,
    };
    *seq += 1;
    Item::Record(r)
}

fn read_jsonl(
    name: &str,
    reader: impl Read,
    columns: &Columns,
    seq: &mut u64,
    bytes: &mut u64,
    sink: &mut dyn Sink,
) {
    let mut reader = BufReader::new(CrToLf {
        inner: reader,
        after_cr: false,
    });
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    // Rows read while none has been a JSON object (`None` after the first one), and what
    // was found in them, held until a row shows the input is JSONL: an input that is not
    // gets one line saying so, not an error per line.
    let mut rows = Some(0u64);
    let mut held: Vec<(Item, u64)> = Vec::new();
    let mut emit = |item: Item, at: u64, rows: &Option<u64>, sink: &mut dyn Sink| {
        if rows.is_some() {
            held.push((item, at));
        } else {
            for (h, at) in held.drain(..) {
                sink.item(h, at);
            }
            sink.item(item, at);
        }
    };
    let limit = super::MAX_INPUT_BYTES;
    loop {
        buf.clear();
        // One record per line, each at most the input limit: a runaway line is skipped
        // without ever being held whole.
        let n = match (&mut reader).take(limit + 1).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                // It ends the file: named by the file alone, the line in the reason, so it is
                // never one of the bad rows a caller may count instead of show.
                sink.item(
                    Item::Error(RowError {
                        source: name.to_string(),
                        reason: format!(
                            "line {}: {e}; the rest of the file is not read",
                            line_no + 1
                        ),
                    }),
                    *bytes,
                );
                break;
            }
        };
        line_no += 1;
        *bytes += n as u64;
        let source = format!("{name}:{line_no}");
        let content = buf.len() - usize::from(buf.ends_with(b"\n"));
        if content as u64 > limit {
            // Skip the rest of the line, unless it ended within what was read.
            let mut skipped = 0u64;
            while !buf.ends_with(b"\n") {
                let mut chunk = Vec::new();
                match (&mut reader).take(1 << 20).read_until(b'\n', &mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(k) => {
                        skipped += k as u64;
                        if chunk.ends_with(b"\n") {
                            break;
                        }
                    }
                }
            }
            *bytes += skipped;
            let reason = format!(
                "line longer than the {} MiB record limit, skipped",
                limit >> 20
            );
            emit(
                Item::Error(RowError { source, reason }),
                *bytes,
                &rows,
                sink,
            );
            continue;
        }
        let line = match simdutf8::compat::from_utf8(&buf) {
            Ok(l) => l.trim_start_matches('\u{feff}').trim(),
            Err(e) => {
                let reason = format!("invalid UTF-8 at byte {}", e.valid_up_to());
                emit(
                    Item::Error(RowError { source, reason }),
                    *bytes,
                    &rows,
                    sink,
                );
                if gives_up(&mut rows, false) {
                    return not_jsonl(name, JSONL_GIVE_UP, true, sink, *bytes);
                }
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        // A JSON object is JSONL, whatever its fields: only a line that is no JSON object
        // counts towards giving up (an export may open with rows whose text is empty, and a
        // wrong --text-column must keep its own message).
        let (item, object) = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => (record_from_fields(fields, columns, source, seq), true),
            Ok(_) => (
                Item::Error(RowError {
                    source,
                    reason: "not a JSON object".into(),
                }),
                false,
            ),
            Err(e) => (
                Item::Error(RowError {
                    source,
                    reason: format!("invalid JSON: {e}"),
                }),
                false,
            ),
        };
        if gives_up(&mut rows, object) {
            return not_jsonl(name, JSONL_GIVE_UP, true, sink, *bytes);
        }
        emit(item, *bytes, &rows, sink);
    }
    // The end, with no row a JSON object: one bad row is that row's error; more are no JSONL.
    match rows {
        Some(n) if n >= 2 => not_jsonl(name, n, false, sink, *bytes),
        _ => {
            for (h, at) in held {
                sink.item(h, at);
            }
        }
    }
}

/// A stream with its CR and CRLF line ends as LF: a JSONL file with CR line ends (an old
/// Mac export) reads a row per line, however long the file (as one line it would pass the
/// record limit whole). JSON has no raw CR inside a value, so no row is cut.
struct CrToLf<R> {
    inner: R,
    /// Whether the last byte read was a CR (the LF after it is dropped).
    after_cr: bool,
}

impl<R: Read> Read for CrToLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            // Nearly every file has no CR at all: passed through after one fast search.
            if !self.after_cr && !buf[..n].contains(&b'\r') {
                return Ok(n);
            }
            let mut w = 0;
            for i in 0..n {
                let b = buf[i];
                if b == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = b == b'\r';
                buf[w] = if b == b'\r' { b'\n' } else { b };
                w += 1;
            }
            // Only the LF of a CRLF split across reads: read on (0 would mean the end).
            if w > 0 || n == 0 {
                return Ok(w);
            }
        }
    }
}

/// Rows read from the start of a JSONL input with none of them a JSON object: past
/// [`JSONL_GIVE_UP`], the input is no JSONL (a CSV or binary file, random bytes on standard
/// input) and reading it stops, where it would give one error per line, for ever on an
/// endless stream.
const JSONL_GIVE_UP: u64 = 100;

/// Counts a row (a JSON object or not) into `rows` (`None` once one was an object);
/// whether to give up on the input.
fn gives_up(rows: &mut Option<u64>, object: bool) -> bool {
    match rows {
        Some(_) if object => {
            *rows = None;
            false
        }
        Some(n) => {
            *n += 1;
            *n >= JSONL_GIVE_UP
        }
        None => false,
    }
}

/// The error that ends an input that is no JSONL: none of its `rows` rows (its first ones,
/// when `more` may follow) is a JSON object.
fn not_jsonl(name: &str, rows: u64, more: bool, sink: &mut dyn Sink, bytes: u64) {
    let which = if more {
        format!("first {rows} rows is a JSON object, the rest is not read")
    } else {
        format!("{rows} rows is a JSON object")
    };
    let reason = format!(
        "not JSONL: none of its {which} (a CSV export needs a .csv name; standard input is read as JSONL)"
    );
    sink.item(
        Item::Error(RowError {
            source: name.to_string(),
            reason,
        }),
        bytes,
    );
}

/// The field delimiter of a CSV export, from the header record at the start of `start`: a
/// comma, unless the header has none and is cut by semicolons or tabs (spreadsheets in
/// locales with a decimal comma export `;`). Fields are counted by the CSV reader itself, so
/// a quote is read as the reader will read it (a quote inside an unquoted field is a
/// character, not the start of a quoted one).
fn delimiter(start: &[u8]) -> u8 {
    let fields = |d: u8| {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(start)
            .byte_records()
            .next()
            .and_then(std::result::Result::ok)
            .map_or(0, |r| r.len())
    };
    if fields(b',') > 1 {
        return b',';
    }
    match (fields(b';'), fields(b'\t')) {
        (s, t) if s > 1 && s >= t => b';',
        (_, t) if t > 1 => b'\t',
        _ => b',',
    }
}

/// Follows the quoting of a CSV stream as the CSV reader reads it, to tell whether the
/// stream ended inside a quoted field: the reader then ends the field at the end of the
/// file without an error, and a row with one unclosed quote would swallow every row after
/// it unnoticed. The states are the reader's (RFC 4180: a quote opens a field only at its
/// start; `""` inside one is a quote).
struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: std::rc::Rc<std::cell::Cell<Quoting>>,
    /// Bytes read so far.
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

/// Where a [`QuoteWatch`] is in the CSV grammar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field.
    #[default]
    FieldStart,
    /// In a field that did not open with a quote (a quote in it is a character).
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: it closes the field unless another follows.
    QuoteInQuoted,
}

impl Quoting {
    fn next(self, b: u8, delimiter: u8) -> Quoting {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        match self {
            Quoting::Quoted if b == b'"' => Quoting::QuoteInQuoted,
            Quoting::Quoted => Quoting::Quoted,
            Quoting::QuoteInQuoted if b == b'"' => Quoting::Quoted,
            Quoting::FieldStart if b == b'"' => Quoting::Quoted,
            _ if ends_field => Quoting::FieldStart,
            _ => Quoting::Unquoted,
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.state.get();
        let mut rest = &buf[..n];
        while let Some((&b, after)) = rest.split_first() {
            state = state.next(b, self.delimiter);
            rest = after;
            // Skip to the next byte that can change the state.
            let skip = match state {
                Quoting::Quoted => memchr::memchr(b'"', rest),
                Quoting::Unquoted => memchr::memchr3(self.delimiter, b'\n', b'\r', rest),
                Quoting::FieldStart | Quoting::QuoteInQuoted => Some(0),
            };
            rest = &rest[skip.unwrap_or(rest.len())..];
        }
        self.state.set(state);
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Where the lines of a stream end, as it is read, so that the byte a CSV record starts at
/// gives its line: the CSV reader's own count is off by one after a CRLF and never moves on
/// CR-only line ends. CR, LF and CRLF each end one line.
struct LineEnds<R> {
    inner: R,
    index: std::rc::Rc<std::cell::RefCell<LineIndex>>,
}

/// The line ends read and not yet passed, and how many were passed.
#[derive(Default)]
struct LineIndex {
    /// Offsets and lengths of line ends not yet passed (a CRLF is one end of two bytes).
    ends: std::collections::VecDeque<(u64, u64)>,
    /// Line ends before the first of `ends`.
    passed: u64,
    /// Bytes read so far.
    read: u64,
    /// Whether the last byte read was a CR (a LF after it ends no other line).
    after_cr: bool,
    /// Set once more than [`MAX_PENDING_ENDS`] line ends were waiting (a runaway quoted
    /// field of blank lines): the index is dropped and lines are the CSV reader's own.
    given_up: bool,
}

/// Line ends held at most (16 bytes each): a record may be 17 MiB of newlines, which must
/// not take half a gigabyte to count.
const MAX_PENDING_ENDS: usize = 1 << 18;

impl LineIndex {
    /// The line (from 1) that byte `at` is on. Offsets asked for only grow, so the ends
    /// behind them are dropped: the index holds only what is read ahead.
    /// A record found at a line end starts after it: the CSV reader skips blank lines
    /// and reports the record where the first of them began.
    fn line_at(&mut self, mut at: u64) -> Option<u64> {
        if self.given_up {
            return None;
        }
        while let Some(&(e, len)) = self.ends.front() {
            if e > at {
                break;
            }
            self.ends.pop_front();
            self.passed += 1;
            // A record at a line end, or inside a CRLF, starts after it.
            if e + len > at {
                at = e + len;
            }
        }
        Some(self.passed + 1)
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut ix = self.index.borrow_mut();
        if ix.given_up {
            return Ok(n);
        }
        // Line ends found with memchr: this runs on every byte of a CSV export.
        let read = &buf[..n];
        for k in memchr::memchr2_iter(b'\r', b'\n', read) {
            let at = ix.read + k as u64;
            let after_cr = match k {
                0 => ix.after_cr,
                _ => read[k - 1] == b'\r',
            };
            if read[k] == b'\n' && after_cr {
                // The LF of a CRLF: the CR ended the line, which takes two bytes.
                if let Some(end) = ix.ends.back_mut().filter(|e| e.0 + 1 == at) {
                    end.1 = 2;
                }
            } else {
                ix.ends.push_back((at, 1));
            }
        }
        if let Some(&last) = read.last() {
            ix.after_cr = last == b'\r';
        }
        ix.read += n as u64;
        if ix.ends.len() > MAX_PENDING_ENDS {
            ix.given_up = true;
            ix.ends = Default::default();
        }
        Ok(n)
    }
}

/// Why a row that opens a quoted field and never closes it is refused.
const UNCLOSED_QUOTE: &str =
    "a quoted field opens in this row and is never closed, so the rest of the file is inside it; row and rest skipped";

fn read_csv(
    path: &Path,
    file: impl Read,
    columns: &Columns,
    seq: &mut u64,
    bytes: &mut u64,
    sink: &mut dyn Sink,
) -> Result<()> {
    let name = path.display().to_string();
    let record_start = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let lines = std::rc::Rc::new(std::cell::RefCell::new(LineIndex::default()));
    let file = LineEnds {
        inner: file,
        index: lines.clone(),
    };
    let line_at = |at: u64| lines.borrow_mut().line_at(at);
    let bounded = RecordBound {
        inner: file,
        read: Default::default(),
        record_start: record_start.clone(),
        limit: super::MAX_INPUT_BYTES + (1 << 20),
        hint: "an unclosed quote?",
    };
    let mut buffered = BufReader::with_capacity(1 << 16, bounded);
    // The delimiter is read from the first 64 KiB as read to the end of that span, not from
    // whatever the first read returned: a transcoding reader can hand over the start of a
    // line, and a part of the header may not show its delimiter. They are then read again,
    // ahead of the rest.
    let mut head = Vec::new();
    if let Err(e) = (&mut buffered).take(1 << 16).read_to_end(&mut head) {
        return Err(Error::parse(path, Some(1), format!("CSV header: {e}")));
    }
    let delimiter = delimiter(&head);
    let quoting = std::rc::Rc::new(std::cell::Cell::new(Quoting::FieldStart));
    let watched = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let watch = QuoteWatch {
        inner: std::io::Cursor::new(head).chain(buffered),
        delimiter,
        state: std::rc::Rc::clone(&quoting),
        read: std::rc::Rc::clone(&watched),
    };
    // The record that ends the file inside a quoted field holds the rest of the file.
    let runaway = |end: u64| quoting.get() == Quoting::Quoted && end == watched.get();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .delimiter(delimiter)
        .from_reader(watch);
    // A header that is no UTF-8 (random bytes, a Latin-1 export the detection missed) and
    // names no text column is said to be so, never quoted back as garbage column names.
    let (headers, header_utf8): (Vec<String>, bool) = match rdr.byte_headers() {
        Ok(h) => (
            h.iter()
                .map(|f| {
                    String::from_utf8_lossy(f)
                        .trim_start_matches('\u{feff}')
                        .trim()
                        .to_string()
                })
                .collect(),
            std::str::from_utf8(h.as_slice()).is_ok(),
        ),
        Err(e) => return Err(Error::parse(path, Some(1), format!("CSV header: {e}"))),
    };
    // Spreadsheets capitalise their headers ("Title", "Description"): a header that differs
    // from a column's name only in ASCII case stands for it, unless the exact name is there.
    let headers: Vec<String> = {
        let wanted: Vec<&String> = [
            &columns.id,
            &columns.title,
            &columns.company,
            &columns.location,
            &columns.url,
        ]
        .into_iter()
        .chain(&columns.text)
        .collect();
        headers
            .iter()
            .map(|h| {
                wanted
                    .iter()
                    .find(|w| h.eq_ignore_ascii_case(w) && !headers.contains(w))
                    .map_or_else(|| h.clone(), |w| (*w).clone())
            })
            .collect()
    };
    if !columns.text.iter().any(|t| headers.contains(t)) {
        if !header_utf8 {
            return Err(Error::NotText {
                path: path.to_path_buf(),
                detail: "invalid UTF-8 in the CSV header; name the encoding with --encoding".into(),
            });
        }
        return Err(Error::NoTextColumn {
            path: path.into(),
            wanted: columns.text.clone(),
            found: headers,
        });
    }
    let mut record = csv::ByteRecord::new();
    loop {
        let from = rdr.position().clone();
        let read = rdr.read_byte_record(&mut record);
        record_start.set(rdr.position().byte());
        match read {
            Ok(false) => break,
            Ok(true) => {
                *bytes = rdr.position().byte();
                let p = record.position().unwrap_or(&from);
                let line = line_at(p.byte()).unwrap_or(p.line());
                let source = format!("{name}:{line}");
                if runaway(*bytes) {
                    let reason = UNCLOSED_QUOTE.to_string();
                    sink.item(Item::Error(RowError { source, reason }), *bytes);
                    continue;
                }
                if record.as_slice().len() as u64 > super::MAX_INPUT_BYTES {
                    let reason = format!(
                        "row larger than the {} MiB record limit, skipped",
                        super::MAX_INPUT_BYTES >> 20
                    );
                    sink.item(Item::Error(RowError { source, reason }), *bytes);
                    continue;
                }
                let mut fields = Map::new();
                let mut bad = None;
                for (h, v) in headers.iter().zip(record.iter()) {
                    match simdutf8::basic::from_utf8(v) {
                        Ok(s) => {
                            fields.insert(h.clone(), Value::String(s.to_string()));
                        }
                        Err(_) => bad = Some(format!("column `{h}` is not UTF-8")),
                    }
                }
                let item = match bad {
                    Some(reason) => Item::Error(RowError { source, reason }),
                    None => record_from_fields(fields, columns, source, seq),
                };
                sink.item(item, *bytes);
            }
            Err(e) => {
                let p = e.position().unwrap_or(&from);
                let line = line_at(p.byte()).unwrap_or(p.line());
                *bytes = rdr.position().byte();
                let reason = match e.kind() {
                    csv::ErrorKind::UnequalLengths { .. } if runaway(*bytes) => {
                        UNCLOSED_QUOTE.to_string()
                    }
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("expected {expected_len} fields, found {len}"),
                    _ => e.to_string(),
                };
                // A read error ends the file: named by the file alone (the line in the
                // reason), as an error of a whole input, never one bad row among others.
                let ends = matches!(e.kind(), csv::ErrorKind::Io(_));
                let (source, reason) = if ends {
                    (name.clone(), format!("line {line}: {reason}"))
                } else {
                    (format!("{name}:{line}"), reason)
                };
                sink.item(Item::Error(RowError { source, reason }), *bytes);
                if ends {
                    break;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_error_names_a_row_or_a_whole_input() {
        let e = |source: &str| RowError {
            source: source.into(),
            reason: String::new(),
        };
        assert!(e("x.jsonl:12").is_row());
        assert!(e("export.json#3").is_row());
        assert!(!e("x.jsonl").is_row());
        assert!(!e("/tmp/dir:a/x.csv").is_row());
    }

    /// The error reading `input` alone ends with, as its message.
    fn read_error(input: Input, columns: &Columns) -> String {
        read_all(&[input], columns, None, &mut |_: Item, _: u64| {})
            .unwrap_err()
            .to_string()
    }

    fn collect(inputs: &[Input], columns: &Columns) -> (Vec<PostingRecord>, Vec<RowError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read_all(
            inputs,
            columns,
            None,
            &mut |item: Item, _: u64| match item {
                Item::Record(r) => ok.push(r),
                Item::Error(e) => bad.push(e),
            },
        )
        .unwrap();
        (ok, bad)
    }

    #[test]
    fn jsonl_rows_bad_lines_and_passthrough() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.jsonl");
        std::fs::write(
            &p,
            "{\"id\": 7, \"title\": \"SRE\", \"text\": \"Requirements\\n- Kubernetes\", \"salary\": \"high\"}\n\n{broken\n[1]\n{\"title\": \"no text\"}\n{\"description\": \"Go\"}\n",
        )
        .unwrap();
        let (ok, bad) = collect(&[Input::Jsonl(p.clone())], &Columns::default());
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].id.as_deref(), Some("7"));
        assert_eq!(ok[0].extra["salary"], "high");
        assert_eq!(ok[0].source, format!("{}:1", p.display()));
        assert_eq!(ok[1].seq, 1);
        assert_eq!(ok[1].text, "Go");
        let lines: Vec<&str> = bad
            .iter()
            .map(|e| e.source.rsplit(':').next().unwrap())
            .collect();
        assert_eq!(lines, ["3", "4", "5"]);
        assert!(bad[0].reason.starts_with("invalid JSON"));
        assert!(bad[2].reason.contains("no posting text"));
    }

    #[test]
    fn a_numeric_id_keeps_the_digits_it_was_written_with() {
        // Job boards' ids outgrow 64 bits; a float would turn them into 1.2345678901234568e29.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.jsonl");
        std::fs::write(
            &p,
            "{\"id\": 123456789012345678901234567890, \"text\": \"Go\", \"rank\": 1.50}\n{\"id\": 1.50, \"text\": \"Go\"}\n",
        )
        .unwrap();
        let (ok, _) = collect(&[Input::Jsonl(p)], &Columns::default());
        assert_eq!(ok[0].id.as_deref(), Some("123456789012345678901234567890"));
        assert_eq!(ok[0].extra["rank"].to_string(), "1.50");
        assert_eq!(ok[1].id.as_deref(), Some("1.50"));
    }

    #[test]
    fn a_row_without_a_title_field_is_read_as_a_file_with_its_company() {
        let mut fields = Map::new();
        fields.insert("company".into(), Value::String("Quietwave".into()));
        fields.insert(
            "text".into(),
            Value::String("Site Reliability Engineer\n\nQuietwave builds audio tools for millions.\n\nRequirements\n- Kubernetes".into()),
        );
        let Item::Record(r) = record_from_fields(fields, &Columns::default(), "x:1".into(), &mut 0)
        else {
            panic!("not a record");
        };
        let p = posting_of(&r);
        assert_eq!(p.title.as_deref(), Some("Site Reliability Engineer"));
        let part = |needle: &str| {
            p.lines
                .iter()
                .find(|l| l.text.contains(needle))
                .map(|l| l.part)
        };
        // The blurb opens with the company field's name: not a requirement.
        assert_eq!(part("builds audio"), Some(crate::model::Part::Company));
        assert_eq!(part("Kubernetes"), Some(crate::model::Part::Requirements));
    }

    #[test]
    fn json_exports_are_read_element_by_element() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.json");
        std::fs::write(
            &p,
            "[\n {\"id\": 7, \"title\": \"SRE\", \"text\": \"Requirements\\n- Kubernetes\", \"salary\": \"high\"},\n 5,\n {\"title\": \"no text\"},\n {\"description\": \"Go\"}\n]\n",
        )
        .unwrap();
        assert_eq!(Input::from_arg(&p).unwrap(), Input::Json(p.clone()));
        // Progress counts the bytes of every input read so far: after a JSONL file, the JSON
        // file's rows report more, never fewer.
        let jl = dir.path().join("first.jsonl");
        std::fs::write(&jl, format!("{{\"text\": \"{}\"}}\n", "x".repeat(100_000))).unwrap();
        let mut seen = Vec::new();
        read_all(
            &[Input::Jsonl(jl), Input::Json(p.clone())],
            &Columns::default(),
            None,
            &mut |_: Item, b: u64| seen.push(b),
        )
        .unwrap();
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        let (ok, bad) = collect(&[Input::Json(p.clone())], &Columns::default());
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].id.as_deref(), Some("7"));
        assert_eq!(ok[0].extra["salary"], "high");
        assert_eq!(ok[0].source, format!("{}#1", p.display()));
        assert_eq!((ok[1].seq, ok[1].text.as_str()), (1, "Go"));
        let errs: Vec<(String, &str)> = bad
            .iter()
            .map(|e| (e.source.clone(), e.reason.as_str()))
            .collect();
        assert_eq!(errs[0], (format!("{}#2", p.display()), "not a JSON object"));
        assert_eq!(errs[1].0, format!("{}#3", p.display()));
        assert!(errs[1].1.contains("no posting text"), "{errs:?}");
        // One object is one row; a broken document is an error at its line.
        std::fs::write(&p, "{\"text\": \"Requirements\\n- Go\"}").unwrap();
        assert_eq!(
            collect(&[Input::Json(p.clone())], &Columns::default())
                .0
                .len(),
            1
        );
        // (Broken before any row: after rows, see
        // `a_json_export_cut_short_keeps_the_rows_before_the_cut`.)
        std::fs::write(&p, "[\n{\"text\": ").unwrap();
        let e = read_error(Input::Json(p.clone()), &Columns::default());
        assert!(
            e.starts_with(&format!("{}:2: invalid JSON export", p.display())),
            "{e}"
        );
        std::fs::write(&p, "42").unwrap();
        let e = read_error(Input::Json(p.clone()), &Columns::default());
        assert!(e.contains("expected an array of posting objects"), "{e}");
    }

    /// Two roles naming one field each read it (`--id-column url`: the link as the id), and
    /// it is passed through under neither: the second had been left empty.
    #[test]
    fn two_roles_naming_one_field_both_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.jsonl");
        std::fs::write(
            &p,
            r#"{"url": "https://x.test/1", "title": "SRE", "text": "Requirements\n- Go", "team": "infra"}"#,
        )
        .unwrap();
        let columns = Columns {
            id: "url".into(),
            company: "title".into(),
            ..Columns::default()
        };
        let (ok, _) = collect(&[Input::Jsonl(p.clone())], &columns);
        assert_eq!(ok[0].id.as_deref(), Some("https://x.test/1"));
        assert_eq!(ok[0].url.as_deref(), Some("https://x.test/1"));
        assert_eq!(ok[0].title.as_deref(), Some("SRE"));
        assert_eq!(ok[0].company.as_deref(), Some("SRE"));
        assert_eq!(ok[0].extra.keys().collect::<Vec<_>>(), ["team"]);
    }

    /// Random bytes named `.csv` are refused as text in another encoding, not quoted back
    /// as a header of garbage column names.
    #[test]
    fn a_csv_header_of_no_utf8_is_an_encoding_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(&p, b"ti\xfftle,te\xfext\n1,2\n").unwrap();
        let e = read_error(Input::Csv(p.clone()), &Columns::default());
        assert!(
            e.ends_with("x.csv: not UTF-8 text (invalid UTF-8 in the CSV header; name the encoding with --encoding)"),
            "{e}"
        );
        // A header with a stray byte in another column and its text column is read.
        std::fs::write(&p, b"n\xffote,title,text\n1,SRE,Kubernetes\n").unwrap();
        let (ok, bad) = collect(&[Input::Csv(p.clone())], &Columns::default());
        assert_eq!((ok.len(), bad.len()), (1, 0), "{bad:?}");
    }

    #[test]
    fn csv_with_multiline_fields_and_a_short_row() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.csv");
        std::fs::write(
            &p,
            "id,title,company,description\n1,SRE,Acme,\"Requirements:\n- Kubernetes\n- Go\"\n2,short\n3,Nurse,Clinic,\"ICU, BLS\"\n",
        )
        .unwrap();
        let (ok, bad) = collect(&[Input::Csv(p.clone())], &Columns::default());
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].text, "Requirements:\n- Kubernetes\n- Go");
        assert_eq!(ok[0].company.as_deref(), Some("Acme"));
        assert_eq!(ok[1].id.as_deref(), Some("3"));
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].source, format!("{}:5", p.display()));
        assert!(
            bad[0].reason.contains("expected 4 fields, found 2"),
            "{}",
            bad[0].reason
        );
        assert_eq!(ok[1].source, format!("{}:6", p.display()));
    }

    #[test]
    fn a_text_field_that_is_no_string_is_a_bad_row() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("rows.jsonl");
        std::fs::write(
            &p,
            "{\"id\": 1, \"text\": 12345}\n{\"id\": 2, \"text\": [\"Go\"]}\n{\"id\": 3, \"text\": true, \"description\": \"Requirements: Go\"}\n",
        )
        .unwrap();
        let (ok, bad) = collect(&[Input::Jsonl(p)], &Columns::default());
        // A string in another text field is the text.
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].text, "Requirements: Go");
        let reasons: Vec<&str> = bad.iter().map(|e| e.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "the `text` field is a number, not the posting's text",
                "the `text` field is a list, not the posting's text"
            ]
        );
    }

    #[test]
    fn a_json_export_cut_short_keeps_the_rows_before_the_cut() {
        // A truncated download: the rows read stand, and the error says so (it said "input
        // skipped" while ranking them, and alone the run ended with none).
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cut.json");
        std::fs::write(
            &p,
            "[{\"id\": \"a\", \"text\": \"Requirements: Go\"},\n {\"id\": \"b\", \"text\": \"Requirements: Rust\"},\n {\"id\": \"c\", \"text\": \"Requi",
        )
        .unwrap();
        let (ok, bad) = collect(&[Input::Json(p.clone())], &Columns::default());
        let ids: Vec<&str> = ok.iter().filter_map(|r| r.id.as_deref()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].source, p.display().to_string());
        assert!(
            bad[0]
                .reason
                .starts_with("line 3: invalid JSON export: EOF while parsing")
                && bad[0]
                    .reason
                    .ends_with("the rest of the file is not read (the 2 rows before it are)"),
            "{}",
            bad[0].reason
        );
        // Cut before any row: nothing of it is read, an error of the whole input.
        std::fs::write(&p, "[{\"id\": \"a\", \"te").unwrap();
        let mut sink = |_: Item, _: u64| {};
        assert!(read_all(&[Input::Json(p)], &Columns::default(), None, &mut sink).is_err());
    }

    #[test]
    fn an_input_with_no_postings_says_so_by_name() {
        // The run had ended with "no posting could be scored", naming no file.
        let dir = tempfile::tempdir().unwrap();
        let path = |n: &str| dir.path().join(n);
        std::fs::write(path("h.csv"), "id,title,text\n").unwrap();
        std::fs::write(path("e.jsonl"), "").unwrap();
        std::fs::write(path("e.json"), "[]").unwrap();
        std::fs::create_dir(path("d")).unwrap();
        std::fs::write(path("d/rows.jsonl"), "{}\n").unwrap();
        // A folder of links: they are not followed, and the error says so.
        std::fs::create_dir(path("links")).unwrap();
        #[cfg(unix)]
        for n in ["a", "b"] {
            std::os::unix::fs::symlink(path("h.csv"), path(&format!("links/{n}.txt"))).unwrap();
        }
        let (_, bad) = collect(&[Input::Dir(path("links"))], &Columns::default());
        #[cfg(unix)]
        assert!(
            bad[0]
                .reason
                .ends_with("; its 2 symbolic links are not followed: give the files they name"),
            "{bad:?}"
        );
        for (input, reason) in [
            (Input::Csv(path("h.csv")), "no postings in it (an empty export)"),
            (Input::Jsonl(path("e.jsonl")), "no postings in it (an empty export)"),
            (Input::Json(path("e.json")), "no postings in it (an empty export)"),
            (
                Input::Dir(path("d")),
                "no posting files in it (.txt, .md, .html; an export in a folder is not read: give it as an input)",
            ),
        ] {
            let (ok, bad) = collect(std::slice::from_ref(&input), &Columns::default());
            assert!(ok.is_empty());
            let got: Vec<(&str, &str)> = bad
                .iter()
                .map(|e| (e.source.as_str(), e.reason.as_str()))
                .collect();
            let name = match &input {
                Input::Csv(p) | Input::Jsonl(p) | Input::Json(p) | Input::Dir(p) => p.display().to_string(),
                _ => unreachable!(),
            };
            assert_eq!(got, [(name.as_str(), reason)]);
        }
    }

    #[test]
    fn exports_that_open_with_a_byte_order_mark_read_alike() {
        // A JSON reader refused the mark as the document's first value.
        let dir = tempfile::tempdir().unwrap();
        let body = "Backend Engineer\nRequirements\n- 5+ years of Java";
        let files = [
            (
                "a.json",
                Input::Json(dir.path().join("a.json")),
                format!("\u{feff}[{{\"id\":\"x\",\"text\":{body:?}}}]"),
            ),
            (
                "a.jsonl",
                Input::Jsonl(dir.path().join("a.jsonl")),
                format!("\u{feff}{{\"id\":\"x\",\"text\":{body:?}}}\n"),
            ),
            (
                "a.csv",
                Input::Csv(dir.path().join("a.csv")),
                format!("\u{feff}id,text\nx,\"{body}\"\n"),
            ),
        ];
        for (name, input, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
            let (ok, bad) = collect(&[input], &Columns::default());
            assert!(bad.is_empty(), "{name}: {bad:?}");
            assert_eq!(ok.len(), 1, "{name}");
            assert_eq!(ok[0].id.as_deref(), Some("x"), "{name}");
            assert_eq!(ok[0].text, body, "{name}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_an_error_at_its_row_never_rows_swallowed() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            // In the last column: the row would run to the end with the right field count.
            "id,title,text\n1,SRE,Go\n2,Dev,\"Python\n3,Ops,Linux\n4,DBA,SQL\n",
            // In a middle column, a file without a final line end, and `;` as delimiter.
            "id;text;title\n1;Go;SRE\n2;\"Python;Dev\n3;Linux;Ops",
        ];
        for (i, text) in cases.iter().enumerate() {
            let p = dir.path().join(format!("jobs{i}.csv"));
            std::fs::write(&p, text).unwrap();
            let (ok, bad) = collect(&[Input::Csv(p.clone())], &Columns::default());
            assert_eq!(ok.len(), 1, "{text}");
            assert_eq!(ok[0].id.as_deref(), Some("1"));
            assert_eq!(bad.len(), 1, "{text}");
            assert_eq!(bad[0].source, format!("{}:3", p.display()));
            assert_eq!(bad[0].reason, UNCLOSED_QUOTE);
        }
    }

    #[test]
    fn closed_quotes_escaped_quotes_and_quotes_inside_words_are_no_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.csv");
        std::fs::write(
            &p,
            "id,title,text\r\n1,SRE,\"Go \"\"and\"\" Rust\"\r\n2,Dev,a 5\" screen\r\n3,Ops,\"Linux\r\nadmin\"",
        )
        .unwrap();
        let (ok, bad) = collect(&[Input::Csv(p)], &Columns::default());
        assert!(bad.is_empty(), "{bad:?}");
        let texts: Vec<&str> = ok.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Go \"and\" Rust", "a 5\" screen", "Linux\nadmin"]);
    }

    #[test]
    fn the_quote_watch_follows_the_csv_grammar() {
        let end = |text: &str| {
            text.bytes()
                .fold(Quoting::FieldStart, |q, b| q.next(b, b','))
        };
        assert_eq!(end("a,\"b"), Quoting::Quoted);
        assert_eq!(end("a,\"b\""), Quoting::QuoteInQuoted);
        assert_eq!(end("a,\"b\"\""), Quoting::Quoted);
        assert_eq!(end("a,b\"c"), Quoting::Unquoted);
        assert_eq!(end("a,\"b\",\"c\nd\"\n"), Quoting::FieldStart);
    }

    #[test]
    fn csv_delimiter_follows_the_header_as_the_reader_splits_it() {
        assert_eq!(delimiter(b"id,title,text\n1,a;b,c\n"), b',');
        assert_eq!(delimiter(b"id;title;text\n1;a,b;c\n"), b';');
        assert_eq!(delimiter(b"id\ttitle\ttext\n"), b'\t');
        // A quote inside an unquoted field is a character: the commas after it still cut.
        assert_eq!(delimiter(b";\"}id,title,text\n"), b',');
        // Semicolons inside a quoted field do not make a semicolon export.
        assert_eq!(delimiter(b"\"a;b;c\"\n"), b',');
        assert_eq!(delimiter(b""), b',');
        // Empty lines before the header are skipped, as the reader skips them.
        assert_eq!(delimiter(b"\nid;title;text\n"), b';');
    }

    #[test]
    fn csv_header_after_a_mark_and_an_empty_line_keeps_its_delimiter() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.csv");
        std::fs::write(&p, "\u{feff}\nid;title;text\n1;SRE;Kubernetes\n").unwrap();
        let (ok, bad) = collect(&[Input::Csv(p)], &Columns::default());
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].text, "Kubernetes");
    }

    #[test]
    fn a_read_error_in_the_csv_header_is_reported_not_skipped() {
        /// Gives a header start, fails once, then ends: the failure must not pass unseen.
        struct Failing(u8);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.0 += 1;
                match self.0 {
                    1 => {
                        let start = b"id;ti";
                        buf[..start.len()].copy_from_slice(start);
                        Ok(start.len())
                    }
                    2 => Err(std::io::Error::other("device gone")),
                    _ => Ok(0),
                }
            }
        }
        let (mut seq, mut bytes) = (0, 0);
        let err = read_csv(
            Path::new("x.csv"),
            Failing(0),
            &Columns::default(),
            &mut seq,
            &mut bytes,
            &mut |_: Item, _: u64| {},
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("x.csv") && err.contains("device gone"),
            "{err}"
        );
    }

    #[test]
    fn csv_headers_match_columns_in_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.csv");
        std::fs::write(
            &p,
            "ID,Title,Description,text\n7,SRE,Kubernetes,\n8,Dev,Go,Rust\n",
        )
        .unwrap();
        let mut got = Vec::new();
        read_all(
            &[Input::Csv(p)],
            &Columns::default(),
            None,
            &mut |i: Item, _: u64| {
                if let Item::Record(r) = i {
                    got.push((r.id, r.title, r.text));
                }
            },
        )
        .unwrap();
        // `text` is there exactly, so `Description` is description, the second text column.
        assert_eq!(
            got,
            [
                (Some("7".into()), Some("SRE".into()), "Kubernetes".into()),
                (Some("8".into()), Some("Dev".into()), "Rust".into()),
            ]
        );
    }

    #[test]
    fn csv_without_a_text_column_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("jobs.csv");
        std::fs::write(&p, "id,body\n1,x\n").unwrap();
        let err = read_error(Input::Csv(p), &Columns::default());
        assert!(
            err.contains("no `text` or `description` column") && err.contains("`body`"),
            "{err}"
        );
        let cols = Columns {
            text: vec!["body".into()],
            ..Columns::default()
        };
        let dir2 = tempfile::tempdir().unwrap();
        let p2 = dir2.path().join("j.csv");
        std::fs::write(&p2, "id,body\n1,Kafka\n").unwrap();
        let (ok, _) = collect(&[Input::Csv(p2)], &cols);
        assert_eq!(ok[0].text, "Kafka");
    }

    #[test]
    fn folders_are_walked_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/2.txt"), "Nurse\ncompany: Clinic\n\nICU").unwrap();
        std::fs::write(dir.path().join("a.md"), "SRE\n\nK8s").unwrap();
        std::fs::write(dir.path().join("skip.json"), "{}").unwrap();
        std::fs::write(dir.path().join("empty.txt"), "\n").unwrap();
        let (mut ok, bad) = collect(&[Input::Dir(dir.path().into())], &Columns::default());
        // A posting file's title and company come from its own header lines.
        for r in &mut ok {
            let p = posting_of(r);
            r.fill_from(&p);
        }
        let titles: Vec<_> = ok.iter().map(|r| r.title.as_deref().unwrap()).collect();
        assert_eq!(titles, ["SRE", "Nurse"]);
        assert_eq!(ok[1].company.as_deref(), Some("Clinic"));
        assert_eq!(bad.len(), 1);
        assert!(bad[0].source.ends_with("empty.txt"));
    }
}
