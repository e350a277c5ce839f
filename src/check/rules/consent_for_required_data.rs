//! HL128: consent asked for giving data to a recipient that the law already
//! makes the school give it to.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL128",
    name: "consent-for-required-data",
    element: "C3",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een verwerking vraagt toestemming om gegevens aan een ontvanger te geven, terwijl een andere verwerking die gegevens al op grond van een wettelijke plicht aan die ontvanger geeft. Toestemming is alleen geldig als weigeren iets verandert (AVG art. 4 punt 11 en art. 7): wie hier weigert, wordt misleid. Haal de ontvanger uit de verwerking op toestemming, of geef de verwerking de wettelijke plicht als grondslag.",
        en: "An activity asks consent to give data to a recipient, while another activity already gives that data to that recipient under a legal obligation. Consent is valid only if refusing changes something (GDPR art. 4(11) and art. 7): whoever refuses here is misled. Take the recipient out of the consent-based activity, or give the activity the legal obligation as its basis.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    let by_law = |category: &str, recipient: &str| {
        m.activities.iter().find(|b| {
            b.basis == Basis::LegalObligation
                && b.categories.iter().any(|c| c == category)
                && b.recipients.iter().any(|r| r == recipient)
        })
    };
    for a in m.activities.iter().filter(|a| a.basis == Basis::Consent) {
        let required = a.recipients.iter().find_map(|r| {
            a.categories
                .iter()
                .find_map(|c| by_law(c, r).map(|b| (c, r, b)))
        });
        if let Some((category, recipient, law)) = required {
            let (activity, law) = (&a.id, &law.id);
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` vraagt toestemming om `{category}` aan `{recipient}` te geven, maar verwerking `{law}` moet dat al volgens de wet",
                    "activity `{activity}` asks consent to give `{category}` to `{recipient}`, but activity `{law}` must already do so by law"
                ),
                text!(
                    "wie weigert, verandert niets, dus de toestemming is niet echt: haal `{recipient}` uit deze verwerking, of noem de wettelijke plicht als grondslag",
                    "refusing changes nothing, so the consent is not real: take `{recipient}` out of this activity, or give the legal obligation as its basis"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn site(photo_recipients: &str) -> String {
        format!(
            "activities:
  - id: administratie
    name: Administratie
    purpose: p
    basis: legal_obligation
    law: Wet op het primair onderwijs
    categories: [naam]
    recipients: [duo]
    retention: r
  - id: fotos
    name: Foto's
    purpose: p
    basis: consent
    withdraw: Mail ons.
    categories: [foto, naam]
    recipients: {photo_recipients}
    retention: r
"
        )
    }

    #[test]
    fn consent_for_what_the_law_requires_is_reported() {
        let found = messages(&RULE, &[("content/a.yaml", &site("[krant, duo]"))]);
        assert_eq!(
            found,
            [(
                13,
                "activity `fotos` asks consent to give `naam` to `duo`, but activity `administratie` must already do so by law"
                    .to_string()
            )]
        );
    }

    #[test]
    fn consent_for_another_recipient_is_fine() {
        // The class list: names that the administration keeps by law, given
        // to other parents only with consent.
        assert_eq!(messages(&RULE, &[("content/a.yaml", &site("[krant]"))]), []);
    }
}
