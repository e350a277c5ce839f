//! History: the dates and versions of the site's input files, from git,
//! as a [`Table`] that `resolve` reads when it builds the pages.
//!
//! Pages are made from files under the site root, which may be a subfolder of a
//! repository. Dates come only from git, never from the clock, so the output is
//! byte-identical for the same commit.
//!
//! 1. [`History::open`] finds out how much history there is: none outside a
//!    repository or without git, too little in a shallow clone. Then every
//!    question below has no answer, and [`History::warning`] says what is
//!    missing and how to fix it; the build goes on without the dates.
//! 2. [`History::file_dates`]: the date each input file last changed.
//! 3. [`History::entries_last_changed`]: the same for each entry of one file,
//!    such as each school in `schools.yaml`.
//! 4. [`History::versions`]: the version table of a document, one row per
//!    commit, its status from the `Status:` trailer of the commit message.
//! 5. [`History::adoptions`]: the adoption record, from annotated tags and
//!    their trailers (`Datum:`, `Vastgesteld-door:`, `Functie:`, `Instemming:`).
//!
//! [`read`] asks all of these once for a build and returns the [`Table`].
//!
//! Authors appear by name (after `.mailmap`) or by initials, never by e-mail
//! address: this is a privacy site.
//!
//! Everything is asked of the `git` program: one call per question, plus
//! `git cat-file` to read the old versions of a file. Whoever can commit or
//! tag writes what git gives back, so no byte of it may change how it is
//! read:
//!
//! - Fields and records are separated by NUL bytes (`-z`, `%x00`, `%00`).
//!   Git cuts a name or a message at a NUL, so no field holds one, and each
//!   record has a fixed number of fields, the first a commit id.
//! - A trailer value with a control character is refused with a warning
//!   ([`adoption_mistakes`]); other text shows a control character as `�`.
//! - A date is trusted only in the years 1970–9999 and no later than a day
//!   after this build's clock; any other commit is dated by its place in
//!   history (the commit before it) and named in a warning ([`History::misdated`]).
//!   The clock decides nothing else: an honest history builds the same
//!   bytes on any day.
//! - A file over `--max-file-size` in an old commit is never read: git
//!   tells its size first, and that version is left out with a warning.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

use crate::diagnostic::{Diagnostic, Sources, Text};
use crate::layout::{self, ADOPTION_TAG_PREFIX, CONTENT_DIR, Inputs, SCHOOLS_FILE};
use crate::model::{AuthorStyle, Date};
use crate::text;
use crate::yaml;

/// Separates the fields and records of git's output: git cuts a name or a
/// message at a NUL byte, so no field can hold one.
const NUL: char = '\0';

/// How far after this build's clock a commit may be dated: time zones and
/// a clock a little fast, not a clock set years ahead.
const MARGIN_SECONDS: i64 = 24 * 60 * 60;

/// Dutch name particles (tussenvoegsels): lower case in initials ("JdV").
const PARTICLES: [&str; 13] = [
    "de", "den", "der", "van", "von", "het", "ten", "ter", "te", "'t", "’t", "in", "op",
];

/// The git history of a site root, and how much of it there is.
#[derive(Debug, Clone)]
pub struct History {
    root: PathBuf,
    availability: Availability,
    /// The first line git wrote to stderr when it found no repository.
    git_error: String,
    /// Extra environment for every git call; only tests set it.
    env: Vec<(String, OsString)>,
    /// This build's clock, in seconds since 1970: a commit dated after it
    /// (with [`MARGIN_SECONDS`]) is not trusted.
    now: i64,
    /// The largest file read from history (`--max-file-size`).
    max_file_bytes: u64,
}

/// How much history git can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// The whole history: every question has its answer.
    Full,
    /// A shallow clone, as CI makes by default: the old commits are missing.
    Shallow,
    /// The site root is not in a git repository.
    NoRepository,
    /// The `git` program cannot be run.
    NoGit,
}

/// One row of the version table of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// "001", "002", …: counted, never typed, so never duplicated or skipped.
    pub number: String,
    /// The `Status:` trailer of the commit message, if it has one.
    pub status: Option<String>,
    /// The author date.
    pub date: Date,
    /// Name (after `.mailmap`) or initials; never an e-mail address.
    pub author: String,
    /// The commit subject.
    pub description: String,
}

/// One adoption (vaststelling) of a document, from an annotated tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    /// The tag name without its prefix: "1.0" for `reglement-1.0`.
    pub version: String,
    /// The `Datum:` trailer (YYYY-MM-DD), else the tagger date.
    pub date: Date,
    /// The `Vastgesteld-door:` trailer: who adopted it.
    pub by: String,
    /// The `Functie:` trailer: in what role.
    pub role: String,
    /// The `Instemming:` trailer: who consented, e.g. "oudergeleding van de GMR".
    pub consent: String,
    /// The tag's name, for a message about it.
    pub tag: String,
    /// A `Datum:` trailer that is no date that exists (`30-02-2021`); the
    /// tagger's date stands in for it, and the build refuses.
    pub wrong_date: Option<String>,
    /// The trailers with a value that holds a control character: that value
    /// is left out, and a warning names the tag and the trailer.
    pub refused: Vec<String>,
    /// The tagger's date as written, when the tag has no `Datum:` and that
    /// date cannot be trusted (later than this build's clock, or outside
    /// 1970–9999): the tag is dated as the commit it names, with a warning.
    pub misdated: Option<String>,
}

/// One version of the site's input files, as git holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteVersion {
    pub commit: String,
    /// The committer date of the commit.
    pub date: Date,
    /// Each input file (`schools.yaml`, `content/….yaml`) by its path from
    /// the site root, with the id of its blob.
    pub files: BTreeMap<String, String>,
}

/// The texts of the files of many versions, each blob read once, by one
/// `git cat-file` for them all: versions share most of their files.
pub struct Blobs {
    texts: HashMap<String, String>,
    /// The blobs over `--max-file-size`, never read, with their sizes.
    too_large: HashMap<String, u64>,
    max_file_bytes: u64,
}

impl Blobs {
    pub fn read(history: &History, versions: &[SiteVersion]) -> Blobs {
        let distinct: BTreeSet<&String> = versions.iter().flat_map(|v| v.files.values()).collect();
        let ids: Vec<String> = distinct.into_iter().cloned().collect();
        let texts = history.read_blobs(&ids).unwrap_or_default();
        let mut blobs = Blobs {
            texts: HashMap::new(),
            too_large: HashMap::new(),
            max_file_bytes: history.max_file_bytes,
        };
        for (id, text) in ids.into_iter().zip(texts) {
            match text {
                Ok(text) => _ = blobs.texts.insert(id, text),
                Err(Unread::TooLarge(size)) => _ = blobs.too_large.insert(id, size),
                Err(Unread::Missing) => {}
            }
        }
        blobs
    }

    /// The texts of a version's files; None when one could not be read.
    pub fn texts(&self, version: &SiteVersion) -> Option<Vec<(String, String)>> {
        version
            .files
            .iter()
            .map(|(path, blob)| Some((path.clone(), self.texts.get(blob)?.clone())))
            .collect()
    }

    /// A warning for each file over `--max-file-size` in these versions
    /// (oldest first), at the first version that holds it: that version,
    /// and every one after it that holds the same file, cannot be read.
    pub fn too_large(&self, versions: &[SiteVersion]) -> Vec<Diagnostic> {
        let mut told = BTreeSet::new();
        let mut warnings = Vec::new();
        for version in versions {
            for (path, blob) in &version.files {
                let Some(&size) = self.too_large.get(blob) else {
                    continue;
                };
                if told.insert(blob) {
                    let commit = version.commit.get(..7).unwrap_or(&version.commit);
                    warnings.push(too_large_warning(commit, path, size, self.max_file_bytes));
                }
            }
        }
        warnings
    }
}

/// The warning for a file over `--max-file-size` in an old commit.
fn too_large_warning(commit: &str, path: &str, size: u64, max: u64) -> Diagnostic {
    let (mb, max) = (size.div_ceil(1_000_000), max / 1_000_000);
    Diagnostic::warning(
        "",
        None,
        text!(
            "het bestand `{path}` is in commit {commit} {mb} MB; helder leest bestanden tot {max} MB, dus blijft die versie (en elke volgende met dit bestand) uit het archief",
            "the file `{path}` is {mb} MB in commit {commit}; helder reads files of up to {max} MB, so that version (and every later one with this file) is left out of the archive"
        ),
    )
    .with_hint(text!(
        "een model van een bestuur is een paar honderd kB, dus dit bestand hoort er vermoedelijk niet in; de versies zonder dit bestand blijven gewoon (is het echt zo groot, geef dan `--max-file-size {mb}`)",
        "a board's model is a few hundred kB, so this file probably does not belong; the versions without it stay as they are (if it really is this large, pass `--max-file-size {mb}`)"
    ))
}

/// Whether a path from the site root is one of the files `load` reads.
fn is_input(path: &str) -> bool {
    path == SCHOOLS_FILE
        || (path.starts_with(&format!("{CONTENT_DIR}/"))
            && (path.ends_with(".yaml") || path.ends_with(".yml")))
}

/// The entries of one version of a file, as (id, canonical text) pairs.
pub type Entries = Vec<(String, String)>;

impl History {
    /// Looks at the repository around `root`. Never fails: what is missing is
    /// told by [`History::availability`] and [`History::warning`].
    pub fn open(root: &Path) -> History {
        History::open_with_env(root, Vec::new())
    }

    fn open_with_env(root: &Path, env: Vec<(String, OsString)>) -> History {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let mut history = History {
            root: root.to_path_buf(),
            availability: Availability::NoGit,
            git_error: String::new(),
            env,
            now,
            max_file_bytes: crate::load::MAX_FILE_BYTES,
        };
        let mut probe = history.command();
        probe.args(["rev-parse", "--is-shallow-repository"]);
        (history.availability, history.git_error) = match probe.output() {
            Err(_) => (Availability::NoGit, String::new()),
            Ok(out) if !out.status.success() => {
                (Availability::NoRepository, first_line(&out.stderr))
            }
            Ok(out) if out.stdout.trim_ascii() == b"true" => (Availability::Shallow, String::new()),
            Ok(_) => (Availability::Full, String::new()),
        };
        history
    }

    pub fn availability(&self) -> Availability {
        self.availability
    }

    /// The same history, reading no file from it larger than `max` bytes
    /// (`--max-file-size`; [`crate::load::MAX_FILE_BYTES`] unless set).
    pub fn with_max_file_bytes(mut self, max: u64) -> History {
        self.max_file_bytes = max;
        self
    }

    /// What is missing and how to fix it; None when the history is complete.
    pub fn warning(&self) -> Option<Text> {
        let root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        let root = root.display();
        let (nl, en) = (
            "zijn de datums van de laatste wijziging, de versietabel en de vaststelling onbekend en blijven ze weg",
            "the dates on which pages last changed, the version tables and the adoption record are unknown and are left out",
        );
        Some(match self.availability {
            Availability::Full => return None,
            Availability::Shallow => text!(
                "dit is een ondiepe kloon (shallow clone), dus {nl}; haal de hele geschiedenis op met `git fetch --unshallow --tags` (in CI: een checkout met fetch-depth 0)",
                "this is a shallow clone, so {en}; fetch the full history with `git fetch --unshallow --tags` (in CI: a checkout with fetch-depth 0)"
            ),
            // The usual cause in CI containers: the checkout belongs to another user,
            // and git says "detected dubious ownership in repository at '<folder>'".
            Availability::NoRepository if self.git_error.contains("dubious ownership") => {
                let repository = self.git_error.rsplit_once(" at ").map_or("", |(_, at)| at);
                text!(
                    "git weigert de repository {repository} te lezen omdat die van een andere gebruiker is, dus {nl}; vertrouw hem met `git config --global --add safe.directory {repository}`",
                    "git refuses to read the repository {repository} because it belongs to another user, so {en}; trust it with `git config --global --add safe.directory {repository}`"
                )
            }
            Availability::NoRepository => text!(
                "{root} staat niet in een git-repository, dus {nl}; start daar `git init` en leg de site vast (`git add . && git commit`)",
                "{root} is not in a git repository, so {en}; run `git init` there and commit the site (`git add . && git commit`)"
            ),
            Availability::NoGit => text!(
                "git is niet geïnstalleerd (of niet op het PATH), dus {nl}; installeer git van https://git-scm.com en bouw {root} opnieuw",
                "git is not installed (or not on the PATH), so {en}; install git from https://git-scm.com and build {root} again"
            ),
        })
    }

    /// For each of `files` (relative to the root) that was ever committed,
    /// the author date of the newest commit that touched it. Empty unless
    /// the history is full. One `git log` for all files.
    pub fn file_dates(&self, files: &[&Path]) -> BTreeMap<PathBuf, Date> {
        let mut dates = BTreeMap::new();
        let options = [
            "--reverse",
            "-z",
            "--format=%H%x00%ad%x00%at",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--relative",
        ];
        let Some(out) = self.log(&options, files) else {
            return dates;
        };
        let wanted: Vec<Option<String>> = files.iter().map(|f| git_path(f)).collect();
        let commits = commits(&out, 3);
        let placed = self.placed(
            commits
                .iter()
                .map(|c| self.trusted(c.fields[1], c.fields[2])),
        );
        // Oldest first: the newest commit that touched a file has the last word.
        for (commit, date) in commits.iter().zip(placed) {
            for (_, name) in &commit.changes {
                let index = wanted.iter().position(|w| w.as_deref() == Some(*name));
                if let Some(index) = index {
                    dates.insert(files[index].to_path_buf(), date);
                }
            }
        }
        dates
    }

    /// When each entry of `file` (relative to the root) last changed.
    ///
    /// `entries` turns one version of the file into (id, canonical text)
    /// pairs, or None when that version does not parse (it is then skipped).
    /// An entry changed in a commit when its text differs from the version
    /// before, or is new; reordering entries changes nothing. Entries since
    /// removed keep their date. Empty unless the history is full.
    pub fn entries_last_changed(
        &self,
        file: &Path,
        entries: &mut dyn FnMut(&str) -> Option<Entries>,
    ) -> BTreeMap<String, Date> {
        let commits = self.commits_of(file);
        let Some(path) = git_path(file).filter(|_| !commits.is_empty()) else {
            return BTreeMap::new();
        };
        let objects: Vec<String> = commits
            .iter()
            .map(|(id, _)| format!("{id}:./{path}"))
            .collect();
        let texts = self.read_blobs(&objects).unwrap_or_default();
        // A version over `--max-file-size` is skipped as one that does not
        // parse; the archive's warning names it.
        let versions = commits.iter().zip(texts).filter_map(|((_, date), text)| {
            let entries = entries(&text.ok()?)?;
            Some((*date, entries))
        });
        dates_of_change(versions)
    }

    /// The version table of a document made from `paths`: one row per commit
    /// that touched them, oldest first. Empty unless the history is full.
    /// Every e-mail address in a description or status is replaced by `redacted`.
    pub fn versions(&self, paths: &[&Path], style: AuthorStyle, redacted: &str) -> Vec<Version> {
        self.versions_at("HEAD", paths, style, redacted)
    }

    /// [`History::versions`] as it stood at the commit `rev`.
    pub fn versions_at(
        &self,
        rev: &str,
        paths: &[&Path],
        style: AuthorStyle,
        redacted: &str,
    ) -> Vec<Version> {
        let format =
            "--format=%H%x00%ad%x00%at%x00%aN%x00%(trailers:key=Status,valueonly,unfold)%x00%s";
        let options = ["--reverse", "-z", format, "--end-of-options", rev];
        let Some(out) = self.log(&options, paths) else {
            return Vec::new();
        };
        let commits = commits(&out, 6);
        let placed = self.placed(
            commits
                .iter()
                .map(|c| self.trusted(c.fields[1], c.fields[2])),
        );
        commits
            .iter()
            .zip(placed)
            .enumerate()
            .map(|(index, (commit, date))| {
                let (name, status, subject) =
                    (commit.fields[3], commit.fields[4], commit.fields[5]);
                // Git writes the placeholder itself when an author line does not parse.
                let name = if name == "%aN" { "" } else { name };
                Version {
                    number: format!("{:03}", index + 1),
                    status: last_value(status).map(|s| without_addresses(&shown(s), redacted)),
                    date,
                    author: author(&shown(name), style),
                    description: without_addresses(shown(subject).trim(), redacted),
                }
            })
            .collect()
    }

    /// The adoption record from the annotated tags named `tag_prefix…`,
    /// oldest first. Lightweight tags are ignored. Empty unless the history is
    /// full (a shallow clone may lack tags, and a partial record would mislead).
    pub fn adoptions(&self, tag_prefix: &str, redacted: &str) -> Vec<Adoption> {
        if self.availability != Availability::Full {
            return Vec::new();
        }
        // Every field ends in a NUL (`%00`); git's own trailer parser gives
        // each value on a line of its own (`unfold` joins a folded one).
        let format = format!(
            "--format=%(objecttype)%00%(refname)%00%(taggerdate:short)%00%(taggerdate:unix)\
             %00%(*committerdate:short)%00%(*committerdate:unix)%00{}",
            TRAILERS
                .map(|key| format!("%(contents:trailers:key={key},valueonly,unfold)%00"))
                .concat()
        );
        let mut command = self.command();
        // All tags, filtered here: a prefix used as a pattern would glob.
        command.args(["for-each-ref", &format, "refs/tags/"]);
        let Some(out) = stdout_of(command) else {
            return Vec::new();
        };
        adoptions_of_tags(&out, tag_prefix, redacted, self.now)
    }

    /// The published versions of the site's model: for every date on which
    /// a commit of the main line (first parents) changed `schools.yaml` or
    /// `content/`, the input files as they were after the last such commit
    /// of that date, oldest first. Dates are committer dates, when a change
    /// landed, and never go back: a commit dated before the one before it
    /// counts on that one's date, and so does one whose date cannot be
    /// trusted (see [`History::misdated`]), so that its changes are kept
    /// and no later version is merged into it. Empty unless the history is full.
    pub fn site_versions(&self) -> Vec<SiteVersion> {
        let options = [
            "--reverse",
            "--first-parent",
            "-z",
            "--format=%H%x00%cd%x00%ct",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--relative",
        ];
        let paths = [Path::new(SCHOOLS_FILE), Path::new(CONTENT_DIR)];
        let Some(out) = self.log(&options, &paths) else {
            return Vec::new();
        };
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        let mut versions: Vec<SiteVersion> = Vec::new();
        let commits = commits(&out, 3);
        let placed = self.placed(
            commits
                .iter()
                .map(|c| self.trusted(c.fields[1], c.fields[2])),
        );
        for (record, date) in commits.iter().zip(placed) {
            let commit = record.fields[0];
            // `100644 100644 <old> <new> M`, then the path
            for &(info, path) in &record.changes {
                if !is_input(path) {
                    continue;
                }
                let fields: Vec<&str> = info.split(' ').collect();
                match (fields.get(3), fields.get(4)) {
                    (_, Some(status)) if status.starts_with('D') => {
                        files.remove(path);
                    }
                    (Some(blob), Some(_)) if is_object_id(blob) => {
                        files.insert(path.to_string(), blob.to_string());
                    }
                    _ => {}
                }
            }
            let date = versions.last().map_or(date, |last| last.date.max(date));
            let version = SiteVersion {
                commit: commit.to_string(),
                date,
                files: files.clone(),
            };
            match versions.last_mut() {
                Some(last) if last.date == date => *last = version,
                _ => versions.push(version),
            }
        }
        versions
    }

    /// The commit `HEAD` names; None without a full history.
    pub fn head(&self) -> Option<String> {
        if self.availability != Availability::Full {
            return None;
        }
        let mut command = self.command();
        command.args(["rev-parse", "--verify", "--quiet", "HEAD"]);
        stdout_of(command).map(|out| out.trim().to_string())
    }

    /// Whether a commit after `rev` (up to `HEAD`) touched `paths`.
    pub fn changed_since(&self, rev: &str, paths: &[&Path]) -> bool {
        let range = format!("{rev}..HEAD");
        self.log(&["--format=%H", "--end-of-options", &range], paths)
            .is_some_and(|out| !out.trim().is_empty())
    }

    /// The input files of the site at `rev` (a commit, tag or branch, as
    /// git names them): `Err` with git's own words when there is no such
    /// revision. Its date is the committer date, or when that cannot be
    /// trusted, the date of the nearest commit before it on the main line
    /// that can.
    pub fn version_at(&self, rev: &str) -> Result<SiteVersion, String> {
        if self.availability == Availability::NoRepository
            || self.availability == Availability::NoGit
        {
            return Err(self.git_error.clone());
        }
        let mut command = self.command();
        command.args(["rev-parse", "--verify", "--quiet", "--end-of-options"]);
        command.arg(format!("{rev}^{{commit}}"));
        let Some(commit) = stdout_of(command) else {
            return Err(format!("{rev}: unknown revision"));
        };
        let commit = commit.trim().to_string();
        let date = self
            .date_of(&commit, 1)
            .or_else(|| self.date_of(&commit, 0));
        let date = date
            .or_else(|| self.today())
            .ok_or(format!("{rev}: no date"))?;
        let mut command = self.command();
        command
            .args(["ls-tree", "-r", "-z", "--full-tree"])
            .arg(&commit);
        let prefix = self.prefix();
        let Some(out) = stdout_of(command) else {
            return Err(format!("{rev}: cannot list its files"));
        };
        // `<mode> blob <id>\t<path from the top>`
        let files = out
            .split('\0')
            .filter_map(|entry| {
                let (info, path) = entry.split_once('\t')?;
                let path = path.strip_prefix(prefix.as_str())?;
                let blob = info.split(' ').nth(2)?;
                is_input(path).then(|| (path.to_string(), blob.to_string()))
            })
            .collect();
        Ok(SiteVersion {
            commit,
            date,
            files,
        })
    }

    /// The texts of a version's files, as `load::load_texts` reads them;
    /// None when git cannot give one of them.
    pub fn texts(&self, version: &SiteVersion) -> Option<Vec<(String, String)>> {
        Blobs::read(self, std::slice::from_ref(version)).texts(version)
    }

    /// The path of the site root from the top of the repository, with a
    /// trailing `/` (empty at the top).
    fn prefix(&self) -> String {
        let mut command = self.command();
        command.args(["rev-parse", "--show-prefix"]);
        stdout_of(command)
            .map(|p| p.trim_end_matches('\n').to_string())
            .unwrap_or_default()
    }

    /// `git` in the site root, shielded from settings that change its output.
    fn command(&self) -> Command {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.root)
            .args([
                "--no-pager",
                "--literal-pathspecs",
                "-c",
                "core.quotepath=off",
            ])
            // A user's log.follow=true would follow renames, and log.showSignature
            // would print GPG output between the records.
            .args(["-c", "log.follow=false", "-c", "log.showSignature=false"])
            .env("LC_ALL", "C")
            // Git hooks export GIT_DIR, often as the relative `.git`, which is wrong
            // once `-C` has moved to the site root (say, `helder check` in pre-commit).
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .stdin(Stdio::null());
        command
    }

    /// `git log` over the commits that touched `paths`; None unless the
    /// history is full.
    fn log(&self, options: &[&str], paths: &[&Path]) -> Option<String> {
        if self.availability != Availability::Full || paths.is_empty() {
            return None;
        }
        let mut command = self.command();
        command
            .args([
                "log",
                "--use-mailmap",
                "--date=short",
                "--encoding=UTF-8",
                "--no-color",
            ])
            .args(options)
            .arg("--")
            .args(paths);
        stdout_of(command)
    }

    /// The commits that touched `file`, oldest first, with their author dates.
    fn commits_of(&self, file: &Path) -> Vec<(String, Date)> {
        let options = ["--reverse", "-z", "--format=%H%x00%ad%x00%at"];
        let Some(out) = self.log(&options, &[file]) else {
            return Vec::new();
        };
        let commits = commits(&out, 3);
        let placed = self.placed(
            commits
                .iter()
                .map(|c| self.trusted(c.fields[1], c.fields[2])),
        );
        let ids = commits.iter().map(|c| c.fields[0].to_string());
        ids.zip(placed).collect()
    }

    /// The first trusted committer date of `commit` and the commits before
    /// it on the main line, newest first; `limit` commits (0: all).
    fn date_of(&self, commit: &str, limit: usize) -> Option<Date> {
        let mut command = self.command();
        command.args(["log", "-z", "--first-parent", "--date=short"]);
        command.arg("--format=%H%x00%cd%x00%ct");
        if limit > 0 {
            command.arg(format!("--max-count={limit}"));
        }
        command.args(["--end-of-options", commit]);
        let out = stdout_of(command)?;
        commits(&out, 3)
            .iter()
            .find_map(|c| self.trusted(c.fields[1], c.fields[2]))
    }

    /// The day a commit is dated, `day` (`%ad` or `%cd`) at `seconds` (`%at`
    /// or `%ct`), if it can be trusted: in the years 1970–9999, and no later
    /// than a day after this build's clock.
    fn trusted(&self, day: &str, seconds: &str) -> Option<Date> {
        trusted(day, seconds, self.now)
    }

    /// The dates of commits in the order of history (oldest first), each
    /// untrusted one (None) dated by its place: as the trusted commit
    /// before it, or before the first one, as the first. Without any
    /// trusted date, today.
    fn placed(&self, dates: impl Iterator<Item = Option<Date>> + Clone) -> Vec<Date> {
        let first = dates.clone().flatten().next();
        let Some(mut last) = first.or_else(|| self.today()) else {
            return Vec::new();
        };
        dates
            .map(|date| {
                if let Some(date) = date {
                    last = date;
                }
                last
            })
            .collect()
    }

    /// The day of this build's clock (UTC).
    fn today(&self) -> Option<Date> {
        day_of(self.now)
    }

    /// The commits that touched the site's inputs with a date that cannot be
    /// trusted, each as a warning that names it and says how it is dated.
    pub fn misdated(&self) -> Vec<Diagnostic> {
        let format = "--format=%H%x00%h%x00%ad%x00%at%x00%cd%x00%ct%x00%s";
        let paths = [Path::new(SCHOOLS_FILE), Path::new(CONTENT_DIR)];
        let Some(out) = self.log(&["-z", format], &paths) else {
            return Vec::new();
        };
        commits(&out, 7)
            .iter()
            .filter_map(|c| {
                let [_, short, author_day, author_at, day, at, subject] = c.fields[..] else {
                    return None;
                };
                let (day, seconds) = match self.trusted(author_day, author_at) {
                    None => (author_day, author_at),
                    Some(_) if self.trusted(day, at).is_none() => (day, at),
                    Some(_) => return None,
                };
                Some(misdated_warning(
                    short,
                    &shown(subject),
                    day,
                    seconds,
                    self.now,
                ))
            })
            .collect()
    }

    /// The text of each object (`<commit>:<path>`), read by one
    /// The loaded files whose text differs from the last commit (or that
    /// it does not hold), and the schools whose entry in `schools.yaml`
    /// differs, compared as parsed YAML.
    fn uncommitted(&self, sources: &Sources) -> (BTreeSet<PathBuf>, BTreeSet<String>) {
        let objects: Vec<String> = sources
            .files
            .iter()
            .map(|f| format!("HEAD:./{}", git_path(&f.path).unwrap_or_default()))
            .collect();
        let Some(committed) = self.read_blobs(&objects) else {
            return Default::default();
        };
        let mut files = BTreeSet::new();
        let mut schools = BTreeSet::new();
        for (file, committed) in sources.files.iter().zip(committed) {
            let committed = committed.ok();
            if committed.as_deref() == Some(file.text.as_str()) {
                continue;
            }
            files.insert(file.path.clone());
            if file.path == Path::new(SCHOOLS_FILE) {
                let now: BTreeMap<_, _> = school_entries(&file.text)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                let then: BTreeMap<_, _> = committed
                    .as_deref()
                    .and_then(school_entries)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                schools.extend(
                    now.into_iter()
                        .filter(|(id, text)| then.get(id) != Some(text))
                        .map(|(id, _)| id),
                );
            }
        }
        (files, schools)
    }

    /// The text of each object (`<commit>:./<path>` or a blob's id), or why
    /// it cannot be read. `git cat-file --batch-check` tells each object's
    /// size first, so a file over `--max-file-size` is never read at all,
    /// however large it is; `git cat-file --batch` then reads the others.
    /// None when git cannot answer.
    fn read_blobs(&self, objects: &[String]) -> Option<Vec<Result<String, Unread>>> {
        // A name with a line break would be two requests, and every answer after
        // it would be taken for another object's: such a file is not asked for.
        let asked: Vec<&String> = objects.iter().filter(|o| !o.contains('\n')).collect();
        let found = self.cat_file("--batch-check", &asked, |out| {
            let mut header = String::new();
            (out.read_line(&mut header).ok()? > 0).then_some(())?;
            Some(blob_header(header.trim_end()))
        })?;
        let mut found = found.into_iter();
        let sizes: Vec<Result<(String, u64), Unread>> = objects
            .iter()
            .map(|o| match o.contains('\n') {
                true => Err(Unread::Missing),
                false => found.next().unwrap_or(Err(Unread::Missing)),
            })
            .collect();
        let max = self.max_file_bytes;
        let small: Vec<&String> = sizes
            .iter()
            .filter_map(|s| s.as_ref().ok().filter(|(_, size)| *size <= max))
            .map(|(id, _)| id)
            .collect();
        let texts = self.cat_file("--batch", &small, |out| read_blob(out, max))?;
        let mut texts = texts.into_iter();
        let read = sizes.into_iter().map(|size| match size {
            Err(unread) => Err(unread),
            Ok((_, size)) if size > max => Err(Unread::TooLarge(size)),
            Ok(_) => texts.next().flatten().ok_or(Unread::Missing),
        });
        Some(read.collect())
    }

    /// Runs `git cat-file MODE` with one request per object, and reads each
    /// answer with `answer`; None when git cannot answer them all.
    fn cat_file<T>(
        &self,
        mode: &str,
        objects: &[&String],
        mut answer: impl FnMut(&mut BufReader<std::process::ChildStdout>) -> Option<T>,
    ) -> Option<Vec<T>> {
        if objects.is_empty() {
            return Some(Vec::new());
        }
        let mut command = self.command();
        command
            .args(["cat-file", mode])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        let mut child = command.spawn().ok()?;
        let mut stdin = child.stdin.take()?;
        let mut stdout = BufReader::new(child.stdout.take()?);
        let requests: String = objects.iter().map(|object| format!("{object}\n")).collect();
        // Write from a thread while reading here, so neither pipe fills up and blocks.
        let answers = thread::scope(|scope| {
            scope.spawn(move || stdin.write_all(requests.as_bytes()));
            let answers: Option<Vec<T>> = objects.iter().map(|_| answer(&mut stdout)).collect();
            drop(stdout); // if reading failed, git stops on the closed pipe, and so does the writer
            answers
        });
        child.wait().ok()?;
        answers
    }
}

/// Why a file could not be read from history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Not there, not a file, or not UTF-8.
    Missing,
    /// Larger than `--max-file-size`: this many bytes.
    TooLarge(u64),
}

/// What the history says about one build's inputs: read once, before
/// `resolve` builds the pages.
#[derive(Debug, Default)]
pub struct Table {
    /// Whether the history was complete; without it dates and versions are
    /// unknown, not empty.
    pub complete: bool,
    /// What is missing and how to fix it, when the history is not complete.
    pub warning: Option<Text>,
    /// What the history holds that cannot be trusted: commits with a date
    /// from the future or outside 1970–9999, each named.
    pub warnings: Vec<Diagnostic>,
    /// When each input file last changed.
    files: BTreeMap<PathBuf, Date>,
    /// When each school's entry in `schools.yaml` last changed.
    schools: BTreeMap<String, Date>,
    /// The version table of the regulation.
    pub versions: Vec<Version>,
    /// The adoption record of the regulation.
    pub adoptions: Vec<Adoption>,
    /// Whether the regulation's files changed after its newest adoption.
    pub amended: bool,
    /// For the preview only: the input files that differ from the last
    /// commit, and the schools whose entry does.
    uncommitted_files: BTreeSet<PathBuf>,
    uncommitted_schools: BTreeSet<String>,
}

/// The code of a date in git that does not exist.
pub const WRONG_DATE: &str = "HL301";

/// The mistakes in what git holds for the site in `root`: those of its
/// adoption record ([`adoption_mistakes`]) and its commits with a date that
/// cannot be trusted ([`History::misdated`]). Asked by `check`; `build`
/// finds the same in its [`Table`].
pub fn mistakes(root: &Path) -> Vec<Diagnostic> {
    let history = History::open(root);
    let mut mistakes = adoption_mistakes(&history.adoptions(ADOPTION_TAG_PREFIX, ""));
    mistakes.extend(history.misdated());
    mistakes
}

/// The mistakes of an adoption record: a `Datum:` that is no date and a
/// tag whose version cannot be a folder of the site (errors: nothing is
/// published until the tag is made again), and a trailer refused for a
/// control character in its value (a warning: the rest of the record
/// stands).
///
/// A tag name is an error, not a warning, because the adoption record must
/// say what the tags say: leaving the adoption out would hide one, and
/// showing it without the page of its text would publish a record that
/// cannot be read back. The site as last built stays until the tag is renamed.
pub fn adoption_mistakes(adoptions: &[Adoption]) -> Vec<Diagnostic> {
    let mut mistakes = Vec::new();
    for a in adoptions {
        let tag = &a.tag;
        if let Some(written) = &a.wrong_date {
            mistakes.push(
                Diagnostic::error(
                    "",
                    None,
                    text!(
                        "de tag `{tag}` heeft `Datum: {written}`, en die datum bestaat niet",
                        "the tag `{tag}` has `Datum: {written}`, which is no date that exists"
                    ),
                )
                .with_hint(text!(
                    "schrijf de datum als jaar-maand-dag, zoals `Datum: 2021-02-28`: maak de tag opnieuw met `git tag -a -f {tag}` (en `git push -f origin {tag}`)",
                    "write the date as year-month-day, such as `Datum: 2021-02-28`: make the tag again with `git tag -a -f {tag}` (and `git push -f origin {tag}`)"
                ))
                .with_code(WRONG_DATE),
            );
        }
        if !layout::is_folder_name(&a.version) {
            let (version, new) = (&a.version, format!("{ADOPTION_TAG_PREFIX}1.0"));
            mistakes.push(
                Diagnostic::error(
                    "",
                    None,
                    text!(
                        "de tag `{tag}` kan geen vastgestelde versie van het reglement zijn: de pagina ervan zou in de map `reglement/{version}/` staan, en die naam is geen versie of is al van de site zelf",
                        "the tag `{tag}` cannot be an adopted version of the regulation: its page would be in the folder `reglement/{version}/`, and that name is no version or is the site's own"
                    ),
                )
                .with_hint(text!(
                    "een versie bestaat uit letters, cijfers, `.`, `_` en `-`, zoals `1.0` of `2026-1`; geef de tag een andere naam met `git tag {new} {tag} && git tag -d {tag}` (en `git push origin {new} :refs/tags/{tag}`)",
                    "a version is letters, digits, `.`, `_` and `-`, such as `1.0` or `2026-1`; rename the tag with `git tag {new} {tag} && git tag -d {tag}` (and `git push origin {new} :refs/tags/{tag}`)"
                )),
            );
        }
        if let Some(written) = &a.misdated {
            let day = a.date.iso();
            mistakes.push(
                Diagnostic::warning(
                    "",
                    None,
                    text!(
                        "de tag `{tag}` is gedateerd op {written}, in de toekomst of buiten de jaren 1970–9999, en heeft geen `Datum:`; helder dateert de vaststelling als de commit die de tag aanwijst ({day})",
                        "the tag `{tag}` is dated {written}, in the future or outside the years 1970–9999, and has no `Datum:`; helder dates the adoption as the commit the tag names ({day})"
                    ),
                )
                .with_hint(text!(
                    "schrijf de datum van de vaststelling in de tag, zoals `Datum: 2021-03-22`: maak de tag opnieuw met `git tag -a -f {tag}` (en `git push -f origin {tag}`)",
                    "write the date of the adoption in the tag, such as `Datum: 2021-03-22`: make the tag again with `git tag -a -f {tag}` (and `git push -f origin {tag}`)"
                )),
            );
        }
        for key in &a.refused {
            mistakes.push(
                Diagnostic::warning(
                    "",
                    None,
                    text!(
                        "de tag `{tag}` heeft bij `{key}:` een waarde met een stuurteken (een onzichtbaar teken dat geen tekst is); helder laat die waarde weg uit de vaststelling",
                        "the tag `{tag}` has a value of `{key}:` with a control character (an invisible character that is no text); helder leaves that value out of the adoption record"
                    ),
                )
                .with_hint(text!(
                    "maak de tag opnieuw met de waarde in gewone tekst: `git tag -a -f {tag}` (en `git push -f origin {tag}`)",
                    "make the tag again with the value in plain text: `git tag -a -f {tag}` (and `git push -f origin {tag}`)"
                )),
            );
        }
    }
    mistakes
}

impl Table {
    /// The table of an earlier version of the regulation: its version
    /// table and adoption record as they stood; no dates of files.
    pub fn archived(versions: Vec<Version>, adoptions: Vec<Adoption>) -> Table {
        Table {
            complete: true,
            versions,
            adoptions,
            ..Table::default()
        }
    }

    /// The files of `inputs` with changes that are not committed yet
    /// (asked for by the preview only); for a school's page, `schools.yaml`
    /// when that school's own entry changed.
    pub fn uncommitted(&self, inputs: &Inputs) -> Vec<String> {
        let own_entry = inputs
            .school
            .as_ref()
            .filter(|id| self.uncommitted_schools.contains(*id))
            .map(|_| PathBuf::from(SCHOOLS_FILE));
        inputs
            .files
            .iter()
            .filter(|f| self.uncommitted_files.contains(*f))
            .chain(own_entry.as_ref())
            .map(|f| f.to_string_lossy().replace('\\', "/"))
            .collect()
    }

    /// The newest change to any of a page's inputs.
    pub fn last_changed(&self, inputs: &Inputs) -> Option<Date> {
        let files = inputs.files.iter().filter_map(|f| self.files.get(f));
        let school = inputs.school.as_ref().and_then(|id| self.schools.get(id));
        files.chain(school).max().copied()
    }
}

/// Reads the history of every loaded file of the site in `root`. A school's
/// pages change when its own entry in `schools.yaml` changes (compared as
/// parsed YAML, so an edit of another school's entry, a comment or a
/// re-indent does not count). Addresses in commit messages and tags are
/// replaced by `redacted`.
/// With `preview`, it also reads which inputs differ from the last commit.
/// No file over `max_file_bytes` is read from history.
pub fn read(
    root: &Path,
    sources: &Sources,
    style: AuthorStyle,
    redacted: &str,
    preview: bool,
    max_file_bytes: u64,
) -> Table {
    let history = History::open(root).with_max_file_bytes(max_file_bytes);
    if history.availability() != Availability::Full {
        return Table {
            warning: history.warning(),
            ..Table::default()
        };
    }
    let files: Vec<&Path> = sources.files.iter().map(|f| f.path.as_path()).collect();
    let regulation = layout::regulation_files(sources);
    let regulation: Vec<&Path> = regulation.iter().map(PathBuf::as_path).collect();
    // Each question is a git process of its own, and they do not depend on
    // one another: asked at once, a build waits for the slowest, not the sum.
    let history = &history;
    thread::scope(|scope| {
        let uncommitted = scope.spawn(|| {
            if preview {
                history.uncommitted(sources)
            } else {
                Default::default()
            }
        });
        let dates = scope.spawn(|| history.file_dates(&files));
        let schools = scope.spawn(|| {
            let mut cache = SchoolEntries::default();
            history.entries_last_changed(Path::new(SCHOOLS_FILE), &mut |t| cache.read(t))
        });
        let versions = scope.spawn(|| history.versions(&regulation, style, redacted));
        let misdated = scope.spawn(|| history.misdated());
        let adoptions = history.adoptions(ADOPTION_TAG_PREFIX, redacted);
        let amended = adoptions
            .last()
            .is_some_and(|a| history.changed_since(&a.tag, &regulation));
        let (uncommitted_files, uncommitted_schools) = joined(uncommitted);
        Table {
            complete: true,
            warning: None,
            warnings: joined(misdated),
            files: joined(dates),
            schools: joined(schools),
            versions: joined(versions),
            amended,
            adoptions,
            uncommitted_files,
            uncommitted_schools,
        }
    })
}

/// What a thread of a build returned, as it asks git its questions at once;
/// a panic in the thread goes on in the build.
pub fn joined<T>(handle: thread::ScopedJoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The entries of one version of `schools.yaml`, as (id, canonical text)
/// pairs. Whitespace, comments and key order do not count as a change.
pub fn school_entries(text: &str) -> Option<Entries> {
    let tree = yaml::parse(text).ok()??;
    tree.get("schools")?
        .items()
        .iter()
        .map(|school| Some((school.get("id")?.as_str()?.to_string(), school.canonical())))
        .collect()
}

/// [`school_entries`] over many versions of `schools.yaml`, each school's
/// text parsed once however many versions hold it: a commit changes one
/// school or a few, so reading a thousand versions of a thousand schools
/// costs a thousand parses of one school each, not a million.
#[derive(Default)]
pub struct SchoolEntries {
    /// The (id, canonical text) of an item, by its lines.
    items: HashMap<String, Option<(String, String)>>,
}

impl SchoolEntries {
    /// The entries of one version, as [`school_entries`] gives them.
    pub fn read(&mut self, text: &str) -> Option<Entries> {
        let Some(items) = school_items(text) else {
            return school_entries(text);
        };
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            if !self.items.contains_key(item) {
                let one = school_entries(&format!("schools:\n{item}"));
                let entry = one.and_then(|one| <[_; 1]>::try_from(one).ok().map(|[e]| e));
                self.items.insert(item.to_string(), entry);
            }
            // An item that does not read alone: the whole file decides.
            let Some(entry) = self.items[item].clone() else {
                return school_entries(text);
            };
            entries.push(entry);
        }
        Some(entries)
    }
}

/// The text of each item of the `schools:` list, split by indentation
/// alone; None when the file has another shape (a flow list, another key),
/// which is then read whole.
fn school_items(text: &str) -> Option<Vec<&str>> {
    let counts = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let indentation = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut lines = text.split_inclusive('\n');
    let mut at = 0;
    let mut found = false;
    for line in lines.by_ref() {
        at += line.len();
        if counts(line) {
            found = line.trim_end() == "schools:";
            break;
        }
    }
    if !found {
        return None;
    }
    let rest = &text[at..];
    let mut starts = Vec::new();
    let mut indent = None;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if counts(line) {
            let here = indentation(line);
            let item = line[here..].starts_with("- ") || line.trim() == "-";
            match indent {
                None if item => indent = Some(here),
                Some(i) if here == i && item => {}
                Some(i) if here > i => {}
                _ => return None,
            }
            if indent == Some(here) {
                starts.push(offset);
            }
        }
        offset += line.len();
    }
    starts.push(rest.len());
    Some(starts.windows(2).map(|w| &rest[w[0]..w[1]]).collect())
}

/// For each entry id, the date of the last version (oldest first) in which
/// its text differs from the version before, or in which it is new.
fn dates_of_change(versions: impl Iterator<Item = (Date, Entries)>) -> BTreeMap<String, Date> {
    let mut dates = BTreeMap::new();
    let mut before = BTreeMap::new();
    for (date, entries) in versions {
        let now: BTreeMap<String, String> = entries.into_iter().collect();
        for (id, text) in &now {
            if before.get(id) != Some(text) {
                dates.insert(id.clone(), date);
            }
        }
        before = now;
    }
    dates
}

/// One answer of `git cat-file --batch-check`: the blob's id and size,
/// or why there is none (a missing object, a folder).
fn blob_header(header: &str) -> Result<(String, u64), Unread> {
    let fields: Vec<&str> = header.split(' ').collect();
    match fields[..] {
        [id, "blob", size] if is_object_id(id) => size
            .parse()
            .map(|size| (id.to_string(), size))
            .map_err(|_| Unread::Missing),
        _ => Err(Unread::Missing),
    }
}

/// Reads one answer of `git cat-file --batch`: Some(None) for an object
/// that is missing, not UTF-8 or over `max` bytes (never read into memory),
/// None when the answer itself is broken.
fn read_blob(stdout: &mut impl BufRead, max: u64) -> Option<Option<String>> {
    let mut header = String::new();
    stdout.read_line(&mut header).ok()?;
    let header = header.trim_end();
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Some(None);
    }
    let size: u64 = header.rsplit(' ').next()?.parse().ok()?;
    if size > max {
        // Passed over without keeping it: the blob changed since it was measured.
        std::io::copy(&mut stdout.by_ref().take(size + 1), &mut std::io::sink()).ok()?;
        return Some(None);
    }
    let mut body = vec![0; usize::try_from(size).ok()? + 1]; // the object, then a newline
    stdout.read_exact(&mut body).ok()?;
    body.pop();
    Some(String::from_utf8(body).ok())
}

/// The adoption record in the output of the `for-each-ref` that
/// [`History::adoptions`] runs, oldest first. Public so that the fuzz target
/// `dates` (`fuzz/`) can give it any text, as a broken or hostile tag would.
///
/// `now` is the build's clock, in seconds since 1970: a tag dated later (or
/// outside 1970–9999) without a `Datum:` is dated as the commit it names.
pub fn adoptions_of_tags(
    output: &str,
    tag_prefix: &str,
    redacted: &str,
    now: i64,
) -> Vec<Adoption> {
    // Each field ends in a NUL, and each record in a newline after that: a
    // record's first field starts with the newline of the one before. What
    // follows the last NUL ends no field, and is no part of a record.
    let mut fields: Vec<&str> = output.split(NUL).collect();
    fields.pop();
    let mut adoptions: Vec<Adoption> = fields
        .chunks_exact(6 + TRAILERS.len())
        .enumerate()
        .filter_map(|(index, record)| {
            let kind = record[0];
            let kind = if index == 0 {
                Some(kind)
            } else {
                kind.strip_prefix('\n')
            };
            adoption(kind?, &record[1..], tag_prefix, redacted, now)
        })
        .collect();
    adoptions.sort_by(|a, b| (a.date, &a.version).cmp(&(b.date, &b.version)));
    adoptions
}

/// The trailers of an adoption tag, in the order [`History::adoptions`] asks for them.
const TRAILERS: [&str; 4] = ["Datum", "Vastgesteld-door", "Functie", "Instemming"];

/// One adoption from a record of `for-each-ref`, if it is an annotated tag
/// named `refs/tags/prefix…`. A trailer value with a control character is
/// left out, and its trailer named in [`Adoption::refused`].
fn adoption(
    kind: &str,
    fields: &[&str],
    prefix: &str,
    redacted: &str,
    now: i64,
) -> Option<Adoption> {
    let [
        refname,
        tagger_day,
        tagger_at,
        commit_day,
        commit_at,
        trailers @ ..,
    ] = fields
    else {
        return None;
    };
    let name = refname.strip_prefix("refs/tags/")?;
    // Git allows no control character in a ref's name; one that has it is no tag of git's.
    let version = name.strip_prefix(prefix).filter(|v| !v.is_empty())?;
    if kind != "tag" || name.chars().any(char::is_control) {
        return None;
    }
    let mut refused = Vec::new();
    let mut values: Vec<Vec<&str>> = Vec::new();
    for (key, lines) in TRAILERS.iter().zip(trailers) {
        // A tab is white space as a space is; any other control character can
        // only have been put there to be read as something else.
        let (clean, odd): (Vec<&str>, Vec<&str>) = lines
            .split('\n')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .partition(|v| !v.chars().any(|c| c.is_control() && c != '\t'));
        if !odd.is_empty() {
            refused.push(key.to_string());
        }
        values.push(clean);
    }
    let [datum, by, role, consent] = &values[..] else {
        return None;
    };
    let joined = |values: &[&str]| {
        let words: Vec<String> = values.iter().map(|v| v.replace('\t', " ")).collect();
        without_addresses(&words.join(", "), redacted)
    };
    let written = datum.last().copied();
    let date = written.and_then(Date::parse_iso);
    let tagged = trusted(tagger_day, tagger_at, now);
    let misdated = (date.is_none() && tagged.is_none()).then(|| shown(tagger_day));
    // Without a date of its own, the tag is dated as the commit it names,
    // which was there before it; failing that, as today.
    let placed = tagged
        .or_else(|| trusted(commit_day, commit_at, now))
        .or_else(|| day_of(now));
    Some(Adoption {
        version: version.to_string(),
        tag: name.to_string(),
        wrong_date: written.filter(|_| date.is_none()).map(shown),
        misdated,
        date: date.or(placed)?,
        by: joined(by),
        role: joined(role),
        consent: joined(consent),
        refused,
    })
}

/// One commit of a `git log -z` whose `--format` is `fields` fields joined
/// by `%x00`, the first `%H`; with `--raw`, the files it changed.
struct Commit<'a> {
    fields: Vec<&'a str>,
    /// Each changed file: `<mode> <mode> <old blob> <new blob> <status>`
    /// (without the leading `:`), and its path.
    changes: Vec<(&'a str, &'a str)>,
}

/// The commits of a `git log -z` output (see [`Commit`]). No field holds a
/// NUL, so each commit is exactly its `fields` fields, then with `--raw`
/// a pair for each file, its first part starting with `:`. Reading stops
/// at anything else, which git does not write.
fn commits(output: &str, fields: usize) -> Vec<Commit<'_>> {
    let mut tokens = output.split(NUL).peekable();
    let mut commits = Vec::new();
    loop {
        let record: Vec<&str> = tokens.by_ref().take(fields).collect();
        if record.len() < fields || !is_object_id(record[0]) {
            return commits;
        }
        let mut changes = Vec::new();
        while let Some(info) = tokens.next_if(|t| t.trim_start_matches('\n').starts_with(':')) {
            let Some(path) = tokens.next() else {
                break;
            };
            changes.push((&info.trim_start_matches('\n')[1..], path));
        }
        commits.push(Commit {
            fields: record,
            changes,
        });
    }
}

/// Whether `text` is the full id of a git object (SHA-1 or SHA-256).
fn is_object_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The last of the values of a trailer given more than once, one per line.
fn last_value(values: &str) -> Option<&str> {
    values.split('\n').map(str::trim).rfind(|v| !v.is_empty())
}

/// Text from git as a page may show it: a tab as a space, and any other
/// control character, or one that turns the direction of text around, as `�`.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The day of a commit or tag, `day` as git writes it at `seconds` since
/// 1970, if it can be trusted: in the years 1970–9999, and no later than a
/// day after `now`, this build's clock.
fn trusted(day: &str, seconds: &str, now: i64) -> Option<Date> {
    let seconds: i64 = seconds.parse().ok()?;
    let date = Date::parse_iso(day)?;
    let possible = (0..=now.saturating_add(MARGIN_SECONDS)).contains(&seconds);
    (possible && (1970..=9999).contains(&date.year())).then_some(date)
}

/// The day (UTC) of a time in seconds since 1970, in the years 1970–9999.
fn day_of(seconds: i64) -> Option<Date> {
    // Howard Hinnant's `civil_from_days`, for days since 1970-01-01.
    let days = seconds.clamp(0, 253_402_300_799) / 86_400 + 719_468;
    let (era, day_of_era) = (days / 146_097, days % 146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(
        year.try_into().ok()?,
        month.try_into().ok()?,
        day.try_into().ok()?,
    )
}

/// The warning for a commit whose date cannot be trusted: `day` as git
/// writes it, at `seconds` since 1970.
fn misdated_warning(commit: &str, subject: &str, day: &str, seconds: &str, now: i64) -> Diagnostic {
    let day = if day.is_empty() { "?" } else { day };
    let future = seconds
        .parse::<i64>()
        .is_ok_and(|s| s > now.saturating_add(MARGIN_SECONDS));
    let year = Date::parse_iso(day).map(|d| d.year());
    let message = if future && year.is_some_and(|y| y <= 9999) {
        text!(
            "commit {commit} (\"{subject}\") is gedateerd op {day}, in de toekomst; helder dateert hem als de commit ervoor, zodat geen pagina een datum uit de toekomst toont",
            "commit {commit} (\"{subject}\") is dated {day}, in the future; helder dates it as the commit before it, so that no page shows a date from the future"
        )
    } else {
        text!(
            "commit {commit} (\"{subject}\") heeft als datum {day}, buiten de jaren 1970–9999; helder dateert hem als de commit ervoor",
            "commit {commit} (\"{subject}\") is dated {day}, outside the years 1970–9999; helder dates it as the commit before it"
        )
    };
    Diagnostic::warning("", None, message).with_hint(text!(
        "de klok van de computer waarop hij gemaakt is stond vermoedelijk verkeerd: zet die goed; is de commit nog niet gedeeld (gepusht) en is het de laatste, geef hem dan de juiste datum met `git commit --amend --no-edit --date=now`",
        "the clock of the computer it was made on was probably wrong: set it right; if the commit is not shared (pushed) yet and is the last one, give it the right date with `git commit --amend --no-edit --date=now`"
    ))
}

/// An author as the table shows them. A name that is itself an e-mail
/// address (user.name set to one) shows only the part before the `@`.
fn author(name: &str, style: AuthorStyle) -> String {
    let name = name.split_once('@').map_or(name, |(local, _)| local).trim();
    match style {
        AuthorStyle::Name => name.to_string(),
        AuthorStyle::Initials => initials(name),
    }
}

/// "Jan de Vries" -> "JdV": the first letter of each word, upper case except
/// for particles after the first word ("Van Dijk" alone is "VD").
fn initials(name: &str) -> String {
    let initial = |(index, word): (usize, &str)| {
        let letter = word.chars().find(|c| c.is_alphabetic())?;
        let particle = index > 0 && PARTICLES.contains(&word.to_lowercase().as_str());
        Some(if particle {
            letter.to_lowercase().to_string()
        } else {
            letter.to_uppercase().to_string()
        })
    };
    name.split_whitespace()
        .enumerate()
        .filter_map(initial)
        .collect()
}

/// The text with every word that looks like an e-mail address replaced by `redacted`.
fn without_addresses(text: &str, redacted: &str) -> String {
    let is_address = |word: &str| {
        word.split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
    };
    if !text.split_whitespace().any(is_address) {
        return text.to_string();
    }
    // Words end at any white space, a tab as much as a space: split at
    // spaces only, `@bestuur<tab>jan@school.example` was one word that is
    // no address, and the address in it was shown (found by fuzzing).
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.strip_suffix(char::is_whitespace).unwrap_or(piece);
        if is_address(word) {
            out += redacted;
            out += &piece[word.len()..];
        } else {
            out += piece;
        }
    }
    out
}

/// `path` as git writes paths ("content/a.md"), if it is relative and UTF-8.
fn git_path(path: &Path) -> Option<String> {
    let parts = path.components().filter(|part| *part != Component::CurDir);
    let parts: Option<Vec<&str>> = parts
        .map(|part| match part {
            Component::Normal(name) => name.to_str(),
            Component::ParentDir => Some(".."),
            _ => None,
        })
        .collect();
    Some(parts?.join("/"))
}

/// The standard output of a command that succeeded.
fn stdout_of(mut command: Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading versions school by school, with what was read before kept,
    /// gives what reading each version whole gives, whatever its shape.
    #[test]
    fn school_by_school_reads_as_the_whole_file() {
        let versions = [
            "schools:\n  - id: a\n    name: A\n  - id: b\n    name: B\n",
            // A comment, a blank line, keys in another order: no change.
            "# De scholen\nschools:\n  - name: A\n    id: a\n\n  - id: b # b\n    name: B\n",
            "schools:\n  - id: b\n    name: B2\n  - id: a\n    name: A\n",
            "schools:\n- id: a\n  name: A\n- id: c\n  name: C\n",
            // Shapes read whole: a flow list, a key beside `schools:`.
            "schools: [{id: a, name: A}, {id: d, name: D}]\n",
            "site: x\nschools:\n  - id: a\n",
            // An item that does not read alone, and a file that does not read.
            "schools:\n  - id: a\n    name: \"A\n  - id: e\n",
            "schools:\n  - id: a\n   name: A\n",
            "",
        ];
        let mut cache = SchoolEntries::default();
        for text in versions.iter().chain(&versions) {
            assert_eq!(cache.read(text), school_entries(text), "{text:?}");
        }
        assert!(cache.items.len() >= 6, "nothing was read school by school");
    }
    use std::fs;

    /// A git repository in a fresh temporary folder, removed when dropped.
    struct Repo {
        dir: PathBuf,
    }

    impl Repo {
        fn new(name: &str) -> Repo {
            let dir = scratch_dir(name);
            let repo = Repo { dir };
            repo.git(&["init", "-q"], &[]);
            repo.git(&["config", "user.name", "Test Auteur"], &[]);
            repo.git(&["config", "user.email", "auteur@school.example"], &[]);
            repo
        }

        fn write(&self, path: &str, text: &str) {
            let path = self.dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }

        /// Commits everything with both dates fixed, e.g. "2021-02-01T10:00:00+01:00".
        fn commit(&self, date: &str, message: &str) {
            self.commit_as("Test Auteur", "auteur@school.example", date, message);
        }

        fn commit_as(&self, name: &str, email: &str, date: &str, message: &str) {
            self.git(&["add", "-A"], &[]);
            let author = [
                ("GIT_AUTHOR_NAME", name),
                ("GIT_AUTHOR_EMAIL", email),
                ("GIT_AUTHOR_DATE", date),
                ("GIT_COMMITTER_DATE", date),
            ];
            self.git(&["commit", "-q", "-m", message], &author);
        }

        fn git(&self, args: &[&str], env: &[(&str, &str)]) {
            let output = Command::new("git")
                .arg("-C")
                .arg(&self.dir)
                .args(args)
                // The developer's own config (commit.gpgsign, hooks) stays out.
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .envs(env.iter().copied())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "git {args:?}: {stderr}");
        }

        fn history(&self) -> History {
            History::open(&self.dir)
        }
    }

    impl Drop for Repo {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }

    /// A new, empty folder in the temporary folder, named for the test and process.
    fn scratch_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("helder-history-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    fn lines_as_entries(text: &str) -> Option<Entries> {
        let entry = |line: &str| {
            line.split_once(": ")
                .map(|(id, v)| (id.to_string(), v.to_string()))
        };
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(entry)
            .collect()
    }

    #[test]
    fn initials_keep_dutch_particles_lower_case() {
        assert_eq!(initials("Jan de Vries"), "JdV");
        assert_eq!(initials("Anna van 't Hof"), "AvtH");
        assert_eq!(initials("Kees van der Berg"), "KvdB");
        assert_eq!(initials("Van Dijk"), "VD");
        assert_eq!(initials("émile ter Horst"), "ÉtH");
    }

    #[test]
    fn addresses_never_pass() {
        assert_eq!(author("piet@school.example", AuthorStyle::Name), "piet");
        assert_eq!(
            without_addresses("Adres fg@bestuur.example toegevoegd", "[adres]"),
            "Adres [adres] toegevoegd"
        );
        assert_eq!(
            without_addresses("Regel @media aangepast", "[adres]"),
            "Regel @media aangepast"
        );
        assert_eq!(
            without_addresses(
                "@bestuur\tjan@school.example, gmr@school.example\n",
                "[adres]"
            ),
            "@bestuur\t[adres] [adres]\n"
        );
    }

    #[test]
    fn last_changed_per_file_below_a_subfolder_root() {
        let repo = Repo::new("last-changed");
        repo.write("site/content/a.md", "a");
        repo.write("site/content/b.md", "b");
        repo.commit("2021-02-01T10:00:00+01:00", "Eerste versie");
        repo.write("site/content/b.md", "b2");
        repo.write("elders.txt", "buiten de site");
        // Just after midnight in the author's zone: still 3 July there, 2 July in UTC.
        repo.commit("2018-07-03T01:30:00+02:00", "b herschreven");
        repo.write("site/nieuw.md", "niet gecommit");

        let history = History::open(&repo.dir.join("site"));
        assert_eq!(history.availability(), Availability::Full);
        assert_eq!(history.warning(), None);
        let a = Path::new("content/a.md");
        let b = Path::new("content/b.md");
        let new = Path::new("nieuw.md");
        let dates = history.file_dates(&[a, b, new]);
        let expected = [
            (a.to_path_buf(), date(2021, 2, 1)),
            (b.to_path_buf(), date(2018, 7, 3)),
        ];
        assert_eq!(dates, BTreeMap::from(expected));
        assert_eq!(history.file_dates(&[]), BTreeMap::new());

        let table = Table {
            files: dates,
            ..Table::default()
        };
        let inputs = |files: &[&Path]| Inputs {
            files: files.iter().map(|f| f.to_path_buf()).collect(),
            school: None,
        };
        // The newest change of any input, by date, not by commit order.
        assert_eq!(table.last_changed(&inputs(&[a, b])), Some(date(2021, 2, 1)));
        assert_eq!(table.last_changed(&inputs(&[b])), Some(date(2018, 7, 3)));
        assert_eq!(table.last_changed(&inputs(&[new])), None);
    }

    #[test]
    fn versions_count_and_carry_status_and_author() {
        let repo = Repo::new("versions");
        repo.write(".mailmap", "Jan de Vries <jan@school.example>\n");
        repo.write("reglement.md", "1");
        repo.commit_as(
            "jdv",
            "jan@school.example",
            "2021-02-01T10:00:00+01:00",
            "Eerste opzet",
        );
        repo.write("reglement.md", "2");
        let message = "Artikel 4 | \"bewaartermijn\" <aangepast>\n\nStatus: Goedgekeurd";
        repo.commit_as(
            "Piet Jansen",
            "piet@school.example",
            "2021-03-02T09:00:00+01:00",
            message,
        );
        repo.write("ander.md", "niet in de tabel");
        repo.commit("2021-03-03T09:00:00+01:00", "Ander document");
        repo.write("reglement.md", "3");
        repo.commit_as(
            "kees@school.example",
            "kees@school.example",
            "2021-04-05T12:00:00+02:00",
            "Mail fg@bestuur.example",
        );

        let paths = [Path::new("reglement.md")];
        let versions = repo
            .history()
            .versions(&paths, AuthorStyle::Name, "[adres]");
        let rows: Vec<_> = versions
            .iter()
            .map(|v| (&*v.number, v.status.as_deref(), v.date, &*v.author))
            .collect();
        assert_eq!(
            rows,
            [
                ("001", None, date(2021, 2, 1), "Jan de Vries"),
                ("002", Some("Goedgekeurd"), date(2021, 3, 2), "Piet Jansen"),
                ("003", None, date(2021, 4, 5), "kees"),
            ]
        );
        assert_eq!(
            versions[1].description,
            "Artikel 4 | \"bewaartermijn\" <aangepast>"
        );
        assert_eq!(versions[2].description, "Mail [adres]");
        let fields = |v: &Version| {
            [
                v.number.clone(),
                v.status.clone().unwrap_or_default(),
                v.author.clone(),
                v.description.clone(),
            ]
        };
        assert!(
            versions
                .iter()
                .flat_map(fields)
                .all(|field| !field.contains('@'))
        );

        let initials = repo
            .history()
            .versions(&paths, AuthorStyle::Initials, "[adres]");
        let authors: Vec<_> = initials.iter().map(|v| v.author.as_str()).collect();
        assert_eq!(authors, ["JdV", "PJ", "K"]);
    }

    #[test]
    fn adoptions_come_from_annotated_tags() {
        let repo = Repo::new("adoptions");
        repo.write("reglement.md", "1");
        repo.commit("2021-02-01T10:00:00+01:00", "Eerste versie");
        let tagger = |date| [("GIT_COMMITTER_DATE", date)];
        let message = "Reglement 1.0\n\nVastgesteld-door: College van Bestuur\nFunctie: bestuurder\n\
                       Instemming: oudergeleding van de GMR";
        repo.git(
            &["tag", "-a", "reglement-1.0", "-m", message],
            &tagger("2021-03-15T00:30:00+01:00"),
        );
        let message = "Reglement 2.0\n\nDatum: 2022-01-20\nVastgesteld-door: College van Bestuur";
        repo.git(
            &["tag", "-a", "reglement-2.0", "-m", message],
            &tagger("2022-02-01T10:00:00+01:00"),
        );
        repo.git(&["tag", "reglement-0.9"], &[]);
        repo.git(
            &["tag", "-a", "website-1.0", "-m", "Ander document"],
            &tagger("2020-01-01T10:00:00+01:00"),
        );

        let adoptions = repo.history().adoptions("reglement-", "[adres]");
        let first = Adoption {
            version: "1.0".to_string(),
            date: date(2021, 3, 15),
            by: "College van Bestuur".to_string(),
            role: "bestuurder".to_string(),
            consent: "oudergeleding van de GMR".to_string(),
            tag: "reglement-1.0".to_string(),
            wrong_date: None,
            refused: Vec::new(),
            misdated: None,
        };
        let second = Adoption {
            version: "2.0".to_string(),
            date: date(2022, 1, 20),
            by: "College van Bestuur".to_string(),
            role: String::new(),
            consent: String::new(),
            tag: "reglement-2.0".to_string(),
            wrong_date: None,
            refused: Vec::new(),
            misdated: None,
        };
        assert_eq!(adoptions, [first, second]);
    }

    #[test]
    fn a_date_that_does_not_exist_is_reported_at_its_tag() {
        let repo = Repo::new("wrong-date");
        repo.write("reglement.md", "1");
        repo.commit("2021-02-01T10:00:00+01:00", "Eerste versie");
        for (tag, datum) in [
            ("reglement-1.0", "30-02-2021"),
            ("reglement-1.1", "2021-02-30"),
            ("reglement-2.0", "2024-02-29"),
        ] {
            let message = format!("Vastgesteld\n\nDatum: {datum}");
            repo.git(
                &["tag", "-a", tag, "-m", &message],
                &[("GIT_COMMITTER_DATE", "2021-03-15T10:00:00+01:00")],
            );
        }
        let table = Table {
            adoptions: repo.history().adoptions("reglement-", "[adres]"),
            ..Table::default()
        };
        let found: Vec<String> = adoption_mistakes(&table.adoptions)
            .into_iter()
            .map(|d| d.message.en)
            .collect();
        assert_eq!(
            found,
            [
                "the tag `reglement-1.0` has `Datum: 30-02-2021`, which is no date that exists",
                "the tag `reglement-1.1` has `Datum: 2021-02-30`, which is no date that exists",
            ]
        );
        // Nothing is published as "30 februari": the tagger's date stands in.
        assert!(
            table
                .adoptions
                .iter()
                .all(|a| a.date == date(2021, 3, 15) || a.date == date(2024, 2, 29))
        );
    }

    #[test]
    fn entries_keep_the_date_they_last_changed() {
        let repo = Repo::new("entries");
        let commit = |text: &str, date: &str| {
            repo.write("site/schools.yaml", text);
            repo.commit(date, "scholen");
        };
        commit("a: 1\n", "2021-01-10T10:00:00+01:00");
        commit("b: 1\na: 1\n", "2021-02-10T10:00:00+01:00"); // b new, a moved
        commit("a: 1\nb: 2\n", "2021-03-10T10:00:00+01:00"); // b changed, a moved back
        commit("kapot", "2021-04-10T10:00:00+02:00"); // does not parse: skipped
        commit("a: 1\nb: 2\nc: 1\n", "2021-05-10T10:00:00+02:00"); // only c is new

        let history = History::open(&repo.dir.join("site"));
        let dates = history.entries_last_changed(Path::new("schools.yaml"), &mut lines_as_entries);
        let expected = [
            ("a".to_string(), date(2021, 1, 10)),
            ("b".to_string(), date(2021, 3, 10)),
            ("c".to_string(), date(2021, 5, 10)),
        ];
        assert_eq!(dates, BTreeMap::from(expected));
    }

    #[test]
    fn shallow_clone_has_no_dates_and_says_how_to_fix_it() {
        let origin = Repo::new("shallow-origin");
        origin.write("a.md", "1");
        origin.commit("2021-02-01T10:00:00+01:00", "een");
        origin.write("a.md", "2");
        origin.commit("2021-03-01T10:00:00+01:00", "twee");
        let clone = scratch_dir("shallow-clone");
        let url = format!("file://{}", origin.dir.display());
        origin.git(
            &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()],
            &[],
        );

        let history = History::open(&clone);
        let _ = fs::remove_dir_all(&clone);
        assert_eq!(history.availability(), Availability::Shallow);
        assert!(
            history
                .warning()
                .unwrap()
                .en
                .contains("git fetch --unshallow")
        );
        assert_eq!(history.file_dates(&[Path::new("a.md")]), BTreeMap::new());
        assert_eq!(
            history.versions(&[Path::new("a.md")], AuthorStyle::Name, "[adres]"),
            []
        );
    }

    #[test]
    fn a_plain_folder_is_no_repository() {
        let dir = scratch_dir("no-repository");
        let ceiling = dir.parent().unwrap().as_os_str().to_owned();
        let history =
            History::open_with_env(&dir, vec![("GIT_CEILING_DIRECTORIES".into(), ceiling)]);
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(history.availability(), Availability::NoRepository);
        let warning = history.warning().unwrap().en;
        assert!(warning.contains("is not in a git repository"), "{warning}");
        assert!(warning.contains("git init"), "{warning}");
        assert_eq!(history.adoptions("reglement-", "[adres]"), []);
    }

    #[test]
    fn a_checkout_of_another_user_says_how_to_trust_it() {
        let repo = Repo::new("dubious");
        // Git's own test switch for "owned by someone else"; no global safe.directory.
        let env = vec![
            ("GIT_TEST_ASSUME_DIFFERENT_OWNER".into(), "1".into()),
            ("GIT_CONFIG_GLOBAL".into(), "/dev/null".into()),
        ];
        let history = History::open_with_env(&repo.dir, env);
        assert_eq!(history.availability(), Availability::NoRepository);
        let warning = history.warning().unwrap().en;
        let fix = format!("safe.directory '{}'", repo.dir.display());
        assert!(warning.contains(&fix), "{warning}");
    }

    #[test]
    fn without_git_there_is_no_history() {
        let empty = scratch_dir("no-git");
        let history = History::open_with_env(&empty, vec![("PATH".into(), empty.clone().into())]);
        let _ = fs::remove_dir_all(&empty);
        assert_eq!(history.availability(), Availability::NoGit);
        assert!(
            history
                .warning()
                .unwrap()
                .en
                .contains("git is not installed")
        );
    }

    /// The records of `for-each-ref` as the fuzz target `dates` has them in
    /// its corpus (`fuzz/corpus/dates/tags`): a separator of the old format
    /// in a value makes no tag of its own, and that value is refused.
    #[test]
    fn a_field_not_ended_by_a_nul_makes_no_record() {
        // Found by the fuzz target `dates`: nine fields ended by a NUL and a
        // tenth that is not were read as a whole tag.
        let output = "tag\x00refs/tags/reglement-1.0\x002021-03-01\x001614600000\x002021-02-20\x001613800000\x002021g\x00refs/tags/reglement-3.0\x002099-01-01\x004070908";
        assert_eq!(
            adoptions_of_tags(output, "reglement-", "[adres]", 1_764_547_200),
            []
        );
        let ended = format!("{output}\0\n");
        assert_eq!(
            adoptions_of_tags(&ended, "reglement-", "[adres]", 1_764_547_200).len(),
            1
        );
    }

    #[test]
    fn each_tag_is_one_record_whatever_its_trailers_hold() {
        let output = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/dates/tags"),
        )
        .unwrap();
        let adoptions = adoptions_of_tags(&output, "reglement-", "[adres]", 1_700_000_000);
        let read: Vec<_> = adoptions
            .iter()
            .map(|a| {
                (
                    &*a.tag,
                    a.date.iso(),
                    &*a.by,
                    &*a.consent,
                    a.refused.clone(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                // Tagged in 2099 without a `Datum:`: dated as its commit.
                ("reglement-3.0", "2021-02-20".to_string(), "", "", vec![]),
                (
                    "reglement-1.0",
                    "2021-02-28".to_string(),
                    "College van Bestuur, [adres]",
                    "",
                    vec!["Instemming".to_string()]
                ),
                ("reglement-2.0", "2022-01-20".to_string(), "A", "C", vec![]),
            ]
        );
        assert_eq!(adoptions[2].wrong_date.as_deref(), Some("x"));
        assert_eq!(adoptions[0].misdated.as_deref(), Some("2099-01-01"));
    }

    /// `git ARGS` in `dir`, with `input` on its standard input; its output.
    fn git_with(dir: &Path, args: &[&str], input: &[u8]) -> String {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "git {args:?}");
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    }

    /// Bytes as a hostile commit or tag may hold them: any byte, with the
    /// separators git's output was once split at, NUL, line breaks and
    /// colons (which make trailers) more often than chance.
    fn hostile_bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let byte = prop_oneof![
            any::<u8>(),
            Just(0x1e),
            Just(0x1f),
            Just(0x1d),
            Just(0),
            Just(b'\n'),
            Just(b':'),
            Just(b' '),
        ];
        proptest::collection::vec(byte, 0..24)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// For any bytes in an author's name, a commit message, a `Status:`
        /// trailer and an adoption tag's trailers, written as git objects as
        /// they are: the version table has one row for each commit that
        /// touched the file, in order, and the adoption record one entry for
        /// each tag, with its own name; nothing shown holds a control character.
        #[test]
        fn no_bytes_in_git_change_what_is_read(
            commits in proptest::collection::vec(
                (hostile_bytes(), hostile_bytes(), hostile_bytes()), 1..4),
            tags in proptest::collection::vec((hostile_bytes(), hostile_bytes()), 0..3),
        ) {
            let repo = Repo::new("hostile-bytes");
            let dir = &repo.dir;
            let mut parent: Option<String> = None;
            for (n, (name, subject, status)) in commits.iter().enumerate() {
                repo.write("reglement.md", &format!("versie {n}"));
                repo.git(&["add", "-A"], &[]);
                let tree = git_with(dir, &["write-tree"], b"");
                let mut object = format!("tree {tree}\n").into_bytes();
                if let Some(parent) = &parent {
                    object.extend(format!("parent {parent}\n").bytes());
                }
                let seconds = 1_614_600_000 + 86_400 * n;
                object.extend(b"author ");
                object.extend(name);
                object.extend(format!(" <a@school.example> {seconds} +0100\n").bytes());
                object.extend(format!("committer C <c@school.example> {seconds} +0100\n\n").bytes());
                object.extend(subject);
                object.extend(b"\n\nStatus: ");
                object.extend(status);
                object.push(b'\n');
                let args = ["hash-object", "--literally", "-w", "--stdin", "-t", "commit"];
                let id = git_with(dir, &args, &object);
                git_with(dir, &["update-ref", "HEAD", &id], b"");
                parent = Some(id);
            }
            let head = parent.unwrap_or_default();
            let mut names = Vec::new();
            for (n, (by, consent)) in tags.iter().enumerate() {
                let name = format!("reglement-{n}.0");
                let mut object = format!(
                    "object {head}\ntype commit\ntag {name}\n\
                     tagger T <t@school.example> 1617000000 +0100\n\nVastgesteld\n\n\
                     Datum: 2021-03-2{n}\nVastgesteld-door: "
                ).into_bytes();
                object.extend(by);
                object.extend(b"\nInstemming: ");
                object.extend(consent);
                object.push(b'\n');
                let args = ["hash-object", "--literally", "-w", "--stdin", "-t", "tag"];
                let id = git_with(dir, &args, &object);
                git_with(dir, &["update-ref", &format!("refs/tags/{name}"), &id], b"");
                names.push(name);
            }

            let history = repo.history();
            let versions = history.versions(&[Path::new("reglement.md")], AuthorStyle::Name, "[adres]");
            let numbers: Vec<String> = versions.iter().map(|v| v.number.clone()).collect();
            let expected: Vec<String> = (1..=commits.len()).map(|n| format!("{n:03}")).collect();
            proptest::prop_assert_eq!(numbers, expected);
            let mut adoptions: Vec<String> = history
                .adoptions("reglement-", "[adres]")
                .into_iter()
                .map(|a| a.tag)
                .collect();
            adoptions.sort();
            proptest::prop_assert_eq!(adoptions, names);

            let shown = versions
                .iter()
                .flat_map(|v| [v.status.clone().unwrap_or_default(), v.author.clone(), v.description.clone()])
                .chain(history.adoptions("reglement-", "[adres]").into_iter().flat_map(|a| [a.by, a.role, a.consent]));
            for text in shown {
                proptest::prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
            }
        }
    }
}
