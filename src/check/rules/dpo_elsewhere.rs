//! HL106: the FG or privacy contact at another organisation's domain.

use super::{Doc, Level, Rule};
use crate::check::contact::{board_written, domain_of};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL106",
    name: "contact-elsewhere",
    element: "C2",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Het e-mailadres van de FG of de privacycontactpersoon ligt op een ander domein dan dat van het bestuur. Vaak is het adres uit de verklaring van een ander bestuur overgenomen. Huurt het bestuur de FG in, zet dan `external:` met de naam van de organisatie die de FG levert; anders: gebruik het adres van het bestuur.",
        en: "The e-mail address of the DPO or the privacy contact is at another domain than the board's. Often the address was copied from another board's statement. When the board hires its DPO, set `external:` with the name of the organisation that provides it; otherwise use the board's address.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let o = &cx.model.organisation;
    if !board_written(cx.model) {
        return;
    }
    let board: Vec<String> = [&o.email, &o.website]
        .iter()
        .filter_map(|a| domain_of(a))
        .collect();
    let ours = |domain: &str| {
        board
            .iter()
            .any(|b| domain == b || domain.ends_with(&format!(".{b}")))
    };
    for (key, contact) in [("dpo", &o.dpo), ("privacy_contact", &o.privacy_contact)] {
        let Some(domain) = domain_of(&contact.email) else {
            continue;
        };
        if contact.external.is_some() || board.is_empty() || ours(&domain) {
            continue;
        }
        let (address, board) = (&contact.email, &board[0]);
        out.at(
            &o.origin.child(key).child("email"),
            text!(
                "`{address}` ligt op een ander domein dan dat van het bestuur ({board})",
                "`{address}` is at another domain than the board's ({board})"
            ),
            text!(
                "levert een andere organisatie dit contact, zet dan `external:` met haar naam; anders: gebruik een adres van {board}",
                "if another organisation provides this contact, set `external:` with its name; otherwise use an address at {board}"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn org(dpo: &str) -> String {
        format!(
            "organisation:\n  name: B\n  visiting_address: {{street: S 1, postcode: 9645 HC, place: V}}\n  phone: 0599-696390\n  email: info@opron.nl\n  website: https://www.opron.nl\n  dpo: {dpo}\n  privacy_contact: {{role: P, email: privacy@school.opron.nl}}\n  supervisory_authority: {{name: Autoriteit Persoonsgegevens, website: https://autoriteitpersoonsgegevens.nl}}\n"
        )
    }

    #[test]
    fn another_domain_needs_external() {
        let found = messages(
            &RULE,
            &[(
                "content/o.yaml",
                &org("{role: FG, email: fg@anderbestuur.nl}"),
            )],
        );
        assert_eq!(
            found,
            [(
                7,
                "`fg@anderbestuur.nl` is at another domain than the board's (opron.nl)".to_string()
            )]
        );
        let hired = org("{role: FG, email: fg@anderbestuur.nl, external: Privacy Partners}");
        assert!(messages(&RULE, &[("content/o.yaml", &hired)]).is_empty());
        assert!(
            messages(
                &RULE,
                &[("content/o.yaml", &org("{role: FG, email: fg@opron.nl}"))]
            )
            .is_empty()
        );
    }
}
