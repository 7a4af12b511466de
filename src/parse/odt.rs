//! ODT résumés (LibreOffice's own format): the paragraphs of `content.xml` turned into the
//! text the Markdown or plain-text parser reads, as DOCX is ([`super::docx`]).
//!
//! Headings are `text:h` elements (by outline level) and paragraphs styled Title or
//! Heading N (directly or through an automatic style); `text:list` nesting gives list
//! levels; table rows become lines; text frames are read in place. Text stays as written:
//! only whitespace is tidied.

use super::blocks::{entity_text, render, tidy, Block, Kind, Sinks};
use super::docx::{attr, heading_level, read_member, Damage};
use crate::error::Result;
use crate::parse::InputFormat;
use quick_xml::events::Event;
use quick_xml::Reader;
use rustc_hash::FxHashMap;
use std::path::Path;

/// The MIME type an ODT package stores first, uncompressed.
const MIME: &[u8] = b"application/vnd.oasis.opendocument.text";

/// Whether `bytes` are an ODT package: a ZIP whose leading `mimetype` member names it.
pub fn is_odt(bytes: &[u8]) -> bool {
    super::docx::is_zip(bytes)
        && bytes[..bytes.len().min(120)]
            .windows(MIME.len())
            .any(|w| w == MIME)
}

/// Reads the ODT package `bytes` (from `path`, named in errors) as résumé text, with the
/// format that text is in. Damage of any kind is one [`Error::Parse`]; a panic inside the
/// ZIP or XML readers is contained and reported the same way.
pub fn to_text(path: &Path, bytes: &[u8]) -> Result<(String, InputFormat)> {
    match crate::contain::catch(|| read_package(bytes)) {
        Ok(Ok(blocks)) => Ok(render(&blocks, false)),
        Ok(Err(d)) => Err(d.error(path, "ODT", "content.xml")),
        Err(_) => Err(
            Damage::Other("the document could not be read".into()).error(
                path,
                "ODT",
                "content.xml",
            ),
        ),
    }
}

fn read_package(bytes: &[u8]) -> std::result::Result<Vec<Block>, Damage> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Damage::Other(format!("not a readable ZIP archive ({e})")))?;
    let content = read_member(&mut zip, "content.xml")?.ok_or(Damage::NotDocx)?;
    // Named styles (Title, Heading 1) live in styles.xml; automatic ones in content.xml.
    let mut parents = read_member(&mut zip, "styles.xml")
        .ok()
        .flatten()
        .and_then(|s| read_parents(&s).ok())
        .unwrap_or_default();
    parents.extend(read_parents(&content).map_err(malformed)?);
    read_content(&content, &parents).map_err(malformed)
}

fn malformed(e: quick_xml::Error) -> Damage {
    Damage::Other(format!("malformed XML ({e})"))
}

/// Each paragraph style's parent style (`P1` → `Title`), by name.
fn read_parents(xml: &str) -> std::result::Result<FxHashMap<String, String>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = FxHashMap::default();
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"style" => {
                if let (Some(name), Some(parent)) =
                    (attr(&e, b"name"), attr(&e, b"parent-style-name"))
                {
                    out.insert(name, parent);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The heading level a paragraph style names, through its parents (0 for Title).
fn style_level(style: &str, parents: &FxHashMap<String, String>) -> Option<u8> {
    let mut name = style;
    // Style chains are short; the bound keeps a cyclic chain from looping.
    for _ in 0..8 {
        // ODF encodes spaces in style names (`Heading_20_1`).
        if let Some(l) = heading_level(&name.replace("_20_", " ")) {
            return Some(l);
        }
        name = parents.get(name)?;
    }
    None
}

/// A paragraph being read.
struct Para {
    text: String,
    kind: Kind,
}

/// The paragraphs of `content.xml` in reading order.
fn read_content(
    xml: &str,
    parents: &FxHashMap<String, String>,
) -> std::result::Result<Vec<Block>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    // Open paragraphs: a frame's paragraphs open inside the paragraph that anchors it.
    let mut paras: Vec<Para> = Vec::new();
    // Where finished paragraphs go: the body, or the table cells being read.
    let mut sinks = Sinks::new();
    let mut lists = 0usize;
    let mut in_body = false;
    loop {
        let ev = reader.read_event()?;
        let (start, e) = match &ev {
            Event::Eof => break,
            Event::Start(e) => (true, e),
            Event::Empty(e) => (false, e),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"p" | b"h" => {
                        if let Some(p) = paras.pop() {
                            let text = tidy(&p.text);
                            if !text.is_empty() {
                                sinks.push(Block { kind: p.kind, text });
                            }
                        }
                    }
                    b"list" => lists = lists.saturating_sub(1),
                    b"table-cell" => sinks.end_cell(),
                    b"table-row" => sinks.end_row(),
                    b"table" => sinks.end_table(),
                    _ => {}
                }
                continue;
            }
            Event::Text(t) => {
                if let Some(p) = paras.last_mut() {
                    p.text
                        .push_str(&t.decode().map_err(quick_xml::Error::from)?);
                }
                continue;
            }
            Event::GeneralRef(r) => {
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
        // Styles, footnote bodies, comments and tracked deletions are not the résumé's text.
        if start
            && matches!(
                name,
                b"automatic-styles"
                    | b"font-face-decls"
                    | b"note"
                    | b"annotation"
                    | b"tracked-changes"
                    | b"sequence-decls"
            )
        {
            let end = e.name().as_ref().to_vec();
            reader.read_to_end(quick_xml::name::QName(&end))?;
            continue;
        }
        match name {
            b"text" => in_body = true,
            b"p" | b"h" if start && in_body => {
                let style = attr(e, b"style-name");
                let by_style = style.as_deref().and_then(|s| style_level(s, parents));
                let kind = if name == b"h" {
                    let level = attr(e, b"outline-level")
                        .and_then(|l| l.parse::<u8>().ok())
                        .filter(|l| (1..=9).contains(l));
                    match (level, by_style) {
                        (_, Some(0)) => Kind::Title,
                        (Some(l), _) | (None, Some(l)) => Kind::Heading(l),
                        (None, None) => Kind::Heading(1),
                    }
                } else if lists > 0 {
                    Kind::Item((lists - 1).min(super::MAX_DEPTH))
                } else {
                    match by_style {
                        Some(0) => Kind::Title,
                        Some(l) => Kind::Heading(l),
                        None => Kind::Body,
                    }
                };
                paras.push(Para {
                    text: String::new(),
                    kind,
                });
            }
            b"s" => {
                let n = attr(e, b"c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1);
                if let Some(p) = paras.last_mut() {
                    p.text.extend(std::iter::repeat_n(' ', n.min(64)));
                }
            }
            b"tab" => {
                if let Some(p) = paras.last_mut() {
                    p.text.push('\t');
                }
            }
            b"line-break" => {
                if let Some(p) = paras.last_mut() {
                    p.text.push('\n');
                }
            }
            b"list" if start => lists += 1,
            b"table" if start => sinks.start_table(),
            b"table-row" if start => sinks.start_row(),
            b"table-cell" if start => sinks.start_cell(),
            _ => {}
        }
    }
    Ok(sinks.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        )
    }

    fn blocks(body: &str) -> Vec<(Kind, String)> {
        let xml = content(body);
        let parents = read_parents(&xml).unwrap();
        read_content(&xml, &parents)
            .unwrap()
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_lists_tables_frames_and_spaces() {
        let got = blocks(concat!(
            r#"<text:p text:style-name="P1">林思远</text:p>"#,
            r#"<text:h text:style-name="Heading_20_1" text:outline-level="1">工作经历</text:h>"#,
            r#"<text:p text:style-name="Standard">星河云计算<text:s text:c="2"/>高级工程师</text:p>"#,
            r#"<text:list><text:list-item><text:p>负责 <text:span>Kubernetes</text:span> 集群</text:p>"#,
            r#"<text:list><text:list-item><text:p>管理 12 个集群</text:p></text:list-item></text:list>"#,
            r#"</text:list-item></text:list>"#,
            r#"<table:table><table:table-row><table:table-cell><text:p>电话</text:p></table:table-cell><table:table-cell><text:p>138 0000 0000</text:p></table:table-cell></table:table-row></table:table>"#,
            r#"<text:p>A<draw:frame><draw:text-box><text:p>In a frame</text:p></draw:text-box></draw:frame></text:p>"#,
        ));
        assert_eq!(
            got,
            [
                (Kind::Title, "林思远".to_string()),
                (Kind::Heading(1), "工作经历".into()),
                (Kind::Body, "星河云计算 高级工程师".into()),
                (Kind::Item(0), "负责 Kubernetes 集群".into()),
                (Kind::Item(1), "管理 12 个集群".into()),
                (Kind::Body, "电话 | 138 0000 0000".into()),
                (Kind::Body, "In a frame".into()),
                (Kind::Body, "A".into()),
            ]
        );
    }

    #[test]
    fn recognises_odt_bytes() {
        let mut b = b"PK\x03\x04".to_vec();
        b.extend([0u8; 26]);
        b.extend(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert!(is_odt(&b));
        assert!(!is_odt(b"PK\x03\x04 word/document.xml"));
    }
}
