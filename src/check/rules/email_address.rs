//! HL102: an e-mail address that is not one.

use super::{Doc, Level, Rule};
use crate::check::contact::{emails, filled_in, is_email};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL102",
    name: "e-mail-address",
    element: "C1, C2",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een e-mailadres van het bestuur, de FG, de privacycontactpersoon of een school is geen geldig adres. Ouders die erop klikken, bereiken niemand. Schrijf het adres als `naam@domein.nl`, zonder spaties.",
        en: "An e-mail address of the board, the DPO, the privacy contact or a school is not a valid address. Parents who click it reach no one. Write the address as `name@domain.nl`, without spaces.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for d in filled_in(emails(cx.model)).filter(|d| !is_email(d.value.trim())) {
        let value = d.value;
        let message = if value.trim().is_empty() {
            text!(
                "hier ontbreekt het e-mailadres",
                "the e-mail address is missing here"
            )
        } else {
            text!(
                "`{value}` is geen e-mailadres",
                "`{value}` is not an e-mail address"
            )
        };
        let reported = out.at(
            &d.origin,
            message,
            text!(
                "schrijf het adres als `naam@domein.nl`, zonder spaties",
                "write the address as `name@domain.nl`, without spaces"
            ),
        );
        reported.school = d.school.map(str::to_string);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn a_school_address_without_a_domain_is_reported() {
        let schools = "schools:\n  - id: a\n    name: A\n    place: P\n    email: info@opron\n";
        let found = messages(&RULE, &[("schools.yaml", schools)]);
        assert!(
            found.contains(&(5, "`info@opron` is not an e-mail address".to_string())),
            "{found:?}"
        );
    }
}
