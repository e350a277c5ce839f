//! HL012: a school id that cannot be the folder of its pages.

use super::plain_id::{is_plain, plain_from};
use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::layout;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL012",
    name: "school-id",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Het id van een school wordt het webadres van haar pagina's (`/de-mieden/`). Het mag alleen kleine letters, cijfers en streepjes bevatten, en mag niet de naam van een andere pagina zijn (`reglement`, `cookies`). Kies een id als `de-mieden`.",
        en: "A school's id becomes the address of its pages (`/de-mieden/`). It may hold only lower-case letters, digits and hyphens, and may not be the name of another page (`reglement`, `cookies`). Choose an id such as `de-mieden`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for school in &cx.model.schools {
        let at = school.origin.child("id");
        // Shown escaped, so that the message cannot disguise the id.
        let id = school.id.escape_debug().to_string();
        if !is_plain(&school.id) {
            // An example made from what was written, when it is free.
            let example = plain_from(&school.id)
                .filter(|p| !layout::is_reserved(p) && !cx.ids.schools.contains(p))
                .unwrap_or_else(|| "de-mieden".to_string());
            out.at(
                &at,
                text!(
                    "het school-id `{id}` kan geen webadres zijn",
                    "the school id `{id}` cannot be a web address"
                ),
                text!(
                    "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `{example}`",
                    "use lower-case letters, digits and hyphens, e.g. `{example}`"
                ),
            );
        } else if layout::is_reserved(&school.id) {
            out.at(
                &at,
                text!(
                    "het school-id `{id}` is de naam van een andere pagina",
                    "the school id `{id}` is the name of another page"
                ),
                text!(
                    "kies een ander id voor deze school",
                    "choose another id for this school"
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
    fn ids_are_plain_and_free() {
        let schools = "schools:\n  - id: De Mieden\n    name: A\n    place: P\n  - id: reglement\n    name: B\n    place: P\n  - id: de-mieden-2\n    name: C\n    place: P\n";
        let found = messages(&RULE, &[("schools.yaml", schools)]);
        assert_eq!(
            found,
            [
                (
                    2,
                    "the school id `De Mieden` cannot be a web address".to_string()
                ),
                (
                    5,
                    "the school id `reglement` is the name of another page".to_string()
                ),
            ]
        );
    }
}
