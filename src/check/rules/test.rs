//! Running one rule over a model written inline, for the rules' own tests.

use super::Rule;
use crate::check::{Cx, Out};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load;

/// What `rule` reports on a site of these files (`(path, YAML)`); the
/// files must read without mistakes.
pub fn run(rule: &Rule, files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let loaded = load::load_texts(files);
    let unexpected: Vec<&str> = loaded
        .errors
        .iter()
        .filter(|d| d.code != Some("HL008"))
        .map(|d| d.message.en.as_str())
        .collect();
    assert!(
        unexpected.is_empty(),
        "the test's files do not read: {unexpected:?}"
    );
    let cx = Cx::new(&loaded.model, &loaded.sources, true);
    let mut out = Out::new(&loaded.sources, rule.code, Severity::Error);
    (rule.check.expect("a rule with a check"))(&cx, &mut out);
    out.into_diagnostics()
}

/// The English messages of what `rule` reports, with their line numbers.
pub fn messages(rule: &Rule, files: &[(&str, &str)]) -> Vec<(usize, String)> {
    run(rule, files)
        .into_iter()
        .map(|d| (d.pos.map_or(0, |p| p.line), d.message.en))
        .collect()
}
