//! Raw arguments, as clap reads them: what the user typed, validated for shape only. The
//! options the library takes are built from these in [`super::options`].

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use jdfit::choice::Choice;
use jdfit::parse::InputFormat;
use jdfit::render::{BatchFormat, PostingFormat, ReportFormat, ResumeFormat, ViewFormat};
use jdfit::tailor::{Order, TailorOptions};
use std::path::PathBuf;

/// A value parser for one of the library's named choices, listing each with its description.
fn choice<T: Choice + Send + Sync + Clone>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        T::ALL
            .iter()
            .map(|c| PossibleValue::new(c.name()).help(c.about())),
    )
    .map(|name| T::from_name(&name).expect("clap accepts listed names only"))
}

#[derive(Parser, Debug)]
#[command(
    name = "jdfit",
    version,
    // A bare `jdfit` shows the commands (exit 2), as cargo and git do.
    arg_required_else_help = true,
    about = "Match a résumé against job postings and write a tailored résumé, offline.",
    long_about = "Match a résumé (Markdown, JSON Resume, plain text, DOCX, PDF or a saved web \
page) against job \
postings in Chinese, English or both, and write a tailored résumé that selects and reorders \
your own bullets, verbatim. Nothing leaves the machine."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The postings' encoding, for the commands that read postings.
#[derive(Args, Debug, Clone, Copy)]
pub struct EncodingArg {
    /// Text encoding of the postings (utf-8, utf-16le, gb18030, gbk, big5, shift_jis,
    /// windows-1252…). Default: detected per file (BOM, UTF-8, UTF-16, GB18030), as it is
    /// always for the résumé.
    #[arg(long, value_name = "LABEL", value_parser = encoding_label)]
    pub encoding: Option<&'static jdfit::parse::encoding::Encoding>,
}

fn encoding_label(
    s: &str,
) -> std::result::Result<&'static jdfit::parse::encoding::Encoding, String> {
    jdfit::parse::encoding::by_label(s).ok_or_else(|| {
        format!("unknown encoding {s:?} (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, windows-1252)")
    })
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
    /// Rank many postings (folders, JSONL, CSV, stdin) for one résumé, best first.
    #[command(
        after_help = "Examples:\n  jdfit batch --resume corpus/resume-zh.txt jobs/ --top 10\n  jdfit batch -r corpus/resume-zh.txt export.jsonl --format csv --min-score 30 > ranked.csv\n  cat export.jsonl | jdfit batch -r corpus/resume-zh.txt - --top 20 --tailor-dir tailored/"
    )]
    Batch(BatchArgs),
    /// Show how a posting is read: each line's part and weight, and the terms taken from it.
    #[command(
        after_help = "Examples:\n  jdfit posting jobs/en/en-07-mlops-engineer.txt\n  jdfit posting jobs/zh/*.txt --format json\n  pbpaste | jdfit posting -"
    )]
    Posting(PostingArgs),
    /// Show how a résumé is read: contacts, sections, entries, bullet ids, and warnings.
    #[command(
        after_help = "Examples:\n  jdfit resume corpus/frontend-en.md\n  jdfit resume resume.docx --format json\n  pbpaste | jdfit resume -\n  JDFIT_RESUME=corpus/resume-zh.txt jdfit resume"
    )]
    Resume(ResumeViewArgs),
    /// Build and persist the résumé's bullet index; later runs reuse it while the résumé is unchanged.
    #[command(
        after_help = "Examples:\n  jdfit index --resume corpus/resume-zh.txt\n  jdfit index --resume corpus/resume-zh.txt --index-dir ./.jdfit-index"
    )]
    Index(IndexArgs),
    /// Serve the paste-a-posting web page on this machine (127.0.0.1 only by default).
    #[command(
        after_help = "Examples:\n  jdfit serve --resume corpus/resume-zh.txt\n  jdfit serve --resume corpus/frontend-en.md --port 9000\n\nThen open http://127.0.0.1:8734/ (or the port given). The JSON API is described in the README."
    )]
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  jdfit completions bash > ~/.local/share/bash-completion/completions/jdfit\n  jdfit completions zsh > \"${fpath[1]}/_jdfit\"\n  jdfit completions fish > ~/.config/fish/completions/jdfit.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `jdfit man > jdfit.1 && man ./jdfit.1`.
    Man,
}

#[cfg(feature = "serve")]
#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub resume: ResumeArgs,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, short = 'p', default_value_t = 8734)]
    pub port: u16,
    /// Listen on this address instead of 127.0.0.1. Anything but a loopback address lets
    /// other machines read your résumé; jdfit warns when it does.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<std::net::IpAddr>,
}

#[derive(Args, Debug)]
pub struct ResumeArgs {
    /// The résumé file (falls back to $JDFIT_RESUME).
    #[arg(
        long,
        short = 'r',
        env = "JDFIT_RESUME",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub resume: Option<PathBuf>,
    /// Read the résumé as this format instead of guessing from extension and content.
    #[arg(long, value_name = "FORMAT", value_parser = choice::<InputFormat>())]
    pub resume_format: Option<InputFormat>,
    /// Where a persisted index lives (default: $JDFIT_INDEX_DIR, else ~/.cache/jdfit/index).
    #[arg(long, value_name = "DIR")]
    pub index_dir: Option<PathBuf>,
    /// Extra lexicon concepts (TSV: canonical, category, aliases, broader), added to the
    /// built-in lexicon; yours win on conflicting aliases.
    #[arg(
        long,
        value_name = "FILE",
        env = "JDFIT_LEXICON",
        hide_env_values = true
    )]
    pub lexicon: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct MatchArgs {
    #[command(flatten)]
    pub resume: ResumeArgs,
    #[command(flatten)]
    pub encoding: EncodingArg,
    /// The posting file; `-` or nothing reads standard input.
    #[arg(value_name = "POSTING")]
    pub posting: Option<PathBuf>,
    /// Report format.
    #[arg(long, short = 'f', default_value = "text", value_parser = choice::<ReportFormat>())]
    pub format: ReportFormat,
    /// Explain one bullet's score instead: each posting term's contribution.
    #[arg(long, value_name = "BULLET_ID")]
    pub explain: Option<String>,
}

#[derive(Args, Debug)]
pub struct ResumeViewArgs {
    /// The résumé file, or - for standard input (falls back to $JDFIT_RESUME).
    #[arg(value_name = "FILE", env = "JDFIT_RESUME", hide_env_values = true)]
    pub file: Option<PathBuf>,
    /// Read the résumé as this format instead of guessing from extension and content.
    #[arg(long, value_name = "FORMAT", value_parser = choice::<InputFormat>())]
    pub resume_format: Option<InputFormat>,
    /// Output format.
    #[arg(long, short = 'f', default_value = "text", value_parser = choice::<ViewFormat>())]
    pub format: ViewFormat,
}

#[derive(Args, Debug)]
pub struct PostingArgs {
    #[command(flatten)]
    pub encoding: EncodingArg,
    /// Posting files (the first line of each is its title); `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', default_value = "text", value_parser = choice::<PostingFormat>())]
    pub format: PostingFormat,
    /// Extra lexicon concepts (TSV: canonical, category, aliases, broader), added to the
    /// built-in lexicon; yours win on conflicting aliases.
    #[arg(
        long,
        value_name = "FILE",
        env = "JDFIT_LEXICON",
        hide_env_values = true
    )]
    pub lexicon: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TailorArgs {
    #[command(flatten)]
    pub resume: ResumeArgs,
    #[command(flatten)]
    pub encoding: EncodingArg,
    /// The posting file; `-` or nothing reads standard input.
    #[arg(value_name = "POSTING")]
    pub posting: Option<PathBuf>,
    /// Output format (default: from the extension of `-o FILE` — .md, .json, .txt, .html,
    /// .docx — else md).
    #[arg(long, short = 'f', value_parser = choice::<ResumeFormat>())]
    pub format: Option<ResumeFormat>,
    /// Write to this file (atomically) instead of standard output (`-` is standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// At most this many bullets in experience and project sections (beyond the per-entry minimum).
    #[arg(long, default_value_t = TailorOptions::default().max_bullets, value_name = "N")]
    pub max_bullets: usize,
    /// Every entry keeps at least this many of its best bullets.
    #[arg(long, default_value_t = TailorOptions::default().min_per_entry, value_name = "N")]
    pub min_per_entry: usize,
    /// The name heading the tailored résumé, when the résumé has no name line (or to replace it).
    #[arg(long, value_name = "NAME", value_parser = person_name)]
    pub name: Option<String>,
    /// Entry order: as in the résumé, or by each entry's best bullet.
    #[arg(long, default_value = "chrono", value_parser = choice::<Order>())]
    pub order: Order,
}

#[derive(Args, Debug)]
pub struct BatchArgs {
    #[command(flatten)]
    pub resume: ResumeArgs,
    #[command(flatten)]
    pub encoding: EncodingArg,
    /// Folders (recursive, .txt/.md/.html postings), .jsonl/.ndjson, .csv/.tsv and .json exports, posting files, or - for JSONL on stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, short = 'f', value_parser = choice::<BatchFormat>())]
    pub format: Option<BatchFormat>,
    /// Keep only the best K postings (memory stays bounded).
    #[arg(long, value_name = "K", allow_hyphen_values = true, value_parser = top_k)]
    pub top: Option<usize>,
    /// Drop postings scoring below S (a number from 0 to 100).
    #[arg(long, value_name = "S", allow_hyphen_values = true, value_parser = min_score)]
    pub min_score: Option<f32>,
    /// Write a tailored résumé for each of the top K postings into DIR (needs --top).
    #[arg(long, value_name = "DIR", requires = "top")]
    pub tailor_dir: Option<PathBuf>,
    /// The name heading the tailored résumés, when the résumé has no name line (or to replace it).
    #[arg(long, value_name = "NAME", value_parser = person_name, requires = "tailor_dir")]
    pub name: Option<String>,
    /// Format of the tailored résumés (with --tailor-dir).
    #[arg(long, default_value = "md", value_parser = choice::<ResumeFormat>(), requires = "tailor_dir")]
    pub tailor_format: ResumeFormat,
    /// Replace existing files in --tailor-dir.
    #[arg(long, requires = "tailor_dir")]
    pub force: bool,
    /// Score and list postings with the same text separately (by default reposts are merged
    /// into the first one's row).
    #[arg(long)]
    pub keep_duplicates: bool,
    /// Without --top: rows kept in memory before sorted runs of them go to temporary files
    /// (about 1.2 KB a row; default 20000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub memory_rows: Option<u32>,
    /// Worker threads (default: one per core; at most 256).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=jdfit::batch::MAX_THREADS as i64))]
    pub threads: Option<u16>,
    /// No progress bar (errors and the summary line are still printed).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// JSONL field / CSV column holding the posting text (default: text, then description).
    #[arg(long, value_name = "NAME", value_parser = column_name)]
    pub text_column: Option<String>,
    /// Field / column holding the title.
    #[arg(long, value_name = "NAME", default_value = "title", value_parser = column_name)]
    pub title_column: String,
    /// Field / column holding the company.
    #[arg(long, value_name = "NAME", default_value = "company", value_parser = column_name)]
    pub company_column: String,
    /// Field / column holding the id.
    #[arg(long, value_name = "NAME", default_value = "id", value_parser = column_name)]
    pub id_column: String,
    /// Field / column holding the location.
    #[arg(long, value_name = "NAME", default_value = "location", value_parser = column_name)]
    pub location_column: String,
    /// Field / column holding the link.
    #[arg(long, value_name = "NAME", default_value = "url", value_parser = column_name)]
    pub url_column: String,
}

/// A score threshold: a finite number from 0 to 100 (scores are percentages), so `NaN`, `inf`
/// and `101` are refused rather than silently keeping every row or none.
/// `--top K`: a whole number of postings, at least one (`--top 0` would print nothing).
/// A field or column name: not empty (no export has a nameless column to take).
fn column_name(s: &str) -> std::result::Result<String, String> {
    if s.trim().is_empty() {
        return Err("an empty name: give the field or column name as the export writes it".into());
    }
    Ok(s.to_string())
}

/// A name for the heading of a tailored résumé: one line of printable text. A line break
/// would write a section of its own into the résumé, a control character junk into it.
fn person_name(s: &str) -> std::result::Result<String, String> {
    if s.trim().is_empty() {
        return Err("an empty name".into());
    }
    if s.chars().any(char::is_control) {
        return Err("a name is one line of text, without line breaks or control characters".into());
    }
    Ok(s.trim().to_string())
}

fn top_k(s: &str) -> std::result::Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("keeps no posting: give at least 1".into()),
        Ok(k) => Ok(k),
        Err(_) => Err("not a whole number of postings (give 1 or more)".into()),
    }
}

fn min_score(s: &str) -> std::result::Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Ok(v),
        Ok(_) => Err("scores run from 0 to 100: give a number in that range".into()),
        Err(_) => Err("not a number (give a score from 0 to 100)".into()),
    }
}

#[derive(Args, Debug)]
pub struct IndexArgs {
    #[command(flatten)]
    pub resume: ResumeArgs,
}
