//! The stages of a build, one at a time, on the example site:
//! `cargo bench`, or `cargo bench -- render` for the benches whose name
//! holds `render`. The whole-process figures, and what they are measured
//! against, are in BENCHMARKS.md.
//!
//! The example is this repository's `schools.yaml` and `content/`, copied
//! into a folder outside git, so that the figures do not change as the
//! repository's history grows; `history_and_archive` alone reads the
//! repository itself, with the history it has. Each bench prepares what
//! its stage reads outside the timed closure, in the calls
//! `src/cmd/build.rs` makes, and times the stage alone.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use divan::{Bencher, black_box};
use helder::archive::{self, Archive};
use helder::cmd::{self, Strictness};
use helder::diagnostic::Sources;
use helder::history::{self, Table};
use helder::model::Model;
use helder::render::{self, Sink, Templates};
use helder::resolve::{self, PageRef, View};
use helder::{load, theme, write};

/// The largest file read from history, as `helder build` reads it by default.
const MAX: u64 = load::MAX_FILE_BYTES;

fn main() {
    divan::main();
}

/// This repository, the example site in git.
fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example site outside git: a copy of its model in cargo's folder
/// for the temporary files of benches, made afresh once per run.
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example");
        let _ = fs::remove_dir_all(&root);
        copy(&repository().join("content"), &root.join("content"));
        fs::copy(repository().join("schools.yaml"), root.join("schools.yaml"))
            .expect("schools.yaml copied");
        root
    })
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a folder for the copy");
    for entry in fs::read_dir(from).expect("content/ is readable") {
        let entry = entry.expect("content/ is readable");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copied");
    }
}

/// The page of the first school's statement.
const STATEMENT: &str = "de-mieden/index.html";

/// Everything a page is resolved from, read once as a build reads it.
struct Example {
    model: Model,
    sources: Sources,
    history: Table,
    archive: Archive,
    templates: Templates,
}

impl Example {
    fn read() -> Example {
        let (model, sources, _) =
            cmd::load_and_check(root(), strictness()).expect("the example checks");
        let theme = theme::load(root(), &model.site.language).expect("the default theme loads");
        let templates = render::templates(&theme).expect("the templates compile");
        let redacted = &theme.strings.redacted;
        let history = history::read(root(), &sources, model.site.authors, redacted, false, MAX);
        let archive = archive::read(root(), model.site.authors, redacted, MAX);
        Example {
            model,
            sources,
            history,
            archive,
            templates,
        }
    }

    fn site(&self) -> resolve::Site<'_> {
        resolve::resolve(&self.model, &self.sources, &self.history, &self.archive)
    }
}

fn strictness() -> Strictness {
    Strictness {
        deny_warnings: false,
        max_file_bytes: load::MAX_FILE_BYTES,
    }
}

fn statement<'s>(site: &'s resolve::Site) -> &'s PageRef<'s> {
    site.pages
        .iter()
        .find(|p| p.file == STATEMENT)
        .expect("the example has de-mieden")
}

/// A sink that keeps nothing and writes nothing: what it is handed is the
/// rendered page, as it would be written.
#[derive(Default)]
struct Collect {
    pages: std::sync::Mutex<Vec<(String, String)>>,
    count: AtomicUsize,
}

impl Sink for Collect {
    fn keep(&self, _: &str, _: u64) -> bool {
        false
    }

    fn write(&self, file: &str, _: u64, html: &str) -> io::Result<()> {
        self.count.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut pages) = self.pages.lock() {
            pages.push((file.to_string(), html.to_string()));
        }
        Ok(())
    }
}

/// Reads `schools.yaml` and `content/` into the model, and runs every rule.
#[divan::bench]
fn load_and_check() {
    let loaded = load::load(root(), load::MAX_FILE_BYTES);
    let found = helder::check::check(&loaded.model, &loaded.sources, loaded.schools_complete);
    black_box((loaded, found));
}

/// The dates and versions from git (a few `git` processes), and every
/// earlier version of the model, loaded and checked: on this repository,
/// whose history grows with every commit of the example.
#[divan::bench(sample_count = 10)]
fn history_and_archive(bencher: Bencher) {
    let loaded = load::load(repository(), load::MAX_FILE_BYTES);
    let style = loaded.model.site.authors;
    bencher.bench(|| {
        let table = history::read(repository(), &loaded.sources, style, "[adres]", false, MAX);
        let archive = archive::read(repository(), style, "[adres]", MAX);
        black_box((table, archive))
    });
}

/// Compiles the default theme's templates.
#[divan::bench(sample_count = 20)]
fn templates(bencher: Bencher) {
    let theme = theme::load(root(), "nl").expect("the default theme loads");
    bencher.bench(|| render::templates(&theme).map(|_| ()).expect("compiles"));
}

/// The list of pages, and one school's statement as a view.
#[divan::bench]
fn resolve_statement(bencher: Bencher) {
    let example = Example::read();
    bencher.bench(|| {
        let site = example.site();
        let view = site.view(statement(&site));
        assert!(matches!(view, Some(View::Statement(_))));
        black_box(view);
    });
}

/// One school's statement into HTML (resolving its view included, as a
/// build does on the rendering thread), not yet minified.
#[divan::bench]
fn render_statement(bencher: Bencher) {
    let example = Example::read();
    let mut site = example.site();
    site.pages.retain(|p| p.file == STATEMENT);
    bencher.bench(|| {
        let sink = Collect::default();
        render::render(&site, &example.templates, &sink).expect("renders");
        assert_eq!(sink.count.load(Ordering::Relaxed), 1);
    });
}

/// Every page of the example into HTML, in parallel, not yet minified.
#[divan::bench(sample_count = 20)]
fn render_all_pages(bencher: Bencher) {
    let example = Example::read();
    let site = example.site();
    bencher.bench(|| {
        let sink = Collect::default();
        render::render(&site, &example.templates, &sink).expect("renders");
    });
}

/// Every page of the example, rendered, written into a new
/// folder beside the output folder that is then swapped in (the old one
/// removed), with its manifest.
#[divan::bench(sample_count = 20)]
fn write_site(bencher: Bencher) {
    let pages: Vec<(String, String)> = rendered().into_iter().collect();
    let out = Scratch::new("write");
    let target = write::Target::open(&out.0.join("public"), root()).expect("a free folder");
    bencher.bench(|| write::replace(&target, |staging| staging.files(&pages)).expect("written"));
}

/// A whole `helder build` of the example in this process, from nothing:
/// neither the output folder nor the site before it is there (removing
/// them is not timed).
#[divan::bench(sample_count = 20)]
fn build_example(bencher: Bencher) {
    let out = Scratch::new("build");
    let output = out.0.join("public");
    bencher
        .with_inputs(|| {
            for dir in [&output, &out.0.join(".public.helder-old")] {
                let _ = fs::remove_dir_all(dir);
            }
            let _ = fs::remove_file(out.0.join(".public.helder-state"));
        })
        .bench_values(|()| build(&output));
}

/// The same, into the folder the last build wrote, with the site before
/// it beside: every page is kept.
#[divan::bench(sample_count = 20)]
fn build_example_unchanged(bencher: Bencher) {
    let out = Scratch::new("rebuild");
    let output = out.0.join("public");
    build(&output);
    bencher.bench(|| build(&output));
}

fn build(output: &Path) {
    let options = cmd::build::Options {
        root: root().to_path_buf(),
        output_dir: output.to_path_buf(),
        target: write::Target::open(output, root()).expect("a free folder"),
        base_url: None,
        strictness: strictness(),
        preview: false,
        archive: None,
    };
    cmd::build::run(&options).map(|_| ()).expect("builds");
}

/// The example's pages as rendered, by file.
fn rendered() -> std::collections::BTreeMap<String, String> {
    let example = Example::read();
    let site = example.site();
    let sink = Collect::default();
    render::render(&site, &example.templates, &sink).expect("renders");
    sink.pages
        .into_inner()
        .expect("not poisoned")
        .into_iter()
        .collect()
}

/// A folder of this bench's own in cargo's folder for the temporary files
/// of benches, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a temporary folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
