//! HL119: the complaint route to the Autoriteit Persoonsgegevens.

use super::{Doc, Level, Rule};
use crate::check::contact::{board_written, domain_of};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL119",
    name: "complaint-authority",
    element: "C11",
    level: Level::Deny,
    required_by: Some("GDPR art. 13(2)(d), 77"),
    doc: Doc {
        nl: "Als toezichthouder staat niet de Autoriteit Persoonsgegevens. Iedereen mag een klacht indienen bij de toezichthouder, en in Nederland is dat de AP; een geschillencommissie of de klachtencommissie van de school komt daar niet voor in de plaats. Schrijf `name: Autoriteit Persoonsgegevens` en `website: https://autoriteitpersoonsgegevens.nl`.",
        en: "The supervisory authority named is not the Autoriteit Persoonsgegevens. Anyone may complain to the supervisory authority, which in the Netherlands is the AP; a disputes committee or the school's complaints committee does not replace it. Write `name: Autoriteit Persoonsgegevens` and `website: https://autoriteitpersoonsgegevens.nl`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let o = &cx.model.organisation;
    if !board_written(cx.model) {
        return;
    }
    let authority = &o.supervisory_authority;
    let named = authority
        .name
        .to_lowercase()
        .contains("autoriteit persoonsgegevens");
    let site = domain_of(&authority.website).is_some_and(|d| d == "autoriteitpersoonsgegevens.nl");
    if !named || !site {
        let name = &authority.name;
        out.at(
            &o.origin.child("supervisory_authority"),
            text!(
                "de toezichthouder is de Autoriteit Persoonsgegevens, niet `{name}`",
                "the supervisory authority is the Autoriteit Persoonsgegevens, not `{name}`"
            ),
            text!(
                "schrijf `name: Autoriteit Persoonsgegevens` en `website: https://autoriteitpersoonsgegevens.nl`",
                "write `name: Autoriteit Persoonsgegevens` and `website: https://autoriteitpersoonsgegevens.nl`"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn org(authority: &str) -> String {
        format!(
            "organisation:\n  name: B\n  visiting_address: {{street: S 1, postcode: 9645 HC, place: V}}\n  phone: 0599-696390\n  email: info@b.nl\n  website: https://b.nl\n  dpo: {{role: FG, email: fg@b.nl}}\n  privacy_contact: {{role: P, email: p@b.nl}}\n  supervisory_authority: {authority}\n"
        )
    }

    #[test]
    fn another_body_does_not_replace_the_authority() {
        let other =
            org("{name: Geschillencommissie, website: https://www.degeschillencommissie.nl}");
        assert_eq!(messages(&RULE, &[("content/o.yaml", &other)]).len(), 1);
        let ap = org(
            "{name: Autoriteit Persoonsgegevens, website: https://autoriteitpersoonsgegevens.nl}",
        );
        assert!(messages(&RULE, &[("content/o.yaml", &ap)]).is_empty());
    }
}
