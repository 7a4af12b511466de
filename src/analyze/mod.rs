//! Analyze: one mixed-script analyzer for résumés and postings alike.
//!
//! Pipeline per text: fold full-width forms; find lexicon terms (leftmost-longest, whole words)
//! and emit each as its concept's token; split the rest by script; segment Han runs with
//! jieba; split Latin runs with a tech-aware word splitter; lowercase, drop stopwords and bare
//! numbers, stem English words. Every token carries byte offsets into the original text.

pub mod lexicon;
pub mod normalize;
pub mod script;
pub mod segment;
pub mod stopwords;
pub mod tokenizer;

use jieba_rs::Jieba;
use lexicon::Lexicon;
use normalize::Normalized;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use script::is_han;
use std::cell::Cell;
use std::sync::{Arc, LazyLock};

/// Bumped whenever analysis output or the index's fields change, so persisted indexes are
/// rebuilt.
pub const ANALYZER_VERSION: u32 = 14;

/// Longer Latin-script "words" are dropped.
pub const MAX_WORD_BYTES: usize = 64;

/// Distinct words cached per thread before the word cache starts over.
const WORD_CACHE_SIZE: usize = 200_000;

/// ASCII characters that belong to a run of letters and digits: alphanumerics and the
/// connectors a word run splits itself (`3.7`, `c++`, `c#`, `don't`, `ci/cd`, `e-mail`).
static WORDISH_ASCII: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric()
            || matches!(c, b'.' | b'_' | b'+' | b'#' | b'\'' | b'-' | b'/');
        b += 1;
    }
    t
};

/// The shared analyzer with the built-in lexicon.
static DEFAULT: LazyLock<Arc<Analyzer>> =
    LazyLock::new(|| Arc::new(Analyzer::new(Lexicon::builtin())));

/// Where a token came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A lexicon term (kept whole, never stemmed).
    Term,
    /// A Han word from jieba.
    Han,
    /// A Latin-script word (lowercased, stemmed when alphabetic).
    Word,
    /// A word of the lexicon term before it, read beside the term on a résumé
    /// ([`Analyzer::for_each_token_and_part`]).
    Part,
}

/// One analyzed token.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// The normalised term.
    pub text: String,
    /// Byte offset of the token's start in the original text.
    pub start: usize,
    /// Byte offset of the token's end in the original text.
    pub end: usize,
    /// Where it came from.
    pub kind: TokenKind,
}

/// What the word cache keeps of a raw word: its token (`None`: dropped) and the word's
/// [`TokenRef::memo`] slot.
type CachedWord = (Option<Box<str>>, Cell<u64>);

/// What the Han word cache keeps of a word jieba cut: the term in it as (bytes skipped,
/// bytes kept), `None` when it is none, and the word's [`TokenRef::memo`] slot.
type CachedHan = (Option<(usize, usize)>, Cell<u64>);

/// A token lent to a callback: the term text is borrowed, so analysing does not allocate
/// per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenRef<'a> {
    /// The normalised term.
    pub text: &'a str,
    /// Byte offset of the token's start in the original text.
    pub start: usize,
    /// Byte offset of the token's end in the original text.
    pub end: usize,
    /// Where it came from.
    pub kind: TokenKind,
    /// A slot kept with this word in the thread's word cache, the same for every
    /// occurrence of the word (`None` for tokens that do not come from it). A reader that
    /// looks each token up in a table of its own can memoise the answer here, tagged with
    /// its table, and skip the lookup when the word comes again: the table's hash probe
    /// misses the processor's cache on most words, this slot does not.
    pub memo: Option<&'a Cell<u64>>,
}

impl TokenRef<'_> {
    /// An owned copy.
    pub fn to_token(&self) -> Token {
        Token {
            text: self.text.to_string(),
            start: self.start,
            end: self.end,
            kind: self.kind,
        }
    }
}

/// Names one instance of a value that callers cache results of, so a cache built for one
/// analyzer (or background) is never read for another. A clone is another instance: it may
/// be changed apart from the original.
#[derive(Debug, PartialEq, Eq, Clone, Copy, Hash)]
pub(crate) struct InstanceId(u64);

impl InstanceId {
    /// An id no other instance in this process has.
    pub(crate) fn fresh() -> InstanceId {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        InstanceId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// The analyzer: lexicon, stopwords and stemmer. Cheap to share behind an `Arc`.
pub struct Analyzer {
    /// Which analyzer this is, for caches of what it says about a term.
    id: InstanceId,
    lexicon: Lexicon,
    stemmer: Stemmer,
    english_stop: HashSet<&'static str>,
    chinese_stop: HashSet<&'static str>,
    /// Tokens of words that are never a posting's skill (see [`Analyzer::is_generic`]).
    generic: HashSet<Box<str>>,
    /// Concept index by emitted token text.
    concept_by_token: HashMap<String, usize>,
    /// Token of a concept → tokens of its broader concepts, its kind first.
    broader: HashMap<String, Vec<String>>,
    /// Token of a concept → tokens of the concepts it is broader than.
    narrower: HashMap<String, Vec<String>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("concepts", &self.lexicon.concepts.len())
            .finish()
    }
}

impl Analyzer {
    /// Builds an analyzer over `lexicon`.
    pub fn new(lexicon: Lexicon) -> Analyzer {
        let concept_by_token = lexicon
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.token.clone(), i))
            .collect();
        let mut broader: HashMap<String, Vec<String>> = HashMap::default();
        let mut narrower: HashMap<String, Vec<String>> = HashMap::default();
        for c in &lexicon.concepts {
            for b in &c.broader {
                let b = b.to_lowercase();
                let of = broader.entry(c.token.clone()).or_default();
                if b != c.token && !of.contains(&b) {
                    narrower.entry(b.clone()).or_default().push(c.token.clone());
                    of.push(b);
                }
            }
        }
        let mut analyzer = Analyzer {
            id: InstanceId::fresh(),
            broader,
            narrower,
            concept_by_token,
            lexicon,
            stemmer: Stemmer::create(Algorithm::English),
            english_stop: stopwords::ENGLISH.iter().copied().collect(),
            chinese_stop: stopwords::CHINESE.iter().copied().collect(),
            generic: HashSet::default(),
        };
        // Listed as written; kept as the tokens they become (stemmed when English).
        let generic = [
            stopwords::SENIORITY_AND_TITLES,
            stopwords::REQUIREMENT_WORDS,
            stopwords::GENERAL_WORDS,
        ]
        .concat()
        .into_iter()
        .filter_map(|w| {
            if w.chars().any(is_han) {
                Some(w.into())
            } else {
                analyzer.resolve_word(w)
            }
        })
        .collect();
        analyzer.generic = generic;
        analyzer
    }

    /// Whether a plain token (not a lexicon concept) is never a posting's skill or
    /// requirement: a seniority or role-title word ("senior", "工程师"), a word that phrases
    /// requirements ("experience", "精通") or general vocabulary ("world", "提升"). The
    /// classes are listed in [`stopwords`].
    pub fn is_generic(&self, token: &str) -> bool {
        self.generic.contains(token)
    }

    /// The process-wide analyzer with the built-in lexicon.
    pub fn shared() -> Arc<Analyzer> {
        DEFAULT.clone()
    }

    /// Builds jieba's whole dictionary now, for work that segments many texts (a batch, the
    /// server). Without it, the first texts are segmented with the dictionary words they
    /// contain (the same words out, in a fraction of the time to first answer), and the whole
    /// dictionary is built once their volume makes that cheaper; see [`segment`].
    pub fn warm_up() {
        segment::Segmenter::global().warm_up();
    }

    /// The lexicon concept a token stands for, if any.
    pub fn concept(&self, token: &str) -> Option<&lexicon::Concept> {
        self.concept_by_token
            .get(token)
            .map(|&i| &self.lexicon.concepts[i])
    }

    /// Whether `text` names a concrete skill, tool, language or domain of the lexicon
    /// anywhere ("等消息队列" names message queues; "等相关组件" nothing).
    pub fn names_hard_skill(&self, text: &str) -> bool {
        let lex = self.lexicon();
        lex.find(text)
            .iter()
            .any(|m| self.is_hard_skill(&lex.concepts[m.concept].token))
    }

    /// Whether a token is a concrete skill, tool, language or domain (not a soft skill,
    /// degree or spoken language), which counts even when common across postings.
    pub fn is_hard_skill(&self, token: &str) -> bool {
        self.concept(token).is_some_and(|c| {
            matches!(
                c.category.as_str(),
                "skill" | "tool" | "language" | "domain"
            )
        })
    }

    /// The token of the kind of thing `token` is, its first broader concept (Helm →
    /// kubernetes), if any: concepts of one kind are siblings (Kafka and RocketMQ).
    pub fn broader(&self, token: &str) -> Option<&str> {
        self.broaders(token).first().map(String::as_str)
    }

    /// The tokens of every broader concept of `token`, its kind first (full stack →
    /// frontend, backend): it proves each of them in part, and each shows a little of it.
    pub fn broaders(&self, token: &str) -> &[String] {
        self.broader.get(token).map_or(&[], Vec::as_slice)
    }

    /// The broader concepts of `token` within `max` steps, each with the fewest steps that
    /// reach it: one step to the kind of thing a concept is, two to anything else it is part
    /// of, a weaker proof (a full-stack line shows less backend work than a backend line).
    pub fn ancestors(&self, token: &str, max: u32) -> Vec<(&str, u32)> {
        self.walk(token, max, |k| {
            self.broaders(k)
                .iter()
                .enumerate()
                .map(|(i, b)| (b.as_str(), if i == 0 { 1 } else { 2 }))
                .collect()
        })
    }

    /// The narrower concepts of `token` within `max` steps, as [`Analyzer::ancestors`]
    /// counts them.
    pub fn descendants(&self, token: &str, max: u32) -> Vec<(&str, u32)> {
        self.walk(token, max, |k| {
            self.narrower(k)
                .iter()
                .map(|n| {
                    let kind = self.broader(n) == Some(k);
                    (n.as_str(), if kind { 1 } else { 2 })
                })
                .collect()
        })
    }

    /// Concepts reached from `token` through `next` within `max` steps, each at its fewest
    /// steps, in the order first reached.
    fn walk<'a>(
        &'a self,
        token: &str,
        max: u32,
        next: impl Fn(&str) -> Vec<(&'a str, u32)>,
    ) -> Vec<(&'a str, u32)> {
        let mut out: Vec<(&'a str, u32)> = Vec::new();
        let mut frontier: Vec<(String, u32)> = vec![(token.to_string(), 0)];
        while let Some((k, at)) = frontier.pop() {
            for (c, step) in next(&k) {
                let n = at + step;
                if n > max || c == token {
                    continue;
                }
                match out.iter_mut().find(|(x, _)| *x == c) {
                    Some(e) if e.1 <= n => continue,
                    Some(e) => e.1 = n,
                    None => out.push((c, n)),
                }
                frontier.push((c.to_string(), n));
            }
        }
        out
    }

    /// The tokens of the concepts `token` is broader than (kubernetes → helm, …).
    pub fn narrower(&self, token: &str) -> &[String] {
        self.narrower.get(token).map_or(&[], Vec::as_slice)
    }

    /// Which analyzer this is (no two have the same id).
    pub(crate) fn instance(&self) -> InstanceId {
        self.id
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyzes `text` into tokens, in text order.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.for_each_token(text, &mut |t| out.push(t.to_token()));
        out
    }

    /// Analyzes `text` and calls `sink` for each token, in text order.
    pub fn for_each_token(&self, text: &str, sink: &mut dyn FnMut(TokenRef<'_>)) {
        let norm = Normalized::new(text);
        let t: &str = &norm.text;
        let mut pos = 0;
        for m in self.lexicon.find(t) {
            self.segment(t, pos, m.start, &norm, sink);
            sink(TokenRef {
                text: &self.lexicon.concepts[m.concept].token,
                start: norm.original(m.start),
                end: norm.original(m.end),
                kind: TokenKind::Term,
                memo: None,
            });
            pos = m.end;
        }
        self.segment(t, pos, t.len(), &norm, sink);
    }

    /// Splits `t[from..to]` (no lexicon terms inside) by script.
    fn segment(
        &self,
        t: &str,
        from: usize,
        to: usize,
        norm: &Normalized<'_>,
        sink: &mut dyn FnMut(TokenRef<'_>),
    ) {
        let s = &t[from..to];
        let mut run_start: Option<(usize, bool)> = None; // (start, is_han)
        let flush = |start: usize, end: usize, han: bool, sink: &mut dyn FnMut(TokenRef<'_>)| {
            if han {
                self.han_run(t, from + start, from + end, norm, sink);
            } else {
                self.word_run(t, from + start, from + end, norm, sink);
            }
        };
        for (i, c) in s.char_indices() {
            let class = if c.is_ascii() {
                // The common case: one table load, without Unicode tables.
                WORDISH_ASCII[c as usize].then_some(false)
            } else if is_han(c) {
                Some(true)
            } else if c.is_alphanumeric() || c == '’' {
                Some(false)
            } else {
                None
            };
            match (run_start, class) {
                (Some((_, h)), Some(k)) if h == k => {}
                (Some((st, h)), next) => {
                    flush(st, i, h, sink);
                    run_start = next.map(|k| (i, k));
                }
                (None, next) => run_start = next.map(|k| (i, k)),
            }
        }
        if let Some((st, h)) = run_start {
            flush(st, s.len(), h, sink);
        }
    }

    fn han_run(
        &self,
        t: &str,
        from: usize,
        to: usize,
        norm: &Normalized<'_>,
        sink: &mut dyn FnMut(TokenRef<'_>),
    ) {
        let run = &t[from..to];
        let dict = segment::Segmenter::global().for_run(run);
        // The term a word jieba cut at `byte_start` keeps ([`Self::han_word`]), as (its text,
        // its start in `t`).
        let place = |byte_start: usize, (skip, len): (usize, usize)| {
            let at = byte_start + skip;
            (&run[at..at + len], from + at)
        };
        let token = |w: jieba_rs::Token<'_>, dict: &Jieba| {
            self.han_word(w.word, dict)
                .map(|kept| place(w.byte_start, kept))
        };
        let emit = |(word, start): (&str, usize),
                    memo: Option<&Cell<u64>>,
                    sink: &mut dyn FnMut(TokenRef<'_>)| {
            sink(TokenRef {
                text: word,
                start: norm.original(start),
                end: norm.original(start + word.len()),
                kind: TokenKind::Han,
                memo,
            })
        };
        thread_local! {
            /// Word jieba cut → what of it is a term, as (bytes skipped, bytes kept), with
            /// its memo slot: as the word cache does for Latin words, the stopword check,
            /// the ungluing and the reader's term-id lookup run once per distinct word. What
            /// a word becomes depends on the word alone (the partial dictionary answers as
            /// the whole one does: `segment`'s tests).
            static HAN: std::cell::RefCell<HashMap<Box<str>, CachedHan>> =
                std::cell::RefCell::new(HashMap::default());
        }
        match dict {
            segment::Dictionary::Whole(j) => HAN.with(|cache| match cache.try_borrow_mut() {
                Ok(mut cache) => {
                    for w in j.cut(run, true) {
                        let mut emit_kept = |kept: Option<(usize, usize)>, memo: &Cell<u64>| {
                            if let Some(kept) = kept {
                                emit(place(w.byte_start, kept), Some(memo), sink);
                            }
                        };
                        if let Some((kept, memo)) = cache.get(w.word) {
                            emit_kept(*kept, memo);
                            continue;
                        }
                        if cache.len() >= WORD_CACHE_SIZE {
                            cache.clear();
                        }
                        let kept = self.han_word(w.word, j);
                        let (kept, memo) =
                            cache.entry(w.word.into()).or_insert((kept, Cell::new(0)));
                        emit_kept(*kept, memo);
                    }
                }
                // Analysis started from inside a sink on this thread: go without the cache.
                Err(_) => {
                    for w in j.cut(run, true) {
                        if let Some(t) = token(w, j) {
                            emit(t, None, sink);
                        }
                    }
                }
            }),
            // The partial dictionary is locked: release it before the sink runs.
            partial => {
                let words: Vec<_> = partial
                    .cut(run, true)
                    .into_iter()
                    .filter_map(|w| token(w, &partial))
                    .collect();
                drop(partial);
                for t in words {
                    emit(t, None, sink);
                }
            }
        }
    }

    /// The term in `word`, a word jieba cut, as (bytes skipped at its start, bytes kept), or
    /// `None` when it holds none.
    fn han_word(&self, word: &str, dict: &Jieba) -> Option<(usize, usize)> {
        // jieba's HMM can join a long run of unknown characters into one "word": like
        // runaway Latin words, it must never reach Tantivy's token length limit.
        if word.len() > MAX_WORD_BYTES || self.chinese_stop.contains(word) || is_years(word) {
            return None;
        }
        let (skip, kept) = unglue(word, dict)?;
        Some((skip, kept.len()))
    }

    /// Splits a run of letters, digits and connectors into words: `.` stays between two
    /// alphanumerics (`3.7`, `v1.2`), trailing `+`/`#` stay after a letter (`c++`, `f#`),
    /// everything else separates.
    fn word_run(
        &self,
        t: &str,
        from: usize,
        to: usize,
        norm: &Normalized<'_>,
        sink: &mut dyn FnMut(TokenRef<'_>),
    ) {
        let s = &t[from..to];
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let mut it = s.char_indices().peekable();
        while let Some((start, c)) = it.next() {
            if !word(c) {
                continue;
            }
            let (mut end, mut prev) = (start + c.len_utf8(), c);
            while let Some(&(j, d)) = it.peek() {
                if word(d) {
                    end = j + d.len_utf8();
                } else if d == '.' {
                    let mut look = it.clone();
                    look.next();
                    if !look.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
                        break;
                    }
                    end = j + 1;
                } else if (d == '+' || d == '#') && prev.is_alphabetic() {
                    // c++, c#, f#: take the run of + / # and stop.
                    while let Some(&(k, e)) = it.peek() {
                        if e != '+' && e != '#' {
                            break;
                        }
                        end = k + 1;
                        it.next();
                    }
                    break;
                } else {
                    break;
                }
                prev = d;
                it.next();
            }
            // Underscores around a word are emphasis (`_We are hiring_`), not part of it;
            // inside one they join an identifier (`snake_case`).
            let word = &s[start..end];
            let trimmed = word.trim_matches('_');
            if trimmed.is_empty() {
                continue;
            }
            let lead = word.len() - word.trim_start_matches('_').len();
            let (start, end) = (start + lead, start + lead + trimmed.len());
            if names_a_market_side(t, from + start, from + end) {
                continue;
            }
            self.emit_word(trimmed, from + start, from + end, norm, sink);
        }
    }

    fn emit_word(
        &self,
        w: &str,
        from: usize,
        to: usize,
        norm: &Normalized<'_>,
        sink: &mut dyn FnMut(TokenRef<'_>),
    ) {
        // Hashes, base64 and runaway strings are not words, and must never reach Tantivy's
        // token length limit.
        if w.len() > MAX_WORD_BYTES {
            return;
        }
        thread_local! {
            /// Raw word → its token (`None`: dropped). Postings repeat a small vocabulary, so
            /// lowercasing, stopword checks and Snowball run once per distinct word per thread.
            static WORDS: std::cell::RefCell<HashMap<Box<str>, CachedWord>> =
                std::cell::RefCell::new(HashMap::default());
        }
        let (start, end) = (norm.original(from), norm.original(to));
        let mut emit = |text: &str, memo: Option<&Cell<u64>>| {
            sink(TokenRef {
                text,
                start,
                end,
                kind: TokenKind::Word,
                memo,
            })
        };
        WORDS.with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => {
                if let Some((token, memo)) = cache.get(w) {
                    if let Some(token) = token.as_deref() {
                        emit(token, Some(memo));
                    }
                    return;
                }
                if cache.len() >= WORD_CACHE_SIZE {
                    cache.clear();
                }
                let resolved = self.resolve_word(w);
                let (token, memo) = cache.entry(w.into()).or_insert((resolved, Cell::new(0)));
                if let Some(token) = token.as_deref() {
                    emit(token, Some(memo));
                }
            }
            // Analysis started from inside a sink on this thread: go without the cache.
            Err(_) => {
                if let Some(token) = self.resolve_word(w) {
                    emit(&token, None);
                }
            }
        });
    }

    /// What a Latin-script word becomes: lowercased, dropped if a stopword, a bare number or
    /// a lone letter, stemmed when alphabetic and longer than three letters.
    fn resolve_word(&self, w: &str) -> Option<Box<str>> {
        let lower = w.to_lowercase();
        if self.english_stop.contains(lower.as_str()) {
            return None;
        }
        // Bare numbers ("2019", "3.7", "40") carry no skill; mixed ones ("p99", "ec2") do.
        if lower.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            return None;
        }
        let n = lower.chars().count();
        if n == 1 && lower != "c" && lower != "r" {
            return None;
        }
        if n > 3 && lower.bytes().all(|c| c.is_ascii_alphabetic()) {
            let stem = self.stemmer.stem(&lower);
            // A stem that is a concept's token stands for that concept only as its plural
            // ("Dockers"): "Electronic" stems to "electron", which is the Electron framework,
            // and had credited an electronics degree with a cross-platform tool.
            let plural = lower
                .strip_suffix('s')
                .is_some_and(|l| l == stem || l.strip_suffix('e') == Some(&*stem));
            if self.concept_by_token.contains_key(&*stem) && !plural {
                return Some(lower.into());
            }
            return Some(stem.into());
        }
        Some(lower.into())
    }

    /// The words a lexicon term is written with, as the analyzer reads words outside the
    /// lexicon: "流量调度" → 流量, 调度; "traffic scheduling" → traffic, schedul. Empty when
    /// the term is one word. A résumé that says traffic scheduling has said scheduling, as a
    /// search engine indexes a phrase's words beside the phrase.
    pub fn parts_of(&self, surface: &str, sink: &mut dyn FnMut(TokenRef<'_>)) {
        let norm = Normalized::new(surface);
        let t: &str = &norm.text;
        let mut parts: Vec<Token> = Vec::new();
        self.segment(t, 0, t.len(), &norm, &mut |tok| parts.push(tok.to_token()));
        if parts.len() < 2 {
            return;
        }
        for p in &parts {
            sink(TokenRef {
                text: &p.text,
                start: p.start,
                end: p.end,
                kind: p.kind,
                memo: None,
            });
        }
    }

    /// [`for_each_token`](Self::for_each_token), each lexicon term followed by its
    /// [parts](Self::parts_of) (offsets into `text`): how a résumé is read, so that what it
    /// says in a term it also says in the term's words.
    pub fn for_each_token_and_part(&self, text: &str, sink: &mut dyn FnMut(TokenRef<'_>)) {
        self.for_each_token(text, &mut |t| {
            sink(t);
            if t.kind == TokenKind::Term {
                self.parts_of(&text[t.start..t.end], &mut |p| {
                    sink(TokenRef {
                        start: t.start + p.start,
                        end: t.start + p.end,
                        kind: TokenKind::Part,
                        ..p
                    })
                });
            }
        });
    }

    /// The distinct terms of `text`, with the parts of its lexicon terms
    /// ([`for_each_token_and_part`](Self::for_each_token_and_part)): a résumé text's terms.
    pub fn resume_term_set(&self, text: &str) -> HashSet<String> {
        let mut out = HashSet::default();
        self.for_each_token_and_part(text, &mut |t| {
            if !out.contains(t.text) {
                out.insert(t.text.to_string());
            }
        });
        out
    }

    /// The distinct terms of `text`.
    pub fn term_set(&self, text: &str) -> HashSet<String> {
        let mut out = HashSet::default();
        self.for_each_token(text, &mut |t| {
            if !out.contains(t.text) {
                out.insert(t.text.to_string());
            }
        });
        out
    }
}

/// Whether the word at `start..end` of `t` is a lone B, C or G naming the customers a
/// product serves, as Chinese postings do ("C端运营", "B 端客户", "To C 业务": consumers,
/// businesses, government), not the C language.
fn names_a_market_side(t: &str, start: usize, end: usize) -> bool {
    if end != start + 1 || !matches!(t.as_bytes()[start] | 0x20, b'b' | b'c' | b'g') {
        return false;
    }
    let after = &t[end..];
    let after = after.strip_prefix(' ').unwrap_or(after);
    if after.starts_with('端') {
        return true;
    }
    // "To C" before Chinese text: in English "to C" is followed by English.
    let before = t[..start].trim_end_matches(' ');
    let to = before.len() >= 2
        && before.as_bytes()[before.len() - 2..].eq_ignore_ascii_case(b"to")
        && (before.len() == 2 || !before.as_bytes()[before.len() - 3].is_ascii_alphanumeric());
    to && after.starts_with(is_han)
}

/// Characters that, glued by jieba to the edge of a word, make a fragment of a phrase rather
/// than a word: prepositions, conjunctions, particles and degree adverbs ("对系统" is 对 +
/// 系统, "从满" is 从 + 满…).
const GLUE: &[char] = &[
    '对', '从', '在', '中', '的', '和', '与', '及', '或', '并', '把', '被', '将', '向', '于', '由',
    '为', '给', '让', '了', '地', '得', '着', '也', '都', '就', '还', '又', '很', '更', '最', '是',
    '有', '能',
];

/// Coordinating and prepositional characters that never begin a dictionary compound they
/// are glued to: "对系统", "或硬件" (unlike 中, 最: "中间层", "最大化" are words).
const LEADING_GLUE: &[char] = &['对', '或', '和', '与', '及', '并', '把', '被'];

/// A number of years written in Chinese numerals (五年, 十五年, 两年, 多年, 半年): how long a
/// posting asks or a résumé tells, read by the experience check, never a skill.
fn is_years(w: &str) -> bool {
    w.strip_suffix('年').is_some_and(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| "零一二三四五六七八九十百两几数多半".contains(c))
    })
}

/// A jieba token unglued from the function character at its edge, as (bytes skipped at the
/// start, the word), or `None` when nothing of it is a word. Two cases: a "word" jieba's HMM
/// guessed (not in its dictionary) that begins or ends with a function character is a
/// fragment of a phrase ("从满", "中理出", "很强"): the rest is kept only when it is a
/// dictionary word of two characters or more ("对主站" → "主站"). A dictionary entry that is a
/// coordinating or prepositional character before a word ("对系统") is that word.
fn unglue<'w>(w: &'w str, dict: &Jieba) -> Option<(usize, &'w str)> {
    let mut chars = w.chars();
    let (first, last) = (chars.next()?, chars.next_back()?);
    if !GLUE.contains(&first) && !GLUE.contains(&last) {
        return Some((0, w));
    }
    if !dict.has_word(w) {
        let s = w.trim_start_matches(GLUE);
        let skip = w.len() - s.len();
        let s = s.trim_end_matches(GLUE);
        return (s.chars().count() >= 2 && dict.has_word(s)).then_some((skip, s));
    }
    if LEADING_GLUE.contains(&first) && w.chars().count() >= 3 {
        let tail = &w[first.len_utf8()..];
        if dict.has_word(tail) {
            return Some((first.len_utf8(), tail));
        }
    }
    Some((0, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        let a = Analyzer::new(Lexicon::parse("Kubernetes\ttool\tK8s\nC++\tlanguage\t\nNode.js\ttool\tNodeJS\nCI/CD\tskill\tCICD\nA/B test\tskill\tA/B testing|A/BTest\nTCP/IP\tskill\t\ngRPC\ttool\t\nmachine learning\tdomain\t机器学习|ML\n").unwrap());
        a.analyze(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn word_splitting_and_stemming() {
        assert_eq!(
            terms("Managing the deployments, p99 latency in 2019!"),
            ["manag", "deploy", "p99", "latenc"]
        );
        assert_eq!(
            terms("c# and f# v1.2 3.7 e.g. full-stack"),
            ["c#", "f#", "v1.2", "full", "stack"]
        );
    }

    #[test]
    fn each_cached_word_carries_one_memo_slot() {
        // Han words are cached once the whole dictionary is in use (a batch's case; the
        // first texts of a run, read with the partial one, are too few to matter).
        Analyzer::warm_up();
        let a = Analyzer::shared();
        let mut memos: Vec<(String, *const Cell<u64>)> = Vec::new();
        a.for_each_token(
            "Deploys deploys Deploys 维护 Kubernetes 维护",
            &mut |t| {
                if let Some(m) = t.memo {
                    memos.push((t.text.to_string(), m as *const _));
                }
            },
        );
        // The three words and the two Han words, each from a word cache; a term has none.
        let texts: Vec<&str> = memos.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(texts, ["deploy", "deploy", "deploy", "维护", "维护"]);
        // The same word, written the same way, meets the same slot; written otherwise it
        // is another cache entry, with a slot of its own (its token is the same).
        assert_eq!(memos[0].1, memos[2].1);
        assert_ne!(memos[0].1, memos[1].1);
        assert_eq!(memos[3].1, memos[4].1);
        assert_ne!(memos[0].1, memos[3].1);
    }

    /// The Han words the shared analyzer takes from `s`.
    fn han(s: &str) -> Vec<String> {
        Analyzer::shared()
            .analyze(s)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Han)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn a_market_side_is_not_the_c_language() {
        let words = |s: &str| {
            Analyzer::shared()
                .analyze(s)
                .into_iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
        };
        for line in [
            "做过C端运营",
            "有 C 端分析经验",
            "面向B端客户",
            "G端项目交付",
            "To C 业务",
            "深耕to B产品",
        ] {
            let toks = words(line);
            assert!(
                !toks.iter().any(|t| ["b", "c", "g"].contains(&t.as_str())),
                "{line}: {toks:?}"
            );
        }
        // The language itself stays, in Chinese and English text alike.
        for line in [
            "熟悉 C 和 Python",
            "C、Go 或 Rust",
            "bindings to C and Rust",
        ] {
            assert!(words(line).contains(&"c".to_string()), "{line}");
        }
    }

    #[test]
    fn counts_of_years_are_not_terms() {
        for line in [
            "五年以上大数据运维经验",
            "三年及以上Java开发经验",
            "十五年从业经验",
            "多年运维经验",
        ] {
            let toks = han(line);
            assert!(toks.iter().all(|t| !t.ends_with('年')), "{line}: {toks:?}");
            assert!(toks.contains(&"经验".to_string()), "{line}: {toks:?}");
        }
        assert!(is_years("两年") && is_years("半年") && is_years("十五年"));
        assert!(!is_years("年") && !is_years("今年") && !is_years("每年") && !is_years("青年"));
    }

    #[test]
    fn a_stem_is_a_concept_only_as_its_plural() {
        let a = Analyzer::shared();
        let texts = |t: &str| a.analyze(t).into_iter().map(|t| t.text).collect::<Vec<_>>();
        // "Electronic" stems to "electron", the Electron framework's token: it stays a word.
        let degree = texts("Electronic and Information Engineering, electronics");
        assert!(!degree.contains(&"electron".to_string()), "{degree:?}");
        assert!(degree.contains(&"electronic".to_string()), "{degree:?}");
        // A plural of a tool's name is the tool.
        assert!(texts("ran the dockers").contains(&"docker".to_string()));
        // An electrical transformer is no deep-learning architecture; the architecture is
        // named so.
        assert!(a.concept("transformer").is_none());
        let test = texts("Type tests on power transformers");
        assert!(!test.iter().any(|t| a.concept(t).is_some()), "{test:?}");
        let ml = texts("Fine-tuned Transformer models and Hugging Face Transformers");
        assert!(
            ml.contains(&"transformer architecture".to_string()),
            "{ml:?}"
        );
    }

    #[test]
    fn jieba_fragments_are_unglued() {
        let a = Analyzer::shared();
        // 对系统 is one dictionary entry; it is the word 系统.
        let toks = han("对系统进行优化");
        assert!(toks.contains(&"系统".to_string()), "{toks:?}");
        assert!(!toks.iter().any(|t| t.starts_with('对')), "{toks:?}");
        // Words that begin with such a character stay whole.
        let unglue = |w| unglue(w, segment::Segmenter::global().warm_up());
        assert_eq!(unglue("中间层"), Some((0, "中间层")));
        assert_eq!(unglue("对象"), Some((0, "对象")));
        // Guessed words glued to a particle are dropped, or keep their dictionary word.
        assert_eq!(unglue("从满"), None);
        assert_eq!(unglue("很强"), None);
        assert_eq!(unglue("对主站"), Some(("对".len(), "主站")));
        // Offsets follow the unglued word.
        let src = "熟悉对系统";
        let t = a.analyze(src);
        let last = t.last().unwrap();
        assert_eq!(&src[last.start..last.end], "系统");
    }

    #[test]
    fn emphasis_underscores_are_not_part_of_words() {
        assert_eq!(terms("_We are hiring_ snake_case"), ["hire", "snake_case"]);
    }

    #[test]
    fn generic_words_are_known_by_their_tokens() {
        let a = Analyzer::shared();
        for w in [
            "Senior",
            "Engineers",
            "experience",
            "world",
            "精通",
            "工程师",
            "提升",
        ] {
            let t = a.analyze(w);
            assert_eq!(t.len(), 1, "{w}");
            assert!(a.is_generic(&t[0].text), "{w} → {}", t[0].text);
        }
        for w in ["Kafka", "latency", "分布式", "监控", "容器"] {
            let t = a.analyze(w);
            assert!(!a.is_generic(&t[0].text), "{w} → {}", t[0].text);
        }
    }

    #[test]
    fn a_terms_parts_are_the_words_it_is_written_with() {
        let a = Analyzer::shared();
        fn parts<'s>(a: &Analyzer, s: &'s str) -> Vec<(String, &'s str)> {
            let mut out = Vec::new();
            a.parts_of(s, &mut |t| {
                out.push((t.text.to_string(), &s[t.start..t.end]))
            });
            out
        }
        let parts = |s: &'static str| parts(&a, s);
        // Both are lexicon terms, read whole by `analyze`.
        assert_eq!(a.analyze("流量调度").len(), 1);
        assert_eq!(
            parts("流量调度"),
            [("流量".to_string(), "流量"), ("调度".to_string(), "调度")]
        );
        assert_eq!(
            parts("traffic scheduling"),
            [
                ("traffic".to_string(), "traffic"),
                ("schedul".to_string(), "scheduling")
            ]
        );
        // A term of one word has no parts.
        assert!(parts("Kubernetes").is_empty());
        assert!(parts("调度").is_empty());
    }

    #[test]
    fn offsets_point_at_the_original() {
        let a = Analyzer::shared();
        let src = "负责ｋ８ｓ集群，p99 latency";
        for t in a.analyze(src) {
            assert!(src.is_char_boundary(t.start) && src.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
        let toks = terms("熟悉K8s集群");
        assert!(toks.contains(&"kubernetes".to_string()), "{toks:?}");
    }
}
