//! The one theme: every colour and emphasis comes from here, the colours from a
//! [`Palette`] the config file may change. With `NO_COLOR` set, colours are dropped and the
//! selection stays visible through reverse video.

use crate::tui::content::Tone;
use ratatui::style::{Color, Modifier, Style};

/// A colour per role; the config file's `theme` names the roles as [`Palette::ROLES`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub title: Color,
    pub heading: Color,
    pub label: Color,
    pub muted: Color,
    pub link: Color,
    pub good: Color,
    pub bad: Color,
    pub warn: Color,
    pub key: Color,
    pub border: Color,
    pub error: Color,
    pub ok: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            title: Color::Cyan,
            heading: Color::Yellow,
            label: Color::Blue,
            muted: Color::DarkGray,
            link: Color::Cyan,
            good: Color::Green,
            bad: Color::Red,
            warn: Color::Yellow,
            key: Color::Cyan,
            border: Color::Cyan,
            error: Color::Red,
            ok: Color::Green,
        }
    }
}

impl Palette {
    /// The roles' names in the config file.
    pub const ROLES: [&str; 12] =
        ["title", "heading", "label", "muted", "link", "good", "bad", "warn", "key", "border", "error", "ok"];

    /// The colour of a role by name, to change it; `None` for a name that is not a role.
    pub fn role(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "label" => &mut self.label,
            "muted" => &mut self.muted,
            "link" => &mut self.link,
            "good" => &mut self.good,
            "bad" => &mut self.bad,
            "warn" => &mut self.warn,
            "key" => &mut self.key,
            "border" => &mut self.border,
            "error" => &mut self.error,
            "ok" => &mut self.ok,
            _ => return None,
        })
    }
}

pub struct Theme {
    color: bool,
    p: Palette,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color, p: Palette::default() }
    }

    pub fn with(color: bool, palette: Palette) -> Theme {
        Theme { color, p: palette }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Title => self.fg(self.p.title).add_modifier(Modifier::BOLD),
            Tone::Heading => self.fg(self.p.heading).add_modifier(Modifier::BOLD),
            Tone::Label => self.fg(self.p.label).add_modifier(Modifier::BOLD),
            Tone::Muted => self.fg(self.p.muted),
            // A source's address: quiet like other metadata, underlined as the link it is.
            Tone::Url => self.fg(self.p.muted).add_modifier(Modifier::UNDERLINED),
            Tone::Link => self.fg(self.p.link).add_modifier(Modifier::UNDERLINED),
            Tone::Good => self.fg(self.p.good),
            Tone::Bad => self.fg(self.p.bad).add_modifier(Modifier::BOLD),
            Tone::Warn => self.fg(self.p.warn),
        }
    }

    /// The selected row of a focused pane.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The selected row of the pane without focus: still visible, quieter.
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::new().bg(self.p.muted)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Text that matches the filter. Without colour, reverse video and an underline, so a
    /// match still shows inside the (reversed) selected row.
    pub fn matched(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.p.border).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.p.muted)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(self.p.key).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(self.p.error).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(self.p.ok)
    }

    pub fn muted(&self) -> Style {
        self.fg(self.p.muted)
    }
}
