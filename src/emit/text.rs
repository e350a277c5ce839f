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

/// The bytes of what starts at `pos` (line and column in characters, from
/// 1), at least one character: a value written after a key or a `- ` (or
/// in a `[…]` list) is underlined whole (`De Vlinder`, `"Obs De Linde"`),
/// up to a comment, a `,` or `]` in a list, or the end of the line; a key
/// (`name:`), or a place inside a text, is the word there, up to the next
/// space.
fn span(text: &str, pos: Pos) -> std::ops::Range<usize> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = text[line_start..].split('\n').next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let start = line
        .char_indices()
        .nth(pos.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = value_len(&line[..start], rest).unwrap_or_else(|| {
        rest.find(|c: char| c.is_whitespace() || c == ',' || c == ']')
            .unwrap_or(rest.len())
    });
    let len = if len == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    line_start + start..line_start + start + len
}

/// The length of the value that starts `rest`, when it starts a value
/// (after `before`, which ends in `: `, `- `, `[` or `, `) and is not a key.
fn value_len(before: &str, rest: &str) -> Option<usize> {
    let before = before.trim_end_matches(' ');
    let in_list = before.contains('[') || before.contains('{');
    let starts_value = before.is_empty()
        || before.ends_with(':')
        || before.ends_with('-')
        || before.ends_with('[')
        || (in_list && before.ends_with(','));
    if !starts_value {
        return None;
    }
    // A quoted text, up to its closing quote (`''` is a quote inside `'…'`,
    // `\"` inside `"…"`), or to the end of the line if it goes on.
    if let Some(quote @ ('"' | '\'')) = rest.chars().next() {
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if quote == '"' => {
                    chars.next();
                }
                '\'' if quote == '\'' && chars.peek().is_some_and(|(_, c)| *c == '\'') => {
                    chars.next();
                }
                c if c == quote => return Some(i + 1),
                _ => {}
            }
        }
        return Some(rest.trim_end().len());
    }
    // A plain value, up to a comment (and in a list, up to `,` or `]`).
    let mut value = rest.split(" #").next().unwrap_or(rest);
    if in_list {
        value = value.split([',', ']', '}']).next().unwrap_or(value);
    }
    let value = value.trim_end();
    // `name: X` written where a value was looked for is a key and a value.
    if value.ends_with(':') || value.contains(": ") {
        return None;
    }
    Some(value.len())
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
        // Outside `[…]` a comma is part of the value.
        assert_eq!(&text[span(text, Pos { line: 3, column: 8 })], "één, twee");
        // A value is underlined whole, a key or a word inside a text as a word.
        let text = "- id: De Vlinder # de school\n  name: \"Obs 'De' \\\" Vlinder\" # x\n  sites: [de linde, b]\n  how: Mail uw verzoek naar\n  x: Let op: dit\n";
        let at = |line, column| &text[span(text, Pos { line, column })];
        assert_eq!(at(1, 7), "De Vlinder");
        assert_eq!(at(1, 3), "id:");
        assert_eq!(at(2, 9), "\"Obs 'De' \\\" Vlinder\"");
        assert_eq!(at(3, 11), "de linde");
        assert_eq!(at(4, 13), "uw");
        assert_eq!(at(5, 6), "Let");
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
