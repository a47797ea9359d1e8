//! The detail of one milestone: what happened, who was party to it, the rounds it came
//! from (each a link), notes and numbered sources.

use super::{confidence_mark, dated_round, field, Citations, Row, Tone};
use crate::dataset::Library;

pub fn milestone_rows(lib: &Library, m: usize) -> Vec<Row> {
    let Some(milestone) = lib.data().milestones.get(m) else {
        return vec![Row::text(Tone::Bad, "no such milestone")];
    };
    let mut cites = Citations::default();
    let mut rows =
        vec![Row::text(Tone::Title, milestone.title.clone()), Row::text(Tone::Muted, milestone.id.clone())];
    rows.push(Row::blank());
    let approx = if milestone.date_approximate { "  (approximate)" } else { "" };
    let mut date = field("Date", format!("{}{approx}", milestone.date));
    date.spans.push((Tone::Muted, cites.cite(&milestone.sources)));
    rows.push(date);
    let mut kind = field("Kind", milestone.kind.label());
    kind.spans.extend(confidence_mark(milestone.confidence));
    rows.push(kind);
    if !milestone.parties.is_empty() {
        let names: Vec<&str> = milestone.parties.iter().map(|p| lib.party_name(p)).collect();
        rows.push(field("Parties", names.join(", ")));
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Plain, milestone.summary.clone()));
    let rounds: Vec<(usize, &crate::model::Round)> =
        milestone.rounds.iter().filter_map(|id| Some((lib.round_position(id)?, lib.round(id)?))).collect();
    if !rounds.is_empty() {
        rows.push(Row::blank());
        rows.push(Row::text(Tone::Heading, format!("From the rounds ({})", rounds.len())));
        rows.extend(rounds.into_iter().map(|(r, round)| dated_round(round, r)));
    }
    super::push_notes(&milestone.notes, &mut cites, &mut rows);
    super::push_sources(lib, &cites, &mut rows);
    rows
}
