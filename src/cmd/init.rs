//! `helder init [DIR]`: a new board's site, from the skeleton in the binary:
//! two schools, every section of `content/` with comments in Dutch that say
//! what each key is for, the schemas for editors, a `.gitignore`, and a
//! first commit when git is there: in the repository the folder holds (a
//! fresh clone) or in a new one. A folder with only what a host puts in a
//! new repository (`.git`, dotfiles, a README) is as good as empty; a name
//! helder would write is refused and named. Without a commit (no git, no
//! name known to git) the site is written all the same, and a warning gives
//! the commands that make the commit. What the board must fill in is
//! written `«…»`; `helder check` lists each one (HL017).

use std::path::Path;
use std::process::Command;

use super::Report;
use super::schema::schemas;
use crate::diagnostic::Diagnostic;
use crate::layout::SCHEMA_DIR;
use crate::text;

/// The skeleton: (path in the new site, contents).
const SKELETON: &[(&str, &str)] = &[
    ("schools.yaml", include_str!("../../skeleton/schools.yaml")),
    (
        "content/organisation.yaml",
        include_str!("../../skeleton/content/organisation.yaml"),
    ),
    (
        "content/statement.yaml",
        include_str!("../../skeleton/content/statement.yaml"),
    ),
    (
        "content/data.yaml",
        include_str!("../../skeleton/content/data.yaml"),
    ),
    (
        "content/suppliers.yaml",
        include_str!("../../skeleton/content/suppliers.yaml"),
    ),
    (
        "content/cookies.yaml",
        include_str!("../../skeleton/content/cookies.yaml"),
    ),
    (
        "content/regulation.yaml",
        include_str!("../../skeleton/content/regulation.yaml"),
    ),
    (".gitignore", include_str!("../../skeleton/gitignore")),
];

/// The line that `--name` fills in: the board's name in `organisation:`.
const NAME: &str = "name: «naam van het bestuur»";

pub fn run(dir: &Path, name: Option<&str>) -> Result<Report, Report> {
    let shown = dir.display();
    // A folder that is not new or empty is refused (exit code 2); a file
    // that cannot be written is the machine's (3).
    if dir.is_file() {
        return Err(refused(vec![text!(
            "`{shown}` is een bestand; geef een nieuwe of lege map",
            "`{shown}` is a file; give a new or empty folder"
        )]));
    }
    let in_the_way = in_the_way(dir);
    if !in_the_way.is_empty() {
        return Err(refused(in_the_way));
    }
    let written = write(dir, name)?;
    let written: Vec<&str> = written.iter().map(String::as_str).collect();
    let git = first_commit(dir, &written);
    let (summary, diagnostics) = match git {
        Ok(true) => (
            text!(
                "nieuwe site in {shown}, met een eerste commit",
                "new site in {shown}, with a first commit"
            ),
            vec![],
        ),
        Ok(false) => (
            text!(
                "nieuwe site in {shown}, met een commit in de git-repository die er al was",
                "new site in {shown}, with a commit in the git repository that was there"
            ),
            vec![],
        ),
        Err(not) => (
            text!(
                "nieuwe site in {shown}, nog zonder commit (zie de waarschuwing)",
                "new site in {shown}, not yet committed (see the warning)"
            ),
            vec![not.warning(dir)],
        ),
    };
    let (head_nl, head_en) = (&summary.nl, &summary.en);
    let summary = text!(
        "{head_nl}; vul de teksten tussen « » in: `helder check` zegt waar ze staan, `helder serve` laat de site zien",
        "{head_en}; fill in the texts between « »: `helder check` says where they are, `helder serve` shows the site"
    );
    Ok(Report {
        diagnostics,
        summary: Some(summary),
        ..Report::default()
    })
}

/// The skeleton, with the board's `name`, and the schemas, written into
/// `dir`: the paths written, relative to `dir`.
fn write(dir: &Path, name: Option<&str>) -> Result<Vec<String>, Report> {
    // A name as a YAML text between double quotes (JSON's are YAML's too).
    let name = name.map(|n| serde_json::to_string(n.trim()).unwrap_or_default());
    let files: Vec<(String, String)> = SKELETON
        .iter()
        .map(|(rel, text)| {
            let text = match &name {
                Some(name) => text.replace(NAME, &format!("name: {name}")),
                None => text.to_string(),
            };
            (rel.to_string(), text)
        })
        .chain(schemas().map(|(file, json)| (format!("{SCHEMA_DIR}/{file}"), json)))
        .collect();
    for (rel, text) in &files {
        let path = dir.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            let shown = path.display();
            let message = text!(
                "`{shown}` is niet te schrijven: {e}",
                "cannot write `{shown}`: {e}"
            );
            let error = Diagnostic::error("", None, message).on_machine();
            return Err(Report::failed(vec![error]));
        }
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// The report of a refused folder: exit code 2, nothing written.
fn refused(messages: Vec<crate::diagnostic::Text>) -> Report {
    Report::failed(
        messages
            .into_iter()
            .map(|m| Diagnostic::error("", None, m).refused())
            .collect(),
    )
}

/// What a host puts in a new repository, which helder leaves as it is and
/// starts beside: `.git` and other names that start with a dot
/// (`.gitattributes`, `.github/`), a README and a licence (GitHub, GitLab
/// and Codeberg offer these when a repository is made).
fn a_hosts(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    name.starts_with('.')
        || ["README", "LICENSE", "LICENCE", "COPYING"]
            .iter()
            .any(|s| stem.eq_ignore_ascii_case(s))
}

/// Why `dir` is no place for a new site, or nothing: a name helder would
/// write (named, so nothing is overwritten), and anything else that is not
/// [a host's](a_hosts). A folder that does not exist, or cannot be read
/// (then writing says so), holds nothing in the way.
fn in_the_way(dir: &Path) -> Vec<crate::diagnostic::Text> {
    let shown = dir.display();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let ours = |name: &str| {
        SKELETON
            .iter()
            .map(|(rel, _)| *rel)
            .chain([SCHEMA_DIR])
            .any(|rel| rel.split('/').next() == Some(name))
    };
    let (taken, others): (Vec<String>, Vec<String>) = names
        .into_iter()
        .filter(|name| ours(name) || !a_hosts(name))
        .partition(|name| ours(name) && a_hosts(name));
    let mut found = vec![];
    if !taken.is_empty() {
        let list = listed(&taken);
        found.push(text!(
            "in `{shown}` staat al {list}; helder schrijft zelf een bestand met die naam en overschrijft niets: hernoem of verwijder het en start `helder init` opnieuw",
            "`{shown}` already holds {list}; helder writes a file of that name itself and overwrites nothing: rename or remove it and run `helder init` again"
        ));
    }
    if !others.is_empty() {
        let list = listed(&others);
        found.push(text!(
            "`{shown}` is niet leeg: er staat al {list} in; helder begint een nieuwe site alleen in een nieuwe map, of in een map met niets dan `.git`, andere namen die met een punt beginnen en een README of LICENSE, zodat er niets wordt overschreven; geef een nieuwe map, bijvoorbeeld `helder init privacy-site`",
            "`{shown}` is not empty: it holds {list}; helder starts a new site only in a new folder, or in one with nothing but `.git`, other names that start with a dot and a README or LICENSE, so that nothing is overwritten; give a new folder, for example `helder init privacy-site`"
        ));
    }
    found
}

/// `` `a`, `b`, `c` `` and at most five names; the rest counted.
fn listed(names: &[String]) -> String {
    let mut list: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
    if names.len() > 5 {
        list.push(format!("(+{})", names.len() - 5));
    }
    list.join(", ")
}

/// Why there is no first commit.
enum NoCommit {
    /// git is not on this machine: no repository.
    Missing,
    /// git does not know the user's name and e-mail address; the
    /// repository is there, without a commit.
    NoIdentity,
    /// git refused, in its own words (a hook, a signing key); `repository`
    /// when there is one.
    Failed { said: String, repository: bool },
}

/// The message to make the commit by hand.
const COMMIT: &str = "git add . && git commit -m \"Nieuwe site (helder init)\"";

impl NoCommit {
    /// Why there is no commit and what commands make it, for a warning.
    fn warning(self, dir: &Path) -> Diagnostic {
        let cd = match dir.to_str() {
            Some("." | "") => String::new(),
            Some(d) if !d.contains(|c: char| !(c.is_alphanumeric() || "-_./".contains(c))) => {
                format!("\n    cd {d}")
            }
            _ => format!(
                "\n    cd '{}'",
                dir.display().to_string().replace('\'', r"'\''")
            ),
        };
        let (message, hint) = match self {
            NoCommit::NoIdentity => (
                text!(
                    "er is geen commit gemaakt: git weet nog niet wie u bent (`user.name` en `user.email` zijn niet ingesteld)",
                    "no commit was made: git does not know who you are yet (`user.name` and `user.email` are not set)"
                ),
                text!(
                    "vertel git eenmalig uw naam en e-mailadres, en maak dan de eerste commit:\n    git config --global user.name \"Voornaam Achternaam\"\n    git config --global user.email \"naam@bestuur.nl\"{cd}\n    {COMMIT}",
                    "tell git your name and e-mail address once, then make the first commit:\n    git config --global user.name \"First Last\"\n    git config --global user.email \"name@board.example\"{cd}\n    {COMMIT}"
                ),
            ),
            NoCommit::Missing => (
                text!(
                    "er is geen commit gemaakt: git is niet gevonden op deze computer; zonder git krijgen de pagina's geen datum en geen eerdere versies",
                    "no commit was made: git was not found on this machine; without git the pages have no dates and no earlier versions"
                ),
                text!(
                    "installeer git (https://git-scm.com/downloads) en maak dan een repository met een eerste commit:{cd}\n    git init && {COMMIT}",
                    "install git (https://git-scm.com/downloads), then make a repository with a first commit:{cd}\n    git init && {COMMIT}"
                ),
            ),
            NoCommit::Failed { said, repository } => {
                let init = if repository { "" } else { "git init && " };
                (
                    text!(
                        "er is geen commit gemaakt: git meldt: {said}",
                        "no commit was made: git says: {said}"
                    ),
                    text!(
                        "los dat op en maak dan de eerste commit:{cd}\n    {init}{COMMIT}",
                        "fix that, then make the first commit:{cd}\n    {init}{COMMIT}"
                    ),
                )
            }
        };
        Diagnostic::warning("", None, message).with_hint(hint)
    }
}

/// A first commit of the files helder wrote (`written`, and nothing of
/// what was there), in the repository that `dir` holds (a clone, `git
/// init`) or else in a new one. A repository made here stays when the
/// commit cannot be made, so that the commands of the warning make it.
/// True when the repository is new.
fn first_commit(dir: &Path, written: &[&str]) -> Result<bool, NoCommit> {
    let git = |args: &[&str]| Command::new("git").arg("-C").arg(dir).args(args).output();
    // git's own first line of what went wrong.
    let said = |output: &std::process::Output| {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let line = stderr.lines().rev().find(|l| !l.trim().is_empty());
        line.unwrap_or("?").trim().to_string()
    };
    let new = std::fs::symlink_metadata(dir.join(".git")).is_err();
    if new {
        match git(&["-c", "init.defaultBranch=main", "init", "-q"]) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(NoCommit::Missing),
            Err(e) => {
                let said = e.to_string();
                return Err(NoCommit::Failed {
                    said,
                    repository: false,
                });
            }
            Ok(o) if !o.status.success() => {
                let said = said(&o);
                return Err(NoCommit::Failed {
                    said,
                    repository: false,
                });
            }
            Ok(_) => {}
        }
    }
    let paths = [&["--"], written].concat();
    let commit = git(&[&["add", "-f"], &paths[..]].concat()).and_then(|added| {
        if !added.status.success() {
            return Ok(added);
        }
        let message = ["commit", "-q", "-m", "Nieuwe site (helder init)"];
        git(&[&message[..], &paths[..]].concat())
    });
    match commit {
        Ok(o) if o.status.success() => Ok(new),
        // git refuses to commit without a name and address (set, or
        // guessed from the machine); `git var` says whether that is why.
        _ if ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"]
            .iter()
            .any(|var| git(&["var", var]).is_ok_and(|o| !o.status.success())) =>
        {
            Err(NoCommit::NoIdentity)
        }
        Ok(o) => Err(NoCommit::Failed {
            said: said(&o),
            repository: true,
        }),
        Err(e) => Err(NoCommit::Failed {
            said: e.to_string(),
            repository: true,
        }),
    }
}
