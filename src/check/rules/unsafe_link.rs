//! HL207: a link in the prose that a page will not show as a link, or an image.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::markdown::unsafe_links;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL207",
    name: "unsafe-link",
    element: "form",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "De tekst heeft een link die geen webadres, e-mailadres of telefoonnummer is (zoals `javascript:`), of een afbeelding. De privacypagina's starten geen scripts en laden niets van andere websites; helder toont zo'n link als gewone tekst en een afbeelding als haar beschrijving. Verbeter het adres naar `https://…`, of haal de link of afbeelding weg.",
        en: "The text has a link that is no web address, e-mail address or phone number (such as `javascript:`), or an image. The privacy pages run no scripts and load nothing from other websites; helder shows such a link as plain text and an image as its description. Correct the address to `https://…`, or remove the link or image.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    for field in &cx.prose {
        for (image, url) in unsafe_links(field.text) {
            let message = if image {
                text!(
                    "een afbeelding ({url}) zou van een andere website laden",
                    "an image ({url}) would load from another website"
                )
            } else {
                text!(
                    "de link `{url}` is geen webadres, e-mailadres of telefoonnummer",
                    "the link `{url}` is no web address, e-mail address or phone number"
                )
            };
            out.at_words(
                &field.origin,
                &url,
                message,
                text!(
                    "gebruik een adres dat met `https://`, `mailto:` of `tel:` begint, of haal het weg",
                    "use an address starting with `https://`, `mailto:` or `tel:`, or remove it"
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
    fn a_script_link_and_an_image_are_errors() {
        let purpose = "activities:\n  - id: a\n    name: A\n    purpose: Lees [meer](javascript:alert(1)) ![x](https://elders.example/t.png)\n    basis: public_task\n    categories: []\n    retention: r\n";
        let found = messages(&RULE, &[("content/a.yaml", purpose)]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].1,
            "the link `javascript:alert(1)` is no web address, e-mail address or phone number"
        );
    }
}
