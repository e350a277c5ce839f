//! Shared test harness: copy a site to a temporary folder, run the real
//! `helder` binary on it, read what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::de::DeserializeOwned;

pub mod html;
pub mod model;

/// The repository root: the example site.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of the test suite, with its fixture sites.
pub fn testsuite_dir() -> PathBuf {
    example_root().join("tests/testsuite")
}

/// A copy of a site in a fresh temporary folder, removed on drop.
pub struct Site {
    pub root: PathBuf,
}

impl Site {
    /// A copy of the example site (content/ and schools.yaml; the embedded
    /// default theme is used).
    pub fn example() -> Site {
        let site = Site::empty();
        copy_dir(&example_root().join("content"), &site.root.join("content"));
        std::fs::copy(
            example_root().join("schools.yaml"),
            site.root.join("schools.yaml"),
        )
        .unwrap();
        site
    }

    /// A copy of the fixture site `tests/testsuite/sites/<name>`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_dir(&testsuite_dir().join("sites").join(name), &site.root);
        site
    }

    /// A copy of the fixture site `base` with the files of the folder
    /// `overlay` laid over it, except those named in `leave_out`.
    /// A file `remove.txt` in the overlay names files of the base to remove,
    /// one per line.
    pub fn overlaid(base: &str, overlay: &Path, leave_out: &[&str]) -> Site {
        let site = Site::fixture(base);
        if let Ok(list) = std::fs::read_to_string(overlay.join("remove.txt")) {
            for rel in list.lines().filter(|l| !l.trim().is_empty()) {
                std::fs::remove_file(site.path(rel.trim())).unwrap();
            }
        }
        for rel in files(overlay) {
            let meta = ["remove.txt"];
            if leave_out
                .iter()
                .chain(&meta)
                .any(|name| rel == Path::new(name))
            {
                continue;
            }
            let target = site.root.join(&rel);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(overlay.join(&rel), target).unwrap();
        }
        site
    }

    /// A copy of the example site, built.
    pub fn example_built() -> Site {
        let site = Site::example();
        site.build();
        site
    }

    /// An empty temporary folder.
    pub fn empty() -> Site {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let root = std::env::temp_dir().join(format!("helder-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        Site { root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// A YAML file of the site, parsed: into a `serde_yaml::Value` or into
    /// a struct with the fields a test needs.
    pub fn yaml<T: DeserializeOwned>(&self, rel: &str) -> T {
        serde_yaml::from_str(&self.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces the first occurrence of `from` in file `rel` (which must exist).
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Runs `helder ARGS` in the site's folder, with messages in English
    /// (as a LANG of `en…` asks); see [`Site::helder_in_dutch`].
    pub fn helder(&self, args: &[&str]) -> Run {
        self.run_helder(args, Some("en_US.UTF-8"))
    }

    /// Runs `helder ARGS` in the site's folder with no language set: the
    /// messages come in Dutch, helder's default.
    pub fn helder_in_dutch(&self, args: &[&str]) -> Run {
        self.run_helder(args, None)
    }

    fn run_helder(&self, args: &[&str], lang: Option<&str>) -> Run {
        let mut command = self.command(args);
        if let Some(lang) = lang {
            command.env("LANG", lang);
        }
        Run::from(command.output().expect("run helder"))
    }

    /// `helder ARGS` in the site's folder, not yet started, for a test that
    /// runs it beside others, kills it or talks to it: no language set, no
    /// colours, and git kept from finding the repository the tests run in.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_helder"));
        command
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir());
        command
    }

    /// Runs `helder build` and panics with its stderr if it fails.
    pub fn build(&self) -> Run {
        let run = self.helder(&["build"]);
        assert_eq!(run.code, 0, "helder build failed:\n{}", run.stderr);
        run
    }

    /// A page of the built site, as text.
    pub fn page(&self, rel: &str) -> String {
        self.read(&format!("public/{rel}"))
    }

    /// A page of the built site, parsed.
    pub fn document(&self, rel: &str) -> html::Element {
        html::parse(&self.page(rel))
    }

    /// Every HTML page of the built site, relative to public/, sorted;
    /// panics when there is none.
    pub fn html_pages(&self) -> Vec<String> {
        let public = self.path("public");
        let pages: Vec<String> = files(&public)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .map(|p| p.to_str().unwrap().to_string())
            .collect();
        assert!(!pages.is_empty(), "no HTML pages in {}", public.display());
        pages
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// One diagnostic as the text output shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub severity: String,
    pub code: Option<String>,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Reported {
    /// `file:line:column: error: message`, the diagnostic on one line.
    pub fn line(&self) -> String {
        let mut head = self.file.clone();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            head += &format!(":{line}:{column}");
        }
        if !head.is_empty() {
            head += ": ";
        }
        format!("{head}{}: {}", self.severity, self.message)
    }
}

impl Run {
    /// The diagnostics of the text output: a title `error[HL011]: message`,
    /// the place ` --> file:line:column`, the source line and `= hint: …`.
    pub fn reported(&self) -> Vec<Reported> {
        let mut found: Vec<Reported> = Vec::new();
        for line in self.stderr.lines() {
            let title = ["error", "warning"].iter().find_map(|severity| {
                let rest = line.strip_prefix(severity)?;
                let (code, message) = match rest.strip_prefix('[') {
                    Some(rest) => {
                        let (code, message) = rest.split_once("]: ")?;
                        (Some(code.to_string()), message)
                    }
                    None => (None, rest.strip_prefix(": ")?),
                };
                Some(Reported {
                    severity: severity.to_string(),
                    code,
                    file: String::new(),
                    line: None,
                    column: None,
                    message: message.to_string(),
                    hint: None,
                })
            });
            if let Some(title) = title {
                found.push(title);
                continue;
            }
            let Some(last) = found.last_mut() else {
                continue;
            };
            let trimmed = line.trim_start();
            if let Some(place) = trimmed.strip_prefix("--> ") {
                let mut parts = place.rsplitn(3, ':');
                let (column, line, file) = (parts.next(), parts.next(), parts.next());
                match (
                    file,
                    line.and_then(|l| l.parse().ok()),
                    column.and_then(|c| c.parse().ok()),
                ) {
                    (Some(file), Some(line), Some(column)) => {
                        last.file = file.to_string();
                        last.line = Some(line);
                        last.column = Some(column);
                    }
                    _ => last.file = place.to_string(),
                }
            } else if let Some(hint) = trimmed.strip_prefix("= hint: ") {
                last.hint = Some(hint.to_string());
            }
        }
        found
    }

    /// Every error, as `file:line:column: error: message`.
    pub fn error_lines(&self) -> Vec<String> {
        self.lines_of("error")
    }

    /// Every warning, as `file:line:column: warning: message`.
    pub fn warning_lines(&self) -> Vec<String> {
        self.lines_of("warning")
    }

    fn lines_of(&self, severity: &str) -> Vec<String> {
        self.reported()
            .iter()
            .filter(|r| r.severity == severity)
            .map(Reported::line)
            .collect()
    }

    /// The last line of stderr: what the command did, or how many errors.
    pub fn summary(&self) -> &str {
        self.stderr.lines().last().unwrap_or_default()
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative to it, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.push(entry.path().strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    files.sort();
    files
}

/// Every file of a folder with its bytes, sorted by path.
pub type Snapshot = Vec<(PathBuf, Vec<u8>)>;

/// Every file under `dir` with its bytes, sorted by path: a snapshot to
/// compare two builds or check that a folder was left untouched.
pub fn snapshot(dir: &Path) -> Snapshot {
    files(dir)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// Checks that two snapshots hold the same files with the same bytes; the
/// message starts with `what` and names the files that differ.
pub fn assert_same_files(a: &[(PathBuf, Vec<u8>)], b: &[(PathBuf, Vec<u8>)], what: &str) {
    assert!(a == b, "{what}: {:?}", changed(a, b));
}

/// The files that differ between two snapshots: changed, added or removed.
pub fn changed(a: &[(PathBuf, Vec<u8>)], b: &[(PathBuf, Vec<u8>)]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = a
        .iter()
        .filter(|f| !b.contains(f))
        .chain(b.iter().filter(|f| !a.contains(f)))
        .map(|(p, _)| p.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The visible text of an HTML page, tags removed and whitespace folded,
/// with the common entities decoded: what a reader sees.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'");
    fold(&out)
}

/// Whitespace folded to single spaces, as `text` does for pages: to compare
/// prose from the YAML with what a page shows.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
