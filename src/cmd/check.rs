//! `helder check`: load and check the model; write nothing.

use std::path::Path;

use super::{Report, errors_first};
use crate::{check, load};

pub fn run(root: &Path) -> Result<Report, Report> {
    let (model, sources) = load::load(root).map_err(Report::failed)?;
    let warnings = errors_first(check::check(&model, &sources))?;
    Ok(Report {
        diagnostics: warnings,
        summary: format!("checked {} schools: no errors", model.schools.len()),
    })
}
