//! `helder check`: load and check the model; write nothing.

use std::path::Path;

use super::{Report, Strictness, errors_first, load_and_check};
use crate::history;
use crate::text;

pub fn run(root: &Path, strictness: Strictness) -> Result<Report, Report> {
    let (model, sources, mut warnings) = load_and_check(root, strictness)?;
    // The dates git holds are checked too; the history's own warning (no
    // repository, a shallow clone) is for `build`, where dates are left out.
    let history = history::read(root, &sources, model.site.authors, "");
    warnings.extend(history.diagnostics());
    let warnings = match errors_first(warnings, strictness) {
        Ok(warnings) => warnings,
        Err(report) => return Err(report.with_sources(sources)),
    };
    let n = model.schools.len();
    let w = warnings.len();
    let (schools_nl, schools_en) = if n == 1 {
        ("school", "school")
    } else {
        ("scholen", "schools")
    };
    let summary = match w {
        0 => text!(
            "{n} {schools_nl} gecontroleerd: geen fouten",
            "checked {n} {schools_en}: no errors"
        ),
        1 => text!(
            "{n} {schools_nl} gecontroleerd: geen fouten, 1 waarschuwing",
            "checked {n} {schools_en}: no errors, 1 warning"
        ),
        w => text!(
            "{n} {schools_nl} gecontroleerd: geen fouten, {w} waarschuwingen",
            "checked {n} {schools_en}: no errors, {w} warnings"
        ),
    };
    Ok(Report {
        diagnostics: warnings,
        summary: Some(summary),
        sources,
    })
}
