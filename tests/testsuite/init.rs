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
    assert!(
        run.stderr
            .contains("is not empty: it holds `content`, `schools.yaml`"),
        "{}",
        run.stderr
    );
    assert_same_files(&before, &snapshot(&site.root), "the folder");
}

/// `git ARGS` in `dir` as a board's machine runs it: the user's and the
/// system's settings left out, the identity of [`init`].
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "jdevries")
        .env("GIT_AUTHOR_EMAIL", "jdevries@bestuur.example")
        .env("GIT_COMMITTER_NAME", "jdevries")
        .env("GIT_COMMITTER_EMAIL", "jdevries@bestuur.example")
        .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn init_starts_in_a_folder_with_only_git_and_a_readme_and_commits_there() {
    let site = Site::empty();
    git(&site.root, &["init", "-q"]);
    site.write("README.md", "# Privacy\n");
    site.write(".gitattributes", "* text=auto\n");
    let run = init(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("with a commit in the git repository that was there"),
        "{}",
        run.stderr
    );
    assert_eq!(
        git(&site.root, &["log", "--format=%s"]).trim(),
        "Nieuwe site (helder init)"
    );
    // The commit holds what helder wrote, not what was there.
    let committed = git(&site.root, &["ls-files"]);
    assert!(committed.contains("schools.yaml\n"), "{committed}");
    assert!(!committed.contains("README.md"), "{committed}");
    assert_eq!(site.read("README.md"), "# Privacy\n");
    assert_eq!(site.helder(&["check"]).code, 0);
}

#[test]
fn init_starts_in_a_clone_of_an_empty_repository_which_can_then_be_pushed() {
    let site = Site::empty();
    git(&site.root, &["init", "-q", "--bare", "server.git"]);
    git(&site.root, &["clone", "-q", "server.git", "privacy-site"]);
    let run = init(&site, &["privacy-site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.reported().is_empty(), "{}", run.stderr);
    let clone = site.path("privacy-site");
    git(&clone, &["push", "-q"]);
    let server = site.path("server.git");
    assert_eq!(
        git(&server, &["log", "--format=%s"]).trim(),
        "Nieuwe site (helder init)"
    );
}

#[test]
fn init_names_a_file_it_would_overwrite_and_touches_nothing() {
    let site = Site::empty();
    git(&site.root, &["init", "-q"]);
    site.write(".gitignore", "*.log\n");
    let before = snapshot(&site.root);
    let run = init(&site, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("already holds `.gitignore`"),
        "{}",
        run.stderr
    );
    assert_same_files(&before, &snapshot(&site.root), "the folder");
}

#[test]
fn without_a_git_identity_init_writes_the_site_and_says_how_to_commit() {
    let site = Site::empty();
    let home = site.path("home");
    std::fs::create_dir(&home).unwrap();
    let mut command = site.command(&["init", "nieuw"]);
    command
        .env("HOME", &home)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        // git would guess a name and address from the machine where it can
        // (a host name with a domain); a board's machine may not let it.
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.useConfigOnly")
        .env("GIT_CONFIG_VALUE_0", "true");
    for var in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
    ] {
        command.env_remove(var);
    }
    let run = Run::from(command.output().unwrap());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = site.path("nieuw");
    assert!(new.join("schools.yaml").is_file(), "{}", run.stderr);
    for said in [
        "er is geen commit gemaakt: git weet nog niet wie u bent",
        "git config --global user.name \"",
        "git config --global user.email \"",
        "cd nieuw\n",
        "git add . && git commit -m \"Nieuwe site (helder init)\"",
        "nieuwe site in nieuw, nog zonder commit",
    ] {
        assert!(
            run.stderr.contains(said),
            "not said: {said}\n{}",
            run.stderr
        );
    }
    // The commands it gives make the commit, once git knows a name.
    git(&new, &["add", "."]);
    git(&new, &["commit", "-q", "-m", "Nieuwe site (helder init)"]);
    let committed = git(&new, &["ls-files"]);
    assert!(committed.contains("content/data.yaml\n"), "{committed}");
    std::mem::forget(Site { root: new }); // removed with `site`
}

#[test]
fn without_git_init_writes_the_site_and_says_to_install_it() {
    let site = Site::empty();
    let bin = site.path("bin"); // a PATH where git is not
    std::fs::create_dir(&bin).unwrap();
    let mut command = site.command(&["init", "nieuw"]);
    command.env("PATH", &bin);
    let run = Run::from(command.output().unwrap());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.path("nieuw/schools.yaml").is_file(), "{}", run.stderr);
    for said in [
        "git is niet gevonden op deze computer",
        "installeer git (https://git-scm.com/downloads)",
        "git init && git add . && git commit",
    ] {
        assert!(
            run.stderr.contains(said),
            "not said: {said}\n{}",
            run.stderr
        );
    }
}
