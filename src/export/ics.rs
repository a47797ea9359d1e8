//! The iCalendar export (RFC 5545): one all-day VEVENT per round.
//!
//! Written by hand because it is small: CRLF line endings, lines folded at 75 octets without
//! splitting a UTF-8 character, and TEXT values escaped. DTEND is exclusive, so it is the
//! day after the last day. UID comes from the round id and DTSTAMP from the dataset's
//! `curated_on`, never the clock, so that exporting twice gives the same bytes and calendar
//! applications update events instead of duplicating them. Rounds without a day-precise
//! date cannot be placed on a calendar; they are skipped and reported.

use super::common::{confidence_tag, date_label, heads, source};
use super::Rendered;
use crate::dataset::Library;
use crate::model::{Round, Status};
use crate::text::{sanitize, sanitize_data};
use crate::Error;

/// The longest line RFC 5545 allows, in octets, not counting the CRLF.
const MAX_LINE: usize = 75;

pub(super) fn render(lib: &Library, rounds: &[usize]) -> Result<Rendered, Error> {
    let mut out = String::new();
    let mut skipped = Vec::new();
    let mut events = 0;
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//talks//talks export//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(&lib.data().title)));
    for round in rounds.iter().filter_map(|&i| lib.data().rounds.get(i)) {
        match event(lib, round, &mut out) {
            Ok(()) => events += 1,
            Err(why) => skipped.push(why),
        }
    }
    line(&mut out, "END:VCALENDAR");
    if events == 0 && !skipped.is_empty() {
        return Err(Error::Round(format!("nothing to put in a calendar: {}", skipped.join("; "))));
    }
    Ok(Rendered { text: out, skipped })
}

/// Appends the VEVENT of a round, or says why the round has none.
fn event(lib: &Library, round: &Round, out: &mut String) -> Result<(), String> {
    let interval = match round.date.interval() {
        Some(i) if round.date.is_day_precise() => i,
        Some(_) => {
            return Err(format!(
                "round `{}` skipped: its date ({}) is a {}, and a calendar needs days",
                sanitize(&round.id),
                round.date,
                round.date.precision()
            ))
        }
        None => return Err(format!("round `{}` skipped: its date is not valid", sanitize(&round.id))),
    };
    let Some(after) = interval.end.succ_opt() else {
        return Err(format!("round `{}` skipped: its date is out of range", sanitize(&round.id)));
    };
    let day = |d: chrono::NaiveDate| d.format("%Y%m%d").to_string();
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@talks", escape(&round.id)));
    line(out, &format!("DTSTAMP:{}T000000Z", day(lib.data().curated_on)));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(interval.start)));
    line(out, &format!("DTEND;VALUE=DATE:{}", day(after)));
    line(out, &format!("SUMMARY:{}", escape(&round.title)));
    // A call has no place; `phone call` in LOCATION would send map applications searching.
    if round.venue.is_some() {
        line(out, &format!("LOCATION:{}", escape(&lib.venue_label(round))));
    }
    line(out, &format!("DESCRIPTION:{}", escape(&description(lib, round))));
    line(out, &format!("STATUS:{}", status(round.status)));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
    Ok(())
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Held | Status::Announced => "CONFIRMED",
        Status::Planned | Status::Postponed => "TENTATIVE",
        Status::Cancelled => "CANCELLED",
    }
}

/// The event's notes: format and status, who led each side, the agenda and the sources.
fn description(lib: &Library, round: &Round) -> String {
    let mut text = format!("Format: {}. Status: {}.", round.format.label(), round.status.label());
    if round.date_approximate {
        text.push_str(&format!(" Date approximate: {}.", date_label(&round.date, true)));
    }
    let heads = heads(lib, round);
    if !heads.is_empty() {
        text.push_str(&format!("\nHeads of delegation: {}.", heads.join("; ")));
    }
    if !round.agenda.is_empty() {
        text.push_str("\nAgenda:");
        for item in &round.agenda {
            let tag = confidence_tag(item.confidence).map_or(String::new(), |t| format!(" ({t})"));
            text.push_str(&format!(
                "\n- {}: {}{tag}. {}",
                lib.topic_name(&item.topic),
                item.outcome.label(),
                item.summary
            ));
        }
    }
    let mut urls: Vec<&str> = Vec::new();
    // Two source ids may be the same page (the article is both `seed` and `S49`).
    for url in round.sources.iter().filter_map(|id| source(lib, id)).map(|s| s.url.as_str()) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    if !urls.is_empty() {
        text.push_str(&format!("\nSources: {}", urls.join(" ")));
    }
    text
}

/// TEXT escaping: backslash, semicolon, comma and newline; other controls (which a TEXT
/// value may not hold) are replaced by the sanitiser first.
fn escape(text: &str) -> String {
    let clean = sanitize_data(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded: continuation lines start with one space, which counts
/// towards their 75 octets, and a break never falls inside a character.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= MAX_LINE, "{} octets: {l}", l.len());
        }
        // Unfolding (drop each CRLF + space) gives the line back.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), long);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(escape("bell\u{7}"), "bell\u{fffd}");
    }
}
