//! Validation: every problem in a parsed dataset, found in one pass.
//!
//! Errors make a dataset unusable (duplicate ids, dangling references, impossible dates,
//! unsourced facts, empty names, a head who is not a member, a topic cycle). Warnings are
//! for the curator's attention (uncertain facts, rounds with no agenda, unused sources).
//! Each problem names the entity and field and, where it can be found, the file position.

use super::diagnostic::{Problem, Severity};
use super::locate::{Anchor, Locator};
use super::Code;
use super::Parsed;
use crate::model::{Confidence, DateSpec, Kind, Member, Note, PerKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Checks a parsed dataset and returns every problem, errors first within each entity.
pub fn validate(parsed: &Parsed) -> Vec<Problem> {
    let mut v = Validator::new(parsed);
    v.check_sources();
    v.check_parties();
    v.check_people();
    v.check_venues();
    v.check_topics();
    v.check_tracks();
    for (i, round) in parsed.dataset.rounds.iter().enumerate() {
        v.check_round(i, round);
    }
    v.check_milestones();
    v.check_unused_sources();
    v.problems
}

struct Validator<'a> {
    parsed: &'a Parsed,
    /// The ids of each kind of entity, for reference checks.
    ids: PerKind<HashSet<&'a str>>,
    locator: Locator<'a>,
    cited: HashSet<&'a str>,
    /// How many entities with an id each file has had so far, to find the nth `id:` of it.
    /// Kinds are visited in the order of the file layout, so one count serves all kinds.
    seen_in_file: HashMap<(usize, &'a str), usize>,
    /// The file where each (kind, id) was first defined.
    first_seen: HashMap<(Kind, &'a str), usize>,
    problems: Vec<Problem>,
}

/// The entity being checked. Its position is looked up only when a problem is reported,
/// so a clean dataset never pays for locating.
struct Ctx<'a> {
    kind: Kind,
    id: &'a str,
    file: usize,
    /// Which `id: "…"` with this id in the file it is (0 for the first).
    nth: usize,
}

impl Ctx<'_> {
    fn subject(&self) -> String {
        format!("{} `{}`", self.kind, self.id)
    }
}

impl<'a> Validator<'a> {
    fn new(parsed: &'a Parsed) -> Self {
        let d = &parsed.dataset;
        let ids = PerKind::from_fn(|kind| d.ids(kind).into_iter().collect());
        Validator {
            parsed,
            ids,
            locator: Locator::new(&parsed.files),
            cited: HashSet::default(),
            seen_in_file: HashMap::default(),
            first_seen: HashMap::default(),
            problems: Vec::new(),
        }
    }

    fn anchor(&self, ctx: &Ctx) -> Option<Anchor> {
        self.locator.entity(ctx.file, ctx.id, ctx.nth)
    }

    fn push(
        &mut self,
        (severity, code): (Severity, Code),
        at: Option<Anchor>,
        subject: String,
        message: String,
    ) {
        let location = at.and_then(|a| self.locator.location(a));
        self.problems.push(Problem { severity, code, location, subject, message });
    }

    fn error(&mut self, ctx: &Ctx, field: &str, code: Code, message: String) {
        let at = self.anchor(ctx).map(|a| self.locator.field_after(a, field));
        self.push((Severity::Error, code), at, format!("{}, field `{field}`", ctx.subject()), message);
    }

    fn warning(&mut self, ctx: &Ctx, field: &str, code: Code, message: String) {
        let at = self.anchor(ctx).map(|a| self.locator.field_after(a, field));
        self.push((Severity::Warning, code), at, format!("{}, field `{field}`", ctx.subject()), message);
    }

    /// Opens the context for the `i`-th entity of a kind, whose id is `this`, reporting a bad
    /// or duplicate id.
    fn enter(&mut self, kind: Kind, i: usize, this: &'a str) -> Ctx<'a> {
        let file = self.parsed.origins.get(kind).get(i).copied().unwrap_or(0);
        let nth_in_file = {
            let n = self.seen_in_file.entry((file, this)).or_insert(0);
            *n += 1;
            *n - 1
        };
        let ctx = Ctx { kind, id: this, file, nth: nth_in_file };
        if !valid_id(this) {
            self.error(
                &ctx,
                "id",
                Code::InvalidId,
                format!(
                    "`{}` is not a valid id; use ASCII letters, digits, `-`, `_` and `.` (at most {MAX_ID} characters, starting with a letter or digit)",
                    crate::text::sanitize_line(&shorten(this))
                ),
            );
        }
        match self.first_seen.get(&(kind, this)) {
            None => {
                self.first_seen.insert((kind, this), file);
            }
            Some(&first_file) => {
                let first_at = self
                    .locator
                    .entity(first_file, this, 0)
                    .and_then(|a| self.locator.location(a))
                    .map_or(String::new(), |l| {
                        format!(" (first defined at {}:{}:{})", l.file, l.line, l.column)
                    });
                let anchor = self.anchor(&ctx);
                self.push(
                    (Severity::Error, Code::DuplicateId),
                    anchor,
                    format!("{kind} `{this}`, field `id`"),
                    format!("duplicate id{first_at}; ids must be unique, rename one"),
                );
            }
        }
        ctx
    }

    fn non_empty(&mut self, ctx: &Ctx, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(ctx, field, Code::EmptyField, "is empty; write a value or remove the entity".into());
        }
    }

    fn reference(&mut self, ctx: &Ctx, field: &str, kind: Kind, value: &str) {
        let known = self.ids.get(kind);
        if let Some(&known_id) = known.get(value) {
            if kind == Kind::Source {
                self.cited.insert(known_id);
            }
            return;
        }
        let hint = suggest(value, known.iter().copied()).map_or_else(
            || format!("; define it in the `{}` list", kind.list()),
            |s| format!("; did you mean `{s}`?"),
        );
        let at = self.anchor(ctx).map(|a| self.locator.value_after(a, value));
        let subject = format!("{}, field `{field}`", ctx.subject());
        self.push(
            (Severity::Error, Code::UnknownReference),
            at,
            subject,
            format!("unknown {kind} `{value}`{hint}"),
        );
    }

    fn sources(&mut self, ctx: &Ctx, field: &str, ids: &[String], required: bool) {
        if required && ids.is_empty() {
            // The first `sources:` after the entity may belong to a nested fact (a duration,
            // an agenda item); the empty list written out is the one at fault.
            let at = self.anchor(ctx).map(|a| self.locator.empty_list_after(a, field));
            let subject = format!("{}, field `{field}`", ctx.subject());
            let message = "cites no source; every fact needs at least one source id".to_string();
            self.push((Severity::Error, Code::MissingSource), at, subject, message);
        }
        for id in ids {
            self.reference(ctx, field, Kind::Source, id);
        }
    }

    fn check_sources(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, s) in d.sources.iter().enumerate() {
            let ctx = self.enter(Kind::Source, i, &s.id);
            self.non_empty(&ctx, "title", &s.title);
            self.non_empty(&ctx, "url", &s.url);
            self.non_empty(&ctx, "language", &s.language);
        }
    }

    fn check_parties(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, p) in d.parties.iter().enumerate() {
            let ctx = self.enter(Kind::Party, i, &p.id);
            self.non_empty(&ctx, "name", &p.name);
        }
    }

    fn check_people(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, p) in d.people.iter().enumerate() {
            let ctx = self.enter(Kind::Person, i, &p.id);
            self.non_empty(&ctx, "name", &p.name);
            if let Some(party) = &p.party {
                self.reference(&ctx, "party", Kind::Party, party);
            }
            for pos in &p.positions {
                self.non_empty(&ctx, "positions.title", &pos.title);
                if let Some(party) = &pos.party {
                    self.reference(&ctx, "positions.party", Kind::Party, party);
                }
                if let (Some(from), Some(to)) = (pos.from, pos.to) {
                    if to < from {
                        self.error(
                            &ctx,
                            "to",
                            Code::InvalidDate,
                            format!("position `{}` ends ({to}) before it starts ({from})", pos.title),
                        );
                    }
                }
                self.sources(&ctx, "positions.sources", &pos.sources, false);
            }
        }
    }

    fn check_venues(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, v) in d.venues.iter().enumerate() {
            let ctx = self.enter(Kind::Venue, i, &v.id);
            self.non_empty(&ctx, "city", &v.city);
            self.non_empty(&ctx, "country", &v.country);
        }
    }

    fn check_topics(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        let parent_of: HashMap<&str, &str> =
            d.topics.iter().filter_map(|t| Some((t.id.as_str(), t.parent.as_deref()?))).collect();
        for (i, t) in d.topics.iter().enumerate() {
            let ctx = self.enter(Kind::Topic, i, &t.id);
            self.non_empty(&ctx, "name", &t.name);
            if let Some(parent) = &t.parent {
                self.reference(&ctx, "parent", Kind::Topic, parent);
            }
            if in_cycle(&t.id, &parent_of) {
                self.error(
                    &ctx,
                    "parent",
                    Code::TopicCycle,
                    "the topic is its own ancestor; break the cycle of parents".into(),
                );
            }
        }
    }

    fn check_tracks(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, t) in d.tracks.iter().enumerate() {
            let ctx = self.enter(Kind::Track, i, &t.id);
            self.non_empty(&ctx, "name", &t.name);
        }
    }

    fn member(&mut self, ctx: &Ctx, field: &str, m: &Member) {
        self.reference(ctx, field, Kind::Person, &m.person);
        self.non_empty(ctx, "role", &m.role);
        self.sources(ctx, field, &m.sources, false);
        if m.confidence == Confidence::Uncertain {
            self.warning(ctx, field, Code::Uncertain, format!("uncertain participation of `{}`", m.person));
        }
    }

    fn check_milestones(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, m) in d.milestones.iter().enumerate() {
            let ctx = self.enter(Kind::Milestone, i, &m.id);
            self.non_empty(&ctx, "title", &m.title);
            self.non_empty(&ctx, "summary", &m.summary);
            if let Some(message) = date_problem(&m.date) {
                self.error(&ctx, "date", Code::InvalidDate, message);
            }
            for party in &m.parties {
                self.reference(&ctx, "parties", Kind::Party, party);
            }
            for round in &m.rounds {
                self.reference(&ctx, "rounds", Kind::Round, round);
            }
            self.notes(&ctx, &m.notes);
            self.sources(&ctx, "sources", &m.sources, true);
        }
    }

    fn notes(&mut self, ctx: &Ctx, notes: &[Note]) {
        for note in notes {
            self.non_empty(ctx, "notes.text", &note.text);
            self.sources(ctx, "notes.sources", &note.sources, false);
            if note.confidence == Confidence::Uncertain {
                // Each note at its own text, so two uncertain notes get two positions.
                let at = self.anchor(ctx).map(|a| self.locator.text_after(a, &note.text));
                let subject = format!("{}, field `notes`", ctx.subject());
                self.push(
                    (Severity::Warning, Code::Uncertain),
                    at,
                    subject,
                    format!("uncertain: {}", shorten(&note.text)),
                );
            }
        }
    }

    fn check_unused_sources(&mut self) {
        let parsed = self.parsed;
        let d = &parsed.dataset;
        for (i, s) in d.sources.iter().enumerate() {
            if !self.cited.contains(s.id.as_str()) {
                let file = parsed.origins.get(Kind::Source).get(i).copied().unwrap_or(0);
                let at = self.locator.entity(file, &s.id, 0);
                let subject = format!("source `{}`", s.id);
                self.push(
                    (Severity::Warning, Code::UnusedSource),
                    at,
                    subject,
                    "is never cited; cite it or remove it".into(),
                );
            }
        }
    }
}

/// The longest id accepted.
const MAX_ID: usize = 100;

/// Ids end up in file names (`talks export` names files after rounds) and on command lines,
/// so they keep to a documented alphabet: no spaces, no control, format or bidi characters.
fn valid_id(id: &str) -> bool {
    id.len() <= MAX_ID
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn date_problem(date: &DateSpec) -> Option<String> {
    if date.interval().is_some() {
        return None;
    }
    Some(match *date {
        DateSpec::Range(a, b) => format!("the range ends ({b}) before it starts ({a}); swap the dates"),
        DateSpec::Month(_, m) if !(1..=12).contains(&m) => format!("month {m} is not between 1 and 12"),
        _ => "is not a representable date".to_string(),
    })
}

fn in_cycle(start: &str, parent_of: &HashMap<&str, &str>) -> bool {
    let mut seen = HashSet::default();
    let mut at = start;
    while let Some(&parent) = parent_of.get(at) {
        if parent == start {
            return true;
        }
        if !seen.insert(parent) {
            return false;
        }
        at = parent;
    }
    false
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(70).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The closest known id, when it is close enough to be a plausible typo.
pub(crate) fn suggest<'b>(value: &str, known: impl Iterator<Item = &'b str>) -> Option<&'b str> {
    known
        .map(|k| (strsim::jaro_winkler(value, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

mod round;
#[cfg(test)]
mod tests;
