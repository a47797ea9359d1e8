//! Writing an export to a file without ever leaving half of one behind.
//!
//! The bytes go to a temporary file in the target's own directory (so the final rename
//! stays on one file system and is atomic), are flushed and synced, and only then renamed
//! over the target. A crash or a full disk leaves at most a stray temporary file, never a
//! truncated export or a damaged existing file. Without `force` the rename refuses to
//! replace anything, so a file created meanwhile by someone else is not clobbered either.

use super::Format;
use crate::Error;
use std::io::{ErrorKind, Write};
use std::path::Path;

/// `<round-id>.<ext>`, with characters a file name cannot hold replaced by `-`.
pub fn default_file_name(round_id: &str, format: Format) -> String {
    // Only characters that are safe in a file name on every system and cannot reorder or
    // hide what the user sees (no bidi controls, no separators): the id alphabet.
    let stem: String = round_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect();
    // A leading dot would hide the file; an empty id would leave only the extension.
    let stem = stem.trim_start_matches('.');
    let stem = if stem.is_empty() { "round" } else { stem };
    format!("{stem}.{}", format.extension())
}

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `force`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    let shown = path.display();
    let fail = |reason: String| Error::Write(format!("cannot write {shown}: {reason}"));
    if path.is_dir() {
        return Err(fail("it is a directory; give a file name".into()));
    }
    if !force && path.exists() {
        return Err(Error::Exists { path: path.to_path_buf() });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(fail(format!("the directory {} does not exist", dir.display())));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".talks-export-").suffix(".tmp");
    // The temporary file is private (0600) by default; an export is an ordinary file, so
    // ask for what any new file gets, or keep the permissions of the file being replaced.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666));
        builder.permissions(permissions);
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(reason(&e, dir)))?;
    tmp.write_all(bytes).map_err(|e| fail(reason(&e, dir)))?;
    tmp.flush().map_err(|e| fail(reason(&e, dir)))?;
    tmp.as_file().sync_all().map_err(|e| fail(reason(&e, dir)))?;
    let persisted = if force { tmp.persist(path) } else { tmp.persist_noclobber(path) };
    // On failure the temporary file is dropped with the error, which deletes it.
    persisted.map_err(|e| match e.error.kind() {
        ErrorKind::AlreadyExists => Error::Exists { path: path.to_path_buf() },
        _ => fail(reason(&e.error, dir)),
    })?;
    // Make the rename itself durable. Best effort: not every platform can sync a directory,
    // and the export is complete on disk either way.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn reason(err: &std::io::Error, dir: &Path) -> String {
    match err.kind() {
        ErrorKind::PermissionDenied => format!("permission denied in {}", dir.display()),
        // The directory was there when the export began, so a missing file here means the
        // file system refuses new files (`/proc`, `/sys`), not a missing directory.
        ErrorKind::NotFound if dir.is_dir() => format!("cannot create files in {}", dir.display()),
        ErrorKind::NotFound => format!("the directory {} does not exist", dir.display()),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_atomic(&path, b"hello\n", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"hello\n");
        // Nothing but the export is left in the directory.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"old contents").unwrap();
        let err = write_atomic(&path, b"new", false).unwrap_err().to_string();
        assert!(err.ends_with("x.md already exists"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn overwrites_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"old contents").unwrap();
        write_atomic(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"x", false).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        // The umask decides the rest; the owner at least reads and writes, as with any file.
        assert_eq!(mode & 0o600, 0o600);
        assert_ne!(mode & 0o777, 0o600, "looks like the temporary file's private mode");
    }

    #[test]
    fn a_missing_directory_is_one_clear_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("x.md");
        let err = write_atomic(&path, b"x", false).unwrap_err().to_string();
        assert!(err.contains("nope") && err.contains("does not exist"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn a_directory_path_is_one_clear_line() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", true).unwrap_err().to_string();
        assert!(err.contains("it is a directory"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_is_one_clear_line() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root ignores permissions: when a probe file can be created, there is nothing to test.
        let ignores_permissions = std::fs::write(ro.join("probe"), b"").is_ok();
        if !ignores_permissions {
            let err = write_atomic(&ro.join("x.md"), b"x", false).unwrap_err().to_string();
            assert!(err.contains("permission denied"), "{err}");
            assert!(!err.contains('\n'));
            assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn default_names_use_the_round_id() {
        assert_eq!(default_file_name("2025-04-10-istanbul", Format::Markdown), "2025-04-10-istanbul.md");
        assert_eq!(default_file_name("a/b", Format::Ics), "a-b.ics");
        assert_eq!(default_file_name("", Format::Json), "round.json");
        // A right-to-left override would show `….exe.md` as `…dm.exe`; it never reaches a name.
        assert_eq!(default_file_name("2025-04-10-\u{202e}dm.exe", Format::Markdown), "2025-04-10--dm.exe.md");
        assert_eq!(default_file_name("../x y", Format::Csv), "-x-y.csv");
    }
}
