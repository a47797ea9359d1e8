//! The one theme: every colour and emphasis comes from here. With `NO_COLOR` set, colours
//! are dropped and the selection stays visible through reverse video.

use crate::tui::content::Tone;
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
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
            Tone::Title => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Tone::Heading => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Tone::Label => self.fg(Color::Blue).add_modifier(Modifier::BOLD),
            Tone::Muted => self.fg(Color::DarkGray),
            // A source's address: quiet like other metadata, underlined as the link it is.
            Tone::Url => self.fg(Color::DarkGray).add_modifier(Modifier::UNDERLINED),
            Tone::Link => self.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            Tone::Good => self.fg(Color::Green),
            Tone::Bad => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Tone::Warn => self.fg(Color::Yellow),
        }
    }

    /// The selected row of a focused pane.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The selected row of the pane without focus: still visible, quieter.
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray)
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
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn muted(&self) -> Style {
        self.fg(Color::DarkGray)
    }
}
