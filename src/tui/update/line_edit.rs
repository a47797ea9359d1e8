//! Editing one line of text at a cursor, as readline does: moving by character and word,
//! to either end, and deleting a character, the word before the cursor, or everything
//! before or after it. The cursor is a byte offset that is always on a character boundary.
//!
//! Words for moving (`Alt-b`, `Ctrl-→`) are runs of letters and digits, so `person:lavrov`
//! is two stops; the word `Ctrl-w` deletes runs up to the whitespace before it, so it takes
//! a whole `field:value` term, as in a shell.

use super::super::action::EditOp;

/// Inserts `c` at the cursor and moves past it.
pub fn insert(text: &mut String, cursor: &mut usize, c: char) {
    let at = clamp(text, *cursor);
    text.insert(at, c);
    *cursor = at + c.len_utf8();
}

/// Deletes the character before the cursor.
pub fn delete_back(text: &mut String, cursor: &mut usize) {
    let at = clamp(text, *cursor);
    if let Some((i, _)) = text[..at].char_indices().next_back() {
        text.replace_range(i..at, "");
        *cursor = i;
    } else {
        *cursor = at;
    }
}

/// Deletes back to the start of the whitespace-separated word before the cursor (and the
/// spaces after it), as `Ctrl-w` does in a shell.
pub fn delete_word_back(text: &mut String, cursor: &mut usize) {
    let at = clamp(text, *cursor);
    let before = &text[..at];
    let trimmed = before.trim_end().len();
    // After the last whitespace character, whatever its width in bytes (a no-break space
    // is two).
    let start = before[..trimmed]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    text.replace_range(start..at, "");
    *cursor = start;
}

/// Moves the cursor or deletes around it.
pub fn apply(text: &mut String, cursor: &mut usize, op: EditOp) {
    let at = clamp(text, *cursor);
    *cursor = match op {
        EditOp::Left => text[..at].char_indices().next_back().map_or(0, |(i, _)| i),
        EditOp::Right => text[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
        EditOp::Home => 0,
        EditOp::End => text.len(),
        EditOp::WordLeft => word_left(text, at),
        EditOp::WordRight => word_right(text, at),
        EditOp::KillToStart => {
            text.replace_range(..at, "");
            0
        }
        EditOp::KillToEnd => {
            text.truncate(at);
            at
        }
    };
}

/// The cursor on a character boundary within the text, whatever happened to the text.
fn clamp(text: &str, cursor: usize) -> usize {
    let mut at = cursor.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The start of the word before the cursor (or of the one it is in).
fn word_left(text: &str, at: usize) -> usize {
    let mut chars = text[..at].char_indices().rev().skip_while(|(_, c)| !c.is_alphanumeric());
    let mut start = chars.next().map_or(0, |(i, _)| i);
    for (i, c) in chars {
        if !c.is_alphanumeric() {
            break;
        }
        start = i;
    }
    start
}

/// The end of the word after the cursor (or of the one it is in).
fn word_right(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices().skip_while(|(_, c)| !c.is_alphanumeric());
    for (i, c) in chars.by_ref() {
        if !c.is_alphanumeric() {
            return at + i;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` where the cursor is, after `ops` from `start` (its `|` is the cursor).
    fn after(start: &str, ops: &[EditOp]) -> String {
        let cursor_at = start.find('|').unwrap_or(start.len());
        let mut text = start.replacen('|', "", 1);
        let mut cursor = cursor_at;
        for &op in ops {
            apply(&mut text, &mut cursor, op);
        }
        format!("{}|{}", &text[..cursor], &text[cursor..])
    }

    #[test]
    fn moving_by_character_and_to_either_end() {
        assert_eq!(after("ab|c", &[EditOp::Left]), "a|bc");
        assert_eq!(after("|abc", &[EditOp::Left]), "|abc");
        assert_eq!(after("ab|c", &[EditOp::Right, EditOp::Right]), "abc|");
        assert_eq!(after("İs|tanbul", &[EditOp::Left, EditOp::Left]), "|İstanbul");
        assert_eq!(after("İ|stanbul", &[EditOp::Left, EditOp::Right]), "İ|stanbul");
        assert_eq!(after("ab|c", &[EditOp::Home]), "|abc");
        assert_eq!(after("ab|c", &[EditOp::End]), "abc|");
    }

    #[test]
    fn moving_by_word_stops_at_letters_and_digits() {
        let text = "venue:istanbul date:2025|";
        assert_eq!(after(text, &[EditOp::WordLeft]), "venue:istanbul date:|2025");
        assert_eq!(after(text, &[EditOp::WordLeft, EditOp::WordLeft]), "venue:istanbul |date:2025");
        assert_eq!(after(text, &[EditOp::WordLeft; 4]), "|venue:istanbul date:2025");
        assert_eq!(after(text, &[EditOp::WordLeft; 9]), "|venue:istanbul date:2025");
        assert_eq!(after("|venue:istanbul date", &[EditOp::WordRight]), "venue|:istanbul date");
        assert_eq!(after("venue|:istanbul date", &[EditOp::WordRight]), "venue:istanbul| date");
        assert_eq!(after("venue:istanbul| date", &[EditOp::WordRight; 3]), "venue:istanbul date|");
    }

    #[test]
    fn killing_before_and_after_the_cursor() {
        assert_eq!(after("venue:|istanbul", &[EditOp::KillToStart]), "|istanbul");
        assert_eq!(after("venue:|istanbul", &[EditOp::KillToEnd]), "venue:|");
    }

    #[test]
    fn inserting_and_deleting_happen_at_the_cursor() {
        let mut text = "vnue".to_string();
        let mut cursor = 1;
        insert(&mut text, &mut cursor, 'e');
        assert_eq!((text.as_str(), cursor), ("venue", 2));
        insert(&mut text, &mut cursor, 'é');
        assert_eq!((text.as_str(), cursor), ("veénue", 4));
        delete_back(&mut text, &mut cursor);
        assert_eq!((text.as_str(), cursor), ("venue", 2));
        let mut cursor = 0;
        delete_back(&mut text, &mut cursor);
        assert_eq!((text.as_str(), cursor), ("venue", 0));
    }

    #[test]
    fn ctrl_w_deletes_the_term_before_the_cursor_only() {
        let mut text = "venue:istanbul  date:2025 topic:x".to_string();
        let mut cursor = "venue:istanbul  date:2025".len();
        delete_word_back(&mut text, &mut cursor);
        assert_eq!((text.as_str(), cursor), ("venue:istanbul   topic:x", 16));
        delete_word_back(&mut text, &mut cursor);
        assert_eq!((text.as_str(), cursor), (" topic:x", 0));
        // A no-break space separates words too, and is cut whole.
        let mut text = "a\u{a0}b".to_string();
        let mut cursor = text.len();
        delete_word_back(&mut text, &mut cursor);
        assert_eq!((text.as_str(), cursor), ("a\u{a0}", 3));
    }
}
