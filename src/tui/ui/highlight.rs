//! Styling the matches of the filter in a line of spans. Where the matches are is the query
//! module's answer ([`crate::query::Highlight`]); this only splits spans and restyles.

use ratatui::style::Style;
use ratatui::text::Span;

/// The spans with the parts that match `highlight` restyled by `matched` (patched over the
/// span's own style, so a link stays underlined). A match may cross spans.
pub fn mark(
    spans: Vec<Span<'static>>,
    highlight: &crate::query::Highlight,
    matched: Style,
) -> Vec<Span<'static>> {
    if highlight.is_empty() {
        return spans;
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let ranges = highlight.ranges(&text);
    if ranges.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 2 * ranges.len());
    let mut start = 0;
    for span in spans {
        let end = start + span.content.len();
        // Cut points inside this span: every range boundary strictly within it.
        let mut cuts: Vec<usize> =
            ranges.iter().flat_map(|r| [r.start, r.end]).filter(|&c| c > start && c < end).collect();
        cuts.dedup();
        let mut from = start;
        for to in cuts.into_iter().chain([end]) {
            let piece = &span.content[from - start..to - start];
            let hit = ranges.iter().any(|r| r.start <= from && to <= r.end);
            let style = if hit { span.style.patch(matched) } else { span.style };
            out.push(Span::styled(piece.to_string(), style));
            from = to;
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn matches_are_restyled_across_spans_and_the_rest_is_kept() {
        let hl = crate::query::Query::parse("istanbul").unwrap().highlight();
        let link = Style::new().add_modifier(Modifier::UNDERLINED);
        let on = Style::new().bg(Color::Yellow);
        let spans = vec![Span::raw("in Ist"), Span::styled("anbul, Türkiye", link)];
        let out = mark(spans, &hl, on);
        let parts: Vec<(&str, Style)> = out.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(
            parts,
            vec![("in ", Style::new()), ("Ist", on), ("anbul", link.patch(on)), (", Türkiye", link)]
        );
        let none = crate::query::Query::parse("riyadh").unwrap().highlight();
        assert_eq!(mark(vec![Span::raw("in Istanbul")], &none, on), vec![Span::raw("in Istanbul")]);
    }
}
