//! The `jdfit` command line: a thin layer over the library (see `cli`).

/// Writes one line to standard error, best effort: diagnostics never decide the work or the
/// exit code, so a standard error that cannot be written (`2>/dev/full`, a closed descriptor)
/// is ignored rather than a panic, as `eprintln!` would. Control characters (from file names,
/// export fields) are shown as escapes, so a message never drives the terminal and stays
/// one line.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(std::io::stderr(), "{}", jdfit::printable::printable(&line));
    }};
}

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: batch scoring allocates many short-lived
/// strings on every thread, where glibc's allocator measured slower.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option number for the purge delay (`mi_option_e` in its `mimalloc.h`, v3), which
/// libmimalloc-sys does not name; a unit test checks it by its default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives freed memory back to the system at once instead of a second later: a batch allocates
/// and frees per posting on every thread, so pages freed and reused within the delay add up.
/// With this and without transparent huge pages (mimalloc's `no_thp`), peak RSS on 20,000
/// real postings fell from about 150 MB to about 80 MB at the same speed (README, "Batch at
/// scale").
fn tune_allocator() {
    // SAFETY: a plain setter of one of mimalloc's global options, before any thread starts.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

fn main() -> ExitCode {
    tune_allocator();
    // A panic the library contains (a damaged file inside a third-party reader) is reported
    // as one error line; only the default hook would print it as a crash.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !jdfit::contain::active() {
            default_hook(info);
        }
    }));
    cli::forget_empty_resume_var();
    let cli = match cli::args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: a closed pipe (`| head`) is not an error, a standard output
            // that cannot be written (`> /dev/full`) is.
            return match e.print() {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    note!("jdfit: standard output: {err}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            };
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // A bare `jdfit` (or a bare subcommand that needs one): the help, as cargo and
            // git print it, on standard error since nothing was done.
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            note!("jdfit: {}", cli::usage_error(&e, &args));
            return ExitCode::from(2);
        }
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The error and its causes on one line, each cause once: a library error such as
            // `path: reason` already includes its source's text.
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg = format!("{msg}: {c}");
                }
            }
            note!("jdfit: {msg}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allocator_option_set_is_the_purge_delay() {
        // Read before `tune_allocator` runs in this process, the default identifies the
        // option: 1,000 ms in mimalloc's `options.c` (its header's comment still says 10).
        // SAFETY: plain getters of mimalloc's global options.
        let get = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(get(), 1000);
        tune_allocator();
        assert_eq!(get(), 0);
    }
}
