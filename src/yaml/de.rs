//! A YAML tree into a typed value through serde, with helder's own error type.
//!
//! serde tells a deserializer what went wrong through calls that carry it as
//! values: `unknown_field(key, allowed)`, `missing_field(key)`,
//! `unknown_variant(value, allowed)`. [`Error`] keeps those values, and the
//! deserializer itself reports a wrong kind of value (a list where a text
//! belongs, `ja` where `true` or `false` belongs) as [`Problem::Expected`].
//! Every error carries the position of the node it is about. Turning an
//! error into words is the job of `load`, not of this module.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{Node, Pos, Shape, Value};

/// Reads `T` from a tree.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, Error> {
    T::deserialize(node)
}

/// What went wrong, and at which node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub problem: Problem,
    pub pos: Option<Pos>,
}

/// What a value was expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Text,
    /// `true` or `false`.
    Bool,
    Number,
    List,
    /// A block of keys.
    Map,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    UnknownKey {
        key: String,
        allowed: &'static [&'static str],
    },
    MissingKey(&'static str),
    DuplicateKey(&'static str),
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    /// A value of another kind than the key takes; `text` is what was
    /// written, for scalars.
    Expected {
        want: Want,
        found: Shape,
        text: Option<String>,
    },
    /// A text that is not one of the forms a value takes (a period such as
    /// `5 jaren`), with examples of what it should look like, as the
    /// model's `Deserialize` gives them.
    InvalidValue {
        text: String,
        examples: String,
    },
    /// Anything else serde reports, in its words.
    Invalid(String),
}

impl Error {
    fn new(problem: Problem) -> Error {
        Error { problem, pos: None }
    }

    /// The error placed at `pos`, unless a deeper node already placed it.
    fn at(mut self, pos: Pos) -> Error {
        self.pos.get_or_insert(pos);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.problem)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(Problem::Invalid(message.to_string()))
    }

    fn unknown_field(key: &str, allowed: &'static [&'static str]) -> Self {
        Error::new(Problem::UnknownKey {
            key: key.to_string(),
            allowed,
        })
    }

    fn missing_field(key: &'static str) -> Self {
        Error::new(Problem::MissingKey(key))
    }

    fn duplicate_field(key: &'static str) -> Self {
        Error::new(Problem::DuplicateKey(key))
    }

    fn unknown_variant(value: &str, allowed: &'static [&'static str]) -> Self {
        Error::new(Problem::UnknownValue {
            value: value.to_string(),
            allowed,
        })
    }

    fn invalid_value(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        let text = match unexpected {
            de::Unexpected::Str(text) => text.to_string(),
            other => other.to_string(),
        };
        Error::new(Problem::InvalidValue {
            text,
            examples: expected.to_string(),
        })
    }

    // Reached only through a `Deserialize` that asks for any value and then
    // refuses what it got; helder's model has none, so say what was found.
    fn invalid_type(unexpected: de::Unexpected, _: &dyn de::Expected) -> Self {
        let found = match unexpected {
            de::Unexpected::Seq => Shape::List,
            de::Unexpected::Map => Shape::Map,
            de::Unexpected::Unit | de::Unexpected::Option => Shape::Nothing,
            _ => Shape::Text,
        };
        Error::new(Problem::Expected {
            want: Want::Text,
            found,
            text: None,
        })
    }
}

impl Node {
    fn expected(&self, want: Want) -> Error {
        // A quoted value is shown with its quotes: `"true"` is a text.
        let text = match &self.value {
            Value::Scalar { text, quoted: true } => Some(format!("\"{text}\"")),
            Value::Scalar { text, .. } if self.shape() == Shape::Text => Some(text.clone()),
            _ => None,
        };
        Error::new(Problem::Expected {
            want,
            found: self.shape(),
            text,
        })
        .at(self.pos)
    }

    /// The text of a scalar that holds something (not `~` or empty).
    fn text(&self, want: Want) -> Result<&str, Error> {
        match &self.value {
            Value::Scalar { text, .. } if self.shape() == Shape::Text => Ok(text),
            _ => Err(self.expected(want)),
        }
    }

    /// A plain scalar as a number of type `N`.
    fn number<N: std::str::FromStr>(&self) -> Result<N, Error> {
        let text = self.text(Want::Number)?;
        match (&self.value, text.parse()) {
            (Value::Scalar { quoted: false, .. }, Ok(n)) => Ok(n),
            _ => Err(self.expected(Want::Number)),
        }
    }
}

macro_rules! numbers {
    ($($method:ident => $visit:ident: $type:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let n: $type = self.number()?;
            visitor.$visit(n).map_err(|e: Error| e.at(self.pos))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &'de Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match &self.value {
            _ if self.shape() == Shape::Nothing => visitor.visit_unit(),
            Value::Scalar { text, .. } => visitor.visit_borrowed_str(text),
            Value::List(items) => visitor.visit_seq(Items(items.iter())),
            Value::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
                last_key: None,
            }),
        };
        result.map_err(|e: Error| e.at(self.pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = match &self.value {
            Value::Scalar {
                text,
                quoted: false,
            } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        };
        match value {
            Some(b) => visitor.visit_bool(b).map_err(|e: Error| e.at(self.pos)),
            None => Err(self.expected(Want::Bool)),
        }
    }

    numbers! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// Any scalar is a text when a text is asked for: `postcode: 9641` and
    /// `name: 2024` mean what they say.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.text(Want::Text)?;
        visitor
            .visit_borrowed_str(text)
            .map_err(|e: Error| e.at(self.pos))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.shape() {
            Shape::Nothing => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.shape() {
            Shape::Nothing => visitor.visit_unit(),
            _ => Err(self.expected(Want::Text)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.value {
            Value::List(items) => visitor
                .visit_seq(Items(items.iter()))
                .map_err(|e: Error| e.at(self.pos)),
            _ => Err(self.expected(Want::List)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Value::Map(entries) = &self.value else {
            return Err(self.expected(Want::Map));
        };
        // serde reports a key written twice after reading the key, from the
        // visitor: the place is the last key read.
        let last_key = std::cell::Cell::new(None);
        let access = Entries {
            entries: entries.iter(),
            value: None,
            last_key: Some(&last_key),
        };
        visitor
            .visit_map(access)
            .map_err(|e: Error| match (&e.problem, last_key.get()) {
                (Problem::DuplicateKey(_), Some(pos)) => e.at(pos),
                _ => e.at(self.pos),
            })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// Enums of the model are words: `basis: consent`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let text = self.text(Want::Text)?;
        visitor
            .visit_enum(text.into_deserializer())
            .map_err(|e: Error| e.at(self.pos))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The items of a list, each its own deserializer.
struct Items<'de>(std::slice::Iter<'de, Node>);

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|node| seed.deserialize(node).map_err(|e: Error| e.at(node.pos)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The entries of a mapping; an unknown key is reported at the key.
struct Entries<'de, 'k> {
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
    /// Where the last key read starts, for a mistake found after it.
    last_key: Option<&'k std::cell::Cell<Option<Pos>>>,
}

impl<'de> de::MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        if let Some(last) = self.last_key {
            last.set(Some(key.pos));
        }
        seed.deserialize(key)
            .map(Some)
            .map_err(|e: Error| e.at(key.pos))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(value).map_err(|e: Error| e.at(value.pos))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        name: String,
        #[serde(default)]
        per_school: bool,
        kind: Option<Kind>,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Functional,
        Tracking,
    }

    fn read(text: &str) -> Result<Vec<Entry>, Error> {
        let node = super::super::parse(text).unwrap().unwrap();
        from_node(&node)
    }

    fn at(line: usize, column: usize) -> Option<Pos> {
        Some(Pos { line, column })
    }

    #[test]
    fn reads_what_is_written() {
        let entries = read("- name: 2024\n  per_school: true\n  kind: tracking\n  tags: [a, b]\n- name: x\n  kind:\n").unwrap();
        assert_eq!(
            entries,
            [
                Entry {
                    name: "2024".into(),
                    per_school: true,
                    kind: Some(Kind::Tracking),
                    tags: vec!["a".into(), "b".into()],
                },
                Entry {
                    name: "x".into(),
                    per_school: false,
                    kind: None,
                    tags: vec![],
                },
            ]
        );
    }

    #[test]
    fn an_unknown_key_comes_with_the_keys_allowed_at_the_key() {
        let error = read("- name: x\n  naem: y\n").unwrap_err();
        assert_eq!(error.pos, at(2, 3));
        let Problem::UnknownKey { key, allowed } = error.problem else {
            panic!("{error:?}");
        };
        assert_eq!(key, "naem");
        assert_eq!(allowed, ["name", "per_school", "kind", "tags"]);
    }

    #[test]
    fn a_missing_key_is_reported_at_its_entry() {
        let error = read("- name: x\n- kind: functional\n").unwrap_err();
        assert_eq!(
            (error.problem, error.pos),
            (Problem::MissingKey("name"), at(2, 3))
        );
    }

    #[test]
    fn ja_is_not_a_truth_value() {
        let error = read("- name: x\n  per_school: ja\n").unwrap_err();
        let expected = Problem::Expected {
            want: Want::Bool,
            found: Shape::Text,
            text: Some("ja".into()),
        };
        assert_eq!((error.problem, error.pos), (expected, at(2, 15)));
    }

    #[test]
    fn an_unknown_value_comes_with_the_values_allowed() {
        let error = read("- name: x\n  kind: tracker\n").unwrap_err();
        let expected = Problem::UnknownValue {
            value: "tracker".into(),
            allowed: &["functional", "tracking"],
        };
        assert_eq!((error.problem, error.pos), (expected, at(2, 9)));
    }

    #[test]
    fn a_list_where_a_text_belongs_and_an_empty_list() {
        let error = read("- name: [a]\n").unwrap_err();
        assert!(matches!(
            error.problem,
            Problem::Expected {
                want: Want::Text,
                found: Shape::List,
                ..
            }
        ));
        let error = read("- name: x\n  tags:\n").unwrap_err();
        assert!(matches!(
            error.problem,
            Problem::Expected {
                want: Want::List,
                found: Shape::Nothing,
                ..
            }
        ));
    }

    #[test]
    fn a_key_written_twice_is_reported_at_the_second() {
        let error = read("- name: x\n  name: y\n").unwrap_err();
        assert_eq!(
            (error.problem, error.pos),
            (Problem::DuplicateKey("name"), at(2, 3))
        );
    }
}
