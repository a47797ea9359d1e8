//! Reading dataset files and parsing them into the model.
//!
//! Reading turns every way a path can be unusable (missing, a directory, a device, empty,
//! not UTF-8, larger than [`MAX_DATASET_BYTES`]) into one line naming the path. Regular files
//! and FIFOs are read, never more than the cap; a FIFO with no writer yet is announced
//! before the read blocks. Parsing renders RON's error as a report with the file,
//! line and column and the offending line with a marker under it.

use super::diagnostic::render_parse_error;
use crate::model::{Dataset, Kind, PerKind};
use crate::Error;
use ron::extensions::Extensions;
use std::path::Path;

/// One dataset file's name (as shown in messages) and text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// Parsed files merged into one dataset, remembering which file each entity came from so
/// validation can point at it.
#[derive(Debug)]
pub struct Parsed {
    pub dataset: Dataset,
    pub files: Vec<SourceText>,
    pub origins: Origins,
}

/// For each kind, for each entity of the merged dataset, the index of the file it came from.
pub type Origins = PerKind<Vec<usize>>;

/// The most a dataset file may hold, in bytes (1000 MB). Far above any real dataset (the
/// built-in one is under 1 MB), and it keeps `--data /dev/zero`-like inputs from eating the
/// machine's memory.
pub const MAX_DATASET_BYTES: u64 = 1_000_000_000;

/// How long opening a FIFO may block before the user is told it waits for a writer.
const WAIT_NOTICE_AFTER: std::time::Duration = std::time::Duration::from_millis(200);

/// Reads a dataset file as UTF-8 text.
pub fn read_source(path: &Path) -> Result<SourceText, Error> {
    read_source_noting(path, &|_| {})
}

/// Like [`read_source`], calling `waiting` once when the path is a FIFO with no writer yet,
/// before blocking on it.
pub(crate) fn read_source_noting(path: &Path, waiting: &dyn Fn(&Path)) -> Result<SourceText, Error> {
    read_capped(path, MAX_DATASET_BYTES, waiting)
}

fn read_capped(path: &Path, cap: u64, waiting: &dyn Fn(&Path)) -> Result<SourceText, Error> {
    let fail = |reason: String| Error::Read { path: path.to_path_buf(), reason };
    let bytes = read_bytes(path, cap, waiting).map_err(fail)?;
    let empty = "the file is empty; a dataset starts with `Dataset(`";
    let text = decode(bytes, empty).map_err(fail)?;
    Ok(SourceText { name: path.display().to_string(), text })
}

/// The name a dataset read from standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads a dataset from standard input (`--data -`), with the same size cap and checks as
/// a file, so an endless stream ends with a message.
pub(crate) fn read_stdin() -> Result<SourceText, Error> {
    use std::io::Read;
    let fail = |reason: String| Error::Read { path: STDIN_NAME.into(), reason };
    let cap = MAX_DATASET_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin().lock().take(cap + 1).read_to_end(&mut bytes).map_err(|e| fail(io_reason(&e)))?;
    if bytes.len() as u64 > cap {
        return Err(fail(too_large(cap)));
    }
    let text = decode(bytes, "nothing on standard input; pipe a dataset into `--data -`").map_err(fail)?;
    Ok(SourceText { name: STDIN_NAME.to_string(), text })
}

/// Bytes read as dataset text: not blank (`empty` says why otherwise), UTF-8, without a
/// byte-order mark.
fn decode(bytes: Vec<u8>, empty: &str) -> Result<String, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(empty.to_string());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("not UTF-8 text (invalid byte at offset {}); save it as UTF-8", e.utf8_error().valid_up_to())
    })?;
    Ok(without_bom(text))
}

/// The bytes of a regular file or a FIFO (a pipe, `<(…)`, `/dev/stdin` fed by a pipe), at
/// most `cap` of them; the reason in words otherwise.
fn read_bytes(path: &Path, cap: u64, waiting: &dyn Fn(&Path)) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err("it is a directory; give a .ron file".into());
    }
    let file = if kind.is_file() {
        // Refused before reading a byte.
        if meta.len() > cap {
            return Err(too_large(cap));
        }
        std::fs::File::open(path).map_err(|e| io_reason(&e))?
    } else if is_fifo(&kind) {
        open_fifo(path, waiting)?
    } else {
        return Err(format!("not a regular file ({}); give a .ron file", what(&kind)));
    };
    // A regular file may grow while it is read, and a FIFO has no length: read one byte more
    // than allowed to know whether there was more.
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(cap));
    }
    Ok(bytes)
}

fn too_large(cap: u64) -> String {
    format!("larger than {} MB, the most a dataset file may hold", cap / 1_000_000)
}

fn is_fifo(kind: &std::fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

/// What a path that is neither a file, a directory nor a FIFO is, for the message.
fn what(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}

/// Opening a FIFO blocks until something opens it for writing; when that takes a moment,
/// `waiting` is told once, so a silent terminal is explained.
fn open_fifo(path: &Path, waiting: &dyn Fn(&Path)) -> Result<std::fs::File, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::File::open(owned));
    });
    let opened = match rx.recv_timeout(WAIT_NOTICE_AFTER) {
        Ok(opened) => opened,
        Err(_) => {
            waiting(path);
            rx.recv().map_err(|_| "the FIFO could not be opened".to_string())?
        }
    };
    opened.map_err(|e| io_reason(&e))
}

/// The notice of the command line: one line on standard error, ignored if it cannot be
/// written (the exit code still tells how the command ended).
pub(crate) fn say_waiting(path: &Path) {
    use std::io::Write;
    let line = format!("talks: waiting for data on {}", path.display());
    let _ = writeln!(std::io::stderr().lock(), "{}", crate::text::sanitize_line(&line));
}

/// Drops a UTF-8 byte-order mark, which some Windows editors write at the start of a file:
/// RON does not expect it, and it is not part of the text a curator sees.
fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one text into a dataset.
pub fn parse_one(source: &SourceText) -> Result<Dataset, Error> {
    if source.text.trim().is_empty() {
        return Err(Error::Read {
            path: source.name.clone().into(),
            reason: "the file is empty; a dataset starts with `Dataset(`".into(),
        });
    }
    let options = ron_options();
    // A large file is parsed in pieces on every core; any failure there is re-parsed here,
    // serially, for the exact position of the error.
    if let Some(data) = super::chunked::parse(&source.text, &options) {
        return Ok(data);
    }
    options.from_str::<Dataset>(&source.text).map_err(|e| Error::Parse(render_parse_error(source, &e)))
}

/// Parses every file and merges them: metadata comes from the first file (the latest
/// curation date wins), entity lists are concatenated. Duplicate ids are left for
/// validation to report.
pub fn parse_sources(files: Vec<SourceText>) -> Result<Parsed, Error> {
    let mut merged: Option<Dataset> = None;
    let mut origins = Origins::default();
    for (file, source) in files.iter().enumerate() {
        let data = parse_one(source)?;
        for kind in Kind::ALL {
            origins.get_mut(kind).extend(std::iter::repeat_n(file, data.count(kind)));
        }
        merged = Some(match merged {
            None => data,
            Some(mut all) => {
                all.curated_on = all.curated_on.max(data.curated_on);
                all.sources.extend(data.sources);
                all.parties.extend(data.parties);
                all.people.extend(data.people);
                all.venues.extend(data.venues);
                all.topics.extend(data.topics);
                all.tracks.extend(data.tracks);
                all.rounds.extend(data.rounds);
                all.milestones.extend(data.milestones);
                all
            }
        });
    }
    let dataset = merged.ok_or_else(|| Error::Read { path: "".into(), reason: "no dataset given".into() })?;
    Ok(Parsed { dataset, files, origins })
}

/// Serialises a dataset as hand-editable RON (the inverse of parsing).
pub fn to_ron(data: &Dataset) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).to_string_pretty(data, config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn reason(result: Result<SourceText, Error>) -> String {
        match result {
            Err(Error::Read { reason, .. }) => reason,
            other => panic!("expected a read error, got {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_at_once() {
        let started = Instant::now();
        let why = reason(read_source(Path::new("/dev/zero")));
        assert_eq!(why, "not a regular file (a character device); give a .ron file");
        assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    }

    #[test]
    fn a_file_over_the_cap_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        std::fs::write(&path, vec![b' '; 2_000_001]).unwrap();
        assert_eq!(
            reason(read_capped(&path, 2_000_000, &|_| {})),
            "larger than 2 MB, the most a dataset file may hold"
        );
        assert_eq!(MAX_DATASET_BYTES, 1_000_000_000, "README's reliability notes say 1000 MB");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_endless_fifo_stops_at_the_cap() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("zeros");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let writer_path = fifo.clone();
        // `cat /dev/zero > fifo`: writes until the reader goes away (EPIPE).
        let writer = std::thread::spawn(move || {
            let mut w = std::fs::OpenOptions::new().write(true).open(writer_path).unwrap();
            let block = vec![0u8; 64 * 1024];
            while w.write_all(&block).is_ok() {}
        });
        let started = Instant::now();
        let why = reason(read_capped(&fifo, 1_000_000, &|_| {}));
        assert_eq!(why, "larger than 1 MB, the most a dataset file may hold");
        assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
        writer.join().unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_with_no_writer_says_it_waits_once() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("later.ron");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(WAIT_NOTICE_AFTER * 3);
            let mut w = std::fs::OpenOptions::new().write(true).open(writer_path).unwrap();
            w.write_all(b"Dataset()").unwrap();
        });
        let told = std::sync::Mutex::new(Vec::new());
        let source = read_source_noting(&fifo, &|p| told.lock().unwrap().push(p.to_path_buf())).unwrap();
        writer.join().unwrap();
        assert_eq!(source.text, "Dataset()");
        assert_eq!(*told.lock().unwrap(), vec![fifo]);
    }
}
