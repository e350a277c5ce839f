//! HL016: an id of the model that is not plain: other characters than
//! lower-case letters, digits and hyphens.

use super::{Doc, Level, Rule};
use crate::check::contact::disguising;
use crate::check::{Cx, Out};
use crate::model::Entity;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL016",
    name: "plain-id",
    element: "model",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Het `id` van een groep mensen, categorie, bewaartermijn, verwerking, verwerker of ontvanger bevat iets anders dan kleine letters, cijfers en streepjes. Andere delen van het model verwijzen met dat id, en het staat in de adressen van de kopjes op de pagina (`#doel-leerlingadministratie`). Een spatie, een aanhalingsteken uit Word of een onzichtbaar teken (een spatie zonder breedte, een teken dat de tekst omdraait) maakt dat een id er hetzelfde uitziet als een ander, maar het niet is. Kies een id als `leerlingadministratie`.",
        en: "The `id` of a group of people, category, retention rule, activity, processor or recipient holds something other than lower-case letters, digits and hyphens. Other parts of the model refer to it by that id, and it is in the addresses of the headings on the page (`#doel-leerlingadministratie`). A space, a quote from Word or an invisible character (a zero-width space, a character that turns the text around) makes an id look the same as another that it is not. Choose an id such as `leerlingadministratie`.",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let m = cx.model;
    plain(&m.subjects, out);
    plain(&m.categories, out);
    plain(&m.retention, out);
    plain(&m.activities, out);
    plain(&m.processors, out);
    plain(&m.recipients, out);
}

/// Whether `id` is lower-case letters, digits and hyphens, not starting
/// with a hyphen: the form of a school id (HL012), which reports those.
pub fn is_plain(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A plain id made from `written` (`De Vlinder` → `de-vlinder`, `Sint-Jozef
/// (Ede)` → `sint-jozef-ede`): lower case, letters with an accent without
/// it, every run of other characters one hyphen. `None` when nothing of it
/// is left.
pub fn plain_from(written: &str) -> Option<String> {
    let mut id = String::with_capacity(written.len());
    for c in written.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    (!id.is_empty()).then(|| id.to_string())
}

fn plain<T: Entity>(items: &[T], out: &mut Out) {
    for item in items.iter().filter(|item| !is_plain(item.id())) {
        // Shown escaped, so the message itself cannot disguise the id.
        let id = item.id().escape_debug().to_string();
        let (kind, kind_nl) = (T::KIND, T::KIND_NL);
        let invisible = item.id().chars().any(disguising);
        let hint = if invisible {
            text!(
                "het id bevat een onzichtbaar teken; typ het opnieuw, met alleen kleine letters, cijfers en streepjes",
                "the id holds an invisible character; type it again, with only lower-case letters, digits and hyphens"
            )
        } else {
            text!(
                "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `leerlingadministratie`",
                "use lower-case letters, digits and hyphens, e.g. `leerlingadministratie`"
            )
        };
        out.at(
            &item.origin().child("id"),
            text!(
                "het id `{id}` ({kind_nl}) mag alleen kleine letters, cijfers en streepjes bevatten",
                "the {kind} id `{id}` may hold only lower-case letters, digits and hyphens"
            ),
            hint,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn ids_with_spaces_quotes_markup_or_invisible_characters_are_reported() {
        let subjects = "subjects:\n  - id: ouders\n    name: Ouders\n  - id: \"\\\"><script>\"\n    name: A\n  - id: \"ouders\\u200b\"\n    name: B\n  - id: \u{201c}leerlingen\u{201d}\n    name: C\n  - id: Leerlingen\n    name: D\n";
        let found = messages(&RULE, &[("content/a.yaml", subjects)]);
        assert_eq!(
            found,
            [
                (
                    4,
                    "the subject id `\\\"><script>` may hold only lower-case letters, digits and hyphens".to_string()
                ),
                (
                    6,
                    "the subject id `ouders\\u{200b}` may hold only lower-case letters, digits and hyphens".to_string()
                ),
                (
                    8,
                    "the subject id `\u{201c}leerlingen\u{201d}` may hold only lower-case letters, digits and hyphens".to_string()
                ),
                (
                    10,
                    "the subject id `Leerlingen` may hold only lower-case letters, digits and hyphens".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_plain_id_is_made_from_what_was_written() {
        assert_eq!(plain_from("De Vlinder").as_deref(), Some("de-vlinder"));
        assert_eq!(
            plain_from(" Sint-Jozef (Ede) ").as_deref(),
            Some("sint-jozef-ede")
        );
        assert_eq!(plain_from("Één café").as_deref(), Some("een-cafe"));
        assert_eq!(plain_from("“…”"), None);
    }
}
