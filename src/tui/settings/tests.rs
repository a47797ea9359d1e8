use super::*;
use crate::dataset::SourceText;

fn config(text: &str) -> Config {
    crate::config::parse(SourceText { name: "config.ron".into(), text: text.into() }, None).expect("parses")
}

fn problems(text: &str) -> String {
    match apply(&config(text)) {
        Err(Error::Config(m)) => m,
        Err(other) => panic!("expected config problems, got {other}"),
        Ok(_) => panic!("expected config problems, got none"),
    }
}

fn lookup(table: &[Binding], context: Context, code: KeyCode, mods: KeyModifiers) -> Option<Action> {
    let key = normalise(KeyEvent::new(code, mods));
    let found = |c: Context| {
        table.iter().find(|b| b.context == c && normalise(KeyEvent::new(b.code, b.modifiers)) == key)
    };
    found(context).or_else(|| context.fallback().and_then(found)).map(|b| b.action.clone())
}

#[test]
fn the_default_file_gives_the_default_keys_and_colours() {
    let (keys, palette) = apply(&config(crate::config::DEFAULT)).expect("the default file applies");
    assert_eq!(keys.len(), defaults().len());
    assert_eq!(palette, Palette::default());
}

#[test]
fn an_override_binds_a_key_replaces_one_and_unbinds_one() {
    let text = r##"Config(keys: {
        "Browse": { "Ctrl-n": "Down", "j": "Bottom" },
        "Global": { "x": "none", "F5": "Show(Timeline)" },
    }, theme: { "key": "#ff8800", "muted": "light-cyan" })"##;
    let (keys, palette) = apply(&config(text)).expect("applies");
    assert_eq!(lookup(&keys, Context::Browse, KeyCode::Char('n'), KeyModifiers::CONTROL), Some(Action::Down));
    assert_eq!(lookup(&keys, Context::Browse, KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::Bottom));
    assert_eq!(lookup(&keys, Context::Browse, KeyCode::Char('x'), KeyModifiers::NONE), None, "unbound");
    let show = Action::Show(crate::tui::action::View::Timeline);
    assert_eq!(lookup(&keys, Context::Timeline, KeyCode::F(5), KeyModifiers::NONE), Some(show));
    // The other keys of the action stay; help names the new key with the action's words.
    assert_eq!(lookup(&keys, Context::Browse, KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
    let added = keys.iter().find(|b| b.code == KeyCode::Char('n') && b.modifiers == KeyModifiers::CONTROL);
    let added = added.expect("added");
    assert_eq!(added.help, "move down");
    assert_eq!(palette.key, ratatui::style::Color::Rgb(0xff, 0x88, 0x00));
    assert_eq!(palette.muted, ratatui::style::Color::LightCyan);
}

#[test]
fn a_conflict_is_reported_with_its_place() {
    // `q` in Browse would hide Global's `q` (quit).
    let text = "Config(\n  keys: {\n    \"Browse\": {\n      \"q\": \"Down\",\n    },\n  },\n)";
    let m = problems(text);
    assert!(m.starts_with("config.ron:4:7: error: `q` in Browse clashes with `q` in Global (quit)"), "{m}");
    assert!(m.contains("\"q\": \"none\" under \"Global\""), "{m}");
    // The same key twice in one context.
    let m = problems("Config(keys: {\"Browse\": {\n\"J\": \"Top\",\n\"J\": \"Bottom\"}})");
    assert!(
        m.starts_with(
            "config.ron:3:1: error: `J` is bound twice in Browse: to `Top` (line 2) and to `Bottom`"
        ),
        "{m}"
    );
}

#[test]
fn unknown_contexts_keys_actions_and_colours_are_each_reported() {
    let text = "Config(\n keys: {\n  \"Brwose\": {\"j\": \"Down\"},\n  \"Browse\": {\"Hyper-j\": \"Down\", \"k\": \"Jump\"},\n },\n theme: {\"titel\": \"red\", \"key\": \"chartreuse\"},\n)";
    let m = problems(text);
    let lines: Vec<&str> = m.lines().collect();
    assert_eq!(lines.len(), 5, "{m}");
    assert!(
        lines[0]
            .starts_with("config.ron:3:3: error: unknown context `Brwose`; the contexts are Global, Browse"),
        "{m}"
    );
    assert!(lines[1].starts_with("config.ron:4:14: error: unknown key `Hyper-j`"), "{m}");
    assert!(lines[2].starts_with("config.ron:4:33: error: unknown action `Jump` for `k` in Browse"), "{m}");
    assert!(lines[3].starts_with("config.ron:6:10: error: unknown colour role `titel`"), "{m}");
    assert!(lines[4].starts_with("config.ron:6:26: error: `key`: unknown colour `chartreuse`"), "{m}");
}

#[test]
fn keys_are_read_as_the_help_writes_them() {
    assert_eq!(key_named("j"), Some((KeyCode::Char('j'), KeyModifiers::NONE)));
    assert_eq!(key_named("G"), Some((KeyCode::Char('G'), KeyModifiers::SHIFT)));
    assert_eq!(key_named("Ctrl-d"), Some((KeyCode::Char('d'), KeyModifiers::CONTROL)));
    assert_eq!(key_named("alt-Left"), Some((KeyCode::Left, KeyModifiers::ALT)));
    assert_eq!(key_named("Shift-Tab"), Some((KeyCode::BackTab, KeyModifiers::SHIFT)));
    assert_eq!(key_named("↓"), Some((KeyCode::Down, KeyModifiers::NONE)));
    assert_eq!(key_named("PgDn"), Some((KeyCode::PageDown, KeyModifiers::NONE)));
    assert_eq!(key_named("-"), Some((KeyCode::Char('-'), KeyModifiers::NONE)));
    assert_eq!(key_named("F25"), None);
    assert_eq!(key_named("Meta-x"), None);
}

#[test]
fn the_readme_example_applies() {
    let readme = include_str!("../../../README.md");
    let section = readme.split("### The config file").nth(1).expect("the README's config section");
    let example = section.split("```ron\n").nth(1).and_then(|s| s.split("```").next()).expect("an example");
    let (keys, palette) = apply(&config(example)).expect("the README's example applies");
    assert_eq!(lookup(&keys, Context::Browse, KeyCode::Char('p'), KeyModifiers::CONTROL), Some(Action::Up));
    assert_eq!(palette.key, ratatui::style::Color::LightMagenta);
}
