//! `helder check`: load and check the model; write nothing.

use std::path::Path;

use super::{Report, load_and_check};

pub fn run(root: &Path) -> Result<Report, Report> {
    let (model, _sources, warnings) = load_and_check(root)?;
    Ok(Report {
        diagnostics: warnings,
        summary: format!("checked {} schools: no errors", model.schools.len()),
    })
}
