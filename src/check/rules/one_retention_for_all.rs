//! HL122: one retention period for every activity.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL122",
    name: "one-retention-for-all",
    element: "C8",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Alle verwerkingen hebben dezelfde bewaartermijn. Dat klopt zelden: een inschrijving bewaart een school 5 jaar, een leerlingdossier 2 jaar, een foto zolang de toestemming loopt. Geef elke verwerking de termijn die bij haar gegevens hoort (de lijst van Kennisnet helpt).",
        en: "Every activity has the same retention period. That is rarely right: a school keeps an enrolment for 5 years, a pupil file for 2, a photo as long as consent lasts. Give each activity the period of its data (Kennisnet's list helps).",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let activities = &cx.model.activities;
    let Some(first) = activities.first() else {
        return;
    };
    if activities.len() < 3 || activities.iter().any(|a| a.retention != first.retention) {
        return;
    }
    let (n, id) = (activities.len(), &first.retention);
    out.at(
        &first.origin.child("retention"),
        text!(
            "alle {n} verwerkingen hebben dezelfde bewaartermijn `{id}`",
            "all {n} activities have the same retention rule `{id}`"
        ),
        text!(
            "geef elke verwerking de termijn die bij haar gegevens hoort",
            "give each activity the period that fits its data"
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn three_activities_with_one_period_are_reported() {
        let activity = |id: &str, r: &str| {
            format!(
                "  - id: {id}\n    name: A\n    purpose: p\n    basis: public_task\n    categories: []\n    retention: {r}\n"
            )
        };
        let same = format!(
            "activities:\n{}{}{}",
            activity("a", "r"),
            activity("b", "r"),
            activity("c", "r")
        );
        assert_eq!(messages(&RULE, &[("content/a.yaml", &same)]).len(), 1);
        let mixed = format!(
            "activities:\n{}{}{}",
            activity("a", "r"),
            activity("b", "s"),
            activity("c", "r")
        );
        assert!(messages(&RULE, &[("content/a.yaml", &mixed)]).is_empty());
    }
}
