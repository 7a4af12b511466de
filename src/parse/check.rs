//! What a person should check in a résumé as read: missing name or contact details, work
//! without dates, sections that look misread, text that reads like a posting, and how the
//! file was read. Shown by `jdfit resume` and by the web page after an upload; the scorer
//! does not use them.

use super::{dates, posting};
use crate::model::{Part, Resume, ResumeWarning, SectionKind, WarningKind};

/// An "other" section with at least this many bullets is probably a section whose heading
/// was not recognised (experience under a heading such as "Where I worked"): its bullets are
/// kept whole instead of being selected as evidence.
const MANY_OTHER_BULLETS: usize = 6;

/// The warnings for `resume`, read from `text` (the text its parser read; `None` for a JSON
/// Resume, whose structure is given, not guessed). Most important first.
pub fn resume_warnings(resume: &Resume, text: Option<&str>) -> Vec<ResumeWarning> {
    let mut out = Vec::new();
    let mut warn = |kind, message: String| out.push(ResumeWarning { kind, message });
    if let Some(h) = text.and_then(posting_heading) {
        warn(WarningKind::LooksLikePosting, looks_like_posting(&h));
    }
    let b = &resume.basics;
    if b.name.is_none() {
        warn(
            WarningKind::NoName,
            "no name found: tailored résumés will have no name heading".into(),
        );
    }
    if b.email.is_none() && b.phone.is_none() && b.url.is_none() {
        warn(
            WarningKind::NoContact,
            "no contact details found (no e-mail, phone or link)".into(),
        );
    }
    for s in resume.sections.iter().filter(|s| s.kind.is_work()) {
        // Entries that name a job or project: bullets directly under the heading are not one.
        let named: Vec<_> = s
            .entries
            .iter()
            .filter(|e| e.organisation.is_some() || e.title.is_some())
            .collect();
        let undated: Vec<&str> = named
            .iter()
            .filter(|e| e.start.is_none())
            .map(|e| {
                e.organisation
                    .as_deref()
                    .or(e.title.as_deref())
                    .unwrap_or("")
            })
            .collect();
        if s.kind == SectionKind::Experience && !undated.is_empty() {
            let message = if undated.len() == named.len() {
                format!(
                    "no dates read in “{}”: its years of experience are not counted",
                    s.heading
                )
            } else {
                format!(
                    "no dates read for {} in “{}”: {} not counted in years of experience",
                    quoted(&undated),
                    s.heading,
                    if undated.len() == 1 {
                        "it is"
                    } else {
                        "they are"
                    }
                )
            };
            warn(WarningKind::NoDates, message);
        }
        let unnamed = s
            .entries
            .iter()
            .filter(|e| e.organisation.is_none() && e.title.is_none() && !e.bullets.is_empty())
            .count();
        if s.kind == SectionKind::Experience && unnamed > 0 && !named.is_empty() {
            warn(
                WarningKind::Misread,
                format!(
                    "{unnamed} group{} of bullets in “{}” belong{} to no job: an entry heading may have been missed",
                    if unnamed == 1 { "" } else { "s" },
                    s.heading,
                    if unnamed == 1 { "s" } else { "" }
                ),
            );
        }
        let dated_names: Vec<&str> = named
            .iter()
            .filter_map(|e| e.organisation.as_deref())
            .filter(|o| dates::find_range(o).is_some() || dates::is_range_line(o))
            .collect();
        if !dated_names.is_empty() {
            warn(
                WarningKind::Misread,
                format!(
                    "{} in “{}” read as an organisation but holds dates: the entry's lines may be out of order",
                    quoted(&dated_names),
                    s.heading
                ),
            );
        }
        // `中国, 北京` as an entry's name: a location line taken for the entry's heading, as
        // text converted from a PDF often gives.
        let places: Vec<&str> = named
            .iter()
            .filter_map(|e| e.organisation.as_deref())
            .filter(|o| super::is_place(o))
            .collect();
        if !places.is_empty() {
            warn(
                WarningKind::Misread,
                format!(
                    "{} in “{}” read as an organisation but looks like a place: the entry's lines may be out of order",
                    quoted(&places),
                    s.heading
                ),
            );
        }
    }
    for s in resume
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Other)
    {
        let leaves = s
            .entries
            .iter()
            .flat_map(|e| &e.bullets)
            .map(|b| {
                let mut n = 0;
                b.walk(&mut |x| n += usize::from(!x.is_group()));
                n
            })
            .sum::<usize>();
        if leaves >= MANY_OTHER_BULLETS {
            warn(
                WarningKind::Misread,
                format!(
                    "“{}” was not recognised as experience, projects, education or skills, so its {leaves} bullets are kept whole and never chosen as evidence: if it is work, head it Experience or Projects (工作经历, 项目经历)",
                    s.heading
                ),
            );
        }
    }
    if !resume.sections.iter().any(|s| s.kind.is_work()) {
        warn(
            WarningKind::Misread,
            "no experience or projects section found: no bullet is chosen as evidence when tailoring".into(),
        );
    }
    for w in &resume.warnings {
        warn(WarningKind::Reading, w.clone());
    }
    out
}

/// `“a”, “b” and 2 more`.
fn quoted(names: &[&str]) -> String {
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("“{n}”")).collect();
    match names.len() {
        n if n > 3 => format!("{} and {} more", shown.join(", "), n - 3),
        _ => shown.join(", "),
    }
}

/// A posting's requirements heading in `text` that is no résumé heading (a résumé's
/// "Certifications" asks nothing). A text with such a heading and no dates is refused as a
/// posting when read; with dates it is read, and this says why it may still be one.
/// The warning for a résumé with a posting's heading `h`.
pub(crate) fn looks_like_posting(h: &str) -> String {
    format!(
        "a heading “{h}” reads like a job posting's: is this the résumé, or were the résumé and the posting swapped?"
    )
}

pub(crate) fn posting_heading(text: &str) -> Option<String> {
    posting::firm_headings(text)
        .into_iter()
        .find(|(p, h)| {
            matches!(p, Part::Requirements | Part::Nice)
                && SectionKind::from_heading(h) == SectionKind::Other
        })
        .map(|(_, h)| h.trim_end_matches([':', '：']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{markdown, text};

    fn kinds(r: &Resume, t: Option<&str>) -> Vec<WarningKind> {
        resume_warnings(r, t).into_iter().map(|w| w.kind).collect()
    }

    #[test]
    fn a_complete_resume_has_no_warnings() {
        let md = "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n### Acme\nJan 2020 – Present\n\n- Ran the on-call rota\n";
        let r = markdown::parse(md);
        assert_eq!(resume_warnings(&r, Some(md)), []);
    }

    #[test]
    fn missing_name_contact_and_dates() {
        let md = "## Experience\n\n### Acme\n\n- Ran the on-call rota\n";
        let r = markdown::parse(md);
        assert_eq!(
            kinds(&r, Some(md)),
            [
                WarningKind::NoName,
                WarningKind::NoContact,
                WarningKind::NoDates
            ]
        );
    }

    #[test]
    fn misread_sections() {
        let md = "# Sam Lee\n\nsam@example.com\n\n## Highlights\n\n- a\n- b\n- c\n- d\n- e\n- f\n";
        let r = markdown::parse(md);
        let w = resume_warnings(&r, Some(md));
        assert!(
            w.iter()
                .any(|w| w.kind == WarningKind::Misread && w.message.contains("6 bullets")),
            "{w:?}"
        );
    }

    #[test]
    fn a_place_read_as_an_organisation() {
        let md = "# 张三\n\nzs@example.com\n\n## 工作经历\n\n### 中国, 北京\n2019 年 1 月 - 至今\n\n- 负责 Kubernetes 集群\n";
        let r = markdown::parse(md);
        let w = resume_warnings(&r, Some(md));
        assert!(
            w.iter().any(|w| w.message.contains("looks like a place")),
            "{w:?}"
        );
    }

    #[test]
    fn posting_headings_and_reading_notes() {
        let t =
            "Sam Lee\n\nWork Experience\n- Acme, 2019 - 2021\n\nRequirements\n- 5 years of Go\n";
        let r = text::parse(t);
        assert!(kinds(&r, Some(t)).contains(&WarningKind::LooksLikePosting));
        let loose = text::parse_loose(
            "Sam Lee. I ran the on-call rota for forty services at Acme for years.",
        );
        assert!(kinds(&loose, None).contains(&WarningKind::Reading));
    }
}
