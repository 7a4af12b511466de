//! The `jdfit` command line: a thin layer over the library.

use anyhow::{bail, Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};
use jdfit::batch::{BatchOptions, Observer, TailorOutcome};
use jdfit::parse::source::{Columns, Input, RowError};
use jdfit::parse::{self, ResumeFormat};
use jdfit::render::{self, BatchOutput, ReportOutput, ResumeOutput};
use jdfit::tailor::{Order, TailorOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: batch scoring allocates many short-lived
/// strings on every thread, where glibc's allocator measured slower.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Text encoding of the postings (utf-8, utf-16le, gb18030, gbk, big5, shift_jis,
    /// windows-1252…). Default: detected per file (BOM, UTF-8, UTF-16, GB18030), as it is
    /// always for the résumé.
    #[arg(long, global = true, value_name = "LABEL", value_parser = encoding_label)]
    encoding: Option<&'static jdfit::parse::encoding::Encoding>,
    #[command(subcommand)]
    command: Command,
}

fn encoding_label(
    s: &str,
) -> std::result::Result<&'static jdfit::parse::encoding::Encoding, String> {
    jdfit::parse::encoding::by_label(s).ok_or_else(|| {
        format!("unknown encoding {s:?} (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, windows-1252)")
    })
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
    /// Rank many postings (folders, JSONL, CSV, stdin) for one résumé, best first.
    #[command(
        after_help = "Examples:\n  jdfit batch --resume corpus/resume-zh.txt jobs/ --top 10\n  jdfit batch -r corpus/resume-zh.txt export.jsonl --format csv --min-score 30 > ranked.csv\n  cat export.jsonl | jdfit batch -r corpus/resume-zh.txt - --top 20 --tailor-dir tailored/"
    )]
    Batch(BatchArgs),
    /// Build and persist the résumé's bullet index; later runs reuse it while the résumé is unchanged.
    #[command(
        after_help = "Examples:\n  jdfit index --resume corpus/resume-zh.txt\n  jdfit index --resume corpus/resume-zh.txt --index-dir ./.jdfit-index"
    )]
    Index(IndexArgs),
    /// Serve the paste-a-posting web page on this machine (127.0.0.1 only by default).
    #[command(
        after_help = "Examples:\n  jdfit serve --resume corpus/resume-zh.txt\n  jdfit serve --resume corpus/frontend-en.md --port 9000\n\nThen open http://127.0.0.1:8734/ (or the port given). The JSON API is described in the README."
    )]
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

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    resume: ResumeArgs,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, short = 'p', default_value_t = 8734)]
    port: u16,
    /// Listen on this address instead of 127.0.0.1. Anything but a loopback address lets
    /// other machines read your résumé; jdfit warns when it does.
    #[arg(long, value_name = "ADDR")]
    listen: Option<std::net::IpAddr>,
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
    /// Extra lexicon concepts (TSV: canonical, category, aliases, broader), added to the
    /// built-in lexicon; yours win on conflicting aliases.
    #[arg(long, value_name = "FILE", env = "JDFIT_LEXICON")]
    lexicon: Option<PathBuf>,
}

/// The analyzer for these arguments: the shared one, or one with the user's lexicon.
fn analyzer(a: &ResumeArgs) -> Result<std::sync::Arc<jdfit::analyze::Analyzer>> {
    Ok(match &a.lexicon {
        Some(p) => jdfit::analyzer_with_lexicon(p)?,
        None => jdfit::analyze::Analyzer::shared(),
    })
}

/// Reads (its encoding detected), parses, analyzes and indexes the résumé of these arguments.
fn prepare(a: &ResumeArgs) -> Result<jdfit::score::Matcher> {
    let resume = resume_path(a)?;
    Ok(jdfit::prepare_with(
        resume,
        a.resume_format,
        Some(&index_dir(a)),
        analyzer(a)?,
    )?)
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
    /// Explain one bullet's score instead: each posting term's contribution.
    #[arg(long, value_name = "BULLET_ID")]
    explain: Option<String>,
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
struct BatchArgs {
    #[command(flatten)]
    resume: ResumeArgs,
    /// Folders (recursive, .txt/.md postings), .jsonl/.ndjson and .csv exports, posting files, or - for JSONL on stdin.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, short = 'f', value_enum)]
    format: Option<BatchOutput>,
    /// Keep only the best K postings (memory stays bounded).
    #[arg(long, value_name = "K")]
    top: Option<usize>,
    /// Drop postings scoring below S.
    #[arg(long, value_name = "S")]
    min_score: Option<f32>,
    /// Write a tailored résumé for each of the top K postings into DIR (needs --top).
    #[arg(long, value_name = "DIR", requires = "top")]
    tailor_dir: Option<PathBuf>,
    /// Format of the tailored résumés.
    #[arg(long, value_enum, default_value = "md")]
    tailor_format: ResumeOutput,
    /// Replace existing files in --tailor-dir.
    #[arg(long)]
    force: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// No progress bar (errors and the summary line are still printed).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// JSONL field / CSV column holding the posting text (default: text, then description).
    #[arg(long, value_name = "NAME")]
    text_column: Option<String>,
    /// Field / column holding the title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    title_column: String,
    /// Field / column holding the company.
    #[arg(long, value_name = "NAME", default_value = "company")]
    company_column: String,
    /// Field / column holding the id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_column: String,
    /// Field / column holding the location.
    #[arg(long, value_name = "NAME", default_value = "location")]
    location_column: String,
    /// Field / column holding the link.
    #[arg(long, value_name = "NAME", default_value = "url")]
    url_column: String,
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
fn read_posting(
    p: &Option<PathBuf>,
    encoding: Option<&'static jdfit::parse::encoding::Encoding>,
) -> Result<(String, String)> {
    let path = p.clone().unwrap_or_else(|| PathBuf::from("-"));
    let stdin = path.as_os_str() == "-";
    if stdin && std::io::stdin().is_terminal() {
        eprintln!("jdfit: reading the posting from standard input (paste it, then Ctrl-D)");
    }
    let text = parse::read_text_as(&path, encoding)?;
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
fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "{}: folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    jdfit::output::write_atomic(path, data, true)?;
    Ok(())
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly.
fn print_out(s: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_ref()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("standard output"),
    }
}

fn run(cli: Cli) -> Result<()> {
    let enc = cli.encoding;
    // Every command segments Chinese: load the jieba dictionary (the largest start-up cost) on
    // another core while this one builds the lexicon automaton and reads the résumé.
    std::thread::spawn(jdfit::analyze::Analyzer::warm_up);
    match cli.command {
        Command::Match(a) => {
            resume_path(&a.resume)?;
            let (text, label) = read_posting(&a.posting, enc)?;
            let matcher = prepare(&a.resume)?;
            let posting = parse::posting::parse(&text);
            if let Some(id) = &a.explain {
                let Some(e) = matcher.explain(&posting, id)? else {
                    bail!("no leaf bullet with id {id} (ids are listed by `match --format json`)");
                };
                return print_out(render::explanation(&e, a.format));
            }
            let report = matcher.score(&posting, &label)?;
            match a.format {
                // Colours on a terminal only, and never with NO_COLOR set.
                ReportOutput::Text => print_out(render::report_text_styled(
                    &report,
                    console::colors_enabled(),
                )),
                f => print_out(render::report(&report, f)),
            }
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
            let (text, label) = read_posting(&a.posting, enc)?;
            let matcher = prepare(&a.resume)?;
            let report = matcher.score(&parse::posting::parse(&text), &label)?;
            let opts = TailorOptions {
                max_bullets: a.max_bullets,
                min_per_entry: a.min_per_entry,
                order: a.order,
                ..TailorOptions::default()
            };
            let tailored = jdfit::tailor::tailor(&matcher.resume, &report, &opts);
            let hl = render::Highlights::from_report(&report, matcher.analyzer());
            let out = render::resume_file(&tailored, a.format, Some(&hl))?;
            match &a.output {
                Some(o) => write_atomic(o, &out),
                None if a.format.is_binary() && std::io::stdout().is_terminal() => bail!(
                    "{} is a binary format: write it to a file with -o FILE (or redirect standard output)",
                    a.format.extension().to_uppercase()
                ),
                None => print_out(&out),
            }
        }
        Command::Batch(a) => batch(a, enc),
        Command::Serve(a) => serve(a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jdfit", &mut out);
            print_out(out)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("manual page")?;
            print_out(out)
        }
        Command::Index(a) => {
            let resume = resume_path(&a.resume)?;
            let dir = index_dir(&a.resume);
            let meta =
                jdfit::build_index(resume, a.resume.resume_format, &dir, &analyzer(&a.resume)?)?;
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

/// Progress on stderr (a bar on a terminal), bad rows always.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Observer for Progress {
    fn row_error(&mut self, e: &RowError) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("jdfit: {e}")),
            None => eprintln!("jdfit: {e}"),
        }
    }

    fn progress(&mut self, scored: u64, bytes: u64) {
        if let Some(b) = &self.bar {
            b.set_position(bytes);
            b.set_message(format!("{scored} postings"));
        }
    }
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let style = match total {
        Some(_) => indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {binary_bytes} {binary_bytes_per_sec} {msg}",
        ),
    }
    .expect("progress template");
    let bar =
        indicatif::ProgressBar::with_draw_target(total, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(style);
    bar
}

fn batch(a: BatchArgs, encoding: Option<&'static jdfit::parse::encoding::Encoding>) -> Result<()> {
    let inputs = a
        .inputs
        .iter()
        .map(|p| Input::from_arg(p))
        .collect::<Result<Vec<_>, _>>()?;
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    let columns = Columns {
        id: a.id_column.clone(),
        title: a.title_column.clone(),
        company: a.company_column.clone(),
        location: a.location_column.clone(),
        url: a.url_column.clone(),
        text: match &a.text_column {
            Some(t) => vec![t.clone()],
            None => Columns::default().text,
        },
        encoding,
    };
    let format = a.format.unwrap_or(if std::io::stdout().is_terminal() {
        BatchOutput::Table
    } else {
        BatchOutput::Jsonl
    });
    let start = std::time::Instant::now();
    let matcher = prepare(&a.resume)?;
    let show_bar = !a.quiet && std::io::stderr().is_terminal();
    let total = if show_bar {
        inputs.iter().map(Input::size_hint).sum::<Option<u64>>()
    } else {
        None
    };
    let mut progress = Progress {
        bar: show_bar.then(|| progress_bar(total)),
    };
    let opts = BatchOptions {
        top: a.top,
        min_score: a.min_score,
        threads: a.threads.map(usize::from),
        keep_text: a.tailor_dir.is_some(),
    };
    let (rows, summary) = jdfit::batch::run(&matcher, &inputs, &columns, &opts, &mut progress)?;
    if let Some(b) = &progress.bar {
        b.finish_and_clear();
    }
    if summary.scored > 0 {
        print_out(render::batch(&rows, format))?;
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "jdfit: scored {} postings, skipped {} bad rows, {} in the output, in {:.2}s ({:.0} postings/s)",
        summary.scored,
        summary.skipped,
        summary.kept,
        secs,
        summary.scored as f64 / secs.max(1e-9)
    );
    if summary.scored == 0 {
        bail!("no posting could be scored");
    }
    if let Some(dir) = &a.tailor_dir {
        let outcomes = jdfit::batch::tailor_rows(
            &matcher,
            &rows,
            dir,
            a.tailor_format,
            a.force,
            &TailorOptions::default(),
        )?;
        let written = outcomes
            .iter()
            .filter(|o| matches!(o, TailorOutcome::Written(_)))
            .count();
        for o in &outcomes {
            if let TailorOutcome::Exists(p) = o {
                eprintln!(
                    "jdfit: {}: exists, not overwritten (use --force)",
                    p.display()
                );
            }
        }
        eprintln!(
            "jdfit: wrote {written} tailored résumés into {}",
            dir.display()
        );
    }
    Ok(())
}

fn serve(a: ServeArgs) -> Result<()> {
    let analyzer = analyzer(&a.resume)?;
    let default = match &a.resume.resume {
        Some(p) => {
            // The same analyzer as the server's uploads: a user lexicon is built once.
            let m = jdfit::prepare_with(
                p,
                a.resume.resume_format,
                Some(&index_dir(&a.resume)),
                analyzer.clone(),
            )?;
            let name = p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
            Some((name, m))
        }
        None => None,
    };
    let ip = a
        .listen
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    let addr = std::net::SocketAddr::new(ip, a.port);
    if !ip.is_loopback() {
        eprintln!(
            "jdfit: warning: listening on {addr}, not on loopback: anyone who can reach this machine can read your résumé"
        );
    }
    let state = std::sync::Arc::new(jdfit::serve::AppState::new(default, analyzer));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr().context("listening address")?;
        eprintln!("jdfit: serving on http://{local}/ (Ctrl-C to stop)");
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        jdfit::serve::serve(listener, state, stop)
            .await
            .context("server")
    })
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // A usage error in one line, like every other error: clap's message without its
            // "error:" prefix, usage block and --help hint.
            let text = e.render().to_string();
            let msg: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
                .filter(|l| !l.is_empty())
                .collect();
            let msg = msg.join("; ");
            eprintln!("jdfit: {}", msg.strip_prefix("error: ").unwrap_or(&msg));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jdfit: {e:#}");
            ExitCode::from(2)
        }
    }
}
