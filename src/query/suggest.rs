//! "Did you mean": a field value that names nothing in the dataset, matched with the
//! closest value the dataset has (`venue:istambul` → `venue:istanbul`).
//!
//! Values are compared folded (case and accents) with the ids, names and aliases of the
//! field's entities, and with each word of them, so that `person:lavrof` finds `lavrov`.
//! Only fields that name entities are checked (venue, city, country, person, topic, party,
//! third, host, mediator, track); dates, statuses and formats have their own messages.
//! What to do with the suggestion (show it, offer it) is the caller's. The folded names are
//! built once ([`Vocabulary`]); a question is then edit distances to the words of about the
//! typed length only.

use crate::dataset::Library;
use crate::text::fold;

/// Below this similarity (0 to 1, by edit distance) a value is not offered.
const LEAST_SIMILAR: f64 = 0.6;

/// The values each field can name, folded once (the filter bar asks on every keystroke):
/// whole names, and their words for the edit-distance search, each once.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    places: Known,
    people: Known,
    topics: Known,
    parties: Known,
    tracks: Known,
}

#[derive(Debug, Clone, Default)]
struct Known {
    names: Vec<String>,
    words: Vec<String>,
}

impl Known {
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Known {
        let mut names: Vec<String> = names.map(fold).collect();
        names.sort_unstable();
        names.dedup();
        let mut words: Vec<String> = names
            .iter()
            .flat_map(|n| {
                let parts = n.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2);
                std::iter::once(n.as_str()).chain(parts)
            })
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        words.dedup();
        Known { names, words }
    }

    /// A better value for `typed` when it names nothing: the closest folded name or word.
    fn closest(&self, typed: &str) -> Option<String> {
        let typed = fold(typed.trim());
        let len = typed.chars().count();
        if len < 3 || self.names.iter().any(|k| k.contains(&typed)) {
            return None;
        }
        // A similarity of LEAST_SIMILAR needs lengths within that share of each other: the
        // other words are skipped without computing a distance.
        let near = |w: &&String| {
            let n = w.chars().count();
            n.abs_diff(len) as f64 <= (1.0 - LEAST_SIMILAR) * n.max(len) as f64
        };
        // Equal edit distances are settled by Jaro–Winkler, which favours a shared start.
        let score =
            |w: &String| (strsim::normalized_damerau_levenshtein(&typed, w), strsim::jaro_winkler(&typed, w));
        let scored = self.words.iter().filter(near).map(|w| (score(w), w));
        let (best, word) =
            scored.fold(((0.0, 0.0), None), |a, (s, w)| if s > a.0 { (s, Some(w)) } else { a });
        word.filter(|_| best.0 >= LEAST_SIMILAR).cloned()
    }
}

impl Vocabulary {
    pub fn new(lib: &Library) -> Vocabulary {
        let d = lib.data();
        Vocabulary {
            places: Known::new(d.venues.iter().flat_map(|v| {
                let named = [v.id.as_str(), v.city.as_str(), v.country.as_str()];
                named.into_iter().chain(v.place.as_deref()).chain(v.aliases.iter().map(String::as_str))
            })),
            people: Known::new(d.people.iter().flat_map(|p| {
                [p.id.as_str(), p.name.as_str()].into_iter().chain(p.aliases.iter().map(String::as_str))
            })),
            topics: Known::new(d.topics.iter().flat_map(|t| {
                [t.id.as_str(), t.name.as_str()].into_iter().chain(t.aliases.iter().map(String::as_str))
            })),
            parties: Known::new(d.parties.iter().flat_map(|p| {
                [p.id.as_str(), p.name.as_str()].into_iter().chain(p.aliases.iter().map(String::as_str))
            })),
            tracks: Known::new(d.tracks.iter().flat_map(|t| [t.id.as_str(), t.name.as_str()])),
        }
    }

    fn of(&self, field: &str) -> Option<&Known> {
        match field {
            "venue" | "city" | "country" => Some(&self.places),
            "person" => Some(&self.people),
            "topic" => Some(&self.topics),
            "party" | "third" | "host" | "mediator" => Some(&self.parties),
            "track" => Some(&self.tracks),
            _ => None,
        }
    }

    /// The terms of `text` whose value names nothing, each corrected (`venue:istanbul`), in
    /// the order typed; empty when every value names something or nothing close is known.
    pub fn did_you_mean(&self, text: &str) -> Vec<String> {
        let Ok(terms) = super::lex::split(text) else { return Vec::new() };
        let mut out = Vec::new();
        for term in terms {
            let plain: String = term.chars.iter().map(|&(c, _)| c).collect();
            let (negation, bare) = match plain.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", plain.as_str()),
            };
            let Some((field, value)) = bare.split_once(':') else { continue };
            let field = field.to_lowercase();
            let Some(known) = self.of(&field) else { continue };
            let mut changed = false;
            let values: Vec<String> = value
                .split(',')
                .map(|v| match known.closest(v) {
                    Some(better) => {
                        changed = true;
                        better
                    }
                    None => v.to_string(),
                })
                .collect();
            if changed {
                let value = values.join(",");
                let value = if value.contains(' ') { format!("\"{value}\"") } else { value };
                out.push(format!("{negation}{field}:{value}"));
            }
        }
        out
    }
}

/// [`Vocabulary::did_you_mean`] with a vocabulary built for this one question.
pub fn did_you_mean(lib: &Library, text: &str) -> Vec<String> {
    Vocabulary::new(lib).did_you_mean(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib() -> Library {
        crate::dataset::open(&[]).expect("the shipped dataset loads").0
    }

    #[test]
    fn a_misspelt_value_gets_the_closest_one_the_dataset_has() {
        let lib = lib();
        assert_eq!(did_you_mean(&lib, "venue:istambul"), ["venue:istanbul"]);
        assert_eq!(did_you_mean(&lib, "date:2025 -person:lavrof"), ["-person:lavrov"]);
        assert_eq!(did_you_mean(&lib, "city:moskow,istambul"), ["city:moscow,istanbul"]);
        assert_eq!(did_you_mean(&lib, "Party:ukriane"), ["party:ukraine"]);
    }

    #[test]
    fn values_that_name_something_and_other_fields_get_nothing() {
        let lib = lib();
        for text in [
            "venue:istanbul",
            "venue:İSTANBUL",
            "person:lav",
            "date:2025",
            "status:held",
            "istambul",
            "",
            "venue:zz",
            "topic:\"direct flights\"",
            "venue:qqqqqqqqqq",
        ] {
            assert_eq!(did_you_mean(&lib, text), Vec::<String>::new(), "{text}");
        }
    }
}
