//! The commands: each is a short list of stage calls.

pub mod build;
pub mod check;

use crate::diagnostic::{self, Diagnostic};

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

/// Splits errors from warnings: `Err` when any error is among them.
pub fn errors_first(mut diagnostics: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Report> {
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Report::failed(diagnostics));
    }
    diagnostic::sort(&mut diagnostics);
    Ok(diagnostics)
}
