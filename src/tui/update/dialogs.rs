//! The overlays: help, the venue picker, and the export dialog.

use super::super::action::{Action, Effect, View};
use super::super::state::{ExportDialog, Overlay, Picker, State};
use super::{filter, say};
use crate::export::{default_file_name, Format as ExportFormat};
use std::collections::HashMap;
use std::path::PathBuf;

pub fn help(state: &mut State, action: Action) {
    let last =
        super::super::keyhelp::help_rows(super::super::keyhelp::help_width(state.layout.area.width)).len();
    // A page is the help box's height: the screen less its frame and the footer.
    let page = usize::from(state.layout.area.height).saturating_sub(4).max(1);
    if let Overlay::Help { scroll } = &mut state.overlay {
        match action {
            Action::Down => *scroll = (*scroll + 1).min(last),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = (*scroll + page).min(last),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = last,
            Action::ToggleHelp | Action::Cancel => state.overlay = Overlay::None,
            _ => {}
        }
    }
}

/// Cities with their number of rounds, most visited first; calls are listed too.
pub fn open_venues(state: &mut State) {
    let lib = &state.lib;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut calls = 0;
    // From the index's counts, not the rounds themselves, which may be decoded only when shown.
    for (v, venue) in lib.data().venues.iter().enumerate() {
        let n = lib.venue_round_count(v);
        if n > 0 {
            *counts.entry(venue.city.as_str()).or_default() += n;
        }
    }
    for r in 0..lib.data().rounds.len() {
        // Counted the way the entry filters: by format, so the number is what it shows.
        if lib.placement(r).is_some_and(|p| p.format.is_call()) {
            calls += 1;
        }
    }
    let mut entries: Vec<(String, usize)> = counts.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
    entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if calls > 0 {
        entries.push((CALLS.to_string(), calls));
    }
    state.overlay = Overlay::Venues(Picker { entries, selected: 0 });
}

const CALLS: &str = "(calls: leaders' and phone)";
const CALLS_TERM: &str = "format:leaders-call,phone-video";

pub fn picker(state: &mut State, action: Action) {
    let Overlay::Venues(p) = &mut state.overlay else { return };
    match action {
        Action::Down => p.selected = (p.selected + 1).min(p.entries.len().saturating_sub(1)),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::Cancel => state.overlay = Overlay::None,
        Action::Confirm => {
            let Some((city, _)) = p.entries.get(p.selected).cloned() else { return };
            state.overlay = Overlay::None;
            let term = if city == CALLS { CALLS_TERM.to_string() } else { format!("city:\"{city}\"") };
            let mut kept = crate::query::terms_without_fields(&state.filter.applied, &["city", "venue"]);
            kept.retain(|t| t != CALLS_TERM);
            let text = kept.into_iter().chain([term]).collect::<Vec<_>>().join(" ");
            filter::show_rounds(state);
            if filter::apply_query_text(state, &text) {
                say(state, format!("filter: {text}   (x clears)"), false);
            }
        }
        _ => {}
    }
}

pub fn open_export(state: &mut State) {
    let Some(round) = state.selected_round() else {
        let why = match state.view {
            View::Rounds | View::Timeline => "no round selected",
            _ => "export works on rounds: press 1, or 4 for the timeline (E exports the whole list)",
        };
        say(state, why, true);
        return;
    };
    let id = state.lib.data().rounds.get(round).map_or(String::new(), |r| r.id.clone());
    dialog(state, vec![round], id.clone(), id);
}

/// `E`: every round the filter leaves, in the list's order, in one file.
pub fn open_export_all(state: &mut State) {
    let rounds = state.rounds.items.clone();
    if rounds.is_empty() {
        return say(state, "no round to export: the filter leaves none (x clears it)", true);
    }
    let n = rounds.len();
    let what = format!("{n} round{}", if n == 1 { "" } else { "s" });
    // `rounds-venue-istanbul`: the filter in the name, cut short; unsafe characters become
    // `-` when the name is made.
    let filter: String = state.filter.applied.chars().take(40).collect();
    let stem = if filter.trim().is_empty() { "rounds-all".to_string() } else { format!("rounds-{filter}") };
    dialog(state, rounds, what, stem);
}

fn dialog(state: &mut State, rounds: Vec<usize>, what: String, stem: String) {
    let format = ExportFormat::Markdown;
    let path = default_file_name(&stem, format);
    state.overlay = Overlay::Export(ExportDialog {
        rounds,
        what,
        stem,
        format,
        path,
        path_edited: false,
        confirm_overwrite: None,
        error: None,
    });
}

pub fn export(state: &mut State, action: Action) -> Vec<Effect> {
    let Overlay::Export(d) = &mut state.overlay else { return Vec::new() };
    if d.confirm_overwrite.is_some() {
        match action {
            Action::Yes => {
                let path = d.confirm_overwrite.take().unwrap_or_default();
                return vec![Effect::Export {
                    rounds: d.rounds.clone(),
                    format: d.format,
                    path,
                    force: true,
                }];
            }
            Action::No | Action::Cancel => {
                d.confirm_overwrite = None;
                d.error =
                    Some("kept the existing file; change the path, or press Enter to be asked again".into());
            }
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Up | Action::Down => {
            let all = ExportFormat::ALL;
            let at = all.iter().position(|&f| f == d.format).unwrap_or(0);
            let next =
                if action == Action::Down { (at + 1) % all.len() } else { (at + all.len() - 1) % all.len() };
            d.format = all[next];
            if !d.path_edited {
                d.path = default_file_name(&d.stem, d.format);
            }
        }
        Action::Insert(c) => {
            d.path.push(c);
            d.path_edited = true;
            d.error = None;
        }
        Action::DeleteBack => {
            d.path.pop();
            d.path_edited = true;
        }
        Action::DeleteWord => {
            let cut = d.path.trim_end_matches('/').rfind('/').map_or(0, |i| i + 1);
            d.path.truncate(cut);
            d.path_edited = true;
        }
        Action::Cancel => state.overlay = Overlay::None,
        Action::Confirm => {
            if d.path.trim().is_empty() {
                d.error = Some("type a file name".into());
                return Vec::new();
            }
            let (rounds, format, text) = (d.rounds.clone(), d.format, d.path.clone());
            let path = state.export_target(&text);
            return vec![Effect::Export { rounds, format, path, force: false }];
        }
        _ => {}
    }
    Vec::new()
}

pub fn export_exists(state: &mut State, path: PathBuf) {
    if let Overlay::Export(d) = &mut state.overlay {
        d.confirm_overwrite = Some(path);
    }
}

/// Written, but without rounds the format cannot hold (a calendar needs days).
pub fn export_partial(state: &mut State, path: PathBuf, skipped: usize) {
    state.overlay = Overlay::None;
    let rounds = if skipped == 1 { "1 round was" } else { "rounds were" };
    let n = if skipped == 1 { String::new() } else { format!("{skipped} ") };
    say(state, format!("exported to {}; {n}{rounds} left out: a calendar needs days", path.display()), true);
}

pub fn export_done(state: &mut State, result: Result<PathBuf, String>) {
    match result {
        Ok(path) => {
            state.overlay = Overlay::None;
            say(state, format!("exported to {}", path.display()), false);
        }
        Err(message) => {
            if let Overlay::Export(d) = &mut state.overlay {
                d.error = Some(message.clone());
            }
            say(state, message, true);
        }
    }
}

/// `:`: the command lines that give what the browser shows, for scripts and reports.
pub fn open_commands(state: &mut State) {
    use crate::cli::line;
    let data = &state.data_files;
    let filter = state.filter.applied.as_str();
    let mut lines = Vec::new();
    let id = |r: usize| state.lib.data().rounds.get(r).map(|round| line::quote(&round.id));
    match state.view {
        View::Rounds => lines.push(("this list", line::list(data, filter, state.sort))),
        View::Timeline => lines.push(("this timeline", line::with_query(data, "timeline", filter))),
        _ => {}
    }
    if let Some(r) = state.selected_round().and_then(id) {
        lines.push(("the selected round", format!("{} {r}", line::talks(data, "show"))));
    }
    let pair = state.marked.zip(state.selected_round()).filter(|(a, b)| a != b);
    if let Some((a, b)) = pair.and_then(|(a, b)| Some((id(a)?, id(b)?))) {
        lines.push((
            "the marked round against the selected one",
            format!("{} {a} {b}", line::talks(data, "compare")),
        ));
    }
    lines.push(("the browser with this filter", line::with_query(data, "browse", filter)));
    state.overlay = Overlay::Commands(lines);
}

pub fn commands(state: &mut State, action: Action) {
    if action == Action::Cancel {
        state.overlay = Overlay::None;
    }
}
