//! Serve: the preview for the people who edit the model.
//!
//! The site is built into a temporary folder of its own and served on
//! 127.0.0.1. The
//! site's files are watched (`watch.rs`); after a save the site is built
//! again, which renders only the pages whose inputs changed (the others are
//! kept, see [`crate::write`]), and every open page reloads itself. When a
//! build fails, the last good pages stay served and every page shows the
//! mistakes over them, in the words of the terminal; fixing the file clears
//! them by itself. What is served, and how safely, is `http.rs`.
//!
//! The temporary folder is made new for every run, with a name nobody can
//! guess, and readable by the user only; a folder or link that is already
//! there is never used (issue 24), so the preview writes and removes only
//! what it made itself.
//!
//! The building itself is not done here: [`run`] is given a function that
//! builds the site into a folder, so that the preview builds exactly as
//! `helder build` does.

mod http;
mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use crate::diagnostic::{Lang, Text};
use crate::layout::OUTPUT_DIR;
use crate::text;

/// What a build of the preview told.
pub struct Outcome {
    /// The mistakes that kept the site from being written, as the terminal
    /// shows them; None when it was written.
    pub errors: Option<String>,
    /// The warnings of a build that was written, if any.
    pub warnings: Option<String>,
}

/// How to serve.
pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// The port to try first; 0 lets the system choose one.
    pub port: u16,
    /// Watch by looking every half second instead of by the system's events
    /// (network drives, WSL).
    pub poll: bool,
    /// Open the preview in the browser.
    pub open: bool,
}

/// What the pages and the rebuilds share.
struct State {
    /// The folder the site is built into.
    site: PathBuf,
    status: Mutex<Status>,
    /// Woken at every build, for the pages waiting to reload.
    built: Condvar,
    /// The language of the preview's own answers (503, 431, 400).
    lang: Lang,
}

#[derive(Default)]
struct Status {
    /// Counts the builds: a page built in an earlier one reloads.
    generation: u64,
    errors: Option<String>,
    warnings: Option<String>,
}

/// Builds with `build` (into the folder it is given), serves, and builds
/// again after every change, until Ctrl-C. `say` is where progress goes;
/// the preview's own answers to the browser (503, 431) are in `lang`.
pub fn run(
    options: &Options,
    lang: Lang,
    build: &mut dyn FnMut(&Path) -> Outcome,
    say: &dyn Fn(&Text),
) -> Result<(), Text> {
    let folder = fresh_folder(&std::env::temp_dir())?;
    let result = serve(options, lang, &folder, build, say);
    let _ = std::fs::remove_dir_all(&folder);
    result
}

/// [`run`] in the preview's own `folder`.
fn serve(
    options: &Options,
    lang: Lang,
    folder: &Path,
    build: &mut dyn FnMut(&Path) -> Outcome,
    say: &dyn Fn(&Text),
) -> Result<(), Text> {
    let site = folder.join(OUTPUT_DIR);
    let state = Arc::new(State {
        site: site.clone(),
        status: Mutex::new(Status::default()),
        built: Condvar::new(),
        lang,
    });

    let (events, changes) = mpsc::channel();
    let stop = events.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(watch::Event::Stop);
    })
    .map_err(|e| {
        text!(
            "Ctrl-C is niet op te vangen: {e}",
            "cannot catch Ctrl-C: {e}"
        )
    })?;
    let _watcher = watch::start(&options.root, options.poll, events.clone())?;

    publish(&state, build(&site));
    let listener = bind(options.bind, options.port)?;
    let address = listener
        .local_addr()
        .map_or_else(|_| "?".to_string(), |a| format!("http://{a}/"));
    if !options.bind.is_loopback() {
        say(&text!(
            "let op: de preview is ook te zien voor andere computers in het netwerk ({address})",
            "note: the preview can be seen by other computers on the network too ({address})"
        ));
    }
    println!("{address}");
    if options.open {
        open_browser(&address);
    }
    let listening = state.clone();
    thread::Builder::new()
        .spawn(move || {
            let error = http::listen(&listener, &listening);
            let _ = events.send(watch::Event::Deaf(error));
        })
        .map_err(|e| {
            text!(
                "de preview kan niet beginnen met luisteren: {e}",
                "the preview cannot start listening: {e}"
            )
        })?;

    while let Ok(event) = changes.recv() {
        match watch::coalesce(event, &changes) {
            watch::Event::Stop => break,
            watch::Event::Changed => publish(&state, build(&site)),
            watch::Event::Deaf(e) => {
                return Err(text!(
                    "de preview kan geen verbindingen meer aannemen op {address} ({e}) en stopt; start `helder serve` opnieuw",
                    "the preview can no longer accept connections on {address} ({e}) and stops; start `helder serve` again"
                ));
            }
        }
    }
    Ok(())
}

/// A new folder in `parent` for one run of the preview: a random name,
/// made here (never one that was already there, a link or a folder someone
/// else made), and on unix readable by this user only.
fn fresh_folder(parent: &Path) -> Result<PathBuf, Text> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    let mut last = None;
    // Another name is tried when one is taken; sixteen taken random names
    // in a row mean something else is wrong.
    for _ in 0..16 {
        let number = getrandom::u64().map_err(|e| {
            text!(
                "het systeem geeft geen willekeurig getal voor de tijdelijke map van de preview: {e}",
                "the system gives no random number for the preview's temporary folder: {e}"
            )
        })?;
        let folder = parent.join(format!("helder-serve-{number:016x}"));
        match builder.create(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => {
                last = Some(e);
                break;
            }
        }
    }
    let shown = parent.display();
    let e = last.map_or_else(String::new, |e| e.to_string());
    Err(text!(
        "de preview kan geen tijdelijke map maken in `{shown}` ({e}); kijk of die map bestaat en of u er mag schrijven (of zet TMPDIR op een andere map)",
        "the preview cannot make a temporary folder in `{shown}` ({e}); check that the folder exists and that you may write in it (or set TMPDIR to another folder)"
    ))
}

/// Makes a build's outcome what the pages show, and wakes them.
fn publish(state: &State, outcome: Outcome) {
    let mut status = state.status.lock().unwrap_or_else(|e| e.into_inner());
    status.generation += 1;
    status.errors = outcome.errors;
    status.warnings = outcome.warnings;
    state.built.notify_all();
}

/// Listens on `port`, or on the next free one of the ten after it.
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Text> {
    let tries = if port == 0 { 1 } else { 11 };
    let mut last = String::new();
    for offset in 0..tries {
        let Some(port) = port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind(SocketAddr::new(ip, port)) {
            Ok(listener) => return Ok(listener),
            Err(e) => last = e.to_string(),
        }
    }
    Err(text!(
        "geen vrije poort gevonden vanaf {port} ({last}); kies er een met `--port`",
        "no free port found from {port} on ({last}); choose one with `--port`"
    ))
}

/// Opens `address` in the user's browser, if the system can.
fn open_browser(address: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(address)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
