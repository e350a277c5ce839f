//! Write: minify the rendered pages and replace the output folder atomically.
//!
//! Everything is written to a new folder beside the output folder first; only
//! when that succeeded does it take the output folder's place. A failed build
//! therefore never leaves a half-written or emptied site behind (the anchors
//! empty the folder first: zola#574).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::Output;

/// What a build writes: pages, plus files copied as they are.
pub struct Files {
    pub pages: Vec<Output>,
    /// (path relative to the output folder, contents)
    pub assets: Vec<(String, String)>,
}

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

/// Writes `files` into `output`, replacing what was there only on success.
pub fn write(output: &Path, files: Files) -> io::Result<()> {
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

    let written = fill(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if output.exists() {
        fs::rename(output, &old).map_err(|e| with_path(e, output))?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&old, output);
        return Err(with_path(e, output));
    }
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| with_path(e, &old))?;
    }
    Ok(())
}

fn fill(dir: &Path, files: Files) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    let pages = files
        .pages
        .into_par_iter()
        .map(|p| (p.path, minify(&p.html)));
    let assets = files.assets.into_par_iter();
    pages.chain(assets).try_for_each(|(rel, contents)| {
        let path = dir.join(&rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| with_path(e, folder))?;
        }
        fs::write(&path, contents).map_err(|e| with_path(e, &path))
    })
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
