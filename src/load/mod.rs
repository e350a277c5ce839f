//! Load: read `schools.yaml` and the YAML files of `content/` into one [`Model`].
//!
//! Three jobs, one file each:
//! - here, finding and reading the files: each is parsed into a tree that
//!   knows the position of every value ([`crate::yaml`]) and read from that
//!   tree into the typed model;
//! - `merge.rs`: joining the fragments of `content/` and the schools into
//!   one model, giving every entity its [`Origin`];
//! - `explain.rs`: turning what went wrong into diagnostics with a hint;
//! - `encoding.rs`: a file's bytes into its text, or what encoding it is in.
//!
//! Every file is read and every mistake reported, not just the first: a
//! syntax error sets aside only the list item that holds it
//! ([`crate::yaml::recover`]), and an item that does not fit the model only
//! itself (`items.rs`). The trees are kept in [`Sources`], so that later stages can
//! point a diagnostic at the line of a broken reference.

mod encoding;
pub mod explain;
mod items;
pub mod merge;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, SourceFile, Sources, Text, Unread};
use crate::layout::{CONTENT_DIR, SCHOOLS_FILE};
use crate::model::{Fragment, Model, Origin, SchoolsFile, Section, YamlPath};
use crate::text;
use crate::yaml::recover::{self, Skipped};
use crate::yaml::{self, Node, Syntax};

/// The largest YAML file helder reads unless told otherwise
/// (`--max-file-size`): far above any board's model (the example's files are
/// tens of kB; a schools.yaml of every Dutch school is a few MB), far below
/// what would take seconds and gigabytes to read.
pub const MAX_FILE_BYTES: u64 = 10_000_000;

/// What `load` read: the model (partial when files had mistakes), where
/// each part was written, and the mistakes found.
pub struct Loaded {
    pub model: Model,
    pub sources: Sources,
    pub errors: Vec<Diagnostic>,
    /// Every file of content/ was read, so references into the shared
    /// model can be checked.
    pub content_complete: bool,
    /// schools.yaml was read.
    pub schools_complete: bool,
}

/// Reads the site in `root`: every file, reporting every mistake, and a
/// model of what could be read. A file larger than `max_bytes` is refused
/// unread.
pub fn load(root: &Path, max_bytes: u64) -> Loaded {
    let mut trees = Trees::default();
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut fragments = Vec::new();
    for path in content_files(root, &mut errors) {
        let text = read_text(root, &path, max_bytes, &mut sources, &mut errors);
        if let Some(fragment) = text.and_then(|t| {
            parse_with(
                &path,
                t,
                &mut sources,
                &mut errors,
                items::fragment,
                &mut trees,
            )
        }) {
            fragments.push(fragment);
        }
    }
    let content_complete = every_file_parsed(&errors);
    let rel = Path::new(SCHOOLS_FILE);
    let text = read_text(root, rel, max_bytes, &mut sources, &mut errors);
    let schools = text.and_then(|t| {
        parse_with(
            rel,
            t,
            &mut sources,
            &mut errors,
            items::schools,
            &mut trees,
        )
    });
    finish(fragments, schools, sources, errors, content_complete)
}

/// Reads a site from texts instead of files: `(path, text)` pairs with the
/// paths a site has (`schools.yaml`, `content/….yaml`). For tests, and for
/// anything that holds a site in memory.
pub fn load_texts(files: &[(&str, &str)]) -> Loaded {
    load_texts_with(files, &mut Trees::default())
}

/// The trees of texts parsed before, by their text, for reading many
/// versions of one site: a file that did not change from one version to
/// the next is parsed once. Only texts without a syntax error are kept.
#[derive(Default)]
pub struct Trees(std::collections::HashMap<String, Option<Node>>);

/// [`load_texts`], with the trees of texts seen before taken from `trees`.
pub fn load_texts_with(files: &[(&str, &str)], trees: &mut Trees) -> Loaded {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut content: Vec<&(&str, &str)> =
        files.iter().filter(|(p, _)| *p != SCHOOLS_FILE).collect();
    content.sort_by_key(|(path, _)| *path);
    let mut fragments = Vec::new();
    for (path, text) in content {
        let text = text.to_string();
        if let Some(f) = parse_with(
            Path::new(path),
            text,
            &mut sources,
            &mut errors,
            items::fragment,
            trees,
        ) {
            fragments.push(f);
        }
    }
    let content_complete = every_file_parsed(&errors);
    let schools = files
        .iter()
        .find(|(p, _)| *p == SCHOOLS_FILE)
        .and_then(|(p, text)| {
            parse_with(
                Path::new(p),
                text.to_string(),
                &mut sources,
                &mut errors,
                items::schools,
                trees,
            )
        });
    finish(fragments, schools, sources, errors, content_complete)
}

/// Whether no file so far failed to be read or parsed: then every id of
/// the shared model is known, and references into it can be checked.
fn every_file_parsed(errors: &[Diagnostic]) -> bool {
    errors
        .iter()
        .all(|e| !matches!(e.code, Some(explain::SYNTAX | explain::UNREADABLE)))
}

fn finish(
    fragments: Vec<(usize, Fragment)>,
    schools: Option<(usize, SchoolsFile)>,
    sources: Sources,
    mut errors: Vec<Diagnostic>,
    content_complete: bool,
) -> Loaded {
    // After a syntax error some schools were set aside: the rules that
    // need every school (is this website's school there?) wait for the fix.
    let schools_complete = schools.is_some()
        && !errors.iter().any(|e| {
            e.code == Some(explain::SYNTAX) && e.file.as_path() == Path::new(SCHOOLS_FILE)
        });
    let model = merge::merge(fragments, schools, &sources, content_complete, &mut errors);
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
            Diagnostic::error(
                CONTENT_DIR,
                None,
                text!(
                    "de map `content/` ontbreekt",
                    "the folder `content/` is missing"
                ),
            )
            .with_hint(not_here(root, "`content/`"))
            .with_code(explain::UNREADABLE),
        );
        return Vec::new();
    }
    if is_link(&dir) {
        errors.push(refused_link(Path::new(CONTENT_DIR)));
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        match entry {
            // A link would read a file from elsewhere, or nothing at all when
            // it is broken: say so instead of leaving the file out silently.
            Ok(entry)
                if entry.file_type().is_symlink()
                    && (is_yaml(entry.path()) || entry.path().is_dir()) =>
            {
                let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                errors.push(refused_link(rel));
            }
            Ok(entry) if is_yaml(entry.path()) && entry.file_type().is_file() => {
                let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                files.push(rel.to_path_buf());
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(&dir);
                let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                let hint = text!(
                    "controleer of helder de map mag lezen",
                    "check that helder may read the folder"
                );
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("loop"));
                errors.push(explain::unreadable(&rel, &io, hint));
            }
        }
    }
    files
}

/// Where helder looked for `what` (`content/`, schools.yaml) in `root`,
/// and where to start it instead: the site that holds `root`, when helder
/// was started in one of its folders (`content/`), as people do after
/// opening a file there.
fn not_here(root: &Path, what: &str) -> Text {
    let looked = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let site = looked
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(SCHOOLS_FILE).is_file() && dir.join(CONTENT_DIR).is_dir());
    let shown = looked.display();
    match site {
        Some(site) => {
            let depth = looked
                .strip_prefix(site)
                .map_or(1, |p| p.components().count());
            let up = vec![".."; depth].join("/");
            let site = site.display();
            text!(
                "helder zocht {what} in {shown}, een map binnen de site; de site zelf staat in {site}: start helder daar (`cd {up}`), of geef `--root {up}` mee",
                "helder looked for {what} in {shown}, a folder inside the site; the site itself is in {site}: run helder there (`cd {up}`), or pass `--root {up}`"
            )
        }
        None => text!(
            "helder zocht {what} in {shown}; start helder in de map van de site (waar schools.yaml en `content/` staan), of geef die map mee met `--root`",
            "helder looked for {what} in {shown}; run helder in the site's folder (where schools.yaml and `content/` are), or pass it with `--root`"
        ),
    }
}

/// Whether `path` is a symbolic link (followed or not, it is refused).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The error for a symbolic link among the site's files (`rel`): helder
/// reads the site's own files, not what a link points at, which may be
/// outside the site, or nothing when the link is broken. Never skipped
/// without a word.
pub fn refused_link(rel: &Path) -> Diagnostic {
    let message = text!(
        "dit is een snelkoppeling (symbolische link); helder leest alleen de bestanden en mappen van de site zelf",
        "this is a symbolic link; helder reads only the site's own files and folders"
    );
    let hint = text!(
        "zet het bestand (of de map) zelf op deze plek",
        "put the file (or folder) itself in this place"
    );
    Diagnostic::error(rel, None, message)
        .with_hint(hint)
        .with_code(explain::UNREADABLE)
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// The text of one file (`rel`, relative to `root`), or `None` after
/// reporting why it cannot be read.
fn read_text(
    root: &Path,
    rel: &Path,
    max_bytes: u64,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    if is_link(&root.join(rel)) {
        errors.push(refused_link(rel));
        return None;
    }
    let size = std::fs::metadata(root.join(rel)).map_or(0, |m| m.len());
    if size > max_bytes {
        let (mb, max) = (size / 1_000_000, max_bytes / 1_000_000);
        let more = mb + 1;
        let message = text!(
            "dit bestand is {mb} MB; helder leest bestanden tot {max} MB",
            "this file is {mb} MB; helder reads files of up to {max} MB"
        );
        let hint = text!(
            "het hele model van een bestuur is een paar honderd kB; controleer of dit het juiste bestand is, of verdeel het over meer bestanden (is het echt zo groot, geef dan `--max-file-size {more}`)",
            "a board's whole model is a few hundred kB; check that this is the right file, or split it over more files (if it really is this large, pass `--max-file-size {more}`)"
        );
        errors.push(
            Diagnostic::error(rel, None, message)
                .with_hint(hint)
                .with_code(explain::UNREADABLE),
        );
        return None;
    }
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(bytes) => bytes,
        Err(e) => {
            let error = match e.kind() {
                std::io::ErrorKind::NotFound if rel == Path::new(SCHOOLS_FILE) => {
                    let message = text!(
                        "het bestand schools.yaml ontbreekt",
                        "the file schools.yaml is missing"
                    );
                    Diagnostic::error(rel, None, message)
                        .with_hint(not_here(root, SCHOOLS_FILE))
                        .with_code(explain::UNREADABLE)
                }
                _ => explain::unreadable(rel, &e, read_hint(&e)),
            };
            // A file that is not there is the site's mistake; one that is
            // there but cannot be read, this machine's.
            errors.push(match e.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory => error,
                _ => error.on_machine(),
            });
            return None;
        }
    };
    match encoding::decode(rel, bytes) {
        Ok(text) => Some(text),
        Err(not) => {
            errors.push(not.diagnostic);
            if let Some(text) = not.shown {
                // Kept so that the message can show its line.
                sources.files.push(SourceFile {
                    path: rel.to_path_buf(),
                    text,
                    ..SourceFile::default()
                });
            }
            None
        }
    }
}

/// What to do about a file that cannot be read, by the cause.
fn read_hint(error: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => text!(
            "het bestand is weg sinds helder de map las; start helder opnieuw",
            "the file was removed after helder read the folder; run helder again"
        ),
        ErrorKind::PermissionDenied => text!(
            "helder mag dit bestand niet lezen: geef uw gebruiker leesrechten op het bestand",
            "helder may not read this file: give your user permission to read it"
        ),
        ErrorKind::IsADirectory => text!(
            "dit is een map; zet hier het bestand zelf neer",
            "this is a folder; put the file itself here"
        ),
        _ => text!(
            "de computer kon het bestand niet lezen; probeer het opnieuw, en controleer de schijf als het blijft gebeuren",
            "the computer could not read the file; try again, and check the disk if it keeps happening"
        ),
    }
}

/// Parses `text`, reporting every syntax error: after one, the list item
/// that holds it is set aside (`yaml::recover`) and the rest parsed again, so
/// that the file's other items are still read and checked. `None` when the
/// text could not be parsed even so; then nothing of it is read.
fn parse_around_mistakes(
    rel: &Path,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) -> (Option<Option<Node>>, Vec<Skipped>) {
    /// More syntax errors than this in one file are one mistake repeated.
    const MOST: usize = 20;
    let mut skipped: Vec<Skipped> = Vec::new();
    // The byte-order mark is no part of the first line, whose key
    // `recover` reads.
    let text = text.strip_prefix(yaml::BOM).unwrap_or(text);
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut last: Option<yaml::SyntaxError> = None;
    loop {
        let error = match yaml::parse(&current) {
            Ok(tree) => return (Some(tree), skipped),
            Err(error) => error,
        };
        // The same error after an item was set aside lies outside that item
        // (in the lines before the list's first `- `, as fuzzing found): it
        // is reported once, and nothing more of the file is read.
        if last.as_ref() == Some(&error) {
            return (None, skipped);
        }
        errors.push(explain::syntax(rel, &error));
        // An alias points at another item, and a second document or too
        // deep a nesting is not a mistake of one item: read no further.
        let local = !matches!(
            error.kind,
            Syntax::Alias | Syntax::SecondDocument | Syntax::TooDeep
        );
        let next = (local && skipped.len() < MOST)
            .then(|| recover::skip_item(&current, error.pos.line))
            .flatten();
        match next {
            Some((text, item)) => {
                skipped.push(item);
                current = std::borrow::Cow::Owned(text);
                last = Some(error);
            }
            None => return (None, skipped),
        }
    }
}

/// Reads YAML `text` (of the file `rel`) into `T` as a whole, and keeps
/// its tree in `sources`, as `load` does for the files of a site.
pub fn from_text<T: DeserializeOwned + Default>(
    rel: &Path,
    text: String,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Option<(usize, T)> {
    parse_with(
        rel,
        text,
        sources,
        errors,
        items::whole,
        &mut Trees::default(),
    )
}

/// Parses `text` and reads its tree with `reader`; the tree is kept in
/// `sources` also when it does not fit the model, and the text when it is
/// not YAML, so that a message can show the line.
fn parse_with<T: Default>(
    rel: &Path,
    text: String,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
    reader: fn(&mut items::Reading) -> Option<T>,
    trees: &mut Trees,
) -> Option<(usize, T)> {
    let file = sources.files.len();
    let (parsed, skipped) = match trees.0.get(&text) {
        Some(tree) => (Some(tree.clone()), Vec::new()),
        None => {
            let (parsed, skipped) = parse_around_mistakes(rel, &text, errors);
            if let Some(tree) = parsed.as_ref().filter(|_| skipped.is_empty()) {
                trees.0.insert(text.clone(), tree.clone());
            }
            (parsed, skipped)
        }
    };
    for item in &skipped {
        let list = Section::KEYS
            .into_iter()
            .chain(["schools"])
            .find(|key| *key == item.list);
        if let (Some(list), Some(id)) = (list, &item.id) {
            sources.unread.push(Unread {
                list,
                id: id.clone(),
                origin: Origin {
                    file,
                    path: YamlPath::key(list).at(item.index),
                },
            });
        }
    }
    let (tree, value) = match parsed {
        None => (None, None),
        Some(None) => (None, Some(T::default())), // no document, or only comments
        Some(Some(node)) => {
            let mut reading = items::Reading {
                node: &node,
                text: &text,
                file,
                rel,
                errors,
                unread: &mut sources.unread,
                skipped: &skipped,
            };
            let value = reader(&mut reading);
            (Some(node), value)
        }
    };
    let sections = Section::ALL
        .into_iter()
        .filter(|s| tree.as_ref().is_some_and(|t| t.get(s.key()).is_some()))
        .collect();
    sources.files.push(SourceFile {
        path: rel.to_path_buf(),
        text,
        tree,
        sections,
    });
    value.map(|value| (file, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of the syntax errors reported.
    fn syntax_lines(loaded: &Loaded) -> Vec<usize> {
        loaded
            .errors
            .iter()
            .filter(|e| e.code == Some(explain::SYNTAX))
            .map(|e| e.pos.map_or(0, |p| p.line))
            .collect()
    }

    #[test]
    fn every_syntax_error_of_a_file_is_reported_and_the_other_items_read() {
        let text = "activities:
  - id: een
    name: \"Een
    purpose: p
  - id: twee
    name: Twee
     purpose: p
  - id: drie
    name: Drie
    purpose: p
    basis: consent
    categories: []
    retention: r
";
        let loaded = load_texts(&[("content/a.yaml", text)]);
        let syntax = syntax_lines(&loaded);
        assert_eq!(syntax, [3, 7]);
        let read: Vec<&str> = loaded
            .model
            .activities
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(read, ["drie"]);
        let unread: Vec<&str> = loaded
            .sources
            .unread
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        assert_eq!(unread, ["een", "twee"]);
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_list_of_an_item_set_aside() {
        let text = "\u{feff}subjects:\n  - id: ouders\n    name: \"Ouders\n  - id: leerlingen\n    name: Leerlingen\n";
        let loaded = load_texts(&[("content/a.yaml", text)]);
        assert_eq!(syntax_lines(&loaded), [3]);
        let unread: Vec<(&str, &str)> = loaded
            .sources
            .unread
            .iter()
            .map(|u| (u.list, u.id.as_str()))
            .collect();
        assert_eq!(unread, [("subjects", "ouders")]);
    }

    /// Found by fuzzing: a key indented as far as the `- ` above it was
    /// reported 21 times, once per attempt to read on.
    #[test]
    fn a_syntax_error_is_reported_once() {
        let text =
            "subjects:\n  - id: ouders\n  name: Ouders\n  - id: leerlingen\n    name: Leerlingen\n";
        let loaded = load_texts(&[("content/a.yaml", text)]);
        let syntax = syntax_lines(&loaded);
        assert_eq!(syntax, [3]);
        let read: Vec<&str> = loaded
            .model
            .subjects
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(read, ["leerlingen"]);

        // The mistake is above the list's first item, so setting the item
        // aside leaves it where it was: once is enough.
        let loaded = load_texts(&[("schools.yaml", "schools:\n .\n- id: a\n")]);
        let syntax = syntax_lines(&loaded);
        assert_eq!(syntax, [3]);
    }
}
