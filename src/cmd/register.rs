//! `helder register`: the record of processing activities (GDPR art. 30)
//! of the checked model, as `register/verwerkingsregister.csv` and `.json`.
//!
//! Nothing committed makes it write elsewhere (issue 24). A folder
//! `register/` that is a link is refused, since every file written in it
//! would land where the link points. A link in place of one of the files is
//! replaced: each file is written beside its place under a new random name
//! and then renamed onto it, which replaces a link and never writes into
//! what it points to (and the FG never opens a half-written register). The
//! link's target stays as it was, and a warning says the link is gone.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Report, Strictness, load_and_check};
use crate::diagnostic::Diagnostic;
use crate::layout::{REGISTER_DIR, REGISTER_FILE};
use crate::register::{self, COLUMNS, CsvWords};
use crate::{text, theme};

pub fn run(root: &Path, output: Option<PathBuf>, strictness: Strictness) -> Result<Report, Report> {
    let (model, sources, warnings) = load_and_check(root, strictness)?;
    let theme = theme::load(root, &model.site.language).map_err(Report::failed)?;
    let words = theme::by_key(&theme.strings.register);
    let word = |key: &str| words.get(key).filter(|w| !w.is_empty()).cloned();
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|key| word(key).unwrap_or_else(|| key.to_string()))
        .collect();
    let none = word("none").unwrap_or_else(|| "-".to_string());
    let (bases, grounds) = (
        theme::by_key(&theme.strings.basis),
        theme::by_key(&theme.strings.special_ground),
    );
    let or_code = |words: &BTreeMap<String, String>, code: &str| {
        words.get(code).cloned().unwrap_or_else(|| code.to_string())
    };
    let strings = &theme.strings;
    let words = CsvWords {
        header,
        none,
        basis: &|code| or_code(&bases, code),
        ground: &|code| or_code(&grounds, code),
        period: &|iso| strings.period(iso).unwrap_or_else(|| iso.to_string()),
    };

    let register = register::register(&model);
    let csv = register::csv(&register, &words);
    let json = register::json(&register);
    let dir = output.unwrap_or_else(|| root.join(REGISTER_DIR));
    let mut diagnostics = warnings;
    let written = folder(&dir).and_then(|()| {
        for (extension, contents) in [("csv", csv), ("json", json)] {
            let path = dir.join(format!("{REGISTER_FILE}.{extension}"));
            if let Some(link) = replace(&path, contents.as_bytes())? {
                let (shown, link) = (path.display(), link.display());
                diagnostics.push(Diagnostic::warning(
                    "",
                    None,
                    text!(
                        "`{shown}` was een link naar `{link}`; helder heeft de link vervangen door het register zelf en `{link}` niet veranderd",
                        "`{shown}` was a link to `{link}`; helder replaced the link by the register itself and left `{link}` as it was"
                    ),
                ));
            }
        }
        Ok(())
    });
    if let Err(error) = written {
        return Err(Report::failed(vec![error]).with_sources(sources));
    }
    let (count, shown) = (register.processing_activities.len(), dir.display());
    Ok(Report {
        diagnostics,
        summary: Some(text!(
            "verwerkingsregister met {count} verwerkingen geschreven naar {shown} (csv en json)",
            "wrote the register of {count} processing activities to {shown} (csv and json)"
        )),
        sources,
        output: None,
    })
}

/// Makes the register's folder `dir` if it is not there; refuses a link
/// and anything else that is not a folder (exit code 2), and says when the
/// machine cannot make or read it (3).
fn folder(dir: &Path) -> Result<(), Diagnostic> {
    let shown = dir.display();
    let refused = |message| Err(Diagnostic::error("", None, message).refused());
    let machine = |message| Diagnostic::error("", None, message).on_machine();
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(dir).unwrap_or_default();
            let target = target.display();
            refused(text!(
                "`{shown}` is een link naar `{target}`; helder schrijft het register niet via een link, want dan komt het buiten de site terecht. Verwijder de link, of kies een andere map met `--output-dir`",
                "`{shown}` is a link to `{target}`; helder does not write the register through a link, which would put it outside the site. Remove the link, or choose another folder with `--output-dir`"
            ))
        }
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => refused(text!(
            "`{shown}` is een bestand, geen map; verplaats het, of kies een andere map voor het register met `--output-dir`",
            "`{shown}` is a file, not a folder; move it, or choose another folder for the register with `--output-dir`"
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir).map_err(|e| {
            machine(text!(
                "de map `{shown}` is niet te maken: {e}",
                "cannot make the folder `{shown}`: {e}"
            ))
        }),
        Err(e) => Err(machine(text!(
            "de map `{shown}` is niet te lezen: {e}",
            "cannot read the folder `{shown}`: {e}"
        ))),
    }
}

/// Writes `contents` to a new file beside `path` and renames it onto
/// `path`. Returns where a link at `path` pointed: the link is replaced,
/// and what it pointed to is not touched.
fn replace(path: &Path, contents: &[u8]) -> Result<Option<PathBuf>, Diagnostic> {
    let shown = path.display();
    let failed = |e: io::Error| {
        let message = text!(
            "`{shown}` is niet te schrijven: {e}",
            "cannot write `{shown}`: {e}"
        );
        Diagnostic::error("", None, message).on_machine()
    };
    let link = fs::read_link(path).ok();
    let (file, beside) = new_file_beside(path).map_err(failed)?;
    let written = write_all(file, contents).and_then(|()| fs::rename(&beside, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&beside);
        return Err(failed(e));
    }
    Ok(link)
}

fn write_all(mut file: fs::File, contents: &[u8]) -> io::Result<()> {
    file.write_all(contents)?;
    file.sync_all()
}

/// A file made new beside `path`, under a random name (`.NAME.XXXX.tmp`)
/// nothing else can have made or linked beforehand.
fn new_file_beside(path: &Path) -> io::Result<(fs::File, PathBuf)> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..16 {
        let number = getrandom::u64().map_err(|e| io::Error::other(e.to_string()))?;
        let beside = path.with_file_name(format!(".{name}.{number:016x}.tmp"));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&beside)
        {
            Ok(file) => return Ok((file, beside)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}
