//! Load: read `schools.yaml` and the YAML files of `content/` into one [`Model`].
//!
//! This is the only module that calls `serde_yaml` (archived upstream), so a
//! maintained fork can replace it here alone. A second, position-only pass with
//! yaml-rust2's event parser records where every YAML node starts, so that
//! later stages can point a diagnostic at the line of a broken reference.
//! Every file is read and every mistake reported, not just the first.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostic::{Diagnostic, Pos, SourceFile, Sources, did_you_mean};
use crate::model::{Fragment, Model, Origin, SchoolsFile};

/// The file with the schools, relative to the site's folder.
pub const SCHOOLS_FILE: &str = "schools.yaml";
/// The folder with the shared model, relative to the site's folder.
pub const CONTENT_DIR: &str = "content";

/// What `load` read: the model (partial when files had mistakes), where
/// each part was written, and the mistakes found.
pub struct Loaded {
    pub model: Model,
    pub sources: Sources,
    pub errors: Vec<Diagnostic>,
    /// A file of content/ could not be read, so references into the shared
    /// model cannot be checked.
    pub content_complete: bool,
    /// schools.yaml could not be read.
    pub schools_complete: bool,
}

/// Reads the site in `root`: every file, reporting every mistake, and a
/// model of what could be read.
pub fn load(root: &Path) -> Loaded {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut fragments = Vec::new();

    for path in content_files(root, &mut errors) {
        if let Some(fragment) = read::<Fragment>(root, &path, &mut sources, &mut errors) {
            fragments.push((sources.files.len() - 1, fragment));
        }
    }
    let content_complete = errors.is_empty();
    let schools = read::<SchoolsFile>(root, Path::new(SCHOOLS_FILE), &mut sources, &mut errors)
        .map(|file| (sources.files.len() - 1, file));
    let schools_complete = schools.is_some();
    let model = merge(fragments, schools, &sources, content_complete, &mut errors);
    Loaded {
        model,
        sources,
        errors,
        content_complete,
        schools_complete,
    }
}

/// The YAML files under `content/`, sorted by name so the merge order (and so
/// the order of lists on the pages) is the same on every machine.
fn content_files(root: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        errors.push(
            Diagnostic::error(CONTENT_DIR, None, "the folder `content/` is missing").with_hint(
                format!(
                    "run helder in the site's folder, or pass it with `--root`; looked in {}",
                    root.canonicalize()
                        .unwrap_or_else(|_| root.to_path_buf())
                        .display()
                ),
            ),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        match entry {
            Ok(entry) if is_yaml(entry.path()) && entry.file_type().is_file() => {
                let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                files.push(rel.to_path_buf());
            }
            Ok(_) => {}
            Err(e) => errors.push(Diagnostic::error(
                e.path()
                    .unwrap_or(&dir)
                    .strip_prefix(root)
                    .unwrap_or(&dir)
                    .to_path_buf(),
                None,
                format!("cannot read: {e}"),
            )),
        }
    }
    files
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Reads one YAML file into `T`, recording its node positions in `sources`.
fn read<T: DeserializeOwned + Default>(
    root: &Path,
    rel: &Path,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Option<T> {
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(text) => text,
        Err(e) => {
            let hint = if rel == Path::new(SCHOOLS_FILE) {
                "every site has a schools.yaml beside content/; run helder in the site's folder or pass it with `--root`"
            } else {
                "check that the file exists and is saved as UTF-8 text"
            };
            errors.push(
                Diagnostic::error(rel, None, format!("cannot read this file: {e}")).with_hint(hint),
            );
            return None;
        }
    };
    // Syntax first, for the whole file: serde reads as it goes and would
    // report a model error above a mis-indented line instead of the line.
    let positions = match positions(&text) {
        Ok(positions) => positions,
        Err((pos, message)) => {
            errors.push(syntax_error(rel, &text, pos, &message));
            return None;
        }
    };
    let empty = positions.is_empty();
    sources.files.push(SourceFile {
        path: rel.to_path_buf(),
        positions,
    });
    if empty {
        return Some(T::default()); // no document, or only comments
    }
    match serde_yaml::from_str::<T>(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            errors.push(yaml_error(rel, &e));
            None
        }
    }
}

/// Turns a serde_yaml error into a diagnostic with a position and a hint.
fn yaml_error(file: &Path, error: &serde_yaml::Error) -> Diagnostic {
    let mut pos = error.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    });
    let text = error.to_string();
    // Syntax errors read "PROBLEM at line A column B, while CONTEXT at line C
    // column D"; the context's position (where the unclosed quote or the
    // mapping started) is where the fix goes.
    let message = match text.split_once(", while ") {
        Some((problem, context)) => {
            let (problem, _) = split_location(problem);
            let (context, start) = split_location(context);
            pos = start.or(pos);
            format!("{problem}, while {context}")
        }
        None => split_location(&text).0.to_string(),
    };
    // serde_yaml prefixes the YAML path ("activities[0].basis: …"); the
    // line and column already say where, so keep only the message.
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => rest.to_string(),
        _ => message,
    };
    let (message, hint) = explain(&message);
    let diagnostic = Diagnostic::error(file, pos, message);
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// A YAML syntax error, in words for people who do not know YAML's grammar.
/// An indentation error points at the first character of its line, where
/// the fix goes, rather than where the parser gave up.
fn syntax_error(file: &Path, text: &str, mut pos: Pos, message: &str) -> Diagnostic {
    if message.contains("indicator") || message.contains("expected key") {
        if let Some(line) = text.lines().nth(pos.line.saturating_sub(1)) {
            pos.column = line.len() - line.trim_start().len() + 1;
        }
    }
    let (message, hint) = explain(message);
    let diagnostic = Diagnostic::error(file, Some(pos), message);
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// Splits "TEXT at line 5 column 9" into the text and the position.
fn split_location(text: &str) -> (&str, Option<Pos>) {
    let Some(at) = text.rfind(" at line ") else {
        return (text, None);
    };
    let mut numbers = text[at..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty());
    let pos = match (numbers.next(), numbers.next()) {
        (Some(line), Some(column)) => line
            .parse()
            .ok()
            .zip(column.parse().ok())
            .map(|(line, column)| Pos { line, column }),
        _ => None,
    };
    (&text[..at], pos)
}

/// Rewrites serde's messages for people who do not read Rust.
fn explain(message: &str) -> (String, Option<String>) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match did_you_mean(key, allowed.iter().map(String::as_str)) {
            Some(best) => format!(
                "did you mean `{best}`? Keys allowed here: {}",
                allowed.join(", ")
            ),
            None => format!("keys allowed here: {}", allowed.join(", ")),
        };
        return (format!("unknown key `{key}`"), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            format!("missing required key `{key}`"),
            Some(format!("add `{key}:` with a value to this entry")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match did_you_mean(value, allowed.iter().map(String::as_str)) {
            Some(best) => format!(
                "did you mean `{best}`? Allowed values: {}",
                allowed.join(", ")
            ),
            None => format!("allowed values: {}", allowed.join(", ")),
        };
        return (
            format!("`{value}` is not an allowed value here"),
            Some(hint),
        );
    }
    if message.contains("did not match any variant of untagged enum Member") {
        return (
            "an article member must be a text, or `text:` with a list of `items:`".into(),
            Some("write `- Tekst van het lid.` or `- text: …` followed by `items: [ … ]`".into()),
        );
    }
    // YAML syntax, in the wording of yaml-rust2 and of libyaml (serde_yaml).
    if message.contains("quoted scalar") {
        return (
            "a quoted text starts here but its closing quote is missing".into(),
            Some("add the closing `\"` (or `'`) at the end of the text".into()),
        );
    }
    if message.contains("tabs disallowed") || message.contains("cannot start any token") {
        return (
            "this line has a tab or a character that cannot start a value".into(),
            Some("indent with spaces, not tabs; put text that starts with `@` or a backtick in quotes".into()),
        );
    }
    if message.contains("did not find expected") || message.contains("block collection") {
        return (
            "this line is indented differently from the lines around it".into(),
            Some("check the indentation: the keys of one entry start in the same column, and so do the `- ` of one list; indent with spaces".into()),
        );
    }
    if message.contains("mapping values are not allowed") {
        return (
            "a `: ` inside a value makes YAML read it as a new key".into(),
            Some(
                "put the whole value in quotes, e.g. `name: \"Let op: dit is een voorbeeld\"`"
                    .into(),
            ),
        );
    }
    if message.starts_with("invalid type") {
        return (
            message.to_string(),
            Some("check that this value has the form the key expects (a text, a list, or a block of keys)".into()),
        );
    }
    let hint = "check the indentation (spaces, not tabs), and put text that contains `: ` or starts with a special character in quotes";
    (message.to_string(), Some(hint.into()))
}

/// The names between backticks in serde's "expected one of `a`, `b`".
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Every node of a YAML text, by its path (`activities[3].categories[1]`),
/// with where it starts; empty when the text has no document. A syntax
/// error comes back with where the parser found it.
pub fn positions(text: &str) -> Result<std::collections::HashMap<String, Pos>, (Pos, String)> {
    let mut recorder = Recorder::default();
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut recorder, false).map_err(|e| {
        let pos = Pos {
            line: e.marker().line(),
            column: e.marker().col() + 1,
        };
        (pos, e.info().to_string())
    })?;
    Ok(recorder.positions)
}

#[derive(Default)]
struct Recorder {
    positions: std::collections::HashMap<String, Pos>,
    /// Open collections: the path of each, and what the next child is.
    stack: Vec<Frame>,
}

enum Frame {
    Sequence { path: String, next: usize },
    Mapping { path: String, key: Option<String> },
}

impl Recorder {
    /// The path of the node that starts now, or `None` for a mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Sequence { path, next }) => {
                *next += 1;
                Some(format!("{path}[{}]", *next - 1))
            }
            Some(Frame::Mapping { path, key }) => {
                let key = key.take()?;
                Some(if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                })
            }
        }
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let pos = Pos {
            line: mark.line(),
            column: mark.col() + 1,
        };
        match event {
            Event::Scalar(value, ..) => match self.next_path() {
                Some(path) => {
                    self.positions.insert(path, pos);
                }
                None => {
                    if let Some(Frame::Mapping { key, path }) = self.stack.last_mut() {
                        // A block mapping starts where its first key is
                        // (the parser's own mark for it lies past the key).
                        self.positions.entry(path.clone()).or_insert(pos);
                        *key = Some(value);
                    }
                }
            },
            Event::Alias(_) => {
                if let Some(path) = self.next_path() {
                    self.positions.insert(path, pos);
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let path = self.next_path().unwrap_or_default();
                if matches!(event, Event::SequenceStart(..)) {
                    self.positions.insert(path.clone(), pos);
                }
                self.stack.push(match event {
                    Event::SequenceStart(..) => Frame::Sequence { path, next: 0 },
                    _ => Frame::Mapping { path, key: None },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// Merges the fragments of content/ and the schools into one model, and
/// gives every entity its origin.
fn merge(
    fragments: Vec<(usize, Fragment)>,
    schools: Option<(usize, SchoolsFile)>,
    sources: &Sources,
    content_complete: bool,
    errors: &mut Vec<Diagnostic>,
) -> Model {
    let mut model = Model::default();
    let mut seen: Vec<(&str, Origin)> = Vec::new();
    let mut once = |section: &'static str, file: usize, errors: &mut Vec<Diagnostic>| -> bool {
        let origin = Origin {
            file,
            path: section.into(),
        };
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == section) {
            let first = format!("{}", sources.path(first).display());
            errors.push(
                sources
                    .error(&origin, format!("`{section}:` is written twice"))
                    .with_hint(format!("it is also in {first}; keep one of the two")),
            );
            return false;
        }
        seen.push((section, origin));
        true
    };

    for (file, f) in fragments {
        macro_rules! single {
            ($field:ident) => {
                if let Some(value) = f.$field {
                    if once(stringify!($field), file, errors) {
                        model.$field = value;
                    }
                }
            };
        }
        single!(site);
        single!(organisation);
        single!(statement);
        if let Some(mut rights) = f.rights
            && once("rights", file, errors)
        {
            rights.origin = Origin {
                file,
                path: "rights".into(),
            };
            for (i, right) in rights.items.iter_mut().enumerate() {
                right.origin = rights.origin.child(&format!("items[{i}]"));
            }
            model.rights = rights;
        }
        if let Some(mut regulation) = f.regulation
            && once("regulation", file, errors)
        {
            regulation.origin = Origin {
                file,
                path: "regulation".into(),
            };
            model.regulation = Some(regulation);
        }
        macro_rules! list {
            ($field:ident) => {
                for (i, mut item) in f.$field.into_iter().enumerate() {
                    item.origin = Origin {
                        file,
                        path: format!("{}[{}]", stringify!($field), i),
                    };
                    model.$field.push(item);
                }
            };
        }
        list!(subjects);
        list!(categories);
        list!(retention);
        list!(activities);
        list!(processors);
        list!(recipients);
        list!(cookies);
    }

    let required = [
        (
            "organisation",
            "the board: name, addresses, phone, e-mail, website, dpo, privacy_contact, supervisory_authority",
        ),
        (
            "statement",
            "the prose of the statement: introduction, security, automated_decisions, changes",
        ),
        (
            "rights",
            "the rights of parents and pupils and how to use them",
        ),
    ];
    for (section, what) in required.into_iter().filter(|_| content_complete) {
        if !seen.iter().any(|(s, _)| *s == section) {
            errors.push(
                Diagnostic::error(
                    CONTENT_DIR,
                    None,
                    format!("no file in content/ has a `{section}:` section"),
                )
                .with_hint(format!(
                    "add `{section}:` to a YAML file in content/, with {what}"
                )),
            );
        }
    }

    if let Some((file, schools)) = schools {
        for (i, mut school) in schools.schools.into_iter().enumerate() {
            school.origin = Origin {
                file,
                path: format!("schools[{i}]"),
            };
            model.schools.push(school);
        }
    }
    model
}

/// The entries of a version of `schools.yaml`, as (id, canonical text) pairs,
/// for the history stage to see which school's entry a commit changed.
/// Whitespace, comments and key order do not count as a change.
pub fn school_entries(text: &str) -> Option<Vec<(String, String)>> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    let schools = value.get("schools")?.as_sequence()?;
    let mut entries = Vec::with_capacity(schools.len());
    for school in schools {
        let id = school.get("id")?.as_str()?.to_string();
        entries.push((id, canonical(school)));
    }
    Some(entries)
}

/// A text for a YAML value that ignores key order and formatting.
fn canonical(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            let mut pairs: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}={}", canonical(k), canonical(v)))
                .collect();
            pairs.sort();
            format!("{{{}}}", pairs.join(","))
        }
        Value::Sequence(items) => {
            format!(
                "[{}]",
                items.iter().map(canonical).collect::<Vec<_>>().join(",")
            )
        }
        Value::Tagged(tagged) => canonical(&tagged.value),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_positions_of_nested_nodes() {
        let text = "activities:\n  - id: a\n    categories: [x, y]\n  - id: b\n";
        let p = positions(text).unwrap();
        assert_eq!(p["activities[0]"], Pos { line: 2, column: 5 });
        assert_eq!(
            p["activities[0].categories[1]"],
            Pos {
                line: 3,
                column: 21
            }
        );
        assert_eq!(p["activities[1].id"], Pos { line: 4, column: 9 });
    }

    #[test]
    fn an_empty_file_has_no_positions_and_a_broken_one_none() {
        assert_eq!(positions("# only a comment\n").unwrap().len(), 0);
        assert!(positions("a: \"unclosed\n").is_err());
    }

    #[test]
    fn school_entries_ignore_key_order_and_comments() {
        let a = school_entries("schools:\n  - id: x\n    name: X\n    place: P\n").unwrap();
        let b =
            school_entries("schools:\n  # note\n  - place: P\n    id: x\n    name: X\n").unwrap();
        assert_eq!(a, b);
        let c = school_entries("schools:\n  - id: x\n    name: Y\n    place: P\n").unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn explains_unknown_keys_with_a_suggestion() {
        let (message, hint) =
            explain("unknown field `nmae`, expected one of `id`, `name`, `place`");
        assert_eq!(message, "unknown key `nmae`");
        assert_eq!(
            hint.unwrap(),
            "did you mean `name`? Keys allowed here: id, name, place"
        );
    }
}
