//! Version history from git: the "last changed" date of every page, the
//! version table and adoption record of the regulation, authors by name (or
//! initials) and never by e-mail address, and builds without (full) history.
//!
//! Each test makes a git repository of a copy of the example site, at the
//! site's root, with fixed dates. The harness keeps git from looking above
//! the temporary folder, and a repository at the site's root is below it.

use std::path::Path;
use std::process::Command;

use crate::common::html::Element;
use crate::common::*;

/// The name the commits carry: a user name, not how the board wants to be read.
const GIT_NAME: &str = "jdevries";
const GIT_EMAIL: &str = "jdevries@bestuur-helder.example";
/// The domain of every address used here; none may reach a page.
const EMAIL_DOMAIN: &str = "bestuur-helder.example";
/// The author's name after `.mailmap`.
const NAME: &str = "Jan de Vries";
const INITIALS: &str = "JdV";

/// The commits of [`history_site`], oldest first.
const FIRST: &str = "2021-02-01T10:00:00+01:00";
const APPROVED: &str = "2021-03-15T14:30:00+01:00";
const ADOPTED: &str = "2021-03-22T09:00:00+01:00";
const SHARED_TEXT: &str = "2021-04-06T11:00:00+02:00";
const DE_MIEDEN: &str = "2021-05-10T09:15:00+02:00";
const WESTERSCHOOL: &str = "2021-06-21T16:00:00+02:00";
/// Just after midnight in the author's zone: still 4 July in UTC.
const REGULATION_CONCEPT: &str = "2021-07-05T00:30:00+02:00";

/// Runs `git ARGS` in `dir` with the author and committer dates fixed to
/// `date`, shielded from the developer's own git settings; returns stdout
/// and panics if git fails.
pub(crate) fn git_in(dir: &Path, args: &[&str], date: &str) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("run git");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "git {args:?} failed:\n{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A copy of the example as a git repository with one commit, on `date`.
pub(crate) fn committed_example(date: &str) -> Site {
    let site = Site::example();
    git_in(
        &site.root,
        &["-c", "init.defaultBranch=main", "init", "-q"],
        date,
    );
    git_in(&site.root, &["config", "user.name", GIT_NAME], date);
    git_in(&site.root, &["config", "user.email", GIT_EMAIL], date);
    git_in(&site.root, &["add", "-A"], date);
    git_in(&site.root, &["commit", "-q", "-m", "Eerste opzet"], date);
    site
}

/// `git ARGS` in the site's folder; see [`git_in`].
fn git(site: &Site, args: &[&str], date: &str) -> String {
    git_in(&site.root, args, date)
}

/// Commits every change in the site's folder on `date`.
fn commit(site: &Site, date: &str, message: &str) {
    git(site, &["add", "-A"], date);
    git(site, &["commit", "-q", "-m", message], date);
}

/// The example site as a git repository with this history:
///
/// 1. everything, `Status: Ontwerp`;
/// 2. the regulation, `Status: Goedgekeurd`; tagged `reglement-1.0` a week later;
/// 3. the shared text of the statements;
/// 4. only the entry of de-mieden in schools.yaml;
/// 5. only the entry of westerschool;
/// 6. the regulation again, without a trailer.
///
/// Every commit is by [`GIT_NAME`]; `.mailmap` turns that into [`NAME`].
fn history_site() -> Site {
    let site = Site::example();
    git(
        &site,
        &["-c", "init.defaultBranch=main", "init", "-q"],
        FIRST,
    );
    git(&site, &["config", "user.name", GIT_NAME], FIRST);
    git(&site, &["config", "user.email", GIT_EMAIL], FIRST);
    site.write(".mailmap", &format!("{NAME} <{GIT_EMAIL}>\n"));
    commit(&site, FIRST, "Eerste opzet\n\nStatus: Ontwerp");

    site.edit(
        "content/regulation.yaml",
        "title: Reikwijdte\n",
        "title: Reikwijdte van dit reglement\n",
    );
    commit(
        &site,
        APPROVED,
        "Reikwijdte verduidelijkt\n\nNa overleg met de GMR.\n\nStatus: Goedgekeurd",
    );
    let adoption = "Reglement 1.0\n\nVastgesteld-door: College van Bestuur\nFunctie: Bestuurder\n\
                    Instemming: oudergeleding van de GMR";
    git(
        &site,
        &["tag", "-a", "reglement-1.0", "-m", adoption],
        ADOPTED,
    );

    site.edit(
        "content/statement.yaml",
        "Op deze pagina leest u welke",
        "Op deze pagina leest u precies welke",
    );
    commit(&site, SHARED_TEXT, "Inleiding van de privacyverklaring");

    site.edit(
        "schools.yaml",
        "website: https://demieden.opron.nl",
        "website: https://www.demieden.nl",
    );
    commit(&site, DE_MIEDEN, "Nieuwe website De Mieden");

    site.edit(
        "schools.yaml",
        "email: info.westerschool@opron.nl",
        "email: westerschool@opron.nl",
    );
    commit(&site, WESTERSCHOOL, "E-mailadres Westerschool");

    site.edit(
        "content/regulation.yaml",
        "title: Doel van dit reglement\n",
        "title: Doel\n",
    );
    commit(&site, REGULATION_CONCEPT, "Kortere titel van artikel 1.3");
    site
}

/// The rows of the table captioned `caption` on a page, as cell texts.
fn table(page: &Element, caption: &str) -> Option<Vec<Vec<String>>> {
    let tables: Vec<&Element> = page
        .select("table")
        .into_iter()
        .filter(|t| t.select("caption").iter().any(|c| c.text() == caption))
        .collect();
    assert!(tables.len() <= 1, "more than one table {caption:?}");
    tables.first().map(|t| t.body_rows())
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// The "last changed" date in the footer of a page: (datetime, text).
fn last_changed(site: &Site, page: &str) -> Option<(String, String)> {
    let footer = site.document(page);
    let footer = footer.one("footer");
    let times = footer.select("time");
    assert!(times.len() <= 1, "{page}: more than one date in the footer");
    let time = times.first()?;
    assert!(
        footer.text().contains("Laatst gewijzigd op"),
        "{page}: a date without saying what it is"
    );
    Some((time.attr("datetime")?.to_string(), time.text()))
}

fn date(iso: &str, dutch: &str) -> Option<(String, String)> {
    Some((iso.to_string(), dutch.to_string()))
}

/// Every file of the built site, as text, with its path under public/.
fn published(site: &Site) -> Vec<(String, String)> {
    snapshot(&site.path("public"))
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_version_table_and_adoption_record_come_from_git() {
    let site = history_site();
    let run = site.build();
    assert_eq!(
        run.warning_lines(),
        Vec::<&str>::new(),
        "a full history needs no warning"
    );
    let page = site.document("reglement/index.html");

    let versions = table(&page, "Versiegeschiedenis").expect("no version table");
    assert_eq!(
        versions,
        [
            row(&["001", "Ontwerp", "1 februari 2021", NAME, "Eerste opzet"]),
            row(&[
                "002",
                "Goedgekeurd",
                "15 maart 2021",
                NAME,
                "Reikwijdte verduidelijkt"
            ]),
            row(&[
                "003",
                "Concept",
                "5 juli 2021",
                NAME,
                "Kortere titel van artikel 1.3"
            ]),
        ],
        "commits that did not touch the regulation have no row"
    );

    let adoptions = table(&page, "Vastgesteld").expect("no adoption record");
    assert_eq!(
        adoptions,
        [row(&[
            "1.0",
            "22 maart 2021",
            "College van Bestuur",
            "Bestuurder",
            "oudergeleding van de GMR",
        ])]
    );
}

#[test]
fn each_page_shows_when_its_own_inputs_last_changed() {
    let site = history_site();
    site.build();
    let cases = [
        // Its own entry in schools.yaml changed after the shared text.
        ("de-mieden/index.html", date("2021-05-10", "10 mei 2021")),
        (
            "westerschool/index.html",
            date("2021-06-21", "21 juni 2021"),
        ),
        // Neither edit of another school's entry counts; the shared text does.
        (
            "hagenhofschool/index.html",
            date("2021-04-06", "6 april 2021"),
        ),
        // A cookie notice is made from cookies.yaml and the school's entry.
        (
            "hagenhofschool/cookies/index.html",
            date("2021-02-01", "1 februari 2021"),
        ),
        (
            "de-mieden/cookies/index.html",
            date("2021-05-10", "10 mei 2021"),
        ),
        // The regulation: the day in the author's zone, not in UTC.
        ("reglement/index.html", date("2021-07-05", "5 juli 2021")),
    ];
    for (page, expected) in cases {
        assert_eq!(last_changed(&site, page), expected, "{page}");
    }
}

#[test]
fn no_page_shows_an_e_mail_address_of_an_author() {
    let site = history_site();
    site.build();
    let files = published(&site);
    assert!(
        files.iter().any(|(_, text)| text.contains(NAME)),
        "the mailmap name appears nowhere: is there a version table?"
    );
    for (path, text) in &files {
        for secret in [GIT_EMAIL, EMAIL_DOMAIN, GIT_NAME] {
            assert!(!text.contains(secret), "public/{path} contains {secret:?}");
        }
    }
}

#[test]
fn authors_can_appear_by_initials() {
    let site = history_site();
    site.edit(
        "content/organisation.yaml",
        "authors: name",
        "authors: initials",
    );
    site.build();
    let page = site.document("reglement/index.html");
    let versions = table(&page, "Versiegeschiedenis").expect("no version table");
    let authors: Vec<&str> = versions.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(authors, [INITIALS; 3]);
    for (path, text) in published(&site) {
        assert!(
            !text.contains(NAME),
            "public/{path} still shows the full name"
        );
    }
}

#[test]
fn two_builds_of_the_same_commit_are_byte_identical() {
    let site = history_site();
    site.build();
    let first = snapshot(&site.path("public"));
    site.build();
    assert_same_files(&first, &snapshot(&site.path("public")), "a rebuild differs");

    // A fresh clone: other folder, other file times, same commit.
    let clone = Site::empty();
    let url = format!("file://{}", site.root.display());
    let into = clone.root.to_str().unwrap();
    git(&site, &["clone", "-q", &url, into], FIRST);
    clone.build();
    let cloned = snapshot(&clone.path("public"));
    assert_eq!(first.len(), cloned.len(), "the clone wrote other files");
    assert_same_files(&first, &cloned, "the clone's build differs in");
}

/// Every HTML page of the built site that shows a change date.
fn pages_with_dates(site: &Site) -> Vec<String> {
    site.html_pages()
        .into_iter()
        .filter(|page| {
            let text = site.page(page);
            text.contains("Laatst gewijzigd") || text.contains("<time")
        })
        .collect()
}

/// Builds a site without (the full) history: the build succeeds with one
/// warning, which contains `warning`, and no page shows a date.
pub(crate) fn assert_builds_without_dates(site: &Site, warning: &str) {
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings = run.warning_lines();
    assert_eq!(warnings.len(), 1, "expected one warning:\n{}", run.stderr);
    assert!(warnings[0].contains(warning), "{}", run.stderr);
    assert_eq!(pages_with_dates(site), Vec::<String>::new());
}

/// A clone of `origin` with only its newest commit, as CI checks out by default.
pub(crate) fn shallow_clone(origin: &Site) -> Site {
    let clone = Site::empty();
    let url = format!("file://{}", origin.root.display());
    let into = clone.root.to_str().unwrap();
    git(origin, &["clone", "-q", "--depth", "1", &url, into], FIRST);
    assert_eq!(
        git(&clone, &["rev-parse", "--is-shallow-repository"], FIRST).trim(),
        "true"
    );
    clone
}

#[test]
fn a_shallow_clone_builds_without_dates_and_says_how_to_fix_it() {
    let origin = history_site();
    let clone = shallow_clone(&origin);

    assert_builds_without_dates(&clone, "git fetch --unshallow");
    let page = clone.document("reglement/index.html");
    assert_eq!(table(&page, "Versiegeschiedenis"), None);
    assert_eq!(table(&page, "Vastgesteld"), None);
}

#[test]
fn a_folder_outside_git_builds_without_dates_and_says_so() {
    let site = Site::example();
    // As the harness runs helder: git may not look above the temporary folder.
    let probe = Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .current_dir(&site.root)
        .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir())
        .env_remove("GIT_DIR")
        .output()
        .unwrap();
    assert!(
        !probe.status.success(),
        "the test folder is inside a repository"
    );

    assert_builds_without_dates(&site, "not in a git repository");
}

#[test]
fn without_the_history_the_regulation_does_not_claim_it_was_never_adopted() {
    // The origin's regulation was adopted (tag reglement-1.0); a shallow clone
    // cannot know that, so its page may say the record is unavailable, but
    // not that this version has not been adopted.
    let origin = history_site();
    let clone = shallow_clone(&origin);
    clone.build();
    let shown = text(&clone.page("reglement/index.html"));
    assert!(
        !shown.contains("niet vastgesteld"),
        "the regulation of a shallow clone says it has not been adopted"
    );
}

/// A `Datum:` in an adoption tag that is no date (`30-02-2021`) is an
/// error of `check` and `build` that names the tag; nothing is published.
#[test]
fn a_date_that_does_not_exist_in_a_tag_fails_check_and_build() {
    let site = history_site();
    let adoption = "Reglement 2.0\n\nDatum: 30-02-2021\nVastgesteld-door: College van Bestuur";
    git(
        &site,
        &["tag", "-a", "reglement-2.0", "-m", adoption],
        ADOPTED,
    );
    for command in ["check", "build"] {
        let run = site.helder(&[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        let reported = run.reported();
        let wrong = reported.iter().find(|r| r.code.as_deref() == Some("HL301"));
        let wrong = wrong.unwrap_or_else(|| panic!("{command}: no HL301\n{}", run.stderr));
        assert_eq!(
            wrong.message,
            "the tag `reglement-2.0` has `Datum: 30-02-2021`, which is no date that exists"
        );
        assert!(
            wrong
                .hint
                .as_deref()
                .unwrap_or_default()
                .contains("Datum: 2021-02-28")
        );
    }
    assert!(!site.path("public").exists());
}
