//! For programs: one JSON document with every diagnostic, the readability
//! figures of `helder check` and the summary.

use serde_json::{Value, json};

use super::{Options, shown};
use crate::check::readability::{Figures, LONG_WORD};
use crate::diagnostic::{Diagnostic, Severity};

pub fn emit(
    diagnostics: &[Diagnostic],
    readability: Option<&Figures>,
    summary: &str,
    options: &Options,
) -> String {
    let items: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            json!({
                "code": d.code,
                "severity": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "file": shown(&options.root, &d.file),
                "line": d.pos.map(|p| p.line),
                "column": d.pos.map(|p| p.column),
                "end": d.end.map(|e| json!({"line": e.line, "column": e.column})),
                "message": d.message.get(options.lang),
                "hint": d.hint.as_ref().map(|h| h.get(options.lang)),
                "school": d.school,
            })
        })
        .collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut document = json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "summary": summary,
    });
    if let Some(figures) = readability {
        document["readability"] = figures_json(figures);
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// The readability figures: the targets, and per kind of page its figure,
/// the average sentence length, the share of long words and the counts
/// they come from (figures are null for a kind of page without text).
fn figures_json(figures: &Figures) -> Value {
    let round = |x: Option<f64>, digits: i32| {
        let scale = 10f64.powi(digits);
        x.map(|x| (x * scale).round() / scale)
    };
    let pages: Vec<Value> = figures
        .pages
        .iter()
        .map(|(kind, c)| {
            json!({
                "page": kind.key(),
                "flesch_douma": round(c.flesch_douma(), 1),
                "words_per_sentence": round(c.words_per_sentence(), 1),
                "long_words": round(c.long_share(), 3),
                "words": c.words,
                "sentences": c.sentences,
                "syllables": c.syllables,
                "meets_targets": figures.meets(c),
            })
        })
        .collect();
    json!({
        "min_flesch_douma": figures.targets.min_flesch_douma,
        "max_words_per_sentence": figures.targets.max_words_per_sentence,
        "long_word_syllables": LONG_WORD,
        "pages": pages,
    })
}
