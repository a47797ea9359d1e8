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
//! Reading an entry decodes little: the text of the search keys is used in place in the
//! mapped file, and each round and source is decoded when first read (see `stored`), so
//! the entry stays mapped as long as a library made from it lives. Entries are
//! written in a background thread, to a temporary file renamed into place, so a reader never
//! sees half an entry; [`wait_for_writes`] lets a short-lived command finish the write
//! before it exits. The directory is kept under a size limit, oldest entries first.
//! Standard input, the built-in dataset and small files (which parse in milliseconds) are
//! never cached.

use super::index::{Arena, Index, Numbers, SharedBytes};
use super::{Library, Problem};
use crate::model::{Dataset, Decode};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::Xxh3;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"talksC04";

/// Files smaller than this in total are not cached: they parse faster than an entry loads.
pub const MIN_CACHED_BYTES: u64 = 1 << 20;

/// The most the cache directory may hold; the oldest entries go first.
pub const MAX_CACHE_BYTES: u64 = 4 << 30;

/// A temporary file left by a write that was cut short (a killed process) is removed after
/// this long; a younger one may still be being written by another `talks`.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// The source of every type stored in an entry: any change to them changes the schema hash,
/// so an entry written by another build of the types is never read as this one.
const SCHEMA_SOURCES: &[&str] = &[
    include_str!("../model/mod.rs"),
    include_str!("../model/date.rs"),
    include_str!("../model/entities.rs"),
    include_str!("../model/round.rs"),
    include_str!("../model/vocab.rs"),
    include_str!("../model/kind.rs"),
    include_str!("../model/items.rs"),
    include_str!("index.rs"),
    include_str!("index/keys.rs"),
    include_str!("index/ids.rs"),
    include_str!("index/lists.rs"),
    include_str!("index/shared.rs"),
    include_str!("index/table.rs"),
    include_str!("words.rs"),
    include_str!("diagnostic.rs"),
    include_str!("code.rs"),
    include_str!("cache.rs"),
];

fn schema_hash() -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Arrays of numbers are stored as they are in memory.
    hasher.update(if cfg!(target_endian = "little") { b"little-endian" } else { b"big-endian" });
    for source in SCHEMA_SOURCES {
        hasher.update(source.as_bytes());
    }
    hasher.digest()
}

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

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    version: String,
    schema: u64,
    files: Vec<FileKey>,
    /// The length of each section, in [`Part`] order.
    sections: Vec<u64>,
    /// The xxh3 hash of each [`BLOCK`] bytes of the payload (the sections, one after the
    /// other), so that checking them is shared between the cores.
    blocks: Vec<u64>,
}

/// The sections of an entry, in the order they are written.
#[derive(Debug, Clone, Copy)]
enum Part {
    /// postcard: the dataset without its rounds and sources.
    Dataset,
    /// postcard: the index, without the text of its key tables.
    Index,
    /// postcard: the warnings of the load.
    Warnings,
    /// The text of the rounds' key table, as it is: read in place from the mapped entry.
    RoundKeys,
    /// The text of the milestones' key table, likewise.
    MilestoneKeys,
    /// Each round with postcard, one after the other, decoded when first read.
    Rounds,
    /// postcard: where each round ends in `Rounds`.
    RoundEnds,
    /// Each source, likewise.
    Sources,
    /// postcard: where each source ends in `Sources`.
    SourceEnds,
    /// The word index's postings, `u32`s as they are in memory (aligned).
    Postings,
    /// The word index's gram sets, `u64`s likewise.
    Grams,
}

const PARTS: usize = 11;

/// Sections of numbers start at a multiple of this in the entry (the map itself starts at a
/// page), so that `u32` and `u64` arrays can be read where they lie.
const ALIGN: usize = 8;

/// A section of numbers without the zeros before it (see `Payload::numbers`).
fn aligned(section: std::ops::Range<usize>) -> std::ops::Range<usize> {
    section.start.next_multiple_of(ALIGN).min(section.end)..section.end
}

/// The payload is hashed in blocks of this size.
const BLOCK: usize = 16 << 20;

/// True when every block of `payload` has its hash, checked on every core (the payload is
/// most of a large entry, and nothing else reads all of it). `done` is given each block
/// once it is checked.
fn blocks_match(payload: &[u8], hashes: &[u64], done: &(dyn Fn(&[u8]) + Sync)) -> bool {
    let blocks: Vec<&[u8]> = payload.chunks(BLOCK).collect();
    if blocks.len() != hashes.len() {
        return false;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(blocks.len()).max(1);
    let each = blocks.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let checks: Vec<_> = blocks
            .chunks(each)
            .zip(hashes.chunks(each))
            .map(|(blocks, hashes)| {
                scope.spawn(move || {
                    blocks.iter().zip(hashes).all(|(block, &hash)| {
                        let matches = xxhash_rust::xxh3::xxh3_64(block) == hash;
                        done(block);
                        matches
                    })
                })
            })
            .collect();
        checks.into_iter().all(|check| check.join().unwrap_or(false))
    })
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
        let shared = |p: Part| Arena::shared(bytes(), ranges[p as usize].clone());
        index.rounds = std::mem::take(&mut index.rounds).with_arena(shared(Part::RoundKeys)?)?;
        index.milestone_keys =
            std::mem::take(&mut index.milestone_keys).with_arena(shared(Part::MilestoneKeys)?)?;
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
        let handle = std::thread::spawn(move || {
            // A cache that cannot be written is only a slower next start: nothing to report.
            let _ = cache.store(&keys, &data, &index, &warnings);
            cache.clean(&keys);
        });
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(handle);
        }
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
            let mut payload = Payload { out: &mut out, hasher: Xxh3::new(), in_block: 0, blocks: Vec::new() };
            let mut sections = vec![
                payload.postcard(&stored::skeleton(data))?,
                payload.postcard(index)?,
                payload.postcard(warnings)?,
                payload.raw(index.rounds.arena().as_bytes())?,
                payload.raw(index.milestone_keys.arena().as_bytes())?,
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

/// The sections of an entry as they are written: counted, and hashed in blocks.
struct Payload<W> {
    out: W,
    hasher: Xxh3,
    /// How much of the current block is written.
    in_block: usize,
    blocks: Vec<u64>,
}

impl<W: Write> Payload<W> {
    /// Writes a value with postcard, returning the section's length.
    fn postcard<T: Serialize + ?Sized>(&mut self, value: &T) -> std::io::Result<u64> {
        let mut counted = Counted { inner: &mut *self, len: 0 };
        postcard::to_io(value, &mut counted).map_err(std::io::Error::other)?;
        Ok(counted.len)
    }

    /// Writes bytes as they are, returning the section's length.
    fn raw(&mut self, bytes: &[u8]) -> std::io::Result<u64> {
        self.write_all(bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Writes the bytes of numbers as they are, after zeros up to the next multiple of
    /// [`ALIGN`] in the entry, so they can be read in place; the section's length counts the
    /// zeros (see [`aligned`]).
    fn numbers(&mut self, bytes: &[u8]) -> std::io::Result<u64> {
        let at = MAGIC.len() + self.blocks.len() * BLOCK + self.in_block;
        let pad = at.next_multiple_of(ALIGN) - at;
        self.write_all(&[0; ALIGN][..pad])?;
        self.write_all(bytes)?;
        Ok((pad + bytes.len()) as u64)
    }

    /// The hashes of the blocks, the last one short.
    fn finish(mut self) -> Vec<u64> {
        if self.in_block > 0 {
            self.blocks.push(self.hasher.digest());
        }
        self.blocks
    }
}

impl<W: Write> Write for Payload<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = BLOCK - self.in_block;
        let n = self.out.write(&buf[..buf.len().min(room)])?;
        self.hasher.update(&buf[..n]);
        self.in_block += n;
        if self.in_block == BLOCK {
            self.blocks.push(self.hasher.digest());
            self.hasher.reset();
            self.in_block = 0;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Counts what is written through it.
struct Counted<W> {
    inner: W,
    len: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The section lengths and where the payload lies in a mapped entry, if its header matches
/// the files and the build, the sections add up to the payload, and every block of the
/// payload has its hash.
fn verified_payload(
    bytes: &[u8],
    keys: &Keys,
    checked: &(dyn Fn(&[u8]) + Sync),
) -> Option<(Vec<u64>, std::ops::Range<usize>)> {
    let body = bytes.strip_prefix(MAGIC)?;
    let (rest, header_len) = body.split_at_checked(body.len().checked_sub(8)?)?;
    let header_len = usize::try_from(u64::from_le_bytes(header_len.try_into().ok()?)).ok()?;
    let (payload, header) = rest.split_at_checked(rest.len().checked_sub(header_len)?)?;
    let header: Header = postcard::from_bytes(header).ok()?;
    let matches = header.version == env!("CARGO_PKG_VERSION")
        && header.schema == schema_hash()
        && header.files == keys.0
        && header.sections.len() == PARTS
        && header.sections.iter().try_fold(0u64, |sum, &len| sum.checked_add(len))
            == Some(payload.len() as u64)
        && blocks_match(payload, &header.blocks, checked);
    matches.then_some((header.sections, MAGIC.len()..MAGIC.len() + payload.len()))
}

/// Drops the pages of `part` (a part of `map`) from this process once they are checked.
/// They stay in the system's page cache, but need not stay resident here: only what is read
/// again (the index, the rounds shown) comes back, so a large library's resident memory is
/// near the size of its index instead of the whole entry, which checking reads in full.
fn release(map: &memmap2::Mmap, part: &[u8]) {
    let offset = (part.as_ptr() as usize).wrapping_sub(map.as_ptr() as usize);
    #[cfg(unix)]
    if offset.checked_add(part.len()).is_some_and(|end| end <= map.len()) {
        // Safety: the map is shared and read-only (`Mmap::map`), so dropping its pages loses
        // nothing: the next read fetches the same bytes from the file again. (What makes
        // this advice unsafe in general is a private writable map, whose changes it would
        // discard.) A failure only leaves the pages resident.
        let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, offset, part.len()) };
    }
    #[cfg(not(unix))]
    let _ = offset;
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
static PENDING: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// Waits for the background cache writes of this process to finish. `main` calls it before
/// exiting, so `talks list` on a large file that was just parsed leaves a complete entry;
/// a process killed before then leaves only a temporary file, which a later clean removes.
pub fn wait_for_writes() {
    let pending = match PENDING.lock() {
        Ok(mut pending) => std::mem::take(&mut *pending),
        Err(_) => return,
    };
    for handle in pending {
        let _ = handle.join();
    }
}

mod stored;
#[cfg(test)]
mod tests;
