//! `helder build`: the whole pipeline, ending in an atomic write of the site.

use std::cell::RefCell;
use std::path::PathBuf;
use std::thread;

use super::{Report, Strictness, errors_first, load_and_check_with};
use crate::diagnostic::Diagnostic;
use crate::layout::{FAVICON, SITEMAP, STYLESHEET};
use crate::{archive, history, render, resolve, text, theme, write};

pub struct Options<'a> {
    pub root: PathBuf,
    /// The output folder as given, for the summary.
    pub output_dir: PathBuf,
    /// The same folder, checked and locked.
    pub target: write::Target,
    pub base_url: Option<String>,
    pub strictness: Strictness,
    /// For `helder serve`: pages with inputs that are not committed say so
    /// instead of the date of the last commit. A built site never does.
    pub preview: bool,
    /// For `helder serve`: the earlier versions read by the build before,
    /// read again only when git holds other commits or tags.
    pub archive: Option<&'a RefCell<archive::Cache>>,
}

pub fn run(options: &Options) -> Result<Report, Report> {
    // The dates in git are checked with the history, below.
    let (mut model, sources, mut warnings) =
        load_and_check_with(&options.root, options.strictness, Vec::new())?;
    if let Some(url) = &options.base_url {
        model.site.base_url = url.clone();
    }
    let mut theme = theme::load(&options.root, &model.site.language).map_err(Report::failed)?;
    warnings.append(&mut theme.warnings);

    // What git says takes a git process per question, and the templates
    // compile meanwhile: at once, a build waits for the slowest of them.
    let (root, style, redacted) = (&options.root, model.site.authors, &theme.strings.redacted);
    let (templates, history, read) = thread::scope(|scope| {
        let templates = scope.spawn(|| render::templates(&theme));
        let archive = options
            .archive
            .is_none()
            .then(|| scope.spawn(|| archive::read(root, style, redacted)));
        let history = history::read(root, &sources, style, redacted, options.preview);
        (joined(templates), history, archive.map(joined))
    });
    let templates = templates.map_err(Report::failed)?;
    warnings.extend(
        history
            .warning
            .iter()
            .map(|w| Diagnostic::warning("", None, w.clone())),
    );
    warnings.extend(history::wrong_dates_of(&history.adoptions));
    let warnings = match errors_first(warnings, options.strictness) {
        Ok(warnings) => warnings,
        Err(report) => return Err(report.with_sources(sources)),
    };
    let (mut cached, none) = (None, archive::Archive::default());
    let archive = match options.archive {
        Some(cache) => {
            let cached = cached.insert(cache.borrow_mut());
            archive::read_cached(cached, root, &history.adoptions, style, redacted)
        }
        None => read.as_ref().unwrap_or(&none),
    };
    let site = resolve::resolve(&model, &sources, &history, archive);
    let feeds = site
        .feeds
        .iter()
        .map(|feed| (feed.file.clone(), render::feed(feed, &theme.strings)));
    let assets: Vec<(String, String)> = [
        (STYLESHEET.to_string(), theme.stylesheet.clone()),
        (FAVICON.to_string(), theme.favicon.clone()),
    ]
    .into_iter()
    .chain(render::sitemap(&site).map(|xml| (SITEMAP.to_string(), xml)))
    .chain(feeds)
    .collect();
    let rendered = write::replace(&options.target, |out| {
        out.files(&assets)?;
        render::render(&site, &templates, out)
    })
    .map_err(Report::failed)?;

    let (count, unchanged) = (rendered.pages, rendered.unchanged);
    let (schools, output) = (model.schools.len(), options.output_dir.display());
    let summary = if unchanged == 0 {
        text!(
            "{count} pagina's voor {schools} scholen geschreven naar {output}",
            "wrote {count} pages for {schools} schools to {output}"
        )
    } else {
        text!(
            "{count} pagina's voor {schools} scholen geschreven naar {output}; {unchanged} ongewijzigd sinds de vorige build",
            "wrote {count} pages for {schools} schools to {output}; {unchanged} unchanged since the last build"
        )
    };
    Ok(Report {
        diagnostics: warnings,
        summary: Some(summary),
        sources,
        output: None,
    })
}

/// What a thread of the build returned; a panic in it goes on in the build.
fn joined<T>(handle: thread::ScopedJoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}
