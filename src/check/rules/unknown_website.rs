//! HL014: a cookie declared for a website that is not a school's or the board's.

use super::plain_id::{is_plain, plain_from};
use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::diagnostic::did_you_mean;
use crate::layout;
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
            // Only ids that can be a website are suggested: a school whose
            // id cannot (HL012) is suggested by the id it should have.
            let candidates = schools
                .known
                .keys()
                .copied()
                .filter(|id| is_plain(id) && !layout::is_reserved(id))
                .chain([BOARD_SITE]);
            let wanted = plain_from(site);
            let unfinished = schools
                .known
                .keys()
                .copied()
                .find(|id| !is_plain(id) && wanted.is_some() && plain_from(id) == wanted);
            let wanted = wanted.unwrap_or_default();
            let hint = match (unfinished, did_you_mean(site, candidates)) {
                (Some(school), _) if *site == wanted => text!(
                    "de school met het id `{school}` heeft nog geen geldig id: geef haar in schools.yaml het id `{wanted}`",
                    "the school with the id `{school}` has no valid id yet: give it the id `{wanted}` in schools.yaml"
                ),
                (Some(school), _) => text!(
                    "de school met het id `{school}` heeft nog geen geldig id: geef haar in schools.yaml het id `{wanted}`, en schrijf hier ook `{wanted}`",
                    "the school with the id `{school}` has no valid id yet: give it the id `{wanted}` in schools.yaml, and write `{wanted}` here too"
                ),
                (None, Some(best)) => text!(
                    "bedoelt u `{best}`? Gebruik een school-id uit schools.yaml, of `board` voor de website van het bestuur",
                    "did you mean `{best}`? Use a school id from schools.yaml, or `board` for the board's own site"
                ),
                (None, None) => text!(
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
    use crate::check::rules::test::{messages, run};

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

    /// A school id that cannot be a website (HL012) is never suggested;
    /// the id it should have is.
    #[test]
    fn only_ids_that_can_be_websites_are_suggested() {
        let cookies = |site: &str| {
            format!(
                "cookies:\n  - name: c\n    set_by: s\n    purpose: p\n    lifetime: sessie\n    kind: functional\n    sites: [{site}]\n"
            )
        };
        let schools = "schools:\n  - id: De Vlinder\n    name: A\n    place: P\n";
        let hints = |site: &str| -> Vec<String> {
            let cookies = cookies(site);
            let files = [
                ("content/c.yaml", cookies.as_str()),
                ("schools.yaml", schools),
            ];
            run(&RULE, &files)
                .into_iter()
                .filter_map(|d| d.hint.map(|h| h.en))
                .collect()
        };
        assert_eq!(
            hints("de-vliner"),
            ["use a school id from schools.yaml, or `board` for the board's own site"]
        );
        assert_eq!(
            hints("de vlinder"),
            [
                "the school with the id `De Vlinder` has no valid id yet: give it the id `de-vlinder` in schools.yaml, and write `de-vlinder` here too"
            ]
        );
        assert_eq!(
            hints("de-vlinder"),
            [
                "the school with the id `De Vlinder` has no valid id yet: give it the id `de-vlinder` in schools.yaml"
            ]
        );
    }
}
