//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from the repository root with a private index directory, no résumé in
/// the environment, and "present" pinned to November 2026 so years of experience are stable.
pub fn jdfit(index: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("jdfit").unwrap();
    c.current_dir(root())
        .env_remove("JDFIT_RESUME")
        .env_remove("JDFIT_LEXICON")
        .env("JDFIT_AS_OF", "2026-11")
        .env("JDFIT_INDEX_DIR", index);
    c
}

/// An external tool for a test (a validator, LibreOffice, a browser): its path if present.
/// When it is missing the test is skipped with a note, unless `JDFIT_REQUIRE_TOOLS` is set
/// (CI sets it after installing them), in which case the test fails.
pub fn tool(path: impl AsRef<Path>, what: &str) -> Option<PathBuf> {
    let p = path.as_ref();
    let found = if p.components().count() > 1 {
        let full = if p.is_absolute() {
            p.to_path_buf()
        } else {
            root().join(p)
        };
        full.exists().then_some(full)
    } else {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(p))
                .find(|f| f.is_file())
        })
    };
    if found.is_none() {
        assert!(
            std::env::var_os("JDFIT_REQUIRE_TOOLS").is_none(),
            "{what} is required (JDFIT_REQUIRE_TOOLS is set) but {} was not found",
            p.display()
        );
        skip(&format!("{what} not found ({})", p.display()));
    }
    found
}

/// Notes that (part of) a test was skipped: `skipped: {why}` on the real standard error, not
/// through `eprintln!`, which the test harness captures and shows only for failing tests, so
/// the skip is visible in a plain `cargo test` run.
pub fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// Runs `cmd` and returns its output, failing the test with its standard error unless it
/// exits 0.
pub fn run_ok(cmd: &mut assert_cmd::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs jdfit and expects exit 2 with one stderr line containing `want`.
pub fn fails(args: &[&std::ffi::OsStr], want: &str) {
    let t = tempfile::tempdir().unwrap();
    let out = jdfit(t.path()).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(want), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
