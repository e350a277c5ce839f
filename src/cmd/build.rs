//! `helder build`: the whole pipeline, ending in an atomic write of the site.

use std::cell::RefCell;
use std::path::PathBuf;

use super::{Report, Strictness, errors_first, load_and_check};
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
    let (mut model, sources, mut warnings) = load_and_check(&options.root, options.strictness)?;
    if let Some(url) = &options.base_url {
        model.site.base_url = url.clone();
    }
    let mut theme = theme::load(&options.root, &model.site.language).map_err(Report::failed)?;
    warnings.append(&mut theme.warnings);
    let templates = render::templates(&theme).map_err(Report::failed)?;

    let redacted = &theme.strings.redacted;
    let history = history::read(
        &options.root,
        &sources,
        model.site.authors,
        redacted,
        options.preview,
    );
    warnings.extend(
        history
            .warning
            .iter()
            .map(|w| Diagnostic::warning("", None, w.clone())),
    );
    let warnings = match errors_first(warnings, options.strictness) {
        Ok(warnings) => warnings,
        Err(report) => return Err(report.with_sources(sources)),
    };
    let (root, style) = (&options.root, model.site.authors);
    let (mut cached, read);
    let archive = match options.archive {
        Some(cache) => {
            cached = cache.borrow_mut();
            archive::read_cached(&mut cached, root, &history.adoptions, style, redacted)
        }
        None => {
            read = archive::read(root, &history.adoptions, style, redacted);
            &read
        }
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
