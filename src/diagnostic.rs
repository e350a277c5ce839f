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

    /// The text with what a reader cannot see or cannot tell apart written
    /// out (see [`visible`]), in each language.
    pub fn visible(&self) -> Text {
        Text {
            nl: visible(&self.nl, Lang::Nl),
            en: visible(&self.en, Lang::En),
        }
    }
}

/// `text` as a message shows it, so that a person sees why `retention` is
/// not `retention`: a character nobody can see (a control character, a
/// zero-width space, the byte-order mark, a no-break space) and a Cyrillic
/// or Greek letter inside a word of Latin letters are written as `\u{…}`,
/// and a note at the end says what each is: ``onbekende sleutel
/// `r\u{435}tention` (`\u{435}` is de Cyrillische letter е)``. Dutch
/// letters (é, ë, ï) and curly quotes stay as they are.
pub fn visible(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut notes: Vec<(char, String)> = Vec::new();
    let mut show = |c: char, name: String, out: &mut String| {
        out.extend(c.escape_unicode());
        if !notes.iter().any(|(seen, _)| *seen == c) {
            notes.push((c, name));
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() {
            // A word: its letters from another script are shown only when
            // it has Latin letters too (a whole Greek word is Greek).
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let mixed = word.chars().any(is_latin);
            for c in word.chars() {
                match script(c).filter(|_| mixed) {
                    Some(script) => show(c, look_alike(c, script, lang), &mut out),
                    None => out.push(c),
                }
            }
            rest = &rest[end..];
            continue;
        }
        match invisible(c, lang) {
            Some(name) => show(c, name, &mut out),
            None => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    if notes.is_empty() {
        return out;
    }
    // "is" in both languages.
    let notes: Vec<String> = notes
        .iter()
        .map(|(c, name)| format!("`{}` is {name}", c.escape_unicode()))
        .collect();
    format!("{out} ({})", notes.join("; "))
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{c0}'..='\u{24f}').contains(&c))
}

#[derive(Clone, Copy)]
enum Script {
    Cyrillic,
    Greek,
}

fn script(c: char) -> Option<Script> {
    match c {
        '\u{400}'..='\u{52f}' => Some(Script::Cyrillic),
        '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => Some(Script::Greek),
        _ => None,
    }
}

/// "de Cyrillische letter а", for the note after a message.
fn look_alike(c: char, script: Script, lang: Lang) -> String {
    match (script, lang) {
        (Script::Cyrillic, Lang::Nl) => format!("de Cyrillische letter {c}"),
        (Script::Cyrillic, Lang::En) => format!("the Cyrillic letter {c}"),
        (Script::Greek, Lang::Nl) => format!("de Griekse letter {c}"),
        (Script::Greek, Lang::En) => format!("the Greek letter {c}"),
    }
}

/// What a character nobody sees is called, when `c` is one.
fn invisible(c: char, lang: Lang) -> Option<String> {
    let (nl, en) = match c {
        '\n' => return None,
        '\u{a0}' => ("een harde spatie", "a no-break space"),
        '\u{200b}' => ("een onzichtbare spatie", "a zero-width space"),
        '\u{feff}' => (
            "een onzichtbaar teken (byte-order mark)",
            "an invisible character (byte-order mark)",
        ),
        '\u{ad}' => ("een onzichtbaar afbreekstreepje", "a soft hyphen"),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            ("een bijzondere spatie", "a special space")
        }
        '\u{200c}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{fffe}'
        | '\u{ffff}' => ("een onzichtbaar teken", "an invisible character"),
        c if c.is_control() => ("een stuurteken", "a control character"),
        _ => return None,
    };
    Some(match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    })
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

/// Where an error lies: in the input, which the person fixes in the model;
/// in what the command was asked to do (an output folder that helder
/// refuses to replace), fixed by another folder or by moving what is in
/// the way; or on this machine (a full disk, a folder that cannot be
/// written), which no edit of the model fixes. The exit code tells them
/// apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cause {
    #[default]
    Input,
    Refused,
    Machine,
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
    pub cause: Cause,
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
            cause: Cause::Input,
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

    /// The error lies on this machine, not in the input.
    pub fn on_machine(mut self) -> Self {
        self.cause = Cause::Machine;
        self
    }

    /// helder refused what it was asked to do, to keep something that is
    /// not its own; not a mistake in the input.
    pub fn refused(mut self) -> Self {
        self.cause = Cause::Refused;
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
    fn invisible_and_look_alike_characters_are_written_out_and_named() {
        assert_eq!(
            visible("onbekende sleutel `\u{feff}retention`", Lang::Nl),
            "onbekende sleutel `\\u{feff}retention` (`\\u{feff}` is een onzichtbaar teken (byte-order mark))"
        );
        assert_eq!(
            visible("unknown key `r\u{435}t\u{435}ntion`", Lang::En),
            "unknown key `r\\u{435}t\\u{435}ntion` (`\\u{435}` is the Cyrillic letter е)"
        );
        assert_eq!(
            visible("`gr\u{3bf}ep\u{200b}`, `de\u{a0}linde`", Lang::En),
            "`gr\\u{3bf}ep\\u{200b}`, `de\\u{a0}linde` (`\\u{3bf}` is the Greek letter ο; `\\u{200b}` is a zero-width space; `\\u{a0}` is a no-break space)"
        );
        // Dutch, curly quotes, a whole word of another script and a line
        // break stay as they are.
        let plain = "`één` en ‘geïnd’ “zo”: `ΑΒΓ` `Москва`\nregel";
        assert_eq!(visible(plain, Lang::Nl), plain);
    }

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
