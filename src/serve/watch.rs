//! Watching the site's files for the preview, with `notify`.
//!
//! What counts as a change: `schools.yaml`, anything under `content/` and
//! `themes/`, and the branches and HEAD of `.git` (a commit moves the dates
//! on the pages). Not the output folder, not git's objects, and not the
//! temporary and swap files editors write beside a file while saving it.
//! The events of one save (an editor often writes, renames and touches) are
//! taken together: the site is built once for them.

use std::path::{Component, Path};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{PollWatcher, RecursiveMode, Watcher};

use crate::diagnostic::Text;
use crate::layout::{CONTENT_DIR, SCHOOLS_FILE, THEMES_DIR};
use crate::text;

/// What the preview waits for.
pub enum Event {
    /// A file of the site changed.
    Changed,
    /// Ctrl-C.
    Stop,
    /// The server can no longer accept connections, for this reason.
    Deaf(std::io::Error),
}

/// How long after an event the preview waits for the next one of the same
/// save before it builds.
const QUIET: Duration = Duration::from_millis(60);

/// A running watcher; dropping it stops watching.
pub struct Running {
    _watcher: Box<dyn Watcher + Send>,
}

/// Starts watching the site in `root`, sending [`Event::Changed`] to
/// `events`. Falls back to looking every half second where the system's
/// events do not work, or when `poll` asks for that.
pub fn start(root: &Path, poll: bool, events: Sender<Event>) -> Result<Running, Text> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let handler = {
        let root = root.clone();
        move |result: notify::Result<notify::Event>| {
            let Ok(event) = result else { return };
            // Reading a file (as every build does) is no change.
            let written = matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any
            ) || matches!(event.kind, EventKind::Modify(m) if !matches!(m, ModifyKind::Metadata(_)));
            if written && event.paths.iter().any(|p| counts(&root, p)) {
                let _ = events.send(Event::Changed);
            }
        }
    };
    let failed = |e: notify::Error| {
        text!(
            "de map van de site is niet te volgen: {e}",
            "cannot watch the site's folder: {e}"
        )
    };
    if !poll
        && let Ok(mut watcher) = notify::recommended_watcher(handler.clone())
        && watcher.watch(&root, RecursiveMode::Recursive).is_ok()
    {
        return Ok(Running {
            _watcher: Box::new(watcher),
        });
    }
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
    let mut watcher = PollWatcher::new(handler, config).map_err(failed)?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(failed)?;
    Ok(Running {
        _watcher: Box::new(watcher),
    })
}

/// Waits until the events of one save have all come: the first is `first`,
/// the rest arrive within [`QUIET`] of each other. A Ctrl-C or a deaf
/// server among them wins.
pub fn coalesce(first: Event, events: &Receiver<Event>) -> Event {
    if !matches!(first, Event::Changed) {
        return first;
    }
    while let Ok(next) = events.recv_timeout(QUIET) {
        if !matches!(next, Event::Changed) {
            return next;
        }
    }
    Event::Changed
}

/// Whether a change to `path` (inside `root`) can change the site.
fn counts(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let Some((&first, _)) = parts.split_first() else {
        return false;
    };
    let name = parts.last().copied().unwrap_or_default();
    if first == ".git" {
        // A commit, a checkout, a new tag: what moves the dates.
        return parts
            .get(1)
            .is_some_and(|p| matches!(*p, "HEAD" | "refs" | "packed-refs"));
    }
    let input = first == SCHOOLS_FILE || first == CONTENT_DIR || first == THEMES_DIR;
    input && !editor_scratch(name)
}

/// The files editors write while saving, and their backups: vim's `.swp`,
/// `.swx` and `4913`, `~` backups, emacs's `#…#` and `.#…`, and the
/// temporary files of editors that save by renaming.
fn editor_scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".goutputstream")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_inputs_count() {
        let root = Path::new("/site");
        let yes = [
            "schools.yaml",
            "content/activities.yaml",
            "themes/default/templates/statement.html",
            ".git/refs/heads/main",
            ".git/HEAD",
        ];
        let no = [
            "public/index.html",
            "content/.activities.yaml.swp",
            "content/activities.yaml~",
            "content/4913",
            "content/#activities.yaml#",
            ".git/objects/ab/cdef",
            ".git/index",
            "README.md",
        ];
        for rel in yes {
            assert!(counts(root, &root.join(rel)), "{rel}");
        }
        for rel in no {
            assert!(!counts(root, &root.join(rel)), "{rel}");
        }
        assert!(!counts(root, Path::new("/elsewhere/schools.yaml")));
    }
}
