//! HTML postings and résumés (a page saved from a browser): the main text only. Headings
//! (`h1`–`h6`), list items (`li`, nesting kept), paragraphs, table rows and line breaks
//! become lines; scripts, styles, forms, navigation and the page's own header and footer are
//! dropped; entities are decoded by the tokenizer (`html5gum`, a WHATWG tokenizer that
//! never fails on tag soup). The lines are then read by the text or Markdown parser.

use super::blocks::{emit_row, render, tidy, Block, Kind};
use crate::parse::InputFormat;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::path::Path;

/// Elements whose content is never the text of a posting or a résumé.
const DROPPED: &[&[u8]] = &[
    b"head",
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"svg",
    b"math",
    b"nav",
    b"form",
    b"button",
    b"select",
    b"iframe",
    b"object",
];

/// Dropped only outside `main` and `article`: the site's banner and footer, not an
/// article's own header (where a job page may put the title). A résumé page keeps its
/// header: there it holds the person's name and contact details.
const PAGE_CHROME: &[&[u8]] = &[b"header", b"footer"];

/// Elements that end a line of text.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"div",
    b"section",
    b"article",
    b"main",
    b"aside",
    b"body",
    b"blockquote",
    b"pre",
    b"dl",
    b"dt",
    b"dd",
    b"hr",
    b"figure",
    b"figcaption",
    b"address",
    b"center",
    b"header",
    b"footer",
    b"caption",
];

/// Elements that never have an end tag: a start tag of one opens nothing.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr",
];

/// Whether the text at `path` is an HTML page: named `.html`/`.htm`, or starting with a
/// doctype or an `<html>` tag.
pub fn looks_like_html(path: &Path, text: &str) -> bool {
    let named = path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == "html" || e == "htm" || e == "xhtml"
    });
    let head: String = text
        .trim_start()
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    named || head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The text of a posting that is an HTML fragment, as job boards export descriptions
/// (`<p>…</p><h3>Requirements</h3><ul><li>…`, some escaped once more: `&lt;p&gt;…`), read
/// as [`posting_text`] reads a page; `None` for a posting that is not one. Read as plain
/// text, its tags became terms (`h3`, `ul`, `li`) and its headings were lost in one line.
/// Two tags of the elements a description is written with make a fragment: a stray `<`
/// (`C<T>`, `x < y`) never does. A text of several lines is a fragment only when a third of
/// them open with a tag: a plain posting that names tags ("Semantic HTML: when to use `<ul>`
/// and `<li>`") keeps its lines, its title and its headings.
pub fn fragment_text(text: &str) -> Option<String> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)</?(?:p|br|li|ul|ol|div|h[1-6]|strong|b|em|i|u|span|table|tr|td|th|section|blockquote|a)(?:\s[^<>]*)?/?>",
        )
        .expect("tag pattern")
    });
    let is_fragment = |t: &str| {
        if TAG.find_iter(t).nth(1).is_none() {
            return false;
        }
        let (mut lines, mut tagged) = (0usize, 0usize);
        for l in t.lines().map(str::trim).filter(|l| !l.is_empty()) {
            lines += 1;
            tagged += usize::from(l.starts_with('<') || l.starts_with("&lt;"));
        }
        lines <= 2 || tagged * 3 >= lines
    };
    if text.contains('<') {
        return is_fragment(text).then(|| posting_text(text));
    }
    if text.contains("&lt;") {
        let once = html_escape::decode_html_entities(text);
        return is_fragment(&once).then(|| posting_text(&once));
    }
    None
}

/// The main text of an HTML page as a posting reads it: plain lines, headings alone on
/// theirs, list items marked `- `.
pub fn posting_text(html: &str) -> String {
    render(&read_blocks(html, false), true).0
}

/// The main text of an HTML résumé, with the format it is in: Markdown when the page has
/// headings below its title, plain text otherwise.
pub fn resume_text(html: &str) -> (String, InputFormat) {
    render(&read_blocks(html, true), false)
}

/// The reader's state while walking the tokens.
#[derive(Default)]
struct Walk {
    /// Open dropped elements (their content is skipped).
    dropped: Vec<Vec<u8>>,
    /// Whether `form` content is read (see [`read_blocks`]).
    keep_forms: bool,
    /// Whether the page's `header` is read (a résumé's; see [`PAGE_CHROME`]).
    keep_header: bool,
    /// Depth inside `main` or `article`.
    in_main: usize,
    text: String,
    heading: Option<u8>,
    seen_title: bool,
    lists: usize,
    items: Vec<usize>,
    pre: usize,
    /// Where finished lines go: the page, or the table cells being read.
    sinks: Vec<Vec<Block>>,
    /// For each open table, the cells of its current row.
    rows: Vec<Vec<Vec<Block>>>,
}

impl Walk {
    /// Ends the current line, as a heading, an item or a paragraph by where it is.
    fn flush(&mut self) {
        let text = tidy(&std::mem::take(&mut self.text));
        if text.is_empty() {
            return;
        }
        let kind = match (self.heading, self.items.last()) {
            (Some(1), _) if !self.seen_title => {
                self.seen_title = true;
                Kind::Title
            }
            (Some(l), _) => Kind::Heading(l),
            (None, Some(&l)) => Kind::Item(l.min(super::MAX_DEPTH)),
            (None, None) => Kind::Body,
        };
        self.sinks
            .last_mut()
            .expect("page")
            .push(Block { kind, text });
    }

    fn start(&mut self, name: &[u8], self_closing: bool) {
        if !self.dropped.is_empty()
            || (DROPPED.contains(&name) && !(self.keep_forms && name == b"form"))
            || (PAGE_CHROME.contains(&name)
                && self.in_main == 0
                && !(self.keep_header && name == b"header"))
        {
            if !self_closing && !VOID.contains(&name) {
                self.dropped.push(name.to_vec());
            }
            return;
        }
        match name {
            b"main" | b"article" => {
                self.flush();
                self.in_main += 1;
            }
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
                self.flush();
                self.heading = Some(name[1] - b'0');
            }
            b"ul" | b"ol" => {
                self.flush();
                self.lists += 1;
            }
            b"li" => {
                self.flush();
                self.items.push(self.lists.saturating_sub(1));
            }
            b"br" => self.text.push('\n'),
            b"table" => {
                self.flush();
                self.rows.push(Vec::new());
            }
            b"tr" => {
                self.flush();
                if let Some(r) = self.rows.last_mut() {
                    r.clear();
                }
            }
            b"td" | b"th" if !self.rows.is_empty() => {
                self.flush();
                self.sinks.push(Vec::new());
            }
            b"pre" => {
                self.flush();
                self.pre += 1;
            }
            _ if BLOCKS.contains(&name) => {
                // A block inside an unclosed heading ends the heading.
                self.flush();
                self.heading = None;
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if !self.dropped.is_empty() {
            // Close back to the matching open element: tag soup leaves `li` and `p` open
            // inside a `nav`, and its end tag must still end the dropped part.
            if let Some(at) = self.dropped.iter().rposition(|n| n.as_slice() == name) {
                self.dropped.truncate(at);
            }
            return;
        }
        match name {
            b"main" | b"article" => {
                self.flush();
                self.in_main = self.in_main.saturating_sub(1);
            }
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
                self.flush();
                self.heading = None;
            }
            b"ul" | b"ol" => {
                self.flush();
                self.lists = self.lists.saturating_sub(1);
                // Items left open (`<li>` without `</li>`) end with their list.
                let lists = self.lists;
                self.items.retain(|&l| l < lists);
            }
            b"li" => {
                self.flush();
                self.items.pop();
            }
            b"td" | b"th" if self.sinks.len() > 1 => {
                self.flush();
                let cell = self.sinks.pop().expect("cell");
                match self.rows.last_mut() {
                    Some(row) => row.push(cell),
                    None => self.sinks.last_mut().expect("page").extend(cell),
                }
            }
            b"tr" => {
                self.flush();
                if let Some(row) = self.rows.last_mut() {
                    let cells = std::mem::take(row);
                    emit_row(cells, self.sinks.last_mut().expect("page"));
                }
            }
            b"table" => {
                self.flush();
                self.rows.pop();
            }
            b"pre" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn chars(&mut self, s: &str) {
        if !self.dropped.is_empty() {
            return;
        }
        if self.pre > 0 {
            self.text.push_str(s);
        } else {
            // Source line breaks are spaces in HTML; only `<br>` and blocks end lines.
            self.text
                .extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
        }
    }
}

/// The page's lines in reading order; `resume` keeps the page's header.
fn read_blocks(html: &str, resume: bool) -> Vec<Block> {
    let blocks = read_blocks_with(html, false, resume);
    // A page whose every word is inside a form (ASP.NET WebForms wraps the whole page in
    // one) is read with its forms: a form is dropped as a search box or an application
    // form beside the text, not as the text itself.
    if blocks.iter().all(|b| b.text.trim().is_empty()) && html.contains("<form") {
        return read_blocks_with(html, true, resume);
    }
    blocks
}

/// [`read_blocks`], reading `form` content or not.
fn read_blocks_with(html: &str, keep_forms: bool, keep_header: bool) -> Vec<Block> {
    let mut emitter = DefaultEmitter::default();
    // Script and style content is raw text: without this `<` inside a script would open tags.
    emitter.naively_switch_states(true);
    let mut w = Walk {
        sinks: vec![Vec::new()],
        keep_forms,
        keep_header,
        ..Walk::default()
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(t) => {
                let name = t.name.to_ascii_lowercase();
                w.start(&name, t.self_closing);
            }
            Token::EndTag(t) => {
                let name = t.name.to_ascii_lowercase();
                w.end(&name);
            }
            Token::String(s) => w.chars(&String::from_utf8_lossy(&s.value)),
            _ => {}
        }
    }
    w.flush();
    while w.sinks.len() > 1 {
        let cell = w.sinks.pop().expect("cell");
        w.sinks.last_mut().expect("page").extend(cell);
    }
    w.sinks.pop().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_wrapped_in_one_form_is_read() {
        // ASP.NET WebForms pages put everything inside one form: it read as an empty posting.
        let page = "<!DOCTYPE html><html><body><form method=\"post\" action=\"./Job.aspx\">\n<h1>Senior SRE</h1>\n<h3>Requirements</h3><ul><li>5+ years operating Kubernetes.</li></ul>\n</form></body></html>";
        let text = posting_text(page);
        assert!(text.contains("- 5+ years operating Kubernetes."), "{text}");
        // A form beside the text is still dropped.
        let beside = "<html><body><p>We build payments.</p><form><p>Search jobs</p><input name=q></form></body></html>";
        let text = posting_text(beside);
        assert!(
            text.contains("We build payments.") && !text.contains("Search"),
            "{text}"
        );
    }

    #[test]
    fn an_exported_html_description_is_a_fragment_and_stray_brackets_are_not() {
        let html = "<p>We build payments.</p><ul><li>5+ years of Java</li></ul>";
        let text = fragment_text(html).unwrap();
        assert!(text.contains("We build payments."), "{text}");
        assert!(text.contains("- 5+ years of Java"), "{text}");
        assert!(!text.contains('<'), "{text}");
        let escaped = "&lt;p&gt;We build payments.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go &amp;amp; Rust&lt;/li&gt;&lt;/ul&gt;";
        assert!(fragment_text(escaped).unwrap().contains("- Go & Rust"));
        // Lines of markup, one element a line, are a fragment too.
        let lined =
            "<h3>Requirements</h3>\n<ul>\n<li>5+ years of Java</li>\n<li>Kafka</li>\n</ul>\n";
        assert!(fragment_text(lined).unwrap().contains("- Kafka"));
        for plain in [
            "Frontend Engineer\ncompany: Example Co\n\nRequirements\n- React and TypeScript.\n- Semantic HTML: when to use <ul> and <li> rather than <div> and <p>.\n- GraphQL.\n",
            "Requirements\n- C++ templates (std::vector<T>) and x < y",
            "Use <b> once",
            "Salary &lt; 100k",
            "Plain posting text",
        ] {
            assert_eq!(fragment_text(plain), None, "{plain}");
        }
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Jobs | Acme</title><style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav></header>
<script>var x = "<p>not text</p>";</script>
<main><article><header><h1>Senior Site Reliability Engineer</h1></header>
<p>Acme builds payment rails &amp; more.<br>Remote, EU time zones.</p>
<h2>Requirements</h2>
<ul><li>5+ years of Go or Rust</li>
<li>Kubernetes &mdash; <b>in production</b>
  <ul><li>Helm &amp; Argo CD</li></ul></li></ul>
<h2>岗位职责</h2><ol><li>负责K8s集群运维，p99 latency 降低 40%</li></ol>
<form><input name="q"><button>Apply</button></form>
</article></main>
<footer>© 2026 Acme · Privacy</footer></body></html>"#;

    #[test]
    fn posting_main_text_only() {
        let t = posting_text(PAGE);
        assert_eq!(
            t,
            "\nSenior Site Reliability Engineer\n\nAcme builds payment rails & more.\nRemote, EU time zones.\n\nRequirements\n\n- 5+ years of Go or Rust\n- Kubernetes — in production\n  - Helm & Argo CD\n\n岗位职责\n\n- 负责K8s集群运维，p99 latency 降低 40%\n"
        );
    }

    #[test]
    fn resume_as_markdown() {
        let (t, f) = resume_text(
            "<html><body><h1>Ada</h1><p>ada@example.com</p><h2>Work</h2><h3>ACME</h3><ul><li>Built *things* &lt;fast&gt;</li></ul></body></html>",
        );
        assert_eq!(f, InputFormat::Markdown);
        let r = crate::parse::markdown::parse(&t);
        assert_eq!(r.basics.name.as_deref(), Some("Ada"));
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("ACME"));
        assert_eq!(e.bullets[0].text, "Built *things* <fast>");
    }

    #[test]
    fn a_resume_pages_header_holds_its_name_and_contacts() {
        // A posting page's header is the site's banner; a résumé page's is the person: it
        // was dropped, and "Experience" became the name.
        let page = "<html><body><header><h1>Jane Doe</h1><p>jane@example.com</p></header><section><h2>Experience</h2><h3>Acme - SRE</h3><p>2019 - 2023</p><ul><li>Ran Kubernetes clusters for 200 services</li></ul></section><footer>© 2026 Jane Doe</footer></body></html>";
        let (t, f) = resume_text(page);
        assert_eq!(f, InputFormat::Markdown);
        let r = crate::parse::markdown::parse(&t);
        assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
        assert_eq!(r.basics.email.as_deref(), Some("jane@example.com"));
        assert_eq!(r.sections[0].kind, crate::model::SectionKind::Experience);
        assert_eq!(r.sections[0].entries[0].bullets.len(), 1);
        assert!(!t.contains("© 2026"), "{t}");
        // The same header on a posting page is still the site's.
        assert!(!posting_text(page).contains("jane@example.com"));
    }

    #[test]
    fn tag_soup_closes_what_it_left_open() {
        let t = posting_text(
            "<nav><ul><li>Home<li>Jobs</ul></nav><h2>Requirements<p>Go</p><ul><li>Rust<li>SQL</ul><p>After the list",
        );
        assert_eq!(t, "\nRequirements\n\nGo\n- Rust\n- SQL\nAfter the list\n");
    }

    #[test]
    fn detection() {
        assert!(looks_like_html(Path::new("a.HTM"), "x"));
        assert!(looks_like_html(Path::new("a.txt"), "\n <!DOCTYPE html><p>"));
        assert!(looks_like_html(Path::new("-"), "<html lang=zh>"));
        assert!(!looks_like_html(Path::new("a.txt"), "<b>Go</b> engineer"));
    }

    #[test]
    fn jobs_set_apart_by_layout_alone_are_entries() {
        // Each job a table row, or a bold name and dates over an italic role: every job had
        // been one entry with the headers as notes, and 0.0 years of experience.
        use crate::parse::test_view::entries_of;
        let read = |page: &str| crate::parse::markdown::parse(&resume_text(page).0);
        let table = read("<html><body><h1>陈静</h1><p>chenjing@example.com</p><h2>工作经历</h2><table><tr><td>2020.03-至今</td><td>美团</td><td>前端工程师</td></tr></table><ul><li>负责外卖商家端 React 应用开发</li></ul><table><tr><td>2017.07-2020.02</td><td>网易</td><td>Java 开发工程师</td></tr></table><ul><li>参与网易云音乐 Web 版开发</li></ul><h2>教育背景</h2><p>2013.09-2017.06 武汉大学 软件工程 本科</p></body></html>");
        assert_eq!(
            entries_of(&table),
            [
                (
                    [Some("美团"), Some("前端工程师"), Some("2020.03-至今")],
                    vec!["负责外卖商家端 React 应用开发"]
                ),
                (
                    [
                        Some("网易"),
                        Some("Java 开发工程师"),
                        Some("2017.07-2020.02")
                    ],
                    vec!["参与网易云音乐 Web 版开发"]
                ),
                (
                    [
                        Some("武汉大学 软件工程 本科"),
                        None,
                        Some("2013.09-2017.06")
                    ],
                    vec![]
                ),
            ]
        );
        let bold = read("<html><body><div>Kevin Zhao</div><div>kevin@example.com</div><section><h2>WORK EXPERIENCE</h2><div class=\"job\"><span><b>Pinterest</b></span> <span>2019 - 2022</span><br><i>Software Engineer</i><ul><li>Built home feed ranking features</li></ul></div><div class=\"job\"><span><b>LinkedIn</b></span> <span>2016 - 2019</span><br><i>Associate Engineer</i><ul><li>Worked on the People You May Know service</li></ul></div></section></body></html>");
        assert_eq!(
            entries_of(&bold),
            [
                (
                    [
                        Some("Pinterest"),
                        Some("Software Engineer"),
                        Some("2019 - 2022")
                    ],
                    vec!["Built home feed ranking features"]
                ),
                (
                    [
                        Some("LinkedIn"),
                        Some("Associate Engineer"),
                        Some("2016 - 2019")
                    ],
                    vec!["Worked on the People You May Know service"]
                ),
            ]
        );
    }

    #[test]
    fn tables_rows_are_lines() {
        let t = posting_text("<table><tr><td>Location</td><td>Berlin</td></tr><tr><td>Salary</td><td>€90k</td></tr></table>");
        assert_eq!(t, "Location | Berlin\nSalary | €90k\n");
    }
}
