//! The detail of one person: names, positions held, and every round attended.

use super::{field, Citations, Link, Row, Tone};
use crate::dataset::Library;

pub fn person_rows(lib: &Library, p: usize) -> Vec<Row> {
    let Some(person) = lib.data().people.get(p) else { return vec![Row::text(Tone::Bad, "no such person")] };
    let mut cites = Citations::default();
    let mut rows = vec![
        Row::text(Tone::Title, person.name.clone()),
        Row::text(Tone::Muted, person.id.clone()),
        Row::blank(),
    ];
    if let Some(party) = &person.party {
        rows.push(field("Party", lib.party_name(party)));
    }
    if !person.aliases.is_empty() {
        rows.push(field("Also", person.aliases.join(" · ")));
    }
    if !person.positions.is_empty() {
        rows.push(Row::blank());
        rows.push(Row::text(Tone::Heading, "Positions"));
        for pos in &person.positions {
            let mut text = pos.title.clone();
            if let Some(party) = &pos.party {
                text.push_str(&format!(" ({})", lib.party_name(party)));
            }
            let span = match (pos.from, pos.to) {
                (Some(f), Some(t)) => format!("  {f} – {t}"),
                (Some(f), None) => format!("  from {f}"),
                (None, Some(t)) => format!("  until {t}"),
                (None, None) => String::new(),
            };
            let row = Row::new(vec![
                (Tone::Plain, format!("• {text}")),
                (Tone::Muted, span),
                (Tone::Muted, cites.cite(&pos.sources)),
            ]);
            rows.push(row.indented(0, 2));
        }
    }
    rows.push(Row::blank());
    let attended = lib.attendance(p);
    rows.push(Row::text(Tone::Heading, format!("Rounds ({})", attended.len())));
    if attended.is_empty() {
        rows.push(Row::text(Tone::Muted, "Not recorded at any round."));
    }
    for a in attended {
        let Some(round) = lib.data().rounds.get(a.round) else { continue };
        let side = match a.party(lib.data()) {
            Some(party) if a.head => format!("head of the {} delegation", lib.party_name(party)),
            Some(party) => format!("{} delegation", lib.party_name(party)),
            None => match a.third_party(lib.data()) {
                Some(t) => format!("{} ({})", t.role.label(), lib.party_name(&t.party)),
                None => "third party".to_string(),
            },
        };
        rows.push(super::dated_round(round, a.round));
        rows.push(
            Row::new(vec![(Tone::Muted, format!("{side}; {}", a.role(lib.data())))])
                .indented(14, 14)
                .linked(Link::Round(a.round)),
        );
    }
    super::push_sources(lib, &cites, &mut rows);
    rows
}
