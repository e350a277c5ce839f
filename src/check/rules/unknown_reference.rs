//! HL011: a reference by id to something that does not exist.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Ids, Out};
use crate::diagnostic::did_you_mean;
use crate::model::Origin;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL011",
    name: "unknown-reference",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een verwijzing naar een id dat niet bestaat: een verwerking die een onbekende categorie noemt, een school met een onbekend systeem. Een feit staat één keer in het model en wordt met zijn id gebruikt; een tikfout in een id zou het feit stil weglaten. Verbeter het id (de tip noemt het meest gelijkende), of voeg het ontbrekende item toe in content/.",
        en: "A reference to an id that does not exist: an activity naming an unknown category, a school with an unknown system. A fact is written once and used by its id; a typo in an id would silently leave the fact out. Correct the id (the hint names the nearest), or add the missing entry in content/.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let (m, ids) = (cx.model, &cx.ids);
    for c in &m.categories {
        reference(out, &c.origin.child("subject"), &c.subject, &ids.subjects);
    }
    for a in &m.activities {
        references(out, &a.origin, "categories", &a.categories, &ids.categories);
        references(out, &a.origin, "recipients", &a.recipients, &ids.recipients);
        references(out, &a.origin, "processors", &a.processors, &ids.processors);
        reference(
            out,
            &a.origin.child("retention"),
            &a.retention,
            &ids.retention,
        );
    }
    for s in &m.schools {
        references(out, &s.origin, "systems", &s.systems, &ids.processors);
        references(out, &s.origin, "practices", &s.practices, &ids.activities);
    }
}

fn references(out: &mut Out, owner: &Origin, field: &'static str, list: &[String], ids: &Ids) {
    for (i, id) in list.iter().enumerate() {
        reference(out, &owner.child(field).at(i), id, ids);
    }
}

fn reference(out: &mut Out, at: &Origin, id: &str, ids: &Ids) {
    if ids.contains(id) {
        return;
    }
    let (kind, kind_nl) = (ids.kind, ids.kind_nl);
    let hint = match did_you_mean(id, ids.known.keys().copied()) {
        Some(best) => text!("bedoelt u `{best}`?", "did you mean `{best}`?"),
        None if ids.known.is_empty() => text!(
            "er is nog geen {kind_nl} gedefinieerd; zet er eerst een in een bestand in content/",
            "no {kind} is defined yet; define it in a file in content/ first"
        ),
        None => {
            let all = ids.sorted().join(", ");
            text!(
                "definieer het in content/, of gebruik een van: {all}",
                "define it in content/, or use one of: {all}"
            )
        }
    };
    out.at(
        at,
        text!("onbekende {kind_nl} `{id}`", "unknown {kind} `{id}`"),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    const DATA: &str = "subjects:\n  - id: leerlingen\n    name: Leerlingen\ncategories:\n  - id: leerling-naam\n    subject: leerlingen\n    name: Naam\nretention:\n  - id: kort\n    period: 1 jaar\n    after: na vertrek\n    source: eigen beleid\n";

    #[test]
    fn an_unknown_category_gets_the_nearest_id() {
        let activity = "activities:\n  - id: a\n    name: A\n    purpose: p\n    basis: public_task\n    categories: [leerling-nam]\n    retention: kort\n";
        let found = super::super::test::run(
            &RULE,
            &[("content/a.yaml", DATA), ("content/b.yaml", activity)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message.en, "unknown category `leerling-nam`");
        assert_eq!(
            found[0].hint.as_ref().unwrap().en,
            "did you mean `leerling-naam`?"
        );
        assert_eq!(found[0].pos.map(|p| (p.line, p.column)), Some((6, 18)));
    }

    #[test]
    fn known_references_pass() {
        let activity = "activities:\n  - id: a\n    name: A\n    purpose: p\n    basis: public_task\n    categories: [leerling-naam]\n    retention: kort\n";
        assert_eq!(
            messages(
                &RULE,
                &[("content/a.yaml", DATA), ("content/b.yaml", activity)]
            ),
            []
        );
    }
}
