//! JSON Resume (<https://jsonresume.org/schema>) into the résumé model.

use super::dates::parse_iso;
use crate::error::{Error, Result};
use crate::model::{
    Basics, Bullet, DateEnd, Entry, JsonOrigin, Link, Resume, Section, SectionKind,
};
use serde::Deserialize;
use std::path::Path;

/// The subset of the JSON Resume schema jdfit reads. Unknown fields are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsonResume {
    /// Name and contact.
    pub basics: JsonBasics,
    /// Jobs.
    pub work: Vec<JsonWork>,
    /// Volunteering.
    pub volunteer: Vec<JsonWork>,
    /// Schools.
    pub education: Vec<JsonEducation>,
    /// Awards.
    pub awards: Vec<JsonAward>,
    /// Certificates.
    pub certificates: Vec<JsonAward>,
    /// Publications.
    pub publications: Vec<JsonAward>,
    /// Skills.
    pub skills: Vec<JsonSkill>,
    /// Spoken languages.
    pub languages: Vec<JsonLanguage>,
    /// Interests.
    pub interests: Vec<JsonSkill>,
    /// Projects.
    pub projects: Vec<JsonProject>,
}

/// `basics`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonBasics {
    /// Full name.
    pub name: Option<String>,
    /// Headline.
    pub label: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// Summary paragraph.
    pub summary: Option<String>,
    /// Location.
    pub location: Option<JsonLocation>,
    /// Profiles on other sites (LinkedIn, GitHub).
    pub profiles: Vec<JsonProfile>,
}

/// `basics.profiles[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonProfile {
    /// The site (`LinkedIn`).
    pub network: Option<String>,
    /// The owner's name there.
    pub username: Option<String>,
    /// The profile's address.
    pub url: Option<String>,
}

/// `basics.location`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsonLocation {
    /// City.
    pub city: Option<String>,
    /// Region or state.
    pub region: Option<String>,
    /// Country code.
    pub country_code: Option<String>,
}

/// `work[]` and `volunteer[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsonWork {
    /// Company (`name`, or `organization` for volunteering).
    #[serde(alias = "organization", alias = "company")]
    pub name: Option<String>,
    /// Role.
    pub position: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// ISO start date.
    pub start_date: Option<String>,
    /// ISO end date (absent while ongoing).
    pub end_date: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Bullets.
    pub highlights: Vec<String>,
}

/// `education[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsonEducation {
    /// School.
    pub institution: Option<String>,
    /// Field of study.
    pub area: Option<String>,
    /// Degree.
    pub study_type: Option<String>,
    /// ISO start date.
    pub start_date: Option<String>,
    /// ISO end date.
    pub end_date: Option<String>,
    /// Grade.
    pub score: Option<String>,
    /// Courses.
    pub courses: Vec<String>,
}

/// `awards[]`, `certificates[]`, `publications[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonAward {
    /// Title (`title` or `name`).
    #[serde(alias = "name")]
    pub title: Option<String>,
    /// Date.
    #[serde(alias = "releaseDate")]
    pub date: Option<String>,
    /// Who gave it (`awarder`, `issuer` or `publisher`).
    #[serde(alias = "issuer", alias = "publisher")]
    pub awarder: Option<String>,
    /// Summary.
    pub summary: Option<String>,
}

/// `skills[]` and `interests[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonSkill {
    /// Skill name.
    pub name: Option<String>,
    /// Level.
    pub level: Option<String>,
    /// Keywords.
    pub keywords: Vec<String>,
}

/// `languages[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonLanguage {
    /// Language.
    pub language: Option<String>,
    /// Fluency.
    pub fluency: Option<String>,
}

/// `projects[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct JsonProject {
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Bullets.
    pub highlights: Vec<String>,
    /// Keywords.
    pub keywords: Vec<String>,
    /// ISO start date.
    pub start_date: Option<String>,
    /// ISO end date.
    pub end_date: Option<String>,
}

fn leaves(items: &[String]) -> Vec<Bullet> {
    items
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| Bullet {
            id: String::new(),
            text: t.trim().to_string(),
            children: Vec::new(),
            links: Vec::new(),
        })
        .collect()
}

fn range(start: &Option<String>, end: &Option<String>, ongoing: bool) -> Entry {
    let start_p = start.as_deref().and_then(parse_iso);
    let end_p = match end.as_deref().and_then(parse_iso) {
        Some(d) => Some(DateEnd::Date(d)),
        None if ongoing && start_p.is_some() => Some(DateEnd::Present),
        None => None,
    };
    let dates = match (start, end) {
        (Some(s), Some(e)) => Some(format!("{s} – {e}")),
        (Some(s), None) if ongoing => Some(format!("{s} – present")),
        (Some(s), None) => Some(s.clone()),
        _ => None,
    };
    Entry {
        dates,
        start: start_p,
        end: end_p,
        ..Entry::default()
    }
}

fn push(sections: &mut Vec<Section>, kind: SectionKind, heading: &str, entries: Vec<Entry>) {
    if !entries.is_empty() {
        sections.push(Section {
            kind,
            heading: heading.into(),
            entries,
        });
    }
}

fn work_entries(items: &[JsonWork]) -> Vec<Entry> {
    items
        .iter()
        .map(|w| Entry {
            organisation: w.name.clone(),
            title: w.position.clone(),
            location: w.location.clone(),
            notes: w.summary.iter().cloned().collect(),
            bullets: leaves(&w.highlights),
            ..range(&w.start_date, &w.end_date, true)
        })
        .collect()
}

/// `text` without the JSON escapes of control characters (`\b`, `\f`, `\u001b`, `\u0085`…),
/// tab, newline and carriage return aside: a résumé read from any other format has its
/// control characters removed, and an escaped ESC would otherwise reach the terminal and the
/// outputs raw. Removing an escape keeps the document valid and its lines where they were.
fn without_control_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    if !b
        .windows(2)
        .any(|w| w[0] == b'\\' && matches!(w[1], b'b' | b'f' | b'u'))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(k) = text[i..].find('\\') {
        let at = i + k;
        out.push_str(&text[i..at]);
        let next = b.get(at + 1).copied();
        let code = (next == Some(b'u'))
            .then(|| text.get(at + 2..at + 6))
            .flatten()
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        let len = match (next, code) {
            (Some(b'b' | b'f'), _) => {
                i = at + 2;
                continue;
            }
            (_, Some(c)) => {
                let control = char::from_u32(c)
                    .is_some_and(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
                if control {
                    i = at + 6;
                    // An escaped ESC opening a colour code (`\u001b[31m`): the code goes with
                    // it, as from a text résumé, never left glued to the next word.
                    if c == 0x1b {
                        i += csi_len(&b[i..]);
                    }
                    continue;
                }
                6
            }
            // Any other escape (`\\`, `\"`, `\n`…) is kept whole, so an escaped backslash
            // is never read as the start of another escape; an invalid one (`\é`) is kept for
            // the JSON reader to refuse, whole characters and all.
            (Some(_), _) => 1 + text[at + 1..].chars().next().map_or(0, char::len_utf8),
            (None, _) => 1,
        };
        let end = (at + len).min(text.len());
        out.push_str(&text[at..end]);
        i = end;
    }
    out.push_str(&text[i..]);
    std::borrow::Cow::Owned(out)
}

/// Whether `text` is jdfit's own résumé model (`jdfit tailor -f json`): an object with
/// `sections` and none of JSON Resume's own arrays.
fn is_model(text: &str) -> bool {
    // Most JSON read here is JSON Resume: only a text naming `sections` is parsed twice.
    text.contains("\"sections\"")
        && serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
            v.get("sections").is_some_and(serde_json::Value::is_array)
                && !["work", "education", "projects", "volunteer", "skills"]
                    .iter()
                    .any(|k| v.get(k).is_some())
        })
}

/// Reads jdfit's own résumé model, as `jdfit tailor -f json` writes it: a tailored résumé
/// saved as JSON reads back as itself. Its bullet ids are given again from their positions,
/// as every reader gives them.
fn model(path: &Path, text: &str) -> Result<Resume> {
    let mut r: Resume = serde_json::from_str(text).map_err(|e| {
        Error::parse(
            path,
            Some(e.line()),
            format!("invalid jdfit résumé JSON: {e}"),
        )
    })?;
    clean_strings(&mut r);
    r.assign_ids();
    Ok(r)
}

/// The length of the control sequence (`[`, parameters, intermediates, a final byte)
/// opening `b`, or 0 when none does.
fn csi_len(b: &[u8]) -> usize {
    if b.first() != Some(&b'[') {
        return 0;
    }
    let body = b[1..]
        .iter()
        .take_while(|&&c| (0x20..=0x3F).contains(&c))
        .count();
    match b.get(1 + body) {
        Some(0x40..=0x7E) => body + 2,
        _ => 0,
    }
}

/// Every string of `r` cleaned as text read from any other format is
/// ([`super::encoding::clean`]): carriage returns made newlines, and bidirectional overrides
/// and any control character left removed.
fn clean_strings(r: &mut Resume) {
    fn one(s: &mut String) {
        let c = super::encoding::clean(s);
        if c != *s {
            *s = c;
        }
    }
    fn links(ls: &mut [crate::model::Link]) {
        for l in ls {
            one(&mut l.text);
            one(&mut l.url);
        }
    }
    fn bullets(bs: &mut Vec<Bullet>) {
        for b in bs.iter_mut() {
            one(&mut b.text);
            if b.text.trim().len() != b.text.len() {
                b.text = b.text.trim().to_string();
            }
            links(&mut b.links);
            bullets(&mut b.children);
        }
        // A highlight of control characters alone is no bullet.
        bs.retain(|b| !b.text.is_empty() || !b.children.is_empty());
    }
    let b = &mut r.basics;
    for s in [
        &mut b.name,
        &mut b.label,
        &mut b.email,
        &mut b.phone,
        &mut b.url,
        &mut b.location,
        &mut b.summary,
    ]
    .into_iter()
    .flatten()
    {
        one(s);
    }
    links(&mut b.links);
    b.lines.iter_mut().for_each(one);
    for sec in &mut r.sections {
        one(&mut sec.heading);
        for e in &mut sec.entries {
            for s in [
                &mut e.organisation,
                &mut e.title,
                &mut e.location,
                &mut e.dates,
                &mut e.url,
            ]
            .into_iter()
            .flatten()
            {
                one(s);
            }
            e.notes.iter_mut().for_each(one);
            links(&mut e.links);
            bullets(&mut e.bullets);
        }
    }
}

/// Parses JSON Resume text. Syntax and type errors name the line and column.
// One flat mapping per schema section (work, projects, education, skills…): splitting it
// would scatter the schema across helpers without making any piece clearer.
#[allow(clippy::too_many_lines)]
pub fn parse(path: &Path, text: &str) -> Result<Resume> {
    let text = &*without_control_escapes(text);
    if is_model(text) {
        return model(path, text);
    }
    let j: JsonResume = serde_json::from_str(text)
        .map_err(|e| Error::parse(path, Some(e.line()), format!("invalid JSON Resume: {e}")))?;
    let b = &j.basics;
    let location = b.location.as_ref().map(|l| {
        [&l.city, &l.region, &l.country_code]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let basics = Basics {
        name: b.name.clone(),
        label: b.label.clone(),
        email: b.email.clone(),
        phone: b.phone.clone(),
        url: b.url.clone(),
        location: location.filter(|l| !l.is_empty()),
        summary: b.summary.clone(),
        lines: Vec::new(),
        // A profile is its site's name linked to its address, as a contact line shows it.
        links: b
            .profiles
            .iter()
            .filter_map(|p| {
                let url = p
                    .url
                    .as_deref()
                    .map(str::trim)
                    .filter(|u| super::markdown::is_web(u))?;
                let text = [&p.network, &p.username]
                    .into_iter()
                    .flatten()
                    .map(|t| t.trim())
                    .find(|t| !t.is_empty())
                    .unwrap_or(url);
                Some(Link {
                    text: text.to_string(),
                    url: url.to_string(),
                })
            })
            .collect(),
    };
    let mut sections = Vec::new();
    push(
        &mut sections,
        SectionKind::Experience,
        "Work",
        work_entries(&j.work),
    );
    push(
        &mut sections,
        SectionKind::Projects,
        "Projects",
        j.projects
            .iter()
            .map(|p| Entry {
                organisation: p.name.clone(),
                notes: p
                    .description
                    .iter()
                    .cloned()
                    .chain((!p.keywords.is_empty()).then(|| p.keywords.join(", ")))
                    .collect(),
                bullets: leaves(&p.highlights),
                ..range(&p.start_date, &p.end_date, false)
            })
            .collect(),
    );
    push(
        &mut sections,
        SectionKind::Experience,
        "Volunteer",
        work_entries(&j.volunteer),
    );
    push(
        &mut sections,
        SectionKind::Education,
        "Education",
        j.education
            .iter()
            .map(|e| {
                let title = [&e.study_type, &e.area]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                Entry {
                    organisation: e.institution.clone(),
                    title: (!title.is_empty()).then_some(title),
                    notes: e
                        .score
                        .iter()
                        .cloned()
                        .chain((!e.courses.is_empty()).then(|| e.courses.join(", ")))
                        .collect(),
                    ..range(&e.start_date, &e.end_date, false)
                }
            })
            .collect(),
    );
    let awards = |items: &[JsonAward]| -> Vec<Entry> {
        items
            .iter()
            .map(|a| Entry {
                organisation: a.title.clone(),
                title: a.awarder.clone(),
                dates: a.date.clone(),
                start: a.date.as_deref().and_then(parse_iso),
                notes: a.summary.iter().cloned().collect(),
                ..Entry::default()
            })
            .collect()
    };
    push(
        &mut sections,
        SectionKind::Awards,
        "Awards",
        awards(&j.awards),
    );
    push(
        &mut sections,
        SectionKind::Awards,
        "Certificates",
        awards(&j.certificates),
    );
    push(
        &mut sections,
        SectionKind::Other,
        "Publications",
        awards(&j.publications),
    );
    let skills = |items: &[JsonSkill]| -> Vec<Entry> {
        items
            .iter()
            .map(|s| Entry {
                organisation: s.name.clone(),
                title: s.level.clone(),
                notes: (!s.keywords.is_empty())
                    .then(|| s.keywords.join(", "))
                    .into_iter()
                    .collect(),
                ..Entry::default()
            })
            .collect()
    };
    push(
        &mut sections,
        SectionKind::Skills,
        "Skills",
        skills(&j.skills),
    );
    push(
        &mut sections,
        SectionKind::Other,
        "Languages",
        j.languages
            .iter()
            .map(|l| Entry {
                organisation: l.language.clone(),
                title: l.fluency.clone(),
                ..Entry::default()
            })
            .collect(),
    );
    push(
        &mut sections,
        SectionKind::Other,
        "Interests",
        skills(&j.interests),
    );
    // Each section is named after the array it was read from ("Work" ← `work`).
    let arrays = sections.iter().map(|s| s.heading.to_lowercase()).collect();
    let doc = serde_json::from_str(text)
        .map_err(|e| Error::parse(path, Some(e.line()), format!("invalid JSON: {e}")))?;
    let mut resume = Resume {
        basics,
        sections,
        origin: Some(JsonOrigin { doc, arrays }),
        warnings: Vec::new(),
    };
    clean_strings(&mut resume);
    resume.assign_ids();
    Ok(resume)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_control_characters_are_removed_and_nothing_else() {
        let text = r#"{"a": "x\u001b[0my\u000bz\bw\f", "b": "tab\tnl\nq\"\\b\\u001b\u00e9"}"#;
        let v: serde_json::Value = serde_json::from_str(&without_control_escapes(text)).unwrap();
        // The colour code goes with its ESC.
        assert_eq!(v["a"], "xyzw");
        // Tab, newline, an escaped quote, an escaped backslash before `b` and `u001b`, and
        // a letter written as an escape are kept.
        assert_eq!(v["b"], "tab\tnl\nq\"\\b\\u001bé");
        assert!(matches!(
            without_control_escapes(r#"{"a": "plain \"text\""}"#),
            std::borrow::Cow::Borrowed(_)
        ));
        // A backslash before a character of several bytes: invalid JSON, refused as such
        // (it panicked, cutting the character).
        let bad = "{\"basics\": {\"name\": \"\\u00e9 \\é\"}}";
        assert_eq!(without_control_escapes(bad), bad);
        let e = parse(Path::new("r.json"), bad).unwrap_err().to_string();
        assert!(e.contains("invalid JSON Resume"), "{e}");
    }

    /// A highlight holding a colour code, a right-to-left override and CRLF reads as a
    /// text résumé's line would: the code removed whole, the override removed, CRLF a
    /// newline (`[31m`, U+202E and the CR had stayed in the bullet and every output).
    #[test]
    fn control_sequences_and_overrides_are_removed_from_every_string() {
        let j = r#"{"basics":{"name":"R\u202eT"},"work":[{"name":"Acme\u001b[1;31m","highlights":["Built \u001b[31mKafka\u001b[0m pipes\r\nfast"]}]}"#;
        let r = parse(Path::new("r.json"), j).unwrap();
        assert_eq!(r.basics.name.as_deref(), Some("RT"));
        let e = &r.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("Acme"));
        assert_eq!(e.bullets[0].text, "Built Kafka pipes\nfast");
    }

    #[test]
    fn reads_work_highlights() {
        let j = r#"{"basics":{"name":"R","location":{"city":"Palo Alto","region":"CA"}},
            "work":[{"name":"Pied Piper","position":"CEO","startDate":"2013-12-01",
            "highlights":["Won Disrupt","Built compression"]}],
            "education":[{"institution":"Stanford","area":"CS","studyType":"Bachelor","startDate":"2011-06-01","endDate":"2014-01-01"}]}"#;
        let r = parse(Path::new("r.json"), j).unwrap();
        assert_eq!(r.basics.location.as_deref(), Some("Palo Alto, CA"));
        let w = &r.sections[0].entries[0];
        assert_eq!(w.end, Some(DateEnd::Present));
        assert_eq!(w.bullets[1].text, "Built compression");
        assert_eq!(w.bullets[1].id, "s1e1b2");
        assert_eq!(r.sections[1].kind, SectionKind::Education);
    }

    /// `jdfit tailor -f json` writes the résumé model: it reads back as the same résumé
    /// (it had been refused as "no bullets found (read as JSON Resume)"), with its ids given
    /// again from positions, and a broken one names its line.
    #[test]
    fn jdfits_own_json_reads_back_as_the_same_resume() {
        let md = "# Sam\n\n## Experience\n\n### Acme\nEngineer\n2019 – 2021\n\n- Led work\n  - Adopted\n- Cut LCP";
        let r = crate::parse::markdown::parse(md);
        let mut saved = r.clone();
        saved.sections[0].entries[0].bullets.remove(0);
        let json = serde_json::to_string_pretty(&saved).unwrap();
        let back = parse(Path::new("t.json"), &json).unwrap();
        assert_eq!(
            back.sections,
            saved
                .sections
                .clone()
                .into_iter()
                .map(|mut s| {
                    s.entries[0].bullets[0].id = "s1e1b1".into();
                    s
                })
                .collect::<Vec<_>>()
        );
        assert_eq!(back.basics, saved.basics);
        let broken = json.replacen("\"entries\"", "\"entries\": 3, \"x\"", 1);
        let e = parse(Path::new("t.json"), &broken).unwrap_err().to_string();
        assert!(
            e.starts_with("t.json:") && e.contains("invalid jdfit résumé JSON"),
            "{e}"
        );
    }

    #[test]
    fn malformed_json_names_the_line() {
        let e = parse(Path::new("r.json"), "{\n\"work\": [\n}")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("r.json:3: invalid JSON Resume"), "{e}");
        let e = parse(Path::new("r.json"), "{\"work\": 5}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.json:1"), "{e}");
    }
}
