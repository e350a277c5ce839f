//! Check: every rule of the registry over the model, at once (the rules
//! side by side, in parallel), before anything is rendered.
//!
//! The rules are in [`rules`], one file each, with a stable code, the
//! element of the law it checks, a level, its explanation and its tests.
//! A site may set a rule to `allow`, `warn` or `deny` under `site: rules:`,
//! except that an error the law requires cannot be lowered.

pub mod contact;
mod context;
pub mod prose;
pub mod readability;
pub mod rules;

pub use context::{Cx, Ids, Index, Out};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity, Sources, did_you_mean};
use crate::model::{Model, RuleLevel};
use crate::text;
use rules::Level;

/// The code of a mistake in `site: rules:` itself.
pub const RULE_SETTING: &str = "HL009";

/// Checks the model with every rule; returns errors and warnings,
/// unsorted. Without `schools_complete` (schools.yaml could not be read)
/// the rules that need the schools are left out rather than reported wrongly.
pub fn check(model: &Model, sources: &Sources, schools_complete: bool) -> Vec<Diagnostic> {
    run(model, sources, schools_complete, false)
}

/// Only the errors of [`check`]: the rules that stop a build, as when the
/// versions of the past are read to know which ones were published (a
/// warning never kept a version from being published).
pub fn errors(model: &Model, sources: &Sources, schools_complete: bool) -> Vec<Diagnostic> {
    run(model, sources, schools_complete, true)
}

fn run(
    model: &Model,
    sources: &Sources,
    schools_complete: bool,
    errors_only: bool,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let levels = levels(model, sources, &mut diagnostics);
    let cx = Cx::new(model, sources, schools_complete);
    // The rules are independent, and a few read every word of the prose:
    // they run side by side, and report in the order of the registry.
    let found: Vec<Vec<Diagnostic>> = rules::ALL
        .par_iter()
        .filter_map(|rule| {
            let check = rule.check?;
            let severity = match levels.iter().find(|(code, _)| *code == rule.code) {
                Some((_, level)) => *level,
                None => rule.level,
            };
            let severity = match severity {
                Level::Allow => return None,
                Level::Warn if errors_only => return None,
                Level::Warn => Severity::Warning,
                Level::Deny => Severity::Error,
            };
            let mut out = Out::new(sources, rule.code, severity);
            check(&cx, &mut out);
            Some(out.into_diagnostics())
        })
        .collect();
    diagnostics.extend(found.into_iter().flatten());
    diagnostics
}

/// The levels the site sets under `site: rules:`, after refusing codes that
/// do not exist and lowering a rule that the law requires.
fn levels(
    model: &Model,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(&'static str, Level)> {
    let mut levels = Vec::new();
    for (code, level) in &model.site.rules {
        let rules = model.site.origin.child("rules");
        let file = sources.path(&rules);
        let pos = prose::position(sources, &rules, code);
        let error = |message| Diagnostic::error(file.clone(), pos, message).with_code(RULE_SETTING);
        let Some(rule) = rules::find(code) else {
            let codes = rules::ALL.iter().map(|r| r.code);
            let hint = match did_you_mean(code, codes) {
                Some(best) => text!("bedoelt u `{best}`?", "did you mean `{best}`?"),
                None => text!(
                    "`helder check --explain` zonder code geeft de lijst van regels",
                    "`helder check --explain` without a code lists the rules"
                ),
            };
            let message = text!("er is geen regel `{code}`", "there is no rule `{code}`");
            diagnostics.push(error(message).with_hint(hint));
            continue;
        };
        let level = match level {
            RuleLevel::Allow => Level::Allow,
            RuleLevel::Warn => Level::Warn,
            RuleLevel::Deny => Level::Deny,
        };
        if let Some(law) = rule.required_by
            && level != Level::Deny
        {
            let name = rule.name;
            diagnostics.push(
                error(text!(
                    "regel {code} ({name}) is een eis van de wet ({law}) en kan niet lager worden gezet",
                    "rule {code} ({name}) is required by law ({law}) and cannot be lowered"
                ))
                .with_hint(text!(
                    "haal `{code}` weg uit `rules:` en los de melding zelf op",
                    "remove `{code}` from `rules:` and fix what the rule reports"
                )),
            );
            continue;
        }
        levels.push((rule.code, level));
    }
    levels
}
