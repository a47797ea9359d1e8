//! The loading screen shown while a large dataset is read, parsed, validated and indexed.

use crate::dataset::Stage;
use crate::text::sanitize_line;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::time::Duration;

pub struct Loading<'a> {
    pub names: &'a [String],
    pub stage: Stage,
    pub elapsed: Duration,
}

const STAGES: [Stage; 3] = [Stage::Reading, Stage::Parsing, Stage::Validating];

pub fn render(l: &Loading, frame: &mut Frame) {
    let area = frame.area();
    let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    let tick = (l.elapsed.as_millis() / 100) as usize % spinner.len();
    let at = STAGES.iter().position(|&s| s == l.stage).unwrap_or(0);
    let steps: Vec<String> = STAGES
        .iter()
        .enumerate()
        .map(|(i, s)| match i.cmp(&at) {
            std::cmp::Ordering::Less => format!("✓ {}", s.label()),
            std::cmp::Ordering::Equal => format!("{} {}", spinner[tick], s.label()),
            std::cmp::Ordering::Greater => format!("· {}", s.label()),
        })
        .collect();
    let lines = vec![
        Line::raw(format!("Loading {}", sanitize_line(&l.names.join(" + ")))),
        Line::raw(""),
        Line::raw(format!("step {} of {}:  {}", at + 1, STAGES.len(), steps.join("   "))),
        Line::raw(format!("{:.1} s", l.elapsed.as_secs_f64())),
        Line::raw(""),
        Line::raw("q quits"),
    ];
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(Paragraph::new(lines).centered(), Rect::new(area.x, y, area.width, h));
}
