//! Section headings of postings, in the many forms real postings use: exact cues
//! ("Requirements", "岗位职责"), cue words inside a heading ("What you'll bring with you",
//! "How you'll make an impact"), question and colon headings nobody planned for ("What would
//! your day look like?"), decorated ones (`【任职要求】`, `## Benefits`, `🛠 Responsibilities`,
//! `一、岗位职责`).

use super::super::markup::strip_emphasis;
use crate::model::Part;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A recognised heading: the part it opens and whether the part is certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// The part lines under it belong to, unless their content says otherwise.
    pub part: Part,
    /// False for headings that say little ("Description", "About the job", a question no cue
    /// word explains): lines under them are read by their content first.
    pub firm: bool,
}

/// Exact heading texts (lower-cased, decorations removed).
const EXACT: &[(&str, Part, bool)] = &[
    ("responsibilities", Part::Duties, true),
    ("key responsibilities", Part::Duties, true),
    ("duties", Part::Duties, true),
    ("the role", Part::Duties, false),
    ("your role", Part::Duties, false),
    ("role", Part::Duties, false),
    ("about the role", Part::Duties, false),
    ("about the job", Part::Duties, false),
    ("about the position", Part::Duties, false),
    ("about this role", Part::Duties, false),
    ("the job", Part::Duties, false),
    ("the opportunity", Part::Duties, false),
    ("the position", Part::Duties, false),
    ("description", Part::Duties, false),
    ("job description", Part::Duties, false),
    ("position description", Part::Duties, false),
    ("overview", Part::Duties, false),
    ("role overview", Part::Duties, false),
    ("position overview", Part::Duties, false),
    ("position summary", Part::Duties, false),
    ("job summary", Part::Duties, false),
    ("summary", Part::Duties, false),
    ("you will", Part::Duties, true),
    ("in this role you will", Part::Duties, true),
    ("in this role, you will", Part::Duties, true),
    ("requirements", Part::Requirements, true),
    ("required", Part::Requirements, true),
    // Sub-headings set as list items ("- Required Experience" under "What you'll bring").
    ("required experience", Part::Requirements, true),
    ("required skills", Part::Requirements, true),
    ("preferred experience", Part::Nice, true),
    ("preferred skills", Part::Nice, true),
    ("qualifications", Part::Requirements, true),
    ("skills", Part::Requirements, true),
    ("about you", Part::Requirements, true),
    ("who you are", Part::Requirements, true),
    ("you have", Part::Requirements, true),
    ("you are", Part::Requirements, true),
    ("you bring", Part::Requirements, true),
    ("your profile", Part::Requirements, true),
    ("preferred", Part::Nice, true),
    ("plus", Part::Nice, true),
    ("bonus", Part::Nice, true),
    ("pluses", Part::Nice, true),
    ("nice to have", Part::Nice, true),
    ("nice-to-have", Part::Nice, true),
    ("nice to haves", Part::Nice, true),
    ("nice-to-haves", Part::Nice, true),
    ("bonus points", Part::Nice, true),
    ("benefits", Part::Benefits, true),
    ("perks", Part::Benefits, true),
    ("we offer", Part::Benefits, true),
    ("what we offer", Part::Benefits, true),
    ("compensation", Part::Benefits, true),
    ("company", Part::Company, true),
    ("who we are", Part::Company, true),
    ("who are we", Part::Company, true),
    ("about us", Part::Company, true),
    ("the team", Part::Other, false),
    ("about the team", Part::Other, false),
    ("team", Part::Other, false),
    ("location", Part::Process, true),
    ("additional information", Part::Process, true),
    ("职责", Part::Duties, true),
    ("要求", Part::Requirements, true),
    ("优先", Part::Nice, true),
    ("加分项", Part::Nice, true),
    ("加分", Part::Nice, true),
    ("福利", Part::Benefits, true),
    ("待遇", Part::Benefits, true),
];

/// Cue words inside a heading, tried in order: the first found decides. Nice-to-have comes
/// before requirements ("Preferred qualifications"), process and benefits before the rest
/// ("How to apply", "What you'll get").
const WORDS: &[(&str, Part, bool)] = &[
    // "What You'll Get to Do:" lists duties, before "what you'll get" (perks) is tried.
    ("get to do", Part::Duties, true),
    ("nice to have", Part::Nice, true),
    ("nice-to-have", Part::Nice, true),
    // The plural, as in "Nice to Haves:" (cue words end at a word's end).
    ("nice to haves", Part::Nice, true),
    ("nice-to-haves", Part::Nice, true),
    ("preferred", Part::Nice, true),
    ("bonus", Part::Nice, true),
    ("good to have", Part::Nice, true),
    ("extra credit", Part::Nice, true),
    // "Even better if you have:", "Extra brownie points if you", "How to stand out".
    ("even better", Part::Nice, true),
    ("brownie points", Part::Nice, true),
    ("stand out", Part::Nice, true),
    ("desirable", Part::Nice, true),
    ("extras", Part::Nice, true),
    ("desired", Part::Nice, true),
    ("加分", Part::Nice, true),
    ("优先", Part::Nice, true),
    ("how to apply", Part::Process, true),
    ("apply", Part::Process, true),
    ("application process", Part::Process, true),
    ("hiring process", Part::Process, true),
    ("interview process", Part::Process, true),
    ("recruitment process", Part::Process, true),
    ("selection process", Part::Process, true),
    ("consideration process", Part::Process, true),
    // The plural, as in "Our Hiring Processes Include:" (cue words end at a word's end).
    ("application processes", Part::Process, true),
    ("hiring processes", Part::Process, true),
    ("interview processes", Part::Process, true),
    ("recruitment processes", Part::Process, true),
    ("equal opportunity", Part::Process, true),
    ("equal employment", Part::Process, true),
    ("diversity", Part::Process, true),
    ("inclusion", Part::Process, true),
    ("accommodation", Part::Process, true),
    ("privacy", Part::Process, true),
    ("disclaimer", Part::Process, true),
    ("salary", Part::Process, true),
    ("pay range", Part::Process, true),
    ("pay transparency", Part::Process, true),
    ("投递", Part::Process, true),
    ("申请方式", Part::Process, true),
    ("联系方式", Part::Process, true),
    ("联络方式", Part::Process, true),
    ("工作时间", Part::Process, true),
    ("职能类别", Part::Process, true),
    ("关键字", Part::Other, false),
    ("工作地点", Part::Process, true),
    ("工作区域", Part::Process, true),
    ("面试", Part::Process, true),
    ("benefit", Part::Benefits, true),
    ("perks", Part::Benefits, true),
    ("we offer", Part::Benefits, true),
    ("compensation", Part::Benefits, true),
    ("rewards", Part::Benefits, true),
    ("in it for you", Part::Benefits, true),
    // "What will you get in return?"
    ("what will you get", Part::Benefits, true),
    ("get in return", Part::Benefits, true),
    ("what you'll get", Part::Benefits, true),
    ("what you’ll get", Part::Benefits, true),
    ("what you will get", Part::Benefits, true),
    ("you'll enjoy", Part::Benefits, true),
    ("you’ll enjoy", Part::Benefits, true),
    ("support you", Part::Benefits, true),
    ("why you'll love", Part::Benefits, true),
    ("why you’ll love", Part::Benefits, true),
    // "Why We’re a Better Place to Work", "A Great Place to Work": the employer's perks.
    ("place to work", Part::Benefits, true),
    ("福利", Part::Benefits, true),
    ("待遇", Part::Benefits, true),
    ("我们提供", Part::Benefits, true),
    ("你将获得", Part::Benefits, true),
    ("about the team", Part::Other, false),
    ("the team", Part::Other, false),
    ("our team", Part::Other, false),
    ("about us", Part::Company, true),
    // "Who are we looking for?" asks for the candidate, not about the employer.
    ("who are we looking for", Part::Requirements, true),
    ("who we are looking for", Part::Requirements, true),
    ("who we're looking for", Part::Requirements, true),
    ("who we’re looking for", Part::Requirements, true),
    ("who we are", Part::Company, true),
    ("who are we", Part::Company, true),
    ("about the company", Part::Company, true),
    ("company description", Part::Company, true),
    ("company overview", Part::Company, true),
    ("company details", Part::Company, true),
    ("our company", Part::Company, true),
    ("our mission", Part::Company, true),
    ("our values", Part::Company, true),
    ("our story", Part::Company, true),
    ("our culture", Part::Company, true),
    ("why join", Part::Company, true),
    ("why work", Part::Company, true),
    ("working at", Part::Company, true),
    ("life at", Part::Company, true),
    ("get to know us", Part::Company, true),
    ("公司", Part::Company, true),
    ("关于我们", Part::Company, true),
    ("企业介绍", Part::Company, true),
    ("部门介绍", Part::Company, true),
    ("团队介绍", Part::Company, true),
    ("requirement", Part::Requirements, true),
    ("a fit", Part::Requirements, true),
    ("good fit", Part::Requirements, true),
    ("great fit", Part::Requirements, true),
    ("is this you", Part::Requirements, true),
    ("like you", Part::Requirements, true),
    ("qualification", Part::Requirements, true),
    ("you bring", Part::Requirements, true),
    ("you'll bring", Part::Requirements, true),
    ("you’ll bring", Part::Requirements, true),
    ("you will bring", Part::Requirements, true),
    ("to bring", Part::Requirements, true),
    ("you need", Part::Requirements, true),
    // "What do we need from you?"
    ("need from you", Part::Requirements, true),
    ("you'll need", Part::Requirements, true),
    ("you’ll need", Part::Requirements, true),
    ("you will need", Part::Requirements, true),
    ("to succeed", Part::Requirements, true),
    ("looking for", Part::Requirements, true),
    ("look for", Part::Requirements, true),
    ("about you", Part::Requirements, true),
    ("who you are", Part::Requirements, true),
    ("you have", Part::Requirements, true),
    ("you must have", Part::Requirements, true),
    ("must have", Part::Requirements, true),
    ("must-have", Part::Requirements, true),
    ("must haves", Part::Requirements, true),
    ("must-haves", Part::Requirements, true),
    ("skills", Part::Requirements, true),
    ("experience", Part::Requirements, true),
    ("your profile", Part::Requirements, true),
    ("what it takes", Part::Requirements, true),
    ("ideal candidate", Part::Requirements, true),
    ("competenc", Part::Requirements, true),
    ("tech stack", Part::Requirements, true),
    ("technologies", Part::Requirements, true),
    ("要求", Part::Requirements, true),
    ("资格", Part::Requirements, true),
    ("条件", Part::Requirements, true),
    ("技能", Part::Requirements, true),
    ("希望你", Part::Requirements, true),
    ("你需要", Part::Requirements, true),
    ("responsibilit", Part::Duties, true),
    ("you'll do", Part::Duties, true),
    ("you’ll do", Part::Duties, true),
    ("you will do", Part::Duties, true),
    ("you'll be doing", Part::Duties, true),
    ("you’ll be doing", Part::Duties, true),
    ("you will be doing", Part::Duties, true),
    ("will you be doing", Part::Duties, true),
    ("you'll work on", Part::Duties, true),
    ("you’ll work on", Part::Duties, true),
    ("you will work on", Part::Duties, true),
    ("duties", Part::Duties, true),
    ("impact", Part::Duties, true),
    ("day to day", Part::Duties, true),
    // "On a typical day, you will be working on:"
    ("typical day", Part::Duties, true),
    ("day-to-day", Part::Duties, true),
    ("your day", Part::Duties, true),
    ("a day", Part::Duties, true),
    ("your mission", Part::Duties, true),
    ("in this role", Part::Duties, true),
    ("职责", Part::Duties, true),
    ("工作内容", Part::Duties, true),
    ("你将负责", Part::Duties, true),
    ("岗位内容", Part::Duties, true),
    ("description", Part::Duties, false),
    ("描述", Part::Duties, false),
    ("the role", Part::Duties, false),
    ("the job", Part::Duties, false),
    ("the position", Part::Duties, false),
    ("the opportunity", Part::Duties, false),
    ("overview", Part::Duties, false),
    ("summary", Part::Duties, false),
    ("介绍", Part::Company, true),
];

/// Words a heading may open with; a cue word found in a line that opens otherwise is more
/// likely a sentence than a heading ("Skills in Go", "Experience of payments").
const OPENERS: &[&str] = &[
    "what",
    "how",
    "who",
    "why",
    "where",
    "when",
    "your",
    "our",
    "about",
    "the",
    "key",
    "in",
    "a",
    "we",
    "you",
    "minimum",
    "basic",
    "preferred",
    "required",
    "additional",
    "job",
    "role",
    "position",
    "company",
    "desired",
    "ideal",
    "must",
    "nice",
    "bonus",
    "technical",
    "core",
    "essential",
    "general",
    "main",
    "primary",
    "more",
    "some",
    "things",
    "life",
    "day",
    "benefits",
    "perks",
    "requirements",
    "qualifications",
    "responsibilities",
    "skills",
    "experience",
    "tech",
    "technologies",
    "duties",
    "compensation",
    "salary",
    "pay",
    "diversity",
    "equal",
    "team",
    "extra",
    "good",
    "who's",
    "what's",
    "you'll",
    "you’ll",
    "what’s",
    "who’s",
];

/// Lines longer than this (in bytes) are never headings.
const MAX_HEADING_BYTES: usize = 90;
/// List items longer than this (in bytes) are never headings (longer than any exact cue
/// with its decorations).
pub(super) const MAX_ITEM_HEADING_BYTES: usize = 48;

static EXACT_MAP: LazyLock<FxHashMap<&'static str, (Part, bool)>> =
    LazyLock::new(|| EXACT.iter().map(|&(c, p, f)| (c, (p, f))).collect());

/// Normalises a candidate heading: decorations, numbering, emoji and a trailing colon,
/// dash or `===` removed, lower-cased. Returns the text and whether it ended like a heading
/// (a colon or a question mark).
fn normalise(line: &str) -> (Cow<'_, str>, bool) {
    let s = line.trim().trim_start_matches('#').trim();
    // Emphasis is rare in headings: only then is a stripped copy made (without markers,
    // `strip_emphasis` gives back the trimmed text).
    if s.as_bytes().contains(&b'*') || s.as_bytes().contains(&b'_') {
        let stripped = strip_emphasis(s);
        let (t, ended) = trim_decorations(&stripped);
        return (Cow::Owned(t.to_lowercase()), ended);
    }
    let (t, ended) = trim_decorations(s);
    (lower(t), ended)
}

/// [`normalise`] after emphasis: numbering, emoji, brackets and a trailing colon, dash or
/// `===` removed; whether it ended like a heading.
fn trim_decorations(t: &str) -> (&str, bool) {
    // `matches!` rather than `"…".contains(c)`: a string search per character tested.
    let t = t.trim_start_matches(|c: char| {
        !(c.is_alphanumeric())
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '、'
            )
    });
    let t =
        t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | ')' | '）'));
    let t = t.trim();
    let ended = t.ends_with([':', '：', '?', '？']);
    let t = t.trim_end_matches(|c: char| {
        matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '「'
                | '」'
                | '：'
                | ':'
                | '?'
                | '？'
                | '='
                | '-'
                | '–'
                | '—'
                | '_'
                | '*'
                | '#'
        ) || c.is_whitespace()
    });
    let t = t.trim_start_matches(|c: char| {
        matches!(c, '【' | '】' | '[' | ']' | '「' | '」') || c.is_whitespace()
    });
    (t, ended)
}

/// `t.to_lowercase()`, borrowed when that changes nothing (Chinese, lower-case ASCII): a
/// candidate heading is checked on most lines, and most need no copy.
pub(super) fn lower(t: &str) -> Cow<'_, str> {
    let unchanged = if t.is_ascii() {
        !t.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        // Exactly the characters `to_lowercase` maps to themselves (`Σ` never does); Chinese
        // characters have no case, and are not looked up in its tables.
        t.chars().all(|c| {
            crate::analyze::script::is_han(c) || {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            }
        })
    };
    if unchanged {
        Cow::Borrowed(t)
    } else if t.is_ascii() {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

/// The verbs (and phrasing) of [`zh_item`].
const ZH_ITEM_VERBS: [&str; 10] = [
    "熟悉",
    "精通",
    "掌握",
    "负责",
    "具备",
    "具有",
    "了解",
    "参与",
    "年以上",
    "经验",
];

/// Chinese requirement and duty verbs: a short line holding one is an item, never a heading
/// ("熟悉Linux者优先" is a nice-to-have line, not a heading).
fn zh_item(t: &str) -> bool {
    // One pass over the text: only where a verb's first character stands is it compared.
    t.char_indices().any(|(i, c)| {
        matches!(
            c,
            '熟' | '精' | '掌' | '负' | '具' | '了' | '参' | '年' | '经'
        ) && ZH_ITEM_VERBS.iter().any(|v| t[i..].starts_with(v))
    })
}

/// If `line` is a heading, the part it opens. `item` says the line was a list item (a list
/// item is a heading only when it is exactly a cue).
pub fn heading(line: &str, item: bool) -> Option<Heading> {
    // List items are headings only as exact cues, which are short: most lines stop here,
    // before any allocation.
    if item && line.len() > MAX_ITEM_HEADING_BYTES {
        return None;
    }
    if line.len() > MAX_HEADING_BYTES {
        // A heading with an aside: "What to expect in the hiring process (all video
        // interviews unless accommodations are needed):" is read without the aside.
        return without_aside(line)
            .filter(|h| h.len() <= MAX_HEADING_BYTES)
            .and_then(|h| heading(&h, false));
    }
    if duty_lead_in(line) {
        return Some(Heading {
            part: Part::Duties,
            firm: true,
        });
    }
    // A sentence is not a heading: rejected before any allocation.
    let end = line.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    // Except an exact cue with an exclamation mark: "Bonus points!".
    if let Some(cue) = end.strip_suffix(['!', '！']) {
        if cue.len() <= MAX_ITEM_HEADING_BYTES {
            if let Some(&(part, firm)) = EXACT_MAP.get(&*normalise(cue).0) {
                return Some(Heading { part, firm });
            }
        }
    }
    if end.ends_with(['.', '。', ';', '；', ',', '，', '!', '！']) && !item {
        return None;
    }
    let (h, ended) = normalise(line);
    if h.is_empty() {
        return None;
    }
    if let Some(&(part, firm)) = EXACT_MAP.get(&*h) {
        return Some(Heading { part, firm });
    }
    // A list item is a heading beyond the exact cues only when it ends with a colon and
    // opens what follows ("- Preferred Skills & Experience:").
    if (item && !(ended && end.ends_with([':', '：'])))
        || h.ends_with(['.', '。', ';', '；', ',', '，', '!', '！'])
    {
        return None;
    }
    let han = h
        .chars()
        .filter(|c| crate::analyze::script::is_han(*c))
        .count();
    let words = h.split_whitespace().count();
    if han > 0 {
        if h.chars().count() > 16 || zh_item(&h) {
            return None;
        }
    } else if words > 9 {
        return None;
    }
    // "It's great, but not required:", "Optional:", 非必须: what follows is not asked for.
    if ended && NOT_REQUIRED.iter().any(|n| h.contains(n)) {
        return Some(Heading {
            part: Part::Nice,
            firm: true,
        });
    }
    // "Experience That's a Plus", "What will give you an edge?": a heading by its shape (a
    // title or a question or colon line), where "Kafka a plus" in a list is an item.
    if (h.contains(" a plus") || h.contains(" an edge")) && (ended || title_case(line)) {
        return Some(Heading {
            part: Part::Nice,
            firm: true,
        });
    }
    let by_word = first_word_cue(&h).map(|(part, firm)| Heading { part, firm });
    // 优先 and 加分 mark items ("计算机等相关专业优先", "会PHP加分") far more often than they
    // head them: a Chinese heading of them opens with the marker (优先考虑, 加分项), ends
    // with a colon, or points at what follows (以下背景优先).
    if by_word.is_some_and(|f| f.part == Part::Nice)
        && han > 0
        && !ended
        && !h.starts_with("优先")
        && !h.starts_with("加分")
        && !points_ahead(&h)
    {
        return None;
    }
    if let Some(found) = by_word {
        let first = h.split_whitespace().next().unwrap_or("");
        let shaped = ended || han > 0 || words <= 3 || OPENERS.contains(&first) || title_case(line);
        // "Experience leading full-stack projects is a plus" states a preference: an item
        // (read as a heading, its words were lost and its part ran on to the lines after).
        let states = !ended
            && !matches!(first, "what" | "how" | "who" | "where" | "which" | "why")
            && !h.contains("(what ")
            && [
                " is a ",
                " are a ",
                " is an ",
                " are an ",
                " would be ",
                " is preferred",
            ]
            .iter()
            .any(|v| h.contains(v));
        if shaped && !states {
            return Some(found);
        }
        return None;
    }
    // An item ending with a colon is a heading only by a cue word: "- Pipeline ownership:"
    // over its own duties opens nothing.
    if item {
        return None;
    }
    // "StackAdapters Enjoy", "What Our Employees Enjoy": the perks that follow.
    if words <= 4 && han == 0 && h.trim_end_matches([':', '!']).ends_with(" enjoy") {
        return Some(Heading {
            part: Part::Benefits,
            firm: true,
        });
    }
    // "About Fieldguide", "Why Mozilla?": the employer's own section.
    let about = h.strip_prefix("more ").unwrap_or(&h);
    if (about.starts_with("about ") || about.starts_with("why ")) && words <= 4 {
        return Some(Heading {
            part: Part::Company,
            firm: true,
        });
    }
    // A question or a colon line no cue explains: a heading, with its lines read by their
    // content.
    if ended && (han > 0 || words <= 9) {
        return Some(Heading {
            part: Part::Other,
            firm: false,
        });
    }
    None
}

/// Whether a Chinese line points at what follows it (以下背景优先, 具备下列经验): 下列 and 如下
/// always do; 以下 does unless it bounds a figure (`35岁以下`, `3年以下`).
fn points_ahead(h: &str) -> bool {
    h.contains("下列")
        || h.contains("如下")
        || h.match_indices("以下").any(|(i, _)| {
            !h[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '岁' | '年' | '元' | '人'))
        })
}

/// A short lead-in that ends on "you will" or "you'll", its sentence going on in the list
/// under it ("As a Senior Backend Engineer, Payments, you'll…", "Day in and day out, you
/// will:"): the list says what the person will do, whatever else the lead-in names (a team
/// to join, a pay section above it).
fn duty_lead_in(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '…' | '.' | '*' | '_')
    });
    // Most lines end otherwise: decided before anything is lowered or counted.
    let b = t.as_bytes();
    // "you will", "you'll": both end in "ll".
    if !(b.len() >= 2 && b[b.len() - 2..].eq_ignore_ascii_case(b"ll")) {
        return false;
    }
    let lower = t.to_lowercase();
    let opens = ["you will", "you'll", "you’ll"].iter().find_map(|w| {
        lower
            .strip_suffix(w)
            .filter(|before| before.is_empty() || before.ends_with([' ', ',']))
    });
    // "…, you'll receive our benefits package, plus you'll:" says more than who the person
    // will be: the lead-in names the person once, at its end.
    opens.is_some_and(|before| {
        !before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "you")
    }) && t.split_whitespace().count() <= 14
}

/// Phrases that make a heading's items optional.
const NOT_REQUIRED: &[&str] = &[
    "not required",
    "not mandatory",
    "not necessary",
    "not essential",
    "not a requirement",
    "optional",
    "非必须",
    "非必需",
];

/// `line` without its one parenthetical aside, when it ends like a heading (a colon).
fn without_aside(line: &str) -> Option<String> {
    let t = line.trim_end();
    if !t.ends_with([':', '：']) {
        return None;
    }
    let open = t.find(['(', '（'])?;
    let close = open + t[open..].find([')', '）'])?;
    let after = &t[close..];
    let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    Some(format!("{}{}", t[..open].trim_end(), after))
}

/// All cue words in one automaton.
static WORDS_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    // Built from constants: cannot fail.
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(WORDS.iter().map(|(w, _, _)| *w))
        .expect("heading cue words build")
});

/// The first cue word of [`WORDS`] (in table order, a cue of a part before one of none)
/// found in `h` at word boundaries
/// (Chinese cues match anywhere; stems such as "responsibilit" may run on).
fn first_word_cue(h: &str) -> Option<(Part, bool)> {
    let b = h.as_bytes();
    // The first cue in table order, and the first of a part that counts.
    let (mut first, mut counting) = (usize::MAX, usize::MAX);
    for m in WORDS_AC.find_overlapping_iter(h) {
        let i = m.pattern().as_usize();
        let word = WORDS[i].0;
        if word.is_ascii() {
            let (s, e) = (m.start(), m.end());
            let start_ok = s == 0 || !b[s - 1].is_ascii_alphanumeric();
            let end_ok =
                e == b.len() || !b[e].is_ascii_alphanumeric() || word.ends_with(['t', 'c', 'n']);
            if !(start_ok && end_ok) {
                continue;
            }
        }
        first = first.min(i);
        if matches!(WORDS[i].1, Part::Requirements | Part::Nice | Part::Duties) {
            counting = counting.min(i);
        }
    }
    // A cue of a part that counts wins over one of none ("You bring to the team:" asks,
    // whatever team it names); otherwise table order ("About the Team and Our Culture"
    // stays the team's own text).
    let i = if first < WORDS.len() && WORDS[first].1 == Part::Other && counting < WORDS.len() {
        counting
    } else {
        first
    };
    WORDS.get(i).map(|w| (w.1, w.2))
}

/// Every word of four or more letters capitalised, or the whole line in capitals.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

/// Whether `cue` ends with its heading word, as a Chinese heading does (`任职要求`,
/// `要求`), rather than opening a sentence with it (`公司规模近`, `要求一周到岗至少`).
pub fn whole_cue(cue: &str) -> bool {
    if cue.len() > MAX_ITEM_HEADING_BYTES {
        return false;
    }
    let (h, _) = normalise(cue);
    EXACT_MAP.contains_key(&*h)
        || WORDS_AC
            .find_overlapping_iter(&*h)
            .any(|m| m.end() == h.len())
}

/// If `cue` (the text before a colon inside a line) is a heading, its part: only exact cues
/// and Chinese cue words, since "Note: …" or "Stack: Go" inside a line is text.
pub fn inline_cue(cue: &str) -> Option<Heading> {
    // Longer than any cue with its decorations: text, not a heading (checked before any
    // allocation: a colon is common inside lines).
    if cue.len() > MAX_ITEM_HEADING_BYTES {
        return None;
    }
    let (h, _) = normalise(cue);
    if let Some(&(part, firm)) = EXACT_MAP.get(&*h) {
        return Some(Heading { part, firm });
    }
    let han = h
        .chars()
        .filter(|c| crate::analyze::script::is_han(*c))
        .count();
    if han == 0 || h.chars().count() > 8 || zh_item(&h) {
        return None;
    }
    first_word_cue(&h).map(|(part, firm)| Heading { part, firm })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(line: &str) -> Option<Part> {
        heading(line, false).map(|h| h.part)
    }

    #[test]
    fn cue_words_questions_and_decorations() {
        assert_eq!(part("How you'll make an impact"), Some(Part::Duties));
        assert_eq!(part("What you'll bring with you"), Some(Part::Requirements));
        assert_eq!(part("What would your day look like?"), Some(Part::Duties));
        assert_eq!(
            part("What do you need to succeed?"),
            Some(Part::Requirements)
        );
        assert_eq!(part("Preferred Qualifications:"), Some(Part::Nice));
        assert_eq!(part("Must Haves"), Some(Part::Requirements));
        // A cue of a part wins over one of none ("the team").
        assert_eq!(part("You bring to the team:"), Some(Part::Requirements));
        assert_eq!(part("About the team"), Some(Part::Other));
        assert_eq!(part("About the Team and Our Culture"), Some(Part::Other));
        assert_eq!(
            heading("Required Experience", true).map(|h| h.part),
            Some(Part::Requirements)
        );
        assert_eq!(part("Bonus points!"), Some(Part::Nice));
        // Who the employer is, or whom it is looking for.
        assert_eq!(part("Who are we?"), Some(Part::Company));
        assert_eq!(part("Who are we looking for?"), Some(Part::Requirements));
        assert_eq!(part("Who we're looking for"), Some(Part::Requirements));
        assert_eq!(part("What will you get in return?"), Some(Part::Benefits));
        // 优先 and 加分 head a part only as such: opening with the marker, ending with a colon
        // or pointing at what follows. Otherwise they mark an item.
        for heading in [
            "优先考虑：",
            "优先条件：",
            "以下背景优先：",
            "以下背景优先",
            "加分项",
        ] {
            assert_eq!(part(heading), Some(Part::Nice), "{heading}");
        }
        for item in [
            "计算机等相关专业优先",
            "会PHP加分",
            "B站重度用户优先",
            "年龄35岁以下优先",
            "优秀毕业生优先",
        ] {
            assert_eq!(part(item), None, "{item}");
        }
        assert_eq!(part("We're hiring!"), None);
        // Duties, not perks ("what you'll get").
        assert_eq!(part("What You'll Get to Do:"), Some(Part::Duties));
        assert_eq!(part("What you'll get:"), Some(Part::Benefits));
        assert_eq!(part("Minimum qualifications:"), Some(Part::Requirements));
        assert_eq!(part("Experience That’s a Plus"), Some(Part::Nice));
        assert_eq!(part("What will give you an edge?"), Some(Part::Nice));
        assert_eq!(part("It’s a Plus if You Have…"), Some(Part::Nice));
        // A line stating a preference is an item, not a heading (its words had been lost).
        assert_eq!(
            part("Experience leading full-stack projects is a plus"),
            None
        );
        assert_eq!(
            part("Locus Robotics is an Equal Opportunity Employer"),
            None
        );
        assert_eq!(part("Experience that is a plus:"), Some(Part::Nice));
        assert_eq!(part("What Would Be Nice To Have"), Some(Part::Nice));
        assert_eq!(part("What would be nice to have"), Some(Part::Nice));
        assert_eq!(
            part("Preferred Skills (What Would Be A Plus)"),
            Some(Part::Nice)
        );
        assert_eq!(part("Kafka a plus"), None);
        assert_eq!(part("In your first 90 days, you will:"), Some(Part::Duties));
        // A list item is a heading only as an exact cue: these are.
        for item in [
            "Nice to have:",
            "Nice-to-haves",
            "Bonus points:",
            "加分项",
            "加分：",
        ] {
            assert_eq!(
                heading(item, true).map(|h| h.part),
                Some(Part::Nice),
                "{item}"
            );
        }
        // An item ending with a colon is read for cue words too; one without is not.
        assert_eq!(
            heading("Preferred Skills & Experience:", true).map(|h| h.part),
            Some(Part::Nice)
        );
        assert_eq!(heading("Preferred Skills & Experience", true), None);
        for nice in [
            "Even better if you have:",
            "Extra brownie points if you",
            "How To Stand Out",
        ] {
            assert_eq!(part(nice), Some(Part::Nice), "{nice}");
        }
        assert_eq!(part("Why Mozilla?"), Some(Part::Company));
        assert_eq!(part("🛠 Responsibilities"), Some(Part::Duties));
        assert_eq!(part("【任职要求】"), Some(Part::Requirements));
        assert_eq!(part("一、岗位职责"), Some(Part::Duties));
        assert_eq!(part("岗位职责==========="), Some(Part::Duties));
        assert_eq!(part("加分项："), Some(Part::Nice));
        for nice in [
            "Nice to Have:",
            "Nice to Haves:",
            "Nice-to-haves",
            "Nice to haves",
        ] {
            assert_eq!(part(nice), Some(Part::Nice), "{nice}");
        }
        assert_eq!(part("What's in it for you?"), Some(Part::Benefits));
        assert_eq!(
            part("Why We’re a Better Place to Work"),
            Some(Part::Benefits)
        );
        assert_eq!(part("What do we need from you?"), Some(Part::Requirements));
        assert_eq!(
            part("On a typical day, you will be working on:"),
            Some(Part::Duties)
        );
        assert_eq!(part("How to apply"), Some(Part::Process));
        for steps in [
            "What to expect in the hiring process (all video interviews unless accommodations are needed):",
            "What is the Candidate Consideration Process",
            "Our Hiring Processes Include:",
            "Our Hiring Processes Might Include:",
            "Recruitment Process Overview:",
            "Interview process",
        ] {
            assert_eq!(part(steps), Some(Part::Process), "{steps}");
        }
        assert_eq!(part("Sound like you?"), Some(Part::Requirements));
        assert_eq!(part("You might be a fit if you"), Some(Part::Requirements));
        // A question no cue explains is still a heading; its lines are read by content.
        assert_eq!(
            heading("Where does this sit in the company?", false),
            Some(Heading {
                part: Part::Other,
                firm: false
            })
        );
        assert!(!heading("About the job", false).unwrap().firm);
    }

    #[test]
    fn what_people_enjoy_heads_the_perks() {
        for h in [
            "StackAdapters Enjoy",
            "What Our Employees Enjoy:",
            "You'll Enjoy",
        ] {
            assert_eq!(
                heading(h, false).map(|h| h.part),
                Some(Part::Benefits),
                "{h}"
            );
        }
        // A question to the reader is no perk list.
        assert_ne!(
            heading("Do you enjoy solving hard problems?", false).map(|h| h.part),
            Some(Part::Benefits)
        );
    }

    #[test]
    fn items_and_sentences_are_not_headings() {
        assert_eq!(part("熟悉Linux者优先"), None);
        assert_eq!(part("We value strong communication skills."), None);
        assert_eq!(
            part("Deep experience of payments systems at scale and low latency"),
            None
        );
        assert_eq!(heading("Kubernetes experience", true), None);
        assert_eq!(
            heading("Requirements", true).map(|h| h.part),
            Some(Part::Requirements)
        );
    }

    #[test]
    fn fast_paths_agree_with_the_plain_forms() {
        for t in [
            "requirements",
            "Requirements",
            "任职要求",
            "ΣΑΣ",
            "İstanbul",
            "\u{212A}elvin",
            "ǅungla",
            "Ⅳ Ⓐ",
            "ＡＢＣ 岗位",
            "熟悉Linux者优先",
            "3年以上经验",
            "了",
            "",
        ] {
            assert_eq!(lower(t), t.to_lowercase(), "{t}");
            assert_eq!(
                zh_item(t),
                ZH_ITEM_VERBS.iter().any(|v| t.contains(v)),
                "{t}"
            );
        }
    }

    #[test]
    fn inline_cues_are_exact_or_chinese() {
        assert_eq!(
            inline_cue("任职要求").map(|h| h.part),
            Some(Part::Requirements)
        );
        assert_eq!(inline_cue("岗位职责").map(|h| h.part), Some(Part::Duties));
        assert_eq!(inline_cue("Note"), None);
        assert_eq!(inline_cue("Stack"), None);
    }
}
