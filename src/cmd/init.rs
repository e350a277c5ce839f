//! `helder init [DIR]`: a new board's site, from the skeleton in the binary:
//! two schools, every section of `content/` with comments in Dutch that say
//! what each key is for, the schemas for editors, a `.gitignore`, and a git
//! repository with a first commit when git is there. What the board must
//! fill in is written `«…»`; `helder check` lists each one (HL017).

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
    let refused = |message| {
        Err(Report::failed(vec![
            Diagnostic::error("", None, message).refused(),
        ]))
    };
    if dir.is_file() {
        return refused(text!(
            "`{shown}` is een bestand; geef een nieuwe of lege map",
            "`{shown}` is a file; give a new or empty folder"
        ));
    }
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return refused(text!(
            "`{shown}` is niet leeg; helder begint een nieuwe site alleen in een nieuwe of lege map, zodat er niets wordt overschreven",
            "`{shown}` is not empty; helder starts a new site only in a new or empty folder, so that nothing is overwritten"
        ));
    }
    // A name as a YAML text between double quotes (JSON's are YAML's too).
    let name = name.map(|n| serde_json::to_string(n.trim()).unwrap_or_default());
    let schemas = schemas().map(|(file, json)| (format!("{SCHEMA_DIR}/{file}"), json));
    let files = SKELETON
        .iter()
        .map(|(rel, text)| {
            let text = match &name {
                Some(name) => text.replace(NAME, &format!("name: {name}")),
                None => text.to_string(),
            };
            (rel.to_string(), text)
        })
        .chain(schemas);
    for (rel, text) in files {
        let path = dir.join(&rel);
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
    let committed = first_commit(dir);
    let summary = if committed {
        text!(
            "nieuwe site in {shown}, met een eerste commit; vul de teksten tussen « » in: `helder check` zegt waar ze staan, `helder serve` laat de site zien",
            "new site in {shown}, with a first commit; fill in the texts between « »: `helder check` says where they are, `helder serve` shows the site"
        )
    } else {
        text!(
            "nieuwe site in {shown} (zonder git-repository: git ontbreekt of kent uw naam niet); vul de teksten tussen « » in: `helder check` zegt waar ze staan, `helder serve` laat de site zien",
            "new site in {shown} (no git repository: git is missing or does not know your name); fill in the texts between « »: `helder check` says where they are, `helder serve` shows the site"
        )
    };
    Ok(Report {
        summary: Some(summary),
        ..Report::default()
    })
}

/// `git init` and a first commit; false when git is not there or cannot
/// commit (no name set). A repository without a commit is removed again, so
/// that the board starts as it would without git.
fn first_commit(dir: &Path) -> bool {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["-c", "init.defaultBranch=main", "init", "-q"]) {
        return false;
    }
    let committed =
        git(&["add", "-A"]) && git(&["commit", "-q", "-m", "Nieuwe site (helder init)"]);
    if !committed {
        let _ = std::fs::remove_dir_all(dir.join(".git"));
    }
    committed
}
