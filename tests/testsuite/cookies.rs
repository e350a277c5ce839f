//! The cookie notices: one per school website and one for the board's,
//! each listing exactly the cookies content/cookies.yaml declares for it.

use crate::common::html::{self, Element};
use crate::common::model::school_ids;
use crate::common::*;
use serde_yaml::Value;

/// What a notice says when its site sets a tracking cookie: consent comes first.
const ASKS_CONSENT: &str = "eerst uw toestemming";
/// What a notice says when its site sets no tracking cookie.
const NO_TRACKING: &str = "geen tracking cookies";
/// What every notice says about the privacy pages themselves.
const PAGES_SET_NONE: &str = "plaatsen zelf geen cookies";

/// The site key of the board's own website in `sites:`.
const BOARD: &str = "board";

struct Cookie {
    name: String,
    tracking: bool,
    /// Empty: on every website.
    sites: Vec<String>,
}

impl Cookie {
    fn is_on(&self, site: &str) -> bool {
        self.sites.is_empty() || self.sites.iter().any(|s| s == site)
    }
}

fn model_cookies(site: &Site) -> Vec<Cookie> {
    let model: Value = site.yaml("content/cookies.yaml");
    model["cookies"]
        .as_sequence()
        .expect("cookies: is a list")
        .iter()
        .map(|c| Cookie {
            name: c["name"].as_str().unwrap().to_string(),
            tracking: c["kind"].as_str() == Some("tracking"),
            sites: c["sites"]
                .as_sequence()
                .map(|sites| {
                    sites
                        .iter()
                        .map(|s| s.as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// The cookie notice of a website: `board` or a school id.
fn notice_path(site_key: &str) -> String {
    if site_key == BOARD {
        "cookies/index.html".into()
    } else {
        format!("{site_key}/cookies/index.html")
    }
}

/// A row of a cookie table: the cookie's name and its "Toestemming nodig" cell.
struct Row {
    name: String,
    consent: String,
}

/// The rows of the cookie table of a notice; none when it has no table.
fn rows(page: &Element) -> Vec<Row> {
    let tables = page.one("main").select("table");
    assert!(tables.len() <= 1, "more than one table");
    let Some(table) = tables.first() else {
        return Vec::new();
    };
    let head = table.head_cells();
    let consent = head
        .iter()
        .position(|h| h == "Toestemming nodig")
        .unwrap_or_else(|| panic!("no column \"Toestemming nodig\" in {head:?}"));
    table
        .body_rows()
        .into_iter()
        .map(|cells| Row {
            name: cells[0].clone(),
            consent: cells[consent].clone(),
        })
        .collect()
}

/// Every website: the board's and each school's.
fn all_sites(site: &Site) -> Vec<String> {
    let mut sites = vec![BOARD.to_string()];
    sites.extend(school_ids(site));
    sites
}

#[test]
fn every_school_has_a_notice_listing_exactly_its_cookies() {
    let site = Site::example_built();
    let schools = school_ids(&site);
    assert_eq!(schools.len(), 17, "the example board has 17 schools");
    let cookies = model_cookies(&site);

    for key in all_sites(&site) {
        let path = notice_path(&key);
        let page = site.document(&path);
        let mut shown: Vec<String> = rows(&page).into_iter().map(|r| r.name).collect();
        let mut expected: Vec<String> = cookies
            .iter()
            .filter(|c| c.is_on(&key))
            .map(|c| c.name.clone())
            .collect();
        shown.sort();
        expected.sort();
        assert_eq!(shown, expected, "{path}");
    }
}

#[test]
fn a_cookie_limited_to_some_sites_appears_only_there() {
    let site = Site::example();
    let cookies = model_cookies(&site);
    let limited = cookies
        .iter()
        .find(|c| !c.sites.is_empty() && c.sites.iter().all(|s| s != BOARD))
        .expect("the example has a cookie for some schools only");
    let schools = school_ids(&site);
    let elsewhere = schools
        .iter()
        .find(|s| !limited.is_on(s))
        .expect("a school without that cookie");

    // Move the cookie to another school: it follows.
    let sites_line = format!("sites: [{}]", limited.sites.join(", "));
    site.edit(
        "content/cookies.yaml",
        &sites_line,
        &format!("sites: [{elsewhere}]"),
    );
    site.build();
    let names = |key: &str| -> Vec<String> {
        let page = site.document(&notice_path(key));
        rows(&page).into_iter().map(|r| r.name).collect()
    };
    assert!(names(elsewhere).contains(&limited.name), "{elsewhere}");
    for before in &limited.sites {
        assert!(!names(before).contains(&limited.name), "{before}");
    }
}

#[test]
fn tracking_needs_consent_and_a_site_without_tracking_says_so() {
    let site = Site::example_built();
    let cookies = model_cookies(&site);
    let (mut with, mut without) = (0, 0);

    for key in all_sites(&site) {
        let path = notice_path(&key);
        let page = site.document(&path);
        let main = page.one("main").text();
        let tracking = cookies.iter().any(|c| c.is_on(&key) && c.tracking);
        if tracking {
            with += 1;
            assert!(
                main.contains(ASKS_CONSENT),
                "{path} does not ask for consent"
            );
            assert!(!main.contains(NO_TRACKING), "{path} denies its tracking");
        } else {
            without += 1;
            assert!(
                main.contains(NO_TRACKING),
                "{path} does not say it does not track"
            );
            assert!(
                !main.contains(ASKS_CONSENT),
                "{path} asks consent for nothing"
            );
        }
        for row in rows(&page) {
            let cookie = cookies.iter().find(|c| c.name == row.name).unwrap();
            let expected = if cookie.tracking { "Ja" } else { "Nee" };
            assert_eq!(row.consent, expected, "{path}: consent for {}", row.name);
        }
    }
    assert!(
        with > 0 && without > 0,
        "the example has sites of both kinds"
    );
}

#[test]
fn every_notice_says_the_privacy_pages_set_no_cookies() {
    let site = Site::example_built();
    for key in all_sites(&site) {
        let path = notice_path(&key);
        let main = site.document(&path).one("main").text();
        assert!(main.contains(PAGES_SET_NONE), "{path}");
    }
}

#[test]
fn each_statement_links_to_its_own_notice_and_back() {
    let site = Site::example_built();
    for school in school_ids(&site) {
        let statement = format!("{school}/index.html");
        let notice = notice_path(&school);
        let targets = |page: &str| -> Vec<String> {
            site.document(page)
                .one("main")
                .select("a")
                .iter()
                .filter_map(|a| html::resolve_link(page, a.attr("href")?))
                .collect()
        };
        assert!(
            targets(&statement).contains(&notice),
            "{statement} does not link to {notice}"
        );
        assert!(site.path(&format!("public/{notice}")).is_file(), "{notice}");
        assert!(
            targets(&notice).contains(&statement),
            "{notice} does not link back to {statement}"
        );
    }
}
