//! Taking a round or a source out of the browser: the copy menu (`y`), opening a source
//! (`o`), and source addresses as OSC 8 hyperlinks.

use super::screens::draw;
use super::*;
use crate::tui::action::{CopyWhat, Effect, View};
use crate::tui::jobs::Jobs;
use crate::tui::perform;
use crate::tui::state::Overlay;

const ROUND: &str = "2025-05-16-istanbul-russia-ukraine";

fn on_round(id: &str) -> State {
    let mut s = state(120, 35);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed(&format!("id:{id}"))).chain([Action::Confirm]));
    run(&mut s, [Action::ClearFilter]);
    assert_eq!(selected_round(&s).as_deref(), Some(id));
    s
}

fn status(s: &State) -> (String, bool) {
    s.status.clone().map(|st| (st.text, st.error)).unwrap_or_default()
}

/// The first source of the round's detail and its address.
fn first_source(s: &State) -> (usize, String) {
    let row = s.detail.rows.iter().find_map(|r| match r.link {
        Some(crate::tui::content::Link::Source(at)) => Some(at),
        _ => None,
    });
    let at = row.expect("the detail lists sources");
    (at, s.lib.data().sources.get(at).expect("a source").url.clone())
}

#[test]
fn y_copies_the_id_the_citation_or_the_markdown_of_the_selected_round() {
    let mut s = on_round(ROUND);
    let r = s.rounds.current().unwrap();
    run(&mut s, [Action::OpenCopy]);
    assert!(matches!(s.overlay, Overlay::Copy(_)), "the menu opens");
    let effects = run(&mut s, [Action::Copy(CopyWhat::Citation)]);
    let citation = crate::export::citation(&s.lib, r).unwrap();
    assert_eq!(effects, vec![Effect::Copy { what: format!("citation of {ROUND}"), text: citation.clone() }]);
    assert!(matches!(s.overlay, Overlay::None), "a choice closes the menu");
    // The loop's report is what the status line says.
    let said = format!("copied citation of {ROUND} ({} bytes)", citation.len());
    run(&mut s, [Action::Copied(Ok(said.clone()))]);
    assert_eq!(status(&s), (said, false));

    let effects = run(&mut s, [Action::OpenCopy, Action::Copy(CopyWhat::Id)]);
    assert_eq!(effects, vec![Effect::Copy { what: format!("id of {ROUND}"), text: ROUND.into() }]);
    let effects = run(&mut s, [Action::OpenCopy, Action::Copy(CopyWhat::Markdown)]);
    let markdown = crate::export::render(&s.lib, &[r], crate::export::Format::Markdown).unwrap().text;
    assert_eq!(effects, vec![Effect::Copy { what: format!("Markdown of {ROUND}"), text: markdown }]);
    // Esc closes without copying.
    let effects = run(&mut s, [Action::OpenCopy, Action::Cancel]);
    assert!(effects.is_empty() && matches!(s.overlay, Overlay::None));
}

#[test]
fn the_source_address_is_copied_only_with_the_cursor_on_a_source() {
    let mut s = on_round(ROUND);
    let effects = run(&mut s, [Action::OpenCopy, Action::Copy(CopyWhat::Url)]);
    assert!(effects.is_empty());
    assert!(matches!(s.overlay, Overlay::Copy(_)), "the menu stays for another choice");
    let (text, error) = status(&s);
    assert!(
        error && text.starts_with("cannot copy the source address: put the detail cursor on a source"),
        "{text}"
    );
    run(&mut s, [Action::Cancel]);
    let (at, url) = first_source(&s);
    cursor_to(&mut s, &url[..url.len().min(30)]);
    let effects = run(&mut s, [Action::OpenCopy, Action::Copy(CopyWhat::Url)]);
    let named = crate::text::shorten(&s.lib.data().sources.get(at).expect("a source").url, 60).into_owned();
    assert_eq!(effects, vec![Effect::Copy { what: format!("address {named}"), text: url }]);
}

#[test]
fn a_payload_too_long_for_terminals_is_refused_with_a_message() {
    let mut s = on_round(ROUND);
    run(&mut s, [Action::OpenCopy]);
    let Overlay::Copy(menu) = &mut s.overlay else { panic!("the menu") };
    // A round with a very long Markdown brief, as a large dataset could have.
    menu.entries[2].text = Ok("x".repeat(200_000));
    let effects = run(&mut s, [Action::Copy(CopyWhat::Markdown)]);
    assert!(effects.is_empty(), "nothing is written");
    let (text, error) = status(&s);
    assert!(error, "{text}");
    assert_eq!(
        text,
        format!("not copied: the Markdown of {ROUND} takes 267 KB in OSC 52, over the 100 KB terminals accept; export it instead (e)")
    );
}

#[test]
fn nothing_to_copy_in_the_people_view_without_a_source() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::People), Action::OpenCopy]);
    assert!(matches!(s.overlay, Overlay::None));
    assert!(status(&s).1);
}

#[test]
fn copying_writes_osc_52_to_the_terminal() {
    let mut out = Vec::new();
    let effect = Effect::Copy { what: format!("id of {ROUND}"), text: ROUND.into() };
    let report = perform(&library(), effect, &Jobs::new(), &mut out);
    assert_eq!(report, Some(Action::Copied(Ok(format!("copied id of {ROUND} (34 bytes)")))));
    use base64::Engine;
    let expected = format!("\x1b]52;c;{}\x1b\\", base64::engine::general_purpose::STANDARD.encode(ROUND));
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn o_opens_the_source_under_the_cursor_and_nothing_else() {
    let mut s = on_round(ROUND);
    let effects = run(&mut s, [Action::OpenSource]);
    assert!(effects.is_empty());
    let (text, error) = status(&s);
    assert!(error && text.starts_with("no source under the cursor"), "{text}");
    let (_, url) = first_source(&s);
    cursor_to(&mut s, &url[..url.len().min(30)]);
    let effects = run(&mut s, [Action::OpenSource]);
    assert_eq!(effects, vec![Effect::Open(url.clone())]);
    assert_eq!(status(&s), (format!("opening {url} …"), false));
    let said = format!("could not open {url}: xdg-open not found; set $BROWSER");
    run(&mut s, [Action::Opened(Err(said.clone()))]);
    assert_eq!(status(&s), (said, true));
    // Enter on a source explains the keys instead of doing nothing.
    run(&mut s, [Action::Follow]);
    assert!(status(&s).0.contains("o opens it in your web browser"));
}

#[cfg(unix)]
#[test]
fn opening_runs_browser_as_a_job_that_reports_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("opened");
    let script = dir.path().join("browser");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // No other test reads BROWSER; the effect reads it when performed, as the loop does.
    std::env::set_var("BROWSER", &script);
    let jobs = Jobs::new();
    let url = "https://example.org/report";
    assert_eq!(perform(&library(), Effect::Open(url.into()), &jobs, &mut Vec::new()), None, "a job");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let report = loop {
        if let Some(a) = jobs.try_next() {
            break a;
        }
        assert!(std::time::Instant::now() < until, "no report");
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(report, Action::Opened(Ok(format!("opened {url} with {}", script.display()))));
    assert_eq!(std::fs::read_to_string(&record).unwrap(), url);
}

#[test]
fn source_addresses_are_hyperlinks_unless_turned_off() {
    let mut s = on_round(ROUND);
    let (at, url) = first_source(&s);
    cursor_to(&mut s, &url[..url.len().min(30)]);
    let row = s.detail.cursor - s.detail.scroll;
    let y = s.layout.detail_inner.y + u16::try_from(row).unwrap();
    let linked = |buffer: &ratatui::buffer::Buffer| {
        (s.layout.detail_inner.x..s.layout.detail_inner.right())
            .filter(|&x| {
                buffer[(x, y)].symbol().starts_with(&format!("\x1b]8;id=talks-source-{at};{url}\x1b\\"))
            })
            .count()
    };
    assert_eq!(linked(&draw(&s)), 0, "off unless the terminal has them");
    s.hyperlinks = true;
    let shown = url.chars().count().min(usize::from(s.layout.detail_inner.width) - 4);
    assert_eq!(linked(&draw(&s)), shown, "every cell of the address");
}

#[test]
fn hyperlinks_are_off_when_asked_and_on_terminals_that_print_them() {
    use std::ffi::OsString;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v))
    };
    assert!(crate::tui::hyperlinks_wanted(env(&[("TERM", "xterm-256color")])));
    assert!(crate::tui::hyperlinks_wanted(env(&[("TERM", "xterm"), ("TALKS_NO_HYPERLINKS", "")])));
    assert!(!crate::tui::hyperlinks_wanted(env(&[("TERM", "xterm"), ("TALKS_NO_HYPERLINKS", "1")])));
    assert!(!crate::tui::hyperlinks_wanted(env(&[("TERM", "dumb")])));
    assert!(!crate::tui::hyperlinks_wanted(env(&[("TERM", "linux")])));
}

#[test]
fn the_copy_menu_at_80_and_120_columns() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut s = state(w, h);
        run(
            &mut s,
            [Action::OpenFilter].into_iter().chain(typed(&format!("id:{ROUND}"))).chain([Action::Confirm]),
        );
        let (_, url) = first_source(&s);
        cursor_to(&mut s, &url[..url.len().min(30)]);
        run(&mut s, [Action::OpenCopy]);
        insta::assert_snapshot!(format!("copy_menu_{w}x{h}"), super::screens::screen_text(&s));
    }
}
