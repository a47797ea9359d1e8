//! The brief of one round, laid out once for both Markdown and plain text.
//!
//! What a brief says and in which order lives here; how a heading, a field or a list item
//! looks is the [`Flavour`]'s business, so the two outputs cannot drift apart. Every string
//! from the data goes through [`Flavour::escape`], which sanitises it (and, for Markdown,
//! escapes the characters that would turn it into markup).

use super::common::{confidence_tag, date_label, milestones_of, source, Citations};
use crate::dataset::Library;
use crate::model::{AgendaItem, Delegation, Member, Round, ThirdParty};

/// How the parts of a brief are written in one output format.
pub(super) trait Flavour {
    /// Data text made safe for this format, on one line.
    fn escape(&self, text: &str) -> String;
    fn title(&self, out: &mut String, text: &str);
    fn section(&self, out: &mut String, text: &str);
    fn subsection(&self, out: &mut String, text: &str);
    /// A line of prose, such as an agenda item's summary.
    fn paragraph(&self, out: &mut String, text: &str);
    /// A `label: value` line of the round's facts.
    fn field(&self, out: &mut String, label: &str, value: &str);
    /// A bullet whose text may begin with a `label:`.
    fn item(&self, out: &mut String, label: Option<&str>, text: &str);
    /// A person's name, set off from their role.
    fn name(&self, text: &str) -> String;
    /// A numbered source reference; `url` is raw data, for the flavour to make safe.
    fn reference(&self, out: &mut String, number: usize, text: &str, url: &str);
    fn footer(&self, out: &mut String, text: &str);
}

/// Appends the brief of `round`, ending with its numbered sources.
pub(super) fn round(lib: &Library, round: &Round, f: &dyn Flavour, out: &mut String) {
    let mut b = Brief { lib, f, cites: Citations::default(), out };
    b.facts(round);
    if !round.delegations.is_empty() || !round.third_parties.is_empty() {
        f.section(b.out, "Delegations");
        for d in &round.delegations {
            b.delegation(d);
        }
        for t in &round.third_parties {
            b.third_party(t);
        }
    }
    if !round.agenda.is_empty() {
        f.section(b.out, "Agenda");
        for (n, item) in round.agenda.iter().enumerate() {
            b.agenda_item(n + 1, item);
        }
    }
    let milestones = milestones_of(lib, round);
    if !milestones.is_empty() {
        f.section(b.out, "Milestones");
        for m in milestones {
            let tag = confidence_tag(m.confidence).map_or(String::new(), |t| format!(" ({t})"));
            let head = format!("{}, {} ({}){tag}", m.date_label(), f.escape(&m.title), m.kind.label());
            let text = format!("{head}: {}{}", f.escape(&m.summary), b.cites.cite(&m.sources));
            f.item(b.out, None, &text);
        }
    }
    if !round.notes.is_empty() {
        f.section(b.out, "Notes");
        for note in &round.notes {
            let tag = confidence_tag(note.confidence).map_or(String::new(), |t| format!("({t}) "));
            let text = format!("{tag}{}{}", f.escape(&note.text), b.cites.cite(&note.sources));
            f.item(b.out, None, &text);
        }
    }
    b.references();
}

/// One brief being written: where it goes, how it looks, and the sources cited so far.
struct Brief<'a, 'o> {
    lib: &'a Library,
    f: &'a dyn Flavour,
    cites: Citations,
    out: &'o mut String,
}

impl<'a> Brief<'a, '_> {
    fn facts(&mut self, round: &'a Round) {
        let (lib, f) = (self.lib, self.f);
        f.title(self.out, &f.escape(&round.title));
        let date = date_label(&round.date, round.date_approximate);
        let cited = self.cites.cite(&round.sources);
        f.field(self.out, "Date", &format!("{date}{cited}"));
        f.field(self.out, "Venue", &f.escape(&lib.venue_label(round)));
        f.field(self.out, "Format", round.format.label());
        f.field(self.out, "Status", round.status.label());
        f.field(self.out, "Track", &f.escape(lib.track_name(&round.track)));
        if let Some(d) = &round.duration {
            let tag = confidence_tag(d.confidence).map_or(String::new(), |t| format!(" ({t})"));
            let cited = self.cites.cite(&d.sources);
            f.field(self.out, "Duration", &format!("{}{tag}{cited}", d.label()));
        }
        for link in &round.links {
            let other = lib.round(&link.round).map_or(link.round.as_str(), |o| o.title.as_str());
            let cited = self.cites.cite(&link.sources);
            let label = link.kind.label();
            f.field(
                self.out,
                "Link",
                &format!("{label} {} ({}){cited}", f.escape(other), f.escape(&link.round)),
            );
        }
        for (id, link) in lib.links_to(&round.id) {
            let other = lib.round(id).map_or(id, |o| o.title.as_str());
            let cited = self.cites.cite(&link.sources);
            let label = link.kind.inverse_label().to_lowercase();
            f.field(self.out, "Link", &format!("{label} {} ({}){cited}", f.escape(other), f.escape(id)));
        }
        f.field(self.out, "Round id", &f.escape(&round.id));
    }

    fn third_party(&mut self, t: &'a ThirdParty) {
        let f = self.f;
        let tag = confidence_tag(t.confidence).map_or(String::new(), |c| format!(" ({c})"));
        let cited = self.cites.cite(&t.sources);
        let title = format!("{} ({}){tag}{cited}", f.escape(self.lib.party_name(&t.party)), t.role.label());
        f.subsection(self.out, &title);
        for m in &t.members {
            self.member(m, false);
        }
        if let Some(note) = &t.note {
            f.item(self.out, Some("Note"), &f.escape(note));
        }
    }

    fn delegation(&mut self, d: &'a Delegation) {
        self.f.subsection(self.out, &self.f.escape(self.lib.party_name(&d.party)));
        // The head first: a reader scanning a brief looks for who led each side.
        let (heads, others): (Vec<&Member>, Vec<&Member>) =
            d.members.iter().partition(|m| d.is_head(&m.person));
        for m in heads {
            self.member(m, true);
        }
        for m in others {
            self.member(m, false);
        }
        if let Some(note) = &d.note {
            self.f.item(self.out, Some("Note"), &self.f.escape(note));
        }
    }

    fn member(&mut self, m: &'a Member, head: bool) {
        let f = self.f;
        let mut text = f.name(&f.escape(self.lib.person_name(&m.person)));
        if head {
            text.push_str(" (head)");
        }
        text.push_str(&format!(", {}", f.escape(&m.role)));
        if let Some(tag) = confidence_tag(m.confidence) {
            text.push_str(&format!(" ({tag})"));
        }
        if let Some(note) = &m.note {
            text.push_str(&format!(" — {}", f.escape(note)));
        }
        text.push_str(&self.cites.cite(&m.sources));
        f.item(self.out, None, &text);
    }

    fn agenda_item(&mut self, number: usize, item: &'a AgendaItem) {
        let (lib, f) = (self.lib, self.f);
        let topic = f.escape(lib.topic_name(&item.topic));
        f.subsection(self.out, &format!("{number}. {topic}: {}", item.outcome.label()));
        let cited = self.cites.cite(&item.sources);
        f.paragraph(self.out, &format!("{}{cited}", f.escape(&item.summary)));
        if let Some(party) = &item.raised_by {
            f.item(self.out, Some("Raised by"), &f.escape(lib.party_name(party)));
        }
        if let Some(tag) = confidence_tag(item.confidence) {
            f.item(self.out, Some("Confidence"), tag);
        }
        for s in &item.statements {
            let label = format!("{} says", f.escape(lib.party_name(&s.party)));
            let cited = self.cites.cite(&s.sources);
            f.item(self.out, Some(&label), &format!("{}{cited}", f.escape(&s.text)));
        }
    }

    /// The numbered list every `[n]` in the brief points into.
    fn references(&mut self) {
        let (lib, f) = (self.lib, self.f);
        if self.cites.ids().is_empty() {
            return;
        }
        f.section(self.out, "Sources");
        for (i, id) in self.cites.ids().iter().enumerate() {
            match source(lib, id) {
                Some(s) => {
                    let mut text = f.escape(&s.title);
                    let details: Vec<String> = s
                        .outlet
                        .as_deref()
                        .map(|o| f.escape(o))
                        .into_iter()
                        .chain(s.published.map(|p| p.format("%Y-%m-%d").to_string()))
                        .collect();
                    if !details.is_empty() {
                        text.push_str(&format!(". {}", details.join(", ")));
                    }
                    f.reference(self.out, i + 1, &text, &s.url);
                }
                None => f.reference(self.out, i + 1, &format!("{} (not in the dataset)", f.escape(id)), ""),
            }
        }
    }
}

/// The closing line naming the dataset, so a forwarded brief says where it came from.
pub(super) fn footer(lib: &Library, f: &dyn Flavour, out: &mut String) {
    let d = lib.data();
    let text = format!(
        "From the dataset “{}”, version {}, curated on {}.",
        f.escape(&d.title),
        f.escape(&d.version),
        d.curated_on.format("%Y-%m-%d")
    );
    f.footer(out, &text);
}
