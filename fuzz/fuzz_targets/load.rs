//! Fuzz target `load`: any text as a site, through the stages a build runs.
//!
//! The input is `schools.yaml`, then up to four files of `content/`, each
//! after a NUL byte (`schools\0content-0\0content-1…`). It is loaded and
//! checked, every diagnostic is shown as text and JSON (the caret under a
//! spot must never panic on an odd position), and when the site has no
//! errors it is resolved, rendered with the default theme and minified, as
//! `helder build` does, without git and without writing.
//!
//! The properties: nothing panics; no mistake is reported twice; a
//! character YAML forbids is an error at its line and column; a site
//! without errors renders every page without a template error.

#![no_main]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use helder::diagnostic::{self, Lang};
use helder::emit::{self, Format, Options};
use helder::{archive, check, history, load, minify, render, resolve, theme, yaml};
use libfuzzer_sys::fuzz_target;

/// The default theme's templates, compiled once per language: compiling them
/// costs far more than a small site's whole build.
static TEMPLATES: Mutex<Option<HashMap<String, render::Templates>>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\0');
    let schools = parts.next().unwrap_or_default();
    let names = [
        "content/0.yaml",
        "content/1.yaml",
        "content/2.yaml",
        "content/3.yaml",
    ];
    let mut files = vec![("schools.yaml", schools)];
    files.extend(names.iter().copied().zip(parts));

    let loaded = load::load_texts(&files);
    let mut diagnostics = loaded.errors;
    if loaded.content_complete {
        diagnostics.extend(check::check(
            &loaded.model,
            &loaded.sources,
            loaded.schools_complete,
        ));
    }
    diagnostic::sort(&mut diagnostics);
    for pair in diagnostics.windows(2) {
        assert_ne!(pair[0], pair[1], "a mistake reported twice");
    }
    // A character YAML forbids (a control character; NUL is the separator
    // here) is an error at its line and column, never read past in silence.
    for (path, text) in &files {
        let text = text.strip_prefix(yaml::BOM).unwrap_or(text);
        if let Some((pos, c)) = yaml::first_forbidden(text) {
            let reported = diagnostics
                .iter()
                .any(|d| d.is_error() && d.file == Path::new(path) && d.pos == Some(pos));
            assert!(reported, "{c:?} at {path}:{pos:?} not reported");
        }
    }
    for (format, lang) in [(Format::Text, Lang::En), (Format::Json, Lang::Nl)] {
        let options = Options {
            format,
            lang,
            colour: false,
            root: PathBuf::from("."),
        };
        emit::emit(&diagnostics, &loaded.sources, None, "", &options);
    }
    if !loaded.content_complete || diagnostics.iter().any(|d| d.is_error()) {
        return;
    }

    let language = loaded.model.site.language.clone();
    let mut cache = TEMPLATES.lock().unwrap();
    let cache = cache.get_or_insert_with(HashMap::new);
    if !cache.contains_key(&language) {
        // No such folder: the theme is the embedded default.
        let Ok(theme) = theme::load(Path::new("/nonexistent/helder-fuzz"), &language) else {
            return; // a language helder has no words for: an error of `build`
        };
        let tera = render::templates(&theme).expect("the default theme compiles");
        cache.insert(language.clone(), tera);
    }
    let history = history::Table::default();
    let archive = archive::Archive::default();
    let site = resolve::resolve(&loaded.model, &loaded.sources, &history, &archive);
    render::sitemap(&site);
    let rendered = render::render(&site, &cache[&language], &Minified);
    if let Err(errors) = rendered {
        panic!("a site without errors does not render: {errors:?}");
    }
});

/// Renders every page and reads it as a template to minify, keeping nothing.
struct Minified;

impl render::Sink for Minified {
    fn keep(&self, _file: &str, _key: u64) -> bool {
        false
    }

    fn write(&self, _file: &str, _key: u64, html: &str) -> std::io::Result<()> {
        minify::template(html);
        Ok(())
    }
}
