//! The prose of the model, for the rules that read words: every Markdown
//! field with its origin, a search for whole words, and the position of the
//! words themselves in the file, so that a message points at them and not
//! at the start of the field.

use crate::diagnostic::{Pos, Sources};
use crate::model::{Member, Model, Origin, Regulation};

/// One Markdown field: where it is, and what it says.
pub struct Prose<'m> {
    pub origin: Origin,
    pub text: &'m str,
    /// `text` in ASCII lower case, made once for every word looked for.
    lower: String,
}

/// Every field of the model that holds prose for a reader.
pub fn fields(m: &Model) -> Vec<Prose<'_>> {
    let mut out = statement(m);
    if let Some(r) = &m.regulation {
        out.extend(regulation(r));
    }
    out
}

/// The prose fields of a school's statement: of `statement:`, `rights:`,
/// the activities, the recipients and the processors.
pub fn statement(m: &Model) -> Vec<Prose<'_>> {
    let mut out: Vec<Prose<'_>> = Vec::new();
    let s = &m.statement;
    for (key, text) in [
        ("introduction", &s.introduction),
        ("security", &s.security),
        ("automated_decisions", &s.automated_decisions),
        ("changes", &s.changes),
    ] {
        out.push(Prose::new(s.origin.child(key), text));
    }
    let r = &m.rights;
    for (key, text) in [
        ("how", &r.how),
        ("age", &r.age),
        ("complaints", &r.complaints),
    ] {
        out.push(Prose::new(r.origin.child(key), text));
    }
    for right in &r.items {
        out.push(Prose::new(right.origin.child("text"), &right.text));
    }
    for a in &m.activities {
        out.push(Prose::new(a.origin.child("purpose"), &a.purpose));
        for (key, text) in [
            ("legitimate_interest", &a.legitimate_interest),
            ("source", &a.source),
            ("required", &a.required),
            ("withdraw", &a.withdraw),
        ] {
            if let Some(text) = text {
                out.push(Prose::new(a.origin.child(key), text));
            }
        }
    }
    for recipient in &m.recipients {
        out.push(Prose::new(recipient.origin.child("why"), &recipient.why));
    }
    for p in &m.processors {
        if let Some(note) = &p.note {
            out.push(Prose::new(p.origin.child("note"), note));
        }
    }
    out
}

/// The prose of the regulation: its introduction, definitions, members
/// and explanations.
pub fn regulation(r: &Regulation) -> Vec<Prose<'_>> {
    let mut out = Vec::new();
    let at = &r.origin;
    out.push(Prose::new(at.child("introduction"), &r.introduction));
    for (i, d) in r.definitions.iter().enumerate() {
        out.push(Prose::new(
            at.child("definitions").at(i).child("meaning"),
            &d.meaning,
        ));
    }
    for (c, chapter) in r.chapters.iter().enumerate() {
        for (a, article) in chapter.articles.iter().enumerate() {
            let article_at = at.child("chapters").at(c).child("articles").at(a);
            out.push(Prose::new(
                article_at.child("explanation"),
                &article.explanation,
            ));
            for (m, member) in article.members.iter().enumerate() {
                let member_at = article_at.child("members").at(m);
                match member {
                    Member::Text(text) => out.push(Prose::new(member_at, text)),
                    Member::WithItems { text, items } => {
                        out.push(Prose::new(member_at.child("text"), text));
                        for (k, item) in items.iter().enumerate() {
                            out.push(Prose::new(member_at.child("items").at(k), item));
                        }
                    }
                }
            }
        }
    }
    out
}

impl<'m> Prose<'m> {
    fn new(origin: Origin, text: &'m str) -> Prose<'m> {
        Prose {
            origin,
            text,
            lower: text.to_ascii_lowercase(),
        }
    }

    /// [`find_word`] in this field.
    pub fn find(&self, word: &str) -> Option<usize> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            find_lower(&self.lower, &word.to_ascii_lowercase())
        } else {
            find_lower(&self.lower, word)
        }
    }
}

/// The byte offset of the first whole-word occurrence of `word` in `text`,
/// ignoring case (ASCII case, so that offsets stay those of `text`).
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    find_lower(&text.to_ascii_lowercase(), &word.to_ascii_lowercase())
}

/// [`find_word`] of a needle in a haystack that are both in lower case.
fn find_lower(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    // memchr's search is cheap to set up, and the rules look for many
    // words in many short texts.
    let found = |from: usize| memchr::memmem::find(&haystack.as_bytes()[from..], needle.as_bytes());
    while let Some(at) = found(from).map(|i| from + i) {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

/// The sentence of `text` around byte `at`.
pub fn sentence_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let end = text[at..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Where `words` (as written in the field at `origin`) stand in the file:
/// the first occurrence in the field's lines, or the field itself when the
/// words are not written there as they are read (broken over lines, or
/// written with a character reference such as `&#x6A;`).
pub fn position(sources: &Sources, origin: &Origin, words: &str) -> Option<Pos> {
    let field = sources.pos(origin)?;
    let file = sources.files.get(origin.file)?;
    let (start, end) = field_lines(&file.text, field);
    let Some(found) = find_word(&file.text[start..end], words).map(|i| start + i) else {
        return Some(field);
    };
    let before = &file.text[..found];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line,
        column: file.text[line_start..found].chars().count() + 1,
    })
}

/// The byte range of the lines of the value that starts at `at`: its
/// first line, and the lines after it that YAML counts as part of it: blank
/// lines, and lines indented deeper than the key before the value (or, for
/// a map or list that starts its line, as deep as the value). Searching
/// further would find the words in another field.
fn field_lines(text: &str, at: Pos) -> (usize, usize) {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let start: usize = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut lines = text[start..].split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    // Columns count characters, and the indentation is spaces.
    let starts_line = indent(first) + 1 == at.column;
    let within = |l: &str| {
        l.trim().is_empty()
            || indent(l) > indent(first)
            || starts_line && indent(l) == indent(first)
    };
    let end = start + first.len() + lines.take_while(|l| within(l)).map(str::len).sum::<usize>();
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        assert_eq!(find_word("Dit is mogelijk zo.", "mogelijk"), Some(7));
        assert_eq!(find_word("Dat is onmogelijk.", "mogelijk"), None);
        assert_eq!(find_word("De mogelijkheid.", "mogelijk"), None);
        assert_eq!(find_word("Onder andere dit.", "onder andere"), Some(0));
        assert_eq!(find_word("De Wbp gold.", "wbp"), Some(3));
    }

    #[test]
    fn words_are_looked_for_in_their_own_field_only() {
        let text = "a:\n  b: Lees [x](&#x6A;avascript:y)\n  c: >-\n    Een\n\n    javascript:y\n  d: javascript:y\n";
        let at = |line, column| Pos { line, column };
        let (start, end) = field_lines(text, at(2, 6));
        assert_eq!(&text[start..end], "  b: Lees [x](&#x6A;avascript:y)\n");
        let (start, end) = field_lines(text, at(3, 6));
        assert_eq!(&text[start..end], "  c: >-\n    Een\n\n    javascript:y\n");
        // A map that starts its line: its keys below are part of it.
        let (start, end) = field_lines(text, at(2, 3));
        assert_eq!(&text[start..], &text[start..end]);
    }

    #[test]
    fn the_sentence_around_a_word() {
        let text = "Eerste zin. U krijgt binnen vier weken antwoord. Derde.";
        let at = find_word(text, "vier weken").unwrap();
        assert_eq!(
            sentence_at(text, at).trim(),
            "U krijgt binnen vier weken antwoord"
        );
    }
}
