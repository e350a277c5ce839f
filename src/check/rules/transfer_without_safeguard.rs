//! HL114: data stored outside the EEA without a safeguard.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL114",
    name: "transfer-without-safeguard",
    element: "C7",
    level: Level::Deny,
    required_by: Some("GDPR art. 13(1)(f), 44–49"),
    doc: Doc {
        nl: "Een verwerker bewaart gegevens buiten de Europese Economische Ruimte, maar het model noemt geen waarborg. Doorgifte buiten de EER mag alleen met een adequaatheidsbesluit of een andere waarborg, en de verklaring moet die noemen. Voeg `transfer:` toe met de waarborg, bijvoorbeeld het EU-VS-gegevensprivacykader of de standaardcontractbepalingen.",
        en: "A processor stores data outside the European Economic Area, but the model names no safeguard. A transfer outside the EEA is allowed only with an adequacy decision or another safeguard, and the statement must name it. Add `transfer:` with the safeguard, for example the EU-US Data Privacy Framework or standard contractual clauses.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for p in &cx.model.processors {
        if p.outside_eea() && p.transfer.as_deref().is_none_or(|t| t.trim().is_empty()) {
            let (id, location) = (&p.id, &p.location);
            out.at(
                &p.origin.child("location"),
                text!(
                    "`{id}` bewaart gegevens in `{location}`, buiten de EER, zonder waarborg",
                    "`{id}` stores data in `{location}`, outside the EEA, without a safeguard"
                ),
                text!(
                    "voeg `transfer:` toe met de waarborg (een adequaatheidsbesluit, of standaardcontractbepalingen) — AVG art. 44–49",
                    "add `transfer:` naming the safeguard (an adequacy decision, or standard contractual clauses) — GDPR art. 44–49"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn outside_the_eea_needs_a_safeguard() {
        let processor = |location: &str, extra: &str| {
            format!(
                "processors:\n  - id: p\n    name: P\n    does: d\n    location: {location}\n    agreement: a\n{extra}"
            )
        };
        let found = messages(
            &RULE,
            &[("content/p.yaml", &processor("Verenigde Staten", ""))],
        );
        assert_eq!(
            found,
            [(
                5,
                "`p` stores data in `Verenigde Staten`, outside the EEA, without a safeguard"
                    .to_string()
            )]
        );
        let safe = processor(
            "Verenigde Staten",
            "    transfer: EU-VS-gegevensprivacykader\n",
        );
        assert_eq!(messages(&RULE, &[("content/p.yaml", &safe)]), []);
        assert_eq!(
            messages(&RULE, &[("content/p.yaml", &processor("Ierland", ""))]),
            []
        );
    }
}
