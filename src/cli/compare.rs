//! `talks compare A B`: two rounds side by side, as text, Markdown or JSON. The comparison
//! is the export's (shared with the browser); this resolves the ids and picks the width.

use super::{CompareArgs, CompareFormatArg, Output};
use crate::dataset::Library;
use crate::export::compare::{compare, render, CompareFormat};
use crate::query::resolve_round;
use crate::Error;

pub fn run(lib: &Library, args: &CompareArgs, out: &mut Output) -> Result<(), Error> {
    let left = resolve_round(lib, &args.left)?;
    let right = resolve_round(lib, &args.right)?;
    let comparison = compare(lib, left, right)
        .ok_or_else(|| Error::Round("the rounds named are not in the dataset".into()))?;
    if left == right {
        super::out::diagnostic("both ids name the same round; every line is the same");
    }
    let format = match args.format {
        CompareFormatArg::Text => {
            let width = args.width.map(usize::from).or_else(|| out.is_terminal.then(terminal_width));
            CompareFormat::Text { width: width.unwrap_or(100) }
        }
        CompareFormatArg::Markdown => CompareFormat::Markdown,
        CompareFormatArg::Json => CompareFormat::Json,
    };
    let text = render(lib, &comparison, format)?;
    match args.format {
        CompareFormatArg::Json => out.write_str(&text),
        _ => out.text(&text),
    }
}

fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
}
