//! Posting layouts that put several items on one line: 51job's whole posting on one line
//! with items after `§` or `1、2、3、` and inline headings (`岗位职责：…任职要求：…`), and long
//! prose paragraphs that mix a company blurb with the role. Each line is cut into pieces
//! so every item gets its own part.

use super::headings::{
    heading, inline_cue, whole_cue, Heading, MAX_ITEM_HEADING_BYTES as MAX_CUE_BYTES,
};
use crate::model::Part;

/// Paragraphs longer than this (bytes) are cut into sentences.
const LONG_PARAGRAPH: usize = 240;
/// Chinese text longer than this (bytes, about 27 characters) is cut at `；` and `。`.
const LONG_ZH: usize = 80;

/// A piece of a line: the text and the inline heading that opens it, if any.
pub type Piece<'a> = (Option<Heading>, &'a str);

/// The pieces of one line, each with the inline heading that opens it, if any.
#[cfg(test)]
pub fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    pieces_into(line, &mut out);
    out
}

/// Writes the pieces of `line` to `out` (cleared first): the reader keeps one buffer for a
/// whole posting instead of a few vectors per line. Returns whether the line holds a `*` or
/// `_` (emphasis markers), found by the same scan.
pub fn pieces_into<'a>(line: &'a str, out: &mut Vec<Piece<'a>>) -> bool {
    out.clear();
    // Which cuts can apply (one scan of the line): most lines need none.
    let s = Shape::of(line);
    if !s.colon && !s.digit && !s.section {
        // No inline heading, no list number: only long text, or a sentence that adds a
        // preference, is cut.
        if line.len() <= LONG_ZH
            && (s.ascii || preference_cut_zh(line).is_none())
            && preference_cut_en(line).is_none()
        {
            out.push((None, line));
        } else {
            split_long(line, s.ascii, &mut |p| out.push((None, p)));
        }
        return s.emphasis;
    }
    if s.section {
        for chunk in line.split('§') {
            chunk_into(chunk, chunk.is_ascii(), s, out);
        }
    } else {
        chunk_into(line, s.ascii, s, out);
    }
    s.emphasis
}

/// Writes the pieces of one chunk of a line (the text between two `§`).
fn chunk_into<'a>(chunk: &'a str, ascii: bool, s: Shape, out: &mut Vec<Piece<'a>>) {
    // Only a colon, a closing bracket or (in Chinese) a list number can open an inline
    // heading: without them the chunk is one segment, as `split_inline_cue` would find.
    if !(s.colon || (s.digit && !ascii)) {
        segment_into(None, chunk.trim(), s.digit, out);
        return;
    }
    for (cue, seg) in split_inline_cue(chunk) {
        segment_into(cue, seg, s.digit, out);
    }
}

/// What one scan of a line finds: whether it holds a colon (`:`, `：`, or `】`, which may
/// close an inline heading), an ASCII digit, a `§`, only ASCII, and `*` or `_`.
#[derive(Clone, Copy)]
struct Shape {
    colon: bool,
    digit: bool,
    section: bool,
    ascii: bool,
    emphasis: bool,
}

const COLON: u8 = 1;
const DIGIT: u8 = 2;
const HIGH: u8 = 4;
/// The last byte of `：` (EF BC 9A) or `】` (E3 80 91): the line is searched for them.
const WIDE_COLON: u8 = 8;
/// The last byte of `§` (C2 A7).
const SECTION: u8 = 16;
const EMPHASIS: u8 = 32;

/// What each byte value tells [`Shape::of`].
const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let mut c = 0;
        if b >= 0x80 {
            c |= HIGH;
        }
        if b == b':' as usize {
            c |= COLON;
        }
        if b >= b'0' as usize && b <= b'9' as usize {
            c |= DIGIT;
        }
        if b == 0x9A || b == 0x91 {
            c |= WIDE_COLON;
        }
        if b == 0xA7 {
            c |= SECTION;
        }
        if b == b'*' as usize || b == b'_' as usize {
            c |= EMPHASIS;
        }
        t[b] = c;
        b += 1;
    }
    t
};

impl Shape {
    /// One table-driven pass over the bytes instead of a scan per question; the wide
    /// characters, whose last bytes are common in Chinese text, are confirmed by a search
    /// only when such a byte was seen.
    fn of(line: &str) -> Shape {
        let seen = line
            .as_bytes()
            .iter()
            .fold(0u8, |seen, &b| seen | CLASSES[usize::from(b)]);
        Shape {
            colon: seen & COLON != 0
                || (seen & WIDE_COLON != 0 && (line.contains('：') || line.contains('】'))),
            digit: seen & DIGIT != 0,
            section: seen & SECTION != 0 && line.contains('§'),
            ascii: seen & HIGH == 0,
            emphasis: seen & EMPHASIS != 0,
        }
    }
}

/// Writes the items of one segment, the first with the segment's inline heading; a heading
/// with nothing after it on this line stands alone.
/// `digit` says the line holds an ASCII digit (a list number needs one).
fn segment_into<'a>(cue: Option<Heading>, seg: &'a str, digit: bool, out: &mut Vec<Piece<'a>>) {
    let before = out.len();
    split_items(seg, digit, &mut |item| {
        let first = out.len() == before;
        out.push((if first { cue } else { None }, item));
    });
    if out.len() == before && cue.is_some() {
        out.push((cue, ""));
    }
}

/// Splits at an inline cue followed by a colon (`…等。任职要求：1）熟悉…`) or, in Chinese,
/// directly by a list number (`应聘资格要求1.编程…`), so the text after it lands in the right
/// part.
fn split_inline_cue(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut pending: Option<Heading> = None;
    // Only Chinese text puts a heading directly before a list number.
    let han_numbers = !line.is_ascii();
    // Where the next search in `rest` starts: past a cue kept as its item's text.
    let mut resume_at = 0;
    'outer: loop {
        let mut from = std::mem::take(&mut resume_at);
        while let Some((i, c)) = next_candidate(rest, from, han_numbers) {
            from = i + c.len_utf8();
            let colon = c == ':' || c == '：' || c == '】';
            let before = &rest[..i];
            // `【任职要求】` inside a line: the cue is the bracketed text. Otherwise the cue is
            // the run of text before the colon back to punctuation or a space.
            let (start, cue) = if c == '】' {
                let Some(open) = before.rfind('【') else {
                    continue;
                };
                // A colon right after the bracket belongs to the heading.
                (open, &before[open + '【'.len_utf8()..])
            } else {
                // A compound heading glued to the item before it, the line break lost
                // (`…提供数据支持任职要求：`, `…上一休一任职要求1、`): the heading starts there.
                // Before a list number only a compound that never names a thing worked on
                // (任职…, 职位…): `梳理各部门的岗位要求2、发布招聘信息` is a duty.
                let glued = || {
                    let at = glued_heading(before)?;
                    let heading_only = ["任职", "职位"].iter().any(|r| before[at..].starts_with(r));
                    (colon || (heading_only && list_number_at(rest.as_bytes(), i))).then_some(at)
                };
                match cue_start(before) {
                    Some(start) if inline_cue(&before[start..]).is_some() => {
                        (start, &before[start..])
                    }
                    found => match (glued(), found) {
                        (Some(at), _) | (None, Some(at)) => (at, &before[at..]),
                        (None, None) => continue,
                    },
                }
            };
            if cue.is_empty() {
                continue;
            }
            // A figure after a cue opening a sentence (`要求一周到岗至少4天`, `公司营业收入近1万
            // 亿`): the cue's part starts there, its words kept as the item's own (only a cue
            // ending with its heading word, `任职要求13年以上` with the item's `、` lost, is a
            // heading of its own, its words no item's).
            let keep = c.is_ascii_digit() && !list_number_at(rest.as_bytes(), i) && !whole_cue(cue);
            if let Some(h) = inline_cue(cue) {
                // "It's great, but not required:": a negated cue is no heading of its own.
                let before_cue = rest[..start].trim_end().as_bytes();
                if before_cue.len() >= 4
                    && before_cue[before_cue.len() - 4..].eq_ignore_ascii_case(b" not")
                {
                    continue;
                }
                let head = rest[..start].trim();
                if out.is_empty() && pending.is_none() {
                    // A whole line ending with the colon is a heading of its own words, not
                    // the cue's alone: "Preferred qualifications:" is nice-to-have, not a line
                    // "Preferred" then a requirements heading. And a few words that open the
                    // line and run into the cue are one phrase with it, not a sentence then a
                    // heading (which ends with punctuation): "Preferred Requirements:
                    // Terraform", "Work Location: Remote", "As a plus:". Either way the
                    // phrase's own reading wins when it has a specific one, else the cue's,
                    // and its first words are never a line of their own.
                    let whole_line = colon && rest[i + c.len_utf8()..].trim().is_empty();
                    let short_head = head.is_ascii()
                        && head.chars().any(char::is_alphanumeric)
                        && head.split_whitespace().count() <= 3
                        && !head.ends_with(['.', '!', '?', ';', ')', ',']);
                    let phrase = if whole_line { line } else { &rest[..i] };
                    let specific = (whole_line || short_head)
                        .then(|| heading(phrase, false))
                        .flatten()
                        .filter(|p| p.part != Part::Other);
                    if (specific.is_some() || short_head) && !keep {
                        pending = Some(specific.unwrap_or(h));
                        rest = if colon {
                            rest[i + c.len_utf8()..].trim_start_matches([':', '：'])
                        } else {
                            &rest[i..]
                        };
                        continue 'outer;
                    }
                }
                // An English cue word inside a running sentence ("Here are some ways we
                // support and invest in our team:") is the sentence's last word, not a
                // heading, which starts the line or follows a sentence's end.
                // A cue set apart by its capital ("…for 3 million users Requirements: 5+
                // years", "…undertakes the following RESPONSIBILITIES:") is a heading all
                // the same.
                if cue.is_ascii()
                    && head.ends_with(|c: char| c.is_ascii_alphanumeric() || c == ',')
                    && cue.starts_with(|c: char| c.is_ascii_lowercase())
                {
                    continue;
                }
                if !head.is_empty() || pending.is_some() {
                    out.push((pending.take(), head));
                }
                pending = Some(h);
                rest = if colon {
                    rest[i + c.len_utf8()..].trim_start_matches([':', '：'])
                } else if keep {
                    resume_at = i + c.len_utf8() - start;
                    &rest[start..]
                } else {
                    &rest[i..]
                };
                continue 'outer;
            }
        }
        break;
    }
    out.push((pending, rest.trim()));
    out
}

/// The next place at or after byte `from` of `line` where an inline heading may end: a
/// colon, `】`, or (in Chinese, `han_numbers`) a list number right after a Chinese character.
/// A byte scan: the characters sought start with bytes found nowhere else.
fn next_candidate(line: &str, from: usize, han_numbers: bool) -> Option<(usize, char)> {
    if !han_numbers {
        // ASCII text (the caller's `han_numbers` is false only then): only `:`, found by a
        // memchr search.
        return line[from..].find(':').map(|i| (from + i, ':'));
    }
    let b = line.as_bytes();
    let mut i = from;
    while i < b.len() {
        // Eight bytes at a time past text holding none of the bytes sought.
        if let Some(w) = word_at(b, i) {
            if !(has_digit(w) || has_byte(w, b':') || has_byte(w, 0xEF) || has_byte(w, 0xE3)) {
                i += 8;
                continue;
            }
        }
        let c = match b[i] {
            b':' => Some(':'),
            // `：` is EF BC 9A, `】` E3 80 91.
            0xEF if b.get(i + 1..i + 3) == Some(&[0xBC, 0x9A][..]) => Some('：'),
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x91][..]) => Some('】'),
            d @ b'0'..=b'9'
                if han_numbers
                    && line[..i]
                        .chars()
                        .next_back()
                        .is_some_and(crate::analyze::script::is_han) =>
            {
                Some(char::from(d))
            }
            _ => None,
        };
        if let Some(c) = c {
            return Some((i, c));
        }
        i += 1;
    }
    None
}

/// The compound headings that only ever head a part (a role word and a heading word): found
/// even glued to the end of the item before them.
const GLUED_HEADINGS: [&str; 16] = [
    "任职要求",
    "任职资格",
    "任职条件",
    "岗位要求",
    "岗位职责",
    "岗位描述",
    "岗位资格",
    "工作职责",
    "工作内容",
    "工作要求",
    "职位要求",
    "职位描述",
    "职位职责",
    "应聘要求",
    "应聘条件",
    "招聘要求",
];

/// Where a compound heading of [`GLUED_HEADINGS`] starts when `before` ends with one right
/// after a Chinese character, as when a one-line posting lost the line break before it.
fn glued_heading(before: &str) -> Option<usize> {
    let heading = GLUED_HEADINGS.iter().find(|h| before.ends_with(*h))?;
    let at = before.len() - heading.len();
    before[..at]
        .chars()
        .next_back()
        .is_some_and(crate::analyze::script::is_han)
        .then_some(at)
}

/// Whether a list number starts at byte `i` of `b`: one or two digits and a closing mark
/// (`1、`, `2.`, `3）`), not a figure (`近1万人`, `3年`).
fn list_number_at(b: &[u8], i: usize) -> bool {
    let digits = b[i..].iter().take_while(|d| d.is_ascii_digit()).count();
    let after = &b[i + digits..];
    (1..=2).contains(&digits)
        && (matches!(after.first(), Some(b'.' | b')'))
            // `、` E3 80 81, `．` EF BC 8E, `）` EF BC 89.
            || after.starts_with("、".as_bytes())
            || after.starts_with("．".as_bytes())
            || after.starts_with("）".as_bytes()))
}

/// Where the cue before a colon at the end of `before` starts: after the last punctuation
/// or space. `None` when the cue would be longer than any inline heading
/// ([`inline_cue`] rejects it unread), so long text is not scanned back to its start.
fn cue_start(before: &str) -> Option<usize> {
    let end = before.len();
    for (j, ch) in before.char_indices().rev() {
        let after = j + ch.len_utf8();
        if end - after > MAX_CUE_BYTES {
            return None;
        }
        if matches!(
            ch,
            '。' | '；'
                | ';'
                | '，'
                | ','
                | '、'
                | ' '
                | '\t'
                | ')'
                | '）'
                | '§'
                | '！'
                | '!'
                | '】'
        ) {
            return Some(after);
        }
    }
    (end <= MAX_CUE_BYTES).then_some(0)
}

/// Cuts a segment into items, giving each non-blank one to `emit`: at list numbers in the
/// middle of the text (`；2、`, ` 3.`, `（4）`), then long Chinese text at `；`/`。` and long
/// prose at sentence ends.
fn split_items<'a>(seg: &'a str, digit: bool, emit: &mut impl FnMut(&'a str)) {
    let mut keep = |s: &'a str| {
        if !s.trim().is_empty() {
            emit(s)
        }
    };
    split_numbers(seg, digit, &mut |numbered| {
        if numbered.len() <= LONG_ZH
            && preference_cut_zh(numbered).is_none()
            && preference_cut_en(numbered).is_none()
        {
            keep(numbered);
        } else {
            split_long(numbered, numbered.is_ascii(), &mut keep);
        }
    });
}

/// Cuts long text: Chinese at `；`/`。`, English prose longer than a paragraph at sentence
/// ends. `ascii` says the text is all ASCII (then it holds no Chinese).
fn split_long<'a>(text: &'a str, ascii: bool, emit: &mut impl FnMut(&'a str)) {
    if !ascii && text.chars().any(crate::analyze::script::is_han) {
        split_clauses(text, &mut |part| match preference_cut_zh(part) {
            Some(cut) => {
                split_han_dashes(part[..cut].trim(), emit);
                split_han_dashes(part[cut + '，'.len_utf8()..].trim(), emit);
            }
            None => split_han_dashes(part, emit),
        });
    } else if text.len() > LONG_PARAGRAPH || adds_a_preference(text) {
        split_sentences(text, &mut |s| cut_preference_en(s, emit));
    } else {
        cut_preference_en(text, emit);
    }
}

/// Gives `text` to `emit` whole, or as the two pieces [`preference_cut_en`] cuts it into.
fn cut_preference_en<'a>(text: &'a str, emit: &mut impl FnMut(&'a str)) {
    match preference_cut_en(text) {
        Some((end, start)) => {
            emit(text[..end].trim_end());
            emit(&text[start..]);
        }
        None => emit(text),
    }
}

/// The searchers for "ideally" and "(p)referably", built once: a search built per call cost
/// more than the search itself on the short items of a posting.
static PREFERENCE_WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    std::sync::LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("ideally"),
            memchr::memmem::Finder::new("referably"),
        ]
    });

/// Where an English item that asks for something and then says what it would prefer is cut:
/// "Experience with cloud platforms, preferably AWS" asks for a cloud platform and prefers
/// AWS; "2+ years of Go, ideally 10+" asks for two years. The cut is at the comma or
/// semicolon before "preferably" or "ideally" (or the "and" joining it to the list before:
/// "Kubernetes, Terraform and ideally Python"), or before a bracket holding it that closes
/// the item ("…game engines (ideally Bevy)"); a bracket inside the item ("IaC (preferably
/// Terraform) on AWS") leaves it whole, as does an item that opens with the word ("Ideally,
/// you have…": all of it is preferred) or whose first part asks nothing on its own. Returns
/// where the asking part ends and where the preferred part starts.
fn preference_cut_en(text: &str) -> Option<(usize, usize)> {
    preference_word_cut(text).or_else(|| preference_clause_cut(text))
}

/// The searchers for the words that say a clause is a plus, built once.
static PLUS_WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    std::sync::LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("plus"),
            memchr::memmem::Finder::new("bonus"),
            memchr::memmem::Finder::new("prefer"),
            memchr::memmem::Finder::new("advantage"),
        ]
    });

/// "Strong analytical SQL skills - experience with another language is a bonus (e.g. R or
/// Python)": an item that asks on its own, then, after a spaced dash or a semicolon, says
/// what would be a plus. The cut is at the dash or semicolon; the first clause stays
/// required (the whole item had been a nice-to-have).
fn preference_clause_cut(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if !PLUS_WORDS.iter().any(|w| w.find(b).is_some()) {
        return None;
    }
    let (at, sep) = [" - ", " – ", " — ", "; "]
        .iter()
        .filter_map(|sep| Some((text.find(sep)?, sep.len())))
        .min()?;
    let (before, after) = (&text[..at], &text[at + sep..]);
    let sb = super::signals::signals(before, None);
    let asks = (sb.req || sb.years || sb.soft) && !sb.nice;
    (asks && super::signals::signals(after, None).nice).then_some((at, at + sep))
}

/// The cut before "preferably" or "ideally" (see [`preference_cut_en`]).
fn preference_word_cut(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    // Most items hold neither word: one search for each, in the case it is written in
    // mid-sentence ("Preferably" after a bracket too: "(Preferably AWS)").
    let at = PREFERENCE_WORDS.iter().filter_map(|w| w.find(b)).min()?;
    let word = if b[at] == b'i' {
        at
    } else if at > 0 && matches!(b[at - 1], b'p' | b'P') {
        at - 1
    } else {
        return None;
    };
    // A word of its own, after a space or a bracket.
    if word == 0 || !(b[word - 1].is_ascii_whitespace() || b[word - 1] == b'(') {
        return None;
    }
    // The mark before the word: `,`, `;` or an opening bracket, after optional spaces; or
    // "and" joining the preference to the list it follows ("Kubernetes, Terraform and
    // ideally a scripting language", "…(AWS and GCP), and ideally databases"). Not "or":
    // "Go or ideally Rust" offers a choice, which stays one item.
    let before = text[..word].trim_end();
    let joined = before.strip_suffix(" and");
    let (end, start) = if let Some(head) = joined {
        let head = head.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—')
        });
        (head.len(), word)
    } else {
        match before.as_bytes().last()? {
            b',' | b';' => (before.len() - 1, word),
            b'(' => {
                let open = before.len() - 1;
                let close = text[open..].find(')')? + open;
                let tail = text[close + 1..].trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '.' | ',' | ';' | '。' | '；')
                });
                if !tail.is_empty() {
                    return None;
                }
                (open, open)
            }
            _ => return None,
        }
    };
    // The part before asks on its own ("Experience with…", "5+ years of…", "Strong
    // knowledge of…"), as in Chinese: prose that goes on ("We are looking for an engineer,
    // ideally with a background in FinTech, to join…") stays whole.
    let asks = text[..end].trim_end();
    let s = super::signals::signals(asks, None);
    if !(s.req || s.years || s.soft) || s.nice {
        return None;
    }
    Some((asks.len(), start))
}

/// Splits at a dash between two Chinese characters (`负责研发-负责架构-…`: items run together
/// with dashes); dashes in `3-5年` or `K8s-based` stay.
fn split_han_dashes<'a>(s: &'a str, emit: &mut impl FnMut(&'a str)) {
    if !s.contains('-') {
        emit(s);
        return;
    }
    let mut from = 0;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let han = crate::analyze::script::is_han;
        if c == '-' && prev.is_some_and(han) && next.is_some_and(han) {
            emit_trimmed(&s[from..i], emit);
            from = i + 1;
        }
        prev = Some(c);
    }
    emit_trimmed(&s[from..], emit);
}

/// Gives `s` trimmed to `emit`, unless nothing is left.
fn emit_trimmed<'a>(s: &'a str, emit: &mut impl FnMut(&'a str)) {
    let s = s.trim();
    if !s.is_empty() {
        emit(s);
    }
}

/// The eight bytes of `b` from `i` as one word, when there are eight.
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 8)
        .map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether a byte of `w` is below `n` (at most 128): the word-at-a-time test of "Bit
/// Twiddling Hacks" (`hasless`), exact for whether any byte is. Lets the scans below skip
/// eight bytes at a time past text holding nothing they look for.
fn has_less(w: u64, n: u8) -> bool {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS != 0
}

/// Whether a byte of `w` equals `b`.
fn has_byte(w: u64, b: u8) -> bool {
    has_less(w ^ (ONES * u64::from(b)), 1)
}

/// Whether a byte of `w` is an ASCII digit (`0`–`9` become 0–9 once XORed with `0`; other
/// bytes stay at 10 or more, or keep their high bit).
fn has_digit(w: u64) -> bool {
    has_less(w ^ (ONES * u64::from(b'0')), 10)
}

/// Byte offsets where a list number starts inside `s`: `2、`, `3.`, `4)`, `（5）`, `(6)`,
/// after a separator or a space, never at the very start.
fn number_starts(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i += 1;
        if i >= b.len() {
            break;
        }
        // Eight bytes at a time past text holding no candidate byte.
        while let Some(w) = word_at(b, i) {
            if has_digit(w) || has_byte(w, b'(') || has_byte(w, 0xEF) {
                break;
            }
            i += 8;
        }
        if i >= b.len() {
            break;
        }
        // Candidates: ASCII digits and opening parentheses (`（` is EF BC 88); `open` is the
        // parenthesis' length.
        let open = match b[i] {
            b'0'..=b'9' => 0,
            b'(' => 1,
            0xEF if b.get(i + 1..i + 3) == Some(&[0xBC, 0x88][..]) => 3,
            _ => continue,
        };
        // Only the first digit of a number can start one.
        if b[i - 1].is_ascii_digit() {
            continue;
        }
        // The number's own shape first (one or two digits and a closing mark): most digits
        // in text are figures, rejected here before the character before them is decoded.
        let body = &s[i + open..];
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            continue;
        }
        let after = &body[digits..];
        let Some(p) = after.chars().next() else {
            continue;
        };
        let closes = if open > 0 {
            matches!(p, '）' | ')')
        } else {
            matches!(p, '、' | '.' | '．' | ')' | '）')
        };
        // `3.5` is a number, not a list number.
        let next = after[p.len_utf8()..].chars().next();
        if !closes || next.is_some_and(|n| n.is_ascii_digit()) {
            continue;
        }
        let prev = s[..i].chars().next_back().unwrap_or(' ');
        let separated = prev.is_whitespace()
            || matches!(
                prev,
                '；' | ';' | '。' | '，' | ',' | '：' | ':' | '！' | '!' | '?' | '？' | ')' | '）'
            );
        // 51job runs items together: `…本科及以上学历2、熟练使用Excel`, `…相关的经验4.精通Linux`.
        // A number and `、`, or a number and `.` between two Chinese characters, right after a
        // Chinese character still starts an item (years are `3年`, versions `2.0`).
        let han = crate::analyze::script::is_han;
        let run_on = han(prev) && (p == '、' || (p == '.' && next.is_some_and(han)));
        // A full stop ends the item before: `…同步至Hbase.4.熟悉Hadoop` (not `2.4.` in a version).
        let after_stop = prev == '.'
            && !s[..i - 1].ends_with(|c: char| c.is_ascii_digit())
            && matches!(p, '、' | '.')
            && next.is_some_and(han);
        if separated || run_on || after_stop {
            out.push(i);
        }
    }
    out
}

/// Splits at list numbers when the segment holds at least two (one number alone is more
/// likely a figure in a sentence), or one after a leading number. `digit` false says the
/// text holds no ASCII digit, hence no list number.
fn split_numbers<'a>(seg: &'a str, digit: bool, emit: &mut impl FnMut(&'a str)) {
    if !digit {
        emit(seg);
        return;
    }
    let starts = number_starts(seg);
    if starts.is_empty() || (starts.len() < 2 && super::split_markers(seg).is_none()) {
        emit(seg);
        return;
    }
    let mut from = 0;
    for s in starts {
        emit_trimmed(&seg[from..s], emit);
        from = s;
    }
    emit_trimmed(&seg[from..], emit);
}

/// Splits after each `；`, `。` or `;`, keeping it with the text before. A byte scan (`；` is
/// EF BC 9B, `。` E3 80 82) that skips eight bytes at a time past words holding none of
/// their first bytes, instead of decoding every character.
fn split_clauses<'a>(s: &'a str, emit: &mut impl FnMut(&'a str)) {
    let b = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(w) = word_at(b, i) {
            if !(has_byte(w, b';') || has_byte(w, 0xEF) || has_byte(w, 0xE3)) {
                i += 8;
                continue;
            }
        }
        let len = match b[i] {
            b';' => 1,
            0xEF if b.get(i + 1..i + 3) == Some(&[0xBC, 0x9B][..]) => 3,
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x82][..]) => 3,
            _ => 0,
        };
        if len > 0 {
            emit_trimmed(&s[from..i + len], emit);
            from = i + len;
            i += len;
        } else {
            i += 1;
        }
    }
    emit_trimmed(&s[from..], emit);
}

/// Whether a sentence after the first says what is preferred while the first does not:
/// "Bachelor's degree in CS. A Master's or PhD is a plus." asks for the first and prefers
/// the second, so each sentence gets its own part.
fn adds_a_preference(text: &str) -> bool {
    // Most lines are one sentence: found without cutting anything.
    let Some(end) = sentence_end(text.as_bytes(), 0) else {
        return false;
    };
    let nice = |s: &str| super::signals::signals(s, None).nice;
    !nice(&text[..=end]) && nice(&text[end + 1..])
}

/// Where a Chinese item that asks for something and then says what is preferred is cut:
/// "3年以上移动开发经验，有相似工作经验者优先" asks for three years and prefers the rest. The
/// cut is the `，` before the first clause with a preference marker, when the first clause
/// has none and the clause just before the cut asks on its own (熟悉, 3年以上, 本科): in
/// "会计学，财务管理等相关专业优先" the preference covers the whole list, so it stays one item.
/// (Never at a `,` between two skills: "熟悉Docker,Kubernetes者优先".)
fn preference_cut_zh(text: &str) -> Option<usize> {
    // Most items hold no marker: checked before any clause is cut.
    if !(text.contains('，')
        && (text.contains("优先") || text.contains("加分") || text.contains('佳')))
    {
        return None;
    }
    let mut start = 0usize;
    // Whether the clause before asks on its own, once read: by its signals, or as an
    // experience to have (`有1年带领团队经验`; `有大麦、猫眼、格瓦拉` is the start of the list
    // the preference covers).
    let mut prev_asks = false;
    let mut any_asks = false;
    for clause in text.split('，') {
        let s = super::signals::signals(clause, None);
        if s.nice {
            let cut = start.checked_sub('，'.len_utf8())?;
            // (No pattern holds a `，`, so the clauses before, none of which prefers, do not
            // together either.) A short preferred clause may read as a heading
            // ("有开发/自动化者优先"): then the item stays whole rather than open nice-to-haves.
            // A clause of its own, `有…经验者优先`, prefers only itself, whatever list the
            // clause before it ends (`熟悉kubernetes，docker等开源框架，有二次开发经验者优先`).
            let own = any_asks && clause.trim_start().starts_with('有');
            // Two names on either side of the `，` are one list the preference covers:
            // `具备一定Go，Python开发能力优先`.
            let names = text[..cut]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_alphanumeric())
                && clause
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_alphanumeric());
            if names {
                return None;
            }
            let whole = (prev_asks || own) && heading(text[start..].trim(), false).is_none();
            return whole.then_some(cut);
        }
        // Past the item's list number: `1. 有GoLang编程经验`.
        let c = clause.trim().trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || ('①'..='⑳').contains(&c)
                || matches!(c, '.' | '、' | '(' | ')' | '（' | '）' | '．')
        });
        prev_asks = s.req
            || s.soft
            || s.years
            || (c.starts_with('有') && (c.ends_with("经验") || c.ends_with("经历")));
        any_asks |= prev_asks;
        start += clause.len() + '，'.len_utf8();
    }
    None
}

/// The first sentence end at or after `from` (the `.`, `!` or `?` of `. X`) with at least 20
/// bytes of sentence before it.
fn sentence_end(b: &[u8], from: usize) -> Option<usize> {
    (from..b.len().saturating_sub(2)).find(|&i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && i - from >= 20
    })
}

/// Splits prose at sentence ends: `. `, `! `, `? ` followed by a capital letter.
fn split_sentences<'a>(s: &'a str, emit: &mut impl FnMut(&'a str)) {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = sentence_end(b, from) {
        emit_trimmed(&s[from..=i], emit);
        from = i + 2;
    }
    emit_trimmed(&s[from..], emit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Part;

    fn texts(line: &str) -> Vec<(Option<Part>, &str)> {
        pieces(line)
            .into_iter()
            .map(|(h, t)| (h.map(|h| h.part), t))
            .collect()
    }

    #[test]
    fn an_english_cue_word_ending_a_running_sentence_is_no_heading() {
        // The words were lost, and the perks after the lead-in read by content alone.
        assert_eq!(
            texts("Here are some ways we support and invest in our team:"),
            [(
                None,
                "Here are some ways we support and invest in our team:"
            )]
        );
        assert_eq!(
            texts(
                "Excellent foundation of consulting skills: analytical and written communication"
            ),
            [(
                None,
                "Excellent foundation of consulting skills: analytical and written communication"
            )]
        );
        // After a sentence's end, or in capitals, the cue is a heading.
        assert_eq!(
            texts("We build data tools. Requirements: SQL"),
            [
                (None, "We build data tools."),
                (Some(Part::Requirements), "SQL")
            ]
        );
        assert_eq!(
            texts("We serve 3 million users Requirements: 5+ years of Go"),
            [
                (None, "We serve 3 million users"),
                (Some(Part::Requirements), "5+ years of Go")
            ]
        );
        assert_eq!(
            texts("The developer undertakes the following RESPONSIBILITIES: reporting"),
            [
                (None, "The developer undertakes the following"),
                (Some(Part::Duties), "reporting")
            ]
        );
    }

    #[test]
    fn a_heading_glued_to_the_item_before_it_opens_its_part() {
        // The line break before the heading was lost: the item keeps its own words, and what
        // follows the heading is the heading's part.
        assert_eq!(
            texts("为业务发展提供数据支持任职要求：熟悉Excel，SPSS"),
            [
                (None, "为业务发展提供数据支持"),
                (Some(Part::Requirements), "熟悉Excel，SPSS"),
            ]
        );
        assert_eq!(
            texts("控制项目进度，组织项目各项工作开展任职要求1、大学本科以上学历"),
            [
                (None, "控制项目进度，组织项目各项工作开展"),
                (Some(Part::Requirements), "1、大学本科以上学历"),
            ]
        );
        // Before a list number, a compound that may be what a duty works on is no heading.
        let duty = "负责招聘工作，梳理各部门的岗位要求2、发布招聘信息";
        assert!(texts(duty).iter().all(|(h, _)| h.is_none()), "{duty}");
        // A few words before the heading, after punctuation, are read with it as one heading
        // (`销售岗位职责：`), as before.
        assert_eq!(
            texts("负责销售；销售岗位职责：拜访客户")[1],
            (Some(Part::Duties), "拜访客户")
        );
        // A heading word ending a sentence is no glued heading: `要求` alone, or a compound
        // after punctuation (read as a heading of its own already).
        assert_eq!(glued_heading("完成领导的要求"), None);
        assert_eq!(glued_heading("任职要求"), None);
        assert_eq!(glued_heading("Python任职要求"), None);
    }

    #[test]
    fn one_line_51job_layout() {
        let line = "岗位职责：1、 负责数据平台规划；2、 参与需求调研；任职要求：1、本科以上学历；2、熟悉Hadoop";
        assert_eq!(
            texts(line),
            [
                (Some(Part::Duties), "1、 负责数据平台规划；"),
                (None, "2、 参与需求调研；"),
                (Some(Part::Requirements), "1、本科以上学历；"),
                (None, "2、熟悉Hadoop"),
            ]
        );
        let line = "岗位职责===========§ 负责平台架构的规划；§ 配合产品经理；任职要求：===========§ 精通Spark";
        let got = texts(line);
        assert_eq!(got[0].1, "岗位职责===========");
        assert_eq!(got[1], (None, "负责平台架构的规划；"));
        assert!(got.contains(&(Some(Part::Requirements), "===========")));
        assert_eq!(got.last().unwrap().1, "精通Spark");
        let line = "岗位职责从事后台开发；应聘资格要求1.掌握Java;2.了解MySQL";
        assert_eq!(
            texts(line),
            [
                (None, "岗位职责从事后台开发；"),
                (Some(Part::Requirements), "1.掌握Java;"),
                (None, "2.了解MySQL"),
            ]
        );
        // A figure after a Chinese word ends no heading: `公司规模近` had been read as a
        // company heading and dropped.
        assert_eq!(
            texts("熟悉Java；公司规模近1万人，总部在上海"),
            [
                (None, "熟悉Java；"),
                (Some(Part::Company), "公司规模近1万人，总部在上海")
            ]
        );
        assert_eq!(
            texts("4、要求一周到岗至少4天"),
            [
                (None, "4、"),
                (Some(Part::Requirements), "要求一周到岗至少4天")
            ]
        );
        assert_eq!(
            texts("具有良好的逻辑分析能力【薪资福利待遇】五险一金"),
            [
                (None, "具有良好的逻辑分析能力"),
                (Some(Part::Benefits), "五险一金"),
            ]
        );
        assert_eq!(
            texts("1、本科及以上学历2、熟练使用Excel3、有呼叫中心经验优先"),
            [
                (None, "1、本科及以上学历"),
                (None, "2、熟练使用Excel3、有呼叫中心经验优先")
            ]
        );
        assert_eq!(
            texts("3.有云平台使用和管理相关的经验4.精通Linux操作系统，版本2.0以上"),
            [
                (None, "3.有云平台使用和管理相关的经验"),
                (None, "4.精通Linux操作系统，版本2.0以上")
            ]
        );
        // After a full stop: the next item starts (a version's `2.4.` does not).
        assert_eq!(
            texts("3.将数据同步至Hbase.4.熟悉Hadoop、Spark；5.具有Python2.4.熟练经验"),
            [
                (None, "3.将数据同步至Hbase."),
                (None, "4.熟悉Hadoop、Spark；"),
                (None, "5.具有Python2.4.熟练经验")
            ]
        );
        let mut dashes = Vec::new();
        split_han_dashes(
            "负责客户端研发-负责架构改进-熟悉3-5年K8s-based",
            &mut |p| dashes.push(p),
        );
        assert_eq!(
            dashes,
            ["负责客户端研发", "负责架构改进", "熟悉3-5年K8s-based"]
        );
        // A figure after a verb is not a heading: "具有" is an item's phrasing.
        assert_eq!(
            texts("具有3年以上Go开发经验，熟悉Kafka"),
            [(None, "具有3年以上Go开发经验，熟悉Kafka")]
        );
    }

    #[test]
    fn one_scan_shape_agrees_with_searches() {
        for line in [
            "Requirements: Go",
            "岗位职责：负责",
            "【任职要求】熟悉",
            "§ 负责平台",
            "5+ years",
            "plain text",
            "ÿ§",
            "用户体验（UX）",
            "**Requirements**",
            "snake_case",
            "",
        ] {
            let s = Shape::of(line);
            assert_eq!(
                s.colon,
                line.contains(':') || line.contains('：') || line.contains('】'),
                "{line}"
            );
            assert_eq!(s.digit, line.bytes().any(|b| b.is_ascii_digit()), "{line}");
            assert_eq!(s.section, line.contains('§'), "{line}");
            assert_eq!(s.ascii, line.is_ascii(), "{line}");
            assert_eq!(s.emphasis, line.contains(['*', '_']), "{line}");
        }
    }

    #[test]
    fn word_tests_agree_with_bytes() {
        let samples: Vec<u64> = (0..=255u8)
            .flat_map(|b| {
                [
                    ONES * u64::from(b),
                    u64::from(b) << 56,
                    u64::from(b) | (0xFF << 8),
                    0x4142_4344_4546_4748 ^ (u64::from(b) << 24),
                ]
            })
            .collect();
        for w in samples {
            let bytes = w.to_le_bytes();
            assert_eq!(has_digit(w), bytes.iter().any(u8::is_ascii_digit), "{w:x}");
            for b in [b':', b'(', 0xEF, 0xE3] {
                assert_eq!(has_byte(w, b), bytes.contains(&b), "{w:x} {b:x}");
            }
        }
    }

    #[test]
    fn figures_are_not_list_numbers_and_prose_splits_at_sentences() {
        assert_eq!(number_starts("版本 3.5 以上"), Vec::<usize>::new());
        let p = "Acme is a leading platform for small businesses around the world. You will build the ingestion pipeline in Go and Kafka, and own its reliability. We offer medical, dental and vision coverage for you and your family members.";
        let mut got = Vec::new();
        split_sentences(p, &mut |s| got.push(s));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("You will build"));
    }

    #[test]
    fn an_item_that_adds_a_plus_after_a_dash_is_cut_there() {
        let item = "Strong analytical SQL skills with a keen eye for detail - experience with another analytical language is a bonus (e.g. R or Python)";
        assert_eq!(
            pieces(item),
            [
                (
                    None,
                    "Strong analytical SQL skills with a keen eye for detail"
                ),
                (
                    None,
                    "experience with another analytical language is a bonus (e.g. R or Python)"
                ),
            ]
        );
        // A dash inside what is asked stays: no clause after it says what is a plus.
        let item = "Experience with CI/CD - GitHub Actions, Jenkins";
        assert_eq!(pieces(item), [(None, item)]);
    }

    #[test]
    fn a_short_item_that_adds_a_preference_is_cut_at_its_sentences() {
        let item = "Bachelor's degree in a quantitative/CS major (e.g., mathematics, statistics). A Master's or PhD is a plus, but not required.";
        assert_eq!(
            texts(item),
            [
                (
                    None,
                    "Bachelor's degree in a quantitative/CS major (e.g., mathematics, statistics)."
                ),
                (None, "A Master's or PhD is a plus, but not required."),
            ]
        );
        // Sentences that do not change what is preferred stay one item.
        let one = "Experience with Kubernetes in production. Comfortable on call.";
        assert_eq!(texts(one), [(None, one)]);
    }

    #[test]
    fn an_english_item_that_asks_then_prefers_is_cut_before_the_preference() {
        for (item, asks, prefers) in [
            (
                "Experience with cloud platforms, preferably AWS",
                "Experience with cloud platforms",
                "preferably AWS",
            ),
            (
                "2+ years of Go, ideally 10+ years.",
                "2+ years of Go",
                "ideally 10+ years.",
            ),
            (
                "5+ years experience with game engines (ideally Bevy).",
                "5+ years experience with game engines",
                "(ideally Bevy).",
            ),
            (
                "Strong knowledge of OOP languages; Preferably C#",
                "Strong knowledge of OOP languages",
                "Preferably C#",
            ),
            (
                "You have hands-on experience with Kubernetes, Terraform and ideally a scripting language like Python.",
                "You have hands-on experience with Kubernetes, Terraform",
                "ideally a scripting language like Python.",
            ),
            (
                "Extensive expertise in Kubernetes, cloud infrastructure (AWS and GCP), and ideally databases",
                "Extensive expertise in Kubernetes, cloud infrastructure (AWS and GCP)",
                "ideally databases",
            ),
            (
                "Experience with Go - and ideally Rust",
                "Experience with Go",
                "ideally Rust",
            ),
        ] {
            assert_eq!(texts(item), [(None, asks), (None, prefers)], "{item}");
        }
        // A bracket inside the item, an item that opens with the word, prose whose first
        // part asks nothing, a word that only contains it: one item.
        for whole in [
            "Strong experience in IaC (preferably Terraform) on a cloud platform",
            "Ideally, you have shipped Rust in production.",
            "We are looking for an engineer, ideally with a background in FinTech, to join us.",
            "Experience with Kafka, unpreferably Confluent",
            "We are growing and ideally you join us soon.",
            // A choice: Rust in place of Go, which the choice's own reading weighs.
            "5+ years of experience with Go or ideally Rust",
        ] {
            assert_eq!(texts(whole), [(None, whole)], "{whole}");
        }
    }

    #[test]
    fn a_chinese_item_that_asks_then_prefers_is_cut_before_the_preference() {
        assert_eq!(
            texts("3年以上移动开发经验，有相似工作经验者优先；"),
            [
                (None, "3年以上移动开发经验"),
                (None, "有相似工作经验者优先；")
            ]
        );
        assert_eq!(
            texts("熟悉Go/Java/C/C++/Python等至少一门语言，有Go开发经验者优先；"),
            [
                (None, "熟悉Go/Java/C/C++/Python等至少一门语言"),
                (None, "有Go开发经验者优先；")
            ]
        );
        // A clause naming a thing to have asks on its own.
        assert_eq!(
            texts("有3年以上数据分析经验，有1年带领团队经验，有大型互联网公司数据分析经验优先。"),
            [
                (None, "有3年以上数据分析经验，有1年带领团队经验"),
                (None, "有大型互联网公司数据分析经验优先。")
            ]
        );
        // After the item's list number, and where the preferred clause would have read as a
        // heading on its own (`计算机等相关专业优先`, `会PHP加分`).
        assert_eq!(
            texts("①有Rust编程经验，会Elixir加分")[0],
            (None, "①有Rust编程经验")
        );
        assert_eq!(
            texts("1. 有GoLang编程经验，会PHP加分；"),
            [(None, "1. 有GoLang编程经验"), (None, "会PHP加分；")]
        );
        assert_eq!(
            texts("本科及以上学历，2年及以上前端工作经验，计算机等相关专业优先"),
            [
                (None, "本科及以上学历，2年及以上前端工作经验"),
                (None, "计算机等相关专业优先")
            ]
        );
        // A clause of its own (`有…者优先`) prefers only itself, after a list that is asked.
        assert_eq!(
            texts("熟悉kubernetes，docker，tensorflow等开源框架，有相关二次开发经验者优先；"),
            [
                (None, "熟悉kubernetes，docker，tensorflow等开源框架"),
                (None, "有相关二次开发经验者优先；")
            ]
        );
        // The preference covers a list (the clause before it asks nothing on its own), two
        // skills joined by a `,` or by a `，` between their names, or the item opens with it:
        // one item.
        for whole in [
            "全日制本科及以上学历，会计学，财务管理等相关专业毕业生优先；",
            "有大麦、猫眼、格瓦拉，摩天轮等票务平台经验者优先考虑。",
            "熟悉Docker,Kubernetes者优先。",
            "具备一定Go，Python开发能力优先",
            "熟悉MySQL、Redis、Mongo，Cassandra等数据库产品优先；",
            "有大型互联网公司经验者优先，熟悉Linux；",
        ] {
            assert_eq!(texts(whole), [(None, whole)], "{whole}");
        }
    }
}
