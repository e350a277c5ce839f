//! HL118: an activity on consent without a way to withdraw it.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL118",
    name: "consent-without-withdrawal",
    element: "C10",
    level: Level::Deny,
    required_by: Some("GDPR art. 7(3), 13(2)(c)"),
    doc: Doc {
        nl: "Een verwerking steunt op toestemming, maar zegt niet hoe ouders die toestemming intrekken. Intrekken moet altijd kunnen, en even makkelijk als geven. Voeg `withdraw:` toe: waar en hoe ouders de toestemming intrekken.",
        en: "An activity rests on consent but does not say how parents withdraw it. Withdrawing must always be possible, and as easy as giving it. Add `withdraw:`: where and how parents withdraw consent.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for a in &cx.model.activities {
        if a.basis == Basis::Consent && a.withdraw.as_deref().is_none_or(|w| w.trim().is_empty()) {
            let activity = &a.id;
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` steunt op toestemming, maar zegt niet hoe die in te trekken",
                    "activity `{activity}` rests on consent but does not say how to withdraw it"
                ),
                text!(
                    "voeg `withdraw:` toe: hoe ouders hun toestemming intrekken, even makkelijk als ze die gaven (AVG art. 7 lid 3)",
                    "add `withdraw:` saying how parents withdraw consent, as easily as they gave it (GDPR art. 7(3))"
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
    fn consent_says_how_to_withdraw_it() {
        let activity = |extra: &str| {
            format!(
                "activities:\n  - id: foto\n    name: Foto\n    purpose: p\n    basis: consent\n{extra}    categories: []\n    retention: r\n"
            )
        };
        let found = messages(&RULE, &[("content/a.yaml", &activity(""))]);
        assert_eq!(
            found,
            [(
                5,
                "activity `foto` rests on consent but does not say how to withdraw it".to_string()
            )]
        );
        let with = activity("    withdraw: Via het ouderportaal, op elk moment.\n");
        assert_eq!(messages(&RULE, &[("content/a.yaml", &with)]), []);
    }
}
