//! HL017: a placeholder of `helder init` (`«…»`) that is still to be filled in.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::diagnostic::Pos;
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL017",
    name: "placeholder",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Er staat nog een tekst tussen « » die u moet invullen. `helder init` zet zulke teksten op elke plek waar een nieuw bestuur zijn eigen gegevens schrijft, zoals `«naam van het bestuur»`. Vervang de hele tekst, met de tekens « en », door uw eigen gegevens. Zolang er een staat, meldt helder het als waarschuwing; een adres of telefoonnummer tussen « » wordt pas gecontroleerd als het is ingevuld.",
        en: "A text between « » is still to be filled in. `helder init` puts such texts wherever a new board writes its own details, such as `«naam van het bestuur»`. Replace the whole text, with the « and », by your own details. As long as one is there, helder warns about it; an address or phone number between « » is checked once it is filled in.",
    },
    check: Some(check),
};

/// Whether `value` still holds a placeholder.
pub fn is_placeholder(value: &str) -> bool {
    value
        .split_once('«')
        .is_some_and(|(_, rest)| rest.contains('»'))
}

fn check(cx: &Cx, out: &mut Out) {
    for file in &cx.sources.files {
        for (i, line) in file.text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let mut rest = line;
            let mut column = 1;
            while let Some((before, after)) = rest.split_once('«') {
                let Some((inside, next)) = after.split_once('»') else {
                    break;
                };
                column += before.chars().count();
                let at = Pos {
                    line: i + 1,
                    column,
                };
                let width = inside.chars().count() + 2;
                let end = Pos {
                    line: i + 1,
                    column: column + width,
                };
                let shown = format!("«{inside}»");
                let reported = out.in_file(
                    file.path.clone(),
                    Some(at),
                    text!(
                        "hier staat nog {shown}: vul dit in",
                        "{shown} is still to be filled in here"
                    ),
                    text!(
                        "vervang de hele tekst, met « en », door uw eigen gegevens",
                        "replace the whole text, with « and », by your own details"
                    ),
                );
                reported.end = Some(end);
                column += width;
                rest = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn every_placeholder_is_reported_where_it_is() {
        let yaml = "# «geen»: een opmerking\nsubjects:\n  - id: a\n    name: «naam van de groep»\n  - id: b\n    name: privacy@«domein» en «nog een»\n";
        let found = messages(&RULE, &[("content/a.yaml", yaml)]);
        assert_eq!(
            found,
            [
                (
                    4,
                    "«naam van de groep» is still to be filled in here".to_string()
                ),
                (6, "«domein» is still to be filled in here".to_string()),
                (6, "«nog een» is still to be filled in here".to_string()),
            ]
        );
        assert!(is_placeholder("privacy@«domein».nl"));
        assert!(!is_placeholder("«half"));
    }
}
