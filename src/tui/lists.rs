//! The People and Topics views' own filters and the folds of the topic tree: which people
//! and topics their lists show.
//!
//! Each view keeps its own filter text: words that must all be found, folded (case and
//! accents, any script through transliteration), in a person's name, aliases, party and
//! posts, or in a topic's name, aliases, id and description. The rounds keep the query
//! language, which the Rounds, Timeline and Milestones views share. Search keys are folded
//! once here, when the browser starts. No drawing and no I/O.

use crate::dataset::Library;
use crate::model::Kind;
use crate::text::fold;

#[derive(Debug, Clone, Default)]
pub struct Lists {
    pub people_filter: String,
    pub topics_filter: String,
    /// Per topic: its sub-topics are hidden.
    pub folded: Vec<bool>,
    /// Per topic: its parent, when it has one.
    pub parent: Vec<Option<usize>>,
    people_order: Vec<usize>,
    topic_order: Vec<usize>,
    people_keys: Vec<String>,
    topic_keys: Vec<String>,
}

impl Lists {
    /// The lists in the given orders (people by family name, topics depth first).
    pub fn new(lib: &Library, people_order: Vec<usize>, topic_order: Vec<usize>) -> Lists {
        let d = lib.data();
        let people_keys = d
            .people
            .iter()
            .map(|p| {
                let party = p.party.as_deref().map_or("", |id| lib.party_name(id));
                let posts = p.positions.iter().map(|pos| pos.title.as_str());
                let words = [p.name.as_str(), p.id.as_str(), party].into_iter();
                fold(
                    &words
                        .chain(p.aliases.iter().map(String::as_str))
                        .chain(posts)
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            })
            .collect();
        let topic_keys = d
            .topics
            .iter()
            .map(|t| {
                let words = [t.name.as_str(), t.id.as_str(), t.description.as_str()].into_iter();
                fold(&words.chain(t.aliases.iter().map(String::as_str)).collect::<Vec<_>>().join("\n"))
            })
            .collect();
        let parent =
            d.topics.iter().map(|t| t.parent.as_deref().and_then(|p| lib.position(Kind::Topic, p))).collect();
        Lists {
            folded: vec![false; d.topics.len()],
            parent,
            people_order,
            topic_order,
            people_keys,
            topic_keys,
            ..Lists::default()
        }
    }

    /// The people the People view lists: those the filter finds, by family name.
    pub fn people(&self) -> Vec<usize> {
        let words = words(&self.people_filter);
        let found = |p: &usize| self.people_keys.get(*p).is_some_and(|k| words.iter().all(|w| k.contains(w)));
        self.people_order.iter().copied().filter(found).collect()
    }

    /// The topics the Topics view lists, in tree order: with a filter, those it finds
    /// (inside folded branches too, so nothing found is hidden); without, those no folded
    /// topic hides.
    pub fn topics(&self) -> Vec<usize> {
        let words = words(&self.topics_filter);
        if !words.is_empty() {
            let found =
                |t: &usize| self.topic_keys.get(*t).is_some_and(|k| words.iter().all(|w| k.contains(w)));
            return self.topic_order.iter().copied().filter(found).collect();
        }
        self.topic_order.iter().copied().filter(|&t| !self.hidden(t)).collect()
    }

    /// True when a folded topic above `t` hides it.
    pub fn hidden(&self, t: usize) -> bool {
        let mut at = self.parent.get(t).copied().flatten();
        // Bounded, so a parent cycle (which validation reports) cannot loop forever.
        for _ in 0..self.parent.len() {
            let Some(p) = at else { return false };
            if self.folded.get(p).copied().unwrap_or(false) {
                return true;
            }
            at = self.parent.get(p).copied().flatten();
        }
        false
    }

    /// Unfolds every topic above `t`, so that it shows.
    pub fn reveal(&mut self, t: usize) {
        let mut at = self.parent.get(t).copied().flatten();
        for _ in 0..self.parent.len() {
            let Some(p) = at else { return };
            if let Some(f) = self.folded.get_mut(p) {
                *f = false;
            }
            at = self.parent.get(p).copied().flatten();
        }
    }
}

/// The folded words of a filter text.
fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_string).collect()
}
