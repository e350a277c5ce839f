//! HL105: a phone number that is not a Dutch phone number.

use super::{Doc, Level, Rule};
use crate::check::contact::{filled_in, is_dutch_phone, phones};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL105",
    name: "phone-number",
    element: "C1",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een telefoonnummer is geen Nederlands nummer: tien cijfers die met 0 beginnen (`0599-696390`), of +31 met negen cijfers. Spaties, streepjes en haakjes mogen. Vaak ontbreekt een cijfer. Controleer het nummer.",
        en: "A phone number is not a Dutch number: ten digits starting with 0 (`0599-696390`), or +31 with nine digits. Spaces, hyphens and brackets are fine. Often a digit is missing. Check the number.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    // An empty number is one channel fewer, which HL101 reports.
    let wrong =
        |d: &crate::check::contact::Detail| !d.value.trim().is_empty() && !is_dutch_phone(d.value);
    for d in filled_in(phones(cx.model)).filter(wrong) {
        let value = d.value;
        let reported = out.at(
            &d.origin,
            text!("`{value}` is geen Nederlands telefoonnummer", "`{value}` is not a Dutch phone number"),
            text!(
                "schrijf tien cijfers die met 0 beginnen, zoals `0599-696390`, of +31 met negen cijfers",
                "write ten digits starting with 0, such as `0599-696390`, or +31 with nine digits"
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
    fn a_digit_short_is_reported() {
        let schools = "schools:\n  - id: a\n    name: A\n    place: P\n    phone: 0599-69639\n";
        let found = messages(&RULE, &[("schools.yaml", schools)]);
        assert!(
            found.contains(&(5, "`0599-69639` is not a Dutch phone number".to_string())),
            "{found:?}"
        );
    }
}
