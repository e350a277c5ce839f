//! HL111: a legal obligation or public task without the law it rests on.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL111",
    name: "basis-without-law",
    element: "C3",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een verwerking steunt op een wettelijke plicht of een taak van algemeen belang, maar noemt de wet niet. Ouders kunnen dan niet nagaan of die plicht bestaat. Voeg `law:` toe, bijvoorbeeld `Wet op het primair onderwijs, artikel 8`.",
        en: "An activity rests on a legal obligation or a public task but does not name the law. Parents then cannot verify that the obligation exists. Add `law:`, for example `Wet op het primair onderwijs, artikel 8`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for a in &cx.model.activities {
        let needs_law = matches!(a.basis, Basis::LegalObligation | Basis::PublicTask);
        if needs_law && a.law.as_deref().is_none_or(|l| l.trim().is_empty()) {
            let activity = &a.id;
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` noemt niet op welke wet zij steunt",
                    "activity `{activity}` does not name the law it rests on"
                ),
                text!(
                    "voeg `law:` toe met de wet en het artikel, bijvoorbeeld `Wet op het primair onderwijs, artikel 8`",
                    "add `law:` with the law and article, e.g. `Wet op het primair onderwijs, artikel 8`"
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
    fn a_public_task_names_its_law() {
        let activity = |law: &str| {
            format!(
                "activities:\n  - id: a\n    name: A\n    purpose: p\n    basis: public_task\n{law}    categories: []\n    retention: r\n"
            )
        };
        assert_eq!(
            messages(&RULE, &[("content/a.yaml", &activity(""))]),
            [(
                5,
                "activity `a` does not name the law it rests on".to_string()
            )]
        );
        assert!(
            messages(
                &RULE,
                &[("content/a.yaml", &activity("    law: WPO art. 8\n"))]
            )
            .is_empty()
        );
    }
}
