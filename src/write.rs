//! Write: minify the rendered pages and replace the output folder atomically.
//!
//! Everything is written to a new folder beside the output folder first; only
//! when that succeeded does it take the output folder's place. A failed build
//! therefore never leaves a half-written or emptied site behind (the anchors
//! empty the folder first: zola#574).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Text};
use crate::layout::{CONTENT_DIR, THEMES_DIR};
use crate::text;

/// Minifies HTML the way every page of helder is minified: closing tags and
/// the `<html lang>`/`<head>` tags are kept, so the markup stays valid for
/// validators and assistive technology.
pub fn minify(html: &str) -> String {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        ..minify_html::Cfg::default()
    };
    String::from_utf8(minify_html::minify(html.as_bytes(), &cfg))
        .unwrap_or_else(|_| html.to_string())
}

/// The new folder a build writes into, beside the output folder.
pub struct Staging {
    dir: PathBuf,
}

impl Staging {
    /// Writes a page, minified.
    pub fn page(&self, rel: &str, html: &str) -> io::Result<()> {
        self.file(rel, &minify(html))
    }

    /// Writes files as they are: (path, contents).
    pub fn files(&self, files: &[(String, String)]) -> Result<(), Vec<Diagnostic>> {
        files
            .iter()
            .try_for_each(|(rel, contents)| self.file(rel, contents))
            .map_err(|e| vec![cannot_write(&self.dir, e)])
    }

    fn file(&self, rel: &str, contents: &str) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| with_path(e, folder))?;
        }
        fs::write(&path, contents).map_err(|e| with_path(e, &path))
    }
}

/// Replaces the folder `output` with what `fill` writes into a new folder
/// beside it. When `fill` fails, or the swap does, the new folder is removed
/// and `output` is left as it was.
pub fn replace<T>(
    output: &Path,
    fill: impl FnOnce(&Staging) -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    let failed = |e: io::Error| vec![cannot_write(output, e)];
    let (staging, old) = beside(output).map_err(failed)?;
    let written = fs::create_dir_all(&staging)
        .map_err(|e| failed(with_path(e, &staging)))
        .and_then(|()| {
            fill(&Staging {
                dir: staging.clone(),
            })
        });
    let value = match written {
        Ok(value) => value,
        Err(errors) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(errors);
        }
    };
    swap(output, &staging, &old).map_err(failed)?;
    Ok(value)
}

/// Refuses an output folder whose replacement would destroy something else:
/// the site itself or a folder around it, its content or theme, or an
/// existing folder that is not a site helder built (no `index.html`).
pub fn check_target(output: &Path, root: &Path) -> Result<(), Text> {
    let given = output.display();
    if fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(text!(
            "`{given}` is een snelkoppeling (symbolische link); helder vervangt de map, dus geef de map zelf",
            "`{given}` is a symbolic link; helder replaces the folder, so give the folder itself"
        ));
    }
    if output.is_file() {
        return Err(text!(
            "`{given}` is een bestand, geen map; kies een map voor de site, zoals `public`",
            "`{given}` is a file, not a folder; choose a folder for the site, such as `public`"
        ));
    }
    let absolute = |p: &Path| -> PathBuf {
        // The output folder may not exist yet: resolve what does exist.
        match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) if !p.exists() => absolute_dir(parent).join(name),
            _ => absolute_dir(p),
        }
    };
    let (output, root) = (absolute(output), absolute_dir(root));
    let shown = output.display();
    if root.starts_with(&output) {
        return Err(text!(
            "`{shown}` bevat de site zelf; helder vervangt de uitvoermap bij elke build, dus kies een andere, zoals `public`",
            "`{shown}` holds the site itself; helder replaces the output folder on every build, so choose another, such as `public`"
        ));
    }
    for part in [CONTENT_DIR, THEMES_DIR] {
        if output.starts_with(root.join(part)) {
            return Err(text!(
                "`{shown}` ligt in de map {part}/ van de site; kies een map daarbuiten, zoals `public`",
                "`{shown}` is inside the site's {part}/ folder; choose a folder outside it, such as `public`"
            ));
        }
    }
    let non_empty = fs::read_dir(&output).is_ok_and(|mut entries| entries.next().is_some());
    if non_empty && (!output.join("index.html").exists() || foreign_files(&output)) {
        return Err(text!(
            "`{shown}` bevat al bestanden die helder niet schreef; helder vervangt de hele map, dus kies een lege of nieuwe",
            "`{shown}` already holds files that helder did not write; helder replaces the whole folder, so choose an empty or new one"
        ));
    }
    Ok(())
}

/// Whether a folder holds a file helder does not write (a page, the
/// stylesheet, the sitemap), or a link: then it is not a site helder built.
fn foreign_files(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir).into_iter().any(|entry| {
        let Ok(entry) = entry else { return true };
        let kind = entry.file_type();
        let ours = matches!(
            entry.path().extension().and_then(|e| e.to_str()),
            Some("html" | "css" | "xml")
        );
        kind.is_symlink() || kind.is_file() && !ours
    })
}

/// `path` made absolute, with links followed where it exists.
fn absolute_dir(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    path.canonicalize()
        .or_else(|_| std::env::current_dir().map(|cwd| cwd.join(path)))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The staging and the old folder's names beside `output`; removes leftovers
/// of an interrupted build.
fn beside(output: &Path) -> io::Result<(PathBuf, PathBuf)> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| with_path(e, &parent))?;
    let name = output
        .file_name()
        .ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "the output folder has no name")
        })?
        .to_string_lossy()
        .into_owned();
    let staging = parent.join(format!(".{name}.helder-new"));
    let old = parent.join(format!(".{name}.helder-old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| with_path(e, leftover))?;
        }
    }
    Ok((staging, old))
}

/// Puts `staging` in the place of `output`, moving the old site aside first
/// and back if the move fails.
fn swap(output: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    if output.exists() {
        fs::rename(output, old).map_err(|e| with_path(e, output))?;
    }
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(old, output);
        let _ = fs::remove_dir_all(staging);
        return Err(with_path(e, output));
    }
    if old.exists() {
        fs::remove_dir_all(old).map_err(|e| with_path(e, old))?;
    }
    Ok(())
}

fn cannot_write(folder: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error(
        folder,
        None,
        text!("de site is niet te schrijven: {e}", "cannot write the site: {e}"),
    )
    .with_hint(text!(
        "controleer of de map beschrijfbaar is en de schijf niet vol; de vorige site is gebleven zoals hij was",
        "check that the folder is writable and the disk is not full; the previous site was left as it was"
    ))
}

/// Adds the path to an I/O error, which std leaves out.
fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn keeps_dutch_text_and_inline_spaces() {
        let html = "<p>Wij <strong>bewaren</strong> uw gegevens één   jaar: <em>privé</em>.</p>";
        assert_eq!(
            minify(html),
            "<p>Wij <strong>bewaren</strong> uw gegevens één jaar: <em>privé</em>.</p>"
        );
    }

    #[test]
    fn keeps_preformatted_text() {
        let html = "<pre>regel 1\n    regel 2</pre>";
        assert_eq!(minify(html), html);
    }

    #[test]
    fn keeps_table_cells_and_the_language() {
        let html = "<!DOCTYPE html><html lang=\"nl\"><head><title>x</title></head><body><table><tr><td>a</td><td>b</td></tr></table></body></html>";
        let out = minify(html);
        assert!(
            out.contains("<html lang=nl>") || out.contains("<html lang=\"nl\">"),
            "{out}"
        );
        assert!(out.contains("<td>a</td><td>b</td>"), "{out}");
    }
}
