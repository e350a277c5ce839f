//! HL206: data shared with "third parties" without saying which.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL206",
    name: "vague-recipients",
    element: "C6",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst zegt dat gegevens naar \"derden\" of \"andere partijen\" gaan, zonder te zeggen welke. Ouders moeten kunnen lezen wie hun gegevens krijgt. Zet elke ontvanger onder `recipients:` en noem hem bij de verwerkingen; de verklaring noemt ze dan bij naam.",
        en: "The text says data goes to \"third parties\" or \"other parties\" without saying which. Parents must be able to read who receives their data. Put each recipient under `recipients:` and name it in the activities; the statement then names them.",
    },
    check: Some(check),
};

const VAGUE: [&str; 5] = [
    "met derden",
    "aan derden",
    "andere partijen",
    "externe partijen",
    "derde partijen",
];

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        for phrase in VAGUE {
            if field.find(phrase).is_none() {
                continue;
            }
            out.at_words(
                &field.origin,
                phrase,
                text!("\"{phrase}\" zegt niet wie de gegevens krijgt", "\"{phrase}\" does not say who receives the data"),
                text!(
                    "noem de ontvangers bij naam: zet ze onder `recipients:` en bij de verwerkingen",
                    "name the recipients: put them under `recipients:` and in the activities"
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
    fn third_parties_are_reported() {
        let purpose = "activities:\n  - id: a\n    name: A\n    purpose: Wij delen uw gegevens met derden.\n    basis: public_task\n    categories: []\n    retention: r\n";
        assert_eq!(
            messages(&RULE, &[("content/a.yaml", purpose)]),
            [(
                4,
                "\"met derden\" does not say who receives the data".to_string()
            )]
        );
    }
}
