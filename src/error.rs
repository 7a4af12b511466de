//! Typed errors of the library. The binary adds context (which file) at the edge.

use std::path::PathBuf;

/// Everything that can go wrong inside jdfit's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Input that is not valid UTF-8 text (binary files, other encodings).
    #[error("{path}: not UTF-8 text ({detail})")]
    NotText {
        /// The file involved (`-` for standard input).
        path: PathBuf,
        /// What was found.
        detail: String,
    },
    /// A résumé or posting that could be read but not understood.
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        /// The file involved.
        path: PathBuf,
        /// 1-based line number, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A CSV export whose header names none of the columns the posting text may be in.
    #[error("{path}:1: no `{}` column in the header ({})", wanted.join("` or `"), header_list(found))]
    NoTextColumn {
        /// The file involved.
        path: PathBuf,
        /// The columns looked for.
        wanted: Vec<String>,
        /// The columns the header has.
        found: Vec<String>,
    },
    /// An invalid combination of options or values.
    #[error("{0}")]
    Usage(String),
    /// The search index failed.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// An output could not be produced (for example a DOCX package).
    #[error("{0}")]
    Render(String),
    /// A persisted index directory could not be opened.
    #[error("index directory {path}: {message}")]
    IndexDir {
        /// The directory involved.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// What a CSV header holds, for [`Error::NoTextColumn`]: its first columns, or that it is empty.
fn header_list(found: &[String]) -> String {
    if found.iter().all(|h| h.trim().is_empty()) {
        return "the file is empty: no header row".into();
    }
    let shown: Vec<String> = found.iter().take(12).map(|h| format!("`{h}`")).collect();
    format!("it has {}", shown.join(", "))
}

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Builds a parse error for `path`, optionally at a 1-based `line`.
    pub fn parse(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Error::Parse {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_without_a_header_says_so() {
        let e = |found: &[&str]| {
            Error::NoTextColumn {
                path: "a.csv".into(),
                wanted: vec!["text".into()],
                found: found.iter().map(|s| s.to_string()).collect(),
            }
            .to_string()
        };
        assert_eq!(
            e(&[]),
            "a.csv:1: no `text` column in the header (the file is empty: no header row)"
        );
        assert_eq!(
            e(&["id", "body"]),
            "a.csv:1: no `text` column in the header (it has `id`, `body`)"
        );
    }
}
