//! The command lines that reproduce what the browser shows (`:` in the browser): the
//! filter as query words, quoted for a POSIX shell, after `--` when one starts with `-` so
//! it is not read as an option.

use crate::query::{terms_without_fields, Sort};

/// `talks [--data FILE]… SUBCOMMAND`, the start of every line.
pub fn talks(data: &[String], subcommand: &str) -> String {
    let mut line = String::from("talks");
    for file in data {
        line.push_str(" --data ");
        line.push_str(&quote(file));
    }
    line.push(' ');
    line.push_str(subcommand);
    line
}

/// The query's terms as typed, each one word for the shell; `--` first when a term
/// starts with `-` (a negation).
pub fn query_words(query: &str) -> String {
    let terms = terms_without_fields(query, &[]);
    let words: Vec<String> = terms.iter().map(|t| quote(t)).collect();
    let dashes = if terms.iter().any(|t| t.starts_with('-')) { "-- " } else { "" };
    format!("{dashes}{}", words.join(" "))
}

/// `talks list QUERY [--sort ORDER]`: the rounds list. `--sort` comes before the query so
/// that the `--` a negation needs ends the options.
pub fn list(data: &[String], query: &str, sort: Sort) -> String {
    let mut line = talks(data, "list");
    if sort != Sort::Date {
        line.push_str(&format!(" --sort {}", sort.as_str()));
    }
    push_words(&mut line, query);
    line
}

/// `talks timeline QUERY`, `talks browse QUERY`: a command taking only query words.
pub fn with_query(data: &[String], subcommand: &str, query: &str) -> String {
    let mut line = talks(data, subcommand);
    push_words(&mut line, query);
    line
}

fn push_words(line: &mut String, query: &str) {
    let words = query_words(query);
    if !words.is_empty() {
        line.push(' ');
        line.push_str(&words);
    }
}

/// A word the shell reads back unchanged: bare when it is made of safe characters, else in
/// single quotes (a single quote inside written `'\''`).
pub fn quote(word: &str) -> String {
    let safe = |c: char| c.is_alphanumeric() || "-_.:,/@%+=~".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_quote_what_the_shell_would_change() {
        assert_eq!(list(&[], "venue:istanbul", Sort::DateDesc), "talks list --sort -date venue:istanbul");
        assert_eq!(list(&[], "", Sort::Date), "talks list");
        assert_eq!(
            list(&[], "topic:\"direct flights\" -status:cancelled", Sort::Venue),
            "talks list --sort venue -- 'topic:\"direct flights\"' -status:cancelled"
        );
        assert_eq!(
            with_query(&["my data.ron".into()], "browse", "poutine"),
            "talks --data 'my data.ron' browse poutine"
        );
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote("İstanbul"), "İstanbul");
        assert_eq!(quote("$(rm -rf)"), "'$(rm -rf)'");
    }
}
