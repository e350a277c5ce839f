//! What a reader's browser meets on every page, beyond the words: the
//! policy that forbids scripts and other hosts, the icon, the 404 page at
//! any depth, titles and plurals, and no more landmarks than a screen
//! reader's list can take.

use crate::common::*;

/// The policy of every page.
const POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

#[test]
fn every_page_forbids_scripts_and_has_an_icon_that_exists() {
    let site = Site::example_built();
    for rel in site.html_pages() {
        let page = site.document(&rel);
        let policy = page
            .select("meta")
            .into_iter()
            .find(|m| m.attr("http-equiv") == Some("Content-Security-Policy"))
            .and_then(|m| m.attr("content"))
            .map(str::to_string);
        assert_eq!(policy.as_deref(), Some(POLICY), "{rel}");
        let icon = page.one("link[rel=icon]").attr("href").unwrap().to_string();
        let file = html::resolve_link(&rel, &icon)
            .unwrap_or_else(|| icon.trim_start_matches('/').to_string());
        assert!(site.path("public").join(&file).is_file(), "{rel}: {icon}");
    }
}

#[test]
fn the_404_page_finds_its_stylesheet_and_links_at_any_depth() {
    let site = Site::example();
    site.build();
    let page = site.document("404.html");
    let css = page
        .one("link[rel=stylesheet]")
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(css, "/style.css");
    let home = page.one("main").select("a")[0]
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(home, "/index.html");
    // Published below a path, the links start there.
    let run = site.helder(&["build", "--base-url", "https://opron.github.io/privacy/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.document("404.html");
    let css = page
        .one("link[rel=stylesheet]")
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(css, "/privacy/style.css");
    // Other pages keep their relative links, which work from disk too.
    let statement = site.document("de-mieden/index.html");
    assert_eq!(
        statement.one("link[rel=stylesheet]").attr("href"),
        Some("../style.css")
    );
}

#[test]
fn titles_name_the_board_once_and_counts_agree_with_their_noun() {
    let site = Site::example_built();
    let board = "Scholengroep OPRON";
    for rel in site.html_pages() {
        let title = site.document(&rel).one("title").text();
        assert_eq!(title.matches(board).count(), 1, "{rel}: {title}");
    }
    let minimal = Site::fixture("minimal");
    minimal.build();
    let summary = minimal
        .document("de-linde/index.html")
        .one("section.summary")
        .text();
    assert!(summary.contains("Leerlingen: 1 soort"), "{summary}");
}

/// Landmarks: the elements a screen reader lists to jump between. Ten at
/// most, so that the list helps.
#[test]
fn no_page_has_more_than_ten_landmarks() {
    let site = Site::example_built();
    for rel in site.html_pages() {
        let page = site.document(&rel);
        let landmarks = page
            .descendants()
            .into_iter()
            .filter(|e| {
                let named = e.attr("aria-label").is_some() || e.attr("aria-labelledby").is_some();
                let role = e.attr("role").unwrap_or_default();
                matches!(
                    e.name.as_str(),
                    "header" | "nav" | "main" | "aside" | "footer"
                ) || (matches!(e.name.as_str(), "section" | "form") && named)
                    || matches!(
                        role,
                        "region"
                            | "banner"
                            | "navigation"
                            | "main"
                            | "complementary"
                            | "contentinfo"
                            | "search"
                    )
            })
            .count();
        assert!(landmarks <= 10, "{rel}: {landmarks} landmarks");
    }
}

#[test]
fn every_page_links_to_an_accessibility_statement_that_says_whom_to_tell() {
    let site = Site::example_built();
    let board = model::organisation(&site);
    for rel in site.html_pages() {
        if rel == "404.html" {
            continue; // its links start from the root; the 404 test follows them
        }
        let page = site.document(&rel);
        let link = page
            .one("footer")
            .select("a")
            .into_iter()
            .find(|a| a.text() == "Toegankelijkheid")
            .and_then(|a| a.attr("href"))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("{rel}: no link to the accessibility statement"));
        assert_eq!(
            html::resolve_link(&rel, &link).as_deref(),
            Some("toegankelijkheid/index.html"),
            "{rel}"
        );
    }
    let statement = site.document("toegankelijkheid/index.html");
    let text = statement.text();
    assert!(text.contains("WCAG) 2.1, op niveau AA"), "{text}");
    assert!(
        text.contains(&board.email) && text.contains(&board.phone),
        "{text}"
    );
    // It claims no more than the automated checks show.
    assert!(text.contains("nog niet met de hand onderzocht"), "{text}");
}

/// The statement folds its long parts (`<details>`) on screen, but paper
/// cannot be tapped: the print stylesheet shows what every fold holds.
#[test]
fn folds_print_opened() {
    let site = Site::example_built();
    let statement = site.page("de-mieden/index.html");
    assert!(
        statement.contains("<details"),
        "the statement folds nothing"
    );
    let css = site.read("public/style.css");
    let start = css.find("@media print").expect("a print stylesheet");
    // The block of the rule: up to the brace that closes its first one.
    let mut depth = 0;
    let mut end = start;
    for (i, c) in css[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => {
                end = start + i;
                break;
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    let print = &css[start..end];
    let rule = print
        .split('}')
        .find(|r| r.contains("details::details-content"))
        .unwrap_or_else(|| panic!("no print rule opens a fold: {print}"));
    assert!(rule.contains("content-visibility: visible"), "{rule}");
}
