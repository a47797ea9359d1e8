//! The RON export: a self-contained dataset holding the chosen rounds and everything they
//! refer to, which `talks --data` opens and `talks check` passes.
//!
//! Entities keep their order from the source dataset (filtered, not re-sorted), so an
//! export diffs cleanly against the original. Closure is what matters: topics bring their
//! ancestors, people bring the parties and sources of their positions, and every source
//! cited anywhere (statements, members, duration, notes) comes along.

use super::common::cited;
use crate::dataset::{to_ron, Library};
use crate::model::{Dataset, Round};
use crate::Error;
use std::collections::HashSet;

pub(super) fn render(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let mut text = to_ron(&subset(lib, rounds))
        .map_err(|e| Error::Write(format!("cannot write the export as RON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// The ids the chosen rounds need, by kind.
#[derive(Default)]
struct Needed<'a> {
    sources: HashSet<&'a str>,
    parties: HashSet<&'a str>,
    people: HashSet<&'a str>,
    venues: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    tracks: HashSet<&'a str>,
}

pub(super) fn subset(lib: &Library, rounds: &[usize]) -> Dataset {
    let d = lib.data();
    let mut seen = HashSet::new();
    // Each round once, in the order asked: a duplicate would fail validation.
    let chosen: Vec<&Round> =
        rounds.iter().filter(|&&i| seen.insert(i)).filter_map(|&i| d.rounds.get(i)).collect();
    let mut need = Needed::default();
    for r in &chosen {
        need.round(lib, r);
    }
    // People are resolved after the rounds, since their parties and sources depend on them.
    for p in d.people.iter().filter(|p| need.people.contains(p.id.as_str())) {
        need.parties.extend(p.party.as_deref());
        for pos in &p.positions {
            need.parties.extend(pos.party.as_deref());
            need.sources.extend(pos.sources.iter().map(String::as_str));
        }
    }
    let keep = |set: &HashSet<&str>, id: &str| set.contains(id);
    let mut sources: Vec<usize> =
        need.sources.iter().filter_map(|id| lib.position(crate::model::Kind::Source, id)).collect();
    sources.sort_unstable();
    Dataset {
        title: format!("{} (export)", d.title),
        version: d.version.clone(),
        curated_on: d.curated_on,
        description: d.description.clone(),
        languages: d.languages.clone(),
        licence: d.licence.clone(),
        // Looked up by id rather than filtered from the whole list: sources may be decoded
        // one at a time (from the load cache), and an export needs a few of many.
        sources: sources.iter().filter_map(|&i| d.sources.get(i)).cloned().collect(),
        parties: d.parties.iter().filter(|x| keep(&need.parties, &x.id)).cloned().collect(),
        people: d.people.iter().filter(|x| keep(&need.people, &x.id)).cloned().collect(),
        venues: d.venues.iter().filter(|x| keep(&need.venues, &x.id)).cloned().collect(),
        topics: d.topics.iter().filter(|x| keep(&need.topics, &x.id)).cloned().collect(),
        tracks: d.tracks.iter().filter(|x| keep(&need.tracks, &x.id)).cloned().collect(),
        rounds: chosen.iter().map(|r| without_dangling_links(r, &chosen)).collect(),
        // Milestones refer to rounds the export may leave out; they are not part of a round.
        milestones: Vec::new(),
    }
}

/// A round for the exported file: links to rounds that are not exported are dropped, so
/// the file validates on its own.
fn without_dangling_links(r: &Round, chosen: &[&Round]) -> Round {
    let mut r = r.clone();
    r.links.retain(|l| chosen.iter().any(|c| c.id == l.round));
    r
}

impl<'a> Needed<'a> {
    fn round(&mut self, lib: &'a Library, r: &'a Round) {
        self.tracks.insert(&r.track);
        self.venues.extend(r.venue.as_deref());
        self.sources.extend(cited(r));
        for m in r.participants() {
            self.people.insert(&m.person);
        }
        for del in &r.delegations {
            self.parties.insert(&del.party);
            self.people.extend(del.heads.iter().map(String::as_str));
        }
        for third in &r.third_parties {
            self.parties.insert(&third.party);
        }
        for item in &r.agenda {
            self.topic_and_ancestors(lib, &item.topic);
            self.parties.extend(item.raised_by.as_deref());
            self.parties.extend(item.statements.iter().map(|s| s.party.as_str()));
        }
    }

    fn topic_and_ancestors(&mut self, lib: &'a Library, id: &'a str) {
        let mut at = Some(id);
        // `insert` returning false stops at a topic already taken, which also ends a cycle.
        while let Some(topic) = at {
            if !self.topics.insert(topic) {
                break;
            }
            at = lib.topic(topic).and_then(|t| t.parent.as_deref());
        }
    }
}
