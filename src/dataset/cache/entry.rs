//! The layout of a cache entry: the magic bytes, the sections ([`Part`]), the header that
//! says what the entry was built from, and the hashes of its blocks; writing the sections
//! ([`Payload`]) and checking a mapped entry before anything in it is trusted
//! ([`verified_payload`]). What goes in each section, and reading it back, is `cache.rs`'s.

use super::{FileKey, Keys};
use serde::{Deserialize, Serialize};
use std::io::Write;
use xxhash_rust::xxh3::Xxh3;

/// The first bytes of every entry.
pub(super) const MAGIC: &[u8; 8] = b"talksC04";

/// The source of every type stored in an entry: any change to them changes the schema hash,
/// so an entry written by another build of the types is never read as this one.
const SCHEMA_SOURCES: &[&str] = &[
    include_str!("../../model/mod.rs"),
    include_str!("../../model/date.rs"),
    include_str!("../../model/entities.rs"),
    include_str!("../../model/round.rs"),
    include_str!("../../model/vocab.rs"),
    include_str!("../../model/kind.rs"),
    include_str!("../../model/items.rs"),
    include_str!("../index.rs"),
    include_str!("../index/keys.rs"),
    include_str!("../index/ids.rs"),
    include_str!("../index/lists.rs"),
    include_str!("../index/shared.rs"),
    include_str!("../index/table.rs"),
    include_str!("../words.rs"),
    include_str!("../diagnostic.rs"),
    include_str!("../code.rs"),
    include_str!("../cache.rs"),
    include_str!("entry.rs"),
    include_str!("stored.rs"),
];

pub(super) fn schema_hash() -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Arrays of numbers are stored as they are in memory.
    hasher.update(if cfg!(target_endian = "little") { b"little-endian" } else { b"big-endian" });
    for source in SCHEMA_SOURCES {
        hasher.update(source.as_bytes());
    }
    hasher.digest()
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Header {
    pub(super) version: String,
    pub(super) schema: u64,
    pub(super) files: Vec<FileKey>,
    /// The length of each section, in [`Part`] order.
    pub(super) sections: Vec<u64>,
    /// The xxh3 hash of each [`BLOCK`] bytes of the payload (the sections, one after the
    /// other), so that checking them is shared between the cores.
    pub(super) blocks: Vec<u64>,
}

/// The sections of an entry, in the order they are written.
#[derive(Debug, Clone, Copy)]
pub(super) enum Part {
    /// postcard: the dataset without its rounds and sources.
    Dataset,
    /// postcard: the index, without the text of its key tables.
    Index,
    /// postcard: the warnings of the load.
    Warnings,
    /// The text of the rounds' key table, its columns one after the other, as they are:
    /// read in place from the mapped entry.
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

pub(super) const PARTS: usize = 11;

/// Sections of numbers start at a multiple of this in the entry (the map itself starts at a
/// page), so that `u32` and `u64` arrays can be read where they lie.
const ALIGN: usize = 8;

/// A section of numbers without the zeros before it (see `Payload::numbers`).
pub(super) fn aligned(section: std::ops::Range<usize>) -> std::ops::Range<usize> {
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

/// The sections of an entry as they are written: counted, and hashed in blocks.
pub(super) struct Payload<W> {
    out: W,
    hasher: Xxh3,
    /// How much of the current block is written.
    in_block: usize,
    blocks: Vec<u64>,
}

impl<W: Write> Payload<W> {
    /// The payload of an entry whose magic bytes are written.
    pub(super) fn new(out: W) -> Payload<W> {
        Payload { out, hasher: Xxh3::new(), in_block: 0, blocks: Vec::new() }
    }

    /// Writes a value with postcard, returning the section's length.
    pub(super) fn postcard<T: Serialize + ?Sized>(&mut self, value: &T) -> std::io::Result<u64> {
        let mut counted = Counted { inner: &mut *self, len: 0 };
        postcard::to_io(value, &mut counted).map_err(std::io::Error::other)?;
        Ok(counted.len)
    }

    /// Writes bytes as they are, returning the section's length.
    pub(super) fn raw(&mut self, bytes: &[u8]) -> std::io::Result<u64> {
        self.write_all(bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Writes texts as they are, one after the other, returning the section's length.
    pub(super) fn texts<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) -> std::io::Result<u64> {
        let mut len = 0;
        for text in texts {
            len += self.raw(text.as_bytes())?;
        }
        Ok(len)
    }

    /// Writes the bytes of numbers as they are, after zeros up to the next multiple of
    /// [`ALIGN`] in the entry, so they can be read in place; the section's length counts the
    /// zeros (see [`aligned`]).
    pub(super) fn numbers(&mut self, bytes: &[u8]) -> std::io::Result<u64> {
        let at = MAGIC.len() + self.blocks.len() * BLOCK + self.in_block;
        let pad = at.next_multiple_of(ALIGN) - at;
        self.write_all(&[0; ALIGN][..pad])?;
        self.write_all(bytes)?;
        Ok((pad + bytes.len()) as u64)
    }

    /// The hashes of the blocks, the last one short.
    pub(super) fn finish(mut self) -> Vec<u64> {
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
pub(super) struct Counted<W> {
    pub(super) inner: W,
    pub(super) len: u64,
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
pub(super) fn verified_payload(
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
pub(super) fn release(map: &memmap2::Mmap, part: &[u8]) {
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
