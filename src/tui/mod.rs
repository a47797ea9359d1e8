//! The full-screen application (being built; for now a summary of the dataset).

use crate::Error;
use std::path::PathBuf;

pub fn run(data: &[PathBuf]) -> Result<(), Error> {
    let (library, _) = crate::dataset::open(data)?;
    println!("{}: {} rounds", library.data.title, library.data.rounds.len());
    Ok(())
}
