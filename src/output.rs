//! Output files: written atomically, never half-written, never replacing a file by accident,
//! and never replacing what is not a regular file (a FIFO, a device, a link).

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written right now; [`remove_pending`] deletes them (the binary calls
/// it when interrupted, so no half-written copy of a résumé is left behind).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Deletes every temporary file an output is being written to at this moment. Meant for an
/// interruption (Ctrl-C, SIGTERM) just before the process ends: the final files are
/// untouched, the hidden `.jdfit-*.tmp` files go, and from then on no output starts a new
/// temporary file (a writer waits for the end of the process instead).
pub fn remove_pending() {
    let pending = match PENDING.lock() {
        Ok(p) => p,
        Err(poisoned) => poisoned.into_inner(),
    };
    for p in pending.iter() {
        let _ = std::fs::remove_file(p);
    }
    // Held for good: a temporary file is created only under this lock.
    std::mem::forget(pending);
}

/// Registers a temporary path for [`remove_pending`] while it lives.
struct Pending(PathBuf);

impl Pending {
    /// Creates a temporary file with `builder` in `dir`, registered before anyone can
    /// interrupt between its creation and its registration.
    fn create(
        builder: &tempfile::Builder<'_, '_>,
        dir: &Path,
    ) -> std::io::Result<(Pending, tempfile::NamedTempFile)> {
        let mut pending = match PENDING.lock() {
            Ok(p) => p,
            Err(poisoned) => poisoned.into_inner(),
        };
        let tmp = builder.tempfile_in(dir)?;
        pending.push(tmp.path().to_path_buf());
        let path = tmp.path().to_path_buf();
        Ok((Pending(path), tmp))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut p) = PENDING.lock() {
            if let Some(i) = p.iter().position(|x| *x == self.0) {
                p.swap_remove(i);
            }
        }
    }
}

/// How an output path is written.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file (or none yet) at this path, the end of any links: written atomically.
    Regular(PathBuf),
    /// A FIFO, a device, or standard output through `/dev/stdout`: written into directly.
    Direct { append: bool },
    /// Something there that is not to be replaced (`replace` false).
    Exists,
}

/// An I/O error as the OS states it, without the path a wrapper (tempfile) adds: errors
/// name the user's path, never a hidden temporary one.
pub(crate) fn plain(e: std::io::Error) -> std::io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    // tempfile states "<the OS error> at path \"/dir/.jdfit-….tmp\"".
    let text = e.to_string();
    match text.rfind(" at path ") {
        Some(i) => std::io::Error::new(e.kind(), text[..i].to_string()),
        None => e,
    }
}

/// Where the chain of links starting at `path` ends, and whether it passes through a
/// process's descriptors (`/dev/stdout` → `/proc/self/fd/1`, `/dev/fd/N`): such a path is
/// a stream the shell opened, written into and never replaced.
pub(crate) fn follow_links(path: &Path) -> std::io::Result<(PathBuf, bool)> {
    let mut p = path.to_path_buf();
    let mut via_fd = false;
    for _ in 0..40 {
        via_fd |= p.starts_with("/proc") || p.starts_with("/dev/fd");
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok((p, via_fd)),
        }
    }
    Err(std::io::Error::from_raw_os_error(40)) // ELOOP
}

fn not_writable(what: &str) -> std::io::Error {
    std::io::Error::other(format!("{what}, not a file jdfit can write"))
}

/// Decides how `path` is written.
fn target(path: &Path, replace: bool) -> std::io::Result<Target> {
    let here = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target::Regular(path.to_path_buf()))
        }
        Err(e) => return Err(e),
    };
    if !replace {
        return Ok(Target::Exists);
    }
    let (end, via_fd) = if here.file_type().is_symlink() {
        follow_links(path)?
    } else {
        (path.to_path_buf(), false)
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        // A dangling link: the file it names is created, the link stays.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !via_fd => {
            return Ok(Target::Regular(end))
        }
        Err(e) => return Err(e),
    };
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(not_writable("a folder"));
    }
    if ft.is_file() {
        return Ok(if via_fd {
            // `-o /dev/stdout >> log`: appended where the shell's redirection points.
            Target::Direct { append: true }
        } else {
            Target::Regular(end)
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_socket() {
            return Err(not_writable("a socket"));
        }
    }
    Ok(Target::Direct { append: false })
}

/// Writes `data` to the output `path`, never leaving it half-written and never replacing
/// what is not a regular file:
/// - a regular file (or a new one) is written atomically (see [`write_atomic`]);
/// - a symbolic link is followed: the file it names is written atomically, the link stays;
/// - a FIFO, a device (`/dev/null`) or standard output named as `/dev/stdout` is written
///   into directly, never renamed over.
///
/// With `replace` false anything already at `path` is left as it is and `Ok(false)`
/// returned. Errors name `path`, never a temporary file.
pub fn write_output(path: &Path, data: &[u8], replace: bool) -> Result<bool> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: plain(source),
    };
    match target(path, replace).map_err(io)? {
        Target::Exists => Ok(false),
        Target::Regular(end) => {
            // A file its owner made read-only is not replaced, as a shell's `>` would not
            // (a rename needs only the folder to be writable).
            if replace && end.is_file() {
                if let Err(e) = std::fs::OpenOptions::new().write(true).open(&end) {
                    if e.kind() == std::io::ErrorKind::PermissionDenied {
                        return Err(io(e));
                    }
                }
            }
            write_atomic(&end, data, replace).map_err(|e| match e {
                Error::Io { source, .. } => io(source),
                e => e,
            })
        }
        Target::Direct { append } => {
            let mut f = std::fs::OpenOptions::new()
                .write(!append)
                .append(append)
                .open(path)
                .map_err(io)?;
            f.write_all(data).and_then(|_| f.flush()).map_err(io)?;
            Ok(true)
        }
    }
}

/// Writes `data` to the regular file `path` atomically: a temporary file in the same folder,
/// then a rename, so a reader sees the old file or the new one, never a part. The file gets
/// the permissions of any new file (0666 less the umask), not the temporary file's 0600. With
/// `replace` false an existing file is left as it is and `Ok(false)` returned. The temporary
/// file is removed if writing fails, and by [`remove_pending`] on an interruption.
///
/// This renames over whatever `path` is; [`write_output`] decides first whether it may.
pub fn write_atomic(path: &Path, data: &[u8], replace: bool) -> Result<bool> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: plain(source),
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".jdfit-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Declared in this order so that the file is deleted (on an error) before it is
    // unregistered.
    let (_pending, mut tmp) = Pending::create(&builder, dir).map_err(io)?;
    // A replaced file keeps its permissions (a résumé kept private stays private).
    if replace {
        if let Ok(meta) = std::fs::metadata(path) {
            tmp.as_file()
                .set_permissions(meta.permissions())
                .map_err(io)?;
        }
    }
    tmp.write_all(data).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if replace {
        tmp.persist(path).map_err(|e| io(e.error))?;
        return Ok(true);
    }
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(io(e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_or_keeps() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.md");
        assert!(write_atomic(&p, b"one", false).unwrap());
        assert!(!write_atomic(&p, b"two", false).unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert!(write_atomic(&p, b"three", true).unwrap());
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        // Nothing temporary is left behind.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_ne!(
                mode, 0o600,
                "a normal file's permissions, not a temporary's"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_kept() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = d.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        assert!(write_output(&link, b"new", true).unwrap());
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A dangling link: the file it names is created.
        let gone = d.path().join("gone.md");
        std::os::unix::fs::symlink("sub-less.md", &gone).unwrap();
        assert!(write_output(&gone, b"made", true).unwrap());
        assert_eq!(
            std::fs::read(d.path().join("sub-less.md")).unwrap(),
            b"made"
        );
        // Without `replace`, a link is something already there.
        assert!(!write_output(&link, b"x", false).unwrap());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // No temporary of this folder is still registered for clean-up (other tests may be
        // writing in parallel threads, so only this test's folder is looked at).
        assert!(!PENDING
            .lock()
            .unwrap()
            .iter()
            .any(|p| p.starts_with(d.path())));
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_into_and_folders_refused() {
        let null = Path::new("/dev/null");
        assert!(write_output(null, b"x", true).unwrap());
        assert_eq!(
            target(null, true).unwrap(),
            Target::Direct { append: false }
        );
        let d = tempfile::tempdir().unwrap();
        let e = write_output(d.path(), b"x", true).unwrap_err().to_string();
        assert!(e.contains("a folder, not a file jdfit can write"), "{e}");
    }
}
