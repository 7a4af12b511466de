//! Render: résumés as Markdown, plain text, JSON, JSON Resume, HTML or DOCX; match reports
//! as text, JSON or HTML; how a posting is read as text or JSON; batch rankings as a table,
//! CSV or JSON. Formatting only: what is shown was decided by scoring and tailoring.

mod batch;
pub mod docx;
pub mod html;
pub mod jsonresume;
mod posting;
mod report;
mod resume;
mod view;

use crate::choice::choices;

pub use batch::{batch, table as batch_table, write as write_batch};
pub use html::Highlights;
pub use posting::{posting_reading, posting_reading_text_styled};
pub use report::{explanation, report, report_text, report_text_styled, Tone};
pub use resume::{markdown, resume_file, text};
pub use view::resume_view;

/// Output formats for a (tailored) résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeFormat {
    /// Markdown in jdfit's convention (reads back in as the same résumé).
    Md,
    /// The résumé model as JSON, with bullet ids.
    Json,
    /// Plain text.
    Txt,
    /// JSON Resume (jsonresume.org schema), for résumé themes and tools.
    Jsonresume,
    /// One self-contained HTML page, printable, with matched terms highlighted on screen.
    Html,
    /// A Word document.
    Docx,
}

choices!(ResumeFormat {
    Md => ("md", "Markdown in jdfit's convention (reads back in as the same résumé)"),
    Json => ("json", "The résumé model as JSON, with bullet ids"),
    Txt => ("txt", "Plain text"),
    Jsonresume => ("jsonresume", "JSON Resume (jsonresume.org schema), for résumé themes and tools"),
    Html => ("html", "One self-contained HTML page, printable, with matched terms highlighted on screen"),
    Docx => ("docx", "A Word document"),
});

impl ResumeFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ResumeFormat::Md => "md",
            ResumeFormat::Json | ResumeFormat::Jsonresume => "json",
            ResumeFormat::Txt => "txt",
            ResumeFormat::Html => "html",
            ResumeFormat::Docx => "docx",
        }
    }

    /// The media type.
    pub fn content_type(self) -> &'static str {
        match self {
            ResumeFormat::Md => "text/markdown; charset=utf-8",
            ResumeFormat::Json | ResumeFormat::Jsonresume => "application/json",
            ResumeFormat::Txt => "text/plain; charset=utf-8",
            ResumeFormat::Html => "text/html; charset=utf-8",
            ResumeFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == ResumeFormat::Docx
    }
}

/// Output formats for a match report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// One JSON object.
    Json,
    /// One self-contained HTML page.
    Html,
}

choices!(ReportFormat {
    Text => ("text", "Human-readable text"),
    Json => ("json", "One JSON object"),
    Html => ("html", "One self-contained HTML page"),
});

/// Output formats for the reading of a posting (`jdfit posting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingFormat {
    /// Aligned text for people.
    Text,
    /// JSON: one object per posting (an array for several).
    Json,
}

choices!(PostingFormat {
    Text => ("text", "Aligned text for people"),
    Json => ("json", "JSON: one object per posting (an array for several)"),
});

/// Output formats for the view of a résumé as read (`jdfit resume`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewFormat {
    /// Aligned text for people.
    Text,
    /// One JSON object: the résumé's fields, sections, entries and bullets, and warnings.
    Json,
}

choices!(ViewFormat {
    Text => ("text", "Aligned text for people"),
    Json => ("json", "One JSON object: fields, sections, entries, bullets with ids, warnings"),
});

/// Output formats for batch rankings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// An aligned table for people.
    Table,
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
}

choices!(BatchFormat {
    Table => ("table", "An aligned table for people"),
    Csv => ("csv", "CSV with a header row"),
    Jsonl => ("jsonl", "One JSON object per line"),
    Json => ("json", "One JSON array"),
});
