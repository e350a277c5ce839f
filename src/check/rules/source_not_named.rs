//! HL125: data from someone else than the person, without its source.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL125",
    name: "source-not-named",
    element: "C14",
    level: Level::Deny,
    required_by: Some("GDPR art. 14(2)(f)"),
    doc: Doc {
        nl: "Een verwerking krijgt gegevens van een ander dan de ouders of de leerling zelf (`from_others: true`), maar zegt niet van wie. Bij zulke gegevens moet de verklaring de bron noemen: de vorige school, DUO, de gemeente. Vul `source:` in.",
        en: "An activity receives data from someone other than the parents or the pupil (`from_others: true`) but does not say from whom. For such data the statement must name the source: the previous school, DUO, the municipality. Fill in `source:`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for a in cx.model.activities.iter().filter(|a| a.from_others) {
        if a.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            let activity = &a.id;
            out.at(
                &a.origin.child("from_others"),
                text!(
                    "verwerking `{activity}` krijgt gegevens van anderen, maar zegt niet van wie",
                    "activity `{activity}` receives data from others but does not say from whom"
                ),
                text!(
                    "vul `source:` in: van wie de gegevens komen, bijvoorbeeld de vorige school of DUO (AVG art. 14 lid 2 sub f)",
                    "fill in `source:`: where the data comes from, e.g. the previous school or DUO (GDPR art. 14(2)(f))"
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
    fn data_from_others_names_its_source() {
        let activity = |extra: &str| {
            format!(
                "activities:\n  - id: overstap\n    name: O\n    purpose: p\n    basis: public_task\n    from_others: true\n{extra}    categories: []\n    retention: r\n"
            )
        };
        assert_eq!(
            messages(&RULE, &[("content/a.yaml", &activity(""))]),
            [(
                6,
                "activity `overstap` receives data from others but does not say from whom"
                    .to_string()
            )]
        );
        assert!(
            messages(
                &RULE,
                &[(
                    "content/a.yaml",
                    &activity("    source: De vorige school.\n")
                )]
            )
            .is_empty()
        );
    }
}
