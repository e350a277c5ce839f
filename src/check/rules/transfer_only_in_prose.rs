//! HL126: a country outside the EEA named in the prose, but in no processor.

use super::{Doc, Level, Rule};
use crate::check::prose::find_word;
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL126",
    name: "transfer-only-in-prose",
    element: "C7",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst noemt een land buiten de EER (zoals de Verenigde Staten), maar geen verwerker in het model slaat daar gegevens op. Dan noemt de verklaring geen waarborg en staat de doorgifte niet in de lijst. Zet het land als `location:` bij de verwerker, met `transfer:` voor de waarborg, of haal het land uit de tekst.",
        en: "The text names a country outside the EEA (such as the United States), but no processor of the model stores data there. Then the statement names no safeguard and the transfer is not listed. Set the country as the processor's `location:`, with `transfer:` for the safeguard, or take it out of the text.",
    },
    check: Some(check),
};

/// Countries outside the EEA that statements of Dutch schools name.
const COUNTRIES: [&str; 10] = [
    "Verenigde Staten",
    "Amerika",
    "VS",
    "Verenigd Koninkrijk",
    "Groot-Brittannië",
    "Zwitserland",
    "Canada",
    "India",
    "China",
    "Israël",
];

fn check(cx: &Cx, out: &mut Out) {
    let stored = |country: &str| {
        cx.model
            .processors
            .iter()
            .any(|p| find_word(&p.location, country).is_some())
    };
    // Once for the model, not once per field.
    let unstored: Vec<&str> = COUNTRIES.into_iter().filter(|c| !stored(c)).collect();
    for field in &cx.prose {
        for &country in &unstored {
            let Some(at) = field.find(country) else {
                continue;
            };
            // "VS" must be written in capitals: `vs` is also "versus".
            if country == "VS" && &field.text[at..at + 2] != "VS" {
                continue;
            }
            out.at_words(
                &field.origin,
                country,
                text!(
                    "de tekst noemt {country}, maar geen verwerker slaat daar gegevens op",
                    "the text names {country}, but no processor stores data there"
                ),
                text!(
                    "zet `location: {country}` en `transfer:` met de waarborg bij de verwerker, of haal het land uit de tekst",
                    "set `location: {country}` and `transfer:` with the safeguard on the processor, or take the country out of the text"
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
    fn a_country_only_in_the_text_is_reported() {
        let purpose = "activities:\n  - id: a\n    name: A\n    purpose: De gegevens staan op servers in de Verenigde Staten.\n    basis: public_task\n    categories: []\n    retention: r\n";
        assert_eq!(messages(&RULE, &[("content/a.yaml", purpose)]).len(), 1);
        let processor = "processors:\n  - id: p\n    name: P\n    does: d\n    location: Verenigde Staten\n    transfer: EU-VS-gegevensprivacykader\n    agreement: a\n";
        assert!(
            messages(
                &RULE,
                &[("content/a.yaml", purpose), ("content/p.yaml", processor)]
            )
            .is_empty()
        );
    }
}
