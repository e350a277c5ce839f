//! Reading on after a syntax error: the list item that holds the mistake is
//! set aside, so that the file's other items can still be read and checked.
//!
//! YAML parsers stop at the first syntax error. A school board's files are
//! lists of items (`schools:`, `activities:`), and a mistake in one item
//! says nothing about the next. [`skip_item`] finds the outermost list item
//! around the line of the error, by indentation alone, and replaces it with
//! an empty item (`- ~`) and blank lines, so that every other line keeps its
//! number and column. The reader leaves that empty item out without a word:
//! the syntax error is the one message about it.

use std::ops::RangeInclusive;

/// The item that was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its lines, counted from 1.
    pub lines: RangeInclusive<usize>,
    /// The key of the list it is in (`activities`).
    pub list: String,
    /// Its place in that list, from 0.
    pub index: usize,
    /// Its `id:`, where that line can still be read, so that references to
    /// it are not reported as unknown on top of the syntax error.
    pub id: Option<String>,
}

/// `text` without the list item around `line` (counted from 1), or `None`
/// when that line is not inside an item of a list under a top-level key.
pub fn skip_item(text: &str, line: usize) -> Option<(String, Skipped)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let at = line.checked_sub(1).filter(|&i| i < lines.len())?;
    let (start, indent) = outermost_item(&lines, at)?;
    let key_line = (0..start).rev().find(|&i| {
        let l = lines[i];
        counts(l) && (indentation(l) < indent || indentation(l) == 0 && !is_item(l))
    })?;
    let list = top_level_key(lines[key_line])?;
    // The item ends before the next line indented as far as its `- ` or
    // less, but never before the line of the mistake: a key indented as far
    // as the `- ` (`  name:` under `  - id:`) belongs to no item, and left
    // standing it would be the same syntax error again after every skip.
    let end = (at + 1..lines.len())
        .find(|&i| counts(lines[i]) && indentation(lines[i]) <= indent)
        .unwrap_or(lines.len());
    let index = (key_line + 1..start)
        .filter(|&i| indentation(lines[i]) == indent && is_item(lines[i]))
        .count();
    let id = lines[start..end].iter().find_map(|l| id_of(l, indent));

    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i == start {
            out.push_str(&" ".repeat(indent));
            out.push_str("- ~");
        } else if !(start..end).contains(&i) {
            out.push_str(l);
        }
    }
    let skipped = Skipped {
        lines: start + 1..=end,
        list,
        index,
        id,
    };
    Some((out, skipped))
}

/// The first line of the outermost list item that holds line `at`, and its
/// indentation: walking up to the top-level key, each `- ` line indented
/// less than the last one found holds it (one indented the same is an item
/// before it).
fn outermost_item(lines: &[&str], at: usize) -> Option<(usize, usize)> {
    let mut found: Option<(usize, usize)> = None;
    for i in (0..=at).rev() {
        let l = lines[i];
        if !counts(l) {
            continue;
        }
        let indent = indentation(l);
        if is_item(l) && found.is_none_or(|(_, least)| indent < least) {
            found = Some((i, indent));
        } else if indent == 0 {
            return found;
        }
    }
    None
}

/// `activities` for the line `activities:` at the left margin.
fn top_level_key(line: &str) -> Option<String> {
    let key = line.trim_end().strip_suffix(':')?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then(|| key.to_string())
}

/// The id of an item, from its `- id: x` or `  id: x` line.
fn id_of(line: &str, indent: usize) -> Option<String> {
    let rest = line.get(indent..)?;
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    let value = rest.strip_prefix("id:")?;
    let value = value.split(" #").next()?.trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then(|| value.to_string())
}

/// Whether a line holds YAML, not only spaces or a comment.
fn counts(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    t == "-" || t.starts_with("- ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIVITIES: &str = "activities:
  - id: eerste
    name: \"Niet gesloten
    basis: consent

  - id: tweede
    name: Tweede
    categories:
      - naam
organisation:
  name: X
";

    #[test]
    fn the_item_around_the_line_is_set_aside_and_the_rest_keeps_its_lines() {
        let (text, skipped) = skip_item(ACTIVITIES, 3).unwrap();
        assert_eq!(
            skipped,
            Skipped {
                lines: 2..=5,
                list: "activities".to_string(),
                index: 0,
                id: Some("eerste".to_string()),
            }
        );
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(lines.len(), ACTIVITIES.split('\n').count());
        assert_eq!(
            &lines[..6],
            ["activities:", "  - ~", "", "", "", "  - id: tweede"]
        );
        assert!(crate::yaml::parse(&text).is_ok());
    }

    #[test]
    fn a_line_in_a_nested_list_sets_aside_the_outer_item() {
        let (_, skipped) = skip_item(ACTIVITIES, 9).unwrap();
        assert_eq!(skipped.lines, 6..=9);
        assert_eq!((skipped.index, skipped.id.as_deref()), (1, Some("tweede")));
    }

    #[test]
    fn outside_a_list_nothing_is_set_aside() {
        assert_eq!(skip_item(ACTIVITIES, 11), None);
        assert_eq!(skip_item(ACTIVITIES, 1), None);
        assert_eq!(skip_item("name: \"x\n", 1), None);
    }

    /// Found by the fuzz target `yaml`: the key under the item was left
    /// standing, so `load` reported its syntax error 21 times.
    #[test]
    fn a_line_indented_as_far_as_the_dash_goes_with_the_item_above() {
        let text = "subjects:\n  - id: ouders\n  name: Ouders\n  - id: b\n";
        let (out, skipped) = skip_item(text, 3).unwrap();
        assert_eq!(skipped.lines, 2..=3);
        assert_eq!(out, "subjects:\n  - ~\n\n  - id: b\n");
    }

    #[test]
    fn items_at_the_left_margin() {
        let text = "schools:\n- id: a\n  name: 'x\n- id: b\n  name: B\n";
        let (out, skipped) = skip_item(text, 3).unwrap();
        assert_eq!((skipped.lines, skipped.index), (2..=3, 0));
        assert_eq!(out, "schools:\n- ~\n\n- id: b\n  name: B\n");
    }
}
