//! `helder build`: the whole pipeline, ending in an atomic write of the site.

use std::cell::RefCell;
use std::path::PathBuf;
use std::thread;

use super::{Report, Strictness, errors_first};
use crate::diagnostic::Diagnostic;
use crate::history::joined;
use crate::layout::{FAVICON, SITEMAP, STYLESHEET};
use crate::{archive, history, load, render, resolve, text, theme, write};

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
    let loaded = load::load(&options.root, options.strictness.max_file_bytes);
    let theme = theme::load(&options.root, &loaded.model.site.language);
    let (root, style, preview) = (&options.root, loaded.model.site.authors, options.preview);
    let max = options.strictness.max_file_bytes;
    let redacted = theme.as_ref().map_or("", |t| t.strings.redacted.as_str());
    // Checking the model, compiling the templates and what git says (a git
    // process per question) take about as long: at once, a build waits
    // for the slowest of them. The model's mistakes come first.
    let (diagnostics, templates, history, read) = thread::scope(|scope| {
        let templates = scope.spawn(|| match &theme {
            Ok(theme) => render::templates(theme),
            Err(errors) => Err(errors.clone()),
        });
        let archive = options
            .archive
            .is_none()
            .then(|| scope.spawn(|| archive::read(root, style, redacted, max)));
        let history =
            scope.spawn(|| history::read(root, &loaded.sources, style, redacted, preview, max));
        let diagnostics = super::checked(&loaded);
        (
            diagnostics,
            joined(templates),
            joined(history),
            archive.map(joined),
        )
    });
    let load::Loaded {
        mut model, sources, ..
    } = loaded;
    let mut warnings = match errors_first(diagnostics, options.strictness) {
        Ok(warnings) => warnings,
        Err(report) => return Err(report.with_sources(sources)),
    };
    if let Some(url) = &options.base_url {
        model.site.base_url = url.clone();
    }
    let mut theme = theme.map_err(Report::failed)?;
    warnings.append(&mut theme.warnings);
    let templates = templates.map_err(Report::failed)?;
    warnings.extend(
        history
            .warning
            .iter()
            .map(|w| Diagnostic::warning("", None, w.clone())),
    );
    warnings.extend(history::adoption_mistakes(&history.adoptions));
    warnings.extend(history.warnings.iter().cloned());
    let redacted = &theme.strings.redacted;
    let (mut cached, none) = (None, archive::Archive::default());
    let archive = match options.archive {
        Some(cache) => {
            let cached = cached.insert(cache.borrow_mut());
            archive::read_cached(cached, root, &history.adoptions, style, redacted, max)
        }
        None => read.as_ref().unwrap_or(&none),
    };
    warnings.extend(archive.warnings.iter().cloned());
    let warnings = match errors_first(warnings, options.strictness) {
        Ok(warnings) => warnings,
        Err(report) => return Err(report.with_sources(sources)),
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
