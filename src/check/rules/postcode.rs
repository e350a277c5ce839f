//! HL104: a postcode not written as `1234 AB`.

use super::{Doc, Level, Rule};
use crate::check::contact::{filled_in, is_postcode, postcodes};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL104",
    name: "postcode",
    element: "C1",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een postcode is geen Nederlandse postcode in de vorm `1234 AB`: vier cijfers (niet beginnend met 0), een spatie en twee hoofdletters. Een verkeerde postcode in het adres van het bestuur maakt een brief onbestelbaar. Schrijf de postcode als `9645 HC`.",
        en: "A postcode is not a Dutch postcode of the form `1234 AB`: four digits (not starting with 0), a space and two capitals. A wrong postcode in the board's address makes a letter undeliverable. Write the postcode as `9645 HC`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for d in filled_in(postcodes(cx.model)).filter(|d| !is_postcode(d.value)) {
        let value = d.value;
        let reported = out.at(
            &d.origin,
            text!(
                "`{value}` is geen postcode in de vorm `1234 AB`",
                "`{value}` is not a postcode of the form `1234 AB`"
            ),
            text!(
                "schrijf vier cijfers, een spatie en twee hoofdletters, bijvoorbeeld `9645 HC`",
                "write four digits, a space and two capitals, e.g. `9645 HC`"
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
    fn a_postcode_without_its_space_is_reported() {
        let schools = "schools:\n  - id: a\n    name: A\n    place: P\n    address:\n      street: Kerkstraat 1\n      postcode: 9645hc\n      place: Veendam\n";
        let found = messages(&RULE, &[("schools.yaml", schools)]);
        assert!(
            found.contains(&(
                7,
                "`9645hc` is not a postcode of the form `1234 AB`".to_string()
            )),
            "{found:?}"
        );
    }
}
