//! The mistakes of reading YAML, as diagnostics in words for people who do
//! not know YAML's grammar or Rust's types.
//!
//! The errors arrive as values ([`Syntax`] from the parser, [`Problem`] from
//! the deserializer); this module only chooses the words and the hint.

use std::path::Path;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::yaml::de::{Error, Problem, Want};
use crate::yaml::{Shape, Syntax, SyntaxError};

/// A syntax error of `file`.
pub fn syntax(file: &Path, error: &SyntaxError) -> Diagnostic {
    let (message, hint) = match &error.kind {
        Syntax::UnclosedQuote => (
            "a quoted text starts here but its closing quote is missing".to_string(),
            "add the closing `\"` (or `'`) at the end of the text",
        ),
        Syntax::Tab => (
            "this line has a tab or a character that cannot start a value".to_string(),
            "indent with spaces, not tabs; put text that starts with `@` or a backtick in quotes",
        ),
        Syntax::Indentation => (
            "this line is indented differently from the lines around it".to_string(),
            "check the indentation: the keys of one entry start in the same column, and so do the `- ` of one list; indent with spaces",
        ),
        Syntax::ColonInValue => (
            "a `: ` inside a value makes YAML read it as a new key".to_string(),
            "put the whole value in quotes, e.g. `name: \"Let op: dit is een voorbeeld\"`",
        ),
        Syntax::Alias => (
            "helder does not read YAML anchors and aliases (`&name`, `*name`)".to_string(),
            "write the value out in full where it is used",
        ),
        Syntax::TooDeep => (
            "the values here are nested too deeply".to_string(),
            "no part of a helder site is nested more than a few levels; check the indentation",
        ),
        Syntax::SecondDocument => (
            "a second YAML document starts here (`---`)".to_string(),
            "a file holds one document: remove the `---` line, or move what follows to a file of its own",
        ),
        Syntax::Other(text) => (
            text.clone(),
            "check the indentation (spaces, not tabs), and put text that contains `: ` or starts with a special character in quotes",
        ),
    };
    Diagnostic::error(file, Some(error.pos), message).with_hint(hint)
}

/// A value that does not fit the model.
pub fn model(file: &Path, error: &Error) -> Diagnostic {
    let (message, hint) = words(&error.problem);
    Diagnostic::error(file, error.pos, message).with_hint(hint)
}

fn words(problem: &Problem) -> (String, String) {
    match problem {
        Problem::UnknownKey { key, allowed } => {
            let list = allowed.join(", ");
            let hint = match did_you_mean(key, allowed.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? Keys allowed here: {list}"),
                None => format!("keys allowed here: {list}"),
            };
            (format!("unknown key `{key}`"), hint)
        }
        Problem::MissingKey(key) => (
            format!("missing required key `{key}`"),
            format!("add `{key}:` with a value to this entry"),
        ),
        Problem::DuplicateKey(key) => (
            format!("the key `{key}` is written twice in this entry"),
            "keep one of the two".to_string(),
        ),
        Problem::UnknownValue { value, allowed } => {
            let list = allowed.join(", ");
            let hint = match did_you_mean(value, allowed.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? Allowed values: {list}"),
                None => format!("allowed values: {list}"),
            };
            (format!("`{value}` is not an allowed value here"), hint)
        }
        Problem::Expected { want, found, text } => expected(*want, *found, text.as_deref()),
        Problem::Invalid(message) => (
            message.clone(),
            "check that this value has the form the key expects".to_string(),
        ),
    }
}

/// A value of the wrong kind: what was found, and what to write instead.
fn expected(want: Want, found: Shape, text: Option<&str>) -> (String, String) {
    let found_words = match (found, text) {
        (Shape::Nothing, _) => "nothing".to_string(),
        (Shape::Text, Some(text)) => format!("`{text}`"),
        (Shape::Text, None) => "a text".to_string(),
        (Shape::List, _) => "a list".to_string(),
        (Shape::Map, _) => "a block of keys".to_string(),
    };
    let (want_words, hint) = match want {
        Want::Bool => ("`true` or `false`", "write `true` (yes) or `false` (no)"),
        Want::Number => ("a whole number", "write the number in digits, e.g. `5`"),
        Want::Text if found == Shape::Nothing => (
            "a text",
            "write the value after the colon, or remove the key if it is optional",
        ),
        Want::Text => (
            "a text",
            "write one text here; put it in quotes if it starts with `[`, `{` or `-`",
        ),
        Want::List if found == Shape::Nothing => {
            ("a list", "write `[]` for an empty list, or remove the key")
        }
        Want::List => (
            "a list",
            "write the items as a list: `[a, b]`, or one `- ` line per item",
        ),
        Want::Map => (
            "a block of keys",
            "write the keys of this entry on the lines below it, indented with spaces",
        ),
    };
    (
        format!("expected {want_words} here, found {found_words}"),
        hint.to_string(),
    )
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
        let (message, hint) = words(&problem);
        assert_eq!(message, "unknown key `nmae`");
        assert_eq!(
            hint,
            "did you mean `name`? Keys allowed here: id, name, place"
        );
    }

    #[test]
    fn ja_gets_true_or_false() {
        let (message, hint) = expected(Want::Bool, Shape::Text, Some("ja"));
        assert_eq!(message, "expected `true` or `false` here, found `ja`");
        assert!(
            hint.contains("`true`") && hint.contains("`false`"),
            "{hint}"
        );
    }
}
