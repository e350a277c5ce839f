//! Load: read `schools.yaml` and the YAML files of `content/` into one [`Model`].
//!
//! Three jobs, one file each:
//! - here, finding and reading the files: each is parsed into a tree that
//!   knows the position of every value ([`crate::yaml`]) and read from that
//!   tree into the typed model;
//! - `merge.rs`: joining the fragments of `content/` and the schools into
//!   one model, giving every entity its [`Origin`](crate::model::Origin);
//! - `explain.rs`: turning what went wrong into diagnostics with a hint.
//!
//! Every file is read and every file's mistake reported, not just the
//! first file's. The trees are kept in [`Sources`], so that later stages can
//! point a diagnostic at the line of a broken reference.

pub mod explain;
pub mod merge;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, SourceFile, Sources};
use crate::layout::{CONTENT_DIR, SCHOOLS_FILE};
use crate::model::{Fragment, Model, SchoolsFile, Section};
use crate::{text, yaml};

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
/// model of what could be read.
pub fn load(root: &Path) -> Loaded {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut fragments = Vec::new();

    for path in content_files(root, &mut errors) {
        if let Some((file, fragment)) = read::<Fragment>(root, &path, &mut sources, &mut errors) {
            fragments.push((file, fragment));
        }
    }
    let content_complete = errors.is_empty();
    let schools = read::<SchoolsFile>(root, Path::new(SCHOOLS_FILE), &mut sources, &mut errors);
    let schools_complete = schools.is_some();
    let model = merge::merge(fragments, schools, &sources, content_complete, &mut errors);
    Loaded {
        model,
        sources,
        errors,
        content_complete,
        schools_complete,
    }
}

/// Reads a site from texts instead of files: `(path, text)` pairs with the
/// paths a site has (`schools.yaml`, `content/….yaml`). For tests, and for
/// anything that holds a site in memory.
pub fn load_texts(files: &[(&str, &str)]) -> Loaded {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut content: Vec<&(&str, &str)> =
        files.iter().filter(|(p, _)| *p != SCHOOLS_FILE).collect();
    content.sort_by_key(|(path, _)| *path);
    let fragments: Vec<(usize, Fragment)> = content
        .iter()
        .filter_map(|(path, text)| {
            from_text(Path::new(path), text.to_string(), &mut sources, &mut errors)
        })
        .collect();
    let content_complete = errors.is_empty();
    let schools = files
        .iter()
        .find(|(p, _)| *p == SCHOOLS_FILE)
        .and_then(|(p, text)| from_text(Path::new(p), text.to_string(), &mut sources, &mut errors));
    let schools_complete = schools.is_some();
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
        let looked = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let looked = looked.display();
        errors.push(
            Diagnostic::error(
                CONTENT_DIR,
                None,
                text!("de map `content/` ontbreekt", "the folder `content/` is missing"),
            )
            .with_hint(text!(
                "start helder in de map van de site, of geef die map mee met `--root`; gezocht in {looked}",
                "run helder in the site's folder, or pass it with `--root`; looked in {looked}"
            ))
            .with_code(explain::UNREADABLE),
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

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Reads one YAML file (`rel`, relative to `root`) into `T`, and keeps its
/// tree in `sources`. Returns the file's index in `sources` with the value,
/// or `None` after reporting why it could not be read.
pub fn read<T: DeserializeOwned + Default>(
    root: &Path,
    rel: &Path,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Option<(usize, T)> {
    let text = match std::fs::read_to_string(root.join(rel)) {
        Ok(text) => text,
        Err(e) => {
            let hint = if rel == Path::new(SCHOOLS_FILE) {
                text!(
                    "elke site heeft een schools.yaml naast content/; start helder in de map van de site, of geef die mee met `--root`",
                    "every site has a schools.yaml beside content/; run helder in the site's folder or pass it with `--root`"
                )
            } else {
                text!(
                    "controleer of het bestand bestaat en als UTF-8-tekst is bewaard",
                    "check that the file exists and is saved as UTF-8 text"
                )
            };
            errors.push(explain::unreadable(rel, &e, hint));
            return None;
        }
    };
    from_text(rel, text, sources, errors)
}

/// Reads YAML `text` (of the file `rel`) into `T`, and keeps its tree in
/// `sources`; see [`read`].
pub fn from_text<T: DeserializeOwned + Default>(
    rel: &Path,
    text: String,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Option<(usize, T)> {
    let tree = match yaml::parse(&text) {
        Ok(tree) => tree,
        Err(error) => {
            errors.push(explain::syntax(rel, &error));
            // The text stays, so that a message can show the line.
            sources.files.push(SourceFile {
                path: rel.to_path_buf(),
                text,
                tree: None,
                sections: Vec::new(),
            });
            return None;
        }
    };
    let value = match &tree {
        None => Some(T::default()), // no document, or only comments
        Some(node) => yaml::de::from_node(node)
            .map_err(|error| errors.push(explain::model(rel, &error)))
            .ok(),
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
    value.map(|value| (sources.files.len() - 1, value))
}
