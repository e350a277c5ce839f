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
//!   holds nothing but the files on that list (and the folders they are
//!   in), and refuses any other before touching it; a file given as the
//!   output folder is refused too. A file that appears in the output folder
//!   while a build runs is found before the swap: the build is refused, and
//!   the file stays where it was.
//! - **Nothing followed, nothing from a commit.** helder's folders beside
//!   the output folder (`Beside`) must be real folders: a link or a file
//!   there is refused, never followed. A path read back from a list is
//!   used only when it stays inside its folder. An output folder (or one
//!   of those beside it) that git tracks is refused: what a commit brings
//!   is never taken for what helder wrote.
//! - **Links.** When the output folder is a symbolic link, the folder it
//!   points at is replaced and the link kept.
//! - **One at a time.** A build holds a lock on the folder around the output
//!   folder; a second build into the same folder waits for the first.
//! - **No leftovers.** What a killed build left beside the output folder is
//!   cleaned up by the next build before anything else, when it carries
//!   helder's mark; when a build was killed between moving the old site
//!   aside and putting the new one in its place, the old site is put back.
//! - **The site before.** The site before the last build stays beside the
//!   output folder, and the next build starts from it: what it holds of
//!   the new site stays as it is, the rest is replaced or removed. Making
//!   and removing thousands of folders takes seconds on some disks; a
//!   rebuild makes and removes only those that changed. A file it holds is
//!   never written into (it may be a hard link to a page that is online):
//!   it is removed, and a new one made.
//! - **Kept only when known.** A page is kept (left in place, or linked
//!   from the site online) only when it is the very file helder wrote: the
//!   same inode, modified at the same moment, of the same size, with the
//!   same key. helder notes that of every file it writes in
//!   `.<output>.helder-state` beside the output folder, never in the
//!   published site; a checkout, a copy or an edit gives a file another
//!   identity, which no commit can choose, so such a file is written anew.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::{Diagnostic, Text};
use crate::layout::{CONTENT_DIR, MANIFEST, THEMES_DIR};
use crate::render::{Sink, key_of};
use crate::text;

/// Which file of the disk a path is, and when its content last changed:
/// device, inode, and the modification time in seconds and nanoseconds. A
/// checkout, a copy or a new file gets another; writing into a file
/// changes its time. `None` where the system does not tell.
type FileId = Option<(u64, u64, i64, i64)>;

/// Which folder of the disk a path is: device and inode, kept through
/// renames.
type FolderId = Option<(u64, u64)>;

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino(), meta.mtime(), meta.mtime_nsec()))
}

#[cfg(not(unix))]
fn file_id(_: &fs::Metadata) -> FileId {
    None
}

#[cfg(unix)]
fn folder_id(path: &Path) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::symlink_metadata(path).ok().filter(|m| m.is_dir())?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_id(_: &Path) -> FolderId {
    None
}

/// A file as helder wrote it: the key of what it was made from, its size,
/// and which file of the disk it became.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Written {
    key: u64,
    size: u64,
    id: FileId,
}

impl Written {
    /// Whether `path` is still this very file: a plain file (not a link),
    /// of this size, the same file of the disk, not changed since.
    fn is_at(&self, path: &Path) -> bool {
        self.id.is_some()
            && fs::symlink_metadata(path)
                .is_ok_and(|m| m.is_file() && m.len() == self.size && file_id(&m) == self.id)
    }
}

/// The new folder a build writes into, beside the output folder. It is
/// the site before the last build when one is there (what it holds of the
/// new site stays, the rest is replaced), or a new folder.
pub struct Staging {
    dir: PathBuf,
    /// Whether it is the site before the last build: then a file may be in
    /// the way of every file written.
    from_old: bool,
    /// The files it held when the build began, by the list of that site,
    /// with what helder knows it wrote there (`None`: not known again).
    reused: HashMap<String, Option<Written>>,
    /// The site the last build wrote, and the files of it that helder knows
    /// it wrote.
    previous: PathBuf,
    kept: HashMap<String, Written>,
    /// Every file written or kept so far, by path.
    keys: Mutex<BTreeMap<String, Written>>,
}

impl Sink for Staging {
    fn keep(&self, file: &str, key: u64) -> bool {
        let new = self.dir.join(file);
        // Already in the folder: the site before the last build has it.
        if let Some(Some(was)) = self.reused.get(file)
            && was.key == key
            && was.is_at(&new)
        {
            self.record(file, *was);
            return true;
        }
        let old = self.previous.join(file);
        let Some(was) = self
            .kept
            .get(file)
            .filter(|w| w.key == key && w.is_at(&old))
        else {
            return false;
        };
        let room = new.parent().is_some_and(|p| fs::create_dir_all(p).is_ok())
            && (!self.from_old || clear(&new).is_ok());
        // A hard link costs no copy, and is the same file; where there
        // are none, a copy will do, and is a file of its own.
        if room && fs::hard_link(&old, &new).is_ok() {
            self.record(file, *was);
            return true;
        }
        if !(room && fs::copy(&old, &new).is_ok()) {
            return false;
        }
        let id = fs::symlink_metadata(&new).ok().and_then(|m| file_id(&m));
        self.record(file, Written { id, ..*was });
        true
    }

    fn write(&self, file: &str, key: u64, html: &str) -> io::Result<()> {
        let id = self.file(file, html)?;
        let size = html.len() as u64;
        self.record(file, Written { key, size, id });
        Ok(())
    }
}

impl Staging {
    /// Writes files as they are: (path, contents).
    pub fn files(&self, files: &[(String, String)]) -> Result<(), Vec<Diagnostic>> {
        files
            .iter()
            .try_for_each(|(rel, contents)| self.write(rel, key_of(contents), contents))
            .map_err(|e| vec![cannot_write(&self.dir, e)])
    }

    /// Writes a new file, never into one that is there nor through a link:
    /// what the site before had at its path is removed first. Returns
    /// which file of the disk it became.
    fn file(&self, rel: &str, contents: &str) -> io::Result<FileId> {
        let path = self.dir.join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| with_path(e, folder))?;
        }
        if self.from_old {
            clear(&path).map_err(|e| with_path(e, &path))?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| with_path(e, &path))?;
        file.write_all(contents.as_bytes())
            .map_err(|e| with_path(e, &path))?;
        Ok(file.metadata().ok().and_then(|m| file_id(&m)))
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

    fn record(&self, rel: &str, written: Written) {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        keys.insert(rel.to_string(), written);
    }

    /// Writes the list of every file in the folder, sorted, with its key
    /// and size: `key size path`. Every file of the folder was written or
    /// kept through this staging, so the list is what it recorded. The
    /// list is published with the site, so it holds nothing of the disk.
    fn manifest(&self) -> io::Result<()> {
        let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        let mut listed = String::from(MANIFEST_HEADER);
        for (rel, written) in keys.iter() {
            listed.push_str(&format!("{:016x} {} {rel}\n", written.key, written.size));
        }
        drop(keys);
        self.file(MANIFEST, &listed).map(drop)
    }
}

/// The first line of the manifest: what it is, for whoever opens it.
const MANIFEST_HEADER: &str = "# De bestanden die helder hier schreef; helder vervangt deze map alleen als er niets anders in staat.\n";

/// Whether a path read back from a list stays inside its folder: relative,
/// with no `..`, `.` or empty part, nothing a system could read as a drive
/// or another separator, and not the list itself.
fn confined(rel: &str) -> bool {
    rel != MANIFEST
        && !rel.bytes().any(|b| matches!(b, b'\\' | b':' | 0))
        && rel.split('/').all(|part| !matches!(part, "" | "." | ".."))
}

/// The files the list in `dir` names, each inside `dir`; `None` when the
/// folder has no list (or it is not a plain file).
fn listed_in(dir: &Path) -> Option<HashSet<String>> {
    let path = dir.join(MANIFEST);
    fs::symlink_metadata(&path).ok().filter(|m| m.is_file())?;
    let manifest = fs::read_to_string(path).ok()?;
    let listed = manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| line.splitn(3, ' ').nth(2))
        .filter(|rel| confined(rel))
        .map(str::to_string)
        .collect();
    Some(listed)
}

/// helder's own folders and files beside the output folder `public`:
/// `.public.helder-new`, where a build writes; `.public.helder-old`, the
/// site before the last build; `.public.helder-state`, which files of the
/// two sites helder wrote.
struct Beside {
    staging: PathBuf,
    old: PathBuf,
    state: PathBuf,
}

impl Beside {
    fn of(output: &Path) -> Beside {
        let parent = output.parent().unwrap_or(Path::new("/"));
        let name = output
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let beside = |what: &str| parent.join(format!(".{name}.helder-{what}"));
        Beside {
            staging: beside("new"),
            old: beside("old"),
            state: beside("state"),
        }
    }
}

/// The mark in a staging folder that helder made it: a file holding the
/// folder's own device and inode, which a folder made by anyone else
/// (a checkout, a copy) does not have. Removed when the folder goes online.
const MARK: &str = ".helder-staging";

fn mark_text(id: FolderId) -> String {
    id.map_or_else(String::new, |(dev, ino)| format!("{dev} {ino}\n"))
}

/// Marks `dir` as a staging folder of helder's.
fn mark(dir: &Path) -> io::Result<()> {
    let path = dir.join(MARK);
    clear(&path)?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    file.write_all(mark_text(folder_id(dir)).as_bytes())
}

/// Whether `dir` carries helder's mark of itself.
fn is_marked(dir: &Path) -> bool {
    let path = dir.join(MARK);
    let id = folder_id(dir);
    id.is_some()
        && fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() < 100)
        && fs::read_to_string(&path).is_ok_and(|text| text == mark_text(id))
}

/// What helder knows it wrote in the sites beside it, by folder: read from
/// `.<output>.helder-state`, where the last build noted it. A file is known
/// only while it is the very file noted ([`Written::is_at`]), so a note
/// that anyone else wrote names no file that is there.
#[derive(Default)]
struct State {
    sites: HashMap<(u64, u64), HashMap<String, Written>>,
}

const STATE_HEADER: &str = "# helder: welke bestanden van de sites hiernaast helder zelf schreef (apparaat, inode, tijd), om ze bij de volgende build te herkennen.\n";

impl State {
    fn read(path: &Path) -> State {
        let mut state = State::default();
        // A plain file of a sane size; anything else is no note of helder's.
        let fits = fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() < 1 << 28);
        let Some(text) = fits.then(|| fs::read_to_string(path).ok()).flatten() else {
            return state;
        };
        let mut site = None;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let parts: Vec<&str> = line.splitn(7, ' ').collect();
            if let ["site", dev, ino] = parts[..] {
                site = dev.parse().ok().zip(ino.parse().ok());
                continue;
            }
            let (Some(folder), [key, size, dev, ino, secs, nanos, rel]) = (site, &parts[..]) else {
                continue;
            };
            let written = (|| {
                let id = (dev.parse().ok()?, ino.parse().ok()?);
                let time = (secs.parse().ok()?, nanos.parse().ok()?);
                Some(Written {
                    key: u64::from_str_radix(key, 16).ok()?,
                    size: size.parse().ok()?,
                    id: Some((id.0, id.1, time.0, time.1)),
                })
            })();
            if let Some(written) = written.filter(|_| confined(rel)) {
                state
                    .sites
                    .entry(folder)
                    .or_default()
                    .insert(rel.to_string(), written);
            }
        }
        state
    }

    /// What helder wrote in the folder `id`, of the files `listed` there.
    fn of(&mut self, id: FolderId, listed: Option<&HashSet<String>>) -> HashMap<String, Written> {
        let mut files = id.and_then(|id| self.sites.remove(&id)).unwrap_or_default();
        files.retain(|rel, _| listed.is_some_and(|l| l.contains(rel)));
        files
    }

    /// Notes the sites in `path`, by writing a new file beside it and
    /// renaming it over the old: a link there is replaced, never followed.
    /// A note that cannot be written costs the next build its reuse only.
    fn write(path: &Path, sites: &[(FolderId, Vec<(&String, &Written)>)]) {
        let mut text = String::from(STATE_HEADER);
        for (id, files) in sites {
            let Some((dev, ino)) = id else { continue };
            text.push_str(&format!("site {dev} {ino}\n"));
            for (rel, written) in files {
                state_line(&mut text, rel, written);
            }
        }
        let nonce = RandomState::new().hash_one(std::process::id());
        let mut new = path.as_os_str().to_owned();
        new.push(format!(".{nonce:016x}"));
        let new = PathBuf::from(new);
        let written = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&new)
            .and_then(|mut file| file.write_all(text.as_bytes()));
        if written.and_then(|()| fs::rename(&new, path)).is_err() {
            let _ = fs::remove_file(&new);
        }
    }
}

/// One line of the state: `key size dev ino secs nanos path`.
fn state_line(text: &mut String, rel: &str, written: &Written) {
    use std::fmt::Write;
    if let Some((dev, ino, secs, nanos)) = written.id {
        let (key, size) = (written.key, written.size);
        let _ = writeln!(text, "{key:016x} {size} {dev} {ino} {secs} {nanos} {rel}");
    }
}

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
    /// The files the output folder's list names, when it has one, and
    /// those of the site before the last build: each folder was seen to
    /// hold nothing else.
    online: Option<HashSet<String>>,
    before: HashSet<String>,
}

impl Target {
    /// Checks that `output` may be replaced by a build of the site in `root`,
    /// waits for any other build into it, and cleans up what a killed build
    /// left. Refuses (the caller exits with 2) an output folder whose
    /// replacement would destroy something else: the site itself or a folder
    /// around it, its content or theme, a file, a folder that holds
    /// anything helder did not write, or one that git tracks; and refuses
    /// anything but helder's own folders where it keeps them beside it.
    pub fn open(output: &Path, root: &Path) -> Result<Target, Diagnostic> {
        let dir = follow_link(output)?;
        if dir.is_file() {
            let given = output.display();
            return Err(refuse(text!(
                "`{given}` is een bestand, geen map; kies een map voor de site, zoals `public`",
                "`{given}` is a file, not a folder; choose a folder for the site, such as `public`"
            )));
        }
        let dir = absolute(&dir);
        outside_the_site(&dir, &absolute_dir(root))?;
        let parent = dir.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(|e| unusable(&parent, &e))?;
        let lock = lock(&parent).map_err(|e| unusable(&parent, &e))?;
        let beside = Beside::of(&dir);
        not_tracked(&dir, &beside)?;
        for folder in [&beside.staging, &beside.old] {
            a_folder_or_nothing(folder)?;
        }
        clean_up(&dir, &beside)?;
        let online = only_our_files(&dir)?;
        let before = only_its_pages(&beside.old)?;
        Ok(Target {
            dir,
            _lock: lock,
            online,
            before,
        })
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
    let beside = Beside::of(output);
    let staging = &beside.staging;
    let mut state = State::read(&beside.state);
    let online = target.online.as_ref();
    let output_id = folder_id(output);
    let kept = state.of(output_id, online);
    // The site before the last build becomes the new folder: most of its
    // files and all of its folders are the new site's too, and nothing
    // need be made or removed for them. [`Target::open`] saw that it
    // holds nothing but its pages.
    let is_folder = fs::symlink_metadata(&beside.old).is_ok_and(|m| m.is_dir());
    let from_old = is_folder && fs::rename(&beside.old, staging).is_ok();
    let reused = if from_old {
        let listed = &target.before;
        let mut known = state.of(folder_id(staging), Some(listed));
        listed
            .iter()
            .map(|rel| (rel.clone(), known.remove(rel)))
            .collect()
    } else {
        HashMap::default()
    };
    let out = Staging {
        dir: staging.clone(),
        from_old,
        reused,
        previous: output.clone(),
        kept,
        keys: Mutex::new(BTreeMap::new()),
    };
    let made = if from_old {
        Ok(())
    } else {
        fs::create_dir(staging).map_err(|e| with_path(e, staging))
    };
    let written = made
        .and_then(|()| mark(staging).map_err(|e| with_path(e, staging)))
        .map_err(failed)
        .and_then(|()| fill(&out))
        .and_then(|value| out.only_this_build().map(|()| value).map_err(failed))
        .and_then(|value| out.manifest().map(|()| value).map_err(failed))
        .and_then(|value| nothing_new_in(output, online).map(|()| value));
    let value = match written {
        Ok(value) => value,
        Err(errors) => {
            let _ = fs::remove_dir_all(staging);
            return Err(errors);
        }
    };
    let id = folder_id(staging);
    swap(output, staging, &beside.old).map_err(failed)?;
    let _ = fs::remove_file(output.join(MARK));
    // What the new site and the one beside it are, for the next build.
    let keys = out.keys.into_inner().unwrap_or_else(|e| e.into_inner());
    let sites = [
        (id, keys.iter().collect()),
        (output_id, out.kept.iter().collect()),
    ];
    State::write(&beside.state, &sites);
    Ok(value)
}

/// Refuses to replace the output folder when a file appeared in it while
/// the site was built (a deploy step's `CNAME`): the swap would move it
/// aside, and the next build remove it.
fn nothing_new_in(output: &Path, listed: Option<&HashSet<String>>) -> Result<(), Vec<Diagnostic>> {
    if fs::symlink_metadata(output).is_err() {
        return Ok(());
    }
    let found = strangers(output, listed.unwrap_or(&HashSet::default()))
        .map_err(|e| vec![cannot_write(output, e)])?;
    if found.is_empty() {
        return Ok(());
    }
    let (shown, named) = (output.display(), named(&found));
    let count = found.len();
    Err(vec![Diagnostic::error(
        output,
        None,
        text!(
            "terwijl helder de site bouwde, kwam er iets in `{shown}` dat helder niet schreef: {named}; helder heeft de map niet vervangen, zodat het niet verloren gaat",
            "while helder built the site, {count} file(s) it did not write appeared in `{shown}`: {named}; helder did not replace the folder, so they are not lost"
        ),
    )
    .with_hint(text!(
        "zet zulke bestanden na de build in de map (of in het thema), niet tijdens; haal ze eruit en bouw opnieuw",
        "put such files in the folder after the build (or in the theme), not during it; move them out and build again"
    ))
    .refused()])
}

/// The folder a link points at, when `output` is a symbolic link (followed
/// to its end); `output` itself otherwise.
fn follow_link(output: &Path) -> Result<PathBuf, Diagnostic> {
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
    Err(refuse(text!(
        "`{given}` is een snelkoppeling die in een kring naar zichzelf wijst; geef een map",
        "`{given}` is a symbolic link that points at itself in a loop; give a folder"
    )))
}

/// Refuses the site's own folder, a folder around it, and its content and
/// theme folders.
fn outside_the_site(output: &Path, root: &Path) -> Result<(), Diagnostic> {
    let shown = output.display();
    if root.starts_with(output) {
        return Err(refuse(text!(
            "`{shown}` bevat de site zelf; helder vervangt de uitvoermap bij elke build, dus kies een andere, zoals `public`",
            "`{shown}` holds the site itself; helder replaces the output folder on every build, so choose another, such as `public`"
        )));
    }
    for part in [CONTENT_DIR, THEMES_DIR] {
        if output.starts_with(root.join(part)) {
            return Err(refuse(text!(
                "`{shown}` ligt in de map {part}/ van de site; kies een map daarbuiten, zoals `public`",
                "`{shown}` is inside the site's {part}/ folder; choose a folder outside it, such as `public`"
            )));
        }
    }
    Ok(())
}

/// Refuses an output folder, or a folder helder keeps beside it, that git
/// tracks: a commit could then bring pages that helder would take for its
/// own, or make helder remove what the repository holds. (The state beside
/// them may be tracked: a note of files that no commit can make names no
/// file.) Asks git only when one of them is there; outside a repository
/// nothing is tracked.
fn not_tracked(output: &Path, beside: &Beside) -> Result<(), Diagnostic> {
    let names: Vec<&std::ffi::OsStr> = [output, &beside.old, &beside.staging]
        .into_iter()
        .filter(|path| fs::symlink_metadata(path).is_ok())
        .filter_map(|path| path.file_name())
        .collect();
    let Some(parent) = output.parent().filter(|_| !names.is_empty()) else {
        return Ok(());
    };
    let listed = Command::new("git")
        .args(["--literal-pathspecs", "ls-files", "-z", "--"])
        .args(&names)
        .current_dir(parent)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    let Some(listed) = listed.ok().filter(|o| o.status.success()) else {
        return Ok(()); // no git, or not in a repository
    };
    let Some(first) = listed.stdout.split(|&b| b == 0).find(|p| !p.is_empty()) else {
        return Ok(());
    };
    let path = String::from_utf8_lossy(first);
    let folder = path.split('/').next().unwrap_or_default();
    Err(refuse(text!(
        "`{folder}` staat in git (`{path}` is vastgelegd), maar helder maakt die map zelf bij elke build: wat een commit erin zet, zou helder voor het zijne kunnen houden en publiceren; haal de map uit git met `git rm -r --cached {folder}` en zet `/{folder}` in `.gitignore`",
        "`{folder}` is tracked by git (`{path}` is committed), but helder makes that folder itself on every build: what a commit puts there could be taken for helder's own and published; untrack it with `git rm -r --cached {folder}` and add `/{folder}` to `.gitignore`"
    )))
}

/// Refuses anything but a real folder where helder keeps one of its own
/// beside the output folder: a link there is never followed, a file never
/// removed.
fn a_folder_or_nothing(path: &Path) -> Result<(), Diagnostic> {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Ok(());
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if meta.file_type().is_symlink() {
        return Err(refuse(text!(
            "`{name}` is een snelkoppeling; daar bewaart helder een eigen map naast de uitvoermap, en helder volgt er geen snelkoppeling; haal hem weg (`rm {name}`; wat hij aanwijst blijft staan) en bouw opnieuw",
            "`{name}` is a symbolic link; helder keeps a folder of its own there, beside the output folder, and follows no link there; remove it (`rm {name}`; what it points at stays) and build again"
        )));
    }
    if !meta.is_dir() {
        return Err(refuse(text!(
            "`{name}` is een bestand; daar bewaart helder een eigen map naast de uitvoermap; verplaats het en bouw opnieuw",
            "`{name}` is a file; helder keeps a folder of its own there, beside the output folder; move it and build again"
        )));
    }
    Ok(())
}

/// Refuses a folder that holds anything but the files its manifest lists:
/// helder would delete it. Returns that list, if there is one.
fn only_our_files(dir: &Path) -> Result<Option<HashSet<String>>, Diagnostic> {
    let shown = dir.display();
    let Ok(mut entries) = fs::read_dir(dir) else {
        return Ok(None); // not there yet
    };
    if entries.next().is_none() {
        return Ok(None);
    }
    let Some(listed) = listed_in(dir) else {
        return Err(refuse(text!(
            "`{shown}` bevat al bestanden, maar geen lijst van wat helder schreef ({MANIFEST}); helder vervangt de hele map, dus kies een lege of nieuwe (was het een site van een oudere helder, gooi de map dan zelf weg)",
            "`{shown}` already holds files, but no list of what helder wrote ({MANIFEST}); helder replaces the whole folder, so choose an empty or new one (if an older helder built it, delete the folder yourself)"
        )));
    };
    let found = strangers(dir, &listed).map_err(|e| unusable(dir, &e))?;
    if found.is_empty() {
        return Ok(Some(listed));
    }
    let (count, named) = (found.len(), named(&found));
    Err(refuse(text!(
        "`{shown}` bevat {count} bestand(en) die helder niet schreef: {named}; helder vervangt de hele map, dus haal ze eruit of kies een andere map",
        "`{shown}` holds {count} file(s) that helder did not write: {named}; helder replaces the whole folder, so move them out or choose another folder"
    )))
}

/// Refuses a site before the last build that holds anything but its pages
/// (a file or a link put there, a folder): helder would remove it when it
/// starts from that site. Returns the pages its list names.
fn only_its_pages(old: &Path) -> Result<HashSet<String>, Diagnostic> {
    if fs::symlink_metadata(old).is_err() {
        return Ok(HashSet::default());
    }
    let listed = listed_in(old).unwrap_or_default();
    let found = strangers(old, &listed).map_err(|e| unusable(old, &e))?;
    if found.is_empty() {
        return Ok(listed);
    }
    let (shown, count, named) = (old.display(), found.len(), named(&found));
    Err(refuse(text!(
        "`{shown}` (de site van voor de vorige build, waarmee helder verder bouwt) bevat {count} bestand(en) die helder niet schreef: {named}; haal ze eruit, of gooi de hele map weg",
        "`{shown}` (the site before the last build, which helder builds on) holds {count} file(s) that helder did not write: {named}; move them out, or delete the whole folder"
    )))
}

/// The first three of `found`, quoted, for a message.
fn named(found: &[String]) -> String {
    let mut shown: Vec<String> = found.iter().take(3).map(|rel| format!("`{rel}`")).collect();
    if found.len() > 3 {
        shown.push("…".to_string());
    }
    shown.join(", ")
}

/// `path` below `dir`, with `/` between its parts, as a list names it.
fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        rel.into_owned()
    } else {
        rel.replace(std::path::MAIN_SEPARATOR, "/")
    }
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

/// Undoes what a killed build left: its new folder is removed when it
/// carries helder's mark (or is empty), and an old site that was moved
/// aside is put back when no site took its place. A mark left in the
/// output folder is removed. The site before the last build, beside a
/// site, is [`replace`]'s to reuse.
fn clean_up(output: &Path, beside: &Beside) -> Result<(), Diagnostic> {
    let (staging, old) = (&beside.staging, &beside.old);
    let there = |path: &Path| fs::symlink_metadata(path).is_ok();
    // Killed between the two renames of [`swap`]: the new site is still
    // beside, and the old one moved aside. Without the new site beside, an
    // output folder that is not there was removed by someone, and the
    // site before the last build is no site to put in its place.
    let swapping = there(staging) && there(old) && !there(output);
    if there(staging) {
        let empty = fs::read_dir(staging).is_ok_and(|mut d| d.next().is_none());
        if !empty && !is_marked(staging) {
            let shown = staging.display();
            return Err(refuse(text!(
                "`{shown}` is niet door helder gemaakt (het merkteken {MARK} ontbreekt), maar daar schrijft helder de nieuwe site; verplaats de map, of gooi hem weg als hij van een afgebroken build is",
                "`{shown}` was not made by helder (its mark {MARK} is missing), but helder writes the new site there; move the folder, or delete it if an interrupted build left it"
            )));
        }
        fs::remove_dir_all(staging).map_err(|e| unusable(staging, &e))?;
    }
    if swapping {
        fs::rename(old, output).map_err(|e| unusable(old, &e))?;
    }
    if is_marked(output) {
        fs::remove_file(output.join(MARK)).map_err(|e| unusable(output, &e))?;
    }
    Ok(())
}

/// Puts `staging` in the place of `output`, moving the old site aside
/// first and back if the move fails. The old site stays beside the output
/// folder, where the next build starts from it.
fn swap(output: &Path, staging: &Path, old: &Path) -> io::Result<()> {
    if fs::symlink_metadata(output).is_ok() {
        fs::rename(output, old).map_err(|e| with_path(e, output))?;
    }
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(old, output);
        let _ = fs::remove_dir_all(staging);
        return Err(with_path(e, output));
    }
    Ok(())
}

/// A folder that cannot be read, locked or cleaned up: a matter of the
/// machine, not of the input.
fn unusable(path: &Path, e: &io::Error) -> Diagnostic {
    let shown = path.display();
    Diagnostic::error(
        "",
        None,
        text!(
            "`{shown}` is niet te gebruiken als uitvoermap: {e}",
            "`{shown}` cannot be used as the output folder: {e}"
        ),
    )
    .on_machine()
}

/// An output folder that helder refuses to replace, to keep what is not
/// its own.
fn refuse(message: Text) -> Diagnostic {
    Diagnostic::error("", None, message).refused()
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

/// What is below `dir` besides the files on its list (`listed`), the
/// folders they are in and the list itself: any other file, any link, and
/// any other folder (named with a `/` at the end, and not walked into), as
/// paths relative to `dir`, sorted. Links are never followed.
fn strangers(dir: &Path, listed: &HashSet<String>) -> io::Result<Vec<String>> {
    let folders: HashSet<&str> = listed
        .iter()
        .flat_map(|rel| rel.match_indices('/').map(|(at, _)| &rel[..at]))
        .collect();
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_root_links(false)
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(io::Error::other)?;
        let kind = entry.file_type();
        let rel = relative(dir, entry.path());
        if kind.is_dir() {
            if !folders.contains(rel.as_str()) {
                found.push(format!("{rel}/"));
                walk.skip_current_dir();
            }
        } else if !kind.is_file() || (rel != MANIFEST && !listed.contains(&rel)) {
            found.push(rel);
        }
    }
    found.sort();
    Ok(found)
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
