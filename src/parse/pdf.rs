//! PDF résumés and postings: the glyphs of each page with their positions (read with
//! `pdf-extract`'s `OutputDev`, on `lopdf`) laid out again into lines, then into the same
//! paragraphs DOCX and HTML give ([`super::blocks`]), so the existing parsers read them.
//!
//! Why positions and not the crate's plain text: a bullet wrapped over two lines must become
//! one line again (with no space between two Han characters), page headers and footers must
//! go, a bullet is often drawn as a shape rather than a glyph (Chrome draws list markers as
//! paths), and nesting and headings show only as indentation and font size.
//!
//! PDF readers panic on inputs they do not expect (some CJK encodings among them): every
//! call into the crate is contained ([`crate::contain`]), silently, and a panic is a
//! "damaged" error like any other.

use super::blocks::{render, Block, Kind};
use crate::error::{Error, Result};
use crate::parse::InputFormat;
use pdf_extract::{MediaBox, OutputDev, OutputError, Path as PdfPath, PathOp, Transform};
use std::path::Path;

/// The most pages read: a résumé has one to four, a posting one or two; a longer PDF is a
/// book or a portfolio, and reading it would only be slow.
pub const MAX_PAGES: usize = 30;

/// The most characters a document may draw: 30 dense pages take about 150,000. Each costs
/// the reader hundreds of bytes, so a page that draws one small stream 200,000 times (a
/// 1.2 MB file) had taken 2 GB.
const MAX_GLYPHS: usize = 600_000;

/// The most bytes the drawing commands of a PDF's pages (page content and forms) may
/// inflate to. A text page takes tens of kilobytes; the reader holds every command and
/// glyph in memory, about a hundred times their size, so a small compressed stream of
/// repeated commands (a PDF bomb: 67 KB inflating to 20 MB took 1.7 GB) must be refused
/// before it is read.
pub const MAX_CONTENT_BYTES: u64 = 8 << 20;

/// Whether `bytes` are a PDF file: `%PDF-` within the first 1024 bytes, where readers look
/// for it (some producers put junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Reads the PDF `bytes` (from `path`, named in errors) as text with the format it is in:
/// Markdown when font sizes show headings, plain text otherwise or when `plain` (a posting,
/// whose reader finds headings by their words). A PDF without a text layer (a scan), an
/// encrypted one and a damaged one are each one [`Error::Parse`].
pub fn to_text(path: &Path, bytes: &[u8], plain: bool) -> Result<(String, InputFormat)> {
    let fail = |message: String| Error::parse(path, None, message);
    let pages = match quietly(|| read_pages(bytes)) {
        Some(Ok(pages)) => pages,
        Some(Err(Unreadable::Encrypted)) => {
            return Err(fail(
                "this PDF is encrypted (password-protected); save or print it without a password, or export the text".into(),
            ))
        }
        Some(Err(Unreadable::TooLong(n))) => {
            return Err(fail(format!(
                "a PDF of {n} pages, over the limit of {MAX_PAGES}; is this a résumé or a posting?"
            )))
        }
        Some(Err(Unreadable::Inflates)) => {
            return Err(fail(format!(
                "its pages inflate to over {} MiB of drawing commands and character maps; not a résumé or a posting (a PDF bomb?)",
                MAX_CONTENT_BYTES >> 20
            )))
        }
        Some(Err(Unreadable::TooManyGlyphs)) => {
            return Err(fail(format!(
                "it draws over {MAX_GLYPHS} characters; not a résumé or a posting (a PDF bomb?)"
            )))
        }
        Some(Err(Unreadable::Damaged(what))) => {
            return Err(fail(format!("damaged PDF file: {what}")))
        }
        None => {
            return Err(fail(
                "damaged PDF file: its content could not be read".into(),
            ))
        }
    };
    // Glyphs drawn but most mapped to no character: fonts without a ToUnicode map (some Word
    // and WPS exports), whose text no reader can recover; reading the rest would silently
    // lose the résumé's Chinese, say. No text at all: a scan.
    let drawn = pages.iter().map(|p| p.glyphs.len()).sum::<usize>();
    let unmapped = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| g.text.is_empty())
        .count();
    let no_text = pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()));
    if no_text || unmapped * 2 > drawn {
        return Err(fail(if unmapped > 0 {
            "its text cannot be read: the PDF's fonts map most of its glyphs to no character (no ToUnicode map); export the résumé as PDF again with another program, or as DOCX or text".into()
        } else {
            "no text layer: this PDF is a scan (an image of text); export the résumé as text or run OCR first".into()
        }));
    }
    let mut blocks = layout(&pages);
    door_radical(&mut blocks);
    Ok(render(&blocks, plain))
}

/// The Kangxi radical ⼾ (DOOR), kept by [`normalise`], as the ideograph the document's
/// script draws with that glyph (Chrome's PDFs give ⼾ for it; Noto's Simplified Chinese
/// font shares the glyph with 户, its Japanese font with 戸, and its Traditional font draws
/// 戶 apart): 户 in Simplified Chinese text, 戸 in Japanese, 戶 (its compatibility form)
/// otherwise.
fn door_radical(blocks: &mut [Block]) {
    const DOOR: char = '\u{2F3E}';
    if !blocks.iter().any(|b| b.text.contains(DOOR)) {
        return;
    }
    // Common characters written differently in the two scripts.
    const SIMPLIFIED: &str =
        "们这个为发说时会对业务统过还进问题经验开关长东门见车马鸟鱼报数据库级网络设计实现";
    const TRADITIONAL: &str =
        "們這個為發說時會對業務統過還進問題經驗開關長東門見車馬鳥魚報數據庫級網絡設計實現";
    let (mut simplified, mut traditional, mut kana) = (0usize, 0usize, 0usize);
    for c in blocks.iter().flat_map(|b| b.text.chars()) {
        if ('\u{3041}'..='\u{30FF}').contains(&c) {
            kana += 1;
        } else if SIMPLIFIED.contains(c) && !TRADITIONAL.contains(c) {
            simplified += 1;
        } else if TRADITIONAL.contains(c) && !SIMPLIFIED.contains(c) {
            traditional += 1;
        }
    }
    let door = if kana > 0 {
        '戸'
    } else if simplified > traditional {
        '户'
    } else {
        '戶'
    };
    for b in blocks.iter_mut() {
        if b.text.contains(DOOR) {
            b.text = b.text.replace(DOOR, door.encode_utf8(&mut [0; 4]));
        }
    }
}

/// Why a PDF could not be read.
#[derive(Debug)]
enum Unreadable {
    Encrypted,
    TooLong(usize),
    /// Page content inflating past [`MAX_CONTENT_BYTES`].
    Inflates,
    /// More than [`MAX_GLYPHS`] characters drawn.
    TooManyGlyphs,
    Damaged(String),
}

/// Runs `f`, containing a panic (`None`) without printing it (see [`crate::contain`]).
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    crate::contain::catch(std::panic::AssertUnwindSafe(f)).ok()
}

/// One glyph (or the few characters one glyph maps to), in points from the page's top left.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    /// The baseline.
    y: f64,
    /// Advance width.
    width: f64,
    size: f64,
    text: String,
}

/// A small shape drawn on a page (a candidate bullet marker): its bounding box.
#[derive(Debug, Clone, Copy)]
struct Mark {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// What one page holds.
#[derive(Debug, Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
    marks: Vec<Mark>,
}

/// Collects glyphs and small shapes page by page (the `OutputDev` the crate drives).
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    flip: Option<Transform>,
    /// Characters drawn so far, and whether [`MAX_GLYPHS`] stopped the reading.
    glyphs: usize,
    too_many: bool,
}

impl Collector {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        self.pages.last_mut().expect("a page")
    }

    fn shape(&mut self, ctm: &Transform, path: &PdfPath) {
        let Some(flip) = self.flip else { return };
        let m = ctm.post_transform(&flip);
        let mut pts = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => pts.push((x, y)),
                PathOp::CurveTo(a, b, c, d, x, y) => pts.extend([(a, b), (c, d), (x, y)]),
                PathOp::Rect(x, y, w, h) => pts.extend([(x, y), (x + w, y + h)]),
                PathOp::Close => {}
            }
        }
        let pts: Vec<(f64, f64)> = pts
            .into_iter()
            .map(|(x, y)| (x * m.m11 + y * m.m21 + m.m31, x * m.m12 + y * m.m22 + m.m32))
            .collect();
        let Some(&(fx, fy)) = pts.first() else { return };
        let mut b = Mark {
            x0: fx,
            y0: fy,
            x1: fx,
            y1: fy,
        };
        for &(x, y) in &pts {
            b.x0 = b.x0.min(x);
            b.x1 = b.x1.max(x);
            b.y0 = b.y0.min(y);
            b.y1 = b.y1.max(y);
        }
        let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
        // A marker is small and roughly square: a disc, a circle, a square. Rules and
        // underlines are long and thin; backgrounds are large.
        if w > 0.5 && h > 0.5 && w < 8.0 && h < 8.0 && w / h < 2.0 && h / w < 2.0 {
            self.page().marks.push(b);
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.flip = Some(Transform::row_major(
            1.,
            0.,
            0.,
            -1.,
            -media_box.llx,
            media_box.ury,
        ));
        self.pages.push(Page {
            height,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> std::result::Result<(), OutputError> {
        let Some(flip) = self.flip else {
            return Ok(());
        };
        let p = trm.post_transform(&flip);
        // The size as drawn: the side of the square with the area the font size maps to,
        // from the matrix's determinant. A shear does not change it: LibreOffice slants
        // Chinese text it sets in italic (a font without an italic face), and that line is
        // not larger type.
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::IoError(std::io::Error::other(
                "too many characters drawn",
            )));
        }
        self.page().glyphs.push(Glyph {
            x: p.m31,
            y: p.m32,
            width: width * size,
            size,
            text: normalise(text).into_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &PdfPath,
    ) -> std::result::Result<(), OutputError> {
        self.shape(ctm, path);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &PdfPath,
    ) -> std::result::Result<(), OutputError> {
        self.shape(ctm, path);
        Ok(())
    }
}

/// Loads the document and collects every page's glyphs and marks.
fn read_pages(bytes: &[u8]) -> std::result::Result<Vec<Page>, Unreadable> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => Unreadable::Encrypted,
        e => Unreadable::Damaged(e.to_string()),
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        // Only an owner password (printing and copying restrictions) opens with an empty
        // user password; anything else needs the password.
        return Err(Unreadable::Encrypted);
    }
    if content_bytes(&doc, MAX_CONTENT_BYTES) > MAX_CONTENT_BYTES {
        return Err(Unreadable::Inflates);
    }
    fix_cid_widths(&mut doc);
    add_missing_text_maps(&mut doc);
    let count = doc.get_pages().len();
    if count == 0 {
        return Err(Unreadable::Damaged("no pages".into()));
    }
    if count > MAX_PAGES {
        return Err(Unreadable::TooLong(count));
    }
    if !parents_in_bounds(&doc) {
        return Err(Unreadable::Damaged(format!(
            "its page tree loops or nests more than {MAX_TREE_DEPTH} deep (a page that is its own parent)"
        )));
    }
    if !forms_in_bounds(&doc) {
        return Err(Unreadable::Damaged(format!(
            "its drawings nest more than {MAX_FORM_DEPTH} deep or draw more than {MAX_FORM_DRAWS} forms (a form that draws itself)"
        )));
    }
    let mut out = Collector::default();
    let read = pdf_extract::output_doc(&doc, &mut out);
    if out.too_many {
        return Err(Unreadable::TooManyGlyphs);
    }
    read.map_err(|e| Unreadable::Damaged(e.to_string()))?;
    Ok(out.pages)
}

/// How many page-tree nodes may stand above a page.
const MAX_TREE_DEPTH: usize = 64;

/// Whether every page's line of `/Parent`s ends within [`MAX_TREE_DEPTH`] nodes without
/// coming back to one it passed. The reader climbs it for what a page inherits (its
/// resources, its media box) with no such bound: a page that names itself as its parent
/// held it in an endless loop.
fn parents_in_bounds(doc: &pdf_extract::Document) -> bool {
    doc.get_pages().values().all(|&page| {
        let mut seen = vec![page];
        let mut node = page;
        loop {
            let parent = doc
                .get_object(node)
                .ok()
                .and_then(|o| o.as_dict().ok())
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|o| o.as_reference().ok());
            let Some(parent) = parent else {
                return true;
            };
            if seen.contains(&parent) || seen.len() > MAX_TREE_DEPTH {
                return false;
            }
            seen.push(parent);
            node = parent;
        }
    })
}

/// How deep form XObjects may draw one another. The reader draws a form by recursion, so
/// a form that draws itself (or two that draw each other) would overflow the stack, which
/// aborts the process: no panic to catch.
const MAX_FORM_DEPTH: usize = 64;
/// How many forms a document may draw in all, each time it is drawn: forms that each draw
/// the next one twice take the reader exponential time.
const MAX_FORM_DRAWS: usize = 10_000;

/// Whether drawing every page stays within [`MAX_FORM_DEPTH`] and [`MAX_FORM_DRAWS`],
/// followed the way the reader follows them: a `Do` names an XObject in the resources in
/// force, a form draws with its own resources or, without any, with those it was drawn
/// with.
fn forms_in_bounds(doc: &pdf_extract::Document) -> bool {
    use pdf_extract::{Dictionary, Document, Object};
    fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
        doc.dereference(o).ok().map(|(_, o)| o)
    }
    fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        deref(doc, d.get(key).ok()?)?.as_dict().ok()
    }
    fn walk<'a>(
        doc: &'a Document,
        content: &[u8],
        resources: &'a Dictionary,
        depth: usize,
        budget: &mut usize,
    ) -> bool {
        // Content the reader cannot decode is its to report.
        let Ok(content) = pdf_extract::content::Content::decode(content) else {
            return true;
        };
        let xobjects = dict(doc, resources, b"XObject");
        for op in content.operations.iter().filter(|o| o.operator == "Do") {
            let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                continue;
            };
            let Some(Object::Stream(form)) = xobjects
                .and_then(|x| x.get(name).ok())
                .and_then(|o| deref(doc, o))
            else {
                continue;
            };
            if form.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image") {
                continue;
            }
            if depth >= MAX_FORM_DEPTH || *budget == 0 {
                return false;
            }
            *budget -= 1;
            let own = dict(doc, &form.dict, b"Resources").unwrap_or(resources);
            let inner = form
                .decompressed_content()
                .unwrap_or_else(|_| form.content.clone());
            if !walk(doc, &inner, own, depth + 1, budget) {
                return false;
            }
        }
        true
    }
    let empty = Dictionary::new();
    let mut budget = MAX_FORM_DRAWS;
    for &page in doc.get_pages().values() {
        let Ok(content) = doc.get_page_content(page) else {
            continue;
        };
        // The page's resources, inherited from the page tree when it has none (a bounded
        // climb: the tree may loop).
        let mut node = doc.get_object(page).ok().and_then(|o| o.as_dict().ok());
        let mut resources = None;
        for _ in 0..64 {
            let Some(d) = node else { break };
            if let Some(r) = dict(doc, d, b"Resources") {
                resources = Some(r);
                break;
            }
            node = d
                .get(b"Parent")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
        }
        if !walk(doc, &content, resources.unwrap_or(&empty), 0, &mut budget) {
            return false;
        }
    }
    true
}

/// How many bytes the page content streams, form XObjects and fonts' character maps
/// (ToUnicode) of `doc` inflate to, counting
/// no further than just past `cap`: a Flate stream is inflated into nothing, stopping there,
/// where the reader would inflate it whole. A stream under another filter counts as stored.
fn content_bytes(doc: &pdf_extract::Document, cap: u64) -> u64 {
    use pdf_extract::Object;
    use std::io::Read;
    // Page contents counted once per reference: a page listing one stream 200,000 times
    // is drawn 200,000 times (it had taken 2 GB). Forms and maps once each.
    let mut ids: Vec<pdf_extract::ObjectId> = doc
        .get_pages()
        .values()
        .flat_map(|&page| doc.get_page_contents(page))
        .collect();
    let mut once: std::collections::BTreeSet<pdf_extract::ObjectId> = Default::default();
    once.extend(doc.objects.iter().filter_map(|(id, o)| {
        let form = o
            .as_stream()
            .ok()?
            .dict
            .get(b"Subtype")
            .ok()?
            .as_name()
            .ok()?
            == b"Form";
        form.then_some(*id)
    }));
    // Fonts' character maps, which the reader inflates whole as well: a 290 KB file whose
    // map inflated to 370 MB had taken 900 MB and five seconds.
    once.extend(doc.objects.values().filter_map(|o| {
        let d = match o {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => return None,
        };
        d.get(b"ToUnicode").ok()?.as_reference().ok()
    }));
    ids.extend(once);
    let mut sizes: std::collections::HashMap<pdf_extract::ObjectId, u64> = Default::default();
    let mut total = 0u64;
    for id in ids {
        if let Some(&size) = sizes.get(&id) {
            total = total.saturating_add(size);
            if total > cap {
                break;
            }
            continue;
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let before = total;
        let raw = stream.content.as_slice();
        let left = cap + 1 - total.min(cap);
        let flate = stream
            .filters()
            .is_ok_and(|f| f.first().is_some_and(|&f| f == b"FlateDecode"));
        total += if flate {
            // What inflates before an error counts: the reader keeps it. With nothing out,
            // it retries the stream as raw deflate after the zlib header.
            let mut out = Counted(0);
            let _ = std::io::copy(
                &mut flate2::read::ZlibDecoder::new(raw).take(left),
                &mut out,
            );
            if out.0 == 0 {
                let rest = raw.get(2..).unwrap_or_default();
                let _ = std::io::copy(
                    &mut flate2::read::DeflateDecoder::new(rest).take(left),
                    &mut out,
                );
            }
            out.0
        } else {
            raw.len() as u64
        };
        sizes.insert(id, total - before);
        if total > cap {
            break;
        }
    }
    total
}

/// A writer that only counts the bytes written to it.
struct Counted(u64);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Gives a text map to the fonts that draw text without one: a composite font (`Type0`,
/// `Identity-H`) over an embedded TrueType font, as Word and WPS write Chinese, with no
/// `ToUnicode` map. Its glyph ids are its character codes, and the embedded font's own
/// `cmap` table says which character each glyph draws, so the map is read back from it
/// (a CFF font has no such table and stays unmapped: [`to_text`] then says so).
fn add_missing_text_maps(doc: &mut pdf_extract::Document) {
    use pdf_extract::{Dictionary, Object, ObjectId, Stream};
    let deref = |o: &Object| -> Option<ObjectId> { o.as_reference().ok() };
    let dict_of = |doc: &pdf_extract::Document, o: &Object| -> Option<Dictionary> {
        match o {
            Object::Dictionary(d) => Some(d.clone()),
            Object::Reference(r) => doc.get_object(*r).ok()?.as_dict().ok().cloned(),
            _ => None,
        }
    };
    let mut todo: Vec<(ObjectId, ObjectId)> = Vec::new();
    for (id, obj) in &doc.objects {
        let Ok(font) = obj.as_dict() else { continue };
        let name =
            |d: &Dictionary, k: &[u8]| d.get(k).and_then(Object::as_name).ok().map(<[u8]>::to_vec);
        if name(font, b"Subtype").as_deref() != Some(b"Type0".as_slice())
            || font.has(b"ToUnicode")
            || !matches!(
                name(font, b"Encoding").as_deref(),
                Some(b"Identity-H" | b"Identity-V")
            )
        {
            continue;
        }
        let descendant = match font.get(b"DescendantFonts") {
            Ok(Object::Array(a)) => a.first().and_then(|o| dict_of(doc, o)),
            Ok(Object::Reference(r)) => doc
                .get_object(*r)
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| dict_of(doc, o)),
            _ => None,
        };
        let Some(cid_font) = descendant else { continue };
        // Glyph ids are the character codes only with an identity CID-to-glyph map.
        let identity = match cid_font.get(b"CIDToGIDMap") {
            Err(_) => true,
            Ok(o) => o.as_name().is_ok_and(|n| n == b"Identity"),
        };
        if name(&cid_font, b"Subtype").as_deref() != Some(b"CIDFontType2".as_slice()) || !identity {
            continue;
        }
        let file = cid_font
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| dict_of(doc, o))
            .and_then(|d| d.get(b"FontFile2").ok().and_then(deref));
        if let Some(file) = file {
            todo.push((*id, file));
        }
    }
    for (font, file) in todo {
        let Some(Object::Stream(stream)) = doc.objects.get(&file) else {
            continue;
        };
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let Some(map) = glyph_characters(&data) else {
            continue;
        };
        let cmap = to_unicode_cmap(&map);
        let id = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), cmap)));
        if let Some(Ok(d)) = doc.objects.get_mut(&font).map(Object::as_dict_mut) {
            d.set("ToUnicode", Object::Reference(id));
        }
    }
}

/// The character each glyph of a TrueType font draws, from its Unicode `cmap` subtables
/// (the first character wins when several share a glyph); `None` when it has none.
fn glyph_characters(font: &[u8]) -> Option<std::collections::BTreeMap<u16, char>> {
    let face = ttf_parser::Face::parse(font, 0).ok()?;
    let mut map = std::collections::BTreeMap::new();
    for sub in face.tables().cmap?.subtables {
        if !sub.is_unicode() {
            continue;
        }
        sub.codepoints(|cp| {
            if let (Some(g), Some(c)) = (sub.glyph_index(cp), char::from_u32(cp)) {
                if g.0 != 0 {
                    map.entry(g.0).or_insert(c);
                }
            }
        });
    }
    (!map.is_empty()).then_some(map)
}

/// A `ToUnicode` CMap for two-byte codes: each code to its character in UTF-16BE.
fn to_unicode_cmap(map: &std::collections::BTreeMap<u16, char>) -> Vec<u8> {
    use std::fmt::Write;
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let pairs: Vec<(&u16, &char)> = map.iter().collect();
    // At most 100 mappings per block, as the CMap format requires.
    for chunk in pairs.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for (code, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(s, "<{code:04X}> <{hex}>");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// Rewrites every CID font's `/W` ranges (`first last width`) as lists (`first [width …]`).
/// pdf-extract 0.12 reads a range's width from the wrong element (and drops its last code),
/// which misplaces every glyph after one from a range: Chrome writes ranges for runs of
/// equal widths. Lists it reads correctly.
fn fix_cid_widths(doc: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    let num = |o: &Object| match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    };
    // The `/W` arrays: inline in the font dictionary or an object of their own.
    let mut targets: Vec<(pdf_extract::ObjectId, bool)> = Vec::new();
    for (id, obj) in &doc.objects {
        if let Ok(d) = obj.as_dict() {
            if d.get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n.starts_with(b"CIDFontType"))
            {
                match d.get(b"W") {
                    Ok(Object::Reference(r)) => targets.push((*r, false)),
                    Ok(Object::Array(_)) => targets.push((*id, true)),
                    _ => {}
                }
            }
        }
    }
    for (id, inline) in targets {
        let Some(obj) = doc.objects.get_mut(&id) else {
            continue;
        };
        let w = if inline {
            match obj.as_dict_mut().ok().and_then(|d| d.get_mut(b"W").ok()) {
                Some(w) => w,
                None => continue,
            }
        } else {
            obj
        };
        let Ok(items) = w.as_array() else { continue };
        let mut out: Vec<Object> = Vec::with_capacity(items.len());
        let mut i = 0;
        while i < items.len() {
            match (items.get(i + 1), items.get(i + 2)) {
                (Some(Object::Array(_)), _) => {
                    out.extend_from_slice(&items[i..i + 2]);
                    i += 2;
                }
                (Some(last), Some(width)) => {
                    let (Some(first), Some(last), Some(_)) =
                        (num(&items[i]), num(last), num(width))
                    else {
                        return;
                    };
                    // A range longer than any font is damage: leave the array as it is.
                    if last < first || last - first > 65_535.0 {
                        return;
                    }
                    let n = (last - first) as usize + 1;
                    out.push(items[i].clone());
                    out.push(Object::Array(vec![width.clone(); n]));
                    i += 3;
                }
                _ => break,
            }
        }
        *w = Object::Array(out);
    }
}

/// CJK Radicals Supplement characters and the ideographs they stand for (Unicode's
/// EquivalentUnifiedIdeograph.txt, the simplified forms): fonts share one glyph between the
/// radical and the ideograph, and a PDF's map back to text may name the radical (Chrome names
/// the lowest code point of a shared glyph: ⻋ for 车).
const RADICALS: &[(char, char)] = &[
    ('⺠', '民'),
    ('⻁', '虎'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻈', '讠'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻌', '辶'),
    ('⻍', '辶'),
    ('⻏', '阝'),
    ('⻐', '钅'),
    ('⻑', '長'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻖', '阝'),
    ('⻗', '雨'),
    ('⻘', '青'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻟', '飠'),
    ('⻠', '饣'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻫', '斉'),
    ('⻬', '齐'),
    ('⻭', '歯'),
    ('⻯', '龙'),
    ('⻰', '竜'),
    ('⻱', '龜'),
    ('⻲', '亀'),
];

/// The text of a glyph as a reader expects it: a Kangxi radical or a CJK radical
/// supplement character that the font's map gives for an ideograph (Chrome maps 人 to ⼈
/// when the font shares the glyph) becomes the ideograph, and a Latin ligature (ﬁ) its
/// letters. Nothing else changes.
fn normalise(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let odd = |c: char| matches!(c as u32, 0x2E80..=0x2FDF | 0xFB00..=0xFB06);
    if !s.chars().any(odd) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(&(_, ideograph)) = RADICALS.iter().find(|(r, _)| *r == c) {
            out.push(ideograph);
        } else if c == '\u{2F3E}' {
            // Which ideograph ⼾ stands for depends on the script: see `door_radical`.
            out.push(c);
        } else if odd(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A line of text: glyphs on one baseline, in reading order, within one column.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    x: f64,
    /// The right end of the last glyph.
    end: f64,
    y: f64,
    size: f64,
    text: String,
    /// Where the text after a bullet marker starts (continuation lines align here).
    text_x: f64,
    /// Where the line starts counting a leading space glyph: LibreOffice carries the space
    /// after a comma at a break to the start of the next line, which stays aligned with
    /// the lines above it.
    lead_x: f64,
    /// The width of the line's first word (up to a space or through a first CJK
    /// character, where a line may break): whether it would have fitted on the line above.
    first_word: f64,
    /// Set when a marker (a bullet glyph or a drawn shape) opens the line.
    marker_x: Option<f64>,
}

/// Whether `c` is written without spaces around it: Han, kana, Hangul, CJK punctuation and
/// full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// Glyphs that open a bullet when a gap follows them (private-use code points are the
/// Symbol and Wingdings bullets Word and LibreOffice draw).
fn is_marker(s: &str) -> bool {
    let mut cs = s.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else {
        return false;
    };
    "•●▪■◦○·‧∙-*–►▸▶➢✓✔◆◇❖".contains(c) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The glyphs of one page grouped into lines (split where a wide gap shows two columns or
/// a right-aligned date), top to bottom, left to right.
fn lines_of(page_no: usize, page: &Page) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Baselines: glyphs within a fraction of their size of the row's first baseline.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() <= 0.5 * g.size.max(row[0].size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut piece: Vec<&Glyph> = Vec::new();
        for g in row {
            if let Some(last) = piece.last() {
                // A gap of several ems is a column gutter or a tab stop: a new piece.
                if g.x - (last.x + last.width) > 3.0 * g.size.max(last.size) {
                    lines.push(line_of(page_no, &piece, page));
                    piece.clear();
                }
            }
            piece.push(g);
        }
        if !piece.is_empty() {
            lines.push(line_of(page_no, &piece, page));
        }
    }
    lines.retain(|l| !l.text.trim().is_empty());
    lines
}

/// One line from its glyphs: spaces where the gap between glyphs shows one (never between
/// two CJK characters), and a leading marker (glyph or shape) noted.
fn line_of(page_no: usize, glyphs: &[&Glyph], page: &Page) -> Line {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut text_x = glyphs[0].x;
    let mut marker_x = None;
    for (i, g) in glyphs.iter().enumerate() {
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.width);
            let spaced =
                text.ends_with(char::is_whitespace) || g.text.starts_with(char::is_whitespace);
            let cjk = text.chars().last().is_some_and(is_cjk)
                && g.text.chars().next().is_some_and(is_cjk);
            // Between CJK characters only a gap of most of an em is a space: a `\quad`
            // or a tab between a company and a title (`星河云计算有限公司  高级工程师`),
            // never the spacing of justified text.
            let wide = if cjk { 0.6 } else { 0.2 };
            if gap > wide * g.size.min(p.size) && !spaced {
                text.push(' ');
            }
        }
        if i == 1 && marker_x.is_none() && is_marker(glyphs[0].text.trim()) {
            let gap = g.x - (glyphs[0].x + glyphs[0].width);
            // A gap, or a space drawn after the marker in the same run ("• Ran…" set as one
            // string, as generators of plain PDFs write it).
            if gap > 0.15 * g.size || text.ends_with(' ') || g.text.trim().is_empty() {
                marker_x = Some(glyphs[0].x);
                text.clear();
                text_x = g.x;
            }
        }
        if text.is_empty() && g.text.trim().is_empty() {
            prev = Some(g);
            continue;
        }
        if text.is_empty() {
            text_x = g.x;
        }
        text.push_str(&g.text);
        prev = Some(g);
    }
    let first = glyphs[0];
    let last = glyphs[glyphs.len() - 1];
    let first_word = {
        let start = text_x;
        let mut end = start;
        let mut prev_end: Option<f64> = None;
        let word = glyphs
            .iter()
            .skip_while(|g| g.x < text_x || g.text.trim().is_empty());
        for g in word {
            let gap = prev_end.is_some_and(|e| g.x - e > 0.2 * g.size);
            if g.text.trim().is_empty() || gap {
                break;
            }
            end = g.x + g.width;
            prev_end = Some(end);
            if g.text.chars().any(is_cjk) {
                break;
            }
        }
        end - start
    };
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    if marker_x.is_none() {
        // A shape just left of the text, centred on its x-height: a drawn bullet.
        marker_x = page
            .marks
            .iter()
            .find(|m| {
                let cy = (m.y0 + m.y1) / 2.0;
                m.x1 <= first.x + 0.5
                    && first.x - m.x1 < 3.0 * size
                    && cy < first.y + 0.1 * size
                    && cy > first.y - 0.9 * size
            })
            .map(|m| m.x0);
    }
    Line {
        page: page_no,
        x: marker_x.unwrap_or(text_x),
        end: last.x + last.width,
        y: first.y,
        size,
        text: text.trim_end().to_string(),
        text_x,
        lead_x: if marker_x.is_some() { text_x } else { first.x },
        first_word,
        marker_x,
    }
}

/// Whether a line is a page number: `3`, `3/5`, `- 3 -`, `Page 3 of 5`, `第 3 页`, `第3页 共5页`.
fn is_page_number(s: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*/\s*\d{1,3}|(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?)$",
        )
        .expect("page number pattern")
    });
    RE.is_match(s.trim())
}

/// Drops running headers and footers: page numbers in the top or bottom margin, and lines
/// repeated at the same place (digits aside) on most pages.
fn drop_furniture(lines: &mut Vec<Line>, pages: &[Page]) {
    let band = |l: &Line| {
        let h = pages[l.page].height.max(1.0);
        l.y < 0.1 * h || l.y > 0.9 * h
    };
    let key = |l: &Line| {
        let text: String = l
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect();
        (text, (l.y / 4.0).round() as i64)
    };
    let mut seen: rustc_hash::FxHashMap<(String, i64), rustc_hash::FxHashSet<usize>> =
        Default::default();
    for l in lines.iter().filter(|l| band(l)) {
        seen.entry(key(l)).or_default().insert(l.page);
    }
    let n = pages.len();
    lines.retain(|l| {
        if !band(l) {
            return true;
        }
        let repeated = n >= 2
            && seen
                .get(&key(l))
                .is_some_and(|p| p.len() * 3 >= n * 2 && p.len() >= 2);
        !repeated && !is_page_number(&l.text)
    });
}

/// Joins the text of a wrapped line to the line before it: nothing between two CJK
/// characters, around CJK punctuation, or after a hyphen (where a word was broken); one
/// space between Latin words; between CJK and Latin text, what the document does itself
/// inside its lines (`mixed_spaced`), since the break took the space, if there was one.
/// What the layout shows of the break (`seam`) comes first.
fn join(into: &mut String, next: &str, mixed_spaced: bool, seam: Seam) {
    let (Some(a), Some(b)) = (into.chars().last(), next.chars().next()) else {
        into.push_str(next);
        return;
    };
    let tight = match (seam, is_cjk(a), is_cjk(b)) {
        (Seam::Space, _, _) => false,
        (Seam::InsideWord, _, _) | (Seam::Unknown, true, true) => true,
        (Seam::Unknown, false, false) => a == '-',
        (Seam::Unknown, true, false) => is_cjk_punct(a) || !mixed_spaced,
        (Seam::Unknown, false, true) => is_cjk_punct(b) || !mixed_spaced,
    };
    if !tight {
        into.push(' ');
    }
    into.push_str(next);
}

/// What the layout shows of a line break inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seam {
    /// The next line opens with a space glyph: the text has a space there.
    Space,
    /// The break was inside a word (see [`layout`]).
    InsideWord,
    /// Nothing: the characters on either side decide.
    Unknown,
}

/// CJK punctuation and full-width forms, which carry their own spacing.
fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Whether the document puts a space between CJK and Latin text (`使用 Java 开发`) more
/// often than not (`使用Java开发`), counted inside its lines.
fn spaces_mixed_text(lines: &[Line]) -> bool {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for l in lines {
        let cs: Vec<char> = l.text.chars().collect();
        let mixed = |a: char, b: char| {
            let ideo = |c: char| is_cjk(c) && !is_cjk_punct(c);
            (ideo(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && ideo(b))
        };
        for w in cs.windows(2) {
            if mixed(w[0], w[1]) {
                tight += 1;
            }
        }
        for w in cs.windows(3) {
            if w[1] == ' ' && mixed(w[0], w[2]) {
                spaced += 1;
            }
        }
    }
    spaced > tight
}

/// Lines as paragraphs: bullets (a marker, or a line aligned with a bullet's text that
/// continues it), headings (a font larger than the body's), and body lines.
fn layout(pages: &[Page]) -> Vec<Block> {
    let mut lines: Vec<Line> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| lines_of(i, p))
        .collect();
    drop_furniture(&mut lines, pages);
    let lines = columns(lines, pages);
    if lines.is_empty() {
        return Vec::new();
    }
    let mixed_spaced = spaces_mixed_text(&lines);
    // The body size: the size most characters are set in.
    let mut by_size: rustc_hash::FxHashMap<i64, usize> = Default::default();
    for l in &lines {
        *by_size.entry((l.size * 2.0).round() as i64).or_default() += l.text.chars().count();
    }
    let body = by_size
        .into_iter()
        .max_by_key(|&(s, n)| (n, -s))
        .map(|(s, _)| s as f64 / 2.0)
        .unwrap_or(10.0);
    let mut heading_sizes: Vec<i64> = lines
        .iter()
        .filter(|l| l.size > body * 1.12 && l.marker_x.is_none())
        .map(|l| (l.size * 2.0).round() as i64)
        .collect();
    heading_sizes.sort_unstable_by(|a, b| b.cmp(a));
    heading_sizes.dedup();
    // Nesting: the distinct marker positions, left to right.
    let mut levels: Vec<f64> = Vec::new();
    for x in lines.iter().filter_map(|l| l.marker_x) {
        if !levels.iter().any(|&l| (l - x).abs() < 3.0) {
            levels.push(x);
        }
    }
    levels.sort_by(f64::total_cmp);
    let level_of = |x: f64| {
        levels
            .iter()
            .position(|&l| (l - x).abs() < 3.0)
            .unwrap_or(0)
    };
    let mut blocks: Vec<Block> = Vec::new();
    // The open bullet: its text start and the line it ends on, for continuations.
    let mut open: Option<(f64, usize)> = None;
    let mut prev: Option<&Line> = None;
    // The right end of the longest line of the last block: where its lines wrap.
    let mut block_end = 0.0_f64;
    // How `l` continues `p`: with a space when `l` opens with a space glyph; inside a word
    // when both sides are letters or digits and the whole first word of `l` would have
    // fitted on `p`'s line (a line breaks at a space only when the next word does not fit,
    // so this break was inside a word: LibreOffice breaks `Gitlab、Helm、…` as `Gitla` /
    // `b、Helm…`).
    let seam = |p: &Line, l: &Line, block_end: f64| {
        let broke_word = p.text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && l.text.starts_with(|c: char| c.is_ascii_alphanumeric())
            && p.end + 0.25 * l.size + l.first_word <= block_end;
        if l.lead_x < l.text_x - 0.5 {
            Seam::Space
        } else if broke_word {
            Seam::InsideWord
        } else {
            Seam::Unknown
        }
    };
    for (i, l) in lines.iter().enumerate() {
        let size_key = (l.size * 2.0).round() as i64;
        let heading = l.marker_x.is_none() && heading_sizes.contains(&size_key);
        let gap_ok =
            prev.is_some_and(|p| p.page != l.page || (l.y - p.y) < 1.8 * l.size.max(p.size));
        let aligned = |x: f64| (l.x - x).abs() < 2.0 || (l.lead_x - x).abs() < 2.0;
        // A short piece set flush right on the same baseline as a body line (a place or
        // dates beside a company or a title, as LaTeX templates and browsers set them): one
        // line, its pieces separated as résumés write them (`Company | City, ST`). A longer
        // piece, or one not at the margin, is a column of its own.
        let beside = prev.is_some_and(|p| {
            open.is_none()
                && !heading
                && l.marker_x.is_none()
                && p.page == l.page
                && (l.y - p.y).abs() < 0.3 * l.size.min(p.size)
                && l.x > p.end
                && l.text.chars().count() <= 40
                && l.end > right_margin(&lines, l.page) - l.size
                && blocks.last().is_some_and(|b| b.kind == Kind::Body)
        });
        if beside {
            if let Some(b) = blocks.last_mut() {
                b.text.push_str(" | ");
                b.text.push_str(&l.text);
                prev = Some(l);
                continue;
            }
        }
        if let (Some((text_x, _)), false, None) = (open, heading, l.marker_x) {
            if aligned(text_x) && gap_ok {
                if let (Some(b), Some(p)) = (blocks.last_mut(), prev) {
                    join(&mut b.text, &l.text, mixed_spaced, seam(p, l, block_end));
                    block_end = block_end.max(l.end);
                    open = Some((text_x, i));
                    prev = Some(l);
                    continue;
                }
            }
        }
        let same_paragraph = prev.is_some_and(|p| {
            !heading
                && l.marker_x.is_none()
                && open.is_none()
                && blocks.last().is_some_and(|b| b.kind == Kind::Body)
                && p.page == l.page
                && (l.y - p.y) < 1.5 * l.size
                && (p.size - l.size).abs() < 0.5
                && aligned(p.x)
                // A wrapped paragraph: the line before ran to (near) the right margin.
                && p.end > right_margin(&lines, p.page) - 3.0 * p.size
                // A section's heading set in body size ("PROFESSIONAL EXPERIENCE" under a
                // contact line that fills the width) starts its own block.
                && !super::text::is_known_heading(&l.text)
        });
        // A date range wrapped at its dash ("… Seattle, WA Jan 2020 –" over "Present"): the
        // entry's line, whatever the margin.
        let range_wrapped = !heading
            && l.marker_x.is_none()
            && prev.is_some_and(|p| p.page == l.page && (l.y - p.y) < 1.5 * l.size)
            && blocks.last().is_some_and(|b| {
                let t = b.text.trim_end();
                b.kind == Kind::Body
                    && t.ends_with(['–', '-', '—', '~', '至'])
                    && super::dates::find_range(t).is_none()
                    && super::dates::find_range(&format!("{t} {}", l.text.trim())).is_some()
            });
        if same_paragraph || range_wrapped {
            if let (Some(b), Some(p)) = (blocks.last_mut(), prev) {
                join(&mut b.text, &l.text, mixed_spaced, seam(p, l, block_end));
                block_end = block_end.max(l.end);
                prev = Some(l);
                continue;
            }
        }
        open = None;
        let kind = if let Some(mx) = l.marker_x {
            open = Some((l.text_x, i));
            Kind::Item(level_of(mx))
        } else if heading {
            let rank = heading_sizes
                .iter()
                .position(|&s| s == size_key)
                .unwrap_or(0);
            Kind::Heading(rank as u8 + 1)
        } else {
            Kind::Body
        };
        blocks.push(Block {
            kind,
            text: l.text.clone(),
        });
        block_end = l.end;
        prev = Some(l);
    }
    blocks
}

/// The rightmost end of any line on `page`: where full lines end.
fn right_margin(lines: &[Line], page: usize) -> f64 {
    lines
        .iter()
        .filter(|l| l.page == page)
        .map(|l| l.end)
        .fold(0.0, f64::max)
}

/// Reading order with columns: on a page where a vertical gutter separates two groups of
/// lines (most lines lying wholly on one side of it, both sides well filled), the left
/// column is read before the right one. Other pages keep top-to-bottom order.
fn columns(lines: Vec<Line>, pages: &[Page]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for page in 0..pages.len() {
        let on: Vec<&Line> = lines.iter().filter(|l| l.page == page).collect();
        match gutter(&on) {
            Some(g) => {
                out.extend(on.iter().filter(|l| l.end <= g).map(|l| (*l).clone()));
                out.extend(on.iter().filter(|l| l.end > g).map(|l| (*l).clone()));
            }
            None => out.extend(on.into_iter().cloned()),
        }
    }
    out
}

/// A vertical gutter on a page: an x no line crosses, with at least a quarter of the lines
/// on each side, where the right side's lines start on one common left edge.
fn gutter(lines: &[&Line]) -> Option<f64> {
    if lines.len() < 8 {
        return None;
    }
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x).collect();
    starts.sort_by(f64::total_cmp);
    starts.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    starts.into_iter().find_map(|x| {
        let crossing = lines.iter().any(|l| l.x < x - 1.0 && l.end > x);
        let left = lines.iter().filter(|l| l.end <= x).count();
        let right = lines.iter().filter(|l| l.x >= x - 1.0).count();
        let quarter = lines.len() / 4;
        (!crossing && left >= quarter && right >= quarter && left + right == lines.len())
            .then_some(x - 1.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(y: f64, x: f64, size: f64, s: &str) -> Vec<Glyph> {
        let mut x = x;
        s.chars()
            .map(|c| {
                let w = if is_cjk(c) { size } else { size * 0.5 };
                let g = Glyph {
                    x,
                    y,
                    width: w,
                    size,
                    text: c.to_string(),
                };
                x += w;
                g
            })
            .filter(|g| g.text != " ")
            .collect()
    }

    fn page(rows: &[(f64, f64, f64, &str)]) -> Page {
        Page {
            height: 800.0,
            glyphs: rows
                .iter()
                .flat_map(|&(y, x, s, t)| glyphs(y, x, s, t))
                .collect(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn recognises_pdf_bytes() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xEF\xBB\xBF junk %PDF-1.4"));
        assert!(!is_pdf(b"PK\x03\x04"));
    }

    #[test]
    fn page_numbers() {
        for s in [
            "3",
            "2/5",
            "- 2 -",
            "Page 1 of 2",
            "page 3",
            "第 1 页",
            "第1页 共2页",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2019", "Page layout", "第一章"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn a_marker_drawn_with_its_space_in_one_run_opens_a_bullet() {
        // "• Ran…" set as one string (the space a glyph of its own) at ordinary leading: the
        // lines, each running to the margin, had been read as one wrapped paragraph, two
        // bullets to a line.
        let bullets = [
            "Ran Kubernetes clusters on AWS with Terraform and Helm.",
            "Cut p99 latency by 40% using Redis caching for the API.",
            "Built Prometheus and Grafana monitoring for 200 services.",
        ];
        for marker in ["•", "-"] {
            let glyphs = bullets
                .iter()
                .enumerate()
                .flat_map(|(i, b)| {
                    let mut x = 50.0;
                    format!("{marker} {b}")
                        .chars()
                        .map(|c| {
                            let g = Glyph {
                                x,
                                y: 100.0 + 12.0 * i as f64,
                                width: 5.0,
                                size: 10.0,
                                text: c.to_string(),
                            };
                            x += 5.0;
                            g
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            let p = Page {
                height: 800.0,
                glyphs,
                marks: Vec::new(),
            };
            let blocks = layout(&[p]);
            let texts: Vec<(Kind, &str)> =
                blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
            assert_eq!(texts, bullets.map(|b| (Kind::Item(0), b)), "{marker}");
        }
    }

    #[test]
    fn joins_wrapped_bullets_without_han_spaces() {
        let p = page(&[
            (100.0, 50.0, 20.0, "工作经历"),
            (130.0, 50.0, 10.0, "• 负责Kubernetes集群与CI/CD平台建设，服"),
            (142.0, 60.0, 10.0, "务 2000+ 节点"),
            (154.0, 50.0, 10.0, "• Built metrics and tracing with"),
            (166.0, 60.0, 10.0, "Prometheus"),
            (500.0, 50.0, 10.0, "plain line"),
        ]);
        let blocks = layout(&[p]);
        let texts: Vec<(Kind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (Kind::Heading(1), "工作经历"),
                (
                    Kind::Item(0),
                    "负责Kubernetes集群与CI/CD平台建设，服务 2000+ 节点"
                ),
                (Kind::Item(0), "Built metrics and tracing with Prometheus"),
                (Kind::Body, "plain line"),
            ]
        );
    }

    #[test]
    fn a_heading_in_body_size_never_joins_a_full_width_line_above_it() {
        // A Word résumé: the name in a larger size, a contact line that fills the width,
        // then its section headings in body size (bold capitals).
        let p = page(&[
            (80.0, 50.0, 18.0, "JANE DOE"),
            (
                110.0,
                50.0,
                10.0,
                "jane.doe@example.com • (512) 555-0142 • linkedin.com/in/janedoe • Austin, TX",
            ),
            (124.0, 50.0, 10.0, "PROFESSIONAL EXPERIENCE"),
            (138.0, 50.0, 10.0, "Senior Software Engineer"),
            (152.0, 50.0, 10.0, "Globex Corporation, Austin, TX"),
            (166.0, 50.0, 10.0, "Jan 2020 – Present"),
            (
                180.0,
                50.0,
                10.0,
                "• Led the migration of 40 services to Kubernetes.",
            ),
        ]);
        let (text, _) = render(&layout(&[p]), false);
        let r = super::super::text::parse(&text);
        assert_eq!(r.basics.name.as_deref(), Some("JANE DOE"), "{text}");
        assert_eq!(r.basics.phone.as_deref(), Some("(512) 555-0142"), "{text}");
        assert_eq!(r.sections.len(), 1, "{text}");
        assert_eq!(r.sections[0].kind, crate::model::SectionKind::Experience);
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (
                e.organisation.as_deref(),
                e.title.as_deref(),
                e.location.as_deref()
            ),
            (
                Some("Globex Corporation"),
                Some("Senior Software Engineer"),
                Some("Austin, TX")
            ),
            "{text}"
        );
        assert_eq!(e.bullets.len(), 1);
    }

    #[test]
    fn a_date_range_wrapped_at_its_dash_stays_on_its_line() {
        // A longer line sets the right margin, so the wrapped line did not run to it: only
        // the dash can join the two.
        let p = page(&[
            (100.0, 50.0, 14.0, "Experience"),
            (
                115.0,
                50.0,
                10.0,
                "Backend engineer with eight years of experience building distributed systems in Go and Python",
            ),
            (
                130.0,
                50.0,
                10.0,
                "Senior Engineer, Acme — Seattle, WA Jan 2020 –",
            ),
            (142.0, 50.0, 10.0, "Present"),
            (154.0, 50.0, 10.0, "• Built the ledger"),
            (300.0, 50.0, 10.0, "Work in 2019 -"),
            (312.0, 50.0, 10.0, "mostly remote"),
        ]);
        let blocks = layout(&[p]);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Experience",
                "Backend engineer with eight years of experience building distributed systems in Go and Python",
                "Senior Engineer, Acme — Seattle, WA Jan 2020 – Present",
                "Built the ledger",
                "Work in 2019 -",
                "mostly remote"
            ]
        );
    }

    #[test]
    fn a_word_broken_where_its_rest_would_have_fitted_is_joined_whole() {
        // LibreOffice breaks `Gitlab、Helm、…` inside the word; a wrap at a space leaves
        // a line too full for the next word.
        let p = page(&[
            (
                130.0,
                50.0,
                10.0,
                "• 生产环境管理: 搭建多套生产环境与零信任设备管理基础设施。",
            ),
            (142.0, 60.0, 10.0, "涉及技术:"),
            (154.0, 60.0, 10.0, "Gitla"),
            (166.0, 60.0, 10.0, "b、Helm、Java 等。"),
            (190.0, 50.0, 10.0, "• Ran the platform for thirty teams and"),
            (202.0, 60.0, 10.0, "observability"),
        ]);
        let texts: Vec<String> = layout(&[p]).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "生产环境管理: 搭建多套生产环境与零信任设备管理基础设施。涉及技术: Gitlab、Helm、Java 等。",
                "Ran the platform for thirty teams and observability",
            ]
        );
    }

    #[test]
    fn a_continuation_opening_with_a_space_stays_in_its_bullet() {
        // LibreOffice carries the space after a comma at a break to the next line.
        let mut p = page(&[
            (130.0, 50.0, 10.0, "• 云服务管理: 管控用云与三方服务的成本,"),
            (142.0, 63.0, 10.0, "设计成本大盘。"),
        ]);
        p.glyphs.push(Glyph {
            x: 60.0,
            y: 142.0,
            width: 3.0,
            size: 10.0,
            text: " ".into(),
        });
        let texts: Vec<String> = layout(&[p]).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            ["云服务管理: 管控用云与三方服务的成本, 设计成本大盘。"]
        );
    }

    #[test]
    fn pieces_on_one_baseline_stay_one_line() {
        // A place flush right of the company; a `\\quad` between a company and a title.
        // Both flush right pieces end at 470; a piece short of the margin is a column.
        let p = page(&[
            (100.0, 50.0, 10.0, "Fernwood Analytics"),
            (100.0, 420.0, 10.0, "Denver, CO"),
            (130.0, 50.0, 10.0, "星河云计算有限公司"),
            (130.0, 150.0, 10.0, "高级运维开发工程师"),
            (130.0, 400.0, 10.0, "2019.03 - 至今"),
            (200.0, 50.0, 10.0, "Skills"),
            (200.0, 200.0, 10.0, "Python"),
        ]);
        let texts: Vec<String> = layout(&[p]).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "Fernwood Analytics | Denver, CO",
                "星河云计算有限公司 高级运维开发工程师 | 2019.03 - 至今",
                "Skills",
                "Python"
            ]
        );
    }

    #[test]
    fn slanted_type_keeps_its_size() {
        // LibreOffice slants Chinese it sets in italic: a shear, not a larger size.
        let mut c = Collector::default();
        let media = MediaBox {
            llx: 0.0,
            lly: 0.0,
            urx: 600.0,
            ury: 800.0,
        };
        c.begin_page(1, &media, None).unwrap();
        for shear in [0.0, 0.268] {
            let trm = Transform::row_major(1.0, 0.0, shear, 1.0, 100.0, 700.0);
            c.output_character(&trm, 1.0, 0.0, 10.5, "中").unwrap();
        }
        let sizes: Vec<f64> = c.pages[0].glyphs.iter().map(|g| g.size).collect();
        assert_eq!(sizes, [10.5, 10.5]);
    }

    #[test]
    fn drops_headers_footers_and_page_numbers() {
        let pages: Vec<Page> = (1..=2)
            .map(|n| {
                page(&[
                    (20.0, 50.0, 8.0, "Sam Lee — Résumé"),
                    (100.0, 50.0, 10.0, "Body text"),
                    (780.0, 300.0, 8.0, &format!("Page {n} of 2")),
                ])
            })
            .collect();
        let blocks = layout(&pages);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Body text", "Body text"]);
    }

    #[test]
    fn reads_two_columns_in_turn() {
        let mut rows = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 14.0 * i as f64;
            rows.push((y, 40.0, 10.0, "left side"));
            rows.push((y, 300.0, 10.0, "right side"));
        }
        let blocks = layout(&[page(&rows)]);
        let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let text = text.join(" ");
        let last_left = text.rfind("left").unwrap();
        assert!(last_left < text.find("right").unwrap(), "{text}");
        assert_eq!(text.matches("left side").count(), 6, "{text}");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let e = to_text(Path::new("x.pdf"), b"%PDF-1.4\n1 0 obj <<", false)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.pdf: damaged PDF file"), "{e}");
    }

    /// A one-page PDF whose page draws form 4, with `forms` the content of forms 4, 5, …
    /// (each form's resources name every form as `/F4`, `/F5`, …).
    fn pdf_with_forms(forms: &[&str]) -> Vec<u8> {
        let names: String = (0..forms.len())
            .map(|i| format!("/F{} {} 0 R", i + 4, i + 4))
            .collect();
        let mut objects = vec![
            "<</Type/Catalog/Pages 2 0 R>>".to_string(),
            "<</Type/Pages/Kids[3 0 R]/Count 1>>".to_string(),
            format!(
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<<{names}>>>>/Contents {} 0 R>>",
                forms.len() + 4
            ),
        ];
        for f in forms {
            objects.push(format!(
                "<</Type/XObject/Subtype/Form/BBox[0 0 9 9]/Resources<</XObject<<{names}>>>>/Length {}>>stream\n{f}\nendstream",
                f.len()
            ));
        }
        objects.push("<</Length 6>>stream\n/F4 Do\nendstream".to_string());
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<</Size {}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        out
    }

    #[test]
    fn forms_that_draw_themselves_are_damage_not_a_crash() {
        // The reader draws forms by recursion: these overflowed the stack and aborted.
        let itself = pdf_with_forms(&["/F4 Do"]);
        let each_other = pdf_with_forms(&["/F5 Do", "/F4 Do"]);
        // Thirty forms each drawing the next twice: 2^30 drawings.
        let doubling: Vec<String> = (0..30)
            .map(|i| format!("/F{} Do /F{} Do", i + 5, i + 5))
            .chain(["BT ET".to_string()])
            .collect();
        let doubling: Vec<&str> = doubling.iter().map(String::as_str).collect();
        for bytes in [itself, each_other, pdf_with_forms(&doubling)] {
            let e = to_text(Path::new("x.pdf"), &bytes, false)
                .unwrap_err()
                .to_string();
            assert!(e.contains("damaged PDF file: its drawings nest"), "{e}");
        }
        // Forms drawn a few levels deep are read as ever.
        let nested = pdf_with_forms(&["/F5 Do", "/F6 Do", "BT ET"]);
        let e = to_text(Path::new("x.pdf"), &nested, false)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(!e.contains("drawings nest"), "{e}");
    }

    #[test]
    fn the_door_radical_reads_as_the_documents_script_has_it() {
        let read = |text: &str| {
            let mut b = vec![Block {
                kind: Kind::Body,
                text: text.into(),
            }];
            door_radical(&mut b);
            b.remove(0).text
        };
        assert_eq!(
            read("公司内部用\u{2F3E}权限管理, 设计并实现"),
            "公司内部用户权限管理, 设计并实现"
        );
        assert_eq!(
            read("公司內部用\u{2F3E}權限管理, 設計並實現"),
            "公司內部用戶權限管理, 設計並實現"
        );
        assert_eq!(read("\u{2F3E}棚を開ける"), "戸棚を開ける");
        // Other radicals still read as their ideographs when glyphs are collected.
        assert_eq!(normalise("\u{2F08}"), "人");
        assert_eq!(normalise("\u{2F3E}"), "\u{2F3E}");
    }
}
