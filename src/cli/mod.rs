//! The `jdfit` command line: raw arguments ([`args`]) become built options ([`options`]),
//! the library does the work through its pipeline, and the result is printed once.

pub mod args;
mod man;
mod options;

pub use options::forget_empty_resume_var;

use anyhow::{bail, Context, Result};
#[cfg(feature = "serve")]
use args::ServeArgs;
use args::{BatchArgs, Cli, Command, PostingArgs, ResumeArgs, ResumeViewArgs};
use clap::CommandFactory;
use jdfit::batch::{BatchOptions, Observer};
use jdfit::parse;
use jdfit::parse::source::{Columns, Input, RowError};
use jdfit::pipeline::{self, TailorOutcome};
use jdfit::printable::printable;
use jdfit::render::{self, BatchFormat, PostingFormat, ReportFormat, Tone, ViewFormat};
use jdfit::score::PreparedResume;
use jdfit::tailor::TailorOptions;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Reads (its encoding detected), parses, analyzes and indexes the résumé of these arguments.
fn prepare(a: &ResumeArgs) -> Result<PreparedResume> {
    let path = options::resume_path(a)?;
    if path.as_os_str() == "-" {
        // Standard input carries the posting (or the rows) in these commands.
        bail!(
            "résumé -: give the résumé as a file here (standard input is for the posting; `jdfit resume -` reads a résumé from it)"
        );
    }
    let prepared = pipeline::prepare(path, &options::resume_options(a)?)
        .map_err(|e| input_error("résumé", path, e))?;
    if let Some(n) = prepared.index_note() {
        note!("jdfit: note: {n}");
    }
    // How the résumé was read, when a person should know (bullets taken from plain lines).
    for w in &prepared.resume.warnings {
        note!("jdfit: note: {}: {w}", path.display());
    }
    Ok(prepared)
}

/// The résumé's text when it is a text file a folder of postings could hold (`.txt`, `.md`),
/// read as a posting file is, so that batch knows it among the postings. Only a regular
/// file is read again: a pipe was read once already.
fn resume_text(a: &ResumeArgs) -> Option<String> {
    let path = options::resume_path(a).ok()?;
    let text_like = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "md", "markdown", "text"].contains(&e.to_ascii_lowercase().as_str())
    });
    let file = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    (text_like && file)
        .then(|| jdfit::parse::read_text(path).ok())
        .flatten()
}

/// An error reading the input file `path` (the "résumé" or "posting", its `role`) says which
/// input it is and its cause once, in words: "posting jobs/x.txt: no such file". A web
/// address given as a file says that jdfit reads files, and how to get the page into one.
/// Errors about other things (an index folder, say) pass unchanged.
pub(crate) fn input_error(role: &str, path: &Path, e: jdfit::Error) -> anyhow::Error {
    let arg = path.to_string_lossy();
    let web = ["http://", "https://", "www."].iter().any(|p| {
        arg.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    });
    match e {
        jdfit::Error::Io { path: p, source } if p == path => {
            if web && source.kind() == std::io::ErrorKind::NotFound {
                return anyhow::anyhow!(
                    "{role} {arg}: jdfit reads files and pasted text, not web addresses (nothing leaves this machine); save the page as a file, or copy its text and pipe it in (`pbpaste | jdfit match`)"
                );
            }
            let cause = match source.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                std::io::ErrorKind::IsADirectory => "is a folder, not a file".to_string(),
                _ => source.to_string(),
            };
            anyhow::anyhow!("{role} {}: {cause}", p.display())
        }
        e @ (jdfit::Error::Parse { .. } | jdfit::Error::NotText { .. }) => {
            anyhow::anyhow!("{role} {e}")
        }
        e => e.into(),
    }
}

/// The note for a résumé with no name line: its outputs have no name heading.
const NO_NAME: &str = "note: the résumé has no name line, so the tailored résumé has no name heading; give one with --name \"Your Name\"";

/// Puts `name` (from `--name`) at the head of the résumé's outputs. Without one, a résumé
/// with no name line gives outputs with no name heading: the note to print once the work is
/// done (so that an error stays the run's one line).
fn name_outputs(prepared: &mut PreparedResume, name: Option<&str>) -> Option<&'static str> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            prepared.resume.basics.name = Some(n.to_string());
            None
        }
        None => prepared.resume.basics.name.is_none().then_some(NO_NAME),
    }
}

/// Refuses a posting that is the résumé file itself: matched against itself, a résumé is a
/// strong fit of nothing.
fn not_the_resume(resume: &Path, posting: &Option<PathBuf>) -> Result<()> {
    let Some(posting) = posting.as_deref().filter(|p| p.as_os_str() != "-") else {
        return Ok(());
    };
    let same = std::fs::canonicalize(resume)
        .ok()
        .zip(std::fs::canonicalize(posting).ok())
        .is_some_and(|(r, p)| r == p);
    if same {
        bail!(
            "posting {}: the résumé file itself; give a job posting",
            printable(&posting.display().to_string())
        );
    }
    Ok(())
}

/// Reads the posting from a file or standard input; an empty posting is an error.
fn read_posting(
    p: &Option<PathBuf>,
    encoding: Option<&'static jdfit::parse::encoding::Encoding>,
) -> Result<(String, String)> {
    let path = p.clone().unwrap_or_else(|| PathBuf::from("-"));
    let stdin = path.as_os_str() == "-";
    if stdin && std::io::stdin().is_terminal() {
        note!("jdfit: reading the posting from standard input (paste it, then Ctrl-D)");
    }
    // An export holds many postings: read as one text, its rows would run together.
    let kind = match jdfit::parse::source::Input::from_arg(&path) {
        Ok(jdfit::parse::source::Input::Jsonl(_)) => Some("JSONL"),
        Ok(jdfit::parse::source::Input::Csv(_)) => Some("CSV"),
        Ok(jdfit::parse::source::Input::Json(_)) => Some("JSON"),
        _ => None,
    };
    if let Some(kind) = kind {
        bail!(
            "{}: a {kind} export of postings, not one posting; rank its rows with `jdfit batch`, or give one posting as a text file",
            path.display()
        );
    }
    let text = if stdin {
        parse::read_text_from(std::io::stdin().lock(), Path::new("-"), encoding)?
    } else {
        parse::read_text_as(&path, encoding).map_err(|e| input_error("posting", &path, e))?
    };
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

/// Whether two paths name the same file, when both exist: through symbolic links and hard
/// links alike (the same device and inode on Unix; the same resolved path elsewhere).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => (x.dev(), x.ino()) == (y.dev(), y.ino()),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether `path` (which may not exist yet) is the folder `dir` or inside it, through links:
/// its nearest existing ancestor is resolved and the rest appended.
fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return false;
    };
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(c) = std::fs::canonicalize(at) {
            let full = rest.iter().rev().fold(c, |p, part| p.join(part));
            return full.starts_with(&dir);
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                at = parent;
            }
            _ => return false,
        }
    }
}

/// Whether `path` is the file standard input reads (`jdfit tailor -o p.txt < p.txt`): the
/// same device and inode. Only a regular file can be; elsewhere than Unix, never.
fn is_stdin_file(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(target) = std::fs::metadata(path) else {
            return false;
        };
        let stdin = std::io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .and_then(|fd| std::fs::File::from(fd).metadata());
        matches!(stdin, Ok(m) if m.is_file() && (m.dev(), m.ino()) == (target.dev(), target.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Refuses an output path that is one of the command's inputs (the résumé, a posting, the
/// lexicon, or the file standard input reads when it is read).
fn refuse_input_as_output(output: &Path, inputs: &[&Path], reads_stdin: bool) -> Result<()> {
    let named = inputs
        .iter()
        .any(|i| i.as_os_str() != "-" && same_file(output, i));
    if named || (reads_stdin && is_stdin_file(output)) {
        bail!(
            "{}: refusing to overwrite an input file with -o",
            output.display()
        );
    }
    Ok(())
}

/// Writes `data` to the output `path`: a regular file atomically (a temporary file beside it,
/// then a rename; through a link, the file it names), a FIFO or device directly.
fn write_output(path: &Path, data: &[u8]) -> Result<()> {
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
    jdfit::output::write_output(path, data, true)?;
    Ok(())
}

/// Writes batch rows to standard output as they come; a closed pipe (`| head`) ends quietly.
fn print_rows<R: std::borrow::Borrow<jdfit::model::BatchRow>>(
    rows: impl Iterator<Item = jdfit::Result<R>>,
    format: BatchFormat,
    width: Option<usize>,
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = render::write_batch(rows, format, width, &mut out).and_then(|_| {
        out.flush().map_err(|source| jdfit::Error::Io {
            path: "standard output".into(),
            source,
        })
    });
    match written {
        Err(jdfit::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(())
        }
        r => Ok(r?),
    }
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly.
fn print_out(s: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_ref()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("standard output"),
    }
}

/// ANSI colours for the text report's toned pieces: the score in bold, verdicts green,
/// yellow or red.
fn paint(tone: Tone, s: &str) -> String {
    let style = match tone {
        Tone::Strong => console::Style::new().bold(),
        Tone::Good => console::Style::new().green(),
        Tone::Partial => console::Style::new().yellow(),
        Tone::Bad => console::Style::new().red(),
    };
    style.force_styling(true).apply_to(s).to_string()
}

/// On Ctrl-C, SIGTERM or SIGHUP while files are being written: delete the temporary files
/// being written (they hold résumé content), then end as the signal would have. Must be
/// called before any other thread starts, so that every thread inherits the blocked signals
/// and only the waiting thread receives them.
#[cfg(unix)]
fn remove_temporaries_on_signal() {
    // SAFETY: plain libc calls on a local, initialised signal set; `sigwait` runs on a thread
    // of its own, so the cleanup is ordinary code, not a signal handler.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        std::thread::spawn(move || {
            let mut sig: libc::c_int = 0;
            if libc::sigwait(&set, &mut sig) != 0 {
                return;
            }
            jdfit::output::remove_pending();
            libc::signal(sig, libc::SIG_DFL);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            libc::raise(sig);
        });
    }
}

/// A usage error in one line, like every other error: clap's message without its "error:"
/// prefix, usage block and --help hint. An option of another command (`match --top`) says
/// which command has it instead of clap's tip about `--`.
pub fn usage_error(e: &clap::Error, args: &[std::ffi::OsString]) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() == ErrorKind::UnknownArgument {
        if let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) {
            if let Some(line) = option_of_another_command(arg, args) {
                return line;
            }
        }
    }
    let text = e.render().to_string();
    let mut msg = String::new();
    for line in text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
    {
        if !msg.is_empty() {
            // "not provided:" introduces the next line; other lines are clauses of their own.
            msg.push_str(if msg.ends_with(':') { " " } else { "; " });
        }
        msg.push_str(line);
    }
    msg.strip_prefix("error: ").unwrap_or(&msg).to_string()
}

/// "`--top` is an option of `jdfit batch`" when `arg` (as typed, `--top` or `--top=3`) is not
/// an option of the subcommand in `args` but is one of another.
fn option_of_another_command(arg: &str, args: &[std::ffi::OsString]) -> Option<String> {
    let flag = arg.split('=').next()?;
    let cmd = Cli::command();
    let has = |c: &clap::Command| {
        c.get_arguments().any(|a| {
            flag.strip_prefix("--")
                .is_some_and(|l| a.get_long() == Some(l))
                || (flag.len() == 2
                    && flag.starts_with('-')
                    && a.get_short().is_some_and(|s| flag.ends_with(s)))
        })
    };
    let used = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|a| cmd.find_subcommand(a))?;
    let owners: Vec<String> = cmd
        .get_subcommands()
        .filter(|c| c.get_name() != used.get_name() && has(c))
        .map(|c| format!("`jdfit {}`", c.get_name()))
        .collect();
    if owners.is_empty() {
        return None;
    }
    let owners = match owners.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => owners.join(""),
    };
    Some(format!(
        "`{flag}` is not an option of `jdfit {used}`; it belongs to {owners} (see `jdfit {used} --help`)",
        used = used.get_name()
    ))
}

/// The tailored résumé's format: `-f` when given, else the one the output file's extension
/// names (a `.docx` is a Word document, never Markdown under that name), else Markdown; an
/// extension of a document format jdfit does not write (`.pdf`, `.doc`) is an error.
fn tailor_format(
    given: Option<jdfit::render::ResumeFormat>,
    output: Option<&std::path::Path>,
) -> Result<jdfit::render::ResumeFormat> {
    use jdfit::render::ResumeFormat as F;
    if let Some(f) = given {
        return Ok(f);
    }
    let Some(ext) = output.and_then(|o| o.extension()) else {
        return Ok(F::Md);
    };
    let ext = ext.to_string_lossy().to_lowercase();
    Ok(match ext.as_str() {
        "md" | "markdown" => F::Md,
        "json" => F::Json,
        "txt" | "text" => F::Txt,
        "html" | "htm" => F::Html,
        "docx" => F::Docx,
        // Another tool's document format: Markdown under that name would mislead.
        "pdf" | "doc" | "odt" | "rtf" | "pages" => bail!(
            "{}: cannot tell the output format from “.{ext}”: give -f md, json, jsonresume, txt, html or docx{}",
            output.map(|o| o.display().to_string()).unwrap_or_default(),
            if ext == "pdf" {
                " (jdfit writes no PDF: print the HTML page to PDF)"
            } else {
                ""
            }
        ),
        // Any other name (`out.fifo`, `cv.tailored`): the default.
        _ => F::Md,
    })
}

/// Runs one command.
pub fn run(cli: Cli) -> Result<()> {
    #[cfg(unix)]
    if matches!(&cli.command, Command::Tailor(a) if a.output.as_deref().is_some_and(|o| o.as_os_str() != "-"))
        || matches!(&cli.command, Command::Batch(a) if a.tailor_dir.is_some())
    {
        remove_temporaries_on_signal();
    }
    // A batch and the server segment many texts: build jieba's whole dictionary (the largest
    // start-up cost) on another core while this one reads the résumé. The other commands
    // segment a few texts, with the dictionary words those contain.
    let many = matches!(&cli.command, Command::Batch(_));
    #[cfg(feature = "serve")]
    let many = many || matches!(&cli.command, Command::Serve(_));
    if many {
        std::thread::spawn(jdfit::analyze::Analyzer::warm_up);
    }
    match cli.command {
        Command::Match(a) => {
            not_the_resume(options::resume_path(&a.resume)?, &a.posting)?;
            let (text, label) = read_posting(&a.posting, a.encoding.encoding)?;
            let prepared = prepare(&a.resume)?;
            if let Some(id) = &a.explain {
                let posting = parse::posting::parse(&text);
                let Some(e) = prepared.explain(&posting, id)? else {
                    bail!("no leaf bullet with id {id} (ids are listed by `match --format json`)");
                };
                return print_out(render::explanation(&e, a.format));
            }
            // A file name is shown to people escaped (it may hold terminal escapes); JSON
            // keeps it as it is, escaped the JSON way.
            let label = match a.format {
                ReportFormat::Json => label,
                _ => printable(&label).into_owned(),
            };
            let report = pipeline::match_text(&prepared, &text, &label)?.report;
            match a.format {
                // Colours on a terminal only, and never with NO_COLOR set.
                ReportFormat::Text if options::color() => {
                    print_out(render::report_text_styled(&report, &paint))
                }
                f => print_out(render::report(&report, f)),
            }
        }
        Command::Tailor(a) => {
            let resume = options::resume_path(&a.resume)?;
            not_the_resume(resume, &a.posting)?;
            // `-o -` is standard output, as `-` is standard input everywhere else.
            let output = a.output.as_deref().filter(|o| o.as_os_str() != "-");
            if let Some(o) = output {
                let inputs: Vec<&Path> = [Some(resume), a.posting.as_deref()]
                    .into_iter()
                    .chain([a.resume.lexicon.as_deref()])
                    .flatten()
                    .collect();
                let reads_stdin = a.posting.as_ref().is_none_or(|p| p.as_os_str() == "-");
                refuse_input_as_output(o, &inputs, reads_stdin)?;
            }
            let format = tailor_format(a.format, output)?;
            let (text, label) = read_posting(&a.posting, a.encoding.encoding)?;
            let mut prepared = prepare(&a.resume)?;
            let unnamed = name_outputs(&mut prepared, a.name.as_deref())
                .filter(|_| format != jdfit::render::ResumeFormat::Json);
            let matched = pipeline::match_text(&prepared, &text, &label)?;
            let opts = TailorOptions {
                max_bullets: a.max_bullets,
                min_per_entry: a.min_per_entry,
                order: a.order,
                ..TailorOptions::default()
            };
            let (out, summary) = pipeline::render_tailored(&prepared, &matched, &opts, format)?;
            match output {
                Some(o) => write_output(o, &out)?,
                None if format.is_binary() && std::io::stdout().is_terminal() => bail!(
                    "{} is a binary format: write it to a file with -o FILE (or redirect standard output)",
                    format.extension().to_uppercase()
                ),
                None => print_out(&out)?,
            }
            // What was kept and dropped: best effort, like every diagnostic.
            note!("jdfit: {}", summary.line());
            if !matched.report.requirements_found {
                note!(
                    "jdfit: no line of the posting reads as a requirement, duty or nice-to-have: \
                     the bullets were chosen by its title and its other lines only; `jdfit \
                     posting` shows how each line was read"
                );
            }
            if let Some(n) = unnamed {
                note!("jdfit: {n}");
            }
            Ok(())
        }
        Command::Batch(a) => batch(a),
        Command::Posting(a) => posting(a),
        Command::Resume(a) => resume_view(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve(a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jdfit", &mut out);
            print_out(out)
        }
        Command::Man => print_out(man::page(&Cli::command())),
        Command::Index(a) => {
            let resume = options::resume_path(&a.resume)?;
            let opts = options::resume_options(&a.resume)?;
            let dir = options::index_dir(&a.resume);
            let meta = pipeline::build_index(resume, &dir, &opts)
                .map_err(|e| input_error("résumé", resume, e))?;
            note!(
                "jdfit: indexed {} bullets of {} into {}",
                meta.bullets,
                resume.display(),
                dir.display()
            );
            Ok(())
        }
    }
}

/// `jdfit posting`: every posting is read before anything is printed, so a bad file ends
/// the run with its one error line and no partial output.
fn posting(a: PostingArgs) -> Result<()> {
    let encoding = a.encoding.encoding;
    let files = if a.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        a.files
    };
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    let analyzer = options::analyzer(a.lexicon.as_deref())?;
    let mut readings = Vec::with_capacity(files.len());
    for f in files {
        let (text, label) = read_posting(&Some(f), encoding)?;
        let label = match a.format {
            PostingFormat::Json => label,
            PostingFormat::Text => printable(&label).into_owned(),
        };
        readings.push(pipeline::read_posting(&text, &label, &analyzer));
    }
    match a.format {
        PostingFormat::Text if options::color() => {
            print_out(render::posting_reading_text_styled(&readings, &paint))
        }
        f => print_out(render::posting_reading(&readings, f)),
    }
}

/// `jdfit resume`: the résumé as read, with what to check. Its warnings are the output, so
/// they are not repeated as notes.
fn resume_view(a: ResumeViewArgs) -> Result<()> {
    let path = options::view_path(a.file.as_deref())?;
    let (read, source) = if path.as_os_str() == "-" {
        // Standard input is the binary's to open: its bytes are read as a file's would be
        // (a DOCX piped in works too), within the same size limit.
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), parse::MAX_INPUT_BYTES + 1),
            &mut bytes,
        )
        .context("standard input")?;
        let read = pipeline::read_resume_bytes(path, &bytes, a.resume_format)
            .map_err(|e| input_error("résumé", path, e))?;
        (read, "<stdin>".to_string())
    } else {
        let read = pipeline::read_resume(path, a.resume_format)
            .map_err(|e| input_error("résumé", path, e))?;
        (read, path.display().to_string())
    };
    let source = match a.format {
        ViewFormat::Json => source,
        ViewFormat::Text => printable(&source).into_owned(),
    };
    print_out(render::resume_view(&read.view(&source), a.format))
}

/// Bad rows shown one line each; past this many, they are counted and the count is shown
/// once at the end (a file of the wrong kind can make every line a bad row).
const ROW_ERRORS_SHOWN: u64 = 20;

/// Progress on stderr (a bar on a terminal), bad rows always (the first
/// [`ROW_ERRORS_SHOWN`], then their count).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    /// Bad rows reported so far.
    row_errors: u64,
}

impl Observer for Progress {
    fn row_error(&mut self, e: &RowError) {
        // An error of a whole input is always shown.
        if e.is_row() {
            self.row_errors += 1;
            if self.row_errors > ROW_ERRORS_SHOWN {
                return;
            }
        }
        // A CSV input skipped for want of a text column: say how to name it.
        let hint = if e.reason.contains("column in the header") {
            " (name the text column with --text-column NAME)"
        } else {
            ""
        };
        let e = format!("{e}{hint}");
        match &self.bar {
            Some(b) => b.suspend(|| note!("jdfit: {e}")),
            None => note!("jdfit: {e}"),
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

fn batch(a: BatchArgs) -> Result<()> {
    let encoding = a.encoding.encoding;
    let inputs = a
        .inputs
        .iter()
        .map(|p| Input::from_arg(p).map_err(|e| input_error("input", p, e)))
        .collect::<Result<Vec<_>, _>>()?;
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    // The text comes from its own field: a title (or an id…) that is the whole posting is
    // a mistake in the flags, and so is a title read from the company's field. Other roles
    // may share a field (a link as the id), each reading it.
    let text_fields: Vec<String> = match &a.text_column {
        Some(t) => vec![t.clone()],
        None => Columns::default().text,
    };
    let others = [
        ("--title-column", &a.title_column),
        ("--company-column", &a.company_column),
        ("--id-column", &a.id_column),
        ("--location-column", &a.location_column),
        ("--url-column", &a.url_column),
    ];
    for (flag, name) in others {
        if text_fields.contains(name) {
            bail!(
                "{flag} names the field `{name}`, which holds the posting text: each of them needs its own field (name the text's with --text-column NAME)"
            );
        }
    }
    if a.title_column == a.company_column {
        bail!(
            "--title-column and --company-column both name the field `{}`: each needs its own",
            a.title_column
        );
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
        BatchFormat::Table
    } else {
        BatchFormat::Jsonl
    });
    if let Some(dir) = &a.tailor_dir {
        if dir.exists() && !dir.is_dir() {
            bail!(
                "--tailor-dir {}: a file, not a folder (name a folder; it is made if missing)",
                dir.display()
            );
        }
        if let Some(input) = a.inputs.iter().find(|i| i.is_dir() && inside(dir, i)) {
            bail!(
                "--tailor-dir {}: inside the input folder {} (a batch over it would read the tailored résumés as postings); name a folder outside it",
                dir.display(),
                input.display()
            );
        }
    }
    let start = std::time::Instant::now();
    let mut prepared = prepare(&a.resume)?;
    let show_bar = !a.quiet && std::io::stderr().is_terminal();
    let total = if show_bar {
        inputs.iter().map(Input::size_hint).sum::<Option<u64>>()
    } else {
        None
    };
    let mut progress = Progress {
        bar: show_bar.then(|| progress_bar(total)),
        row_errors: 0,
    };
    let opts = BatchOptions {
        top: a.top,
        min_score: a.min_score,
        threads: a.threads.map(usize::from),
        keep_text: a.tailor_dir.is_some(),
        keep_duplicates: a.keep_duplicates,
        memory_rows: a.memory_rows.map(|n| n as usize),
        resume_text: resume_text(&a.resume),
    };
    // Standard input is the binary's to open; the library reads what it is handed.
    let stdin: Option<Box<dyn std::io::Read + Send>> = inputs
        .contains(&Input::Stdin)
        .then(|| Box::new(std::io::stdin()) as Box<dyn std::io::Read + Send>);
    let (ranked, summary) =
        jdfit::batch::run(&prepared, &inputs, stdin, &columns, &opts, &mut progress).map_err(
            |e| match e {
                jdfit::Error::NoTextColumn { .. } => {
                    anyhow::anyhow!("{e}; name it with --text-column NAME")
                }
                e => e.into(),
            },
        )?;
    if let Some(b) = &progress.bar {
        b.finish_and_clear();
    }
    let width = match format {
        BatchFormat::Table => options::table_width(),
        _ => None,
    };
    // Rows to tailor (at most --top) stay in memory; any other batch is written as its rows
    // are read out, merged from temporary files when it outgrew memory.
    let rows = if a.tailor_dir.is_some() {
        ranked.into_rows()?
    } else {
        if summary.scored > 0 {
            print_rows(ranked, format, width)?;
        }
        Vec::new()
    };
    if summary.scored > 0 && a.tailor_dir.is_some() {
        print_rows(rows.iter().map(Ok), format, width)?;
    }
    if progress.row_errors > ROW_ERRORS_SHOWN {
        note!(
            "jdfit: {} more bad rows not shown (the first {ROW_ERRORS_SHOWN} are above)",
            progress.row_errors - ROW_ERRORS_SHOWN
        );
    }
    let secs = start.elapsed().as_secs_f64();
    let merged = if summary.duplicates > 0 {
        format!(" ({} reposts of the same text merged)", summary.duplicates)
    } else {
        String::new()
    };
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // A slow run of a few postings (a large PDF) shows its rate to a decimal, never "0/s".
    let rate = summary.scored as f64 / secs.max(1e-9);
    let rate = if rate < 10.0 {
        format!("{rate:.1}")
    } else {
        format!("{rate:.0}")
    };
    note!(
        "jdfit: scored {}{merged}, skipped {}, {} in the output, in {:.2}s ({rate} postings/s)",
        plural(summary.scored, "posting", "postings"),
        plural(summary.skipped, "bad row", "bad rows"),
        summary.kept,
        secs,
    );
    if summary.scored == 0 {
        bail!("no posting could be scored");
    }
    if let Some(dir) = &a.tailor_dir {
        let unnamed = name_outputs(&mut prepared, a.name.as_deref())
            .filter(|_| a.tailor_format != jdfit::render::ResumeFormat::Json);
        let inputs: Vec<PathBuf> = [options::resume_path(&a.resume).ok()]
            .into_iter()
            .flatten()
            .map(Path::to_path_buf)
            .chain(a.resume.lexicon.clone())
            .chain(a.inputs.iter().filter(|p| p.is_file()).cloned())
            .collect();
        let outcomes = pipeline::write_tailored(
            &prepared,
            &rows,
            dir,
            a.tailor_format,
            a.force,
            &inputs,
            &TailorOptions::default(),
        )?;
        let written = outcomes
            .iter()
            .filter(|o| matches!(o, TailorOutcome::Written(_)))
            .count();
        for o in &outcomes {
            match o {
                TailorOutcome::Exists(p) => note!(
                    "jdfit: {}: exists, not overwritten (use --force)",
                    p.display()
                ),
                TailorOutcome::Input(p) => note!(
                    "jdfit: {}: one of this run's inputs, never overwritten",
                    p.display()
                ),
                TailorOutcome::Written(_) => {}
            }
        }
        note!(
            "jdfit: wrote {written} tailored résumés into {}",
            dir.display()
        );
        if let Some(n) = unnamed.filter(|_| written > 0) {
            note!("jdfit: {n}");
        }
        // A tailored résumé asked for and not written fails the run, as `cp -n` does: a
        // script must not go on with an older file in its place.
        let kept = outcomes.len() - written;
        if kept > 0 {
            bail!(
                "{kept} of {} tailored résumés not written (named above)",
                outcomes.len()
            );
        }
    }
    Ok(())
}

#[cfg(feature = "serve")]
fn serve(a: ServeArgs) -> Result<()> {
    if let Some(ip) = a.listen {
        let broadcast = matches!(ip, std::net::IpAddr::V4(v4) if v4.is_broadcast());
        if ip.is_multicast() || broadcast {
            bail!("--listen {ip}: a multicast or broadcast address takes no connections; use 127.0.0.1 (the default) or this machine's address");
        }
    }
    let opts = options::resume_options(&a.resume)?;
    let default = match &a.resume.resume {
        Some(p) => {
            // The same options (and analyzer) as the server's uploads: a user lexicon is
            // built once. Read once, for the page's view of it and for scoring.
            let read =
                pipeline::read_resume(p, opts.format).map_err(|e| input_error("résumé", p, e))?;
            let name = p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
            let view = read.view(&name);
            let m = pipeline::prepare_parsed(read.resume, Some((p, &read.text)), &opts)
                .map_err(|e| input_error("résumé", p, e))?;
            Some((name, m, Some(view)))
        }
        None => {
            if options::resume_var_was_empty() {
                note!("jdfit: JDFIT_RESUME is set but empty: serving without a résumé (upload one on the page)");
            }
            None
        }
    };
    let ip = a
        .listen
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    let addr = std::net::SocketAddr::new(ip, a.port);
    let state = std::sync::Arc::new(jdfit::serve::AppState::new(default, opts));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    let served = rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr().context("listening address")?;
        if !ip.is_loopback() {
            note!(
                "jdfit: warning: listening on {local}, not on loopback: anyone who can reach this machine can read your résumé"
            );
        }
        note!("jdfit: serving on http://{local}/ (Ctrl-C to stop)");
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
            note!("jdfit: stopping (Ctrl-C again to stop at once)");
            // The server gives open connections a few seconds; a second Ctrl-C does not wait.
            tokio::spawn(async {
                let _ = tokio::signal::ctrl_c().await;
                std::process::exit(130);
            });
        };
        jdfit::serve::serve(listener, state, stop)
            .await
            .context("server")
    });
    // A scoring still running on a blocking thread is not waited for long.
    rt.shutdown_timeout(std::time::Duration::from_secs(1));
    served
}
