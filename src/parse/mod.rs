//! Parse: résumé files (plain text, Markdown, JSON Resume) and postings into models.

mod blocks;
pub mod check;
pub mod dates;
pub mod docx;
pub mod encoding;
pub mod html;
pub mod jsonresume;
mod linkedin;
pub mod markdown;
pub mod markup;
pub mod odt;
pub mod pdf;
pub mod posting;
pub mod source;
pub mod text;

use crate::choice::choices;
use crate::error::{Error, Result};
use crate::model::{Basics, Bullet, Resume};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// Whether `s` is a place as résumés write one beside an entry: `中国, 北京`, `Denver, CO`,
/// `San Jose, CA`. A place is not an organisation or a role.
pub(crate) fn is_place(s: &str) -> bool {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\p{Han}{2,4}[,，]\s*\p{Han}{2,4}|\p{Lu}[\p{Ll}]+(?: \p{Lu}[\p{Ll}]+)?, [A-Z]{2})$",
        )
        .expect("place pattern")
    });
    PLACE.is_match(s.trim())
}

/// The résumé formats jdfit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, as copied out of a PDF.
    Text,
    /// Markdown (`#` name, `##` sections, `###` entries, nested `-` lists).
    Markdown,
    /// JSON Resume (jsonresume.org schema).
    Json,
}

choices!(InputFormat {
    Text => ("text", "Plain text, as copied out of a PDF"),
    Markdown => ("markdown", "Markdown (`#` name, `##` sections, `###` entries, nested `-` lists)"),
    Json => ("json", "JSON Resume (jsonresume.org schema)"),
});

impl InputFormat {
    /// Picks a format from the file extension, then from the content.
    pub fn detect(path: &Path, text: &str) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => return InputFormat::Json,
            Some("md" | "markdown") => return InputFormat::Markdown,
            _ => {}
        }
        let t = text.trim_start();
        if t.starts_with('{') {
            InputFormat::Json
        } else if t.lines().any(|l| l.starts_with("## ")) && t.starts_with("# ") {
            InputFormat::Markdown
        } else {
            InputFormat::Text
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

/// The fewest characters of text a résumé without marked bullets must have to be read
/// line by line: below it the file is a name or a note, not a résumé.
const MIN_LOOSE_CHARS: usize = 30;

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

/// Reads a text file, detecting its encoding.
pub fn read_text(path: &Path) -> Result<String> {
    read_text_as(path, None)
}

/// Reads a text file in `encoding`, or detecting it when `None`.
/// Inputs over [`MAX_INPUT_BYTES`] and lines over [`MAX_LINE_BYTES`] are errors.
pub fn read_text_as(path: &Path, encoding: Option<&'static encoding::Encoding>) -> Result<String> {
    read_text_from(open_input(path)?, path, encoding)
}

/// Opens an input file: not a folder, and within [`MAX_INPUT_BYTES`] by its size.
fn open_input(path: &Path) -> Result<std::fs::File> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(Error::parse(path, None, "is a folder, not a file"));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_big(path));
    }
    Ok(file)
}

fn too_big(path: &Path) -> Error {
    Error::parse(
        path,
        None,
        format!(
            "larger than the {} MiB input limit; is this a résumé or a posting?",
            MAX_INPUT_BYTES >> 20
        ),
    )
}

/// Reads a résumé file, detecting its encoding, within [`MAX_INPUT_BYTES`]. Its lines are
/// checked by [`parse_resume`] once its format is known: JSON (a minified JSON Resume, a
/// photo as a data URL) has no line limit. A DOCX file is read as the text
/// [`read_resume_source`] makes of it.
pub fn read_resume_text(path: &Path) -> Result<String> {
    read_resume_source(path).map(|(text, _)| text)
}

/// Reads a résumé file as text, with the format that text is in when reading it decided
/// it: a DOCX or PDF document becomes Markdown (or plain text when it has no heading styles
/// or sizes), read by the same parsers as any other résumé. A legacy `.doc` is an error that
/// says so.
pub fn read_resume_source(path: &Path) -> Result<(String, Option<InputFormat>)> {
    let buf = read_limited(open_input(path)?, path)?;
    resume_source_from_bytes(path, &buf)
}

/// [`read_resume_source`] for bytes already read (an upload): `path` is the file's name,
/// whose extension helps tell the format, and names it in errors.
pub fn resume_source_from_bytes(path: &Path, buf: &[u8]) -> Result<(String, Option<InputFormat>)> {
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(path));
    }
    if docx::is_ole(buf) {
        return Err(Error::parse(
            path,
            None,
            "a legacy Word .doc (or a password-protected document) is not supported; save it as .docx without a password",
        ));
    }
    let named = |ext: &str| {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    };
    if odt::is_odt(buf) || named("odt") {
        if !docx::is_zip(buf) {
            return Err(Error::parse(
                path,
                None,
                "named .odt but not an ODT package (no ZIP signature)",
            ));
        }
        let (text, format) = odt::to_text(path, buf)?;
        return Ok((text, Some(format)));
    }
    let docx_name = named("docx");
    if docx::is_zip(buf) || docx_name {
        if !docx::is_zip(buf) {
            return Err(Error::parse(
                path,
                None,
                "named .docx but not a DOCX package (no ZIP signature)",
            ));
        }
        let (text, format) = docx::to_text(path, buf)?;
        return Ok((text, Some(format)));
    }
    let pdf_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if pdf::is_pdf(buf) || pdf_name {
        if !pdf::is_pdf(buf) {
            return Err(Error::parse(
                path,
                None,
                "named .pdf but not a PDF file (no %PDF- signature)",
            ));
        }
        let (text, format) = pdf::to_text(path, buf, false)?;
        return Ok((text, Some(format)));
    }
    let text = encoding::decode_resume(path, buf)?;
    if html::looks_like_html(path, &text) {
        let (text, format) = html::resume_text(&text);
        return Ok((text, Some(format)));
    }
    Ok((text, None))
}

/// Reads text from `reader` (standard input, say), named `label` in errors, with the same
/// limits and encoding detection as files.
pub fn read_text_from(
    reader: impl std::io::Read,
    label: &Path,
    encoding: Option<&'static encoding::Encoding>,
) -> Result<String> {
    let buf = read_limited(reader, label)?;
    if pdf::is_pdf(&buf) {
        // A posting saved or printed as PDF: its text in reading order, as plain text.
        let (text, _) = pdf::to_text(label, &buf, true)?;
        check_lines(label, &text)?;
        return Ok(text);
    }
    if docx::is_zip(&buf) || docx::is_ole(&buf) {
        // Read as text, a Word file is a title of "PK…" and a score of 0, silently wrong.
        return Err(Error::parse(
            label,
            None,
            "a Word document or another archive, not a posting's text: save the posting as text, HTML or PDF, or paste it".to_string(),
        ));
    }
    let mut text = encoding::decode(label, &buf, encoding)?;
    if html::looks_like_html(label, &text) {
        // A saved web page: its main text, not its markup (a minified page is one long
        // line, so the line limit applies to the text read from it).
        text = html::posting_text(&text);
    }
    check_lines(label, &text)?;
    Ok(text)
}

/// Every byte of `reader`, at most [`MAX_INPUT_BYTES`].
fn read_limited(reader: impl std::io::Read, label: &Path) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut reader.take(MAX_INPUT_BYTES + 1), &mut buf).map_err(
        |source| Error::Io {
            path: label.to_path_buf(),
            source,
        },
    )?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(label));
    }
    Ok(buf)
}

/// The paths of every `.txt` file under `dir`, sorted.
pub fn txt_files_under(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    paths.sort();
    Ok(paths)
}

/// Reads every `.txt` file under `dir` (the background postings, say), sorted by path.
pub fn read_texts_under(dir: &std::path::Path) -> Result<Vec<String>> {
    txt_files_under(dir)?.iter().map(|p| read_text(p)).collect()
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
pub fn parse_resume(path: &Path, text: &str, format: Option<InputFormat>) -> Result<Resume> {
    let format = format.unwrap_or_else(|| InputFormat::detect(path, text));
    if text.trim().is_empty() {
        return Err(Error::parse(path, None, "the résumé is empty"));
    }
    if format != InputFormat::Json {
        check_lines(path, text)?;
    }
    if format == InputFormat::Markdown {
        if let Some((depth, line)) = markdown::too_deep(text, MAX_DEPTH) {
            return Err(Error::parse(
                path,
                Some(line),
                format!("a list nested {depth} levels deep, over the limit of {MAX_DEPTH}"),
            ));
        }
    }
    let mut resume = match format {
        InputFormat::Text => text::parse(text),
        InputFormat::Markdown => markdown::parse(text),
        InputFormat::Json => jsonresume::parse(path, text)?,
    };
    // Jobs read with nothing under them (a LinkedIn profile of titles and dates): the error
    // below says so rather than only that no bullets were found.
    let bare_jobs = resume
        .sections
        .iter()
        .filter(|s| s.kind.is_work())
        .flat_map(|s| &s.entries)
        .filter(|e| e.start.is_some())
        .count();
    if resume.leaves().is_empty() && format != InputFormat::Json {
        // No marked bullets: read the lines and sentences as bullets rather than refuse a
        // readable résumé (a bio, a flattened text, a Word résumé written in paragraphs).
        text::notes_to_bullets(&mut resume);
        if resume.leaves().is_empty() {
            resume = text::parse_loose(text);
        } else {
            resume.warnings.push(text::LOOSE_NOTE.to_string());
        }
        // A line or two ("Just a name.") is not a résumé read loosely: refuse it as before.
        let words: usize = resume
            .leaves()
            .iter()
            .map(|b| b.bullet.text.chars().count())
            .sum();
        if words < MIN_LOOSE_CHARS {
            resume.sections.clear();
        }
    }
    if format != InputFormat::Json {
        if let Some(h) = posting_heading(text, &resume) {
            return Err(Error::parse(
                path,
                None,
                format!(
                    "this looks like a job posting, not a résumé (a heading “{h}” and no dates); are the résumé and the posting swapped?"
                ),
            ));
        }
    }
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
        let read_as = match format {
            InputFormat::Text => "plain text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Json => "JSON Resume",
        };
        let message = if bare_jobs > 0 {
            format!(
                "no bullets found (read as {read_as}): {bare_jobs} dated job{} read, none with a line under it saying what was done, which is what jdfit matches a posting against; add those lines under each job",
                if bare_jobs == 1 { "" } else { "s" }
            )
        } else {
            format!("no bullets found (read as {read_as}); see the README for the résumé formats")
        };
        return Err(Error::parse(path, None, message));
    }
    Ok(resume)
}

/// A posting's heading in `text` when the résumé read from it looks like a posting: a
/// requirements heading (任职要求, Requirements) and a duties or benefits one (岗位职责, What
/// you'll do, 工作职责), and no entry with dates. A résumé's own "Roles & Responsibilities"
/// under each job is not enough.
fn posting_heading(text: &str, resume: &Resume) -> Option<String> {
    use crate::model::{Part, SectionKind};
    let dated = resume
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .any(|e| e.dates.is_some());
    if dated {
        return None;
    }
    let found = posting::firm_headings(text);
    // "Additional Qualification & Certifications" asks nothing: a résumé heading is not a
    // posting's requirements heading.
    let asks = found.iter().find(|(p, h)| {
        matches!(p, Part::Requirements | Part::Nice)
            && SectionKind::from_heading(h) == SectionKind::Other
    })?;
    found
        .iter()
        .any(|(p, _)| matches!(p, Part::Duties | Part::Benefits))
        .then(|| asks.1.trim_end_matches([':', '：']).to_string())
}

/// Reads and parses a résumé file.
pub fn load_resume(path: &Path, format: Option<InputFormat>) -> Result<Resume> {
    let (text, read_as) = read_resume_source(path)?;
    parse_resume(path, &text, format.or(read_as))
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("email pattern"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\+?(?:\(\+?\d{1,4}\)\s*\d[\d\s().-]{4,}|\d[\d\s().-]{7,})\d")
        .expect("phone pattern")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s)\]|>]+").expect("url pattern"));

/// Labels of numbers that are not phone numbers, as résumés and job-board exports set them
/// beside the contacts (`ID：369852147`, `简历编号：…`, `QQ：…`, `身份证：…`, `邮编：…`).
const NOT_PHONE_LABELS: &[&str] = &[
    "id",
    "编号",
    "身份证",
    "qq",
    "邮编",
    "zip",
    "postcode",
    "post code",
    "record",
    "ref",
];

/// The first phone number in `line`: digits with separators, an area code in brackets
/// included (`(512) 555-0142`), not glued to a word (`ISO9001-2015`), not a run of years
/// (`2006-2007 2008-2009`) and not labelled as another number (`简历编号：369852147`, `QQ:
/// 123456789`).
fn phone_in(line: &str) -> Option<String> {
    PHONE.find_iter(line).find_map(|m| {
        // The label in the number's own cell: after the last separator before it.
        let cell = line[..m.start()]
            .rsplit(['|', '｜', ',', '，', ';', '；', '·', '•', '\t'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        // A Chinese label anywhere in the cell (`身份证号码：`); an English one right before
        // the number and its colon (`ID: `, not the state in `Idaho Falls, ID (208) …`).
        let t = cell.trim_end();
        let bare = t.trim_end_matches([':', '：', '#', ' ']);
        let before_colon = (bare.len() < t.len()).then_some(bare);
        let labelled_other = NOT_PHONE_LABELS.iter().any(|l| {
            if !l.is_ascii() {
                return cell.contains(l);
            }
            before_colon.is_some_and(|b| {
                b.strip_suffix(l).is_some_and(|rest| {
                    !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                })
            })
        });
        if labelled_other {
            return None;
        }
        let glued = line[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || line[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        let groups: Vec<&str> = m
            .as_str()
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .collect();
        let year = |g: &str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
        let years = groups.iter().all(|g| year(g));
        // A date (`更新时间：2024-11-20`, `2019.07.01`): a year, then a month and a day.
        let date = groups.len() == 3
            && year(groups[0])
            && groups[1..].iter().all(|g| g.len() <= 2)
            && !m.as_str().contains(' ');
        (!glued && !years && !date).then(|| m.as_str().trim().to_string())
    })
}

/// Fills e-mail, phone and URL from the verbatim contact lines when not already set.
pub(crate) fn fill_contact(b: &mut Basics) {
    for line in &b.lines {
        if b.email.is_none() {
            b.email = EMAIL.find(line).map(|m| m.as_str().to_string());
        }
        if b.phone.is_none() {
            b.phone = phone_in(line);
        }
        if b.url.is_none() {
            b.url = URL.find(line).map(|m| m.as_str().to_string());
        }
    }
}

/// Test views shared by the résumé readers' tests.
#[cfg(test)]
pub(crate) mod test_view {
    use crate::model::Resume;

    /// Each entry of every section as `[organisation, title, dates]` and its bullets'
    /// texts: what a reader of the résumé would check first.
    pub(crate) fn entries_of(r: &Resume) -> Vec<([Option<&str>; 3], Vec<&str>)> {
        r.sections
            .iter()
            .flat_map(|s| &s.entries)
            .map(|e| {
                (
                    [
                        e.organisation.as_deref(),
                        e.title.as_deref(),
                        e.dates.as_deref(),
                    ],
                    e.bullets.iter().map(|b| b.text.as_str()).collect(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_neither_standards_nor_years() {
        assert_eq!(
            phone_in("Tel: +1 (415) 555-0100").as_deref(),
            Some("+1 (415) 555-0100")
        );
        assert_eq!(
            phone_in("电话 138 0013 8000").as_deref(),
            Some("138 0013 8000")
        );
        assert_eq!(
            phone_in("Seattle, WA • (206) 555-0199 • j@example.com").as_deref(),
            Some("(206) 555-0199")
        );
        assert_eq!(phone_in("(512)555-0142").as_deref(), Some("(512)555-0142"));
        // A bracket that closes no area code is no part of a number.
        assert_ne!(
            phone_in("Debian (2022.20230122-1), texlive").as_deref(),
            Some("(2022.20230122-1")
        );
        assert_eq!(phone_in("Maintain ISO9001-2015 documents"), None);
        // Other numbers by their labels; a phone beside them is still found.
        assert_eq!(phone_in("ID：369852147"), None);
        assert_eq!(phone_in("简历编号：3698521477"), None);
        assert_eq!(phone_in("QQ: 123456789"), None);
        assert_eq!(
            phone_in("QQ：123456789 | 手机：139 1234 5678").as_deref(),
            Some("139 1234 5678")
        );
        assert_eq!(
            phone_in("Idaho Falls, ID (208) 555-0100").as_deref(),
            Some("(208) 555-0100")
        );
        assert_eq!(phone_in("Record #: 20190512"), None);
        // A date is no phone; a country code in brackets keeps them.
        assert_eq!(phone_in("更新时间：2024-11-20"), None);
        assert_eq!(phone_in("2019.07.01 入职"), None);
        assert_eq!(
            phone_in("电话：(+86) 177-8201-4436").as_deref(),
            Some("(+86) 177-8201-4436")
        );
        assert_eq!(phone_in("2006-2007 2008-2009 2010-2011"), None);
    }

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
    fn a_posting_is_not_a_resume() {
        let p = Path::new("r.txt");
        let posting = "Site Reliability Engineer\n\nWhat you'll do\n- Run Kubernetes\n\nRequirements\n- 5 years of Go\n";
        let e = parse_resume(p, posting, None).unwrap_err().to_string();
        assert!(e.contains("“Requirements”") && e.contains("swapped"), "{e}");
        // A résumé's own duties heading and a certifications heading are not a posting.
        let resume = "Sam Lee\n\nRoles & Responsibilities\n- Ran the on-call rota for 40 services\n\nAdditional Qualification & Certifications\n- CKA, 2021\n";
        assert!(parse_resume(p, resume, None).is_ok());
    }

    #[test]
    fn detects_formats() {
        assert_eq!(
            InputFormat::detect(Path::new("a.json"), ""),
            InputFormat::Json
        );
        assert_eq!(
            InputFormat::detect(Path::new("a"), " {\"basics\":{}}"),
            InputFormat::Json
        );
        assert_eq!(
            InputFormat::detect(Path::new("a.txt"), "# A\n## B\n"),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::detect(Path::new("a.txt"), "教育背景\n"),
            InputFormat::Text
        );
    }
}
