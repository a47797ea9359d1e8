//! A one-line citation of a round, for pasting into a report: `Title, venue, date — sources`,
//! each source as its outlet (or its title when the outlet is unknown) and its address.

use crate::dataset::Library;
use crate::text::sanitize_line;

/// The citation of the round at `round`, `None` when there is no such round. Control
/// characters from the data are replaced: a citation is pasted into terminals too.
pub fn citation(lib: &Library, round: usize) -> Option<String> {
    let r = lib.data().rounds.get(round)?;
    let sources: Vec<String> = r
        .sources
        .iter()
        .map(|id| match lib.source(id) {
            Some(s) => format!("{}, {}", s.outlet.as_deref().unwrap_or(&s.title), s.url),
            None => id.clone(),
        })
        .collect();
    let sources = if sources.is_empty() { "no source recorded".to_string() } else { sources.join("; ") };
    let text = format!("{}, {}, {} — {sources}", r.title, lib.venue_label(r), r.date_label());
    Some(sanitize_line(&text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_names_the_round_its_place_its_date_and_its_sources() {
        let (lib, _) = crate::dataset::open(&[]).expect("the shipped dataset");
        let r = lib.round_position("2025-05-16-istanbul-russia-ukraine").expect("the round");
        let text = citation(&lib, r).expect("a citation");
        let round = lib.data().rounds.get(r).expect("the round");
        let head = format!("{}, {}, 2025-05-16 — ", round.title, lib.venue_label(round));
        assert!(text.starts_with(&head), "{text}");
        let first = lib.source(&round.sources[0]).expect("a known source");
        assert!(text.contains(&first.url), "{text}");
        assert_eq!(text.matches("https://").count(), round.sources.len(), "{text}");
        assert_eq!(citation(&lib, lib.data().rounds.len()), None);
    }
}
