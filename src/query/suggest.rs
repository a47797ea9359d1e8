//! "Did you mean": a field value that names nothing in the dataset, matched with the
//! closest value the dataset has (`venue:istambul` → `venue:istanbul`).
//!
//! Values are compared folded (case and accents) with the ids, names and aliases of the
//! field's entities, and with each word of them, so that `person:lavrof` finds `lavrov`.
//! Only fields that name entities are checked (venue, city, country, person, topic, party,
//! third, host, mediator, track); dates, statuses and formats have their own messages.
//! What to do with the suggestion (show it, offer it) is the caller's.

use crate::dataset::Library;
use crate::text::fold;

/// Below this similarity (0 to 1, by edit distance) a value is not offered.
const LEAST_SIMILAR: f64 = 0.6;

/// The terms of `text` whose value names nothing, each corrected (`venue:istanbul`), in the
/// order typed; empty when every value names something or nothing close is known.
pub fn did_you_mean(lib: &Library, text: &str) -> Vec<String> {
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
        let Some(known) = vocabulary(lib, &field) else { continue };
        let mut changed = false;
        let values: Vec<String> = value
            .split(',')
            .map(|v| match closest(&known, v) {
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

/// A better value for `typed` when it names nothing: the closest folded name or word.
fn closest(known: &[String], typed: &str) -> Option<String> {
    let typed = fold(typed.trim());
    if typed.chars().count() < 3 || known.iter().any(|k| k.contains(&typed)) {
        return None;
    }
    let words = known.iter().flat_map(|k| {
        let parts = k.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2);
        std::iter::once(k.as_str()).chain(parts)
    });
    let scored = words.map(|w| (strsim::normalized_damerau_levenshtein(&typed, w), w));
    let (score, best) = scored.fold((0.0, ""), |a, b| if b.0 > a.0 { b } else { a });
    (score >= LEAST_SIMILAR).then(|| best.to_string())
}

/// The folded ids, names and aliases a field's values are looked for in.
fn vocabulary(lib: &Library, field: &str) -> Option<Vec<String>> {
    let d = lib.data();
    let names: Vec<&str> = match field {
        "venue" | "city" | "country" => d
            .venues
            .iter()
            .flat_map(|v| {
                let named = [v.id.as_str(), v.city.as_str(), v.country.as_str()];
                named.into_iter().chain(v.place.as_deref()).chain(v.aliases.iter().map(String::as_str))
            })
            .collect(),
        "person" => d
            .people
            .iter()
            .flat_map(|p| {
                [p.id.as_str(), p.name.as_str()].into_iter().chain(p.aliases.iter().map(String::as_str))
            })
            .collect(),
        "topic" => d
            .topics
            .iter()
            .flat_map(|t| {
                [t.id.as_str(), t.name.as_str()].into_iter().chain(t.aliases.iter().map(String::as_str))
            })
            .collect(),
        "party" | "third" | "host" | "mediator" => d
            .parties
            .iter()
            .flat_map(|p| {
                [p.id.as_str(), p.name.as_str()].into_iter().chain(p.aliases.iter().map(String::as_str))
            })
            .collect(),
        "track" => d.tracks.iter().flat_map(|t| [t.id.as_str(), t.name.as_str()]).collect(),
        _ => return None,
    };
    Some(names.into_iter().map(fold).collect())
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
        assert_eq!(did_you_mean(&lib, "city:riyahd,istambul"), ["city:riyadh,istanbul"]);
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
