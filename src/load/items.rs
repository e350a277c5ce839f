//! Reading a file item by item: an activity that does not fit the model is
//! reported and left out, and the file's other activities, and its other
//! sections, are read and checked all the same. One mistake does not hide
//! the next.
//!
//! An entry that could not be read still has its id in the file; it is
//! kept in `Sources::unread`, so that references to it are not reported
//! as unknown on top of the mistake that is.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::explain;
use crate::diagnostic::{Diagnostic, Unread};
use crate::model::{Fragment, Located, SchoolsFile, Section, YamlPath};
use crate::yaml::de::{Error, Problem, from_node};
use crate::yaml::recover::Skipped;
use crate::yaml::{Node, Value};

/// What a reader of one file gets: the file's tree and index, and where to
/// report mistakes and entries it could not read.
pub struct Reading<'a> {
    pub node: &'a Node,
    /// The file's text, for the lines a message shows how to change.
    pub text: &'a str,
    pub file: usize,
    pub rel: &'a Path,
    pub errors: &'a mut Vec<Diagnostic>,
    pub unread: &'a mut Vec<Unread>,
    /// Items set aside after a syntax error: reported already.
    pub skipped: &'a [Skipped],
}

impl Reading<'_> {
    /// The whole value, or `None` after reporting why not.
    fn one<T: DeserializeOwned>(&mut self, node: &Node) -> Option<T> {
        from_node(node)
            .map_err(|error| self.errors.push(explain::model(self.rel, &error)))
            .ok()
    }

    /// The items of a list section that fit the model, each with its place
    /// in the list; the others are reported.
    fn list<T: DeserializeOwned + Located>(&mut self, key: &'static str, node: &Node) -> Vec<T> {
        let Value::List(items) = &node.value else {
            return self.one::<Vec<T>>(node).unwrap_or_default();
        };
        let list = YamlPath::key(key);
        let mut read = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if self
                .skipped
                .iter()
                .any(|s| s.lines.contains(&item.pos.line))
            {
                continue;
            }
            if let Some(error) = explain::item_without_dash(self.rel, self.text, item) {
                self.errors.push(error);
                self.unread(key, i, item);
                continue;
            }
            match self.one::<T>(item) {
                Some(mut value) => {
                    value.origin_mut().path = list.at(i);
                    read.push(value);
                }
                None => self.unread(key, i, item),
            }
        }
        read
    }

    /// Keeps the id of an entry that could not be read.
    fn unread(&mut self, key: &'static str, index: usize, item: &Node) {
        if let Some(id) = item.get("id").and_then(Node::as_str) {
            self.unread.push(Unread {
                list: key,
                id: id.to_string(),
                origin: crate::model::Origin {
                    file: self.file,
                    path: YamlPath::key(key).at(index),
                },
            });
        }
    }
}

/// A file of `content/`, section by section and item by item.
pub fn fragment(r: &mut Reading) -> Option<Fragment> {
    let Value::Map(entries) = &r.node.value else {
        return r.one(r.node);
    };
    let mut f = Fragment::default();
    for (key, value) in entries {
        let name = key.as_str().unwrap_or_default();
        let Some(section) = Section::ALL.into_iter().find(|s| s.key() == name) else {
            let problem = Problem::UnknownKey {
                key: name.to_string(),
                allowed: &Section::KEYS,
            };
            let error = Error {
                problem,
                pos: Some(key.pos),
            };
            r.errors.push(explain::model(r.rel, &error));
            continue;
        };
        let key = section.key();
        match section {
            Section::Site => f.site = r.one(value),
            Section::Organisation => f.organisation = r.one(value),
            Section::Statement => f.statement = r.one(value),
            Section::Rights => f.rights = r.one(value),
            Section::Regulation => f.regulation = r.one(value),
            Section::Subjects => f.subjects = r.list(key, value),
            Section::Categories => f.categories = r.list(key, value),
            Section::Retention => f.retention = r.list(key, value),
            Section::Activities => f.activities = r.list(key, value),
            Section::Processors => f.processors = r.list(key, value),
            Section::Recipients => f.recipients = r.list(key, value),
            Section::Cookies => f.cookies = r.list(key, value),
        }
    }
    Some(f)
}

/// `schools.yaml`, school by school.
pub fn schools(r: &mut Reading) -> Option<SchoolsFile> {
    let Some(list) = r.node.get("schools") else {
        return r.one(r.node);
    };
    if let Value::Map(entries) = &r.node.value
        && entries.len() > 1
    {
        // Another key beside `schools:`: the whole file says which.
        return r.one(r.node);
    }
    Some(SchoolsFile {
        schools: r.list("schools", list),
    })
}

/// Any other file, as a whole.
pub fn whole<T: DeserializeOwned>(r: &mut Reading) -> Option<T> {
    r.one(r.node)
}
