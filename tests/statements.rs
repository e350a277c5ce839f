//! The privacy statements of the example site (Scholengroep OPRON, 17
//! schools), as a parent reads them, and the command line that builds them.
//!
//! What each page should say is read from the example's own YAML
//! (`schools.yaml`, `content/*.yaml`), never copied into the test, so the
//! tests keep working when the content changes and fail when a page stops
//! showing what its content says.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

// ---------------------------------------------------------------------------
// The example's model, as far as the tests need it.

#[derive(Deserialize)]
struct SchoolsFile {
    schools: Vec<School>,
}

#[derive(Deserialize)]
struct School {
    id: String,
    name: String,
    place: String,
    #[serde(default)]
    systems: Vec<String>,
    #[serde(default)]
    practices: Vec<String>,
}

/// One file of `content/`; sections the tests do not need are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Fragment {
    organisation: Option<Organisation>,
    rights: Option<Rights>,
    activities: Vec<Activity>,
    processors: Vec<Processor>,
    recipients: Vec<Recipient>,
}

#[derive(Deserialize, Clone)]
struct Organisation {
    name: String,
    visiting_address: Address,
    phone: String,
    email: String,
    dpo: Contact,
    supervisory_authority: Authority,
}

#[derive(Deserialize, Clone)]
struct Address {
    street: String,
    postcode: String,
    place: String,
}

#[derive(Deserialize, Clone)]
struct Contact {
    email: String,
}

#[derive(Deserialize, Clone)]
struct Authority {
    name: String,
    website: String,
}

#[derive(Deserialize, Clone)]
struct Rights {
    response_time: String,
    items: Vec<Right>,
}

#[derive(Deserialize, Clone)]
struct Right {
    kind: String,
    name: String,
}

#[derive(Deserialize)]
struct Activity {
    id: String,
    name: String,
    basis: String,
    law: Option<String>,
    legitimate_interest: Option<String>,
    special_ground: Option<String>,
    #[serde(default)]
    recipients: Vec<String>,
    source: Option<String>,
    required: Option<String>,
    withdraw: Option<String>,
    #[serde(default)]
    per_school: bool,
}

#[derive(Deserialize)]
struct Processor {
    id: String,
    name: String,
    #[serde(default)]
    per_school: bool,
}

#[derive(Deserialize)]
struct Recipient {
    id: String,
    name: String,
}

struct Model {
    schools: Vec<School>,
    organisation: Organisation,
    rights: Rights,
    activities: Vec<Activity>,
    processors: Vec<Processor>,
    recipients: Vec<Recipient>,
}

impl Model {
    /// Reads the site's schools.yaml and every YAML file of its content/.
    fn of(site: &Site) -> Model {
        let schools: SchoolsFile = serde_yaml::from_str(&site.read("schools.yaml")).unwrap();
        let mut files: Vec<PathBuf> = std::fs::read_dir(site.path("content"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        let (mut organisation, mut rights) = (None, None);
        let (mut activities, mut processors, mut recipients) = (vec![], vec![], vec![]);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let fragment: Fragment =
                serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            organisation = organisation.or(fragment.organisation);
            rights = rights.or(fragment.rights);
            activities.extend(fragment.activities);
            processors.extend(fragment.processors);
            recipients.extend(fragment.recipients);
        }
        Model {
            schools: schools.schools,
            organisation: organisation.expect("content/ has an `organisation:`"),
            rights: rights.expect("content/ has `rights:`"),
            activities,
            processors,
            recipients,
        }
    }

    /// The activities a school does: the shared ones and its own practices.
    fn activities_of(&self, school: &School) -> Vec<&Activity> {
        self.activities
            .iter()
            .filter(|a| !a.per_school || school.practices.contains(&a.id))
            .collect()
    }

    fn processor(&self, id: &str) -> &Processor {
        self.processors
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no processor `{id}` in content/"))
    }

    fn recipient(&self, id: &str) -> &Recipient {
        self.recipients
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no recipient `{id}` in content/"))
    }
}

/// The example, built, with its model: what almost every test starts from.
fn built_example() -> (Site, Model) {
    let site = Site::example();
    site.build();
    let model = Model::of(&site);
    assert_eq!(model.schools.len(), 17, "the example has 17 schools");
    (site, model)
}

fn statement(site: &Site, school: &School) -> String {
    site.page(&format!("{}/index.html", school.id))
}

/// Collects the problems of every school, then fails once with all of them,
/// so one run shows every school that is wrong.
fn assert_no_problems(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ---------------------------------------------------------------------------
// A small reader for the minified HTML helder writes: attribute values may be
// unquoted, double-quoted or single-quoted.

/// A start tag: its name, attributes, and where it sits in the page.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    /// Byte offset of the `<`.
    start: usize,
    /// Byte offset just after the `>`.
    end: usize,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }
}

/// Every start tag of a page, in order.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        i = start + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue; // a closing tag, a comment or a doctype
        }
        let name_end = html[i..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(html.len(), |n| i + n);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            match bytes.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                _ => {}
            }
            let key_end = html[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                .map_or(html.len(), |n| i + n);
            let key = html[i..key_end].to_ascii_lowercase();
            i = key_end;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = html[i + 1..]
                            .find(q as char)
                            .map_or(html.len(), |n| i + 1 + n);
                        value = html[i + 1..close].to_string();
                        i = (close + 1).min(html.len());
                    }
                    _ => {
                        let stop = html[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |n| i + n);
                        value = html[i..stop].to_string();
                        i = stop;
                    }
                }
            }
            attrs.push((key, value.replace("&amp;", "&")));
        }
        out.push(Tag {
            name,
            attrs,
            start,
            end: i,
        });
    }
    out
}

/// The whole element that `tag` opens, up to its matching closing tag.
fn element<'h>(html: &'h str, tag: &Tag) -> &'h str {
    let (open, close) = (format!("<{}", tag.name), format!("</{}>", tag.name));
    let mut depth = 1;
    let mut i = tag.end;
    while depth > 0 {
        let next_open = html[i..].find(&open).map(|n| i + n);
        let Some(next_close) = html[i..].find(&close).map(|n| i + n) else {
            return &html[tag.start..];
        };
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o + open.len();
            }
            _ => {
                depth -= 1;
                i = next_close + close.len();
            }
        }
    }
    &html[tag.start..i]
}

/// The ids of all elements of a page.
fn ids(html: &str) -> BTreeSet<String> {
    tags(html)
        .iter()
        .filter_map(|t| t.attr("id").map(str::to_string))
        .collect()
}

/// The part of a page under the `<h2>` with this id, up to the next `<h2>`.
fn section<'h>(html: &'h str, id: &str) -> Option<&'h str> {
    let all = tags(html);
    let heading = all
        .iter()
        .position(|t| t.name == "h2" && t.attr("id") == Some(id))?;
    let end = all[heading + 1..]
        .iter()
        .find(|t| t.name == "h2")
        .map_or(html.len(), |t| t.start);
    Some(&html[all[heading].start..end])
}

/// The activity sections of a statement (`<article class="activity">`), by id.
fn activities(html: &str) -> Vec<(String, &str)> {
    tags(html)
        .iter()
        .filter(|t| t.name == "article" && t.has_class("activity"))
        .map(|t| {
            let article = element(html, t);
            let id = tags(article)
                .iter()
                .find(|h| matches!(h.name.as_str(), "h2" | "h3" | "h4") && h.attr("id").is_some())
                .and_then(|h| h.attr("id").map(str::to_string))
                .or_else(|| t.attr("aria-labelledby").map(str::to_string))
                .unwrap_or_default();
            (id, article)
        })
        .collect()
}

/// The facts of an activity: each `<dt>` with the text of the `<dd>` after it.
fn facts(article: &str) -> Vec<(String, String)> {
    let all = tags(article);
    let mut out = Vec::new();
    for (n, t) in all.iter().enumerate() {
        if t.name == "dt" {
            let term = text(element(article, t));
            let value = all[n + 1..]
                .iter()
                .find(|d| d.name == "dd" || d.name == "dt")
                .filter(|d| d.name == "dd")
                .map(|d| text(element(article, d)))
                .unwrap_or_default();
            out.push((term, value));
        }
    }
    out
}

/// The value of the fact whose term starts with `term`, if the activity has it.
fn fact(article: &str, term: &str) -> Option<String> {
    facts(article)
        .into_iter()
        .find(|(t, _)| t.starts_with(term))
        .map(|(_, v)| v)
}

/// Whether a text holds a period such as `5 jaar`, `1 maand` or `90 dagen`.
fn has_period(text: &str) -> bool {
    const UNITS: [&str; 7] = ["dag", "dagen", "week", "weken", "maand", "maanden", "jaar"];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0].parse::<u32>().is_ok_and(|n| n > 0)
            && UNITS.contains(&w[1].trim_end_matches([',', '.', ';', ')']))
    })
}

/// Whitespace folded, as `text` does for pages: to compare YAML prose with a page.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a link on the page at `page` (relative to public/) points, relative
/// to public/; `None` for links that leave the site or stay on the page.
fn link_target(page: &Path, href: &str) -> Option<PathBuf> {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    if href.is_empty() || href.contains(':') || href.starts_with("//") {
        return None;
    }
    let mut path = PathBuf::new();
    let base = if href.starts_with('/') {
        Path::new("")
    } else {
        page.parent().unwrap_or(Path::new(""))
    };
    for part in base.join(href.trim_start_matches('/')).components() {
        match part {
            Component::ParentDir => assert!(path.pop(), "{href} on {page:?} leaves the site"),
            Component::Normal(p) => path.push(p),
            _ => {}
        }
    }
    if href.ends_with('/') {
        path.push("index.html");
    }
    Some(path)
}

/// Every HTML page of a built site, relative to its public/.
fn html_pages(public: &Path) -> Vec<PathBuf> {
    let pages: Vec<PathBuf> = snapshot(public)
        .into_iter()
        .map(|(path, _)| path)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(!pages.is_empty(), "no HTML pages in {}", public.display());
    pages
}

// ---------------------------------------------------------------------------
// One statement per school, with what that school does.

#[test]
fn every_school_has_a_statement_with_its_name_and_place() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let h1 = tags(&page)
            .iter()
            .find(|t| t.name == "h1")
            .map(|t| text(element(&page, t)))
            .unwrap_or_default();
        if !h1.contains(&school.name) {
            problems.push(format!(
                "{}: the heading `{h1}` lacks the school's name",
                school.id
            ));
        }
        let title = tags(&page)
            .iter()
            .find(|t| t.name == "title")
            .map(|t| text(element(&page, t)))
            .unwrap_or_default();
        if !title.contains(&school.name) {
            problems.push(format!(
                "{}: the title `{title}` lacks the school's name",
                school.id
            ));
        }
        if !text(&page).contains(&school.place) {
            problems.push(format!(
                "{}: the place `{}` is not on the page",
                school.id, school.place
            ));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn each_statement_names_the_systems_its_school_uses_and_no_other_per_school_system() {
    let (site, model) = built_example();
    let per_school: Vec<&Processor> = model.processors.iter().filter(|p| p.per_school).collect();
    assert!(!per_school.is_empty(), "the example has per-school systems");
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let processors = section(&page, "verwerkers").unwrap_or_default();
        // The processors section lists each processor under a heading.
        let headings: Vec<String> = tags(processors)
            .iter()
            .filter(|t| t.name == "h3")
            .map(|t| text(element(processors, t)))
            .collect();
        let listed = |name: &str| headings.iter().any(|h| h.starts_with(name));
        for id in &school.systems {
            let name = &model.processor(id).name;
            if !listed(name) {
                problems.push(format!(
                    "{}: uses {name}, but it is not among the suppliers {headings:?}",
                    school.id
                ));
            }
        }
        let summary = text(section(&page, "samenvatting").unwrap_or_default());
        for p in per_school
            .iter()
            .filter(|p| !school.systems.contains(&p.id))
        {
            if listed(&p.name) {
                problems.push(format!(
                    "{}: does not use {}, but it is among the suppliers",
                    school.id, p.name
                ));
            }
            if ids(&page).contains(&format!("verwerker-{}", p.id)) {
                problems.push(format!(
                    "{}: has a section for {}, which it does not use",
                    school.id, p.name
                ));
            }
            for (activity, article) in activities(&page) {
                let suppliers = fact(article, "Leveranciers").unwrap_or_default();
                if suppliers.split(", ").any(|s| s == p.name) {
                    problems.push(format!("{}: activity `{activity}` names {} as its supplier, which the school does not use", school.id, p.name));
                }
            }
            if summary.contains(&format!("{}:", p.name)) {
                problems.push(format!(
                    "{}: the summary names {}, which the school does not use",
                    school.id, p.name
                ));
            }
        }
    }
    assert_no_problems(problems);
}

#[test]
fn each_statement_names_the_board_with_its_contacts_and_the_data_protection_officer() {
    let (site, model) = built_example();
    let org = &model.organisation;
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let Some(controller) = section(&page, "verantwoordelijke") else {
            problems.push(format!(
                "{}: no section `verantwoordelijke` (who is responsible)",
                school.id
            ));
            continue;
        };
        let visible = text(controller);
        let address = &org.visiting_address;
        for (what, value) in [
            ("name", &org.name),
            ("street", &address.street),
            ("postcode", &address.postcode),
            ("place", &address.place),
            ("phone", &org.phone),
            ("e-mail", &org.email),
            ("e-mail of the FG", &org.dpo.email),
        ] {
            if !visible.contains(value.as_str()) {
                problems.push(format!(
                    "{}: the board's {what} `{value}` is not under `verantwoordelijke`",
                    school.id
                ));
            }
        }
        let mailto = |address: &str| {
            tags(controller)
                .iter()
                .any(|t| t.name == "a" && t.attr("href") == Some(&format!("mailto:{address}")))
        };
        for address in [&org.email, &org.dpo.email] {
            if !mailto(address) {
                problems.push(format!("{}: {address} is not a mailto: link", school.id));
            }
        }
    }
    assert_no_problems(problems);
}

#[test]
fn each_statement_tells_where_to_complain_the_autoriteit_persoonsgegevens() {
    let (site, model) = built_example();
    let authority = &model.organisation.supervisory_authority;
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let rights = section(&page, "rechten").unwrap_or_default();
        if !text(rights).contains("klacht") || !text(rights).contains(&authority.name) {
            problems.push(format!(
                "{}: the rights do not say one may complain to the {}",
                school.id, authority.name
            ));
        }
        let linked = tags(rights)
            .iter()
            .any(|t| t.name == "a" && t.attr("href") == Some(authority.website.as_str()));
        if !linked {
            problems.push(format!("{}: no link to {}", school.id, authority.website));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn every_activity_on_a_statement_has_a_retention_period() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let found = activities(&page);
        if found.is_empty() {
            problems.push(format!("{}: no activities on the page", school.id));
        }
        for (id, article) in found {
            match fact(article, "Bewaartermijn") {
                None => problems.push(format!(
                    "{}: activity `{id}` has no `Bewaartermijn`",
                    school.id
                )),
                Some(period) if !has_period(&period) => problems.push(format!(
                    "{}: activity `{id}` keeps data for `{period}`, which is not a period",
                    school.id
                )),
                Some(_) => {}
            }
        }
    }
    assert_no_problems(problems);
}

#[test]
fn each_statement_shows_exactly_the_activities_of_its_school() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let shown: BTreeSet<String> = activities(&page).into_iter().map(|(id, _)| id).collect();
        let expected: BTreeSet<String> = model
            .activities_of(school)
            .iter()
            .map(|a| a.id.clone())
            .collect();
        if shown != expected {
            problems.push(format!(
                "{}: missing {:?}, not expected {:?}",
                school.id,
                expected.difference(&shown).collect::<Vec<_>>(),
                shown.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn a_per_school_practice_is_marked_where_the_school_has_it_and_absent_elsewhere() {
    let (site, model) = built_example();
    let practices: Vec<&Activity> = model.activities.iter().filter(|a| a.per_school).collect();
    assert!(
        practices.iter().any(|a| a.id == "klassenlijst"),
        "the example has the class contact list as a per-school practice"
    );
    let mut problems = Vec::new();
    for practice in &practices {
        let with: Vec<&School> = model
            .schools
            .iter()
            .filter(|s| s.practices.contains(&practice.id))
            .collect();
        assert!(
            !with.is_empty() && with.len() < model.schools.len(),
            "some schools, not all, have `{}`",
            practice.id
        );
        for school in &model.schools {
            let page = statement(&site, school);
            let article = activities(&page)
                .into_iter()
                .find(|(id, _)| *id == practice.id);
            if school.practices.contains(&practice.id) {
                match article {
                    None => problems.push(format!(
                        "{}: has `{}`, but the page lacks it",
                        school.id, practice.id
                    )),
                    Some((_, article)) => {
                        let heading = tags(article)
                            .iter()
                            .find(|t| {
                                t.name.starts_with('h')
                                    && t.attr("id") == Some(practice.id.as_str())
                            })
                            .map(|t| text(element(article, t)))
                            .unwrap_or_default();
                        if !heading.contains(&practice.name)
                            || !heading.contains("Alleen op deze school")
                        {
                            problems.push(format!(
                                "{}: `{}` is not headed with its name and \"Alleen op deze school\": `{heading}`",
                                school.id, practice.id
                            ));
                        }
                    }
                }
            } else if article.is_some()
                || ids(&page).contains(&practice.id)
                || text(&page).contains(&practice.name)
            {
                problems.push(format!(
                    "{}: does not have `{}`, but the page mentions \"{}\"",
                    school.id, practice.id, practice.name
                ));
            }
        }
    }
    // What every school does is not marked as specific to one school.
    for school in &model.schools {
        let page = statement(&site, school);
        for (id, article) in activities(&page) {
            let shared = practices.iter().all(|p| p.id != id);
            if shared && text(article).contains("Alleen op deze school") {
                problems.push(format!(
                    "{}: the shared activity `{id}` is marked \"Alleen op deze school\"",
                    school.id
                ));
            }
        }
    }
    assert_no_problems(problems);
}

// ---------------------------------------------------------------------------
// What the law asks of every statement (PRIVACY-LAW.md, C1–C14).

#[test]
fn each_statement_has_every_element_the_law_requires_c1_to_c14() {
    let (site, model) = built_example();
    let org = &model.organisation;
    let required_rights = [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "objection",
        "portability",
    ];
    for kind in required_rights {
        assert!(
            model.rights.items.iter().any(|r| r.kind == kind),
            "the example's rights lack `{kind}`"
        );
    }
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let mut fail = |element: &str, what: String| {
            problems.push(format!("{}: {element}: {what}", school.id));
        };
        let sect = |id: &str| section(&page, id).map(text);
        let has_body = |id: &str| sect(id).is_some_and(|s| s.split_whitespace().count() > 5);
        let articles = activities(&page);
        let article = |id: &str| {
            articles
                .iter()
                .find(|(a, _)| a == id)
                .map(|(_, html)| *html)
        };
        let school_activities = model.activities_of(school);

        // C1: who is responsible, with contact details.
        match sect("verantwoordelijke") {
            Some(s)
                if s.contains(&org.name) && s.contains(&org.phone) && s.contains(&org.email) => {}
            _ => fail(
                "C1",
                "no section `verantwoordelijke` with the board's name, phone and e-mail".into(),
            ),
        }
        // C2: the data protection officer (FG).
        if !sect("verantwoordelijke").is_some_and(|s| s.contains(&org.dpo.email)) {
            fail(
                "C2",
                format!(
                    "the FG's address {} is not under `verantwoordelijke`",
                    org.dpo.email
                ),
            );
        }
        // C3: every purpose with its legal basis, the law it rests on, and
        // the art. 9 ground for special categories.
        if !has_body("doelen") {
            fail("C3", "no section `doelen` with the purposes".into());
        }
        if !has_body("bijzondere-gegevens") {
            fail(
                "C3",
                "no section `bijzondere-gegevens` on special categories".into(),
            );
        }
        for a in &school_activities {
            let Some(html) = article(&a.id) else { continue };
            match fact(html, "Grondslag") {
                Some(basis) if !basis.is_empty() => {
                    if let Some(law) = &a.law
                        && !basis.contains(&folded(law))
                    {
                        fail(
                            "C3",
                            format!("`{}` does not name the law it rests on: {law}", a.id),
                        );
                    }
                }
                _ => fail("C3", format!("`{}` has no `Grondslag`", a.id)),
            }
            if a.special_ground.is_some()
                && fact(html, "Uitzondering voor bijzondere gegevens").is_none_or(|g| g.is_empty())
            {
                fail(
                    "C3",
                    format!(
                        "`{}` uses special categories without its art. 9 ground",
                        a.id
                    ),
                );
            }
            // C4: the legitimate interest, where that is the basis.
            if a.basis == "legitimate_interest" {
                let interest = a
                    .legitimate_interest
                    .as_deref()
                    .map(folded)
                    .unwrap_or_default();
                if !fact(html, "Ons gerechtvaardigd belang").is_some_and(|f| f.contains(&interest))
                {
                    fail(
                        "C4",
                        format!("`{}` does not name its legitimate interest", a.id),
                    );
                }
            }
            // C5: the categories of data.
            if fact(html, "Welke gegevens").is_none_or(|f| f.is_empty()) {
                fail("C5", format!("`{}` does not say which data it uses", a.id));
            }
            // C8: how long, per purpose.
            if !fact(html, "Bewaartermijn").is_some_and(|f| has_period(&f)) {
                fail("C8", format!("`{}` has no retention period", a.id));
            }
            // C10: how to withdraw consent.
            if a.basis == "consent" {
                let withdraw = fact(html, "Toestemming intrekken");
                if withdraw.is_none_or(|w| w.is_empty()) || a.withdraw.is_none() {
                    fail(
                        "C10",
                        format!(
                            "`{}` rests on consent but does not say how to withdraw it",
                            a.id
                        ),
                    );
                }
            }
            // C12: whether providing the data is required.
            if a.required.is_some() && fact(html, "Bent u verplicht").is_none_or(|f| f.is_empty()) {
                fail(
                    "C12",
                    format!(
                        "`{}` does not say whether providing the data is required",
                        a.id
                    ),
                );
            }
            // C14: where the data comes from.
            if a.source.is_some()
                && fact(html, "Waar de gegevens vandaan komen").is_none_or(|f| f.is_empty())
            {
                fail(
                    "C14",
                    format!("`{}` does not say where its data comes from", a.id),
                );
            }
        }
        if !has_body("gegevens") {
            fail(
                "C5",
                "no section `gegevens` with the categories of data".into(),
            );
        }
        // C6: every recipient, by name.
        let recipients = sect("ontvangers").unwrap_or_default();
        for id in school_activities
            .iter()
            .flat_map(|a| &a.recipients)
            .collect::<BTreeSet<_>>()
        {
            let name = &model.recipient(id).name;
            if !recipients.contains(name.as_str()) {
                fail(
                    "C6",
                    format!("the recipient {name} is not under `ontvangers`"),
                );
            }
        }
        // C7: transfers outside the EEA, also when there are none.
        if !has_body("buiten-europa") {
            fail(
                "C7",
                "no section `buiten-europa` on transfers outside the EEA".into(),
            );
        }
        // C9: the rights, each by name, and the term to answer.
        let rights = sect("rechten").unwrap_or_default();
        if rights.is_empty() {
            fail("C9", "no section `rechten`".into());
        }
        for right in &model.rights.items {
            if !rights.contains(&right.name) {
                fail(
                    "C9",
                    format!(
                        "the right `{}` ({}) is not under `rechten`",
                        right.name, right.kind
                    ),
                );
            }
        }
        if !rights.contains(&model.rights.response_time) {
            fail(
                "C9",
                format!(
                    "the term to answer, {}, is not under `rechten`",
                    model.rights.response_time
                ),
            );
        }
        // C11: complaint to the supervisory authority.
        if !rights.contains(&org.supervisory_authority.name) || !ids(&page).contains("klacht") {
            fail(
                "C11",
                "no `klacht` part naming the Autoriteit Persoonsgegevens".into(),
            );
        }
        // C13: automated decisions, stated also when there are none.
        if !has_body("besluiten") {
            fail(
                "C13",
                "no section `besluiten` on automated decisions".into(),
            );
        }
    }
    assert_no_problems(problems);
}

// ---------------------------------------------------------------------------
// The summary ("In het kort") first, generated from the same model.

#[test]
fn the_summary_comes_first_and_links_every_activity_of_the_page() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let all = tags(&page);
        let Some(summary_tag) = all
            .iter()
            .find(|t| t.name == "h2" && t.attr("id") == Some("samenvatting"))
        else {
            problems.push(format!("{}: no summary (`samenvatting`)", school.id));
            continue;
        };
        let summary = section(&page, "samenvatting").unwrap_or_default();
        if !text(summary).starts_with("In het kort") {
            problems.push(format!(
                "{}: the summary is not headed \"In het kort\"",
                school.id
            ));
        }
        let articles = activities(&page);
        let first_full_text = all
            .iter()
            .filter(|t| t.attr("id") == Some("verantwoordelijke") || t.has_class("activity"))
            .map(|t| t.start)
            .min()
            .unwrap_or(0);
        if summary_tag.start > first_full_text {
            problems.push(format!(
                "{}: the summary comes after the full text",
                school.id
            ));
        }
        // Every activity of the page, in the same order, linked to its section.
        let page_ids = ids(&page);
        let article_ids: Vec<String> = articles.iter().map(|(id, _)| id.clone()).collect();
        let linked: Vec<String> = tags(summary)
            .iter()
            .filter_map(|t| Some(t.attr("href")?.strip_prefix('#')?.to_string()))
            .filter(|id| article_ids.contains(id))
            .collect();
        if linked != article_ids {
            problems.push(format!(
                "{}: the summary links {linked:?}, the page has {article_ids:?}",
                school.id
            ));
        }
        // No link on the page points at a part that is not there.
        for t in &all {
            if let Some(target) = t.attr("href").and_then(|h| h.strip_prefix('#'))
                && !page_ids.contains(target)
            {
                problems.push(format!("{}: the link #{target} has no target", school.id));
            }
        }
    }
    assert_no_problems(problems);
}

// ---------------------------------------------------------------------------
// Every page: Dutch, self-contained, minified.

#[test]
fn every_page_is_in_dutch() {
    let (site, _) = built_example();
    let public = site.path("public");
    for rel in html_pages(&public) {
        let page = site.page(rel.to_str().unwrap());
        let html = tags(&page).into_iter().find(|t| t.name == "html");
        assert_eq!(
            html.as_ref().and_then(|t| t.attr("lang")),
            Some("nl"),
            "{}: <html> lacks lang=\"nl\"",
            rel.display()
        );
    }
}

#[test]
fn every_page_loads_one_local_stylesheet_and_nothing_from_other_hosts() {
    let (site, _) = built_example();
    let public = site.path("public");
    let external = |url: &str| {
        let url = url.trim().to_ascii_lowercase();
        url.starts_with("http:") || url.starts_with("https:") || url.starts_with("//")
    };
    let mut problems = Vec::new();
    for rel in html_pages(&public) {
        let page = site.page(rel.to_str().unwrap());
        let all = tags(&page);
        if page.to_ascii_lowercase().contains("<script") {
            problems.push(format!("{}: has a <script>", rel.display()));
        }
        let stylesheets: Vec<&Tag> = all
            .iter()
            .filter(|t| {
                t.name == "link"
                    && t.attr("rel")
                        .is_some_and(|r| r.split_whitespace().any(|r| r == "stylesheet"))
            })
            .collect();
        if stylesheets.len() != 1 {
            problems.push(format!(
                "{}: {} stylesheet links instead of one",
                rel.display(),
                stylesheets.len()
            ));
        }
        for css in stylesheets {
            let href = css.attr("href").unwrap_or_default();
            match link_target(&rel, href) {
                Some(target) if public.join(&target).is_file() => {}
                _ => problems.push(format!(
                    "{}: the stylesheet `{href}` is not a file of the site",
                    rel.display()
                )),
            }
        }
        for t in &all {
            for attr in ["src", "srcset", "data", "poster"] {
                if let Some(url) = t.attr(attr).filter(|u| external(u)) {
                    problems.push(format!(
                        "{}: <{} {attr}={url}> loads from another host",
                        rel.display(),
                        t.name
                    ));
                }
            }
            if t.name == "link"
                && let Some(url) = t.attr("href").filter(|u| external(u))
            {
                problems.push(format!(
                    "{}: <link href={url}> loads from another host",
                    rel.display()
                ));
            }
            if let Some(style) = t.attr("style").filter(|s| s.contains("url(")) {
                problems.push(format!(
                    "{}: an inline style loads `{style}`",
                    rel.display()
                ));
            }
        }
    }
    let css = site.read("public/style.css").to_ascii_lowercase();
    for pattern in ["@import", "url(http", "url(\"http", "url('http", "url(//"] {
        if css.contains(pattern) {
            problems.push(format!("style.css: `{pattern}` loads from another host"));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn every_page_is_minified() {
    let (site, _) = built_example();
    let mut problems = Vec::new();
    for rel in html_pages(&site.path("public")) {
        let page = site.page(rel.to_str().unwrap());
        // <pre> keeps its whitespace; everything else is folded.
        let mut outside_pre = String::new();
        let mut rest = page.as_str();
        while let Some(open) = rest.find("<pre") {
            outside_pre.push_str(&rest[..open]);
            rest = rest[open..]
                .find("</pre>")
                .map_or("", |close| &rest[open + close..]);
        }
        outside_pre.push_str(rest);

        if page.lines().any(|l| l.starts_with([' ', '\t'])) {
            problems.push(format!("{}: a line starts with spaces", rel.display()));
        }
        if outside_pre.contains('\n') {
            problems.push(format!("{}: has line breaks between tags", rel.display()));
        }
        if outside_pre.contains("  ") {
            problems.push(format!("{}: has runs of spaces", rel.display()));
        }
        if page.contains("<!--") {
            problems.push(format!("{}: has HTML comments", rel.display()));
        }
    }
    assert_no_problems(problems);
}

// ---------------------------------------------------------------------------
// The index.

#[test]
fn the_index_links_to_the_statement_of_every_school() {
    let (site, model) = built_example();
    let public = site.path("public");
    let index = site.page("index.html");
    let links: Vec<(String, String)> = tags(&index)
        .iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| Some((text(element(&index, t)), t.attr("href")?.to_string())))
        .collect();
    let mut problems = Vec::new();
    let mut statements = BTreeSet::new();
    for school in &model.schools {
        let Some((_, href)) = links.iter().find(|(name, _)| *name == school.name) else {
            problems.push(format!("the index has no link named `{}`", school.name));
            continue;
        };
        let Some(target) = link_target(Path::new("index.html"), href) else {
            problems.push(format!(
                "{}: `{href}` does not point into the site",
                school.id
            ));
            continue;
        };
        if !public.join(&target).is_file() {
            problems.push(format!(
                "{}: `{href}` points at {}, which does not exist",
                school.id,
                target.display()
            ));
            continue;
        }
        let page = site.page(target.to_str().unwrap());
        let heading = tags(&page)
            .iter()
            .find(|t| t.name == "h1")
            .map(|t| text(element(&page, t)))
            .unwrap_or_default();
        if !heading.contains(&school.name) {
            problems.push(format!(
                "{}: `{href}` leads to a page headed `{heading}`",
                school.id
            ));
        }
        if !text(&index).contains(&school.place) {
            problems.push(format!(
                "{}: the index does not name its place {}",
                school.id, school.place
            ));
        }
        statements.insert(target);
    }
    if problems.is_empty() {
        assert_eq!(statements.len(), 17, "17 different statement pages");
    }
    assert_no_problems(problems);
}

// ---------------------------------------------------------------------------
// The command line.

#[test]
fn building_twice_gives_byte_identical_output() {
    let site = Site::example();
    site.build();
    let first = snapshot(&site.path("public"));
    site.build();
    let second = snapshot(&site.path("public"));
    assert!(
        first.len() > 17 * 2,
        "the site has a statement and a cookie page per school"
    );
    assert!(
        first == second,
        "a second build changed {:?}",
        changed(&first, &second)
    );

    // Another copy in another folder gives the same bytes too.
    let other = Site::example();
    other.build();
    let third = snapshot(&other.path("public"));
    assert!(
        first == third,
        "a build elsewhere changed {:?}",
        changed(&first, &third)
    );
}

/// The files that differ between two snapshots.
fn changed(a: &[(PathBuf, Vec<u8>)], b: &[(PathBuf, Vec<u8>)]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = a
        .iter()
        .filter(|f| !b.contains(f))
        .chain(b.iter().filter(|f| !a.contains(f)))
        .map(|(p, _)| p.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn root_and_output_dir_build_a_site_from_another_folder() {
    let site = Site::example();
    let root = site.root.to_str().unwrap();
    let elsewhere = Site::empty();

    // A relative --output-dir is relative to where the command runs.
    let run = elsewhere.helder(&["build", "--root", root, "--output-dir", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        elsewhere.path("out/de-mieden/index.html").is_file(),
        "the site was not written to out/ in the current folder"
    );
    assert!(
        !site.path("public").exists(),
        "--output-dir was ignored: public/ was written"
    );
    assert!(
        !site.path("out").exists(),
        "out/ was taken relative to --root"
    );
    assert!(
        !elsewhere.path("public").exists(),
        "public/ written in the current folder"
    );

    // --root also before the command, and an absolute --output-dir whose
    // parent does not exist yet.
    let target = elsewhere.path("nested/site");
    let run = elsewhere.helder(&[
        "--root",
        root,
        "build",
        "--output-dir",
        target.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // What they wrote is what a plain build in the site's folder writes.
    site.build();
    let plain = snapshot(&site.path("public"));
    let relative = snapshot(&elsewhere.path("out"));
    let absolute = snapshot(&target);
    assert!(
        plain == relative,
        "differs: {:?}",
        changed(&plain, &relative)
    );
    assert!(
        plain == absolute,
        "differs: {:?}",
        changed(&plain, &absolute)
    );
}

#[test]
fn help_exits_0_and_names_the_build_command() {
    let site = Site::empty();
    let run = site.helder(&["--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("build"), "{}", run.stdout);
    let run = site.helder(&["build", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("--output-dir"), "{}", run.stdout);
}

#[test]
fn misuse_of_the_command_line_exits_2_and_writes_nothing() {
    let site = Site::example();
    for (args, culprit) in [
        (&["build", "--nonsense"][..], "--nonsense"),
        (&["frobnicate"][..], "frobnicate"),
        (&[][..], "Usage"),
    ] {
        let run = site.helder(args);
        assert_eq!(run.code, 2, "helder {args:?}:\n{}", run.stderr);
        assert!(
            run.stderr.contains(culprit),
            "helder {args:?} does not name {culprit}:\n{}",
            run.stderr
        );
        assert!(
            !site.path("public").exists(),
            "helder {args:?} wrote public/"
        );
    }
}
