//! The tech-term lexicon: terms (and their aliases) that the analyzer keeps whole and maps to
//! one token per concept, found with one leftmost-longest Aho-Corasick pass.

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
    /// The canonical name of a broader concept (Helm → Kubernetes), for partial credit.
    pub broader: Option<String>,
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
                    .map(|b| b.trim())
                    .filter(|b| !b.is_empty())
                    .map(str::to_string),
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
                if let Some(b) = &c.broader {
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
        // Patterns are matched in ASCII lowercase against ASCII-lowercased text (same byte
        // offsets): a case-sensitive automaton is smaller and faster than a case-insensitive one.
        // A double-array automaton stepping a character at a time: built in a third of the
        // time of `aho-corasick`'s NFA (it is most of a cold `match`) and searched faster on
        // Chinese text, where a character is three bytes. Its values are pattern indexes.
        let lowered: Vec<(String, u32)> = patterns
            .iter()
            .zip(0u32..)
            .map(|((_, p), i)| (p.to_ascii_lowercase(), i))
            .collect();
        let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(lowered)
            .map(Automaton)
            .map_err(|e| LexiconError {
                line: 0,
                message: format!("the lexicon's automaton cannot be built: {e}"),
            })?;
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

    /// Finds protected terms in `text`, leftmost-longest, respecting word boundaries:
    /// `Java` is not found inside `JavaScript`, `Go` not inside `Google`. Short all-letter
    /// aliases written with capitals (`CV`, `HA`) must match case exactly, so a lowercase
    /// word is not read as an abbreviation.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let lower;
        let haystack: &str = if bytes.iter().any(u8::is_ascii_uppercase) {
            lower = text.to_ascii_lowercase();
            &lower
        } else {
            text
        };
        for m in self.automaton.0.leftmost_find_iter(haystack) {
            let (s, e) = (m.start(), m.end());
            let first = bytes[s];
            let last = bytes[e - 1];
            let before_ok = s == 0
                || !(first.is_ascii_alphanumeric() && is_word_byte(bytes[s - 1]))
                || (first.is_ascii_alphabetic() && is_magnitude(&bytes[..s]));
            let after_ok =
                e == bytes.len() || !(last.is_ascii_alphanumeric() && is_word_byte(bytes[e]));
            if !(before_ok && after_ok) {
                continue;
            }
            let (concept, pattern) = &self.patterns[m.value() as usize];
            if pattern.len() <= 3
                && pattern.bytes().all(|b| b.is_ascii_alphabetic())
                && pattern.bytes().any(|b| b.is_ascii_uppercase())
                && &text[s..e] != pattern.as_str()
            {
                continue;
            }
            out.push(TermMatch {
                start: s,
                end: e,
                concept: *concept,
            });
        }
        out
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

/// The compiled patterns (values: indexes into `Lexicon::patterns`).
#[derive(Clone)]
struct Automaton(CharwiseDoubleArrayAhoCorasick<u32>);

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Automaton({} bytes)", self.0.heap_bytes())
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the word bytes that `before` ends with are a number with at most one magnitude
/// letter ("60", "60w", "10k", "3M"): how Chinese résumés and postings state scale, glued to
/// the unit or metric that follows ("60wQPS", "10kTPS"). A term right after one is still a term.
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn a_term_after_a_number_with_a_magnitude_is_found() {
        let l = Lexicon::parse("QPS\tskill\t\n").unwrap();
        for text in [
            "60wQPS",
            "40w+QPS",
            "10kQPS",
            "5万QPS",
            "1.5WQPS",
            "300QPS",
            "峰值 3MQPS",
        ] {
            assert_eq!(l.find(text).len(), 1, "{text}");
        }
        // Only a number (with at most one magnitude letter) frees the term: a word does not.
        for text in ["xQPS", "v2QPS", "60wwQPS", "abc10kQPS", "_QPS"] {
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
    }

    /// Leftmost-longest by brute force: at each character, the longest pattern starting there.
    fn naive(patterns: &[String], text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let best = patterns
                .iter()
                .filter(|p| text[i..].starts_with(p.as_str()))
                .map(String::len)
                .max();
            match best {
                Some(n) => {
                    out.push((i, i + n));
                    i += n;
                }
                None => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    proptest::proptest! {
        /// The automaton finds exactly the leftmost-longest matches, on any characters (NUL,
        /// accented, Han, mixed widths) and any set of distinct patterns.
        #[test]
        fn the_automaton_is_leftmost_longest(
            patterns in proptest::collection::hash_set("[ab中é\\x00 ]{1,4}", 1..12),
            text in "[ab中é\\x00 c]{0,40}",
        ) {
            let patterns: Vec<String> = patterns.into_iter().collect();
            let tsv: String = patterns
                .iter()
                .enumerate()
                .map(|(i, p)| format!("c{i}\tskill\t{p}\n"))
                .collect();
            let lexicon = Lexicon::parse(&tsv).unwrap();
            // Canonical names (`c0`, `c1`…) are patterns too; no text here holds one.
            let all: Vec<String> = lexicon.patterns.iter().map(|(_, p)| p.clone()).collect();
            let got: Vec<(usize, usize)> = lexicon
                .automaton
                .0
                .leftmost_find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect();
            proptest::prop_assert_eq!(got, naive(&all, &text));
        }
    }

    #[test]
    fn builtin_parses() {
        assert!(Lexicon::builtin().concepts.len() > 100);
    }
}
