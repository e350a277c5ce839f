//! `helder serve`, used as communications staff use it: start the preview,
//! open a page, save a change, make a mistake, fix it, commit; and as an
//! attacker would: paths that try to leave the site, a link where the
//! preview's temporary folder used to be, more connections than it has file
//! handles, a request header of megabytes.
//!
//! A real `helder serve` process on a port the system picks, a real HTTP
//! client (ureq) and, for what clients would tidy up or never send, requests
//! written on plain TCP connections.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::history::{committed_example, git_in};

/// A running preview of a site.
struct Preview {
    child: Child,
    /// `http://127.0.0.1:PORT`
    address: String,
    /// The temporary folder it was given; it must be empty once it stops.
    tmp: PathBuf,
    /// Where what it says on stderr goes.
    stderr: PathBuf,
    agent: ureq::Agent,
}

impl Preview {
    fn start(site: &Site, args: &[&str]) -> Preview {
        Preview::spawn(site, site.command(&[&["serve"], args].concat()))
    }

    /// `helder serve ARGS` started by a shell that first runs `before`,
    /// then becomes helder (`exec`): so helder has the shell's process id
    /// (`$$`) and whatever limit `ulimit` set.
    fn start_after(site: &Site, before: &str, args: &[&str]) -> Preview {
        let helder = site.command(&[&["serve"], args].concat());
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg(format!("{before} && exec \"$0\" \"$@\""))
            .arg(helder.get_program())
            .args(helder.get_args())
            .current_dir(helder.get_current_dir().unwrap());
        for (key, value) in helder.get_envs() {
            match value {
                Some(value) => shell.env(key, value),
                None => shell.env_remove(key),
            };
        }
        Preview::spawn(site, shell)
    }

    fn spawn(site: &Site, mut command: Command) -> Preview {
        let tmp = site.root.with_extension("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let stderr = site.root.with_extension("stderr");
        let mut child = command
            .env("TMPDIR", &tmp)
            .env("LANG", "en_US.UTF-8")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().trim_end_matches('/').to_string();
        assert!(address.starts_with("http://127.0.0.1:"), "{line:?}");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .new_agent();
        Preview {
            child,
            address,
            tmp,
            stderr,
            agent,
        }
    }

    /// `127.0.0.1:PORT`
    fn host(&self) -> &str {
        self.address.trim_start_matches("http://")
    }

    /// A file of the site as the preview built it.
    fn built(&self, rel: &str) -> String {
        let folder = std::fs::read_dir(&self.tmp)
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        std::fs::read_to_string(folder.path().join("public").join(rel)).unwrap()
    }

    /// Status, ETag and body of `GET path`.
    fn get(&self, path: &str) -> (u16, String, String) {
        let mut response = self
            .agent
            .get(format!("{}{path}", self.address))
            .call()
            .unwrap();
        let tag = header(&response, "etag");
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), tag, body)
    }

    /// Waits until the page at `path` satisfies `ok`, and returns it.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let (_, _, body) = self.get(path);
            if ok(&body) {
                return body;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{path} never showed {what}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops it as Ctrl-C does, and checks that it stopped cleanly and
    /// left nothing in its temporary folder.
    fn interrupt(self) {
        self.interrupt_and_look(|tmp| {
            let left: Vec<_> = std::fs::read_dir(tmp).unwrap().collect();
            assert!(left.is_empty(), "temporary files left: {left:?}");
        });
    }

    /// Stops it as Ctrl-C does, checks that it stopped cleanly, and lets
    /// `look` see the temporary folder it was given.
    fn interrupt_and_look(mut self, look: impl FnOnce(&Path)) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success());
        let status = self.child.wait().unwrap();
        let said = std::fs::read_to_string(&self.stderr).unwrap_or_default();
        assert_eq!(
            status.code(),
            Some(0),
            "Ctrl-C did not stop it cleanly:\n{said}"
        );
        assert!(!said.contains("panicked"), "{said}");
        look(&self.tmp);
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.tmp);
        let _ = std::fs::remove_file(&self.stderr);
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_save_a_mistake_its_fix_and_a_commit_show_in_the_preview() {
    let site = committed_example("2021-03-01T10:00:00+01:00");
    let preview = Preview::start(&site, &["--port", "0"]);
    let (status, _, page) = preview.get("/de-mieden/");
    assert_eq!(status, 200);
    // The page's policy lets the preview's own script run, and only that.
    assert!(page.contains("script-src 'self'"), "{page}");
    assert!(page.contains("/__helder/live.js"));
    assert!(page.contains("Obs De Mieden"), "{page}");
    assert!(
        page.contains("1 maart 2021"),
        "the commit's date is missing"
    );
    let (_, other_tag, _) = preview.get("/de-tandem/");
    assert!(!other_tag.is_empty());

    // A save: the page shows it, another school's page was not rendered again.
    site.edit(
        "schools.yaml",
        "name: Obs De Mieden",
        "name: Obs De Mieden-Oost",
    );
    let page = preview.wait_for("/de-mieden/", "the new name", |p| {
        p.contains("De Mieden-Oost")
    });
    let (_, tag, other) = preview.get("/de-tandem/");
    assert_eq!(tag, other_tag, "another school's page was rendered again");
    // Not committed yet: the page says so, instead of the old date; the
    // other school's entry did not change, so its page keeps its date.
    assert!(
        page.contains("Nog niet vastgelegd:</strong> schools.yaml"),
        "{page}"
    );
    assert!(!other.contains("Nog niet vastgelegd"));
    assert!(other.contains("1 maart 2021"));
    // A built site never says it.
    site.build();
    assert!(!site.page("de-mieden/index.html").contains("vastgelegd"));

    // A mistake: every page shows it with its file and line, over the last
    // good page.
    site.edit(
        "schools.yaml",
        "name: Obs De Mieden-Oost",
        "name: \"Obs De Mieden-Oost",
    );
    let line = site
        .read("schools.yaml")
        .lines()
        .position(|l| l.contains("\"Obs De Mieden-Oost"))
        .unwrap()
        + 1;
    let page = preview.wait_for("/de-tandem/", "the mistake", |p| {
        p.contains("helder-fouten")
    });
    let shown = page.split_once("helder-fouten").unwrap().1;
    assert!(shown.contains(&format!("schools.yaml:{line}:")), "{shown}");
    assert!(shown.contains("its closing quote is missing"), "{shown}");
    assert!(page.contains("Obs De Tandem"), "the last good page is gone");

    // The fix clears it by itself.
    site.edit(
        "schools.yaml",
        "name: \"Obs De Mieden-Oost",
        "name: Obs De Mieden-Oost",
    );
    preview.wait_for("/de-tandem/", "no mistake", |p| {
        !p.contains("helder-fouten")
    });

    // A commit moves the date.
    git_in(
        &site.root,
        &["commit", "-q", "-am", "Nieuwe naam"],
        "2022-06-15T10:00:00+02:00",
    );
    let page = preview.wait_for("/de-mieden/", "the new date", |p| {
        p.contains("15 juni 2022")
    });
    assert!(!page.contains("Nog niet vastgelegd"), "{page}");
    // And it makes the version of 1 March 2021 an earlier one: the preview
    // reads git again when it holds another commit.
    assert!(page.contains("versies/2021-03-01/index.html"), "{page}");
    let (status, _, old) = preview.get("/de-mieden/versies/2021-03-01/");
    assert_eq!(status, 200);
    assert!(old.contains("Dit is een eerdere versie"), "{old}");

    // The script and the mistakes are the preview's, never the site's.
    let folder = std::fs::read_dir(&preview.tmp)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    for file in files(&folder.join("public")) {
        let text = preview.built(file.to_str().unwrap());
        assert!(
            !text.contains("__helder"),
            "{} holds the preview's script",
            file.display()
        );
    }
    site.build();
    for page in site.html_pages() {
        assert!(
            !site.page(&page).contains("__helder"),
            "{page} holds the preview's script"
        );
    }
    preview.interrupt();
}

/// Answers a request written by hand, as no client would tidy it up first:
/// the status and the body.
fn raw_get(address: &str, path: &str) -> (u16, String) {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

#[test]
fn only_the_sites_own_files_are_served() {
    let site = Site::example();
    let preview = Preview::start(&site, &["--port", "0"]);
    let (_, _, not_found) = preview.get("/niet-bestaand/");
    for path in [
        "/../schools.yaml",
        "/%2e%2e/schools.yaml",
        "/%2E%2E%2Fschools.yaml",
        "/de-mieden/..%2F..%2Fschools.yaml",
        "/..%5C..%5Cschools.yaml",
        "/de-mieden\\..\\..\\schools.yaml",
        "//etc/passwd",
        "/%2Fetc/passwd",
        "/.helder-manifest",
        "/niet-bestaand/",
    ] {
        let (status, body) = raw_get(&preview.address, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("schools:") && !body.contains("root:"),
            "{path}: {body}"
        );
        assert!(
            body.contains("404") || body == not_found,
            "{path}: not the site's 404 page"
        );
    }
    let (status, _, page) = preview.get("/niet-bestaand/");
    assert_eq!(status, 404);
    assert_eq!(page, not_found);
    let file = preview.built("404.html");
    let main = &file[file.find("<main").unwrap()..file.find("</main>").unwrap()];
    assert!(page.contains(main), "not the site's 404 page:\n{page}");
    assert!(
        page.contains("/__helder/live.js"),
        "no reload script on the 404 page"
    );

    // HEAD and a conditional request.
    let head = preview
        .agent
        .head(format!("{}/de-mieden/", preview.address))
        .call()
        .unwrap();
    assert_eq!(head.status().as_u16(), 200);
    let (_, tag, _) = preview.get("/de-mieden/");
    let again = preview
        .agent
        .get(format!("{}/de-mieden/", preview.address))
        .header("If-None-Match", &tag)
        .call()
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    preview.interrupt();
}

#[test]
fn a_port_in_use_gives_the_next_free_one() {
    let site = Site::fixture("minimal");
    // A port of our own, taken, and the one after it free (most likely).
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let preview = Preview::start(&site, &["--port", &port.to_string()]);
    assert_ne!(preview.address, format!("http://127.0.0.1:{port}"));
    let (status, _, _) = preview.get("/de-linde/");
    assert_eq!(status, 200);
    preview.interrupt();
}

/// The entries of a folder: (name, a link?, a folder?), sorted.
fn entries(folder: &Path) -> Vec<(String, bool, bool)> {
    let mut found: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, kind.is_symlink(), kind.is_dir())
        })
        .collect();
    found.sort();
    found
}

/// The preview's temporary folder used to be `$TMPDIR/helder-serve-<pid>`,
/// used as found: a link made there beforehand had the preview build into
/// the folder it pointed to, and a folder someone made there was emptied and
/// removed when it stopped. Now it makes a new folder of its own.
#[test]
#[cfg(unix)]
fn the_preview_works_in_a_new_private_folder_and_leaves_what_was_there() {
    use std::os::unix::fs::PermissionsExt;

    let site = Site::fixture("minimal");
    let other = Site::empty();
    let elsewhere = other.root.clone();
    std::fs::write(elsewhere.join("keep.txt"), "van iemand anders").unwrap();

    // A link at the old name: `$$` is the shell's process id, which `exec`
    // hands on to helder.
    let link = format!(
        "ln -s '{}' \"$TMPDIR/helder-serve-$$\"",
        elsewhere.display()
    );
    let preview = Preview::start_after(&site, &link, &["--port", "0"]);
    let (status, _, _) = preview.get("/de-linde/");
    assert_eq!(status, 200);
    let found = entries(&preview.tmp);
    assert_eq!(found.len(), 2, "{found:?}");
    let own = found.iter().find(|(_, link, _)| !link).unwrap();
    assert!(own.2, "the preview's own entry is no folder: {found:?}");
    let own = preview.tmp.join(&own.0);
    assert!(own.join("public/de-linde/index.html").is_file());
    let mode = std::fs::symlink_metadata(&own)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "not private: {mode:o}");
    let old = preview
        .tmp
        .join(format!("helder-serve-{}", preview.child.id()));
    let elsewhere_too = elsewhere.clone();
    preview.interrupt_and_look(move |tmp| {
        assert_eq!(std::fs::read_link(&old).unwrap(), elsewhere_too);
        assert_eq!(
            entries(&elsewhere_too),
            vec![("keep.txt".to_string(), false, false)],
            "the preview wrote through the link"
        );
        assert_eq!(entries(tmp).len(), 1, "its own folder is left");
    });

    // A folder at the old name, with a file in it.
    let folder =
        "mkdir \"$TMPDIR/helder-serve-$$\" && echo mijn > \"$TMPDIR/helder-serve-$$/mijn.txt\"";
    let preview = Preview::start_after(&site, folder, &["--port", "0"]);
    let (status, _, _) = preview.get("/de-linde/");
    assert_eq!(status, 200);
    let old = preview
        .tmp
        .join(format!("helder-serve-{}", preview.child.id()));
    preview.interrupt_and_look(move |tmp| {
        assert_eq!(
            entries(&old),
            vec![("mijn.txt".to_string(), false, false)],
            "the preview used a folder it did not make"
        );
        assert_eq!(entries(tmp).len(), 1, "its own folder is left");
    });
}

/// A request written by hand on a new connection, and what comes back
/// (status line and all) until the preview closes it; an error when the
/// connection could not be made or was reset before anything came.
fn exchange(host: &str, request: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(host)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = Vec::new();
    match stream.read_to_end(&mut answer) {
        Err(e) if answer.is_empty() => Err(e),
        _ => Ok(String::from_utf8_lossy(&answer).into_owned()),
    }
}

/// With 256 file handles (macOS's default), a few hundred idle connections
/// used to stop the preview from listening for good, while it kept running.
/// Now a connection it has no handle for is refused, an idle connection is
/// closed after a while, and then pages are served again.
#[test]
#[cfg(unix)]
fn the_preview_refuses_connections_when_out_of_file_handles_and_goes_on() {
    let site = Site::fixture("minimal");
    let mut preview = Preview::start_after(&site, "ulimit -n 256", &["--port", "0"]);
    let host = preview.host().to_string();
    let get = format!("GET /de-linde/ HTTP/1.1\r\nHost: {host}\r\n\r\n");

    // More connections than it has handles, none of them asking anything.
    let idle: Vec<TcpStream> = (0..400)
        .filter_map(|_| TcpStream::connect(&host).ok())
        .collect();
    assert_eq!(idle.len(), 400, "connections were refused before the limit");
    // One more, asking for a page: refused, not left waiting.
    let answer = exchange(&host, &get).unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer:?}");
    assert!(answer.contains("too many connections"), "{answer}");
    assert!(preview.child.try_wait().unwrap().is_none(), "it stopped");

    // The idle connections are closed by the preview.
    let until = Instant::now() + Duration::from_secs(60);
    for mut stream in idle {
        let left = until.saturating_duration_since(Instant::now());
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .unwrap();
        let mut scratch = Vec::new();
        if let Err(e) = stream.read_to_end(&mut scratch) {
            assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "an idle connection was never closed"
            );
        }
    }

    // And it listens and answers again.
    let until = Instant::now() + Duration::from_secs(20);
    let answer = loop {
        let answer = exchange(&host, &get).unwrap_or_default();
        if answer.starts_with("HTTP/1.1 200") || Instant::now() > until {
            break answer;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("/__helder/live.js"));
    preview.interrupt();
}

/// A request header of 64 MB used to be read whole into memory. Now more
/// than 64 kB of request gets 431 and the connection is closed, long before
/// the client has sent it all.
#[test]
fn a_request_too_large_is_refused_without_being_read_whole() {
    let site = Site::fixture("minimal");
    let preview = Preview::start(&site, &["--port", "0"]);
    let mut stream = TcpStream::connect(preview.host()).unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "GET /de-linde/ HTTP/1.1\r\nHost: x\r\nX-Groot: ").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    let whole = 64 * 1024 * 1024;
    let mut sent = 0;
    while sent < whole {
        match stream.write(&chunk) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    assert!(sent < whole, "the preview read a header of {sent} bytes");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer:?}");
    assert!(answer.contains("too large"), "{answer}");

    let (status, _, _) = preview.get("/de-linde/");
    assert_eq!(status, 200);
    preview.interrupt();
}
