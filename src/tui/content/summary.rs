//! The short account of a round or a milestone under the timeline: when, what, where,
//! who led, and what was on the table, most important first so that a short pane cuts
//! the least useful lines.

use super::round::outcome_tone;
use super::{status_tone, Row, Tone};
use crate::dataset::Library;

/// Date and title; status, format and track; venue; heads; agenda with outcomes.
pub fn round_summary(lib: &Library, r: usize) -> Vec<Row> {
    let Some(round) = lib.data().rounds.get(r) else { return Vec::new() };
    let mut rows = vec![Row::new(vec![
        (Tone::Label, format!("{}  ", round.date_label())),
        (Tone::Title, round.title.clone()),
    ])
    .indented(0, 2)];
    rows.push(Row::new(vec![
        (status_tone(round.status), round.status.label().to_string()),
        (Tone::Plain, format!(" · {} · ", round.format.label())),
        (Tone::Muted, lib.track_name(&round.track).to_string()),
    ]));
    rows.push(Row::text(Tone::Plain, lib.venue_label(round)));
    let heads: Vec<String> = round
        .delegations
        .iter()
        .flat_map(|d| d.heads.iter().map(move |h| (h, &d.party)))
        .map(|(h, party)| format!("{} ({})", lib.person_name(h), lib.party_name(party)))
        .collect();
    if !heads.is_empty() {
        let label = if heads.len() == 1 { "Head: " } else { "Heads: " };
        rows.push(
            Row::new(vec![(Tone::Label, label.into()), (Tone::Plain, heads.join(" · "))]).indented(0, 7),
        );
    }
    for item in &round.agenda {
        rows.push(
            Row::new(vec![
                (Tone::Plain, format!("▸ {} — ", lib.topic_name(&item.topic))),
                (outcome_tone(item.outcome), item.outcome.label().to_string()),
            ])
            .indented(0, 2),
        );
    }
    rows
}

/// Date and title; kind and parties; what happened.
pub fn milestone_summary(lib: &Library, m: usize) -> Vec<Row> {
    let Some(milestone) = lib.data().milestones.get(m) else { return Vec::new() };
    let parties: Vec<&str> = milestone.parties.iter().map(|p| lib.party_name(p)).collect();
    let mut kind = milestone.kind.label().to_string();
    if !parties.is_empty() {
        kind.push_str(&format!(" · {}", parties.join(", ")));
    }
    vec![
        Row::new(vec![
            (Tone::Label, format!("{}  ", milestone.date_label())),
            (Tone::Title, milestone.title.clone()),
        ])
        .indented(0, 2),
        Row::text(Tone::Muted, kind),
        Row::text(Tone::Plain, milestone.summary.clone()),
    ]
}
