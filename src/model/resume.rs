//! The résumé model every parser produces and every later stage reads.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A parsed résumé: contact basics, then sections in their original order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    /// Name and contact details.
    pub basics: Basics,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// The JSON Resume document this résumé was read from, if it was: a tailored résumé is
    /// written back as that document with only its highlights changed.
    #[serde(skip)]
    pub origin: Option<JsonOrigin>,
    /// What a person should know about how the file was read (for example that it had no
    /// list structure and its lines were read as bullets), one sentence each. The library
    /// never prints them: the caller shows them. Not part of the résumé's content, so not
    /// serialised with it.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// A JSON Resume source document and where each of the résumé's sections came from in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonOrigin {
    /// The document as read.
    pub doc: serde_json::Value,
    /// For each section (same index), the top-level array it was read from (`work`,
    /// `projects`, `volunteer`, `education`, …).
    pub arrays: Vec<String>,
}

/// Contact basics. Only what the source gives is filled in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Basics {
    /// The owner's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A headline such as "Frontend Engineer".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the owner lives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A summary paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Contact lines kept verbatim (as they appeared under the name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// Links on words of the contact lines (`LinkedIn`, `GitHub`), in order: the lines keep
    /// their words, and every output that carries links writes them back on those words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// What a section is about, so tailoring knows what to keep whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Schools and degrees.
    Education,
    /// Jobs and internships.
    Experience,
    /// Projects.
    Projects,
    /// Skills and technology stacks.
    Skills,
    /// Awards, competitions, certificates.
    Awards,
    /// Summary and everything else.
    Other,
}

impl SectionKind {
    /// Whether the section holds work the résumé proves (experience and projects): its
    /// bullets are evidence, selected when tailoring; other sections are kept whole.
    pub fn is_work(self) -> bool {
        matches!(self, SectionKind::Experience | SectionKind::Projects)
    }

    /// Guesses the kind from a heading in Chinese or English.
    pub fn from_heading(heading: &str) -> SectionKind {
        let h = heading.to_lowercase();
        let has = |keys: &[&str]| keys.iter().any(|k| h.contains(k));
        // "Academic Appointments", "Positions": an academic's jobs.
        // ("Desired Position" is what the person wants.)
        if has(&[
            "appointment",
            "academic position",
            "research position",
            "positions held",
        ]) || h.trim() == "positions"
        {
            SectionKind::Experience
        } else if has(&["教育", "学历", "education", "academic"]) {
            SectionKind::Education
        } else if has(&[
            "技能",
            "技术栈",
            "skill",
            "stack",
            "technolog",
            "专长",
            "competenc",
            "expertise",
            "tools",
        ]) {
            SectionKind::Skills
        } else if has(&["项目", "project"]) {
            SectionKind::Projects
        } else if has(&[
            "summary",
            "profile",
            "objective",
            "about",
            "自我评价",
            "个人简介",
            "个人总结",
            "个人优势",
            "求职",
            "期望",
            "培训",
        ]) {
            // "Career Summary", "Professional Profile": the person, in prose, not the jobs.
            SectionKind::Other
        } else if has(&[
            "奖",
            "荣誉",
            "竞赛",
            "证书",
            "award",
            "honor",
            "honour",
            "competition",
            "certific",
            "grant",
            "fellowship",
        ]) {
            SectionKind::Awards
        } else if has(&[
            "工作",
            "经历",
            "实习",
            "履历",
            "experience",
            "employment",
            "work",
            "career",
            "internship",
            "volunteer",
        ]) {
            SectionKind::Experience
        } else {
            SectionKind::Other
        }
    }
}

/// One section: its original heading and its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The kind guessed from the heading (or given by the format).
    pub kind: SectionKind,
    /// The heading as written.
    pub heading: String,
    /// Entries in document order. Bullets directly under a heading live in an
    /// entry without an organisation.
    pub entries: Vec<Entry>,
}

/// A job, school, project or award, or an untitled group of bullets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Organisation (or the entry's heading line as written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Title or role line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Location as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The date range as written, e.g. `2022 年 6 月 - 至今`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<String>,
    /// Parsed start of the date range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<YearMonth>,
    /// Parsed end of the date range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<DateEnd>,
    /// The entry's link (an organisation's or project's page), when the source gave one:
    /// kept so that outputs which carry links (Markdown, HTML, JSON Resume) keep it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Other lines of the entry (paragraphs, notes), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The links the source set on words of the notes, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The bullet tree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<Bullet>,
}

/// A bullet: verbatim text, a stable id, and children when it heads a group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bullet {
    /// Stable id: `s{section}e{entry}b{path}`, 1-based, e.g. `s4e1b3.2`.
    pub id: String,
    /// The text exactly as in the source, minus list markers and emphasis markup.
    pub text: String,
    /// Nested bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Bullet>,
    /// The links the source set on words of the text, in order (`[Glide](https://…)` in
    /// Markdown): outputs that carry links (Markdown, HTML, DOCX) link those words again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// Where `links` sit in `text`: each link's words at their first place after the one
/// before where they are words of their own (not `in` inside `Berlin`, nor `github` inside
/// `jane.github.io`), else at their first place; a link whose words are not in the text is
/// left out.
pub fn link_spans<'a>(text: &str, links: &'a [Link]) -> Vec<(std::ops::Range<usize>, &'a str)> {
    // A letter or digit, or a `.`, `-`, `_`, `/` or `@` between two of them, joins the words
    // beside it into one.
    let joins = |before: Option<char>, c: char, after: Option<char>| {
        c.is_alphanumeric()
            || (matches!(c, '.' | '-' | '_' | '/' | '@')
                && before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric))
    };
    let own_words = |start: usize, end: usize| {
        let mut back = text[..start].chars().rev();
        let left = back
            .next()
            .is_none_or(|c| !joins(back.next(), c, text[start..].chars().next()));
        let mut ahead = text[end..].chars();
        let right = ahead
            .next()
            .is_none_or(|c| !joins(text[..end].chars().next_back(), c, ahead.next()));
        left && right
    };
    let mut at = 0;
    let mut out = Vec::new();
    for l in links {
        if l.text.is_empty() {
            continue;
        }
        let found = text[at..]
            .match_indices(l.text.as_str())
            .map(|(i, _)| i)
            .find(|&i| own_words(at + i, at + i + l.text.len()))
            .or_else(|| text[at..].find(&l.text));
        if let Some(i) = found {
            let start = at + i;
            at = start + l.text.len();
            out.push((start..at, l.url.as_str()));
        }
    }
    out
}

/// `text` cut into pieces, each with the address it links to (`None` between links).
pub fn link_pieces<'a>(text: &'a str, links: &'a [Link]) -> Vec<(&'a str, Option<&'a str>)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (r, url) in link_spans(text, links) {
        if pos < r.start {
            out.push((&text[pos..r.start], None));
        }
        out.push((&text[r.clone()], Some(url)));
        pos = r.end;
    }
    if pos < text.len() || text.is_empty() {
        out.push((&text[pos..], None));
    }
    out
}

/// A link on words of a text: the words as they appear in it, and the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The linked words, as they appear in the text.
    pub text: String,
    /// The web address.
    pub url: String,
}

/// A year and an optional month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

/// The end of a date range: a date, or still ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateEnd {
    /// Ended at this date.
    Date(YearMonth),
    /// Ongoing ("present", "至今").
    Present,
}

impl Bullet {
    /// The bullet's text as a key for finding the same bullet written twice: lower case,
    /// runs of space as one.
    pub fn text_key(&self) -> String {
        self.text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    /// Whether this bullet heads a group (has children).
    pub fn is_group(&self) -> bool {
        !self.children.is_empty()
    }

    /// Levels in this bullet's tree (1 for a leaf), counted without recursion.
    pub fn depth(&self) -> usize {
        let mut max = 0;
        let mut stack = vec![(self, 1)];
        while let Some((b, d)) = stack.pop() {
            max = max.max(d);
            stack.extend(b.children.iter().map(|c| (c, d + 1)));
        }
        max
    }

    /// Where the text's links sit: each link's words at their first place after the one
    /// before (links come in the order of the text), with its address. A link whose words
    /// are not in the text is left out.
    pub fn link_spans(&self) -> Vec<(std::ops::Range<usize>, &str)> {
        link_spans(&self.text, &self.links)
    }

    /// Visits this bullet and all descendants depth-first.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Bullet)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

/// A leaf bullet with where it sits, as indexed and scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafRef<'a> {
    /// Section index.
    pub section: usize,
    /// Entry index within the section.
    pub entry: usize,
    /// The bullet.
    pub bullet: &'a Bullet,
    /// The group bullets above it (their text is its context), outermost first.
    pub groups: Vec<&'a Bullet>,
}

impl Resume {
    /// All leaf bullets (bullets without children) in document order.
    pub fn leaves(&self) -> Vec<LeafRef<'_>> {
        fn go<'a>(
            b: &'a Bullet,
            section: usize,
            entry: usize,
            groups: &mut Vec<&'a Bullet>,
            out: &mut Vec<LeafRef<'a>>,
        ) {
            if b.is_group() {
                groups.push(b);
                for c in &b.children {
                    go(c, section, entry, groups, out);
                }
                groups.pop();
            } else {
                out.push(LeafRef {
                    section,
                    entry,
                    bullet: b,
                    groups: groups.clone(),
                });
            }
        }
        let mut out = Vec::new();
        for (si, s) in self.sections.iter().enumerate() {
            for (ei, e) in s.entries.iter().enumerate() {
                for b in &e.bullets {
                    go(b, si, ei, &mut Vec::new(), &mut out);
                }
            }
        }
        out
    }

    /// Every bullet (groups and leaves) in document order.
    pub fn all_bullets(&self) -> Vec<&Bullet> {
        let mut out = Vec::new();
        for s in &self.sections {
            for e in &s.entries {
                for b in &e.bullets {
                    b.walk(&mut |x| out.push(x));
                }
            }
        }
        out
    }

    /// Every piece of text in the model, for coverage checks and "nothing lost" tests.
    pub fn all_text(&self) -> Vec<&str> {
        let mut out = self.text_outside_bullets();
        out.extend(self.all_bullets().into_iter().map(|b| b.text.as_str()));
        out
    }

    /// Every piece of text but the bullets: name, contact and summary, section headings, and
    /// each entry's organisation, title, location, dates and notes.
    pub fn text_outside_bullets(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let b = &self.basics;
        for s in [
            &b.name,
            &b.label,
            &b.email,
            &b.phone,
            &b.url,
            &b.location,
            &b.summary,
        ]
        .into_iter()
        .flatten()
        {
            out.push(s);
        }
        out.extend(b.lines.iter().map(String::as_str));
        for s in &self.sections {
            out.push(&s.heading);
            for e in &s.entries {
                for t in [&e.organisation, &e.title, &e.location, &e.dates]
                    .into_iter()
                    .flatten()
                {
                    out.push(t);
                }
                out.extend(e.notes.iter().map(String::as_str));
            }
        }
        out
    }

    /// Assigns stable ids to every bullet from its position.
    pub fn assign_ids(&mut self) {
        fn go(bullets: &mut [Bullet], prefix: &str) {
            for (i, b) in bullets.iter_mut().enumerate() {
                b.id = if prefix.ends_with('b') {
                    format!("{prefix}{}", i + 1)
                } else {
                    format!("{prefix}.{}", i + 1)
                };
                let p = b.id.clone();
                go(&mut b.children, &p);
            }
        }
        for (si, s) in self.sections.iter_mut().enumerate() {
            for (ei, e) in s.entries.iter_mut().enumerate() {
                go(&mut e.bullets, &format!("s{}e{}b", si + 1, ei + 1));
            }
        }
    }
}

/// Words a school's name ends or begins with.
pub(crate) const SCHOOL_WORDS: [&str; 12] = [
    "大学",
    "学院",
    "学校",
    "中学",
    "高中",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "polytechnic",
    "universität",
];

/// Words of a job title, in either language (checked against lowercased text).
pub(crate) const ROLE_WORDS: [&str; 55] = [
    "engineer",
    // Titles written as their initials: Site Reliability Engineer, Software Engineer.
    "sre",
    "swe",
    "researcher",
    "writer",
    "developer",
    "manager",
    "lead",
    "designer",
    "analyst",
    "scientist",
    "intern",
    "architect",
    "director",
    "consultant",
    "specialist",
    "administrator",
    "officer",
    "head of",
    "founder",
    "programmer",
    "technician",
    "coordinator",
    // Titles outside software, as Indeed and academic résumés write them.
    "accountant",
    "controller",
    "auditor",
    "professor",
    "lecturer",
    "postdoc",
    "postdoctoral",
    "nurse",
    "operator",
    "supervisor",
    "teacher",
    "instructor",
    "assistant",
    "representative",
    "recruiter",
    "工程师",
    "分析师",
    "设计师",
    "研究员",
    "科学家",
    "程序员",
    "顾问",
    "专员",
    "创始人",
    "合伙人",
    "经理",
    "主管",
    "总监",
    "架构师",
    "专家",
    "实习",
    "负责人",
];

/// Whether `text` names a job title: it holds a title word in either language ("Senior
/// Backend Engineer", "高级工程师"), which tells a role from an organisation or a place.
pub fn names_a_role(text: &str) -> bool {
    let text = text.to_lowercase();
    ROLE_WORDS.iter().any(|w| {
        // Initials only as a word of their own ("Senior SRE", never "misread").
        if w.len() <= 3 {
            text.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w)
        } else {
            text.contains(w)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_sits_on_its_words_where_they_are_words_of_their_own() {
        let link = |t: &str| Link {
            text: t.into(),
            url: format!("https://example.com/{t}"),
        };
        let at = |text: &str, l: &Link| link_spans(text, std::slice::from_ref(l))[0].0.clone();
        // Not inside "Berlin", nor inside a host; a sentence's full stop ends the word.
        assert_eq!(at("Berlin, Germany | in", &link("in")), 18..20);
        assert_eq!(at("jane.github.io | github", &link("github")), 17..23);
        assert_eq!(at("Built with Glide.", &link("Glide")), 11..16);
        // Words found only inside another are still linked there, as before.
        assert_eq!(at("Glides", &link("Glide")), 0..5);
    }

    fn b(text: &str, children: Vec<Bullet>) -> Bullet {
        Bullet {
            text: text.into(),
            children,
            ..Bullet::default()
        }
    }

    #[test]
    fn summaries_competencies_and_bilingual_headings_have_their_kinds() {
        for (h, kind) in [
            ("Core Competencies", SectionKind::Skills),
            ("TOOLS", SectionKind::Skills),
            ("Areas of Expertise", SectionKind::Skills),
            ("Career Summary", SectionKind::Other),
            ("Professional Profile", SectionKind::Other),
            ("Career History", SectionKind::Experience),
            ("Education & Certifications", SectionKind::Education),
            ("工作经历 Work Experience", SectionKind::Experience),
        ] {
            assert_eq!(SectionKind::from_heading(h), kind, "{h}");
        }
    }

    #[test]
    fn ids_follow_the_tree() {
        let mut r = Resume {
            origin: None,
            warnings: Vec::new(),
            basics: Basics::default(),
            sections: vec![Section {
                kind: SectionKind::Experience,
                heading: "Work".into(),
                entries: vec![Entry {
                    bullets: vec![
                        b("a", vec![b("a1", vec![]), b("a2", vec![])]),
                        b("c", vec![]),
                    ],
                    ..Entry::default()
                }],
            }],
        };
        r.assign_ids();
        let ids: Vec<_> = r.all_bullets().iter().map(|b| b.id.clone()).collect();
        assert_eq!(ids, ["s1e1b1", "s1e1b1.1", "s1e1b1.2", "s1e1b2"]);
        let leaves: Vec<_> = r.leaves().iter().map(|l| l.bullet.text.clone()).collect();
        assert_eq!(leaves, ["a1", "a2", "c"]);
    }

    #[test]
    fn section_kinds_from_headings() {
        assert_eq!(
            SectionKind::from_heading("教育背景"),
            SectionKind::Education
        );
        assert_eq!(
            SectionKind::from_heading("工作经历"),
            SectionKind::Experience
        );
        assert_eq!(
            SectionKind::from_heading("实习经历"),
            SectionKind::Experience
        );
        assert_eq!(
            SectionKind::from_heading("系统经验与技术栈"),
            SectionKind::Skills
        );
        assert_eq!(SectionKind::from_heading("编程竞赛"), SectionKind::Awards);
        assert_eq!(
            SectionKind::from_heading("Work Experience"),
            SectionKind::Experience
        );
        assert_eq!(SectionKind::from_heading("Summary"), SectionKind::Other);
        // What the person wants, and training courses, are no jobs.
        for h in ["求职意向", "期望工作", "个人优势", "培训经历"] {
            assert_eq!(SectionKind::from_heading(h), SectionKind::Other, "{h}");
        }
        // An academic's jobs are appointments and positions; grants are awards.
        for (h, kind) in [
            ("ACADEMIC APPOINTMENTS", SectionKind::Experience),
            ("Positions", SectionKind::Experience),
            ("Grants & Fellowships", SectionKind::Awards),
            ("Teaching", SectionKind::Other),
        ] {
            assert_eq!(SectionKind::from_heading(h), kind, "{h}");
        }
    }
}
