//! Two rounds side by side: what is the same and what changed, section by section.
//!
//! [`compare`] builds a [`Comparison`] (the facts, the delegations person by person, the
//! agenda topic by topic, the notes), which serialises as the JSON of `talks compare`.
//! [`Comparison::lines`] lays it out as rows of a label and two cells, the layout the
//! browser's comparison and the plain text share; Markdown and text are in `render`.
//! Only structured differences are flagged (a date, a venue, who sat where, an outcome):
//! summaries, statements and notes differ by nature and are shown, not flagged.

mod lines;
mod render;
#[cfg(test)]
mod tests;

pub use lines::{Line, LineKind, Subject};
pub use render::{render, CompareFormat};

use super::json::{ident, named, Named};
use crate::dataset::Library;
use crate::model::{AgendaItem, Round};
use serde::Serialize;

/// Two rounds compared: the marked one on the left, the selected one on the right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub left: RoundRef,
    pub right: RoundRef,
    pub facts: Vec<Fact>,
    pub delegations: Vec<PartyRows>,
    pub agenda: Vec<TopicRows>,
    pub notes: Sides<Vec<String>>,
}

/// Which round a side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundRef {
    pub id: String,
    pub title: String,
    pub date: String,
    /// The round's position in the dataset, for the browser's links.
    #[serde(skip)]
    pub index: usize,
}

/// The same thing on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sides<T> {
    pub left: T,
    pub right: T,
}

/// One fact of the overview: `date`, `venue`, `format`, `status`, `track`, `duration`,
/// `third_parties`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub field: &'static str,
    pub left: String,
    pub right: String,
    pub same: bool,
}

/// One party's people across the two rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyRows {
    pub party: Named,
    /// Whether the party had a delegation at each round.
    pub present: Sides<bool>,
    pub people: Vec<PersonRow>,
}

/// One person's seat at each round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRow {
    pub person: Named,
    pub left: Option<Seat>,
    pub right: Option<Seat>,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seat {
    pub role: String,
    pub head: bool,
}

/// How a person's place differs between the rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// At both, in the same post (and leading both or neither).
    Same,
    /// At both, with a different post, or leading one and not the other.
    PostChanged,
    OnlyLeft,
    OnlyRight,
}

/// One topic across the two agendas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRows {
    pub topic: Named,
    pub left: Option<ItemSide>,
    pub right: Option<ItemSide>,
    /// On both agendas with the same outcome.
    pub same_outcome: bool,
}

/// An agenda item as one round had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemSide {
    /// The outcome's identifier (`agreed`, `no_agreement` …).
    pub outcome: String,
    /// The outcome for people (`agreed`, `no agreement` …).
    #[serde(skip)]
    pub outcome_label: &'static str,
    pub summary: String,
    pub statements: Vec<StatementSide>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementSide {
    pub party: Named,
    pub text: String,
}

/// Compares round `left` with round `right` (positions in the dataset); `None` when either
/// is not a round of `lib`.
pub fn compare(lib: &Library, left: usize, right: usize) -> Option<Comparison> {
    let (a, b) = (lib.data().rounds.get(left)?, lib.data().rounds.get(right)?);
    Some(Comparison {
        left: round_ref(a, left),
        right: round_ref(b, right),
        facts: facts(lib, a, b),
        delegations: delegations(lib, a, b),
        agenda: agenda(lib, a, b),
        notes: Sides {
            left: a.notes.iter().map(|n| n.text.clone()).collect(),
            right: b.notes.iter().map(|n| n.text.clone()).collect(),
        },
    })
}

fn round_ref(r: &Round, index: usize) -> RoundRef {
    RoundRef { id: r.id.clone(), title: r.title.clone(), date: r.date_label(), index }
}

fn facts(lib: &Library, a: &Round, b: &Round) -> Vec<Fact> {
    let duration = |r: &Round| r.duration.as_ref().map_or(String::new(), |d| d.label());
    let thirds = |r: &Round| {
        let all: Vec<String> = r
            .third_parties
            .iter()
            .map(|t| format!("{} ({})", lib.party_name(&t.party), t.role.label()))
            .collect();
        all.join("; ")
    };
    let pairs: [(&'static str, String, String); 7] = [
        ("date", a.date_label(), b.date_label()),
        ("venue", lib.venue_label(a), lib.venue_label(b)),
        ("format", a.format.label().into(), b.format.label().into()),
        ("status", a.status.label().into(), b.status.label().into()),
        ("track", lib.track_name(&a.track).into(), lib.track_name(&b.track).into()),
        ("duration", duration(a), duration(b)),
        ("third_parties", thirds(a), thirds(b)),
    ];
    pairs.into_iter().map(|(field, left, right)| Fact { field, same: left == right, left, right }).collect()
}

/// True when two wordings name one post: compared without case, accents, punctuation and
/// the little words (`First Deputy Head, Foreign Intelligence Service` is `First Deputy
/// Head of the Foreign Intelligence Service`), so that a curator's rewording is not
/// reported as a new post. The two wordings are still shown as written.
pub(crate) fn same_post(a: &str, b: &str) -> bool {
    fn words(role: &str) -> Vec<String> {
        const LITTLE: [&str; 7] = ["the", "a", "an", "of", "for", "and", "to"];
        crate::text::fold(role)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !LITTLE.contains(w))
            .map(str::to_string)
            .collect()
    }
    a == b || words(a) == words(b)
}

/// Parties in the left round's order, then those only on the right; within a party the
/// heads first, then the members, the left round's people before those only on the right.
fn delegations(lib: &Library, a: &Round, b: &Round) -> Vec<PartyRows> {
    let mut parties: Vec<&str> = a.delegations.iter().map(|d| d.party.as_str()).collect();
    for d in &b.delegations {
        if !parties.contains(&d.party.as_str()) {
            parties.push(&d.party);
        }
    }
    parties
        .into_iter()
        .map(|party| {
            let da = a.delegations.iter().find(|d| d.party == party);
            let db = b.delegations.iter().find(|d| d.party == party);
            let seat = |d: Option<&crate::model::Delegation>, person: &str| {
                let d = d?;
                let m = d.members.iter().find(|m| m.person == person)?;
                Some(Seat { role: m.role.clone(), head: d.is_head(person) })
            };
            let mut people: Vec<&str> = Vec::new();
            for d in [da, db].into_iter().flatten() {
                let (heads, others): (Vec<_>, Vec<_>) = d.members.iter().partition(|m| d.is_head(&m.person));
                for m in heads.into_iter().chain(others) {
                    if !people.contains(&m.person.as_str()) {
                        people.push(&m.person);
                    }
                }
            }
            let people = people
                .into_iter()
                .map(|p| {
                    let (left, right) = (seat(da, p), seat(db, p));
                    let change = match (&left, &right) {
                        (Some(l), Some(r)) if l.head == r.head && same_post(&l.role, &r.role) => Change::Same,
                        (Some(_), Some(_)) => Change::PostChanged,
                        (Some(_), None) => Change::OnlyLeft,
                        _ => Change::OnlyRight,
                    };
                    PersonRow { person: named(p, lib.person_name(p)), left, right, change }
                })
                .collect();
            PartyRows {
                party: named(party, lib.party_name(party)),
                present: Sides { left: da.is_some(), right: db.is_some() },
                people,
            }
        })
        .collect()
}

/// Topics in the left agenda's order, then those only on the right. A topic on an agenda
/// twice is paired occurrence by occurrence.
fn agenda(lib: &Library, a: &Round, b: &Round) -> Vec<TopicRows> {
    let key = |items: &[AgendaItem], i: usize| {
        let topic = &items[i].topic;
        (topic.clone(), items[..i].iter().filter(|x| &x.topic == topic).count())
    };
    let keys_a: Vec<(String, usize)> = (0..a.agenda.len()).map(|i| key(&a.agenda, i)).collect();
    let keys_b: Vec<(String, usize)> = (0..b.agenda.len()).map(|i| key(&b.agenda, i)).collect();
    let mut order = keys_a.clone();
    order.extend(keys_b.iter().filter(|k| !keys_a.contains(k)).cloned());
    order
        .into_iter()
        .map(|k| {
            let side = |keys: &[(String, usize)], items: &[AgendaItem]| {
                keys.iter().position(|x| *x == k).map(|i| item_side(lib, &items[i]))
            };
            let (left, right) = (side(&keys_a, &a.agenda), side(&keys_b, &b.agenda));
            let same_outcome = matches!((&left, &right), (Some(l), Some(r)) if l.outcome == r.outcome);
            TopicRows { topic: named(&k.0, lib.topic_name(&k.0)), left, right, same_outcome }
        })
        .collect()
}

fn item_side(lib: &Library, item: &AgendaItem) -> ItemSide {
    ItemSide {
        outcome: ident(item.outcome.as_str()),
        outcome_label: item.outcome.label(),
        summary: item.summary.clone(),
        statements: item
            .statements
            .iter()
            .map(|s| StatementSide { party: named(&s.party, lib.party_name(&s.party)), text: s.text.clone() })
            .collect(),
    }
}
