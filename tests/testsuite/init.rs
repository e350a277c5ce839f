//! `helder init`: a new board starts from nothing, and checks and builds at
//! once; what it must fill in is what `helder check` warns about.

use std::process::Command;

use crate::common::*;

/// `helder init ARGS` in `site`'s folder, with a git identity of its own.
fn init(site: &Site, args: &[&str]) -> Run {
    let mut command = site.command(&[&["init"], args].concat());
    command
        .env("LANG", "en_US.UTF-8")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "jdevries")
        .env("GIT_AUTHOR_EMAIL", "jdevries@bestuur.example")
        .env("GIT_COMMITTER_NAME", "jdevries")
        .env("GIT_COMMITTER_EMAIL", "jdevries@bestuur.example");
    Run::from(command.output().unwrap())
}

#[test]
fn a_new_site_checks_with_only_what_to_fill_in_and_builds() {
    let site = Site::empty();
    let run = init(
        &site,
        &["nieuw", "--name", "Stichting \"De Boog\": scholen"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("new site in nieuw, with a first commit"),
        "{}",
        run.stderr
    );
    let new = Site {
        root: site.root.join("nieuw"),
    };
    for file in [
        "schools.yaml",
        "content/organisation.yaml",
        "content/statement.yaml",
        "content/data.yaml",
        "content/suppliers.yaml",
        "content/cookies.yaml",
        "content/regulation.yaml",
        ".gitignore",
        "schema/content.schema.json",
    ] {
        assert!(new.path(file).is_file(), "{file} is missing");
    }
    let check = new.helder(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let reported = check.reported();
    assert!(!reported.is_empty(), "nothing to fill in?");
    for r in &reported {
        assert_eq!(
            r.code.as_deref(),
            Some("HL017"),
            "not a placeholder: {}",
            r.line()
        );
    }
    assert!(
        !check.stderr.contains("«naam van het bestuur»"),
        "--name did not fill in the board's name"
    );

    new.build();
    for page in [
        "index.html",
        "reglement/index.html",
        "tweede-school/cookies/index.html",
    ] {
        assert!(
            new.path("public").join(page).is_file(),
            "{page} was not built"
        );
    }
    let page = new.document("eerste-school/index.html");
    assert!(
        page.text().contains("Stichting \"De Boog\": scholen"),
        "{}",
        page.text()
    );
    // The first commit gives the pages their date.
    let log = Command::new("git")
        .args(["log", "--format=%s"])
        .current_dir(&new.root)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).trim(),
        "Nieuwe site (helder init)"
    );
    assert!(
        new.page("eerste-school/index.html").contains("<time"),
        "no date from git"
    );
    // The built site is not committed.
    let status = Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(&new.root)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        "",
        "public/ is not ignored"
    );
    std::mem::forget(new); // removed with `site`
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::fixture("minimal");
    let before = snapshot(&site.root);
    let run = init(&site, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    assert_same_files(&before, &snapshot(&site.root), "the folder");
}
