//! `helder register`: the record of processing activities (GDPR art. 30)
//! of the checked model, as `register/verwerkingsregister.csv` and `.json`.

use std::collections::BTreeMap;
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
    for (extension, contents) in [("csv", csv), ("json", json)] {
        let path = dir.join(format!("{REGISTER_FILE}.{extension}"));
        let written = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, contents));
        if let Err(e) = written {
            let shown = path.display();
            let error = Diagnostic::error(
                "",
                None,
                text!(
                    "`{shown}` is niet te schrijven: {e}",
                    "cannot write `{shown}`: {e}"
                ),
            );
            return Err(Report::failed(vec![error]).with_sources(sources));
        }
    }
    let (count, shown) = (register.processing_activities.len(), dir.display());
    Ok(Report {
        diagnostics: warnings,
        summary: Some(text!(
            "verwerkingsregister met {count} verwerkingen geschreven naar {shown} (csv en json)",
            "wrote the register of {count} processing activities to {shown} (csv and json)"
        )),
        sources,
        output: None,
    })
}
