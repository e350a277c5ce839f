//! Serve: the preview for the people who edit the model.
//!
//! The site is built into a temporary folder and served on 127.0.0.1. The
//! site's files are watched (`watch.rs`); after a save the site is built
//! again, which renders only the pages whose inputs changed (the others are
//! kept, see [`crate::write`]), and every open page reloads itself. When a
//! build fails, the last good pages stay served and every page shows the
//! mistakes over them, in the words of the terminal; fixing the file clears
//! them by itself. What is served, and how safely, is `http.rs`.
//!
//! The building itself is not done here: [`run`] is given a function that
//! builds the site into a folder, so that the preview builds exactly as
//! `helder build` does.

mod http;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use crate::diagnostic::Text;
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
}

#[derive(Default)]
struct Status {
    /// Counts the builds: a page built in an earlier one reloads.
    generation: u64,
    errors: Option<String>,
    warnings: Option<String>,
}

/// Builds with `build` (into the folder it is given), serves, and builds
/// again after every change, until Ctrl-C. `say` is where progress goes.
pub fn run(
    options: &Options,
    build: &mut dyn FnMut(&Path) -> Outcome,
    say: &dyn Fn(&Text),
) -> Result<(), Text> {
    let folder = std::env::temp_dir().join(format!("helder-serve-{}", std::process::id()));
    let site = folder.join(OUTPUT_DIR);
    let state = Arc::new(State {
        site: site.clone(),
        status: Mutex::new(Status::default()),
        built: Condvar::new(),
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
    let _watcher = watch::start(&options.root, options.poll, events)?;

    publish(&state, build(&site));
    let server = bind(options.bind, options.port)?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| "?".to_string(), |a| format!("http://{a}/"));
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
    let server = Arc::new(server);
    {
        let (server, state) = (server.clone(), state.clone());
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let state = state.clone();
                thread::spawn(move || http::respond(&state, request));
            }
        });
    }

    while let Ok(event) = changes.recv() {
        match watch::coalesce(event, &changes) {
            watch::Event::Stop => break,
            watch::Event::Changed => publish(&state, build(&site)),
        }
    }
    server.unblock();
    let _ = std::fs::remove_dir_all(&folder);
    Ok(())
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
fn bind(ip: IpAddr, port: u16) -> Result<tiny_http::Server, Text> {
    let tries = if port == 0 { 1 } else { 11 };
    let mut last = String::new();
    for offset in 0..tries {
        let Some(port) = port.checked_add(offset) else {
            break;
        };
        match tiny_http::Server::http(SocketAddr::new(ip, port)) {
            Ok(server) => return Ok(server),
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
