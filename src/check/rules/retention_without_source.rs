//! HL116: a retention period without its source.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL116",
    name: "retention-without-source",
    element: "C8",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een bewaartermijn noemt niet waar hij vandaan komt. Met een bron (een wet, de lijst van Kennisnet, het eigen beleid van het bestuur) kan iedereen nagaan of de termijn klopt. Vul `source:` in.",
        en: "A retention rule does not say where it comes from. With a source (a law, Kennisnet's list, the board's own policy) anyone can verify the period. Fill in `source:`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for r in cx
        .model
        .retention
        .iter()
        .filter(|r| r.source.trim().is_empty())
    {
        let id = &r.id;
        out.at(
            &r.origin.child("source"),
            text!(
                "bewaartermijn `{id}` noemt geen bron",
                "retention rule `{id}` names no source"
            ),
            text!(
                "vul `source:` in: de wet, de lijst van Kennisnet, of het beleid van het bestuur",
                "fill in `source:`: the law, Kennisnet's list, or the board's policy"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn an_empty_source_is_reported() {
        let rule =
            "retention:\n  - id: r\n    period: 1 jaar\n    after: na vertrek\n    source: ''\n";
        assert_eq!(
            messages(&RULE, &[("content/r.yaml", rule)]),
            [(5, "retention rule `r` names no source".to_string())]
        );
    }
}
