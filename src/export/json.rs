//! The JSON document shared by `talks export --format json` and `talks list --format json`,
//! schema version 1 (documented in `src/export/SCHEMA.md`).
//!
//! The shape is a set of `Serialize` structs rather than maps so that keys always come in
//! the same, documented order. Ids are resolved to `{id, name}` pairs and every source a
//! round cites is listed in full in that round, so a consumer needs no other file. Values
//! of the controlled vocabularies are written as users type them in queries (`leaders-call`).

use super::common::{cited_with_milestones, milestones_of, source};
use crate::dataset::Library;
use crate::model::{self, Confidence, DurationQualifier, Round};
use crate::Error;
use serde::Serialize;

/// Bumped whenever a key is renamed or removed or its meaning changes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Serialize)]
pub struct Document {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub rounds: Vec<RoundOut>,
}

#[derive(Debug, Serialize)]
pub struct DatasetInfo {
    pub title: String,
    pub version: String,
    pub curated_on: String,
}

/// An id with its display name (the id again when it names nothing in the dataset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct RoundOut {
    pub id: String,
    pub title: String,
    /// The curator's shorter title for lists, when there is one.
    pub short_title: Option<String>,
    pub status: String,
    pub format: String,
    pub track: Named,
    pub date: DateOut,
    pub venue: Option<VenueOut>,
    pub duration: Option<DurationOut>,
    pub delegations: Vec<DelegationOut>,
    pub third_parties: Vec<ThirdPartyOut>,
    pub links: Vec<LinkOut>,
    /// Agreements, exchanges, ceasefires and sanctions that came from this round.
    pub milestones: Vec<MilestoneOut>,
    pub agenda: Vec<AgendaOut>,
    pub notes: Vec<NoteOut>,
    /// The sources for the round as a whole (that it happened, when and where), by id.
    pub round_sources: Vec<String>,
    /// Every source cited anywhere in the round, in order of first citation.
    pub sources: Vec<SourceOut>,
}

#[derive(Debug, Serialize)]
pub struct DateOut {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: &'static str,
    pub approximate: bool,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct VenueOut {
    pub id: String,
    pub place: Option<String>,
    pub city: String,
    pub country: String,
}

#[derive(Debug, Serialize)]
pub struct DurationOut {
    pub label: String,
    pub min_minutes: u32,
    pub max_minutes: Option<u32>,
    pub qualifier: String,
    pub confidence: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct MemberOut {
    pub id: String,
    pub name: String,
    pub role: String,
    pub confidence: String,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DelegationOut {
    pub party: Named,
    pub heads: Vec<Named>,
    pub members: Vec<MemberOut>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ThirdPartyOut {
    pub party: Named,
    pub role: String,
    pub members: Vec<MemberOut>,
    pub note: Option<String>,
    pub confidence: String,
    pub sources: Vec<String>,
}

/// A milestone that came from the round.
#[derive(Debug, Serialize)]
pub struct MilestoneOut {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub approximate: bool,
    pub summary: String,
    pub confidence: String,
    pub sources: Vec<String>,
}

/// "This round `kind` that round".
#[derive(Debug, Serialize)]
pub struct LinkOut {
    pub kind: String,
    pub round: Named,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AgendaOut {
    pub topic: Named,
    pub summary: String,
    pub raised_by: Option<Named>,
    pub outcome: String,
    pub confidence: String,
    pub statements: Vec<StatementOut>,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct StatementOut {
    pub party: Named,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct NoteOut {
    pub text: String,
    pub confidence: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// The document for the rounds at the given indices, in that order; indices past the end
/// are left out.
pub fn document(lib: &Library, rounds: &[usize]) -> Document {
    let d = lib.data();
    Document {
        schema_version: SCHEMA_VERSION,
        dataset: DatasetInfo {
            title: d.title.clone(),
            version: d.version.clone(),
            curated_on: d.curated_on.format("%Y-%m-%d").to_string(),
        },
        rounds: rounds.iter().filter_map(|&i| d.rounds.get(i)).map(|r| round(lib, r)).collect(),
    }
}

pub(super) fn render(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(&document(lib, rounds))
        .map_err(|e| Error::Write(format!("cannot write the export as JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// JSON Lines: each round on a line of its own, as the `Round` object of the document, so
/// `jq -c`, `grep` and line-by-line readers can take rounds one at a time.
pub fn render_lines(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let d = lib.data();
    let mut text = String::new();
    for r in rounds.iter().filter_map(|&i| d.rounds.get(i)) {
        let line = serde_json::to_string(&round(lib, r))
            .map_err(|e| Error::Write(format!("cannot write the export as JSON Lines: {e}")))?;
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

/// `WorkingLevel` → `working-level`: the spelling users type in queries (`format:working-level`),
/// stable while the labels people read (`working level`) may change.
pub(super) fn ident(as_str: &str) -> String {
    let mut out = String::with_capacity(as_str.len() + 4);
    for (i, c) in as_str.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn confidence(c: Confidence) -> String {
    ident(c.as_str())
}

fn qualifier(q: DurationQualifier) -> &'static str {
    match q {
        DurationQualifier::Exact => "exact",
        DurationQualifier::About => "about",
        DurationQualifier::MoreThan => "more-than",
    }
}

pub(super) fn named(id: &str, name: &str) -> Named {
    Named { id: id.to_string(), name: name.to_string() }
}

fn party(lib: &Library, id: &str) -> Named {
    named(id, lib.party_name(id))
}

fn member(lib: &Library, m: &model::Member) -> MemberOut {
    MemberOut {
        id: m.person.clone(),
        name: lib.person_name(&m.person).to_string(),
        role: m.role.clone(),
        confidence: confidence(m.confidence),
        note: m.note.clone(),
        sources: m.sources.clone(),
    }
}

fn round(lib: &Library, r: &Round) -> RoundOut {
    let interval = r.date.interval();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    RoundOut {
        id: r.id.clone(),
        title: r.title.clone(),
        short_title: r.short_title.clone(),
        status: ident(r.status.as_str()),
        format: ident(r.format.as_str()),
        track: named(&r.track, lib.track_name(&r.track)),
        date: DateOut {
            start: interval.map(|i| day(i.start)),
            end: interval.map(|i| day(i.end)),
            precision: r.date.precision(),
            approximate: r.date_approximate,
            label: r.date.to_string(),
        },
        venue: r.venue.as_deref().map(|id| venue(lib, id)),
        duration: r.duration.as_ref().map(|d| DurationOut {
            label: d.label(),
            min_minutes: d.min_minutes,
            max_minutes: d.max_minutes,
            qualifier: qualifier(d.qualifier).to_string(),
            confidence: confidence(d.confidence),
            sources: d.sources.clone(),
        }),
        delegations: r
            .delegations
            .iter()
            .map(|d| DelegationOut {
                party: party(lib, &d.party),
                heads: d.heads.iter().map(|h| named(h, lib.person_name(h))).collect(),
                members: d.members.iter().map(|m| member(lib, m)).collect(),
                note: d.note.clone(),
            })
            .collect(),
        third_parties: r
            .third_parties
            .iter()
            .map(|t| ThirdPartyOut {
                party: party(lib, &t.party),
                role: ident(t.role.as_str()),
                members: t.members.iter().map(|m| member(lib, m)).collect(),
                note: t.note.clone(),
                confidence: confidence(t.confidence),
                sources: t.sources.clone(),
            })
            .collect(),
        links: r
            .links
            .iter()
            .map(|l| LinkOut {
                kind: ident(l.kind.as_str()),
                round: named(&l.round, lib.round(&l.round).map_or(l.round.as_str(), |o| o.title.as_str())),
                note: l.note.clone(),
                sources: l.sources.clone(),
            })
            .collect(),
        agenda: r
            .agenda
            .iter()
            .map(|a| AgendaOut {
                topic: named(&a.topic, lib.topic_name(&a.topic)),
                summary: a.summary.clone(),
                raised_by: a.raised_by.as_deref().map(|p| party(lib, p)),
                outcome: ident(a.outcome.as_str()),
                confidence: confidence(a.confidence),
                statements: a
                    .statements
                    .iter()
                    .map(|s| StatementOut {
                        party: party(lib, &s.party),
                        text: s.text.clone(),
                        sources: s.sources.clone(),
                    })
                    .collect(),
                sources: a.sources.clone(),
            })
            .collect(),
        notes: r
            .notes
            .iter()
            .map(|n| NoteOut {
                text: n.text.clone(),
                confidence: confidence(n.confidence),
                sources: n.sources.clone(),
            })
            .collect(),
        round_sources: r.sources.clone(),
        milestones: milestones_of(lib, r)
            .into_iter()
            .map(|m| MilestoneOut {
                id: m.id.clone(),
                kind: ident(m.kind.as_str()),
                title: m.title.clone(),
                date: m.date.to_string(),
                approximate: m.date_approximate,
                summary: m.summary.clone(),
                confidence: confidence(m.confidence),
                sources: m.sources.clone(),
            })
            .collect(),
        sources: cited_with_milestones(lib, r).into_iter().map(|id| source_out(lib, id)).collect(),
    }
}

/// A venue id resolved; an unknown id (which validation rejects) keeps the id as the city
/// rather than pretending the round was a call.
fn venue(lib: &Library, id: &str) -> VenueOut {
    match lib.venue(id) {
        Some(v) => VenueOut {
            id: v.id.clone(),
            place: v.place.clone(),
            city: v.city.clone(),
            country: v.country.clone(),
        },
        None => VenueOut { id: id.to_string(), place: None, city: id.to_string(), country: String::new() },
    }
}

fn source_out(lib: &Library, id: &str) -> SourceOut {
    match source(lib, id) {
        Some(s) => SourceOut {
            id: s.id.clone(),
            title: s.title.clone(),
            url: Some(s.url.clone()),
            outlet: s.outlet.clone(),
            published: s.published.map(|p| p.format("%Y-%m-%d").to_string()),
            language: Some(s.language.clone()),
        },
        None => SourceOut {
            id: id.to_string(),
            title: id.to_string(),
            url: None,
            outlet: None,
            published: None,
            language: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::ident;
    use crate::model::{Format, Outcome, Status};

    #[test]
    fn vocabulary_values_are_the_ones_users_type() {
        for f in Format::ALL {
            let value = ident(f.as_str());
            assert_eq!(Format::parse_loose(&value), Some(*f), "{value}");
            assert!(crate::query::Query::parse(&format!("format:{value}")).is_ok(), "{value}");
        }
        for s in Status::ALL {
            assert!(crate::query::Query::parse(&format!("status:{}", ident(s.as_str()))).is_ok());
        }
        assert_eq!(ident(Outcome::NoAgreement.as_str()), "no-agreement");
        assert_eq!(ident(Format::LeadersCall.as_str()), "leaders-call");
    }
}
