//! `helder register`: the record of processing activities (GDPR art. 30)
//! that a board's FG keeps, read back as a spreadsheet and another tool
//! would read it: the CSV by a CSV reader, the JSON against the schema the
//! project ships.

use crate::common::*;

/// The activities of the example as another YAML parser reads them: (id,
/// per_school).
fn activities(site: &Site) -> Vec<(String, bool)> {
    let file: serde_yaml::Value = site.yaml("content/activities.yaml");
    file["activities"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| {
            let id = a["id"].as_str().unwrap().to_string();
            (id, a["per_school"].as_bool().unwrap_or(false))
        })
        .collect()
}

#[test]
fn the_register_has_a_full_row_per_activity_and_json_that_meets_its_schema() {
    let site = Site::example();
    let run = site.helder(&["register"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = activities(&site);

    let mut csv = csv::Reader::from_path(site.path("register/verwerkingsregister.csv")).unwrap();
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), expected.len(), "one row per activity");
    // Every column of GDPR art. 30(1) filled in on every row.
    for row in &rows {
        for (name, cell) in header.iter().zip(row.iter()) {
            assert!(!cell.trim().is_empty(), "{}: no {name}", &row[0]);
        }
    }
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (controller, dpo) = (
        column("Verwerkingsverantwoordelijke"),
        column("Functionaris gegevensbescherming"),
    );
    assert!(
        rows[0][controller].starts_with("Scholengroep OPRON, "),
        "{:?}",
        &rows[0]
    );
    assert_eq!(&rows[0][dpo], "fg@opron.nl");
    assert!(rows.iter().any(|r| r[column("Bewaartermijn")] == *"5 jaar"));

    let json: serde_json::Value =
        serde_json::from_str(&site.read("register/verwerkingsregister.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example_root().join("schema/register.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let entries = json["processingActivities"].as_array().unwrap();
    let schools: serde_yaml::Value = site.yaml("schools.yaml");
    let all = schools["schools"].as_sequence().unwrap().len();
    for ((id, per_school), entry) in expected.iter().zip(entries) {
        assert_eq!(entry["id"], id.as_str());
        assert!(
            entry["hasLegalBasis"].as_str().unwrap().starts_with("dpv:"),
            "{id}"
        );
        let doing = entry["schools"].as_array().unwrap().len();
        if *per_school {
            assert!(
                doing < all,
                "{id}: a practice of some schools, listed for all"
            );
        } else {
            assert_eq!(doing, all, "{id}");
        }
    }
}

/// The schema is not a formality: a register without its controller fails.
#[test]
fn the_schema_refuses_a_register_without_its_controller() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example_root().join("schema/register.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let broken = serde_json::json!({ "processingActivities": [] });
    assert!(!validator.is_valid(&broken));
}
