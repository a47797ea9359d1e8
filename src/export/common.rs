//! Wording shared by the human-readable exports: dates with their precision, confidence
//! tags, delegation heads, the sources a round cites and their numbering.

use crate::dataset::Library;
use crate::model::{Confidence, DateSpec, Milestone, Round, Source};
use chrono::{Datelike, NaiveDate};

/// `10 April 2025`, `23–25 March 2025`, `June 2025 (month only, approximate)`: the
/// precision and the approximation stay visible, as a reader must not take a month for a day.
pub(super) fn date_label(date: &DateSpec, approximate: bool) -> String {
    let long = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    let (base, precision) = match *date {
        DateSpec::Day(d) => (long(d), None),
        DateSpec::Range(a, b) if (a.year(), a.month()) == (b.year(), b.month()) => {
            (format!("{}–{}", a.day(), long(b)), None)
        }
        DateSpec::Range(a, b) if a.year() == b.year() => {
            (format!("{} – {}", a.format("%-d %B"), long(b)), None)
        }
        DateSpec::Range(a, b) => (format!("{} – {}", long(a), long(b)), None),
        DateSpec::Month(y, m) => {
            // An impossible month (which validation rejects) falls back to `2025-13`.
            let name = NaiveDate::from_ymd_opt(y, m, 1)
                .map_or_else(|| date.to_string(), |d| d.format("%B %Y").to_string());
            (name, Some("month only"))
        }
        DateSpec::Year(y) => (format!("{y:04}"), Some("year only")),
    };
    let qualifiers: Vec<&str> = precision.into_iter().chain(approximate.then_some("approximate")).collect();
    if qualifiers.is_empty() {
        base
    } else {
        format!("{base} ({})", qualifiers.join(", "))
    }
}

/// The tag shown after a fact that is not confirmed; nothing for confirmed facts, which are
/// the norm and would only add noise.
pub(super) fn confidence_tag(confidence: Confidence) -> Option<&'static str> {
    match confidence {
        Confidence::Confirmed => None,
        Confidence::Single | Confidence::Uncertain => Some(confidence.label()),
    }
}

/// `Alexander Darchiev (Russia); Sonata Coulter (United States)`: who led each side.
pub(super) fn heads(lib: &Library, round: &Round) -> Vec<String> {
    round
        .delegations
        .iter()
        .filter(|d| !d.heads.is_empty())
        .map(|d| {
            let names: Vec<&str> = d.heads.iter().map(|h| lib.person_name(h)).collect();
            format!("{} ({})", names.join(" and "), lib.party_name(&d.party))
        })
        .collect()
}

pub(super) fn source<'a>(lib: &'a Library, id: &str) -> Option<&'a Source> {
    lib.source(id)
}

/// Numbers sources in the order the text first cites them, so `[1]` is the first one a
/// reader meets. Shared by the exported briefs and the TUI's detail pane.
#[derive(Debug, Default)]
pub struct Citations {
    order: Vec<String>,
}

impl Citations {
    /// ` [1][2]` for the given ids (numbering new ones), or nothing when there are none.
    pub fn cite(&mut self, ids: &[String]) -> String {
        let mut numbers: Vec<usize> = ids
            .iter()
            .map(|id| match self.order.iter().position(|known| known == id) {
                Some(i) => i + 1,
                None => {
                    self.order.push(id.clone());
                    self.order.len()
                }
            })
            .collect();
        // Readers scan `[2][5][7]` more easily than the order the curator listed them in.
        numbers.sort_unstable();
        numbers.dedup();
        let mut out = String::new();
        for number in numbers {
            if out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("[{number}]"));
        }
        out
    }

    /// The cited ids in citation order; `[n]` is the (n-1)th.
    pub fn ids(&self) -> &[String] {
        &self.order
    }
}

/// The milestones that came from a round (milestones name their rounds), in date order.
pub(super) fn milestones_of<'a>(lib: &'a Library, r: &Round) -> Vec<&'a Milestone> {
    let position = lib.round_position(&r.id);
    position
        .map_or(&[][..], |p| lib.milestones_of(p))
        .iter()
        .filter_map(|&m| lib.data().milestones.get(m))
        .collect()
}

/// Every source id the round cites, each once, in the order a reader meets them; then the
/// sources of the milestones that came from it, which the exports show with the round.
pub(super) fn cited_with_milestones<'a>(lib: &'a Library, r: &'a Round) -> Vec<&'a str> {
    let mut ids = cited(r);
    for m in milestones_of(lib, r) {
        for id in &m.sources {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    ids
}

/// Every source id the round cites, each once, in the order a reader meets them.
pub(super) fn cited(r: &Round) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    let lists = std::iter::once(&r.sources)
        .chain(r.duration.iter().map(|d| &d.sources))
        .chain(r.delegations.iter().flat_map(|d| d.members.iter().map(|m| &m.sources)))
        .chain(
            r.third_parties
                .iter()
                .flat_map(|t| std::iter::once(&t.sources).chain(t.members.iter().map(|m| &m.sources))),
        )
        .chain(r.links.iter().map(|l| &l.sources))
        .chain(
            r.agenda
                .iter()
                .flat_map(|a| std::iter::once(&a.sources).chain(a.statements.iter().map(|s| &s.sources))),
        )
        .chain(r.notes.iter().map(|n| &n.sources));
    for id in lists.flatten() {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_show_their_precision() {
        assert_eq!(date_label(&DateSpec::Day(d("2025-04-10")), false), "10 April 2025");
        assert_eq!(date_label(&DateSpec::Range(d("2025-03-23"), d("2025-03-25")), false), "23–25 March 2025");
        assert_eq!(
            date_label(&DateSpec::Range(d("2025-03-30"), d("2025-04-02")), true),
            "30 March – 2 April 2025 (approximate)"
        );
        assert_eq!(date_label(&DateSpec::Month(2025, 6), true), "June 2025 (month only, approximate)");
        assert_eq!(date_label(&DateSpec::Year(2025), false), "2025 (year only)");
        assert_eq!(date_label(&DateSpec::Month(2025, 13), false), "2025-13 (month only)");
    }

    #[test]
    fn citations_number_in_order_of_first_use() {
        let a = vec!["tass".to_string(), "state".to_string()];
        let b = vec!["state".to_string(), "ria".to_string()];
        let mut c = Citations::default();
        assert_eq!(c.cite(&a), " [1][2]");
        assert_eq!(c.cite(&b), " [2][3]");
        assert_eq!(c.cite(&[]), "");
        assert_eq!(c.ids(), ["tass", "state", "ria"]);
    }
}
