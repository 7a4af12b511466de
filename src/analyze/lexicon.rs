//! The tech-term lexicon: terms (and their aliases) that the analyzer keeps whole and maps to
//! one token per concept, found at word starts by their leading word (and in Chinese text by a
//! double-array automaton), the longest first.

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// The lexicon shipped with jdfit, embedded at build time.
pub const BUILTIN: &str = include_str!("../../corpus/lexicon/terms.tsv");

/// One concept: its canonical name, category and the token it becomes.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// Display name, e.g. `Kubernetes`.
    pub canonical: String,
    /// Category (`skill`, `tool`, `language`, `domain`, `soft`, `cert`, `degree`).
    pub category: String,
    /// The token text emitted for every alias: the canonical name lowercased.
    pub token: String,
    /// The canonical names of its broader concepts, for partial credit: first the kind of
    /// thing it is (Helm → Kubernetes, Kafka → message queue), then anything else it is part
    /// of (full stack → frontend, backend; Azure Functions → serverless, Azure). Empty when
    /// it has none.
    pub broader: Vec<String>,
}

/// Terms to protect, compiled into an automaton.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Concepts, indexed by `pattern_concept`.
    pub concepts: Vec<Concept>,
    /// For each automaton pattern: (concept index, the pattern as written).
    patterns: Vec<(usize, String)>,
    automaton: Automaton,
    /// The TSV it was built from (for index fingerprints).
    source: String,
}

/// A lexicon line that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A protected-term match in normalised text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermMatch {
    /// Byte start in the searched text.
    pub start: usize,
    /// Byte end in the searched text.
    pub end: usize,
    /// Concept index.
    pub concept: usize,
}

impl Lexicon {
    /// Parses the TSV format `canonical<TAB>category<TAB>alias|alias…[<TAB>broader]`; `#` starts
    /// a comment.
    pub fn parse(tsv: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::parse_with(tsv, true)
    }

    /// [`Lexicon::parse`]; with `whole` false the TSV is a part of a lexicon, whose broader
    /// concepts may be defined in another part, and they are not checked.
    fn parse_with(tsv: &str, whole: bool) -> Result<Lexicon, LexiconError> {
        let mut concepts = Vec::new();
        // The line of each concept, for errors found once all are read.
        let mut lines = Vec::new();
        let mut patterns = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError {
                line: n + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 2 || fields.len() > 4 {
                return Err(err(format!(
                    "expected `canonical<TAB>category<TAB>aliases[<TAB>broader]`, found {} field(s)",
                    fields.len()
                )));
            }
            let canonical = fields[0].trim();
            if canonical.is_empty() {
                return Err(err("empty canonical name".into()));
            }
            let category = fields[1].trim();
            if !CATEGORIES.contains(&category) {
                return Err(err(format!(
                    "unknown category `{category}` (one of {})",
                    CATEGORIES.join(", ")
                )));
            }
            let idx = concepts.len();
            lines.push(n + 1);
            concepts.push(Concept {
                canonical: canonical.to_string(),
                category: category.to_string(),
                token: canonical.to_lowercase(),
                broader: fields
                    .get(3)
                    .map_or("", |b| b.trim())
                    .split('|')
                    .map(str::trim)
                    .filter(|b| !b.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
            let aliases = fields.get(2).copied().unwrap_or("");
            for alias in std::iter::once(canonical).chain(aliases.split('|')) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let key = alias.to_lowercase();
                // A later duplicate is ignored: the first concept keeps the alias.
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, idx);
                patterns.push((idx, alias.to_string()));
            }
        }
        if whole {
            // A broader concept names a concept of the lexicon (by its canonical name, in any
            // case): a misspelt one would silently relate a term to nothing.
            let tokens: std::collections::HashSet<&str> =
                concepts.iter().map(|c| c.token.as_str()).collect();
            for (c, &line) in concepts.iter().zip(&lines) {
                for b in &c.broader {
                    if !tokens.contains(b.to_lowercase().as_str()) {
                        return Err(LexiconError {
                            line,
                            message: format!(
                                "unknown broader concept `{b}` (no concept has that canonical name)"
                            ),
                        });
                    }
                }
            }
        }
        let automaton = Automaton::build(&patterns)?;
        Ok(Lexicon {
            concepts,
            patterns,
            automaton,
            source: tsv.to_string(),
        })
    }

    /// The built-in lexicon extended by a user's TSV (same format). The user's concepts come
    /// first, so an alias the user defines wins over the built-in one; errors name lines of
    /// the user's file.
    pub fn with_user(user_tsv: &str) -> Result<Lexicon, LexiconError> {
        // Check the user's part alone first, for line numbers that point into their file;
        // its broader concepts may be built-in ones, checked in the whole (where the user's
        // lines come first, so their numbers are the file's).
        Lexicon::parse_with(user_tsv, false)?;
        Lexicon::parse(&format!("{user_tsv}\n{BUILTIN}"))
    }

    /// The TSV this lexicon was built from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The lexicon shipped with jdfit.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN).expect("built-in lexicon is valid (tested)")
    }

    /// Whether `pattern`, an alias of concept `c`, names it whatever its case beside Chinese:
    /// a language's or tool's name (`go`, `jvm`), or a skill's or domain's abbreviation of
    /// three letters (`rpc`, `qps`). Two letters are a unit or a command there as often
    /// (`500ml`, the shell's `cd`, Illustrator's `ai`), and a degree is never written so.
    fn names_beside_chinese(&self, c: usize, pattern: &str) -> bool {
        match self.concepts[c].category.as_str() {
            "language" | "tool" => true,
            "skill" | "domain" => pattern.len() >= 3,
            _ => false,
        }
    }

    /// Finds protected terms in `text`, leftmost-longest, respecting word boundaries:
    /// `Java` is not found inside `JavaScript`, `Go` not inside `Google`. Short all-letter
    /// aliases written with capitals (`CV`, `HA`) must match case exactly, so a lowercase
    /// word is not read as an abbreviation, except a name right beside Chinese (`或go编程`).
    ///
    /// A term starts where a word starts (or right after a number with at most one magnitude
    /// letter: "60wQPS"), at punctuation (".NET"), or anywhere in Chinese text; at each start
    /// the longest term that holds the whole word there is taken, and it must end at a word
    /// end. Text a term takes, kept or not, is not searched again.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        let b = text.as_bytes();
        let auto = &self.automaton;
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if !c.is_ascii() {
                // A stretch of non-ASCII text: Han terms may start anywhere in it.
                let j = b[i..]
                    .iter()
                    .position(u8::is_ascii)
                    .map_or(b.len(), |k| i + k);
                i = self.find_han(text, i, j, &mut out);
                continue;
            }
            if !is_word_byte(c) {
                if let Some(e) = self.take(text, i, &auto.punct[c as usize], &mut out) {
                    i = e;
                } else {
                    i += 1;
                }
                continue;
            }
            // A word: terms start at its start, or after a number and magnitude at its head.
            let run_start = i - b[..i]
                .iter()
                .rev()
                .take_while(|&&x| is_word_byte(x))
                .count();
            let r = b[i..]
                .iter()
                .position(|&x| !is_word_byte(x))
                .map_or(b.len(), |k| i + k);
            let [m1, m2] = magnitude_starts(&b[run_start..r]);
            let starts = [
                Some(run_start),
                m1.map(|k| run_start + k),
                m2.map(|k| run_start + k),
            ];
            let mut next = r;
            for s in starts.into_iter().flatten().filter(|&s| s >= i) {
                if let Some(list) = auto.word_candidates(&b[s..r]) {
                    if let Some(e) = self.take(text, s, list, &mut out) {
                        next = e;
                        break;
                    }
                }
            }
            i = next;
        }
        out
    }

    /// At `s`, the longest of `candidates` (longest first) written there: recorded when it
    /// ends at a word end and keeps its case rule. Returns where it ends, kept or not.
    fn take(
        &self,
        text: &str,
        s: usize,
        candidates: &[u32],
        out: &mut Vec<TermMatch>,
    ) -> Option<usize> {
        let b = text.as_bytes();
        let auto = &self.automaton;
        let p = candidates.iter().copied().find(|&p| {
            let (at, byte) = auto.probe[p as usize];
            let lowered = &auto.lowered[p as usize];
            b.get(s + at)
                .is_some_and(|x| x.to_ascii_lowercase() == byte)
                && b.get(s..s + lowered.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(lowered))
        })?;
        let (concept, pattern) = &self.patterns[p as usize];
        let e = s + pattern.len();
        let last = b[e - 1];
        let after_ok = e == b.len() || !(last.is_ascii_alphanumeric() && is_word_byte(b[e]));
        let case_ok = !(pattern.len() <= 3
            && pattern.bytes().all(|x| x.is_ascii_alphabetic())
            && pattern.bytes().any(|x| x.is_ascii_uppercase())
            && &b[s..e] != pattern.as_bytes())
            || (self.names_beside_chinese(*concept, pattern) && beside_chinese(text, s, e));
        if after_ok && case_ok {
            out.push(TermMatch {
                start: s,
                end: e,
                concept: *concept,
            });
        }
        Some(e)
    }

    /// Terms that start in the non-ASCII stretch `text[i..j]` (they may run on into the
    /// ASCII after it: "阿里云ACK"). Returns where scanning goes on.
    fn find_han(&self, text: &str, i: usize, j: usize, out: &mut Vec<TermMatch>) -> usize {
        let Some(han) = &self.automaton.han else {
            return j;
        };
        let b = text.as_bytes();
        let mut lim = (j + self.automaton.han_tail).min(b.len());
        while !text.is_char_boundary(lim) {
            lim += 1;
        }
        let lower;
        let hay: &str = if b[j..lim].iter().any(u8::is_ascii_uppercase) {
            lower = text[i..lim].to_ascii_lowercase();
            &lower
        } else {
            &text[i..lim]
        };
        let mut next = j;
        for m in han.leftmost_find_iter(hay) {
            let (s, e) = (i + m.start(), i + m.end());
            if s >= j {
                break;
            }
            next = next.max(e);
            let last = b[e - 1];
            if e < b.len() && last.is_ascii_alphanumeric() && is_word_byte(b[e]) {
                continue;
            }
            out.push(TermMatch {
                start: s,
                end: e,
                concept: self.patterns[m.value() as usize].0,
            });
        }
        next
    }
}

/// The categories a concept may have (what the analyzer and scoring know).
pub const CATEGORIES: &[&str] = &[
    "cert",
    "degree",
    "domain",
    "foundation",
    "language",
    "skill",
    "soft",
    "tool",
];

/// Whether the text at `s..e` stands right beside Chinese (a Han character or a full-width
/// or CJK punctuation mark): Chinese writing sets tools in any case (`精通Java或C++或go编程`,
/// `熟悉java、go`, `spring、boot、rpc等`), so there a short name written in lower case is still
/// the name (see [`Lexicon::names_beside_chinese`] for which).
fn beside_chinese(text: &str, s: usize, e: usize) -> bool {
    let chinese = |c: char| {
        crate::analyze::script::is_han(c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
    };
    text[..s].chars().next_back().is_some_and(chinese)
        || text[e..].chars().next().is_some_and(chinese)
}

/// The compiled patterns, matched in ASCII lowercase against text compared ignoring ASCII
/// case. A term that starts with a letter or digit can only start a word, so words are
/// looked up whole in a table (one hash per word, where a general multi-pattern automaton
/// steps through every byte and misses the cache on a table this size); only terms that
/// start with a Han (or other non-ASCII) character, which have no word starts to go by,
/// are searched with an automaton, and only in non-ASCII text.
#[derive(Clone)]
struct Automaton {
    /// Each pattern in ASCII lowercase, by pattern index.
    lowered: Vec<Box<[u8]>>,
    /// By pattern index, a byte that tells a pattern from the others of its leading word (the
    /// first of its second word, else its last), as (offset, lowercase byte): `take` checks
    /// it before comparing the whole pattern, since a common leading word ("data": 51
    /// patterns) is mostly followed by none of its phrases.
    probe: Vec<(usize, u8)>,
    /// The leading word of a pattern that starts with a word byte (`node` for `node.js`,
    /// `c` for `c++`) → its patterns, longest first.
    words: rustc_hash::FxHashMap<Box<[u8]>, Box<[u32]>>,
    /// The longest such leading word: a longer word in a text is no term's.
    max_word: usize,
    /// By first byte, the patterns that start with ASCII punctuation (`.net`), longest first.
    punct: Box<[Box<[u32]>]>,
    /// Patterns that start with a non-ASCII character (values: pattern indexes).
    han: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// How far, in bytes, a non-ASCII pattern reaches past its first ASCII byte (`阿里云ack`).
    han_tail: usize,
}

impl Automaton {
    fn build(patterns: &[(usize, String)]) -> Result<Automaton, LexiconError> {
        let lowered: Vec<Box<[u8]>> = patterns
            .iter()
            .map(|(_, p)| p.to_ascii_lowercase().into_bytes().into_boxed_slice())
            .collect();
        let probe = lowered
            .iter()
            .map(|p| {
                let word = p.iter().take_while(|&&x| is_word_byte(x)).count();
                let at = (word + 1).min(p.len() - 1);
                (at, p[at])
            })
            .collect();
        let mut words: rustc_hash::FxHashMap<Box<[u8]>, Vec<u32>> = Default::default();
        let mut punct: Vec<Vec<u32>> = vec![Vec::new(); 128];
        let mut han = Vec::new();
        let mut han_tail = 0;
        for (i, p) in (0u32..).zip(&lowered) {
            let first = p[0];
            if !first.is_ascii() {
                if let Some(k) = p.iter().position(u8::is_ascii) {
                    han_tail = han_tail.max(p.len() - k);
                }
                // Patterns come from a `&str`: still UTF-8 after ASCII lowercasing.
                han.push((String::from_utf8_lossy(p).into_owned(), i));
            } else if is_word_byte(first) {
                let n = p.iter().take_while(|&&x| is_word_byte(x)).count();
                words.entry(p[..n].into()).or_default().push(i);
            } else {
                punct[first as usize].push(i);
            }
        }
        let longest_first = |mut v: Vec<u32>| {
            v.sort_by_key(|&i| std::cmp::Reverse(lowered[i as usize].len()));
            v.into_boxed_slice()
        };
        let max_word = words.keys().map(|k| k.len()).max().unwrap_or(0);
        let words = words
            .into_iter()
            .map(|(k, v)| (k, longest_first(v)))
            .collect();
        let punct = punct.into_iter().map(longest_first).collect();
        let han = if han.is_empty() {
            None
        } else {
            // A double-array automaton stepping a character at a time: Chinese characters
            // are three bytes each.
            let built = CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build_with_values(han)
                .map_err(|e| LexiconError {
                    line: 0,
                    message: format!("the lexicon's automaton cannot be built: {e}"),
                })?;
            Some(built)
        };
        Ok(Automaton {
            lowered,
            probe,
            words,
            max_word,
            punct,
            han,
            han_tail,
        })
    }

    /// The patterns whose leading word is `word` (any ASCII case), longest first.
    fn word_candidates(&self, word: &[u8]) -> Option<&[u32]> {
        let mut buf = [0u8; 64];
        if word.len() > self.max_word || word.len() > buf.len() {
            return None;
        }
        let key = &mut buf[..word.len()];
        key.copy_from_slice(word);
        key.make_ascii_lowercase();
        self.words.get(&*key).map(|v| &**v)
    }
}

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Automaton({} leading words, {} non-ASCII states)",
            self.words.len(),
            self.han.as_ref().map_or(0, |h| h.num_states())
        )
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where in a word a term may start after a number with at most one magnitude letter ("60",
/// "60w", "10k", "3M"): how Chinese résumés and postings state scale, glued to the unit or
/// metric that follows ("60wQPS", "10kTPS"). The rest of the word is letters, as a unit is:
/// in "264838d3" (a hex id) no term starts after the digits.
fn magnitude_starts(word: &[u8]) -> [Option<usize>; 2] {
    let digits = word.iter().take_while(|x| x.is_ascii_digit()).count();
    if digits == 0 || digits == word.len() || !word[digits..].iter().all(u8::is_ascii_alphabetic) {
        return [None, None];
    }
    let unit = matches!(word[digits], b'w' | b'W' | b'k' | b'K' | b'm' | b'M');
    [
        Some(digits),
        (unit && digits + 1 < word.len()).then_some(digits + 1),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the word bytes that `before` ends with are a number with at most one magnitude
    /// letter ("60", "60w", "10k", "3M"): the spec's own reading, apart from `find`'s.
    fn is_magnitude(before: &[u8]) -> bool {
        let run = before
            .iter()
            .rev()
            .take_while(|&&b| is_word_byte(b))
            .count();
        let word = &before[before.len() - run..];
        let digits = match word.split_last() {
            Some((&b'w' | &b'W' | &b'k' | &b'K' | &b'm' | &b'M', rest)) => rest,
            _ => word,
        };
        !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
    }

    fn lex() -> Lexicon {
        Lexicon::parse("# test\nKubernetes\ttool\tK8s|k8s集群\nJava\tlanguage\t\nJavaScript\tlanguage\tJS\nC++\tlanguage\t\ncomputer vision\tdomain\tCV|计算机视觉\n").unwrap()
    }

    #[test]
    fn leftmost_longest_with_boundaries() {
        let l = lex();
        let text = "JavaScript and Java on K8s, c++ too; javax no";
        let found: Vec<_> = l
            .find(text)
            .iter()
            .map(|m| (&text[m.start..m.end], l.concepts[m.concept].token.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("JavaScript", "javascript"),
                ("Java", "java"),
                ("K8s", "kubernetes"),
                ("c++", "c++")
            ]
        );
    }

    #[test]
    fn short_capital_aliases_need_exact_case() {
        let l = lex();
        assert_eq!(l.find("CV models").len(), 1);
        assert_eq!(l.find("cv of mine").len(), 0);
        assert_eq!(l.find("负责K8S集群").len(), 1);
        // Beside Chinese, a short name in lower case is the name: `或go编程` is Go, `rpc等` RPC;
        // a two-letter abbreviation of a skill is not (`500ml`, the shell's `cd`).
        let l = Lexicon::parse(
            "Go\tlanguage\tGolang\nmachine learning\tskill\tML\ncontinuous deployment\tskill\tCD\nRPC\tskill\t\n",
        )
        .unwrap();
        assert_eq!(l.find("精通Java或C++或go编程").len(), 1);
        assert_eq!(l.find("熟悉java、go").len(), 1);
        assert_eq!(l.find("精通spring、boot、rpc等框架").len(), 1);
        assert_eq!(l.find("ready to go live").len(), 0);
        assert_eq!(l.find("负责500ml瓶装饮料").len(), 0);
        assert_eq!(l.find("熟悉ls、cd、grep等命令").len(), 0);
    }

    #[test]
    fn a_term_after_a_number_with_a_magnitude_is_found() {
        let l = Lexicon::parse("QPS\tskill\t\nD3.js\ttool\tD3\n").unwrap();
        for text in [
            "60wQPS",
            "40w+QPS",
            "10kQPS",
            "5万QPS",
            "1.5WQPS",
            "300QPS",
            "峰值 3MQPS",
            "D3 charts",
        ] {
            assert_eq!(l.find(text).len(), 1, "{text}");
        }
        // Only a number (with at most one magnitude letter) frees the term, and only when the
        // rest of the word is letters, as a unit is: a word or a hex id does not.
        for text in [
            "xQPS",
            "v2QPS",
            "60wwQPS",
            "abc10kQPS",
            "_QPS",
            "264838d3",
            "5QPS2",
        ] {
            assert_eq!(l.find(text).len(), 0, "{text}");
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        let e = Lexicon::parse("ok\ttool\n\tskill\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Lexicon::parse("a\tskill\tc\td\te\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = Lexicon::parse("ok\ttool\n# c\nFoo\tbogus\tfoo\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.starts_with("unknown category `bogus`"), "{e}");
        let e = Lexicon::parse("Helm\ttool\t\tKubernetez\nKubernetes\ttool\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.message.contains("unknown broader concept `Kubernetez`"),
            "{e}"
        );
        // A broader concept defined later, in another case, or built in is known.
        assert!(Lexicon::parse("Helm\ttool\t\tkubernetes\nKubernetes\ttool\n").is_ok());
        assert!(Lexicon::with_user("Kustomize\ttool\t\tKubernetes\n").is_ok());
        let e = Lexicon::with_user("# mine\nKustomize\ttool\t\tKubernetez\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        // Several broader concepts, the kind first; each must be known.
        let l = Lexicon::parse(
            "full stack\tskill\t\tfrontend | backend\nfrontend\tskill\nbackend\tskill\n",
        )
        .unwrap();
        assert_eq!(l.concepts[0].broader, ["frontend", "backend"]);
        assert!(l.concepts[1].broader.is_empty());
        let e =
            Lexicon::parse("full stack\tskill\t\tfrontend|backand\nfrontend\tskill\n").unwrap_err();
        assert!(
            e.message.contains("unknown broader concept `backand`"),
            "{e}"
        );
    }

    /// What `find` promises, by brute force over every position: a term starts at a word
    /// start, after a number with at most one magnitude letter (the rest of the word letters),
    /// at punctuation or at a
    /// non-ASCII character; the longest term written there (ASCII case ignored) that holds
    /// the whole word it starts takes its text, and is kept when it ends at a word end and
    /// keeps its case rule.
    fn spec(lexicon: &Lexicon, text: &str) -> Vec<(usize, usize, usize)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        for s in 0..b.len() {
            if s < pos || !text.is_char_boundary(s) {
                continue;
            }
            let c = b[s];
            let start = !is_word_byte(c)
                || s == 0
                || !is_word_byte(b[s - 1])
                || (is_magnitude(&b[..s])
                    && b[s..]
                        .iter()
                        .take_while(|&&x| is_word_byte(x))
                        .all(u8::is_ascii_alphabetic));
            if !start {
                continue;
            }
            let best = lexicon
                .patterns
                .iter()
                .filter(|(_, p)| {
                    let p = p.as_bytes();
                    let written = b
                        .get(s..s + p.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(p));
                    let word = p.iter().take_while(|&&x| is_word_byte(x)).count();
                    written && (word == 0 || b.get(s + word).is_none_or(|&x| !is_word_byte(x)))
                })
                .max_by_key(|(_, p)| p.len());
            let Some((concept, p)) = best else { continue };
            let e = s + p.len();
            pos = e;
            let last = b[e - 1];
            let after_ok = e == b.len() || !(last.is_ascii_alphanumeric() && is_word_byte(b[e]));
            let case_ok = !(p.len() <= 3
                && p.bytes().all(|x| x.is_ascii_alphabetic())
                && p.bytes().any(|x| x.is_ascii_uppercase())
                && &text[s..e] != p.as_str())
                || (lexicon.names_beside_chinese(*concept, p) && beside_chinese(text, s, e));
            if after_ok && case_ok {
                out.push((s, e, *concept));
            }
        }
        out
    }

    proptest::proptest! {
        /// `find` keeps its promise on any characters (NUL, accented, Han, digits and
        /// magnitudes, punctuation, both cases) and any set of distinct patterns.
        #[test]
        fn find_keeps_its_promise(
            patterns in proptest::collection::hash_set("[aAb1k.+_中é]{1,3}( [ab中])?", 1..12),
            noise in "[aAbBc1kw.+_中é\\x00 ]{0,40}",
            // Texts made of the patterns themselves, glued by bits of noise, in either case.
            pieces in proptest::collection::vec(("[ 1kwW._+中é]{0,2}", 0..12usize, proptest::bool::ANY), 0..8),
        ) {
            let listed: Vec<&String> = patterns.iter().collect();
            let mut text = noise;
            for (glue, k, upper) in pieces {
                let p = listed[k % listed.len()];
                text.push_str(&glue);
                text.push_str(&if upper { p.to_uppercase() } else { p.clone() });
            }
            let tsv: String = patterns
                .iter()
                .enumerate()
                .map(|(i, p)| format!("c{i}\tskill\t{p}\n"))
                .collect();
            let lexicon = Lexicon::parse(&tsv).unwrap();
            let got: Vec<(usize, usize, usize)> = lexicon
                .find(&text)
                .iter()
                .map(|m| (m.start, m.end, m.concept))
                .collect();
            proptest::prop_assert_eq!(got, spec(&lexicon, &text));
        }
    }

    #[test]
    fn builtin_parses() {
        assert!(Lexicon::builtin().concepts.len() > 100);
    }
}
