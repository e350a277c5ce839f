//! The commands: each is a short list of stage calls.

pub mod build;
pub mod check;
pub mod schema;

use std::path::Path;

use crate::diagnostic::{self, Diagnostic, Sources};
use crate::load;
use crate::model::Model;

/// What a command tells the user on stderr: diagnostics, sorted, and a last line.
#[derive(Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: String,
}

impl Report {
    pub fn failed(mut diagnostics: Vec<Diagnostic>) -> Report {
        diagnostic::sort(&mut diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let noun = if errors == 1 { "error" } else { "errors" };
        Report {
            diagnostics,
            summary: format!("found {errors} {noun}; nothing was written"),
        }
    }

    pub fn print(&self, colour: bool) {
        for d in &self.diagnostics {
            eprintln!("{}", d.render(colour));
        }
        if !self.summary.is_empty() {
            eprintln!("{}", self.summary);
        }
    }
}

/// Loads and checks the site: the model and its warnings, or every error.
/// References are checked even when another file has a syntax error, as far
/// as the files that could be read allow.
pub fn load_and_check(root: &Path) -> Result<(Model, Sources, Vec<Diagnostic>), Report> {
    let loaded = load::load(root);
    let mut diagnostics = loaded.errors;
    if loaded.content_complete {
        diagnostics.extend(crate::check::check(
            &loaded.model,
            &loaded.sources,
            loaded.schools_complete,
        ));
    }
    let warnings = errors_first(diagnostics)?;
    Ok((loaded.model, loaded.sources, warnings))
}

/// Splits errors from warnings: `Err` when any error is among them.
pub fn errors_first(mut diagnostics: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Report> {
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Report::failed(diagnostics));
    }
    diagnostic::sort(&mut diagnostics);
    Ok(diagnostics)
}
