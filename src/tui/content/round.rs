//! The detail of one round: overview, delegations, agenda, notes and numbered sources.

use super::{confidence_mark, field, Citations, Link, Row, Tone};
use crate::dataset::Library;
use crate::model::{Member, Outcome, Round, Status};

pub fn round_rows(lib: &Library, r: usize) -> Vec<Row> {
    let Some(round) = lib.data.rounds.get(r) else { return vec![Row::text(Tone::Bad, "no such round")] };
    let mut cites = Citations::default();
    let mut rows =
        vec![Row::text(Tone::Title, round.title.clone()), Row::text(Tone::Muted, round.id.clone())];
    rows.push(Row::blank());
    overview(lib, round, &mut cites, &mut rows);
    delegations(lib, round, &mut cites, &mut rows);
    agenda(lib, round, &mut cites, &mut rows);
    if !round.notes.is_empty() {
        rows.push(Row::blank());
        rows.push(Row::text(Tone::Heading, "Notes"));
        for note in &round.notes {
            let mut spans = vec![(Tone::Plain, "• ".to_string()), (Tone::Plain, note.text.clone())];
            spans.extend(confidence_mark(note.confidence));
            spans.push((Tone::Muted, cites.cite(&note.sources)));
            rows.push(Row::new(spans).indented(0, 2));
        }
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Sources"));
    rows.extend(super::source_rows(lib, &cites));
    rows
}

fn overview(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    let mut qualifiers = Vec::new();
    if !matches!(round.date, crate::model::DateSpec::Day(_)) {
        qualifiers.push(format!("{} precision", round.date.precision()));
    }
    if round.date_approximate {
        qualifiers.push("approximate".to_string());
    }
    let date = match qualifiers.is_empty() {
        true => round.date_label(),
        false => format!("{}  ({})", round.date_label(), qualifiers.join(", ")),
    };
    rows.push(field("Date", date));
    let status_tone = match round.status {
        Status::Held => Tone::Good,
        Status::Cancelled => Tone::Bad,
        Status::Planned | Status::Announced => Tone::Warn,
    };
    rows.push(Row::new(vec![
        (Tone::Label, format!("{:<10}", "Status")),
        (status_tone, round.status.label().into()),
    ]));
    rows.push(field("Format", round.format.label()));
    rows.push(field("Track", lib.track_name(&round.track)));
    rows.push(field("Venue", lib.venue_label(round)));
    if let Some(d) = &round.duration {
        let mut row = field("Duration", d.label());
        row.spans.extend(confidence_mark(d.confidence));
        row.spans.push((Tone::Muted, cites.cite(&d.sources)));
        rows.push(row);
    }
    for (i, host) in round.hosts.iter().enumerate() {
        let label = if i == 0 { "Hosts" } else { "" };
        let mut row = Row::new(vec![(Tone::Label, format!("{label:<10}"))]).indented(0, 10);
        member_spans(lib, host, cites, &mut row);
        rows.push(row.linked_person(lib, &host.person));
    }
    rows.push(Row::new(vec![
        (Tone::Label, format!("{:<10}", "Sourced")),
        (Tone::Muted, cites.cite(&round.sources).trim_start().to_string()),
    ]));
}

fn delegations(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    if round.delegations.is_empty() {
        return;
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Delegations"));
    for del in &round.delegations {
        rows.push(Row::text(Tone::Label, lib.party_name(&del.party).to_string()));
        for m in &del.members {
            let head = del.head.as_deref() == Some(m.person.as_str());
            let mark = if head { "★ " } else { "  " };
            let mut row = Row::new(vec![(Tone::Warn, format!("  {mark}"))]).indented(0, 6);
            member_spans(lib, m, cites, &mut row);
            if head {
                row.spans.insert(1, (Tone::Muted, "head · ".into()));
            }
            rows.push(row.linked_person(lib, &m.person));
        }
        if let Some(note) = &del.note {
            rows.push(Row::text(Tone::Muted, note.clone()).indented(4, 4));
        }
    }
}

fn member_spans(lib: &Library, m: &Member, cites: &mut Citations, row: &mut Row) {
    let extra = Row::new(vec![
        (Tone::Link, lib.person_name(&m.person).to_string()),
        (Tone::Plain, format!(", {}", m.role)),
    ]);
    row.spans.extend(extra.spans);
    row.spans.extend(confidence_mark(m.confidence));
    row.spans.push((Tone::Muted, cites.cite(&m.sources)));
    if let Some(note) = &m.note {
        row.spans.extend(Row::text(Tone::Muted, format!(" — {note}")).spans);
    }
}

fn agenda(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    if round.agenda.is_empty() {
        return;
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Agenda"));
    for item in &round.agenda {
        let mut head = Row::new(vec![
            (Tone::Plain, "▸ ".into()),
            (Tone::Link, lib.topic_name(&item.topic).to_string()),
            (Tone::Plain, " — ".into()),
            (outcome_tone(item.outcome), item.outcome.label().into()),
        ])
        .indented(0, 2);
        if let Some(p) = &item.raised_by {
            head.spans.push((Tone::Muted, format!(" · raised by {}", lib.party_name(p))));
        }
        head.spans.extend(confidence_mark(item.confidence));
        if let Some(&t) = lib.index.topic_by_id.get(&item.topic) {
            head = head.linked(Link::Topic(t));
        }
        rows.push(head);
        let mut summary = Row::text(Tone::Plain, item.summary.clone()).indented(2, 2);
        summary.spans.push((Tone::Muted, cites.cite(&item.sources)));
        rows.push(summary);
        for s in &item.statements {
            let who = format!("{}: ", lib.party_name(&s.party));
            let mut row = Row::new(vec![(Tone::Label, who), (Tone::Plain, s.text.clone())]).indented(4, 6);
            row.spans.push((Tone::Muted, cites.cite(&s.sources)));
            rows.push(row);
        }
    }
}

pub(crate) fn outcome_tone(outcome: Outcome) -> Tone {
    match outcome {
        Outcome::Agreed => Tone::Good,
        Outcome::NoAgreement => Tone::Bad,
        Outcome::Deferred | Outcome::Unknown => Tone::Warn,
        Outcome::Proposed | Outcome::Discussed => Tone::Plain,
    }
}

trait LinkPerson {
    fn linked_person(self, lib: &Library, id: &str) -> Row;
}

impl LinkPerson for Row {
    fn linked_person(self, lib: &Library, id: &str) -> Row {
        match lib.index.person_by_id.get(id) {
            Some(&p) => self.linked(Link::Person(p)),
            None => self,
        }
    }
}
