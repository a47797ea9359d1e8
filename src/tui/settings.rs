//! The config file's parts for the browser: key overrides merged into the keymap's
//! defaults, and colours into the palette. Every mistake (an unknown context, key, action
//! or role, a key given twice, a key that would hide or be hidden by another) is reported
//! with the file, line and column, all at once, before the screen changes.

use super::action::Action;
use super::keyhelp::SECTIONS;
use super::keymap::{defaults, key_label, normalise, Binding, Context};
use super::ui::theme::Palette;
use crate::config::{problem, Config, Entry};
use crate::Error;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keymap and the palette the config asks for.
pub fn apply(config: &Config) -> Result<(Vec<Binding>, Palette), Error> {
    let file = config.source.as_ref().map_or("config", |s| s.name.as_str());
    let mut problems = Vec::new();
    let keys = merged(&config.keys, file, &mut problems);
    let palette = palette(&config.theme, file, &mut problems);
    if problems.is_empty() {
        Ok((keys, palette))
    } else {
        Err(Error::Config(problems.join("\n")))
    }
}

fn say(problems: &mut Vec<String>, file: &str, at: &Entry, message: String) {
    problems.push(problem(at.at.as_ref(), file, &message));
}

/// The defaults with the overrides applied, in the table's order (an added key comes last
/// in its context, so help lists it after the defaults).
pub fn merged(overrides: &[(Entry, Vec<Entry>)], file: &str, problems: &mut Vec<String>) -> Vec<Binding> {
    let mut table: Vec<Binding> = defaults().to_vec();
    let mut added: Vec<(Context, (KeyCode, KeyModifiers), &Entry)> = Vec::new();
    for (context_entry, keys) in overrides {
        let Some(context) = context_named(&context_entry.name) else {
            let names: Vec<String> = SECTIONS.iter().map(|(c, _)| format!("{c:?}")).collect();
            let message =
                format!("unknown context `{}`; the contexts are {}", context_entry.name, names.join(", "));
            say(problems, file, context_entry, message);
            continue;
        };
        let mut seen: Vec<((KeyCode, KeyModifiers), &Entry)> = Vec::new();
        for entry in keys {
            let Some((code, mods)) = key_named(&entry.name) else {
                let message = format!(
                    "unknown key `{}`; write a character (\"j\", \"J\", \"?\") or a name (\"Enter\", \"Esc\", \"Tab\", \"Left\", \"PgDn\", \"F5\"), with \"Ctrl-\", \"Alt-\" or \"Shift-\" before it",
                    entry.name
                );
                say(problems, file, entry, message);
                continue;
            };
            let action = match action_named(&entry.value) {
                Some(a) => a,
                None => {
                    let message = format!(
                        "unknown action `{}` for `{}` in {context:?}; the actions are listed in `talks config --default`",
                        entry.value, entry.name
                    );
                    say(problems, file, entry, message);
                    continue;
                }
            };
            let key = normalise(KeyEvent::new(code, mods));
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let line = first.at.as_ref().map_or(String::new(), |l| format!(" (line {})", l.line));
                let message = format!(
                    "`{}` is bound twice in {context:?}: to `{}`{line} and to `{}`; keep one",
                    entry.name, first.value, entry.value
                );
                say(problems, file, entry, message);
                continue;
            }
            seen.push((key, entry));
            table.retain(|b| !(b.context == context && normalise(KeyEvent::new(b.code, b.modifiers)) == key));
            if let Some(action) = action {
                let help = help_of(&action, context);
                table.push(Binding { context, code, modifiers: mods, action, help, footer: None });
                added.push((context, key, entry));
            }
        }
    }
    // A key of a view's context hides the same key of `Global`, which it falls back to.
    let key_of = |b: &Binding| normalise(KeyEvent::new(b.code, b.modifiers));
    for &(context, key, entry) in &added {
        let Some(b) = table.iter().find(|b| b.context == context && key_of(b) == key) else { continue };
        let related = |c: Context| {
            c != b.context && (c.fallback() == Some(b.context) || b.context.fallback() == Some(c))
        };
        if let Some(other) = table.iter().find(|o| related(o.context) && key_of(o) == key) {
            let label = key_label(other.code, other.modifiers);
            let message = format!(
                "`{}` in {:?} clashes with `{label}` in {:?} ({}): one would hide the other; unbind it there with \"{label}\": \"none\" under \"{:?}\", or choose another key",
                entry.name, b.context, other.context, other.help, other.context
            );
            say(problems, file, entry, message);
        }
    }
    table
}

fn context_named(name: &str) -> Option<Context> {
    SECTIONS.iter().map(|&(c, _)| c).find(|c| format!("{c:?}").eq_ignore_ascii_case(name.trim()))
}

/// An action by the name the keymap gives it (`Down`, `Show(Rounds)`), or `none`
/// (`Some(None)`), which unbinds the key.
fn action_named(name: &str) -> Option<Option<Action>> {
    let name = name.trim();
    if name.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    let spaced = |s: &str| s.replace(' ', "").to_ascii_lowercase();
    defaults()
        .iter()
        .map(|b| &b.action)
        .find(|a| spaced(&format!("{a:?}")) == spaced(name))
        .cloned()
        .map(Some)
}

fn help_of(action: &Action, context: Context) -> &'static str {
    let same = defaults().iter().find(|b| b.context == context && b.action == *action);
    same.or_else(|| defaults().iter().find(|b| b.action == *action))
        .map_or("(from the config file)", |b| b.help)
}

/// `j`, `J`, `Ctrl-n`, `Alt-Left`, `Shift-Tab`, `PgDn`, `F5`: a key as the config writes it.
pub fn key_named(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let (m, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        if rest.len() == len {
            break; // `-` itself after a modifier would be `Ctrl--`
        }
        mods |= m;
        rest = &rest[len..];
    }
    let mut chars = rest.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) if !matches!(c, '↑' | '↓' | '←' | '→') => Some(c),
        _ => None,
    };
    let code = match single {
        Some(c) => {
            if c.is_ascii_uppercase() {
                mods |= KeyModifiers::SHIFT;
            }
            KeyCode::Char(c)
        }
        None => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            f => KeyCode::F(f.strip_prefix('f')?.parse().ok().filter(|n| (1..=24).contains(n))?),
        },
    };
    Some((code, mods))
}

fn palette(theme: &[Entry], file: &str, problems: &mut Vec<String>) -> Palette {
    let mut palette = Palette::default();
    for entry in theme {
        let Some(slot) = palette.role(entry.name.trim()) else {
            let message =
                format!("unknown colour role `{}`; the roles are {}", entry.name, Palette::ROLES.join(", "));
            say(problems, file, entry, message);
            continue;
        };
        match entry.value.parse() {
            Ok(colour) => *slot = colour,
            Err(_) => {
                let message = format!(
                    "`{}`: unknown colour `{}`; write a name (red, light-cyan, dark-gray …), \"#rrggbb\" or a number 0–255",
                    entry.name, entry.value
                );
                say(problems, file, entry, message);
            }
        }
    }
    palette
}

#[cfg(test)]
mod tests;
