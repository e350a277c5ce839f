//! What every rule reads (the model, its files, an index of its ids) and
//! where it writes (an [`Out`] that gives each diagnostic the rule's code
//! and level).

use std::collections::HashMap;
use std::path::PathBuf;

use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Pos, Severity, Sources, Text};
use crate::model::{Entity, Model, Origin};

/// What a rule reads.
pub struct Cx<'m> {
    pub model: &'m Model,
    pub sources: &'m Sources,
    pub ids: Index<'m>,
    /// schools.yaml was read; without it, rules about schools say nothing.
    pub schools_complete: bool,
    /// Every prose field of the model, for the rules that read words.
    pub prose: Vec<Prose<'m>>,
}

impl<'m> Cx<'m> {
    pub fn new(model: &'m Model, sources: &'m Sources, schools_complete: bool) -> Cx<'m> {
        Cx {
            model,
            sources,
            ids: Index {
                subjects: Ids::of(&model.subjects, sources, "subjects"),
                categories: Ids::of(&model.categories, sources, "categories"),
                retention: Ids::of(&model.retention, sources, "retention"),
                activities: Ids::of(&model.activities, sources, "activities"),
                processors: Ids::of(&model.processors, sources, "processors"),
                recipients: Ids::of(&model.recipients, sources, "recipients"),
                schools: Ids::of(&model.schools, sources, "schools"),
            },
            schools_complete,
            prose: super::prose::fields(model),
        }
    }
}

/// The ids of every kind of entity.
pub struct Index<'m> {
    pub subjects: Ids<'m>,
    pub categories: Ids<'m>,
    pub retention: Ids<'m>,
    pub activities: Ids<'m>,
    pub processors: Ids<'m>,
    pub recipients: Ids<'m>,
    pub schools: Ids<'m>,
}

/// The ids of one kind of entity, each with where it was first defined.
pub struct Ids<'m> {
    pub kind: &'static str,
    pub kind_nl: &'static str,
    pub known: HashMap<&'m str, &'m Origin>,
}

impl<'m> Ids<'m> {
    /// The ids of `items`, and of the entries of the same `list` that were
    /// written but could not be read (their mistake is reported already).
    fn of<T: Entity>(items: &'m [T], sources: &'m Sources, list: &str) -> Ids<'m> {
        let mut known = HashMap::new();
        for item in items {
            known.entry(item.id()).or_insert(item.origin());
        }
        for unread in sources.unread.iter().filter(|u| u.list == list) {
            known.entry(unread.id.as_str()).or_insert(&unread.origin);
        }
        Ids {
            kind: T::KIND,
            kind_nl: T::KIND_NL,
            known,
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.known.contains_key(id)
    }

    /// The ids, sorted: for a hint that lists them.
    pub fn sorted(&self) -> Vec<&'m str> {
        let mut all: Vec<&str> = self.known.keys().copied().collect();
        all.sort_unstable();
        all
    }
}

/// Where one rule writes its diagnostics, with the rule's code and level.
pub struct Out<'s> {
    sources: &'s Sources,
    code: &'static str,
    severity: Severity,
    diagnostics: Vec<Diagnostic>,
}

impl<'s> Out<'s> {
    pub fn new(sources: &'s Sources, code: &'static str, severity: Severity) -> Out<'s> {
        Out {
            sources,
            code,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Reports a mistake at `origin`; returns it, to add a school.
    pub fn at(&mut self, origin: &Origin, message: Text, hint: Text) -> &mut Diagnostic {
        let file = self.sources.path(origin);
        let pos = self.sources.pos(origin);
        self.in_file(file, pos, message, hint)
    }

    /// Reports a mistake at a place in a file.
    pub fn in_file(
        &mut self,
        file: impl Into<PathBuf>,
        pos: Option<Pos>,
        message: Text,
        hint: Text,
    ) -> &mut Diagnostic {
        let mut diagnostic = Diagnostic::error(file, pos, message)
            .with_hint(hint)
            .with_code(self.code);
        diagnostic.severity = self.severity;
        self.diagnostics.push(diagnostic);
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Reports a mistake in the words `words` of the prose field at `origin`,
    /// pointing at the words themselves.
    pub fn at_words(
        &mut self,
        origin: &Origin,
        words: &str,
        message: Text,
        hint: Text,
    ) -> &mut Diagnostic {
        let file = self.sources.path(origin);
        let pos = super::prose::position(self.sources, origin, words);
        let field = self.sources.pos(origin);
        let reported = self.in_file(file, pos, message, hint);
        if pos != field {
            reported.end = pos.map(|p| Pos {
                line: p.line,
                column: p.column + words.chars().count(),
            });
        }
        reported
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
