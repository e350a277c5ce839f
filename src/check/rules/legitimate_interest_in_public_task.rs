//! HL127: a legitimate interest given for data the school also processes for
//! its public task.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::Basis;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL127",
    name: "legitimate-interest-in-public-task",
    element: "C3",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een verwerking steunt op een gerechtvaardigd belang, maar gebruikt gegevens die de school ook voor haar publieke taak verwerkt. Een overheidsorgaan kan zich bij het uitvoeren van zijn taken niet op een gerechtvaardigd belang beroepen (AVG art. 6 lid 1, laatste zin); voor het onderwijs is de grondslag een taak van algemeen belang. Kies `public_task` met de wet in `law:`. Valt de verwerking echt buiten het onderwijs (een alumnivereniging, de beveiliging van de website), gebruik er dan gegevens voor die niet ook voor het onderwijs worden verwerkt.",
        en: "An activity rests on a legitimate interest, but uses data that the school also processes for its public task. A public authority cannot rely on a legitimate interest in performing its tasks (GDPR art. 6(1), last sentence); for education the basis is a task in the public interest. Choose `public_task` with the law in `law:`. If the activity really lies outside education (an alumni association, the security of the website), give it data that is not also processed for education.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    let for_the_task = |category: &str| {
        m.activities
            .iter()
            .find(|b| b.basis == Basis::PublicTask && b.categories.iter().any(|c| c == category))
    };
    for a in m
        .activities
        .iter()
        .filter(|a| a.basis == Basis::LegitimateInterest)
    {
        let shared = a
            .categories
            .iter()
            .find_map(|c| for_the_task(c).map(|b| (c, b)));
        if let Some((category, task)) = shared {
            let (activity, task) = (&a.id, &task.id);
            out.at(
                &a.origin.child("basis"),
                text!(
                    "verwerking `{activity}` steunt op een gerechtvaardigd belang, maar `{category}` verwerkt de school ook voor haar publieke taak (verwerking `{task}`)",
                    "activity `{activity}` rests on a legitimate interest, but the school also processes `{category}` for its public task (activity `{task}`)"
                ),
                text!(
                    "een school kan zich voor haar taak niet op een gerechtvaardigd belang beroepen (AVG art. 6 lid 1, laatste zin): kies `public_task` en noem de wet in `law:`",
                    "a school cannot rely on a legitimate interest for its task (GDPR art. 6(1), last sentence): choose `public_task` and name the law in `law:`"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn site(camera_categories: &str) -> String {
        format!(
            "activities:
  - id: onderwijs
    name: Onderwijs
    purpose: p
    basis: public_task
    law: Wet op het primair onderwijs
    categories: [naam]
    retention: r
  - id: camera
    name: Camera
    purpose: p
    basis: legitimate_interest
    legitimate_interest: Veiligheid.
    categories: {camera_categories}
    retention: r
"
        )
    }

    #[test]
    fn data_of_the_public_task_needs_that_basis() {
        let found = messages(&RULE, &[("content/a.yaml", &site("[beeld, naam]"))]);
        assert_eq!(
            found,
            [(
                12,
                "activity `camera` rests on a legitimate interest, but the school also processes `naam` for its public task (activity `onderwijs`)"
                    .to_string()
            )]
        );
    }

    #[test]
    fn data_of_its_own_may_rest_on_an_interest() {
        assert_eq!(messages(&RULE, &[("content/a.yaml", &site("[beeld]"))]), []);
    }
}
