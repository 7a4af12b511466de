//! Output files: written atomically, never half-written, never replacing a file by accident.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `data` to `path` atomically: a temporary file in the same folder, then a rename, so
/// a reader sees the old file or the new one, never a part. The file gets the permissions of
/// any new file (0666 less the umask), not the temporary file's 0600. With `replace` false an
/// existing file is left as it is and `Ok(false)` returned.
pub fn write_atomic(path: &Path, data: &[u8], replace: bool) -> Result<bool> {
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
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
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
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
}
