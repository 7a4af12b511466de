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
