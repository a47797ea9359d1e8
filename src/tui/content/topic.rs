//! The detail of one topic: its place in the tree and its thread, every round where it
//! was on the agenda, in date order, with the outcome each time.

use super::round::outcome_tone;
use super::{Citations, Link, Row, Tone};
use crate::dataset::Library;
use crate::model::Kind;

pub fn topic_rows(lib: &Library, t: usize) -> Vec<Row> {
    let Some(topic) = lib.data().topics.get(t) else { return vec![Row::text(Tone::Bad, "no such topic")] };
    let mut cites = Citations::default();
    let mut rows = vec![Row::text(Tone::Title, topic.name.clone()), Row::text(Tone::Muted, topic.id.clone())];
    if let Some(&parent) = topic.parent.as_ref().and_then(|p| lib.position(Kind::Topic, p)).as_ref() {
        let name = lib.data().topics[parent].name.clone();
        rows.push(
            Row::new(vec![(Tone::Label, "Part of  ".into()), (Tone::Link, name)]).linked(Link::Topic(parent)),
        );
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Plain, topic.description.clone()));
    if !topic.aliases.is_empty() {
        rows.push(Row::text(Tone::Muted, format!("Also: {}", topic.aliases.join(" · "))));
    }
    let children = lib.children(t);
    if !children.is_empty() {
        rows.push(Row::blank());
        rows.push(Row::text(Tone::Heading, "Sub-topics"));
        for &c in children {
            let n = lib.topic_round_count(c);
            let row = Row::new(vec![
                (Tone::Plain, "▸ ".into()),
                (Tone::Link, lib.data().topics[c].name.clone()),
                (Tone::Muted, format!(" ({n})")),
            ]);
            rows.push(row.linked(Link::Topic(c)));
        }
    }
    rows.push(Row::blank());
    let mentions = lib.mentions(t);
    rows.push(Row::text(Tone::Heading, format!("Thread ({} rounds)", mentions.len())));
    if mentions.is_empty() {
        rows.push(Row::text(Tone::Muted, "Not on the agenda of any round (see the sub-topics)."));
    }
    for m in mentions {
        let Some(round) = lib.data().rounds.get(m.round) else { continue };
        let Some(item) = round.agenda.get(m.item) else { continue };
        rows.push(Row::blank());
        rows.push(super::dated_round(round, m.round));
        let mut outcome = Row::new(vec![
            (Tone::Muted, "outcome: ".into()),
            (outcome_tone(item.outcome), item.outcome.label().into()),
        ]);
        outcome.spans.extend(super::confidence_mark(item.confidence));
        rows.push(outcome.indented(14, 14).linked(Link::Round(m.round)));
        let mut summary = Row::text(Tone::Plain, item.summary.clone()).indented(14, 14);
        summary.spans.push((Tone::Muted, cites.cite(&item.sources)));
        rows.push(summary.linked(Link::Round(m.round)));
        for s in &item.statements {
            let mut row = Row::new(vec![
                (Tone::Label, format!("{}: ", lib.party_name(&s.party))),
                (Tone::Plain, s.text.clone()),
            ]);
            row.spans.push((Tone::Muted, cites.cite(&s.sources)));
            rows.push(row.indented(16, 18).linked(Link::Round(m.round)));
        }
    }
    super::push_sources(lib, &cites, &mut rows);
    rows
}
