//! Write: put the rendered pages in a new folder and replace the output
//! folder with it atomically.
//!
//! What helder guarantees about the output folder (the README repeats it):
//!
//! - **Whole or not at all.** Everything is written to a new folder beside
//!   the output folder first; only when that succeeded does it take the
//!   output folder's place, by renaming. A failed or killed build leaves the
//!   previous site as it was (the anchors empty the folder first: zola#574).
//! - **Only its own files.** The output folder holds a list of what helder
//!   wrote ([`MANIFEST`]). helder replaces a folder only if it is empty or
//!   holds nothing but the files on that list, and refuses any other before
//!   touching it; a file given as the output folder is refused too.
//! - **Links.** When the output folder is a symbolic link, the folder it
//!   points at is replaced and the link kept.
//! - **One at a time.** A build holds a lock on the folder around the output
//!   folder; a second build into the same folder waits for the first.
//! - **No leftovers.** What a killed build left beside the output folder is
//!   cleaned up by the next build before anything else; when a build was
//!   killed between moving the old site aside and putting the new one in
//!   its place, the old site is put back.
//! - **The site before.** The site before the last build stays beside the
//!   output folder, and the next build starts from it: what it holds of
//!   the new site stays as it is, the rest is replaced or removed. Making
//!   and removing thousands of folders takes seconds on some disks; a
//!   rebuild makes and removes only those that changed. A file it holds is
//!   never written into (it may be a hard link to a page that is online):
//!   it is removed, and a new one made; and anything in it that is not one
//!   of its pages (a link, a file put there) is removed first.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostic::{Diagnostic, Text};
use crate::layout::{CONTENT_DIR, MANIFEST, THEMES_DIR};
use crate::render::{Sink, key_of};
use crate::text;

/// The new folder a build writes into, beside the output folder. It is
/// the site before the last build when one is there (what it holds of the
/// new site stays, the rest is replaced), or a new folder.
pub struct Staging {
    dir: PathBuf,
    /// The files the folder held when the build began (the site before the
    /// last build), with their keys and sizes; empty for a new folder.
    reused: HashMap<String, (u64, u64)>,
    /// The site the last build wrote, and its files' keys and sizes.
    previous: PathBuf,
    kept: HashMap<String, (u64, u64)>,
    /// The key and size of every file written so far, by path.
    keys: Mutex<BTreeMap<String, (u64, u64)>>,
}

/// Whether `path` is a file of `size` bytes.
fn is_file_of(path: &Path, size: u64) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == size)
}

impl Sink for Staging {
    fn keep(&self, file: &str, key: u64) -> bool {
        let new = self.dir.join(file);
        // Already in the folder: the site before the last build has it.
        if let Some(&(reused_key, size)) = self.reused.get(file)
            && reused_key == key
            && is_file_of(&new, size)
        {
            self.record(file, key, size);
            return true;
        }
        let old = self.previous.join(file);
        let Some(&(kept_key, size)) = self.kept.get(file) else {
            return false;
        };
        let same = kept_key == key && is_file_of(&old, size);
        // A hard link costs no copy; where there are none, a copy will do.
        let kept = same
            && new.parent().is_some_and(|p| fs::create_dir_all(p).is_ok())
            && (self.reused.is_empty() || clear(&new).is_ok())
            && (fs::hard_link(&old, &new).is_ok() || fs::copy(&old, &new).is_ok());
        if kept {
            self.record(file, key, size);
        }
        kept
    }

    fn write(&self, file: &str, key: u64, html: &str) -> io::Result<()> {
        self.file(file, html)?;
        self.record(file, key, html.len() as u64);
        Ok(())
    }
}

impl Staging {
    /// Writes files as they are: (path, contents).
    pub fn files(&self, files: &[(String, String)]) -> Result<(), Vec<Diagnostic>> {
        files
            .iter()
            .try_for_each(|(rel, contents)| {
                self.file(rel, contents)?;
                self.record(rel, key_of(contents), contents.len() as u64);
                Ok(())
            })
            .map_err(|e| vec![cannot_write(&self.dir, e)])
    }

    fn file(&self, rel: &str, contents: &str) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| with_path(e, folder))?;
        }
        if !self.reused.is_empty() {
            clear(&path).map_err(|e| with_path(e, &path))?;
        }
        fs::write(&path, contents).map_err(|e| with_path(e, &path))
    }

    /// Removes the pages of the site before the last build that this build
    /// does not have, and the folders they leave empty.
    fn only_this_build(&self) -> io::Result<()> {
        let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        for rel in self.reused.keys().filter(|rel| !keys.contains_key(*rel)) {
            let path = self.dir.join(rel);
            clear(&path).map_err(|e| with_path(e, &path))?;
            // Only an empty folder goes.
            let mut folder = path.parent();
            while let Some(dir) = folder.filter(|d| *d != self.dir) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
        Ok(())
    }

    fn record(&self, rel: &str, key: u64, size: u64) {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        keys.insert(rel.to_string(), (key, size));
    }

    /// Writes the list of every file in the folder, sorted, with its key
    /// and size: `key size path`. Every file of the folder was written or
    /// kept through this staging, so the list is what it recorded.
    fn manifest(&self) -> io::Result<()> {
        let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        let mut listed = String::from(MANIFEST_HEADER);
        for (rel, (key, size)) in keys.iter() {
            listed.push_str(&format!("{key:016x} {size} {rel}\n"));
        }
        drop(keys);
        self.file(MANIFEST, &listed)
    }
}

/// The files a manifest lists, with their keys and sizes.
fn manifest_entries(manifest: &str) -> HashMap<String, (u64, u64)> {
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let key = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), (key, size)))
        })
        .collect()
}

/// The first line of the manifest: what it is, for whoever opens it.
const MANIFEST_HEADER: &str = "# De bestanden die helder hier schreef; helder vervangt deze map alleen als er niets anders in staat.\n";

/// The output folder of a build, checked and locked: made by [`Target::open`]
/// before the site is read, so that a refused folder costs nothing, and held
/// until the site is written.
pub struct Target {
    /// The folder to replace: the output folder, or the folder its link
    /// points at.
    dir: PathBuf,
    /// The lock on the folder around it, released when the build ends, also
    /// when it is killed.
    _lock: Option<fs::File>,
}

impl Target {
    /// Checks that `output` may be replaced by a build of the site in `root`,
    /// waits for any other build into it, and cleans up what a killed build
    /// left. Refuses (the caller exits with 2) an output folder whose
    /// replacement would destroy something else: the site itself or a folder
    /// around it, its content or theme, a file, or a folder that holds
    /// anything helder did not write.
    pub fn open(output: &Path, root: &Path) -> Result<Target, Text> {
        let dir = follow_link(output)?;
        if dir.is_file() {
            let given = output.display();
            return Err(text!(
                "`{given}` is een bestand, geen map; kies een map voor de site, zoals `public`",
                "`{given}` is a file, not a folder; choose a folder for the site, such as `public`"
            ));
        }
        let dir = absolute(&dir);
        outside_the_site(&dir, &absolute_dir(root))?;
        let parent = dir.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(|e| unusable(&parent, &e))?;
        let lock = lock(&parent).map_err(|e| unusable(&parent, &e))?;
        let (staging, old) = beside(&dir);
        clean_up(&dir, &staging, &old).map_err(|e| unusable(&dir, &e))?;
        only_our_files(&dir)?;
        Ok(Target { dir, _lock: lock })
    }

    /// The folder that is replaced.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Replaces the output folder with what `fill` writes into a new folder
/// beside it, and the list of those files. When `fill` fails, or the swap
/// does, the new folder is removed and the output folder left as it was.
pub fn replace<T>(
    target: &Target,
    fill: impl FnOnce(&Staging) -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    let output = &target.dir;
    let failed = |e: io::Error| vec![cannot_write(output, e)];
    let (staging, old) = beside(output);
    // The site before the last build becomes the new folder: most of its
    // files and all of its folders are the new site's too, and nothing
    // need be made or removed for them.
    let reused = if old.exists() && fs::rename(&old, &staging).is_ok() {
        manifest_entries(&fs::read_to_string(staging.join(MANIFEST)).unwrap_or_default())
    } else {
        HashMap::new()
    };
    let manifest = fs::read_to_string(output.join(MANIFEST)).unwrap_or_default();
    let out = Staging {
        dir: staging.clone(),
        reused,
        previous: output.clone(),
        kept: manifest_entries(&manifest),
        keys: Mutex::new(BTreeMap::new()),
    };
    let written = fs::create_dir_all(&staging)
        .map_err(|e| failed(with_path(e, &staging)))
        .and_then(|()| only_its_pages(&staging, &out.reused).map_err(failed))
        .and_then(|()| fill(&out))
        .and_then(|value| out.only_this_build().map(|()| value).map_err(failed))
        .and_then(|value| out.manifest().map(|()| value).map_err(failed));
    let value = match written {
        Ok(value) => value,
        Err(errors) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(errors);
        }
    };
    swap(output, &staging, &old).map_err(failed)?;
    Ok(value)
}

/// The folder a link points at, when `output` is a symbolic link (followed
/// to its end); `output` itself otherwise.
fn follow_link(output: &Path) -> Result<PathBuf, Text> {
    let mut path = output.to_path_buf();
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(path);
        }
        let to = fs::read_link(&path).map_err(|e| unusable(&path, &e))?;
        path = match path.parent() {
            Some(parent) => parent.join(to),
            None => to,
        };
    }
    let given = output.display();
    Err(text!(
        "`{given}` is een snelkoppeling die in een kring naar zichzelf wijst; geef een map",
        "`{given}` is a symbolic link that points at itself in a loop; give a folder"
    ))
}

/// Refuses the site's own folder, a folder around it, and its content and
/// theme folders.
fn outside_the_site(output: &Path, root: &Path) -> Result<(), Text> {
    let shown = output.display();
    if root.starts_with(output) {
        return Err(text!(
            "`{shown}` bevat de site zelf; helder vervangt de uitvoermap bij elke build, dus kies een andere, zoals `public`",
            "`{shown}` holds the site itself; helder replaces the output folder on every build, so choose another, such as `public`"
        ));
    }
    for part in [CONTENT_DIR, THEMES_DIR] {
        if output.starts_with(root.join(part)) {
            return Err(text!(
                "`{shown}` ligt in de map {part}/ van de site; kies een map daarbuiten, zoals `public`",
                "`{shown}` is inside the site's {part}/ folder; choose a folder outside it, such as `public`"
            ));
        }
    }
    Ok(())
}

/// Refuses a folder that holds anything but the files its manifest lists:
/// helder would delete it.
fn only_our_files(dir: &Path) -> Result<(), Text> {
    let shown = dir.display();
    let Ok(mut entries) = fs::read_dir(dir) else {
        return Ok(()); // not there yet
    };
    if entries.next().is_none() {
        return Ok(());
    }
    let Ok(manifest) = fs::read_to_string(dir.join(MANIFEST)) else {
        return Err(text!(
            "`{shown}` bevat al bestanden, maar geen lijst van wat helder schreef ({MANIFEST}); helder vervangt de hele map, dus kies een lege of nieuwe (was het een site van een oudere helder, gooi de map dan zelf weg)",
            "`{shown}` already holds files, but no list of what helder wrote ({MANIFEST}); helder replaces the whole folder, so choose an empty or new one (if an older helder built it, delete the folder yourself)"
        ));
    };
    let listed = manifest_entries(&manifest);
    let mut foreign: Vec<String> = strangers(dir, &listed)
        .map_err(|e| unusable(dir, &e))?
        .iter()
        .map(|rel| format!("`{rel}`"))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let count = foreign.len();
    foreign.truncate(3);
    let named = foreign.join(", ") + if count > 3 { ", …" } else { "" };
    Err(text!(
        "`{shown}` bevat {count} bestand(en) die helder niet schreef: {named}; helder vervangt de hele map, dus haal ze eruit of kies een andere map",
        "`{shown}` holds {count} file(s) that helder did not write: {named}; helder replaces the whole folder, so move them out or choose another folder"
    ))
}

fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Waits for, then holds, the lock on `folder`: the operating system lets
/// it go when the process ends, however it ends. `None` where folders cannot
/// be opened as files (then builds are not kept apart).
fn lock(folder: &Path) -> io::Result<Option<fs::File>> {
    let Ok(handle) = fs::File::open(folder) else {
        return Ok(None);
    };
    handle.lock().map_err(|e| with_path(e, folder))?;
    Ok(Some(handle))
}

/// `path` made absolute, with links followed where it exists. The output
/// folder may not exist yet: then its parent is resolved.
fn absolute(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !path.exists() => absolute_dir(parent).join(name),
        _ => absolute_dir(path),
    }
}

/// `path` made absolute, with links followed where it exists.
fn absolute_dir(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    path.canonicalize()
        .or_else(|_| std::env::current_dir().map(|cwd| cwd.join(path)))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The staging and the old folder's names beside `output`.
fn beside(output: &Path) -> (PathBuf, PathBuf) {
    let parent = output.parent().unwrap_or(Path::new("/"));
    let name = output
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    (
        parent.join(format!(".{name}.helder-new")),
        parent.join(format!(".{name}.helder-old")),
    )
}

/// Undoes what a killed build left: its new folder is removed, and an old
/// site that was moved aside is put back when no site took its place. The
/// site before the last build, beside a site, is [`replace`]'s to reuse.
fn clean_up(output: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    // Killed between the two renames of [`swap`]: the new site is still
    // beside, and the old one moved aside. Without the new site beside, an
    // output folder that is not there was removed by someone, and the
    // site before the last build is no site to put in its place.
    let swapping = staging.exists() && old.exists() && !output.exists();
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(|e| with_path(e, staging))?;
    }
    if swapping {
        fs::rename(old, output).map_err(|e| with_path(e, old))?;
    }
    Ok(())
}

/// Puts `staging` in the place of `output`, moving the old site aside
/// first and back if the move fails. The old site stays beside the output
/// folder, where the next build starts from it.
fn swap(output: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    if output.exists() {
        fs::rename(output, old).map_err(|e| with_path(e, output))?;
    }
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(old, output);
        let _ = fs::remove_dir_all(staging);
        return Err(with_path(e, output));
    }
    Ok(())
}

/// A folder that cannot be read, locked or cleaned up.
fn unusable(path: &Path, e: &io::Error) -> Text {
    let shown = path.display();
    text!(
        "`{shown}` is niet te gebruiken als uitvoermap: {e}",
        "`{shown}` cannot be used as the output folder: {e}"
    )
}

fn cannot_write(folder: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error(
        folder,
        None,
        text!("de site is niet te schrijven: {e}", "cannot write the site: {e}"),
    )
    .with_hint(text!(
        "controleer of de map beschrijfbaar is en de schijf niet vol; de vorige site is gebleven zoals hij was",
        "check that the folder is writable and the disk is not full; the previous site was left as it was"
    ))
    .on_machine()
}

/// What is below `dir` besides its folders, the files on its list
/// (`listed`) and the list itself: anything else, and any link, as paths
/// relative to `dir`, sorted.
fn strangers(dir: &Path, listed: &HashMap<String, (u64, u64)>) -> io::Result<Vec<String>> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let rel = relative(dir, entry.path());
        if !kind.is_file() || (rel != MANIFEST && !listed.contains_key(&rel)) {
            found.push(rel);
        }
    }
    found.sort();
    Ok(found)
}

/// The site before the last build, fit to build in: anything in it that is
/// not one of its pages or folders (a link, a file put there since) is
/// removed before a page is written, so that nothing written goes through
/// a link to somewhere else.
fn only_its_pages(dir: &Path, pages: &HashMap<String, (u64, u64)>) -> io::Result<()> {
    for rel in strangers(dir, pages)? {
        let path = dir.join(rel);
        fs::remove_file(&path).map_err(|e| with_path(e, &path))?;
    }
    Ok(())
}

/// Makes room for a new file at `path`: a file there may be a hard link to
/// a page of the site that is online, which must not change.
fn clear(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Adds the path to an I/O error, which std leaves out.
fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}
