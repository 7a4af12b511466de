//! Résumés exported from a LinkedIn profile ("Save to PDF"), read as text or from the PDF.
//!
//! The export is laid out in two columns, read one after the other: a sidebar of short
//! lists (`Contact`, `Top Skills`, `Languages`, `Certifications`, `Honors-Awards`…), then the
//! main column: the name, the headline, the location, `Summary`, `Experience` and
//! `Education`. Each job is its company, its role, `January 2022 - Present (2 years 11
//! months)` and a location, then its description; several roles at one company share one
//! company line, followed by the total time there (`5 years 3 months`). The general text
//! reader took the sidebar's heading for the name, the name for a certificate and each
//! job's role and description lines for the next job's employer, so the layout is read here
//! by its own rules when it is recognised.

use super::dates;
use crate::model::{Basics, Bullet, Entry, Resume, Section, SectionKind};

/// The sidebar's headings (lower case).
const SIDEBAR: &[&str] = &[
    "contact",
    "top skills",
    "skills",
    "languages",
    "certifications",
    "licenses & certifications",
    "honors-awards",
    "honors & awards",
    "publications",
    "patents",
    "courses",
    "organizations",
];

/// The main column's headings (lower case).
const MAIN: &[&str] = &[
    "summary",
    "about",
    "experience",
    "education",
    "volunteer experience",
    "projects",
];

/// The export's lines without page footers ("Page 1 of 2"), blank lines or the Markdown a
/// PDF's reading adds (`## Experience`, `**Acme**`, `\(LinkedIn\)`).
fn clean_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let t = l.trim().trim_start_matches('#').trim();
            let t = t
                .strip_prefix("**")
                .and_then(|t| t.strip_suffix("**"))
                .unwrap_or(t);
            let mut out = String::with_capacity(t.len());
            let mut chars = t.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    ('\\', Some(n)) if n.is_ascii_punctuation() => {}
                    _ => out.push(c),
                }
            }
            out.trim().to_string()
        })
        .filter(|l| !l.is_empty() && !is_page_footer(l))
        .collect()
}

/// `Page 1 of 2`, the export's footer.
fn is_page_footer(l: &str) -> bool {
    let w: Vec<&str> = l.split_whitespace().collect();
    matches!(w.as_slice(), [p, a, o, b]
        if p.eq_ignore_ascii_case("page")
            && o.eq_ignore_ascii_case("of")
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit()))
}

fn heading_in(l: &str, set: &[&str]) -> bool {
    l.chars().count() <= 30 && set.contains(&l.to_lowercase().as_str())
}

/// The time spent in a role or at a company as LinkedIn writes it: `5 years 3 months`,
/// `(1 year)`, `11 months`, `less than a year`.
fn is_tenure(l: &str) -> bool {
    let t = l
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if t.eq_ignore_ascii_case("less than a year") {
        return true;
    }
    let w: Vec<&str> = t.split_whitespace().collect();
    !w.is_empty()
        && w.len().is_multiple_of(2)
        && w.chunks(2).all(|p| {
            p[0].bytes().all(|c| c.is_ascii_digit())
                && matches!(
                    p[1].to_ascii_lowercase().as_str(),
                    "year" | "years" | "yr" | "yrs" | "month" | "months" | "mo" | "mos"
                )
        })
}

/// A line that opens with a date range and holds nothing else but the time it spans:
/// `January 2022 - Present (2 years 11 months)`. Returns the range as written.
fn dates_line(l: &str) -> Option<&str> {
    let r = dates::find_range(l)?;
    let rest = l[r.span.end..].trim();
    (r.span.start == 0 && (rest.is_empty() || is_tenure(rest))).then(|| l[r.span.clone()].trim())
}

/// Where a job is, as LinkedIn writes it under the dates: `San Francisco, California,
/// United States`, `San Francisco Bay Area`, `Remote`.
/// (`Kingston upon Thames, England, United Kingdom`: a town, its region and its country,
/// each capitalised.)
fn is_location(l: &str) -> bool {
    let lower = l.to_lowercase();
    let parts: Vec<&str> = l.split(", ").collect();
    let town_region_country = parts.len() == 3
        && parts
            .iter()
            .all(|p| p.starts_with(char::is_uppercase) && !p.contains(['(', '&', '|']));
    l.chars().count() <= 60
        && !l.ends_with('.')
        && dates::find_range(l).is_none()
        && (super::text::looks_like_location(l)
            || town_region_country
            || lower.ends_with(" area")
            || lower.ends_with(" region")
            || lower == "remote")
}

/// Whether `text` is a LinkedIn profile export: it opens with the sidebar's `Contact`, links
/// a `linkedin.com/in/` profile and has an `Experience` or `Education` heading.
pub(crate) fn is_export(lines: &[String]) -> bool {
    lines
        .first()
        .is_some_and(|l| l.eq_ignore_ascii_case("contact"))
        && lines
            .iter()
            .take(12)
            .any(|l| l.contains("linkedin.com/in/"))
        && lines
            .iter()
            .any(|l| l.eq_ignore_ascii_case("experience") || l.eq_ignore_ascii_case("education"))
}

/// Reads `text` as a LinkedIn profile export, or `None` when it is not one.
pub(crate) fn parse(text: &str) -> Option<Resume> {
    let lines = clean_lines(text);
    if !is_export(&lines) {
        return None;
    }
    let main = lines.iter().position(|l| heading_in(l, MAIN))?;
    let last_side = (0..main).rev().find(|&i| heading_in(&lines[i], SIDEBAR))?;
    // The main column opens with the name, the headline (LinkedIn requires one) and the
    // location, right after the last sidebar list: the name is the line over the headline,
    // or, with the headline wrapped, the last line above it that reads as a person's name.
    let loc = main
        .checked_sub(1)
        .filter(|&i| i > last_side + 1 && is_location(&lines[i]));
    let head_end = loc.unwrap_or(main);
    let person = |i: &usize| *i > last_side && reads_as_person(&lines[*i]);
    let name_at = head_end.checked_sub(2).filter(person).or_else(|| {
        (last_side + 1..head_end.saturating_sub(1))
            .rev()
            .find(person)
    })?;
    let mut resume = Resume::default();
    let mut basics = Basics {
        name: Some(lines[name_at].clone()),
        location: loc.map(|i| lines[i].clone()),
        ..Default::default()
    };
    let headline = lines[name_at + 1..head_end].join(" ");
    if !headline.is_empty() {
        basics.label = Some(headline);
    }
    // The sidebar: contact lines, then lists.
    let mut i = 0;
    while i < name_at {
        let heading = &lines[i];
        let end = (i + 1..name_at)
            .find(|&j| heading_in(&lines[j], SIDEBAR))
            .unwrap_or(name_at);
        let items = &lines[i + 1..end];
        if heading.eq_ignore_ascii_case("contact") {
            basics.lines.extend(contact_lines(items));
        } else if !items.is_empty() {
            let kind = match heading.to_lowercase().as_str() {
                "top skills" | "skills" => SectionKind::Skills,
                h if h.contains("certif") || h.contains("honor") || h.contains("award") => {
                    SectionKind::Awards
                }
                _ => SectionKind::Other,
            };
            resume.sections.push(Section {
                kind,
                heading: heading.clone(),
                entries: vec![Entry {
                    notes: items.to_vec(),
                    ..Default::default()
                }],
            });
        }
        i = end;
    }
    super::fill_contact(&mut basics);
    if basics.url.is_none() {
        // The profile's own link, as the sidebar writes it (`www.linkedin.com/in/janedoe
        // (LinkedIn)`, no scheme): the person's link.
        basics.url = basics.lines.iter().find_map(|l| {
            let at = l.find("linkedin.com/in/")?;
            let start = l[..at].rfind(' ').map_or(0, |i| i + 1);
            let link = l[start..].split(' ').next().unwrap_or_default();
            (link.len() > at - start + "linkedin.com/in/".len()).then(|| link.to_string())
        });
    }
    // The main column's sections.
    let mut i = main;
    while i < lines.len() {
        let heading = &lines[i];
        let end = (i + 1..lines.len())
            .find(|&j| heading_in(&lines[j], MAIN))
            .unwrap_or(lines.len());
        let body = &lines[i + 1..end];
        let kind = SectionKind::from_heading(heading);
        let entries = match kind {
            SectionKind::Experience | SectionKind::Projects => {
                let mut entries = jobs(body);
                if heading.to_lowercase().contains("volunteer") {
                    entries.iter_mut().for_each(role_over_organisation);
                }
                entries
            }
            SectionKind::Education => schools(body),
            _ => vec![Entry {
                notes: paragraphs(body),
                ..Default::default()
            }],
        };
        resume.sections.push(Section {
            kind,
            heading: heading.clone(),
            entries,
        });
        i = end;
    }
    resume.basics = basics;
    resume.assign_ids();
    Some(resume)
}

/// Whether a line reads as a person's name: two to five words, each capitalised (or a
/// particle such as "van", "de"), letters only besides a hyphen, an apostrophe or a full
/// stop, with credentials after a comma ("Jane Doe, PhD"); or two to four Chinese
/// characters. A role ("Product Designer", the headline) is not a name.
fn reads_as_person(l: &str) -> bool {
    if l.chars().all(crate::analyze::script::is_han) {
        return (2..=4).contains(&l.chars().count());
    }
    let mut parts = l.split(',');
    let name = parts.next().unwrap_or_default().trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && parts.all(|p| p.trim().chars().count() <= 12)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.')
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || [
                    "van", "von", "de", "da", "del", "der", "la", "le", "bin", "al",
                ]
                .contains(w)
        })
        && !super::text::role_word(name)
}

/// The sidebar's contact lines, with a profile link wrapped after its `/` joined again
/// (`www.linkedin.com/in/` over `janedoe (LinkedIn)`), or inside its handle
/// (`www.linkedin.com/in/marcus-` over `okafor-4b21a7 (LinkedIn)`), or before its label
/// (`www.linkedin.com/in/sophiemarchetti` over `(LinkedIn)`).
fn contact_lines(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in items {
        match out.last_mut() {
            Some(prev) if prev.ends_with('/') => prev.push_str(l),
            Some(prev)
                if prev.contains("linkedin.com/in/")
                    && !prev.contains(" (")
                    && l.ends_with("(LinkedIn)") =>
            {
                if l.starts_with('(') {
                    prev.push(' ');
                }
                prev.push_str(l);
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

/// The jobs of the Experience section. Each role is found by its dates line: the line above
/// is the role; the one above that is its company, unless it is the total time at a
/// company (then the company is above it, and its later roles follow) or the end of the
/// role before at the same company (its dates, location or description).
fn jobs(body: &[String]) -> Vec<Entry> {
    let dated: Vec<usize> = (1..body.len())
        .filter(|&i| dates_line(&body[i]).is_some())
        .collect();
    if dated.is_empty() {
        return vec![Entry {
            bullets: bullets(body),
            ..Default::default()
        }];
    }
    // Per role: (first line of its header, company, role line, dates line).
    let mut roles: Vec<(usize, Option<String>, usize, usize)> = Vec::new();
    let mut company: Option<String> = None;
    // The line after the previous role's dates: a header cannot reach above it.
    let mut floor = 0;
    for &d in &dated {
        let title = d - 1;
        if title < floor {
            continue;
        }
        let above = title.checked_sub(1).filter(|&a| a >= floor);
        let start = match above {
            Some(a) if is_tenure(&body[a]) && a > floor => {
                company = Some(body[a - 1].clone());
                a - 1
            }
            Some(a) if roles.is_empty() || !continues_role(body, a, floor) => {
                company = Some(body[a].clone());
                a
            }
            _ => title,
        };
        roles.push((start, company.clone(), title, d));
        floor = d + 1;
    }
    let mut out = Vec::new();
    for (k, &(_, ref company, title, d)) in roles.iter().enumerate() {
        let end = roles.get(k + 1).map_or(body.len(), |r| r.0);
        let mut from = d + 1;
        let location = body
            .get(from)
            .filter(|l| from < end && is_location(l))
            .cloned();
        if location.is_some() {
            from += 1;
        }
        let range = dates::find_range(&body[d]);
        out.push(Entry {
            organisation: company.clone(),
            title: Some(body[title].clone()),
            location,
            dates: dates_line(&body[d]).map(str::to_string),
            start: range.as_ref().and_then(|r| r.start),
            end: range.and_then(|r| r.end),
            bullets: bullets(&body[from.min(end)..end]),
            ..Default::default()
        });
    }
    out
}

/// A volunteer role written over its organisation (`Triage Nurse` over `Chicago Free Clinic
/// Network`, where jobs put the company first): the line with the title word is the role.
fn role_over_organisation(e: &mut Entry) {
    let role_first = e
        .organisation
        .as_deref()
        .is_some_and(super::text::role_word)
        && !e.title.as_deref().is_some_and(super::text::role_word);
    if role_first {
        std::mem::swap(&mut e.organisation, &mut e.title);
    }
}

/// Whether the line at `a`, above a role, can only be the end of the role before (its
/// location, a sentence of its description, or the end of one wrapped onto it in lower
/// case: `…onboards every new graduate` over `nurse.`), never a company. `floor` is the
/// first line after the role before's dates.
fn continues_role(body: &[String], a: usize, floor: usize) -> bool {
    let l = &body[a];
    is_location(l)
        || super::text::reads_as_sentence(l)
        || l.chars().count() > 80
        || (a > floor
            && lower_case_word(l)
            && l.ends_with(['.', '!', '?', ')'])
            && wraps_onto(&body[a - 1], l))
}

/// Whether a line opens with a word in lower case (`nurse.`), not a name that only starts
/// so (`eBay`, `iRobot`).
fn lower_case_word(l: &str) -> bool {
    l.split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && !w.chars().any(char::is_uppercase))
}

/// The description's lines as bullets: see [`paragraphs`].
fn bullets(lines: &[String]) -> Vec<Bullet> {
    paragraphs(lines)
        .into_iter()
        .map(|text| Bullet {
            text,
            ..Default::default()
        })
        .collect()
}

/// Lines as paragraphs, list markers taken off. A line wrapped from the one before (text
/// copied from the PDF keeps its line breaks, and a PDF's reading joins only lines that
/// run to the margin) joins it: the line before ends without a full stop, and it ran to the
/// wrapping width (60 characters or more), or this one opens in lower case, or the one
/// before ends on a word that cannot end a sentence ("and", "the", a comma).
fn paragraphs(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The last printed line (a paragraph may have joined several).
    let mut last = "";
    for l in lines.iter().filter(|l| !is_tenure(l)) {
        let marked = super::text::split_markers(l);
        let text = marked
            .as_ref()
            .map_or(l.as_str(), |(_, _, rest)| rest)
            .trim();
        if text.is_empty() {
            continue;
        }
        let prev_line = std::mem::replace(&mut last, text);
        if let Some(prev) = out.last_mut().filter(|_| marked.is_none()) {
            if wraps_onto(prev_line, text) {
                prev.push(' ');
                prev.push_str(text);
                continue;
            }
        }
        out.push(text.to_string());
    }
    out
}

/// A printed line at least this long without a full stop was wrapped: the export wraps the
/// description at about 80 characters.
const WRAP_WIDTH: usize = 60;

/// Whether `next` goes on the sentence `prev` leaves unfinished.
fn wraps_onto(prev: &str, next: &str) -> bool {
    const OPEN_ENDS: &[&str] = &[
        "and", "or", "the", "a", "an", "of", "to", "in", "for", "with", "on", "at", "by", "from",
        "as", "its", "our", "their", "my", "that", "which",
    ];
    if prev.ends_with(['.', '!', '?', ':', ';', '。', '！', '？', '；', '：']) {
        return false;
    }
    let last = prev.rsplit(' ').next().unwrap_or_default().to_lowercase();
    prev.chars().count() >= WRAP_WIDTH
        || next.starts_with(|c: char| c.is_lowercase())
        || prev.ends_with([',', '-', '–', '—', '('])
        || OPEN_ENDS.contains(&last.as_str())
}

/// The schools of the Education section: a school's name, then its degree line
/// (`Bachelor of Science - BS, Computer Science · (2011 - 2015)`), which may have no dates
/// (`Master's degree, Business Administration`) or be wrapped before them (`… ·` over
/// `(2011 - 2015)`).
fn schools(body: &[String]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    // The last degree line broke off before its dates.
    let mut dates_pending = false;
    for l in body {
        let range = dates::find_range(l);
        let (open, untitled) = out
            .last()
            .map_or((false, false), |e| (e.dates.is_none(), e.title.is_none()));
        let dates_alone = range.as_ref().is_some_and(|r| {
            l[..r.span.start]
                .trim()
                .trim_end_matches('(')
                .trim()
                .is_empty()
                && l[r.span.end..]
                    .trim()
                    .trim_start_matches(')')
                    .trim()
                    .is_empty()
        });
        let degree_line = untitled
            && (range.is_some()
                || l.contains(" · ")
                || l.ends_with('·')
                || (super::text::names_degree(l) && !super::text::names_school(l)));
        if open && (degree_line || (dates_pending && dates_alone)) {
            let e = out.last_mut().expect("checked above");
            let degree = match &range {
                Some(r) => &l[..r.span.start],
                None => l.as_str(),
            };
            let degree = degree.trim().trim_end_matches(['(', '·', ' ']).trim();
            if !degree.is_empty() && untitled {
                e.title = Some(degree.to_string());
            }
            if let Some(r) = &range {
                e.dates = Some(l[r.span.clone()].trim().to_string());
                e.start = r.start;
                e.end = r.end;
            }
            dates_pending = range.is_none() && l.ends_with('·');
        } else {
            out.push(Entry {
                organisation: Some(l.clone()),
                ..Default::default()
            });
            dates_pending = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::test_view::entries_of;

    /// A profile as LinkedIn's "Save to PDF" lays it out, read column after column.
    pub(crate) const EXPORT: &str = "Contact
+1 415 555 0142 (Mobile)
jane.doe@example.com
www.linkedin.com/in/
janedoe (LinkedIn)
Top Skills
Kubernetes
Go (Programming Language)
Site Reliability Engineering
Languages
English (Native or Bilingual)
Certifications
Certified Kubernetes Administrator (CKA)
Jane Doe
Staff Site Reliability Engineer at Acme Cloud
San Francisco Bay Area
Summary
Reliability engineer with ten years of keeping large fleets healthy.
Experience
Acme Cloud
5 years 3 months
Staff Site Reliability Engineer
January 2022 - Present (2 years 11 months)
San Francisco, California, United States
Led the migration of 400 services to Kubernetes.
Built the paging and incident review process for 12 teams.
Senior Site Reliability Engineer
September 2019 - December 2021 (2 years 4 months)
San Francisco, California, United States
- Cut p99 latency of the edge proxy by 40%.
Page 1 of 2
Globex Corporation
Software Engineer
June 2015 - August 2019 (4 years 3 months)
Austin, Texas
Wrote the deployment pipeline in Go.
Initech
Intern
June 2014 - August 2014 (3 months)
Education
University of Texas at Austin
Bachelor of Science - BS, Computer Science · (2011 - 2015)
Page 2 of 2
";

    #[test]
    fn a_linkedin_export_reads_its_name_sidebar_and_jobs() {
        let r = parse(EXPORT).expect("a LinkedIn export");
        assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
        assert_eq!(
            r.basics.label.as_deref(),
            Some("Staff Site Reliability Engineer at Acme Cloud")
        );
        assert_eq!(r.basics.location.as_deref(), Some("San Francisco Bay Area"));
        assert_eq!(r.basics.email.as_deref(), Some("jane.doe@example.com"));
        assert!(r
            .basics
            .lines
            .contains(&"www.linkedin.com/in/janedoe (LinkedIn)".to_string()));
        let kinds: Vec<_> = r
            .sections
            .iter()
            .map(|s| (s.kind, s.heading.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (SectionKind::Skills, "Top Skills"),
                (SectionKind::Other, "Languages"),
                (SectionKind::Awards, "Certifications"),
                (SectionKind::Other, "Summary"),
                (SectionKind::Experience, "Experience"),
                (SectionKind::Education, "Education"),
            ]
        );
        let entries = entries_of(&r);
        let jobs: Vec<_> = entries[4..9].to_vec();
        assert_eq!(
            jobs,
            [
                (
                    [
                        Some("Acme Cloud"),
                        Some("Staff Site Reliability Engineer"),
                        Some("January 2022 - Present")
                    ],
                    vec![
                        "Led the migration of 400 services to Kubernetes.",
                        "Built the paging and incident review process for 12 teams."
                    ]
                ),
                (
                    [
                        Some("Acme Cloud"),
                        Some("Senior Site Reliability Engineer"),
                        Some("September 2019 - December 2021")
                    ],
                    vec!["Cut p99 latency of the edge proxy by 40%."]
                ),
                (
                    [
                        Some("Globex Corporation"),
                        Some("Software Engineer"),
                        Some("June 2015 - August 2019")
                    ],
                    vec!["Wrote the deployment pipeline in Go."]
                ),
                (
                    [
                        Some("Initech"),
                        Some("Intern"),
                        Some("June 2014 - August 2014")
                    ],
                    vec![]
                ),
                (
                    [
                        Some("University of Texas at Austin"),
                        Some("Bachelor of Science - BS, Computer Science"),
                        Some("2011 - 2015")
                    ],
                    vec![]
                ),
            ]
        );
        let exp = &r.sections[4].entries[0];
        assert_eq!(
            exp.location.as_deref(),
            Some("San Francisco, California, United States")
        );
    }

    #[test]
    fn roles_without_location_or_description_keep_their_company() {
        // A second role at the same company right under the first one's dates, and a new
        // company right under a role's dates.
        let text = "Contact\nwww.linkedin.com/in/lee\nTop Skills\nSQL\nLee Chen\nData Analyst\nExperience\nBeta Corp\n2 years\nSenior Analyst\nJanuary 2021 - December 2021 (1 year)\nAnalyst\nJanuary 2020 - December 2020 (1 year)\nGamma Ltd\nJunior Analyst\nMarch 2019 - December 2019 (10 months)\n";
        let r = parse(text).expect("a LinkedIn export");
        assert_eq!(r.basics.name.as_deref(), Some("Lee Chen"));
        assert_eq!(r.basics.label.as_deref(), Some("Data Analyst"));
        let heads: Vec<_> = entries_of(&r)
            .into_iter()
            .map(|(h, _)| h)
            .filter(|h| h[2].is_some())
            .collect();
        assert_eq!(
            heads,
            [
                [
                    Some("Beta Corp"),
                    Some("Senior Analyst"),
                    Some("January 2021 - December 2021")
                ],
                [
                    Some("Beta Corp"),
                    Some("Analyst"),
                    Some("January 2020 - December 2020")
                ],
                [
                    Some("Gamma Ltd"),
                    Some("Junior Analyst"),
                    Some("March 2019 - December 2019")
                ],
            ]
        );
    }

    #[test]
    fn wrapped_lines_and_places_stay_with_their_role_and_degrees_with_their_school() {
        // The last line of a description wrapped in lower case, and a role's place in town,
        // region and country, are the role's, not the next role's company; a profile link
        // wrapped inside its handle is one link; a degree with no dates, or wrapped before
        // its dates, is its school's.
        let text = "Contact\nwww.linkedin.com/in/priya-\nnandakumar-rn (LinkedIn)\nTop Skills\nTriage\nPriya Nandakumar\nCharge Nurse\nChicago, Illinois, United States\nExperience\nLakeshore Medical Center\n9 years\nCharge Nurse\nJuly 2018 - Present (6 years)\nBuilt the unit's preceptor program, which now onboards every new graduate\nnurse.\nStaff Nurse, Critical Care\nApril 2015 - June 2018 (3 years 3 months)\nKingston upon Thames, England, United Kingdom\nGraduate Nurse Programme\n2014 - 2015 (1 year)\nEducation\nUniversity of California, Berkeley\nBachelor of Science - BS, Nursing ·\n(2010 - 2014)\nWestern Washington University\nMaster's degree, Nursing Administration\n";
        let r = parse(text).expect("a LinkedIn export");
        assert_eq!(
            r.basics.url.as_deref(),
            Some("www.linkedin.com/in/priya-nandakumar-rn")
        );
        let entries = entries_of(&r);
        let heads: Vec<_> = entries.iter().map(|(h, _)| *h).collect();
        assert_eq!(
            heads[heads.len() - 5..],
            [
                [
                    Some("Lakeshore Medical Center"),
                    Some("Charge Nurse"),
                    Some("July 2018 - Present")
                ],
                [
                    Some("Lakeshore Medical Center"),
                    Some("Staff Nurse, Critical Care"),
                    Some("April 2015 - June 2018")
                ],
                [
                    Some("Lakeshore Medical Center"),
                    Some("Graduate Nurse Programme"),
                    Some("2014 - 2015")
                ],
                [
                    Some("University of California, Berkeley"),
                    Some("Bachelor of Science - BS, Nursing"),
                    Some("2010 - 2014")
                ],
                [
                    Some("Western Washington University"),
                    Some("Master's degree, Nursing Administration"),
                    None
                ],
            ]
        );
        let charge = &entries[entries.len() - 5].1;
        assert_eq!(
            charge,
            &["Built the unit's preceptor program, which now onboards every new graduate nurse."]
        );
        let exp = &r
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Experience)
            .expect("jobs")
            .entries;
        assert_eq!(
            exp[1].location.as_deref(),
            Some("Kingston upon Thames, England, United Kingdom")
        );
    }

    #[test]
    fn a_volunteer_role_over_its_organisation_is_the_role() {
        // Volunteer entries name the role first; jobs the company. Under either, the line
        // with a title word is the role.
        let text = "Contact\nwww.linkedin.com/in/priya (LinkedIn)\nTop Skills\nTriage\nPriya Nandakumar\nCharge Nurse\nExperience\nLakeshore Medical Center\nCharge Nurse\nJuly 2018 - Present (6 years)\nRan the unit.\nVolunteer Experience\nTriage Nurse\nChicago Free Clinic Network\n2016 - Present\nTriage two Saturdays a month.\nHabitat for Humanity\nSite Volunteer\n2012 - 2014\nBuilt homes.\n";
        let r = parse(text).expect("a LinkedIn export");
        let heads: Vec<_> = entries_of(&r).iter().map(|(h, _)| *h).collect();
        assert_eq!(
            heads[1..],
            [
                [
                    Some("Lakeshore Medical Center"),
                    Some("Charge Nurse"),
                    Some("July 2018 - Present")
                ],
                [
                    Some("Chicago Free Clinic Network"),
                    Some("Triage Nurse"),
                    Some("2016 - Present")
                ],
                [
                    Some("Habitat for Humanity"),
                    Some("Site Volunteer"),
                    Some("2012 - 2014")
                ],
            ]
        );
    }

    #[test]
    fn a_company_named_in_lower_case_and_a_school_named_like_a_degree_stand_alone() {
        // `eBay` under a description without a full stop is the next job's company; `…,
        // Bombay` is a school, not the degree of the school above it.
        let text = "Contact\nwww.linkedin.com/in/lucas (LinkedIn)\nTop Skills\nKotlin\nLucas Ferreira\nAndroid Engineer\nExperience\nPayPal\nSenior Android Engineer\nMarch 2021 - Present (3 years)\nBuilt the Venmo card onboarding flow in Kotlin and Jetpack Compose\neBay\nAndroid Engineer\nJune 2017 - February 2021 (3 years 9 months)\nShipped image search.\nEducation\nStanford Center for Professional Development\nIndian Institute of Technology, Bombay\nBachelor of Technology - BTech, Computer Science · (2011 - 2015)\n";
        let r = parse(text).expect("a LinkedIn export");
        let orgs: Vec<_> = entries_of(&r)
            .into_iter()
            .filter_map(|(h, _)| h[0])
            .collect();
        assert_eq!(
            orgs,
            [
                "PayPal",
                "eBay",
                "Stanford Center for Professional Development",
                "Indian Institute of Technology, Bombay"
            ]
        );
    }

    #[test]
    fn the_markdown_a_pdf_reading_adds_is_read_through() {
        let md = EXPORT
            .replace("Contact\n", "## Contact\n")
            .replace("Jane Doe\n", "# Jane Doe\n")
            .replace("Experience\n", "## Experience\n")
            .replace("(LinkedIn)", "\\(LinkedIn\\)");
        let r = parse(&md).expect("a LinkedIn export");
        assert_eq!(r.basics.name.as_deref(), Some("Jane Doe"));
        assert_eq!(r.sections[4].entries.len(), 4);
    }

    #[test]
    fn other_resumes_are_not_read_as_exports() {
        assert!(parse("Jane Doe\njane@doe.com\n\nExperience\nAcme\n").is_none());
        // A résumé opening with a contact block but linking no LinkedIn profile.
        assert!(parse("Contact\njane@doe.com\nJane Doe\nExperience\nAcme\n").is_none());
    }

    #[test]
    fn a_description_wrapped_over_lines_is_one_bullet() {
        // Text copied from the PDF keeps each printed line; each paragraph is one bullet.
        let text = "Contact\nwww.linkedin.com/in/amr\nTop Skills\nCopywriting\nAnna Rooney\nVice President, Communications at Gladstone Institutes\nSan Diego, California, United States\nExperience\nGladstone Institutes\nVice President Communications\nAugust 2023 - Present (1 year 11 months)\nSan Francisco Bay Area\nShaping and executing integrated communication strategies that reflect\nGladstone's leadership in biomedical research and its commitment to solving\nthe world's most challenging diseases.\nOverseeing media relations, brand management, digital strategy, and\nexecutive communications.\n• Led a team of 12\n";
        let r = parse(text).expect("a LinkedIn export");
        assert_eq!(
            r.basics.location.as_deref(),
            Some("San Diego, California, United States")
        );
        let (head, bullets) = entries_of(&r).pop().unwrap();
        assert_eq!(head[0], Some("Gladstone Institutes"));
        assert_eq!(
            bullets,
            [
                "Shaping and executing integrated communication strategies that reflect Gladstone's leadership in biomedical research and its commitment to solving the world's most challenging diseases.",
                "Overseeing media relations, brand management, digital strategy, and executive communications.",
                "Led a team of 12",
            ]
        );
    }

    #[test]
    fn the_name_is_over_the_headline_whatever_the_lists_above() {
        // A headline that reads like a name ("Product Designer"), a skill that does
        // ("Public Relations"), credentials after the name, a wrapped headline.
        for (head, name) in [
            ("Public Relations\nMaria Lopez\nProduct Designer\n", "Maria Lopez"),
            ("Public Relations\nMaria Lopez, PhD\nProduct Designer\n", "Maria Lopez, PhD"),
            (
                "Public Relations\nMaria Lopez\nProduct Designer | Design Systems |\nAccessibility\n",
                "Maria Lopez",
            ),
        ] {
            let text = format!("Contact\nwww.linkedin.com/in/ml\nTop Skills\nFigma\n{head}Berlin, Germany\nExperience\nAcme\nDesigner\n2020 - 2022 (2 years)\n");
            let r = parse(&text).expect("a LinkedIn export");
            assert_eq!(r.basics.name.as_deref(), Some(name), "{text}");
            assert_eq!(r.basics.location.as_deref(), Some("Berlin, Germany"));
        }
        // No line reads as a name: the general reader takes it.
        assert!(parse("Contact\nwww.linkedin.com/in/ml\nTop Skills\nFigma\nproduct designer\nExperience\nAcme\n").is_none());
    }

    /// Lines an export is made of, in any order and number.
    const PIECES: &[&str] = &[
        "Contact",
        "www.linkedin.com/in/",
        "x (LinkedIn)",
        "Top Skills",
        "Languages",
        "Summary",
        "Experience",
        "Education",
        "Jane Doe",
        "Engineer at Acme",
        "Berlin, Germany",
        "Acme Corp",
        "2 years 1 month",
        "January 2020 - Present (2 years)",
        "2011 - 2015",
        "- Built the thing.",
        "Led a migration of services and",
        "the rest of it.",
        "Page 1 of 2",
        "",
        "· (2011 - 2015)",
    ];

    proptest::proptest! {
        /// Any arrangement of those lines: no panic, and every word of every bullet is the
        /// input's (bullets are its lines, joined, never rewritten).
        #[test]
        fn any_arrangement_reads_without_inventing(picks in proptest::collection::vec(0usize..PIECES.len(), 0..40)) {
            let mut text = String::from("Contact\nwww.linkedin.com/in/\n");
            for p in picks {
                text.push_str(PIECES[p]);
                text.push('\n');
            }
            if let Some(r) = parse(&text) {
                for leaf in r.leaves() {
                    for w in leaf.bullet.text.split(' ') {
                        proptest::prop_assert!(text.contains(w), "{w:?} in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn tenures_are_told_from_other_lines() {
        for t in [
            "5 years 3 months",
            "(1 year)",
            "11 months",
            "less than a year",
        ] {
            assert!(is_tenure(t), "{t}");
        }
        for t in ["Acme Cloud", "5 years", "years 5", "3 engineers"] {
            assert_eq!(is_tenure(t), t == "5 years", "{t}");
        }
    }
}
