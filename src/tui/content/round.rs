//! The detail of one round: overview, delegations, agenda, notes and numbered sources.
//!
//! Facts are cited in the order the exported brief cites them (the date line with the
//! round's own sources, the duration, the links, each delegation head first, the third
//! parties, the agenda, the milestones, the notes), so `[n]` means the same source on
//! screen, in `talks show` and in a Markdown export.

use super::{confidence_mark, field, Citations, Link, Row, Tone};
use crate::dataset::Library;
use crate::model::{Kind, Member, Outcome, Round};

pub fn round_rows(lib: &Library, r: usize) -> Vec<Row> {
    let Some(round) = lib.data().rounds.get(r) else { return vec![Row::text(Tone::Bad, "no such round")] };
    let mut cites = Citations::default();
    let mut rows =
        vec![Row::text(Tone::Title, round.title.clone()), Row::text(Tone::Muted, round.id.clone())];
    rows.push(Row::blank());
    overview(lib, round, &mut cites, &mut rows);
    delegations(lib, round, &mut cites, &mut rows);
    agenda(lib, round, &mut cites, &mut rows);
    milestones(lib, r, &mut cites, &mut rows);
    super::push_notes(&round.notes, &mut cites, &mut rows);
    super::push_sources(lib, &cites, &mut rows);
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
    let mut date = field("Date", date);
    date.spans.push((Tone::Muted, cites.cite(&round.sources)));
    rows.push(date);
    rows.push(Row::new(vec![
        (Tone::Label, format!("{:<10}", "Status")),
        (super::status_tone(round.status), round.status.label().into()),
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
    links(lib, round, cites, rows);
}

/// Hosts, mediators and the other parties not at the table, after the delegations.
fn third_parties(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    for third in &round.third_parties {
        let role = capitalise(third.role.label());
        let mut row = Row::new(vec![
            (Tone::Label, lib.party_name(&third.party).to_string()),
            (Tone::Muted, format!(" · {role}")),
        ]);
        row.spans.extend(confidence_mark(third.confidence));
        row.spans.push((Tone::Muted, cites.cite(&third.sources)));
        rows.push(row.indented(0, 4));
        for m in &third.members {
            let mut row = Row::new(vec![(Tone::Plain, "    ".to_string())]).indented(0, 6);
            member_spans(lib, m, cites, &mut row);
            rows.push(row.linked_person(lib, &m.person));
        }
        if let Some(note) = &third.note {
            rows.push(Row::text(Tone::Muted, note.clone()).indented(4, 4));
        }
    }
}

/// "Follows", "Prepares", "Replaces" for this round's own links, and the inverse wording
/// ("Followed by" …) for rounds that link to this one, each a link to follow.
fn links(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    let own = round.links.iter().map(|l| (capitalise(l.kind.label()), l.round.as_str(), &l.sources));
    let back =
        lib.links_to(&round.id).map(|(other, l)| (l.kind.inverse_label().to_string(), other, &l.sources));
    for (label, id, sources) in own.chain(back) {
        let Some(other) = lib.round(id) else { continue };
        let mut row = Row::new(vec![
            (Tone::Label, format!("{label:<12}")),
            (Tone::Link, format!("{} ({})", other.title, other.date_label())),
        ])
        .indented(0, 12);
        row.spans.push((Tone::Muted, cites.cite(sources)));
        rows.push(match lib.round_position(id) {
            Some(at) => row.linked(Link::Round(at)),
            None => row,
        });
    }
}

/// The milestones that came from this round, each a link to the Milestones view, cited as
/// the exported brief cites them so that both number the sources alike.
fn milestones(lib: &Library, r: usize, cites: &mut Citations, rows: &mut Vec<Row>) {
    let ids = lib.milestones_of(r);
    if ids.is_empty() {
        return;
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Milestones"));
    for &m in ids {
        let Some(milestone) = lib.data().milestones.get(m) else { continue };
        let mut row = Row::new(vec![
            (Tone::Label, format!("{:<13} ", milestone.date_label())),
            (Tone::Link, milestone.title.clone()),
            (Tone::Muted, format!(" ({})", milestone.kind.label())),
        ])
        .indented(0, 14);
        row.spans.extend(confidence_mark(milestone.confidence));
        row.spans.push((Tone::Muted, cites.cite(&milestone.sources)));
        rows.push(row.linked(Link::Milestone(m)));
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn delegations(lib: &Library, round: &Round, cites: &mut Citations, rows: &mut Vec<Row>) {
    if round.delegations.is_empty() && round.third_parties.is_empty() {
        return;
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Delegations"));
    for del in &round.delegations {
        rows.push(Row::text(Tone::Label, lib.party_name(&del.party).to_string()));
        // Heads first: a reader scanning the list looks for who led each side.
        let (heads, others): (Vec<&Member>, Vec<&Member>) =
            del.members.iter().partition(|m| del.is_head(&m.person));
        for m in heads.into_iter().chain(others) {
            let head = del.is_head(&m.person);
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
    third_parties(lib, round, cites, rows);
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
        if let Some(t) = lib.position(Kind::Topic, &item.topic) {
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
        Outcome::Deferred | Outcome::Unknown | Outcome::OneSided | Outcome::Conditional => Tone::Warn,
        Outcome::Proposed | Outcome::Discussed => Tone::Plain,
    }
}

trait LinkPerson {
    fn linked_person(self, lib: &Library, id: &str) -> Row;
}

impl LinkPerson for Row {
    fn linked_person(self, lib: &Library, id: &str) -> Row {
        match lib.position(Kind::Person, id) {
            Some(p) => self.linked(Link::Person(p)),
            None => self,
        }
    }
}
