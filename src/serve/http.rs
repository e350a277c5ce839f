//! What the preview answers: the built site's files and nothing else, the
//! site's 404 page for anything unknown, and on every page a small script
//! (served from here, never written into the site, and allowed by the
//! page's Content-Security-Policy only here) that reloads it after a build,
//! and the mistakes of a failed build over it.
//!
//! A request's path is decoded once and then taken apart; any part that is
//! empty, `.` or `..`, hidden (`.helder-manifest`) or holds a backslash, a
//! colon or a NUL makes it unknown. So `/../`, `%2e%2e`, `%2f` and absolute
//! paths never leave the site's folder.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response};

use super::State;
use crate::render::escape;

/// Where the pages' script, its stylesheet and the reload events are.
const LIVE_JS: &str = "/__helder/live.js";
const LIVE_CSS: &str = "/__helder/live.css";
const EVENTS: &str = "/__helder/events";

/// How often a waiting page hears that the preview still runs.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub fn respond(state: &State, request: Request) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::empty(405).with_header(header("Allow", "GET, HEAD")));
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let _ = match path {
        EVENTS => return events(state, request, query),
        LIVE_JS => send(
            request,
            200,
            include_bytes!("live.js").to_vec(),
            "text/javascript; charset=utf-8",
            None,
        ),
        LIVE_CSS => send(
            request,
            200,
            include_bytes!("live.css").to_vec(),
            "text/css; charset=utf-8",
            None,
        ),
        _ => file(state, request, path),
    };
}

/// A file of the site, the folder's `index.html`, or the 404 page.
fn file(state: &State, request: Request, path: &str) -> io::Result<()> {
    let Some(rel) = site_path(path) else {
        return not_found(state, request);
    };
    let on_disk = state.site.join(&rel);
    let folder = rel.is_empty() || rel.ends_with('/');
    if !folder && on_disk.is_dir() {
        // A folder without its `/`: the page's relative links need it.
        let to = format!("{}/", path.trim_end_matches('/'));
        return request.respond(Response::empty(301).with_header(header("Location", &to)));
    }
    let on_disk = if folder {
        state.site.join(format!("{rel}index.html"))
    } else {
        on_disk
    };
    match fs::read(&on_disk) {
        Ok(bytes) => {
            let tag = etag(state, &on_disk);
            let fresh = request
                .headers()
                .iter()
                .any(|h| h.field.equiv("If-None-Match") && h.value.as_str() == tag);
            if fresh {
                return request.respond(Response::empty(304).with_header(header("ETag", &tag)));
            }
            let kind = content_type(&on_disk);
            let body = if kind.starts_with("text/html") {
                decorate(state, bytes)
            } else {
                bytes
            };
            send(request, 200, body, kind, Some(&tag))
        }
        Err(_) => not_found(state, request),
    }
}

fn not_found(state: &State, request: Request) -> io::Result<()> {
    let page = fs::read(state.site.join("404.html")).unwrap_or_default();
    let body = decorate(state, page);
    send(request, 404, body, "text/html; charset=utf-8", None)
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
            escape(errors)
        );
    } else if let Some(warnings) = &status.warnings {
        extra += &format!(
            "<div id=helder-waarschuwingen role=status><pre>{}</pre></div>",
            escape(warnings)
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
fn events(state: &State, request: Request, query: &str) {
    let since: u64 = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("since="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    let mut status = state.status.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if status.generation > since {
            drop(status);
            let _ = out
                .write_all(b"event: reload\ndata: \n\n")
                .and_then(|()| out.flush());
            return;
        }
        let (next, _) = state
            .built
            .wait_timeout(status, KEEP_ALIVE)
            .unwrap_or_else(|e| e.into_inner());
        status = next;
        if status.generation <= since {
            drop(status);
            if out
                .write_all(b": wacht\n\n")
                .and_then(|()| out.flush())
                .is_err()
            {
                return;
            }
            status = state.status.lock().unwrap_or_else(|e| e.into_inner());
        }
    }
}

fn send(
    request: Request,
    status: u16,
    body: Vec<u8>,
    kind: &str,
    tag: Option<&str>,
) -> io::Result<()> {
    let mut response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-cache"));
    if let Some(tag) = tag {
        response = response.with_header(header("ETag", tag));
    }
    request.respond(response)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a header of ASCII")
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
