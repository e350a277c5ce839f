//! HL209: the regulation's own words say it was adopted, which only the
//! adoption record in git can say.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out, prose};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL209",
    name: "adoption-in-text",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst van het reglement zegt zelf dat het is vastgesteld of dat de GMR heeft ingestemd. Dat weet alleen de vaststelling in git (de tags `reglement-…`): een concept zou zo een vaststelling claimen die er niet is. Schrijf als lid alleen `{vaststelling}`; helder zet daar wie de versie vaststelde, wanneer en met wiens instemming, of dat het een concept is. Beschrijf de procedure in de tegenwoordige tijd (\"het bestuur stelt het reglement vast als …\").",
        en: "The regulation's text says itself that it was adopted, or that the GMR consented. Only the adoption record in git (the tags `reglement-…`) knows that: a concept would claim an adoption that did not happen. Write a member that is only `{vaststelling}`; helder puts there who adopted the version, when and with whose consent, or that it is a concept. Describe the procedure in the present tense (\"het bestuur stelt het reglement vast als …\").",
    },
    check: Some(check),
};

/// Words that state an adoption or a consent as done.
const CLAIMS: [&str; 7] = [
    "heeft dit reglement vastgesteld",
    "heeft het reglement vastgesteld",
    "heeft deze versie vastgesteld",
    "is vastgesteld op",
    "vastgesteld op",
    "mee ingestemd",
    "heeft ingestemd",
];

fn check(cx: &Cx, out: &mut Out) {
    let Some(regulation) = &cx.model.regulation else {
        return;
    };
    for field in prose::regulation(regulation) {
        let Some(claim) = CLAIMS.iter().find(|c| field.find(c).is_some()) else {
            continue;
        };
        out.at_words(
            &field.origin,
            claim,
            text!(
                "\"{claim}\": de tekst zegt zelf dat het reglement is vastgesteld, en dat weet alleen git",
                "\"{claim}\": the text says itself that the regulation was adopted, which only git knows"
            ),
            text!(
                "schrijf als lid van een artikel alleen `{{vaststelling}}`: helder zet daar de vaststelling uit de tags `reglement-…`; beschrijf de procedure in de tegenwoordige tijd",
                "write a member that is only `{{vaststelling}}`: helder puts the adoption from the `reglement-…` tags there; describe the procedure in the present tense"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn regulation(member: &str) -> String {
        format!(
            "regulation:\n  title: R\n  introduction: i\n  definitions: []\n  chapters:\n    - title: A\n      articles:\n        - title: Vaststelling\n          explanation: e\n          members:\n            - {member}\n"
        )
    }

    #[test]
    fn a_text_that_claims_the_adoption_is_reported_at_its_words() {
        let found = messages(
            &RULE,
            &[(
                "content/r.yaml",
                &regulation(
                    "Het bestuur heeft dit reglement vastgesteld na instemming van de GMR.",
                ),
            )],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 11);
        assert!(found[0].1.contains("heeft dit reglement vastgesteld"));
    }

    #[test]
    fn the_adoption_member_and_the_procedure_are_fine() {
        for member in [
            "\"{vaststelling}\"",
            "Het bestuur stelt dit reglement vast als de oudergeleding van de GMR ermee instemt.",
        ] {
            let found = messages(&RULE, &[("content/r.yaml", &regulation(member))]);
            assert!(found.is_empty(), "{member}: {found:?}");
        }
    }
}
