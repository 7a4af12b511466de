//! Text encodings of input files: detection (BOM, UTF-8, UTF-16 without a BOM, GB18030/GBK)
//! or a named encoding, decoding to UTF-8 (encoding_rs), and cleaning (line endings, NUL and
//! control characters).

use crate::error::{Error, Result};
use crate::printable::unsafe_char;
pub use encoding_rs::Encoding;
use std::path::Path;

/// How many leading bytes detection looks at in a stream.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The encoding a label names (`utf-8`, `utf-16le`, `gb18030`, `gbk`, `big5`, `shift_jis`,
/// `windows-1252`…, as the WHATWG Encoding Standard spells them).
pub fn by_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Whether `bytes` look like GB18030/GBK Chinese text: every multi-byte sequence is valid,
/// nearly all two-byte characters have a high trail byte (as GB2312's ideographs do), and the
/// decoded ideographs stand in runs or beside spaces and punctuation, not one at a time
/// between Latin letters. Latin-1 text ("résumé", "DESCRIÇÃO") also decodes as GB18030, but
/// its accents sit alone inside words, which this rules out.
fn looks_like_gb18030(bytes: &[u8], complete: bool) -> bool {
    let (mut high, mut low) = (0usize, 0usize);
    let mut i = 0;
    let mut end = bytes.len();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return false;
        }
        if i + 1 >= bytes.len() {
            if complete {
                return false;
            }
            end = i;
            break;
        }
        let t = bytes[i + 1];
        if t.is_ascii_digit() {
            // A four-byte sequence: lead, digit, lead, digit.
            if i + 3 >= bytes.len() {
                if complete {
                    return false;
                }
                end = i;
                break;
            }
            if !(0x81..=0xFE).contains(&bytes[i + 2]) || !bytes[i + 3].is_ascii_digit() {
                return false;
            }
            i += 4;
            high += 1;
            continue;
        }
        match t {
            0xA1..=0xFE => high += 1,
            0x40..=0x7E | 0x80..=0xA0 => low += 1,
            _ => return false,
        }
        i += 2;
    }
    if high < 2 || low * 10 > high {
        return false;
    }
    let Some(text) =
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes[..end])
    else {
        return false;
    };
    // Count non-ASCII characters squeezed between two ASCII letters: one per accented
    // letter in a Latin-1 text, rare in Chinese (which is written in runs).
    let chars: Vec<char> = text.chars().collect();
    let (mut wide, mut squeezed) = (0usize, 0usize);
    for (k, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        wide += 1;
        let before = k > 0 && chars[k - 1].is_ascii_alphabetic();
        let after = chars.get(k + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if before && after {
            squeezed += 1;
        }
    }
    squeezed * 5 <= wide
}

/// UTF-16 without a BOM: NUL bytes make up at least 5% of the input, nearly all at odd
/// offsets (little endian) or at even ones (big endian), as the high byte of every ASCII
/// character is; and the bytes decode in that order without error to text with no NUL and
/// almost no other control characters. (Text without ASCII has no NULs and no sure sign of
/// its byte order; Windows writes UTF-16 with a BOM.)
fn utf16_without_bom(bytes: &[u8], complete: bool) -> Option<&'static Encoding> {
    let n = bytes.len() & !1;
    if n < 4 || (complete && bytes.len() % 2 == 1) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes[..n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let nul = even + odd;
    if nul * 20 < n {
        return None;
    }
    let enc = if odd * 10 >= nul * 9 {
        encoding_rs::UTF_16LE
    } else if even * 10 >= nul * 9 {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[..n]);
    // A sample may end inside a surrogate pair: allow that one replacement.
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if had_errors && (complete || bad > 1) {
        return None;
    }
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        .count();
    (!text.contains('\0') && control * 50 <= total).then_some(enc)
}

/// The encoding of `bytes` (the whole input when `complete`, else its start): a BOM's, else
/// UTF-16 when it decodes cleanly and has NULs, else UTF-8 when valid, else GB18030 when it
/// looks like Chinese text. `None` when none fits.
pub fn sniff(bytes: &[u8], complete: bool) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Some(enc);
    }
    if let Some(enc) = utf16_without_bom(bytes, complete) {
        return Some(enc);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => return Some(encoding_rs::UTF_8),
        // Cut in the middle of a character at the end of a sample: still UTF-8.
        Err(e) if !complete && e.error_len().is_none() => return Some(encoding_rs::UTF_8),
        Err(_) => {}
    }
    looks_like_gb18030(bytes, complete).then_some(encoding_rs::GB18030)
}

/// Whether `bytes` are binary data rather than text in an 8-bit or UTF-8 encoding: NUL bytes
/// make up at least 1% of the first 8 KiB.
fn is_binary(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    (nul > 0 && nul * 100 >= sample.len()).then(|| sample.iter().position(|&b| b == 0).unwrap_or(0))
}

/// Decodes the whole of `bytes`, read from `path`, to clean UTF-8: in `forced` when given,
/// else as detected by [`sniff`]. Undecodable input is an error naming the file and where.
pub fn decode(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String> {
    decode_with(path, bytes, forced, "; name the encoding with --encoding")
}

/// [`decode`] for a résumé, whose encoding is always detected: undecodable text asks for the
/// file in UTF-8 (naming an encoding is for postings).
pub fn decode_resume(path: &Path, bytes: &[u8]) -> Result<String> {
    decode_with(path, bytes, None, "; save the résumé as UTF-8")
}

/// [`decode`], with `hint` ending the error of undecodable text.
fn decode_with(
    path: &Path,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    hint: &str,
) -> Result<String> {
    let enc = match forced {
        Some(e) => e,
        None => match sniff(bytes, true) {
            Some(e) => e,
            None => {
                if let Some(pos) = is_binary(bytes) {
                    return Err(Error::NotText {
                        path: path.to_path_buf(),
                        detail: format!("binary data (NUL byte at offset {pos})"),
                    });
                }
                let at = std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Error::NotText {
                    path: path.to_path_buf(),
                    detail: format!(
                        "invalid UTF-8 at line {line}, byte offset {at}, and not UTF-16 or GB18030 either{hint}"
                    ),
                });
            }
        },
    };
    // UTF-8 (or a forced 8-bit encoding) with many NUL bytes is a binary file, not text.
    if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
        if let Some(pos) = is_binary(bytes) {
            return Err(Error::NotText {
                path: path.to_path_buf(),
                detail: format!("binary data (NUL byte at offset {pos})"),
            });
        }
    }
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        let (good, _) = enc.decode_without_bom_handling(bytes);
        let upto = good.find('\u{FFFD}').unwrap_or(good.len());
        let line = good[..upto].matches('\n').count() + 1;
        if forced.is_some() {
            // The encoding the user named: the text is not in it (never "not UTF-8").
            return Err(Error::parse(
                path,
                Some(line),
                format!(
                    "not {} text, as --encoding names it (give the file's encoding, or leave it out to detect it)",
                    enc.name()
                ),
            ));
        }
        return Err(Error::NotText {
            path: path.to_path_buf(),
            detail: format!("invalid {} at line {line}{hint}", enc.name()),
        });
    }
    Ok(clean(&text))
}

/// Clean text: a leading BOM dropped, CRLF and CR turned into LF, terminal escape sequences
/// (`ESC [ 31 m`, `ESC ] 0 ; title BEL`) removed whole, and NUL, other control characters
/// but tab and newline, and bidirectional overrides removed. Removing only the ESC of a
/// colour code would leave `[31m` glued to the next word (`31mEngineer`, read as a term).
pub fn clean(s: &str) -> String {
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    let needs = s
        .bytes()
        .any(|b| b == b'\r' || (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F)
        || s.chars().any(|c| unsafe_char(c) && c != '\n' && c != '\t');
    if !needs {
        return s.to_string();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Only ESC opens a sequence: a C1 character alone (U+009D from `”` decoded as
            // Windows-1252 and saved as UTF-8) is dropped as one character.
            '\u{1b}' => skip_escape(&mut chars),
            '\n' | '\t' => out.push(c),
            // Controls and bidirectional overrides, which reorder what a terminal shows
            // ("Trojan Source") and mean nothing in a posting.
            c if unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips the rest of an escape sequence whose ESC was just read: a control sequence (`[`,
/// parameters, a final character), an operating-system command (`]` up to BEL or ESC `\`;
/// an ESC that starts another sequence ends it too), or ESC, intermediates (0x20-0x2F) and a
/// final character (`ESC ( B`, `ESC c`). Never past the end of the line. A loop, not
/// recursion: a chain of sequences is hostile input too.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    'sequence: loop {
        match chars.peek().copied() {
            Some('[') => {
                chars.next();
                // Parameters and intermediates are 0x20-0x3F, a final character 0x40-0x7E
                // ends it; anything else (the line's end, a letter outside ASCII) is text.
                while let Some(&n) = chars.peek() {
                    if !('\u{20}'..='\u{7e}').contains(&n) {
                        return;
                    }
                    chars.next();
                    if ('\u{40}'..='\u{7e}').contains(&n) {
                        return;
                    }
                }
                return;
            }
            Some(']') => {
                chars.next();
                while let Some(&n) = chars.peek() {
                    match n {
                        '\n' => return,
                        '\u{7}' | '\u{9c}' => {
                            chars.next();
                            return;
                        }
                        '\u{1b}' => {
                            chars.next();
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                                return;
                            }
                            continue 'sequence;
                        }
                        _ => {
                            chars.next();
                        }
                    }
                }
                return;
            }
            Some(k) if ('\u{20}'..='\u{2f}').contains(&k) => {
                while chars
                    .peek()
                    .is_some_and(|n| ('\u{20}'..='\u{2f}').contains(n))
                {
                    chars.next();
                }
                if chars
                    .peek()
                    .is_some_and(|n| ('\u{30}'..='\u{7e}').contains(n))
                {
                    chars.next();
                }
                return;
            }
            Some(k) if ('\u{30}'..='\u{7e}').contains(&k) => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// A reader that turns a stream in `forced` (or, when `None`, in the encoding detected from
/// its first [`SNIFF_BYTES`]) into UTF-8. UTF-8 input passes through untouched (invalid
/// bytes are then reported per row); in other encodings an undecodable byte becomes U+FFFD.
pub fn utf8_reader<R: std::io::Read + 'static>(
    reader: R,
    forced: Option<&'static Encoding>,
) -> std::io::Result<Box<dyn std::io::Read>> {
    use std::io::Read;
    // Detection reads up to SNIFF_BYTES or the end of the input, however the bytes arrive:
    // a pipe's first read can end anywhere, even inside a character.
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut reader = reader;
    if forced.is_none() {
        (&mut reader)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)?;
    }
    let complete = head.len() < SNIFF_BYTES;
    let enc = forced.or_else(|| sniff(&head, complete));
    // Binary data is refused at once, as a file's is, never read on in search of a line
    // end (`jdfit batch - < /dev/zero` would read forever).
    let utf16 = enc == Some(encoding_rs::UTF_16LE) || enc == Some(encoding_rs::UTF_16BE);
    if forced.is_none() && !utf16 {
        if let Some(pos) = is_binary(&head) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not UTF-8 text (binary data (NUL byte at offset {pos}))"),
            ));
        }
    }
    // A UTF-8 byte-order mark is no text: a JSON reader refuses it as the document's first
    // value, and it would stick to a CSV header's first name.
    if enc.is_none_or(|e| e == encoding_rs::UTF_8) && head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    let stream = std::io::Cursor::new(head).chain(reader);
    Ok(match enc {
        Some(e) if e != encoding_rs::UTF_8 => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(e))
                .bom_override(true)
                .build(stream),
        ),
        _ => Box::new(stream),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_not_in_the_named_encoding_is_named_so() {
        // A lone surrogate is no UTF-16LE: the error names the encoding asked for, never
        // "not UTF-8 text".
        let e = decode(
            Path::new("p.txt"),
            b"A\x00\x00\xD8",
            Some(encoding_rs::UTF_16LE),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "p.txt:1: not UTF-16LE text, as --encoding names it (give the file's encoding, or leave it out to detect it)"
        );
    }
    use std::io::Read;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    #[test]
    fn detects_and_decodes() {
        let p = Path::new("x.txt");
        let text = "负责 Kubernetes 集群\r\n运维，p99 latency";
        let want = "负责 Kubernetes 集群\n运维，p99 latency";
        assert_eq!(decode(p, text.as_bytes(), None).unwrap(), want);
        assert_eq!(decode(p, &utf16le(text, true), None).unwrap(), want);
        assert_eq!(decode(p, &utf16le(text, false), None).unwrap(), want);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(sniff(&gbk, true), Some(encoding_rs::GB18030));
        assert_eq!(decode(p, &gbk, None).unwrap(), want);
        // Latin-1 accents are not taken for Chinese.
        let e = decode(p, b"r\xe9sum\xe9 of a caf\xe9 owner", None).unwrap_err();
        assert!(e.to_string().contains("--encoding"), "{e}");
        let latin = decode(p, b"r\xe9sum\xe9", by_label("latin1")).unwrap();
        assert_eq!(latin, "résumé");
        // Upper-case Portuguese accents are not Chinese either, nor is a pound sign.
        for latin1 in [
            &b"DESCRI\xc7\xc3O DO CARGO E INFORMA\xc7\xd5ES"[..],
            b"Salary \xa3100000\n",
        ] {
            let e = decode(p, latin1, None).unwrap_err();
            assert!(e.to_string().contains("--encoding"), "{e}");
        }
        // UTF-16 without a BOM, English or mixed.
        for s in [
            "Senior SRE\nKubernetes, Go",
            "负责 K8s 集群运维, on-call 7x24",
        ] {
            let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(decode(p, &utf16le(s, false), None).unwrap(), s);
            assert_eq!(decode(p, &be, None).unwrap(), s);
        }
    }

    #[test]
    fn cleans_controls_and_rejects_binary() {
        let p = Path::new("x.txt");
        let mut long = "word ".repeat(400).into_bytes();
        long.push(0);
        long.extend(b"\x07bell\x1b[0m end");
        assert_eq!(
            decode(p, &long, None).unwrap(),
            format!("{}bell end", "word ".repeat(400))
        );
        let e = decode(p, b"\x7fELF\x00\x00\x01binary", None).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
    }

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(
            clean("Backend \u{1b}[31mEngineer\u{1b}]0;pwned\u{7}\u{1b}[0m"),
            "Backend Engineer"
        );
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\ b"),
            "alink b"
        );
        assert_eq!(
            clean("Go\u{202e}lanG\u{202c} and \u{1b}cRust"),
            "GolanG and Rust"
        );
        // An unterminated sequence ends at the line's end.
        assert_eq!(clean("x\u{1b}]title\nnext"), "x\nnext");
        assert_eq!(clean("x\u{1b}[1;中文"), "x中文");
        // tput sgr0; a title ended by the next sequence; mojibake holding U+009D.
        assert_eq!(clean("Engineer\u{1b}(B\u{1b}[m"), "Engineer");
        assert_eq!(clean("\u{1b}]0;t\u{1b}[31mEngineer"), "Engineer");
        assert_eq!(
            clean("â€œ5+ yearsâ€\u{9d} of Go, Kubernetes"),
            "â€œ5+ yearsâ€ of Go, Kubernetes"
        );
        assert_eq!(clean(&"\u{1b}]".repeat(10_000)), "");
    }

    #[test]
    fn streams_are_transcoded() {
        let text = "id,text\n1,负责运维\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut out = String::new();
        utf8_reader(std::io::Cursor::new(gbk.into_owned()), None)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
        let mut out = String::new();
        utf8_reader(std::io::Cursor::new(utf16le(text, true)), None)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }

    /// A reader that hands out its bytes a few at a time, like a pipe.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(3).min(self.0.len() - self.1);
            buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
            self.1 += n;
            Ok(n)
        }
    }

    #[test]
    fn a_trickling_pipe_is_detected_like_a_file() {
        let text = "{\"id\":1,\"title\":\"上海高级工程师\"}\n".repeat(3);
        let mut out = String::new();
        utf8_reader(Trickle(text.clone().into_bytes(), 0), None)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }
}
