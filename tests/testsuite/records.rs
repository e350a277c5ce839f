//! The board's records (issue 18): every published version kept, what
//! changed in legal facts, the feeds and `helder diff`, on a real git
//! repository made here: three commits and two adoption tags.
//!
//! 1. 12 January 2026: the example; tagged `reglement-1.0`.
//! 2. 2 March 2026: four planted changes to the statements (a recipient
//!    added, a retention period lengthened, a processor moved outside the
//!    EEA, a purpose reworded) and a new title of an article; tagged
//!    `reglement-2.0`.
//! 3. 4 May 2026: only the cookies, which no statement shows.

use crate::common::html::Element;
use crate::common::*;
use crate::history::{assert_builds_without_dates, git_in, shallow_clone};

const FIRST: &str = "2026-01-12T10:00:00+01:00";
const SECOND: &str = "2026-03-02T10:00:00+01:00";
const THIRD: &str = "2026-05-04T10:00:00+02:00";
const BASE: &str = "https://privacy.opron.nl";

/// The article title of the first version, renamed in the second.
const OLD_TITLE: &str = "Over dit reglement";
const NEW_TITLE: &str = "Waar dit reglement over gaat";

/// Commits every change, as a board's site does: with the `.gitignore`
/// that `helder init` writes, so that the built site is not committed.
fn commit(site: &Site, date: &str, message: &str) {
    site.write(".gitignore", "/public\n/.public.helder-*\n");
    git_in(&site.root, &["add", "-A"], date);
    git_in(&site.root, &["commit", "-q", "-m", message], date);
}

fn tag(site: &Site, name: &str, date: &str) {
    let message = format!(
        "{name}\n\nVastgesteld-door: College van Bestuur\nFunctie: Bestuurder\nInstemming: oudergeleding van de GMR"
    );
    git_in(&site.root, &["tag", "-a", name, "-m", &message], date);
}

/// Makes the site a repository with one commit, on [`FIRST`].
fn first_commit(site: &Site) {
    let root = &site.root;
    git_in(
        root,
        &["-c", "init.defaultBranch=main", "init", "-q"],
        FIRST,
    );
    git_in(root, &["config", "user.name", "Communicatie"], FIRST);
    git_in(
        root,
        &["config", "user.email", "communicatie@bestuur.example"],
        FIRST,
    );
    commit(site, FIRST, "Eerste versie");
}

fn records_site() -> Site {
    let site = Site::example();
    first_commit(&site);
    tag(&site, "reglement-1.0", FIRST);

    // A recipient added to one activity.
    site.edit(
        "content/activities.yaml",
        "    recipients: [inspectie]\n    processors: [parnassys, esis, leerwinst]\n    retention: leerlingdossier\n    source: >-\n      Van u, van de leerkrachten",
        "    recipients: [inspectie, samenwerkingsverband]\n    processors: [parnassys, esis, leerwinst]\n    retention: leerlingdossier\n    source: >-\n      Van u, van de leerkrachten",
    );
    // A retention period lengthened (used by one activity).
    site.edit(
        "content/retention.yaml",
        "  - id: verwijzing-speciaal-onderwijs\n    period: 3 jaar",
        "  - id: verwijzing-speciaal-onderwijs\n    period: 5 jaar",
    );
    // A processor moved outside the EEA, with its safeguard.
    site.edit(
        "content/processors.yaml",
        "    location: Nederland\n    agreement: Verwerkersovereenkomst volgens AVG art. 28\n    note: >-",
        "    location: Verenigde Staten\n    transfer: EU-VS Data Privacy Framework (adequaatheidsbesluit)\n    agreement: Verwerkersovereenkomst volgens AVG art. 28\n    note: >-",
    );
    // A purpose in other words.
    site.edit(
        "content/activities.yaml",
        "Wie geen ouder is, meldt zich aan",
        "Wie geen ouder is, kan zich aanmelden",
    );
    site.edit(
        "content/regulation.yaml",
        &format!("title: {OLD_TITLE}"),
        &format!("title: {NEW_TITLE}"),
    );
    commit(
        &site,
        SECOND,
        "Samenwerkingsverband, bewaartermijn, Mijnschool",
    );
    tag(&site, "reglement-2.0", SECOND);

    site.edit(
        "content/cookies.yaml",
        "lifetime: 1 jaar",
        "lifetime: 2 jaar",
    );
    commit(&site, THIRD, "Cookie langer");
    site
}

fn build(site: &Site) {
    let run = site.helder(&["build", "--base-url", BASE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn texts(page: &Element, selector: &str) -> Vec<String> {
    page.select(selector).iter().map(|e| e.text()).collect()
}

#[test]
fn earlier_versions_are_built_from_git_and_say_they_are_not_current() {
    let site = records_site();
    build(&site);

    // The statement changed on 12 January and on 2 March; the cookies of
    // 4 May are no version of it. The newest is the current page.
    let versions = site.path("public/de-mieden/versies");
    let mut dates: Vec<String> = std::fs::read_dir(&versions)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dates.sort();
    assert_eq!(dates, ["2026-01-12"]);

    let old = site.document("de-mieden/versies/2026-01-12/index.html");
    let banner = old.one(".archived").text();
    assert!(banner.contains("eerdere versie"), "{banner}");
    assert!(
        banner.contains("12 januari 2026") && banner.contains("2 maart 2026"),
        "{banner}"
    );
    let current = old
        .one(".archived")
        .select("a")
        .iter()
        .map(|a| a.attr("href").unwrap_or_default().to_string())
        .collect::<Vec<_>>();
    assert_eq!(current, ["../../index.html"]);
    assert_eq!(old.select("meta[name=robots]").len(), 1);
    // The model of that day, not of today: Mijnschool still in the Netherlands.
    let old_text = old.text();
    assert!(
        !old_text.contains("Verenigde Staten"),
        "the old version shows today's model"
    );
    let now = site.document("de-mieden/index.html").text();
    assert!(now.contains("Verenigde Staten"));

    // The current page lists the earlier version and what changed.
    let page = site.document("de-mieden/index.html");
    let links: Vec<String> = page
        .select("a")
        .iter()
        .filter_map(|a| a.attr("href").map(str::to_string))
        .filter(|href| href.starts_with("versies/"))
        .collect();
    assert_eq!(links, ["versies/2026-01-12/index.html"]);
    let changes: Vec<String> = page
        .select("ul.changes")
        .iter()
        .flat_map(|list| texts(list, "li"))
        .collect();
    assert_eq!(changes.len(), 4, "{changes:#?}");
    let material: Vec<&String> = changes
        .iter()
        .filter(|c| c.starts_with("Belangrijke wijziging"))
        .collect();
    assert_eq!(material.len(), 3, "{changes:#?}");
    assert!(changes.iter().any(|c| c.contains("Samenwerkingsverband")));
    assert!(
        changes
            .iter()
            .any(|c| c.contains("5 jaar in plaats van 3 jaar"))
    );
    assert!(
        changes
            .iter()
            .any(|c| c.contains("Mijnschool") && c.contains("Verenigde Staten"))
    );

    // Earlier versions are no pages a search should offer.
    let sitemap = site.read("public/sitemap.xml");
    assert!(!sitemap.contains("versies"), "{sitemap}");
}

#[test]
fn every_adopted_regulation_is_kept_as_it_was_adopted() {
    let site = records_site();
    build(&site);

    let first = site.document("reglement/1.0/index.html");
    let headings = texts(&first, "h2");
    assert!(
        headings.iter().any(|h| h.contains(OLD_TITLE)),
        "{headings:#?}"
    );
    assert!(!headings.iter().any(|h| h.contains(NEW_TITLE)));
    let banner = first.one(".archived").text();
    assert!(
        banner.contains("(1.0)") && banner.contains("2 maart 2026"),
        "{banner}"
    );
    // Its adoption record ends with its own adoption.
    let record = first.text();
    assert!(
        !record.contains("2.0"),
        "the record of 1.0 shows a later adoption"
    );

    let second = site.document("reglement/2.0/index.html");
    assert!(texts(&second, "h2").iter().any(|h| h.contains(NEW_TITLE)));

    // The current regulation links each adoption to its text.
    let current = site.document("reglement/index.html");
    let links: Vec<String> = current
        .select("a")
        .iter()
        .filter_map(|a| a.attr("href").map(str::to_string))
        .filter(|href| href.ends_with("/index.html") && href.starts_with(char::is_numeric))
        .collect();
    assert_eq!(links, ["1.0/index.html", "2.0/index.html"]);
}

#[test]
fn archived_pages_are_the_same_bytes_however_often_they_are_built() {
    let site = records_site();
    build(&site);
    let first = snapshot(&site.path("public/de-mieden/versies"));
    let regulation = site.read("public/reglement/1.0/index.html");
    let run = site.helder(&["build", "--base-url", BASE, "--output-dir", "elders"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_same_files(
        &first,
        &snapshot(&site.path("elders/de-mieden/versies")),
        "versies",
    );
    assert_eq!(regulation, site.read("elders/reglement/1.0/index.html"));
}

#[test]
fn the_feed_is_atom_with_the_material_changes_only() {
    let site = records_site();
    build(&site);

    let xml = site.read("public/de-mieden/wijzigingen.xml");
    let feed: atom_syndication::Feed = xml.parse().expect("valid Atom");
    assert_eq!(feed.id(), format!("{BASE}/de-mieden/wijzigingen.xml"));
    assert!(feed.title().as_str().contains("Obs De Mieden"));
    assert_eq!(feed.entries().len(), 1, "{xml}");
    let entry = &feed.entries()[0];
    assert_eq!(entry.updated().to_rfc3339(), "2026-03-02T00:00:00+00:00");
    assert_eq!(entry.links()[0].href(), format!("{BASE}/de-mieden/"));
    let content = entry.content().and_then(|c| c.value()).unwrap_or_default();
    assert_eq!(content.matches("<li>").count(), 3, "{content}");
    assert!(content.contains("Samenwerkingsverband"));
    assert!(
        !content.contains("andere woorden"),
        "an editorial change in the feed: {content}"
    );

    // Every entry and the feed have what RFC 4287 requires, read by another parser.
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(atom));
    for name in ["id", "title", "updated", "author"] {
        assert!(
            root.children().any(|c| c.has_tag_name((atom, name))),
            "feed without {name}"
        );
    }

    let board: atom_syndication::Feed = site.read("public/wijzigingen.xml").parse().unwrap();
    assert_eq!(board.entries().len(), 1);

    // The statement offers it to feed readers.
    let page = site.document("de-mieden/index.html");
    let alternate = page.select("link[rel=alternate]");
    assert_eq!(alternate[0].attr("href"), Some("wijzigingen.xml"));
}

/// `helder diff` as JSON: (kind, class) of every change.
fn listed(site: &Site, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["diff"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = site.helder(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    document["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["class"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn helder_diff_lists_exactly_the_planted_changes_with_their_class() {
    let site = records_site();
    let mut changes = listed(
        &site,
        &["reglement-1.0", "reglement-2.0", "--school", "de-mieden"],
    );
    changes.sort();
    let expected = [
        ("processor_outside_eea", "material"),
        ("purpose_reworded", "editorial"),
        ("recipient_added", "material"),
        ("retention_longer", "material"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, c)| (k.to_string(), c.to_string()))
        .collect();
    assert_eq!(changes, expected);

    // The cookies of the third commit are no legal fact of a statement.
    assert_eq!(listed(&site, &["reglement-2.0", "HEAD"]), Vec::new());

    // Without a second version: the files as they are now, edits included.
    site.edit(
        "content/retention.yaml",
        "verwijzing-speciaal-onderwijs\n    period: 5 jaar",
        "verwijzing-speciaal-onderwijs\n    period: 4 jaar",
    );
    let now = listed(&site, &["HEAD", "--school", "de-mieden"]);
    assert_eq!(
        now,
        [("retention_shorter".to_string(), "editorial".to_string())]
    );

    // As text, for people: one line per change, in the theme's words.
    let run = site.helder(&["diff", "reglement-1.0", "reglement-2.0"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Belangrijke wijziging: Onderwijs en begeleiding: de gegevens gaan nu ook naar Samenwerkingsverband passend onderwijs."), "{}", run.stdout);
}

#[test]
fn helder_diff_says_what_is_wrong_with_a_version() {
    let site = records_site();
    let run = site.helder(&["diff", "reglement-9.9"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("git knows no version `reglement-9.9`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("git log --oneline"), "{}", run.stderr);

    let run = site.helder(&["diff", "HEAD", "--school", "de-mieeden"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean `de-mieden`?"),
        "{}",
        run.stderr
    );

    // Outside git: the same words as the build's warning, as an error.
    let plain = Site::example();
    let run = plain.helder(&["diff", "HEAD"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is not in a git repository"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("git init"), "{}", run.stderr);
}

#[test]
fn a_shallow_clone_builds_no_archive_and_says_how_to_fix_it() {
    let origin = records_site();
    let clone = shallow_clone(&origin);
    assert_builds_without_dates(&clone, "git fetch --unshallow");
    assert!(!clone.path("public/de-mieden/versies").exists());
    assert!(!clone.path("public/reglement/1.0").exists());
    assert!(!clone.path("public/de-mieden/wijzigingen.xml").exists());
}

#[test]
fn a_version_with_errors_was_never_published_and_is_not_kept() {
    let site = Site::example();
    first_commit(&site);
    // A reference to a retention period that does not exist: the build
    // refused this version, so no parent ever saw it.
    let retention = "    retention: verwijzing-speciaal-onderwijs";
    site.edit(
        "content/activities.yaml",
        retention,
        "    retention: verwijzing-speciaal",
    );
    commit(&site, SECOND, "Bewaartermijn (met een tikfout)");
    site.edit(
        "content/activities.yaml",
        "    retention: verwijzing-speciaal",
        retention,
    );
    site.edit(
        "content/retention.yaml",
        "  - id: verwijzing-speciaal-onderwijs\n    period: 3 jaar",
        "  - id: verwijzing-speciaal-onderwijs\n    period: 5 jaar",
    );
    commit(&site, THIRD, "Bewaartermijn verlengd");
    build(&site);

    let versions = std::fs::read_dir(site.path("public/de-mieden/versies")).unwrap();
    let dates: Vec<String> = versions
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(dates, ["2026-01-12"]);
    let page = site.document("de-mieden/index.html");
    let days: Vec<String> = page.select("h4").iter().map(|h| h.text()).collect();
    assert_eq!(days, ["4 mei 2026"]);
}

/// What article 1.1, member 1 (`{vaststelling}` in the example) says.
fn adoption_member(site: &Site, page: &str) -> String {
    let page = site.document(page);
    let member = page
        .select("li")
        .into_iter()
        .find(|li| li.attr("id") == Some("artikel-1-1-lid-1"))
        .expect("article 1.1, member 1")
        .text();
    // The reader puts a space between elements: not before a comma or stop.
    let member = member.split_whitespace().collect::<Vec<_>>().join(" ");
    member.replace(" ,", ",").replace(" .", ".")
}

#[test]
fn the_regulation_says_its_adoption_as_git_records_it() {
    let site = records_site();
    build(&site);
    assert_eq!(
        adoption_member(&site, "reglement/index.html"),
        "1. College van Bestuur (Bestuurder) heeft versie 2.0 van dit reglement vastgesteld op 2 maart 2026, met instemming van de oudergeleding van de GMR."
    );
    // The text as adopted first says the first adoption, and no more.
    assert_eq!(
        adoption_member(&site, "reglement/1.0/index.html"),
        "1. College van Bestuur (Bestuurder) heeft versie 1.0 van dit reglement vastgesteld op 12 januari 2026, met instemming van de oudergeleding van de GMR."
    );

    // A change after the adoption is not adopted.
    site.edit(
        "content/regulation.yaml",
        "title: Reikwijdte",
        "title: Voor wie dit geldt",
    );
    commit(&site, "2026-06-01T10:00:00+02:00", "Titel van artikel 1.2");
    build(&site);
    let member = adoption_member(&site, "reglement/index.html");
    assert!(
        member.ends_with(
            "Daarna is de tekst nog gewijzigd. Die wijzigingen zijn nog niet vastgesteld."
        ),
        "{member}"
    );
}

#[test]
fn without_an_adoption_the_regulation_says_it_is_a_concept() {
    let site = Site::example();
    first_commit(&site);
    build(&site);
    assert_eq!(
        adoption_member(&site, "reglement/index.html"),
        "1. Deze tekst is nog niet vastgesteld. Het is een concept."
    );

    // Outside git nothing is known, and nothing is claimed.
    let plain = Site::example();
    let run = plain.helder(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        adoption_member(&plain, "reglement/index.html"),
        "1. Of en wanneer deze tekst is vastgesteld, staat niet in deze publicatie. Dat hoort u van het bestuur."
    );
}
