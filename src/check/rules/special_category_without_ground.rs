//! HL110: special categories of data without a ground of GDPR art. 9(2).

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::model::find;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL110",
    name: "special-category-without-ground",
    element: "C3",
    level: Level::Deny,
    required_by: Some("GDPR art. 9(2)"),
    doc: Doc {
        nl: "Een verwerking gebruikt een bijzonder persoonsgegeven (gezondheid, godsdienst, …) maar noemt geen uitzondering van AVG artikel 9 lid 2. Zulke gegevens mogen alleen met zo'n uitzondering worden gebruikt, en de verklaring moet die noemen. Voeg `special_ground:` toe: explicit_consent, employment, vital_interest, public_interest of medicine.",
        en: "An activity uses a special category of data (health, religion, …) but names no ground of GDPR art. 9(2). Such data may be used only on such a ground, and the statement must name it. Add `special_ground:`: explicit_consent, employment, vital_interest, public_interest or medicine.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    for a in m.activities.iter().filter(|a| a.special_ground.is_none()) {
        let special = a
            .categories
            .iter()
            .filter_map(|id| find(&m.categories, id))
            .find(|c| c.special.is_some());
        if let Some(c) = special {
            let (activity, category) = (&a.id, &c.id);
            out.at(
                &a.origin.child("categories"),
                text!(
                    "verwerking `{activity}` gebruikt het bijzondere persoonsgegeven `{category}`, maar heeft geen `special_ground`",
                    "activity `{activity}` uses the special category `{category}` but has no `special_ground`"
                ),
                text!(
                    "voeg `special_ground:` toe met de uitzondering van AVG art. 9 lid 2: explicit_consent, employment, vital_interest, public_interest of medicine",
                    "add `special_ground:` with the GDPR art. 9(2) ground: explicit_consent, employment, vital_interest, public_interest or medicine"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    const DATA: &str = "subjects:\n  - id: l\n    name: L\ncategories:\n  - id: allergie\n    subject: l\n    name: Allergie\n    special: health\n";

    fn activity(ground: &str) -> String {
        format!(
            "activities:\n  - id: zorg\n    name: Zorg\n    purpose: p\n    basis: public_task\n    law: WPO\n{ground}    categories: [allergie]\n    retention: r\n"
        )
    }

    #[test]
    fn a_special_category_needs_a_ground() {
        let without = activity("");
        let found = messages(
            &RULE,
            &[("content/a.yaml", DATA), ("content/b.yaml", &without)],
        );
        assert_eq!(
            found,
            [(
                7,
                "activity `zorg` uses the special category `allergie` but has no `special_ground`"
                    .to_string()
            )]
        );
        let with = activity("    special_ground: explicit_consent\n");
        assert_eq!(
            messages(
                &RULE,
                &[("content/a.yaml", DATA), ("content/b.yaml", &with)]
            ),
            []
        );
    }
}
