//! `helder schema` writes JSON Schemas for editors; the example site ships
//! them, and they must say what helder itself accepts.

use crate::common::*;

#[test]
fn the_shipped_schemas_are_the_ones_helder_writes() {
    let site = Site::empty();
    let run = site.helder(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in [
        "content.schema.json",
        "schools.schema.json",
        "register.schema.json",
    ] {
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
        schools.contains("wordt het webadres van de pagina's van de school"),
        "a key's description says what it means, in Dutch"
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

/// The keys of a schema without a description, by their path.
fn undescribed(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    let Some(object) = value.as_object() else {
        return;
    };
    if let Some(properties) = object.get("properties").and_then(|p| p.as_object()) {
        for (key, property) in properties {
            let description = property.get("description").and_then(|d| d.as_str());
            if description.is_none_or(str::is_empty) {
                out.push(format!("{path}.{key}"));
            }
        }
    }
    for (key, child) in object {
        undescribed(child, &format!("{path}/{key}"), out);
    }
}

/// Every key of every schema has a description for the editor to show.
#[test]
fn every_key_has_a_description() {
    let site = Site::empty();
    site.helder(&["schema"]);
    for name in [
        "content.schema.json",
        "schools.schema.json",
        "register.schema.json",
    ] {
        let text = site.read(&format!("schema/{name}"));
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut missing = Vec::new();
        undescribed(&schema, name, &mut missing);
        assert!(
            missing.is_empty(),
            "keys without a description: {missing:?}"
        );
    }
}

/// The check above finds a key without a description, also a nested one.
#[test]
fn a_key_without_a_description_is_found() {
    let schema = serde_json::json!({
        "properties": {"naam": {"type": "string", "description": "De naam."}},
        "$defs": {"School": {"properties": {"plaats": {"type": "string"}}}}
    });
    let mut missing = Vec::new();
    undescribed(&schema, "s", &mut missing);
    assert_eq!(missing, ["s/$defs/School.plaats"]);
}
