//! Parse: résumé files (plain text, Markdown, JSON Resume) and postings into models.

pub mod dates;
pub mod encoding;
pub mod jsonresume;
pub mod lines;
pub mod markdown;
pub mod posting;
pub mod source;
pub mod text;

use crate::error::{Error, Result};
use crate::model::{Basics, Bullet, Resume};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// The résumé formats jdfit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ResumeFormat {
    /// Plain text, as copied out of a PDF.
    Text,
    /// Markdown (`#` name, `##` sections, `###` entries, nested `-` lists).
    Markdown,
    /// JSON Resume (jsonresume.org schema).
    Json,
}

impl ResumeFormat {
    /// Picks a format from the file extension, then from the content.
    pub fn detect(path: &Path, text: &str) -> ResumeFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => return ResumeFormat::Json,
            Some("md" | "markdown") => return ResumeFormat::Markdown,
            _ => {}
        }
        let t = text.trim_start();
        if t.starts_with('{') {
            ResumeFormat::Json
        } else if t.lines().any(|l| l.starts_with("## ")) && t.starts_with("# ") {
            ResumeFormat::Markdown
        } else {
            ResumeFormat::Text
        }
    }
}

/// The largest résumé or posting file read, in bytes. A posting is a few KB and a long
/// résumé tens of KB; anything far bigger is not one.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The longest line accepted in a résumé or posting, in bytes.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The deepest bullet nesting accepted in a résumé.
pub const MAX_DEPTH: usize = 16;

/// The most bullets (group headings included) accepted in one résumé.
pub const MAX_BULLETS: usize = 5_000;

/// Decodes bytes read from `path` as text (encoding detected: BOM, UTF-8, UTF-16, GB18030),
/// with LF line endings and no NUL or control characters. Binary data and undecodable text
/// are errors that name the file and where.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    encoding::decode(path, bytes, None)
}

/// Text that arrived as text (a web form, an API): a leading BOM dropped, CRLF and CR turned
/// into LF, NUL and other control characters but tab and newline removed.
pub fn clean_text(s: &str) -> String {
    encoding::clean(s)
}

/// Reads a text file (or standard input for `-`), detecting its encoding.
pub fn read_text(path: &Path) -> Result<String> {
    read_text_as(path, None)
}

/// Reads a text file (or standard input for `-`) in `encoding`, or detecting it when `None`.
/// Inputs over [`MAX_INPUT_BYTES`] and lines over [`MAX_LINE_BYTES`] are errors.
pub fn read_text_as(path: &Path, encoding: Option<&'static encoding::Encoding>) -> Result<String> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_big = || {
        Error::parse(
            path,
            None,
            format!(
                "larger than the {} MiB input limit; is this a résumé or a posting?",
                MAX_INPUT_BYTES >> 20
            ),
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), MAX_INPUT_BYTES + 1),
            &mut buf,
        )
        .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(Error::parse(path, None, "is a folder, not a file"));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(too_big());
        }
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_INPUT_BYTES + 1),
            &mut buf,
        )
        .map_err(io)?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big());
    }
    let text = encoding::decode(path, &buf, encoding)?;
    check_lines(path, &text)?;
    Ok(text)
}

/// Refuses a text with a line longer than [`MAX_LINE_BYTES`].
pub fn check_lines(path: &Path, text: &str) -> Result<()> {
    if text.len() <= MAX_LINE_BYTES {
        return Ok(());
    }
    for (n, line) in text.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            return Err(Error::parse(
                path,
                Some(n + 1),
                format!(
                    "line of {} bytes, over the {} KiB line limit",
                    line.len(),
                    MAX_LINE_BYTES >> 10
                ),
            ));
        }
    }
    Ok(())
}

/// Parses a résumé from text, in the given format or the detected one.
pub fn parse_resume(path: &Path, text: &str, format: Option<ResumeFormat>) -> Result<Resume> {
    let format = format.unwrap_or_else(|| ResumeFormat::detect(path, text));
    if text.trim().is_empty() {
        return Err(Error::parse(path, None, "the résumé is empty"));
    }
    if format == ResumeFormat::Markdown {
        if let Some((depth, line)) = markdown::too_deep(text, MAX_DEPTH) {
            return Err(Error::parse(
                path,
                Some(line),
                format!("a list nested {depth} levels deep, over the limit of {MAX_DEPTH}"),
            ));
        }
    }
    let resume = match format {
        ResumeFormat::Text => text::parse(text),
        ResumeFormat::Markdown => markdown::parse(text),
        ResumeFormat::Json => jsonresume::parse(path, text)?,
    };
    let depth = resume
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .flat_map(|e| &e.bullets)
        .map(Bullet::depth)
        .max()
        .unwrap_or(0);
    if depth > MAX_DEPTH {
        return Err(Error::parse(
            path,
            None,
            format!("bullets nested {depth} levels deep, over the limit of {MAX_DEPTH}"),
        ));
    }
    let bullets = resume.all_bullets().len();
    if bullets > MAX_BULLETS {
        return Err(Error::parse(
            path,
            None,
            format!("{bullets} bullets, over the limit of {MAX_BULLETS} for one résumé"),
        ));
    }
    if resume.leaves().is_empty() {
        return Err(Error::parse(
            path,
            None,
            format!(
                "no bullets found (read as {}); see the README for the résumé formats",
                match format {
                    ResumeFormat::Text => "plain text",
                    ResumeFormat::Markdown => "Markdown",
                    ResumeFormat::Json => "JSON Resume",
                }
            ),
        ));
    }
    Ok(resume)
}

/// Reads and parses a résumé file.
pub fn load_resume(path: &Path, format: Option<ResumeFormat>) -> Result<Resume> {
    let text = read_text(path)?;
    parse_resume(path, &text, format)
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("email pattern"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\d[\d\s().-]{7,}\d").expect("phone pattern"));
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s)\]|>]+").expect("url pattern"));

/// Fills e-mail, phone and URL from the verbatim contact lines when not already set.
pub(crate) fn fill_contact(b: &mut Basics) {
    for line in &b.lines {
        if b.email.is_none() {
            b.email = EMAIL.find(line).map(|m| m.as_str().to_string());
        }
        if b.phone.is_none() {
            b.phone = PHONE.find(line).map(|m| m.as_str().trim().to_string());
        }
        if b.url.is_none() {
            b.url = URL.find(line).map(|m| m.as_str().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_normalises_and_rejects() {
        let p = Path::new("x.txt");
        assert_eq!(decode(p, b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
        let e = decode(p, b"ok\n\xff\xfe").unwrap_err().to_string();
        assert!(e.contains("invalid UTF-8 at line 2"), "{e}");
        let e = decode(p, b"\x00\x01").unwrap_err().to_string();
        assert!(e.contains("binary"), "{e}");
    }

    #[test]
    fn detects_formats() {
        assert_eq!(
            ResumeFormat::detect(Path::new("a.json"), ""),
            ResumeFormat::Json
        );
        assert_eq!(
            ResumeFormat::detect(Path::new("a"), " {\"basics\":{}}"),
            ResumeFormat::Json
        );
        assert_eq!(
            ResumeFormat::detect(Path::new("a.txt"), "# A\n## B\n"),
            ResumeFormat::Markdown
        );
        assert_eq!(
            ResumeFormat::detect(Path::new("a.txt"), "教育背景\n"),
            ResumeFormat::Text
        );
    }
}
