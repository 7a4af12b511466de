//! Job postings: a title line, optional `key: value` header lines (English or Chinese keys),
//! then a body whose every line (or item of a one-line layout) gets a part, from the
//! headings above it ([`headings`]) and its own content ([`signals`]).

mod headings;
mod layout;
mod signals;

pub use headings::{heading, inline_cue, Heading};
pub use signals::{signals, Signals};

use super::markup::strip_emphasis;
use super::text::split_markers;
use crate::model::names_a_role;
use crate::model::{Part, Posting, PostingLine};

/// Header keys recognised under the title, mapped to canonical names.
fn header_key(k: &str) -> Option<&'static str> {
    Some(match &*headings::lower(k.trim()) {
        "company" | "employer" | "公司" | "公司名称" => "company",
        "location" | "city" | "地点" | "地区" | "工作地点" | "城市" | "base" => {
            "location"
        }
        "url" | "link" | "链接" | "网址" => "url",
        "source" | "来源" => "source",
        "date" | "posted" | "发布" | "发布时间" => "date",
        "type" | "类型" | "employment" => "type",
        "salary" | "薪资" | "薪酬" => "salary",
        "team" | "department" | "部门" | "团队" => "team",
        "experience" | "经验" => "experience",
        "education" | "学历" => "education",
        "id" => "id",
        _ => return None,
    })
}

/// Header values longer than this (characters) are text, not a header field: a one-line
/// posting may open with `工作地点：上海学历要求：…`.
const MAX_HEADER_VALUE: usize = 100;

/// Parses a `key: value` header line (several pairs may be joined by ` | `).
fn header_pairs(line: &str) -> Option<Vec<(&'static str, String)>> {
    // Every pair has a colon: a line without one is not a header (most body lines).
    if !line.contains([':', '：']) {
        return None;
    }
    let mut out = Vec::new();
    // `|` between spaces, or the full-width `｜` Chinese boards write (公司：某某科技｜地点：上海).
    for part in line.split(" | ").flat_map(|p| p.split('｜')) {
        let i = part.find([':', '：'])?;
        let key = header_key(&part[..i])?;
        let sep = part[i..].chars().next()?.len_utf8();
        let value = part[i + sep..].trim();
        if value.chars().count() > MAX_HEADER_VALUE {
            return None;
        }
        out.push((key, value.to_string()));
    }
    (!out.is_empty()).then_some(out)
}

/// Words that name a kind of employment or where the work is done, in an unlabelled header.
const JOB_TYPES: &[&str] = &[
    "full-time",
    "full time",
    "fulltime",
    "part-time",
    "part time",
    "contract",
    "contractor",
    "freelance",
    "temporary",
    "permanent",
    "internship",
    "remote",
    "hybrid",
    "on-site",
    "onsite",
    "全职",
    "兼职",
    "实习",
    "远程",
];

/// An unlabelled header line, as job boards set one under the title: employer, place, level,
/// pay and kind of job between ` · ` or ` | ` ("Acme Corp · Berlin · Full-time"). Two to
/// four short pieces, one of them a kind of job (or remote, hybrid): the line is header, not
/// body, and gives the kind of job. Which other piece is the employer is not told by its
/// place on the line ("Full-time · Mid-Senior level", "Python · Berlin · Full-time"), so
/// none is taken for it. A line without a kind of job is text.
fn unlabelled_header(line: &str) -> Option<Vec<(&'static str, String)>> {
    let sep = [" · ", " | ", " • "]
        .into_iter()
        .find(|s| line.contains(s))?;
    let pieces: Vec<&str> = line.split(sep).map(str::trim).collect();
    let short = |p: &&str| !p.is_empty() && p.chars().count() <= 40 && !p.ends_with(['.', '。']);
    if !(2..=4).contains(&pieces.len()) || !pieces.iter().all(short) {
        return None;
    }
    let is_type = |p: &str| JOB_TYPES.iter().any(|t| p.eq_ignore_ascii_case(t));
    let types: Vec<&str> = pieces.into_iter().filter(|p| is_type(p)).collect();
    (!types.is_empty()).then(|| vec![("type", types.join(", "))])
}

/// Parses a posting from text whose first line is its title. Never fails: any text is some
/// posting.
/// The lines of `text` that are firm headings of a posting's own parts (duties,
/// requirements, nice-to-haves, benefits), as written, with the part each opens: what makes
/// a file given as a résumé look like a posting.
pub fn firm_headings(text: &str) -> Vec<(Part, &str)> {
    text.lines()
        .filter_map(|l| {
            let h = headings::heading(l, false)?;
            let posting_part = matches!(
                h.part,
                Part::Duties | Part::Requirements | Part::Nice | Part::Benefits
            );
            (h.firm && posting_part).then(|| (h.part, l.trim()))
        })
        .collect()
}

pub fn parse(text: &str) -> Posting {
    parse_with(text, true, None, None)
}

/// [`parse`], with the employer's name known from elsewhere (an export's `company` field):
/// lines opening with it are read as the company's blurb, as in [`parse_body`].
pub fn parse_with_company(text: &str, company: Option<&str>) -> Posting {
    parse_with(text, true, None, company)
}

/// Parses a posting body without a title line (job-board exports keep the title in its own
/// field), with `title` and `company` given by the caller. A first line repeating the title
/// and `key: value` header lines are read as in a posting file, so a body gives the same
/// parts as the file it was exported from.
pub fn parse_body(title: Option<String>, company: Option<&str>, text: &str) -> Posting {
    let mut p = parse_with(text, false, title.as_deref(), company);
    p.title = title;
    p
}

fn parse_with(
    text: &str,
    has_title: bool,
    given_title: Option<&str>,
    company: Option<&str>,
) -> Posting {
    let mut p = Posting::default();
    // A description exported as HTML reads as its page would, from every source alike.
    let from_html = super::html::fragment_text(text);
    let spaced = collapse_spaces(from_html.as_deref().unwrap_or(text));
    let all: Vec<&str> = spaced.lines().collect();
    let mut i = 0;
    while i < all.len() && all[i].trim().is_empty() {
        i += 1;
    }
    // YAML front matter (a Markdown posting kept by a notes app or a site generator): its
    // title is the title, its known keys the header; the block itself is no posting text.
    let front = front_matter(&all[i..]);
    if let Some((lines, pairs)) = &front {
        for (k, v) in pairs {
            if k.eq_ignore_ascii_case("title") {
                if has_title && !v.is_empty() {
                    p.title = Some(v.clone());
                }
            } else if let Some(key) = header_key(k) {
                p.meta.entry(key.to_string()).or_insert_with(|| v.clone());
            }
        }
        i += lines;
        while i < all.len() && all[i].trim().is_empty() {
            i += 1;
        }
    }
    if front.is_none() {
        // A rule or other decoration above the title (---, ***, ===) is no title.
        while i < all.len() && !all[i].chars().any(char::is_alphanumeric) {
            i += 1;
        }
    }
    // Whether an export's body opens with its title field, as the file it came from does.
    let mut repeated = false;
    if let Some(title) = p.title.clone() {
        // A Markdown heading repeating the front matter's title is not body.
        if all
            .get(i)
            .is_some_and(|l| same_title(&title, l.trim().trim_start_matches('#')))
        {
            i += 1;
        }
    } else if let Some(first) = all.get(i) {
        let t = strip_emphasis(first.trim().trim_start_matches('#').trim());
        if has_title {
            // A first line naming a role is the title even with a heading's word in it
            // ("User Experience Researcher", "Backend Developer Experience", "Sales
            // Compensation Partner"); a heading ends with a colon.
            let role = names_a_role(&t) && !t.ends_with([':', '：']);
            if t.chars().count() <= 120
                && (role || heading(&t, false).is_none())
                && header_pairs(&t).is_none()
            {
                p.title = Some(t);
                i += 1;
            }
        } else if given_title.is_some_and(|g| same_title(g, &t)) {
            // An export's body that repeats the title field: the title line is not body.
            i += 1;
            repeated = true;
        }
    }
    // Header lines directly under the title (blank lines allowed between them); the first
    // may be unlabelled, as job boards set it ("Acme Corp · Berlin · Full-time").
    let mut j = i;
    let mut first = p.title.is_some() || repeated;
    while j < all.len() {
        let t = all[j].trim();
        if t.is_empty() {
            j += 1;
            continue;
        }
        let pairs = header_pairs(t).or_else(|| first.then(|| unlabelled_header(t)).flatten());
        first = false;
        match pairs {
            Some(pairs) => {
                for (k, v) in pairs {
                    p.meta.entry(k.to_string()).or_insert(v);
                }
                j += 1;
                i = j;
            }
            None => break,
        }
    }
    read_body(&mut p, &all, i, company, given_title);
    p
}

/// Whether `c` is horizontal space: a space, a tab, a no-break space (HTML's `&nbsp;`) or
/// another Unicode space such as the ideographic space (U+3000).
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || (!c.is_ascii() && c.is_whitespace())
}

/// `text` with every run of horizontal space as one ASCII space. Postings copied from web
/// pages carry runs of spaces, tabs and no-break spaces where the page had one space, and
/// a posting must read the same either way (a doubled space had kept "What you'll bring"
/// from reading as a heading). Borrowed when there is nothing to change, the common case.
fn collapse_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_collapse(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if is_space(c) {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `text` has horizontal space to collapse: a run of spaces or a tab inside a line
/// (indentation and trailing space are trimmed with the line anyway, and are common), or a
/// no-break or other Unicode space anywhere. Searched with memchr: this runs on every posting
/// of a batch.
fn needs_collapse(text: &str) -> bool {
    let b = text.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    // Whether the run of blanks at `i` has text before and after it on its line.
    let inner = |i: usize| {
        let start = memchr::memrchr(b'\n', &b[..i]).map_or(0, |k| k + 1);
        b[start..i].iter().any(|&c| !blank(c))
            && b[i..]
                .iter()
                .find(|&&c| !blank(c))
                .is_some_and(|&c| c != b'\n')
    };
    memchr::memmem::find_iter(b, b"  ").any(inner)
        || memchr::memchr_iter(b'\t', b).any(inner)
        // The lead bytes of U+00A0, U+1680, U+2000–U+205F and U+3000.
        || memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
            .chain(memchr::memchr_iter(0xE3, b))
            .any(|i| text[i..].chars().next().is_some_and(is_space))
}

/// Whether two titles are the same once case, emphasis and spacing are ignored. Compared
/// character by character, without collecting either normalised title.
/// A YAML front matter block at the start of `lines`: `---`, `key: value` lines (blank
/// lines allowed), `---`. The lines it takes and its pairs (values unquoted).
fn front_matter(lines: &[&str]) -> Option<(usize, Vec<(String, String)>)> {
    if lines.first()?.trim() != "---" {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .take(50)
        .position(|l| l.trim() == "---")?
        + 1;
    let mut pairs = Vec::new();
    for l in &lines[1..end] {
        if l.trim().is_empty() {
            continue;
        }
        let (k, v) = l.split_once(':')?;
        let key_like = k.starts_with(|c: char| c.is_ascii_alphabetic())
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
        if !key_like {
            return None;
        }
        let v = v.trim();
        let v = [('"', '"'), ('\'', '\'')]
            .iter()
            .find_map(|&(a, b)| v.strip_prefix(a)?.strip_suffix(b))
            .unwrap_or(v);
        pairs.push((k.to_string(), v.to_string()));
    }
    (!pairs.is_empty()).then_some((end + 1, pairs))
}

fn same_title(a: &str, b: &str) -> bool {
    let (a, b) = (strip_emphasis(a), strip_emphasis(b));
    title_chars(&a).eq(title_chars(&b))
}

/// A title's characters as [`same_title`] compares them: without whitespace, in lower case.
fn title_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

/// Whether body line `line` is the title said again, as [`same_title`] would find, against
/// the title's characters `key` computed once: most lines hold no emphasis and differ in
/// their first characters, so they are compared without a copy.
fn repeats_title(key: &str, line: &str) -> bool {
    if line.contains(['*', '_']) {
        title_chars(&strip_emphasis(line)).eq(key.chars())
    } else {
        title_chars(line).eq(key.chars())
    }
}

/// Reads body lines `all[from..]` into `p.lines`: every piece of text gets a part, from the
/// heading above it and its own content. `company` overrides the header's employer name;
/// `given_title` is an export's title field, for a body that has no title line.
fn read_body(
    p: &mut Posting,
    all: &[&str],
    from: usize,
    company: Option<&str>,
    given_title: Option<&str>,
) {
    let company = company
        .map(str::to_string)
        .or_else(|| p.meta.get("company").cloned());
    let company = company.as_deref().filter(|c| !c.trim().is_empty());
    let mut ctx = Heading {
        part: Part::Other,
        firm: false,
    };
    let mut pieces = Vec::new();
    // A preferred lead-in's list style and the part before it: the items under it are
    // nice-to-haves until the next item of the lead-in's own list.
    let mut lead_in: Option<(Option<(bool, char)>, Heading)> = None;
    let title: Option<String> = p
        .title
        .as_deref()
        .or(given_title)
        .map(|t| title_chars(&strip_emphasis(t)).collect());
    for (n, raw) in all.iter().enumerate().skip(from) {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        // The title said again in the body (under the header lines, as job boards set it, or
        // anywhere else as a line of its own) is the title, which already weighs as one.
        if title
            .as_deref()
            .is_some_and(|key| repeats_title(key, t.trim_start_matches('#')))
        {
            continue;
        }
        // The part of the previous sentence of this paragraph, when it was about the
        // employer: sentences that follow it and say nothing of the job continue it.
        let mut paragraph: Option<Part> = None;
        let emphasis = layout::pieces_into(t, &mut pieces);
        for (k, &(cue, text)) in pieces.iter().enumerate() {
            if let Some(h) = cue {
                // A numbered item that is a preference heading (`1、优先：` over `a.…`, then
                // `2、熟悉…`): a lead-in, its items nice-to-haves until the next item of its
                // own list (every later item had been read as nice-to-have).
                let style = list_style(t).filter(|s| s.0);
                if h.part == Part::Nice
                    && style.is_some()
                    && pieces[k..].iter().all(|p| p.1.trim().is_empty())
                {
                    lead_in = Some((style, lead_in.map_or(ctx, |(_, before)| before)));
                } else {
                    lead_in = None;
                }
                ctx = h;
            }
            // List markers are punctuation or digits: a piece opening with a letter has none,
            // and most pieces skip the marker parser (which builds a string per marker).
            let marked = if text.trim_start().starts_with(char::is_alphabetic) {
                debug_assert!(split_markers(text).is_none(), "{text}");
                lettered_marker(text).map(|rest| (String::new(), 1, rest))
            } else {
                split_markers(text)
            };
            // A lettered section ("B. Qualification") may be a heading: only numbers and
            // bullets make an item of it.
            let item = marked
                .as_ref()
                .is_some_and(|(shape, _, _)| !shape.is_empty());
            let mut text = text;
            // A question opening a paragraph that goes on ("Ready to make a serious impact?
            // Millions of people rely on…") asks the reader; it heads nothing.
            let asks_reader =
                cue.is_none() && k + 1 < pieces.len() && text.trim_end().ends_with(['?', '？']);
            // The layout keeps a cue's words with the figure after them (`要求每周到岗5天`):
            // that piece is its item, never read as a heading again (and dropped).
            let kept_cue = cue.is_some() && text.bytes().any(|b| b.is_ascii_digit());
            if let Some(h) = heading(text, item).filter(|_| !asks_reader && !kept_cue) {
                lead_in = None;
                // "Requirements - Java, Kubernetes": a heading and its first item on one
                // line, joined by a dash as others join them by a colon.
                match dashed_heading(text) {
                    Some((h, rest)) => {
                        ctx = h;
                        text = rest;
                    }
                    None => {
                        ctx = h;
                        continue;
                    }
                }
            }
            let style = list_style(text);
            if let Some((lead_style, before)) = lead_in {
                if style.is_some() && style == lead_style {
                    ctx = before;
                    lead_in = None;
                }
            }
            let text = match marked {
                Some((_, _, rest)) => rest,
                None => text,
            };
            let text = trim_rules(text);
            // A piece is part of the line: without `*` or `_` in the line, `strip_emphasis`
            // would only trim it, and it is trimmed already.
            let text = if emphasis {
                strip_emphasis(text)
            } else {
                text.to_string()
            };
            if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let s = signals(&text, company);
            let part = match paragraph {
                Some(prev) if cue.is_none() && s.says_nothing_of_the_job() => prev,
                _ => place(ctx, s),
            };
            paragraph =
                matches!(part, Part::Company | Part::Benefits | Part::Process).then_some(part);
            // A line that says what is preferred and ends with a colon ("有如下经历者优先考虑：",
            // "Bonus points if you have:") introduces the preferred items that follow it.
            if part == Part::Nice && text.ends_with([':', '：']) {
                lead_in = Some((style, lead_in.map_or(ctx, |(_, before)| before)));
                ctx = Heading {
                    part: Part::Nice,
                    firm: true,
                };
            }
            // So does a line about pay or perks ("…the compensation package may include the
            // following:", "…our benefits package, plus you'll:") the perks under it, as a
            // heading would, until the next heading: they had been read by the heading above
            // ("-Remote-first culture" as a requirement). A requirement still reads as one.
            if matches!(part, Part::Benefits | Part::Process)
                && s.benefit
                && !(s.req || s.years || s.soft || s.duty)
                && text.ends_with([':', '：'])
                // Its own sentence speaks of them: "…great benefits. We are looking for
                // someone who brings:" opens what is asked.
                && last_sentence(&text).is_none_or(|last| signals(last, company).benefit)
            {
                ctx = Heading {
                    part: Part::Benefits,
                    firm: true,
                };
            }
            p.lines.push(PostingLine {
                part,
                text,
                line: n + 1,
            });
        }
    }
}

/// The last sentence of `text` when it has more than one (after its last `. `, `! `, `? `
/// or `。`).
fn last_sentence(text: &str) -> Option<&str> {
    let at = [". ", "! ", "? ", "。"]
        .iter()
        .filter_map(|e| text.rfind(e).map(|i| i + e.len()))
        .max()?;
    Some(text[at..].trim()).filter(|t| !t.is_empty())
}

/// A line that is a known heading, a spaced dash, then text: the heading and the text after
/// the dash ("Requirements - Java, Kubernetes", "Nice to have – AWS"). The text must hold a
/// letter or digit, and the heading alone must read as one.
fn dashed_heading(text: &str) -> Option<(Heading, &str)> {
    let (at, dash) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| text.find(d).map(|i| (i, d.len())))
        .min()?;
    let rest = text[at + dash..].trim();
    // "Requirements – Must Have": both sides are headings, the line is one.
    if !rest.chars().any(char::is_alphanumeric) || heading(rest, false).is_some() {
        return None;
    }
    // "Pay: $180,000 - $225,000" is a range, not a heading and its item.
    let head = text[..at].trim();
    if head.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((heading(head, false)?, rest))
}

/// The list style of an item: whether its marker is a number, and the character that marks
/// it (`3、` → (true, '、'), `（1）` → (false, '（'), `- ` → (false, '-')); `None` for a line
/// with no marker.
fn list_style(text: &str) -> Option<(bool, char)> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let mark = t[digits..].chars().next()?;
    if digits > 0 {
        matches!(mark, '.' | '、' | ')' | '）' | '．').then_some((true, mark))
    } else {
        "-*•·▪●○◦■+–(（".contains(mark).then_some((false, mark))
    }
}

/// The text after a lettered list marker ("a. ", "b) ", "C. "): postings number items a.,
/// b., c. as often as 1., 2., 3., and the letter is no word of the item ("c. 具备一定的前端知识"
/// asked for the C language). Only a to h count, before a space or a Han character:
/// "e.g.", "U.S." and a name's initial ("J. Smith") are no markers.
fn lettered_marker(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let b = t.as_bytes();
    if !(b.first()?.to_ascii_lowercase().wrapping_sub(b'a') < 8
        && matches!(b.get(1), Some(b'.' | b')')))
    {
        return None;
    }
    let rest = &t[2..];
    let next = rest.chars().next()?;
    (next == ' ' || next == '\t' || crate::analyze::script::is_han(next)).then(|| rest.trim_start())
}

/// `s` without `=` rules and whitespace at either end. Pieces come trimmed, so the ends
/// are checked as bytes first and the character-decoding trim runs only when one may need
/// cutting.
fn trim_rules(s: &str) -> &str {
    let plain = |b: u8| b.is_ascii() && b != b'=' && !char::from(b).is_whitespace();
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&z)) if plain(a) && plain(z) => s,
        _ => s.trim_matches(|c: char| c == '=' || c.is_whitespace()),
    }
}

/// The part of a line: what its heading says, unless its content plainly says otherwise.
/// Applying, salary, legal and benefit text never counts, whatever heading it sits under; a
/// heading never swallows lines that state requirements.
fn place(ctx: Heading, s: Signals) -> Part {
    if s.notice {
        return Part::Process;
    }
    // Years asked make a line ask even where it names the job's terms ("3+ years in a
    // full-time position as a data scientist").
    if s.process && !s.req && !s.years && !s.duty {
        return Part::Process;
    }
    // Under the employer's own headings, perks stay perks even when they mention training,
    // certification or what "you'll" get.
    let about_employer = matches!(ctx.part, Part::Company | Part::Benefits | Part::Process);
    // A blurb naming the employer's industry ("models for insurance teams") is still the blurb.
    let blurb = ctx.part == Part::Company && s.company;
    if s.benefit && !blurb && (about_employer || (!s.req && !s.duty)) {
        return Part::Benefits;
    }
    // Years asked count as requirement phrasing once the line is known not to be about pay,
    // perks or process (vesting over four years is not four years of experience).
    let s = Signals {
        req: s.req || s.years,
        ..s
    };
    let asks = s.req || (s.soft && !s.duty);
    let wanted = if s.nice {
        Part::Nice
    } else {
        Part::Requirements
    };
    match ctx.part {
        // The employer speaking of itself under a requirements heading ("We are proud of
        // the culture we have built") asks nothing: read it as other text.
        Part::Requirements | Part::Nice if s.employer => Part::Other,
        // Nor does a company blurb that asks nothing ("贝壳找房创立于2018年初…", "founded in"; a
        // line opening with the employer's name alone may name its product: "Google
        // Analytics").
        Part::Requirements | Part::Nice if s.blurb && !asks && !s.duty && !s.nice => Part::Company,
        Part::Requirements => wanted,
        Part::Nice => Part::Nice,
        Part::Duties => {
            // "Strong communication skills", 沟通能力强 under a duties heading: a requirement.
            if asks && !s.duty {
                wanted
            } else if !ctx.firm && s.company && !s.duty && !asks {
                Part::Company
            } else {
                Part::Duties
            }
        }
        Part::Company | Part::Benefits | Part::Process => {
            if s.req && !s.company {
                wanted
            } else {
                ctx.part
            }
        }
        Part::Other | Part::Title => {
            if s.req || (s.nice && asks) {
                wanted
            } else if s.duty {
                Part::Duties
            } else if s.company {
                Part::Company
            } else if asks {
                wanted
            } else {
                Part::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line's part and text.
    fn parts_of(p: &Posting) -> Vec<(Part, &str)> {
        p.lines.iter().map(|l| (l.part, l.text.as_str())).collect()
    }

    #[test]
    fn what_an_item_prefers_is_a_nice_to_have_and_what_it_asks_a_requirement() {
        let p = parse("Backend Engineer\n\nAbout us\nWe build payments.\n\nRequirements\n- 2+ years of Go, ideally 10+ years of backend work.\n- Deep expertise in backend services on cloud providers, preferably AWS\n\nBenefits\n- Remote work\n");
        assert_eq!(
            parts_of(&p)[1..5],
            [
                (Part::Requirements, "2+ years of Go"),
                (Part::Nice, "ideally 10+ years of backend work."),
                (
                    Part::Requirements,
                    "Deep expertise in backend services on cloud providers"
                ),
                (Part::Nice, "preferably AWS"),
            ]
        );
    }

    #[test]
    fn yaml_front_matter_gives_the_title_and_the_header() {
        let text = "---\ntitle: \"Senior Backend Engineer\"\ncompany: Fernway\nlocation: Remote\ntags: [go, k8s]\n---\n\n# Senior Backend Engineer\n\n## Requirements\n- 5+ years of Go\n";
        let p = parse(text);
        assert_eq!(p.title.as_deref(), Some("Senior Backend Engineer"));
        assert_eq!(p.meta.get("company").map(String::as_str), Some("Fernway"));
        assert_eq!(p.meta.get("location").map(String::as_str), Some("Remote"));
        assert_eq!(
            parts_of(&p),
            [(Part::Requirements, "5+ years of Go")],
            "{p:#?}"
        );
        // A rule that opens prose is no front matter, nor a title.
        let p = parse("---\nSenior Go Engineer\n\nRequirements\n- Go\n---\n");
        assert_eq!(p.title.as_deref(), Some("Senior Go Engineer"));
        assert_eq!(parts_of(&p), [(Part::Requirements, "Go")]);
    }

    #[test]
    fn an_unlabelled_header_under_the_title_is_the_header() {
        let p = parse(
            "Senior Frontend Engineer\nAcme Corp · Berlin · Full-time\n\nRequirements\n- React\n",
        );
        assert_eq!(p.meta.get("type").map(String::as_str), Some("Full-time"));
        assert_eq!(parts_of(&p), [(Part::Requirements, "React")]);
        // No piece is taken for the employer: a skill there would leave the body's terms.
        let p = parse("Backend Engineer\nPython · Berlin · Full-time\n\nRequirements\n- Python\n");
        assert_eq!(p.meta.get("company"), None);
        // Without a kind of job, or below the first line, such a line is text.
        let p = parse("Senior Frontend Engineer\nReact · TypeScript · GraphQL\n");
        assert!(p.meta.is_empty(), "{:?}", p.meta);
    }

    #[test]
    fn header_pairs_split_at_a_full_width_bar() {
        let p = parse("高级Java开发工程师\n公司：某某科技｜地点：上海\n\n任职要求：\n1、１０年以上Java开发经验\n");
        assert_eq!(p.meta.get("company").map(String::as_str), Some("某某科技"));
        assert_eq!(p.meta.get("location").map(String::as_str), Some("上海"));
    }

    #[test]
    fn runs_of_spaces_tabs_and_no_break_spaces_read_as_one_space() {
        let clean = "Senior Platform Engineer\n\nWhat you'll bring\n- 5+ years of experience with Kubernetes\n- Experience with data pipelines\n\nBenefits\n- Health insurance\n";
        let parts = |p: &Posting| -> Vec<(Part, String)> {
            p.lines.iter().map(|l| (l.part, l.text.clone())).collect()
        };
        let want = parse(clean);
        assert!(want.lines.iter().any(|l| l.part == Part::Requirements));
        for sep in ["  ", "\t", "\u{a0}", " \u{a0} ", "\u{3000}"] {
            let p = parse(&clean.replace(' ', sep));
            assert_eq!(parts(&p), parts(&want), "{sep:?}");
            assert_eq!(p.title, want.title, "{sep:?}");
        }
        // Nothing to change: the text is borrowed, not copied; indentation and trailing
        // space need no change either, as lines are trimmed.
        assert!(matches!(
            collapse_spaces(clean),
            std::borrow::Cow::Borrowed(_)
        ));
        let indented = "Title\n  - item one\n\t- item two  \n    \n";
        assert!(matches!(
            collapse_spaces(indented),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(collapse_spaces("a\n- item  two"), "a\n- item two");
        assert_eq!(collapse_spaces("- item\ttwo"), "- item two");
        assert_eq!(collapse_spaces("熟悉\u{3000}\u{3000}Go"), "熟悉 Go");
    }

    #[test]
    fn lettered_items_lose_their_letter() {
        let p = parse(
            "后台开发工程师\n\n加分项：\na. 推荐、搜索相关研发经验\nc. 具备一定的前端知识，熟悉js\nd.熟悉hadoop生态圈\n\nRequirements\nB) Kubernetes in production\ne.g. Terraform\nJ. Smith will be your manager\n",
        );
        assert_eq!(
            parts_of(&p),
            [
                (Part::Nice, "推荐、搜索相关研发经验"),
                (Part::Nice, "具备一定的前端知识，熟悉js"),
                (Part::Nice, "熟悉hadoop生态圈"),
                (Part::Requirements, "Kubernetes in production"),
                (Part::Requirements, "e.g. Terraform"),
                (Part::Requirements, "J. Smith will be your manager"),
            ]
        );
        // A lettered section name is still a heading.
        let p = parse(
            "Web前端开发\n\nA. Responsibility\n负责前端开发\nB. Qualification\n精通JavaScript\n",
        );
        assert_eq!(
            parts_of(&p),
            [
                (Part::Duties, "负责前端开发"),
                (Part::Requirements, "精通JavaScript"),
            ]
        );
    }

    #[test]
    fn a_heading_and_its_item_joined_by_a_dash_keep_the_item() {
        let p = parse(
            "Backend Engineer\n\nRequirements - Java, Kubernetes and Terraform\nNice to have – AWS\nBenefits — Health insurance\nQualifications – Must Have\n- Go\n",
        );
        assert_eq!(
            parts_of(&p),
            [
                (Part::Requirements, "Java, Kubernetes and Terraform"),
                (Part::Nice, "AWS"),
                (Part::Benefits, "Health insurance"),
                (Part::Requirements, "Go"),
            ]
        );
    }

    #[test]
    fn a_question_opening_a_paragraph_heads_nothing() {
        // "Ready to make a serious impact?" asks the reader: the perks go on after it (its
        // "impact" had opened duties, and a pay-zone table below read as duties).
        let long = "Ready to make a serious impact? Millions of people already rely on Acme's products, and we're still in the midst of our growth curve, so it's a fantastic time to join us. Everything you'll work on here will accelerate your career to the next level.";
        let p = parse(&format!(
            "Data Engineer\n\nRequirements\n- SQL\n\nWhat's in it for you?\n\n{long}\n- Tier 1: San Francisco, CA, New York City, NY\n"
        ));
        let parts: Vec<Part> = parts_of(&p).iter().map(|(part, _)| *part).collect();
        assert_eq!(parts[0], Part::Requirements);
        assert!(
            parts[1..].iter().all(|&part| part == Part::Benefits),
            "{:?}",
            parts_of(&p)
        );
        assert!(parts.len() >= 4, "{:?}", parts_of(&p));
    }

    #[test]
    fn items_that_are_not_required_are_nice_to_haves() {
        let p = parse(
            "Platform Engineer\n\nRequirements\n- 5+ years with Go\n\nIt’s great, but not required:\n- Hands-on experience with IPD\n\nOne of these certifications is preferred but not required: CCNA, CCNP\n",
        );
        assert_eq!(
            parts_of(&p),
            [
                (Part::Requirements, "5+ years with Go"),
                (Part::Nice, "Hands-on experience with IPD"),
                (
                    Part::Nice,
                    "One of these certifications is preferred but not required: CCNA, CCNP"
                ),
            ]
        );
    }

    #[test]
    fn rules_and_spaces_trimmed() {
        for s in [
            "a",
            "== a ==",
            " a",
            "\u{3000}任职\u{3000}",
            "=",
            "",
            "a\u{a0}",
            "\x0ba",
        ] {
            assert_eq!(
                trim_rules(s),
                s.trim_matches(|c: char| c == '=' || c.is_whitespace()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn list_markers_are_not_letters() {
        for marker in "-*•·▪●○◦■+–0123456789".chars() {
            assert!(!marker.is_alphabetic(), "{marker}");
        }
        assert!(split_markers("• Run Kubernetes").is_some());
        assert!(split_markers("Run Kubernetes").is_none());
    }

    #[test]
    fn a_heading_line_is_read_whole_not_cut_at_its_last_word() {
        // Google's layout: "Preferred" is not a line of its own and "qualifications" alone
        // would make the preferred items requirements.
        let p = parse("Cloud Engineer\n\nMinimum qualifications:\nBS degree or equivalent practical experience.\n\nPreferred qualifications:\nExperience with Kubernetes.\n");
        assert_eq!(
            parts_of(&p),
            [
                (
                    Part::Requirements,
                    "BS degree or equivalent practical experience."
                ),
                (Part::Nice, "Experience with Kubernetes."),
            ]
        );
        // The words before a cue that open the line belong to the heading: never a line.
        let p = parse("Solution Engineer\n\n_Minimum Requirements:_\n- 2+ years of observability\n\n_ Preferred Requirements:_\n- Experience with Terraform\n\nWork Location: Remote\n");
        let parts = parts_of(&p);
        assert_eq!(
            parts[..2],
            [
                (Part::Requirements, "2+ years of observability"),
                (Part::Nice, "Experience with Terraform"),
            ]
        );
        assert!(parts.iter().all(|(_, t)| *t != "Work"), "{parts:?}");
        // A phrase that is a heading only for its colon ("As a plus:") takes its cue's part;
        // a heading item takes the phrase's, and the items under it follow.
        let p = parse("Go Developer\n\nAs a plus:\n- GitOps\n\n- Mental Health benefits:\n- Free access to a meditation app\n");
        assert_eq!(
            parts_of(&p),
            [
                (Part::Nice, "GitOps"),
                (Part::Benefits, "Free access to a meditation app"),
            ]
        );
        // A cue inside a longer line still splits it.
        let p = parse("Data Engineer\n\nWe build data tools. Requirements: 5+ years of SQL\n");
        assert!(parts_of(&p).contains(&(Part::Requirements, "5+ years of SQL")));
    }

    #[test]
    fn the_employer_speaking_of_itself_under_requirements_is_not_a_requirement() {
        let p = parse("Backend Engineer\n\nRequirements:\n- 5+ years of Go\n- We are proud of the culture we have built together.\n- We’re looking for someone strong in SQL.\n");
        assert_eq!(
            parts_of(&p),
            [
                (Part::Requirements, "5+ years of Go"),
                (
                    Part::Other,
                    "We are proud of the culture we have built together."
                ),
                (
                    Part::Requirements,
                    "We’re looking for someone strong in SQL."
                ),
            ]
        );
    }

    #[test]
    fn a_company_blurb_under_requirements_is_company_text_but_a_product_is_not() {
        let p = parse("销售顾问\n\n任职要求：\n1、公司信息贝壳找房创立于2018年初，定位于技术驱动的品质居住服务平台。\n2、熟悉Excel\n");
        assert_eq!(
            parts_of(&p)[..2],
            [
                (
                    Part::Company,
                    "公司信息贝壳找房创立于2018年初，定位于技术驱动的品质居住服务平台。"
                ),
                (Part::Requirements, "熟悉Excel"),
            ]
        );
        // A line opening with the employer's name may name its product.
        let p = parse_with_company(
            "Analytics Engineer\n\nRequirements:\n- Google Analytics, Optimizely and BigQuery\n",
            Some("Google"),
        );
        assert_eq!(
            parts_of(&p),
            [(
                Part::Requirements,
                "Google Analytics, Optimizely and BigQuery"
            )]
        );
    }

    #[test]
    fn a_title_naming_a_role_is_the_title_whatever_words_it_shares_with_headings() {
        for title in [
            "User Experience Researcher",
            "Platform Engineer - Backend Developer Experience",
            "Manager, Sales Compensation Design and Compensation Partner",
        ] {
            let p = parse(&format!(
                "{title}\n\nMinimum qualifications:\n- 5+ years of Linux\n"
            ));
            assert_eq!(p.title.as_deref(), Some(title));
            assert_eq!(parts_of(&p), [(Part::Requirements, "5+ years of Linux")]);
        }
        // A heading is still a heading, even one that names a role, when it ends with a colon.
        for first in [
            "Experience",
            "Compensation",
            "What we look for in an engineer:",
        ] {
            let p = parse(&format!("{first}\n- 5+ years of Linux\n"));
            assert_eq!(p.title, None, "{first}");
        }
    }

    #[test]
    fn english_sections() {
        let p = parse("Senior SRE\ncompany: Acme\nlocation: Remote\n\nAbout us\nWe build things.\n\nWhat you'll do:\n- Run Kubernetes\n\nRequirements\n- 5+ years of Linux\n- Go experience is a plus\n\nBenefits\n- 401(k)\n");
        assert_eq!(p.title.as_deref(), Some("Senior SRE"));
        assert_eq!(p.meta["company"], "Acme");
        let parts = parts_of(&p);
        assert_eq!(
            parts,
            [
                (Part::Company, "We build things."),
                (Part::Duties, "Run Kubernetes"),
                (Part::Requirements, "5+ years of Linux"),
                (Part::Nice, "Go experience is a plus"),
                (Part::Benefits, "401(k)"),
            ]
        );
    }

    #[test]
    fn chinese_sections_and_inline_cues() {
        let p = parse("高级SRE开发工程师\n\n公司：哔哩哔哩 | 地点：上海 | 类型：全职\n\n工作职责：\n1、分析系统瓶颈；\n【任职要求】\n1. 熟悉K8s\n2. 有SRE实践者优先\n福利待遇：五险一金\n");
        assert_eq!(p.meta["company"], "哔哩哔哩");
        assert_eq!(p.meta["location"], "上海");
        let parts = parts_of(&p);
        assert_eq!(
            parts,
            [
                (Part::Duties, "分析系统瓶颈；"),
                (Part::Requirements, "熟悉K8s"),
                (Part::Nice, "有SRE实践者优先"),
                (Part::Benefits, "五险一金"),
            ]
        );
        let p = parse("AI Engineer\ncompany: Quill AI\n\nAbout us\nQuill AI builds models for insurance teams.\n\nBenefits\n- Health insurance\n");
        let parts: Vec<_> = p.lines.iter().map(|l| l.part).collect();
        assert_eq!(parts, [Part::Company, Part::Benefits]);
        let p = parse("大数据开发\n\n1） 负责大数据收集；2） 负责建模。任职要求：1） 熟悉Java；");
        let parts = parts_of(&p);
        assert_eq!(
            parts,
            [
                (Part::Duties, "负责大数据收集；"),
                (Part::Duties, "负责建模。"),
                (Part::Requirements, "熟悉Java；"),
            ]
        );
    }

    #[test]
    fn a_pay_or_perks_lead_in_makes_its_items_perks() {
        // deven_106's shape: perks written as dashed paragraphs after a requirements heading.
        let p = parse("Backend Engineer\n\nRequirements\n\n- Go and Kafka\n\nIn addition to receiving a competitive base salary, the compensation package may include, depending on the role, the following:\n\n-Remote-first culture\n\n-Full suite of telemedicine products at no cost for employees\n\n- 5+ years of experience with Kubernetes\n");
        let parts = parts_of(&p);
        let part = |t: &str| parts.iter().find(|p| p.1.contains(t)).map(|p| p.0);
        assert_eq!(part("Go and Kafka"), Some(Part::Requirements));
        assert_eq!(part("Remote-first culture"), Some(Part::Benefits));
        assert_eq!(part("telemedicine"), Some(Part::Benefits));
        // A requirement under it still reads as one.
        assert_eq!(part("Kubernetes"), Some(Part::Requirements));
        // A line whose own last sentence asks opens what it asks, not perks.
        let p = parse("Backend Engineer\n\nAbout the role\n\nThis role offers a competitive salary, equity and great benefits. We are looking for someone who brings:\n- Deep knowledge of Go and Kafka\n- A passion for distributed systems\n");
        let parts = parts_of(&p);
        assert!(
            parts
                .iter()
                .skip(1)
                .all(|(part, _)| *part != Part::Benefits),
            "{parts:?}"
        );
    }

    #[test]
    fn a_lead_in_ending_on_you_will_opens_duties() {
        // After a pay section, and with a team named in it (deven_011's shape).
        let p = parse("Senior Backend Engineer\n\nAbout the role\n\n- Location: Remote-first (United States)\n- The cash compensation for this role is tailored to the cost of labor in different markets\n- Zone A: $158,000 - $218,000\n\nAs a Senior Backend Engineer, Subscriptions & Payments, you’ll…\n\n- Architect and implement scalable backend services\n- Build and maintain unit and integration tests\n\nAs An Active Member Of Our Team, You Will ...\n\n- Mentor other engineers\n");
        let duties: Vec<&str> = parts_of(&p)
            .into_iter()
            .filter(|(part, _)| *part == Part::Duties)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            duties,
            [
                "Architect and implement scalable backend services",
                "Build and maintain unit and integration tests",
                "Mentor other engineers"
            ]
        );
        // A lead-in that names the person twice says more: here, what the benefits are.
        let p = parse("Engineer\n\nBenefits\n\nAs an Olsson employee, you’ll receive our benefits package, plus you’ll:\n- Receive an excellent 401(k) match\n");
        assert!(parts_of(&p).iter().all(|(part, _)| *part != Part::Duties));
    }

    #[test]
    fn the_title_said_again_in_the_body_is_no_line() {
        let p = parse("Senior GenAI Engineer\n\nCompany: Acme | Location: Remote\n\n**Senior GenAI Engineer**\n\nRequirements:\n- Python\n");
        assert_eq!(p.title.as_deref(), Some("Senior GenAI Engineer"));
        assert_eq!(parts_of(&p), [(Part::Requirements, "Python")]);
        // An export row (title in its own field) reads the same: its body's later repeat of
        // the title is no line either, and its first header line may be unlabelled.
        let body = "Senior GenAI Engineer\nAcme · Remote\n\n**Senior GenAI Engineer**\n\nRequirements:\n- Python\n";
        let row = parse_body(Some("Senior GenAI Engineer".into()), None, body);
        let file = parse(body);
        assert_eq!(parts_of(&row), [(Part::Requirements, "Python")]);
        assert_eq!(parts_of(&row), parts_of(&file));
        assert_eq!(row.meta, file.meta);
    }

    #[test]
    fn a_preferred_lead_in_makes_its_items_nice_to_haves() {
        let p = parse("产品经理\n\n岗位要求：1、本科及以上学历；2、逻辑清晰；3、有如下产品工作经历者优先考虑：\n1）稿件审核系统\n2）权限、账号系统\n");
        let parts = parts_of(&p);
        assert_eq!(
            parts,
            [
                (Part::Requirements, "本科及以上学历；"),
                (Part::Requirements, "逻辑清晰；"),
                (Part::Nice, "有如下产品工作经历者优先考虑："),
                (Part::Nice, "稿件审核系统"),
                (Part::Nice, "权限、账号系统"),
            ]
        );
        let p = parse("SRE\n\nRequirements\n- Go\n- Bonus points if you have experience with:\n  * Rust\n  * Zig\n");
        let parts = parts_of(&p);
        // The lead-in, an item ending with a colon, is read as the heading it is.
        assert_eq!(
            parts,
            [
                (Part::Requirements, "Go"),
                (Part::Nice, "Rust"),
                (Part::Nice, "Zig")
            ],
            "{parts:?}"
        );
        // The lead-in's scope ends at the next item of its own list.
        let p = parse("后端开发\n\n任职要求：1、本科及以上学历；2、有以下经验者优先：（1）Kafka；（2）Redis；3、熟悉Java；");
        let parts = parts_of(&p);
        assert_eq!(
            parts,
            [
                (Part::Requirements, "本科及以上学历；"),
                (Part::Nice, "有以下经验者优先："),
                (Part::Nice, "（1）Kafka；"),
                (Part::Nice, "（2）Redis；"),
                (Part::Requirements, "熟悉Java；"),
            ]
        );
        // A cue's words kept with a figure are the item, never a heading of their own.
        let p = parse("实习生\n\n岗位要求：\n1、本科在读；\n2、要求每周到岗5天\n");
        assert_eq!(
            parts_of(&p).last().copied(),
            Some((Part::Requirements, "要求每周到岗5天"))
        );
        // A numbered item that is the preference heading alone (`1、优先：`): its lettered
        // items are nice-to-haves, the list's next number asks again.
        let p = parse(
            "数据仓库工程师

职位要求：
1、优先：
a.3年以上数据仓库工作经验者；
b.有团队管理经验者；
2、熟悉数据仓库建设方法论；
3、熟练掌握SQL、Hive；
",
        );
        let parts: Vec<Part> = parts_of(&p).into_iter().map(|(part, _)| part).collect();
        assert_eq!(
            parts,
            [
                Part::Nice,
                Part::Nice,
                Part::Requirements,
                Part::Requirements
            ],
            "{:?}",
            parts_of(&p)
        );
    }
}
