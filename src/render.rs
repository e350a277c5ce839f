//! Render: typed page views → HTML, with Tera templates, in parallel.
//!
//! Pages are independent, so they are rendered with rayon: each thread
//! resolves a page's view, renders it, hands it to the writer and drops it. Tera's own errors
//! can lack the page they happened on, so every failure is wrapped with the
//! template and the page it was rendering. The theme's strings are every
//! template's `t`, and three filters, registered here, put the views' dates,
//! periods and changes into its words: `{{ d | date }}`, `{{ p | period }}`
//! and `{{ c | change }}`.

use std::hash::{Hash, Hasher};
use std::io;

use rayon::prelude::*;
use rustc_hash::FxHasher;
use serde::Serialize;
use tera::{Context, Tera};

use crate::changes::{Change, Kind};
use crate::diagnostic::Diagnostic;
use crate::layout::THEME_DIR;
use crate::minify;
use crate::model::code;
use crate::resolve::{FeedView, Site, View};
use crate::text;
use crate::theme::{Strings, Theme, by_key};

/// The compiled templates, and a fingerprint of everything besides a
/// page's view that its HTML depends on.
pub struct Templates {
    tera: Tera,
    /// The templates, the strings and the version of helder.
    fingerprint: u64,
}

/// Where rendered pages go. A page's key sums up everything it is made of
/// (its view, the theme, the version of helder): a page whose key is the one
/// it had at the last build is the same page, so it need not be rendered.
pub trait Sink: Sync {
    /// Keeps the page as the last build wrote it, if that build gave it
    /// this key; true when it was kept.
    fn keep(&self, file: &str, key: u64) -> bool;
    /// Writes a rendered page.
    fn write(&self, file: &str, key: u64, html: &str) -> io::Result<()>;
}

/// The key of anything that can be hashed: the same value gives the same
/// key in every build of the same helder.
pub fn key_of<T: Hash + ?Sized>(value: &T) -> u64 {
    // A page's view is hashed on every build, changed or not: FxHasher
    // does it in a fraction of SipHash's time, and a changed field always
    // changes the key (each field is folded in by an odd multiplier).
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Compiles the theme's templates; a syntax error in an override is reported
/// against its file.
pub fn templates(theme: &Theme) -> Result<Templates, Vec<Diagnostic>> {
    let minified: Vec<(&str, String)> = theme
        .templates
        .iter()
        .map(|(name, source)| {
            let text = minify::template(source).unwrap_or_else(|| source.clone());
            (name.as_str(), text)
        })
        .collect();
    // A template that compiled as written compiles minified; should one
    // not, the templates as written say where the mistake is, or are used.
    let tera = compile(theme, minified.iter().map(|(n, t)| (*n, t.as_str())))
        .or_else(|_| compile(theme, written(theme)))?;
    let strings = serde_json::to_string(&theme.strings).unwrap_or_default();
    let fingerprint = key_of(&(env!("CARGO_PKG_VERSION"), &theme.templates, strings));
    Ok(Templates { tera, fingerprint })
}

/// The theme's templates as they are written: (name, text).
fn written(theme: &Theme) -> impl Iterator<Item = (&str, &str)> {
    theme
        .templates
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
}

fn compile<'t>(
    theme: &Theme,
    templates: impl IntoIterator<Item = (&'t str, &'t str)>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_on_one_line);
    // Before the templates, which are checked against the filters they use.
    tera.global_context().insert("t", &theme.strings);
    register_filters(&mut tera, &theme.strings);
    tera.add_raw_templates(templates).map_err(|e| {
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
        "change",
        move |change: &tera::Value, _: tera::Kwargs, _: &tera::State| {
            let change: Change = serde_json::to_value(change)
                .and_then(serde_json::from_value)
                .map_err(|e| tera::Error::message(format!("not a change: {e}")))?;
            Ok::<_, tera::Error>(sentence(&words, &change))
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

/// A change in legal facts as one sentence of the strings: for the
/// statement (the `change` filter), the feeds and `helder diff`. Periods
/// and legal bases are said in words; a kind the strings have no sentence
/// for is named by its code.
pub fn sentence(strings: &Strings, change: &Change) -> String {
    let s = &strings.changes.sentences;
    let template = match change.kind {
        Kind::SchoolAdded => &s.school_added,
        Kind::SchoolRemoved => &s.school_removed,
        Kind::ActivityAdded => &s.activity_added,
        Kind::ActivityRemoved => &s.activity_removed,
        Kind::BasisChanged => &s.basis_changed,
        Kind::CategoryAdded => &s.category_added,
        Kind::CategoryRemoved => &s.category_removed,
        Kind::RecipientAdded => &s.recipient_added,
        Kind::RecipientRemoved => &s.recipient_removed,
        Kind::RetentionLonger => &s.retention_longer,
        Kind::RetentionShorter => &s.retention_shorter,
        Kind::ProcessorAdded => &s.processor_added,
        Kind::ProcessorRemoved => &s.processor_removed,
        Kind::ProcessorOutsideEea => &s.processor_outside_eea,
        Kind::ProcessorMoved => &s.processor_moved,
        Kind::RightAdded => &s.right_added,
        Kind::RightRemoved => &s.right_removed,
        Kind::ResponseTimeLonger => &s.response_time_longer,
        Kind::ResponseTimeShorter => &s.response_time_shorter,
        Kind::PurposeReworded => &s.purpose_reworded,
        Kind::ProcessorReworded => &s.processor_reworded,
        Kind::TextReworded => &s.text_reworded,
    };
    let value = |v: &Option<String>| {
        let v = v.as_deref().unwrap_or_default();
        match change.kind {
            Kind::RetentionLonger
            | Kind::RetentionShorter
            | Kind::ResponseTimeLonger
            | Kind::ResponseTimeShorter => strings.period(v).unwrap_or_else(|| v.to_string()),
            Kind::BasisChanged => by_key(&strings.basis)
                .remove(v)
                .unwrap_or_else(|| v.to_string()),
            _ => v.to_string(),
        }
    };
    let name = match change.kind {
        Kind::TextReworded => strings
            .changes
            .texts
            .get(&change.name)
            .unwrap_or(&change.name),
        _ => &change.name,
    };
    if template.is_empty() {
        return format!("{}: {name}", code(&change.kind));
    }
    template
        .replace("{activity}", change.activity.as_deref().unwrap_or_default())
        .replace("{name}", name)
        .replace("{before}", &value(&change.before))
        .replace("{after}", &value(&change.after))
}

fn not_a(what: &str, value: &str) -> tera::Error {
    tera::Error::message(format!("`{value}` is not a {what}"))
}

/// Renders every page of the site and hands each to `sink` as soon as it is
/// done, so a site of thousands of pages is never in memory at once. A
/// template mistake usually breaks many pages the same way; it is reported
/// once, with the number of pages. Returns how many pages there are, and how many were kept.
pub fn render(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<Rendered, Vec<Diagnostic>> {
    // Each page's view is resolved, rendered, written and dropped on the
    // thread that takes it: only the pages in flight are in memory.
    let outcomes: Vec<Option<Result<bool, Failure>>> = site
        .pages
        .par_iter()
        .map(|page| {
            let view = site.view(page)?;
            let template = match &view {
                View::Index(_) => "index.html",
                View::Statement(_) => "statement.html",
                View::Cookies(_) => "cookies.html",
                View::Regulation(_) => "regulation.html",
                View::NotFound(_) => "404.html",
                View::Accessibility(_) => "accessibility.html",
            };
            let key = key_of(&(templates.fingerprint, template, &view));
            if sink.keep(&page.file, key) {
                return Some(Ok(true));
            }
            let tera = &templates.tera;
            let html = match &view {
                View::Index(v) => one(tera, template, v),
                View::Statement(v) => one(tera, template, v),
                View::Cookies(v) => one(tera, template, v),
                View::Regulation(v) => one(tera, template, v),
                View::NotFound(v) => one(tera, template, v),
                View::Accessibility(v) => one(tera, template, v),
            };
            Some(match html {
                Ok(html) => sink
                    .write(&page.file, key, &html)
                    .map(|()| false)
                    .map_err(Failure::Write),
                Err(e) => Err(Failure::Template(e)),
            })
        })
        .collect();
    let rendered = Rendered {
        pages: outcomes.iter().filter(|o| matches!(o, Some(Ok(_)))).count(),
        unchanged: outcomes
            .iter()
            .filter(|o| matches!(o, Some(Ok(true))))
            .count(),
    };
    let failures: Vec<(&str, Failure)> = site
        .pages
        .iter()
        .zip(outcomes)
        .filter_map(|(page, outcome)| Some((page.file.as_str(), outcome?.err()?)))
        .collect();
    if failures.is_empty() {
        return Ok(rendered);
    }
    Err(report(failures))
}

/// How many pages a build wrote, and how many of them it kept as the last
/// build wrote them.
#[derive(Debug, Clone, Copy)]
pub struct Rendered {
    pub pages: usize,
    pub unchanged: usize,
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
                .on_machine()
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
/// addresses, so there is none without a base URL. Written by an XML
/// encoder, never by formatting strings, so that no address can break the
/// XML (issue 14).
pub fn sitemap(site: &Site) -> Option<String> {
    if site.base_url.is_empty() {
        return None;
    }
    let urls = site
        .pages
        .iter()
        .filter_map(|p| p.address.as_deref())
        .map(|address| format!("{}/{address}", site.base_url));
    // Writing into memory cannot fail.
    Some(write_sitemap(urls).expect("an XML writer into memory"))
}

/// An Atom feed (RFC 4287) of the material changes of a school's
/// statement or of the board, in the words of the strings: an entry per
/// version, its content a list of the changes. Written by an XML encoder.
pub fn feed(feed: &FeedView, strings: &Strings) -> String {
    // Writing into memory cannot fail.
    write_feed(feed, strings).expect("an XML writer into memory")
}

fn write_feed(feed: &FeedView, strings: &Strings) -> std::io::Result<String> {
    use quick_xml::Writer;
    use quick_xml::events::{BytesDecl, BytesText, Event};

    let words = &strings.changes;
    let title = match &feed.school {
        Some(school) => words.feed_school.replace("{school}", school),
        None => words.feed_board.replace("{board}", &feed.board),
    };
    let time = |date: &str| format!("{date}T00:00:00Z");
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 1);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.create_element("feed")
        .with_attributes([
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", feed.lang.as_str()),
        ])
        .write_inner_content(|xml| {
            let text = |xml: &mut Writer<Vec<u8>>, name: &str, value: &str| {
                xml.create_element(name)
                    .write_text_content(BytesText::new(value))
                    .map(drop)
            };
            let link = |xml: &mut Writer<Vec<u8>>, rel: &str, href: &str| {
                xml.create_element("link")
                    .with_attributes([("rel", rel), ("href", href)])
                    .write_empty()
                    .map(drop)
            };
            text(xml, "id", &feed.href)?;
            text(xml, "title", &title)?;
            text(xml, "updated", &time(&feed.updated))?;
            link(xml, "self", &feed.href)?;
            link(xml, "alternate", &feed.page_href)?;
            xml.create_element("author")
                .write_inner_content(|xml| text(xml, "name", &feed.board))?;
            for entry in &feed.entries {
                let date = strings
                    .date(&entry.date)
                    .unwrap_or_else(|| entry.date.clone());
                xml.create_element("entry").write_inner_content(|xml| {
                    text(xml, "id", &entry.id)?;
                    text(xml, "title", &words.entry.replace("{date}", &date))?;
                    text(xml, "updated", &time(&entry.date))?;
                    link(xml, "alternate", &entry.href)?;
                    let items: String = entry
                        .changes
                        .iter()
                        .map(|c| format!("<li>{}</li>", escape(&sentence(strings, c))))
                        .collect();
                    xml.create_element("content")
                        .with_attribute(("type", "html"))
                        .write_text_content(BytesText::new(&format!("<ul>{items}</ul>")))
                        .map(drop)
                })?;
            }
            Ok(())
        })?;
    let mut bytes = xml.into_inner();
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// How a template puts text on a page: escaped, and on one line. A line
/// break in a model's text (`age: |` in YAML) is a space on the page,
/// which is all a browser shows of it, so that the pages stay minified.
fn escape_on_one_line(text: &str, out: &mut dyn io::Write) -> io::Result<()> {
    write_escaped(text, true, out)
}

/// Text for inside HTML, its lines kept (the preview's messages, in a
/// `<pre>`; a feed's list of changes).
pub fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    write_escaped(text, false, &mut out).expect("a Vec takes every byte");
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

/// Writes text for inside HTML: `&`, `<`, `>`, `"` and `'` escaped, and,
/// `on_one_line`, every line break (`\n`, `\r\n` or `\r`) a space.
fn write_escaped(text: &str, on_one_line: bool, out: &mut dyn io::Write) -> io::Result<()> {
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let instead: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            b'\n' if on_one_line => b" ",
            b'\r' if on_one_line && text.as_bytes().get(at + 1) == Some(&b'\n') => b"",
            b'\r' if on_one_line => b" ",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[from..at])?;
        out.write_all(instead)?;
        from = at + 1;
    }
    out.write_all(&text.as_bytes()[from..])
}

/// `<urlset>` with one `<url><loc>…</loc></url>` per line.
fn write_sitemap(urls: impl Iterator<Item = String>) -> std::io::Result<String> {
    use quick_xml::Writer;
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

    let newline = || Event::Text(BytesText::new("\n"));
    let mut xml = Writer::new(Vec::new());
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.write_event(newline())?;
    let urlset = BytesStart::new("urlset")
        .with_attributes([("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")]);
    xml.write_event(Event::Start(urlset))?;
    xml.write_event(newline())?;
    for url in urls {
        xml.create_element("url").write_inner_content(|xml| {
            xml.create_element("loc")
                .write_text_content(BytesText::new(&url))
                .map(drop)
        })?;
        xml.write_event(newline())?;
    }
    xml.write_event(Event::End(BytesEnd::new("urlset")))?;
    xml.write_event(newline())?;
    // The writer writes only what it was given, all of it UTF-8.
    Ok(String::from_utf8(xml.into_inner()).expect("UTF-8 in, UTF-8 out"))
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
            .replace("&apos;", "'")
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
            favicon: String::new(),
            strings: Strings::default(),
            warnings: Vec::new(),
        };
        let tera = templates(&theme).unwrap();
        proptest!(|(text in "[a-z <>&\"'/=;#\n\r]{0,40}|\\PC{0,20}")| {
            let mut context = Context::new();
            context.insert("text", &text);
            let page = tera.tera.render("index.html", &context).unwrap();
            let inner = page.strip_prefix("<p>").and_then(|p| p.strip_suffix("</p>")).unwrap();
            prop_assert!(!inner.contains(['<', '>', '"', '\'']), "{}", inner);
            prop_assert!(!inner.contains(['\n', '\r']), "{}", inner);
            prop_assert_eq!(unescape(inner), text.replace("\r\n", " ").replace(['\n', '\r'], " "));
        });
    }

    /// Collects the rendered pages, keeping none.
    #[derive(Default)]
    struct Pages(std::sync::Mutex<std::collections::BTreeMap<String, String>>);

    impl Sink for Pages {
        fn keep(&self, _: &str, _: u64) -> bool {
            false
        }
        fn write(&self, file: &str, _: u64, html: &str) -> io::Result<()> {
            let mut pages = self.0.lock().unwrap();
            pages.insert(file.to_string(), html.to_string());
            Ok(())
        }
    }

    /// The templates are minified once instead of every page: a reader
    /// gets, on every page of the example, what minifying the whole page
    /// gave (the same page once minified whole), within a few per cent of
    /// its size.
    #[test]
    fn pages_read_as_if_each_was_minified_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = crate::load::load(root, crate::load::MAX_FILE_BYTES);
        assert!(loaded.errors.is_empty());
        let theme = crate::theme::load(root, &loaded.model.site.language).unwrap();
        let (history, archive) = Default::default();
        let site = crate::resolve::resolve(&loaded.model, &loaded.sources, &history, &archive);
        let pages = |templates: &Templates| {
            let pages = Pages::default();
            render(&site, templates, &pages).unwrap();
            pages.0.into_inner().unwrap()
        };
        let minified = pages(&templates(&theme).unwrap());
        let as_written = Templates {
            tera: compile(&theme, written(&theme)).unwrap(),
            fingerprint: 0,
        };
        let whole = |html: &str| {
            let cfg = minify_html::Cfg {
                keep_closing_tags: true,
                keep_html_and_head_opening_tags: true,
                ..minify_html::Cfg::default()
            };
            String::from_utf8(minify_html::minify(html.as_bytes(), &cfg)).unwrap()
        };
        let written = pages(&as_written);
        assert_eq!(minified.len(), written.len());
        assert!(minified.len() > 30, "{} pages", minified.len());
        for (file, page) in &minified {
            let reference = whole(&written[file]);
            assert_eq!(whole(page), reference, "{file}");
            assert!(page.len() < written[file].len(), "{file} is not minified");
            assert!(
                page.len() * 100 < reference.len() * 104,
                "{file}: {} bytes, minified whole {}",
                page.len(),
                reference.len()
            );
        }
    }

    proptest! {
        /// A base URL with `&` or `<` still gives a sitemap that is XML.
        #[test]
        fn addresses_in_the_sitemap_are_escaped(text in "[a-z<>&;/:.]{0,40}|\\PC{0,20}") {
            let xml = write_sitemap(std::iter::once(text.clone())).unwrap();
            let loc = xml.split_once("<loc>").unwrap().1;
            let escaped = loc.split_once("</loc>").unwrap().0;
            prop_assert!(!escaped.contains(['<', '>']), "{}", escaped);
            for (at, _) in escaped.match_indices('&') {
                let entity = &escaped[at..];
                prop_assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| entity.starts_with(e)),
                    "{}", escaped
                );
            }
            prop_assert_eq!(unescape(escaped), text);
        }
    }
}
