//! The bytes of a file into its text: UTF-8, with or without the
//! byte-order mark that Windows editors write.
//!
//! A file saved in another encoding is an error that names it: UTF-16
//! (which Windows Notepad can write, with or without a byte-order mark),
//! or bytes that are no UTF-8, with the line and column of the first of
//! them. Never "the file is missing" for a file that is there.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Pos};
use crate::text;

use super::explain;

/// A file that is not UTF-8 text: what to say, and the text as far as it
/// can be shown (the bytes that are no UTF-8 each become `�`, so the line
/// with the caret can be shown).
pub struct NotUtf8 {
    pub diagnostic: Diagnostic,
    pub shown: Option<String>,
}

/// The text of `bytes`, the file `rel`. A byte-order mark stays, so that
/// the text is the one git holds; the YAML reader and the messages pass
/// over it.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if utf16(&bytes) {
        let diagnostic = Diagnostic::error(
            rel,
            None,
            text!(
                "dit bestand is als UTF-16 bewaard; helder leest alleen UTF-8",
                "this file is saved as UTF-16; helder reads UTF-8 only"
            ),
        )
        .with_hint(save_as_utf8())
        .with_code(explain::UNREADABLE);
        return Err(NotUtf8 {
            diagnostic,
            shown: None,
        });
    }
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let good = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    // Valid by its definition: the bytes before the first that is not.
    let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let pos = Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    };
    let byte = bytes[good];
    // Places, not bytes: bytes that are no UTF-8 side by side are one.
    let places = bytes
        .utf8_chunks()
        .enumerate()
        .filter(|(i, c)| !c.invalid().is_empty() && (*i == 0 || !c.valid().is_empty()))
        .count();
    let more = places.saturating_sub(1);
    let (mut nl, mut en) = (
        format!(
            "de byte 0x{byte:02X} hier is geen UTF-8: dit bestand is in een andere tekenset bewaard"
        ),
        format!("the byte 0x{byte:02X} here is not UTF-8: this file is saved in another encoding"),
    );
    if let Some(c) = windows_1252(byte) {
        nl += &format!(" (in Windows-1252 is het `{c}`)");
        en += &format!(" (in Windows-1252 it is `{c}`)");
    }
    match more {
        0 => {}
        1 => {
            nl += "; er is nog 1 zo'n plek verderop";
            en += "; there is 1 more such place further on";
        }
        n => {
            nl += &format!("; er zijn nog {n} zulke plekken verderop");
            en += &format!("; there are {n} more such places further on");
        }
    }
    let message = crate::diagnostic::Text { nl, en };
    let diagnostic = Diagnostic::error(rel, Some(pos), message)
        .with_hint(save_as_utf8())
        .with_code(explain::UNREADABLE);
    Err(NotUtf8 {
        diagnostic,
        shown: Some(String::from_utf8_lossy(&bytes).into_owned()),
    })
}

fn save_as_utf8() -> crate::diagnostic::Text {
    text!(
        "bewaar het bestand als UTF-8: in Kladblok met Bestand > Opslaan als, en dan bij Codering `UTF-8`; in een andere editor heet het ook `UTF-8` of `Unicode (UTF-8)`",
        "save the file as UTF-8: in Notepad with File > Save as, then `UTF-8` under Encoding; other editors call it `UTF-8` or `Unicode (UTF-8)` too"
    )
}

/// Whether `bytes` are UTF-16: they start with its byte-order mark, or
/// more than half of their first pairs of bytes are a character of ASCII
/// and a zero, as UTF-16 writes the letters and signs of a YAML file. No
/// UTF-8 text of YAML looks like that.
fn utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(512).collect();
    let little = pairs.iter().filter(|p| p[0] != 0 && p[1] == 0).count();
    let big = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    !pairs.is_empty() && 2 * little.max(big) > pairs.len()
}

/// The character `byte` is in Windows-1252, the encoding a Dutch Windows
/// saves "ANSI" text in, for the bytes that are no UTF-8 on their own.
fn windows_1252(byte: u8) -> Option<char> {
    match byte {
        0x80 => Some('€'),
        0x85 => Some('…'),
        0x91 => Some('‘'),
        0x92 => Some('’'),
        0x93 => Some('“'),
        0x94 => Some('”'),
        0x96 => Some('–'),
        0x97 => Some('—'),
        0xa1..=0xff => Some(char::from(byte)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> Diagnostic {
        match decode(Path::new("schools.yaml"), bytes.to_vec()) {
            Ok(text) => panic!("read as {text:?}"),
            Err(e) => e.diagnostic,
        }
    }

    #[test]
    fn utf8_is_read_with_or_without_a_byte_order_mark() {
        let read = |b: &[u8]| decode(Path::new("a.yaml"), b.to_vec()).ok();
        assert_eq!(
            read(b"\xef\xbb\xbfa: \xc3\xa9\n").as_deref(),
            Some("\u{feff}a: é\n")
        );
        assert_eq!(read(b"a: b\n").as_deref(), Some("a: b\n"));
    }

    #[test]
    fn utf16_is_named_with_or_without_a_byte_order_mark() {
        let utf16le: Vec<u8> = "schools:\n  - id: a\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let utf16be: Vec<u8> = "a: b\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xff, 0xfe][..], &utf16le].concat(),
            utf16le,
            [&[0xfe, 0xff][..], &utf16be].concat(),
            utf16be,
        ] {
            assert!(error(&bytes).message.en.contains("UTF-16"), "{bytes:?}");
        }
    }

    #[test]
    fn bytes_that_are_no_utf8_are_named_where_they_are() {
        let d = error(b"schools:\n  - name: Caf\xe9 \xe9\xe9\n");
        assert_eq!(
            d.pos,
            Some(Pos {
                line: 2,
                column: 14
            })
        );
        assert_eq!(
            d.message.en,
            "the byte 0xE9 here is not UTF-8: this file is saved in another encoding (in Windows-1252 it is `é`); there is 1 more such place further on"
        );
    }
}
