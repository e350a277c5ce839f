//! Diagnostics: what went wrong, where (file:line:column) and how to fix it.
//!
//! Every stage reports mistakes as [`Diagnostic`]s instead of stopping at the
//! first one, so a person fixing YAML sees the whole list in one run. The
//! loaded files ([`Sources`]) turn an entity's [`Origin`] (file + YAML path)
//! into a line and column; this is the one place where an origin becomes text.

use std::path::PathBuf;

use crate::model::{Origin, Section};
use crate::yaml::Node;
pub use crate::yaml::Pos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// The languages helder speaks to the people who fix the model: Dutch by
/// default, English on request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// English when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first that is
    /// set) starts with `en`; Dutch otherwise.
    pub fn from_env() -> Lang {
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|key| std::env::var(key).ok().filter(|v| !v.is_empty()));
        match set {
            Some(value) if value.starts_with("en") => Lang::En,
            _ => Lang::Nl,
        }
    }
}

/// A message in every language helder speaks, so that no message exists in
/// one language only. Written with [`text!`](crate::text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A [`Text`] in Dutch and English, each formatted with the names in scope:
/// `text!("onbekende sleutel `{key}`", "unknown key `{key}`")`.
#[macro_export]
macro_rules! text {
    ($nl:literal, $en:literal $(,)?) => {
        $crate::diagnostic::Text {
            nl: format!($nl),
            en: format!($en),
        }
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule that found it (`HL011`); none for a file that cannot be read.
    pub code: Option<&'static str>,
    /// The file, relative to the site's folder; empty for the site as a whole.
    pub file: PathBuf,
    pub pos: Option<Pos>,
    /// Where the words it is about end (exclusive), when they are known.
    pub end: Option<Pos>,
    pub message: Text,
    pub hint: Option<Text>,
    /// The school whose pages it affects, where it is one school's.
    pub school: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, pos: Option<Pos>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            file: file.into(),
            pos,
            end: None,
            message,
            hint: None,
            school: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, pos: Option<Pos>, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, pos, message)
        }
    }

    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    pub fn for_school(mut self, school: &str) -> Self {
        self.school = Some(school.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file and position, errors and warnings mixed, so the
/// list reads top to bottom like the files do.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.pos, &a.message.en, &a.school).cmp(&(&b.file, b.pos, &b.message.en, &b.school))
    });
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
    /// Entries with an id that could not be read (their mistake is
    /// reported): references to them are not unknown.
    pub unread: Vec<Unread>,
}

/// An entry of a list (`activities`, `schools`, …) that could not be read.
#[derive(Debug, Clone)]
pub struct Unread {
    pub list: &'static str,
    pub id: String,
    pub origin: Origin,
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

    pub fn error(&self, origin: &Origin, message: Text) -> Diagnostic {
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
    fn an_origin_is_found_in_its_file_or_at_the_enclosing_node() {
        let text = "activities:\n  - id: a\n  - id: b\n    categories: [x]\n";
        let sources = Sources {
            unread: Vec::new(),
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
