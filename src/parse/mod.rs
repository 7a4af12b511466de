//! Parse: résumé files (plain text, Markdown, JSON Resume) and postings into models.

pub mod dates;
pub mod jsonresume;
pub mod lines;
pub mod markdown;
pub mod posting;
pub mod source;
pub mod text;

use crate::error::{Error, Result};
use crate::model::{Basics, Resume};
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

/// Decodes bytes read from `path` as text: UTF-8 (a BOM is dropped), CRLF and CR become LF.
/// Binary data and invalid UTF-8 are errors that name the file and where.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::NotText {
            path: path.to_path_buf(),
            detail: format!("binary data (NUL byte at offset {pos})"),
        });
    }
    let s = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::NotText {
            path: path.to_path_buf(),
            detail: format!("invalid UTF-8 at line {line}, byte offset {at}"),
        }
    })?;
    Ok(if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    })
}

/// Text that arrived as text (a web form, an API): a leading BOM dropped, CRLF and CR turned
/// into LF, NUL and other control characters but tab and newline removed.
pub fn clean_text(s: &str) -> String {
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Reads a text file (or standard input for `-`).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|source| {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
    };
    decode(path, &bytes)
}

/// Parses a résumé from text, in the given format or the detected one.
pub fn parse_resume(path: &Path, text: &str, format: Option<ResumeFormat>) -> Result<Resume> {
    let format = format.unwrap_or_else(|| ResumeFormat::detect(path, text));
    if text.trim().is_empty() {
        return Err(Error::parse(path, None, "the résumé is empty"));
    }
    let resume = match format {
        ResumeFormat::Text => text::parse(text),
        ResumeFormat::Markdown => markdown::parse(text),
        ResumeFormat::Json => jsonresume::parse(path, text)?,
    };
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
