//! The commands: each is a short list of stage calls, and ends in a
//! [`Report`] of what to tell the user.

pub mod build;
pub mod check;
pub mod diff;
pub mod init;
pub mod register;
pub mod schema;
pub mod serve;

use std::path::Path;

use crate::check::readability::Figures;
use crate::diagnostic::{self, Diagnostic, Lang, Severity, Sources, Text};
use crate::emit::{self, Options};
use crate::load;
use crate::model::Model;
use crate::text;

/// What a command tells the user on stderr: diagnostics, sorted, and a last line.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Option<Text>,
    /// The files read, so that a message can show its line.
    pub sources: Sources,
    /// What the command answers, for standard output (`helder diff`'s
    /// list); the report then goes to stderr in every format.
    pub output: Option<Box<String>>,
}

impl Report {
    /// The report of a command that found errors and wrote nothing.
    pub fn failed(mut diagnostics: Vec<Diagnostic>) -> Report {
        diagnostic::sort(&mut diagnostics);
        let n = diagnostics.iter().filter(|d| d.is_error()).count();
        let summary = match n {
            1 => text!(
                "1 fout gevonden; er is niets geschreven",
                "found 1 error; nothing was written"
            ),
            n => text!(
                "{n} fouten gevonden; er is niets geschreven",
                "found {n} errors; nothing was written"
            ),
        };
        Report {
            diagnostics,
            summary: Some(summary),
            ..Report::default()
        }
    }

    /// Where the errors lie, for `main`'s exit code: in the input, unless
    /// every error was a refusal or lies on this machine (see
    /// [`diagnostic::Cause`]).
    pub fn cause(&self) -> diagnostic::Cause {
        let mut causes = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.cause);
        let first = causes.next().unwrap_or_default();
        if causes.all(|cause| cause == first) {
            first
        } else {
            diagnostic::Cause::Input
        }
    }

    pub fn with_sources(mut self, sources: Sources) -> Report {
        self.sources = sources;
        self
    }

    /// The report as the user asked to see it.
    pub fn render(&self, options: &Options) -> String {
        self.render_with(None, options)
    }

    /// The report with the readability figures of `helder check` before
    /// its last line (in the JSON document: under `readability`).
    pub fn render_with(&self, readability: Option<&Figures>, options: &Options) -> String {
        let summary = self.summary.as_ref().map_or("", |s| s.get(options.lang));
        emit::emit(
            &self.diagnostics,
            &self.sources,
            readability,
            summary,
            options,
        )
    }
}

/// What every command that reads the site is asked.
#[derive(Debug, Clone, Copy)]
pub struct Strictness {
    /// Warnings count as errors: nothing is written while there are any.
    pub deny_warnings: bool,
    /// The largest YAML file that is read ([`load::MAX_FILE_BYTES`] unless
    /// `--max-file-size` says otherwise).
    pub max_file_bytes: u64,
}

/// Loads and checks the site: the model, its files and its warnings, or
/// every error. References are checked even when another file has a syntax
/// error, as far as the files that could be read allow.
pub fn load_and_check(
    root: &Path,
    strictness: Strictness,
) -> Result<(Model, Sources, Vec<Diagnostic>), Report> {
    let loaded = load::load(root, strictness.max_file_bytes);
    let mut diagnostics = checked(&loaded);
    // The dates git holds; the history's own warning (no repository, a
    // shallow clone) is for `build`, which leaves the dates out.
    diagnostics.extend(crate::history::mistakes(root));
    match errors_first(diagnostics, strictness) {
        Ok(warnings) => Ok((loaded.model, loaded.sources, warnings)),
        Err(report) => Err(report.with_sources(loaded.sources)),
    }
}

/// What loading a site found, and then the rules, as far as the files that
/// could be read allow.
pub fn checked(loaded: &load::Loaded) -> Vec<Diagnostic> {
    let mut diagnostics = loaded.errors.clone();
    if loaded.content_complete {
        diagnostics.extend(crate::check::check(
            &loaded.model,
            &loaded.sources,
            loaded.schools_complete,
        ));
    }
    diagnostics
}

/// Splits errors from warnings: `Err` when any error is among them, or any
/// warning when warnings are denied.
pub fn errors_first(
    mut diagnostics: Vec<Diagnostic>,
    strictness: Strictness,
) -> Result<Vec<Diagnostic>, Report> {
    if strictness.deny_warnings {
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Report::failed(diagnostics));
    }
    diagnostic::sort(&mut diagnostics);
    Ok(diagnostics)
}

/// `helder check --explain`: one rule, or the list of every rule.
pub fn explain(code: Option<&str>, lang: Lang) -> Result<String, Report> {
    use crate::check::rules;
    let Some(code) = code else {
        let lines: Vec<String> = rules::ALL
            .iter()
            .map(|r| format!("{} {:<34} {}", r.code, r.name, r.summary(lang).get(lang)))
            .collect();
        return Ok(lines.join("\n") + "\n");
    };
    let code = code.to_ascii_uppercase();
    match rules::find(&code) {
        Some(rule) => Ok(rule.explanation(lang)),
        None => {
            let hint = match diagnostic::did_you_mean(&code, rules::ALL.iter().map(|r| r.code)) {
                Some(best) => text!("bedoelt u `{best}`?", "did you mean `{best}`?"),
                None => text!(
                    "`helder check --explain` zonder code geeft de lijst van regels",
                    "`helder check --explain` without a code lists the rules"
                ),
            };
            let unknown = Diagnostic::error(
                "",
                None,
                text!("er is geen regel `{code}`", "there is no rule `{code}`"),
            )
            .with_hint(hint);
            Err(Report {
                diagnostics: vec![unknown],
                ..Report::default()
            })
        }
    }
}
