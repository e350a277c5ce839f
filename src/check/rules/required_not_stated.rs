//! HL120: a contract or legal obligation without saying whether the data must be given.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL120",
    name: "required-not-stated",
    element: "C12",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een verwerking steunt op een overeenkomst of een wettelijke plicht, maar zegt niet of ouders de gegevens moeten geven, en wat er gebeurt als ze dat niet doen. De AVG vraagt dat te vermelden (art. 13 lid 2 sub e). Voeg `required:` toe, bijvoorbeeld \"Ja; zonder deze gegevens kan de school uw kind niet inschrijven.\"",
        en: "An activity rests on a contract or a legal obligation but does not say whether parents must give the data, and what happens if they do not. The GDPR asks for it (art. 13(2)(e)). Add `required:`, e.g. \"Yes; without this data the school cannot enrol your child.\"",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for a in &cx.model.activities {
        let must_say = matches!(a.basis, Basis::Contract | Basis::LegalObligation);
        if must_say && a.required.as_deref().is_none_or(|r| r.trim().is_empty()) {
            let activity = &a.id;
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` zegt niet of ouders de gegevens moeten geven",
                    "activity `{activity}` does not say whether the data must be given"
                ),
                text!(
                    "voeg `required:` toe: moet het, en wat gebeurt er als ouders de gegevens niet geven (AVG art. 13 lid 2 sub e)",
                    "add `required:`: whether it must, and what happens if parents do not give the data (GDPR art. 13(2)(e))"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn a_legal_obligation_says_whether_it_is_required() {
        let activity = |extra: &str| {
            format!(
                "activities:\n  - id: a\n    name: A\n    purpose: p\n    basis: legal_obligation\n    law: WPO\n{extra}    categories: []\n    retention: r\n"
            )
        };
        assert_eq!(
            messages(&RULE, &[("content/a.yaml", &activity(""))]).len(),
            1
        );
        assert!(
            messages(
                &RULE,
                &[("content/a.yaml", &activity("    required: Ja.\n"))]
            )
            .is_empty()
        );
    }
}
