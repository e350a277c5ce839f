//! `helder serve`, used as communications staff use it: start the preview,
//! open a page, save a change, make a mistake, fix it, commit; and as an
//! attacker would: paths that try to leave the site.
//!
//! A real `helder serve` process on a port the system picks, a real HTTP
//! client (ureq) and, for the paths clients would tidy up before sending, a
//! request written on a plain TCP connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
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
    agent: ureq::Agent,
}

impl Preview {
    fn start(site: &Site, args: &[&str]) -> Preview {
        let tmp = site.root.with_extension("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut child = site
            .command(&[&["serve"], args].concat())
            .env("TMPDIR", &tmp)
            .env("LANG", "en_US.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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
            agent,
        }
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

    /// Stops it as Ctrl-C does, and checks that it stopped cleanly.
    fn interrupt(mut self) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success());
        let status = self.child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "Ctrl-C did not stop it cleanly");
        let left: Vec<_> = std::fs::read_dir(&self.tmp).unwrap().collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.tmp);
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
