//! Emit: diagnostics as text for people, JSON for programs, or annotations
//! for GitHub Actions; one file per format over the one [`Diagnostic`] type,
//! as ruff's emitters are.
//!
//! Paths are shown relative to the folder the command runs in: a site
//! checked with `--root site` reports `site/content/activities.yaml`.

mod github;
mod json;
mod text;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Lang, Sources};

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

/// The diagnostics in the chosen format, then the summary line (which the
/// JSON document holds instead).
pub fn emit(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    summary: &str,
    options: &Options,
) -> String {
    match options.format {
        Format::Text => text::emit(diagnostics, sources, summary, options),
        Format::Json => json::emit(diagnostics, summary, options),
        Format::Github => github::emit(diagnostics, summary, options),
    }
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
