//! HL015: a site without schools.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::layout::SCHOOLS_FILE;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL015",
    name: "no-schools",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "schools.yaml noemt geen enkele school, dus er is geen privacyverklaring om te maken. Zet onder `schools:` een school met een id, naam en plaats.",
        en: "schools.yaml names no school, so there is no privacy statement to make. Add a school under `schools:` with an id, name and place.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let unread = cx.sources.unread.iter().any(|u| u.list == "schools");
    if cx.schools_complete && cx.model.schools.is_empty() && !unread {
        out.in_file(
            SCHOOLS_FILE,
            None,
            text!("er zijn geen scholen", "there are no schools"),
            text!(
                "zet onder `schools:` een school met een id, naam en plaats",
                "add a school under `schools:` with an id, name and place"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn an_empty_list_of_schools_is_reported() {
        assert_eq!(
            messages(&RULE, &[("schools.yaml", "schools: []\n")]),
            [(0, "there are no schools".to_string())]
        );
        assert_eq!(
            messages(
                &RULE,
                &[(
                    "schools.yaml",
                    "schools:\n  - id: a\n    name: A\n    place: P\n"
                )]
            ),
            []
        );
    }
}
