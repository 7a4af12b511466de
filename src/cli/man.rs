//! `jdfit man`: one manual page with every command, its options and examples, and the
//! sections a manual page is expected to have (ENVIRONMENT, FILES, EXIT STATUS). One page
//! rather than clap_mangen's per-command pages, which refer to jdfit-match(1) and the like
//! that a user would have to generate and install one by one.

use clap::{Arg, Command};
use roff::{bold, italic, roman, Roff};

/// Environment variables jdfit reads, and what for.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "JDFIT_RESUME",
        "The résumé file when --resume is not given (match, tailor, batch, resume, index, serve).",
    ),
    (
        "JDFIT_LEXICON",
        "Extra lexicon concepts (TSV) when --lexicon is not given.",
    ),
    (
        "JDFIT_INDEX_DIR",
        "Where the persisted bullet index lives when --index-dir is not given.",
    ),
    (
        "JDFIT_AS_OF",
        "The month (YYYY-MM) that \"present\" and recency are counted to; default this month.",
    ),
    (
        "NO_COLOR",
        "When set (to anything), reports on a terminal are not coloured.",
    ),
    (
        "COLUMNS",
        "The width the batch table fits, when standard output is not a terminal or to override it.",
    ),
];

/// Files jdfit reads or writes besides its arguments.
const FILES: &[(&str, &str)] = &[
    (
        "~/.cache/jdfit/index/",
        "The persisted bullet index (on Linux; the platform's cache folder elsewhere), rebuilt when the résumé changes. Its lock file is .NAME.jdfit-lock beside it.",
    ),
    (
        ".jdfit-*.tmp",
        "A hidden temporary file beside an output being written (-o, --tailor-dir); renamed over the output when complete, deleted on error or Ctrl-C.",
    ),
];

/// Exit codes.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success (a closed standard output pipe, as with | head, counts as success)."),
    (
        "2",
        "Bad usage or input: one line on standard error names the file (and line) and what is wrong. A bare jdfit prints the help and exits 2.",
    ),
    ("130", "serve stopped by a second Ctrl-C."),
    (
        "other",
        "Killed by a signal (Ctrl-C, SIGTERM, SIGHUP while writing outputs ends as the signal would, after deleting its temporary files).",
    ),
];

/// Examples for the whole tool, beyond each command's own.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "Check how a résumé is read (sections, entries, bullet ids, warnings):",
        "jdfit resume cv.docx",
    ),
    (
        "Score a posting copied to the clipboard:",
        "pbpaste | jdfit match --resume cv.md",
    ),
    (
        "Rank a job board export and write a tailored résumé for the best ten:",
        "jdfit batch -r cv.md export.jsonl --top 10 --tailor-dir tailored/",
    ),
    (
        "Write a tailored résumé as a Word document:",
        "jdfit tailor -r cv.md posting.txt -f docx -o cv-acme.docx",
    ),
    (
        "Install this page:",
        "jdfit man > ~/.local/share/man/man1/jdfit.1",
    ),
];

/// The manual page of `cmd` (the `jdfit` command), in roff.
pub fn page(cmd: &Command) -> String {
    let mut cmd = cmd.clone();
    cmd.build();
    let name = cmd.get_name().to_string();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let mut r = Roff::new();
    r.control(
        "TH",
        [
            name.to_uppercase().as_str(),
            "1",
            "",
            &format!("{name} {version}"),
            "User Commands",
        ],
    );
    r.control("SH", ["NAME"]);
    // The roff writer escapes the dash itself.
    r.text([roman(format!(
        "{name} - {}",
        text_of(cmd.get_about()).trim_end_matches('.')
    ))]);

    r.control("SH", ["SYNOPSIS"]);
    for sub in commands(&cmd) {
        r.text([bold(format!("{name} {}", sub.get_name())), roman(" ")])
            .text([roman(usage_tail(sub))]);
        r.control("br", []);
    }

    r.control("SH", ["DESCRIPTION"]);
    r.text([roman(text_of(cmd.get_long_about().or(cmd.get_about())))]);

    r.control("SH", ["COMMANDS"]);
    for sub in commands(&cmd) {
        r.control("SS", [format!("{name} {}", sub.get_name()).as_str()]);
        r.text([roman(text_of(sub.get_long_about().or(sub.get_about())))]);
        // Every command has -h/--help, which the synopsis implies.
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && a.get_id() != "help")
        {
            option(&mut r, arg);
        }
        let after = text_of(sub.get_after_help());
        let examples: Vec<&str> = after
            .lines()
            .skip_while(|l| l.trim() != "Examples:")
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        if !examples.is_empty() {
            r.control("PP", []).text([italic("Examples:")]);
            r.control("nf", []).control("RS", ["4"]);
            for e in examples {
                r.text([roman(e)]);
            }
            r.control("RE", []).control("fi", []);
        }
    }

    r.control("SH", ["EXAMPLES"]);
    for (what, how) in EXAMPLES {
        r.control("PP", []).text([roman(*what)]);
        r.control("nf", []).control("RS", ["4"]);
        r.text([bold(*how)]);
        r.control("RE", []).control("fi", []);
    }
    for (title, rows) in [
        ("ENVIRONMENT", ENVIRONMENT),
        ("FILES", FILES),
        ("EXIT STATUS", EXIT_STATUS),
    ] {
        r.control("SH", [title]);
        for (term, what) in rows {
            r.control("TP", []).text([bold(*term)]).text([roman(*what)]);
        }
    }
    r.control("SH", ["VERSION"]);
    r.text([roman(format!("{name} {version}"))]);
    r.render()
}

/// The subcommands a user runs (not clap's `help`).
fn commands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands().filter(|c| c.get_name() != "help")
}

/// A subcommand's usage after its name: `[OPTIONS] [POSTING]`.
fn usage_tail(sub: &Command) -> String {
    let usage = sub.clone().render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    // "jdfit match [OPTIONS] [POSTING]" → "[OPTIONS] [POSTING]"
    usage
        .split_once(sub.get_name())
        .map_or(usage, |(_, tail)| tail)
        .trim()
        .to_string()
}

/// Plain text of clap's styled strings.
fn text_of(s: Option<&clap::builder::StyledStr>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

/// One option or argument as a tagged paragraph: its flags and value, then its help, the
/// values it takes, its default and the variable it falls back to.
fn option(r: &mut Roff, arg: &Arg) {
    let value = arg
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| format!("<{n}>"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let head = if arg.is_positional() {
        if value.is_empty() {
            format!("<{}>", arg.get_id().as_str().to_uppercase())
        } else {
            value
        }
    } else {
        let mut flags = Vec::new();
        if let Some(s) = arg.get_short() {
            flags.push(format!("-{s}"));
        }
        if let Some(l) = arg.get_long() {
            flags.push(format!("--{l}"));
        }
        let takes = arg.get_num_args().is_some_and(|n| n.takes_values()) && !value.is_empty();
        if takes {
            format!("{} {value}", flags.join(", "))
        } else {
            flags.join(", ")
        }
    };
    r.control("TP", []).text([bold(head)]);
    let mut help = text_of(arg.get_long_help().or(arg.get_help()))
        .trim_end()
        .to_string();
    // clap drops a doc comment's final period; the sentences added below need it back.
    if !help.is_empty() && !help.ends_with(['.', '。']) {
        help.push('.');
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("{} ({h})", v.get_name()),
            None => v.get_name().to_string(),
        })
        .collect();
    if !values.is_empty() {
        help.push_str(&format!(" One of: {}.", values.join("; ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        help.push_str(&format!(" Default: {}.", defaults.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        help.push_str(&format!(" Environment: {}.", env.to_string_lossy()));
    }
    r.text([roman(help.trim())]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_and_the_expected_sections_are_on_the_page() {
        let page = page(&crate::cli::args::Cli::command());
        for section in [
            "NAME",
            "SYNOPSIS",
            "COMMANDS",
            "EXAMPLES",
            "ENVIRONMENT",
            "FILES",
            "\"EXIT STATUS\"",
        ] {
            assert!(
                page.contains(&format!(".SH {section}\n")),
                "no {section} section"
            );
        }
        for cmd in [
            "match", "tailor", "batch", "posting", "resume", "index", "man",
        ] {
            assert!(
                page.contains(&format!(".SS \"jdfit {cmd}\"\n")),
                "no {cmd} section"
            );
        }
        // One page: no references to per-command pages that jdfit cannot generate.
        assert!(!page.contains("jdfit-match(1)"));
        assert!(page.contains("\\-\\-top"), "batch's options are listed");
    }
}
