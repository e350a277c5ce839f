//! HL205: a Markdown heading without words.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL205",
    name: "empty-heading",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een kopje in de tekst (een regel die met `#` begint) heeft geen woorden. Een schermlezer leest dan een leeg kopje voor, en de inhoudsopgave van de lezer klopt niet. Schrijf het kopje, of haal de `#` weg.",
        en: "A heading in the text (a line starting with `#`) has no words. A screen reader then reads out an empty heading, and the reader's outline is wrong. Write the heading, or remove the `#`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        let empty = field.text.lines().any(|line| {
            let line = line.trim();
            line.starts_with('#')
                && line.trim_start_matches('#').trim().is_empty()
                && line.len() <= 6
        });
        if empty {
            out.at(
                &field.origin,
                text!(
                    "deze tekst heeft een kopje zonder woorden",
                    "this text has a heading without words"
                ),
                text!(
                    "schrijf het kopje achter de `#`, of haal de `#` weg",
                    "write the heading after the `#`, or remove the `#`"
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
    fn a_lone_hash_is_an_empty_heading() {
        let statement = |intro: &str| {
            format!(
                "statement:\n  introduction: |\n    {intro}\n    Tekst.\n  security: s\n  automated_decisions: a\n  changes: c\n"
            )
        };
        assert_eq!(
            messages(&RULE, &[("content/s.yaml", &statement("##"))]).len(),
            1
        );
        assert!(messages(&RULE, &[("content/s.yaml", &statement("## Doel"))]).is_empty());
    }
}
