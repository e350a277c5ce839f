//! Diagnostics: what went wrong, where (file:line:column) and how to fix it.
//!
//! Every stage reports mistakes as [`Diagnostic`]s instead of stopping at the
//! first one, so a person fixing YAML sees the whole list in one run. The
//! loaded files ([`Sources`]) turn an entity's [`Origin`] (file + YAML path)
//! into a line and column; this is the one place where an origin becomes text.

use std::fmt;
use std::path::PathBuf;

use crate::model::{Origin, Section};
use crate::yaml::Node;
pub use crate::yaml::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, as the user would type it from the site's folder.
    pub file: PathBuf,
    pub pos: Option<Pos>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            pos,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, pos, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as text, with ANSI colours when `colour` is set.
    pub fn render(&self, colour: bool) -> String {
        let (label, paint) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let (on, off) = if colour { (paint, "\x1b[0m") } else { ("", "") };
        let mut out = format!("{}", self.file.display());
        if let Some(pos) = self.pos {
            out += &format!(":{}:{}", pos.line, pos.column);
        }
        if !out.is_empty() {
            out += ": ";
        }
        out += &format!("{on}{label}{off}: {}", self.message);
        if let Some(hint) = &self.hint {
            out += &format!("\n  hint: {hint}");
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Sorts diagnostics by file and position, errors and warnings mixed, so the
/// list reads top to bottom like the files do.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.file, a.pos, &a.message).cmp(&(&b.file, b.pos, &b.message)));
}

/// One loaded YAML file: its text, its tree and the sections it holds.
#[derive(Debug, Default)]
pub struct SourceFile {
    /// Relative to the site's folder.
    pub path: PathBuf,
    pub text: String,
    /// None when the file holds no document.
    pub tree: Option<Node>,
    /// The sections of the model written in this file (for content/).
    pub sections: Vec<Section>,
}

/// All loaded files, indexed by [`Origin::file`].
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn path(&self, origin: &Origin) -> PathBuf {
        self.files
            .get(origin.file)
            .map(|f| f.path.clone())
            .unwrap_or_default()
    }

    /// The position of `origin`, or of the nearest enclosing node that has one.
    pub fn pos(&self, origin: &Origin) -> Option<Pos> {
        let tree = self.files.get(origin.file)?.tree.as_ref()?;
        Some(tree.find(&origin.path).pos)
    }

    /// The files that hold any of these sections, in load order.
    pub fn files_with(&self, sections: &[Section]) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|f| f.sections.iter().any(|s| sections.contains(s)))
            .map(|f| f.path.clone())
            .collect()
    }

    pub fn error(&self, origin: &Origin, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path(origin), self.pos(origin), message)
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = if ca == *cb { prev } else { prev + 1 };
            prev = row[j + 1];
            row[j + 1] = cost.min(row[j] + 1).min(prev + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["leerling-naam", "leerling-adres", "ouder-naam"];
        assert_eq!(did_you_mean("leerling-nam", ids), Some("leerling-naam"));
        assert_eq!(did_you_mean("ouder-naaam", ids), Some("ouder-naam"));
        assert_eq!(did_you_mean("medewerker", ids), None);
    }

    #[test]
    fn renders_file_line_column_and_hint() {
        let d = Diagnostic::error(
            "schools.yaml",
            Some(Pos { line: 3, column: 5 }),
            "unknown key `nmae`",
        )
        .with_hint("did you mean `name`?");
        assert_eq!(
            d.to_string(),
            "schools.yaml:3:5: error: unknown key `nmae`\n  hint: did you mean `name`?"
        );
    }

    #[test]
    fn an_origin_is_found_in_its_file_or_at_the_enclosing_node() {
        let text = "activities:\n  - id: a\n  - id: b\n    categories: [x]\n";
        let sources = Sources {
            files: vec![SourceFile {
                path: "content/a.yaml".into(),
                text: text.into(),
                tree: crate::yaml::parse(text).unwrap(),
                sections: vec![Section::Activities],
            }],
        };
        let activity = Origin {
            file: 0,
            path: crate::model::YamlPath::key("activities").at(1),
        };
        let at = |line, column| Some(Pos { line, column });
        assert_eq!(sources.pos(&activity.child("categories").at(0)), at(4, 18));
        assert_eq!(sources.pos(&activity.child("categories").at(7)), at(4, 17));
        assert_eq!(sources.pos(&activity.child("retention")), at(3, 5));
        assert_eq!(
            sources.files_with(&[Section::Cookies]),
            Vec::<PathBuf>::new()
        );
    }
}
