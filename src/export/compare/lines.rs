//! A comparison laid out as rows of a label and two cells (left and right), the layout the
//! browser's comparison and `talks compare` in text share. Each line says whether the two
//! sides differ and, where it names a round, a person or a topic, which one, so the browser
//! can make it a link.

use super::{Change, Comparison, ItemSide, Seat};

/// What a line is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Which round a side is (`A` or `B` as the label, the round in `left`), drawn across
    /// both columns.
    Round,
    /// A section (Overview, Delegations, Agenda, Notes), with the sides' names as cells.
    Section,
    /// A party or a topic, under which rows follow.
    Group,
    Row,
}

/// What a line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A round, by its position in the dataset.
    Round(usize),
    Person(String),
    Topic(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub label: String,
    pub left: String,
    pub right: String,
    /// The sides differ (only for structured facts: dates, places, people, outcomes).
    pub differs: bool,
    pub subject: Option<Subject>,
}

/// What a side shows when it has nothing there.
pub const ABSENT: &str = "—";

impl Line {
    fn new(
        kind: LineKind,
        label: impl Into<String>,
        left: impl Into<String>,
        right: impl Into<String>,
    ) -> Line {
        Line {
            kind,
            label: label.into(),
            left: left.into(),
            right: right.into(),
            differs: false,
            subject: None,
        }
    }

    fn differing(mut self, differs: bool) -> Line {
        self.differs = differs;
        self
    }

    fn about(mut self, subject: Subject) -> Line {
        self.subject = Some(subject);
        self
    }
}

impl Comparison {
    /// The comparison as lines, section by section.
    pub fn lines(&self) -> Vec<Line> {
        let (a, b) = (&self.left, &self.right);
        let mut out = vec![
            Line::new(LineKind::Round, "A", format!("{}  {}", a.date, a.title), "")
                .about(Subject::Round(a.index)),
            Line::new(LineKind::Round, "B", format!("{}  {}", b.date, b.title), "")
                .about(Subject::Round(b.index)),
        ];
        let section = |title: &str| {
            Line::new(LineKind::Section, title, format!("A · {}", a.date), format!("B · {}", b.date))
        };
        out.push(section("Overview"));
        for f in &self.facts {
            if f.left.is_empty() && f.right.is_empty() {
                continue;
            }
            let cell = |s: &str| if s.is_empty() { ABSENT.to_string() } else { s.to_string() };
            out.push(
                Line::new(LineKind::Row, fact_label(f.field), cell(&f.left), cell(&f.right))
                    .differing(!f.same),
            );
        }
        if !self.delegations.is_empty() {
            out.push(section("Delegations"));
        }
        for party in &self.delegations {
            let presence = |there: bool| if there { "at the table" } else { "not at the table" };
            let (l, r) = (party.present.left, party.present.right);
            out.push(
                Line::new(LineKind::Group, &party.party.name, presence(l), presence(r)).differing(l != r),
            );
            for p in &party.people {
                let line = Line::new(LineKind::Row, &p.person.name, seat(&p.left), seat(&p.right));
                out.push(
                    line.differing(p.change != Change::Same).about(Subject::Person(p.person.id.clone())),
                );
            }
        }
        if !self.agenda.is_empty() {
            out.push(section("Agenda"));
        }
        for topic in &self.agenda {
            let subject = Subject::Topic(topic.topic.id.clone());
            let outcome = |s: &Option<ItemSide>| s.as_ref().map_or("not on the agenda", |i| i.outcome_label);
            let head =
                Line::new(LineKind::Group, &topic.topic.name, outcome(&topic.left), outcome(&topic.right));
            out.push(head.differing(!topic.same_outcome).about(subject.clone()));
            let summary = |s: &Option<ItemSide>| s.as_ref().map_or(String::new(), |i| i.summary.clone());
            out.push(
                Line::new(LineKind::Row, "", summary(&topic.left), summary(&topic.right))
                    .about(subject.clone()),
            );
            // Each party's statement, side by side, parties in the order they first speak.
            fn statements(s: &Option<ItemSide>) -> &[super::StatementSide] {
                s.as_ref().map_or(&[], |i| i.statements.as_slice())
            }
            let mut parties: Vec<&super::Named> = Vec::new();
            for st in statements(&topic.left).iter().chain(statements(&topic.right)) {
                if !parties.iter().any(|p| p.id == st.party.id) {
                    parties.push(&st.party);
                }
            }
            for party in parties {
                let said = |s: &Option<ItemSide>| {
                    let texts: Vec<&str> = statements(s)
                        .iter()
                        .filter(|st| st.party.id == party.id)
                        .map(|st| st.text.as_str())
                        .collect();
                    texts.join(" ")
                };
                let line = Line::new(
                    LineKind::Row,
                    format!("{}:", party.name),
                    said(&topic.left),
                    said(&topic.right),
                );
                out.push(line.about(subject.clone()));
            }
        }
        let (nl, nr) = (&self.notes.left, &self.notes.right);
        if !nl.is_empty() || !nr.is_empty() {
            out.push(section("Notes"));
            for i in 0..nl.len().max(nr.len()) {
                let note = |n: &[String]| n.get(i).cloned().unwrap_or_default();
                out.push(Line::new(LineKind::Row, "", note(nl), note(nr)));
            }
        }
        out
    }
}

fn fact_label(field: &str) -> &'static str {
    match field {
        "date" => "Date",
        "venue" => "Venue",
        "format" => "Format",
        "status" => "Status",
        "track" => "Track",
        "duration" => "Duration",
        "third_parties" => "Third parties",
        _ => "",
    }
}

/// `head · Special Envoy`, `Special Envoy`, or `—` when the person was not there.
fn seat(seat: &Option<Seat>) -> String {
    match seat {
        Some(Seat { role, head: true }) => format!("head · {role}"),
        Some(Seat { role, head: false }) => role.clone(),
        None => ABSENT.to_string(),
    }
}
