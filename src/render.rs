//! Render: typed page views → HTML, with Tera templates, in parallel.
//!
//! Pages are independent, so they are rendered with rayon. Tera's own errors
//! can lack the page they happened on, so every failure is wrapped with the
//! template and the page it was rendering.

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::resolve::{Site, View};
use crate::theme::{THEME_DIR, Theme};

/// A finished file of the site, not yet minified.
pub struct Output {
    pub path: String,
    pub html: String,
}

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

/// Renders every page of the site. A template mistake usually breaks many
/// pages the same way; it is reported once, with the number of pages.
pub fn render(site: &Site, tera: &Tera) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let results: Vec<Result<Output, (&str, String)>> = site
        .pages
        .par_iter()
        .map(|page| {
            let html = match &page.view {
                View::Index(v) => one(tera, "index.html", v),
                View::Statement(v) => one(tera, "statement.html", v),
                View::Cookies(v) => one(tera, "cookies.html", v),
                View::Regulation(v) => one(tera, "regulation.html", v),
                View::NotFound(v) => one(tera, "404.html", &NotFound { layout: v }),
            };
            html.map(|html| Output {
                path: page.path.clone(),
                html,
            })
            .map_err(|e| (page.path.as_str(), e))
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut failures: Vec<(String, Vec<&str>)> = Vec::new();
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err((path, error)) => match failures.iter_mut().find(|(e, _)| *e == error) {
                Some((_, paths)) => paths.push(path),
                None => failures.push((error, vec![path])),
            },
        }
    }
    if failures.is_empty() {
        return Ok(pages);
    }
    Err(failures
        .into_iter()
        .map(|(error, paths)| {
            let others = match paths.len() - 1 {
                0 => String::new(),
                1 => " and 1 other page".into(),
                n => format!(" and {n} other pages"),
            };
            Diagnostic::error(THEME_DIR, None, format!("rendering {}{others} failed: {error}", paths[0]))
                .with_hint("a template uses a name its page does not have; compare it with the default theme in the README")
        })
        .collect())
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
