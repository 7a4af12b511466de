//! The analyzer registered as a Tantivy tokenizer. Tantivy clones tokenizers per segment
//! writer and searcher, so the analyzer (and the jieba dictionary it uses) sits behind an `Arc`.

use super::Analyzer;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name jdfit registers its tokenizer under.
pub const NAME: &str = "jdfit";

/// A Tantivy tokenizer over the shared analyzer.
#[derive(Clone, Debug)]
pub struct JdfitTokenizer {
    analyzer: Arc<Analyzer>,
    /// Reused between calls so tokenizing many documents does not reallocate.
    buffer: Vec<Token>,
}

impl JdfitTokenizer {
    /// Wraps `analyzer`.
    pub fn new(analyzer: Arc<Analyzer>) -> Self {
        JdfitTokenizer {
            analyzer,
            buffer: Vec::new(),
        }
    }
}

/// The tokens of one text, handed out one by one.
pub struct JdfitTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl Tokenizer for JdfitTokenizer {
    type TokenStream<'a> = JdfitTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JdfitTokenStream<'a> {
        self.buffer.clear();
        let buf = &mut self.buffer;
        self.analyzer.for_each_token(text, &mut |t| {
            let position = buf.len();
            buf.push(Token {
                offset_from: t.start,
                offset_to: t.end,
                position,
                text: t.text.to_string(),
                position_length: 1,
            });
        });
        JdfitTokenStream {
            tokens: &mut self.buffer,
            next: 0,
        }
    }
}

impl TokenStream for JdfitTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_tokens_with_positions() {
        let mut t = JdfitTokenizer::new(Analyzer::shared());
        let mut s = t.token_stream("熟悉Kubernetes运维");
        let mut seen = Vec::new();
        while s.advance() {
            seen.push((s.token().text.clone(), s.token().position));
        }
        assert_eq!(seen.first().map(|x| x.1), Some(0));
        assert!(seen.iter().any(|x| x.0 == "kubernetes"), "{seen:?}");
    }
}
