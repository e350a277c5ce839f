//! For programs: one JSON document with every diagnostic and the summary.

use serde_json::{Value, json};

use super::{Options, shown};
use crate::diagnostic::{Diagnostic, Severity};

pub fn emit(diagnostics: &[Diagnostic], summary: &str, options: &Options) -> String {
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
    let document = json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "summary": summary,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
