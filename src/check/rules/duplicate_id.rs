//! HL010: an id used twice for one kind of entity.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::diagnostic::Sources;
use crate::model::Entity;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL010",
    name: "duplicate-id",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Twee items van dezelfde soort hebben hetzelfde `id`. Andere delen van het model verwijzen met dat id, dus het moet uniek zijn. Geef een van de twee een ander id.",
        en: "Two entries of one kind have the same `id`. Other parts of the model refer to them by that id, so it must be unique. Give one of the two another id.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    twice(&m.subjects, cx.sources, "subjects", out);
    twice(&m.categories, cx.sources, "categories", out);
    twice(&m.retention, cx.sources, "retention", out);
    twice(&m.activities, cx.sources, "activities", out);
    twice(&m.processors, cx.sources, "processors", out);
    twice(&m.recipients, cx.sources, "recipients", out);
    twice(&m.schools, cx.sources, "schools", out);
}

/// Reports each entry whose id an entry before it has, or an entry of the
/// same list that could not be read.
fn twice<T: Entity>(items: &[T], sources: &Sources, list: &str, out: &mut Out) {
    for (i, item) in items.iter().enumerate() {
        let earlier = items[..i]
            .iter()
            .find(|other| other.id() == item.id())
            .map(|o| o.origin());
        let unread = sources
            .unread
            .iter()
            .find(|u| u.list == list && u.id == item.id())
            .map(|u| &u.origin);
        let Some(first) = earlier.or(unread) else {
            continue;
        };
        let line = sources.pos(first).map_or(0, |p| p.line);
        let file = sources.path(first);
        let (id, file) = (item.id(), file.display());
        let (kind, kind_nl) = (T::KIND, T::KIND_NL);
        out.at(
            &item.origin().child("id"),
            text!(
                "het id `{id}` ({kind_nl}) wordt twee keer gebruikt",
                "the {kind} id `{id}` is used twice"
            ),
            text!(
                "het staat eerst in {file}:{line}; geef een van de twee een ander id",
                "it is first used at {file}:{line}; give one of them another id"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn the_second_use_is_reported_with_the_first() {
        let subjects =
            "subjects:\n  - id: ouders\n    name: Ouders\n  - id: ouders\n    name: Verzorgers\n";
        let found = messages(&RULE, &[("content/a.yaml", subjects)]);
        assert_eq!(
            found,
            [(4, "the subject id `ouders` is used twice".to_string())]
        );
    }
}
