//! `helder serve`: the preview. Builds as `helder build` does, into a
//! temporary folder, and again after every save.

use std::path::{Path, PathBuf};

use super::{Report, Strictness, build};
use crate::diagnostic::Diagnostic;
use crate::emit::{self, Format};
use crate::{serve, text, write};

pub struct Options {
    pub root: PathBuf,
    pub serve: serve::Options,
    /// How the terminal shows what each build found.
    pub emit: emit::Options,
    pub strictness: Strictness,
}

pub fn run(options: &Options) -> Result<Report, Report> {
    // The page shows the mistakes as the terminal does, without colours.
    let plain = emit::Options {
        format: Format::Text,
        colour: false,
        ..options.emit.clone()
    };
    let lang = options.emit.lang;
    let archive = std::cell::RefCell::new(crate::archive::Cache::default());
    let mut build = |site: &Path| -> serve::Outcome {
        let result = write::Target::open(site, &options.root)
            .map_err(|refused| Report::failed(vec![refused]))
            .and_then(|target| {
                build::run(&build::Options {
                    root: options.root.clone(),
                    output_dir: site.to_path_buf(),
                    target,
                    base_url: None,
                    strictness: options.strictness,
                    preview: true,
                    archive: Some(&archive),
                })
            });
        match result {
            Ok(report) => {
                eprint!("{}", report.render(&options.emit));
                let warnings = Report {
                    summary: None,
                    ..report
                };
                serve::Outcome {
                    errors: None,
                    warnings: (!warnings.diagnostics.is_empty()).then(|| warnings.render(&plain)),
                }
            }
            Err(report) => {
                eprint!("{}", report.render(&options.emit));
                serve::Outcome {
                    errors: Some(report.render(&plain)),
                    warnings: None,
                }
            }
        }
    };
    let say = |t: &crate::diagnostic::Text| eprintln!("{}", t.get(lang));
    match serve::run(&options.serve, lang, &mut build, &say) {
        Ok(()) => Ok(Report {
            summary: Some(text!("preview gestopt", "preview stopped")),
            ..Report::default()
        }),
        Err(message) => Err(Report::failed(vec![Diagnostic::error("", None, message)])),
    }
}
