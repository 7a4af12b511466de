//! What was read from a résumé (`jdfit resume`): aligned text for a person to check, or JSON.

use super::ViewFormat;
use crate::model::{Basics, Bullet, EntryView, ResumeView, SectionKind};
use crate::printable::printable;
use std::fmt::Write;

/// Renders the view of a résumé as text or JSON.
pub fn resume_view(view: &ResumeView, format: ViewFormat) -> String {
    match format {
        ViewFormat::Text => text(view),
        ViewFormat::Json => serde_json::to_string_pretty(view).expect("view serialises") + "\n",
    }
}

/// `1 entry`, `3 bullets`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn kind_name(k: SectionKind) -> &'static str {
    match k {
        SectionKind::Education => "education",
        SectionKind::Experience => "experience",
        SectionKind::Projects => "projects",
        SectionKind::Skills => "skills",
        SectionKind::Awards => "awards",
        SectionKind::Other => "other",
    }
}

fn text(v: &ResumeView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  [read as {}: {}, {}]",
        v.source,
        v.format,
        count(v.sections.len(), "section", "sections"),
        count(v.bullets, "bullet", "bullets")
    );
    out.push('\n');
    basics(&mut out, &v.basics);
    for s in &v.sections {
        out.push('\n');
        let _ = writeln!(
            out,
            "## {}  [{}: {}, {}]",
            printable(&s.heading),
            kind_name(s.kind),
            count(s.entries.len(), "entry", "entries"),
            count(s.bullets, "bullet", "bullets")
        );
        for e in &s.entries {
            entry(&mut out, e);
        }
    }
    out.push('\n');
    if v.warnings.is_empty() {
        out.push_str("Warnings: none\n");
    } else {
        out.push_str("Warnings:\n");
        for w in &v.warnings {
            let _ = writeln!(out, "  - {}", printable(&w.message));
        }
    }
    out
}

/// Width of the field names in the basics and entry blocks.
const KEY: usize = 12;

fn field(out: &mut String, indent: &str, key: &str, value: &str) {
    // Text from the file reaches a terminal: escapes and bidirectional overrides made visible.
    let _ = writeln!(out, "{indent}{key:<KEY$}  {}", printable(value));
}

fn basics(out: &mut String, b: &Basics) {
    field(out, "", "name", b.name.as_deref().unwrap_or("(none found)"));
    for (key, value) in [
        ("headline", &b.label),
        ("e-mail", &b.email),
        ("phone", &b.phone),
        ("link", &b.url),
        ("location", &b.location),
    ] {
        if let Some(v) = value {
            field(out, "", key, v);
        }
    }
    for l in &b.lines {
        field(out, "", "contact line", l);
    }
    // Links on words of the contact lines, unless the words are the address.
    for l in b.links.iter().filter(|l| l.text != l.url) {
        field(out, "", "contact link", &format!("{} → {}", l.text, l.url));
    }
    if let Some(s) = &b.summary {
        field(out, "", "summary", s);
    }
}

fn entry(out: &mut String, view: &EntryView) {
    let e = &view.entry;
    let named = e.organisation.is_some() || e.title.is_some();
    if named || e.dates.is_some() || e.location.is_some() {
        out.push('\n');
        field(
            out,
            "  ",
            "organisation",
            e.organisation.as_deref().unwrap_or("(none)"),
        );
        for (key, value) in [("title", &e.title), ("location", &e.location)] {
            if let Some(v) = value {
                field(out, "  ", key, v);
            }
        }
        if let Some(d) = &e.dates {
            let period = view
                .period
                .as_ref()
                .map_or_else(|| " (not understood)".to_string(), |p| format!(" ({p})"));
            field(out, "  ", "dates", &format!("{d}{period}"));
        }
        if let Some(u) = &e.url {
            field(out, "  ", "link", u);
        }
    } else if !e.notes.is_empty() || !e.bullets.is_empty() {
        out.push('\n');
    }
    for n in &e.notes {
        field(out, "  ", "note", n);
    }
    for b in &e.bullets {
        bullet(out, b, 1);
    }
}

/// A bullet and its children, indented by level, each with its id.
fn bullet(out: &mut String, b: &Bullet, level: usize) {
    let mut stack = vec![(b, level)];
    while let Some((b, level)) = stack.pop() {
        let _ = writeln!(
            out,
            "{}{}  {}",
            "  ".repeat(level + 1),
            b.id,
            printable(&b.text)
        );
        stack.extend(b.children.iter().rev().map(|c| (c, level + 1)));
    }
}
