//! PDF résumés and postings. The PDFs are made here from sources in the repository by the
//! producers people use (Chrome's "print to PDF" of jdfit's HTML résumé, LibreOffice from
//! jdfit's DOCX and from an HTML résumé), plus committed fixtures from other producers, and
//! measured against the source: the share of its bullets recovered exactly, no space
//! between two Han characters that the source does not have, the same years of experience.
//! A scan, an encrypted PDF and a damaged one are one error line each.

mod common;
use common::{fails, jdfit, root, tool};

use jdfit::model::{Resume, YearMonth};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SEED: &str = "corpus/resume-zh.txt";
const SRE_ZH: &str = "jobs/zh/zh-01-senior-sre.txt";
const SRE_EN: &str = "jobs/en/en-01-senior-site-reliability-engineer.txt";

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn load(path: &Path) -> Resume {
    jdfit::parse::load_resume(path, None).unwrap_or_else(|e| panic!("{e}"))
}

fn leaves(r: &Resume) -> Vec<String> {
    r.leaves().iter().map(|l| l.bullet.text.clone()).collect()
}

fn years(r: &Resume) -> f32 {
    let as_of = YearMonth {
        year: 2026,
        month: Some(11),
    };
    jdfit::score::requirements::facts(r, as_of).years
}

/// Whether `s` has a space between two Han characters.
fn han_space(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    cs.windows(3).any(|w| han(w[0]) && w[1] == ' ' && han(w[2]))
}

/// How a PDF read against its source: the share of the source's bullets recovered
/// exactly, bullets with a Han–Han space the source lacks, and both years of experience.
struct Measure {
    recovered: f64,
    han_spaces: usize,
    years: (f32, f32),
}

fn measure(source: &Resume, pdf: &Path) -> Measure {
    // To look at a PDF a test made: JDFIT_PDF_KEEP=folder.
    if let Some(dir) = std::env::var_os("JDFIT_PDF_KEEP") {
        let _ = std::fs::copy(pdf, Path::new(&dir).join(pdf.file_name().unwrap()));
    }
    let got = load(pdf);
    let got_leaves = leaves(&got);
    let want = leaves(source);
    let found = want.iter().filter(|b| got_leaves.contains(b)).count();
    let source_text = want.join("\n");
    let missing: Vec<&String> = want.iter().filter(|b| !got_leaves.contains(b)).collect();
    if !missing.is_empty() {
        eprintln!(
            "{}: missing {missing:#?}\nread {got_leaves:#?}",
            pdf.display()
        );
    }
    Measure {
        recovered: found as f64 / want.len().max(1) as f64,
        han_spaces: got_leaves
            .iter()
            .filter(|b| han_space(b) && !source_text.contains(b.as_str()))
            .count(),
        years: (years(source), years(&got)),
    }
}

/// Asserts the measure for one PDF, with the floor of bullets recovered it reaches (and,
/// when `same_years`, the source's years of experience), and notes the figures on standard
/// error (the report quotes them).
fn check(name: &str, source: &Resume, pdf: &Path, floor: f64, same_years: bool) {
    let m = measure(source, pdf);
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "measure {name}: {:.1}% of bullets recovered, {} Han–Han spaces, years {} (source) / {} (PDF)",
        m.recovered * 100.0,
        m.han_spaces,
        m.years.0,
        m.years.1
    );
    assert!(m.recovered >= floor, "{name}: {:.3} < {floor}", m.recovered);
    assert_eq!(m.han_spaces, 0, "{name}");
    if same_years {
        assert_eq!(m.years.0, m.years.1, "{name}: years of experience");
    }
}

/// Chromium prints `html` to `pdf`, page headers and footers (date, title, address, page
/// numbers) included, as a person printing from the browser gets them.
fn chromium_print(chromium: &Path, html: &Path, pdf: &Path, home: &Path, extra: &[&str]) {
    let status = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .args(extra)
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(html)
        .env("HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success() && pdf.exists(), "chromium printed nothing");
}

/// LibreOffice converts `files` to PDF into `out`.
fn soffice_pdf(soffice: &Path, files: &[PathBuf], out: &Path, home: &Path) {
    let status = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .env("HOME", home)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The sources, with the share of bullets each producer's PDF is known to give back
/// exactly (Chromium, LibreOffice); every PDF keeps the source's years of experience.
/// Below 100%: LibreOffice's PDF of the seed's DOCX, where LibreOffice breaks `Skywalking`
/// inside the word at a full line, which no reader can tell from a break at a space.
const SOURCES: [(&str, &str, f64, f64); 3] = [
    ("seed", SEED, 1.0, 0.96),
    ("frontend", "corpus/frontend-en.md", 1.0, 1.0),
    ("backend", "corpus/backend-en.txt", 1.0, 1.0),
];

/// jdfit's HTML résumé printed by Chromium (the first user's Chinese résumé among them, over
/// more than one page, with the browser's running header and footer) reads back with the
/// source's bullets.
#[test]
fn chromium_printed_resumes() {
    let Some(chromium) = tool("chromium", "Chromium") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    for (name, src, floor, _) in SOURCES {
        let source = load(&root().join(src));
        let html = t.path().join(format!("{name}.html"));
        std::fs::write(&html, jdfit::render::html::resume(&source, None)).unwrap();
        let pdf = t.path().join(format!("{name}.pdf"));
        chromium_print(&chromium, &html, &pdf, t.path(), &[]);
        check(&format!("chromium {name}"), &source, &pdf, floor, true);
    }
    // The binary matches the printed Chinese résumé against a Chinese posting.
    let pdf = t.path().join("seed.pdf");
    let out = jdfit(t.path())
        .args([os("match"), os("-r"), pdf.as_os_str(), os(SRE_ZH)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// LibreOffice's PDF of jdfit's own DOCX, and of an HTML résumé written elsewhere.
#[test]
fn libreoffice_pdfs() {
    let Some(soffice) = tool("soffice", "LibreOffice") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let (inputs, outputs) = (t.path().join("in"), t.path().join("out"));
    std::fs::create_dir_all(&inputs).unwrap();
    let mut files = Vec::new();
    for (name, src, _, _) in SOURCES {
        let r = load(&root().join(src));
        let docx = inputs.join(format!("{name}.docx"));
        std::fs::write(&docx, jdfit::render::docx::resume(&r).unwrap()).unwrap();
        files.push(docx);
    }
    let html = root().join("tests/fixtures/resumes/libreoffice-en.html");
    files.push(html.clone());
    soffice_pdf(&soffice, &files, &outputs, t.path());
    for (name, src, _, floor) in SOURCES {
        let source = load(&root().join(src));
        let pdf = outputs.join(format!("{name}.pdf"));
        check(
            &format!("libreoffice docx {name}"),
            &source,
            &pdf,
            floor,
            true,
        );
    }
    check(
        "libreoffice html",
        &load(&html),
        &outputs.join("libreoffice-en.pdf"),
        1.0,
        true,
    );
}

/// A PDF posting (a job page printed by Chromium) is read as text, headings and items kept.
#[test]
fn pdf_posting() {
    let Some(chromium) = tool("chromium", "Chromium") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let html = t.path().join("posting.html");
    std::fs::write(
        &html,
        "<html><body><h1>高级SRE工程师</h1><h2>任职要求</h2><ul><li>5年以上Kubernetes生产集群运维经验，熟悉Prometheus与Grafana监控体系的搭建与调优</li><li>精通 Go 或 Python</li></ul></body></html>",
    )
    .unwrap();
    let pdf = t.path().join("posting.pdf");
    chromium_print(&chromium, &html, &pdf, t.path(), &[]);
    let text = jdfit::parse::read_text(&pdf).unwrap();
    assert!(
        text.contains(
            "5年以上Kubernetes生产集群运维经验，熟悉Prometheus与Grafana监控体系的搭建与调优"
        ),
        "{text}"
    );
    assert!(text.contains("任职要求"), "{text}");
    let out = jdfit(t.path())
        .args([os("match"), os("-r"), os(SEED), pdf.as_os_str()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A PDF whose pages are images only (a scan), made by printing a page that holds only
/// a picture.
#[test]
fn scanned_pdf_is_one_error() {
    let Some(chromium) = tool("chromium", "Chromium") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    // A 2×2 PNG: what a scanner gives, without the text layer OCR would add.
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";
    let html = t.path().join("scan.html");
    std::fs::write(
        &html,
        format!("<html><body><img src=\"data:image/png;base64,{png}\" style=\"width:500px;height:700px\"></body></html>"),
    )
    .unwrap();
    let pdf = t.path().join("scan.pdf");
    // Without the running header and footer, which are text.
    let bare = ["--no-pdf-header-footer"];
    chromium_print(&chromium, &html, &pdf, t.path(), &bare);
    fails(
        &[os("match"), os("-r"), pdf.as_os_str(), os(SRE_EN)],
        "scan.pdf: no text layer: this PDF is a scan",
    );
}

/// A minimal encrypted PDF (standard security handler, a user password set): one error.
#[test]
fn encrypted_pdf_is_one_error() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("locked.pdf");
    std::fs::write(&p, encrypted_pdf()).unwrap();
    fails(
        &[os("match"), os("-r"), p.as_os_str(), os(SRE_EN)],
        "locked.pdf: this PDF is encrypted",
    );
}

/// A PDF with an `/Encrypt` dictionary (RC4, revision 3) whose user password is not empty:
/// the `/U` entry matches no empty password, so no reader opens it without one.
fn encrypted_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_string(),
        "<< /Length 8 >>\nstream\n\x01\x02\x03\x04\x05\x06\x07\x08\nendstream".to_string(),
        format!(
            "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{}> /U <{}> >>",
            "11".repeat(32),
            "22".repeat(32)
        ),
    ];
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    pdf_file(
        &objects,
        &format!("/Encrypt 5 0 R /ID [<{id}> <{id}>]", id = "ab".repeat(16)),
    )
}

/// A PDF cut short, one named `.pdf` that is not one, and one whose objects are garbage:
/// one error line each, exit 2, no panic printed.
#[test]
fn damaged_pdfs_are_one_error() {
    let t = tempfile::tempdir().unwrap();
    let committed = std::fs::read(root().join(LATEX_FIXTURE)).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = t.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let cases = [
        (
            write("cut.pdf", &committed[..committed.len() / 3]),
            "cut.pdf: damaged PDF file",
        ),
        (write("text.pdf", b"just text"), "not a PDF file"),
        (
            write("junk.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
            "junk.pdf: damaged PDF file",
        ),
    ];
    for (path, want) in &cases {
        fails(&[os("match"), os("-r"), path.as_os_str(), os(SRE_EN)], want);
    }
    // As a posting too.
    fails(
        &[os("match"), os("-r"), os(SEED), cases[0].0.as_os_str()],
        "cut.pdf: damaged PDF file",
    );
}

/// A page whose `/Parent` is itself (so it inherits from itself, forever) is one error
/// line, at once: the reader had climbed to its resources without end. Read on a thread
/// with a deadline, so that a hang fails the test rather than stalling the run.
#[test]
fn a_page_that_is_its_own_parent_is_one_error() {
    let t = tempfile::tempdir().unwrap();
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Built Kafka) Tj ET\nendstream".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let path = t.path().join("loop.pdf");
    std::fs::write(&path, pdf_file(&objects, "")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let read = path.clone();
    std::thread::spawn(move || tx.send(jdfit::parse::read_resume_text(&read).map(|_| ())));
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("reading a page that is its own parent hangs");
    let err = got.expect_err("a looping page tree is refused").to_string();
    assert!(
        err.contains("loop.pdf: damaged PDF file: its page tree loops"),
        "{err}"
    );
    fails(
        &[os("match"), os("-r"), os(SEED), path.as_os_str()],
        "loop.pdf: damaged PDF file: its page tree loops",
    );
}

/// A one-page PDF whose page content is `content`, Flate-compressed.
fn flate_content_pdf(content: &str) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(content.as_bytes()).unwrap();
    let stream = z.finish().unwrap();
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    )
    .into_bytes();
    content.extend(&stream);
    content.extend(b"\nendstream");
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    pdf_file(&objects, "")
}

/// A PDF file of `objects` (numbered from 1, the first the catalog) with its cross-reference
/// table; `trailer` is added to the trailer dictionary.
fn pdf_file(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF bomb (a 30 KB file whose page content inflates to 16 MB of repeated text
/// commands, which the reader would hold a hundred times over) is one error line, as a
/// résumé and as a posting, before it is read; the same page with a normal amount of
/// content is read.
#[test]
fn a_pdf_bomb_is_refused_before_it_is_read() {
    let t = tempfile::tempdir().unwrap();
    let line = "BT /F1 12 Tf 72 712 Td (Built Rust services on Kubernetes) Tj ET\n";
    let bomb = t.path().join("bomb.pdf");
    let pdf = flate_content_pdf(&line.repeat((16 << 20) / line.len()));
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    std::fs::write(&bomb, pdf).unwrap();
    let want = "bomb.pdf: its pages inflate to over 8 MiB of drawing commands and character maps";
    fails(&[os("match"), os("-r"), bomb.as_os_str(), os(SRE_EN)], want);
    fails(&[os("match"), os("-r"), os(SEED), bomb.as_os_str()], want);
    let fine = t.path().join("fine.pdf");
    let page: String = (0..40)
        .map(|i| {
            format!(
                "BT /F1 12 Tf 72 {} Td (Built Rust service {i} on Kubernetes) Tj ET\n",
                750 - 18 * i
            )
        })
        .collect();
    std::fs::write(&fine, flate_content_pdf(&page)).unwrap();
    let text = jdfit::parse::read_resume_text(&fine).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains("Built Rust service 39 on Kubernetes"),
        "{text}"
    );
}

/// A font whose character map (ToUnicode) inflates to 16 MB from a file of tens of
/// kilobytes is refused as a PDF bomb before it is read (the reader inflated it whole: a
/// 290 KB file took 900 MB); the same font with a one-line map is read.
#[test]
fn a_character_map_bomb_is_refused_before_it_is_read() {
    use std::io::Write;
    let t = tempfile::tempdir().unwrap();
    let pdf = |map: &str| {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(map.as_bytes()).unwrap();
        let z = z.finish().unwrap();
        let mut cmap =
            format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", z.len()).into_bytes();
        cmap.extend(&z);
        cmap.extend(b"\nendstream");
        let content = "BT /F1 12 Tf 72 720 Td (Built Kafka pipelines) Tj ET";
        let objects: [Vec<u8>; 6] = [
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()).into_bytes(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_vec(),
            cmap,
        ];
        pdf_file(&objects, "")
    };
    let bomb = t.path().join("bomb.pdf");
    let file = pdf(&"% padding line of a character map\n".repeat((16 << 20) / 34));
    assert!(file.len() < 100_000, "{} bytes", file.len());
    std::fs::write(&bomb, file).unwrap();
    fails(
        &[os("match"), os("-r"), bomb.as_os_str(), os(SRE_EN)],
        "bomb.pdf: its pages inflate to over 8 MiB of drawing commands and character maps",
    );
    let fine = t.path().join("fine.pdf");
    let map = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 beginbfrange\n<20> <7E> <0020>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    std::fs::write(&fine, pdf(map)).unwrap();
    let text = jdfit::parse::read_resume_text(&fine).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("Built Kafka pipelines"), "{text}");
}

/// A page that lists one small content stream 200,000 times draws it as often: refused as
/// a bomb (it had taken 2 GB, then failed on a line limit). A page drawing over 600,000
/// characters from 1 MB of content is refused too, before the reader holds them all.
#[test]
fn repeated_content_and_a_flood_of_characters_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let refs = "4 0 R ".repeat(200_000);
    let content = "BT /F1 12 Tf 72 720 Td (Built Kafka pipelines) Tj ET";
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{refs}] /Resources << /Font << /F1 5 0 R >> >> >>").into_bytes(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let many = t.path().join("many.pdf");
    std::fs::write(&many, pdf_file(&objects, "")).unwrap();
    fails(
        &[os("match"), os("-r"), many.as_os_str(), os(SRE_EN)],
        "many.pdf: its pages inflate to over 8 MiB",
    );
    let flood = t.path().join("flood.pdf");
    let page = format!("BT /F1 1 Tf 0 700 Td ({}) Tj ET", "x".repeat(1 << 20));
    std::fs::write(&flood, flate_content_pdf(&page)).unwrap();
    fails(
        &[os("match"), os("-r"), flood.as_os_str(), os(SRE_EN)],
        "flood.pdf: it draws over 600000 characters",
    );
}

/// Committed fixtures from another producer (see `tests/fixtures/resumes/README`).
const LATEX_FIXTURE: &str = "tests/fixtures/resumes/cairo-en.pdf";

#[test]
fn committed_fixture_from_another_producer() {
    let pdf = root().join(LATEX_FIXTURE);
    let source = load(&root().join("tests/fixtures/resumes/libreoffice-en.html"));
    check("cairo", &source, &pdf, 1.0, true);
}

/// A PDF whose Chinese fonts carry no ToUnicode map and are CFF, which has no `cmap` table to
/// read the characters back from: one line saying why its text cannot be read, never a résumé
/// missing its Chinese, and not "a scan".
#[test]
fn fonts_without_a_text_map_are_one_error() {
    let pdf = root().join("tests/fixtures/resumes/latex-zh-no-tounicode.pdf");
    fails(
        &[os("match"), os("-r"), pdf.as_os_str(), os(SRE_ZH)],
        "latex-zh-no-tounicode.pdf: its text cannot be read: the PDF's fonts map most of its glyphs to no character (no ToUnicode map)",
    );
}

/// A PDF whose Chinese is drawn with an embedded TrueType font and no ToUnicode map (as Word
/// and WPS write it) reads with every bullet: the map is read back from the font's own
/// `cmap` table. (Before, its Chinese was silently lost.)
#[test]
fn fonts_without_a_text_map_are_read_from_the_embedded_font() {
    let dir = root().join("tests/fixtures/resumes");
    let source = load(&dir.join("chromium-truetype-zh.html"));
    let pdf = dir.join("chromium-truetype-no-tounicode.pdf");
    check("truetype without ToUnicode", &source, &pdf, 1.0, true);
    assert_eq!(entries(&load(&pdf)), entries(&source));
    assert_eq!(leaves(&source).len(), 2);
}

/// A LinkedIn profile saved as PDF (a sidebar of contact details and short lists beside the
/// main column, made by `make_linkedin_pdf.py`) reads as the same profile copied as text:
/// the name, every role with its company, place and dates, every description a bullet. (The
/// sidebar's heading had been the name's place, the roles nested under "Languages".)
#[test]
fn linkedin_export() {
    let dir = root().join("tests/fixtures/resumes");
    let source = load(&dir.join("linkedin-en.txt"));
    let pdf = dir.join("linkedin-en.pdf");
    check("linkedin", &source, &pdf, 1.0, true);
    let r = load(&pdf);
    assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
    assert_eq!(r.basics.email.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(entries(&r), entries(&source));
    assert_eq!(
        entries(&r)[1],
        [
            Some("Acme Cloud".to_string()),
            Some("Senior Site Reliability Engineer".to_string()),
            Some("San Francisco, California, United States".to_string()),
            Some("September 2019 - December 2021".to_string()),
        ]
    );
    assert_eq!(leaves(&r).len(), 4);
    assert!((years(&r) - 11.5).abs() < 0.2, "{}", years(&r));
}

/// The experience entries of a résumé as (organisation, title, location, dates).
fn entries(r: &Resume) -> Vec<[Option<String>; 4]> {
    r.sections
        .iter()
        .filter(|s| s.kind.is_work())
        .flat_map(|s| &s.entries)
        .map(|e| {
            [
                e.organisation.clone(),
                e.title.clone(),
                e.location.clone(),
                e.dates.clone(),
            ]
        })
        .collect()
}

/// LaTeX résumés (pdfTeX's "Jake's Resume" layout with the place and the dates flush right,
/// and an xeCJK one with `公司 \quad 职位 \hfill 日期` entry lines) read back with every
/// bullet, the years, and the entries of their Markdown twins.
#[test]
fn latex_fixtures() {
    for name in ["latex-en", "latex-zh"] {
        let dir = root().join("tests/fixtures/resumes");
        let source = load(&dir.join(format!("{name}.md")));
        let pdf = dir.join(format!("{name}.pdf"));
        check(name, &source, &pdf, 1.0, true);
        assert_eq!(entries(&load(&pdf)), entries(&source), "{name}");
        assert_eq!(entries(&source).len(), 3, "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary bytes, and bytes after a PDF signature: an error or text, never a panic.
    #[test]
    fn pdf_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = jdfit::parse::pdf::to_text(Path::new("x.pdf"), &bytes, false);
        let mut signed = b"%PDF-1.4\n".to_vec();
        signed.extend(&bytes);
        let _ = jdfit::parse::pdf::to_text(Path::new("x.pdf"), &signed, false);
    }

    /// A real PDF with bytes flipped: an error or text, never a panic.
    #[test]
    fn damaged_fixture_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = std::fs::read(root().join(LATEX_FIXTURE)).unwrap();
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        let _ = jdfit::parse::pdf::to_text(Path::new("x.pdf"), &bytes, false);
    }
}
