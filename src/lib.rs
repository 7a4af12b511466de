//! jdfit matches a résumé against job postings and writes a tailored résumé for each:
//! locally, offline, deterministically, in Chinese, English and the mix of both.
//!
//! The pipeline is parse → analyze → index → score → tailor → render, one module each.
//! The library never prints; the `jdfit` binary is a thin layer over it.
//!
//! ```no_run
//! use jdfit::{parse, prepare, tailor, render};
//! use std::path::Path;
//!
//! let matcher = prepare(Path::new("corpus/resume-zh.txt"), None, None)?;
//! let text = parse::read_text(Path::new("jobs/en/en-01-senior-site-reliability-engineer.txt"))?;
//! let posting = parse::posting::parse(&text);
//! let report = matcher.score(&posting, "en-01")?;
//! let tailored = tailor::tailor(&matcher.resume, &report, &tailor::TailorOptions::default());
//! println!("{}\n{}", report.score, render::markdown(&tailored));
//! # Ok::<(), jdfit::Error>(())
//! ```

pub mod analyze;
pub mod batch;
pub mod checks;
pub mod error;
pub mod eval;
pub mod index;
pub mod model;
pub mod output;
pub mod parse;
pub mod render;
pub mod score;
pub mod serve;
pub mod tailor;

pub use error::{Error, Result};

use analyze::Analyzer;
use index::{BulletIndex, IndexMeta};
use parse::ResumeFormat;
use score::Matcher;
use std::path::Path;
use std::sync::Arc;

/// Index metadata for the résumé at `path` with text `text`, analysed by `analyzer`.
pub fn index_meta(path: &Path, text: &str, bullets: usize, analyzer: &Analyzer) -> IndexMeta {
    IndexMeta {
        content_hash: index::content_hash(text, analyzer),
        resume_path: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        bullets,
    }
}

/// Reads, parses, analyzes and indexes a résumé, ready to score postings, with the shared
/// analyzer (built-in lexicon).
///
/// With `index_dir`, a persisted index there is reused when it was built from this résumé
/// with the same content, and rebuilt there when this résumé changed; otherwise the index is
/// built in RAM.
pub fn prepare(
    resume_path: &Path,
    format: Option<ResumeFormat>,
    index_dir: Option<&Path>,
) -> Result<Matcher> {
    prepare_with(resume_path, format, index_dir, Analyzer::shared())
}

/// [`prepare`] with a given analyzer (for example one with a user lexicon).
pub fn prepare_with(
    resume_path: &Path,
    format: Option<ResumeFormat>,
    index_dir: Option<&Path>,
    analyzer: Arc<Analyzer>,
) -> Result<Matcher> {
    let text = parse::read_text(resume_path)?;
    prepare_text(resume_path, &text, format, index_dir, analyzer)
}

/// [`prepare_with`] for a résumé already read: `text` is the content of `resume_path`.
pub fn prepare_text(
    resume_path: &Path,
    text: &str,
    format: Option<ResumeFormat>,
    index_dir: Option<&Path>,
    analyzer: Arc<Analyzer>,
) -> Result<Matcher> {
    let resume = parse::parse_resume(resume_path, text, format)?;
    let index = match index_dir {
        Some(dir) => {
            let meta = index_meta(resume_path, text, resume.leaves().len(), &analyzer);
            BulletIndex::open_or_build(&resume, &meta, dir, &analyzer)?
        }
        None => BulletIndex::in_ram(&resume, &analyzer)?,
    };
    Ok(Matcher::new(resume, index, analyzer))
}

/// Builds and persists the index of a résumé in `dir`, replacing an earlier jdfit index.
pub fn build_index(
    resume_path: &Path,
    format: Option<ResumeFormat>,
    dir: &Path,
    analyzer: &Arc<Analyzer>,
) -> Result<IndexMeta> {
    let text = parse::read_text(resume_path)?;
    let resume = parse::parse_resume(resume_path, &text, format)?;
    let meta = index_meta(resume_path, &text, resume.leaves().len(), analyzer);
    BulletIndex::persist(&resume, &meta, dir, analyzer)?;
    Ok(meta)
}

/// An analyzer with the built-in lexicon extended by the user lexicon at `path`.
pub fn analyzer_with_lexicon(path: &Path) -> Result<Arc<Analyzer>> {
    let tsv = parse::read_text(path)?;
    let lexicon = analyze::lexicon::Lexicon::with_user(&tsv)
        .map_err(|e| Error::parse(path, (e.line > 0).then_some(e.line), e.message))?;
    Ok(Arc::new(Analyzer::new(lexicon)))
}
