//! Built options: what the library takes, made from the raw arguments and the environment
//! (`JDFIT_AS_OF`, `JDFIT_INDEX_DIR`, `NO_COLOR` and whether a stream is a terminal). Only
//! the binary reads the environment.

use super::args::ResumeArgs;
use anyhow::{bail, Context, Result};
use jdfit::analyze::Analyzer;
use jdfit::model::YearMonth;
use jdfit::pipeline::{self, ResumeOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The month "present" stands for: `$JDFIT_AS_OF` (`YYYY-MM`) when set, else this month.
fn as_of() -> Result<YearMonth> {
    match std::env::var("JDFIT_AS_OF") {
        Ok(v) if !v.is_empty() => year_month(&v)
            .with_context(|| format!("JDFIT_AS_OF={v:?} is not a month (use YYYY-MM)")),
        _ => Ok(jdfit::score::requirements::current_month()),
    }
}

/// `YYYY-MM` exactly, with a month from 01 to 12: a day or a month 13 is a typo, not a month.
fn year_month(v: &str) -> Option<YearMonth> {
    let (y, m) = v.split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2)) {
        return None;
    }
    let month = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?;
    Some(YearMonth {
        year: y.parse().ok()?,
        month: Some(month),
    })
}

/// Where a persisted index lives: `--index-dir`, else `$JDFIT_INDEX_DIR`, else the user
/// cache directory (`~/.cache/jdfit/index` on Linux).
pub fn index_dir(a: &ResumeArgs) -> PathBuf {
    if let Some(d) = &a.index_dir {
        return d.clone();
    }
    if let Some(d) = std::env::var_os("JDFIT_INDEX_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("jdfit")
        .join("index")
}

/// Whether `$JDFIT_RESUME` was set but empty (see [`forget_empty_resume_var`]).
static EMPTY_RESUME_VAR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// An empty `$JDFIT_RESUME` is taken out of the environment before the arguments are parsed
/// (clap would report it as a `--resume` given without a value) and remembered, so that a
/// command needing a résumé says what is wrong. Called before any thread starts.
pub fn forget_empty_resume_var() {
    if std::env::var_os("JDFIT_RESUME").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("JDFIT_RESUME");
        EMPTY_RESUME_VAR.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Whether `$JDFIT_RESUME` was set but empty: `serve`, which needs no résumé to start, says
/// that it starts without one.
pub fn resume_var_was_empty() -> bool {
    EMPTY_RESUME_VAR.load(std::sync::atomic::Ordering::Relaxed)
}

/// The résumé `jdfit resume` shows: its FILE argument (or `$JDFIT_RESUME`, which clap reads).
pub fn view_path(file: Option<&Path>) -> Result<&Path> {
    match file {
        Some(p) => Ok(p),
        None if EMPTY_RESUME_VAR.load(std::sync::atomic::Ordering::Relaxed) => {
            bail!("JDFIT_RESUME is set but empty: set it to your résumé file, or pass FILE")
        }
        None => bail!("no résumé given: pass FILE or set JDFIT_RESUME"),
    }
}

/// The résumé named by the arguments (or `$JDFIT_RESUME`, which clap reads).
pub fn resume_path(a: &ResumeArgs) -> Result<&Path> {
    match &a.resume {
        Some(p) => Ok(p),
        None if EMPTY_RESUME_VAR.load(std::sync::atomic::Ordering::Relaxed) => bail!(
            "JDFIT_RESUME is set but empty: set it to your résumé file, or pass --resume FILE"
        ),
        None => bail!("no résumé given: pass --resume FILE or set JDFIT_RESUME"),
    }
}

/// How to prepare the résumé of these arguments: its format, the analyzer (with the user's
/// lexicon, if any), the index folder and the month "present" means.
pub fn resume_options(a: &ResumeArgs) -> Result<ResumeOptions> {
    Ok(ResumeOptions {
        format: a.resume_format,
        index_dir: Some(index_dir(a)),
        analyzer: analyzer(a.lexicon.as_deref())?,
        as_of: as_of()?,
    })
}

/// The analyzer: the shared one, or one with the user lexicon at `lexicon`.
pub fn analyzer(lexicon: Option<&Path>) -> Result<Arc<Analyzer>> {
    Ok(match lexicon {
        Some(p) => {
            pipeline::analyzer_with_lexicon(p).map_err(|e| super::input_error("lexicon", p, e))?
        }
        None => Analyzer::shared(),
    })
}

/// Whether to colour what goes to standard output: a terminal, and no `NO_COLOR`.
pub fn color() -> bool {
    console::colors_enabled()
}

/// The width the batch table fits: `$COLUMNS` when set to a number (as `ls` honours it; no
/// wider than a terminal can be), else the terminal's when standard output is one, else no
/// limit (a file or pipe gets every column whole).
pub fn table_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n.min(usize::from(u16::MAX)));
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_is_a_month_exactly() {
        assert_eq!(
            year_month("2024-06"),
            Some(YearMonth {
                year: 2024,
                month: Some(6)
            })
        );
        for bad in [
            "2024-13",
            "2024-00",
            "2024-06-15",
            "2024-6",
            "24-06",
            "2024",
            "2024-1x",
            "",
        ] {
            assert_eq!(year_month(bad), None, "{bad}");
        }
    }
}
