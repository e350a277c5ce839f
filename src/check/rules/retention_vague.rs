//! HL115: a retention period that is only "as long as necessary".

use super::{Doc, Level, Rule};
use crate::check::prose::find_word;
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL115",
    name: "retention-vague",
    element: "C8",
    level: Level::Deny,
    required_by: Some("GDPR art. 13(2)(a)"),
    doc: Doc {
        nl: "Een bewaartermijn zegt alleen \"niet langer dan noodzakelijk\" of \"zo lang als nodig\". De AVG vraagt de termijn zelf, of hoe die wordt bepaald; een algemene zin zegt ouders niets. Schrijf de periode met waar hij begint, bijvoorbeeld `period: 5 jaar` en `after: nadat de leerling de school heeft verlaten`.",
        en: "A retention rule says only \"no longer than necessary\" or \"as long as needed\". The GDPR asks for the period itself, or how it is set; a general phrase tells parents nothing. Write the period and when it starts, e.g. `period: 5 jaar` and `after: nadat de leerling de school heeft verlaten`.",
    },
    check: Some(check),
};

const VAGUE: [&str; 6] = [
    "niet langer dan noodzakelijk",
    "niet langer dan nodig",
    "zo lang als nodig",
    "zolang als nodig",
    "zo lang als noodzakelijk",
    "zolang nodig",
];

fn check(cx: &Cx, out: &mut Out) {
    for r in &cx.model.retention {
        let Some(phrase) = VAGUE.into_iter().find(|v| find_word(&r.after, v).is_some()) else {
            continue;
        };
        let id = &r.id;
        out.at(
            &r.origin.child("after"),
            text!(
                "bewaartermijn `{id}` zegt alleen \"{phrase}\"",
                "retention rule `{id}` says only \"{phrase}\""
            ),
            text!(
                "schrijf in `after:` vanaf wanneer de termijn loopt, bijvoorbeeld \"nadat de leerling de school heeft verlaten\"",
                "write in `after:` from when the period runs, e.g. \"nadat de leerling de school heeft verlaten\""
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn as_long_as_necessary_is_no_period() {
        let rule = |after: &str| {
            format!(
                "retention:\n  - id: r\n    period: 1 jaar\n    after: {after}\n    source: Kennisnet\n"
            )
        };
        assert_eq!(
            messages(
                &RULE,
                &[("content/r.yaml", &rule("of niet langer dan noodzakelijk"))]
            )
            .len(),
            1
        );
        assert!(messages(&RULE, &[("content/r.yaml", &rule("na vertrek"))]).is_empty());
    }
}
