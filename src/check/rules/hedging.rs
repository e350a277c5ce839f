//! HL204: words that make a statement vague.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL204",
    name: "hedging",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst gebruikt een woord dat hem vaag maakt: mogelijk, eventueel, onder andere, in sommige gevallen, doorgaans. Ouders moeten kunnen lezen wat er wél gebeurt (WP260, punt 13). Schrijf wat de school doet, of noem de gevallen. \"Zo snel mogelijk\" is geen voorbehoud en telt niet.",
        en: "The text uses a word that makes it vague: mogelijk, eventueel, onder andere, in sommige gevallen, doorgaans. Parents must be able to read what does happen (WP260, §13). Write what the school does, or name the cases. \"Zo snel mogelijk\" (as soon as possible) is no hedge and does not count.",
    },
    check: Some(check),
};

const HEDGES: [&str; 8] = [
    "mogelijk",
    "eventueel",
    "eventuele",
    "onder andere",
    "onder meer",
    "o.a.",
    "in sommige gevallen",
    "doorgaans",
];

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        for hedge in HEDGES {
            let Some(at) = field.find(hedge) else {
                continue;
            };
            // "zo snel mogelijk", "zo goed mogelijk": a degree, not a hedge.
            let before: Vec<&str> = field.text[..at].split_whitespace().rev().take(2).collect();
            if hedge == "mogelijk" && before.iter().any(|w| w.eq_ignore_ascii_case("zo")) {
                continue;
            }
            out.at_words(
                &field.origin,
                hedge,
                text!(
                    "\"{hedge}\" maakt de tekst vaag",
                    "\"{hedge}\" makes the text vague"
                ),
                text!(
                    "schrijf wat de school wél doet, of noem de gevallen (WP260, punt 13)",
                    "write what the school does, or name the cases (WP260, §13)"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn purpose(text: &str) -> String {
        format!(
            "activities:\n  - id: a\n    name: A\n    purpose: {text}\n    basis: public_task\n    categories: []\n    retention: r\n"
        )
    }

    #[test]
    fn the_regulation_is_read_too() {
        let regulation = "regulation:\n  title: R\n  introduction: i\n  definitions: []\n  chapters:\n    - title: A\n      articles:\n        - title: Doel\n          explanation: e\n          members:\n            - text: De school geeft gegevens aan\n              items: [de inspectie, eventueel de gemeente]\n";
        let found = messages(&RULE, &[("content/r.yaml", regulation)]);
        assert_eq!(
            found,
            [(12, "\"eventueel\" makes the text vague".to_string())]
        );
    }

    #[test]
    fn hedges_are_reported_but_not_as_soon_as_possible() {
        let found = messages(
            &RULE,
            &[(
                "content/a.yaml",
                &purpose("Wij delen mogelijk onder andere uw naam."),
            )],
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "\"mogelijk\" makes the text vague");
        assert!(
            messages(
                &RULE,
                &[(
                    "content/a.yaml",
                    &purpose("Wij antwoorden zo snel mogelijk.")
                )]
            )
            .is_empty()
        );
    }
}
