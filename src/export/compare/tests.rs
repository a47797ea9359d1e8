//! The comparison on the query fixture and on the shipped dataset: what is flagged, what is
//! paired, and how it is laid out and written.

use super::*;
use crate::export::compare::render::CompareFormat;

fn fixture() -> Library {
    crate::query::fixture::library()
}

fn at(lib: &Library, id: &str) -> usize {
    lib.round_position(id).unwrap_or_else(|| panic!("no round {id}"))
}

fn shipped() -> Library {
    crate::dataset::open(&[]).expect("the shipped dataset loads").0
}

#[test]
fn facts_are_flagged_when_they_differ() {
    let lib = fixture();
    let c = compare(&lib, at(&lib, "2025-02-27-istanbul"), at(&lib, "2025-04-10-istanbul")).unwrap();
    let fact = |field: &str| c.facts.iter().find(|f| f.field == field).unwrap().clone();
    assert_eq!(
        (fact("date").left, fact("date").right, fact("date").same),
        ("2025-02-27".into(), "2025-04-10".into(), false)
    );
    assert!(fact("venue").same && fact("format").same && fact("status").same && fact("track").same);
    assert_eq!(c.left.title, "Consultations on embassies");
    assert_eq!(c.right.index, at(&lib, "2025-04-10-istanbul"));
}

#[test]
fn people_in_both_in_one_and_with_another_post() {
    let lib = fixture();
    // Riyadh (Lavrov, Ushakov; Rubio) against the March call (Putin; Trump).
    let c = compare(&lib, at(&lib, "2025-02-18-riyadh"), at(&lib, "2025-03-18-call")).unwrap();
    let parties: Vec<&str> = c.delegations.iter().map(|p| p.party.id.as_str()).collect();
    assert_eq!(parties, ["ru", "us"]);
    let russia: Vec<(&str, Change)> =
        c.delegations[0].people.iter().map(|p| (p.person.id.as_str(), p.change)).collect();
    assert_eq!(
        russia,
        [("lavrov", Change::OnlyLeft), ("ushakov", Change::OnlyLeft), ("putin", Change::OnlyRight)]
    );
    // Darchiev led both Istanbul rounds, first as Director, then as Ambassador.
    let c = compare(&lib, at(&lib, "2025-02-27-istanbul"), at(&lib, "2025-04-10-istanbul")).unwrap();
    let darchiev = &c.delegations[0].people[0];
    assert_eq!(darchiev.change, Change::PostChanged);
    assert_eq!(darchiev.left, Some(Seat { role: "Director".into(), head: true }));
    assert_eq!(darchiev.right, Some(Seat { role: "Ambassador".into(), head: true }));
    assert_eq!(c.delegations[1].people[0].change, Change::Same, "Coulter, DAS both times");
}

#[test]
fn a_reworded_post_is_the_same_post() {
    assert!(same_post(
        "First Deputy Head, Foreign Intelligence Service",
        "First Deputy Head of the Foreign Intelligence Service"
    ));
    assert!(same_post("Minister of Foreign Affairs", "minister for foreign affairs."));
    assert!(same_post("Secrétaire d'État", "Secretaire d'Etat"));
    assert!(!same_post("Director", "Ambassador"));
    assert!(!same_post("Deputy Minister of Defence", "Minister of Defence"));
    // Luhovskyi at the first and the third Istanbul rounds, worded both ways in the data.
    let lib = shipped();
    let c = compare(
        &lib,
        at(&lib, "2025-05-16-istanbul-russia-ukraine"),
        at(&lib, "2025-07-23-istanbul-russia-ukraine"),
    )
    .unwrap();
    let row = c.delegations.iter().flat_map(|p| &p.people).find(|p| p.person.id == "luhovskyi").unwrap();
    assert_ne!(row.left.as_ref().map(|s| &s.role), row.right.as_ref().map(|s| &s.role), "worded differently");
    assert_eq!(row.change, Change::Same);
}

#[test]
fn the_agenda_is_paired_by_topic_with_each_outcome() {
    let lib = fixture();
    let c = compare(&lib, at(&lib, "2025-02-18-riyadh"), at(&lib, "2025-03-24-riyadh")).unwrap();
    let topics: Vec<(&str, bool, bool, bool)> = c
        .agenda
        .iter()
        .map(|t| (t.topic.id.as_str(), t.left.is_some(), t.right.is_some(), t.same_outcome))
        .collect();
    // Embassies only on the left; the ceasefire on both, agreed then discussed.
    assert_eq!(topics, [("embassies", true, false, false), ("ceasefire", true, true, false)]);
    let ceasefire = &c.agenda[1];
    assert_eq!(ceasefire.left.as_ref().map(|i| i.outcome.as_str()), Some("agreed"));
    assert_eq!(ceasefire.right.as_ref().map(|i| i.summary.as_str()), Some("Black Sea navigation"));
}

#[test]
fn a_round_compared_with_itself_has_no_difference() {
    let lib = shipped();
    let r = at(&lib, "2026-02-04-abu-dhabi");
    let c = compare(&lib, r, r).unwrap();
    assert!(c.lines().iter().all(|l| !l.differs));
    assert!(c.facts.iter().all(|f| f.same));
    assert!(c.agenda.iter().all(|t| t.same_outcome));
}

#[test]
fn lines_name_the_rounds_people_and_topics_they_are_about() {
    let lib = shipped();
    // The first trilateral round against the second: Ukraine at the table in both, the
    // Abu Dhabi rounds' heads, and the links of each line.
    let (a, b) = (at(&lib, "2026-01-23-abu-dhabi-trilateral"), at(&lib, "2026-02-04-abu-dhabi"));
    let lines = compare(&lib, a, b).unwrap().lines();
    assert_eq!(lines[0].kind, LineKind::Round);
    assert_eq!(lines[0].subject, Some(Subject::Round(a)));
    assert_eq!(lines[1].subject, Some(Subject::Round(b)));
    let sections: Vec<&str> =
        lines.iter().filter(|l| l.kind == LineKind::Section).map(|l| l.label.as_str()).collect();
    assert_eq!(sections[..3], ["Overview", "Delegations", "Agenda"]);
    assert!(lines.iter().any(|l| l.subject == Some(Subject::Person("umerov".into()))));
    assert!(lines.iter().any(|l| matches!(&l.subject, Some(Subject::Topic(_))) && l.kind == LineKind::Group));
    let date = lines.iter().find(|l| l.label == "Date").unwrap();
    assert!(date.differs);
}

#[test]
fn text_markdown_and_json() {
    let lib = fixture();
    let c = compare(&lib, at(&lib, "2025-02-18-riyadh"), at(&lib, "2025-03-24-riyadh")).unwrap();
    let text = render(&lib, &c, CompareFormat::Text { width: 80 }).unwrap();
    assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80), "{text}");
    insta::assert_snapshot!("compare_text_80", text);
    let md = render(&lib, &c, CompareFormat::Markdown).unwrap();
    insta::assert_snapshot!("compare_markdown", md);
    let json: serde_json::Value =
        serde_json::from_str(&render(&lib, &c, CompareFormat::Json).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["comparison"]["left"]["id"], "2025-02-18-riyadh");
    assert_eq!(json["comparison"]["facts"][0]["field"], "date");
    assert_eq!(json["comparison"]["delegations"][0]["people"][0]["change"], "only_left");
    assert_eq!(json["comparison"]["agenda"][1]["right"]["outcome"], "discussed");
    assert!(json["comparison"]["left"].get("index").is_none(), "positions stay internal");
}

#[test]
fn schema_md_documents_every_key_of_the_comparison() {
    let lib = shipped();
    let c =
        compare(&lib, at(&lib, "2026-01-23-abu-dhabi-trilateral"), at(&lib, "2026-02-04-abu-dhabi")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&render(&lib, &c, CompareFormat::Json).unwrap()).unwrap();
    let schema = include_str!("../SCHEMA.md");
    let section = &schema[schema.find("## Comparison").expect("a Comparison section")..];
    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&json["comparison"], &mut all);
    for key in all {
        assert!(
            section.contains(&format!("`{key}`")) || section.contains(&format!("\"{key}\"")),
            "SCHEMA.md lacks `{key}`"
        );
    }
}
