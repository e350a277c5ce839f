//! The registry of rules: every mistake `helder check` can report, one file
//! each, as ruff and clippy keep theirs.
//!
//! A rule has a stable code, a name, the element of the law it checks (C1–C14
//! of `PRIVACY-LAW.md`, or a rule of form), its level, whether the law
//! requires it (then a site cannot lower it), an explanation for
//! `helder check --explain CODE` and, for rules over the model, the function
//! that checks it. The mistakes found while reading (HL001–HL008) are listed
//! here too, without a function, so that every code has its explanation.
//!
//! Adding a rule: a file here with its `RULE` and its tests, and one line in
//! [`ALL`]; then a case under `tests/testsuite/mistakes/` (a test fails
//! until it has one) and `BLESS=1 cargo test` for the README's list.

mod reading;

mod choice_for_every_school;
mod duplicate_id;
mod no_schools;
mod placeholder;
mod plain_id;
mod school_id;
mod unknown_reference;
mod unknown_website;

mod controller_channels;
mod dpo_elsewhere;
mod email_address;
mod phone_number;
mod postcode;
mod web_address;

mod automated_decisions;
mod basis_without_law;
mod bsn_without_law;
mod complaint_authority;
mod consent_for_required_data;
mod consent_without_withdrawal;
mod legitimate_interest_in_public_task;
mod legitimate_interest_unnamed;
mod missing_right;
mod one_retention_for_all;
mod required_not_stated;
mod retention_vague;
mod retention_without_source;
mod source_not_named;
mod special_category_without_ground;
mod transfer_only_in_prose;
mod transfer_without_safeguard;

mod adoption_in_text;
mod answer_term;
mod change_clause;
mod empty_heading;
mod hard_to_read;
mod hedging;
mod old_law;
mod text_changed_by_yaml;
mod unsafe_link;
mod vague_recipients;

pub use placeholder::is_placeholder;

#[cfg(test)]
pub mod test;

use super::{Cx, Out};
use crate::diagnostic::{Lang, Text};

/// How much a rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// A rule's explanation, in both languages (Markdown).
pub struct Doc {
    pub nl: &'static str,
    pub en: &'static str,
}

pub struct Rule {
    /// `HL011`: stable, never reused.
    pub code: &'static str,
    /// `unknown-reference`
    pub name: &'static str,
    /// The element of the law it checks (`C9`), or `model` or `form`.
    pub element: &'static str,
    /// The level it has unless the site sets another.
    pub level: Level,
    /// The article that requires it; a site cannot lower such a rule.
    pub required_by: Option<&'static str>,
    /// What it checks, why, and how to fix what it reports.
    pub doc: Doc,
    /// None for the mistakes found while reading the files.
    pub check: Option<fn(&Cx, &mut Out)>,
}

/// Every rule, in the order of their codes.
pub const ALL: &[Rule] = &[
    reading::SYNTAX,
    reading::UNKNOWN_KEY,
    reading::MISSING_KEY,
    reading::WRONG_KIND,
    reading::UNKNOWN_VALUE,
    reading::UNREADABLE,
    reading::SECTION_TWICE,
    reading::MISSING_SECTION,
    reading::RULE_SETTING,
    duplicate_id::RULE,
    unknown_reference::RULE,
    school_id::RULE,
    choice_for_every_school::RULE,
    unknown_website::RULE,
    no_schools::RULE,
    plain_id::RULE,
    placeholder::RULE,
    controller_channels::RULE,
    email_address::RULE,
    web_address::RULE,
    postcode::RULE,
    phone_number::RULE,
    dpo_elsewhere::RULE,
    special_category_without_ground::RULE,
    basis_without_law::RULE,
    legitimate_interest_unnamed::RULE,
    transfer_without_safeguard::RULE,
    retention_vague::RULE,
    retention_without_source::RULE,
    missing_right::RULE,
    consent_without_withdrawal::RULE,
    complaint_authority::RULE,
    required_not_stated::RULE,
    automated_decisions::RULE,
    one_retention_for_all::RULE,
    bsn_without_law::RULE,
    source_not_named::RULE,
    transfer_only_in_prose::RULE,
    legitimate_interest_in_public_task::RULE,
    consent_for_required_data::RULE,
    answer_term::RULE,
    old_law::RULE,
    change_clause::RULE,
    hedging::RULE,
    empty_heading::RULE,
    vague_recipients::RULE,
    unsafe_link::RULE,
    hard_to_read::RULE,
    adoption_in_text::RULE,
    text_changed_by_yaml::RULE,
    reading::WRONG_DATE,
];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|rule| rule.code == code)
}

impl Rule {
    /// What `helder check --explain CODE` prints.
    pub fn explanation(&self, lang: Lang) -> String {
        let (level, doc, required) = match lang {
            Lang::Nl => (
                match self.level {
                    Level::Deny => "fout",
                    Level::Warn => "waarschuwing",
                    Level::Allow => "uit",
                },
                self.doc.nl,
                "vereist door",
            ),
            Lang::En => (
                match self.level {
                    Level::Deny => "error",
                    Level::Warn => "warning",
                    Level::Allow => "off",
                },
                self.doc.en,
                "required by",
            ),
        };
        let law = self
            .required_by
            .map(|law| format!(" · {required} {law}"))
            .unwrap_or_default();
        format!(
            "{} {} ({}, {level}{law})\n\n{}\n",
            self.code,
            self.name,
            self.element,
            doc.trim()
        )
    }

    /// The first sentence of the explanation: a line of the list of rules.
    pub fn summary(&self, lang: Lang) -> Text {
        let first = |doc: &str| {
            doc.trim()
                .split_once(". ")
                .map_or(doc.trim(), |(s, _)| s)
                .trim_end_matches('.')
                .to_string()
        };
        let _ = lang;
        Text {
            nl: first(self.doc.nl),
            en: first(self.doc.en),
        }
    }
}

/// The list of rules as a Markdown table in Dutch, for the README.
pub fn markdown_table() -> String {
    let mut table = String::from(
        "| code | naam | onderdeel | niveau | wat |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in ALL {
        let level = match (rule.level, rule.required_by) {
            (Level::Deny, Some(_)) => "fout (wet)",
            (Level::Deny, None) => "fout",
            (Level::Warn, _) => "waarschuwing",
            (Level::Allow, _) => "uit",
        };
        let what = rule.summary(Lang::Nl).nl;
        table += &format!(
            "| {} | {} | {} | {level} | {what} |\n",
            rule.code, rule.name, rule.element
        );
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_in_order() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for rule in ALL {
            assert!(
                rule.code.starts_with("HL") && rule.code.len() == 5,
                "{}",
                rule.code
            );
            assert!(
                !rule.doc.nl.trim().is_empty() && !rule.doc.en.trim().is_empty(),
                "{}",
                rule.code
            );
            assert!(
                rule.required_by.is_none() || rule.level == Level::Deny,
                "{}",
                rule.code
            );
        }
    }

    /// The codes the reading stage gives its diagnostics are registered.
    #[test]
    fn the_codes_of_reading_are_registered() {
        use crate::load::explain;
        for code in [
            explain::SYNTAX,
            explain::UNKNOWN_KEY,
            explain::MISSING_KEY,
            explain::WRONG_KIND,
            explain::UNKNOWN_VALUE,
            explain::UNREADABLE,
            crate::load::merge::SECTION_TWICE,
            crate::load::merge::MISSING_SECTION,
            crate::check::RULE_SETTING,
            crate::history::WRONG_DATE,
        ] {
            let rule = find(code).unwrap_or_else(|| panic!("{code} is not registered"));
            assert!(rule.check.is_none(), "{code}");
        }
    }

    /// The README's list of rules is this registry's, so it cannot drift.
    #[test]
    fn the_readme_lists_every_rule() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let start = readme
            .find("<!-- rules:start")
            .expect("a rules:start marker");
        let start = start + readme[start..].find("-->\n").unwrap() + 4;
        let end = readme
            .find("<!-- rules:end -->")
            .expect("a rules:end marker");
        let table = markdown_table();
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(
                &path,
                format!("{}{table}{}", &readme[..start], &readme[end..]),
            )
            .unwrap();
            return;
        }
        assert_eq!(
            readme[start..end],
            table,
            "the README's list of rules is out of date: run BLESS=1 cargo test"
        );
    }

    #[test]
    fn an_explanation_names_the_code_the_element_and_the_law() {
        let rule = find("HL117").unwrap();
        let text = rule.explanation(Lang::Nl);
        assert!(
            text.starts_with("HL117 missing-right (C9, fout · vereist door GDPR art. 13(2)(b))"),
            "{text}"
        );
        assert!(
            rule.explanation(Lang::En)
                .contains("required by GDPR art. 13(2)(b)")
        );
    }
}
