use super::*;
use crate::dataset::EMBEDDED;
use ron::extensions::Extensions;

fn options() -> Options {
    Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn serial(text: &str) -> Dataset {
    options().from_str::<Dataset>(text).expect("the serial parser accepts it")
}

#[test]
fn every_shipped_file_parses_the_same_in_pieces_of_one_item() {
    for (name, text) in EMBEDDED {
        for threads in [1, 2, 3] {
            let pieces =
                parse_in_pieces(text, &options(), 1, threads).unwrap_or_else(|| panic!("{name} in pieces"));
            assert_eq!(pieces, serial(text), "{name} on {threads} threads");
        }
    }
}

#[test]
fn the_shipped_file_is_cut_into_many_pieces() {
    let (_, text) = EMBEDDED[0];
    let scan = scan(text, 1, None).expect("scans");
    let rounds = scan.lists.iter().find(|l| l.field == "rounds").expect("a rounds list");
    assert!(rounds.cuts.len() + 1 >= serial(text).rounds.len(), "one piece per round at most");
    let fields: Vec<&str> = scan.lists.iter().map(|l| l.field).collect();
    assert!(fields.contains(&"people") && fields.contains(&"sources"), "{fields:?}");
}

/// Brackets, commas, quotes and comment markers inside strings and comments must not cut.
#[test]
fn strings_and_comments_that_look_like_structure_do_not_cut() {
    let (_, text) = EMBEDDED[0];
    let tricky = text
        .replacen("rounds: [", "rounds: [ // a comment with ], ( and \" in it\n /* nested /* ], */ ) */ ", 1)
        .replacen("title: \"", "title: \"], Round( \\\" // not a comment, ", 1);
    let serial = serial(&tricky);
    assert!(serial.title.starts_with("], Round( \" //"), "{}", serial.title);
    assert_eq!(parse_in_pieces(&tricky, &options(), 1, 2), Some(serial));
}

#[test]
fn raw_strings_are_skipped_whole() {
    let (_, text) = EMBEDDED[0];
    let at = text.find("title: \"").expect("a title") + "title: ".len();
    let end = at + 1 + text[at + 1..].find('"').expect("closed");
    let raw = format!("{}r#\"], \"( [quoted\"#{}", &text[..at], &text[end + 1..]);
    let serial = serial(&raw);
    assert_eq!(serial.title, "], \"( [quoted");
    assert_eq!(parse_in_pieces(&raw, &options(), 1, 2), Some(serial));
}

#[test]
fn a_broken_item_gives_up_so_the_serial_parser_reports_it() {
    let (_, text) = EMBEDDED[0];
    let broken = text.replacen("status: Held", "status: Heldd", 1);
    assert!(options().from_str::<Dataset>(&broken).is_err());
    assert_eq!(parse_in_pieces(&broken, &options(), 1, 2), None);
    let half = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let cut = &text[..half];
    assert!(options().from_str::<Dataset>(cut).is_err());
    assert_eq!(parse_in_pieces(cut, &options(), 1, 2), None);
}

#[test]
fn small_texts_are_left_to_the_serial_parser() {
    let (_, text) = EMBEDDED[0];
    assert!(text.len() < MIN_PARALLEL_BYTES);
    assert_eq!(parse(text, &options()), None);
}

#[test]
fn the_head_has_the_entities_and_the_first_rounds_only() {
    let (_, text) = EMBEDDED[0];
    let full = serial(text);
    assert!(full.rounds.len() > 3);
    let (head, _) = parse_head(text, &options(), 3).expect("the head parses");
    assert_eq!(head.rounds, full.rounds.iter().take(3).cloned().collect());
    assert_eq!((head.title.as_str(), head.curated_on), (full.title.as_str(), full.curated_on));
    assert_eq!(head.venues, full.venues);
    assert_eq!(head.people, full.people);
    assert_eq!(head.parties, full.parties);
    assert_eq!(head.tracks, full.tracks);
    assert_eq!(head.topics, full.topics);
    assert!(head.sources.is_empty() && head.milestones.is_empty(), "left for the whole load");
    assert!(
        parse_head(text, &options(), full.rounds.len() + 1).is_none(),
        "no more rounds than asked: load it all"
    );
    let broken = text.replacen("status: Held", "status: Heldd", 1);
    assert!(parse_head(&broken, &options(), full.rounds.len()).is_none());
}

#[test]
fn a_large_text_is_parsed_in_pieces_and_gives_the_serial_result() {
    let (_, text) = EMBEDDED[0];
    let scan = scan(text, usize::MAX, None).expect("scans");
    let rounds = scan.lists.iter().find(|l| l.field == "rounds").expect("a rounds list");
    let (start, end) = rounds.inner;
    let items = text[start..end].trim_end();
    let items = if items.ends_with(',') { items.to_string() } else { format!("{items},") };
    let copies = (MIN_PARALLEL_BYTES / items.len()) + 1;
    let big = format!("{}{}{}", &text[..start], items.repeat(copies), &text[end..]);
    assert!(big.len() >= MIN_PARALLEL_BYTES);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pieces = parse(&big, &options());
    if cores < 2 {
        assert_eq!(pieces, None, "one core: the serial parser does it");
        return;
    }
    let pieces = pieces.expect("parsed in pieces");
    assert_eq!(pieces.rounds.len(), serial(text).rounds.len() * copies);
    assert_eq!(pieces, serial(&big));
}
