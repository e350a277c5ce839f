//! Archive: the earlier versions of the site, read from git (never from the
//! working tree), and what changed in legal facts from one to the next.
//!
//! A version is a date on which the main line changed the model
//! ([`History::site_versions`]), as the model stood after the last commit
//! of that day: what the site published that day, since the site is built
//! on every commit. A version whose model does not load or has errors was
//! never published (the build refuses it), so it is left out.
//!
//! - A school's statement has a version on each date its inputs changed:
//!   a file its statement is made from, or its own entry in `schools.yaml`.
//!   Every such version but the newest is archived; the newest is the
//!   current page.
//! - The regulation has one archived version per adoption (each
//!   `reglement-*` tag), from the model at the tagged commit.
//! - Between consecutive versions of a school (and of the board as a
//!   whole) [`changes`] lists what changed in legal facts.
//!
//! With fewer than two versions there is nothing to archive or compare,
//! and nothing is loaded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::changes::{self, Change};
use crate::diagnostic::{Diagnostic, Sources};
use crate::history::{self, Adoption, Blobs, History, SiteVersion, Version};
use crate::layout::{self, ADOPTION_TAG_PREFIX, Page, SCHOOLS_FILE};
use crate::model::{AuthorStyle, Date, Model};
use crate::{check, load};

/// What the earlier versions of the site hold.
#[derive(Default)]
pub struct Archive {
    /// The versions that loaded without errors, oldest first.
    pub models: Vec<Past>,
    /// Per school: the versions of its statement, oldest first; the last
    /// is the current one.
    pub schools: BTreeMap<String, Vec<Step>>,
    /// The versions of the board's model as a whole, oldest first, each with
    /// what changed in it (for the board's feed).
    pub board: Vec<Step>,
    /// Each adoption of the regulation, with its model.
    pub regulations: Vec<RegulationAt>,
    /// The date of the newest version of the model, even when it is the
    /// only one; None without a history.
    pub latest: Option<Date>,
    /// The versions that could not be read: a file over `--max-file-size`.
    pub warnings: Vec<Diagnostic>,
}

/// The regulation as one adoption made it.
pub struct RegulationAt {
    /// `1.0`, of the tag `reglement-1.0`.
    pub version: String,
    /// The index of its model in [`Archive::models`].
    pub model: usize,
    /// The version table and the adoption record as they stood at the tag.
    pub versions: Vec<Version>,
    pub adoptions: Vec<Adoption>,
    /// The date of the next adoption, which took its place.
    pub until: Option<Date>,
}

/// The model of one earlier version.
pub struct Past {
    pub date: Date,
    pub commit: String,
    pub model: Model,
    pub sources: Sources,
}

/// One version of a statement (or of the board): since when, its model,
/// and what changed from the version before (empty for the first).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Step {
    pub date: Date,
    /// The index of its model in [`Archive::models`].
    pub model: usize,
    pub changes: Vec<Change>,
}

impl Archive {
    /// The archived (superseded) versions of a school's statement, oldest
    /// first: every version but the current one.
    pub fn superseded(&self, school: &str) -> &[Step] {
        let steps = self.schools.get(school).map_or(&[][..], Vec::as_slice);
        &steps[..steps.len().saturating_sub(1)]
    }

    /// The version of a school's statement from `date`, and the date the
    /// next one took its place.
    pub fn step(&self, school: &str, date: Date) -> Option<(&Step, Option<Date>)> {
        let steps = self.schools.get(school)?;
        let index = steps.iter().position(|s| s.date == date)?;
        Some((&steps[index], steps.get(index + 1).map(|s| s.date)))
    }

    /// An adopted regulation, by its version (`1.0`).
    pub fn regulation(&self, version: &str) -> Option<&RegulationAt> {
        self.regulations.iter().find(|r| r.version == version)
    }
}

/// Reads the earlier versions of the site in `root`, and the regulation
/// at each adoption (each `reglement-…` tag), with its version table as it
/// stood then, authors shown in `style` and addresses replaced by
/// `redacted`. An empty archive outside git or in a shallow clone (the
/// history's own warning says so). It asks git only, never the working
/// tree, so it can be read while the rest of a build goes on. No file over
/// `max_file_bytes` is read: a version with one is left out, with a warning.
pub fn read(root: &Path, style: AuthorStyle, redacted: &str, max_file_bytes: u64) -> Archive {
    let history = History::open(root).with_max_file_bytes(max_file_bytes);
    if history.availability() != history::Availability::Full {
        return Archive::default();
    }
    let adoptions = &history.adoptions(ADOPTION_TAG_PREFIX, redacted);
    let mut archive = Archive::default();
    let versions = history.site_versions();
    archive.latest = versions.last().map(|v| v.date);
    if versions.len() >= 2 {
        let mut loaded = Vec::new();
        let mut trees = load::Trees::default();
        let blobs = Blobs::read(&history, &versions);
        archive.warnings = blobs.too_large(&versions);
        for version in &versions {
            let past = blobs
                .texts(version)
                .and_then(|texts| load_texts(version, &texts, &mut trees));
            if let Some(past) = past {
                loaded.push((version, past));
            }
        }
        steps(&mut archive, &loaded);
        archive.models = loaded.into_iter().map(|(_, past)| past).collect();
    }
    for (n, adoption) in adoptions.iter().enumerate() {
        if !layout::is_folder_name(&adoption.version) {
            continue;
        }
        let Ok(version) = history.version_at(&adoption.tag) else {
            continue;
        };
        let index = match archive
            .models
            .iter()
            .position(|m| m.commit == version.commit)
        {
            Some(index) => Some(index),
            None => load_version(&history, &version).map(|past| {
                archive.models.push(past);
                archive.models.len() - 1
            }),
        };
        let Some(index) = index.filter(|&i| archive.models[i].model.regulation.is_some()) else {
            continue;
        };
        let files = layout::regulation_files(&archive.models[index].sources);
        let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        archive.regulations.push(RegulationAt {
            version: adoption.version.clone(),
            model: index,
            versions: history.versions_at(&version.commit, &files, style, redacted),
            adoptions: adoptions[..=n].to_vec(),
            until: adoptions.get(n + 1).map(|a| a.date),
        });
    }
    archive
}

/// The archive of one state of the repository, kept between the builds of
/// the preview: it depends only on what git holds (the commits and the
/// tags), not on the files being edited, so a save need not read it again.
#[derive(Default)]
pub struct Cache {
    key: Option<String>,
    archive: Archive,
}

/// [`read`], or the archive `cache` holds when `HEAD` and the adoptions are
/// what they were when it was read.
pub fn read_cached<'c>(
    cache: &'c mut Cache,
    root: &Path,
    adoptions: &[Adoption],
    style: AuthorStyle,
    redacted: &str,
    max_file_bytes: u64,
) -> &'c Archive {
    let key = History::open(root)
        .head()
        .map(|head| format!("{head} {adoptions:?} {style:?} {redacted} {max_file_bytes}"));
    if key.is_none() || cache.key != key {
        cache.archive = read(root, style, redacted, max_file_bytes);
        cache.key = key;
    }
    &cache.archive
}

/// The model of a version, if it loads and checks without errors.
pub fn load_version(history: &History, version: &SiteVersion) -> Option<Past> {
    let texts = history.texts(version)?;
    load_texts(version, &texts, &mut load::Trees::default())
}

/// [`load_version`] of texts read before, with the trees of files parsed
/// for other versions.
fn load_texts(
    version: &SiteVersion,
    texts: &[(String, String)],
    trees: &mut load::Trees,
) -> Option<Past> {
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let loaded = load::load_texts_with(&files, trees);
    if !loaded.errors.is_empty() || !loaded.content_complete {
        return None;
    }
    let errors = check::errors(&loaded.model, &loaded.sources, loaded.schools_complete);
    if errors.iter().any(|d| d.is_error()) {
        return None;
    }
    Some(Past {
        date: version.date,
        commit: version.commit.clone(),
        model: loaded.model,
        sources: loaded.sources,
    })
}

/// The versions of each school's statement and of the board.
fn steps(archive: &mut Archive, loaded: &[(&SiteVersion, Past)]) {
    let mut previous: Option<(&SiteVersion, &Past, BTreeMap<String, String>)> = None;
    // Each school's entry is parsed once, however many versions hold it.
    let mut school_entries = history::SchoolEntries::default();
    for (index, (version, past)) in loaded.iter().enumerate() {
        let entries: BTreeMap<String, String> = past
            .sources
            .files
            .iter()
            .find(|f| f.path == Path::new(SCHOOLS_FILE))
            .and_then(|f| school_entries.read(&f.text))
            .unwrap_or_default()
            .into_iter()
            .collect();
        for school in &past.model.schools {
            let changed = match &previous {
                None => true,
                Some((before, before_past, before_entries)) => {
                    let page = Page::Statement(&school.id);
                    let inputs = page.inputs(&past.sources).files;
                    let old_inputs = page.inputs(&before_past.sources).files;
                    inputs != old_inputs
                        || blobs(version, &inputs) != blobs(before, &old_inputs)
                        || entries.get(&school.id) != before_entries.get(&school.id)
                }
            };
            if !changed {
                continue;
            }
            let steps = archive.schools.entry(school.id.clone()).or_default();
            let changes = match steps.last() {
                Some(last) => {
                    let old = changes::of_school(&loaded[last.model].1.model, &school.id);
                    let new = changes::of_school(&past.model, &school.id);
                    old.zip(new)
                        .map(|(old, new)| changes::compare(&old, &new))
                        .unwrap_or_default()
                }
                None => Vec::new(),
            };
            steps.push(Step {
                date: past.date,
                model: index,
                changes,
            });
        }
        let board = match &previous {
            Some((_, before_past, _)) => changes::compare(
                &changes::of_board(&before_past.model),
                &changes::of_board(&past.model),
            ),
            None => Vec::new(),
        };
        if previous.is_none() || !board.is_empty() {
            archive.board.push(Step {
                date: past.date,
                model: index,
                changes: board,
            });
        }
        previous = Some((version, past, entries));
    }
}

/// The blobs of `files` (paths from the site root, other than
/// `schools.yaml`, whose entries count one by one) in a version.
fn blobs<'v>(version: &'v SiteVersion, files: &[PathBuf]) -> Vec<Option<&'v String>> {
    files
        .iter()
        .filter(|f| f.as_path() != Path::new(SCHOOLS_FILE))
        .map(|f| version.files.get(&f.to_string_lossy().replace('\\', "/")))
        .collect()
}
