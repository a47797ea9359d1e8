//! Parsing one large dataset text on every core: the big top-level lists (sources, people,
//! rounds, milestones …) are cut into pieces between their items and each piece is parsed
//! on its own; the rest of the file, with those lists emptied, is parsed as the skeleton.
//!
//! This is only ever a faster way to the same result. The cuts come from a light scan that
//! knows RON's strings and comments; every piece is then checked by the real parser, and a
//! piece can only parse if its cut fell between two items (a cut inside a string, a comment
//! or an item leaves something unclosed). On any failure the caller parses the whole text
//! serially, which gives the exact error position the user sees. Small texts are not worth
//! the threads and go straight to the serial parser.

use crate::model::Dataset;
use memchr::memchr2;
use ron::Options;
use serde::de::DeserializeOwned;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Below this, one thread parses faster than cutting and spawning.
const MIN_PARALLEL_BYTES: usize = 4 << 20;

/// A list item-range cut for one piece of work: at least this many bytes (the cores then
/// share about 8 pieces each, which evens out uneven pieces).
const MIN_PIECE_BYTES: usize = 1 << 20;

/// A top-level list of the dataset: its field name and where its items are (between the
/// brackets), with the offsets where pieces may be cut (after a comma between two items).
struct List<'a> {
    field: &'a str,
    inner: (usize, usize),
    cuts: Vec<usize>,
    /// Commas between its items so far (one per item when the last has a trailing comma).
    commas: usize,
}

/// The dataset, parsed in pieces across threads; `None` when the text is small, its shape is
/// not the expected one, or any piece fails (the caller then parses serially).
pub(crate) fn parse(text: &str, options: &Options) -> Option<Dataset> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if text.len() < MIN_PARALLEL_BYTES || threads < 2 {
        return None;
    }
    let piece = (text.len() / (threads * 8)).max(MIN_PIECE_BYTES);
    parse_in_pieces(text, options, piece, threads)
}

/// [`parse`] with pieces of at least `piece` bytes on `threads` threads (tests cut small
/// texts after every item).
fn parse_in_pieces(text: &str, options: &Options, piece: usize, threads: usize) -> Option<Dataset> {
    let scan = scan(text, piece, None)?;
    // Attributes such as `#![enable(implicit_some)]` before the dataset apply to every piece.
    // The struct name (`Dataset`) before the parenthesis is not part of it.
    let prelude =
        text[..scan.open].trim_end().trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let mut skeleton = String::with_capacity(text.len() / 8);
    let mut at = 0;
    let mut jobs: Vec<Job> = Vec::new();
    for list in &scan.lists {
        skeleton.push_str(&text[at..list.inner.0]);
        at = list.inner.1;
        let mut start = list.inner.0;
        for &cut in list.cuts.iter().chain(std::iter::once(&list.inner.1)) {
            if cut > start {
                jobs.push(Job { field: list.field, range: (start, cut) });
            }
            start = cut;
        }
    }
    skeleton.push_str(&text[at..]);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Piece>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    let failed = std::sync::atomic::AtomicBool::new(false);
    let skeleton = std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| work(text, prelude, options, &jobs, &next, &results, &failed));
        }
        let skeleton = options.from_str::<Dataset>(&skeleton).ok();
        work(text, prelude, options, &jobs, &next, &results, &failed);
        skeleton
    })?;
    if failed.load(Ordering::Relaxed) {
        return None;
    }
    let pieces = results.into_inner().ok()?;
    assemble(skeleton, &jobs, pieces)
}

/// One piece to parse: `text[range]`, items of the list `field`.
struct Job<'a> {
    field: &'a str,
    range: (usize, usize),
}

/// The items of one piece, typed by the list they belong to.
enum Piece {
    Sources(Vec<crate::model::Source>),
    Parties(Vec<crate::model::Party>),
    People(Vec<crate::model::Person>),
    Venues(Vec<crate::model::Venue>),
    Topics(Vec<crate::model::Topic>),
    Tracks(Vec<crate::model::Track>),
    Rounds(Vec<crate::model::Round>),
    Milestones(Vec<crate::model::Milestone>),
    Languages(Vec<String>),
}

/// Takes pieces off the shared queue until none is left or one failed.
fn work(
    text: &str,
    prelude: &str,
    options: &Options,
    jobs: &[Job],
    next: &AtomicUsize,
    results: &Mutex<Vec<Option<Piece>>>,
    failed: &std::sync::atomic::AtomicBool,
) {
    while !failed.load(Ordering::Relaxed) {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(job) = jobs.get(i) else { return };
        let mut source = String::with_capacity(prelude.len() + job.range.1 - job.range.0 + 2);
        source.push_str(prelude);
        source.push('[');
        source.push_str(&text[job.range.0..job.range.1]);
        source.push(']');
        match parse_piece(job.field, &source, options) {
            Some(piece) => {
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(piece);
                }
            }
            None => failed.store(true, Ordering::Relaxed),
        }
    }
}

fn parse_piece(field: &str, source: &str, options: &Options) -> Option<Piece> {
    fn list<T: DeserializeOwned>(source: &str, options: &Options) -> Option<Vec<T>> {
        options.from_str::<Vec<T>>(source).ok()
    }
    Some(match field {
        "sources" => Piece::Sources(list(source, options)?),
        "parties" => Piece::Parties(list(source, options)?),
        "people" => Piece::People(list(source, options)?),
        "venues" => Piece::Venues(list(source, options)?),
        "topics" => Piece::Topics(list(source, options)?),
        "tracks" => Piece::Tracks(list(source, options)?),
        "rounds" => Piece::Rounds(list(source, options)?),
        "milestones" => Piece::Milestones(list(source, options)?),
        "languages" => Piece::Languages(list(source, options)?),
        _ => return None,
    })
}

/// The skeleton's lists (emptied in its text) filled with the pieces, in file order.
fn assemble(mut data: Dataset, jobs: &[Job], pieces: Vec<Option<Piece>>) -> Option<Dataset> {
    for (job, piece) in jobs.iter().zip(pieces) {
        match (job.field, piece?) {
            ("sources", Piece::Sources(v)) => data.sources.extend(v),
            ("parties", Piece::Parties(v)) => data.parties.extend(v),
            ("people", Piece::People(v)) => data.people.extend(v),
            ("venues", Piece::Venues(v)) => data.venues.extend(v),
            ("topics", Piece::Topics(v)) => data.topics.extend(v),
            ("tracks", Piece::Tracks(v)) => data.tracks.extend(v),
            ("rounds", Piece::Rounds(v)) => data.rounds.extend(v),
            ("milestones", Piece::Milestones(v)) => data.milestones.extend(v),
            ("languages", Piece::Languages(v)) => data.languages.extend(v),
            _ => return None,
        }
    }
    Some(data)
}

/// What the scan found: where the dataset's opening parenthesis is, and its lists.
struct Scan<'a> {
    open: usize,
    lists: Vec<List<'a>>,
    /// Whether it stopped inside the rounds (the last list), as asked.
    stopped: bool,
}

/// The pieces a head is parsed in: small, since a head is small and the first screen waits.
const HEAD_PIECE_BYTES: usize = 64 * 1024;

/// The top of the text: metadata, every list before the rounds except the sources (which
/// only a round's detail needs), and the first `rounds` rounds, without reading further.
/// `None` when the text has no more rounds than that, has its rounds before the entities,
/// or does not parse (the whole load will say why). With the dataset, the byte range of
/// the rounds list read so far (for an estimate of how many the whole file holds).
pub(crate) fn parse_head(text: &str, options: &Options, rounds: usize) -> Option<(Dataset, (usize, usize))> {
    let scan = scan(text, usize::MAX, Some(rounds.max(1)))?;
    let (last, before) = scan.lists.split_last()?;
    if !scan.stopped || last.field != "rounds" {
        return None;
    }
    let sources = before.iter().filter(|l| l.field == "sources");
    let mut head =
        String::with_capacity(last.inner.1 - sources.map(|l| l.inner.1 - l.inner.0).sum::<usize>() + 4);
    let mut at = 0;
    for list in before.iter().filter(|l| l.field == "sources") {
        head.push_str(&text[at..list.inner.0]);
        at = list.inner.1;
    }
    head.push_str(&text[at..last.inner.1]);
    head.push_str("\n]\n)\n");
    // The head is a megabyte or two of entities (thousands of people with their aliases),
    // which is most of the first screen's wait: parsed in pieces on every core when it can
    // be, else whole.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pieces = (threads > 1 && head.len() >= HEAD_PIECE_BYTES * 2)
        .then(|| parse_in_pieces(&head, options, HEAD_PIECE_BYTES, threads))
        .flatten();
    let data = match pieces {
        Some(data) => data,
        None => options.from_str::<Dataset>(&head).ok()?,
    };
    Some((data, last.inner))
}

/// One pass over the text tracking nesting, strings and comments. Finds each `field: [`
/// directly inside the dataset's parentheses and, inside it, the commas between items at
/// least `piece` bytes apart. `None` for anything unexpected (the serial parser will say
/// what is wrong).
///
/// With `stop_after`, the scan ends after that many items of the `rounds` list.
fn scan(text: &str, piece: usize, stop_after: Option<usize>) -> Option<Scan<'_>> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    let mut open = None;
    let mut lists: Vec<List> = Vec::new();
    // The list being walked (an index into `lists`) while depth ≥ 2 inside it.
    let mut current: Option<usize> = None;
    let mut last_cut = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = skip_string(b, i + 1)?,
            b'r' if is_raw_start(b, i) => i = skip_raw_string(b, i + 1)?,
            b'\'' => i = skip_char(b, i + 1)?,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2)?,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    open.get_or_insert(i);
                }
                if depth == 1 && b[i] == b'[' {
                    let field = field_before(text, i)?;
                    lists.push(List { field, inner: (i + 1, i + 1), cuts: Vec::new(), commas: 0 });
                    current = Some(lists.len() - 1);
                    last_cut = i + 1;
                }
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1 {
                    if let Some(l) = current.take() {
                        lists[l].inner.1 = i;
                    }
                }
                i += 1;
            }
            b',' if depth == 2 => {
                i += 1;
                if let Some(list) = current.and_then(|l| lists.get_mut(l)) {
                    list.commas += 1;
                    if stop_after.is_some_and(|n| list.commas >= n) && list.field == "rounds" {
                        list.inner.1 = i;
                        return Some(Scan { open: open?, lists, stopped: true });
                    }
                    if i - last_cut >= piece {
                        list.cuts.push(i);
                        last_cut = i;
                    }
                }
            }
            _ => i += 1,
        }
    }
    Some(Scan { open: open?, lists, stopped: false })
}

/// The identifier before `name:` ending just before `at` (spaces allowed around the colon).
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let start = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |p| p + 1);
    let name = &before[start..];
    (!name.is_empty()).then_some(name)
}

/// Past the closing quote of a string whose content starts at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let n = memchr2(b'"', b'\\', b.get(i..)?)?;
        i += n;
        if b[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

/// `r"…"` or `r#"…"#`, not an identifier that merely contains an `r`.
fn is_raw_start(b: &[u8], i: usize) -> bool {
    let after_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    !after_ident && matches!(b.get(i + 1), Some(b'"' | b'#'))
}

/// Past a raw string whose hashes (if any) start at `i`.
fn skip_raw_string(b: &[u8], mut i: usize) -> Option<usize> {
    let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
    i += hashes;
    if b.get(i) != Some(&b'"') {
        // `r#ident` (a raw identifier): nothing to skip.
        return Some(i);
    }
    i += 1;
    loop {
        let n = memchr::memchr(b'"', &b[i..])?;
        i += n + 1;
        if b[i..].iter().take(hashes).filter(|&&c| c == b'#').count() == hashes {
            return Some(i + hashes);
        }
    }
}

/// Past a character literal whose content starts at `i`.
fn skip_char(b: &[u8], i: usize) -> Option<usize> {
    let body = if b.get(i) == Some(&b'\\') { i + 2 } else { i + 1 };
    let window = b.get(body..b.len().min(body + 8))?;
    let end = body + memchr::memchr(b'\'', window)?;
    Some(end + 1)
}

/// Past a block comment (they nest in RON) whose content starts at `i`.
fn skip_block_comment(b: &[u8], mut i: usize) -> Option<usize> {
    let mut level = 1;
    while level > 0 {
        let n = memchr2(b'*', b'/', b.get(i..)?)?;
        i += n;
        match (b[i], b.get(i + 1)) {
            (b'*', Some(b'/')) => {
                level -= 1;
                i += 2;
            }
            (b'/', Some(b'*')) => {
                level += 1;
                i += 2;
            }
            _ => i += 1,
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests;
