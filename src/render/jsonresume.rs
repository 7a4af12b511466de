//! JSON Resume (<https://jsonresume.org/schema>) out.
//!
//! A résumé read from JSON Resume is written back as the same document with only the
//! `highlights` of its work, project and volunteer entries changed (selected and reordered).
//! Any other résumé is mapped onto the schema: experience → `work`, projects → `projects`,
//! education, skills and awards to theirs, a summary, languages and certificates written as
//! sections to `basics.summary`, `languages` and `certificates`; nested bullets are flattened,
//! each group heading kept as a highlight of its own before its children. Sections the schema
//! has no place for are kept under the extension key `x-jdfit-sections` (the schema allows
//! extra keys).

use crate::model::{Bullet, DateEnd, Entry, JsonOrigin, Resume, SectionKind, YearMonth};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The arrays whose entries carry selectable `highlights`.
const HIGHLIGHT_ARRAYS: [&str; 3] = ["work", "projects", "volunteer"];

/// Renders `r` as a JSON Resume document.
pub fn document(r: &Resume) -> Value {
    match &r.origin {
        Some(origin) => from_origin(r, origin),
        None => from_model(r),
    }
}

/// `s{section}e{entry}b…` → (section, entry), both 0-based.
fn entry_of(id: &str) -> Option<(usize, usize)> {
    let rest = id.strip_prefix('s')?;
    let (s, rest) = rest.split_once('e')?;
    let (e, _) = rest.split_once('b')?;
    Some((
        s.parse::<usize>().ok()?.checked_sub(1)?,
        e.parse::<usize>().ok()?.checked_sub(1)?,
    ))
}

/// The original document with each highlight-bearing entry's highlights replaced by the
/// tailored résumé's bullets for it, in their tailored order, as originally written.
fn from_origin(r: &Resume, origin: &JsonOrigin) -> Value {
    let mut doc = origin.doc.clone();
    // (section, entry) → the tailored bullet texts, in order.
    let mut kept: HashMap<(usize, usize), Vec<&str>> = HashMap::new();
    for s in &r.sections {
        for e in &s.entries {
            for b in &e.bullets {
                b.walk(&mut |x| {
                    if x.children.is_empty() {
                        if let Some(k) = entry_of(&x.id) {
                            kept.entry(k).or_default().push(&x.text);
                        }
                    }
                });
            }
        }
    }
    for (si, array) in origin.arrays.iter().enumerate() {
        if !HIGHLIGHT_ARRAYS.contains(&array.as_str()) {
            continue;
        }
        let Some(items) = doc.get_mut(array).and_then(Value::as_array_mut) else {
            continue;
        };
        for (ei, item) in items.iter_mut().enumerate() {
            let Some(obj) = item.as_object_mut() else {
                continue;
            };
            let Some(original) = obj.get("highlights").and_then(Value::as_array) else {
                continue;
            };
            // The parser trims highlights: give back each one exactly as it was written.
            let mut unused: Vec<&str> = original.iter().filter_map(Value::as_str).collect();
            let mut chosen = Vec::new();
            for text in kept.get(&(si, ei)).into_iter().flatten() {
                if let Some(i) = unused.iter().position(|o| o.trim() == *text) {
                    chosen.push(Value::String(unused.remove(i).to_string()));
                }
            }
            obj.insert("highlights".into(), Value::Array(chosen));
        }
    }
    doc
}

/// The position of the jobs in a section of bullets without an entry line, from its
/// heading: an internship section's jobs are internships.
fn internship_role(heading: &str) -> Option<&'static str> {
    let h = heading.to_lowercase();
    if h.contains("实习") {
        Some("实习生")
    } else if h.contains("intern") {
        Some("Intern")
    } else {
        None
    }
}

/// An ISO 8601 date as the schema wants it (`2019`, `2019-03`).
fn iso(d: &YearMonth) -> String {
    match d.month {
        Some(m) => format!("{:04}-{m:02}", d.year),
        None => format!("{:04}", d.year),
    }
}

/// Nested bullets flattened in order, each group heading kept before its children.
fn flatten(bullets: &[Bullet], out: &mut Vec<Value>) {
    for b in bullets {
        out.push(Value::String(b.text.clone()));
        flatten(&b.children, out);
    }
}

/// An entry's highlights: its bullets in order, but group headings that are labels ("Infra
/// 技术职责", "支撑业务"): a theme shows every highlight as an achievement. A heading written as
/// a sentence ("Built the design system, … ." over its details) is one, and stays.
fn highlights(e: &Entry) -> Vec<Value> {
    fn is_label(text: &str) -> bool {
        let t = text.trim_end();
        !t.ends_with(['.', '。', '!', '！']) && t.chars().count() <= 60
    }
    fn leaves(bullets: &[Bullet], out: &mut Vec<Value>) {
        for b in bullets {
            if b.children.is_empty() || !is_label(&b.text) {
                out.push(Value::String(b.text.clone()));
            }
            leaves(&b.children, out);
        }
    }
    let mut out = Vec::new();
    leaves(&e.bullets, &mut out);
    out
}

/// Separators of the pieces of a title or school line.
const PIECE_SEPARATORS: [&str; 8] = ["、", "，", ", ", "；", "; ", " | ", "｜", " - "];

/// `line` cut at its first separator, when it has at least three pieces: a role line such as
/// "高级工程师、后端、Java、Springboot" or "Lead, 4 people, built …" is the position, then a
/// keyword line or description. A line of one or two pieces ("Engineer, Platform") is a
/// position whole.
fn position_and_rest(line: &str) -> (&str, Option<&str>) {
    let first = PIECE_SEPARATORS
        .iter()
        .filter_map(|sep| line.find(sep).map(|i| (i, sep.len())))
        .min();
    let pieces = 1 + PIECE_SEPARATORS
        .iter()
        .map(|sep| line.matches(sep).count())
        .sum::<usize>();
    match first {
        Some((i, len)) if pieces >= 3 => {
            let rest = line[i + len..].trim();
            (line[..i].trim(), (!rest.is_empty()).then_some(rest))
        }
        _ => (line.trim(), None),
    }
}

/// An entry line holding both a role and an organisation, split: "Senior Frontend Engineer,
/// Larkspur Health", "Larkspur Health — Senior Frontend Engineer", "Engineer at ACME" →
/// (role, organisation), the role being the one piece of the two with a title word.
fn role_and_organisation(line: &str) -> Option<(&str, &str)> {
    let (a, b) = [" — ", " – ", " | ", " at ", ", ", " - ", " @ "]
        .iter()
        .find_map(|sep| line.split_once(sep))?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() || b.is_empty() || b.contains([',', '—', '|']) {
        return None;
    }
    use crate::model::names_a_role as role;
    match (role(a), role(b)) {
        (true, false) => Some((a, b)),
        (false, true) => Some((b, a)),
        _ => None,
    }
}

/// A skill line written as "Label: a, b, c" (`Languages: TypeScript, JavaScript`, `语言：Java、
/// Go`) as its label and its items, the way themes show a skill and its keywords.
fn labelled_list(line: &str) -> Option<(&str, Vec<&str>)> {
    let (label, rest) = line.split_once([':', '：'])?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 30 {
        return None;
    }
    let items: Vec<&str> = rest
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    (items.len() >= 2).then_some((label, items))
}

/// A school line's degree, institution and field: "硕士 - 北京航空航天大学 - 电子与通信工程" →
/// (`硕士`, `北京航空航天大学`, `电子与通信工程`). The degree is the piece naming one (or a
/// high school); the institution the piece with a school word, else the first other piece;
/// the field what is left. A line of one piece is the institution.
fn school_parts(line: &str) -> (Option<&str>, &str, Option<String>) {
    let mut pieces: Vec<&str> = vec![line];
    for sep in [" - ", " – ", " — ", " | ", "｜", "，", ", "] {
        pieces = pieces
            .iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    if pieces.len() < 2 {
        return (None, line.trim(), None);
    }
    let lower: Vec<String> = pieces.iter().map(|p| p.to_lowercase()).collect();
    let is_degree = |i: usize| {
        pieces[i].chars().count() <= 24
            && (!crate::score::requirements::degrees_in(pieces[i]).is_empty()
                || matches!(lower[i].as_str(), "高中" | "high school"))
    };
    let degree = (0..pieces.len()).find(|&i| is_degree(i));
    let institution = (0..pieces.len())
        .filter(|&i| Some(i) != degree)
        .find(|&i| {
            crate::model::SCHOOL_WORDS
                .iter()
                .any(|w| lower[i].contains(w))
        })
        .or_else(|| (0..pieces.len()).find(|&i| Some(i) != degree));
    let Some(inst) = institution else {
        return (None, line.trim(), None);
    };
    let area: Vec<&str> = (0..pieces.len())
        .filter(|&i| Some(i) != degree && i != inst)
        .map(|i| pieces[i])
        .collect();
    let (degree, field) = degree.map_or((None, None), |i| {
        let (d, f) = degree_and_field(pieces[i]);
        (Some(d), f)
    });
    let area: Vec<&str> = field.into_iter().chain(area).collect();
    (
        degree,
        pieces[inst],
        (!area.is_empty()).then(|| area.join(" - ")),
    )
}

/// "B.S. in Computer Science": the degree, then its field.
fn degree_and_field(d: &str) -> (&str, Option<&str>) {
    match d.split_once(" in ") {
        Some((d, f)) if !f.trim().is_empty() => (d.trim(), Some(f.trim())),
        _ => (d.trim(), None),
    }
}

/// The first web link of a Markdown-style `[text](url)` in `s`, if any (`#` is not one).
fn markdown_link(s: &str) -> Option<String> {
    let start = s.find("](")? + 2;
    let end = s[start..].find(')')? + start;
    let url = s[start..end].trim();
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.to_string())
}

/// The notes of a school entry as a score ("GPA 3.7") and honours, one per `;`-separated
/// piece: themes show `courses` as courses, so honours go to awards, dated by the school's end.
fn school_notes(notes: &[String]) -> (Option<String>, Vec<String>) {
    let mut score = None;
    let mut honours = Vec::new();
    for piece in notes
        .iter()
        .flat_map(|n| n.split([';', '；']))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if score.is_none() && piece.to_lowercase().contains("gpa") {
            score = Some(piece.to_string());
        } else {
            honours.push(piece.to_string());
        }
    }
    (score, honours)
}

/// The organisation an internship-style bullet names before its colon (`**爱彼迎**: 2018 年夏…`
/// reads `爱彼迎: …`): a short label, not a sentence.
fn bullet_label(text: &str) -> Option<&str> {
    let (label, rest) = text.split_once([':', '：'])?;
    let label = label.trim();
    (!label.is_empty() && label.chars().count() <= 24 && !rest.trim().is_empty()).then_some(label)
}

/// Sets `key` when `value` is present and not empty.
fn put(obj: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        obj.insert(key.into(), Value::String(v.to_string()));
    }
}

fn dates(obj: &mut Map<String, Value>, e: &Entry) {
    if let Some(s) = &e.start {
        obj.insert("startDate".into(), Value::String(iso(s)));
    }
    // An entry that runs to the present has no end date in JSON Resume.
    if let Some(DateEnd::Date(d)) = &e.end {
        obj.insert("endDate".into(), Value::String(iso(d)));
    }
}

fn notes(e: &Entry) -> Option<String> {
    (!e.notes.is_empty()).then(|| e.notes.join("\n"))
}

/// A URL the schema's `uri` format accepts: one without a scheme gets `https://`.
fn uri(u: &str) -> Option<String> {
    let u = u.trim();
    if u.is_empty() || u.contains(char::is_whitespace) {
        return None;
    }
    Some(if u.contains("://") || u.starts_with("mailto:") {
        u.to_string()
    } else {
        format!("https://{u}")
    })
}

/// Section headings that hold the owner's summary (`basics.summary`).
const SUMMARY_HEADINGS: &[&str] = &[
    "summary",
    "professional summary",
    "profile",
    "professional profile",
    "about me",
    "about",
    "objective",
    "career objective",
    "自我描述",
    "自我评价",
    "个人简介",
    "个人总结",
    "个人评价",
];

/// Section headings that list languages spoken (`languages`).
const LANGUAGE_HEADINGS: &[&str] = &["languages", "language", "语言", "语言能力"];

/// A contact link's site: its words, or the address's host when the words are an address
/// (`github.com/example`).
fn network(l: &crate::model::Link) -> String {
    let t = l.text.trim();
    if t.contains(char::is_whitespace) || !t.contains('.') {
        return t.to_string();
    }
    let host = l
        .url
        .split_once("://")
        .map_or(l.url.as_str(), |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        t.to_string()
    } else {
        host.to_string()
    }
}

/// Whether an awards section's heading names certificates (`certificates`, not `awards`).
fn names_certificates(heading: &str) -> bool {
    let h = heading.to_lowercase();
    ["certif", "licens", "证书"].iter().any(|w| h.contains(w))
        && !["award", "honor", "honour", "prize", "奖"]
            .iter()
            .any(|w| h.contains(w))
}

/// Spoken languages, as a Languages section names them: a section of programming languages
/// ("Go, Python, TypeScript") is none.
const SPOKEN: &[&str] = &[
    "english",
    "spanish",
    "french",
    "german",
    "chinese",
    "mandarin",
    "cantonese",
    "japanese",
    "korean",
    "portuguese",
    "italian",
    "russian",
    "arabic",
    "hindi",
    "dutch",
    "swedish",
    "polish",
    "turkish",
    "vietnamese",
    "thai",
    "indonesian",
    "hebrew",
    "greek",
    "ukrainian",
    "英语",
    "英文",
    "中文",
    "汉语",
    "普通话",
    "粤语",
    "日语",
    "韩语",
    "法语",
    "德语",
    "西班牙语",
    "俄语",
];

// The inverse of the parser's flat mapping, one schema section after another.
#[allow(clippy::too_many_lines)]
fn from_model(r: &Resume) -> Value {
    let b = &r.basics;
    let mut basics = Map::new();
    put(&mut basics, "name", b.name.as_deref());
    put(&mut basics, "label", b.label.as_deref());
    // The schema checks the e-mail format: a malformed one is left out rather than failing it.
    if let Some(m) = b.email.as_deref().filter(|m| {
        let m = m.trim();
        m.split_once('@')
            .is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !m.contains(' '))
    }) {
        basics.insert("email".into(), Value::String(m.trim().into()));
    }
    put(&mut basics, "phone", b.phone.as_deref());
    if let Some(u) = b.url.as_deref().and_then(uri) {
        basics.insert("url".into(), Value::String(u));
    }
    put(&mut basics, "summary", b.summary.as_deref());
    if let Some(l) = b.location.as_deref().filter(|l| !l.trim().is_empty()) {
        basics.insert("location".into(), json!({ "address": l.trim() }));
    }
    // The contact lines' links (`LinkedIn`, `GitHub`) as profiles, the linked words the site.
    let profiles: Vec<Value> = b
        .links
        .iter()
        .filter_map(|l| Some(json!({ "network": network(l), "url": uri(&l.url)? })))
        .collect();
    if !profiles.is_empty() {
        basics.insert("profiles".into(), Value::Array(profiles));
    }
    let mut work = Vec::new();
    let mut projects = Vec::new();
    let mut education = Vec::new();
    let mut skills = Vec::new();
    let mut awards = Vec::new();
    let mut certificates = Vec::new();
    let mut other = Vec::new();
    for s in &r.sections {
        for e in &s.entries {
            let mut o = Map::new();
            match s.kind {
                SectionKind::Experience if e.organisation.is_none() && e.title.is_none() => {
                    // Bullets straight under a heading ("实习经历: - **爱彼迎**: …"): each is
                    // a job of its own, named by its label, its role by the heading.
                    let role = internship_role(&s.heading);
                    for h in highlights(e) {
                        let text = h.as_str().unwrap_or_default();
                        let mut o = Map::new();
                        put(&mut o, "name", bullet_label(text));
                        put(&mut o, "position", role);
                        put(&mut o, "location", e.location.as_deref());
                        dates(&mut o, e);
                        o.insert("highlights".into(), json!([h]));
                        work.push(Value::Object(o));
                    }
                }
                SectionKind::Experience => {
                    // "### Senior Frontend Engineer, Larkspur Health" with no role line: the
                    // role piece is the position, the other the organisation.
                    let split = e
                        .title
                        .is_none()
                        .then(|| e.organisation.as_deref().and_then(role_and_organisation))
                        .flatten();
                    let (position, rest) = match (split, e.title.as_deref()) {
                        (Some((role, _)), _) => (Some(role), None),
                        (None, Some(t)) => {
                            let (p, r) = position_and_rest(t);
                            (Some(p), r)
                        }
                        (None, None) => (None, None),
                    };
                    put(
                        &mut o,
                        "name",
                        split.map(|(_, org)| org).or(e.organisation.as_deref()),
                    );
                    put(&mut o, "position", position);
                    put(&mut o, "location", e.location.as_deref());
                    if let Some(u) = e.url.as_deref().and_then(uri) {
                        o.insert("url".into(), Value::String(u));
                    }
                    dates(&mut o, e);
                    let summary: Vec<String> =
                        rest.map(String::from).into_iter().chain(notes(e)).collect();
                    put(&mut o, "summary", Some(summary.join("\n").as_str()));
                    o.insert("highlights".into(), Value::Array(highlights(e)));
                    work.push(Value::Object(o));
                }
                SectionKind::Projects => {
                    put(
                        &mut o,
                        "name",
                        e.organisation.as_deref().or(e.title.as_deref()),
                    );
                    if e.organisation.is_some() {
                        if let Some(t) = &e.title {
                            o.insert("roles".into(), json!([t]));
                        }
                    }
                    put(&mut o, "description", notes(e).as_deref());
                    if let Some(u) = e.url.as_deref().and_then(uri) {
                        o.insert("url".into(), Value::String(u));
                    }
                    dates(&mut o, e);
                    o.insert("highlights".into(), Value::Array(highlights(e)));
                    projects.push(Value::Object(o));
                }
                SectionKind::Education => {
                    let line = e.organisation.as_deref().or(e.title.as_deref());
                    let (degree, institution, area) = line.map_or((None, None, None), |l| {
                        let (d, i, a) = school_parts(l);
                        (d, Some(i), a)
                    });
                    put(&mut o, "institution", institution);
                    let title = e.title.as_deref().filter(|_| e.organisation.is_some());
                    // A degree on a line of its own under the school (`University of Texas`,
                    // then `B.S. in Computer Science`, as text résumés set it) is the
                    // entry's degree, not an honour.
                    let degree_note = if degree.is_none() && title.is_none() {
                        e.notes.iter().position(|n| {
                            n.chars().count() <= 60
                                && !crate::score::requirements::degrees_in(n).is_empty()
                        })
                    } else {
                        None
                    };
                    let (note_degree, note_area) = degree_note.map_or((None, None), |i| {
                        let (d, f) = degree_and_field(&e.notes[i]);
                        (Some(d), f.map(String::from))
                    });
                    put(&mut o, "studyType", degree.or(title).or(note_degree));
                    let area = area
                        .or_else(|| title.filter(|_| degree.is_some()).map(String::from))
                        .or(note_area);
                    put(&mut o, "area", area.as_deref());
                    dates(&mut o, e);
                    let notes: Vec<String> = e
                        .notes
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| Some(i) != degree_note)
                        .map(|(_, n)| n.clone())
                        .collect();
                    let (score, honours) = school_notes(&notes);
                    put(&mut o, "score", score.as_deref());
                    for h in honours {
                        let mut a = Map::new();
                        // No awarder: a school lists honours others award (a
                        // competition's prize under a high school's entry).
                        put(&mut a, "title", Some(&h));
                        if let Some(DateEnd::Date(d)) = &e.end {
                            a.insert("date".into(), Value::String(iso(d)));
                        }
                        awards.push(Value::Object(a));
                    }
                    let mut courses = Vec::new();
                    flatten(&e.bullets, &mut courses);
                    if !courses.is_empty() {
                        o.insert("courses".into(), Value::Array(courses));
                    }
                    education.push(Value::Object(o));
                }
                SectionKind::Skills => match &e.organisation {
                    Some(name) => {
                        let mut keywords: Vec<Value> =
                            e.notes.iter().map(|n| Value::String(n.clone())).collect();
                        flatten(&e.bullets, &mut keywords);
                        skills.push(json!({ "name": name, "keywords": keywords }));
                    }
                    None => {
                        for n in &e.notes {
                            skills.push(json!({ "name": n }));
                        }
                        for b in &e.bullets {
                            let mut keywords = Vec::new();
                            flatten(&b.children, &mut keywords);
                            if keywords.is_empty() {
                                skills.push(match labelled_list(&b.text) {
                                    Some((name, words)) => {
                                        json!({ "name": name, "keywords": words })
                                    }
                                    None => json!({ "name": b.text }),
                                });
                            } else {
                                skills.push(json!({ "name": b.text, "keywords": keywords }));
                            }
                        }
                    }
                },
                // A certificate is its name, date and issuer: an entry with more (a score,
                // bullets under it) stays an award, which keeps them.
                SectionKind::Awards
                    if names_certificates(&s.heading) && {
                        let lines = e.notes.len() + usize::from(e.title.is_some());
                        match e.organisation {
                            // A name, and its issuer under it.
                            Some(_) => e.bullets.is_empty() && lines <= 1,
                            // Names as bullets, or one name wrapped over lines.
                            None => e.bullets.is_empty() || lines == 0,
                        }
                    } =>
                {
                    // A certificate's name, its date and the line under it (the issuer).
                    let mut names: Vec<Value> = e.organisation.iter().map(|o| json!(o)).collect();
                    flatten(&e.bullets, &mut names);
                    let issuer = e.title.as_deref().or(e.notes.first().map(String::as_str));
                    if names.is_empty() {
                        // An entry of lines alone (a PDF's wrapped "Certified Kubernetes" /
                        // "Administrator (CKA)"): they are the name.
                        let lines: Vec<&str> =
                            e.title.iter().chain(&e.notes).map(String::as_str).collect();
                        if !lines.is_empty() {
                            names.push(json!(lines.join(" ")));
                        }
                    }
                    for n in names {
                        let mut c = Map::new();
                        c.insert("name".into(), n);
                        if let Some(d) = &e.start {
                            c.insert("date".into(), Value::String(iso(d)));
                        }
                        put(
                            &mut c,
                            "issuer",
                            issuer.filter(|_| e.organisation.is_some()),
                        );
                        certificates.push(Value::Object(c));
                    }
                }
                SectionKind::Awards => {
                    if e.organisation.is_some() || e.bullets.is_empty() {
                        put(&mut o, "title", e.organisation.as_deref());
                        if let Some(s) = &e.start {
                            o.insert("date".into(), Value::String(iso(s)));
                        }
                        // The line under an award's name is its result ("全球 108th, 前 5%"),
                        // not who awarded it; its link, if a web one, is the award's URL.
                        let mut lines: Vec<String> =
                            e.title.iter().chain(&e.notes).cloned().collect();
                        if let Some(u) = lines.iter().find_map(|l| markdown_link(l)) {
                            o.insert("url".into(), Value::String(u));
                        }
                        let mut flat = Vec::new();
                        flatten(&e.bullets, &mut flat);
                        lines.extend(flat.iter().filter_map(|v| v.as_str().map(String::from)));
                        if !lines.is_empty() {
                            o.insert("summary".into(), Value::String(lines.join("\n")));
                        }
                        awards.push(Value::Object(o));
                    } else {
                        let mut flat = Vec::new();
                        flatten(&e.bullets, &mut flat);
                        awards.extend(flat.into_iter().map(|t| json!({ "title": t })));
                    }
                }
                SectionKind::Other => {
                    let mut lines: Vec<Value> = [&e.organisation, &e.title, &e.dates]
                        .into_iter()
                        .flatten()
                        .map(|t| Value::String(t.clone()))
                        .collect();
                    lines.extend(e.notes.iter().map(|n| Value::String(n.clone())));
                    flatten(&e.bullets, &mut lines);
                    other.push((s.heading.clone(), lines));
                }
            }
        }
    }
    // The schema's own places for a summary and languages written as sections of their own.
    let mut languages = Vec::new();
    other.retain(|(heading, lines): &(String, Vec<Value>)| {
        let h = heading.trim().trim_end_matches([':', '：']).to_lowercase();
        let text = || {
            lines
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n")
        };
        if SUMMARY_HEADINGS.contains(&h.as_str()) && !basics.contains_key("summary") {
            basics.insert("summary".into(), Value::String(text()));
            false
        } else if LANGUAGE_HEADINGS.contains(&h.as_str())
            && lines.iter().filter_map(Value::as_str).all(|l| {
                let l = l.to_lowercase();
                SPOKEN.iter().any(|w| l.contains(w))
            })
        {
            languages.extend(
                lines
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|l| json!({ "language": l })),
            );
            false
        } else {
            true
        }
    });
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        Value::String(
            "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json".into(),
        ),
    );
    doc.insert("basics".into(), Value::Object(basics));
    for (key, items) in [
        ("work", work),
        ("projects", projects),
        ("education", education),
        ("skills", skills),
        ("awards", awards),
        ("certificates", certificates),
        ("languages", languages),
    ] {
        if !items.is_empty() {
            doc.insert(key.into(), Value::Array(items));
        }
    }
    if !other.is_empty() {
        // Sections of one heading are merged, in order of first appearance.
        let mut merged: Vec<(String, Vec<Value>)> = Vec::new();
        for (h, lines) in other {
            match merged.iter_mut().find(|(m, _)| *m == h) {
                Some((_, l)) => l.extend(lines),
                None => merged.push((h, lines)),
            }
        }
        doc.insert(
            "x-jdfit-sections".into(),
            Value::Array(
                merged
                    .into_iter()
                    .map(|(h, l)| json!({ "heading": h, "lines": l }))
                    .collect(),
            ),
        );
    }
    doc.insert(
        "meta".into(),
        json!({ "version": "v1.0.0", "canonical": "https://jsonresume.org/schema" }),
    );
    Value::Object(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_name_their_entry() {
        assert_eq!(entry_of("s3e1b3.2.1"), Some((2, 0)));
        assert_eq!(entry_of("s1e12b1"), Some((0, 11)));
        assert_eq!(entry_of("x"), None);
    }

    #[test]
    fn urls_get_a_scheme() {
        assert_eq!(uri("github.com/a").as_deref(), Some("https://github.com/a"));
        assert_eq!(uri("http://x.org").as_deref(), Some("http://x.org"));
        assert_eq!(uri("not a url"), None);
    }

    #[test]
    fn round_trip_changes_only_highlights() {
        let src = r#"{"basics":{"name":"R","x-custom":1},"work":[{"name":"A","highlights":["  one ","two","three"],"extra":true}],"skills":[{"name":"Go"}]}"#;
        let mut r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), src).unwrap();
        // Keep "three" then "one", drop "two".
        let e = &mut r.sections[0].entries[0];
        let (one, three) = (e.bullets[0].clone(), e.bullets[2].clone());
        e.bullets = vec![three, one];
        let out = document(&r);
        let mut want: Value = serde_json::from_str(src).unwrap();
        want["work"][0]["highlights"] = json!(["three", "  one "]);
        assert_eq!(out, want);
    }

    #[test]
    fn numbers_of_the_document_keep_their_digits() {
        let src = r#"{"basics":{"name":"R"},"x-big":12345678901234567890123,"x-f":1.50,"work":[{"name":"A","highlights":["one"]}]}"#;
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), src).unwrap();
        let out = serde_json::to_string(&document(&r)).unwrap();
        assert!(out.contains(r#""x-big":12345678901234567890123"#), "{out}");
        assert!(out.contains(r#""x-f":1.50"#), "{out}");
    }

    #[test]
    fn school_lines_split_into_degree_institution_and_field() {
        assert_eq!(
            school_parts("硕士 - 北京航空航天大学 - 电子与通信工程"),
            (
                Some("硕士"),
                "北京航空航天大学",
                Some("电子与通信工程".into())
            )
        );
        assert_eq!(
            school_parts("高中 - 大连育明高中"),
            (Some("高中"), "大连育明高中", None)
        );
        assert_eq!(
            school_parts("B.S. in Computer Science, Oregon State University"),
            (
                Some("B.S."),
                "Oregon State University",
                Some("Computer Science".into())
            )
        );
        assert_eq!(
            school_parts("Oregon State University"),
            (None, "Oregon State University", None)
        );
    }

    #[test]
    fn a_role_line_of_keywords_gives_its_first_piece_as_the_position() {
        assert_eq!(
            position_and_rest("高级工程师、后端、Java、Springboot、阿里云"),
            ("高级工程师", Some("后端、Java、Springboot、阿里云"))
        );
        assert_eq!(
            position_and_rest("Senior Engineer, Platform"),
            ("Senior Engineer, Platform", None)
        );
        assert_eq!(position_and_rest("Frontend Lead"), ("Frontend Lead", None));
    }

    #[test]
    fn a_degree_line_under_the_school_is_the_degree_not_an_award() {
        let r = crate::parse::text::parse(
            "Sam Lee\nsam@example.com\n\nExperience\n\nAcme | Engineer | 2019 - 2021\n- Built Go services\n\nEducation\n\nUniversity of Texas at Austin\nB.S. in Computer Science\nDean's List\nAustin, TX | 2012.09 - 2016.06\n",
        );
        let v = from_model(&r);
        assert_eq!(v["education"][0]["studyType"], "B.S.", "{v}");
        assert_eq!(v["education"][0]["area"], "Computer Science");
        // Other lines under the school are still its honours.
        assert_eq!(v["awards"][0]["title"], "Dean's List", "{v}");
        assert_eq!(v["awards"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn summary_languages_and_certificates_go_where_the_schema_puts_them() {
        let r = crate::parse::markdown::parse(
            "# Sam\n\nsam@example.com | [github.com/sam](https://github.com/sam)\n\n## Summary\n\nBackend engineer who likes Go.\n\n## Experience\n\n### Acme | Engineer | 2019 – 2021\n\n- Built Go services\n\n## Certifications\n\n- Certified Kubernetes Administrator (CKA)\n\n## Languages\n\n- English\n- Spanish\n",
        );
        let v = from_model(&r);
        assert_eq!(
            v["basics"]["summary"], "Backend engineer who likes Go.",
            "{v}"
        );
        assert_eq!(v["basics"]["profiles"][0]["network"], "github.com");
        assert_eq!(
            v["certificates"][0]["name"],
            "Certified Kubernetes Administrator (CKA)"
        );
        assert_eq!(v["languages"][1]["language"], "Spanish");
        assert!(
            v.get("awards").is_none() && v.get("x-jdfit-sections").is_none(),
            "{v}"
        );
        // Awards that are not only certificates, a certificate with more than its issuer, and
        // a Languages section of programming languages stay where they keep everything.
        let r = crate::parse::markdown::parse(
            "# Sam\n\n## Experience\n\n### Acme | Engineer | 2019 – 2021\n\n- Built Go services\n\n## Awards & Certifications\n\n- Employee of the Year\n\n## Certifications\n\n### AWS Solutions Architect\nAmazon Web Services\nCredential ID ABC-123\n\n## Languages\n\n- Go, Python, TypeScript\n",
        );
        let v = from_model(&r);
        assert!(
            v.get("certificates").is_none() && v.get("languages").is_none(),
            "{v}"
        );
        assert_eq!(v["awards"][0]["title"], "Employee of the Year", "{v}");
        assert_eq!(
            v["awards"][1]["summary"],
            "Amazon Web Services\nCredential ID ABC-123"
        );
        assert_eq!(v["x-jdfit-sections"][0]["heading"], "Languages");
    }

    #[test]
    fn school_notes_give_a_score_and_honours() {
        let (score, honours) =
            school_notes(&["沈元荣誉学院 (入学 top50/3000+); 北京市三好; GPA 3.7".into()]);
        assert_eq!(score.as_deref(), Some("GPA 3.7"));
        assert_eq!(honours, ["沈元荣誉学院 (入学 top50/3000+)", "北京市三好"]);
    }

    #[test]
    fn label_group_headings_are_not_highlights_but_sentence_ones_are() {
        let r = crate::parse::markdown::parse(
            "# A\n\n## Work\n\n### ACME\nEngineer\n\n- Infra 技术职责\n  - 搭建 CI/CD 流程。\n- Built the design system, with docs.\n  - Adopted by five teams.\n",
        );
        let h = highlights(&r.sections[0].entries[0]);
        assert_eq!(
            h,
            [
                json!("搭建 CI/CD 流程。"),
                json!("Built the design system, with docs."),
                json!("Adopted by five teams.")
            ]
        );
    }

    #[test]
    fn entry_lines_with_role_and_organisation_are_split() {
        assert_eq!(
            role_and_organisation("Senior Frontend Engineer, Larkspur Health"),
            Some(("Senior Frontend Engineer", "Larkspur Health"))
        );
        assert_eq!(
            role_and_organisation("Larkspur Health — Staff Engineer"),
            Some(("Staff Engineer", "Larkspur Health"))
        );
        assert_eq!(role_and_organisation("阿里云"), None);
        assert_eq!(role_and_organisation("ACME, Inc."), None);
        assert_eq!(
            labelled_list("Languages: TypeScript, JavaScript, HTML"),
            Some(("Languages", vec!["TypeScript", "JavaScript", "HTML"]))
        );
        assert_eq!(labelled_list("Note: one thing"), None);
    }
}
