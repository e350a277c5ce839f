//! For GitHub Actions: one workflow command per diagnostic, which GitHub
//! shows as an annotation on the line of the pull request.

use super::{Options, readability_lines, shown};
use crate::check::readability::Figures;
use crate::diagnostic::{Diagnostic, Severity};

pub fn emit(
    diagnostics: &[Diagnostic],
    readability: Option<&Figures>,
    summary: &str,
    options: &Options,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        let file = shown(&options.root, &d.file);
        if !file.is_empty() {
            properties.push(format!("file={}", property(&file)));
        }
        if let Some(pos) = d.pos {
            properties.push(format!("line={},col={}", pos.line, pos.column));
        }
        if let Some(code) = d.code {
            properties.push(format!("title={}", property(code)));
        }
        let mut message = d.message.get(options.lang).to_string();
        if let Some(hint) = &d.hint {
            message = format!("{message}\n{}", hint.get(options.lang));
        }
        out += &format!("::{command} {}::{}\n", properties.join(","), data(&message));
    }
    if let Some(figures) = readability {
        out += &readability_lines(figures, options.lang);
    }
    if !summary.is_empty() {
        out += summary;
        out += "\n";
    }
    out
}

/// The message of a workflow command, escaped as GitHub's toolkit does.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property of a workflow command: also `:` and `,` are escaped.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% klaar\nnu"), "50%25 klaar%0Anu");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
