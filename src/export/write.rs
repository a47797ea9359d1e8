//! Writing an export to a file without ever leaving half of one behind, and without ever
//! destroying something that is not a file.
//!
//! What the path names decides how it is written:
//! - a new name or a regular file: the bytes go to a temporary file in the target's own
//!   directory (so the final rename stays on one file system and is atomic), are flushed and
//!   synced, and only then renamed over the target. A crash or a full disk leaves at most a
//!   stray temporary file (which the next export sweeps, see [`super::temp`]), never a
//!   truncated export or a damaged existing file. Without `force` the rename refuses to
//!   replace anything, so a file created meanwhile by someone else is not clobbered either;
//! - a symbolic link: followed, and its target written as above; the link stays a link;
//! - a character device (`/dev/null`, a terminal) or a FIFO: written to directly, as the
//!   shell's `>` would, never unlinked. Nothing is replaced, so `force` is not needed;
//! - a directory, a block device or a socket: refused.

use super::Format;
use crate::Error;
use std::fs::{self, FileType};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

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

/// What an output path names, once symbolic links are followed.
enum Target {
    /// Nothing yet: this name (the end of the link chain, for a dangling link) is created.
    New(PathBuf),
    /// A regular file at this name (the end of the link chain), replaced atomically.
    File(PathBuf),
    /// A character device or a FIFO: opened and written to.
    Stream,
    /// Something no export may go to; the words say what it is.
    Refused(&'static str),
}

/// Writes `bytes` to `path` atomically; refuses to replace an existing file unless `force`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    let fail = |reason: String| Error::Write(format!("cannot write {}: {reason}", path.display()));
    match target(path).map_err(|e| fail(e.to_string()))? {
        Target::Refused(what) => Err(fail(format!("it is {what}; give a file name"))),
        Target::Stream => write_directly(path, bytes).map_err(|e| fail(stream_reason(&e))),
        Target::File(_) if !force => Err(Error::Exists { path: path.to_path_buf() }),
        Target::File(real) => replace(&real, bytes, true).map_err(|e| e.into_error(path)),
        Target::New(real) => replace(&real, bytes, force).map_err(|e| e.into_error(path)),
    }
}

fn target(path: &Path) -> std::io::Result<Target> {
    let kind = match fs::metadata(path) {
        Ok(meta) => meta.file_type(),
        // A dangling link: the name it points to is created, as the shell's `>` would.
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Target::New(end_of_links(path)?)),
        // A path under a regular file: reported with the directory check, in words.
        Err(e) if e.kind() == ErrorKind::NotADirectory => return Ok(Target::New(path.to_path_buf())),
        Err(e) => return Err(e),
    };
    Ok(match classify(kind) {
        Kind::File => Target::File(end_of_links(path)?),
        Kind::Stream => Target::Stream,
        Kind::Refused(what) => Target::Refused(what),
    })
}

enum Kind {
    File,
    Stream,
    Refused(&'static str),
}

fn classify(kind: FileType) -> Kind {
    if kind.is_file() {
        return Kind::File;
    }
    if kind.is_dir() {
        return Kind::Refused("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_fifo() {
            return Kind::Stream;
        }
        // Writing an export over the start of a disk is never what was meant.
        if kind.is_block_device() {
            return Kind::Refused("a block device");
        }
        if kind.is_socket() {
            return Kind::Refused("a socket");
        }
    }
    Kind::Refused("not a regular file")
}

/// How many links are followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// The name at the end of a chain of symbolic links (the path itself when it is none), so
/// that the file is replaced where it lives and the links stay links.
fn end_of_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                // A relative target is relative to the link's directory; `join` keeps an
                // absolute one as it is.
                current = current.parent().map_or_else(|| next.clone(), |dir| dir.join(&next));
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// A device or a FIFO: no create, no truncate, no rename; a FIFO blocks until a reader opens.
fn write_directly(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut out = fs::OpenOptions::new().write(true).open(path)?;
    out.write_all(bytes)?;
    out.flush()
}

/// Why replacing failed: an I/O error with the directory it is about, or words already.
enum Failed {
    Io { error: std::io::Error, dir: PathBuf },
    Said(String),
}

impl Failed {
    fn into_error(self, shown: &Path) -> Error {
        let reason = match self {
            Failed::Io { error, .. } if error.kind() == ErrorKind::AlreadyExists => {
                return Error::Exists { path: shown.to_path_buf() }
            }
            Failed::Io { error, dir } => reason(&error, &dir),
            Failed::Said(words) => words,
        };
        Error::Write(format!("cannot write {}: {reason}", shown.display()))
    }
}

/// Temporary file, then rename over `path` (a regular file or a new name).
fn replace(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failed> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let failed = |error: std::io::Error| Failed::Io { error, dir: dir.clone() };
    if !dir.is_dir() {
        return Err(Failed::Said(missing_directory(&dir)));
    }
    // Leftovers of exports that never reached their rename (`kill -9`) go first.
    super::temp::sweep(&dir);
    // The temporary file is private (0600) by default; an export is an ordinary file, so
    // ask for what any new file gets, or keep the permissions of the file being replaced.
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt;
        Some(
            fs::metadata(path).map(|m| m.permissions()).unwrap_or_else(|_| fs::Permissions::from_mode(0o666)),
        )
    };
    #[cfg(not(unix))]
    let permissions = None;
    let mut tmp = super::temp::create_in(&dir, permissions).map_err(failed)?;
    tmp.file.write_all(bytes).map_err(failed)?;
    tmp.file.flush().map_err(failed)?;
    tmp.file.as_file().sync_all().map_err(failed)?;
    let persisted = if force { tmp.file.persist(path) } else { tmp.file.persist_noclobber(path) };
    // On failure the temporary file is dropped with the error, which deletes it.
    persisted.map_err(|e| failed(e.error))?;
    // Make the rename itself durable. Best effort: not every platform can sync a directory,
    // and the export is complete on disk either way.
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The directory is not there: say whether something in the way is a file (`ENOTDIR`, which
/// root gets too) or the directory is simply missing.
fn missing_directory(dir: &Path) -> String {
    let in_the_way = dir.ancestors().find(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_ok());
    match in_the_way {
        Some(a) if !a.is_dir() => format!("{} is not a directory", a.display()),
        _ => format!("the directory {} does not exist", dir.display()),
    }
}

fn stream_reason(err: &std::io::Error) -> String {
    match err.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::StorageFull => "no space left on device".into(),
        _ => err.to_string(),
    }
}

fn reason(err: &std::io::Error, dir: &Path) -> String {
    match err.kind() {
        ErrorKind::PermissionDenied => format!("permission denied in {}", dir.display()),
        // The directory was there when the export began, so a missing file here means the
        // file system refuses new files (`/proc`, `/sys`), not a missing directory.
        ErrorKind::NotFound if dir.is_dir() => format!("cannot create files in {}", dir.display()),
        ErrorKind::NotFound => format!("the directory {} does not exist", dir.display()),
        ErrorKind::StorageFull => "no space left on device".into(),
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

    /// A character device made in `dir` with `mknod` (root can), else the system's own:
    /// should a regression replace the device, it replaces a copy in a temporary directory,
    /// never `/dev/null` or `/dev/full` of the machine running the tests.
    #[cfg(unix)]
    fn char_device(dir: &Path, name: &str, minor: &str) -> std::path::PathBuf {
        let made = dir.join(name);
        let ok = std::process::Command::new("mknod")
            .args([made.as_os_str(), "c".as_ref(), "1".as_ref(), minor.as_ref()])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            made
        } else {
            Path::new("/dev").join(name)
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_written_to_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let full = char_device(dir.path(), "full", "7");
        let null = char_device(dir.path(), "null", "3");
        let err = write_atomic(&full, b"x", true).unwrap_err().to_string();
        assert_eq!(err, format!("cannot write {}: no space left on device", full.display()));
        // Nothing is replaced, so `/dev/null` takes an export with or without force.
        write_atomic(&null, b"x", false).unwrap();
        write_atomic(&null, b"x", true).unwrap();
        for device in [&full, &null] {
            let kind = std::fs::symlink_metadata(device).unwrap().file_type();
            assert!(kind.is_char_device(), "{} is now {kind:?}", device.display());
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert!(left.iter().all(|n| n == "full" || n == "null"), "{left:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_is_written_to_never_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        // Linux lets a FIFO be opened for reading and writing at once without blocking, so
        // the export's open finds a reader and the bytes wait in the pipe.
        let mut reader = std::fs::OpenOptions::new().read(true).write(true).open(&fifo).unwrap();
        write_atomic(&fifo, b"hello\n", true).unwrap();
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the FIFO is now {kind:?}");
        let mut got = [0u8; 6];
        reader.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"hello\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_is_refused_and_kept() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let err = write_atomic(&path, b"x", true).unwrap_err().to_string();
        assert!(err.ends_with("it is a socket; give a file name"), "{err}");
        assert!(std::fs::symlink_metadata(&path).unwrap().file_type().is_socket());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_kept_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes");
        std::fs::create_dir(&notes).unwrap();
        std::fs::write(notes.join("r.md"), b"old").unwrap();
        let link = dir.path().join("r.md");
        std::os::unix::fs::symlink("notes/r.md", &link).unwrap();
        let err = write_atomic(&link, b"new", false).unwrap_err().to_string();
        assert!(err.ends_with("r.md already exists"), "{err}");
        write_atomic(&link, b"new", true).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
        assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("notes/r.md"));
        assert_eq!(std::fs::read(notes.join("r.md")).unwrap(), b"new");
        // A link to a name that does not exist yet creates that name, as `>` would.
        let dangling = dir.path().join("later.md");
        std::os::unix::fs::symlink("notes/later.md", &dangling).unwrap();
        write_atomic(&dangling, b"x", false).unwrap();
        assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(notes.join("later.md")).unwrap(), b"x");
        assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 2, "no temporary file left");
    }

    #[test]
    fn a_path_under_a_regular_file_is_one_clear_line() {
        // ENOTDIR: a fault that root gets too, unlike a read-only directory.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f"), b"keep").unwrap();
        let path = dir.path().join("f").join("x.md");
        for force in [false, true] {
            let err = write_atomic(&path, b"x", force).unwrap_err().to_string();
            let expected = format!(
                "cannot write {}: {} is not a directory",
                path.display(),
                dir.path().join("f").display()
            );
            assert_eq!(err, expected);
        }
        assert_eq!(std::fs::read(dir.path().join("f")).unwrap(), b"keep");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn permission_denied_names_the_directory() {
        // Root is never denied, so the wording is checked on the error itself.
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        assert_eq!(reason(&denied, Path::new("ro")), "permission denied in ro");
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
