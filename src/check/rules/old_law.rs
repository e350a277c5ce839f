//! HL202: law that no longer applies, such as the Wbp.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL202",
    name: "old-law",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst noemt een wet die niet meer geldt. De Wet bescherming persoonsgegevens (Wbp) en haar Vrijstellingsbesluit zijn op 25 mei 2018 vervangen door de AVG en de Uitvoeringswet AVG; BRON heet nu het Register onderwijsdeelnemers (ROD). Noem de wet die nu geldt.",
        en: "The text names a law that no longer applies. The Personal Data Protection Act (Wbp) and its exemption decree were replaced on 25 May 2018 by the GDPR and the Dutch GDPR Implementation Act; BRON is now the Register onderwijsdeelnemers (ROD). Name the law that applies now.",
    },
    check: Some(check),
};

/// Old names, with what replaced them; matched as whole words, ignoring
/// case except for BRON (`bron` is also the Dutch word for source).
const OLD: [(&str, &str); 4] = [
    (
        "Wet bescherming persoonsgegevens",
        "de AVG en de Uitvoeringswet AVG",
    ),
    ("Wbp", "de AVG en de Uitvoeringswet AVG"),
    ("Vrijstellingsbesluit", "de AVG en de Uitvoeringswet AVG"),
    ("BRON", "het Register onderwijsdeelnemers (ROD)"),
];

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        for (old, new) in OLD {
            let Some(at) = field.find(old) else {
                continue;
            };
            let written = &field.text[at..at + old.len()];
            if old == "BRON" && written != "BRON" {
                continue;
            }
            out.at_words(
                &field.origin,
                old,
                text!(
                    "\"{written}\" geldt sinds 25 mei 2018 niet meer",
                    "\"{written}\" no longer applies since 25 May 2018"
                ),
                text!("noem {new}", "name what replaced it: {new}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    fn statement(intro: &str) -> String {
        format!(
            "statement:\n  introduction: {intro}\n  security: s\n  automated_decisions: a\n  changes: c\n"
        )
    }

    #[test]
    fn the_wbp_and_bron_are_reported_but_not_the_word_bron() {
        let found = messages(
            &RULE,
            &[(
                "content/s.yaml",
                &statement("Op grond van de Wbp geven wij gegevens aan BRON."),
            )],
        );
        assert_eq!(
            found,
            [
                (2, "\"Wbp\" no longer applies since 25 May 2018".to_string()),
                (
                    2,
                    "\"BRON\" no longer applies since 25 May 2018".to_string()
                ),
            ]
        );
        assert!(
            messages(
                &RULE,
                &[(
                    "content/s.yaml",
                    &statement("De bron van de gegevens is de AVG.")
                )]
            )
            .is_empty()
        );
    }
}
