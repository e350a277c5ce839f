//! Emit: diagnostics as text for people, JSON for programs, or annotations
//! for GitHub Actions; one file per format over the one [`Diagnostic`] type,
//! as ruff's emitters are.
//!
//! Every message and hint shows the characters a reader cannot see or
//! cannot tell apart written out ([`crate::diagnostic::visible`]).
//!
//! Paths are shown relative to the folder the command runs in: a site
//! checked with `--root site` reports `site/content/activities.yaml`.

mod github;
mod json;
mod text;

use std::path::{Path, PathBuf};

use crate::check::readability::Figures;
use crate::diagnostic::{Diagnostic, Lang, Sources, Text};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
    Github,
}

/// How to show diagnostics.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    pub lang: Lang,
    /// ANSI colours, for a terminal.
    pub colour: bool,
    /// The site's folder as given on the command line.
    pub root: PathBuf,
}

/// The diagnostics in the chosen format, then the readability figures and
/// the summary line (which the JSON document holds instead).
pub fn emit(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    readability: Option<&Figures>,
    summary: &str,
    options: &Options,
) -> String {
    let visible: Vec<Diagnostic> = diagnostics
        .iter()
        .map(|d| Diagnostic {
            message: d.message.visible(),
            hint: d.hint.as_ref().map(Text::visible),
            ..d.clone()
        })
        .collect();
    let diagnostics = &visible;
    match options.format {
        Format::Text => text::emit(diagnostics, sources, readability, summary, options),
        Format::Json => json::emit(diagnostics, readability, summary, options),
        Format::Github => github::emit(diagnostics, readability, summary, options),
    }
}

/// The readability figures for people: a line with the targets, then one
/// line per kind of page.
fn readability_lines(figures: &Figures, lang: Lang) -> String {
    use crate::check::readability::{LONG_WORD, decimal};
    let nl = lang == Lang::Nl;
    let (min, max) = (
        decimal(figures.targets.min_flesch_douma, nl),
        decimal(figures.targets.max_words_per_sentence, nl),
    );
    let mut out = match lang {
        Lang::Nl => format!(
            "leesbaarheid (doel: Flesch-Douma {min} of hoger, gemiddeld {max} woorden per zin of minder; lange woorden hebben {LONG_WORD} lettergrepen of meer):\n"
        ),
        Lang::En => format!(
            "readability (target: Flesch-Douma {min} or higher, {max} words per sentence or fewer on average; long words have {LONG_WORD} syllables or more):\n"
        ),
    };
    let names: Vec<String> = figures
        .pages
        .iter()
        .map(|(kind, _)| kind.name().get(lang).to_string())
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((_, counts), name) in figures.pages.iter().zip(&names) {
        let pad = " ".repeat(width - name.chars().count());
        let (Some(figure), Some(length), Some(long)) = (
            counts.flesch_douma(),
            counts.words_per_sentence(),
            counts.long_share(),
        ) else {
            let none = match lang {
                Lang::Nl => "geen tekst",
                Lang::En => "no text",
            };
            out += &format!("  {name}{pad}  {none}\n");
            continue;
        };
        let (figure, length, long) = (figure.round(), decimal(length, nl), (100.0 * long).round());
        let missed = figures.meets(counts) == Some(false);
        out += &match lang {
            Lang::Nl => format!(
                "  {name}{pad}  Flesch-Douma {figure}, {length} woorden per zin, {long} % lange woorden{}\n",
                if missed { " (haalt het doel niet)" } else { "" }
            ),
            Lang::En => format!(
                "  {name}{pad}  Flesch-Douma {figure}, {length} words per sentence, {long}% long words{}\n",
                if missed { " (misses the target)" } else { "" }
            ),
        };
    }
    out
}

/// `file` as the user reaches it from the current folder.
fn shown(root: &Path, file: &Path) -> String {
    if file.as_os_str().is_empty() {
        return String::new();
    }
    let path = if root == Path::new(".") || root.as_os_str().is_empty() {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_where_the_command_runs() {
        let file = Path::new("content/a.yaml");
        assert_eq!(shown(Path::new("."), file), "content/a.yaml");
        assert_eq!(shown(Path::new("site"), file), "site/content/a.yaml");
        assert_eq!(shown(Path::new("site"), Path::new("")), "");
    }
}
