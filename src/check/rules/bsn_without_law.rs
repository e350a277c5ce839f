//! HL123: the citizen service number used without the law that allows it.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::find;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL123",
    name: "bsn-without-law",
    element: "C3",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een verwerking gebruikt het burgerservicenummer (BSN), maar noemt geen wet. Het BSN mag alleen worden gebruikt waar een wet dat toestaat, zoals het onderwijsnummer in de leerlingadministratie. Voeg `law:` toe met die wet, of haal het BSN uit de verwerking.",
        en: "An activity uses the citizen service number (BSN) but names no law. The BSN may be used only where a law allows it, such as the education number in the pupil administration. Add `law:` with that law, or take the BSN out of the activity.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    for a in m
        .activities
        .iter()
        .filter(|a| a.law.as_deref().is_none_or(|l| l.trim().is_empty()))
    {
        let bsn = a
            .categories
            .iter()
            .filter_map(|id| find(&m.categories, id))
            .find(|c| c.bsn);
        if let Some(c) = bsn {
            let (activity, category) = (&a.id, &c.id);
            out.at(
                &a.origin.child("categories"),
                text!(
                    "verwerking `{activity}` gebruikt het BSN (`{category}`) zonder de wet te noemen die dat toestaat",
                    "activity `{activity}` uses the BSN (`{category}`) without naming the law that allows it"
                ),
                text!(
                    "voeg `law:` toe met de wet die het gebruik van het BSN toestaat",
                    "add `law:` with the law that allows the use of the BSN"
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
    fn the_bsn_needs_a_law() {
        let data = "subjects:\n  - id: l\n    name: L\ncategories:\n  - id: bsn\n    subject: l\n    name: BSN\n    bsn: true\n";
        let activity = |law: &str| {
            format!(
                "activities:\n  - id: a\n    name: A\n    purpose: p\n    basis: public_task\n{law}    categories: [bsn]\n    retention: r\n"
            )
        };
        assert_eq!(
            messages(
                &RULE,
                &[("content/d.yaml", data), ("content/a.yaml", &activity(""))]
            )
            .len(),
            1
        );
        let with = activity("    law: WPO art. 178a\n");
        assert!(
            messages(
                &RULE,
                &[("content/d.yaml", data), ("content/a.yaml", &with)]
            )
            .is_empty()
        );
    }
}
