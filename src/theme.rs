//! Theme: the templates and the stylesheet, embedded in the binary, with
//! per-file overrides from the site's own `themes/default/` folder.
//!
//! A site overrides one template by placing a file of the same name under
//! `themes/default/templates/` (e.g. `partials/footer.html`), or the
//! stylesheet under `themes/default/static/style.css`. Everything else keeps
//! coming from the binary, so an upgrade of helder still reaches the parts a
//! site did not touch.

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, did_you_mean};

/// The theme's folder inside a site (and in this repository, the source of
/// the embedded default theme).
pub const THEME_DIR: &str = "themes/default";

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, by name.
const TEMPLATES: &[(&str, &str)] = embed![
    "base.html",
    "index.html",
    "statement.html",
    "cookies.html",
    "regulation.html",
    "404.html",
    "partials/header.html",
    "partials/footer.html",
    "partials/summary.html",
    "partials/contact.html",
    "partials/cookie_table.html",
    "partials/data.html",
];

/// The default stylesheet.
const STYLESHEET: &str = include_str!("../themes/default/static/style.css");

/// The name the stylesheet is written under, at the root of the output.
pub const STYLESHEET_NAME: &str = "style.css";

/// The templates and stylesheet a build uses: the defaults, with the site's
/// overrides in their place.
pub struct Theme {
    pub templates: Vec<(String, String)>,
    pub stylesheet: String,
    /// Files in the site's theme folder that no page uses (a misspelt name).
    pub warnings: Vec<Diagnostic>,
}

/// Reads the site's overrides. A file that exists but cannot be read is an
/// error; a file that does not exist means "use the default".
pub fn load(root: &Path) -> Result<Theme, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut read = |rel: String, default: &str| -> String {
        let path = root.join(&rel);
        if !path.is_file() {
            return default.to_string();
        }
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            errors.push(
                Diagnostic::error(rel, None, format!("cannot read this theme file: {e}"))
                    .with_hint("save it as UTF-8 text, or remove it to use the default"),
            );
            String::new()
        })
    };
    let templates = TEMPLATES
        .iter()
        .map(|(name, default)| {
            (
                name.to_string(),
                read(format!("{THEME_DIR}/templates/{name}"), default),
            )
        })
        .collect();
    let stylesheet = read(format!("{THEME_DIR}/static/{STYLESHEET_NAME}"), STYLESHEET);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Theme {
        templates,
        stylesheet,
        warnings: unused_files(root),
    })
}

/// Warns about files under the site's theme folder that match no template
/// or stylesheet name: an override that silently does nothing.
fn unused_files(root: &Path) -> Vec<Diagnostic> {
    let known: Vec<String> = TEMPLATES
        .iter()
        .map(|(name, _)| format!("templates/{name}"))
        .chain([format!("static/{STYLESHEET_NAME}")])
        .collect();
    let dir = root.join(THEME_DIR);
    WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            if known.contains(&rel) {
                return None;
            }
            let warning = Diagnostic::warning(
                format!("{THEME_DIR}/{rel}"),
                None,
                "this file is not part of the theme, so no page uses it",
            );
            Some(match did_you_mean(&rel, known.iter().map(String::as_str)) {
                Some(best) => warning.with_hint(format!("did you mean `{THEME_DIR}/{best}`?")),
                None => warning.with_hint(format!(
                    "the files a site can override are: {}",
                    known.join(", ")
                )),
            })
        })
        .collect()
}
