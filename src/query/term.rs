//! One term of a query: what it tests, whether it is negated, and how it is read from text.
//!
//! Values are folded (and dates, statuses and formats parsed) here, once, so that testing a
//! round is a few comparisons and substring searches on its precomputed keys, with no
//! allocation. Each searched value carries a prebuilt SIMD searcher (`memchr::memmem`),
//! several times faster than `str::contains` over the ~100,000 keys of a large dataset.

use super::date::{parse_date, parse_from, parse_to};
use super::lex::RawTerm;
use super::QueryError;
use crate::dataset::{Field, RoundKeys, RoundSet};
use crate::model::{Format, Interval, Status};
use crate::text::fold;

/// The field names, in the order error messages and the documentation list them.
pub(crate) const FIELD_NAMES: &[&str] = &[
    "venue", "city", "country", "date", "from", "to", "party", "third", "host", "mediator", "person",
    "topic", "track", "status", "format", "id",
];

/// A field that is a substring test on one folded key of the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Venue,
    City,
    Country,
    Party,
    Third,
    Host,
    Mediator,
    Person,
    Topic,
    Track,
}

impl Key {
    fn of<'a>(self, keys: &RoundKeys<'a>) -> &'a str {
        keys.key(match self {
            Key::Venue => Field::Venue,
            Key::City => Field::City,
            Key::Country => Field::Country,
            Key::Party => Field::Parties,
            Key::Third => Field::Third,
            Key::Host => Field::Hosts,
            Key::Mediator => Field::Mediators,
            Key::Person => Field::People,
            Key::Topic => Field::Topics,
            Key::Track => Field::Track,
        })
    }
}

/// A folded value to look for, with its searcher built once at parse time.
#[derive(Debug, Clone)]
pub(crate) struct Needle {
    pub text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    pub(crate) fn new(text: String) -> Needle {
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        Needle { text, finder }
    }

    fn found_in(&self, haystack: &str) -> bool {
        self.finder.find(haystack.as_bytes()).is_some()
    }

    fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Needle) -> bool {
        self.text == other.text
    }
}

/// What a term asks of a round. A list inside one variant is an OR.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    /// A free word or phrase: a substring of everything searchable.
    Word(Box<Needle>),
    /// A substring of one key.
    Text(Key, Vec<Needle>),
    /// A prefix of the folded id.
    Id(Vec<String>),
    /// The round's interval overlaps one of these.
    Date(Vec<Interval>),
    Status(Vec<Status>),
    Format(Vec<Format>),
}

/// A test, possibly negated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub negated: bool,
    pub test: Test,
}

impl Test {
    fn matches(&self, keys: &RoundKeys) -> bool {
        match self {
            Test::Word(w) => keys.searched().into_iter().any(|hay| w.found_in(hay)),
            Test::Text(key, any) => {
                let hay = key.of(keys);
                any.iter().any(|v| v.found_in(hay))
            }
            Test::Id(any) => any.iter().any(|p| keys.id().starts_with(p.as_str())),
            Test::Date(any) => keys.interval.is_some_and(|r| any.iter().any(|q| r.overlaps(q))),
            Test::Status(any) => keys.status.is_some_and(|s| any.contains(&s)),
            Test::Format(any) => keys.format.is_some_and(|f| any.contains(&f)),
        }
    }

    /// True when every round passing `self` passes `other` too, as far as can be seen from
    /// the two tests alone (same kind, each alternative of `self` narrower than one of
    /// `other`). False when unsure; `narrows` relies on this never being wrongly true.
    fn implies(&self, other: &Test) -> bool {
        fn each<T>(mine: &[T], theirs: &[T], within: impl Fn(&T, &T) -> bool) -> bool {
            mine.iter().all(|m| theirs.iter().any(|t| within(m, t)))
        }
        match (self, other) {
            (Test::Word(a), Test::Word(b)) => a.as_str().contains(b.as_str()),
            (Test::Text(k, a), Test::Text(l, b)) => {
                k == l && each(a, b, |m, t| m.as_str().contains(t.as_str()))
            }
            (Test::Id(a), Test::Id(b)) => each(a, b, |m, t| m.starts_with(t.as_str())),
            (Test::Date(a), Test::Date(b)) => each(a, b, |m, t| t.start <= m.start && m.end <= t.end),
            (Test::Status(a), Test::Status(b)) => each(a, b, |m, t| m == t),
            (Test::Format(a), Test::Format(b)) => each(a, b, |m, t| m == t),
            _ => false,
        }
    }

    /// Rough cost of testing one round, so cheap tests run first and reject early.
    fn cost(&self) -> u8 {
        match self {
            Test::Status(_) | Test::Format(_) | Test::Date(_) => 0,
            Test::Id(_) => 1,
            Test::Text(..) => 2,
            Test::Word(_) => 3,
        }
    }
}

impl Term {
    pub(crate) fn matches(&self, keys: &RoundKeys) -> bool {
        self.test.matches(keys) != self.negated
    }

    /// Like [`Term::matches`], with the rounds the word index says a free word can be in:
    /// a round outside them fails the word without a scan, and an exact answer needs none.
    pub(crate) fn matches_among(&self, keys: &RoundKeys, round: usize, found: &(RoundSet, bool)) -> bool {
        let (set, exact) = found;
        let hit = set.contains(round) && (*exact || self.test.matches(keys));
        hit != self.negated
    }

    /// The folded text of a free word or phrase.
    pub(crate) fn word(&self) -> Option<&str> {
        match &self.test {
            Test::Word(w) => Some(w.as_str()),
            _ => None,
        }
    }

    /// True when every round passing `self` passes `other` (see [`Test::implies`]).
    pub(crate) fn implies(&self, other: &Term) -> bool {
        match (self.negated, other.negated) {
            (false, false) => self.test.implies(&other.test),
            // not-A implies not-B exactly when B implies A.
            (true, true) => other.test.implies(&self.test),
            _ => false,
        }
    }

    pub(crate) fn cost(&self) -> u8 {
        self.test.cost()
    }

    /// Reads one lexed term: an optional `-`, then `field:values` or a free word or phrase.
    pub(crate) fn parse(raw: &RawTerm) -> Result<Term, QueryError> {
        let (negated, rest) = match raw.chars.split_first() {
            Some((('-', false), rest)) => (true, rest),
            _ => (false, raw.chars.as_slice()),
        };
        let had_quotes = raw.text.contains('"');
        if rest.is_empty() {
            return Err(if had_quotes {
                QueryError::EmptyPhrase { term: raw.text.clone() }
            } else {
                QueryError::LoneMinus
            });
        }
        let test = match field_split(rest) {
            Some((name, values)) => field_test(raw, &name, values)?,
            None => {
                let phrase: String = rest.iter().map(|&(c, _)| c).collect();
                if phrase.trim().is_empty() {
                    return Err(QueryError::EmptyPhrase { term: raw.text.clone() });
                }
                Test::Word(Box::new(Needle::new(fold(&phrase))))
            }
        };
        Ok(Term { negated, test })
    }
}

/// `name:rest` when the term starts with unquoted letters and a colon; `name` lower-cased.
fn field_split(chars: &[(char, bool)]) -> Option<(String, &[(char, bool)])> {
    let colon = chars.iter().position(|&(c, q)| c == ':' && !q)?;
    let name = &chars[..colon];
    if name.is_empty() || !name.iter().all(|&(c, q)| !q && c.is_alphabetic()) {
        return None;
    }
    Some((name.iter().flat_map(|&(c, _)| c.to_lowercase()).collect(), &chars[colon + 1..]))
}

/// The values of a field, split on unquoted commas; none may be empty.
fn alternatives(
    raw: &RawTerm,
    field: &'static str,
    chars: &[(char, bool)],
) -> Result<Vec<String>, QueryError> {
    let values: Vec<String> = chars
        .split(|&(c, q)| c == ',' && !q)
        .map(|part| part.iter().map(|&(c, _)| c).collect::<String>())
        .collect();
    if values.iter().any(|v| v.trim().is_empty()) {
        return Err(QueryError::EmptyValue { term: raw.text.clone(), field, example: example(field) });
    }
    Ok(values)
}

fn field_test(raw: &RawTerm, name: &str, chars: &[(char, bool)]) -> Result<Test, QueryError> {
    let Some(&field) = FIELD_NAMES.iter().find(|&&f| f == name) else {
        return Err(QueryError::UnknownField {
            term: raw.text.clone(),
            field: name.to_string(),
            suggestion: suggest_field(name),
        });
    };
    let values = alternatives(raw, field, chars)?;
    let folded = || values.iter().map(|v| fold(v)).collect::<Vec<_>>();
    let text = |key| Ok(Test::Text(key, folded().into_iter().map(Needle::new).collect()));
    match field {
        "venue" => text(Key::Venue),
        "city" => text(Key::City),
        "country" => text(Key::Country),
        "party" => text(Key::Party),
        "third" => text(Key::Third),
        "host" => text(Key::Host),
        "mediator" => text(Key::Mediator),
        "person" => text(Key::Person),
        "topic" => text(Key::Topic),
        "track" => text(Key::Track),
        "id" => Ok(Test::Id(folded())),
        "date" => dates(raw, &values, parse_date),
        "from" => dates(raw, &values, parse_from),
        "to" => dates(raw, &values, parse_to),
        "status" => vocabulary(raw, &values).map(Test::Status),
        _ => vocabulary(raw, &values).map(Test::Format),
    }
}

fn dates(
    raw: &RawTerm,
    values: &[String],
    parse: fn(&str) -> Result<Interval, String>,
) -> Result<Test, QueryError> {
    let intervals = values.iter().map(|v| parse(v.trim()));
    let intervals = intervals.collect::<Result<Vec<_>, _>>();
    intervals.map(Test::Date).map_err(|reason| QueryError::BadDate { term: raw.text.clone(), reason })
}

/// A controlled vocabulary a field takes its values from.
trait Vocabulary: Copy + 'static {
    const FIELD: &'static str;
    const ALL: &'static [Self];
    fn parse(text: &str) -> Option<Self>;
    fn label(self) -> &'static str;
}

impl Vocabulary for Status {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = Status::ALL;
    fn parse(text: &str) -> Option<Self> {
        Status::parse_loose(text)
    }
    fn label(self) -> &'static str {
        Status::label(self)
    }
}

impl Vocabulary for Format {
    const FIELD: &'static str = "format";
    const ALL: &'static [Self] = Format::ALL;
    fn parse(text: &str) -> Option<Self> {
        Format::parse_loose(text)
    }
    fn label(self) -> &'static str {
        Format::label(self)
    }
}

/// Every value parsed, or an error listing the values that exist.
fn vocabulary<T: Vocabulary>(raw: &RawTerm, values: &[String]) -> Result<Vec<T>, QueryError> {
    let unknown = |v: &String| QueryError::BadValue {
        term: raw.text.clone(),
        field: T::FIELD,
        value: v.clone(),
        valid: T::ALL.iter().map(|x| slug(x.label())).collect::<Vec<_>>().join(", "),
    };
    values.iter().map(|v| T::parse(v).ok_or_else(|| unknown(v))).collect()
}

/// `leaders' call` → `leaders-call`: a label written so it can be typed as one term.
fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// The field a misspelt name most likely meant: the only field it begins, else the nearest
/// by edit distance when that is close enough to be a useful hint rather than noise.
fn suggest_field(name: &str) -> Option<&'static str> {
    let mut begun = FIELD_NAMES.iter().filter(|f| name.len() >= 2 && f.starts_with(name));
    if let (Some(&only), None) = (begun.next(), begun.next()) {
        return Some(only);
    }
    let (best, distance) =
        FIELD_NAMES.iter().map(|&f| (f, strsim::damerau_levenshtein(name, f))).min_by_key(|&(_, d)| d)?;
    let allowed = if name.chars().count() <= 3 { 1 } else { 2 };
    (distance <= allowed).then_some(best)
}

fn example(field: &str) -> &'static str {
    match field {
        "venue" => "venue:istanbul",
        "city" => "city:riyadh",
        "country" => "country:turkey",
        "date" => "date:2025-03",
        "from" => "from:2025-02",
        "to" => "to:2025-06",
        "party" => "party:russia",
        "third" => "third:turkiye",
        "host" => "host:uae",
        "mediator" => "mediator:turkiye",
        "person" => "person:lavrov",
        "topic" => "topic:embassies",
        "track" => "track:ukraine",
        "status" => "status:held",
        "format" => "format:summit",
        _ => "id:2025-02",
    }
}
