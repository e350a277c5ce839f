//! The mistakes of reading YAML, as diagnostics in words for people who do
//! not know YAML's grammar or Rust's types, in Dutch and English.
//!
//! The errors arrive as values ([`Syntax`] from the parser, [`Problem`] from
//! the deserializer); this module only chooses the words, the hint and the
//! code (see `check::rules` for what each code means).

use std::path::Path;

use crate::diagnostic::{Diagnostic, Text, did_you_mean};
use crate::text;
use crate::yaml::de::{Error, Problem, Want};
use crate::yaml::{Node, Pos, Shape, Syntax, SyntaxError, Value, is_key_like};

/// The codes of the mistakes found while reading.
pub const SYNTAX: &str = "HL001";
pub const UNKNOWN_KEY: &str = "HL002";
pub const MISSING_KEY: &str = "HL003";
pub const WRONG_KIND: &str = "HL004";
pub const UNKNOWN_VALUE: &str = "HL005";
pub const UNREADABLE: &str = "HL006";

/// A syntax error of `file`.
pub fn syntax(file: &Path, error: &SyntaxError) -> Diagnostic {
    let (message, hint) = match &error.kind {
        Syntax::UnclosedQuote => (
            text!(
                "hier begint een tekst tussen aanhalingstekens, maar het sluitende aanhalingsteken ontbreekt",
                "a quoted text starts here but its closing quote is missing"
            ),
            text!(
                "zet het sluitende `\"` (of `'`) aan het eind van de tekst",
                "add the closing `\"` (or `'`) at the end of the text"
            ),
        ),
        Syntax::Tab => (
            text!(
                "deze regel bevat een tab, of een teken waarmee een waarde niet kan beginnen",
                "this line has a tab or a character that cannot start a value"
            ),
            text!(
                "spring in met spaties, niet met tabs; zet tekst die met `@` of een backtick begint tussen aanhalingstekens",
                "indent with spaces, not tabs; put text that starts with `@` or a backtick in quotes"
            ),
        ),
        Syntax::Indentation => (
            text!(
                "deze regel springt anders in dan de regels eromheen",
                "this line is indented differently from the lines around it"
            ),
            text!(
                "controleer het inspringen: de sleutels van één item beginnen in dezelfde kolom, net als de `- ` van één lijst; spring in met spaties",
                "check the indentation: the keys of one entry start in the same column, and so do the `- ` of one list; indent with spaces"
            ),
        ),
        Syntax::ColonInValue => (
            text!(
                "door de `: ` in deze waarde leest YAML hem als een nieuwe sleutel",
                "a `: ` inside a value makes YAML read it as a new key"
            ),
            text!(
                "zet de hele waarde tussen aanhalingstekens, bijvoorbeeld `name: \"Let op: dit is een voorbeeld\"`",
                "put the whole value in quotes, e.g. `name: \"Let op: dit is een voorbeeld\"`"
            ),
        ),
        Syntax::Alias => (
            text!(
                "helder leest geen YAML-ankers en -verwijzingen (`&naam`, `*naam`)",
                "helder does not read YAML anchors and aliases (`&name`, `*name`)"
            ),
            text!(
                "schrijf de waarde voluit op elke plek waar hij nodig is",
                "write the value out in full where it is used"
            ),
        ),
        Syntax::TooDeep => (
            text!(
                "de waarden zijn hier te diep genest",
                "the values here are nested too deeply"
            ),
            text!(
                "geen deel van een helder-site is meer dan een paar niveaus diep; controleer het inspringen",
                "no part of a helder site is nested more than a few levels; check the indentation"
            ),
        ),
        Syntax::SecondDocument => (
            text!(
                "hier begint een tweede YAML-document (`---`)",
                "a second YAML document starts here (`---`)"
            ),
            text!(
                "een bestand bevat één document: haal de regel `---` weg, of zet wat volgt in een eigen bestand",
                "a file holds one document: remove the `---` line, or move what follows to a file of its own"
            ),
        ),
        Syntax::Forbidden(c) => {
            let (shown, name) = (c.escape_unicode(), control_name(*c));
            let (name_nl, name_en) = (&name.nl, &name.en);
            (
                text!(
                    "hier staat een teken dat niet in een YAML-bestand mag, ook niet in een opmerking: `{shown}` ({name_nl})",
                    "this character is not allowed in a YAML file, not even in a comment: `{shown}` ({name_en})"
                ),
                text!(
                    "haal het teken weg en bewaar het bestand; het is onzichtbaar en komt vaak mee bij kopiëren uit een ander programma",
                    "remove the character and save the file; it is invisible and often comes along when copying from another program"
                ),
            )
        }
        Syntax::MissingColon(words) => missing_colon(words),
        Syntax::Other(words) => (
            text!(
                "deze YAML klopt niet: {words}",
                "this is not valid YAML: {words}"
            ),
            text!(
                "controleer het inspringen (spaties, geen tabs), en zet tekst met `: ` of een bijzonder eerste teken tussen aanhalingstekens",
                "check the indentation (spaces, not tabs), and put text that contains `: ` or starts with a special character in quotes"
            ),
        ),
    };
    let mut diagnostic = Diagnostic::error(file, Some(error.pos), message)
        .with_hint(hint)
        .with_code(SYNTAX);
    // The key without its colon is underlined, not the value after it.
    if let Syntax::MissingColon(words) = &error.kind
        && let Some((key, _)) = words.split_once(' ')
        && is_key_like(key)
    {
        diagnostic.end = Some(Pos {
            line: error.pos.line,
            column: error.pos.column + key.chars().count(),
        });
    }
    diagnostic
}

/// Words without a colon where a key belongs (`place Leusden`). A first
/// word that can be a key (`place`) is one that lost its colon; other
/// words (`Zuidbroek`, `Dit is de tekst`) are a value without its key, or
/// the rest of the text above that lost its place.
fn missing_colon(words: &str) -> (Text, Text) {
    let (first, rest) = words.split_once(' ').unwrap_or((words, ""));
    let rest = rest.trim_start();
    if is_key_like(first) {
        let fixed = if rest.is_empty() {
            format!("{first}: …")
        } else {
            format!("{first}: {rest}")
        };
        return (
            text!(
                "hier ontbreekt de dubbele punt na `{first}`",
                "the colon after `{first}` is missing here"
            ),
            text!(
                "schrijf `{fixed}`: de sleutel, een dubbele punt en een spatie, dan de waarde",
                "write `{fixed}`: the key, a colon and a space, then the value"
            ),
        );
    }
    (
        text!(
            "op deze regel hoort een sleutel met een dubbele punt, maar er staat alleen `{words}`",
            "a key with a colon belongs on this line, but it only says `{words}`"
        ),
        text!(
            "zet de sleutel waar deze waarde bij hoort ervoor, met een dubbele punt: `sleutel: {words}`; hoort de tekst bij de regel erboven, zet hem dan achter de tekst op die regel",
            "put the key this value belongs to before it, with a colon: `key: {words}`; if the text belongs to the line above, put it after the text on that line"
        ),
    )
}

/// What a character YAML forbids is called, for a person.
fn control_name(c: char) -> Text {
    match c {
        '\0' => text!("een NUL-byte", "a NUL byte"),
        '\u{1b}' => text!("het escape-teken", "the escape character"),
        '\u{7f}' => text!("het DEL-teken", "the DEL character"),
        '\u{fffe}' | '\u{ffff}' => text!("geen geldig teken", "not a valid character"),
        _ => text!("een stuurteken", "a control character"),
    }
}

/// A value that does not fit the model.
pub fn model(file: &Path, error: &Error) -> Diagnostic {
    let (code, message, hint) = words(&error.problem);
    Diagnostic::error(file, error.pos, message)
        .with_hint(hint)
        .with_code(code)
}

/// An item of a list whose keys start over (`id`, `name`, `place`, then
/// `id` again): a second item pasted below the first without its `- `.
/// YAML reads both as one item with keys written twice, and the message
/// for that ("keep one of the two") would have the person delete the
/// item they just added. Said here instead: where the new item seems to
/// start, and the line as it should be.
///
/// It is this mistake when the first key written again is `id`, or when
/// from there on two or more keys of the item come again; one key written
/// twice is that mistake, reported by the model's reader.
pub fn item_without_dash(file: &Path, text: &str, item: &Node) -> Option<Diagnostic> {
    let Value::Map(entries) = &item.value else {
        return None;
    };
    let key = |i: usize| entries[i].0.as_str();
    let first_again = (1..entries.len()).find(|&j| (0..j).any(|i| key(i) == key(j)))?;
    let again = (first_again..entries.len())
        .filter(|&j| (0..first_again).any(|i| key(i) == key(j)))
        .count();
    let name = key(first_again)?;
    if name != "id" && again < 2 {
        return None;
    }
    let earlier = entries[..first_again]
        .iter()
        .find(|(k, _)| k.as_str() == Some(name))?
        .0
        .pos
        .line;
    let start = entries[first_again].0.pos;
    let line = start.line;
    let item_line = item.pos.line;
    let message = text!(
        "op regel {line} lijkt een nieuw item te beginnen zonder `- `: de sleutel `{name}` staat in dit item al op regel {earlier}",
        "a new entry seems to start on line {line} without its `- `: the key `{name}` is already on line {earlier} of this entry"
    );
    let hint = match with_dash(text, item.pos, start) {
        Some(fixed) => text!(
            "zet een `-` op regel {line}, recht onder de `-` van regel {item_line}, zodat het een eigen item wordt: `{fixed}`; haal niets weg",
            "put a `-` on line {line}, right under the `-` of line {item_line}, so that it becomes an entry of its own: `{fixed}`; remove nothing"
        ),
        None => text!(
            "zet `- ` voor `{name}:` op regel {line}, in dezelfde kolom als de `- ` van regel {item_line}, zodat het een eigen item wordt; haal niets weg",
            "put `- ` before `{name}:` on line {line}, in the column of the `- ` of line {item_line}, so that it becomes an entry of its own; remove nothing"
        ),
    };
    Some(
        Diagnostic::error(file, Some(start), message)
            .with_hint(hint)
            .with_code(WRONG_KIND),
    )
}

/// The line at `key` with a `-` in the column of the `-` before the item's
/// first key at `first`: `  - id: de-vlinder` for `    id: de-vlinder`.
fn with_dash(text: &str, first: Pos, key: Pos) -> Option<String> {
    let line_of = |n: usize| text.split('\n').nth(n.checked_sub(1)?);
    let item_line = line_of(first.line)?;
    let before: String = item_line.chars().take(first.column - 1).collect();
    let dash = before.rfind("- ")?;
    let line = line_of(key.line)?.trim_end_matches('\r');
    let spaces = key.column - 1;
    let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
    if !before.is_ascii() || indent.len() != spaces || dash >= spaces {
        return None;
    }
    Some(
        format!("{}-{}", &line[..dash], &line[dash + 1..])
            .trim_end()
            .to_string(),
    )
}

/// A file that cannot be read at all.
pub fn unreadable(file: &Path, error: &std::io::Error, hint: Text) -> Diagnostic {
    Diagnostic::error(
        file,
        None,
        text!(
            "dit bestand is niet te lezen: {error}",
            "cannot read this file: {error}"
        ),
    )
    .with_hint(hint)
    .with_code(UNREADABLE)
}

fn words(problem: &Problem) -> (&'static str, Text, Text) {
    match problem {
        Problem::UnknownKey { key, allowed } => {
            let list = allowed.join(", ");
            let hint = match did_you_mean(key, allowed.iter().copied()) {
                Some(best) => text!(
                    "bedoelt u `{best}`? Toegestaan zijn hier: {list}",
                    "did you mean `{best}`? Keys allowed here: {list}"
                ),
                None => text!("toegestaan zijn hier: {list}", "keys allowed here: {list}"),
            };
            let message = text!("onbekende sleutel `{key}`", "unknown key `{key}`");
            (UNKNOWN_KEY, message, hint)
        }
        Problem::MissingKey(key) => (
            MISSING_KEY,
            text!(
                "de verplichte sleutel `{key}` ontbreekt",
                "missing required key `{key}`"
            ),
            text!(
                "voeg `{key}:` met een waarde toe aan dit item",
                "add `{key}:` with a value to this entry"
            ),
        ),
        Problem::DuplicateKey(key) => (
            WRONG_KIND,
            text!(
                "de sleutel `{key}` staat twee keer in dit item",
                "the key `{key}` is written twice in this entry"
            ),
            text!("houd er één van de twee", "keep one of the two"),
        ),
        Problem::UnknownValue { value, allowed } => {
            let list = allowed.join(", ");
            let hint = match did_you_mean(value, allowed.iter().copied()) {
                Some(best) => text!(
                    "bedoelt u `{best}`? Toegestane waarden: {list}",
                    "did you mean `{best}`? Allowed values: {list}"
                ),
                None => text!("toegestane waarden: {list}", "allowed values: {list}"),
            };
            let message = text!(
                "`{value}` is hier geen toegestane waarde",
                "`{value}` is not an allowed value here"
            );
            (UNKNOWN_VALUE, message, hint)
        }
        Problem::Expected { want, found, text } => {
            let (message, hint) = expected(*want, *found, text.as_deref());
            (WRONG_KIND, message, hint)
        }
        Problem::InvalidValue { text, examples } => (
            WRONG_KIND,
            text!(
                "`{text}` heeft niet de vorm die hier hoort",
                "`{text}` does not have the form this key takes"
            ),
            text!(
                "schrijf het zo: {examples}",
                "write it like this: {examples}"
            ),
        ),
        Problem::Invalid(words) => (
            WRONG_KIND,
            text!(
                "deze waarde klopt niet: {words}",
                "this value is wrong: {words}"
            ),
            text!(
                "vergelijk de waarde met de voorbeelden in de README",
                "compare the value with the examples in the README"
            ),
        ),
    }
}

/// A value of the wrong kind: what was found, and what to write instead.
fn expected(want: Want, found: Shape, written: Option<&str>) -> (Text, Text) {
    let found = match (found, written) {
        (Shape::Nothing, _) => text!("niets", "nothing"),
        (Shape::Text, Some(written)) => text!("`{written}`", "`{written}`"),
        (Shape::Text, None) => text!("een tekst", "a text"),
        (Shape::List, _) => text!("een lijst", "a list"),
        (Shape::Map, _) => text!("een blok met sleutels", "a block of keys"),
    };
    let nothing = found.en == "nothing";
    let (want, hint) = match want {
        Want::Bool => (
            text!("`true` of `false`", "`true` or `false`"),
            text!(
                "schrijf `true` (ja) of `false` (nee), zonder aanhalingstekens",
                "write `true` (yes) or `false` (no), without quotes"
            ),
        ),
        Want::Number => (
            text!("een heel getal", "a whole number"),
            text!(
                "schrijf het getal in cijfers, bijvoorbeeld `5`",
                "write the number in digits, e.g. `5`"
            ),
        ),
        Want::Text if nothing => (
            text!("een tekst", "a text"),
            text!(
                "schrijf de waarde achter de dubbele punt, of haal de sleutel weg als hij niet verplicht is",
                "write the value after the colon, or remove the key if it is optional"
            ),
        ),
        Want::Text => (
            text!("een tekst", "a text"),
            text!(
                "schrijf hier één tekst; zet hem tussen aanhalingstekens als hij met `[`, `{{` of `-` begint",
                "write one text here; put it in quotes if it starts with `[`, `{{` or `-`"
            ),
        ),
        Want::List if nothing => (
            text!("een lijst", "a list"),
            text!(
                "schrijf `[]` voor een lege lijst, of haal de sleutel weg",
                "write `[]` for an empty list, or remove the key"
            ),
        ),
        Want::List => (
            text!("een lijst", "a list"),
            text!(
                "schrijf de items als lijst: `[a, b]`, of één regel `- ` per item",
                "write the items as a list: `[a, b]`, or one `- ` line per item"
            ),
        ),
        Want::Map => (
            text!("een blok met sleutels", "a block of keys"),
            match written.and_then(|w| w.split_once(' ')) {
                // `- id de-linde`: a key that lost its colon.
                Some((key, value)) if is_key_like(key) => {
                    let value = value.trim_start();
                    text!(
                        "hier ontbreekt de dubbele punt na `{key}`: schrijf `{key}: {value}`",
                        "the colon after `{key}` is missing: write `{key}: {value}`"
                    )
                }
                _ => text!(
                    "schrijf de sleutels van dit item op de regels eronder, ingesprongen met spaties",
                    "write the keys of this entry on the lines below it, indented with spaces"
                ),
            },
        ),
    };
    let (want_nl, want_en, found_nl, found_en) = (&want.nl, &want.en, &found.nl, &found.en);
    let message = text!(
        "hier hoort {want_nl}, maar er staat {found_nl}",
        "expected {want_en} here, found {found_en}"
    );
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_suggests_the_nearest() {
        let problem = Problem::UnknownKey {
            key: "nmae".into(),
            allowed: &["id", "name", "place"],
        };
        let (code, message, hint) = words(&problem);
        assert_eq!(code, UNKNOWN_KEY);
        assert_eq!(message.nl, "onbekende sleutel `nmae`");
        assert_eq!(message.en, "unknown key `nmae`");
        assert_eq!(
            hint.en,
            "did you mean `name`? Keys allowed here: id, name, place"
        );
    }

    #[test]
    fn ja_gets_true_or_false() {
        let (message, hint) = expected(Want::Bool, Shape::Text, Some("ja"));
        assert_eq!(
            message.nl,
            "hier hoort `true` of `false`, maar er staat `ja`"
        );
        assert_eq!(message.en, "expected `true` or `false` here, found `ja`");
        assert!(hint.nl.contains("`true` (ja)"), "{hint:?}");
    }
}
