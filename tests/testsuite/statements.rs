//! The privacy statements of the example site (Scholengroep OPRON, 17
//! schools), as a parent reads them, and the command line that builds them.
//!
//! What each page should say is read from the example's own YAML
//! (`schools.yaml`, `content/*.yaml`), never copied into the test, so the
//! tests keep working when the content changes and fail when a page stops
//! showing what its content says.

use crate::common::html::{self, Element, resolve_link};
use crate::common::model::{self, Organisation, School};
use crate::common::*;

use std::collections::BTreeSet;

use serde::Deserialize;

// ---------------------------------------------------------------------------
// The example's model, as far as the tests need it (the schools and the
// board come from `common::model`).

/// One file of `content/`; sections the tests do not need are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Fragment {
    rights: Option<Rights>,
    activities: Vec<Activity>,
    processors: Vec<Processor>,
    recipients: Vec<Recipient>,
    subjects: Vec<Subject>,
    categories: Vec<Category>,
}

/// A group of people, and whose statement tells about it.
#[derive(Deserialize)]
struct Subject {
    id: String,
    #[serde(default)]
    audience: Option<String>,
}

#[derive(Deserialize)]
struct Category {
    id: String,
    subject: String,
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
    categories: Vec<String>,
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
    /// The ids of the categories about the staff's groups of people.
    staff_categories: BTreeSet<String>,
}

impl Model {
    /// Reads the site's schools.yaml and every YAML file of its content/.
    fn of(site: &Site) -> Model {
        let mut rights = None;
        let (mut activities, mut processors, mut recipients) = (vec![], vec![], vec![]);
        let (mut subjects, mut categories) = (vec![], vec![]);
        for fragment in model::content::<Fragment>(site) {
            rights = rights.or(fragment.rights);
            activities.extend(fragment.activities);
            processors.extend(fragment.processors);
            recipients.extend(fragment.recipients);
            subjects.extend(fragment.subjects);
            categories.extend(fragment.categories);
        }
        let staff: BTreeSet<&str> = subjects
            .iter()
            .filter(|s| s.audience.as_deref() == Some("staff"))
            .map(|s| s.id.as_str())
            .collect();
        let staff_categories = categories
            .iter()
            .filter(|c| staff.contains(c.subject.as_str()))
            .map(|c| c.id.clone())
            .collect();
        Model {
            schools: model::schools(site),
            organisation: model::organisation(site),
            rights: rights.expect("content/ has `rights:`"),
            activities,
            processors,
            recipients,
            staff_categories,
        }
    }

    /// Whether an activity is about the staff only: every category it uses
    /// is of a group of people with `audience: staff`.
    fn of_staff(&self, activity: &Activity) -> bool {
        !activity.categories.is_empty()
            && activity
                .categories
                .iter()
                .all(|c| self.staff_categories.contains(c))
    }

    /// The activities a school's statement tells its parents of: the shared
    /// ones and its own practices, none of the staff's.
    fn activities_of(&self, school: &School) -> Vec<&Activity> {
        self.activities
            .iter()
            .filter(|a| !a.per_school || school.practices.contains(&a.id))
            .filter(|a| !self.of_staff(a))
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
    let site = Site::example_built();
    let model = Model::of(&site);
    assert_eq!(model.schools.len(), 17, "the example has 17 schools");
    (site, model)
}

/// The statement of a school, parsed.
fn statement(site: &Site, school: &School) -> Element {
    site.document(&format!("{}/index.html", school.id))
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

/// The section headed `id` of a school's statement. A missing section is a
/// problem of its own; the checks go on with an empty one, so that they also
/// report what it lacks.
fn section(page: &Element, id: &str, school: &School, problems: &mut Vec<String>) -> Element {
    page.section(id).unwrap_or_else(|| {
        problems.push(format!("{}: no section `{id}`", school.id));
        Element::default()
    })
}

/// The text of the first `selector` of a page; "" when it has none.
fn first_text(page: &Element, selector: &str) -> String {
    page.first(selector).map(Element::text).unwrap_or_default()
}

/// The theme gives an activity's heading the id `doel-<activity id>`, so
/// that no activity id can collide with the id of a section of the page.
const ACTIVITY_ANCHOR: &str = "doel-";

/// The activity sections of a statement (`<article class="activity">`), by
/// the activity id in the id of their heading (or the one they are labelled by).
fn activities(page: &Element) -> Vec<(String, &Element)> {
    page.select("article.activity")
        .into_iter()
        .map(|article| {
            let id = article
                .descendants()
                .into_iter()
                .find(|h| matches!(h.name.as_str(), "h2" | "h3" | "h4") && h.id().is_some())
                .and_then(Element::id)
                .or_else(|| article.attr("aria-labelledby"))
                .unwrap_or_default();
            let id = id.strip_prefix(ACTIVITY_ANCHOR).unwrap_or(id).to_string();
            (id, article)
        })
        .collect()
}

/// The value of the fact (`<dt>` and the `<dd>` after it) whose term starts
/// with `term`, if the activity has it.
fn fact(article: &Element, term: &str) -> Option<String> {
    article
        .terms()
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

// ---------------------------------------------------------------------------
// One statement per school, with what that school does.

#[test]
fn every_school_has_a_statement_with_its_name_and_place() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let h1 = first_text(&page, "h1");
        if !h1.contains(&school.name) {
            problems.push(format!(
                "{}: the heading `{h1}` lacks the school's name",
                school.id
            ));
        }
        let title = first_text(&page, "title");
        if !title.contains(&school.name) {
            problems.push(format!(
                "{}: the title `{title}` lacks the school's name",
                school.id
            ));
        }
        if !page.text().contains(&school.place) {
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
    assert_no_problems(systems_problems(&site, &model));
}

fn systems_problems(site: &Site, model: &Model) -> Vec<String> {
    let per_school: Vec<&Processor> = model.processors.iter().filter(|p| p.per_school).collect();
    assert!(!per_school.is_empty(), "the example has per-school systems");
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(site, school);
        let processors = section(&page, "verwerkers", school, &mut problems);
        // The processors section lists each processor under a heading.
        let headings: Vec<String> = processors
            .select("h3")
            .into_iter()
            .map(Element::text)
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
        let summary = section(&page, "samenvatting", school, &mut problems).text();
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
            if page.has_id(&format!("verwerker-{}", p.id)) {
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
    problems
}

#[test]
fn each_statement_names_the_board_with_its_contacts_and_the_data_protection_officer() {
    let (site, model) = built_example();
    let org = &model.organisation;
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let Some(controller) = page.section("verantwoordelijke") else {
            problems.push(format!(
                "{}: no section `verantwoordelijke` (who is responsible)",
                school.id
            ));
            continue;
        };
        let visible = controller.text();
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
            controller
                .select("a")
                .iter()
                .any(|a| a.attr("href") == Some(format!("mailto:{address}").as_str()))
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
    assert_no_problems(complaint_problems(&site, &model));
}

fn complaint_problems(site: &Site, model: &Model) -> Vec<String> {
    let authority = &model.organisation.supervisory_authority;
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(site, school);
        let rights = section(&page, "rechten", school, &mut problems);
        let said = rights.text();
        if !said.contains("klacht") || !said.contains(&authority.name) {
            problems.push(format!(
                "{}: the rights do not say one may complain to the {}",
                school.id, authority.name
            ));
        }
        let linked = rights
            .select("a")
            .iter()
            .any(|a| a.attr("href") == Some(authority.website.as_str()));
        if !linked {
            problems.push(format!("{}: no link to {}", school.id, authority.website));
        }
    }
    problems
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
                        let heading = article
                            .descendants()
                            .into_iter()
                            .find(|e| {
                                e.name.starts_with('h')
                                    && e.id()
                                        == Some(
                                            format!("{ACTIVITY_ANCHOR}{}", practice.id).as_str(),
                                        )
                            })
                            .map(Element::text)
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
                || page.has_id(&practice.id)
                || page.text().contains(&practice.name)
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
            if shared && article.text().contains("Alleen op deze school") {
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
    assert_no_problems(law_problems(&site, &model));
}

fn law_problems(site: &Site, model: &Model) -> Vec<String> {
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
        let page = statement(site, school);
        let mut fail = |element: &str, what: String| {
            problems.push(format!("{}: {element}: {what}", school.id));
        };
        let sect = |id: &str| page.section(id).map(|s| s.text());
        let has_body = |id: &str| sect(id).is_some_and(|s| s.split_whitespace().count() > 5);
        let articles = activities(&page);
        let article = |id: &str| {
            articles
                .iter()
                .find(|(a, _)| a == id)
                .map(|(_, article)| *article)
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
                        && !basis.contains(&fold(law))
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
                    .map(fold)
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
        let Some(recipients) = sect("ontvangers") else {
            fail("C6", "no section `ontvangers`".into());
            continue;
        };
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
        let Some(rights) = sect("rechten") else {
            fail("C9", "no section `rechten`".into());
            continue;
        };
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
        if !rights.contains(&org.supervisory_authority.name) || !page.has_id("klacht") {
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
    problems
}

// ---------------------------------------------------------------------------
// The summary ("In het kort") first, generated from the same model.

#[test]
fn the_summary_comes_first_and_links_every_activity_of_the_page() {
    let (site, model) = built_example();
    assert_no_problems(summary_problems(&site, &model));
}

fn summary_problems(site: &Site, model: &Model) -> Vec<String> {
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(site, school);
        // Every element of the page in document order: an index is a position.
        let all = page.descendants();
        let Some(summary_at) = all.iter().position(|e| e.matches("h2#samenvatting")) else {
            problems.push(format!("{}: no summary (`samenvatting`)", school.id));
            continue;
        };
        let summary = section(&page, "samenvatting", school, &mut problems);
        if !summary.text().starts_with("In het kort") {
            problems.push(format!(
                "{}: the summary is not headed \"In het kort\"",
                school.id
            ));
        }
        let articles = activities(&page);
        let first_full_text = all
            .iter()
            .position(|e| e.id() == Some("verantwoordelijke") || e.has_class("activity"))
            .unwrap_or(0);
        if summary_at > first_full_text {
            problems.push(format!(
                "{}: the summary comes after the full text",
                school.id
            ));
        }
        // Every activity linked to its section once under "why" (grouped
        // by legal basis) and once under "how long" (grouped by when the
        // period starts), so not in the page's order.
        let page_ids = page.ids();
        let mut article_ids: Vec<String> = articles.iter().map(|(id, _)| id.clone()).collect();
        article_ids.sort();
        for question in [WHY, HOW_LONG] {
            let Some(part) = summary_part(&summary, question) else {
                problems.push(format!("{}: no part {question:?}", school.id));
                continue;
            };
            let mut linked: Vec<String> = links(&part)
                .into_iter()
                .filter_map(|t| Some(t.strip_prefix(ACTIVITY_ANCHOR)?.to_string()))
                .collect();
            linked.sort();
            if linked != article_ids {
                problems.push(format!(
                    "{}: {question:?} links {linked:?}, the page has {article_ids:?}",
                    school.id
                ));
            }
        }
        // No link on the page points at a part that is not there.
        for e in &all {
            if let Some(target) = e.attr("href").and_then(|h| h.strip_prefix('#'))
                && !page_ids.contains(&target)
            {
                problems.push(format!("{}: the link #{target} has no target", school.id));
            }
        }
    }
    problems
}

/// The questions of the summary, as its terms (`<dt>`) ask them.
const WHO: &str = "Wie is verantwoordelijk?";
const WHAT: &str = "Welke gegevens hebben we?";
const WHY: &str = "Waarom?";
const HOW_LONG: &str = "Hoe lang bewaren we ze?";
const RECEIVES: &str = "Wie krijgt ze?";
const RIGHTS: &str = "Wat mag u?";

/// The answer (`<dd>`) to one question (`<dt>`) of the summary.
fn summary_part(summary: &Element, question: &str) -> Option<Element> {
    let dl = summary.first("dl")?;
    let mut asked = false;
    for e in dl.elements() {
        match e.name.as_str() {
            "dt" => asked = e.text() == question,
            "dd" if asked => return Some(e.clone()),
            _ => {}
        }
    }
    None
}

/// The ids a part of a page links to within the page (`#id`), in order.
fn links(part: &Element) -> Vec<String> {
    part.select("a")
        .iter()
        .filter_map(|a| Some(a.attr("href")?.strip_prefix('#')?.to_string()))
        .collect()
}

/// Each part of the summary answers one question and links into the part
/// of the full text that says it in full: every target is inside that
/// section, and every right, recipient and purpose of the page is linked.
#[test]
fn each_part_of_the_summary_links_into_its_section_of_the_full_text() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let summary = section(&page, "samenvatting", school, &mut problems);
        for (question, into) in [
            (WHO, "verantwoordelijke"),
            (WHAT, "gegevens"),
            (WHY, "doelen"),
            (HOW_LONG, "doelen"),
            (RECEIVES, "ontvangers"),
            (RIGHTS, "rechten"),
        ] {
            let Some(part) = summary_part(&summary, question) else {
                problems.push(format!(
                    "{}: the summary does not ask {question:?}",
                    school.id
                ));
                continue;
            };
            let targets = links(&part);
            let full = section(&page, into, school, &mut problems);
            let inside: Vec<&String> = targets.iter().filter(|t| full.has_id(t)).collect();
            if inside.is_empty() {
                problems.push(format!(
                    "{}: {question:?} links {targets:?}, none into `{into}`",
                    school.id
                ));
            }
        }
        // Every right by its anchor, the request and the complaint.
        let rights = summary_part(&summary, RIGHTS)
            .map(|p| links(&p))
            .unwrap_or_default();
        let anchors: Vec<String> = rights
            .iter()
            .filter(|t| t.starts_with("recht"))
            .cloned()
            .collect();
        let in_text = section(&page, "rechten", school, &mut Vec::new());
        let right_ids: Vec<String> = in_text
            .select("h3")
            .iter()
            .filter_map(|h| h.id())
            .filter(|id| !["verzoek", "klacht"].contains(id))
            .map(str::to_string)
            .collect();
        for id in right_ids
            .iter()
            .chain(["verzoek".to_string(), "klacht".to_string()].iter())
        {
            if !rights.contains(id) {
                problems.push(format!(
                    "{}: {RIGHTS:?} does not link #{id} ({anchors:?})",
                    school.id
                ));
            }
        }
        // Every recipient of the page by its own part.
        let receives = summary_part(&summary, RECEIVES)
            .map(|p| links(&p))
            .unwrap_or_default();
        for h in section(&page, "ontvangers", school, &mut Vec::new()).select("h3") {
            let id = h.id().unwrap_or_default().to_string();
            if !receives.contains(&id) {
                problems.push(format!("{}: {RECEIVES:?} does not link #{id}", school.id));
            }
        }
    }
    assert_no_problems(problems);
}

/// The summary is the first thing under the title, and its first line
/// links to the rights, the complaint route and the FG: one tap from the
/// top. What it links to is never folded away, so the tap lands on text.
#[test]
fn the_rights_the_complaint_and_the_fg_are_one_tap_from_the_top() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let main = page.one("main");
        let first: Vec<&Element> = main.elements().take(2).collect();
        if first.len() < 2 || first[0].name != "h1" || !first[1].has_class("summary") {
            problems.push(format!(
                "{}: the summary is not right under the title",
                school.id
            ));
            continue;
        }
        let summary = first[1];
        let jump = summary
            .elements()
            .find(|e| e.name == "p")
            .map(links)
            .unwrap_or_default();
        for (target, within) in [
            ("rechten", "rechten"),
            ("klacht", "rechten"),
            ("fg", "verantwoordelijke"),
        ] {
            if !jump.iter().any(|t| t == target) {
                problems.push(format!(
                    "{}: the summary's first line does not link #{target}: {jump:?}",
                    school.id
                ));
            }
            let part = section(&page, within, school, &mut problems);
            if !part.has_id(target) {
                problems.push(format!("{}: #{target} is not under `{within}`", school.id));
            }
            let folded = page.select("details").iter().any(|d| d.has_id(target));
            if folded {
                problems.push(format!(
                    "{}: #{target} is folded away in a <details>",
                    school.id
                ));
            }
        }
    }
    assert_no_problems(problems);
}

/// The text of an element as a reader meets it, one string per block:
/// every heading, paragraph, term, answer, list item and fold's line ends
/// one, as `helder check` counts the model's text.
fn blocks(element: &Element) -> Vec<String> {
    const BLOCKS: [&str; 12] = [
        "h2", "h3", "p", "dl", "dt", "dd", "ul", "ol", "li", "details", "summary", "section",
    ];
    fn walk(e: &Element, current: &mut String, out: &mut Vec<String>) {
        for child in &e.children {
            match child {
                html::Node::Text(t) => current.push_str(t),
                html::Node::Element(c) => {
                    let block = BLOCKS.contains(&c.name.as_str());
                    if block && !current.trim().is_empty() {
                        out.push(std::mem::take(current));
                    }
                    walk(c, current, out);
                    if block && !current.trim().is_empty() {
                        out.push(std::mem::take(current));
                    }
                    if block {
                        current.clear();
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut current = String::new();
    walk(element, &mut current, &mut out);
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// `element` as it shows before a tap: every fold (`<details>`) only its
/// line (`<summary>`).
fn unfolded(element: &Element) -> Element {
    let mut e = element.clone();
    if e.name == "details" {
        e.children
            .retain(|c| matches!(c, html::Node::Element(s) if s.name == "summary"));
    }
    for child in &mut e.children {
        if let html::Node::Element(c) = child {
            *c = unfolded(c);
        }
    }
    e
}

/// The summary as a parent first reads it, the theme's sentences and the
/// names in it included (not only the model's text that `helder check`
/// measures), is plain Dutch: B1, Flesch-Douma 60 or more and 15 words a
/// sentence or fewer. The folds are read closed: what they open is lists
/// of the model's names (purposes, data, recipients), which no formula for
/// running text can judge. Before issue 17's rewrite the summary scored
/// 46 by this count: a list such as "Inzage, Correctie, …" named rights
/// without saying what they mean.
#[test]
fn the_summary_as_a_parent_reads_it_is_plain_dutch() {
    use helder::check::readability::Counts;
    let site = Site::example_built();
    let summary = site
        .document("de-mieden/index.html")
        .one("section.summary")
        .clone();
    let mut counts = Counts::default();
    for block in blocks(&unfolded(&summary)) {
        counts.add(Counts::of_text(&block));
    }
    let figure = counts.flesch_douma().unwrap();
    let length = counts.words_per_sentence().unwrap();
    assert!(
        figure >= 60.0 && length <= 15.0,
        "Flesch-Douma {figure:.1}, {length:.1} words a sentence: {counts:?}\n{:#?}",
        blocks(&unfolded(&summary))
    );
    // Every right says what it means, not only its name.
    for line in summary.select("li").iter().filter(|li| {
        li.select("a").iter().any(|a| {
            a.attr("href")
                .is_some_and(|h| h.starts_with("#recht") || h == "#toestemming-intrekken")
        })
    }) {
        let text = line.text();
        let (_, meaning) = text.split_once(':').unwrap_or((&text, ""));
        assert!(
            meaning.split_whitespace().count() >= 2,
            "{text:?} names a right without saying what it means"
        );
    }
}

/// On a phone the full text is long mostly for the facts of each purpose
/// and supplier; those fold (`<details>`), while the heading and what the
/// purpose or supplier is for stay in view.
#[test]
fn the_facts_of_each_purpose_and_supplier_fold_and_their_names_do_not() {
    let (site, model) = built_example();
    let mut problems = Vec::new();
    for school in &model.schools {
        let page = statement(&site, school);
        let suppliers = section(&page, "verwerkers", school, &mut problems);
        let parts = activities(&page)
            .into_iter()
            .map(|(id, article)| (id, article.clone()))
            .chain(
                suppliers
                    .select("h3")
                    .into_iter()
                    .map(|h| (h.id().unwrap_or_default().to_string(), suppliers.clone())),
            );
        for (id, part) in parts {
            let folded = part
                .select("details")
                .iter()
                .any(|d| !d.select("dl.facts").is_empty());
            let open = part
                .select("details")
                .iter()
                .any(|d| !d.select("h3").is_empty() || !d.select("h2").is_empty());
            if !folded || open {
                problems.push(format!(
                    "{}: `{id}`: facts folded {folded}, a heading folded {open}",
                    school.id
                ));
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
    for rel in site.html_pages() {
        let page = site.document(&rel);
        assert_eq!(
            page.first("html").and_then(|html| html.attr("lang")),
            Some("nl"),
            "{rel}: <html> lacks lang=\"nl\""
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
    for rel in site.html_pages() {
        let page = site.page(&rel);
        if page.to_ascii_lowercase().contains("<script") {
            problems.push(format!("{rel}: has a <script>"));
        }
        let page = html::parse(&page);
        let all = page.descendants();
        let stylesheets: Vec<&Element> = page
            .select("link")
            .into_iter()
            .filter(|link| {
                link.attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|r| r == "stylesheet"))
            })
            .collect();
        if stylesheets.len() != 1 {
            problems.push(format!(
                "{rel}: {} stylesheet links instead of one",
                stylesheets.len()
            ));
        }
        for css in stylesheets {
            let href = css.attr("href").unwrap_or_default();
            match resolve_link(&rel, href) {
                Some(target) if public.join(&target).is_file() => {}
                _ => problems.push(format!(
                    "{rel}: the stylesheet `{href}` is not a file of the site"
                )),
            }
        }
        for e in &all {
            for attr in ["src", "srcset", "data", "poster"] {
                if let Some(url) = e.attr(attr).filter(|u| external(u)) {
                    problems.push(format!(
                        "{rel}: <{} {attr}={url}> loads from another host",
                        e.name
                    ));
                }
            }
            if e.name == "link"
                && let Some(url) = e.attr("href").filter(|u| external(u))
            {
                problems.push(format!("{rel}: <link href={url}> loads from another host"));
            }
            if let Some(style) = e.attr("style").filter(|s| s.contains("url(")) {
                problems.push(format!("{rel}: an inline style loads `{style}`"));
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
    for rel in site.html_pages() {
        let page = site.page(&rel);
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
            problems.push(format!("{rel}: a line starts with spaces"));
        }
        if outside_pre.contains('\n') {
            problems.push(format!("{rel}: has line breaks between tags"));
        }
        // The templates are minified once, not each page: what that
        // leaves (a space where a Tera tag stood between two, the quotes
        // around a value of Tera) is within 3 % of minifying the page whole
        // (1.2 % for a statement, 2.2 % for the short 404 page).
        let whole = minify_html::minify(
            page.as_bytes(),
            &minify_html::Cfg {
                keep_closing_tags: true,
                keep_html_and_head_opening_tags: true,
                ..minify_html::Cfg::default()
            },
        );
        if page.len() * 100 > whole.len() * 103 {
            problems.push(format!(
                "{rel}: {} bytes, {} when minified whole",
                page.len(),
                whole.len()
            ));
        }
        if page.contains("<!--") {
            problems.push(format!("{rel}: has HTML comments"));
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
    let index = site.document("index.html");
    let links: Vec<(String, String)> = index
        .select("a")
        .into_iter()
        .filter_map(|a| Some((a.text(), a.attr("href")?.to_string())))
        .collect();
    let mut problems = Vec::new();
    let mut statements = BTreeSet::new();
    for school in &model.schools {
        let Some((_, href)) = links.iter().find(|(name, _)| *name == school.name) else {
            problems.push(format!("the index has no link named `{}`", school.name));
            continue;
        };
        let Some(target) = resolve_link("index.html", href) else {
            problems.push(format!(
                "{}: `{href}` does not point into the site",
                school.id
            ));
            continue;
        };
        if !public.join(&target).is_file() {
            problems.push(format!(
                "{}: `{href}` points at {target}, which does not exist",
                school.id
            ));
            continue;
        }
        let heading = first_text(&site.document(&target), "h1");
        if !heading.contains(&school.name) {
            problems.push(format!(
                "{}: `{href}` leads to a page headed `{heading}`",
                school.id
            ));
        }
        if !index.text().contains(&school.place) {
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
    let site = Site::example_built();
    let first = snapshot(&site.path("public"));
    site.build();
    let second = snapshot(&site.path("public"));
    assert!(
        first.len() > 17 * 2,
        "the site has a statement and a cookie page per school"
    );
    assert_same_files(&first, &second, "a second build changed");

    // Another copy in another folder gives the same bytes too.
    let other = Site::example_built();
    let third = snapshot(&other.path("public"));
    assert_same_files(&first, &third, "a build elsewhere changed");
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
    assert_same_files(&plain, &relative, "a relative --output-dir differs");
    assert_same_files(&plain, &absolute, "an absolute --output-dir differs");
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

// ---------------------------------------------------------------------------
// The checks above fail when what they check is missing: the example built
// with a theme whose statement lacks one section.

/// The example, built with templates in which the section headed `id` has
/// another id, as if a theme had left it out.
fn built_without_section(id: &str) -> (Site, Model) {
    let site = Site::example();
    let templates = example_root().join("themes/default/templates");
    let mut changed = 0;
    for rel in files(&templates) {
        let text = std::fs::read_to_string(templates.join(&rel)).unwrap();
        let gone = text
            .replace(&format!("id=\"{id}\""), &format!("id=\"{id}-weg\""))
            .replace(
                &format!("aria-labelledby=\"{id}\""),
                &format!("aria-labelledby=\"{id}-weg\""),
            )
            .replace(
                &format!("data-part=\"{id}\""),
                &format!("data-part=\"{id}-weg\""),
            );
        if gone != text {
            changed += 1;
            site.write(
                &format!("themes/default/templates/{}", rel.display()),
                &gone,
            );
        }
    }
    assert_eq!(changed, 1, "the section `{id}` is in one template");
    site.build();
    let model = Model::of(&site);
    (site, model)
}

/// Whether every school's statement is reported as lacking `id`.
fn all_lack(problems: &[String], model: &Model, id: &str) -> bool {
    let missing = format!("no section `{id}`");
    model.schools.iter().all(|s| {
        problems
            .iter()
            .any(|p| p.starts_with(&s.id) && p.contains(&missing))
    })
}

#[test]
fn the_checks_of_suppliers_fail_without_the_suppliers_or_the_summary() {
    for id in ["verwerkers", "samenvatting"] {
        let (site, model) = built_without_section(id);
        let problems = systems_problems(&site, &model);
        assert!(all_lack(&problems, &model, id), "{id}: {problems:?}");
    }
}

#[test]
fn the_check_of_the_complaint_fails_without_the_rights() {
    let (site, model) = built_without_section("rechten");
    let problems = complaint_problems(&site, &model);
    assert!(all_lack(&problems, &model, "rechten"), "{problems:?}");
}

#[test]
fn the_checks_of_the_law_fail_without_the_recipients_or_the_rights() {
    for id in ["ontvangers", "rechten"] {
        let (site, model) = built_without_section(id);
        let problems = law_problems(&site, &model);
        assert!(all_lack(&problems, &model, id), "{id}: {problems:?}");
    }
}

#[test]
fn the_check_of_the_summary_fails_without_the_summary() {
    let (site, model) = built_without_section("samenvatting");
    let problems = summary_problems(&site, &model);
    let missing = problems.iter().filter(|p| p.contains("no summary")).count();
    assert_eq!(missing, model.schools.len(), "{problems:?}");
}

/// The summary says how long data is kept one line per moment a period
/// starts from (fewer lines than purposes), each with the shortest and the
/// longest period from it; the purposes it folds away are the ones whose
/// full text says that moment and a period in that range.
#[test]
fn the_summary_groups_purposes_by_when_their_period_starts() {
    let site = Site::example_built();
    let page = site.document("de-mieden/index.html");
    let summary = page.one("section.summary");
    let part = summary_part(summary, HOW_LONG).expect("a part on how long");
    let groups = part.select("details");
    let articles = activities(&page);
    assert!(groups.len() < articles.len(), "one line per purpose");
    let years = |text: &str| -> f64 {
        let mut words = text.split_whitespace();
        let n: f64 = words.next().and_then(|w| w.parse().ok()).unwrap_or(-1.0);
        match words.next().unwrap_or_default() {
            "dag" | "dagen" => n / 365.0,
            "week" | "weken" => n * 7.0 / 365.0,
            "maand" | "maanden" => n / 12.0,
            "jaar" => n,
            other => panic!("no unit of time: {other:?} in {text:?}"),
        }
    };
    let mut moments = Vec::new();
    let mut linked = 0;
    for group in groups {
        let line = group.one("summary").text();
        // "3 maanden tot 5 jaar nadat …" or "2 jaar nadat …".
        let words: Vec<&str> = line.split_whitespace().collect();
        let (shortest, longest, after) = if words.get(2) == Some(&"tot") {
            (
                words[..2].join(" "),
                words[3..5].join(" "),
                words[5..].join(" "),
            )
        } else {
            (
                words[..2].join(" "),
                words[..2].join(" "),
                words[2..].join(" "),
            )
        };
        moments.push(after.clone());
        for link in group.select("a") {
            linked += 1;
            let id = link.attr("href").unwrap().trim_start_matches("#doel-");
            let (_, article) = articles.iter().find(|(a, _)| a == id).unwrap();
            let full = fact(article, "Bewaartermijn").unwrap_or_default();
            let (period, rest) = full.split_at(full.find(|c: char| c.is_alphabetic()).unwrap());
            let unit = rest.split_whitespace().next().unwrap();
            let period = format!("{}{unit}", period);
            assert!(
                full.contains(&after),
                "{id}: {full:?} does not start from {after:?}"
            );
            let y = years(&period);
            assert!(
                years(&shortest) <= y && y <= years(&longest),
                "{id}: {period} is not within {line:?}"
            );
        }
    }
    assert_eq!(linked, articles.len(), "every purpose under one moment");
    let mut distinct = moments.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), moments.len(), "a moment twice: {moments:?}");
}

#[test]
fn the_staff_and_job_applicants_have_a_statement_of_their_own() {
    let (site, model) = built_example();
    let staff: BTreeSet<String> = model
        .activities
        .iter()
        .filter(|a| model.of_staff(a))
        .map(|a| a.id.clone())
        .collect();
    assert!(
        staff.len() >= 2,
        "the example has activities about staff only"
    );

    let page = site.document("medewerkers/index.html");
    let shown: BTreeSet<String> = activities(&page).into_iter().map(|(id, _)| id).collect();
    assert_eq!(shown, staff);
    assert!(page.one("h1").text().contains("medewerkers"));
    // A parent's statement has none of them, and says where they are.
    let school = &model.schools[0];
    let statement = statement(&site, school);
    let on_statement: BTreeSet<String> = activities(&statement)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(
        on_statement.is_disjoint(&staff),
        "{:?}",
        on_statement.intersection(&staff).collect::<Vec<_>>()
    );
    let links = |page: &Element| -> Vec<String> {
        page.select("a")
            .iter()
            .filter_map(|a| a.attr("href").map(str::to_string))
            .collect()
    };
    assert!(links(&statement).contains(&"../medewerkers/index.html".to_string()));
    assert!(links(&site.document("index.html")).contains(&"medewerkers/index.html".to_string()));
}
