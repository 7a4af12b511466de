//! Faults, outputs and absurd values under hostile conditions (issue 15): nothing lost,
//! nothing replaced, no panic. Where root would bypass a permission, the case runs as an
//! unprivileged user through `setpriv`, or is skipped with a note.

mod common;
use common::{jdfit, root, skip};

use std::path::{Path, PathBuf};
use std::process::Output;

const SEED: &str = "corpus/resume-zh.txt";
const LLM_EN: &str = "jobs/en/en-09-llm-platform-engineer.txt";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts exit code 2 with one line on stderr containing `want`, and no panic.
fn assert_fails(o: &Output, want: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(want), "wanted {want:?} in {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `jdfit tailor -r SEED LLM_EN -o out`.
fn tailor_to(idx: &Path, out: &Path) -> assert_cmd::Command {
    let mut c = jdfit(idx);
    c.args(["tailor", "-r", SEED, LLM_EN, "-o"]).arg(out);
    c
}

/// The binary as a plain `std::process::Command` (whose standard streams a test can set),
/// set up like [`jdfit`].
fn bin(idx: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jdfit"));
    c.current_dir(root())
        .env_remove("JDFIT_RESUME")
        .env_remove("JDFIT_LEXICON")
        .env("JDFIT_AS_OF", "2026-11")
        .env("JDFIT_INDEX_DIR", idx);
    c
}

/// The hidden temporary files (`.jdfit-*.tmp`) in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".jdfit-"))
        .collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let Some(mkfifo) = common::tool("mkfifo", "mkfifo (coreutils), for a FIFO case") else {
        return false;
    };
    let made = std::process::Command::new(mkfifo)
        .arg(path)
        .output()
        .unwrap();
    assert!(made.status.success(), "mkfifo: {}", stderr(&made));
    true
}

#[cfg(unix)]
fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.uid() == 0
        })
        .unwrap_or(false)
}

/// The binary run as an unprivileged user (`setpriv` to nobody) when the tests run as root,
/// where root would bypass a permission; `None` (with a note) when that cannot be done.
/// Files it reads must be readable by anyone: the test copies them into `dir` (made 0755).
#[cfg(unix)]
fn unprivileged(dir: &Path, why: &str) -> Option<std::process::Command> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("jdfit");
    let mut c = if is_root() {
        let setpriv = common::tool("setpriv", &format!("setpriv (util-linux), for {why}"))?;
        let mut c = std::process::Command::new(setpriv);
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--reset-env",
        ]);
        c.arg(&bin);
        // The binary itself must be reachable by that user.
        let probe = std::process::Command::new(c.get_program())
            .args(c.get_args())
            .arg("--version")
            .output();
        if !probe.is_ok_and(|o| o.status.success()) {
            skip(&format!(
                "{why}: cannot run jdfit as an unprivileged user here"
            ));
            return None;
        }
        c
    } else {
        std::process::Command::new(bin)
    };
    c.current_dir(dir)
        .env("JDFIT_AS_OF", "2026-11")
        .env("JDFIT_INDEX_DIR", dir.join("no-index"))
        .env_remove("JDFIT_RESUME")
        .env_remove("JDFIT_LEXICON");
    Some(c)
}

/// Copies the seed résumé and a posting into `dir`, readable by anyone.
fn inputs_in(dir: &Path) -> (PathBuf, PathBuf) {
    let r = dir.join("resume.txt");
    let p = dir.join("posting.txt");
    std::fs::copy(root().join(SEED), &r).unwrap();
    std::fs::copy(root().join(LLM_EN), &p).unwrap();
    (r, p)
}

// ---- 1. `-o` onto what is not a regular file ----------------------------------------------

#[cfg(unix)]
#[test]
fn output_into_a_fifo_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let t = tmp();
    let fifo = t.path().join("out.fifo");
    if !mkfifo(&fifo) {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = tailor_to(t.path(), &fifo)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Checked before waiting for the reader: a FIFO renamed over never gets a writer.
    let ft = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(ft.is_fifo(), "the FIFO is still a FIFO");
    let got = reader.join().unwrap();
    assert!(got.contains("## 工作经历"), "the reader got: {got:?}");
    assert!(leftovers(t.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn output_through_a_link_writes_the_file_and_keeps_the_link() {
    let t = tmp();
    let idx = tmp();
    let real = t.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = t.path().join("link.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    tailor_to(idx.path(), &link).assert().success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("## 工作经历"));
    assert!(leftovers(t.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn output_into_devices_writes_into_them() {
    use std::os::unix::fs::FileTypeExt;
    let idx = tmp();
    let before = std::fs::metadata("/dev/null").unwrap();
    tailor_to(idx.path(), Path::new("/dev/null"))
        .assert()
        .success();
    let after = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(after.file_type().is_char_device(), "/dev/null replaced!");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(before.ino(), after.ino());
    // A device that cannot take the bytes: said clearly, naming it.
    if Path::new("/dev/full").exists() {
        let o = tailor_to(idx.path(), Path::new("/dev/full"))
            .output()
            .unwrap();
        assert_fails(&o, "/dev/full: No space left on device");
        assert!(std::fs::symlink_metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device());
    }
    let leftovers: Vec<String> = leftovers(Path::new("/dev"));
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A folder is not a file.
    let o = tailor_to(idx.path(), idx.path()).output().unwrap();
    assert_fails(&o, "a folder, not a file jdfit can write");
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_goes_where_standard_output_points() {
    let idx = tmp();
    // A pipe.
    let o = tailor_to(idx.path(), Path::new("/dev/stdout"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("## 工作经历"));
    // A file opened for appending (`>> log`): appended to, the file not replaced.
    let t = tmp();
    let log = t.path().join("log.md");
    std::fs::write(&log, "earlier\n").unwrap();
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(&log).unwrap().ino();
    let f = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let o = bin(idx.path())
        .args(["tailor", "-r", SEED, LLM_EN, "-o", "/dev/stdout"])
        .stdout(f)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("earlier\n"), "{text:.40}");
    assert!(text.contains("## 工作经历"));
    assert_eq!(std::fs::metadata(&log).unwrap().ino(), ino);
    assert!(leftovers(t.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn an_unwritable_output_is_named_not_its_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = tmp();
    let (r, p) = inputs_in(t.path());
    let locked = t.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let Some(mut c) = unprivileged(t.path(), "an unwritable -o folder") else {
        return;
    };
    let o = c
        .arg("tailor")
        .arg("-r")
        .arg(&r)
        .arg(&p)
        .arg("-o")
        .arg("locked/out.md")
        .output()
        .unwrap();
    assert_fails(&o, "locked/out.md: Permission denied");
    assert!(!stderr(&o).contains(".jdfit-"), "{}", stderr(&o));
}

// ---- 2. A standard error that cannot be written -------------------------------------------

/// `/dev/full` opened for writing: every write fails with "No space left on device".
#[cfg(target_os = "linux")]
fn full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_error_changes_neither_the_work_nor_the_exit_code() {
    let t = tmp();
    let idx = t.path().join("idx");
    let run = |args: &[&str], extra: &[&Path]| {
        let o = bin(&idx)
            .args(args)
            .args(extra)
            .stderr(full())
            .output()
            .unwrap();
        (o.status.code(), o.stdout)
    };
    // An error still exits 2 (not 101).
    assert_eq!(run(&["match", "-r", SEED, "missing.txt"], &[]).0, Some(2));
    // The work is done and exits 0.
    let (code, out) = run(&["match", "-r", SEED, LLM_EN, "-f", "json"], &[]);
    assert_eq!(code, Some(0));
    assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
    assert_eq!(run(&["index", "-r", SEED], &[]).0, Some(0));
    assert!(idx.join(jdfit::index::META_FILE).exists());
    let dir = t.path().join("tailored");
    let (code, out) = run(
        &[
            "batch",
            "-r",
            SEED,
            "jobs/en",
            "--top",
            "5",
            "-f",
            "jsonl",
            "--tailor-dir",
        ],
        &[&dir],
    );
    assert_eq!(code, Some(0));
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 5);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 5);
}

#[cfg(all(target_os = "linux", feature = "serve"))]
#[test]
fn serve_starts_with_a_full_standard_error() {
    use std::io::{Read, Write};
    let idx = tmp();
    // A free port, then given to the server (it cannot say which it took).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = bin(idx.path())
        .args(["serve", "-r", SEED, "--port", &port.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(full())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut answer = String::new();
    while std::time::Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server ended: {status}");
        }
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            let req = format!(
                "GET /api/resume HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            );
            s.write_all(req.as_bytes()).unwrap();
            let _ = s.read_to_string(&mut answer);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "no answer: {answer:?}");
}

#[test]
fn help_into_a_full_standard_output_is_an_error() {
    #[cfg(target_os = "linux")]
    {
        let idx = tmp();
        let o = bin(idx.path())
            .arg("--help")
            .stdout(full())
            .output()
            .unwrap();
        assert_fails(&o, "standard output: No space left on device");
    }
}

// ---- 3. Huge or absurd numbers ------------------------------------------------------------

/// `jdfit batch -r SEED jobs/en -f jsonl` with `extra` arguments.
fn batch_en(idx: &Path, extra: &[&str]) -> Output {
    jdfit(idx)
        .args(["batch", "-r", SEED, "jobs/en", "-f", "jsonl"])
        .args(extra)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap()
}

#[test]
fn a_huge_top_is_a_bound_not_an_allocation() {
    let idx = tmp();
    for top in [
        "1000000000000",
        "9223372036854775807",
        &usize::MAX.to_string(),
    ] {
        let o = batch_en(idx.path(), &["--top", top]);
        assert!(o.status.success(), "--top {top}: {}", stderr(&o));
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 42);
    }
}

#[test]
fn absurd_thread_counts_are_refused() {
    let idx = tmp();
    for n in ["10000", "65535", "257"] {
        let o = batch_en(idx.path(), &["--threads", n]);
        assert_fails(&o, &format!("invalid value '{n}' for '--threads <N>'"));
        assert!(stderr(&o).contains("not in 1..=256"), "{}", stderr(&o));
    }
    let o = batch_en(idx.path(), &["--threads", "256", "--top", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn min_score_outside_0_to_100_is_refused() {
    let idx = tmp();
    for v in ["NaN", "nan", "inf", "-inf", "101", "-5", "-0.1"] {
        let o = batch_en(idx.path(), &["--min-score", v]);
        assert_fails(
            &o,
            &format!("invalid value '{v}' for '--min-score <S>': scores run from 0 to 100"),
        );
        // No tip to pass `-- -5`, which would make it an input.
        assert!(!stderr(&o).contains("tip"), "{}", stderr(&o));
    }
    let o = batch_en(idx.path(), &["--min-score", "abc"]);
    assert_fails(&o, "not a number (give a score from 0 to 100)");
    for (v, kept) in [("0", 42), ("100", 0)] {
        let o = batch_en(idx.path(), &["--min-score", v]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), kept);
    }
}

// ---- 4. `jdfit index` never deletes what is not its own -----------------------------------

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn index_never_deletes_a_folder_or_files_that_are_not_its_own() {
    let t = tmp();
    let idx = t.path().join("unused");
    let index = |dir: &Path| {
        jdfit(&idx)
            .args(["index", "-r", SEED, "--index-dir"])
            .arg(dir)
            .output()
            .unwrap()
    };
    // A folder of the user's with a file that only claims to be an index's metadata.
    let mine = t.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep me").unwrap();
    std::fs::write(
        mine.join(jdfit::index::META_FILE),
        "{\"not\": \"an index\"}",
    )
    .unwrap();
    assert_fails(&index(&mine), "exists and is not a jdfit index");
    assert_eq!(names(&mine), ["jdfit-index.json", "notes.txt"]);
    // Real index metadata copied beside the user's files: still not the index's own files.
    let real = t.path().join("real");
    assert!(index(&real).status.success());
    // An index whose metadata is damaged: refused, with how to get past it.
    let damaged = t.path().join("damaged");
    assert!(index(&damaged).status.success());
    std::fs::write(damaged.join(jdfit::index::META_FILE), "{broken").unwrap();
    assert_fails(
        &index(&damaged),
        "is damaged; refusing to overwrite it (delete the folder",
    );
    std::fs::copy(
        real.join(jdfit::index::META_FILE),
        mine.join(jdfit::index::META_FILE),
    )
    .unwrap();
    assert_fails(
        &index(&mine),
        "holds files that are not the index's own (\"notes.txt\")",
    );
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep me"
    );
    // A stray file in a real index: a rebuild is refused, the file kept.
    std::fs::write(real.join("stray.txt"), "mine").unwrap();
    assert_fails(
        &index(&real),
        "holds files that are not the index's own (\"stray.txt\")",
    );
    assert_eq!(
        std::fs::read_to_string(real.join("stray.txt")).unwrap(),
        "mine"
    );
    // `match` with a changed résumé cannot rebuild it there: RAM, one note, the file kept.
    let resume = t.path().join("resume.txt");
    std::fs::copy(root().join(SEED), &resume).unwrap();
    let mut c = jdfit(&idx);
    c.args(["index", "-r"]).arg(&resume).arg("--index-dir");
    let ix2 = t.path().join("ix2");
    assert!(c.arg(&ix2).output().unwrap().status.success());
    std::fs::write(ix2.join("stray.txt"), "mine").unwrap();
    std::fs::write(
        &resume,
        std::fs::read_to_string(&resume).unwrap() + "\n- 负责 Kafka 集群运维。\n",
    )
    .unwrap();
    let o = jdfit(&idx)
        .args(["match", "-f", "json", "-r"])
        .arg(&resume)
        .arg(LLM_EN)
        .arg("--index-dir")
        .arg(&ix2)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["index"], "memory");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("note:") && err.contains("stray.txt"), "{err}");
    assert_eq!(
        std::fs::read_to_string(ix2.join("stray.txt")).unwrap(),
        "mine"
    );
    // Without the stray file the index is rebuilt in place, and nothing is left beside it.
    std::fs::remove_file(real.join("stray.txt")).unwrap();
    assert!(index(&real).status.success());
    assert!(names(&real).contains(&jdfit::index::META_FILE.to_string()));
    let beside: Vec<String> = names(t.path())
        .into_iter()
        .filter(|n| n.starts_with(".jdfit"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[cfg(unix)]
#[test]
fn an_index_folder_through_a_link_keeps_the_link() {
    let t = tmp();
    let real = t.path().join("real");
    let link = t.path().join("link");
    std::os::unix::fs::symlink("real", &link).unwrap();
    for _ in 0..2 {
        let o = jdfit(t.path())
            .args(["index", "-r", SEED, "--index-dir"])
            .arg(&link)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(real.join(jdfit::index::META_FILE).exists());
    }
}

/// `tailor -o` does not replace a file its owner made read-only, as a shell's `>` would not
/// (the atomic rename needs only the folder to be writable). Run as an unprivileged user, for
/// whom the file's mode counts.
#[cfg(unix)]
#[test]
fn tailor_does_not_replace_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = tmp();
    inputs_in(t.path());
    let kept = t.path().join("kept.md");
    std::fs::write(&kept, "mine\n").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o444)).unwrap();
    let Some(mut c) = unprivileged(t.path(), "a read-only output file") else {
        return;
    };
    // The folder is writable by that user too: only the file's own mode stands in the way.
    std::fs::set_permissions(t.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let o = c
        .args(["tailor", "-r", "resume.txt", "posting.txt", "-o", "kept.md"])
        .output()
        .unwrap();
    assert_fails(&o, "kept.md: Permission denied");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine\n");
}

/// Runs `c` for at most 60 s: its output, or a failed test naming `what` if it hangs.
fn within_a_minute(mut c: std::process::Command, what: &str) -> Output {
    let mut child = c
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{what}: still running after 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

/// A FIFO put in a persisted index's folder (a file of the index swapped for one) or in
/// place of its lock file never makes a command wait for a writer: the index is rebuilt in
/// RAM with a note, and `index` goes on without the lock.
#[cfg(unix)]
#[test]
fn a_fifo_in_or_beside_an_index_never_hangs() {
    let t = tmp();
    let idx = t.path().join("ix");
    let o = bin(&idx)
        .args(["index", "-r", SEED, "--index-dir"])
        .arg(&idx)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let term = std::fs::read_dir(&idx)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "term"))
        .expect("a .term file");
    std::fs::remove_file(&term).unwrap();
    if !mkfifo(&term) {
        return;
    }
    let mut c = bin(&idx);
    c.args(["match", "-r", SEED, LLM_EN, "--index-dir"])
        .arg(&idx);
    let o = within_a_minute(c, "match with a FIFO in the index");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("built in RAM"), "{}", stderr(&o));
    // A FIFO where the lock file goes.
    let other = t.path().join("iy");
    assert!(mkfifo(&t.path().join(".iy.jdfit-lock")));
    let mut c = bin(&other);
    c.args(["index", "-r", SEED, "--index-dir"]).arg(&other);
    let o = within_a_minute(c, "index with a FIFO for its lock");
    assert!(o.status.success(), "{}", stderr(&o));
}

// ---- 5. A read-only persisted index -------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_read_only_index_is_used_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let t = tmp();
    let (r, p) = inputs_in(t.path());
    let home = t.path().join("home");
    std::fs::create_dir(&home).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&home, Some(65534), Some(65534)).unwrap();
    }
    let run = |args: &[&str]| -> Option<Output> {
        let mut c = unprivileged(t.path(), "a read-only index")?;
        Some(c.args(args).output().unwrap())
    };
    let Some(o) = run(&["index", "-r", "resume.txt", "--index-dir", "home/ix"]) else {
        return;
    };
    assert!(o.status.success(), "{}", stderr(&o));
    let ix = home.join("ix");
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    for f in std::fs::read_dir(&ix).unwrap() {
        set_mode(&f.unwrap().path(), 0o444);
    }
    set_mode(&ix, 0o555);
    let status = |expect_note: bool| {
        let o = run(&[
            "match",
            "-f",
            "json",
            "-r",
            "resume.txt",
            "posting.txt",
            "--index-dir",
            "home/ix",
        ])
        .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let err = stderr(&o);
        if expect_note {
            assert_eq!(err.lines().count(), 1, "one note: {err}");
            assert!(
                err.starts_with("jdfit: note: index directory home/ix"),
                "{err}"
            );
        } else {
            assert!(err.is_empty(), "{err}");
        }
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["index"].as_str().unwrap().to_string()
    };
    assert_eq!(status(false), "reused");
    // Its parent read-only too.
    set_mode(&home, 0o555);
    assert_eq!(status(false), "reused");
    // The résumé changed: it cannot be rebuilt there, so RAM with one note.
    let text = std::fs::read_to_string(&r).unwrap() + "\n- 负责 Kafka 集群运维。\n";
    std::fs::write(&r, text).unwrap();
    assert_eq!(status(true), "memory");
    let _ = p;
    // Left as it was, so the temporary folder can go.
    set_mode(&home, 0o755);
    set_mode(&ix, 0o755);
}

// ---- 7. Terminal escapes from file names and export fields --------------------------------

/// No control character but the line ends.
fn no_controls(what: &str, s: &str) {
    let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what} carries raw controls {bad:?}: {s:?}");
}

#[cfg(unix)]
#[test]
fn escapes_in_file_names_never_reach_the_terminal() {
    let t = tmp();
    let jobs = t.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    let name = "a\u{1b}]0;PWNED\u{7}\nb\u{1b}[2J\u{9b}31m.txt";
    let posting = jobs.join(name);
    std::fs::copy(root().join(LLM_EN), &posting).unwrap();
    let idx = tmp();
    for format in ["table", "csv"] {
        let o = jdfit(idx.path())
            .args(["batch", "-r", SEED, "-f", format])
            .arg(&jobs)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        no_controls(format, &out);
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(
            out.contains("a\\x1b]0;PWNED\\x07\\nb\\x1b[2J\\u{9b}31m.txt"),
            "{out}"
        );
        no_controls("stderr", &stderr(&o));
    }
    for cmd in ["match", "posting"] {
        let mut c = jdfit(idx.path());
        c.arg(cmd);
        if cmd == "match" {
            c.args(["-r", SEED]);
        }
        let o = c.arg(&posting).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        no_controls(cmd, &String::from_utf8(o.stdout).unwrap());
    }
    // In an error line: escaped, and still one line.
    let o = jdfit(idx.path())
        .args(["match", "-r", SEED])
        .arg(t.path().join("gone\u{1b}[31m\nx.txt"))
        .output()
        .unwrap();
    assert_fails(&o, "gone\\x1b[31m\\nx.txt: no such file");
    no_controls("stderr", &stderr(&o));
}

#[test]
fn csv_output_carries_no_raw_control_bytes_from_export_fields() {
    let t = tmp();
    let text = std::fs::read_to_string(root().join(LLM_EN)).unwrap();
    let row = serde_json::json!({
        "id": "x\u{1b}[2J",
        "title": "Platform\u{1b}]0;owned\u{7} engineer\r\nsecond line",
        "company": "Acme\u{9b}31m",
        "location": "Remote\tEU",
        "text": text,
    });
    let input = t.path().join("rows.jsonl");
    std::fs::write(&input, format!("{row}\n")).unwrap();
    let o = jdfit(t.path())
        .args(["batch", "-r", SEED, "-f", "csv"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    no_controls("csv", &out);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("Platform\\x1b]0;owned\\x07 engineer\\r\\nsecond line"),
        "{out}"
    );
}

// ---- 9. Temporary files on Ctrl-C or SIGTERM ----------------------------------------------

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let idx = tmp();
    // Interrupted a few milliseconds after the k-th tailored file appears, with SIGINT and
    // SIGTERM in turn: before the fix about a third of such runs left a temporary file.
    for (i, k) in [1usize, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78]
        .into_iter()
        .enumerate()
    {
        let sig = if i % 2 == 0 {
            libc::SIGINT
        } else {
            libc::SIGTERM
        };
        let t = tmp();
        let dir = t.path().join("out");
        let mut child = bin(idx.path())
            .args([
                "batch",
                "-r",
                SEED,
                "jobs",
                "--top",
                "84",
                "-q",
                "--tailor-dir",
            ])
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        let mut finished = None;
        while std::time::Instant::now() < deadline {
            if let Some(status) = child.try_wait().unwrap() {
                finished = Some(status);
                break;
            }
            let written = std::fs::read_dir(&dir).map_or(0, |d| {
                d.filter(|e| {
                    !e.as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .starts_with('.')
                })
                .count()
            });
            if written >= k {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let status = match finished {
            Some(s) => s,
            None => {
                std::thread::sleep(std::time::Duration::from_micros((i as u64 * 7919) % 12_000));
                // SAFETY: a signal to our own child, by its id.
                unsafe { libc::kill(child.id() as libc::pid_t, sig) };
                child.wait().unwrap()
            }
        };
        assert!(
            status.success() || status.signal() == Some(sig),
            "run {i}: {status}"
        );
        let left = leftovers(&dir);
        assert!(left.is_empty(), "run {i} (after {k} files): {left:?}");
        // What was written is complete.
        for e in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert!(text.contains("## 工作经历"), "a partial file");
        }
    }
}

// ---- 10. Smaller ones ---------------------------------------------------------------------

#[test]
fn a_minified_json_resume_over_a_mib_is_read() {
    let t = tmp();
    let resume = serde_json::json!({
        "basics": {"name": "X", "image": format!("data:image/png;base64,{}", "A".repeat(1_500_000))},
        "work": [{"name": "ACME", "position": "SRE", "startDate": "2020-01",
                  "highlights": ["Built Kafka pipelines on Kubernetes", "Ran Prometheus monitoring"]}]
    });
    let json = t.path().join("resume.json");
    std::fs::write(&json, resume.to_string()).unwrap();
    let o = jdfit(t.path())
        .args(["match", "-f", "json", "-r"])
        .arg(&json)
        .arg(LLM_EN)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // The line limit still holds for text and Markdown résumés.
    let md = t.path().join("resume.md");
    let long = "word ".repeat(300_000);
    std::fs::write(&md, format!("# X\n\n## Experience\n\n- {long}\n")).unwrap();
    let o = jdfit(t.path())
        .args(["match", "-r"])
        .arg(&md)
        .arg(LLM_EN)
        .output()
        .unwrap();
    assert_fails(
        &o,
        "resume.md:5: line of 1500002 bytes, over the 1024 KiB line limit",
    );
}

/// A CSV export of one posting, with `delim` between fields and `header`.
fn csv_export(path: &Path, delim: char, header: [&str; 3]) {
    let text = std::fs::read_to_string(root().join(LLM_EN)).unwrap();
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let body = format!(
        "{}\n{}{delim}{}{delim}{}\n",
        header.join(&delim.to_string()),
        q("1"),
        q("LLM; Platform"),
        q(&text)
    );
    std::fs::write(path, body).unwrap();
}

#[test]
fn one_bad_input_in_a_batch_is_reported_and_the_others_kept() {
    let t = tmp();
    let bad = t.path().join("no-text.csv");
    csv_export(&bad, ',', ["id", "title", "body"]);
    let o = jdfit(t.path())
        .args(["batch", "-r", SEED, "-f", "jsonl", LLM_EN])
        .arg(&bad)
        .arg("jobs/zh")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 43);
    let err = stderr(&o);
    assert!(
        err.contains("no-text.csv:1: no `text` or `description` column in the header (it has `id`, `title`, `body`); input skipped (name the text column with --text-column NAME)"),
        "{err}"
    );
    assert!(err.contains("skipped 1 bad row,"), "{err}");
    // Alone, it is the run's one error.
    let o = jdfit(t.path())
        .args(["batch", "-r", SEED])
        .arg(&bad)
        .output()
        .unwrap();
    assert_fails(&o, "no `text` or `description` column");
}

#[test]
fn semicolon_and_tab_separated_csv_are_read() {
    let t = tmp();
    for (name, delim) in [("semi.csv", ';'), ("tabs.csv", '\t')] {
        let p = t.path().join(name);
        csv_export(&p, delim, ["id", "title", "text"]);
        let o = jdfit(t.path())
            .args(["batch", "-r", SEED, "-f", "jsonl"])
            .arg(&p)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let v: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&o.stdout).trim()).unwrap();
        assert_eq!(v["title"], "LLM; Platform", "{name}");
        assert!(v["score"].as_f64().unwrap() > 20.0, "{name}: {v}");
    }
}

#[test]
fn an_empty_jdfit_resume_is_named() {
    let t = tmp();
    let o = jdfit(t.path())
        .env("JDFIT_RESUME", "")
        .args(["match", LLM_EN])
        .output()
        .unwrap();
    assert_fails(&o, "JDFIT_RESUME is set but empty");
    // Commands without a résumé do not mind it.
    let o = jdfit(t.path())
        .env("JDFIT_RESUME", "")
        .args(["posting", LLM_EN])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[cfg(feature = "serve")]
#[test]
fn a_posting_of_nul_characters_is_a_bad_request() {
    use std::io::{BufRead, BufReader, Read, Write};
    let idx = tmp();
    let mut child = bin(idx.path())
        .args(["serve", "-r", SEED, "--port", "0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("server said nothing").unwrap();
        if let Some(rest) = line.split("serving on http://").nth(1) {
            break rest
                .trim_end_matches('/')
                .split('/')
                .next()
                .unwrap()
                .to_string();
        }
    };
    let body = serde_json::json!({"posting": "\u{0}\u{0}\u{0}\u{1}\u{0}"}).to_string();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        s,
        "POST /api/match HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("the posting is empty"), "{answer}");
}

// ---- 6. Concurrent use of one index folder ------------------------------------------------

#[test]
fn concurrent_writers_and_readers_of_one_index_never_fail() {
    const ROUNDS: usize = 10;
    let t = tmp();
    let dir = t.path().join("index");
    let run = |args: &[&str]| {
        jdfit(t.path())
            .args(args)
            .arg("--index-dir")
            .arg(&dir)
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .unwrap()
    };
    let first = run(&["index", "-r", SEED]);
    assert!(first.status.success(), "{}", stderr(&first));
    std::thread::scope(|scope| {
        let mut loops = Vec::new();
        for w in 0..3 {
            loops.push(scope.spawn(move || {
                for i in 0..ROUNDS {
                    let o = run(&["index", "-r", SEED]);
                    assert!(o.status.success(), "writer {w}, round {i}: {}", stderr(&o));
                }
            }));
        }
        for r in 0..3 {
            loops.push(scope.spawn(move || {
                for i in 0..ROUNDS {
                    let o = run(&["match", "-f", "json", "-r", SEED, LLM_EN]);
                    assert!(o.status.success(), "reader {r}, round {i}: {}", stderr(&o));
                    assert!(o.stderr.is_empty(), "reader {r}: {}", stderr(&o));
                    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
                    assert_eq!(v["index"], "reused", "reader {r}, round {i}");
                }
            }));
        }
        for l in loops {
            l.join().unwrap();
        }
    });
    let beside: Vec<String> = names(t.path())
        .into_iter()
        .filter(|n| n.starts_with(".jdfit"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

// ---- 8. The server under slow, idle and many clients --------------------------------------

/// A `jdfit serve` on a free port of 127.0.0.1, killed when dropped.
#[cfg(feature = "serve")]
struct Server {
    child: std::process::Child,
    addr: String,
    _idx: tempfile::TempDir,
}

#[cfg(feature = "serve")]
impl Server {
    fn start() -> Server {
        use std::io::BufRead;
        let idx = tmp();
        let mut child = bin(idx.path())
            .args(["serve", "-r", SEED, "--port", "0"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let addr = loop {
            let line = lines.next().expect("server said nothing").unwrap();
            if let Some(rest) = line.split("serving on http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            addr,
            _idx: idx,
        }
    }

    fn connect(&self) -> std::net::TcpStream {
        let s = std::net::TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        s
    }

    /// The status of a full `POST /api/match` of a real posting on a new connection.
    fn match_status(&self) -> String {
        use std::io::{Read, Write};
        let text = std::fs::read_to_string(root().join(LLM_EN)).unwrap();
        let body = serde_json::json!({ "posting": text }).to_string();
        let mut s = self.connect();
        write!(
            s,
            "POST /api/match HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.addr,
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        answer.lines().next().unwrap_or("").to_string()
    }

    /// A connection that has sent its headers and part of a body, and sends no more.
    fn slow_body(&self) -> std::net::TcpStream {
        use std::io::Write;
        let mut s = self.connect();
        write!(
            s,
            "POST /api/match HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"posting\": \"",
            self.addr
        )
        .unwrap();
        s
    }

    /// Sends SIGINT; returns how long the server took to end, if it did within `limit`.
    fn interrupt(&mut self, limit: std::time::Duration) -> Option<std::time::Duration> {
        let start = std::time::Instant::now();
        // SAFETY: a signal to our own child, by its id.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGINT) };
        while start.elapsed() < limit {
            if self.child.try_wait().unwrap().is_some() {
                return Some(start.elapsed());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }
}

#[cfg(feature = "serve")]
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(feature = "serve")]
#[test]
fn slow_bodies_hold_no_request_slot() {
    let server = Server::start();
    let slow: Vec<_> = (0..jdfit::serve::MAX_IN_FLIGHT + 6)
        .map(|_| server.slow_body())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(server.match_status(), "HTTP/1.1 200 OK");
    drop(slow);
}

#[cfg(feature = "serve")]
#[test]
fn idle_and_half_sent_connections_are_closed() {
    use std::io::{Read, Write};
    let server = Server::start();
    let start = std::time::Instant::now();
    let idle = server.connect();
    let mut half = server.connect();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127").unwrap();
    for (what, mut s) in [("idle", idle), ("half-sent headers", half)] {
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let waited = start.elapsed();
        assert!(
            waited < jdfit::serve::HEADER_TIMEOUT + std::time::Duration::from_secs(10),
            "{what}: closed after {waited:?}"
        );
    }
    assert!(start.elapsed() >= jdfit::serve::HEADER_TIMEOUT - std::time::Duration::from_secs(1));
}

#[cfg(feature = "serve")]
#[test]
fn connections_are_bounded() {
    use std::io::Read;
    let server = Server::start();
    let held: Vec<_> = (0..jdfit::serve::MAX_CONNECTIONS)
        .map(|_| server.connect())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // One more is told so at once, not left waiting.
    let mut extra = server.connect();
    let mut answer = String::new();
    let _ = extra.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:?}");
    assert!(answer.contains("too many connections"), "{answer:?}");
    drop(held);
    // Once they go, requests are answered again.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let status = server.match_status();
        if status == "HTTP/1.1 200 OK" {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "still {status}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[cfg(feature = "serve")]
#[test]
fn ctrl_c_stops_the_server_whatever_clients_do() {
    use std::io::Write;
    let grace = jdfit::serve::SHUTDOWN_GRACE;
    // A half-sent request and a slow body stay open: stopped within the grace period.
    let mut server = Server::start();
    let mut half = server.connect();
    half.write_all(b"POST /api/match HTTP/1.1\r\nHost: 1")
        .unwrap();
    let slow = server.slow_body();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let took = server.interrupt(grace + std::time::Duration::from_secs(5));
    assert!(took.is_some(), "the server did not stop");
    drop((half, slow));
    // A second Ctrl-C stops it at once.
    let mut server = Server::start();
    let slow = server.slow_body();
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(server
        .interrupt(std::time::Duration::from_millis(300))
        .is_none());
    let took = server.interrupt(std::time::Duration::from_secs(2));
    assert!(took.is_some(), "a second Ctrl-C did not stop the server");
    assert!(took.unwrap() < grace, "{took:?}");
    drop(slow);
}

#[test]
fn a_match_without_an_index_leaves_nothing_behind() {
    let t = tmp();
    let o = jdfit(t.path())
        .args(["match", "-r", SEED, LLM_EN, "--index-dir"])
        .arg(t.path().join("none-yet"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(names(t.path()).is_empty(), "{:?}", names(t.path()));
}

#[cfg(unix)]
#[test]
fn an_interrupted_tailor_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let idx = tmp();
    let t = tmp();
    let out = t.path().join("out.md");
    let spawn = || {
        bin(idx.path())
            .args(["tailor", "-r", SEED, LLM_EN, "-o"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // One run's length, then signals spread over it (the write is at its end).
    let start = std::time::Instant::now();
    assert!(spawn().wait().unwrap().success());
    let whole = start.elapsed();
    for i in 0..8u32 {
        let sig = if i % 2 == 0 {
            libc::SIGINT
        } else {
            libc::SIGTERM
        };
        let mut child = spawn();
        std::thread::sleep(whole * (4 + i) / 12);
        // SAFETY: a signal to our own child, by its id.
        unsafe { libc::kill(child.id() as libc::pid_t, sig) };
        let status = child.wait().unwrap();
        assert!(status.success() || status.signal() == Some(sig), "{status}");
        let left = leftovers(t.path());
        assert!(left.is_empty(), "run {i}: {left:?}");
        assert!(std::fs::read_to_string(&out)
            .unwrap()
            .contains("## 工作经历"));
    }
}
