//! Checks of a round, section by section: its title, track, date, venue and duration; the
//! delegations and their heads; the third parties; the links to other rounds; the agenda.

use super::{date_problem, Ctx, Validator};
use crate::dataset::diagnostic::Severity;
use crate::dataset::Code;
use crate::model::{Confidence, Kind, Round};
use rustc_hash::FxHashSet as HashSet;

impl<'a> Validator<'a> {
    pub(super) fn check_round(&mut self, i: usize, r: &'a Round) {
        let ctx = self.enter(Kind::Round, i, &r.id);
        self.non_empty(&ctx, "title", &r.title);
        self.short_title(&ctx, r);
        self.reference(&ctx, "track", Kind::Track, &r.track);
        self.round_timing(&ctx, r);
        let seen_parties = self.delegations(&ctx, r);
        self.third_parties(&ctx, r, &seen_parties);
        self.links(&ctx, r);
        self.agenda(&ctx, r);
        self.notes(&ctx, &r.notes);
        self.sources(&ctx, "sources", &r.sources, true);
    }

    /// A short title stands in for the title in narrow lists: it must say something (an
    /// error, like any empty field), and be shorter, or it is never used (a warning: the
    /// data is still right, the list just shows the title).
    fn short_title(&mut self, ctx: &Ctx, r: &Round) {
        let Some(short) = &r.short_title else { return };
        self.non_empty(ctx, "short_title", short);
        let (short_len, len) = (short.trim().chars().count(), r.title.trim().chars().count());
        if !short.trim().is_empty() && short_len >= len {
            self.warning(
                ctx,
                "short_title",
                Code::InvalidShortTitle,
                format!(
                    "is {short_len} characters, not shorter than the title ({len}), so lists never use it; abbreviate it or remove it"
                ),
            );
        }
    }

    fn round_timing(&mut self, ctx: &Ctx, r: &Round) {
        if let Some(message) = date_problem(&r.date) {
            self.error(ctx, "date", Code::InvalidDate, message);
        }
        if let Some(venue) = &r.venue {
            self.reference(ctx, "venue", Kind::Venue, venue);
        }
        if let Some(dur) = &r.duration {
            if dur.max_minutes.is_some_and(|max| max < dur.min_minutes) {
                self.error(
                    ctx,
                    "duration",
                    Code::InvalidDuration,
                    "max_minutes is less than min_minutes".into(),
                );
            }
            self.sources(ctx, "duration", &dur.sources, false);
            if dur.confidence == Confidence::Uncertain {
                self.warning(ctx, "duration", Code::Uncertain, format!("uncertain: {}", dur.label()));
            }
        }
    }

    /// Checks the delegations; returns the parties at the table.
    fn delegations<'r>(&mut self, ctx: &Ctx, r: &'r Round) -> HashSet<&'r str> {
        let mut seen_parties = HashSet::default();
        for del in &r.delegations {
            self.reference(ctx, "delegations.party", Kind::Party, &del.party);
            if !seen_parties.insert(del.party.as_str()) {
                self.error(
                    ctx,
                    "delegations",
                    Code::DuplicateDelegation,
                    format!("two delegations for party `{}`; merge them", del.party),
                );
            }
            for m in &del.members {
                self.member(ctx, "delegations.members", m);
            }
            for head in &del.heads {
                self.reference(ctx, "delegations.heads", Kind::Person, head);
                if !del.members.iter().any(|m| &m.person == head) {
                    // Point at this delegation's head, not the first `heads:` of the round.
                    let at = self.anchor(ctx).map(|a| {
                        let delegation = self.locator.value_after(a, &del.party);
                        self.locator.value_after(delegation, head)
                    });
                    self.push(
                        (Severity::Error, Code::HeadNotMember),
                        at,
                        format!("{}, field `delegations.heads`", ctx.subject()),
                        format!(
                            "head `{head}` is not among the members of the `{}` delegation; add them to `members`",
                            del.party
                        ),
                    );
                }
            }
        }
        seen_parties
    }

    fn third_parties(&mut self, ctx: &Ctx, r: &Round, at_table: &HashSet<&str>) {
        for third in &r.third_parties {
            self.reference(ctx, "third_parties.party", Kind::Party, &third.party);
            if at_table.contains(third.party.as_str()) {
                let message =
                    format!("party `{}` is both a delegation and a {}; keep one", third.party, third.role);
                self.error(ctx, "third_parties", Code::ThirdPartyAtTable, message);
            }
            for m in &third.members {
                self.member(ctx, "third_parties.members", m);
            }
            self.sources(ctx, "third_parties.sources", &third.sources, true);
        }
    }

    fn links(&mut self, ctx: &Ctx, r: &Round) {
        for link in &r.links {
            self.reference(ctx, "links.round", Kind::Round, &link.round);
            if link.round == r.id {
                self.error(
                    ctx,
                    "links",
                    Code::SelfLink,
                    "the round links to itself; link another round".into(),
                );
            }
            self.sources(ctx, "links.sources", &link.sources, false);
        }
    }

    fn agenda(&mut self, ctx: &Ctx, r: &Round) {
        if r.agenda.is_empty() {
            self.warning(
                ctx,
                "agenda",
                Code::NoAgenda,
                format!("the round ({}) has no agenda items", r.status),
            );
        }
        for item in &r.agenda {
            self.reference(ctx, "agenda.topic", Kind::Topic, &item.topic);
            self.non_empty(ctx, "agenda.summary", &item.summary);
            if let Some(p) = &item.raised_by {
                self.reference(ctx, "agenda.raised_by", Kind::Party, p);
            }
            for s in &item.statements {
                self.reference(ctx, "agenda.statements.party", Kind::Party, &s.party);
                self.non_empty(ctx, "agenda.statements.text", &s.text);
                self.sources(ctx, "agenda.statements.sources", &s.sources, false);
            }
            self.sources(ctx, "agenda.sources", &item.sources, true);
            if item.confidence == Confidence::Uncertain {
                self.warning(
                    ctx,
                    "agenda",
                    Code::Uncertain,
                    format!("uncertain agenda item on `{}`", item.topic),
                );
            }
        }
    }
}
