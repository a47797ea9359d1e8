//! `talks show`: one round in full, as text, Markdown or JSON.

use super::{Output, ShowArgs, ShowFormat};
use crate::dataset::Library;
use crate::export::{self, Format};
use crate::query::resolve_round;
use crate::Error;

pub fn run(lib: &Library, args: &ShowArgs, out: &mut Output) -> Result<(), Error> {
    let round = resolve_round(lib, &args.round)?;
    match args.format {
        ShowFormat::Text => out.text(&export::render_text(lib, round)),
        ShowFormat::Markdown => out.text(&export::render(lib, &[round], Format::Markdown)?.text),
        ShowFormat::Json => out.text(&export::render(lib, &[round], Format::Json)?.text),
    }
}
