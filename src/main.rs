//! The `jdfit` command line: a thin layer over the library.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use jdfit::parse::{self, ResumeFormat};
use jdfit::render::{self, ReportOutput, ResumeOutput};
use jdfit::tailor::{Order, TailorOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "jdfit",
    version,
    about = "Match a résumé against job postings and write a tailored résumé, offline.",
    long_about = "Match a résumé (Markdown, JSON Resume or plain text from a PDF) against job \
postings in Chinese, English or both, and write a tailored résumé that selects and reorders \
your own bullets, verbatim. Nothing leaves the machine."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score a posting: overall score, requirements covered and missing, proving bullets.
    #[command(
        after_help = "Examples:\n  pbpaste | jdfit match --resume corpus/resume-zh.txt\n  jdfit match --resume corpus/resume-zh.txt jobs/en/en-01-senior-site-reliability-engineer.txt --format json"
    )]
    Match(MatchArgs),
    /// Write a tailored résumé for a posting: your bullets, selected and reordered.
    #[command(
        after_help = "Examples:\n  jdfit tailor --resume corpus/resume-zh.txt jobs/zh/zh-09-llm-platform-ai-infra.txt -o tailored.md\n  JDFIT_RESUME=corpus/frontend-en.md jdfit tailor posting.txt --max-bullets 8 --order relevance"
    )]
    Tailor(TailorArgs),
    /// Build and persist the résumé's bullet index; later runs reuse it while the résumé is unchanged.
    #[command(
        after_help = "Examples:\n  jdfit index --resume corpus/resume-zh.txt\n  jdfit index --resume corpus/resume-zh.txt --index-dir ./.jdfit-index"
    )]
    Index(IndexArgs),
}

#[derive(Args, Debug)]
struct ResumeArgs {
    /// The résumé file (falls back to $JDFIT_RESUME).
    #[arg(long, short = 'r', env = "JDFIT_RESUME", value_name = "FILE")]
    resume: Option<PathBuf>,
    /// Read the résumé as this format instead of guessing from extension and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    resume_format: Option<ResumeFormat>,
    /// Where a persisted index lives (default: $JDFIT_INDEX_DIR, else ~/.cache/jdfit/index).
    #[arg(long, value_name = "DIR")]
    index_dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct MatchArgs {
    #[command(flatten)]
    resume: ResumeArgs,
    /// The posting file; `-` or nothing reads standard input.
    #[arg(value_name = "POSTING")]
    posting: Option<PathBuf>,
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: ReportOutput,
}

#[derive(Args, Debug)]
struct TailorArgs {
    #[command(flatten)]
    resume: ResumeArgs,
    /// The posting file; `-` or nothing reads standard input.
    #[arg(value_name = "POSTING")]
    posting: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "md")]
    format: ResumeOutput,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// At most this many bullets in experience and project sections (beyond the per-entry minimum).
    #[arg(long, default_value_t = TailorOptions::default().max_bullets, value_name = "N")]
    max_bullets: usize,
    /// Every entry keeps at least this many of its best bullets.
    #[arg(long, default_value_t = TailorOptions::default().min_per_entry, value_name = "N")]
    min_per_entry: usize,
    /// Entry order: as in the résumé, or by each entry's best bullet.
    #[arg(long, value_enum, default_value = "chrono")]
    order: Order,
}

#[derive(Args, Debug)]
struct IndexArgs {
    #[command(flatten)]
    resume: ResumeArgs,
}

fn resume_path(a: &ResumeArgs) -> Result<&Path> {
    match &a.resume {
        Some(p) => Ok(p),
        None => bail!("no résumé given: pass --resume FILE or set JDFIT_RESUME"),
    }
}

fn index_dir(a: &ResumeArgs) -> PathBuf {
    a.index_dir
        .clone()
        .unwrap_or_else(jdfit::index::default_dir)
}

/// Reads the posting from a file or standard input; an empty posting is an error.
fn read_posting(p: &Option<PathBuf>) -> Result<(String, String)> {
    let path = p.clone().unwrap_or_else(|| PathBuf::from("-"));
    let stdin = path.as_os_str() == "-";
    if stdin && std::io::stdin().is_terminal() {
        eprintln!("jdfit: reading the posting from standard input (paste it, then Ctrl-D)");
    }
    let text = parse::read_text(&path)?;
    let label = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    if text.trim().is_empty() {
        bail!("{label}: the posting is empty");
    }
    Ok((text, label))
}

/// Whether two paths name the same file (through links), when `b` exists.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes `data` to `path` atomically: a temporary file beside it, then a rename.
fn write_atomic(path: &Path, data: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    tmp.write_all(data.as_bytes())
        .with_context(|| format!("{}: write failed", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly.
fn print_out(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("standard output"),
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Match(a) => {
            let resume = resume_path(&a.resume)?;
            let (text, label) = read_posting(&a.posting)?;
            let matcher =
                jdfit::prepare(resume, a.resume.resume_format, Some(&index_dir(&a.resume)))?;
            let report = matcher.score(&parse::posting::parse(&text), &label)?;
            print_out(&render::report(&report, a.format))
        }
        Command::Tailor(a) => {
            let resume = resume_path(&a.resume)?;
            if let Some(o) = &a.output {
                for input in [Some(resume), a.posting.as_deref()].into_iter().flatten() {
                    if same_file(o, input) {
                        bail!(
                            "{}: refusing to overwrite an input file with -o",
                            o.display()
                        );
                    }
                }
            }
            let (text, label) = read_posting(&a.posting)?;
            let matcher =
                jdfit::prepare(resume, a.resume.resume_format, Some(&index_dir(&a.resume)))?;
            let report = matcher.score(&parse::posting::parse(&text), &label)?;
            let opts = TailorOptions {
                max_bullets: a.max_bullets,
                min_per_entry: a.min_per_entry,
                order: a.order,
                ..TailorOptions::default()
            };
            let tailored = jdfit::tailor::tailor(&matcher.resume, &report, &opts);
            let out = render::resume(&tailored, a.format);
            match &a.output {
                Some(o) => write_atomic(o, &out),
                None => print_out(&out),
            }
        }
        Command::Index(a) => {
            let resume = resume_path(&a.resume)?;
            let dir = index_dir(&a.resume);
            let meta = jdfit::build_index(resume, a.resume.resume_format, &dir)?;
            eprintln!(
                "jdfit: indexed {} bullets of {} into {}",
                meta.bullets,
                resume.display(),
                dir.display()
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jdfit: {e:#}");
            ExitCode::from(2)
        }
    }
}
