//! HL103: a web address that is not an `https:` or `http:` address.

use super::{Doc, Level, Rule};
use crate::check::contact::{filled_in, web_addresses, web_host};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL103",
    name: "web-address",
    element: "C1",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een webadres (website van het bestuur of een school, de toezichthouder, een privacybijsluiter) is geen adres dat met `https://` of `http://` begint. Een ander soort adres, zoals `javascript:`, kan een script starten op een pagina die belooft dat niet te doen. Schrijf het volledige adres, bijvoorbeeld `https://www.opron.nl`.",
        en: "A web address (the website of the board or a school, the authority, a privacy leaflet) does not start with `https://` or `http://`. Another kind of address, such as `javascript:`, can run a script on a page that promises not to. Write the full address, for example `https://www.opron.nl`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for d in filled_in(web_addresses(cx.model)).filter(|d| web_host(d.value.trim()).is_none()) {
        let value = d.value;
        let reported = out.at(
            &d.origin,
            text!("`{value}` is geen webadres", "`{value}` is not a web address"),
            text!(
                "schrijf het volledige adres, beginnend met `https://`, bijvoorbeeld `https://www.opron.nl`",
                "write the full address, starting with `https://`, e.g. `https://www.opron.nl`"
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
    fn a_script_address_is_not_a_web_address() {
        let schools = "schools:\n  - id: a\n    name: A\n    place: P\n    website: javascript:alert(1)\n  - id: b\n    name: B\n    place: P\n    website: https://b.opron.nl\n";
        let found = messages(&RULE, &[("schools.yaml", schools)]);
        assert!(
            found.contains(&(5, "`javascript:alert(1)` is not a web address".to_string())),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(_, m)| m.contains("b.opron.nl")),
            "{found:?}"
        );
    }
}
