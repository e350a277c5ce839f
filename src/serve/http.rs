//! The preview's HTTP server, on `std::net`, and what it answers: the built
//! site's files and nothing else, the site's 404 page for anything unknown,
//! and on every page a small script (served from here, never written into
//! the site, and allowed by the page's Content-Security-Policy only here)
//! that reloads it after a build, and the mistakes of a failed build over it.
//!
//! A request's path is decoded once and then taken apart; any part that is
//! empty, `.` or `..`, hidden (`.helder-manifest`) or holds a backslash, a
//! colon or a NUL makes it unknown. So `/../`, `%2e%2e`, `%2f` and absolute
//! paths never leave the site's folder.
//!
//! What a visitor cannot do to the preview (issue 24):
//!
//! - Run it out of file handles for good. Every connection holds one; when
//!   none is left (256 is macOS's default), the server gives back a handle
//!   it keeps in reserve, takes the waiting connection, answers 503 and
//!   closes it, and goes on. A connection it cannot give a thread is closed.
//! - Make it keep a request in memory: the request line and headers may
//!   take [`MAX_HEAD`] bytes, more gets 431 and the connection is closed.
//!   GET and HEAD have no body; nothing after the headers is read.
//! - Hold a connection without asking: the whole request must arrive
//!   within [`HEAD_TIME`] of connecting, or the connection is closed.
//!
//! Every answer closes its connection (`Connection: close`): a browser opens
//! a new one for the next file, and no connection waits idle between them.
//! If the server can no longer accept connections at all, [`listen`]
//! returns why, and the preview says so and stops instead of running on
//! without anyone able to reach it.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::State;
use crate::diagnostic::{Lang, Text};
use crate::render::escape;
use crate::text;

/// Where the pages' script, its stylesheet and the reload events are.
const LIVE_JS: &str = "/__helder/live.js";
const LIVE_CSS: &str = "/__helder/live.css";
const EVENTS: &str = "/__helder/events";

/// How often a waiting page hears that the preview still runs.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The most a request line and its headers may take. A browser sends a few
/// hundred bytes; servers allow 8 to 64 kB (nginx 32 kB in its large buffers,
/// Apache about 8 kB per line).
const MAX_HEAD: usize = 64 * 1024;

/// How long a connection may take to send its request, from the moment it
/// was accepted. A browser opens connections it may not use yet; after this
/// they are closed, and it opens new ones when it needs them.
const HEAD_TIME: Duration = Duration::from_secs(10);

/// How long writing one answer may wait for a client that does not read.
const WRITE_TIME: Duration = Duration::from_secs(30);

/// After an answer, how long and how much of what the client still sends is
/// read and dropped before the connection is closed (see [`close`]).
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 1024 * 1024;

/// How long the server waits before accepting again after a failure, at
/// first and at most (the wait doubles at each failure in a row).
const PAUSE_FIRST: Duration = Duration::from_millis(10);
const PAUSE_MOST: Duration = Duration::from_secs(1);

/// Failures in a row, of a kind that usually passes, after which the server
/// takes it that it can no longer listen (about a minute of trying).
const GIVE_UP: u32 = 70;

/// Accepts connections on `listener` and answers each in a thread of its
/// own, until accepting fails in a way that waiting does not cure; returns
/// that failure. Running out of file handles is not such a failure: a
/// connection that comes then is refused, and the server goes on.
pub fn listen(listener: &TcpListener, state: &Arc<State>) -> io::Error {
    // One handle kept in reserve, given back when none are left, so that
    // the connection waiting in the queue can be taken and refused.
    let mut reserve = spare_handle();
    let mut pause = PAUSE_FIRST;
    let mut failures = 0;
    loop {
        match listener.accept() {
            Ok((stream, _)) => {
                (pause, failures) = (PAUSE_FIRST, 0);
                if reserve.is_none() {
                    reserve = spare_handle();
                }
                answer(stream, state);
            }
            Err(e) if out_of_handles(&e) => match reserve.take() {
                Some(handle) => {
                    drop(handle);
                    let taken = listener.accept();
                    // Can the reserve be taken again, then a handle was
                    // freed meanwhile, and the connection is answered.
                    reserve = spare_handle();
                    if let Ok((stream, _)) = taken {
                        if reserve.is_some() {
                            answer(stream, state);
                        } else {
                            refuse(stream, state.lang);
                            reserve = spare_handle();
                        }
                    }
                }
                None => {
                    thread::sleep(pause);
                    pause = (pause * 2).min(PAUSE_MOST);
                }
            },
            Err(e) => {
                failures += 1;
                if lasting(&e) || failures > GIVE_UP {
                    return e;
                }
                thread::sleep(pause);
                pause = (pause * 2).min(PAUSE_MOST);
            }
        }
    }
}

/// Answers a connection in a thread of its own. When no thread can be made
/// the connection is dropped, and so closed.
fn answer(stream: TcpStream, state: &Arc<State>) {
    let state = Arc::clone(state);
    let _ = thread::Builder::new().spawn(move || connection(stream, &state));
}

/// A file handle that costs nothing to hold.
fn spare_handle() -> Option<File> {
    File::open(if cfg!(windows) { "NUL" } else { "/dev/null" }).ok()
}

/// Whether accepting failed because the process or the system has no file
/// handle left (EMFILE, ENFILE; WSAEMFILE on Windows): it passes when
/// connections close.
fn out_of_handles(e: &io::Error) -> bool {
    let codes: &[i32] = if cfg!(windows) { &[10024] } else { &[24, 23] };
    e.raw_os_error().is_some_and(|code| codes.contains(&code))
}

/// Whether accepting failed because the listening socket itself is broken
/// (EBADF, EINVAL, ENOTSOCK; their WSA codes on Windows), not because of
/// one connection or a passing shortage (accept(2) lists those).
fn lasting(e: &io::Error) -> bool {
    let codes: &[i32] = if cfg!(windows) {
        &[10009, 10022, 10038]
    } else if cfg!(target_os = "linux") {
        &[9, 22, 88]
    } else {
        &[9, 22, 38]
    };
    e.raw_os_error().is_some_and(|code| codes.contains(&code))
}

/// Refuses a connection when there is no handle to answer it with: 503,
/// and closed at once.
fn refuse(mut stream: TcpStream, lang: Lang) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let mut response = plain(
        503,
        &text!(
            "De preview heeft te veel verbindingen open. Probeer het over een paar tellen opnieuw.",
            "The preview has too many connections open. Try again in a few seconds."
        ),
        lang,
    );
    response.headers.push(("Retry-After", "1".to_string()));
    let _ = send(&mut stream, false, &response);
}

/// One connection: its request, the answer, and closing it.
fn connection(mut stream: TcpStream, state: &State) {
    let _ = stream.set_write_timeout(Some(WRITE_TIME));
    let _ = match read_head(&mut stream) {
        Head::Request(request) => respond(state, &request, &mut stream),
        Head::TooLarge => {
            let message = text!(
                "De aanvraag is te groot: de regels van de aanvraag mogen samen {MAX_HEAD} bytes zijn.",
                "The request is too large: its lines may take {MAX_HEAD} bytes together."
            );
            send(&mut stream, false, &plain(431, &message, state.lang))
        }
        Head::Bad => {
            let message = text!(
                "Dit is geen HTTP-aanvraag die de preview begrijpt.",
                "This is not an HTTP request the preview understands."
            );
            send(&mut stream, false, &plain(400, &message, state.lang))
        }
        Head::Gone => return,
    };
    close(stream);
}

/// Ends a connection after its answer: tells the client no more comes, then
/// reads and drops what the client still sends (the rest of a request too
/// large, a body), a bounded amount, before closing. Closing a connection
/// with unread data resets it, and a reset can throw away the answer before
/// the client has read it (RFC 9112, section 9.6).
fn close(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + LINGER_TIME;
    let mut scratch = [0; 8192];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut scratch) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// What came in on a connection.
enum Head {
    Request(Request),
    /// More than [`MAX_HEAD`] bytes without the end of the headers.
    TooLarge,
    /// Not a request of HTTP/1.
    Bad,
    /// Closed, or silent past [`HEAD_TIME`]: there is no one to answer.
    Gone,
}

/// What of a request the preview reads.
struct Request {
    method: String,
    /// The path and query, as sent: `/de-linde/?a=b`.
    target: String,
    if_none_match: Option<String>,
}

/// Reads the request line and the headers, at most [`MAX_HEAD`] bytes and
/// for at most [`HEAD_TIME`].
fn read_head(stream: &mut TcpStream) -> Head {
    let until = Instant::now() + HEAD_TIME;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0; 4096];
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Head::Gone;
        }
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Head::Gone,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Head::Gone,
        };
        // The end may straddle two reads: look from a little before.
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..n]);
        if let Some(end) = end_of_head(&head[from..]).map(|end| from + end) {
            if end > MAX_HEAD {
                return Head::TooLarge;
            }
            return parse(&head[..end]).map_or(Head::Bad, Head::Request);
        }
        if head.len() > MAX_HEAD {
            return Head::TooLarge;
        }
    }
}

/// Where the headers end (the empty line, after CRLF or a bare LF).
fn end_of_head(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).find_map(|i| {
        let rest = &bytes[i..];
        if rest.starts_with(b"\n\r\n") {
            Some(i + 3)
        } else if rest.starts_with(b"\n\n") {
            Some(i + 2)
        } else {
            None
        }
    })
}

/// The request line and the one header the preview reads.
fn parse(head: &[u8]) -> Option<Request> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.lines();
    let mut first = lines.next()?.split(' ');
    let (method, target, version) = (first.next()?, first.next()?, first.next()?);
    if first.next().is_some()
        || method.is_empty()
        || target.is_empty()
        || !version.starts_with("HTTP/1.")
    {
        return None;
    }
    let mut if_none_match = None;
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        if name.eq_ignore_ascii_case("If-None-Match") {
            if_none_match = Some(value.trim().to_string());
        }
    }
    Some(Request {
        method: method.to_string(),
        target: target.to_string(),
        if_none_match,
    })
}

/// An answer, before it is written.
struct Response {
    status: u16,
    /// The body's Content-Type; None for an answer without a body.
    kind: Option<&'static str>,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, kind: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            kind: Some(kind),
            headers: Vec::new(),
            body,
        }
    }

    fn empty(status: u16, header: &'static str, value: String) -> Response {
        Response {
            status,
            kind: None,
            headers: vec![(header, value)],
            body: Vec::new(),
        }
    }
}

/// A short message of the preview itself, in the terminal's language.
fn plain(status: u16, message: &Text, lang: Lang) -> Response {
    let body = format!("{}\n", message.get(lang)).into_bytes();
    Response::new(status, "text/plain; charset=utf-8", body)
}

/// Writes `response`; without its body for a HEAD request.
fn send(out: &mut TcpStream, head_only: bool, response: &Response) -> io::Result<()> {
    let reason = match response.status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", response.status);
    if let Some(kind) = response.kind {
        head += &format!(
            "Content-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n",
            response.body.len()
        );
    } else if response.status != 304 {
        head += "Content-Length: 0\r\n";
    }
    for (name, value) in &response.headers {
        head += &format!("{name}: {value}\r\n");
    }
    head += "Connection: close\r\n\r\n";
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(&response.body)?;
    }
    out.flush()
}

fn respond(state: &State, request: &Request, out: &mut TcpStream) -> io::Result<()> {
    let head_only = request.method == "HEAD";
    if !head_only && request.method != "GET" {
        let response = Response::empty(405, "Allow", "GET, HEAD".to_string());
        return send(out, false, &response);
    }
    let target = request.target.as_str();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let response = match path {
        EVENTS => return events(state, out, query),
        LIVE_JS => Response::new(
            200,
            "text/javascript; charset=utf-8",
            include_bytes!("live.js").to_vec(),
        ),
        LIVE_CSS => Response::new(
            200,
            "text/css; charset=utf-8",
            include_bytes!("live.css").to_vec(),
        ),
        _ => file(state, request, path),
    };
    send(out, head_only, &response)
}

/// A file of the site, the folder's `index.html`, or the 404 page.
fn file(state: &State, request: &Request, path: &str) -> Response {
    let Some(rel) = site_path(path) else {
        return not_found(state);
    };
    let on_disk = state.site.join(&rel);
    let folder = rel.is_empty() || rel.ends_with('/');
    if !folder && on_disk.is_dir() {
        // A folder without its `/`: the page's relative links need it.
        let to = format!("{}/", path.trim_end_matches('/'));
        return Response::empty(301, "Location", to);
    }
    let on_disk = if folder {
        state.site.join(format!("{rel}index.html"))
    } else {
        on_disk
    };
    let Ok(bytes) = fs::read(&on_disk) else {
        return not_found(state);
    };
    let tag = etag(state, &on_disk);
    if request.if_none_match.as_deref() == Some(tag.as_str()) {
        return Response::empty(304, "ETag", tag);
    }
    let kind = content_type(&on_disk);
    let body = if kind.starts_with("text/html") {
        decorate(state, bytes)
    } else {
        bytes
    };
    let mut response = Response::new(200, kind, body);
    response.headers.push(("ETag", tag));
    response
}

fn not_found(state: &State) -> Response {
    let page = fs::read(state.site.join("404.html")).unwrap_or_default();
    Response::new(404, "text/html; charset=utf-8", decorate(state, page))
}

/// The path of a request as a path inside the site's folder (`de-linde/`),
/// or None when it would lead anywhere else.
fn site_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    let parts: Vec<&str> = decoded.split('/').collect();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        let allowed = if part.is_empty() {
            i == last // only the trailing `/`
        } else {
            !part.starts_with('.') && !part.contains(['\\', ':', '\0'])
        };
        if !allowed {
            return None;
        }
    }
    Some(decoded)
}

/// `%xx` decoded; None for a broken escape or for bytes that are no UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A tag that changes when the file is written again (a page that was kept
/// keeps its file, so its tag), and when the mistakes shown over it do.
fn etag(state: &State, file: &Path) -> String {
    let generation = {
        let status = state.status.lock().unwrap_or_else(|e| e.into_inner());
        if status.errors.is_some() || status.warnings.is_some() {
            status.generation
        } else {
            0
        }
    };
    let (written, size) = fs::metadata(file).ok().map_or((0, 0), |m| {
        let written = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        (written, m.len())
    });
    format!("\"{written:x}-{size:x}-{generation:x}\"")
}

/// The page with the script that reloads it, and the mistakes of the last
/// build over it (or its warnings in a bar below).
fn decorate(state: &State, page: Vec<u8>) -> Vec<u8> {
    let page = String::from_utf8_lossy(&page).into_owned();
    let status = state.status.lock().unwrap_or_else(|e| e.into_inner());
    let mut extra = format!(
        "<link rel=stylesheet href={LIVE_CSS}><script src=\"{LIVE_JS}?since={}\" defer></script>",
        status.generation
    );
    if let Some(errors) = &status.errors {
        extra += &format!(
            "<div id=helder-fouten role=alert><pre>{}</pre></div>",
            report_html(errors)
        );
    } else if let Some(warnings) = &status.warnings {
        extra += &format!(
            "<div id=helder-waarschuwingen role=status><pre>{}</pre></div>",
            report_html(warnings)
        );
    }
    drop(status);
    // The page's policy forbids every script; the preview allows its own.
    let page = page.replacen(
        "default-src 'none';",
        "default-src 'none'; script-src 'self'; connect-src 'self';",
        1,
    );
    let at = page.rfind("</body>").unwrap_or(page.len());
    let mut out = page;
    out.insert_str(at, &extra);
    out.into_bytes()
}

/// Server-sent events: `reload` as soon as there is a build newer than the
/// one the page was served from (`?since=N`), a comment now and then so
/// that a closed page ends its connection.
fn events(state: &State, out: &mut TcpStream, query: &str) -> io::Result<()> {
    let since: u64 = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("since="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    out.write_all(head.as_bytes())?;
    out.flush()?;
    let mut status = state.status.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if status.generation > since {
            drop(status);
            out.write_all(b"event: reload\ndata: \n\n")?;
            return out.flush();
        }
        let (next, _) = state
            .built
            .wait_timeout(status, KEEP_ALIVE)
            .unwrap_or_else(|e| e.into_inner());
        status = next;
        if status.generation <= since {
            drop(status);
            out.write_all(b": wacht\n\n")?;
            out.flush()?;
            status = state.status.lock().unwrap_or_else(|e| e.into_inner());
        }
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The text report as the overlay shows it, escaped. The lines of a
/// source snippet (`5 |     name: Obs De Linde`, `  |     ^^^^`) are kept
/// together in a block of their own that never wraps and scrolls sideways
/// on a narrow screen, so that the carets stay under the words they mark;
/// the message and the hint wrap, so that they can be read on a phone.
fn report_html(report: &str) -> String {
    let snippet = |line: &str| {
        let rest = line
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit());
        rest == "|" || rest.starts_with("| ") || rest.starts_with(" |")
    };
    let mut out = String::with_capacity(report.len() + 64);
    let mut open = false;
    for line in report.split_inclusive('\n') {
        let is_snippet = snippet(line.trim_end_matches('\n'));
        if is_snippet && !open {
            out += "<span class=helder-bron>";
        } else if !is_snippet && open {
            out += "</span>";
        }
        open = is_snippet;
        out += &escape(line);
    }
    if open {
        out += "</span>";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_of_a_snippet_are_one_block_that_does_not_wrap() {
        let report = "fout[HL004]: a < b\n --> schools.yaml:5:9\n  |\n5 |   - id: De Vlinder\n  |         ^^^^^^^^^^\n  |\n  = tip: kies\n";
        assert_eq!(
            report_html(report),
            "fout[HL004]: a &lt; b\n --&gt; schools.yaml:5:9\n<span class=helder-bron>  |\n5 |   - id: De Vlinder\n  |         ^^^^^^^^^^\n  |\n</span>  = tip: kies\n"
        );
    }

    #[test]
    fn only_paths_inside_the_site_are_served() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/de-linde/").as_deref(), Some("de-linde/"));
        assert_eq!(site_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(site_path("/de%2dlinde/").as_deref(), Some("de-linde/"));
        for outside in [
            "/../schools.yaml",
            "/%2e%2e/schools.yaml",
            "/%2E%2E%2Fschools.yaml",
            "/de-linde/..%2f..%2fetc/passwd",
            "/..%5c..%5cschools.yaml",
            "/de-linde\\..\\..\\schools.yaml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/Windows",
            "/.helder-manifest",
            "/de-linde/./index.html",
            "/a%00b",
            "/%zz",
            "/%ff",
            "etc/passwd",
        ] {
            assert_eq!(site_path(outside), None, "{outside}");
        }
    }

    #[test]
    fn a_request_is_read_up_to_its_empty_line() {
        let head =
            b"GET /de-linde/?since=3 HTTP/1.1\r\nHost: x\r\nif-none-match: \"a-b\"\r\n\r\nrest";
        let end = end_of_head(head).unwrap();
        assert_eq!(&head[end..], b"rest");
        let request = parse(&head[..end]).unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.target, "/de-linde/?since=3");
        assert_eq!(request.if_none_match.as_deref(), Some("\"a-b\""));
        assert_eq!(end_of_head(b"GET / HTTP/1.0\n\n"), Some(16));
        assert_eq!(end_of_head(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
        for bad in [
            &b"GET / HTTP/1.1 extra"[..],
            b"GET /",
            b"GET / SPDY/3",
            b"GET / HTTP/1.1\r\nno colon",
            b"GET /\xff HTTP/1.1",
        ] {
            assert!(parse(bad).is_none(), "{}", String::from_utf8_lossy(bad));
        }
    }

    /// Running out of handles passes when connections close; a broken
    /// socket does not. The codes are the system's own (EMFILE, ENFILE,
    /// EBADF, EINVAL on Linux and macOS alike).
    #[test]
    #[cfg(unix)]
    fn running_out_of_handles_is_not_the_end_of_listening() {
        let error = io::Error::from_raw_os_error;
        for passing in [24, 23] {
            assert!(out_of_handles(&error(passing)));
            assert!(!lasting(&error(passing)));
        }
        for broken in [9, 22] {
            assert!(lasting(&error(broken)));
            assert!(!out_of_handles(&error(broken)));
        }
        // ECONNABORTED: one connection gone before it was taken.
        let aborted = io::Error::from(io::ErrorKind::ConnectionAborted);
        assert!(!lasting(&aborted) && !out_of_handles(&aborted));
    }
}
