//! `helder check`: load and check the model; write nothing.

use std::path::Path;

use super::{Report, Strictness, load_and_check};
use crate::text;

pub fn run(root: &Path, strictness: Strictness) -> Result<Report, Report> {
    let (model, sources, warnings) = load_and_check(root, strictness)?;
    let n = model.schools.len();
    Ok(Report {
        diagnostics: warnings,
        summary: Some(text!(
            "{n} scholen gecontroleerd: geen fouten",
            "checked {n} schools: no errors"
        )),
        sources,
    })
}
