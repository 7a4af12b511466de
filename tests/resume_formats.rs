//! Résumés and postings in the formats people have: DOCX (jdfit's own output read back, a
//! document with a table and a text box built here from XML, one made by LibreOffice), saved
//! web pages, text without list structure, and a posting given as the résumé. Damaged files
//! end in one error line and exit code 2.

mod common;
use common::{fails, jdfit, root, skip, tool};

use jdfit::model::Resume;
use proptest::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

const SEED: &str = "corpus/resume-zh.txt";
const SRE_EN: &str = "jobs/en/en-01-senior-site-reliability-engineer.txt";
const SRE_ZH: &str = "jobs/zh/zh-01-senior-sre.txt";

/// Every bullet of a résumé with its depth, in document order.
fn tree(r: &Resume) -> Vec<(usize, String)> {
    fn go(b: &jdfit::model::Bullet, depth: usize, out: &mut Vec<(usize, String)>) {
        out.push((depth, b.text.clone()));
        for c in &b.children {
            go(c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for s in &r.sections {
        for e in &s.entries {
            for b in &e.bullets {
                go(b, 0, &mut out);
            }
        }
    }
    out
}

fn load(path: &Path) -> Resume {
    jdfit::parse::load_resume(path, None).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs jdfit in `dir` with `args` and expects success: its standard output.
fn ok(dir: &Path, args: &[&std::ffi::OsStr], stdin: Option<&str>) -> String {
    let mut c = jdfit(dir);
    c.args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `jdfit match -r résumé` against a Chinese posting succeeds.
fn matches_zh(dir: &Path, resume: &Path) {
    let args = [os("match"), os("-r"), resume.as_os_str(), os(SRE_ZH)];
    ok(dir, &args, None);
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

/// A DOCX package from the XML of its parts (what Word needs to open it, plus the parts
/// given), so fixtures are code, not binaries.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    for (name, body) in [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
    ]
    .into_iter()
    .chain(parts.iter().copied())
    {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

fn para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn item(level: usize, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="a3"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A Chinese résumé as WPS and Word write them: heading styles with numeric ids whose names
/// are `标题 1`/`heading 2`, the contact block in a table, the work history in a text box
/// (written twice, as DrawingML and as its VML fallback), and a table of projects.
fn chinese_docx() -> Vec<u8> {
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/></w:style><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题"/></w:style></w:styles>"#
    );
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", para("a0", t));
    let contact = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("电话"),
        cell("138-0000-1234"),
        cell("邮箱"),
        cell("lin@example.com")
    );
    let boxed = [
        para("2", "杭州云启科技有限公司"),
        para("a0", "基础架构部经理 | 2019.07 - 至今"),
        item(0, "负责Kubernetes集群与CI/CD平台建设，服务 2000+ 节点"),
        item(0, "可观测性"),
        item(
            1,
            "主导 Prometheus &amp; Grafana 监控体系，p99 延迟降低 40%",
        ),
    ]
    .concat();
    let text_box = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{boxed}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{boxed}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
    );
    let projects = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr></w:tbl>",
        para("2", "日志平台"),
        para("a0", "2018.03 - 2019.06"),
        item(
            0,
            "基于 Kafka 与 ClickHouse 搭建日志检索，查询耗时从分钟级降到秒级"
        )
    );
    let body = [
        para("a5", "林思远"),
        contact,
        para("1", "工作经历"),
        text_box,
        para("1", "项目经历"),
        projects,
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    docx(&[
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
    ])
}

#[test]
fn docx_with_tables_and_text_boxes() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("林思远.docx");
    std::fs::write(&p, chinese_docx()).unwrap();
    let r = load(&p);
    assert_eq!(r.basics.name.as_deref(), Some("林思远"));
    assert_eq!(r.basics.email.as_deref(), Some("lin@example.com"));
    let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["工作经历", "项目经历"]);
    let work = &r.sections[0].entries[0];
    assert_eq!(work.organisation.as_deref(), Some("杭州云启科技有限公司"));
    assert!(work.dates.is_some(), "{work:?}");
    // The text box is read once (not again from its VML fallback), nesting kept.
    assert_eq!(
        tree(&r),
        [
            (
                0,
                "负责Kubernetes集群与CI/CD平台建设，服务 2000+ 节点".to_string()
            ),
            (0, "可观测性".to_string()),
            (
                1,
                "主导 Prometheus & Grafana 监控体系，p99 延迟降低 40%".to_string()
            ),
            (
                0,
                "基于 Kafka 与 ClickHouse 搭建日志检索，查询耗时从分钟级降到秒级".to_string()
            ),
        ]
    );
    // And the binary matches it against a posting.
    matches_zh(t.path(), &p);
}

/// jdfit's own DOCX output, read back, gives the source's bullets, nesting included.
#[test]
fn docx_round_trip_keeps_every_bullet() {
    let t = tempfile::tempdir().unwrap();
    for src in [
        SEED,
        "corpus/resume-zh.md",
        "corpus/frontend-en.md",
        "corpus/backend-en.txt",
        "corpus/data-analyst-en.json",
    ] {
        let source = load(&root().join(src));
        let bytes = jdfit::render::docx::resume(&source).unwrap();
        let p = t.path().join("back.docx");
        std::fs::write(&p, bytes).unwrap();
        let back = load(&p);
        assert_eq!(tree(&back), tree(&source), "{src}");
        assert_eq!(back.basics.name, source.basics.name, "{src}");
        let headings = |r: &Resume| {
            r.sections
                .iter()
                .map(|s| s.heading.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(headings(&back), headings(&source), "{src}");
    }
}

/// `tailor -f docx` read back has the bullets `tailor -f markdown` has.
#[test]
fn tailored_docx_reads_back() {
    let t = tempfile::tempdir().unwrap();
    let mut trees = Vec::new();
    for (format, name) in [("docx", "t.docx"), ("md", "t.md")] {
        let out = t.path().join(name);
        let args = ["tailor", "-r", SEED, SRE_EN, "-f", format, "-o"].map(os);
        ok(t.path(), &[&args[..], &[out.as_os_str()]].concat(), None);
        trees.push(tree(&load(&out)));
    }
    assert!(!trees[0].is_empty());
    assert_eq!(trees[0], trees[1]);
}

/// `tests/fixtures/resumes/libreoffice-en.docx` was written by LibreOffice from HTML (see
/// `tests/fixtures/README.md`): real Word numbering and heading styles from another tool.
#[test]
fn libreoffice_docx() {
    let r = load(&root().join("tests/fixtures/resumes/libreoffice-en.docx"));
    assert_eq!(r.basics.name.as_deref(), Some("Sam Lee"));
    let html = load(&root().join("tests/fixtures/resumes/libreoffice-en.html"));
    assert!(!tree(&html).is_empty());
    assert_eq!(tree(&r), tree(&html));
}

/// jdfit's HTML and DOCX of each `(name, source)` résumé, written into `dir`.
fn html_and_docx(sources: &[(&str, &str)], dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (name, src) in sources {
        let r = load(&root().join(src));
        let html = dir.join(format!("{name}-html.html"));
        std::fs::write(&html, jdfit::render::html::resume(&r, None)).unwrap();
        let docx = dir.join(format!("{name}-docx.docx"));
        std::fs::write(&docx, jdfit::render::docx::resume(&r).unwrap()).unwrap();
        files.extend([html, docx]);
    }
    files
}

/// LibreOffice converts `files` with the export `filter` into `out`.
fn convert(soffice: &Path, filter: &str, files: &[PathBuf], out: &Path, home: &Path) {
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(out)
        .args(files)
        .env("HOME", home)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// jdfit's HTML and DOCX of each `(name, source)` résumé, saved by LibreOffice with the
/// export `filter` as `.ext`, read back with the source's bullets and nesting (all of them;
/// the issue's measure is 95% recovered exactly).
fn libreoffice_round_trip(sources: &[(&str, &str)], filter: &str, ext: &str) {
    let Some(soffice) = tool("soffice", "LibreOffice") else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let (inputs, outputs) = (t.path().join("in"), t.path().join("out"));
    std::fs::create_dir_all(&inputs).unwrap();
    let files = html_and_docx(sources, &inputs);
    convert(&soffice, filter, &files, &outputs, t.path());
    for (name, src) in sources {
        let want = tree(&load(&root().join(src)));
        for kind in ["html", "docx"] {
            let got = tree(&load(&outputs.join(format!("{name}-{kind}.{ext}"))));
            assert_eq!(got, want, "{src} via LibreOffice's {ext} from {kind}");
        }
    }
}

/// DOCX written by another producer: LibreOffice converts jdfit's HTML rendering of each
/// corpus résumé, and re-saves jdfit's own DOCX.
#[test]
fn libreoffice_documents_read_back() {
    let sources = [
        ("seed", SEED),
        ("seedmd", "corpus/resume-zh.md"),
        ("frontend", "corpus/frontend-en.md"),
        ("backend", "corpus/backend-en.txt"),
    ];
    libreoffice_round_trip(&sources, "docx:MS Word 2007 XML", "docx");
}

/// ODT, LibreOffice's own format, saved from jdfit's HTML and DOCX.
#[test]
fn libreoffice_odt_reads_back() {
    let sources = [
        ("seed", SEED),
        ("frontend", "corpus/frontend-en.md"),
        ("backend", "corpus/backend-en.txt"),
    ];
    libreoffice_round_trip(&sources, "odt:writer8", "odt");
}

/// A damaged or mislabelled ODT is one line naming the file, exit 2.
#[test]
fn damaged_odt_is_one_error() {
    let t = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = t.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let mime = ("mimetype", "application/vnd.oasis.opendocument.text");
    let cases = [
        (
            write("empty.odt", &docx(&[mime])),
            "empty.odt: a ZIP archive without content.xml: not an ODT document",
        ),
        (
            write(
                "bad.odt",
                &docx(&[
                    mime,
                    (
                        "content.xml",
                        "<office:document-content><office:body><office:text><text:p></office:text>",
                    ),
                ]),
            ),
            "bad.odt: damaged ODT file: malformed XML",
        ),
        (
            write("text.odt", b"just text"),
            "text.odt: named .odt but not an ODT package",
        ),
    ];
    for (path, want) in &cases {
        fails(&[os("match"), os("-r"), path.as_os_str(), os(SRE_EN)], want);
    }
}

#[test]
fn damaged_documents_are_one_error() {
    let t = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = t.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    };
    let truncated = chinese_docx();
    let cases: Vec<(String, &str)> = vec![
        (
            write("cut.docx", &truncated[..truncated.len() / 2]),
            "cut.docx: damaged DOCX file",
        ),
        (
            write("nodoc.docx", &docx(&[("word/other.xml", "<x/>")])),
            "without word/document.xml",
        ),
        (
            write(
                "badxml.docx",
                &docx(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]),
            ),
            "badxml.docx: damaged DOCX file: malformed XML",
        ),
        (
            write("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00rest"),
            "legacy Word .doc",
        ),
        (write("text.docx", b"just text"), "not a DOCX package"),
    ];
    for (path, want) in &cases {
        fails(&[os("match"), os("-r"), os(path), os(SRE_EN)], want);
    }
}

/// A document part that inflates past the limit is refused, not read into memory.
#[test]
fn zip_bomb_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..=(jdfit::parse::docx::MAX_XML_BYTES >> 20) {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("bomb.docx");
    std::fs::write(&p, bytes).unwrap();
    fails(
        &[os("match"), os("-r"), p.as_os_str(), os(SRE_EN)],
        "bomb.docx: word/document.xml inflates to over 50 MiB",
    );
}

#[test]
fn flattened_english_text_reads_as_sentences() {
    let p = root().join("tests/fixtures/resumes/loose-flattened-en.txt");
    let r = load(&p);
    let bullets: Vec<String> = tree(&r).into_iter().map(|(_, t)| t).collect();
    assert!(
        bullets.contains(&"Fluent in Python, SQL and Bash; comfortable with Linux servers.".into()),
        "{bullets:#?}"
    );
    assert!(
        bullets.contains(&"Migrated 40 legacy Excel models to a PostgreSQL warehouse.".into()),
        "{bullets:#?}"
    );
    // Every bullet is text of the file as written.
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        bullets.iter().all(|b| text.contains(b.as_str())),
        "{bullets:#?}"
    );
    assert_eq!(r.warnings, [jdfit::parse::text::LOOSE_NOTE]);
}

#[test]
fn chinese_bio_reads_as_sentences() {
    let p = root().join("tests/fixtures/resumes/loose-bio-zh.txt");
    let r = load(&p);
    assert_eq!(r.basics.name.as_deref(), Some("林思远"));
    let bullets: Vec<String> = tree(&r).into_iter().map(|(_, t)| t).collect();
    assert_eq!(bullets.len(), 4, "{bullets:#?}");
    assert_eq!(
        bullets[2],
        "2013年7月至2019年12月任该公司基础架构部经理，负责Kubernetes集群与CI/CD平台建设。"
    );
    assert_eq!(r.warnings.len(), 1);
    let t = tempfile::tempdir().unwrap();
    matches_zh(t.path(), &p);
}

/// The real layouts in `../shared` (when present): every Kaggle résumé and every bio is
/// read with bullets.
#[test]
fn shared_plain_text_resumes_all_read() {
    let shared = root().join("../shared/data/resumes");
    if !shared.exists() {
        skip(&format!("{} is absent", shared.display()));
        return;
    }
    for (dir, want) in [("en/kaggle_updated_resume", 25), ("zh/resumener", 30)] {
        let files: Vec<PathBuf> = std::fs::read_dir(shared.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        assert_eq!(files.len(), want, "{dir}");
        let read: Vec<String> = files
            .iter()
            .filter_map(|p| match jdfit::parse::load_resume(p, None) {
                Ok(r) if !r.leaves().is_empty() => None,
                Ok(_) => Some(format!("{}: no bullets", p.display())),
                Err(e) => Some(e.to_string()),
            })
            .collect();
        assert!(read.is_empty(), "{dir}: {read:#?}");
    }
}

#[test]
fn posting_given_as_resume_says_swapped() {
    fails(
        &[
            os("match"),
            os("-r"),
            os("tests/fixtures/resumes/posting-as-resume.txt"),
            os(SRE_ZH),
        ],
        "swapped",
    );
    // And the real postings, every one, read as a résumé.
    for dir in ["jobs/en", "jobs/zh"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if let Err(e) = jdfit::parse::load_resume(&p, None) {
                assert!(e.to_string().contains("swapped"), "{e}");
            }
        }
    }
}

const SAVED_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Careers</title>
<style>.x{color:red}</style><script>window.dataLayer=[];</script></head>
<body><header><nav><a href="/">Home</a><a href="/jobs">All jobs</a></nav></header>
<main><h1>Senior Site Reliability Engineer</h1>
<p>We run payments infrastructure across three regions.</p>
<h2>Responsibilities</h2>
<ul><li>Own the reliability of our Kubernetes platform</li><li>Build observability with Prometheus &amp; Grafana</li></ul>
<h2>Requirements</h2>
<ul><li>5+ years operating production systems</li><li>Strong Go or Python</li></ul>
</main><footer>Privacy &middot; Cookies</footer></body></html>"#;

#[test]
fn html_posting_reads_main_text() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("saved.html");
    std::fs::write(&p, SAVED_PAGE).unwrap();
    let json = ["match", "-r", SEED, "--format", "json"].map(os);
    let text = ok(t.path(), &[&json[..], &[p.as_os_str()]].concat(), None);
    for junk in ["<li>", "dataLayer", "All jobs", "Cookies", "&amp;"] {
        assert!(!text.contains(junk), "{junk}: {text}");
    }
    assert!(text.contains("Senior Site Reliability Engineer"), "{text}");
    // Read from standard input by its content.
    let piped = ok(
        t.path(),
        &[&json[..], &[os("-")]].concat(),
        Some(SAVED_PAGE),
    );
    assert!(!piped.contains("dataLayer"));
    // A folder of saved pages is a batch input.
    std::fs::copy(root().join(SRE_EN), t.path().join("plain.txt")).unwrap();
    let rows = ok(
        t.path(),
        &[
            os("batch"),
            os("-r"),
            os(SEED),
            t.path().as_os_str(),
            os("--format"),
            os("jsonl"),
        ],
        None,
    );
    assert_eq!(rows.lines().count(), 2, "{rows}");
}

/// jdfit's own HTML résumé, read back, gives the source's bullets.
#[test]
fn html_resume_round_trip() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("t.html");
    let md = t.path().join("t.md");
    for (format, path) in [("html", &out), ("md", &md)] {
        let args = ["tailor", "-r", SEED, SRE_EN, "-f", format, "-o"].map(os);
        ok(t.path(), &[&args[..], &[path.as_os_str()]].concat(), None);
    }
    let leaves = |r: &Resume| {
        r.leaves()
            .iter()
            .map(|l| l.bullet.text.clone())
            .collect::<Vec<_>>()
    };
    let back = load(&out);
    assert!(!leaves(&back).is_empty());
    assert_eq!(leaves(&back), leaves(&load(&md)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn docx_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = jdfit::parse::docx::to_text(Path::new("x.docx"), &bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        let _ = jdfit::parse::docx::to_text(Path::new("x.docx"), &zipped);
    }

    #[test]
    fn docx_xml_reader_never_panics(xml in "(<w:(p|t|r|tbl|tr|tc|txbxContent|numPr|ilvl|pStyle)( w:val=\"[0-9a]\")?/?>|</w:(p|t|r|tbl|tr|tc|txbxContent)>|[a-z &;#]{0,3}){0,40}") {
        let bytes = docx(&[("word/document.xml", &xml)]);
        let _ = jdfit::parse::docx::to_text(Path::new("x.docx"), &bytes);
    }

    /// Arbitrary ODT markup reads as text or as malformed XML: never a panic, which the
    /// reader would contain and report as "could not be read".
    #[test]
    fn odt_xml_reader_never_panics(xml in "(<(text|table|office|draw):(p|h|s|tab|line-break|list|list-item|table|table-row|table-cell|text|body|frame|text-box|note|span)( text:(c|outline-level|style-name)=\"[0-9a]{0,2}\")?/?>|</(text|table|office|draw):(p|h|list|list-item|table|table-row|table-cell|text|body|frame|text-box|note|span)>|[a-z &;#]{0,3}){0,40}") {
        let content = format!("<office:document-content><office:body><office:text>{xml}</office:text></office:body></office:document-content>");
        let bytes = docx(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", &content)]);
        if let Err(e) = jdfit::parse::odt::to_text(Path::new("x.odt"), &bytes) {
            prop_assert!(!e.to_string().contains("could not be read"), "{e}");
        }
    }

    #[test]
    fn html_reader_never_panics(s in "(<(/)?(p|li|ul|ol|h[1-6]|table|tr|td|br|script|nav|main|pre)>|[a-z &;#<>]{0,4}){0,60}") {
        let _ = jdfit::parse::html::posting_text(&s);
        let _ = jdfit::parse::html::resume_text(&s);
    }

    #[test]
    fn html_reader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let _ = jdfit::parse::html::posting_text(&String::from_utf8_lossy(&bytes));
    }
}

/// `jdfit resume` of a Word résumé: the document it was converted from, the contact details
/// from its table, the entry from its text box, every bullet with its id.
#[test]
fn resume_view_of_a_docx() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("cv.docx");
    std::fs::write(&p, chinese_docx()).unwrap();
    let out = ok(
        t.path(),
        &[os("resume"), p.as_os_str(), os("--format"), os("json")],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "markdown (from DOCX)");
    assert_eq!(v["basics"]["name"], "林思远");
    assert_eq!(v["basics"]["email"], "lin@example.com");
    assert_eq!(
        v["bullets"], 3,
        "leaves: the group heading 可观测性 is not one"
    );
    let work = &v["sections"][0]["entries"][0];
    assert_eq!(work["organisation"], "杭州云启科技有限公司");
    assert_eq!(work["bullets"][1]["children"][0]["id"], "s1e1b2.1");
    let text = ok(t.path(), &[os("resume"), p.as_os_str()], None);
    assert!(text.contains("[read as markdown (from DOCX)"), "{text}");
}
