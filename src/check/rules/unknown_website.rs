//! HL014: a cookie declared for a website that is not a school's or the board's.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::diagnostic::did_you_mean;
use crate::model::BOARD_SITE;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL014",
    name: "unknown-website",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een cookie noemt onder `sites` een website die geen school is en niet `board` (de website van het bestuur). Dan staat het cookie in geen enkele cookieverklaring. Gebruik het id van een school uit schools.yaml, of `board`.",
        en: "A cookie lists under `sites` a website that is no school and not `board` (the board's own website). Then the cookie is in no cookie notice. Use a school id from schools.yaml, or `board`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    if !cx.schools_complete {
        return;
    }
    let schools = &cx.ids.schools;
    for cookie in &cx.model.cookies {
        for (i, site) in cookie.sites.iter().enumerate() {
            if site == BOARD_SITE || schools.contains(site) {
                continue;
            }
            let candidates = schools.known.keys().copied().chain([BOARD_SITE]);
            let hint = match did_you_mean(site, candidates) {
                Some(best) => text!(
                    "bedoelt u `{best}`? Gebruik een school-id uit schools.yaml, of `board` voor de website van het bestuur",
                    "did you mean `{best}`? Use a school id from schools.yaml, or `board` for the board's own site"
                ),
                None => text!(
                    "gebruik een school-id uit schools.yaml, of `board` voor de website van het bestuur",
                    "use a school id from schools.yaml, or `board` for the board's own site"
                ),
            };
            out.at(
                &cookie.origin.child("sites").at(i),
                text!("onbekende website `{site}`", "unknown website `{site}`"),
                hint,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn schools_and_the_board_are_websites() {
        let cookies = "cookies:\n  - name: c\n    set_by: s\n    purpose: p\n    lifetime: sessie\n    kind: functional\n    sites: [board, a, b]\n";
        let schools = "schools:\n  - id: a\n    name: A\n    place: P\n";
        let found = messages(
            &RULE,
            &[("content/c.yaml", cookies), ("schools.yaml", schools)],
        );
        assert_eq!(found, [(7, "unknown website `b`".to_string())]);
    }
}
