//! `helder schema` writes JSON Schemas for editors; the example site ships
//! them, and they must say what helder itself accepts.

use crate::common::*;

#[test]
fn the_shipped_schemas_are_the_ones_helder_writes() {
    let site = Site::empty();
    let run = site.helder(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["content.schema.json", "schools.schema.json"] {
        let shipped = std::fs::read_to_string(example_root().join("schema").join(name)).unwrap();
        assert_eq!(
            site.read(&format!("schema/{name}")),
            shipped,
            "schema/{name} is out of date: run `cargo run -- schema` and commit it"
        );
    }
}

#[test]
fn the_schemas_reject_unknown_keys_and_explain_the_known_ones() {
    let site = Site::empty();
    site.helder(&["schema"]);
    let schools = site.read("schema/schools.schema.json");
    assert!(
        schools.contains("\"additionalProperties\": false"),
        "a typo is marked"
    );
    assert!(
        schools.contains("becomes the page's folder"),
        "the doc comment of a key is its description"
    );
    let content = site.read("schema/content.schema.json");
    for section in [
        "organisation",
        "activities",
        "processors",
        "cookies",
        "regulation",
    ] {
        assert!(
            content.contains(&format!("\"{section}\"")),
            "{section} is described"
        );
    }
}

#[test]
fn every_example_file_names_its_schema() {
    let mut files = vec![example_root().join("schools.yaml")];
    for entry in std::fs::read_dir(example_root().join("content")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "yaml"))
    {
        let first = std::fs::read_to_string(file).unwrap();
        let first = first.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("# yaml-language-server: $schema=")
                && first.ends_with(".schema.json"),
            "{} starts with `{first}`",
            file.display()
        );
        let schema = file
            .parent()
            .unwrap()
            .join(first.rsplit('=').next().unwrap());
        assert!(
            schema.is_file(),
            "{} names {} which does not exist",
            file.display(),
            schema.display()
        );
    }
}
