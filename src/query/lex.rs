//! Splitting query text into terms: whitespace separates terms except inside double quotes.
//!
//! The lexer only finds term boundaries and remembers, for every character, whether it was
//! quoted, so that a quoted `:`, `,` or `-` is taken literally later on. What a term means
//! is decided in `term`.

use super::QueryError;

/// One term as typed, with its quotes removed from `chars`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawTerm {
    /// The term as the user typed it, quotes included, for messages.
    pub text: String,
    /// The characters without the quotes, each flagged `true` when it was inside quotes.
    pub chars: Vec<(char, bool)>,
}

/// Splits `text` into raw terms; an unclosed quote is an error naming the term it opens.
pub(crate) fn split(text: &str) -> Result<Vec<RawTerm>, QueryError> {
    let mut terms = Vec::new();
    let mut current: Option<RawTerm> = None;
    let mut quoted = false;
    for c in text.chars() {
        if c.is_whitespace() && !quoted {
            terms.extend(current.take());
            continue;
        }
        let term = current.get_or_insert_with(|| RawTerm { text: String::new(), chars: Vec::new() });
        term.text.push(c);
        if c == '"' {
            quoted = !quoted;
        } else {
            term.chars.push((c, quoted));
        }
    }
    if quoted {
        let term = current.map(|t| t.text).unwrap_or_default();
        return Err(QueryError::UnclosedQuote { term });
    }
    terms.extend(current);
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &str) -> Vec<String> {
        split(q).unwrap().into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn whitespace_separates_terms_outside_quotes() {
        assert_eq!(texts("  lavrov\tvenue:istanbul  "), ["lavrov", "venue:istanbul"]);
        assert_eq!(texts(r#"topic:"direct flights" -riyadh"#), [r#"topic:"direct flights""#, "-riyadh"]);
        assert!(texts("   ").is_empty());
    }

    #[test]
    fn quoted_characters_are_flagged() {
        let t = &split(r#"a"b:c""#).unwrap()[0];
        assert_eq!(t.chars, [('a', false), ('b', true), (':', true), ('c', true)]);
    }

    #[test]
    fn empty_quotes_still_make_a_term() {
        let t = split(r#""""#).unwrap();
        assert_eq!(t.len(), 1);
        assert!(t[0].chars.is_empty());
    }

    #[test]
    fn an_unclosed_quote_names_its_term() {
        assert_eq!(
            split(r#"lavrov "direct flights"#),
            Err(QueryError::UnclosedQuote { term: r#""direct flights"#.into() })
        );
    }
}
