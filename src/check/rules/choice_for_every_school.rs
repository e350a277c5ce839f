//! HL013: a school choosing a system or practice that every school has.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::{School, find};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL013",
    name: "choice-for-every-school",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een school noemt onder `systems` of `practices` iets dat voor alle scholen geldt. Alleen wat `per_school: true` heeft, verschilt per school; de rest staat al in elke verklaring. Haal het weg bij de school, of zet `per_school: true` bij de verwerker of verwerking.",
        en: "A school lists under `systems` or `practices` something every school has. Only what has `per_school: true` differs per school; the rest is in every statement already. Remove it from the school, or set `per_school: true` on the processor or activity.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    for school in &m.schools {
        let shared_processor = |id: &str| find(&m.processors, id).is_some_and(|p| !p.per_school);
        let shared_activity = |id: &str| find(&m.activities, id).is_some_and(|a| !a.per_school);
        let kinds = [("verwerker", "processor"), ("verwerking", "activity")];
        not_choosable(
            out,
            school,
            "systems",
            &school.systems,
            kinds[0],
            shared_processor,
        );
        not_choosable(
            out,
            school,
            "practices",
            &school.practices,
            kinds[1],
            shared_activity,
        );
    }
}

fn not_choosable(
    out: &mut Out,
    school: &School,
    field: &'static str,
    list: &[String],
    (kind_nl, kind): (&str, &str),
    shared: impl Fn(&str) -> bool,
) {
    for (i, id) in list.iter().enumerate().filter(|(_, id)| shared(id)) {
        out.at(
            &school.origin.child(field).at(i),
            text!(
                "{kind_nl} `{id}` geldt voor elke school, dus een school kan hem niet kiezen",
                "{kind} `{id}` applies to every school, so a school cannot choose it"
            ),
            text!(
                "haal hem weg uit `{field}`, of zet `per_school: true` bij {kind_nl} `{id}`",
                "remove it from `{field}`, or set `per_school: true` on {kind} `{id}`"
            ),
        )
        .school = Some(school.id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn only_per_school_processors_are_chosen() {
        let processors = "processors:\n  - id: esis\n    name: ESIS\n    does: d\n    location: Nederland\n    agreement: a\n  - id: parro\n    name: Parro\n    does: d\n    location: Nederland\n    agreement: a\n    per_school: true\n";
        let schools =
            "schools:\n  - id: a\n    name: A\n    place: P\n    systems: [parro, esis]\n";
        let found = messages(
            &RULE,
            &[("content/p.yaml", processors), ("schools.yaml", schools)],
        );
        assert_eq!(
            found,
            [(
                5,
                "processor `esis` applies to every school, so a school cannot choose it"
                    .to_string()
            )]
        );
    }
}
