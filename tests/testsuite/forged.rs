//! What is committed or tagged cannot forge, hide or break the history the
//! site publishes (issue 24): bytes in an author, a message or a trailer
//! that git's output once used as separators, a commit dated by a clock set
//! wrong, a file in an old commit far over `--max-file-size`, and a tag whose
//! version would take the name of the site's own page.
//!
//! Each test makes a real git repository of a copy of the example, and
//! writes the commits and tags git's own commands would not make with
//! `git hash-object --literally`.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::html::Element;
use crate::common::*;
use crate::history::{committed_example, git_in};

const FIRST: &str = "2021-02-01T10:00:00+01:00";

/// Commits every change in the site's folder on `date`; returns the commit.
fn commit(site: &Site, date: &str, message: &str) -> String {
    git_in(&site.root, &["add", "-A"], date);
    git_in(&site.root, &["commit", "-q", "-m", message], date);
    git_in(&site.root, &["rev-parse", "HEAD"], date)
        .trim()
        .to_string()
}

/// Writes `bytes` as a git object of `kind` as it is, unchecked, and returns its id.
fn object(site: &Site, kind: &str, bytes: &[u8]) -> String {
    let mut child = Command::new("git")
        .args(["hash-object", "--literally", "-w", "--stdin", "-t", kind])
        .current_dir(&site.root)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", site.root.parent().unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run git");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), bytes).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "git hash-object failed");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// Replaces the last commit by one with the same tree and parent, and this
/// author line (`Name <mail> seconds zone`) and message, byte for byte.
fn forge_head(site: &Site, author: &[u8], message: &[u8]) -> String {
    let git = |args: &[&str]| git_in(&site.root, args, FIRST).trim().to_string();
    let (tree, parent) = (
        git(&["rev-parse", "HEAD^{tree}"]),
        git(&["rev-parse", "HEAD^"]),
    );
    let mut bytes = format!("tree {tree}\nparent {parent}\nauthor ").into_bytes();
    bytes.extend_from_slice(author);
    bytes.extend_from_slice(b"\ncommitter Jan <jan@school.example> 1616400000 +0100\n\n");
    bytes.extend_from_slice(message);
    let id = object(site, "commit", &bytes);
    git(&["update-ref", "HEAD", &id]);
    id
}

/// The rows of the table captioned `caption` on a page, as cell texts.
fn table(page: &Element, caption: &str) -> Vec<Vec<String>> {
    let tables: Vec<&Element> = page
        .select("table")
        .into_iter()
        .filter(|t| t.select("caption").iter().any(|c| c.text() == caption))
        .collect();
    assert_eq!(tables.len(), 1, "no one table {caption:?}");
    tables[0].body_rows()
}

/// The earlier versions of a school's statement in the built site, by date.
fn archived(site: &Site, school: &str) -> Vec<String> {
    let dir = site.path(&format!("public/{school}/versies"));
    let mut dates: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    dates.sort();
    dates
}

/// A trailer of an adoption tag with the ASCII record and unit separators
/// that git's output was once split at: it was read as a second tag,
/// `reglement-3.0`, adopted by a body with the consent of the whole GMR.
#[test]
fn a_control_character_in_a_tag_trailer_adds_no_adoption() {
    let site = committed_example(FIRST);
    let forged = "Reglement 1.0\n\nVastgesteld-door: College van Bestuur\n\
                  Instemming: oudergeleding van de GMR\x1e\
                  tag\x1freglement-3.0\x1f2021-03-23\x1f\x1fRaad van Toezicht\x1fvoorzitter\x1fde hele GMR\n";
    site.write("tag.txt", forged);
    git_in(
        &site.root,
        &["tag", "-a", "reglement-1.0", "-F", "tag.txt"],
        "2021-03-22T09:00:00+01:00",
    );
    std::fs::remove_file(site.path("tag.txt")).unwrap();

    let run = site.build();
    let page = site.document("reglement/index.html");
    let adoptions = table(&page, "Vastgesteld");
    assert_eq!(
        adoptions,
        [["1.0", "22 maart 2021", "College van Bestuur", "", ""].map(String::from)],
        "an adoption no tag records, or a consent with a control character"
    );
    assert!(!site.path("public/reglement/3.0").exists());
    let warned = run.reported().into_iter().any(|r| {
        r.severity == "warning"
            && r.message.contains("`reglement-1.0`")
            && r.message.contains("`Instemming:`")
            && r.hint
                .is_some_and(|h| h.contains("git tag -a -f reglement-1.0"))
    });
    assert!(
        warned,
        "no warning names the tag and trailer:\n{}",
        run.stderr
    );
}

/// Control characters in an author's name, a subject and a `Status:`
/// trailer, and a NUL in a commit's author line, hide no commit from the
/// version table; what a page shows of them is harmless.
#[test]
fn odd_bytes_in_an_author_or_status_hide_no_version() {
    let site = committed_example(FIRST);
    site.edit(
        "content/regulation.yaml",
        "title: Reikwijdte\n",
        "title: Reikwijdte van dit reglement\n",
    );
    commit(&site, "2021-03-15T14:30:00+01:00", "placeholder");
    forge_head(
        &site,
        b"Piet\x1eJansen\x1f <piet@school.example> 1615815000 +0100",
        b"Artikel 1\x1e verduidelijkt\x1f\n\nStatus: Goed\x1ekeurd\n",
    );
    site.edit(
        "content/regulation.yaml",
        "title: Doel van dit reglement\n",
        "title: Doel\n",
    );
    commit(&site, "2021-04-01T10:00:00+02:00", "placeholder");
    // A NUL ends git's reading of the author line: no name, no date.
    forge_head(
        &site,
        b"Kees\x00Bakker <kees@school.example> 1617264000 +0200",
        b"Artikel 1.3 korter\n",
    );

    site.build();
    let page = site.document("reglement/index.html");
    let versions = table(&page, "Versiegeschiedenis");
    let rows: Vec<[&str; 3]> = versions
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[4].as_str()])
        .collect();
    assert_eq!(
        rows,
        [
            ["001", "Concept", "Eerste opzet"],
            [
                "002",
                "Goed\u{fffd}keurd",
                "Artikel 1\u{fffd} verduidelijkt\u{fffd}"
            ],
            ["003", "Concept", "Artikel 1.3 korter"],
        ],
        "a commit is missing from the version table"
    );
    assert_eq!(versions[1][3], "Piet\u{fffd}Jansen\u{fffd}");
    // Without a date of its own, the commit is dated as the one before it.
    assert_eq!(versions[2][2], "15 maart 2021");
    assert_eq!(
        versions[2][3], "",
        "git's placeholder for a name it cannot read"
    );
}

/// Writes a history with a commit dated in 2099 (a laptop's clock set
/// wrong) and one in the year 10000, each between honest commits:
///
/// 1. 1 February 2021, everything;
/// 2. 1 March 2021, the shared text of the statements;
/// 3. 2099, de-mieden's website;
/// 4. 1 May 2021, the shared text again;
/// 5. the year 10000, westerschool's e-mail address;
/// 6. 1 June 2021, the shared text again.
///
/// Returns the site and the ids of commits 3 and 5.
fn clock_set_wrong() -> (Site, String, String) {
    let site = committed_example(FIRST);
    let statement = |from: &str, to: &str, date: &str| {
        site.edit("content/statement.yaml", from, to);
        commit(&site, date, "Inleiding");
    };
    statement(
        "Op deze pagina leest u welke",
        "Op deze pagina leest u precies welke",
        "2021-03-01T10:00:00+01:00",
    );
    site.edit(
        "schools.yaml",
        "website: https://demieden.opron.nl",
        "website: https://www.demieden.nl",
    );
    let future = commit(
        &site,
        "2099-01-01T10:00:00+01:00",
        "Nieuwe website De Mieden",
    );
    statement(
        "leest u precies welke",
        "leest u nauwkeurig welke",
        "2021-05-01T10:00:00+02:00",
    );
    site.edit(
        "schools.yaml",
        "email: info.westerschool@opron.nl",
        "email: westerschool@opron.nl",
    );
    let far = commit(&site, "@253402300800 +0000", "E-mailadres Westerschool");
    statement(
        "leest u nauwkeurig welke",
        "leest u precies welke",
        "2021-06-01T10:00:00+02:00",
    );
    (site, future, far)
}

/// A commit dated in 2099 dates no page in the future, merges no versions
/// and drops none from the archive; it is named in a warning.
#[test]
fn a_commit_from_the_future_is_dated_by_its_place_in_history() {
    let (site, future, _) = clock_set_wrong();
    let run = site.build();
    for page in site.html_pages() {
        let text = site.page(&page);
        assert!(!text.contains("2099"), "{page} shows a date in 2099");
    }
    let footer = site.document("de-mieden/index.html").one("footer").text();
    assert!(footer.contains("1 juni 2021"), "{footer}");
    // The commit of 2099 counts on 1 March, the day of the commit before it.
    assert_eq!(
        archived(&site, "de-mieden"),
        ["2021-02-01", "2021-03-01", "2021-05-01"]
    );
    let old = site.page("de-mieden/versies/2021-03-01/index.html");
    assert!(
        old.contains("www.demieden.nl"),
        "the commit of 2099 is lost"
    );
    let short = &future[..7];
    // `check`, run before a commit is pushed, says it too.
    for run in [run, site.helder(&["check"])] {
        let warned = run.reported().into_iter().any(|r| {
            r.severity == "warning"
                && r.message.contains(short)
                && r.message.contains("Nieuwe website De Mieden")
                && r.message.contains("2099-01-01")
                && r.hint.is_some_and(|h| h.contains("git commit --amend"))
        });
        assert!(warned, "no warning names commit {short}:\n{}", run.stderr);
    }
}

/// A commit dated in the year 10000 is not skipped with its changes: the
/// version of the day it is dated as holds them, as the site published it.
#[test]
fn a_commit_after_the_year_9999_keeps_its_changes() {
    let (site, _, far) = clock_set_wrong();
    let run = site.build();
    assert_eq!(
        archived(&site, "westerschool"),
        ["2021-02-01", "2021-03-01", "2021-05-01"]
    );
    let old = site.page("westerschool/versies/2021-05-01/index.html");
    assert!(
        old.contains("westerschool@opron.nl") && !old.contains("info.westerschool@opron.nl"),
        "the archived version lacks the change of the year 10000"
    );
    let short = &far[..7];
    let warned = run.reported().into_iter().any(|r| {
        r.severity == "warning" && r.message.contains(short) && r.message.contains("10000-01-01")
    });
    assert!(warned, "no warning names commit {short}:\n{}", run.stderr);
}

/// A file far over `--max-file-size` in an old commit is not read: that
/// version is left out of the archive with a warning naming the commit and
/// the file, and the build goes on.
#[test]
fn a_file_over_the_limit_in_an_old_commit_is_left_out() {
    let site = committed_example(FIRST);
    let schools = site.read("schools.yaml");
    // 1.5 MB of comment: valid YAML, as a board's model never is this large.
    let padding = format!("# {}\n", "x".repeat(1_000)).repeat(1_500);
    site.write("schools.yaml", &format!("{schools}{padding}"));
    site.edit(
        "content/statement.yaml",
        "Op deze pagina leest u welke",
        "Op deze pagina leest u precies welke",
    );
    let large = commit(&site, "2021-03-01T10:00:00+01:00", "Scholen");
    site.write("schools.yaml", &schools);
    site.edit(
        "content/statement.yaml",
        "leest u precies welke",
        "leest u nauwkeurig welke",
    );
    commit(&site, "2021-04-01T10:00:00+02:00", "Inleiding");

    let run = site.helder(&["--max-file-size", "1", "build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(archived(&site, "de-mieden"), ["2021-02-01"]);
    let short = &large[..7];
    let warned = run.reported().into_iter().any(|r| {
        r.severity == "warning"
            && r.message.contains(short)
            && r.message.contains("`schools.yaml`")
            && r.hint.is_some_and(|h| h.contains("--max-file-size 2"))
    });
    assert!(warned, "no warning names commit {short}:\n{}", run.stderr);
}

/// A tag `reglement-index.html` would put its page where the regulation's
/// own page is: `check` and `build` refuse it, name the tag and say how to
/// rename it, and the renamed tag builds.
#[test]
fn a_tag_named_as_the_sites_own_page_is_refused_with_how_to_rename_it() {
    let site = committed_example(FIRST);
    let tag = "reglement-index.html";
    let message = "Reglement 1.0\n\nVastgesteld-door: College van Bestuur";
    git_in(&site.root, &["tag", "-a", tag, "-m", message], FIRST);

    for command in ["check", "build"] {
        let run = site.helder(&[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        let reported = run.reported();
        let refused = reported
            .iter()
            .find(|r| r.message.contains(&format!("`{tag}`")));
        let refused = refused.unwrap_or_else(|| panic!("{command}: no error\n{}", run.stderr));
        assert_eq!(refused.severity, "error");
        let hint = refused.hint.as_deref().unwrap_or_default();
        assert!(
            hint.contains(&format!("git tag reglement-1.0 {tag} && git tag -d {tag}")),
            "{hint}"
        );
        assert!(!run.stderr.contains("disk"), "{}", run.stderr);
    }
    assert!(!site.path("public").exists());

    git_in(&site.root, &["tag", "reglement-1.0", tag], FIRST);
    git_in(&site.root, &["tag", "-d", tag], FIRST);
    site.build();
    let page = site.document("reglement/index.html");
    assert_eq!(table(&page, "Vastgesteld")[0][0], "1.0");
    assert!(Path::new(&site.path("public/reglement/1.0/index.html")).exists());
}

/// An adoption tag made on a computer whose clock said 2099, without a
/// `Datum:`, is not published as adopted in 2099: it is dated as the
/// commit it names, with a warning that names the tag.
#[test]
fn a_tag_from_the_future_is_dated_as_its_commit() {
    let site = committed_example(FIRST);
    let message = "Reglement 1.0\n\nVastgesteld-door: College van Bestuur";
    git_in(
        &site.root,
        &["tag", "-a", "reglement-1.0", "-m", message],
        "2099-01-01T10:00:00+01:00",
    );
    let run = site.build();
    let page = site.document("reglement/index.html");
    assert_eq!(table(&page, "Vastgesteld")[0][1], "1 februari 2021");
    for page in site.html_pages() {
        assert!(!site.page(&page).contains("2099"), "{page} shows 2099");
    }
    let warned = run.reported().into_iter().any(|r| {
        r.severity == "warning"
            && r.message.contains("`reglement-1.0`")
            && r.message.contains("2099-01-01")
            && r.hint.is_some_and(|h| h.contains("Datum:"))
    });
    assert!(warned, "no warning names the tag:\n{}", run.stderr);
}
