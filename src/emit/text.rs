//! For people: each diagnostic as rustc shows one, with the source line and
//! a caret under the spot, in Dutch or English.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Options, readability_lines, shown};
use crate::check::readability::Figures;
use crate::diagnostic::{Diagnostic, Lang, Pos, Severity, Sources};

pub fn emit(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    readability: Option<&Figures>,
    summary: &str,
    options: &Options,
) -> String {
    let renderer = if options.colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        out += &renderer.render(&[group(d, sources, options)]);
        out += "\n";
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

fn group<'a>(d: &'a Diagnostic, sources: &'a Sources, options: &Options) -> Group<'a> {
    let (error, warning, hint) = match options.lang {
        Lang::Nl => ("fout", "waarschuwing", "tip"),
        Lang::En => ("error", "warning", "hint"),
    };
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(error),
        Severity::Warning => Level::WARNING.with_name(warning),
    };
    let mut title = level.primary_title(d.message.get(options.lang).to_string());
    if let Some(code) = d.code {
        title = title.id(code);
    }
    let path = shown(&options.root, &d.file);
    let text = sources
        .files
        .iter()
        .find(|f| f.path == d.file)
        // A byte-order mark is no character of the first line: the reader
        // counts its columns without it, as an editor shows them.
        .map(|f| f.text.strip_prefix(crate::yaml::BOM).unwrap_or(&f.text));
    let mut group = Group::with_title(title);
    match (text, d.pos) {
        (Some(text), Some(pos)) if !path.is_empty() => {
            let mut range = span(text, pos);
            if let Some(end) = d.end.filter(|e| e.line == pos.line) {
                range.end = range.start.max(span(text, end).start);
            }
            let snippet = Snippet::source(text)
                .path(path)
                .annotation(AnnotationKind::Primary.span(range));
            group = group.element(snippet);
        }
        _ if !path.is_empty() => {
            let mut origin = Origin::path(path);
            if let Some(pos) = d.pos {
                origin = origin
                    .line(pos.line)
                    .char_column(pos.column.saturating_sub(1));
            }
            group = group.element(origin);
        }
        _ => {}
    }
    if let Some(school) = &d.school {
        // "school" in both languages.
        group = group.element(Level::NOTE.with_name("school").message(school.clone()));
    }
    if let Some(h) = &d.hint {
        group = group.element(
            Level::HELP
                .with_name(hint)
                .message(h.get(options.lang).to_string()),
        );
    }
    group
}

/// The bytes of the word that starts at `pos` (line and column in
/// characters, from 1): up to the next space or end of line, at least one
/// character.
fn span(text: &str, pos: Pos) -> std::ops::Range<usize> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = text[line_start..].split('\n').next().unwrap_or_default();
    let start = line
        .char_indices()
        .nth(pos.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let word = &line[start..];
    let len = word
        .find(|c: char| c.is_whitespace() || c == ',' || c == ']')
        .unwrap_or(word.len());
    let len = if len == 0 {
        word.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    line_start + start..line_start + start + len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_is_the_word_at_the_position() {
        let text = "a:\n  - leerling-nam\n  - b: één, twee\n";
        assert_eq!(
            &text[span(text, Pos { line: 2, column: 5 })],
            "leerling-nam"
        );
        assert_eq!(&text[span(text, Pos { line: 3, column: 8 })], "één");
        assert_eq!(
            &text[span(
                text,
                Pos {
                    line: 2,
                    column: 99
                }
            )],
            ""
        );
    }
}
