//! YAML: a text into a tree of nodes that each know their line and column.
//!
//! This is the one YAML reader of helder. yaml-rust2's event parser reads the
//! text; [`parse`] builds a [`Node`] tree from its events, with the position
//! of every value, and [`de`] turns a tree into the typed model through serde,
//! with an error type of helder's own that carries what went wrong as values
//! (an unknown key and the keys allowed there, a wrong kind of value), never
//! as text to be read back. The same tree answers "where was this written?"
//! for every later stage, through a [`YamlPath`].
//!
//! Anchors and aliases (`&x`, `*x`) are refused: nobody writing a privacy
//! statement needs them, and refusing them rules out alias bombs. Nesting is
//! limited to [`MAX_DEPTH`] levels, so a file of 50,000 nested `- ` is an
//! error rather than a stack overflow.

pub mod de;
pub mod recover;

use yaml_rust2::parser::{Event, Parser};

use crate::model::{Step, YamlPath};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A line and column, both counted from 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Deeper than this, a file is refused. helder's deepest value is four levels.
pub const MAX_DEPTH: usize = 64;

/// One value of a YAML file and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A text, a number or a truth value: YAML does not say which until a
    /// type asks. `quoted` is true for `'…'` and `"…"`, which are always text.
    Scalar {
        text: String,
        quoted: bool,
    },
    List(Vec<Node>),
    /// Keys and values in the order they were written.
    Map(Vec<(Node, Node)>),
}

/// The kind of a value, as a message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `key:` with nothing after it, `~` or `null`.
    Nothing,
    Text,
    List,
    Map,
}

impl Node {
    pub fn shape(&self) -> Shape {
        match &self.value {
            Value::Scalar {
                text,
                quoted: false,
            } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL") => Shape::Nothing,
            Value::Scalar { .. } => Shape::Text,
            Value::List(_) => Shape::List,
            Value::Map(_) => Shape::Map,
        }
    }

    /// The value under `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The key node of `key`, when this is a mapping that has it.
    pub fn key(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(k, _)| k),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::List(items) => items,
            _ => &[],
        }
    }

    /// The node at `path` below this one, or the deepest node on the way
    /// that exists (a diagnostic about a missing key points at its parent).
    /// A key with nothing after it (`law:`) is found at its key.
    pub fn find(&self, path: &YamlPath) -> &Node {
        let mut node = self;
        for step in path.steps() {
            let next = match step {
                Step::Key(key) => node.get(key).map(|v| {
                    if v.shape() == Shape::Nothing {
                        node.key(key).unwrap_or(v)
                    } else {
                        v
                    }
                }),
                Step::Index(i) => node.items().get(*i),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }

    /// A text for the value that ignores positions, comments, formatting and
    /// the order of keys: two versions of an entry are the same when these are.
    pub fn canonical(&self) -> String {
        match &self.value {
            Value::Scalar { text, .. } => format!("{text:?}"),
            Value::List(items) => {
                let items: Vec<String> = items.iter().map(Node::canonical).collect();
                format!("[{}]", items.join(","))
            }
            Value::Map(entries) => {
                let mut pairs: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}={}", k.canonical(), v.canonical()))
                    .collect();
                pairs.sort();
                format!("{{{}}}", pairs.join(","))
            }
        }
    }
}

/// Why a text is not YAML helder reads, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub kind: Syntax,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// A quoted text without its closing quote.
    UnclosedQuote,
    /// A tab, or a character that cannot start a value (`@`, a backtick).
    Tab,
    /// A line indented differently from the lines around it.
    Indentation,
    /// `key: value: more` — a `: ` inside a plain value.
    ColonInValue,
    /// `place Leusden` where a key is expected: the words of the line, up
    /// to a comment, without the `- ` of an item.
    MissingColon(String),
    /// `&anchor` or `*alias`.
    Alias,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than one document (`---`) in one file.
    SecondDocument,
    /// A character YAML does not allow anywhere in a file, comments
    /// included (see [`forbidden`]): a NUL byte, another control character.
    Forbidden(char),
    /// Anything else, in the parser's own words.
    Other(String),
}

/// Parses a text into its tree; `None` when it holds no document (an empty
/// file, or only comments).
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    // A byte-order mark may start a file (YAML 1.2, 5.2); Windows editors
    // write one. The parser would read it as part of the first key.
    let text = text.strip_prefix(BOM).unwrap_or(text);
    // The parser takes a NUL for the end of the text and reads no further,
    // and lets other control characters through: both are refused here,
    // where they are, before the parser sees them.
    if let Some((pos, c)) = first_forbidden(text) {
        return Err(SyntaxError {
            pos,
            kind: Syntax::Forbidden(c),
        });
    }
    let text = &*ordinary(text);
    let mut parser = Parser::new_from_str(text);
    let mut builder = Builder::default();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| syntax_error(text, e))?;
        let at = pos(mark);
        match event {
            Event::StreamEnd => return Ok(builder.root),
            Event::DocumentStart if builder.root.is_some() => {
                return Err(SyntaxError {
                    pos: at,
                    kind: Syntax::SecondDocument,
                });
            }
            Event::Alias(_) => {
                return Err(SyntaxError {
                    pos: at,
                    kind: Syntax::Alias,
                });
            }
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor > 0 =>
            {
                return Err(SyntaxError {
                    pos: at,
                    kind: Syntax::Alias,
                });
            }
            Event::Scalar(text, style, ..) => {
                let quoted = matches!(
                    style,
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted
                );
                builder.value(Node {
                    pos: at,
                    value: Value::Scalar { text, quoted },
                });
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if builder.open.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        pos: at,
                        kind: Syntax::TooDeep,
                    });
                }
                let value = match event {
                    Event::SequenceStart(..) => Value::List(Vec::new()),
                    _ => Value::Map(Vec::new()),
                };
                builder.open.push((Node { pos: at, value }, None));
            }
            Event::SequenceEnd | Event::MappingEnd => builder.close(),
            _ => {}
        }
    }
}

/// The byte-order mark, which may start a file.
pub const BOM: char = '\u{feff}';

/// Whether YAML forbids `c` in a file (YAML 1.2, 5.1: a file holds only
/// printable characters): the control characters other than tab, line feed
/// and carriage return (C0, DEL, and C1 other than NEL), and U+FFFE and
/// U+FFFF, which are no characters at all.
pub fn forbidden(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x08'
            | '\x0b'
            | '\x0c'
            | '\x0e'..='\x1f'
            | '\x7f'
            | '\u{80}'..='\u{84}'
            | '\u{86}'..='\u{9f}'
            | '\u{fffe}'
            | '\u{ffff}'
    )
}

/// The first character of `text` that YAML forbids, and its line and
/// column (in characters, as every position of helder is).
pub fn first_forbidden(text: &str) -> Option<(Pos, char)> {
    // By bytes, since every file is read through here: a forbidden
    // character starts with a control byte, or with the first byte of C1
    // (0xC2) or of U+FFFE and U+FFFF (0xEF); only from such a byte on are
    // the characters decoded.
    let maybe = |b: &u8| {
        (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xc2 | 0xef)
    };
    let mut from = 0;
    let (at, c) = loop {
        let start = from + text.as_bytes()[from..].iter().position(maybe)?;
        let c = text[start..].chars().next()?;
        if forbidden(c) {
            break (start, c);
        }
        from = start + c.len_utf8();
    };
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let pos = Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    };
    Some((pos, c))
}

/// Non-breaking spaces where YAML needs a space (in the indentation, after
/// the `:` of a key and the `-` of a list item, at the end of a line)
/// become spaces: text pasted from Word is ordinary input. Each is one
/// character for another, so lines and columns stay those of the file.
fn ordinary(text: &str) -> std::borrow::Cow<'_, str> {
    const NBSP: char = '\u{a0}';
    if !text.contains(NBSP) {
        return text.into();
    }
    let line = |line: &str| -> String {
        let body = line.trim_start_matches([' ', NBSP]);
        let indent = line.len() - body.len();
        let body = body.trim_end_matches([' ', NBSP, '\r']);
        let tail = &line[indent + body.len()..];
        let mut body = body.replace(":\u{a0}", ": ");
        if body.starts_with("-\u{a0}") {
            body = body.replacen("-\u{a0}", "- ", 1);
        }
        let spaces = |part: &str| part.replace(NBSP, " ");
        spaces(&line[..indent]) + &body + &spaces(tail)
    };
    text.split('\n')
        .map(line)
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// Builds the tree from the parser's events.
#[derive(Default)]
struct Builder {
    /// Open lists and mappings, each with the key waiting for its value.
    open: Vec<(Node, Option<Node>)>,
    root: Option<Node>,
}

impl Builder {
    fn value(&mut self, node: Node) {
        let Some((parent, pending)) = self.open.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut parent.value {
            Value::List(items) => items.push(node),
            Value::Map(entries) => match pending.take() {
                Some(key) => entries.push((key, node)),
                None => {
                    // A block mapping starts where its first key is (the
                    // parser's own mark for it lies past the key).
                    if entries.is_empty() {
                        parent.pos = node.pos;
                    }
                    *pending = Some(node);
                }
            },
            Value::Scalar { .. } => {}
        }
    }

    fn close(&mut self) {
        if let Some((node, _)) = self.open.pop() {
            self.value(node);
        }
    }
}

fn pos(mark: Marker) -> Pos {
    Pos {
        line: mark.line(),
        column: mark.col() + 1,
    }
}

/// The parser's error as a [`SyntaxError`]. yaml-rust2 reports its errors
/// as text only, so they are told apart by that text here, in one place,
/// with a test for each wording this relies on.
fn syntax_error(text: &str, error: yaml_rust2::ScanError) -> SyntaxError {
    let mut at = pos(*error.marker());
    let info = error.info();
    let kind = if info.contains("recursion limit") {
        Syntax::TooDeep
    } else if info.contains("quoted scalar") {
        Syntax::UnclosedQuote
    } else if info.contains("tab") || info.contains("cannot start any token") {
        Syntax::Tab
    } else if info.contains("mapping values are not allowed") {
        Syntax::ColonInValue
    } else if info.contains("did not find expected")
        || info.contains("block collection")
        || info.contains("indicator")
        || info.contains("expected key")
    {
        Syntax::Indentation
    } else {
        Syntax::Other(info.to_string())
    };
    if let Some((line, column, words)) = missing_colon(text, &kind, at) {
        return SyntaxError {
            pos: Pos { line, column },
            kind: Syntax::MissingColon(words),
        };
    }
    let Some(line) = text.lines().nth(at.line.saturating_sub(1)) else {
        return SyntaxError { pos: at, kind };
    };
    let indent = line.len() - line.trim_start().len();
    // "mapping values are not allowed" at the first `:` of an indented line
    // is a key indented further than the keys around it, not a `: ` inside
    // a value (which the parser finds at a later colon of its line).
    let kind = match kind {
        Syntax::ColonInValue if indent > 0 && line.find(':') == Some(at.column - 1) => {
            Syntax::Indentation
        }
        kind => kind,
    };
    match kind {
        // An indentation error is fixed at the start of its line, not where
        // the parser gave up.
        Syntax::Indentation => at.column = indent + 1,
        // The parser may stop on the line before the tab (in the middle of
        // a value that the tab ends): point at the tab itself.
        Syntax::Tab => {
            let lines = text.lines().enumerate().skip(at.line.saturating_sub(1));
            if let Some((index, tab)) = lines.take(3).find_map(|(i, l)| Some((i, l.find('\t')?))) {
                let line = text.lines().nth(index).unwrap_or_default();
                at = Pos {
                    line: index + 1,
                    column: line[..tab].chars().count() + 1,
                };
            }
        }
        _ => {}
    }
    SyntaxError { pos: at, kind }
}

/// The line where a key is expected but only words are written, without a
/// colon (`place Leusden`), when that is what the parser stopped at: its
/// line, the column of its first word, and its words.
///
/// The parser says so in two ways, neither on that line. "simple key
/// expect ':'" comes where it finds the next token, a line (or the end of
/// the file) later: the words are on the last line written before it.
/// "mapping values are not allowed" comes at the colon of the next line
/// when the words are the first key of an item (`- id de-linde`): the
/// parser took both lines for one key. Only then, and only when that next
/// line's key stands in the column of the item's keys, is it this mistake.
fn missing_colon(text: &str, kind: &Syntax, at: Pos) -> Option<(usize, usize, String)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let counts = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    // The last line with YAML on it before the mark.
    let before = |line: usize, column: usize| -> Option<usize> {
        let here = lines.get(line.checked_sub(1)?)?;
        let head: String = here.chars().take(column.saturating_sub(1)).collect();
        if counts(&head) {
            return Some(line);
        }
        (1..line).rev().find(|&l| counts(lines[l - 1]))
    };
    let found = match kind {
        Syntax::Other(info) if info.starts_with("simple key expect") => before(at.line, at.column)?,
        Syntax::ColonInValue | Syntax::Indentation => {
            let here = lines.get(at.line.checked_sub(1)?)?;
            let indent = here.len() - here.trim_start_matches(' ').len();
            if here.find(':') != Some(at.column.checked_sub(1)?) {
                return None;
            }
            let above = before(at.line, 1)?;
            let item = lines[above - 1].trim_start_matches(' ');
            match item.strip_prefix("- ") {
                Some(after_dash) => {
                    let key_column =
                        lines[above - 1].len() - after_dash.trim_start_matches(' ').len();
                    if key_column != indent {
                        return None;
                    }
                }
                // The first key of a block (`organisation:` above it): a
                // word that can be a key, since a text under its key
                // (`description:`) may go on to a line with a colon.
                None => {
                    let parent = before(above, 1)?;
                    let parent = lines[parent - 1].trim_end_matches(['\r', ' ']);
                    let parent_indent = parent.len() - parent.trim_start_matches(' ').len();
                    let first = item.split(' ').next().unwrap_or_default();
                    let own_indent = lines[above - 1].len() - item.len();
                    if own_indent != indent
                        || parent_indent >= indent
                        || !parent.ends_with(':')
                        || !is_key_like(first)
                    {
                        return None;
                    }
                }
            }
            above
        }
        _ => return None,
    };
    let line = lines[found - 1].trim_end_matches('\r');
    let body = line.trim_start_matches(' ');
    let body = body.strip_prefix("- ").unwrap_or(body);
    let body = body.trim_start_matches(' ');
    // A comment is no part of the words.
    let words = body.split(" #").next()?.trim_end();
    let plain = words
        .chars()
        .next()
        .is_some_and(|c| !"#\"'[]{}|>&*!%@`?,-".contains(c));
    if !plain || words.contains(": ") || words.ends_with(':') {
        return None;
    }
    let column = line[..line.len() - body.len()].chars().count() + 1;
    Some((found, column, words.to_string()))
}

/// Whether `word` can be a key of helder's model: `place`, `set_by`.
pub fn is_key_like(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn every_node_knows_where_it_starts() {
        let text = "activities:\n  - id: a\n    categories: [x, y]\n  - id: b\n";
        let root = parse(text).unwrap().unwrap();
        let activities = YamlPath::key("activities");
        assert_eq!(root.find(&activities.at(0)).pos, at(2, 5));
        assert_eq!(
            root.find(&activities.at(0).child("categories").at(1)).pos,
            at(3, 21)
        );
        assert_eq!(root.find(&activities.at(1).child("id")).pos, at(4, 9));
        // A path that goes further than the file points at the deepest node found.
        assert_eq!(root.find(&activities.at(1).child("name")).pos, at(4, 5));
        assert_eq!(
            activities.at(0).child("categories").at(1).to_string(),
            "activities[0].categories[1]"
        );
    }

    #[test]
    fn an_empty_value_is_found_at_its_key() {
        let root = parse("a:\n  law:\n  b: 1\n").unwrap().unwrap();
        assert_eq!(root.find(&YamlPath::key("a").child("law")).pos, at(2, 3));
    }

    #[test]
    fn no_document_is_none() {
        assert_eq!(parse("# alleen een opmerking\n").unwrap(), None);
        assert_eq!(parse("").unwrap(), None);
    }

    #[test]
    fn canonical_text_ignores_order_and_formatting() {
        let a = parse("- id: x\n  name: X\n").unwrap().unwrap();
        let b = parse("# opmerking\n- {name: X,   id: x}\n")
            .unwrap()
            .unwrap();
        let c = parse("- id: x\n  name: Y\n").unwrap().unwrap();
        assert_eq!(a.canonical(), b.canonical());
        assert_ne!(a.canonical(), c.canonical());
    }

    /// The parser's wordings that [`syntax_error`] relies on.
    #[test]
    fn syntax_errors_are_told_apart() {
        let kind = |text: &str| parse(text).unwrap_err().kind;
        assert_eq!(kind("a: \"open\nb: 1\n"), Syntax::UnclosedQuote);
        assert_eq!(kind("a:\n\tb: 1\n"), Syntax::Tab);
        assert_eq!(kind("a: b: c\n"), Syntax::ColonInValue);
        assert_eq!(kind("a:\n  b: Let op: dit\n"), Syntax::ColonInValue);
        let too_far = parse("a:\n  - id: x\n    name: X\n     extra: y\n").unwrap_err();
        assert_eq!((too_far.kind, too_far.pos), (Syntax::Indentation, at(4, 6)));
        let tab = parse("a:\n  b: 1\n\tc: 2\n").unwrap_err();
        assert_eq!((tab.kind, tab.pos), (Syntax::Tab, at(3, 1)));
        assert_eq!(kind("a:\n  - x\n - y\n"), Syntax::Indentation);
        assert_eq!(kind("a: &x 1\nb: *x\n"), Syntax::Alias);
        assert_eq!(kind("a: 1\n---\nb: 2\n"), Syntax::SecondDocument);
    }

    /// `place Leusden` where a key belongs is found on its own line, in the
    /// middle of a file, at its end, and as the first key of an item.
    #[test]
    fn a_missing_colon_is_found_on_its_line() {
        let error = |text: &str| {
            let e = parse(text).unwrap_err();
            (e.pos, e.kind)
        };
        let missing = |words: &str| Syntax::MissingColon(words.to_string());
        let middle = "schools:\n  - id: a\n    place Leusden\n\n    # opmerking\n    name: A\n";
        assert_eq!(error(middle), (at(3, 5), missing("place Leusden")));
        let end = "schools:\n  - id: a\n    place Leusden # de plaats\n";
        assert_eq!(error(end), (at(3, 5), missing("place Leusden")));
        let next_item = "schools:\n  - id: a\n    place Leusden\n  - id: b\n";
        assert_eq!(error(next_item), (at(3, 5), missing("place Leusden")));
        let first = "schools:\n  - id de-linde\n    name: A\n";
        assert_eq!(error(first), (at(2, 5), missing("id de-linde")));
        let block = "organisation:\n  name Stichting X\n  place: Y\n";
        assert_eq!(error(block), (at(2, 3), missing("name Stichting X")));
        // A text that goes on to a line with a colon is not a key.
        let text = "statement:\n  introduction:\n    Dit is de tekst\n    en dit: meer\n";
        assert_eq!(error(text).1, Syntax::Indentation);
        // A key indented too far is still that, not a missing colon.
        let too_far = "a:\n  - id: x\n    name: X\n     extra: y\n";
        assert_eq!(error(too_far), (at(4, 6), Syntax::Indentation));
    }

    #[test]
    fn non_breaking_spaces_from_word_are_ordinary_spaces() {
        let text = "schools:\n\u{a0} - id:\u{a0}de-linde\n    name: Obs\u{a0}De Linde\u{a0}\n";
        let root = parse(text).unwrap().unwrap();
        let school = &root.get("schools").unwrap().items()[0];
        assert_eq!(school.get("id").and_then(Node::as_str), Some("de-linde"));
        // A non-breaking space inside a value stays: it is the writer's.
        assert_eq!(
            school.get("name").and_then(Node::as_str),
            Some("Obs\u{a0}De Linde")
        );
        assert_eq!(school.get("name").unwrap().pos, at(3, 11));
    }

    #[test]
    fn a_character_yaml_forbids_is_an_error_where_it_is() {
        let err = parse("schools:\n  - id: a\n  # op\u{0}merking\n  - id: b\n").unwrap_err();
        assert_eq!((err.kind, err.pos), (Syntax::Forbidden('\0'), at(3, 7)));
        let err = parse("a: één\u{1b}[31m\n").unwrap_err();
        assert_eq!((err.kind, err.pos), (Syntax::Forbidden('\u{1b}'), at(1, 7)));
        for allowed in ['\t', '\u{85}', '\u{a0}', '\u{feff}', '\u{fffd}', '“'] {
            assert!(!forbidden(allowed), "{allowed:?}");
        }
        for refused in ['\0', '\u{7}', '\u{7f}', '\u{9b}', '\u{fffe}', '\u{ffff}'] {
            assert!(forbidden(refused), "{refused:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_at_the_start_is_no_part_of_the_first_key() {
        let root = parse("\u{feff}retention:\n  - id: r\n").unwrap().unwrap();
        assert!(root.get("retention").is_some());
        assert_eq!(root.key("retention").unwrap().pos, at(1, 1));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let text = "- ".repeat(50_000) + "x\n";
        assert_eq!(parse(&text).unwrap_err().kind, Syntax::TooDeep);
        let flow = "[".repeat(50_000);
        assert_eq!(parse(&flow).unwrap_err().kind, Syntax::TooDeep);
    }
}
