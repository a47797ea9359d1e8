//! The load cache: a validated, indexed dataset saved in the platform's cache directory
//! (`~/.cache/talks/` on Linux, honouring `XDG_CACHE_HOME`), so reopening unchanged files
//! skips parsing, validation and indexing.
//!
//! An entry is the dataset, its index and its warnings in sections (see [`Part`]), then a
//! header: the talks version, a hash of the source of every cached type (the schema), each
//! file's path, size, modification time and inode as they were *before* it was read, each
//! section's length, and an xxh3 hash of each 16 MB of the sections. It is used only if
//! every one of those matches, so an edited, truncated or damaged entry is ignored (and
//! rewritten after the load).
//!
//! Reading an entry decodes little: the text of the search keys and the word index's arrays
//! are used in place in the mapped file, and each round and source is decoded when first
//! read (see `stored`), so the entry stays mapped as long as a library made from it lives. Entries are
//! written in a background thread, to a temporary file renamed into place, so a reader never
//! sees half an entry; [`wait_for_writes`] lets a short-lived command finish the write
//! before it exits. The directory is kept under a size limit, oldest entries first.
//! Standard input, the built-in dataset and small files (which parse in milliseconds) are
//! never cached.

use super::index::{Index, Numbers, SharedBytes};
use super::{Library, Problem};
use crate::model::{Dataset, Decode};
use entry::{aligned, release, schema_hash, verified_payload, Header, Part, Payload, MAGIC, PARTS};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

/// Files smaller than this in total are not cached: they parse faster than an entry loads.
pub const MIN_CACHED_BYTES: u64 = 1 << 20;

/// The most the cache directory may hold; the oldest entries go first.
pub const MAX_CACHE_BYTES: u64 = 4 << 30;

/// A temporary file left by a write that was cut short (a killed process) is removed after
/// this long; a younger one may still be being written by another `talks`.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// Where the cache lives and how much it may hold.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    min_bytes: u64,
    max_bytes: u64,
}

/// What identifies one file's content without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    path: PathBuf,
    size: u64,
    modified_ns: i128,
    inode: u64,
    device: u64,
}

/// The files an entry was built from, taken before they were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys(Vec<FileKey>);

impl Keys {
    fn total_size(&self) -> u64 {
        self.0.iter().map(|k| k.size).sum()
    }
}

impl Cache {
    /// The platform's cache directory for talks; `None` when there is no home directory.
    pub fn platform() -> Option<Cache> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?;
        Some(Cache::at(base.cache_dir().join("talks")))
    }

    /// A cache in `dir` (created on the first write).
    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir, min_bytes: MIN_CACHED_BYTES, max_bytes: MAX_CACHE_BYTES }
    }

    /// Caches files of any size (tests use small files).
    pub fn with_min_bytes(mut self, min_bytes: u64) -> Cache {
        self.min_bytes = min_bytes;
        self
    }

    /// Keeps the directory under `max_bytes`.
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Cache {
        self.max_bytes = max_bytes;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The keys of the files, or `None` when they are not all cacheable (standard input, a
    /// FIFO, the built-in dataset, a file that cannot be read, or too little to bother).
    pub fn keys(&self, paths: &[PathBuf]) -> Option<Keys> {
        if paths.is_empty() {
            return None;
        }
        let keys = paths.iter().map(|p| file_key(p)).collect::<Option<Vec<_>>>().map(Keys)?;
        (keys.total_size() >= self.min_bytes).then_some(keys)
    }

    /// The entry for these files, if there is one and it matches them exactly.
    ///
    /// The text of the key tables stays in the mapped entry, which the library then holds
    /// (the index reads its keys in place); the rest is decoded, the dataset and the index
    /// side by side.
    pub fn load(&self, keys: &Keys) -> Option<(Library, Vec<Problem>)> {
        let file = std::fs::File::open(self.entry_path(keys)).ok()?;
        // Safety: the map is read-only, and entries are only ever replaced by renaming a
        // new file over them, never written in place, so the mapped file does not change
        // while a library reads it (removing or replacing it leaves the mapped file as it
        // was). If something else truncates it anyway, the length and hash checks below
        // reject it when that happened before they ran; after them, reading the cut part
        // would stop the process, as with any mapped file written by another program.
        let map = Arc::new(unsafe { memmap2::Mmap::map(&file) }.ok()?);
        let (sections, payload) = verified_payload(&map, keys, &|block| release(&map, block))?;
        let mut at = payload.start;
        let ranges: Vec<std::ops::Range<usize>> = sections
            .iter()
            .map(|&len| {
                let start = at;
                at = at.checked_add(usize::try_from(len).ok()?)?;
                Some(start..at)
            })
            .collect::<Option<_>>()?;
        let ranges = <[std::ops::Range<usize>; PARTS]>::try_from(ranges).ok()?;
        let part = |p: Part| map.get(ranges[p as usize].clone());
        let (data, index) = (part(Part::Dataset)?, part(Part::Index)?);
        // Only the rounds and sources read are ever decoded: the rows on screen, the rounds a
        // query finds.
        let ends = |ends: Part| postcard::from_bytes::<Vec<u64>>(part(ends)?).ok();
        let bytes = || Arc::clone(&map) as SharedBytes;
        let rounds =
            stored::Stored::new(bytes(), ranges[Part::Rounds as usize].clone(), ends(Part::RoundEnds)?)?;
        let sources =
            stored::Stored::new(bytes(), ranges[Part::Sources as usize].clone(), ends(Part::SourceEnds)?)?;
        let (data, index) = std::thread::scope(|scope| {
            let data = scope.spawn(|| postcard::from_bytes::<Dataset>(data).ok());
            let index = postcard::from_bytes::<Index>(index).ok();
            (data.join().ok().flatten(), index)
        });
        let warnings = postcard::from_bytes::<Vec<Problem>>(part(Part::Warnings)?).ok()?;
        let mut index = index?;
        let range = |p: Part| ranges[p as usize].clone();
        index.rounds = std::mem::take(&mut index.rounds).with_texts(bytes(), range(Part::RoundKeys))?;
        index.milestone_keys =
            std::mem::take(&mut index.milestone_keys).with_texts(bytes(), range(Part::MilestoneKeys))?;
        let numbers = |p: Part| aligned(ranges[p as usize].clone());
        let postings = Numbers::shared(bytes(), numbers(Part::Postings))?;
        let grams = Numbers::shared(bytes(), numbers(Part::Grams))?;
        index.words = std::mem::take(&mut index.words).with_arrays(postings, grams)?;
        // Written together, so they agree; a disagreement is a damaged entry.
        if rounds.len() != index.rounds.len() {
            return None;
        }
        let mut data = data?;
        data.rounds = rounds.into_items();
        data.sources = sources.into_items();
        Some((Library::from_shared(Arc::new(data), Arc::new(index)), warnings))
    }

    /// Writes the entry in a background thread; [`wait_for_writes`] waits for it.
    pub fn store_in_background(&self, keys: Keys, lib: &Library, warnings: Vec<Problem>) {
        let cache = self.clone();
        let (data, index) = lib.parts();
        let writing = Writing::start();
        std::thread::spawn(move || {
            // A cache that cannot be written is only a slower next start: nothing to report.
            let _ = cache.store(&keys, &data, &index, &warnings);
            cache.clean(&keys);
            drop(writing);
        });
    }

    /// Writes the entry now, atomically: a temporary file in the same directory, renamed
    /// over the old entry. Not synced to disk: after a crash the entry is at worst short or
    /// empty, which the length and hash checks reject.
    pub fn store(
        &self,
        keys: &Keys,
        data: &Dataset,
        index: &Index,
        warnings: &[Problem],
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut temp = tempfile::Builder::new().prefix(".write-").suffix(".tmp").tempfile_in(&self.dir)?;
        {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, temp.as_file_mut());
            out.write_all(MAGIC)?;
            let mut payload = Payload::new(&mut out);
            let mut sections = vec![
                payload.postcard(&stored::skeleton(data))?,
                payload.postcard(index)?,
                payload.postcard(warnings)?,
                payload.texts(index.rounds.texts())?,
                payload.texts(index.milestone_keys.texts())?,
            ];
            let ends = stored::write_items(&mut payload, data.rounds.iter())?;
            sections.extend([ends.last().copied().unwrap_or(0), payload.postcard(&ends)?]);
            let ends = stored::write_items(&mut payload, data.sources.iter())?;
            sections.extend([ends.last().copied().unwrap_or(0), payload.postcard(&ends)?]);
            let (postings, grams) = index.words.arrays();
            sections.extend([payload.numbers(postings.as_bytes())?, payload.numbers(grams.as_bytes())?]);
            let blocks = payload.finish();
            let header = Header {
                version: env!("CARGO_PKG_VERSION").to_string(),
                schema: schema_hash(),
                files: keys.0.clone(),
                sections,
                blocks,
            };
            let header = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
            out.write_all(&header)?;
            out.write_all(&(header.len() as u64).to_le_bytes())?;
            out.flush()?;
        }
        temp.persist(self.entry_path(keys)).map_err(|e| e.error)?;
        Ok(())
    }

    /// One entry per set of files (by path), so an edited file replaces its entry.
    fn entry_path(&self, keys: &Keys) -> PathBuf {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for key in &keys.0 {
            hasher.update(key.path.as_os_str().as_encoded_bytes());
            hasher.update(b"\0");
        }
        self.dir.join(format!("{:016x}.bin", hasher.digest()))
    }

    /// Removes temporary files left by killed writers, then the oldest entries until the
    /// directory fits in the size limit (never the entry just written).
    pub fn clean(&self, keep: &Keys) {
        let keep = self.entry_path(keep);
        let Ok(read) = std::fs::read_dir(&self.dir) else { return };
        let now = SystemTime::now();
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in read.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            let modified = meta.modified().unwrap_or(now);
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".write-") {
                if now.duration_since(modified).unwrap_or_default() > STALE_TEMP {
                    let _ = std::fs::remove_file(&path);
                }
            } else if name.ends_with(".bin") && meta.is_file() {
                entries.push((modified, meta.len(), path));
            }
        }
        let mut total: u64 = entries.iter().map(|e| e.1).sum();
        entries.sort();
        for (_, len, path) in entries {
            if total <= self.max_bytes {
                break;
            }
            if path != keep && std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

fn file_key(path: &Path) -> Option<FileKey> {
    if path.as_os_str() == "-" {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let modified = meta.modified().ok()?;
    let modified_ns = match modified.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    };
    let (inode, device) = inode(&meta);
    Some(FileKey { path: std::fs::canonicalize(path).ok()?, size: meta.len(), modified_ns, inode, device })
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.ino(), meta.dev())
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The cache `open` and `open_with_progress` use; none until the program asks for one, so
/// library users and tests never write to the user's cache directory.
static CONFIGURED: Mutex<Option<Cache>> = Mutex::new(None);

/// Sets the cache that [`super::open`] and [`super::open_with_progress`] use in this
/// process (`talks` sets the platform's, unless `--no-cache`).
pub fn configure(cache: Option<Cache>) {
    if let Ok(mut configured) = CONFIGURED.lock() {
        *configured = cache;
    }
}

pub(super) fn configured() -> Option<Cache> {
    CONFIGURED.lock().ok().and_then(|c| c.clone())
}

/// Cache writes still running, for [`wait_for_writes`].
/// How many there are, and a signal when one ends. A count rather than the threads' handles:
/// with handles, a second caller (another thread) would find them already taken by the
/// first and return before the writes were done.
static PENDING: Mutex<usize> = Mutex::new(0);
static WRITTEN: Condvar = Condvar::new();

/// One write in progress, counted in [`PENDING`] from its start until it is dropped (also
/// when the writing thread panics).
struct Writing;

impl Writing {
    fn start() -> Writing {
        if let Ok(mut pending) = PENDING.lock() {
            *pending += 1;
        }
        Writing
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            *pending = pending.saturating_sub(1);
        }
        WRITTEN.notify_all();
    }
}

/// Waits for the background cache writes of this process to finish. `main` calls it before
/// exiting, so `talks list` on a large file that was just parsed leaves a complete entry;
/// a process killed before then leaves only a temporary file, which a later clean removes.
pub fn wait_for_writes() {
    let Ok(mut pending) = PENDING.lock() else { return };
    while *pending > 0 {
        pending = match WRITTEN.wait(pending) {
            Ok(pending) => pending,
            Err(_) => return,
        };
    }
}

mod entry;
mod stored;
#[cfg(test)]
pub(crate) mod tests;
