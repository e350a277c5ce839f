//! Fuzz target `yaml`: the position-keeping YAML reader and the recovery
//! after a syntax error (`helder::yaml`).
//!
//! The input is two bytes (a line number, little-endian) and then the text.
//! The text is parsed; then the list item around that line, and around the
//! line of the syntax error if there is one, is set aside as `load` does.
//! The property `recover` promises: the text keeps its number of lines, and
//! every line outside the item set aside stays as it was, so positions in
//! the rest of the file stay right.

#![no_main]

use helder::yaml::{self, recover};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [low, high, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let line = usize::from(u16::from_le_bytes([*low, *high]));
    let error_line = match yaml::parse(text) {
        Ok(tree) => {
            if let Some(tree) = tree {
                tree.canonical();
            }
            None
        }
        Err(error) => Some(error.pos.line),
    };
    for line in [Some(line), error_line].into_iter().flatten() {
        skip_keeps_lines(text, line);
    }
});

fn skip_keeps_lines(text: &str, line: usize) {
    let Some((out, skipped)) = recover::skip_item(text, line) else {
        return;
    };
    let before: Vec<&str> = text.split('\n').collect();
    let after: Vec<&str> = out.split('\n').collect();
    assert_eq!(before.len(), after.len(), "the number of lines changed");
    assert!(
        skipped.lines.contains(&line),
        "{skipped:?} is not around line {line}"
    );
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        let number = i + 1;
        if number == *skipped.lines.start() {
            assert_eq!(a.trim_start_matches(' '), "- ~");
        } else if skipped.lines.contains(&number) {
            assert_eq!(*a, "", "line {number} of the item set aside is not blank");
        } else {
            assert_eq!(a, b, "line {number}, outside the item, changed");
        }
    }
    yaml::parse(&out).ok();
}
