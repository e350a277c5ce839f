//! Render: typed page views → HTML, with Tera templates, in parallel.
//!
//! Pages are independent, so they are rendered with rayon. Tera's own errors
//! can lack the page they happened on, so every failure is wrapped with the
//! template and the page it was rendering.

use std::io;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::resolve::{Site, View};
use crate::theme::{THEME_DIR, Theme};

/// Compiles the theme's templates; a syntax error in an override is reported
/// against its file.
pub fn templates(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str())),
    )
    .map_err(|e| {
        vec![
            Diagnostic::error(
                THEME_DIR,
                None,
                format!("a template does not compile: {}", chain(&e)),
            )
            .with_hint("fix the template named above, or remove your copy to use the default"),
        ]
    })?;
    Ok(tera)
}

/// Renders every page of the site and hands each to `sink` as soon as it is
/// done, so a site of thousands of pages is never in memory at once. A
/// template mistake usually breaks many pages the same way; it is reported
/// once, with the number of pages. Returns the number of pages.
pub fn render(
    site: &Site,
    tera: &Tera,
    sink: &(dyn Fn(&str, &str) -> io::Result<()> + Sync),
) -> Result<usize, Vec<Diagnostic>> {
    let failures: Vec<(&str, Failure)> = site
        .pages
        .par_iter()
        .filter_map(|page| {
            let html = match &page.view {
                View::Index(v) => one(tera, "index.html", v),
                View::Statement(v) => one(tera, "statement.html", v),
                View::Cookies(v) => one(tera, "cookies.html", v),
                View::Regulation(v) => one(tera, "regulation.html", v),
                View::NotFound(v) => one(tera, "404.html", &NotFound { layout: v }),
            };
            let failure = match html {
                Ok(html) => sink(&page.path, &html).err().map(Failure::Write),
                Err(e) => Some(Failure::Template(e)),
            };
            failure.map(|f| (page.path.as_str(), f))
        })
        .collect();
    if failures.is_empty() {
        return Ok(site.pages.len());
    }
    Err(report(failures))
}

enum Failure {
    Template(String),
    Write(io::Error),
}

/// One diagnostic per distinct failure, naming the first page and counting
/// the others.
fn report(failures: Vec<(&str, Failure)>) -> Vec<Diagnostic> {
    let mut grouped: Vec<(String, bool, Vec<&str>)> = Vec::new();
    for (path, failure) in failures {
        let (text, template) = match failure {
            Failure::Template(e) => (e, true),
            Failure::Write(e) => (e.to_string(), false),
        };
        match grouped.iter_mut().find(|(t, _, _)| *t == text) {
            Some((_, _, paths)) => paths.push(path),
            None => grouped.push((text, template, vec![path])),
        }
    }
    grouped
        .into_iter()
        .map(|(error, template, paths)| {
            let others = match paths.len() - 1 {
                0 => String::new(),
                1 => " and 1 other page".into(),
                n => format!(" and {n} other pages"),
            };
            if template {
                Diagnostic::error(THEME_DIR, None, format!("rendering {}{others} failed: {error}", paths[0]))
                    .with_hint("a template uses a name its page does not have; compare it with the default theme in the README")
            } else {
                Diagnostic::error(paths[0], None, format!("cannot write this page{others}: {error}"))
                    .with_hint("check that the output folder is writable and the disk is not full; the previous site was left as it was")
            }
        })
        .collect()
}

#[derive(Serialize)]
struct NotFound<'a> {
    layout: &'a crate::resolve::Layout,
}

fn one<T: Serialize>(tera: &Tera, template: &str, view: &T) -> Result<String, String> {
    let context = Context::from_serialize(view).map_err(|e| chain(&e))?;
    tera.render(template, &context).map_err(|e| chain(&e))
}

/// An error and its causes on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let line = cause.to_string();
        if !text.contains(&line) {
            text += ": ";
            text += &line;
        }
        source = cause.source();
    }
    text
}

/// The sitemap: every page but the 404 page. Sitemaps need absolute
/// addresses, so there is none without a base URL.
pub fn sitemap(site: &Site) -> Option<String> {
    if site.base_url.is_empty() {
        return None;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in site.pages.iter().filter(|p| p.path != "404.html") {
        let path = page.path.trim_end_matches("index.html");
        xml += &format!("<url><loc>{}/{}</loc></url>\n", site.base_url, path);
    }
    xml += "</urlset>\n";
    Some(xml)
}
