//! Markdown résumés: `#` name, contact lines under it, `##` sections, `###` entries with a
//! title line and a `location | dates` line, nested `-` lists as bullets. Real-world variants
//! (bold titles, links, italic date lines, loose lists) are read by their text.

use super::dates;
use crate::model::{Bullet, Entry, Resume, Section, SectionKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Default)]
struct State {
    resume: Resume,
    /// Inline text being collected (heading, paragraph line, list item).
    buf: String,
    /// Lines of the current paragraph.
    para: Vec<String>,
    /// Open list items: text collected so far and finished children.
    items: Vec<(String, Vec<Bullet>)>,
    /// Finished top-level bullets waiting to be attached to the current entry.
    heading: Option<HeadingLevel>,
    seen_name: bool,
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
                let s = self.section();
                s.entries.push(Entry {
                    organisation: Some(text),
                    ..Entry::default()
                });
            }
        }
    }

    fn end_paragraph(&mut self) {
        let line = self.take_buf();
        if !line.is_empty() {
            self.para.push(line);
        }
        let lines = std::mem::take(&mut self.para);
        if self.resume.sections.is_empty() {
            self.resume.basics.lines.extend(lines);
            return;
        }
        let kind = self.section().kind;
        let entry = self.entry();
        for line in lines {
            let fresh = entry.organisation.is_some() && entry.bullets.is_empty();
            if fresh && entry.dates.is_none() {
                if let Some(r) = dates::find_range(&line) {
                    entry.dates = Some(line[r.span.clone()].trim().to_string());
                    entry.start = r.start;
                    entry.end = r.end;
                    let loc = line[..r.span.start]
                        .trim()
                        .trim_end_matches(['|', ',', '，', '·'])
                        .trim();
                    if !loc.is_empty() {
                        entry.location = Some(loc.to_string());
                    }
                    let after = line[r.span.end..].trim().trim_start_matches('|').trim();
                    if !after.is_empty() {
                        entry.notes.push(after.to_string());
                    }
                    continue;
                }
            }
            let short = line.chars().count() <= 80 && !line.ends_with(['。', '：', ':']);
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
            Event::Start(Tag::Paragraph) if st.items.is_empty() => st.buf.clear(),
            Event::End(TagEnd::Paragraph) => {
                if st.items.is_empty() {
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
                st.items.push((String::new(), Vec::new()));
            }
            Event::End(TagEnd::Item) => {
                let (mut text, children) = st.items.pop().expect("open item");
                text.push_str(&std::mem::take(&mut st.buf));
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let bullet = Bullet {
                    id: String::new(),
                    text,
                    children,
                };
                if bullet.text.is_empty() && bullet.children.is_empty() {
                    continue;
                }
                match st.items.last_mut() {
                    Some(parent) => parent.1.push(bullet),
                    None => {
                        if st.resume.sections.is_empty() {
                            st.resume.basics.lines.push(bullet.text);
                        } else {
                            st.entry().bullets.push(bullet);
                        }
                    }
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
    super::fill_contact(&mut st.resume.basics);
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
    fn bold_title_link_and_italic_dates() {
        let md = "# 蔡\n\n## 工作经验\n\n### **高级 Android 开发工程师** [阿里巴巴](https://a.example)\n\n*2018/10 - 至今*\n\n在「支付宝」下主要负责：\n\n* 负责组件的开发。\n* 负责动画组件。\n";
        let r = parse(md);
        let e = &r.sections[0].entries[0];
        assert_eq!(
            e.organisation.as_deref(),
            Some("高级 Android 开发工程师 阿里巴巴")
        );
        assert_eq!(e.dates.as_deref(), Some("2018/10 - 至今"));
        assert_eq!(e.notes, ["在「支付宝」下主要负责："]);
        assert_eq!(e.bullets.len(), 2);
    }
}
