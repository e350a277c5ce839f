//! Render: typed page views → HTML, with Tera templates, in parallel.
//!
//! Pages are independent, so they are rendered with rayon. Tera's own errors
//! can lack the page they happened on, so every failure is wrapped with the
//! template and the page it was rendering. The theme's strings are every
//! template's `t`, and two filters, registered here, put the views' dates
//! and periods into its words: `{{ d | date }}` and `{{ p | period }}`.

use std::io;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::layout::THEME_DIR;
use crate::resolve::{Site, View};
use crate::text;
use crate::theme::{Strings, Theme};

/// Compiles the theme's templates; a syntax error in an override is reported
/// against its file.
pub fn templates(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Before the templates, which are checked against the filters they use.
    tera.global_context().insert("t", &theme.strings);
    register_filters(&mut tera, &theme.strings);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str())),
    )
    .map_err(|e| {
        vec![
            {
                let error = chain(&e);
                Diagnostic::error(
                    THEME_DIR,
                    None,
                    text!(
                        "een template is onjuist: {error}",
                        "a template does not compile: {error}"
                    ),
                )
                .with_hint(text!(
                    "verbeter het template dat hierboven staat, of haal uw kopie weg om het standaardtemplate te gebruiken",
                    "fix the template named above, or remove your copy to use the default"
                ))
            },
        ]
    })?;
    Ok(tera)
}

/// The filters that turn a view's date (`2018-07-03`) and period (`P5Y`)
/// into the words of the strings; a value of another form is an error that
/// names it.
fn register_filters(tera: &mut Tera, strings: &Strings) {
    let words = strings.clone();
    tera.register_filter(
        "date",
        move |iso: &str, _: tera::Kwargs, _: &tera::State| {
            words
                .date(iso)
                .ok_or_else(|| not_a("date (YYYY-MM-DD)", iso))
        },
    );
    let words = strings.clone();
    tera.register_filter(
        "period",
        move |iso: &str, _: tera::Kwargs, _: &tera::State| {
            words.period(iso).ok_or_else(|| not_a("period (P5Y)", iso))
        },
    );
}

fn not_a(what: &str, value: &str) -> tera::Error {
    tera::Error::message(format!("`{value}` is not a {what}"))
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
                View::NotFound(v) => one(tera, "404.html", v),
            };
            let failure = match html {
                Ok(html) => sink(&page.file, &html).err().map(Failure::Write),
                Err(e) => Some(Failure::Template(e)),
            };
            failure.map(|f| (page.file.as_str(), f))
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
            let (others_nl, others_en) = match paths.len() - 1 {
                0 => (String::new(), String::new()),
                1 => (" en 1 andere pagina".into(), " and 1 other page".into()),
                n => (format!(" en {n} andere pagina's"), format!(" and {n} other pages")),
            };
            let page = paths[0];
            if template {
                Diagnostic::error(
                    THEME_DIR,
                    None,
                    text!(
                        "het maken van {page}{others_nl} is mislukt: {error}",
                        "rendering {page}{others_en} failed: {error}"
                    ),
                )
                .with_hint(text!(
                    "een template gebruikt een naam die de pagina niet heeft; vergelijk het met het standaardthema in de README",
                    "a template uses a name its page does not have; compare it with the default theme in the README"
                ))
            } else {
                Diagnostic::error(
                    page,
                    None,
                    text!(
                        "deze pagina{others_nl} is niet te schrijven: {error}",
                        "cannot write this page{others_en}: {error}"
                    ),
                )
                .with_hint(text!(
                    "controleer of de uitvoermap beschrijfbaar is en de schijf niet vol; de vorige site is gebleven zoals hij was",
                    "check that the output folder is writable and the disk is not full; the previous site was left as it was"
                ))
            }
        })
        .collect()
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

/// The sitemap: every page that has an address. Sitemaps need absolute
/// addresses, so there is none without a base URL.
pub fn sitemap(site: &Site) -> Option<String> {
    if site.base_url.is_empty() {
        return None;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for address in site.pages.iter().filter_map(|p| p.address.as_deref()) {
        let url = format!("{}/{address}", site.base_url);
        xml += &format!("<url><loc>{}</loc></url>\n", escape_xml(&url));
    }
    xml += "</urlset>\n";
    Some(xml)
}

/// Text as XML character data.
fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// HTML or XML character data back to its text.
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// The text a page's template shows, with whatever characters a school
    /// board's model holds: escaped, so that it reads as written and can
    /// never become markup.
    #[test]
    fn text_on_a_page_is_escaped() {
        let theme = Theme {
            templates: vec![("index.html".into(), "<p>{{ text }}</p>".into())],
            stylesheet: String::new(),
            strings: Strings::default(),
            warnings: Vec::new(),
        };
        let tera = templates(&theme).unwrap();
        proptest!(|(text in "[a-z <>&\"'/=;#]{0,40}|\\PC{0,20}")| {
            let mut context = Context::new();
            context.insert("text", &text);
            let page = tera.render("index.html", &context).unwrap();
            let inner = page.strip_prefix("<p>").and_then(|p| p.strip_suffix("</p>")).unwrap();
            prop_assert!(!inner.contains(['<', '>', '"', '\'']), "{}", inner);
            prop_assert_eq!(unescape(inner), text);
        });
    }

    proptest! {
        /// A base URL with `&` or `<` still gives a sitemap that is XML.
        #[test]
        fn addresses_in_the_sitemap_are_escaped(text in "[a-z<>&;/:.]{0,40}|\\PC{0,20}") {
            let escaped = escape_xml(&text);
            prop_assert!(!escaped.contains(['<', '>']), "{}", escaped);
            for (at, _) in escaped.match_indices('&') {
                let entity = &escaped[at..];
                prop_assert!(
                    ["&amp;", "&lt;", "&gt;"].iter().any(|e| entity.starts_with(e)),
                    "{}", escaped
                );
            }
            prop_assert_eq!(unescape(&escaped), text);
        }
    }
}
