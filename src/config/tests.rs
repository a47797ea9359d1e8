use super::*;

fn parsed(text: &str) -> Result<Config, Error> {
    parse(SourceText { name: "config.ron".into(), text: text.into() }, Some(Path::new("/etc/talks")))
}

fn message(result: Result<Config, Error>) -> String {
    match result {
        Err(Error::Config(m)) => m,
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn the_default_file_loads_back_as_the_defaults() {
    let c = parsed(DEFAULT).expect("the default file loads");
    assert_eq!(c.data, Vec::<PathBuf>::new());
    assert_eq!(c.sort, Some(Sort::Date));
    assert_eq!(c.color, Some(true));
    assert!(c.keys.is_empty());
    assert_eq!(c.theme.len(), 12);
    assert_eq!(c.theme[0].name, "title");
    assert_eq!(
        c.theme[0].at.as_ref().map(|l| l.line),
        Some(
            DEFAULT.lines().position(|l| l.trim_start().starts_with("\"title\"")).map(|n| n + 1).unwrap_or(0)
        )
    );
}

#[test]
fn an_empty_config_is_all_defaults_and_paths_are_taken_from_its_directory() {
    let c = parsed("Config()").expect("loads");
    assert_eq!((c.sort, c.color), (None, None));
    let c = parsed("Config(data: [\"mine.ron\", \"/abs.ron\"], sort: \"-date\")").expect("loads");
    assert_eq!(c.data, [PathBuf::from("/etc/talks/mine.ron"), PathBuf::from("/abs.ron")]);
    assert_eq!(c.sort, Some(Sort::DateDesc));
}

#[test]
fn keys_are_kept_in_order_with_their_places_even_when_repeated() {
    let text = "Config(\n  keys: {\n    \"Browse\": {\n      \"J\": \"Bottom\",\n      \"J\": \"Top\",\n    },\n  },\n)";
    let c = parsed(text).expect("loads");
    let (context, keys) = &c.keys[0];
    assert_eq!(context.name, "Browse");
    assert_eq!(context.at.as_ref().map(|l| (l.line, l.column)), Some((3, 5)));
    let found: Vec<_> =
        keys.iter().map(|k| (k.name.as_str(), k.value.as_str(), k.at.as_ref().map(|l| l.line))).collect();
    assert_eq!(found, [("J", "Bottom", Some(4)), ("J", "Top", Some(5))]);
}

#[test]
fn mistakes_are_reported_with_file_line_and_column() {
    let m = message(parsed("Config(\n  sort: \"newest\",\n)"));
    assert!(m.starts_with("config.ron:2:9: error: `sort`: unknown order `newest`"), "{m}");
    let m = message(parsed("Config(\n  colour: false,\n)"));
    assert!(m.starts_with("config.ron:2:3: error:"), "{m}");
    assert!(m.contains("colour"), "{m}");
}
