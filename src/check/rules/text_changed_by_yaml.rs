//! HL210: a text that YAML reads otherwise than it reads in the file: cut
//! at ` #`, or a list pasted from Word that runs together.

use super::{Doc, Level, Rule};
use crate::check::{Cx, Out};
use crate::diagnostic::Pos;
use crate::text;
use crate::yaml::{Node, Value};

pub const RULE: Rule = Rule {
    code: "HL210",
    name: "text-changed-by-yaml",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "Een tekst staat anders op de pagina dan in het bestand. Na een spatie en een `#` leest YAML de rest van de regel als een opmerking: van `name: Obs De Linde #1 in de klas` blijft `Obs De Linde` over. En een opsomming uit Word (regels die met `•`, `·`, `–` of `o ` beginnen) wordt één doorlopende alinea. Zet een tekst met ` #` tussen aanhalingstekens, of schrijf hem na `>-` op de regels eronder; schrijf een opsomming na `|` als Markdown-lijst, elk punt op een eigen regel die met `- ` begint, met een lege regel ervoor.",
        en: "A text reads otherwise on the page than in the file. After a space and a `#`, YAML reads the rest of the line as a comment: of `name: Obs De Linde #1 in de klas` only `Obs De Linde` is left. And a list pasted from Word (lines starting with `•`, `·`, `–` or `o `) becomes one run-on paragraph. Put a text with ` #` in quotes, or write it after `>-` on the lines below; write a list after `|` as a Markdown list, each item on a line of its own starting with `- `, with an empty line before it.",
    },
    check: Some(check),
};

/// The bullets Word and other word processors paste as characters.
const BULLETS: [&str; 7] = ["•", "·", "–", "▪", "◦", "\u{f0b7}", "o "];

fn check(cx: &Cx, out: &mut Out) {
    for file in &cx.sources.files {
        let Some(tree) = &file.tree else { continue };
        let lines: Vec<&str> = file.text.split('\n').collect();
        let mut texts = Vec::new();
        texts_of(tree, &mut texts);
        for (key, value) in texts {
            if let Some((at, cut, kept)) = cut_at_hash(&lines, value) {
                let quoted = quoted(&format!("{kept} {cut}"));
                let hint = text!(
                    "zet de hele tekst tussen aanhalingstekens ({quoted}), of schrijf hem na `>-` op de regel eronder; is het een opmerking, zet hem dan op een eigen regel",
                    "put the whole text in quotes ({quoted}), or write it after `>-` on the line below; if it is a comment, put it on a line of its own"
                );
                let d = out.in_file(
                    &file.path,
                    Some(at),
                    text!(
                        "na de `#` valt de rest van deze regel weg: YAML leest `{cut}` als een opmerking, en de tekst wordt `{kept}`",
                        "the rest of this line after the `#` is dropped: YAML reads `{cut}` as a comment, and the text becomes `{kept}`"
                    ),
                    hint,
                );
                d.end = Some(Pos {
                    line: at.line,
                    column: at.column + cut.chars().count(),
                });
            }
            if let Some((at, bullet)) = word_bullet(&lines, key, value) {
                let d = out.in_file(
                    &file.path,
                    Some(at),
                    text!(
                        "deze opsomming begint met `{bullet}`, zoals Word ze plakt: op de pagina lopen de punten samen tot één alinea",
                        "this list starts with `{bullet}`, as Word pastes it: on the page its items run together into one paragraph"
                    ),
                    text!(
                        "schrijf een Markdown-lijst: zet `|` achter de sleutel, een lege regel vóór de opsomming, en begin elk punt met `- ` in plaats van `{bullet}`",
                        "write a Markdown list: put `|` after the key, an empty line before the list, and start each item with `- ` instead of `{bullet}`"
                    ),
                );
                d.end = Some(Pos {
                    line: at.line,
                    column: at.column + bullet.chars().count(),
                });
            }
        }
    }
}

/// Every key with a text value under `node`, but ids, which are no text.
fn texts_of<'n>(node: &'n Node, out: &mut Vec<(&'n Node, &'n Node)>) {
    match &node.value {
        Value::Map(entries) => {
            for (key, value) in entries {
                if matches!(value.value, Value::Scalar { .. }) {
                    if key.as_str() != Some("id") {
                        out.push((key, value));
                    }
                } else {
                    texts_of(value, out);
                }
            }
        }
        Value::List(items) => items.iter().for_each(|item| texts_of(item, out)),
        Value::Scalar { .. } => {}
    }
}

/// Where a plain text on one line was cut at ` #`, what was cut off and
/// what is left: when the words before ` #` are the whole value, and the
/// value is more than one word or the `#` is followed at once by more
/// (`#1`). A comment after a single word (`basis: consent # toestemming`)
/// is one.
fn cut_at_hash(lines: &[&str], value: &Node) -> Option<(Pos, String, String)> {
    let Value::Scalar {
        text,
        quoted: false,
    } = &value.value
    else {
        return None;
    };
    let line = lines.get(value.pos.line.checked_sub(1)?)?;
    let line = line.trim_end_matches('\r');
    let start = line
        .char_indices()
        .nth(value.pos.column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let written = &line[start..];
    let hash = written.find(" #")?;
    if written[..hash].trim_end() != text.as_str() || text.is_empty() {
        return None;
    }
    let cut = written[hash + 1..].trim_end();
    let at_once = cut[1..].starts_with(|c: char| !c.is_whitespace());
    if !text.contains(' ') && !at_once {
        return None;
    }
    let column = line[..start + hash + 1].chars().count() + 1;
    let at = Pos {
        line: value.pos.line,
        column,
    };
    Some((at, cut.to_string(), text.clone()))
}

/// The first line of a text that starts with a bullet from Word, and that
/// bullet: the text's other lines are those below its key indented further.
fn word_bullet(lines: &[&str], key: &Node, value: &Node) -> Option<(Pos, &'static str)> {
    let first = value.pos.line;
    let key_indent = key.pos.column.checked_sub(1)?;
    // The lines after the value's first: a list is more than one line.
    for (i, line) in lines.iter().enumerate().skip(first) {
        let line = line.trim_end_matches('\r');
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        if !body.is_empty() && indent <= key_indent {
            break;
        }
        if let Some(bullet) = BULLETS.into_iter().find(|b| body.starts_with(b)) {
            let column = line[..line.len() - body.len()].chars().count() + 1;
            return Some((
                Pos {
                    line: i + 1,
                    column,
                },
                bullet,
            ));
        }
    }
    None
}

/// `text` in quotes that keep it whole, for the hint.
fn quoted(text: &str) -> String {
    if text.contains('"') {
        format!("`'{}'`", text.replace('\'', "''"))
    } else {
        format!("`\"{text}\"`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    #[test]
    fn a_text_cut_at_a_hash_is_reported_a_comment_is_not() {
        let schools = "schools:\n  - id: a\n    name: Obs De Linde #1 in de klas\n    place: P # de plaats\n  - id: b\n    name: \"Obs #2\"\n    place: Q\n";
        assert_eq!(
            messages(&RULE, &[("schools.yaml", schools)]),
            [(
                3,
                "the rest of this line after the `#` is dropped: YAML reads `#1 in de klas` as a comment, and the text becomes `Obs De Linde`".to_string()
            )]
        );
    }

    #[test]
    fn bullets_from_word_are_reported_a_markdown_list_is_not() {
        let statement = |security: &str| {
            format!(
                "statement:\n  introduction: i\n  security: {security}\n  automated_decisions: a\n  changes: c\n"
            )
        };
        let word = statement("Zo beschermen wij met\n    • wachtwoorden\n    • versleuteling");
        assert_eq!(
            messages(&RULE, &[("content/s.yaml", &word)]),
            [(
                4,
                "this list starts with `•`, as Word pastes it: on the page its items run together into one paragraph".to_string()
            )]
        );
        let letter_o = statement("|\n    Zo beschermen wij:\n    o wachtwoorden\n");
        assert_eq!(messages(&RULE, &[("content/s.yaml", &letter_o)]).len(), 1);
        let markdown = statement("|\n    Zo beschermen wij:\n\n    - wachtwoorden\n");
        assert!(messages(&RULE, &[("content/s.yaml", &markdown)]).is_empty());
    }
}
