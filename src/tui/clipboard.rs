//! Copying to the user's clipboard through the terminal: the OSC 52 sequence
//! `ESC ] 52 ; c ; BASE64 ESC \`, written to the terminal like any output, so it works over
//! SSH and, with `set-clipboard on`, inside tmux. The terminal does not answer, so success
//! means "written"; what the terminal then does is its own business.
//!
//! Terminals cap the sequence (about 100 KB in xterm, kitty and tmux), and drop a longer one
//! silently; a payload over [`LIMIT`] is refused here with a message instead.

use base64::Engine;
use std::io::Write;

/// The longest sequence written, in bytes (what many terminals accept).
pub const LIMIT: usize = 100_000;

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn sequence(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x1b\\")
}

/// The length of [`sequence`] for `len` bytes of text, without encoding it.
pub fn sequence_len(len: usize) -> usize {
    "\x1b]52;c;".len() + len.div_ceil(3) * 4 + "\x1b\\".len()
}

/// Why `text` cannot be copied, when it cannot: too long for terminals to take.
pub fn too_long(what: &str, text: &str) -> Option<String> {
    let len = sequence_len(text.len());
    (len > LIMIT).then(|| {
        format!(
            "not copied: the {what} takes {} KB in OSC 52, over the {} KB terminals accept; export it instead (e)",
            len.div_ceil(1000),
            LIMIT / 1000
        )
    })
}

/// Writes the sequence for `text` to the terminal and flushes it.
pub fn copy(out: &mut dyn Write, text: &str) -> std::io::Result<()> {
    out.write_all(sequence(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_osc_52_with_the_text_in_base64() {
        // RFC 4648's test vectors, padding included.
        assert_eq!(sequence(""), "\x1b]52;c;\x1b\\");
        assert_eq!(sequence("f"), "\x1b]52;c;Zg==\x1b\\");
        assert_eq!(sequence("foob"), "\x1b]52;c;Zm9vYg==\x1b\\");
        assert_eq!(sequence("foobar"), "\x1b]52;c;Zm9vYmFy\x1b\\");
        assert_eq!(sequence("İstanbul"), "\x1b]52;c;xLBzdGFuYnVs\x1b\\");
        for n in 0..10 {
            assert_eq!(sequence_len(n), sequence(&"x".repeat(n)).len());
        }
        let mut out = Vec::new();
        copy(&mut out, "foobar").unwrap();
        assert_eq!(out, b"\x1b]52;c;Zm9vYmFy\x1b\\");
    }

    #[test]
    fn a_payload_over_the_limit_is_refused_with_its_size() {
        assert_eq!(too_long("citation", "short"), None);
        let big = "x".repeat(80_000);
        assert_eq!(
            too_long("Markdown of a round", &big).as_deref(),
            Some("not copied: the Markdown of a round takes 107 KB in OSC 52, over the 100 KB terminals accept; export it instead (e)")
        );
        // The limit is on the sequence: 74,990 bytes of text encode to 99,988 + 9.
        assert_eq!(too_long("x", &"x".repeat(74_990)), None);
        assert!(too_long("x", &"x".repeat(74_994)).is_some());
    }
}
