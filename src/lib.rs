//! jdfit matches a résumé against job postings and writes a tailored résumé for each:
//! locally, offline, deterministically, in Chinese, English and the mix of both.
//!
//! The pipeline is parse → analyze → index → score → tailor → render, one module each, with
//! the data that passes between them in [`model`]; [`pipeline`] composes the stages once for
//! every caller. The library never prints; the `jdfit` binary is a thin layer over it.
//! `docs/ARCHITECTURE.md` describes the layout.
//!
//! ```no_run
//! use jdfit::pipeline::{self, ResumeOptions};
//! use jdfit::{parse, render, tailor::TailorOptions};
//! use std::path::Path;
//!
//! let prepared = pipeline::prepare(Path::new("corpus/resume-zh.txt"), &ResumeOptions::default())?;
//! let text = parse::read_text(Path::new("jobs/en/en-01-senior-site-reliability-engineer.txt"))?;
//! let matched = pipeline::match_text(&prepared, &text, "en-01")?;
//! let tailored = pipeline::tailor(&prepared, &matched, &TailorOptions::default());
//! println!("{}\n{}", matched.report.score, render::markdown(&tailored));
//! # Ok::<(), jdfit::Error>(())
//! ```

pub mod analyze;
pub mod batch;
pub mod choice;
pub mod contain;
pub mod error;
pub mod index;
pub mod model;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod printable;
pub mod render;
pub mod score;
#[cfg(feature = "serve")]
pub mod serve;
pub mod tailor;

pub use error::{Error, Result};
