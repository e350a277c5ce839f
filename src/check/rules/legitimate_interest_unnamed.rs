//! HL112: a legitimate interest as the basis, without saying which.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL112",
    name: "legitimate-interest-unnamed",
    element: "C4",
    level: Level::Deny,
    required_by: Some("GDPR art. 13(1)(d)"),
    doc: Doc {
        nl: "Een verwerking steunt op een gerechtvaardigd belang, maar zegt niet welk belang. De AVG eist dat de verklaring het belang noemt. Voeg `legitimate_interest:` toe met het belang in gewone woorden.",
        en: "An activity rests on a legitimate interest but does not say which. The GDPR requires the statement to name the interest. Add `legitimate_interest:` with the interest in plain words.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let unnamed = |text: &Option<String>| text.as_deref().is_none_or(|t| t.trim().is_empty());
    for a in &cx.model.activities {
        if a.basis == Basis::LegitimateInterest && unnamed(&a.legitimate_interest) {
            let activity = &a.id;
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` steunt op een gerechtvaardigd belang, maar zegt niet welk",
                    "activity `{activity}` rests on a legitimate interest but does not say which"
                ),
                text!(
                    "voeg `legitimate_interest:` toe met het belang (AVG art. 13 lid 1 sub d)",
                    "add `legitimate_interest:` naming the interest (GDPR art. 13(1)(d))"
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
    fn the_interest_is_named() {
        let activity = |extra: &str| {
            format!(
                "activities:\n  - id: camera\n    name: Camera\n    purpose: p\n    basis: legitimate_interest\n{extra}    categories: []\n    retention: r\n"
            )
        };
        let found = messages(&RULE, &[("content/a.yaml", &activity(""))]);
        assert_eq!(
            found,
            [(
                5,
                "activity `camera` rests on a legitimate interest but does not say which"
                    .to_string()
            )]
        );
        let named =
            activity("    legitimate_interest: De veiligheid van leerlingen op het plein.\n");
        assert_eq!(messages(&RULE, &[("content/a.yaml", &named)]), []);
    }
}
