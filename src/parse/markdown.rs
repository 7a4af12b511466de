//! Markdown résumés: `#` name, contact lines under it, `##` sections, `###` entries with a
//! title line and a `location | dates` line, nested `-` lists as bullets. Real-world variants
//! (bold titles, links, italic date lines, loose lists) are read by their text.

use super::dates;
use crate::model::{Bullet, Entry, Link, Resume, Section, SectionKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Default)]
struct State {
    resume: Resume,
    /// Inline text being collected (heading, paragraph line, list item).
    buf: String,
    /// Lines of the current paragraph.
    para: Vec<String>,
    /// Open list items: text collected so far, finished children and the item's links.
    items: Vec<(String, Vec<Bullet>, Vec<Link>)>,
    /// Finished top-level bullets waiting to be attached to the current entry.
    heading: Option<HeadingLevel>,
    seen_name: bool,
    /// Links in the heading being read: where each one's text starts in `buf`, then its text
    /// and address once closed.
    link_open: Option<(usize, String)>,
    heading_links: Vec<(String, String)>,
    /// Open images: their alt text is a picture's caption, not words of the résumé
    /// (`caching![diagram](img.png)` read as "cachingdiagram").
    images: usize,
    /// Strong (bold) text in the heading being read, the same way.
    strong_open: Option<usize>,
    heading_strong: Vec<String>,
    /// Strong text opening the paragraph being read (`**Airbnb** | Staff Designer | 2019 -
    /// Present`): with dates, the paragraph heads an entry as a `###` heading would.
    para_strong: Option<String>,
    /// The employer of the roles under a `###` heading that names it alone (`### Google,
    /// Mountain View`, then `**Senior Software Engineer** · 2021 – Present` and the next
    /// role): each role is an entry of that employer.
    employer: Option<String>,
    /// The organisation of the last entry headed by its employer in this section (a `###`
    /// heading, a bold or a dated line naming more than a role): a role that follows with
    /// its own dates and no employer of its own is another role there.
    named_org: Option<String>,
    /// The text of the `###` heading just read, when it was split into an organisation and
    /// a title: a title line right under it shows the heading named the organisation alone
    /// (`### Engineers Without Borders — Portland Chapter`, then `Volunteer Engineer`).
    split_heading: Option<String>,
    /// Whether a paragraph outside lists is being read, and the links read in it: they go
    /// to the entry a line of it heads, or else to the entry its lines are notes of.
    in_para: bool,
    para_links: Vec<Link>,
    /// The first web address linked above the first section (a contact line's link whose
    /// text is not the address itself).
    contact_url: Option<String>,
}

impl State {
    fn section(&mut self) -> &mut Section {
        if self.resume.sections.is_empty() {
            self.resume.sections.push(Section {
                kind: SectionKind::Other,
                heading: String::new(),
                entries: Vec::new(),
            });
        }
        self.resume.sections.last_mut().expect("section")
    }

    fn entry(&mut self) -> &mut Entry {
        let s = self.section();
        if s.entries.is_empty() {
            s.entries.push(Entry::default());
        }
        s.entries.last_mut().expect("entry")
    }

    fn take_buf(&mut self) -> String {
        let t = std::mem::take(&mut self.buf);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn end_heading(&mut self, level: HeadingLevel) {
        let text = self.take_buf();
        self.employer = None;
        self.named_org = None;
        self.split_heading = None;
        match level {
            HeadingLevel::H1 if !self.seen_name => {
                self.seen_name = true;
                self.resume.basics.name = Some(text);
            }
            HeadingLevel::H1 | HeadingLevel::H2 => self.resume.sections.push(Section {
                kind: SectionKind::from_heading(&text),
                heading: text,
                entries: Vec::new(),
            }),
            _ => {
                let links = std::mem::take(&mut self.heading_links);
                let strong = std::mem::take(&mut self.heading_strong);
                let (entry, named) = dated_entry_named(&text, &links, &strong);
                if entry.title.is_some() && links.is_empty() {
                    self.split_heading = Some(named);
                }
                self.named_org = entry.organisation.clone();
                self.section().entries.push(entry);
            }
        }
        self.heading_links.clear();
        self.heading_strong.clear();
    }

    fn end_paragraph(&mut self) {
        let line = self.take_buf();
        if !line.is_empty() {
            self.para.push(line);
        }
        let lines = std::mem::take(&mut self.para);
        let mut links = std::mem::take(&mut self.para_links);
        if self.resume.sections.is_empty() {
            self.resume.basics.lines.extend(lines);
            return;
        }
        let kind = self.section().kind;
        let mut lines = lines;
        let entries_here = kind.is_work() || kind == SectionKind::Education;
        // `**Airbnb** | Staff Designer | 2019 - Present` (or its dates on the next line) in a
        // section of entries without `###` headings: a bold name opening a dated paragraph
        // heads the next entry, as its heading would.
        let bold = self.para_strong.take();
        if let Some(bold) = bold.as_deref() {
            let dated = |l: &String| dates::find_range(l).is_some();
            let dates_near = lines.iter().take(2).any(dated);
            if entries_here && dates_near && lines.first().is_some_and(|f| f.starts_with(bold)) {
                let first = lines.remove(0);
                self.head_entry(&first, &mut links);
            }
        }
        for line in lines {
            // Without bold, a header line of its own (`Pinterest 2019 - 2022`, a table row
            // `2020.03-至今 | 美团 | 前端工程师` read from HTML) heads the next entry once the
            // one above has its dates: résumés written without `###` headings, or converted
            // from pages and documents that set entries apart by layout alone.
            if entries_here && bold.is_none() && heads_entry(&line) && !self.awaits_dates() {
                self.head_entry(&line, &mut links);
                continue;
            }
            self.entry_line(kind, line);
        }
        if !links.is_empty() {
            self.entry().links.extend(links);
        }
    }

    /// Whether the last entry of the section is a heading still without its dates (its
    /// dates may come on the next line).
    fn awaits_dates(&mut self) -> bool {
        self.section()
            .entries
            .last()
            .is_some_and(|e| e.organisation.is_some() && e.dates.is_none() && e.bullets.is_empty())
    }

    /// Starts an entry from a dated header line that is not a `###` heading.
    /// `links` are the paragraph's: those on words of this line are the heading's.
    fn head_entry(&mut self, first: &str, links: &mut Vec<Link>) {
        self.split_heading = None;
        let (own, rest): (Vec<Link>, Vec<Link>) = links
            .drain(..)
            .partition(|l| first.contains(l.text.as_str()));
        *links = rest;
        let own: Vec<(String, String)> = own.into_iter().map(|l| (l.text, l.url)).collect();
        let mut entry = dated_entry(first, &own, &[]);
        let role_alone = entry.title.is_none()
            && entry
                .organisation
                .as_deref()
                .is_some_and(crate::model::names_a_role);
        let no_employer = self.employer.is_none();
        let section = self.section();
        // The heading above named the employer alone: no dates, no role, nothing
        // under it yet.
        let employer_above = section.entries.last().is_some_and(|e| {
            e.dates.is_none()
                && e.title.is_none()
                && e.bullets.is_empty()
                && e.notes.is_empty()
                && e.organisation.is_some()
        });
        if role_alone && no_employer && employer_above {
            let above = section.entries.pop().expect("entry above");
            self.employer = above.organisation;
        }
        if !role_alone {
            // An entry naming its own employer ends the roles of the one above.
            self.employer = None;
            self.named_org = entry.organisation.clone();
        }
        // A role alone after the roles of an employer named above is another role there.
        let last_org = self
            .section()
            .entries
            .last()
            .and_then(|e| e.organisation.clone());
        let employer = self.employer.clone().or_else(|| {
            self.named_org
                .clone()
                .filter(|h| role_alone && last_org.as_ref() == Some(h))
        });
        if let (true, Some(employer)) = (role_alone, employer) {
            entry.title = entry.organisation.take();
            entry.organisation = Some(employer);
        }
        self.section().entries.push(entry);
    }

    /// A line of a paragraph under an entry: its dates, role, place or a note.
    fn entry_line(&mut self, kind: SectionKind, line: String) {
        let split_heading = self.split_heading.take();
        let entry = self.entry();
        let fresh = entry.organisation.is_some() && entry.bullets.is_empty();
        // A title line right under a heading split into an organisation and a title that
        // names no role (`Acme | Labs`, `字节跳动 — 抖音`): the heading was the organisation,
        // written whole, as jdfit's own Markdown writes it.
        if let Some(heading) = split_heading.filter(|_| {
            fresh
                && entry.notes.is_empty()
                && kind != SectionKind::Education
                && entry
                    .title
                    .as_deref()
                    .is_some_and(|t| !crate::model::names_a_role(t))
                && line.chars().count() <= 80
                && super::text::role_head(&line)
                && !super::text::reads_as_sentence(&line)
                && dates::find_range(&line).is_none()
        }) {
            entry.organisation = Some(heading);
            entry.title = Some(line);
            return;
        }
        if fresh && entry.dates.is_none() {
            if let Some(r) = dates::find_range(&line) {
                entry.dates = Some(line[r.span.clone()].trim().to_string());
                entry.start = r.start;
                entry.end = r.end;
                let loc = line[..r.span.start]
                    .trim()
                    .trim_end_matches(['|', ',', '，', '·'])
                    .trim();
                // "Senior Backend Engineer · Austin, TX · 2019 – Present": the role, then
                // the place (jdfit's own HTML and DOCX write entries so).
                let split = [" · ", " | "].iter().find_map(|sep| loc.split_once(sep));
                match split {
                    Some((role, place))
                        if entry.title.is_none() && kind != SectionKind::Education =>
                    {
                        entry.title = Some(role.trim().to_string());
                        entry.location = Some(place.trim().to_string());
                    }
                    // "Senior Backend Engineer | Jan 2019 – Present" under `Company |
                    // City, ST`: a role, not a place.
                    _ if entry.title.is_none()
                        && kind != SectionKind::Education
                        && crate::model::names_a_role(loc)
                        && !super::is_place(loc) =>
                    {
                        entry.title = Some(loc.to_string())
                    }
                    _ if !loc.is_empty() && entry.location.is_none() => {
                        entry.location = Some(loc.to_string())
                    }
                    // A place given by the heading already: a degree or a role line.
                    _ if !loc.is_empty() => entry.notes.push(loc.to_string()),
                    _ => {}
                }
                let after = line[r.span.end..].trim().trim_start_matches('|').trim();
                if !after.is_empty() {
                    entry.notes.push(after.to_string());
                }
                return;
            }
            // An award's or a certificate's day on a line of its own under the heading, as
            // jdfit's own Markdown writes it.
            if let Some(ym) = lone_iso_date(&line) {
                entry.dates = Some(line.trim().to_string());
                entry.start = Some(ym);
                return;
            }
        }
        // A title is short and no sentence: "Led a team of five. Built Go services." is
        // the entry's paragraph (its bullets, when the résumé marks none).
        let short = line.chars().count() <= 80
            && !line.ends_with(['。', '：', ':'])
            && !super::text::reads_as_sentence(&line);
        if fresh
            && entry.title.is_none()
            && entry.notes.is_empty()
            && short
            && kind != SectionKind::Education
        {
            entry.title = Some(line);
        } else {
            entry.notes.push(line);
        }
    }
}

/// Whether a paragraph line reads as an entry's header: a date range with a name beside it,
/// short, and no sentence or labelled line ("Tech: Go, Kafka (2019 - 2021)").
fn heads_entry(line: &str) -> bool {
    let Some(r) = dates::find_range(line) else {
        return false;
    };
    let named = |s: &str| s.chars().any(char::is_alphabetic);
    line.chars().count() <= 100
        && !line.contains([':', '：'])
        && !super::text::reads_as_sentence(line)
        && (named(&line[..r.span.start]) || named(&line[r.span.end..]))
}

/// Text with its runs of white space made single spaces.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `url` is a web address (not `#`, a placeholder or an e-mail link).
pub(super) fn is_web(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://")
}

/// `Java^†^` → `Java`: Pandoc superscripts holding a mark (†, *, ‡), not a word or a number
/// (`2^10^` stays), are footnote-style markup, not text.
fn strip_superscript_marks(s: &str) -> String {
    static MARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\^[^\s\^\w]{1,3}\^").expect("superscript pattern")
    });
    if s.contains('^') {
        MARK.replace_all(s, "").trim().to_string()
    } else {
        s.to_string()
    }
}

/// An entry from its heading line: `### Company  Title | 2019.03 - 至今`, the dates taken
/// out first.
fn dated_entry(text: &str, links: &[(String, String)], strong: &[String]) -> Entry {
    dated_entry_named(text, links, strong).0
}

/// [`dated_entry`], and what of the heading names the entry: the text its organisation and
/// title were read from, dates and place taken out.
fn dated_entry_named(text: &str, links: &[(String, String)], strong: &[String]) -> (Entry, String) {
    let Some((r, rest, place)) = undated(text) else {
        // One ISO date last (`Pioneer Award | 2014-11-01`, an award's day as jdfit's own
        // HTML heads it): the entry's date, not a name.
        if let Some((rest, date)) = text.rsplit_once(" | ") {
            if let Some(ym) = lone_iso_date(date).filter(|_| !rest.trim().is_empty()) {
                let mut e = entry_heading(rest.trim(), links, strong);
                e.dates = Some(date.trim().to_string());
                e.start = Some(ym);
                return (e, rest.trim().to_string());
            }
        }
        return (entry_heading(text, links, strong), text.to_string());
    };
    let mut e = entry_heading(&rest, links, strong);
    if place.is_some() {
        e.location = place;
    }
    e.dates = Some(text[r.span.clone()].trim().to_string());
    e.start = r.start;
    e.end = r.end;
    (e, rest)
}

/// One ISO date written alone (`2014-11-01`, `2014-11`, `2014`), as JSON Resume dates an
/// award and jdfit's own writers set it: the entry's date.
fn lone_iso_date(d: &str) -> Option<crate::model::YearMonth> {
    let d = d.trim();
    ((4..=10).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .then(|| dates::parse_iso(d))
        .flatten()
        .filter(|y| (1950..=2100).contains(&y.year))
}

/// A heading's dates, the heading without them and the place right before them, when it
/// holds dates with something beside them (`2020.03-至今 | 美团 | 前端工程师`: the dates
/// first). The place is the piece between ` | ` and ` · ` before the dates (`Acme | Berlin,
/// Germany · 2019 – 2021`, as jdfit's own HTML sets an entry's head).
fn undated(text: &str) -> Option<(dates::DateRange, String, Option<String>)> {
    let r = dates::find_range(text).filter(|r| {
        r.span.start > 0
            || !text[r.span.end..]
                .trim_matches(HEADING_SEPARATORS)
                .is_empty()
    })?;
    let span = dates::with_brackets(text, &r);
    let mut before = text[..span.start].trim_end();
    let mut place = None;
    if let Some((head, p)) = before
        .strip_suffix('·')
        .and_then(|b| b.rsplit_once(" | "))
        .filter(|(head, p)| !head.trim().is_empty() && looks_like_place(p.trim()))
    {
        place = Some(p.trim().to_string());
        before = head;
    }
    // A place taken out leaves the name whole (`心识宇宙 (…团队) | 中国, 杭州 · …`: its
    // bracket is no separator).
    let before = if place.is_some() {
        before.trim_end()
    } else {
        before.trim_end_matches(HEADING_SEPARATORS)
    };
    let rest = format!(
        "{} {}",
        before,
        text[span.end..].trim_start_matches(HEADING_SEPARATORS)
    );
    Some((r, rest.trim().to_string(), place))
}

/// Whether the piece set between ` | ` and ` ·` before a heading's dates (`| Berlin,
/// Germany ·`, `| Remote ·`, as jdfit's own HTML heads an entry) is a place: short, and no
/// role or degree (`Acme | Senior Engineer · 2019` names a title, `MIT | B.S. Computer
/// Science · 2010` a degree).
fn looks_like_place(p: &str) -> bool {
    super::is_place(p)
        || (!p.is_empty()
            && p.chars().count() <= 40
            && !crate::model::names_a_role(p)
            && !is_degree(p)
            && dates::find_range(p).is_none())
}

/// `B.S. Computer Science`, `M.A. History`: a degree by its initials.
/// A degree by its words (`Bachelor of Science`, `MSc`, `本科`) or its initials (`B.S.`).
fn is_degree(p: &str) -> bool {
    super::text::names_degree(p) || opens_with_degree_initials(p)
}

fn opens_with_degree_initials(p: &str) -> bool {
    let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
    let letters: String = first.chars().filter(|c| *c != '.').collect();
    first.contains('.')
        && ["bs", "ba", "ms", "ma", "be", "me", "bsc", "msc"].contains(&letters.as_str())
}

/// Separators between a title and an organisation in an entry heading.
const HEADING_SEPARATORS: &[char] = &[
    ' ', '|', '｜', '@', '—', '–', '-', ',', '，', '·', '/', '(', ')', '（', '）',
];

/// An entry from its heading: the organisation, the title and the link in the common
/// shapes `Title [Company](url)`, `**Title** [Company](url)`, `Title @ Company`,
/// `Company — Title` (or `Title — Company` when its first piece ends with a title word),
/// `职位 | 公司` and `**Title** Company`; anything else is the organisation line as written
/// (a heading holding dates is not split).
fn entry_heading(text: &str, links: &[(String, String)], strong: &[String]) -> Entry {
    use super::text::{role_head, role_word};
    use crate::model::names_a_role;
    let mut e = Entry {
        organisation: Some(text.to_string()),
        ..Entry::default()
    };
    let plain = |s: &str| !s.is_empty() && dates::find_range(s).is_none();
    let rest_of = |part: &str| {
        text.replacen(part, "", 1)
            .trim_matches(HEADING_SEPARATORS)
            .trim_start_matches("at ")
            .trim_end_matches(" at")
            .trim_matches(HEADING_SEPARATORS)
            .to_string()
    };
    if let [(org, url)] = links {
        if is_web(url) {
            e.url = Some(url.clone());
        }
        let rest = rest_of(org);
        if !org.is_empty() && (rest.is_empty() || plain(&rest)) {
            e.organisation = Some(org.clone());
            e.title = (!rest.is_empty()).then_some(rest);
        }
        return e;
    }
    let two = |sep: &str| -> Option<(String, String)> {
        let (a, b) = text.split_once(sep)?;
        let (a, b) = (a.trim(), b.trim());
        (plain(a) && plain(b) && !b.contains(sep.trim())).then(|| (a.to_string(), b.to_string()))
    };
    if let Some((org, title)) = two(" — ").or_else(|| two(" – ")) {
        // `Senior Engineer, Acme — Seattle, WA` (a DOCX's entry line): the place is no title.
        if super::is_place(&title) {
            e.organisation = Some(org);
            e.location = Some(title);
        } else if role_head(&org) && !role_word(&title) {
            // `Senior Java Engineer — Acme Corp`: the role is the side that ends with a title
            // word, as a title does (`Engineers Without Borders — Volunteer` is no title first).
            e.organisation = Some(title);
            e.title = Some(org);
        } else {
            e.organisation = Some(org);
            e.title = Some(title);
        }
    } else if let Some((a, b)) = two(" | ").or_else(|| two("｜")) {
        // `Company | City, ST` (LaTeX templates set the place flush right on the company's
        // line); otherwise `职位 | 公司`.
        if super::is_place(&b) && !super::is_place(&a) {
            e.organisation = Some(a);
            e.location = Some(b);
        } else if (names_a_role(&b) && !names_a_role(&a))
            || (is_degree(&b) && !is_degree(&a) && !names_a_role(&a))
        {
            // `公司 | 职位`: the role is the piece with a title word; `MIT | BSc Computer
            // Science`: the degree is the title and the school the organisation.
            e.organisation = Some(a);
            e.title = Some(b);
        } else {
            e.organisation = Some(b);
            e.title = Some(a);
        }
    } else if let Some((org, title)) = text.split_once(' ').filter(|(a, b)| {
        let han = |s: &str| s.chars().any(crate::analyze::script::is_han);
        han(a) && han(b) && !b.contains(' ') && !names_a_role(a) && names_a_role(b)
    }) {
        // `星河云计算有限公司 高级运维开发工程师`: the organisation, then the role (Chinese
        // only: in English, `Senior Engineer` is one title).
        e.organisation = Some(org.to_string());
        e.title = Some(title.to_string());
    } else if let [title] = strong {
        let rest = rest_of(title);
        if title != text && plain(title) && plain(&rest) {
            e.organisation = Some(rest);
            e.title = Some(title.clone());
        }
    }
    e
}

/// Contact lines written as a section: right under the name, a first section that is no
/// résumé section (a headline such as "## Android Software Engineer", or "## Contact")
/// holding only short lines, each a contact detail or a `Label: value` line, one at least
/// an e-mail, phone or link. Its lines become the contact lines and a headline its label.
fn contact_section(r: &mut Resume) {
    let Some(first) = r.sections.first() else {
        return;
    };
    let lines: Vec<String> = first
        .entries
        .iter()
        .flat_map(|e| {
            e.notes
                .iter()
                .cloned()
                .chain(e.bullets.iter().map(|b| b.text.clone()))
        })
        .collect();
    let flat = first
        .entries
        .iter()
        .all(|e| e.organisation.is_none() && e.bullets.iter().all(|b| !b.is_group()));
    let labelled = |l: &str| {
        l.split_once([':', '：'])
            .is_some_and(|(k, v)| k.chars().count() <= 20 && !v.trim().is_empty())
    };
    let is_contact = |l: &str| super::text::is_contact_line(l);
    let fits = first.kind == SectionKind::Other
        && flat
        && !lines.is_empty()
        && lines.len() <= 8
        && lines
            .iter()
            .all(|l| l.chars().count() <= 120 && (is_contact(l) || labelled(l)))
        && lines.iter().any(|l| is_contact(l));
    if !fits {
        return;
    }
    let first = r.sections.remove(0);
    let links = first.entries.iter().flat_map(|e| {
        e.links
            .iter()
            .chain(e.bullets.iter().flat_map(|b| &b.links))
    });
    r.basics.links.extend(links.cloned());
    let h = first.heading.to_lowercase();
    let is_contact_heading = ["contact", "联系", "个人信息", "基本信息", "info"]
        .iter()
        .any(|k| h.contains(k));
    if r.basics.label.is_none() && !is_contact_heading && !first.heading.is_empty() {
        r.basics.label = Some(first.heading);
    }
    r.basics.lines.extend(lines);
}

/// The location among the contact lines: a `Location:`/`Address:`/`地址：` line's value, or
/// a `City, ST` / `City, Country` piece of a line cut at `|` or `·`.
fn fill_location(b: &mut crate::model::Basics) {
    static PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\p{Lu}[\p{L}.' -]*, (?:[A-Z]{2}|\p{Lu}[\p{L}.' -]+)$")
            .expect("place pattern")
    });
    if b.location.is_some() {
        return;
    }
    for line in &b.lines {
        for piece in line.split(['|', '·', '•']).map(str::trim) {
            if let Some((k, v)) = piece.split_once([':', '：']) {
                let k = k.trim().to_lowercase();
                if [
                    "location",
                    "address",
                    "city",
                    "地址",
                    "现居",
                    "所在地",
                    "城市",
                ]
                .iter()
                .any(|w| k == *w)
                {
                    b.location = Some(v.trim().to_string());
                    return;
                }
            } else if PLACE.is_match(piece) && !super::text::is_contact_line(piece) {
                b.location = Some(piece.to_string());
                return;
            }
        }
    }
}

/// The first list item nested deeper than `limit`, as (its depth, its 1-based line), found
/// in one pass over the events without building anything.
pub fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (ev, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth > limit {
                    return Some((depth, text[..range.start].matches('\n').count() + 1));
                }
            }
            Event::End(TagEnd::Item) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses a Markdown résumé.
pub fn parse(text: &str) -> Resume {
    // A LinkedIn export read from its PDF: its own layout, whatever headings the PDF's type
    // sizes gave it.
    if let Some(r) = super::linkedin::parse(text) {
        return r;
    }
    let mut st = State::default();
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                st.buf.clear();
                st.heading = Some(level);
            }
            Event::End(TagEnd::Heading(level)) => {
                st.heading = None;
                st.end_heading(level);
            }
            Event::Start(Tag::Paragraph) if st.items.is_empty() => {
                st.buf.clear();
                st.para_strong = None;
                st.in_para = true;
            }
            Event::End(TagEnd::Paragraph) => {
                if st.items.is_empty() {
                    st.in_para = false;
                    st.end_paragraph();
                } else {
                    st.buf.push(' ');
                }
            }
            Event::Start(Tag::Item) => {
                // Text before a nested list belongs to the parent item.
                if let Some(top) = st.items.last_mut() {
                    let t = std::mem::take(&mut st.buf);
                    top.0.push_str(&t);
                } else {
                    st.buf.clear();
                }
                st.items.push((String::new(), Vec::new(), Vec::new()));
            }
            Event::End(TagEnd::Item) => {
                let (mut text, children, links) = st.items.pop().expect("open item");
                text.push_str(&std::mem::take(&mut st.buf));
                let text = strip_superscript_marks(&norm(&text));
                let bullet = Bullet {
                    id: String::new(),
                    text,
                    children,
                    links,
                };
                if bullet.text.is_empty() && bullet.children.is_empty() {
                    continue;
                }
                match st.items.last_mut() {
                    Some(parent) => parent.1.push(bullet),
                    None => {
                        if st.resume.sections.is_empty() {
                            st.resume.basics.links.extend(bullet.links);
                            st.resume.basics.lines.push(bullet.text);
                        } else {
                            st.entry().bullets.push(bullet);
                        }
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => st.images += 1,
            Event::End(TagEnd::Image) => st.images = st.images.saturating_sub(1),
            Event::Text(_) | Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_)
                if st.images > 0 => {}
            Event::Start(Tag::Link { dest_url, .. }) => {
                st.link_open = Some((st.buf.len(), dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, url)) = st.link_open.take() {
                    let text = norm(st.buf.get(start..).unwrap_or(""));
                    if st.heading.is_some() {
                        st.heading_links.push((text, url));
                    } else if let Some(item) = st.items.last_mut().filter(|_| is_web(&url)) {
                        item.2.push(Link { text, url });
                    } else if !st.resume.sections.is_empty() && is_web(&url) {
                        // A link in a paragraph of a section: on words of the entry's notes.
                        if st.in_para {
                            st.para_links.push(Link { text, url });
                        } else {
                            st.entry().links.push(Link { text, url });
                        }
                    } else if st.resume.sections.is_empty() && is_web(&url) {
                        if st.contact_url.is_none() {
                            st.contact_url = Some(url.clone());
                        }
                        st.resume.basics.links.push(Link { text, url });
                    }
                }
            }
            Event::Start(Tag::Strong) if st.heading.is_some() => {
                st.strong_open = Some(st.buf.len());
            }
            // Bold at the very start of a paragraph (not in a list or a heading).
            Event::Start(Tag::Strong)
                if st.items.is_empty() && st.para.is_empty() && st.buf.trim().is_empty() =>
            {
                st.strong_open = Some(st.buf.len());
            }
            Event::End(TagEnd::Strong) if st.heading.is_none() && st.strong_open.is_some() => {
                if let Some(start) = st.strong_open.take() {
                    st.para_strong = Some(norm(st.buf.get(start..).unwrap_or("")));
                }
            }
            Event::End(TagEnd::Strong) if st.heading.is_some() => {
                if let Some(start) = st.strong_open.take() {
                    st.heading_strong
                        .push(norm(st.buf.get(start..).unwrap_or("")));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::InlineMath(t) => {
                st.buf.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => {
                if st.items.is_empty() && st.heading.is_none() {
                    let line = st.take_buf();
                    if !line.is_empty() {
                        st.para.push(line);
                    }
                } else {
                    st.buf.push(' ');
                }
            }
            Event::Start(Tag::CodeBlock(_)) => st.buf.clear(),
            Event::End(TagEnd::CodeBlock) => {
                let code = std::mem::take(&mut st.buf);
                let lines: Vec<String> = code
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect();
                if st.resume.sections.is_empty() {
                    st.resume.basics.lines.extend(lines);
                } else {
                    st.entry().notes.extend(lines);
                }
            }
            _ => {}
        }
    }
    contact_section(&mut st.resume);
    // The home page is the first web address of the contact lines, linked or written out
    // with its scheme (`https://site.example | [LinkedIn](…)` is the site's).
    let b = &st.resume.basics;
    let written_first = b.links.first().is_some_and(|first| {
        let at = |needle: &str| {
            b.lines
                .iter()
                .enumerate()
                .find_map(|(i, l)| l.find(needle).map(|o| (i, o)))
        };
        matches!((at("http"), at(&first.text)), (Some(w), Some(l)) if w < l)
    });
    if st.resume.basics.url.is_none() && !written_first {
        st.resume.basics.url = st.contact_url.take();
    }
    super::fill_contact(&mut st.resume.basics);
    fill_location(&mut st.resume.basics);
    let mut resume = st.resume;
    resume
        .sections
        .retain(|s| !s.heading.is_empty() || !s.entries.is_empty());
    resume.assign_ids();
    resume
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::test_view::entries_of;

    #[test]
    fn an_image_in_a_bullet_adds_no_words() {
        let r = parse("# A\n\n## Experience\n\n### Acme\n\n- Built caching![diagram](img.png) for the API\n- ![logo](l.png) Shipped Go\n");
        let t: Vec<&str> = r.all_bullets().iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["Built caching for the API", "Shipped Go"]);
    }

    #[test]
    fn convention() {
        let md = "# Alex\n\nalex@example.com | Portland\n\n## Experience\n\n### Engineer, Acme\nRemote | Mar 2021 – Present\n\n- Led **design system** work, see [docs](http://x)\n  - Adopted by five teams\n- Cut LCP\n\n## Skills\n\n- React\n";
        let r = parse(md);
        assert_eq!(r.basics.name.as_deref(), Some("Alex"));
        assert_eq!(r.basics.email.as_deref(), Some("alex@example.com"));
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("Engineer, Acme"));
        assert_eq!(e.location.as_deref(), Some("Remote"));
        assert_eq!(e.dates.as_deref(), Some("Mar 2021 – Present"));
        assert_eq!(e.bullets[0].text, "Led design system work, see docs");
        assert_eq!(e.bullets[0].children[0].text, "Adopted by five teams");
        assert_eq!(e.bullets[0].children[0].id, "s1e1b1.1");
        assert_eq!(r.sections[1].kind, SectionKind::Skills);
    }

    #[test]
    fn a_paragraph_under_an_entry_is_no_title() {
        // Written in paragraphs, not lists: the paragraph after the place and dates is the
        // entry's text, and each entry keeps its own (read as bullets when none is marked).
        let text = "# Jane Doe\njane@example.com\n\n## Experience\n\n### Engineer, Acme\nAustin, TX | Jan 2020 – Present\n\nLed a team of five building a Kubernetes platform. Built Go services on AWS.\n\n### Developer, Initech\nRemote | Jun 2016 – Dec 2019\n\nWrote Node.js APIs with PostgreSQL. Automated deploys with Terraform.\n";
        let r = crate::parse::parse_resume(std::path::Path::new("p.md"), text, None).unwrap();
        let entries = &r.sections[0].entries;
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title, None);
        let bullets =
            |e: &Entry| -> Vec<String> { e.bullets.iter().map(|b| b.text.clone()).collect() };
        assert_eq!(
            bullets(&entries[0]),
            [
                "Led a team of five building a Kubernetes platform.",
                "Built Go services on AWS."
            ]
        );
        assert_eq!(
            bullets(&entries[1]),
            [
                "Wrote Node.js APIs with PostgreSQL.",
                "Automated deploys with Terraform."
            ]
        );
        // A short role line is still the title.
        let r = parse("## Experience\n\n### Acme\nSenior Engineer\nJan 2020 – Present\n\n- Built Go services.\n");
        assert_eq!(
            r.sections[0].entries[0].title.as_deref(),
            Some("Senior Engineer")
        );
    }

    #[test]
    fn bold_title_link_and_italic_dates() {
        let md = "# 蔡\n\n## 工作经验\n\n### **高级 Android 开发工程师** [阿里巴巴](https://a.example)\n\n*2018/10 - 至今*\n\n在「支付宝」下主要负责：\n\n* 负责组件的开发。\n* 负责动画组件。\n";
        let r = parse(md);
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("阿里巴巴"));
        assert_eq!(e.title.as_deref(), Some("高级 Android 开发工程师"));
        assert_eq!(e.url.as_deref(), Some("https://a.example"));
        assert_eq!(e.dates.as_deref(), Some("2018/10 - 至今"));
        assert_eq!(e.notes, ["在「支付宝」下主要负责："]);
        assert_eq!(e.bullets.len(), 2);
    }

    fn head(h: &str) -> (Option<String>, Option<String>, Option<String>) {
        let r = parse(&format!("# A\n\n## Experience\n\n### {h}\n\n- x\n"));
        let e = r.sections[0].entries[0].clone();
        (e.organisation, e.title, e.url)
    }

    #[test]
    fn a_title_line_under_a_split_heading_makes_the_heading_the_organisation() {
        let read = |md: &str| {
            let r = parse(md);
            let e = r.sections[0].entries[0].clone();
            (e.organisation, e.title, e.notes)
        };
        let some = |s: &str| Some(s.to_string());
        // The heading's second piece is no title, and a title comes on the next line.
        assert_eq!(
            read(
                "## Experience\n\n### Acme — Platform Team\nSenior Engineer\n2019 – 2021\n\n- Led"
            ),
            (
                some("Acme — Platform Team"),
                some("Senior Engineer"),
                vec![]
            )
        );
        assert_eq!(
            read("## 工作经历\n\n### 字节跳动 | 抖音\n高级工程师\n2019.03 - 2021.05\n\n- 负责"),
            (some("字节跳动 | 抖音"), some("高级工程师"), vec![])
        );
        // The heading names the title: the line under it stays what it was.
        assert_eq!(
            read(
                "## Experience\n\n### Acme — Senior Engineer\nPromoted to Staff Engineer\n\n- Led"
            ),
            (
                some("Acme"),
                some("Senior Engineer"),
                vec!["Promoted to Staff Engineer".to_string()]
            )
        );
        // jdfit's own HTML heads an entry `Org | Place · Dates`, an award `Name | Day`.
        let r = parse("## Experience\n\n### Acme | Labs | Berlin, Germany · 2019-01 – 2021-12\nSenior Engineer\n\n- Led\n\n### 心识宇宙 (天使轮) | 中国, 杭州 · 2022 年 6 月 - 至今\n主管\n\n- 负责\n\n## Awards\n\n### Pioneer Award | 2014-11-01\nTechcrunch\n");
        let e = &r.sections[0].entries;
        assert_eq!(
            (
                e[0].organisation.as_deref(),
                e[0].title.as_deref(),
                e[0].location.as_deref()
            ),
            (
                Some("Acme | Labs"),
                Some("Senior Engineer"),
                Some("Berlin, Germany")
            )
        );
        assert_eq!(e[0].dates.as_deref(), Some("2019-01 – 2021-12"));
        let remote = parse("## Experience\n\n### Senior Frontend Engineer, Larkspur Health | Remote · Mar 2021 – Present\n\n- Led\n");
        let f = &remote.sections[0].entries[0];
        assert_eq!(
            (f.organisation.as_deref(), f.location.as_deref()),
            (
                Some("Senior Frontend Engineer, Larkspur Health"),
                Some("Remote")
            )
        );
        assert_eq!(e[1].organisation.as_deref(), Some("心识宇宙 (天使轮)"));
        assert_eq!(e[1].location.as_deref(), Some("中国, 杭州"));
        let a = &r.sections[1].entries[0];
        assert_eq!(
            (
                a.organisation.as_deref(),
                a.title.as_deref(),
                a.dates.as_deref()
            ),
            (
                Some("Pioneer Award"),
                Some("Techcrunch"),
                Some("2014-11-01")
            )
        );
        // A role or a degree before the dates is no place; a title in the heading stays the
        // title whatever line comes under it.
        for (md, org, title) in [
            ("### Acme | Senior Engineer · 2019 – 2021\n\n- Led", "Acme", "Senior Engineer"),
            ("### 字节跳动 | 高级工程师 · 2019.03 - 至今\n\n- 负责", "字节跳动", "高级工程师"),
            ("### Acme — Tech Lead, Payments\nPromoted from Senior Engineer\n\n- Led", "Acme", "Tech Lead, Payments"),
            ("### Globex — Staff Engineer (Platform)\nReported to the VP of Engineering, previously Senior Engineer\n\n- Led", "Globex", "Staff Engineer (Platform)"),
        ] {
            let r = parse(&format!("## Experience\n\n{md}"));
            let e = &r.sections[0].entries[0];
            assert_eq!(
                (e.organisation.as_deref(), e.title.as_deref(), e.location.as_deref()),
                (Some(org), Some(title), None),
                "{md}"
            );
        }
        let mit = parse("## Education\n\n### MIT | B.S. Computer Science · 2010 – 2014\n");
        assert_eq!(
            mit.sections[0].entries[0].location, None,
            "a degree is no place"
        );
        // A line under the heading that is no title is a note, as before.
        assert_eq!(
            read("## Experience\n\n### Acme — Platform Team\nRemote team of five\n\n- Led"),
            (
                some("Acme"),
                some("Platform Team"),
                vec!["Remote team of five".to_string()]
            )
        );
    }

    #[test]
    fn a_date_alone_under_a_heading_is_the_entrys_date() {
        // As jdfit's own Markdown writes an award: the day on its own line, not a title.
        let r = parse("## Awards\n\n### Hackathon\n2019\n\n### Best Engineer\nAcme\n2021-11-01\nFor the Kafka migration.\n");
        let dated: Vec<_> = r.sections[0]
            .entries
            .iter()
            .map(|e| {
                (
                    e.title.as_deref(),
                    e.dates.as_deref(),
                    e.start.map(|s| s.year),
                )
            })
            .collect();
        assert_eq!(
            dated,
            [
                (None, Some("2019"), Some(2019)),
                (Some("Acme"), Some("2021-11-01"), Some(2021))
            ]
        );
        assert_eq!(r.sections[0].entries[1].notes, ["For the Kafka migration."]);
    }

    #[test]
    fn a_school_and_its_degree_read_either_way_round() {
        // Either way round, the degree is the title and the school the organisation.
        for md in [
            "### MIT | B.S. Computer Science | 2010 – 2014",
            "### MIT | BSc Computer Science | 2010 – 2014",
            "### B.S. Computer Science | MIT | 2010 – 2014",
            "### Massachusetts Institute of Technology | Bachelor of Science",
            "### 清华大学 | 计算机科学 硕士",
        ] {
            let r = parse(&format!("## Education\n\n{md}\n"));
            let e = &r.sections[0].entries[0];
            let (org, title) = (e.organisation.as_deref(), e.title.as_deref());
            assert!(
                org.is_some_and(|o| o.contains("MIT")
                    || o.contains("Institute")
                    || o.contains("大学")),
                "{md}: organisation {org:?}, title {title:?}"
            );
        }
        // A word of a degree inside a company's name ("Mastercard") swaps nothing.
        let r = parse("## Experience\n\n### Senior Software Engineer | Mastercard | 2019 – 2021\n\n- Built APIs\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (e.organisation.as_deref(), e.title.as_deref()),
            (Some("Mastercard"), Some("Senior Software Engineer"))
        );
    }

    #[test]
    fn entry_heading_shapes() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            head("**Android Software Engineer**  [51NB](https://www.u51.com)"),
            (
                s("51NB"),
                s("Android Software Engineer"),
                s("https://www.u51.com")
            )
        );
        assert_eq!(
            head("Staff Engineer [Acme](https://acme.example)"),
            (s("Acme"), s("Staff Engineer"), s("https://acme.example"))
        );
        assert_eq!(
            head("Larkspur Health — Staff Engineer"),
            (s("Larkspur Health"), s("Staff Engineer"), None)
        );
        assert_eq!(
            head("Senior Software Engineer, Acme Payments Inc. — Seattle, WA"),
            (
                s("Senior Software Engineer, Acme Payments Inc."),
                None,
                None
            )
        );
        // The title first when that piece ends with a title word, as a title does.
        for (heading, org, title) in [
            (
                "Senior Java Engineer — Acme Corp",
                "Acme Corp",
                "Senior Java Engineer",
            ),
            (
                "Acme Corp — Senior Java Engineer",
                "Acme Corp",
                "Senior Java Engineer",
            ),
            ("高级工程师 — 阿里巴巴", "阿里巴巴", "高级工程师"),
        ] {
            assert_eq!(head(heading), (s(org), s(title), None), "{heading}");
        }
        // An organisation named after a trade is no title: its own noun ends it, or the
        // trade is plural.
        for (org, title) in [
            ("Engineers Without Borders", "Volunteer"),
            ("Society of Women Engineers", "President"),
            ("Google Developer Group", "Organizer"),
            ("中国软件工程师协会", "会员"),
            ("北京华夏管理顾问有限公司", "会计"),
        ] {
            assert_eq!(
                head(&format!("{org} — {title}")),
                (s(org), s(title), None),
                "{org}"
            );
        }
        // Both sides or neither name a role: the order is `Company — Title`.
        assert_eq!(
            head("Engineering Manager — Staff Engineer"),
            (s("Engineering Manager"), s("Staff Engineer"), None)
        );
        assert_eq!(head("Acme — Globex"), (s("Acme"), s("Globex"), None));
        let placed = entry_heading("Senior Engineer, Acme — Seattle, WA", &[], &[]);
        assert_eq!(placed.location.as_deref(), Some("Seattle, WA"));
        assert_eq!(
            head("后端工程师 | 阿里云"),
            (s("阿里云"), s("后端工程师"), None)
        );
        assert_eq!(
            head("**Engineer** Brightloom"),
            (s("Brightloom"), s("Engineer"), None)
        );
        // Not split: the convention's one line, and a heading with dates.
        assert_eq!(
            head("Senior Frontend Engineer, Larkspur Health"),
            (s("Senior Frontend Engineer, Larkspur Health"), None, None)
        );
        assert_eq!(head("Acme | 2019 - 2021").1, None);
        assert_eq!(head("Senior Engineer"), (s("Senior Engineer"), None, None));
    }

    #[test]
    fn company_place_role_and_dated_headings() {
        let entry = |md: &str| {
            let r = parse(&format!("# A\n\n## Experience\n\n{md}\n\n- x\n"));
            let e = r.sections[0].entries[0].clone();
            [e.organisation, e.title, e.location, e.dates]
        };
        let s = |x: &str| Some(x.to_string());
        // LaTeX's "Jake's Resume": the place flush right of the company, the dates of the role.
        assert_eq!(
            entry("### Fernwood Analytics | Denver, CO\n\nSenior Backend Engineer | Jan 2019 – Present"),
            [s("Fernwood Analytics"), s("Senior Backend Engineer"), s("Denver, CO"), s("Jan 2019 – Present")]
        );
        // The role is the piece with a title word, whichever side it is on.
        assert_eq!(
            entry("### 蓝鲸数据科技有限公司 | 后端开发工程师")[..2],
            [s("蓝鲸数据科技有限公司"), s("后端开发工程师")]
        );
        // Dates in the heading come out of it; the company and the role split at the space.
        assert_eq!(
            entry("### 星河云计算有限公司 高级运维开发工程师 | 2019.03 - 至今"),
            [
                s("星河云计算有限公司"),
                s("高级运维开发工程师"),
                None,
                s("2019.03 - 至今")
            ]
        );
        // A place under the heading's place is a note, not a second place.
        let r = parse("# A\n\n## Education\n\n### Oregon State University | Corvallis, OR\n\nB.S. in Computer Science | 2010 – 2014\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(e.location.as_deref(), Some("Corvallis, OR"));
        assert_eq!(e.notes, ["B.S. in Computer Science"]);
    }

    #[test]
    fn contact_lines_under_the_name() {
        let md = "# Mengjie Cai\n\n## Android Software Engineer\n\n- Phone: +86 138-0000-1234\n- Email: [cai@example.com](mailto:cai@example.com)\n- GitHub: [https://github.com/x](https://github.com/x)\n\n## Experience\n\n### A\n\n- x\n";
        let r = parse(md);
        assert_eq!(r.sections.len(), 1, "{:?}", r.sections);
        assert_eq!(r.basics.label.as_deref(), Some("Android Software Engineer"));
        assert_eq!(r.basics.email.as_deref(), Some("cai@example.com"));
        assert_eq!(r.basics.phone.as_deref(), Some("+86 138-0000-1234"));
        assert_eq!(r.basics.url.as_deref(), Some("https://github.com/x"));
        let md = "# Alex\n\nalex@example.com | Portland, OR | [github.com/example](https://github.com/example)\n\n## Experience\n\n- x\n";
        let r = parse(md);
        assert_eq!(r.basics.location.as_deref(), Some("Portland, OR"));
        assert_eq!(r.basics.url.as_deref(), Some("https://github.com/example"));
        // A summary section is not contact lines.
        let md = "# Alex\n\n## Summary\n\n- Built things at alex@example.com for years and years\n- Led teams\n";
        assert_eq!(parse(md).sections.len(), 1);
    }

    #[test]
    fn dated_header_lines_head_entries_without_bold_or_headings() {
        // A header line of its own under a section of jobs, as pages and documents
        // converted to Markdown write them: it had been a note of one entry for every job.
        let r = parse("# Mei Lin\n\nmei@example.com\n\n## Work Experience\n\nStripe 2019 - 2022  \n*Backend Engineer*\n\n- Built the payouts ledger\n\n2016.07-2019.06 | Shopify | Developer\n\n- Ran checkout experiments\n\nPromoted twice and led the feed team from 2017 - 2019 as its first engineer.\n\n## Education\n\n2012 - 2016 Zhejiang University, Computer Science\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("Stripe"),
                        Some("Backend Engineer"),
                        Some("2019 - 2022")
                    ],
                    vec!["Built the payouts ledger"]
                ),
                (
                    [Some("Shopify"), Some("Developer"), Some("2016.07-2019.06")],
                    vec!["Ran checkout experiments"]
                ),
                (
                    [
                        Some("Zhejiang University, Computer Science"),
                        None,
                        Some("2012 - 2016")
                    ],
                    vec![]
                ),
            ]
        );
        // A sentence with dates in it is the entry's text, not another entry.
        assert_eq!(
            r.sections[0].entries[1].notes,
            ["Promoted twice and led the feed team from 2017 - 2019 as its first engineer."]
        );
        // A role alone with its dates, after an entry naming its employer, is another role
        // there (it had been a note, its bullet under the role above).
        let r = parse("## Experience\n\n**Infosys**, Bangalore\n*Technology Lead*, Jan 2018 – Present\n* Managed a team of 12 developers\n\n*Senior Systems Engineer*, Jul 2014 – Dec 2017\n* Developed Java Spring services\n");
        let infosys = Some("Infosys, Bangalore");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [infosys, Some("Technology Lead"), Some("Jan 2018 – Present")],
                    vec!["Managed a team of 12 developers"]
                ),
                (
                    [
                        infosys,
                        Some("Senior Systems Engineer"),
                        Some("Jul 2014 – Dec 2017")
                    ],
                    vec!["Developed Java Spring services"]
                ),
            ]
        );
        // A link on the header line's name is the entry's, as on a `###` heading.
        let r = parse("## Education\n\n[Zhejiang University](http://www.zju.example), Electronic Engineering, 2012 - 2016\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (
                e.organisation.as_deref(),
                e.title.as_deref(),
                e.url.as_deref()
            ),
            (
                Some("Zhejiang University"),
                Some("Electronic Engineering"),
                Some("http://www.zju.example")
            )
        );
        assert_eq!(r.sections[0].entries.len(), 1);
        // Under a heading still waiting for its dates, the dated line is that entry's.
        let r = parse(
            "## Experience\n\n### Acme Corp\n\nSenior Engineer · 2019 – 2021\n\n- Built billing\n",
        );
        assert_eq!(
            entries_of(&r),
            [(
                [
                    Some("Acme Corp"),
                    Some("Senior Engineer"),
                    Some("2019 – 2021")
                ],
                vec!["Built billing"]
            )]
        );
    }

    #[test]
    fn bold_dated_paragraphs_head_entries_without_entry_headings() {
        // Every job had been one entry with the headers as notes: 0.0 years of experience.
        let r = parse("# Emma Davis\n\nemma@example.com\n\n## Work Experience\n\n**Airbnb** | Staff Designer | 2019 - Present\n- Led redesign of the host onboarding flow\n\n**Facebook** | Product Designer | 2015 - 2019\n- Designed Groups notifications\n\n## Education\n\n**Rhode Island School of Design** — BFA Graphic Design, 2011 - 2015\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("Airbnb"),
                        Some("Staff Designer"),
                        Some("2019 - Present")
                    ],
                    vec!["Led redesign of the host onboarding flow"]
                ),
                (
                    [
                        Some("Facebook"),
                        Some("Product Designer"),
                        Some("2015 - 2019")
                    ],
                    vec!["Designed Groups notifications"]
                ),
                (
                    [
                        Some("Rhode Island School of Design"),
                        Some("BFA Graphic Design"),
                        Some("2011 - 2015")
                    ],
                    vec![]
                ),
            ]
        );
        // Roles in bold under a heading that names their employer alone.
        let r = parse("## Experience\n\n### Google, Mountain View\n\n**Senior Software Engineer** · 2021 – Present\n- Led Spanner client library redesign\n\n**Software Engineer** · 2018 – 2021\n- Built Bigtable autoscaler\n");
        let google = Some("Google, Mountain View");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        google,
                        Some("Senior Software Engineer"),
                        Some("2021 – Present")
                    ],
                    vec!["Led Spanner client library redesign"]
                ),
                (
                    [google, Some("Software Engineer"), Some("2018 – 2021")],
                    vec!["Built Bigtable autoscaler"]
                ),
            ]
        );
        // An entry naming its own employer ends them: the role after it is its employer's.
        let r = parse("## Experience\n\n### Google\n\n**Senior Software Engineer** · 2021 – Present\n- Led Spanner client library redesign\n\n**Acme Corp** | Engineer | 2015 – 2018\n- Built billing\n\n**Intern** · 2014 – 2015\n- Wrote tests\n");
        let orgs: Vec<_> = r.sections[0]
            .entries
            .iter()
            .map(|e| (e.organisation.as_deref(), e.title.as_deref()))
            .collect();
        assert_eq!(
            orgs,
            [
                (Some("Google"), Some("Senior Software Engineer")),
                (Some("Acme Corp"), Some("Engineer")),
                (Some("Acme Corp"), Some("Intern"))
            ],
            "{:#?}",
            r.sections[0].entries
        );
        // A bold lead-in without dates stays the entry's text.
        let r = parse("## Experience\n\n### Acme\n\n**Impact:** cut latency by half\n");
        assert_eq!(r.sections[0].entries.len(), 1);
    }

    #[test]
    fn superscript_marks_are_markup() {
        let r = parse("# A\n\n## Skills\n\n- [Java](https://java.com)^†^\n- 2^10^ items\n");
        let t: Vec<_> = r.sections[0].entries[0]
            .bullets
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(t, ["Java", "2^10^ items"]);
    }
}
