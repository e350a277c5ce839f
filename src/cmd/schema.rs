//! `helder schema`: writes JSON Schemas of the site's YAML files, so that an
//! editor (VS Code with the YAML extension, for one) completes keys, shows
//! what each key means and marks a typo while you type.
//!
//! The schemas come from the model's own types and doc comments, so they say
//! exactly what `load` accepts. A YAML file uses one with a first line such as
//! `# yaml-language-server: $schema=../schema/content.schema.json`.

use std::path::Path;

use schemars::{JsonSchema, schema_for};

use super::Report;
use crate::diagnostic::Diagnostic;
use crate::layout::SCHEMA_DIR;
use crate::model::{Fragment, SchoolsFile};
use crate::register::Register;
use crate::text;

/// The schemas as (file name, JSON text).
pub fn schemas() -> [(&'static str, String); 3] {
    [
        (
            "content.schema.json",
            json::<Fragment>("A YAML file in content/ of a helder site"),
        ),
        (
            "schools.schema.json",
            json::<SchoolsFile>("schools.yaml of a helder site"),
        ),
        (
            "register.schema.json",
            json::<Register>(
                "The record of processing activities (GDPR art. 30) that `helder register` writes",
            ),
        ),
    ]
}

fn json<T: JsonSchema>(title: &str) -> String {
    let mut schema = schema_for!(T);
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

pub fn run(root: &Path) -> Result<Report, Report> {
    let dir = root.join(SCHEMA_DIR);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        schemas()
            .iter()
            .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
    });
    written.map_err(|e| {
        Report::failed(vec![
            Diagnostic::error(
                SCHEMA_DIR,
                None,
                text!(
                    "de schema's zijn niet te schrijven: {e}",
                    "cannot write the schemas: {e}"
                ),
            )
            .with_hint(text!(
                "controleer of helder in de map van de site mag schrijven",
                "check that the site's folder is writable"
            )),
        ])
    })?;
    Ok(Report {
        summary: Some(text!(
            "{SCHEMA_DIR}/content.schema.json en {SCHEMA_DIR}/schools.schema.json geschreven; begin een YAML-bestand met `# yaml-language-server: $schema=<pad naar het schema>` om ze te gebruiken (en {SCHEMA_DIR}/register.schema.json, voor wat `helder register` schrijft)",
            "wrote {SCHEMA_DIR}/content.schema.json and {SCHEMA_DIR}/schools.schema.json; start a YAML file with `# yaml-language-server: $schema=<path to the schema>` to use them (and {SCHEMA_DIR}/register.schema.json, for what `helder register` writes)"
        )),
        ..Report::default()
    })
}
