//! HL117: one of the six rights of the data subject is not named.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::RightKind;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL117",
    name: "missing-right",
    element: "C9",
    level: Level::Deny,
    required_by: Some("GDPR art. 13(2)(b)"),
    doc: Doc {
        nl: "Een van de zes rechten ontbreekt onder `rights: items:`. Elke verklaring noemt het recht op inzage, correctie, verwijdering, beperking, bezwaar en overdracht, met wat het betekent. Voeg het ontbrekende recht toe met `kind:`, `name:` en `text:`.",
        en: "One of the six rights is missing from `rights: items:`. Every statement names the rights of access, rectification, erasure, restriction, objection and portability, with what each means. Add the missing right with `kind:`, `name:` and `text:`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let rights = &cx.model.rights;
    // Without a `rights:` section HL008 says so; six follow-on errors would not help.
    if !rights.origin.written() {
        return;
    }
    for kind in RightKind::REQUIRED {
        if !rights.items.iter().any(|r| r.kind == kind) {
            let key = kind.key();
            out.at(
                &rights.origin,
                text!(
                    "het recht `{key}` ontbreekt in `rights.items`",
                    "the right `{key}` is missing from `rights.items`"
                ),
                text!(
                    "een verklaring noemt alle zes rechten: access, rectification, erasure, restriction, objection, portability (AVG art. 13 lid 2 sub b)",
                    "a statement must name all six rights: access, rectification, erasure, restriction, objection, portability (GDPR art. 13(2)(b))"
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
    fn every_missing_right_is_named() {
        let rights = "rights:\n  how: h\n  response_time: 1 maand\n  age: a\n  complaints: c\n  items:\n    - kind: access\n      name: Inzage\n      text: t\n";
        let found: Vec<String> = messages(&RULE, &[("content/r.yaml", rights)])
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(found.len(), 5);
        assert_eq!(
            found[0],
            "the right `rectification` is missing from `rights.items`"
        );
        assert_eq!(
            found[4],
            "the right `portability` is missing from `rights.items`"
        );
    }
}
