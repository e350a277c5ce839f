//! `helder check`: load and check the model, and say how easy each kind of
//! page is to read; write nothing.

use std::path::Path;

use super::{Report, Strictness, load_and_check};
use crate::check::readability::Figures;
use crate::text;

/// The report, and how easy each kind of page is to read.
pub fn run(root: &Path, strictness: Strictness) -> Result<(Report, Figures), Report> {
    let (model, sources, warnings) = load_and_check(root, strictness)?;
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
    let report = Report {
        diagnostics: warnings,
        summary: Some(summary),
        sources,
        output: None,
    };
    Ok((report, Figures::of(&model)))
}
