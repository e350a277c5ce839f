//! `helder diff REV1 [REV2]`: what changed in legal facts between two
//! versions of the model, for the board or one school, as text or JSON.
//! Without `REV2`, the second version is the site as it is on disk, so an
//! editor sees what an edit changes before committing it.

use std::path::Path;

use serde_json::json;

use super::{Report, Strictness, load_and_check};
use crate::changes::{self, Class, Facts};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::history::{Availability, History};
use crate::model::Model;
use crate::{archive, render, text, theme};

pub struct Options<'a> {
    pub root: &'a Path,
    pub from: &'a str,
    /// None: the working tree.
    pub to: Option<&'a str>,
    /// None: the board as a whole.
    pub school: Option<&'a str>,
    /// The list as one JSON document instead of lines of text.
    pub json: bool,
    pub strictness: Strictness,
}

pub fn run(o: &Options) -> Result<Report, Report> {
    let history = History::open(o.root).with_max_file_bytes(o.strictness.max_file_bytes);
    let (new, sources, warnings, to) = match o.to {
        None => {
            let (model, sources, warnings) = load_and_check(o.root, o.strictness)?;
            (model, sources, warnings, json!({ "revision": null }))
        }
        Some(rev) => {
            let (model, to) = at(&history, rev)?;
            (model, Default::default(), Vec::new(), to)
        }
    };
    let (old, from) = at(&history, o.from)?;
    let facts = |model: &Model| -> Facts {
        match o.school {
            None => changes::of_board(model),
            Some(id) => changes::of_school(model, id).unwrap_or_default(),
        }
    };
    if let Some(id) = o.school
        && changes::of_school(&new, id).is_none()
        && changes::of_school(&old, id).is_none()
    {
        return Err(failed(no_school(&new, id)));
    }
    let list = changes::compare(&facts(&old), &facts(&new));

    let theme = theme::load(o.root, &new.site.language).map_err(Report::failed)?;
    let words = &theme.strings.changes;
    let class = |c: Class| match c {
        Class::Material => words.material.as_str(),
        Class::Editorial => words.editorial.as_str(),
    };
    let output = if o.json {
        let items: Vec<_> = list
            .iter()
            .map(|c| {
                let mut item = serde_json::to_value(c).unwrap_or_default();
                item["text"] = render::sentence(&theme.strings, c).into();
                item
            })
            .collect();
        let document = json!({
            "from": from,
            "to": to,
            "school": o.school,
            "changes": items,
        });
        serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
    } else {
        list.iter()
            .map(|c| {
                format!(
                    "{}: {}\n",
                    class(c.class),
                    render::sentence(&theme.strings, c)
                )
            })
            .collect()
    };
    let (n, material) = (
        list.len(),
        list.iter().filter(|c| c.class == Class::Material).count(),
    );
    let from_rev = o.from;
    let (to_nl, to_en) = match o.to {
        Some(rev) => (rev, rev),
        None => ("de bestanden zoals ze nu zijn", "the files as they are now"),
    };
    let summary = match n {
        0 => text!(
            "geen wijzigingen in de juridische feiten van {from_rev} naar {to_nl}",
            "no changes in legal facts from {from_rev} to {to_en}"
        ),
        _ => text!(
            "{n} wijzigingen in de juridische feiten van {from_rev} naar {to_nl}, waarvan {material} belangrijk",
            "{n} changes in legal facts from {from_rev} to {to_en}, {material} of them material"
        ),
    };
    Ok(Report {
        diagnostics: warnings,
        summary: Some(summary),
        sources,
        output: Some(Box::new(output)),
    })
}

/// The model at `rev`, and what the JSON says of that version.
fn at(history: &History, rev: &str) -> Result<(Model, serde_json::Value), Report> {
    if matches!(
        history.availability(),
        Availability::NoRepository | Availability::NoGit
    ) && let Some(warning) = history.warning()
    {
        return Err(failed(Diagnostic::error("", None, warning)));
    }
    let version = history.version_at(rev).map_err(|git| {
        failed(
            Diagnostic::error(
                "",
                None,
                text!(
                    "git kent geen versie `{rev}`: {git}",
                    "git knows no version `{rev}`: {git}"
                ),
            )
            .with_hint(text!(
                "geef een commit, tag of tak, zoals `HEAD~1` of `reglement-1.0`; `git log --oneline` toont de commits",
                "give a commit, tag or branch, such as `HEAD~1` or `reglement-1.0`; `git log --oneline` lists the commits"
            )),
        )
    })?;
    let past = archive::load_version(history, &version).ok_or_else(|| {
        let commit = &version.commit[..version.commit.len().min(12)];
        failed(
            Diagnostic::error(
                "",
                None,
                text!(
                    "de versie `{rev}` ({commit}) is niet te lezen: het model had toen fouten, of er was nog geen model",
                    "the version `{rev}` ({commit}) cannot be read: its model had errors then, or there was none yet"
                ),
            )
            .with_hint(text!(
                "kies een versie die gebouwd kon worden; `git log --oneline -- schools.yaml content` toont de versies van het model",
                "choose a version that could be built; `git log --oneline -- schools.yaml content` lists the versions of the model"
            )),
        )
    })?;
    let described = json!({
        "revision": rev,
        "commit": version.commit,
        "date": version.date.iso(),
    });
    Ok((past.model, described))
}

fn no_school(model: &Model, id: &str) -> Diagnostic {
    let hint = match did_you_mean(id, model.schools.iter().map(|s| s.id.as_str())) {
        Some(best) => text!("bedoelt u `{best}`?", "did you mean `{best}`?"),
        None => text!(
            "de ids van de scholen staan in schools.yaml",
            "the schools' ids are in schools.yaml"
        ),
    };
    Diagnostic::error(
        "",
        None,
        text!(
            "er is geen school `{id}`, nu niet en in de oude versie niet",
            "there is no school `{id}`, neither now nor in the old version"
        ),
    )
    .with_hint(hint)
}

fn failed(diagnostic: Diagnostic) -> Report {
    Report::failed(vec![diagnostic])
}
