//! Plain-text résumés as they come out of a PDF: headings alone on a line, entries as a header
//! line followed by title, location and date lines, bullets marked `-`, `*`, `- *`, `•` or
//! numbers, leftover `**bold**` markers, and nesting that the PDF flattened.

use super::dates;
use super::markup::strip_emphasis;
use crate::analyze::script::is_han;
use crate::model::{Bullet, Entry, Resume, Section, SectionKind};
use regex::Regex;
use std::sync::LazyLock;

/// Exact headings (lowercased, without a trailing colon) recognised in any position.
const KNOWN_HEADINGS: &[&str] = &[
    "教育背景",
    "教育经历",
    "学历",
    "工作经历",
    "工作经验",
    "实习经历",
    "项目经历",
    "项目经验",
    "专业技能",
    "技能",
    "个人技能",
    "技术栈",
    "技能特长",
    "获奖经历",
    "荣誉奖项",
    "获奖情况",
    "证书",
    "自我评价",
    "个人简介",
    "个人信息",
    "基本信息",
    "联系方式",
    "编程竞赛",
    "竞赛经历",
    "校园经历",
    "社会实践",
    "个人总结",
    "个人优势",
    "个人评价",
    "求职意向",
    "求职目标",
    "职业目标",
    "期望职位",
    "期望工作",
    "语言能力",
    "兴趣爱好",
    "培训经历",
    "experience",
    // JSON Resume's `work`, as jdfit's own text export heads it.
    "work",
    "work experience",
    "professional experience",
    "employment",
    "employment history",
    "work history",
    "education",
    "skills",
    "technical skills",
    "projects",
    "personal projects",
    "summary",
    "profile",
    "professional summary",
    "about",
    "about me",
    "awards",
    "honors",
    "honours",
    "certifications",
    "certificates",
    "publications",
    "languages",
    "interests",
    "contact",
    "objective",
    "volunteer",
    "volunteering",
    "internships",
    "internship",
    "achievements",
    "competitions",
    "skills & tools",
    "skills and tools",
    "career objective",
    "appointments",
    "academic appointments",
    "professional appointments",
    "positions",
    "academic positions",
    "research positions",
    "teaching",
    "grants",
    "grants & fellowships",
    "grants and fellowships",
    "fellowships",
    "project details",
    "personal details",
    "additional information",
];

/// What an English section heading names ("CAREER HISTORY", "Licenses & Certifications"):
/// a short line of these and [`HEADING_QUALIFIERS`] alone, with one of these, is a heading
/// wherever it stands, as Word résumés set headings in bold body type with no blank lines.
const HEADING_NOUNS: &[&str] = &[
    "experience",
    "experiences",
    "history",
    "employment",
    "career",
    "education",
    "qualifications",
    "training",
    "skills",
    "competencies",
    "competences",
    "expertise",
    "tools",
    "technologies",
    "projects",
    "summary",
    "profile",
    "objective",
    "awards",
    "honors",
    "honours",
    "achievements",
    "accomplishments",
    "certifications",
    "certificates",
    "licenses",
    "licences",
    "languages",
    "interests",
    "hobbies",
    "publications",
    "patents",
    "references",
    "activities",
    "coursework",
    "internships",
    "volunteering",
    "affiliations",
    "memberships",
];

/// Words that qualify a heading's noun: "Contract Experience", "Key Skills", "Education and
/// Training".
const HEADING_QUALIFIERS: &[&str] = &[
    "and",
    "&",
    "of",
    "key",
    "core",
    "relevant",
    "professional",
    "work",
    "contract",
    "permanent",
    "freelance",
    "consulting",
    "selected",
    "personal",
    "technical",
    "additional",
    "other",
    "academic",
    "industry",
    "leadership",
    "volunteer",
    "research",
    "teaching",
    "military",
    "community",
];

/// Whether `lower` (a line in lower case) is made of heading words alone, one to five of
/// them, one naming what the section holds.
fn heading_words(lower: &str) -> bool {
    let words: Vec<&str> = lower.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| HEADING_NOUNS.contains(w) || HEADING_QUALIFIERS.contains(w))
        && words.iter().any(|w| HEADING_NOUNS.contains(w))
}

/// Whether `t` is a Chinese heading with its English beside it (`工作经历 Work Experience`,
/// `Education 教育背景`), as bilingual résumés set them.
fn bilingual_heading(t: &str) -> bool {
    let han: String = t.chars().filter(|&c| is_han(c)).collect();
    let latin: String = t.chars().filter(|&c| !is_han(c)).collect();
    let latin = latin.trim().to_lowercase();
    !han.is_empty()
        && !latin.is_empty()
        && t.trim_start().starts_with(is_han) != t.trim_end().ends_with(is_han)
        && (KNOWN_HEADINGS.contains(&han.as_str())
            || (han.chars().count() <= 6 && HAN_HEADING_KEYS.iter().any(|k| han.contains(k))))
        && (KNOWN_HEADINGS.contains(&latin.as_str()) || heading_words(&latin))
}

/// Han keywords that make a short line a heading.
const HAN_HEADING_KEYS: &[&str] = &[
    "经历",
    "经验",
    "背景",
    "技能",
    "教育",
    "项目",
    "竞赛",
    "奖",
    "证书",
    "评价",
    "技术栈",
    "简介",
];

/// One classified input line.
#[derive(Debug, Clone)]
struct Line<'a> {
    raw: &'a str,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    Heading(String),
    /// A marked list item: indentation, marker shape, text without markers.
    Item {
        indent: usize,
        shape: String,
        markers: usize,
        text: String,
    },
    Text(String),
}

/// Splits leading list markers off a line: `- * text` gives (`"-*"`, 2, `text`).
pub(crate) fn split_markers(s: &str) -> Option<(String, usize, &str)> {
    let mut rest = s;
    let mut shape = String::new();
    let mut count = 0;
    loop {
        let t = rest.trim_start();
        let mut chars = t.char_indices();
        let Some((_, c)) = chars.next() else { break };
        // A Markdown-escaped marker (`\- item`, as copied from a rendered page) is a marker.
        let (c, escape) = match (c, t[c.len_utf8()..].chars().next()) {
            ('\\', Some(m @ ('-' | '*' | '+'))) => (m, 1),
            _ => (c, 0),
        };
        let marker_len = if "-*•·▪●○◦■+–".contains(c) {
            let next = t[escape + c.len_utf8()..].chars().next();
            match next {
                Some(n) if n.is_whitespace() => Some(escape + c.len_utf8()),
                _ => None,
            }
        } else if c.is_ascii_digit() {
            // `1.`, `1、`, `1)`, `1）` followed by text.
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            let after = &t[digits..];
            let punct = after.chars().next();
            match punct {
                Some(p @ ('.' | '、' | ')' | '）')) if digits <= 2 => {
                    let n = after[p.len_utf8()..].chars().next();
                    // `3.7` is a number, not a marker.
                    if n.is_some_and(|n| n.is_ascii_digit()) {
                        None
                    } else {
                        Some(digits + p.len_utf8())
                    }
                }
                _ => None,
            }
        } else {
            None
        };
        match marker_len {
            Some(len) => {
                shape.push(if c.is_ascii_digit() { '1' } else { c });
                count += 1;
                rest = &t[len..];
            }
            None => break,
        }
    }
    (count > 0).then(|| (shape, count, rest.trim()))
}

fn heading_text(raw: &str) -> String {
    let t = strip_emphasis(raw.trim());
    let t = t.trim().trim_end_matches([':', '：']).trim();
    let t = t
        .strip_prefix('【')
        .and_then(|x| x.strip_suffix('】'))
        .unwrap_or(t);
    t.trim().to_string()
}

fn looks_like_heading(raw: &str, prev_blank: bool, next_blank: bool) -> bool {
    let t = heading_text(raw);
    // (`CURRICULUM VITAE` over the name is the document's title, no section.)
    if t.is_empty()
        || split_markers(raw).is_some()
        || dates::is_range_line(&t)
        || is_document_title(&t)
    {
        return false;
    }
    let lower = t.to_lowercase();
    if KNOWN_HEADINGS.contains(&lower.as_str()) || bilingual_heading(&t) {
        return true;
    }
    // Heading words set as a heading: capitalised, no colon ("Technical Expertise:" opening
    // a run of text is a label as often).
    let capitalised = t
        .split([' ', '/'])
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || ["and", "of", "&"].contains(&w));
    if heading_words(&lower) && capitalised && !raw.trim_end().ends_with([':', '：']) {
        return true;
    }
    let n = t.chars().count();
    let punct = t.contains(|c: char| ",，、;；:：.。()（）|/!！?？".contains(c));
    if punct || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let all_han = t
        .chars()
        .all(|c| is_han(c) || c == ' ' || c == '与' || c == '&');
    if all_han && n <= 10 && HAN_HEADING_KEYS.iter().any(|k| t.contains(k)) {
        return true;
    }
    // An all-caps English line alone between blank lines: `WORK HISTORY`.
    let caps = t.chars().any(|c| c.is_ascii_alphabetic())
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c == ' ' || c == '&');
    prev_blank && next_blank && caps && n <= 30
}

fn classify(text: &str) -> Vec<Line<'_>> {
    let raw: Vec<&str> = text.lines().collect();
    let blank = |i: usize| raw.get(i).is_none_or(|l| l.trim().is_empty());
    let lines: Vec<Line<'_>> = raw
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            let kind = if r.trim().is_empty() {
                Kind::Blank
            } else if let Some(field) = content_field(r.trim()) {
                field
            } else if looks_like_heading(r, i == 0 || blank(i - 1), blank(i + 1)) {
                Kind::Heading(heading_text(r))
            } else if let Some((shape, markers, rest)) = split_markers(r) {
                let indent = r.len() - r.trim_start().len();
                Kind::Item {
                    indent,
                    shape: format!("{indent}|{shape}"),
                    markers,
                    text: strip_emphasis(rest),
                }
            } else {
                Kind::Text(strip_emphasis(r.trim()))
            };
            Line { raw: r, kind }
        })
        .collect();
    header_fields(lines)
}
/// Labels of a project's or job's content in job-board résumé templates (51job, Zhilian,
/// BOSS 直聘: `项目描述：…`, `责任描述：…`) and in English ones (`Responsibilities: …`,
/// `Environment: …`): what the work was, the résumé's evidence.
const CONTENT_LABELS: &[&str] = &[
    "项目描述",
    "项目简介",
    "项目介绍",
    "项目内容",
    "项目概述",
    "责任描述",
    "职责描述",
    "项目职责",
    "工作职责",
    "主要职责",
    "个人职责",
    "本人职责",
    "负责内容",
    "工作内容",
    "工作描述",
    "主要工作",
    "项目业绩",
    "工作业绩",
    "主要业绩",
    "个人业绩",
    "项目成果",
    "工作成果",
    "技术要点",
    "项目亮点",
    "技术栈",
    "开发环境",
    "使用技术",
    "技术环境",
    "业绩",
    "内容",
    "拥有技能",
    "description",
    "project description",
    "responsibilities",
    "achievements",
    "environment",
    "technologies",
    "tech stack",
];

/// The marker shape of a labelled content field read as a bullet.
const FIELD_SHAPE: &str = "0|field";

/// Labels of the fields that head a project or job in those templates, in the order a
/// header is read: its name, its role, its time (`项目名称：订单中台`, `项目角色：后端负责人`,
/// `项目时间：2019.09 - 2020.12`).
const HEADER_LABELS: &[(&str, u8)] = &[
    ("项目名称", 0),
    ("公司名称", 0),
    ("单位名称", 0),
    ("工作单位", 0),
    ("所属公司", 1),
    ("所在公司", 1),
    ("项目角色", 1),
    ("担任角色", 1),
    ("担任职位", 1),
    ("职位名称", 1),
    ("担任职务", 1),
    ("职务", 1),
    ("岗位名称", 1),
    ("project name", 0),
    ("company", 0),
    ("company name", 0),
    ("employer", 0),
    ("organization", 0),
    ("organisation", 0),
    ("role", 1),
    ("designation", 1),
    ("job title", 1),
    ("duration", 2),
    ("period", 2),
    ("项目时间", 2),
    ("在职时间", 2),
    ("任职时间", 2),
    ("工作时间", 2),
    ("项目周期", 2),
    ("起止时间", 2),
];

/// A labelled line's label (lower case) and value, when both are there.
fn field_parts(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.split_once(['：', ':'])?;
    let (label, value) = (label.trim(), value.trim());
    (!value.is_empty() && label.chars().count() <= 20).then(|| (label.to_lowercase(), value))
}

/// A labelled content field of a template résumé (`项目描述：基于 NLP 的客服机器人`): a
/// bullet, the whole line verbatim, as a marked item would be. (As notes, a project's
/// description and duties had been no evidence, and `项目描述` had been read as the
/// project's title.)
/// A label alone (`项目描述：` over its text) is such a field with no text: it opens the
/// content below it and is no bullet, nor a heading.
fn content_field(line: &str) -> Option<Kind> {
    let text = match field_parts(line) {
        Some((label, _)) => CONTENT_LABELS
            .contains(&label.as_str())
            .then(|| strip_emphasis(line))?,
        None => {
            let label = strip_emphasis(line);
            let label = label
                .trim()
                .strip_suffix(['：', ':'])?
                .trim()
                .to_lowercase();
            // (`Achievements:` alone is as often a section's heading.)
            (CONTENT_LABELS.contains(&label.as_str()) && !KNOWN_HEADINGS.contains(&label.as_str()))
                .then(String::new)?
        }
    };
    Some(Kind::Item {
        indent: 0,
        shape: FIELD_SHAPE.to_string(),
        markers: 1,
        text,
    })
}

/// Runs of a template's header fields (`项目名称：…`, `项目角色：…`, `项目时间：…`) read as the
/// header they are: their values, name first and time last, set apart from the list above
/// by a blank line (the last duty above had been read as the project's name).
fn header_fields(mut lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let order = |l: &Line<'_>| -> Option<(u8, String)> {
        if !matches!(l.kind, Kind::Text(_)) {
            return None;
        }
        let (label, value) = field_parts(l.raw.trim())?;
        let (_, rank) = HEADER_LABELS.iter().find(|(h, _)| *h == label)?;
        Some((*rank, strip_emphasis(value)))
    };
    if !lines.iter().any(|l| order(l).is_some()) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 4);
    let mut i = 0;
    while i < lines.len() {
        let run: Vec<(u8, String, &str)> = lines[i..]
            .iter()
            .map_while(|l| order(l).map(|(rank, v)| (rank, v, l.raw)))
            .collect();
        if run.is_empty() {
            out.push(std::mem::replace(
                &mut lines[i],
                Line {
                    raw: "",
                    kind: Kind::Blank,
                },
            ));
            i += 1;
            continue;
        }
        i += run.len();
        let mut run = run;
        run.sort_by_key(|(rank, _, _)| *rank);
        out.push(Line {
            raw: "",
            kind: Kind::Blank,
        });
        out.extend(run.into_iter().map(|(_, v, raw)| Line {
            raw,
            kind: Kind::Text(v),
        }));
    }
    out
}

/// A bullet before it is placed in the tree.
struct FlatItem {
    level: usize,
    shape: String,
    text: String,
}

/// Whether a bullet reads like the heading of a group rather than a statement.
fn heading_like(text: &str) -> bool {
    let n = text.chars().count();
    let ends = text.trim_end().ends_with(['。', '.', ';', '；', '!', '！']);
    let colon_content = text
        .find([':', '：'])
        .is_some_and(|i| text[i..].chars().count() > 2);
    n <= 40 && !ends && !colon_content
}

/// The text after a line's list markers, if it has any (exposed for tests).
pub fn split_markers_for_tests(s: &str) -> Option<&str> {
    split_markers(s).map(|(_, _, rest)| rest)
}

/// Places a flat list of items with marker shapes into levels. PDF text loses indentation,
/// so nesting is recovered from marker shapes (`-` then `- *`) and from group-heading-like
/// items: an item after a heading-like item with a different shape is its child.
fn place(items: &mut [FlatItem], bases: &[usize]) {
    for i in 0..items.len() {
        let base = bases[i];
        if i == 0 {
            items[i].level = 0;
            continue;
        }
        let prev_level = items[i - 1].level;
        // A numbered item written inside a bullet's marker (`- 1. Redis migration`, the
        // bullet's marker then a number) followed by an item in that bullet's shape (`- Ran
        // clusters`) closed its own small list: the list goes back to that level rather than
        // nest under the numbered item as a group heading. (A shape is the indentation, a
        // `|`, then the markers, a number marker written `1`.)
        let (prev, this) = (&items[i - 1].shape, &items[i].shape);
        let numbered_inside = prev.len() > this.len()
            && prev.starts_with(this.as_str())
            && prev[this.len()..].contains('1');
        let ancestor = ancestor_with_shape(items, i, &items[i].shape);
        let prev_heading =
            heading_like(&items[i - 1].text) && !(numbered_inside && ancestor.is_some());
        let level = if items[i].shape == items[i - 1].shape {
            prev_level
        } else if prev_heading && base <= prev_level {
            prev_level + 1
        } else if let Some(anc) = ancestor {
            anc
        } else {
            let mut l = base.min(prev_level + 1);
            // Only group-like items take children.
            while l > 0 {
                let parent = items[..i].iter().rev().find(|x| x.level < l);
                match parent {
                    Some(p) if p.level == l - 1 && heading_like(&p.text) => break,
                    _ => l -= 1,
                }
            }
            l
        };
        items[i].level = level;
    }
}

/// The level of the innermost open ancestor of item `i` that has `shape`.
fn ancestor_with_shape(items: &[FlatItem], i: usize, shape: &str) -> Option<usize> {
    let mut want = items[i - 1].level + 1;
    for x in items[..i].iter().rev() {
        if x.level < want {
            if x.shape == shape {
                return Some(x.level);
            }
            want = x.level;
            if want == 0 {
                break;
            }
        }
    }
    None
}

/// Builds the bullet tree from placed items.
pub(crate) fn build_tree(items: Vec<(usize, String)>) -> Vec<Bullet> {
    fn insert(into: &mut Vec<Bullet>, level: usize, text: String) {
        if level > 0 {
            if let Some(last) = into.last_mut() {
                return insert(&mut last.children, level - 1, text);
            }
        }
        into.push(Bullet {
            id: String::new(),
            text,
            children: Vec::new(),
            links: Vec::new(),
        });
    }
    let mut out = Vec::new();
    for (level, text) in items {
        // Deeper than the limit would only be refused later: never build it (the tree is
        // walked recursively).
        insert(&mut out, level.min(super::MAX_DEPTH), text);
    }
    out
}

/// Whether a line (that precedes a date line) reads as a location.
pub(super) fn looks_like_location(s: &str) -> bool {
    let n = s.chars().count();
    let lower = s.to_lowercase();
    n <= 40
        && !s.contains('、')
        && !s.trim_end().ends_with(['。', '.'])
        && (s.contains([',', '，', '|'])
            || ["remote", "远程", "hybrid"].contains(&lower.trim())
            || (n <= 4 && s.chars().all(is_han)))
}

/// The most lines a résumé's header (the name, contact and personal details) runs to before
/// its first section.
const MAX_HEADER_LINES: usize = 15;

/// Parses a plain-text résumé.
pub fn parse(text: &str) -> Resume {
    if let Some(r) = super::linkedin::parse(text) {
        return r;
    }
    let lines = classify(text);
    let mut resume = Resume::default();
    let mut i = 0;
    // Basics: everything before the first heading.
    while i < lines.len() && !matches!(lines[i].kind, Kind::Heading(_)) {
        let t = lines[i].raw.trim();
        if !t.is_empty() {
            let t = strip_emphasis(t.trim_start_matches('#').trim());
            if resume.basics.name.is_none() && t.chars().count() <= 40 && !record_line(&t) {
                resume.basics.name = Some(t);
            } else {
                resume.basics.lines.push(t);
            }
        }
        i += 1;
    }
    // The title of the document read as the name: the name is in a row of details below it.
    // Without such a row (`CURRICULUM VITAE` over `Ananya Iyer`), the name is the first line
    // below that is no contact line.
    if resume.basics.name.as_deref().is_none_or(is_document_title) {
        let name = resume
            .basics
            .lines
            .iter()
            .find_map(|l| name_in_row(l).or_else(|| labelled_name(l).map(|(n, _)| n)))
            .map(|n| (None, n))
            .or_else(|| {
                // (A role under the title, `Senior Data Scientist`, is no name.)
                let at = resume.basics.lines.iter().position(|l| {
                    l.chars().count() <= 40
                        && !is_contact_line(l)
                        && !record_line(l)
                        && !role_word(l)
                        && !l.contains([':', '：', '|'])
                })?;
                Some((Some(at), resume.basics.lines[at].clone()))
            });
        if let Some((at, name)) = name {
            if let Some(at) = at {
                resume.basics.lines.remove(at);
            }
            if let Some(title) = resume.basics.name.replace(name) {
                resume.basics.lines.insert(0, title);
            }
        }
    }
    // A name set in capitals a word a line (`SOPHIA` over `LINDQVIST`, as designer templates
    // set it) is both words.
    let one_word = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_alphabetic() && !is_han(c));
    if resume.basics.name.as_deref().is_some_and(one_word)
        && resume
            .basics
            .lines
            .first()
            .is_some_and(|l| one_word(l) && !role_word(l))
    {
        let last = resume.basics.lines.remove(0);
        if let Some(name) = resume.basics.name.as_mut() {
            name.push(' ');
            name.push_str(&last);
        }
    }
    // (Contact lines and labelled details, `婚姻状况：已婚`, are a header however many.)
    let header_line = |l: &String| {
        is_contact_line(l)
            || l.split_once(['：', ':'])
                .is_some_and(|(label, _)| label.trim().chars().count() <= 12)
    };
    let unlabelled = resume
        .basics
        .lines
        .iter()
        .filter(|l| !header_line(l))
        .count();
    if unlabelled > MAX_HEADER_LINES && i < lines.len() {
        // The first heading jdfit knows comes after pages of text (a résumé flattened by a
        // converter, its own headings run into its lines): the lines above it, but for
        // contact lines, are read as a text without headings is.
        let (keep, body): (Vec<String>, Vec<String>) = std::mem::take(&mut resume.basics.lines)
            .into_iter()
            .partition(|l| is_contact_line(l));
        resume.basics.lines = keep;
        resume
            .sections
            .push(untitled_section(text, body.iter().map(String::as_str)));
        resume.warnings.push(LOOSE_NOTE.to_string());
    }
    super::fill_contact(&mut resume.basics);
    while i < lines.len() {
        let Kind::Heading(h) = &lines[i].kind else {
            i += 1;
            continue;
        };
        let end = lines[i + 1..]
            .iter()
            .position(|l| matches!(l.kind, Kind::Heading(_)))
            .map_or(lines.len(), |p| i + 1 + p);
        // (After the jobs, as Indian résumés end with `Personal Details` and a declaration,
        // the block is a section where it stands: a tailored résumé would otherwise print a
        // date of birth and a father's name under the name.)
        let before_jobs = resume.sections.iter().all(|s| !s.kind.is_work());
        let named = resume
            .basics
            .name
            .as_deref()
            .is_some_and(|n| !is_document_title(n));
        if is_personal_heading(h) && (before_jobs || !named) {
            // `个人信息` / `Contact`: the name and contact details, not a section.
            personal_details(&lines[i + 1..end], &mut resume.basics);
            i = end;
            continue;
        }
        if is_personal_heading(h) {
            // After the jobs: a section, whose e-mail and phone still fill what the header
            // left empty.
            let mut found = crate::model::Basics::default();
            personal_details(&lines[i + 1..end], &mut found);
            let b = &mut resume.basics;
            b.email = b.email.take().or(found.email);
            b.phone = b.phone.take().or(found.phone);
        }
        let kind = SectionKind::from_heading(h);
        let entries = parse_section(&lines[i + 1..end], kind);
        resume.sections.push(Section {
            kind,
            heading: h.clone(),
            entries,
        });
        i = end;
    }
    contacts_in_sections(&mut resume);
    resume.assign_ids();
    resume
}

/// Contacts set in a section rather than under the name (an e-mail line under `PROFILE`, a
/// designer template's sidebar run into the main column): a short line of a section's notes
/// holding an e-mail or phone fills what the header left empty.
/// Only sections before the first job or school count: referees and publications at the end
/// hold other people's numbers and links.
fn contacts_in_sections(resume: &mut Resume) {
    let b = &resume.basics;
    if b.email.is_some() && b.phone.is_some() {
        return;
    }
    let mut found = crate::model::Basics {
        lines: resume
            .sections
            .iter()
            .take_while(|s| !s.kind.is_work() && s.kind != SectionKind::Education)
            .flat_map(|s| &s.entries)
            .flat_map(|e| &e.notes)
            .filter(|n| n.chars().count() <= 60 && is_contact_line(n))
            .cloned()
            .collect(),
        ..Default::default()
    };
    super::fill_contact(&mut found);
    let b = &mut resume.basics;
    b.email = b.email.take().or(found.email);
    b.phone = b.phone.take().or(found.phone);
}

/// The name in a labelled line (`姓名：张三`, `Name: Jane Doe`), up to the next column, and
/// what follows it on the line.
fn labelled_name(l: &str) -> Option<(String, String)> {
    let (label, value) = l.split_once(['：', ':'])?;
    let label = label.trim().to_lowercase();
    // The value ends where the next column starts (`姓名：张三        性别：男`).
    let value = value.trim_start();
    let end = [value.find("  "), value.find(['\t', '|', '｜'])]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(value.len());
    let name = value[..end].trim();
    let rest = value[end..].trim_matches(['|', '｜', ' ', '\t']);
    (["姓名", "name", "full name"].contains(&label.as_str())
        && !name.is_empty()
        && name.chars().count() <= 40)
        .then(|| (name.to_string(), rest.to_string()))
}

/// Whether a line above the name is a labelled record of the job board, no name
/// (`ID：369852147`, `简历编号：10086427351`, `更新时间：2024-11-20`): a label in Chinese or a
/// record's label in English, a colon and a value with a digit. (`姓名：` is the name's own.)
fn record_line(t: &str) -> bool {
    t.split_once(['：', ':']).is_some_and(|(label, value)| {
        let label = label.trim().to_lowercase();
        let han = !label.is_empty() && label.chars().count() <= 8 && label.chars().all(is_han);
        let english = [
            "id",
            "resume id",
            "record",
            "ref",
            "updated",
            "last updated",
        ]
        .contains(&label.as_str());
        (han || english) && label != "姓名" && value.chars().any(|c| c.is_ascii_digit())
    })
}

/// Whether a heading is that of the personal details block Chinese résumés open with
/// (`个人信息`, `基本信息`) or of contact details (`Contact Information`).
fn is_personal_heading(h: &str) -> bool {
    let h = h.trim().to_lowercase();
    [
        "个人信息",
        "基本信息",
        "个人资料",
        "联系方式",
        "personal information",
        "personal details",
    ]
    .iter()
    .any(|k| h.contains(k))
        || [
            "contact",
            "contact information",
            "contact details",
            "contact info",
        ]
        .contains(&h.as_str())
}

/// Whether a line read as the name is the document's title ("个人简历", "Europass Curriculum
/// Vitae"), not a person's name.
fn is_document_title(n: &str) -> bool {
    let n = n.trim().to_lowercase();
    [
        "简历",
        "个人简历",
        "求职简历",
        "resume",
        "résumé",
        "cv",
        "curriculum vitae",
        "europass curriculum vitae",
        "europass cv",
    ]
    .contains(&n.as_str())
}

/// The name in a table row of personal details, its label in one cell and the name in the
/// next (`姓 名 | 王晓峰 | 性 别 | 男`, `PERSONAL INFORMATION | Giulia Ferretti`), as Word
/// résumés from job boards and Europass set it.
fn name_in_row(line: &str) -> Option<String> {
    let cells: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    cells.windows(2).find_map(|w| {
        let label: String = w[0]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let label = label.trim_end_matches([':', '：']);
        (["姓名", "name", "fullname", "personalinformation"].contains(&label)
            && !w[1].is_empty()
            && w[1].chars().count() <= 40
            && !w[1].contains(['@', ':', '：']))
        .then(|| w[1].to_string())
    })
}

/// Reads a personal details block into `basics`: `姓名：张三` or `Name: Jane Doe` is the
/// name (when none was found above it), every other line a contact line, as written.
fn personal_details(lines: &[Line<'_>], basics: &mut crate::model::Basics) {
    // A document title read as the name above the block ("个人简历") yields to `姓名：`.
    let titled = basics.name.as_deref().is_some_and(is_document_title);
    let mut name_found = basics.name.is_some() && !titled;
    for l in lines {
        let t = l.raw.trim();
        let t = split_markers(t).map_or(t, |(_, _, rest)| rest);
        let t = strip_emphasis(t.trim());
        if t.is_empty() {
            continue;
        }
        let named = labelled_name(&t);
        // Or in a table row (`姓 名 | 王晓峰 | 性 别 | 男`): the row stays a contact line.
        let named = named.or_else(|| name_in_row(&t).map(|n| (n, t.clone())));
        match named {
            Some((name, rest)) if !name_found => {
                if titled {
                    if let Some(title) = basics.name.take() {
                        basics.lines.push(title);
                    }
                }
                basics.name = Some(name);
                name_found = true;
                if !rest.is_empty() {
                    basics.lines.push(rest);
                }
            }
            _ => basics.lines.push(t),
        }
    }
    super::fill_contact(basics);
}

/// The note a résumé read without list structure carries.
pub const LOOSE_NOTE: &str =
    "no bullets are marked in this résumé: each line or sentence is read as one bullet";

/// Reads a résumé whose text marks no bullets (a bio, a text flattened onto a few lines):
/// the lines under each section, or under one section for the whole text, cut into
/// sentences, become bullets in order, and the résumé says so in its warnings. Every
/// bullet is a piece of the input as written.
pub fn parse_loose(text: &str) -> Resume {
    let mut r = parse(text);
    if r.sections.is_empty() {
        // No heading at all: what follows the name, but for contact lines, is one section.
        let lines = classify(text);
        let name = r.basics.name.clone();
        let mut skipped_name = false;
        let body: Vec<Line<'_>> = lines
            .into_iter()
            .filter(|l| {
                let t = strip_emphasis(l.raw.trim().trim_start_matches('#').trim());
                if !skipped_name && Some(&t) == name.as_ref() {
                    skipped_name = true;
                    return false;
                }
                !is_contact_line(&t)
            })
            .collect();
        r.basics.lines.retain(|l| is_contact_line(l));
        if r.basics.name.is_none() {
            r.basics.name = bio_name(text);
        }
        // Without headings, a dated line is as likely a sentence of a bio as an entry's
        // header.
        let body = body
            .iter()
            .filter(|l| !matches!(l.kind, Kind::Blank))
            .map(|l| l.raw);
        r.sections.push(untitled_section(text, body));
    }
    notes_to_bullets(&mut r);
    r.warnings.push(LOOSE_NOTE.to_string());
    r.assign_ids();
    r
}

/// Lines read without structure: each line's sentences, in order, as the bullets of one
/// untitled entry of an experience section, headed in the text's language.
fn untitled_section<'a>(text: &str, lines: impl Iterator<Item = &'a str>) -> Section {
    let han = text.chars().filter(|&c| is_han(c)).count();
    let bullets = lines
        .flat_map(|t| {
            let t = t.trim();
            sentences(split_markers(t).map_or(t, |(_, _, rest)| rest))
        })
        .filter(|p| !is_known_heading(p))
        .map(|p| Bullet {
            id: String::new(),
            text: strip_emphasis(p),
            children: Vec::new(),
            links: Vec::new(),
        })
        .collect();
    Section {
        kind: SectionKind::Experience,
        heading: if han * 4 > text.chars().count() {
            "经历"
        } else {
            "Experience"
        }
        .into(),
        entries: vec![Entry {
            bullets,
            ..Entry::default()
        }],
    }
}

/// Turns every entry's paragraphs into bullets, one per sentence, when the résumé has no
/// bullets at all (a Markdown or Word résumé written in paragraphs reads the same way).
pub(crate) fn notes_to_bullets(r: &mut Resume) {
    for s in &mut r.sections {
        for e in &mut s.entries {
            if !e.bullets.is_empty() {
                continue;
            }
            let notes = std::mem::take(&mut e.notes);
            e.bullets = notes
                .iter()
                .flat_map(|n| sentences(n))
                .filter(|p| !is_known_heading(p))
                .map(|p| Bullet {
                    id: String::new(),
                    text: p.to_string(),
                    children: Vec::new(),
                    links: Vec::new(),
                })
                .collect();
        }
    }
    r.assign_ids();
}

pub(super) fn is_known_heading(s: &str) -> bool {
    let h = heading_text(s).to_lowercase();
    KNOWN_HEADINGS.contains(&h.as_str())
}

/// A line of contact details only (an e-mail address, a phone number or a link in a short
/// line), kept with the name rather than read as a bullet.
pub(super) fn is_contact_line(s: &str) -> bool {
    let mut b = crate::model::Basics {
        lines: vec![s.to_string()],
        ..Default::default()
    };
    super::fill_contact(&mut b);
    s.chars().count() <= 120 && (b.email.is_some() || b.phone.is_some() || b.url.is_some())
}

/// The name a Chinese bio starts with: `高勇：男，…`, `杨书剑先生，1969年出生…`.
fn bio_name(text: &str) -> Option<String> {
    let first = text.trim_start();
    let end = first.find(['：', ':', '，', ','])?;
    let head = first[..end]
        .trim_end_matches("先生")
        .trim_end_matches("女士")
        .trim();
    let n = head.chars().count();
    ((2..=4).contains(&n) && head.chars().all(is_han)).then(|| head.to_string())
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr",
    "sr", "st", "no", "dept", "approx", "fig",
];

/// `s` cut into sentences, each a trimmed piece of `s` with its closing punctuation: at
/// bullet glyphs (`•`, `●`, `▪`, `■`), after `。`, `；`, `！`, `？`, and after `.`, `!` or
/// `?` followed by a space and a capital letter, a digit or a Han character (not after an
/// abbreviation or an initial such as `J.`).
pub fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in s.split(['•', '●', '▪', '■']) {
        let mut start = 0;
        let chars: Vec<(usize, char)> = piece.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let end = i + c.len_utf8();
            let cut = match c {
                '。' | '；' | '！' | '？' => true,
                '.' | '!' | '?' => {
                    let next = chars.get(k + 1).map(|x| x.1);
                    let after = chars.get(k + 2).map(|x| x.1);
                    let word: String = piece[start..i]
                        .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    next.is_some_and(char::is_whitespace)
                        && after
                            .is_some_and(|a| a.is_uppercase() || a.is_ascii_digit() || is_han(a))
                        && !(c == '.'
                            && (ABBREVIATIONS.contains(&word.as_str())
                                || word.chars().count() == 1))
                }
                _ => false,
            };
            if cut {
                out.push(piece[start..end].trim());
                start = end;
            }
        }
        out.push(piece[start..].trim());
    }
    out.retain(|p| p.chars().any(char::is_alphanumeric));
    out
}

/// How many of the lines after `at` (skipping blanks, up to the next item or heading, at most
/// four) belong to an entry header, and whether one of them is a date range. A sentence
/// (`负责税务筹划，每年节税约300万元；`) is a duty, no part of a header: the lines stop before it.
/// A role alone on the line right under the dates (`成都天府数智科技有限公司` over `2021.10 - 至今`
/// over `高级产品经理`, as Zhilian sets a job) is the header's too when no line above names one.
fn header_details(lines: &[Line<'_>], at: usize) -> (Vec<usize>, bool) {
    // (Under a marked line a sentence may be its wrapped end.)
    let unmarked = matches!(lines[at].kind, Kind::Text(_));
    let mut idx = Vec::new();
    let mut has_date = false;
    for (j, l) in lines.iter().enumerate().skip(at + 1) {
        match &l.kind {
            Kind::Blank => continue,
            Kind::Text(t) => {
                if idx.len() == 4 || (unmarked && statement(t)) {
                    break;
                }
                has_date |= dates::entry_dates(t).is_some();
                idx.push(j);
                if has_date {
                    break;
                }
            }
            _ => break,
        }
    }
    let text = |j: usize| match &lines[j].kind {
        Kind::Text(t) | Kind::Item { text: t, .. } => t.as_str(),
        _ => "",
    };
    if let Some(&last) = idx.last().filter(|_| has_date) {
        let named = std::iter::once(at)
            .chain(idx.iter().copied())
            .any(|j| role_word(text(j)));
        let text_at = |j: usize| match lines.get(j).map(|l| &l.kind) {
            Some(Kind::Text(t)) => Some(t.as_str()),
            _ => None,
        };
        if !named && text_at(last + 1).is_some_and(role_line) {
            idx.push(last + 1);
        } else if named
            && role_line(text(at))
            && dates::is_range_line(text(last))
            && text_at(last + 1).is_some_and(|t| {
                reads_as_name(t) && !role_word(t) && !statement(t) && !looks_like_location(t)
            })
        {
            // The role, its dates, then the employer and its place (`Marketing Manager` over
            // `2020 - PRESENT` over `Brightloop Analytics` over `San Francisco, CA`, as
            // designer templates set a job).
            idx.push(last + 1);
            if text_at(last + 2).is_some_and(looks_like_location) {
                idx.push(last + 2);
            }
        }
    }
    (idx, has_date)
}

/// Whether a line states something (a duty, an achievement) rather than naming: it ends
/// as a sentence does, and an English one ending with a full stop has lower-case words
/// (`Led a team of 5 engineers.`, not `Senior Software Engineer, Acme Payments Inc.`).
fn statement(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['。', '！', '；', '!', ';'])
        || (reads_as_sentence(t)
            && t.split_whitespace()
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .count()
                >= 2)
}

/// A job told in one sentence (`Working as Senior Software Engineer in Infosys Limited,
/// Bengaluru from Aug 2020 to till date.`, `Worked as Analyst at Deloitte since 2019`): its
/// role, employer (and place) and dates.
fn sentence_job(line: &str) -> Option<Entry> {
    static JOB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:currently\s+)?(?:working|worked|employed)\s+as\s+(?:an?\s+)?(?P<title>.+?)\s+(?:in|at|with|for)\s+(?P<org>.+?)\s+(?P<when>(?:from|since)\s+.+?)\.?$")
            .expect("sentence job pattern")
    });
    let c = JOB.captures(line.trim())?;
    let when = c.name("when")?.as_str();
    let title = c.name("title")?.as_str().trim();
    if !role_word(title) {
        return None;
    }
    let (start, end, dates) = match dates::find_range(when) {
        Some(r) => (r.start, r.end, when[r.span].trim().to_string()),
        None if when.to_lowercase().starts_with("since") => {
            let point = dates::parse_point(when[5..].trim())?;
            (
                Some(point),
                Some(crate::model::DateEnd::Present),
                when.trim().to_string(),
            )
        }
        None => return None,
    };
    let (org, place) = employer_and_place(c.name("org")?.as_str());
    let (org, place) = match (place, org.rsplit_once(", ")) {
        (None, Some((o, p))) if p.split_whitespace().count() <= 2 => (o, Some(p)),
        _ => (org, place),
    };
    Some(Entry {
        organisation: Some(org.trim().to_string()),
        title: Some(title.to_string()),
        location: place.map(|p| p.trim().to_string()),
        dates: Some(dates),
        start,
        end,
        ..Entry::default()
    })
}

/// A degree on one line with its school and the year it ended (`Ph.D. in Statistics,
/// Carnegie Mellon University, Pittsburgh, PA, 2019`): the school, the degree before it, the
/// place after it.
fn school_line(line: &str) -> Option<Entry> {
    static YEAR_AT_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<body>.+?)[,\s]+[(（]?(?P<year>(?:19|20)[0-9]{2})[)）]?\.?$")
            .expect("year at the end")
    });
    if dates::find_range(line).is_some() {
        return None;
    }
    let c = YEAR_AT_END.captures(line.trim())?;
    let mut parts: Vec<&str> = c["body"].split(", ").map(str::trim).collect();
    let at = parts.iter().position(|p| names_school(p))?;
    let mut when = c["year"].to_string();
    // (`…, Ann Arbor, MI, May 2016`: the month is the date's, not the place's.)
    if let Some(month) = parts.last().filter(|_| parts.len() > at + 1) {
        let dated = format!("{month} {when}");
        if dates::parse_point(&dated).is_some_and(|p| p.month.is_some()) {
            parts.pop();
            when = dated;
        }
    }
    let year = dates::parse_point(&when)?;
    let join = |ps: &[&str]| Some(ps.join(", ")).filter(|j| !j.is_empty());
    Some(Entry {
        organisation: Some(parts[at].to_string()),
        title: join(&parts[..at]),
        location: join(&parts[at + 1..]),
        dates: Some(when),
        start: Some(year),
        end: Some(crate::model::DateEnd::Date(year)),
        ..Entry::default()
    })
}

/// Whether a line is a role alone (`高级产品经理`, `Senior Software Engineer`, `Java开发工程师 |
/// 技术部`): a title word, short, no dates and no sentence.
fn role_line(t: &str) -> bool {
    let t = t.trim();
    let short = if t.chars().any(is_han) {
        t.chars().count() <= 24 && !t.contains(['，', '。', '；', '、', ','])
    } else {
        t.split_whitespace().count() <= 6
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    short && role_word(t) && !reads_as_sentence(t) && dates::find_range(t).is_none()
}

/// Whether an item reads as a name (an employer), not a statement: a few words, each
/// opening with a capital or a digit ("Acme Corp", "Globex"), or a short Chinese name with no
/// punctuation ("阿里巴巴", "网易").
fn reads_as_name(t: &str) -> bool {
    let t = t.trim();
    if t.chars().any(is_han) {
        return t.chars().count() <= 12 && !t.contains(['，', '。', '；', '、', ',']);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| !w.starts_with(|c: char| c.is_lowercase()))
}

/// Whether a dated line opens with a role before its dates ("Senior Consultant    Jan 2020 –
/// Present"): the role, not a place.
fn role_before_dates(t: &str) -> bool {
    dates::find_range(t).is_some_and(|r| {
        let before = t[..r.span.start]
            .trim()
            .trim_end_matches(['|', ',', '，', '·', '-', '–', '—'])
            .trim();
        !before.is_empty() && role_word(before) && !super::is_place(before)
    })
}

/// Whether an item reads as a sentence (an achievement), not as a name: it ends with a
/// full stop, exclamation mark or semicolon, and an English one has several words ("Acme
/// Inc." is a name).
pub(super) fn reads_as_sentence(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['。', '！', '；', '!', ';'])
        || (t.ends_with('.') && t.split_whitespace().count() >= 5)
}

/// Whether a dated line names its own entry, an organisation and a role beside its dates
/// (`DataCorp, Engineer    2016 – 2019`, `2014.07-2017.02  网易  Java 开发工程师`): then a
/// line above it is not its header. A role alone (`Senior Engineer, Jan 2020 – Present`) or
/// an organisation alone leaves the line above to name the other.
fn names_own_entry(t: &str) -> bool {
    let Some(r) = dates::find_range(t) else {
        return false;
    };
    let seps = ['|', ',', '，', '·', '-', '–', '—'];
    let before = t[..r.span.start].trim().trim_end_matches(seps).trim();
    if !before.is_empty() {
        return split_role(before).is_some();
    }
    let after = t[r.span.end..].trim().trim_start_matches(seps).trim();
    !after.is_empty() && !dated_first(after, SectionKind::Experience).1.is_empty()
}

/// Whether `text` names a role by a title word standing as a word ("Senior Engineer", not
/// "Azure Engineering", "Amnesty International" or "internal DNS"; 工程师 anywhere).
pub(super) fn role_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    crate::model::ROLE_WORDS.iter().any(|w| {
        if !w.is_ascii() {
            return lower.contains(w);
        }
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
        })
    })
}

/// Whether `text` ends with a title word, the head of a title ("Senior Java Engineer",
/// "高级工程师"). A title's head comes last; an organisation named after a trade ends with its
/// own noun ("Engineers Without Borders", "中国软件工程师协会") or names the trade in the
/// plural ("Society of Women Engineers").
pub(super) fn role_head(text: &str) -> bool {
    let lower = text.trim_end().to_lowercase();
    crate::model::ROLE_WORDS.iter().any(|w| {
        lower.strip_suffix(w).is_some_and(|before| {
            !w.is_ascii()
                || !before
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether a marked line is wholly set in bold (`- **阿里云**`): a name, not a statement.
fn is_bold_name(raw: &str) -> bool {
    split_markers(raw).is_some_and(|(_, _, rest)| {
        let rest = rest.trim();
        rest.len() > 4
            && ((rest.starts_with("**") && rest.ends_with("**"))
                || (rest.starts_with("__") && rest.ends_with("__")))
    })
}

/// Whether a marked line stops in the middle of a sentence, as text copied out of a PDF
/// wraps a long bullet ("• Migrated the billing platform from a monolith to microservices
/// running on" over "Kubernetes, cutting deploy time by 80%."): it ends with a comma, or it
/// is a long sentence ending with a lower-case word. A header (an organisation, a role) is
/// short, or ends with a capital or a name.
fn breaks_off(text: &str) -> bool {
    let t = text.trim_end();
    let words = t.split_whitespace().count();
    t.ends_with([',', '，', '、'])
        || (t.len() >= 40 && words >= 6 && t.ends_with(|c: char| c.is_ascii_lowercase()))
}

fn is_continuation(raw: &str) -> bool {
    let indent = raw.len() - raw.trim_start().len();
    indent >= 2
        || raw
            .trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase())
}

fn parse_section(lines: &[Line<'_>], kind: SectionKind) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut items: Vec<FlatItem> = Vec::new();
    let mut bases: Vec<usize> = Vec::new();
    let flush = |entries: &mut Vec<Entry>, items: &mut Vec<FlatItem>, bases: &mut Vec<usize>| {
        if items.is_empty() {
            return;
        }
        place(items, bases);
        let tree = build_tree(items.drain(..).map(|x| (x.level, x.text)).collect());
        bases.clear();
        if entries.is_empty() {
            entries.push(Entry::default());
        }
        entries.last_mut().expect("entry").bullets.extend(tree);
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let (text, is_item) = match &line.kind {
            Kind::Blank | Kind::Heading(_) => {
                i += 1;
                continue;
            }
            Kind::Item { text, .. } => (text.clone(), true),
            Kind::Text(t) => (t.clone(), false),
        };
        // (Only where no job above has bullets: under a job, such a line is its bullet.)
        let no_bullets_yet = items.is_empty() && entries.iter().all(|e| e.bullets.is_empty());
        if let Some(job) = (kind.is_work() && no_bullets_yet)
            .then(|| sentence_job(&text))
            .flatten()
        {
            // `Working as Senior Software Engineer in Infosys Limited, Bengaluru from Aug
            // 2020 to till date.`: a whole job in a sentence, as Indian résumés list them.
            flush(&mut entries, &mut items, &mut bases);
            entries.push(job);
            i += 1;
            continue;
        }
        if let Some(school) = (kind == SectionKind::Education && !is_item)
            .then(|| school_line(&text))
            .flatten()
        {
            // `Ph.D. in Statistics, Carnegie Mellon University, Pittsburgh, PA, 2019`: a degree
            // a line, as academic and Indian résumés list them.
            flush(&mut entries, &mut items, &mut bases);
            entries.push(school);
            i += 1;
            continue;
        }
        let (mut details, has_date) = header_details(lines, i);
        // Dates inside the line: after its organisation (`Acme Corp, Jan 2019 – Present`), or
        // before it, as Chinese résumés set them (`2017.03-至今  阿里巴巴  高级工程师`).
        let inline_date = !is_item
            && dates::find_range(&text).is_some_and(|r| {
                let after = &text[r.span.end..];
                r.span.start > 0
                    || (after.chars().any(char::is_alphanumeric) && !reads_as_sentence(after))
            });
        if inline_date {
            // A header with its own dates: a dated line below it heads the next entry.
            let next_dated = details.iter().position(
                |&j| matches!(&lines[j].kind, Kind::Text(t) if dates::entry_dates(t).is_some()),
            );
            details.truncate(next_dated.unwrap_or(details.len()));
        }
        let directly_followed = details.first().is_some_and(|&j| j == i + 1);
        let continuation = is_item
            && directly_followed
            && !has_date
            && (details.iter().all(|&j| is_continuation(lines[j].raw))
                || (details.len() == 1 && breaks_off(&text)));
        // A marked sentence (an achievement) above an organisation and its dates ends the
        // list above it; it heads an entry only when its dates follow it directly ("- Software
        // engineer at Acme Corp." over "2019 – 2021"). A marked name, as PDF text gives
        // "- **阿里云**", heads its entry.
        // Dates that name their own organisation (`小马智行 | 中国, 北京 · 2019 – 2020`) head
        // their own entry instead.
        // (Dates followed by their organisation, `2014.07-2017.02  网易  Java 开发工程师`, name
        // it too.)
        let dates_next = directly_followed
            && matches!(&lines[i + 1].kind, Kind::Text(t) if dates::entry_dates(t).is_some_and(|r| {
                let before = t[..r.span.start].trim().trim_end_matches(['|', ',', '，', '·']).trim();
                let named_after = before.is_empty() && t[r.span.end..].chars().any(char::is_alphanumeric);
                !named_after
                    && (before.is_empty() || (looks_like_location(before) && !before.contains(['|', '·'])))
            }));
        // A marked line set apart by a blank line from a whole header below it (an
        // organisation, a role or place, and dates: three lines or more) ends the list above
        // it, however short ("- Wrote Terraform for AWS."): the lines below head their own
        // entry. A name set in bold ("- **阿里云**") still heads it.
        // So does a line that names both an organisation and a role over its dates ("Beta Inc
        // - Intern" over "2017"): two lines are a whole header then. And any dated header
        // below the last item of a list ("- Led migration to microservices" under "- Built a
        // payment service", then a blank line, then "Globex Inc    2016 - 2018"): the list
        // ended with the blank line; an item that heads an entry opens its list.
        let ends_a_list = i > 0 && matches!(lines[i - 1].kind, Kind::Item { .. });
        let whole_below = details.len() >= 3
            || ends_a_list
            || (details.len() == 2
                && matches!(&lines[details[0]].kind, Kind::Text(t) if split_role(t).is_some()));
        let apart_above =
            is_item && !directly_followed && has_date && whole_below && !is_bold_name(line.raw);
        let sentence_above = is_item && (reads_as_sentence(&text) || apart_above) && !dates_next;
        // A dated line that names its organisation and role ("DataCorp, Engineer    2016 –
        // 2019", see `names_own_entry`) is a whole entry header: the item above it ("-
        // Mentored 5 engineers") is the previous entry's last bullet, unless the item is a
        // name set in bold ("- **阿里云**", as text from a PDF gives it).
        // So is an achievement right above a role and its dates ("- Led ERP rollout for a
        // retailer" over "Consultant    Sep 2017 – Dec 2019", the next role at the same
        // employer); a marked name ("• Acme Corp" over "Senior Engineer, Jan 2020 – Present")
        // is the employer of the role below it.
        let role_dated_below = is_item
            && has_date
            && details.last().is_some_and(|&j| {
                matches!(&lines[j].kind, Kind::Text(t) if names_own_entry(t)
                    || (directly_followed && role_before_dates(t) && !reads_as_name(&text)))
            })
            && !is_bold_name(line.raw);
        // An achievement over a date alone on its line and a line naming an employer and a
        // role ("• 推动拣货路径优化项目，人效提升18%。" over "2021.04-至今" over "广州小鹏汽车 | 数字化
        // 中心 | 产品专家", as Word résumés set a bold date over each job): the item is the
        // previous entry's last bullet, the dates and that line the next entry.
        let dates_over_entry = is_item
            && directly_followed
            && matches!(&lines[i + 1].kind, Kind::Text(t) if dates::entry_dates(t)
                .is_some_and(|r| r.span.start == 0 && r.span.end == t.len()))
            && matches!(lines.get(i + 2).map(|l| &l.kind), Some(Kind::Text(t))
                if dates::entry_dates(t).is_none() && split_role(t).is_some())
            && !is_bold_name(line.raw);
        // `2019 – 2020 Built an open-source Kafka client used by 200 companies.`: a dated
        // sentence, an achievement rather than an entry's header.
        let dated_sentence = !is_item
            && dates::find_range(&text)
                .is_some_and(|r| r.span.start == 0 && reads_as_sentence(&text[r.span.end..]));
        // A line over dates that open a header naming its employer ("2019.07 - 2021.07　上海麦
        // 肯光明广告有限公司　（2年）", as Zhilian sets each job) is the job above's last line,
        // not that employer: only a role after the dates ("2017.03-至今  高级工程师") leaves the
        // line above to name the employer.
        // (`2015/07--2020/07  昆山联科电子有限公司  会计`, naming both, as 51job sets a job, leaves
        // it nothing either.)
        let dates_open_a_header = directly_followed
            && matches!(&lines[i + 1].kind, Kind::Text(t) if dates::find_range(t).is_some_and(|r| {
                let after = t[r.span.end..].trim().trim_start_matches(['|', ',', '，', '·']).trim();
                r.span.start == 0
                    && after.chars().any(char::is_alphanumeric)
                    && !reads_as_sentence(after)
                    && (!role_word(after) || names_own_entry(t))
            }))
            && !is_bold_name(line.raw);
        // A sentence is a duty, not an entry's name (`管理6人财务团队。` over a blank line and the
        // next job): only dates right under it make it one (`Software engineer at Acme Corp.`
        // over `2019 – 2021`).
        let text_sentence = !is_item && statement(&text) && !dates_next;
        // A labelled field of a template (`责任描述：…`) is the entry's content, never its name.
        let field = matches!(&line.kind, Kind::Item { shape, .. } if shape == FIELD_SHAPE);
        let header = !field
            && !sentence_above
            && !text_sentence
            && !role_dated_below
            && !dates_over_entry
            && !dates_open_a_header
            && !dated_sentence
            && (has_date
                || inline_date
                || (is_item && directly_followed && !continuation && details.len() <= 2));
        // Dates alone on a line over the entry they date ("2020 – 2022" over "Machine
        // Learning Engineer, OpenAI"): the line below is the header, the dates its dates.
        let dates_first = !is_item
            && directly_followed
            && dates::entry_dates(&text)
                .is_some_and(|r| r.span.start == 0 && r.span.end == text.len())
            && matches!(&lines[i + 1].kind, Kind::Text(t) if dates::entry_dates(t).is_none());
        if dates_first {
            flush(&mut entries, &mut items, &mut bases);
            let mut below: Vec<String> = details
                .iter()
                .filter_map(|&j| match &lines[j].kind {
                    Kind::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect();
            let head = below.remove(0);
            below.insert(0, text);
            entries.push(make_entry(head, below, kind));
            i = details.last().map_or(i + 1, |&j| j + 1);
            continue;
        }
        if continuation {
            let mut joined = text;
            for &j in &details {
                if let Kind::Text(t) = &lines[j].kind {
                    // Chinese runs on without a space where the line was wrapped.
                    let han = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
                    if !(han(joined.chars().last()) && han(t.chars().next())) {
                        joined.push(' ');
                    }
                    joined.push_str(t);
                }
            }
            push_item(&mut items, &mut bases, line, joined);
            i = details.last().map_or(i + 1, |&j| j + 1);
            continue;
        }
        if header {
            flush(&mut entries, &mut items, &mut bases);
            let detail_texts: Vec<String> = details
                .iter()
                .filter_map(|&j| match &lines[j].kind {
                    Kind::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect();
            entries.push(make_entry(text, detail_texts, kind));
            i = details.last().map_or(i + 1, |&j| j + 1);
            continue;
        }
        if field && text.is_empty() {
            // A label alone (`项目职责：`): the lines below are the content.
        } else if is_item {
            push_item(&mut items, &mut bases, line, text);
        } else {
            let current_has_bullets =
                !items.is_empty() || entries.last().is_some_and(|e| !e.bullets.is_empty());
            let bulletish = kind.is_work();
            if current_has_bullets || (bulletish && entries.last().is_some()) {
                items.push(FlatItem {
                    level: 0,
                    shape: "text".into(),
                    text,
                });
                bases.push(0);
            } else {
                flush(&mut entries, &mut items, &mut bases);
                if entries.is_empty() {
                    entries.push(Entry::default());
                }
                entries.last_mut().expect("entry").notes.push(text);
            }
        }
        i += 1;
    }
    flush(&mut entries, &mut items, &mut bases);
    entries
}

fn push_item(items: &mut Vec<FlatItem>, bases: &mut Vec<usize>, line: &Line<'_>, text: String) {
    if let Kind::Item {
        indent,
        shape,
        markers,
        ..
    } = &line.kind
    {
        items.push(FlatItem {
            level: 0,
            shape: shape.clone(),
            text,
        });
        bases.push(markers - 1 + indent / 2);
    }
}

/// How long a job lasted (`（4年9个月）`, `(3年)`, `(2 years 3 months)`) and the pay
/// (`| 月薪：20001-25000元/月`), as job boards print them beside an employer or a role: neither
/// is part of its name, and a tailored résumé printing the pay would tell it to every reader.
static TENURE_OR_PAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*[(（]\s*(?:\d{1,2}(?:\.\d)?\s*(?:年|个月|月|years?|yrs?|months?|mos?)\s*)+[)）]|\s*[|｜]?\s*(?:税前)?(?:月薪|年薪|薪资|薪酬|薪水|salary)\s*[：:]\s*[^|｜\s]+|\s*[|｜]\s*\d[\d,.]*(?:\s*[-~]\s*\d[\d,.]*)?\s*(?:元|万元?|[kK])\s*/\s*(?:月|年)",
    )
    .expect("tenure pattern")
});

/// A header line without its tenure and pay.
fn without_tenure_or_pay(line: &str) -> String {
    TENURE_OR_PAY.replace_all(line, "").trim().to_string()
}

fn make_entry(header: String, details: Vec<String>, kind: SectionKind) -> Entry {
    let mut e = Entry::default();
    let mut rest: Vec<String> = Vec::new();
    let mut header = without_tenure_or_pay(&header);
    let details: Vec<String> = details
        .iter()
        .map(|d| without_tenure_or_pay(d))
        .filter(|d| !d.is_empty())
        .collect();
    if let Some(r) = dates::find_range(&header) {
        // `Acme Corp, Jan 2019 – Present`: dates inline in the header.
        e.dates = Some(header[r.span.clone()].trim().to_string());
        e.start = r.start;
        e.end = r.end;
        let span = dates::with_brackets(&header, &r);
        let before = header[..span.start]
            .trim()
            .trim_end_matches(['|', ',', '，', '·', '-', '–', '—'])
            .trim();
        let after = header[span.end..]
            .trim()
            .trim_start_matches([',', '，', '|', '·'])
            .trim();
        if before.is_empty() && !after.is_empty() {
            // `2017.03-至今  阿里巴巴  高级 Java 开发工程师`: the dates first, then the
            // organisation and the role (in columns, or told apart by the role's title word).
            // (51job sets a colon after the dates: `2020/03 - 2021/06：智能风控系统`.)
            let after = after
                .trim_start_matches(['|', ',', '，', '·', '-', '–', '—', ':', '：'])
                .trim();
            let (org, rest_after) = dated_first(after, kind);
            if kind == SectionKind::Education && !rest_after.is_empty() {
                // `2012/09 - 2016/06  华东理工大学  计算机科学与技术  本科`: the major and the
                // degree in the columns after the school are what was studied.
                e.title = Some(rest_after.join(" "));
            } else {
                rest.extend(rest_after);
            }
            header = org;
            return finish_entry(e, header, details, rest, kind);
        }
        let mut h = before.to_string();
        // `小马智行 | 中国, 北京 · 2019 – 2020`: the organisation, then its place.
        let split = [" | ", " · "]
            .iter()
            .find_map(|sep| before.rsplit_once(sep))
            .filter(|(org, place)| !org.trim().is_empty() && super::is_place(place));
        if let Some((org, place)) = split {
            h = org.trim().to_string();
            e.location = Some(place.trim().to_string());
        }
        if !after.is_empty() {
            rest.push(after.to_string());
        }
        if h.is_empty() {
            h = header.clone();
        }
        header = h;
    }
    finish_entry(e, header, details, rest, kind)
}

/// An entry from its header (its dates taken out), its detail lines and what is left of
/// the header line.
fn finish_entry(
    mut e: Entry,
    header: String,
    details: Vec<String>,
    mut rest: Vec<String>,
    kind: SectionKind,
) -> Entry {
    let date_pos = details.iter().position(|d| dates::entry_dates(d).is_some());
    // The line above the dates, when it was taken as the place: under a role it may be the
    // employer and its place (`Contoso Ltd., Seattle, WA`).
    let mut place_line = false;
    for (k, d) in details.iter().enumerate() {
        if Some(k) == date_pos {
            let r = dates::entry_dates(d).expect("date");
            let span = dates::with_brackets(d, &r);
            let before = d[..span.start]
                .trim()
                .trim_end_matches(['|', ',', '，', '·'])
                .trim();
            e.dates = Some(d[r.span.clone()].trim().to_string());
            e.start = r.start;
            e.end = r.end;
            if role_before_dates(d) {
                // `Deloitte, London` over `Senior Consultant    Jan 2020 – Present`: the role.
                rest.insert(0, before.to_string());
            } else if !before.is_empty() {
                e.location = Some(before.to_string());
            }
            let after = d[span.end..].trim().trim_matches(['*', '_']).trim();
            if !after.is_empty() {
                rest.push(after.to_string());
            }
        } else if date_pos == Some(k + 1)
            && e.location.is_none()
            && looks_like_location(d)
            && !role_word(d)
        {
            e.location = Some(d.clone());
            place_line = true;
        } else {
            rest.push(d.clone());
        }
    }
    // A role on the line below (`Microsoft, Azure Engineering` over `Software Engineer`) is
    // the title: the header is not split then.
    let title_below = rest.first().is_some_and(|r| role_word(r));
    // `Registered Nurse - Medical/Surgical Unit` over `St. Agnes Regional Hospital - Houston,
    // TX` over the dates, as Indeed exports a job: the line above the dates names the
    // employer with its place, so what follows the role's dash is its unit, part of the title.
    // Only under a header that opens with its role, and over a real place: `Globex -
    // Software Engineer` over `Search Team - Remote` is the company, its role and a team.
    let employer_below = date_pos == Some(1)
        && !place_line
        && rest.first().is_some_and(|r| {
            let (org, place) = employer_and_place(r);
            place.is_some_and(super::is_place)
                && !role_word(r)
                && !reads_as_sentence(r)
                && !super::is_place(org)
                && !looks_like_location(org)
        });
    let split = split_role(&header).filter(|_| kind != SectionKind::Education && !title_below);
    let role_first = split
        .as_ref()
        .is_some_and(|(_, title, _)| header.starts_with(title.as_str()));
    if let Some((_, _, None)) = split
        .as_ref()
        .filter(|_| employer_below && role_first && e.location.is_none())
    {
        let line = rest.remove(0);
        let (org, place) = employer_and_place(&line);
        e.organisation = Some(org.to_string());
        e.location = place.map(str::to_string);
        e.title = Some(header);
        e.notes = rest;
        return e;
    }
    match split {
        Some((org, title, place)) => {
            // The header holds the role: a place at its end or on the next line is the place.
            e.organisation = Some(org);
            e.title = Some(title);
            if e.location.is_none() {
                e.location = place;
            }
            if e.location.is_none() && rest.first().is_some_and(|r| looks_like_location(r)) {
                e.location = Some(rest.remove(0));
            }
        }
        None if kind != SectionKind::Education && role_word(&header) => {
            // The role first, then the employer (the American layout: `Senior Backend
            // Engineer` over `Contoso Ltd., Seattle, WA` over `05/2019 – Present`). A line
            // that is a place alone (`Seattle, WA`, `Remote`, 北京) names no employer.
            let employer = if place_line {
                let line = e.location.clone().unwrap_or_default();
                match employer_and_place(&line) {
                    (org, Some(place)) => {
                        e.location = Some(place.to_string());
                        Some(org.to_string())
                    }
                    (_, None) => None,
                }
            } else if rest
                .first()
                .is_some_and(|r| !role_word(r) && !reads_as_sentence(r))
            {
                let line = rest.remove(0);
                let (org, place) = employer_and_place(&line);
                if e.location.is_none() {
                    e.location = place.map(str::to_string);
                }
                if e.location.is_none() && rest.first().is_some_and(|r| looks_like_location(r)) {
                    e.location = Some(rest.remove(0));
                }
                Some(org.to_string())
            } else {
                // `Senior Product Designer` over `Northwind Pay | 2021 - Present`: what
                // stands before the dates is the employer when it is no place.
                e.location
                    .take_if(|l| !super::is_place(l) && !looks_like_location(l) && !role_word(l))
            };
            match employer {
                Some(org) => {
                    e.organisation = Some(org);
                    e.title = Some(header);
                }
                // No employer named: the role heads the entry, as before.
                None => {
                    e.organisation = Some(header);
                    if !rest.is_empty() {
                        e.title = Some(rest.remove(0));
                    }
                }
            }
        }
        None => {
            e.organisation = Some(header);
            if kind != SectionKind::Education && !rest.is_empty() {
                // A role (`Role: QA Automation Lead`) before a client's name.
                let at = rest
                    .iter()
                    .position(|r| role_label(r).is_some())
                    .or_else(|| rest.iter().position(|r| role_word(r)))
                    .unwrap_or(0);
                e.title = Some(rest.remove(at));
            }
        }
    }
    // The degree over its school (`Bachelor's degree in Nursing` over `University of Houston
    // - Houston, TX`, as Indeed exports an education): the school is the organisation.
    if kind == SectionKind::Education
        && e.organisation
            .as_deref()
            .is_some_and(|o| names_degree(o) && !names_school(o))
    {
        let school_at = rest.iter().position(|r| names_school(r));
        let school = match (&e.location, school_at) {
            (Some(l), _) if names_school(l) => e.location.take(),
            (_, Some(at)) => Some(rest.remove(at)),
            _ => None,
        };
        if let Some(school) = school {
            let (org, place) = employer_and_place(&school);
            e.title = e.organisation.take();
            e.organisation = Some(org.to_string());
            e.location = e.location.take().or(place.map(str::to_string));
        }
    }
    // `职位：Java技术经理`, as 猎聘 labels the role under the employer: the role is the value.
    if let Some(t) = e.title.as_deref().and_then(role_label) {
        e.title = Some(t.to_string());
    }
    e.notes = rest;
    e
}

/// The value of a labelled role (`职位：Java技术经理`, `Role: QA Automation Lead`,
/// `Designation: Senior Test Engineer`).
fn role_label(line: &str) -> Option<&str> {
    let (label, value) = field_parts(line)?;
    [
        "职位",
        "职务",
        "岗位",
        "担任职位",
        "担任职务",
        "项目职务",
        "项目角色",
        "role",
        "title",
        "job title",
        "position",
        "designation",
    ]
    .contains(&label.as_str())
    .then_some(value)
}

/// An employer line split into the employer and its place, at the first comma after which
/// a place follows (`Contoso Ltd., Seattle, WA` → `Contoso Ltd.` and `Seattle, WA`); the
/// whole line is the employer when no place follows a comma.
/// Or at a dash or bar before the place (`Great Lakes Supply Co. - Dayton, OH`, as Indeed
/// exports set the employer under the role).
fn employer_and_place(line: &str) -> (&str, Option<&str>) {
    let dashed = [" - ", " – ", " — ", " | "].iter().find_map(|sep| {
        let (org, place) = line.rsplit_once(sep)?;
        let (org, place) = (org.trim(), place.trim());
        let remote = ["remote", "hybrid", "远程"].contains(&place.to_lowercase().as_str());
        (!org.is_empty() && (super::is_place(place) || remote)).then_some((org, place))
    });
    if let Some((org, place)) = dashed {
        return (org, Some(place));
    }
    line.match_indices([',', '，'])
        .map(|(i, c)| (line[..i].trim(), line[i + c.len()..].trim()))
        .find(|(org, place)| !org.is_empty() && super::is_place(place))
        .map_or((line.trim(), None), |(org, place)| (org, Some(place)))
}

/// The organisation of a header written after its dates, and the rest of it (the role
/// first): columns set apart by two spaces, a tab or `|` (`浙江大学  软件工程  本科`), or
/// one piece whose role is told by its title word (`Acme Inc., Senior Engineer`, `阿里巴巴
/// 高级 Java 开发工程师`).
fn dated_first(after: &str, kind: SectionKind) -> (String, Vec<String>) {
    let mut cols: Vec<&str> = after
        .split(['\t', '|', '｜'])
        .flat_map(|c| c.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if cols.len() >= 2 {
        if kind != SectionKind::Education && role_word(cols[0]) && !role_word(cols[1]) {
            cols.swap(0, 1);
        }
        return (
            cols[0].to_string(),
            cols[1..].iter().map(|c| c.to_string()).collect(),
        );
    }
    if kind != SectionKind::Education {
        if let Some((org, title, place)) = split_role(after) {
            let mut rest = vec![title];
            rest.extend(place);
            return (org, rest);
        }
        // `阿里巴巴 高级 Java 开发工程师` (in English, `Goldman Sachs Software Engineer` has
        // no telling where the name ends).
        let by_space = after.split_once(' ').filter(|(a, b)| {
            a.chars().any(crate::analyze::script::is_han) && !role_word(a) && role_word(b)
        });
        if let Some((org, title)) = by_space {
            return (org.to_string(), vec![title.trim().to_string()]);
        }
    }
    (after.to_string(), Vec::new())
}

/// Whether a line names a degree (`Master's degree, Business Administration`, `Bachelor of
/// Arts - BA, Economics`, `MBA`, `硕士`).
pub(super) fn names_degree(l: &str) -> bool {
    let lower = l.to_lowercase();
    [
        "degree",
        "bachelor",
        "master",
        "doctor",
        "ph.d",
        "diploma",
        "associate",
        "certificate",
        " - bs",
        " - ba",
        " - ms",
        " - ma",
        "学士",
        "硕士",
        "博士",
        "本科",
    ]
    .iter()
    .any(|k| lower.contains(k))
        // Initials only as words of their own (`MBA`, not `Bombay`).
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ["phd", "mba", "bsc", "msc"].contains(&w))
}

/// Whether a line names a school (`University of Houston - Houston, TX`, `浙江大学`).
pub(super) fn names_school(l: &str) -> bool {
    let lower = l.to_lowercase();
    crate::model::SCHOOL_WORDS.iter().any(|k| lower.contains(k))
}

/// An organisation and a role on one line, told apart by the role's title word: `Acme Inc.,
/// Senior Engineer`, `Senior Software Engineer, Acme Payments Inc.`, `Engineer at Acme`,
/// `阿里巴巴，高级工程师`, or set in columns by a tab or two spaces as Word and PDF résumés
/// align them (`字节跳动  高级后端工程师`); with the place when one ends the line (`Engineer,
/// Acme — Seattle, WA`). `None` when neither side or both sides name a role.
pub(super) fn split_role(h: &str) -> Option<(String, String, Option<String>)> {
    let (h, place) = [" — ", " – ", " | ", " · ", "｜", "\t", "  "]
        .iter()
        .find_map(|sep| {
            let (a, p) = h.rsplit_once(sep)?;
            (!a.trim().is_empty() && super::is_place(p)).then(|| (a.trim(), Some(p.trim())))
        })
        .unwrap_or((h, None));
    [
        " at ", " @ ", " — ", " – ", " - ", " | ", "｜", ", ", "，", "\t", "  ",
    ]
    .iter()
    .find_map(|sep| {
        // At the first separator and at the last (`Acme, Inc., Senior Engineer`): the
        // role is the side with a title word and no separator of its own.
        [h.split_once(sep), h.rsplit_once(sep)]
            .into_iter()
            .flatten()
            .find_map(|(a, b)| {
                let (a, b) = (a.trim(), b.trim());
                if a.is_empty() || b.is_empty() {
                    return None;
                }
                let (org, title) = match (role_word(a), role_word(b)) {
                    (false, true) => (a, b),
                    (true, false) => (b, a),
                    _ => return None,
                };
                // (A column gap is all space: the role holds no other gap.)
                let mark = Some(sep.trim()).filter(|m| !m.is_empty()).unwrap_or(sep);
                (!title.contains(mark)).then(|| {
                    (
                        org.to_string(),
                        title.to_string(),
                        place.map(str::to_string),
                    )
                })
            })
    })
}

/// Whether `after` (the text right after a number of years, or after "year") says an age:
/// "…years old", "years-old", "s old" (after the stem "year"). An age is not experience.
pub fn is_age(after: &str) -> bool {
    let rest = after.strip_prefix('s').unwrap_or(after);
    let rest = rest.trim_start_matches([' ', '-']);
    rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("old"))
        && !rest[3..].starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::test_view::entries_of;

    #[test]
    fn labelled_fields_of_template_resumes_are_bullets_and_headers() {
        // 51job's and Zhilian's project blocks: the description and duties are the evidence
        // (they had been notes, `项目描述` the project's title and `责任描述` the next
        // project's name); the name and time fields head the entry.
        let r = parse("李娜\n手机：139 1234 5678\n\n工作经验\n2018/07 - 至今 上海某某网络科技有限公司 | Java开发工程师\n工作描述：负责支付网关的开发与维护\n\n项目经验\n2020/03 - 2021/06：智能风控系统\n项目描述：实时识别欺诈交易\n责任描述：\n1. 使用 Flink 计算实时特征\n2. 设计规则引擎\n项目名称：订单中台\n项目时间：2019.09 - 2020.12\n项目角色：后端负责人\n项目描述：统一各业务线的下单流程\n责任描述：设计订单状态机，使用 Redis 做分布式锁\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("上海某某网络科技有限公司"),
                        Some("Java开发工程师"),
                        Some("2018/07 - 至今")
                    ],
                    vec!["工作描述：负责支付网关的开发与维护"]
                ),
                (
                    [Some("智能风控系统"), None, Some("2020/03 - 2021/06")],
                    vec![
                        "项目描述：实时识别欺诈交易",
                        "使用 Flink 计算实时特征",
                        "设计规则引擎"
                    ]
                ),
                (
                    [
                        Some("订单中台"),
                        Some("后端负责人"),
                        Some("2019.09 - 2020.12")
                    ],
                    vec![
                        "项目描述：统一各业务线的下单流程",
                        "责任描述：设计订单状态机，使用 Redis 做分布式锁"
                    ]
                ),
            ]
        );
        // English labels of content: each its own bullet.
        let r = parse("Rahul Sharma\nrahul@example.com\n\nExperience\nInfosys Ltd, Engineer    Jul 2017 - Present\nDescription: Inventory service for 4,000 stores.\nEnvironment: Java 11, Spring Boot, Kafka\n");
        assert_eq!(
            entries_of(&r)[0].1,
            [
                "Description: Inventory service for 4,000 stores.",
                "Environment: Java 11, Spring Boot, Kafka"
            ]
        );
        // A label with nothing after it opens the content below it and is no bullet; one
        // that is no field stays as it was.
        assert!(
            matches!(content_field("责任描述："), Some(Kind::Item { text, .. }) if text.is_empty())
        );
        assert_eq!(content_field("Tel: 555 0100"), None);
        assert_eq!(content_field("Achievements:"), None);
    }

    #[test]
    fn indeed_naukri_academic_and_designer_layouts_read_each_job() {
        let head = |text: &str| -> Vec<[Option<String>; 4]> {
            parse(text)
                .sections
                .iter()
                .flat_map(|s| &s.entries)
                .filter(|e| e.dates.is_some())
                .map(|e| {
                    [
                        e.organisation.clone(),
                        e.title.clone(),
                        e.location.clone(),
                        e.dates.clone(),
                    ]
                })
                .collect()
        };
        let s = |v: &str| Some(v.to_string());
        // Indeed: the role over its employer and place; a current job "Till Date".
        assert_eq!(
            head("Jane Roe\njane@example.com\n\nWork Experience\n\nInventory Control Lead\nGreat Lakes Supply Co. - Dayton, OH\nJune 2016 to February 2020\n- Cut shrink by 30%.\n\nTata Consultancy Services, Pune\nSenior Test Engineer\nSep 2021 – Till Date\n- Automated 600 test cases.\n"),
            [
                [s("Great Lakes Supply Co."), s("Inventory Control Lead"), s("Dayton, OH"), s("June 2016 to February 2020")],
                [s("Tata Consultancy Services, Pune"), s("Senior Test Engineer"), None, s("Sep 2021 – Till Date")],
            ]
        );
        // Indeed: a unit after the role's dash is the title's, the employer the line below.
        assert_eq!(
            head(
                "Jen Okafor
jen@example.com

Work Experience

Registered Nurse - Medical/Surgical Unit
St. Agnes Regional Hospital - Houston, TX
January 2021 to Present
• Served as charge nurse.

Acme Corp - Senior Engineer
Seattle, WA
2018 to 2020
• Built billing.

Globex - Software Engineer
Search Team - Remote
2016 to 2018
• Built search.
"
            ),
            [
                [
                    s("St. Agnes Regional Hospital"),
                    s("Registered Nurse - Medical/Surgical Unit"),
                    s("Houston, TX"),
                    s("January 2021 to Present")
                ],
                [
                    s("Acme Corp"),
                    s("Senior Engineer"),
                    s("Seattle, WA"),
                    s("2018 to 2020")
                ],
                [s("Globex"), s("Software Engineer"), None, s("2016 to 2018")],
            ]
        );
        // Naukri: a whole job in one sentence.
        let r = parse("Rahul Sharma\nrahul@example.com\n\nProfessional Experience:\n• Working as Senior Software Engineer in Infosys Limited, Bengaluru from Aug 2020 to till date.\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (
                e.organisation.as_deref(),
                e.title.as_deref(),
                e.location.as_deref()
            ),
            (
                Some("Infosys Limited"),
                Some("Senior Software Engineer"),
                Some("Bengaluru")
            )
        );
        assert_eq!(e.end, Some(crate::model::DateEnd::Present));
        // A degree a line, with its school and year; the degree over its school.
        assert_eq!(
            head("Priya Raghunathan\npriya@example.edu\n\nEDUCATION\nPh.D. in Statistics, Carnegie Mellon University, Pittsburgh, PA, 2019\nM.S. in Applied Mathematics, Indian Institute of Technology Madras, Chennai, India, 2014\n\nBachelor's degree in Nursing\nUniversity of Houston - Houston, TX\n2008 to 2012\n"),
            [
                [s("Carnegie Mellon University"), s("Ph.D. in Statistics"), s("Pittsburgh, PA"), s("2019")],
                [s("Indian Institute of Technology Madras"), s("M.S. in Applied Mathematics"), s("Chennai, India"), s("2014")],
                [s("University of Houston"), s("Bachelor's degree in Nursing"), s("Houston, TX"), s("2008 to 2012")],
            ]
        );
        // Personal details after the jobs stay a section there, out of the header.
        let r = parse("Rahul Sharma\nrahul@example.com\n\nExperience\nInfosys Limited, Engineer, 2019 - 2021\n- Built billing.\n\nPersonal Details\nDate of Birth : 14-03-1995\n");
        assert_eq!(r.basics.lines, ["rahul@example.com"]);
        assert_eq!(r.sections[1].heading, "Personal Details");
        // An academic CV under its document title: appointments are jobs; a designer's
        // employer stands before the dates under the role; a one-line job split at its
        // dashes.
        let r = parse("CURRICULUM VITAE\n\nPriya Raghunathan\npriya@example.edu\n\nACADEMIC APPOINTMENTS\nAssistant Professor, University of Wisconsin-Madison, 2021-present\n- Secured $640,000 in research funding.\n");
        assert_eq!(r.basics.name.as_deref(), Some("Priya Raghunathan"));
        assert_eq!(r.sections[0].kind, SectionKind::Experience);
        assert_eq!(
            r.sections[0].entries[0].title.as_deref(),
            Some("Assistant Professor")
        );
        assert_eq!(
            head("Sophia Lindqvist\nsophia@example.com\n\nEXPERIENCE\nSenior Product Designer\nNorthwind Pay | 2021 - Present\n- Redesigned checkout.\n\nCascadia Outdoor Gear — Controller — 2016 to 2021\n- Closed the books in 5 days.\n"),
            [
                [s("Northwind Pay"), s("Senior Product Designer"), None, s("2021 - Present")],
                [s("Cascadia Outdoor Gear"), s("Controller"), None, s("2016 to 2021")],
            ]
        );
        // Designer templates: the role, its dates, then the employer and its place; the
        // name in capitals a word a line; the e-mail under the profile.
        assert_eq!(
            head("Daniel Reyes\ndaniel@example.com\n\nWORK EXPERIENCE\n\nMarketing Manager\n2020 - PRESENT\nBrightloop Analytics\nSan Francisco, CA\nGrew pipeline from $6M to $19M in two years.\n"),
            [[s("Brightloop Analytics"), s("Marketing Manager"), s("San Francisco, CA"), s("2020 - PRESENT")]]
        );
        let r = parse("SOPHIA\nLINDQVIST\nUX / UI DESIGNER\n\nPROFILE\nProduct designer with 7 years of experience.\nsophia@example.com\n\nEXPERIENCE\nSenior Product Designer\nNorthwind Pay | 2021 - Present\n• Led the onboarding redesign.\n");
        assert_eq!(r.basics.name.as_deref(), Some("SOPHIA LINDQVIST"));
        assert_eq!(r.basics.email.as_deref(), Some("sophia@example.com"));
        // A team under a role whose employer stands beside the dates is no employer.
        let r = parse("Lee\nlee@example.com\n\nEXPERIENCE\nSenior Software Engineer\nAcme Payments | Jan 2019 – Present\nFraud Detection Team\n- Built scoring.\n");
        assert_eq!(
            r.sections[0].entries[0].organisation.as_deref(),
            Some("Acme Payments")
        );
        // A labelled role is the title, without its label, before a client's name.
        assert_eq!(
            head("Ananya Iyer\nananya@example.com\n\nPROJECTS\nProject 1: Digital Wealth Platform\nClient: Barclays\nRole: QA Automation Lead\nDuration: January 2022 – Present\n1. Built a BDD framework.\n\nEXPERIENCE\n2020.03 - 至今   上海鲸帆信息科技有限公司\n职位：Java技术经理\n1. 负责交易中台架构设计；\n"),
            [
                [s("Project 1: Digital Wealth Platform"), s("QA Automation Lead"), None, s("January 2022 – Present")],
                [s("上海鲸帆信息科技有限公司"), s("Java技术经理"), None, s("2020.03 - 至今")],
            ]
        );
        // Lagou: the role and department under the employer are the title, no place;
        // Naukri's labelled project fields head the project.
        assert_eq!(
            head("李思雨\nlisiyu@example.com\n\n工作经历\n北京青禾智联科技有限公司\n高级产品经理 | 企业服务事业部\n2021年04月 - 至今\n- 负责工单系统。\n\nProject Details\nProject Name : Retail Banking Modernization\nRole : Senior Software Engineer\nDuration : Sep 2021 – Till Date\n- Designed 9 microservices.\n"),
            [
                [s("北京青禾智联科技有限公司"), s("高级产品经理 | 企业服务事业部"), None, s("2021年04月 - 至今")],
                [s("Retail Banking Modernization"), s("Senior Software Engineer"), None, s("Sep 2021 – Till Date")],
            ]
        );
    }

    #[test]
    fn the_new_layouts_leave_ordinary_ones_as_they_were() {
        // A duty saying "served as … from … to …" under a job stays its bullet.
        let r = parse("Anita Rao\nanita@example.com\n\nEXPERIENCE\nStripe, Staff Software Engineer, Mar 2019 – Present\n- Built the ledger.\n- Worked as acting engineering manager for the ledger team from Jan 2021 to Jun 2021.\n- Cut p99 latency by 40%.\n");
        assert_eq!(entries_of(&r).len(), 1);
        assert_eq!(entries_of(&r)[0].1.len(), 3);
        // Pay before the dates: the dates stay.
        let r = parse("赵磊\n136-5555-6666\n\n工作经历\n上海携程商务有限公司\nJava技术经理  月薪：25000元  2019.07-至今\n- 负责订单系统。\n");
        assert_eq!(
            r.sections[0].entries[0].dates.as_deref(),
            Some("2019.07-至今")
        );
        // A long header of labelled details is the header; a referee's phone is no phone of
        // the person; `姓名：` under a document title and a role is the name.
        let details: String = (0..17).map(|k| format!("字段{k}：值{k}\n")).collect();
        let r = parse(&format!("王晓峰\nwangxf@example.com\n{details}\n工作经历\n2019.07-至今  携程  Java技术经理\n- 负责订单系统。\n\nREFERENCES\nDr. Alan Chen\n(512) 471-3322\n"));
        assert_eq!(r.sections.len(), 2);
        assert_eq!(r.basics.phone, None);
        let r = parse("个人简历\n\nJava开发工程师\n\n个人信息\n姓名：张三\n手机：138-0000-1111\n\n工作经历\n2019.07-至今  携程  Java开发工程师\n- 负责订单系统。\n");
        assert_eq!(r.basics.name.as_deref(), Some("张三"));
    }

    #[test]
    fn job_board_exports_read_each_job_whatever_their_layout() {
        // 51job: doubled dashes, the job's dates, employer and role on one line, its duties
        // unnumbered under an empty label; the record number above the name.
        let r = parse("ID：369852147\n刘晓雯\n手机：+86 136 0512 7788\n\n求职意向\n期望从事职业：财务经理\n\n工作经历\n2020/08--至今  苏州恒泰精密制造有限公司  财务主管\n所属行业：机械/设备/重工\n工作描述：\n负责公司全盘账务处理，年营收约6亿元；\n牵头完成SAP S/4HANA的系统切换，月结时间缩短到4天；\n管理6人财务团队。\n\n2015/07--2020/07  昆山联科电子有限公司  会计\n工作描述：负责应收应付与成本核算。\n");
        assert_eq!(r.basics.name.as_deref(), Some("刘晓雯"));
        assert_eq!(r.sections[0].kind, SectionKind::Other);
        assert_eq!(
            entries_of(&r)[1..],
            [
                (
                    [
                        Some("苏州恒泰精密制造有限公司"),
                        Some("财务主管"),
                        Some("2020/08--至今")
                    ],
                    vec![
                        "负责公司全盘账务处理，年营收约6亿元；",
                        "牵头完成SAP S/4HANA的系统切换，月结时间缩短到4天；",
                        "管理6人财务团队。"
                    ]
                ),
                (
                    [
                        Some("昆山联科电子有限公司"),
                        Some("会计"),
                        Some("2015/07--2020/07")
                    ],
                    vec!["工作描述：负责应收应付与成本核算。"]
                ),
            ]
        );
        // Zhilian: employer, dates and role each on a line, duties unnumbered; how long the
        // job lasted and the pay are no part of a name; a project's empty labels are no
        // headings.
        let r = parse("简历编号：10086427351\n更新时间：2024-11-20\n赵一鸣\n电话：(+86) 177-8201-4436\n\n工作经历\n成都天府数智科技有限公司\n2021.10 - 至今\n高级产品经理\n负责政务服务小程序的产品规划，累计用户超过800万；\n带领3名产品经理，建立需求评审机制。\n\n2017.07 - 2021.09  成都蓝海互联网科技有限公司（4年2个月）\n产品经理 | 产品部 | 月薪：20001-25000元/月\n负责进销存系统的需求分析，客户数增长到1500家；\n\n项目经验\n项目名称：蓉易办小程序2.0\n项目时间：2022.03 - 2022.12\n项目角色：产品负责人\n项目描述：\n整合社保、公积金等28个部门服务。\n项目职责：\n1. 完成120余次用户访谈；\n");
        assert_eq!(r.basics.name.as_deref(), Some("赵一鸣"));
        assert_eq!(r.basics.phone.as_deref(), Some("(+86) 177-8201-4436"));
        let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["工作经历", "项目经验"]);
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("成都天府数智科技有限公司"),
                        Some("高级产品经理"),
                        Some("2021.10 - 至今")
                    ],
                    vec![
                        "负责政务服务小程序的产品规划，累计用户超过800万；",
                        "带领3名产品经理，建立需求评审机制。"
                    ]
                ),
                (
                    [
                        Some("成都蓝海互联网科技有限公司"),
                        Some("产品经理 | 产品部"),
                        Some("2017.07 - 2021.09")
                    ],
                    vec!["负责进销存系统的需求分析，客户数增长到1500家；"]
                ),
                (
                    [
                        Some("蓉易办小程序2.0"),
                        Some("产品负责人"),
                        Some("2022.03 - 2022.12")
                    ],
                    vec!["整合社保、公积金等28个部门服务。", "完成120余次用户访谈；"]
                ),
            ]
        );
        // Labelled job fields, and BOSS 直聘's achievement and skills lines above the next job.
        let r = parse("王磊\n138 0013 8000\n个人优势\n3年前端开发经验，熟悉Vue3。\n工作经历\n公司名称：深圳海瑞智联科技有限公司\n在职时间：2021.04 - 至今\n职位名称：测试开发工程师（组长）\n工作描述：\n1. 负责接口自动化测试；\n业绩：年度绩效A。\n拥有技能：Pytest  Jenkins\n杭州云川网络有限公司  2020.12-2021.04\n前端开发实习生  技术部\n内容：参与官网页面开发。\n");
        assert_eq!(r.sections[0].heading, "个人优势");
        assert_eq!(
            entries_of(&r)[1..],
            [
                (
                    [
                        Some("深圳海瑞智联科技有限公司"),
                        Some("测试开发工程师（组长）"),
                        Some("2021.04 - 至今")
                    ],
                    vec![
                        "负责接口自动化测试；",
                        "业绩：年度绩效A。",
                        "拥有技能：Pytest  Jenkins"
                    ]
                ),
                (
                    [
                        Some("杭州云川网络有限公司"),
                        Some("前端开发实习生  技术部"),
                        Some("2020.12-2021.04")
                    ],
                    vec!["内容：参与官网页面开发。"]
                ),
            ]
        );
    }

    #[test]
    fn markers() {
        assert_eq!(split_markers("- * MeBot"), Some(("-*".into(), 2, "MeBot")));
        assert_eq!(split_markers(" - x"), Some(("-".into(), 1, "x")));
        assert_eq!(split_markers("**bold**: x"), None);
        assert_eq!(split_markers("1、负责"), Some(("1".into(), 1, "负责")));
        assert_eq!(split_markers("3.7 GPA"), None);
        assert_eq!(
            split_markers("\\- Prior experience"),
            Some(("-".into(), 1, "Prior experience"))
        );
        assert_eq!(split_markers("\\-x"), None);
        assert_eq!(split_markers("\\"), None);
        assert_eq!(split_markers("• Led"), Some(("•".into(), 1, "Led")));
    }

    #[test]
    fn a_bullet_wrapped_mid_sentence_continues_on_the_next_line() {
        // Text copied out of a PDF wraps a long bullet: the next line, opening with a
        // capital, had become a job of its own, and the bullet after it moved into it.
        let text = "Maria Chen\nmaria@example.com\n\nExperience\n\nNorthwind Cloud\nStaff Engineer\nSeattle, WA\nMar 2020 – Present\n• Wrote Go services for the payments team.\n• Migrated the billing platform from a monolith to microservices running on\nKubernetes, cutting deploy time by 80% for 40 teams.\n• Ran Kafka clusters for the ledger.\n• 负责计费平台从单体迁移到微服务，\n支撑 40 个团队的发布。\n";
        let r = parse(text);
        let entries = &r.sections[0].entries;
        assert_eq!(entries.len(), 1, "{entries:#?}");
        let bullets: Vec<&str> = entries[0].bullets.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            bullets,
            [
                "Wrote Go services for the payments team.",
                "Migrated the billing platform from a monolith to microservices running on Kubernetes, cutting deploy time by 80% for 40 teams.",
                "Ran Kafka clusters for the ledger.",
                "负责计费平台从单体迁移到微服务，支撑 40 个团队的发布。",
            ]
        );
    }

    #[test]
    fn nesting_is_recovered_from_marker_shapes() {
        let text = "工作经历\n\n- 公司\n职位\n中国, 杭州\n2022 年 6 月 - 至今\n - 产品\n - * A: 很长的描述内容在这里写满了一整句话。\n - * B: 又一个很长的描述内容在这里写满了一整句话。\n - 职责\n - * AiInfra ——打造基础设施\n - MLOps 平台: 设计并实施全链路自动化平台。\n - LLM 接入层: 统一接入多个模型。\n - * DevOps ——高效生产\n - 生产环境: 多套环境。\n";
        let r = parse(text);
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("公司"));
        assert_eq!(e.title.as_deref(), Some("职位"));
        assert_eq!(e.location.as_deref(), Some("中国, 杭州"));
        assert_eq!(e.end, Some(crate::model::DateEnd::Present));
        let tops: Vec<_> = e.bullets.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(tops, ["产品", "职责"]);
        assert_eq!(e.bullets[0].children.len(), 2);
        let duties = &e.bullets[1].children;
        assert_eq!(duties.len(), 2);
        assert_eq!(duties[0].text, "AiInfra ——打造基础设施");
        assert_eq!(duties[0].children.len(), 2);
        assert_eq!(duties[1].children.len(), 1);
    }

    #[test]
    fn a_numbered_item_in_a_bullet_list_takes_no_children() {
        // `- 1. Redis…` had made every `- ` bullet after it a child, then a grandchild.
        let text = "Experience\nAcme, Backend Engineer, 2019.01 - 2023.01\n- Built Go services for payments\n- 1. Redis migration phase one finished early\n- Ran Kubernetes clusters\n- Wrote Terraform modules\n";
        let r = parse(text);
        let e = &r.sections[0].entries[0];
        let tops: Vec<_> = e.bullets.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            tops,
            [
                "Built Go services for payments",
                "Ran Kubernetes clusters",
                "Wrote Terraform modules"
            ]
        );
        assert_eq!(e.bullets[0].children.len(), 1);
        assert!(e.bullets[1].children.is_empty());
        // A numbered group heading still takes the bullets of another shape under it.
        let r = parse("Experience\nAcme, Backend Engineer, 2019.01 - 2023.01\n1. Infra 技术职责\n- MLOps 平台: 设计并实施全链路自动化平台。\n- LLM 接入层: 统一接入多个模型。\n2. DataInfra\n- 数据体系: 构建数据流。\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(e.bullets.len(), 2, "{:?}", e.bullets);
        assert_eq!(e.bullets[0].children.len(), 2);
        // An outline: a numbered item of its own under a group, a bullet under that.
        let r = parse("Experience\nAcme, Backend Engineer, 2019.01 - 2023.01\n- Platform work:\n1. Payments\n- Built the ledger service in Go.\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(e.bullets.len(), 1, "{:?}", e.bullets);
        assert_eq!(
            e.bullets[0].children[0].children.len(),
            1,
            "{:?}",
            e.bullets
        );
    }

    #[test]
    fn english_pdf_layout() {
        let text = "Sam Lee\nsam@example.com | +1 555 0100\n\nExperience\n\nAcme Corp\nSenior Engineer\nSan Francisco, CA\nJan 2019 – Present\n• Built the payments API in Go\n• Cut p99 latency by 40%\n  across all regions\n\nEducation\n\nState University\nB.S. Computer Science\n2012.09 – 2016.06\n";
        let r = parse(text);
        assert_eq!(r.basics.name.as_deref(), Some("Sam Lee"));
        assert_eq!(r.basics.email.as_deref(), Some("sam@example.com"));
        assert_eq!(r.sections.len(), 2);
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("Acme Corp"));
        assert_eq!(e.title.as_deref(), Some("Senior Engineer"));
        assert_eq!(e.location.as_deref(), Some("San Francisco, CA"));
        assert_eq!(e.bullets.len(), 2);
        assert_eq!(
            e.bullets[1].text,
            "Cut p99 latency by 40% across all regions"
        );
        assert_eq!(r.sections[1].kind, SectionKind::Education);
    }

    #[test]
    fn entry_lines_with_their_place_and_dates_each_head_an_entry() {
        // Chrome's PDF of a résumé sets the place and dates flush right of the company.
        let r = parse("工作经历\n阿里云 | 中国, 杭州 · 2020 年 8 月 - 2022 年 5 月\n高级工程师、后端\n- 流量调度中间件: 负责流量调度。\n- 推进 blameless postmortem 文化, 组织安全生产周会。\n小马智行 | 中国, 北京 · 2019 年 2 月 - 2020 年 3 月\n工程师、Infra\n- 行车录音工具链: 构建工具链。\n\n教育背景\n硕士 - 北京航空航天大学 | 中国, 北京 · 2016 年 9 月 - 2019 年 1 月\n保研\n本科 - 北京航空航天大学 | 中国, 北京 · 2012 年 9 月 - 2016 年 6 月\n");
        let got: Vec<_> = r
            .sections
            .iter()
            .flat_map(|s| &s.entries)
            .map(|e| {
                (
                    e.organisation.as_deref().unwrap_or(""),
                    e.location.as_deref().unwrap_or(""),
                    e.bullets.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("阿里云", "中国, 杭州", 2),
                ("小马智行", "中国, 北京", 1),
                ("硕士 - 北京航空航天大学", "中国, 北京", 0),
                ("本科 - 北京航空航天大学", "中国, 北京", 0),
            ]
        );
    }

    #[test]
    fn a_chinese_resume_with_a_personal_details_block_and_dates_first() {
        let r = parse("个人信息\n姓名：张三\n电话：13800001234\n邮箱：zhangsan@163.com\n求职意向：Java 后端开发\n\n教育背景\n2010.09-2014.06  浙江大学  软件工程  本科\n\n工作经历\n2017.03-至今  阿里巴巴  高级 Java 开发工程师\n1. 负责交易系统核心链路开发。\n2. 负责 Redis 缓存集群的设计与维护。\n2014.07-2017.02 网易 Java 开发工程师\n1. 参与游戏运营后台开发。\n");
        assert_eq!(r.basics.name.as_deref(), Some("张三"));
        assert_eq!(r.basics.email.as_deref(), Some("zhangsan@163.com"));
        assert_eq!(r.basics.phone.as_deref(), Some("13800001234"));
        assert!(r
            .basics
            .lines
            .iter()
            .any(|l| l == "求职意向：Java 后端开发"));
        // Two columns, and a document title above the block.
        let two = parse("个人简历\n\n个人信息\n姓名：李四        性别：男\n电话：13800001234\n\n工作经历\n2017.03-至今  阿里巴巴  高级工程师\n- 负责交易系统。\n");
        assert_eq!(two.basics.name.as_deref(), Some("李四"));
        assert!(
            two.basics.lines.iter().any(|l| l == "性别：男"),
            "{:?}",
            two.basics.lines
        );
        assert!(
            two.basics.lines.iter().any(|l| l == "个人简历"),
            "{:?}",
            two.basics.lines
        );
        let kinds: Vec<_> = r.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Education, SectionKind::Experience]);
        let edu = &r.sections[0].entries[0];
        assert_eq!(edu.organisation.as_deref(), Some("浙江大学"));
        assert_eq!(edu.dates.as_deref(), Some("2010.09-2014.06"));
        let got: Vec<_> = r.sections[1]
            .entries
            .iter()
            .map(|e| {
                (
                    e.organisation.as_deref().unwrap_or(""),
                    e.title.as_deref().unwrap_or(""),
                    e.dates.as_deref().unwrap_or(""),
                    e.bullets.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("阿里巴巴", "高级 Java 开发工程师", "2017.03-至今", 2),
                ("网易", "Java 开发工程师", "2014.07-2017.02", 1),
            ]
        );
        // English, dates first.
        let r = parse("Jane Doe\njane@example.com\n\nExperience\nJan 2020 – Present    Acme Inc., Senior Engineer\n- Built the billing service in Go.\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (e.organisation.as_deref(), e.title.as_deref()),
            (Some("Acme Inc."), Some("Senior Engineer"))
        );
        assert_eq!(e.dates.as_deref(), Some("Jan 2020 – Present"));
    }

    #[test]
    fn a_short_last_bullet_above_a_blank_line_and_a_whole_header_stays_a_bullet() {
        // "- Wrote Terraform for AWS." had become the next entry's organisation.
        let r = parse("Experience\n\nAcme Cloud\nSenior SRE\nRemote\n2019.01 – 2024.06\n- Ran Kubernetes clusters.\n- Wrote Terraform for AWS.\n\nBeta Corp\nSRE\nRemote\n2016.01 – 2018.12\n- Built Prometheus alerting.\n");
        let entries = &r.sections[0].entries;
        let got: Vec<(Option<&str>, Option<&str>, usize)> = entries
            .iter()
            .map(|e| {
                (
                    e.organisation.as_deref(),
                    e.title.as_deref(),
                    e.bullets.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("Acme Cloud"), Some("Senior SRE"), 2),
                (Some("Beta Corp"), Some("SRE"), 1)
            ]
        );
    }

    #[test]
    fn a_job_dated_by_one_year_or_month_heads_its_own_entry() {
        // An internship dated "2017" became two sub-bullets of the job above it, and with a
        // range below "Beta Inc - Intern" the last bullet above became its organisation.
        for dates in [
            "2017",
            "Summer 2017",
            "06/2017",
            "Jun 2017 - Aug 2017",
            "2017年",
        ] {
            let text = format!("Experience\n\nAcme Corp - SRE\n2019 - 2023\n- Ran Kubernetes clusters for 200 services\n- Cut cloud cost by 30%\n\nBeta Inc - Intern\n{dates}\n- Wrote Python scripts for billing\n");
            let r = parse(&text);
            assert_eq!(
                entries_of(&r),
                [
                    (
                        [Some("Acme Corp"), Some("SRE"), Some("2019 - 2023")],
                        vec![
                            "Ran Kubernetes clusters for 200 services",
                            "Cut cloud cost by 30%"
                        ]
                    ),
                    (
                        [Some("Beta Inc"), Some("Intern"), Some(dates)],
                        vec!["Wrote Python scripts for billing"]
                    )
                ],
                "{dates}"
            );
            assert!(r.sections[0].entries[1]
                .start
                .is_some_and(|s| s.year == 2017));
        }
        // A figure alone on a line is no date: a bullet continued on it stays one bullet.
        let r = parse("Experience\n\nAcme Corp - SRE\n2019 - 2023\n- Served requests per second at peak:\n  12000\n");
        assert_eq!(r.sections[0].entries.len(), 1);
    }

    /// Organisation, title and dates of each entry of the first section, and its bullets.
    #[test]
    fn a_list_ends_at_a_blank_line_before_the_next_dated_header() {
        // The last bullet became the next job's organisation ("Globex Inc" its place).
        let r = parse("EXPERIENCE\nAcme Corp    2019 - 2021\n- Built a payment service\n- Led migration to microservices\n\nGlobex Inc    2016 - 2018\n- Wrote ETL pipelines\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [Some("Acme Corp"), None, Some("2019 - 2021")],
                    vec!["Built a payment service", "Led migration to microservices"]
                ),
                (
                    [Some("Globex Inc"), None, Some("2016 - 2018")],
                    vec!["Wrote ETL pipelines"]
                ),
            ]
        );
        let r = parse("工作经历\n\n阿里巴巴  数据分析师  2018年3月—2020年5月\n- 搭建用户增长指标体系\n- 使用 SQL 完成日常分析报表\n\n腾讯  高级数据分析师  2020年6月—至今\n- 负责风控模型评估\n");
        let got = entries_of(&r);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1.len(), 2, "{got:?}");
        assert_eq!(got[1].0[2], Some("2020年6月—至今"));
    }

    #[test]
    fn the_next_role_at_the_same_employer_is_no_bullets_entry() {
        let r = parse("EXPERIENCE\nDeloitte, London\nSenior Consultant                          Jan 2020 – Present\n- Led ERP rollout for a FTSE 100 retailer\nConsultant                                 Sep 2017 – Dec 2019\n- Built financial models in Excel and Python\n");
        let got = entries_of(&r);
        assert_eq!(
            got[0],
            (
                [
                    Some("Deloitte, London"),
                    Some("Senior Consultant"),
                    Some("Jan 2020 – Present")
                ],
                vec!["Led ERP rollout for a FTSE 100 retailer"]
            )
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0[2], Some("Sep 2017 – Dec 2019"));
        assert_eq!(got[1].1, ["Built financial models in Excel and Python"]);
    }

    #[test]
    fn dates_alone_over_a_role_date_the_entry_below_them() {
        let r = parse("EXPERIENCE\n\n2020 – 2022\nMachine Learning Engineer, OpenAI\n- Trained reward models for RLHF\n- Built evaluation harness\n\n2018 – 2020\nResearch Engineer, DeepMind\n- Implemented distributed RL training\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("OpenAI"),
                        Some("Machine Learning Engineer"),
                        Some("2020 – 2022")
                    ],
                    vec!["Trained reward models for RLHF", "Built evaluation harness"]
                ),
                (
                    [
                        Some("DeepMind"),
                        Some("Research Engineer"),
                        Some("2018 – 2020")
                    ],
                    vec!["Implemented distributed RL training"]
                ),
            ]
        );
    }

    #[test]
    fn bullets_keep_markers_that_are_no_emphasis() {
        // Removing every `**` and `__` turned "2**30" into "230" and `__slots__` into
        // "slots" in the bullets a tailored résumé copies.
        let r = parse("Experience\nAcme Cloud, Senior SRE, 2019.01 – 2024.06\n- **Cache**: Tuned Redis maxmemory to 2**30 bytes.\n- Implemented __slots__ and __eq__ in Python models.\n");
        let texts: Vec<&str> = r.sections[0].entries[0]
            .bullets
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Cache: Tuned Redis maxmemory to 2**30 bytes.",
                "Implemented __slots__ and __eq__ in Python models."
            ]
        );
    }

    #[test]
    fn an_organisation_and_a_role_on_one_line_are_told_apart() {
        let split = |h: &str| split_role(h);
        let s = |o: &str, t: &str, p: Option<&str>| Some((o.into(), t.into(), p.map(Into::into)));
        assert_eq!(
            split("Acme Inc., Senior Engineer"),
            s("Acme Inc.", "Senior Engineer", None)
        );
        assert_eq!(
            split("Senior Software Engineer, Acme Payments Inc."),
            s("Acme Payments Inc.", "Senior Software Engineer", None)
        );
        assert_eq!(
            split("Software Engineer, DataCorp LLC — Portland, OR"),
            s("DataCorp LLC", "Software Engineer", Some("Portland, OR"))
        );
        assert_eq!(
            split("Staff Engineer at Acme, Remote"),
            s("Acme, Remote", "Staff Engineer", None)
        );
        assert_eq!(
            split("阿里巴巴，高级工程师"),
            s("阿里巴巴", "高级工程师", None)
        );
        assert_eq!(
            split("Acme, Inc., Senior Software Engineer"),
            s("Acme, Inc.", "Senior Software Engineer", None)
        );
        assert_eq!(
            split("Amnesty International, Data Analyst"),
            s("Amnesty International", "Data Analyst", None)
        );
        // Columns, as Word and PDF résumés align them: a tab or two spaces.
        assert_eq!(
            split("字节跳动  高级后端工程师"),
            s("字节跳动", "高级后端工程师", None)
        );
        // Titles other than engineers and managers: analysts, designers, consultants.
        assert_eq!(
            split("阿里巴巴  数据分析师"),
            s("阿里巴巴", "数据分析师", None)
        );
        assert_eq!(split("网易，交互设计师"), s("网易", "交互设计师", None));
        assert_eq!(split("德勤  高级顾问"), s("德勤", "高级顾问", None));
        assert_eq!(
            split("阿里巴巴\t\tJava 开发工程师\t中国, 北京"),
            s("阿里巴巴", "Java 开发工程师", Some("中国, 北京"))
        );
        assert_eq!(
            split("Senior Engineer    Contoso Ltd."),
            s("Contoso Ltd.", "Senior Engineer", None)
        );
        // A title written as its initials.
        assert_eq!(
            split("Acme Cloud, Senior SRE"),
            s("Acme Cloud", "Senior SRE", None)
        );
        assert!(!crate::model::names_a_role("Misread requirements"));
        // One space is no column: the name may go on.
        assert_eq!(split("Goldman Sachs Software Engineer"), None);
        // A role word inside another word names no role.
        assert_eq!(split("Microsoft, Azure Engineering"), None);
        // A place, or two roles: nothing to tell apart.
        assert_eq!(split("Google, Mountain View, CA"), None);
        assert_eq!(split("Engineer, Tech Lead"), None);
        // A role's own place goes to the place.
        let r = parse("Experience\nSenior Software Engineer, Acme Payments Inc.\nSeattle, WA\nJan 2020 – Present\n- Built the ledger.\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            e.organisation.as_deref(),
            Some("Acme Payments Inc."),
            "{e:#?}"
        );
        assert_eq!(e.title.as_deref(), Some("Senior Software Engineer"));
        assert_eq!(e.location.as_deref(), Some("Seattle, WA"));
        // The employer and the role in columns before the dates head their entry apart.
        let r = parse("工作经历\n\n字节跳动  高级后端工程师  2019.07 - 2023.03\n- 负责推荐服务的 Go 微服务开发。\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (e.organisation.as_deref(), e.title.as_deref()),
            (Some("字节跳动"), Some("高级后端工程师")),
            "{e:#?}"
        );
    }

    #[test]
    fn the_name_in_a_row_of_details_under_the_documents_title() {
        // Job boards' Word résumés open with the document's title, then a table of details:
        // the title had been the name.
        let r = parse("个人简历\n姓 名 | 王晓峰 | 性 别 | 男\n手 机 | 138-1234-5678 | 邮 箱 | wangxf@163.com\n\n工作经历\n2017.03-至今  饿了么  高级Java开发工程师\n- 负责订单系统。\n");
        assert_eq!(r.basics.name.as_deref(), Some("王晓峰"));
        assert_eq!(r.basics.email.as_deref(), Some("wangxf@163.com"));
        let r = parse("Europass Curriculum Vitae\nPERSONAL INFORMATION | Giulia Ferretti\ngiulia@libero.it\n\nWORK EXPERIENCE\nDatalogic, BI Developer, 09/2016 – 12/2018\n- Built SSIS packages\n");
        assert_eq!(r.basics.name.as_deref(), Some("Giulia Ferretti"));
        // Under a heading of personal details too.
        let r = parse("个人简历\n\n基本信息\n姓　名 | 赵雨桐 | 性　别 | 女\n\n工作经历\n2018.07-至今  平安科技  数据分析师\n- 负责报表。\n");
        assert_eq!(r.basics.name.as_deref(), Some("赵雨桐"));
        // A real name stays the name.
        let r = parse("Jane Doe\nName | Jane Q. Doe\n\nExperience\nAcme, Engineer, 2019 - 2021\n- Built billing\n");
        assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn a_date_alone_over_an_employer_and_role_heads_the_next_entry() {
        // Word résumés set each job's dates bold on a line of their own: the last bullet
        // above had become the next job's organisation, its employer and role a bullet.
        let r = parse("黄志强\n138 2888 6677\n\n工作经历\n2019.07-2021.03\n唯品会 | 供应链产品部 | 高级产品经理\n• 负责仓储管理系统产品规划；\n• 推动拣货路径优化项目，人效提升18%。\n2021.04-至今\n小鹏汽车 | 数字化中心 | 产品专家\n• 负责售后服务系统产品设计；\n");
        assert_eq!(
            entries_of(&r),
            [
                (
                    [
                        Some("唯品会 | 供应链产品部"),
                        Some("高级产品经理"),
                        Some("2019.07-2021.03")
                    ],
                    vec![
                        "负责仓储管理系统产品规划；",
                        "推动拣货路径优化项目，人效提升18%。"
                    ]
                ),
                (
                    [
                        Some("小鹏汽车 | 数字化中心"),
                        Some("产品专家"),
                        Some("2021.04-至今")
                    ],
                    vec!["负责售后服务系统产品设计；"]
                ),
            ]
        );
        // Zhilian's layout: dates then the employer and how long, the role and pay below.
        // The job above's last line had been this employer, the role a bullet; neither the
        // time nor the pay is part of a name.
        let r = parse("周佳怡\n181 2121 3434\n\n工作经历\n2021.08 - 至今　小红书科技有限公司　（2年10个月）\n品牌营销经理 | 15001-20000元/月\n策划“618种草季”活动，带动站内笔记曝光超过5亿次。\n2019.07 - 2021.07　上海麦肯光明广告有限公司　（2年）\n客户经理 | 10001-15000元/月\n协调创意、媒介团队完成TVC投放。\n");
        let heads: Vec<_> = entries_of(&r).into_iter().map(|(head, _)| head).collect();
        assert_eq!(
            heads,
            [
                [
                    Some("小红书科技有限公司"),
                    Some("品牌营销经理"),
                    Some("2021.08 - 至今")
                ],
                [
                    Some("上海麦肯光明广告有限公司"),
                    Some("客户经理"),
                    Some("2019.07 - 2021.07")
                ],
            ]
        );
        // Dates in brackets inside the header, its employer after them.
        let r = parse("Priya Patel\npriya@patel.com\n\nExperience\nSoftware Engineer (2019 – 2021), Uber, San Francisco\n- Built dispatch service\n");
        assert_eq!(
            entries_of(&r)[0].0,
            [
                Some("Uber, San Francisco"),
                Some("Software Engineer"),
                Some("2019 – 2021")
            ]
        );
    }

    #[test]
    fn headings_are_known_by_their_words_when_set_as_headings() {
        // Word résumés set headings in bold body type, with no blank line under them: the
        // jobs had been contact lines, and `match` read 0.0 years.
        let r = parse("Michael O'Brien\nmob@eircom.net\nCAREER SUMMARY\nSupply chain manager with 15 years in retail.\nCAREER HISTORY\nHead of Logistics – Musgrave Group, Dublin (2018 – present)\n- Responsible for 3 distribution centres.\nContract Experience\nAcme Ltd, Consultant, Apr 2016 – Dec 2017\n- Ran SAP finance cutovers.\nEDUCATION & QUALIFICATIONS\nMSc Supply Chain Management, DCU (2011)\n");
        let kinds: Vec<_> = r
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("CAREER SUMMARY", SectionKind::Other),
                ("CAREER HISTORY", SectionKind::Experience),
                ("Contract Experience", SectionKind::Experience),
                ("EDUCATION & QUALIFICATIONS", SectionKind::Education),
            ]
        );
        // Dates in brackets leave no bracket behind.
        let e = &r.sections[1].entries[0];
        assert_eq!(
            [
                e.organisation.as_deref(),
                e.title.as_deref(),
                e.dates.as_deref()
            ],
            [
                Some("Musgrave Group, Dublin"),
                Some("Head of Logistics"),
                Some("2018 – present")
            ]
        );
        // A Chinese heading with its English beside it.
        let r = parse("张伟\nzw@example.com\n\n工作经历 Work Experience\n博世  采购经理  2019.07 – 至今\n- 负责年度采购谈判\n\n教育背景 Education\n苏州大学  2008.09 – 2012.06\n");
        let kinds: Vec<_> = r.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Experience, SectionKind::Education]);
        // Heading words as a label opening text are not a heading: "Technical Expertise:".
        let r = parse("Jane Doe\njane@example.com\n\nExperience\nAcme, Engineer, 2019 - 2021\n- Built billing\nTechnical Expertise:\n- Python\n");
        assert_eq!(r.sections.len(), 1, "{:#?}", r.sections);
        // Nor are words that merely include one ("Career Coach", "Project Manager").
        for line in ["Career Coach", "Project Manager", "Skills Development Lead"] {
            assert!(!looks_like_heading(line, false, false), "{line}");
        }
    }

    #[test]
    fn the_american_layout_reads_role_employer_and_month_first_dates() {
        // The role, then the employer and its place, then the dates month first: each job
        // is its own entry, with every bullet under its own job.
        let r = parse(
            "John Smith\nSeattle, WA • (206) 555-0199 • john@example.com\n\nEXPERIENCE\n\n\
             Senior Backend Engineer\nContoso Ltd., Seattle, WA\n05/2019 – Present\n\
             • Designed a billing service in Go.\n• Led the move to Kubernetes.\n\n\
             Software Engineer\nFabrikam Inc., Redmond, WA\n08/2016 – 04/2019\n\
             • Built a Kafka ingestion pipeline.\n",
        );
        assert_eq!(r.basics.phone.as_deref(), Some("(206) 555-0199"));
        let entries = &r.sections[0].entries;
        assert_eq!(entries.len(), 2, "{entries:#?}");
        let got: Vec<_> = entries
            .iter()
            .map(|e| {
                (
                    e.organisation.as_deref(),
                    e.title.as_deref(),
                    e.location.as_deref(),
                    e.start.map(|d| (d.year, d.month)),
                    e.bullets.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Contoso Ltd."),
                    Some("Senior Backend Engineer"),
                    Some("Seattle, WA"),
                    Some((2019, Some(5))),
                    2
                ),
                (
                    Some("Fabrikam Inc."),
                    Some("Software Engineer"),
                    Some("Redmond, WA"),
                    Some((2016, Some(8))),
                    1
                ),
            ]
        );
        // An employer first keeps its role below it, as before.
        let r = parse("Experience\nAcme Inc.\nEngineer\nAustin, TX\n03/2020 – 12/2022\n- Built Go services.\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(
            (
                e.organisation.as_deref(),
                e.title.as_deref(),
                e.location.as_deref()
            ),
            (Some("Acme Inc."), Some("Engineer"), Some("Austin, TX")),
            "{e:#?}"
        );
        assert_eq!(e.bullets.len(), 1);
        // A role over a place alone names no employer: the place stays the place.
        for place in ["Seattle, WA", "Remote"] {
            let r = parse(&format!(
                "Experience\nSenior Software Engineer\n{place}\nJan 2020 – Present\n- Built Go services.\n"
            ));
            let e = &r.sections[0].entries[0];
            assert_eq!(e.location.as_deref(), Some(place), "{e:#?}");
            assert_eq!(e.organisation.as_deref(), Some("Senior Software Engineer"));
        }
    }

    #[test]
    fn a_last_achievement_stays_in_its_list_above_the_next_entry() {
        // With a blank line (a text file) and without one (text from a PDF), a marked
        // sentence above the next organisation and its dates is the previous entry's bullet.
        for gap in ["\n", ""] {
            let text = format!(
                "Experience\n\nAcme Corp\nSenior Engineer\nJan 2019 – Present\n• Built the payments API in Go.\n- Mentored three junior engineers and ran the design review.\n{gap}Tidewater Logistics\nShanghai, China · 2016.07 – 2018.12\nSoftware Engineer\n• Developed shipment-tracking APIs.\n"
            );
            let r = parse(&text);
            let entries = &r.sections[0].entries;
            assert_eq!(entries.len(), 2, "{gap:?}: {entries:#?}");
            assert_eq!(entries[0].bullets.len(), 2, "{gap:?}");
            assert_eq!(
                entries[0].bullets[1].text,
                "Mentored three junior engineers and ran the design review."
            );
            assert_eq!(
                entries[1].organisation.as_deref(),
                Some("Tidewater Logistics")
            );
        }
        // An achievement without a full stop above a line that names its organisation,
        // role and dates, with a blank line between or none.
        for gap in ["\n", ""] {
            let text = format!(
                "Experience\nAcme Inc., Senior Engineer    2020 – Present\n- Built the billing service in Go.\n- Mentored 5 engineers.\n{gap}DataCorp, Engineer    2016 – 2019\n- Wrote REST APIs with Django.\n"
            );
            let r = parse(&text);
            let entries = &r.sections[0].entries;
            let got: Vec<_> = entries
                .iter()
                .map(|e| (e.organisation.as_deref().unwrap_or(""), e.bullets.len()))
                .collect();
            assert_eq!(
                got,
                [("Acme Inc.", 2), ("DataCorp", 1)],
                "{gap:?}: {entries:#?}"
            );
            assert_eq!(entries[0].bullets[1].text, "Mentored 5 engineers.");
            assert_eq!(entries[0].title.as_deref(), Some("Senior Engineer"));
            assert_eq!(entries[1].title.as_deref(), Some("Engineer"));
        }
        // A marked organisation over a line with only its role and dates heads its entry.
        for text in [
            "Experience\n• Acme Corp\nSenior Engineer, Jan 2020 – Present\n• Built the billing service in Go.\n• Globex\nSoftware Engineer, Jun 2016 – Dec 2019\n• Wrote REST APIs with Django.\n",
            "工作经历\n- 阿里巴巴\n2017.03-至今 高级Java开发工程师\n- 负责交易系统核心链路开发。\n- 网易\n2014.07-2017.02 Java开发工程师\n- 参与游戏运营后台开发。\n",
        ] {
            let r = parse(text);
            let got: Vec<_> = r.sections[0]
                .entries
                .iter()
                .map(|e| (e.organisation.as_deref().unwrap_or(""), e.bullets.len()))
                .collect();
            assert!(
                got == [("Acme Corp", 1), ("Globex", 1)] || got == [("阿里巴巴", 1), ("网易", 1)],
                "{got:?}"
            );
        }
        // A marked name over its dates, after a blank line, still heads its entry.
        let r = parse("工作经历\n\n- **阿里云**\n\n高级工程师、后端、Java\n\n中国, 杭州\n\n2020 年 8 月 - 2022 年 5 月\n\n- **流量调度中间件**: 负责阿里云内部流量调度中间件。\n");
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("阿里云"), "{e:#?}");
        assert_eq!(e.bullets.len(), 1);
    }
}
