//! JSON Resume (<https://jsonresume.org/schema>) out.
//!
//! A résumé read from JSON Resume is written back as the same document with only the
//! `highlights` of its work, project and volunteer entries changed (selected and reordered).
//! Any other résumé is mapped onto the schema: experience → `work`, projects → `projects`,
//! education, skills and awards to theirs; nested bullets are flattened, each group heading
//! kept as a highlight of its own before its children. Sections the schema has no place for
//! are kept under the extension key `x-jdfit-sections` (the schema allows extra keys).

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

fn highlights(e: &Entry) -> Vec<Value> {
    let mut out = Vec::new();
    flatten(&e.bullets, &mut out);
    out
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
    let mut work = Vec::new();
    let mut projects = Vec::new();
    let mut education = Vec::new();
    let mut skills = Vec::new();
    let mut awards = Vec::new();
    let mut other = Vec::new();
    for s in &r.sections {
        for e in &s.entries {
            let mut o = Map::new();
            match s.kind {
                SectionKind::Experience => {
                    put(&mut o, "name", e.organisation.as_deref());
                    put(&mut o, "position", e.title.as_deref());
                    put(&mut o, "location", e.location.as_deref());
                    dates(&mut o, e);
                    put(&mut o, "summary", notes(e).as_deref());
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
                    dates(&mut o, e);
                    o.insert("highlights".into(), Value::Array(highlights(e)));
                    projects.push(Value::Object(o));
                }
                SectionKind::Education => {
                    put(&mut o, "institution", e.organisation.as_deref());
                    put(&mut o, "studyType", e.title.as_deref());
                    dates(&mut o, e);
                    let mut courses: Vec<Value> =
                        e.notes.iter().map(|n| Value::String(n.clone())).collect();
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
                                skills.push(json!({ "name": b.text }));
                            } else {
                                skills.push(json!({ "name": b.text, "keywords": keywords }));
                            }
                        }
                    }
                },
                SectionKind::Awards => {
                    if e.organisation.is_some() || e.bullets.is_empty() {
                        put(&mut o, "title", e.organisation.as_deref());
                        put(&mut o, "awarder", e.title.as_deref());
                        if let Some(s) = &e.start {
                            o.insert("date".into(), Value::String(iso(s)));
                        }
                        let mut lines: Vec<String> = e.notes.clone();
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
}
