//! HL121: nothing said about automated decisions.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL121",
    name: "automated-decisions",
    element: "C13",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De verklaring zegt niets over geautomatiseerde besluiten en profilering. Zeg het ook als ze er niet zijn: \"Computers nemen bij ons geen besluiten over uw kind; dat doen altijd mensen.\" (AVG art. 13 lid 2 sub f). Vul `statement: automated_decisions:` in.",
        en: "The statement says nothing about automated decisions and profiling. Say so also when there are none: \"Computers make no decisions about your child; people always do.\" (GDPR art. 13(2)(f)). Fill in `statement: automated_decisions:`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let s = &cx.model.statement;
    if s.origin.written() && s.automated_decisions.trim().is_empty() {
        out.at(
            &s.origin.child("automated_decisions"),
            text!(
                "de verklaring zegt niets over geautomatiseerde besluiten",
                "the statement says nothing about automated decisions"
            ),
            text!(
                "schrijf of er geautomatiseerde besluiten of profilering zijn, ook als het antwoord nee is",
                "write whether there are automated decisions or profiling, also when the answer is no"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn an_empty_answer_is_reported() {
        let statement = |a: &str| {
            format!(
                "statement:\n  introduction: i\n  security: s\n  automated_decisions: '{a}'\n  changes: c\n"
            )
        };
        assert_eq!(
            messages(&RULE, &[("content/s.yaml", &statement(""))]).len(),
            1
        );
        assert!(messages(&RULE, &[("content/s.yaml", &statement("Geen."))]).is_empty());
    }
}
