//! HL101: fewer than two ways to reach the board.

use super::{Doc, Level, Rule};
use crate::check::contact::board_written;
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL101",
    name: "controller-channels",
    element: "C1",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Het bestuur is op minder dan twee manieren te bereiken. Ouders moeten de verwerkingsverantwoordelijke kunnen vinden met een adres, een telefoonnummer en een e-mailadres. Vul `phone` en `email` van `organisation` in.",
        en: "The board can be reached in fewer than two ways. Parents must be able to reach the controller by address, phone and e-mail. Fill in `phone` and `email` of `organisation`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let o = &cx.model.organisation;
    if !board_written(cx.model) {
        return;
    }
    let channels = [&o.phone, &o.email, &o.visiting_address.street]
        .iter()
        .filter(|v| !v.trim().is_empty())
        .count();
    if channels < 2 {
        out.at(
            &o.origin,
            text!(
                "het bestuur is op minder dan twee manieren te bereiken",
                "the board can be reached in fewer than two ways"
            ),
            text!(
                "vul een adres, `phone` en `email` in onder `organisation`",
                "fill in an address, `phone` and `email` under `organisation`"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn one_channel_is_too_few() {
        let org = "organisation:\n  name: B\n  visiting_address: {street: '', postcode: 9645 HC, place: V}\n  phone: ''\n  email: info@b.nl\n  website: https://b.nl\n  dpo: {role: FG, email: fg@b.nl}\n  privacy_contact: {role: P, email: p@b.nl}\n  supervisory_authority: {name: Autoriteit Persoonsgegevens, website: https://autoriteitpersoonsgegevens.nl}\n";
        assert_eq!(messages(&RULE, &[("content/o.yaml", org)]).len(), 1);
    }
}
