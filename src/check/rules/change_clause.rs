//! HL203: "we may change this statement; check this page regularly".

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL203",
    name: "change-clause",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst vraagt lezers de pagina regelmatig te bekijken omdat hij kan veranderen. De Europese privacytoezichthouders noemen dat oneerlijk (WP260, punt 29): een wezenlijke wijziging moet u zelf actief melden. Schrijf hoe u wijzigingen bekendmaakt, bijvoorbeeld in de nieuwsbrief.",
        en: "The text asks readers to check the page regularly because it may change. The European data protection authorities call that unfair (WP260, §29): a material change must be announced actively. Write how changes are announced, for example in the newsletter.",
    },
    check: Some(check),
};

const CLAUSES: [&str; 6] = [
    "regelmatig te raadplegen",
    "regelmatig te bekijken",
    "regelmatig raadplegen",
    "regelmatig bekijken",
    "regelmatig na te kijken",
    "behouden ons het recht voor",
];

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        for clause in CLAUSES {
            if field.find(clause).is_none() {
                continue;
            }
            out.at_words(
                &field.origin,
                clause,
                text!(
                    "\"{clause}\": lezers hoeven de pagina niet zelf in de gaten te houden",
                    "\"{clause}\": readers need not watch the page for changes themselves"
                ),
                text!(
                    "schrijf hoe u een wezenlijke wijziging zelf bekendmaakt, bijvoorbeeld in de nieuwsbrief (WP260, punt 29)",
                    "write how a material change is announced, for example in the newsletter (WP260, §29)"
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
    fn the_clause_is_reported() {
        let statement = "statement:\n  introduction: i\n  security: s\n  automated_decisions: a\n  changes: Wij kunnen deze verklaring wijzigen. Wij raden u aan deze pagina regelmatig te raadplegen.\n";
        let found = messages(&RULE, &[("content/s.yaml", statement)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 5);
    }
}
