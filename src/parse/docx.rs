//! DOCX résumés: the paragraphs of `word/document.xml` (read with `zip` and `quick-xml`)
//! turned into the text the Markdown or plain-text parser already reads, so a Word résumé
//! is parsed by the same code as every other résumé.
//!
//! Headings come from paragraph styles (`Title`, `Heading 1…`, `标题 1…`, or an outline
//! level), list paragraphs (Word numbering) become `- ` items indented by their level, table
//! rows become lines, and text boxes (`w:txbxContent`, where some Chinese résumés keep most
//! of their text) are read in place. Text stays as written: only whitespace is tidied.

use super::blocks::{entity_text, render, tidy, Block, Kind, Sinks};
use crate::error::{Error, Result};
use crate::parse::InputFormat;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::Path;

/// The largest decompressed `word/document.xml` (or `styles.xml`) read: far above any
/// résumé, far below what a ZIP bomb would inflate to.
pub const MAX_XML_BYTES: u64 = 50 << 20;

/// Whether `bytes` start like a ZIP package (DOCX, ODT, XLSX all do).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether `bytes` start like an OLE compound file: a legacy `.doc`, or a password-protected
/// `.docx` (Office wraps encrypted packages in OLE).
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    /// `Some(true)` when the paragraph has its own numbering, `Some(false)` when it removes
    /// its style's (`w:numId w:val="0"`).
    numbered: Option<bool>,
    level: usize,
    outline: Option<u8>,
}

/// What a paragraph style says.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    outline: Option<u8>,
    numbered: bool,
}

/// Reads the DOCX package `bytes` (from `path`, named in errors) as résumé text, with the
/// format that text is in (Markdown when the document has heading styles, plain text when
/// it has none). Damage of any kind is one [`Error::Parse`]; a panic inside the ZIP or XML
/// readers is contained and reported the same way.
pub fn to_text(path: &Path, bytes: &[u8]) -> Result<(String, InputFormat)> {
    match crate::contain::catch(|| read_package(bytes)) {
        Ok(Ok(blocks)) => Ok(render(&blocks, false)),
        Ok(Err(d)) => Err(d.error(path, "DOCX", "word/document.xml")),
        Err(_) => Err(
            Damage::Other("the document could not be read".into()).error(
                path,
                "DOCX",
                "word/document.xml",
            ),
        ),
    }
}

/// Why a package could not be read.
pub(super) enum Damage {
    /// The package lacks its main member (`word/document.xml`, `content.xml`).
    NotDocx,
    TooBig(&'static str),
    Other(String),
}

impl Damage {
    /// The error for a `kind` package (`DOCX`, `ODT`) at `path` whose main member is `main`.
    pub(super) fn error(self, path: &Path, kind: &str, main: &str) -> Error {
        let message = match self {
            Damage::NotDocx => {
                let a = if kind.starts_with(['O', 'o']) {
                    "an"
                } else {
                    "a"
                };
                format!("a ZIP archive without {main}: not {a} {kind} document")
            }
            Damage::TooBig(name) => format!(
                "{name} inflates to over {} MiB; not a résumé (a ZIP bomb?)",
                MAX_XML_BYTES >> 20
            ),
            Damage::Other(what) => format!("damaged {kind} file: {what}"),
        };
        Error::parse(path, None, message)
    }
}

fn read_package(bytes: &[u8]) -> std::result::Result<Vec<Block>, Damage> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Damage::Other(format!("not a readable ZIP archive ({e})")))?;
    let document = match read_member(&mut zip, "word/document.xml")? {
        Some(d) => d,
        None => return Err(Damage::NotDocx),
    };
    // Styles only name headings: a package without them (or with damaged ones) is still read.
    let styles = read_member(&mut zip, "word/styles.xml")
        .ok()
        .flatten()
        .and_then(|s| read_styles(&s).ok())
        .unwrap_or_default();
    read_document(&document, &styles).map_err(|e| Damage::Other(format!("malformed XML ({e})")))
}

/// One member of the package as UTF-8 text, within [`MAX_XML_BYTES`]; `None` when absent.
pub(super) fn read_member(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &'static str,
) -> std::result::Result<Option<String>, Damage> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Damage::Other(format!("{name}: {e}"))),
    };
    let mut buf = Vec::new();
    file.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Damage::Other(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_XML_BYTES {
        return Err(Damage::TooBig(name));
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| Damage::Other(format!("{name} is not UTF-8")))
}

/// The value of the attribute whose local name is `val` (`w:val`, `w:styleId`, …).
pub(super) fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The outline level in a `w:outlineLvl` element: 0–8 are headings, 9 is body text.
fn outline(e: &BytesStart<'_>) -> Option<u8> {
    attr(e, b"val")
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|&l| l < 9)
}

/// Paragraph styles by id: their display names, outline levels and whether they number.
fn read_styles(xml: &str) -> std::result::Result<FxHashMap<String, Style>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut styles = FxHashMap::default();
    let mut current: Option<(String, Style)> = None;
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => current = attr(&e, b"styleId").map(|id| (id, Style::default())),
                b"name" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, b"val")) {
                        s.name = v;
                    }
                }
                b"outlineLvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = outline(&e);
                    }
                }
                b"numId" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.numbered = attr(&e, b"val").is_some_and(|v| v != "0");
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let Some((id, s)) = current.take() {
                    styles.insert(id, s);
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}

/// The heading level a style name (or id) stands for: 0 for a title, 1–9 for headings, in
/// English or Chinese (`Heading 1`, `heading1`, `标题 1`; `标题` alone is Word's Chinese
/// name for Title).
pub(super) fn heading_level(name: &str) -> Option<u8> {
    let n: String = name
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if n == "title" || n == "标题" {
        return Some(0);
    }
    ["heading", "标题"].iter().find_map(|p| {
        n.strip_prefix(p)
            .and_then(|d| d.parse::<u8>().ok())
            .filter(|l| (1..=9).contains(l))
    })
}

impl Para {
    fn kind(&self, styles: &FxHashMap<String, Style>) -> Kind {
        let style = self.style.as_ref().map(|id| (id, styles.get(id)));
        let level = style.and_then(|(id, s)| {
            s.and_then(|s| heading_level(&s.name))
                .or_else(|| heading_level(id))
        });
        match level {
            Some(0) => return Kind::Title,
            Some(l) => return Kind::Heading(l),
            None => {}
        }
        let style_outline = style.and_then(|(_, s)| s.and_then(|s| s.outline));
        if let Some(o) = self.outline.or(style_outline) {
            return Kind::Heading(o + 1);
        }
        let style_list = style.is_some_and(|(_, s)| {
            s.is_some_and(|s| {
                let n = s.name.to_lowercase();
                s.numbered || n.starts_with("list bullet") || n.starts_with("list number")
            })
        });
        if self.numbered.unwrap_or(style_list) {
            Kind::Item(self.level.min(super::MAX_DEPTH))
        } else {
            Kind::Body
        }
    }
}

/// Elements whose content is skipped: the fallback copy of a text box (Word writes each
/// one twice, as DrawingML and as VML), tracked formatting changes (old properties), and
/// field instructions.
const SKIPPED: &[&[u8]] = &[
    b"Fallback",
    b"pPrChange",
    b"rPrChange",
    b"instrText",
    b"delText",
];

/// The paragraphs of `word/document.xml` in reading order.
fn read_document(
    xml: &str,
    styles: &FxHashMap<String, Style>,
) -> std::result::Result<Vec<Block>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    // Open paragraphs: a text box's paragraphs open inside the paragraph that anchors it.
    let mut paras: Vec<Para> = Vec::new();
    // Where finished paragraphs go: the body, or the table cells being read.
    let mut sinks = Sinks::new();
    let mut in_text = false;
    let mut in_run = 0usize;
    loop {
        let ev = reader.read_event()?;
        let (start, e) = match &ev {
            Event::Eof => break,
            Event::Start(e) => (true, e),
            Event::Empty(e) => (false, e),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"r" => in_run = in_run.saturating_sub(1),
                    b"p" => {
                        if let Some(p) = paras.pop() {
                            let text = tidy(&p.text);
                            if !text.is_empty() {
                                let kind = p.kind(styles);
                                sinks.push(Block { kind, text });
                            }
                        }
                    }
                    b"tc" => sinks.end_cell(),
                    b"tr" => sinks.end_row(),
                    b"tbl" => sinks.end_table(),
                    _ => {}
                }
                continue;
            }
            Event::Text(t) if in_text => {
                if let Some(p) = paras.last_mut() {
                    p.text
                        .push_str(&t.decode().map_err(quick_xml::Error::from)?);
                }
                continue;
            }
            Event::CData(t) if in_text => {
                if let Some(p) = paras.last_mut() {
                    p.text
                        .push_str(&t.decode().map_err(quick_xml::Error::from)?);
                }
                continue;
            }
            Event::GeneralRef(r) if in_text => {
                let c = entity_text(r)?;
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&c);
                }
                continue;
            }
            _ => continue,
        };
        let name = e.local_name();
        let name = name.as_ref();
        if start && SKIPPED.contains(&name) {
            let end = e.name().as_ref().to_vec();
            reader.read_to_end(quick_xml::name::QName(&end))?;
            continue;
        }
        match name {
            b"p" if start => paras.push(Para::default()),
            b"t" if start => in_text = true,
            b"r" if start => in_run += 1,
            b"tab" | b"br" | b"cr" if in_run > 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push(if name == b"tab" { '\t' } else { '\n' });
                }
            }
            b"noBreakHyphen" if in_run > 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push('-');
                }
            }
            b"tbl" if start => sinks.start_table(),
            b"tr" if start => sinks.start_row(),
            b"tc" if start => sinks.start_cell(),
            b"pStyle" => {
                if let Some(p) = paras.last_mut() {
                    p.style = attr(e, b"val");
                }
            }
            b"numId" => {
                if let Some(p) = paras.last_mut() {
                    p.numbered = Some(attr(e, b"val").is_some_and(|v| v != "0"));
                }
            }
            b"ilvl" => {
                if let Some(p) = paras.last_mut() {
                    p.level = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            b"outlineLvl" => {
                if let Some(p) = paras.last_mut() {
                    p.outline = outline(e);
                }
            }
            _ => {}
        }
    }
    Ok(sinks.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn p(style: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn li(level: usize, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    fn blocks(body: &str) -> Vec<Block> {
        read_document(&doc(body), &FxHashMap::default()).unwrap()
    }

    #[test]
    fn heading_names_in_both_languages() {
        assert_eq!(heading_level("Heading 1"), Some(1));
        assert_eq!(heading_level("heading2"), Some(2));
        assert_eq!(heading_level("标题 3"), Some(3));
        assert_eq!(heading_level("标题"), Some(0));
        assert_eq!(heading_level("Title"), Some(0));
        assert_eq!(heading_level("Normal"), None);
        assert_eq!(heading_level("Heading 10"), None);
    }

    #[test]
    fn paragraphs_lists_and_entities() {
        let b = blocks(&format!(
            "{}{}{}{}",
            p("Title", "Ada &amp; Co"),
            p("Heading1", "Work"),
            li(0, "Built &lt;b&gt;"),
            li(1, " nested  中文 ")
        ));
        assert_eq!(
            b[0],
            Block {
                kind: Kind::Title,
                text: "Ada & Co".into()
            }
        );
        assert_eq!(b[1].kind, Kind::Heading(1));
        assert_eq!(
            b[2],
            Block {
                kind: Kind::Item(0),
                text: "Built <b>".into()
            }
        );
        assert_eq!(
            b[3],
            Block {
                kind: Kind::Item(1),
                text: "nested 中文".into()
            }
        );
        let (text, format) = render(&b, false);
        assert_eq!(format, InputFormat::Markdown);
        assert_eq!(
            text,
            "# Ada \\& Co\n\n## Work\n\n\n- Built \\<b\\>\n  - nested 中文\n"
        );
        let r = crate::parse::markdown::parse(&text);
        assert_eq!(r.basics.name.as_deref(), Some("Ada & Co"));
        assert_eq!(r.sections[0].entries[0].bullets[0].text, "Built <b>");
        assert_eq!(
            r.sections[0].entries[0].bullets[0].children[0].text,
            "nested 中文"
        );
    }

    #[test]
    fn tables_and_text_boxes() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p("Normal", t));
        let table = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr><w:tc>{}{}</w:tc></w:tr></w:tbl>",
            cell("姓名"),
            cell("张三"),
            p("Normal", "工作经历"),
            li(0, "负责K8s集群运维")
        );
        let textbox = format!(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            li(0, "框里的要点"),
            li(0, "框里的要点")
        );
        let b = blocks(&format!("{table}{textbox}"));
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["姓名 | 张三", "工作经历", "负责K8s集群运维", "框里的要点"]
        );
        assert_eq!(b[2].kind, Kind::Item(0));
    }

    #[test]
    fn numbering_removed_and_typed_markers() {
        let removed = r#"<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>"#;
        let b = blocks(&format!("{removed}{}", p("Normal", "• typed bullet")));
        assert_eq!(b[0].kind, Kind::Body);
        let (text, format) = render(&b, false);
        assert_eq!(format, InputFormat::Text);
        assert_eq!(text, "plain\n- typed bullet\n");
    }

    #[test]
    fn damage_is_one_error() {
        let p = Path::new("r.docx");
        let e = to_text(p, b"PK\x03\x04garbage").unwrap_err().to_string();
        assert!(e.starts_with("r.docx: damaged DOCX file"), "{e}");
    }
}
