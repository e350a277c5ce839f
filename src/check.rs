//! Check: every mistake in the model at once, before anything is rendered.
//!
//! Ids must be unique and every reference (an activity naming a category, a
//! school naming a system) must point at something that exists. On top of
//! that come the legal requirements that make a statement incomplete when
//! they fail (the E checks of `PRIVACY-LAW.md` that the model can decide).

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Sources, did_you_mean};
use crate::layout::{self, SCHOOLS_FILE};
use crate::model::{Activity, BOARD_SITE, Basis, Entity, Model, Origin, RightKind, School, find};

/// Checks the model; returns errors and warnings, unsorted. Without
/// `schools_complete` (schools.yaml had a syntax error) the checks that need
/// the schools are left out rather than reported wrongly.
pub fn check(model: &Model, sources: &Sources, schools_complete: bool) -> Vec<Diagnostic> {
    let mut out = Out {
        sources,
        diagnostics: Vec::new(),
    };
    let ids = Index {
        subjects: out.ids(&model.subjects),
        categories: out.ids(&model.categories),
        retention: out.ids(&model.retention),
        activities: out.ids(&model.activities),
        processors: out.ids(&model.processors),
        recipients: out.ids(&model.recipients),
        schools: out.ids(&model.schools),
    };
    for c in &model.categories {
        out.reference(&c.origin.child("subject"), &c.subject, &ids.subjects);
    }
    for a in &model.activities {
        out.references(&a.origin, "categories", &a.categories, &ids.categories);
        out.references(&a.origin, "recipients", &a.recipients, &ids.recipients);
        out.references(&a.origin, "processors", &a.processors, &ids.processors);
        out.reference(&a.origin.child("retention"), &a.retention, &ids.retention);
        legal(model, a, &mut out);
    }
    for s in &model.schools {
        school(model, s, &ids, &mut out);
    }
    if schools_complete {
        cookie_sites(model, &ids.schools, &mut out);
        if model.schools.is_empty() {
            out.push(
                Diagnostic::error(SCHOOLS_FILE, None, "there are no schools")
                    .with_hint("add a school under `schools:` with an id, name and place"),
            );
        }
    }
    transfers(model, &mut out);
    rights(model, &mut out);
    out.diagnostics
}

/// The ids of every kind of entity, each with where it was defined.
struct Index<'m> {
    subjects: Ids<'m>,
    categories: Ids<'m>,
    retention: Ids<'m>,
    activities: Ids<'m>,
    processors: Ids<'m>,
    recipients: Ids<'m>,
    schools: Ids<'m>,
}

/// The ids of one kind of entity.
struct Ids<'m> {
    kind: &'static str,
    known: HashMap<&'m str, &'m Origin>,
}

/// Where diagnostics go, with the sources to point them at a line.
struct Out<'s> {
    sources: &'s Sources,
    diagnostics: Vec<Diagnostic>,
}

impl Out<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn error(&mut self, at: &Origin, message: String, hint: impl Into<String>) {
        let diagnostic = self.sources.error(at, message).with_hint(hint);
        self.push(diagnostic);
    }

    /// Collects the ids of one kind of entity, reporting duplicates.
    fn ids<'m, T: Entity>(&mut self, items: &'m [T]) -> Ids<'m> {
        let mut known: HashMap<&str, &Origin> = HashMap::new();
        for item in items {
            let (id, origin) = (item.id(), item.origin());
            match known.get(id) {
                Some(first) => {
                    let at = self
                        .sources
                        .pos(first)
                        .map(|p| format!(":{}", p.line))
                        .unwrap_or_default();
                    let first = self.sources.path(first);
                    self.error(
                        &origin.child("id"),
                        format!("the {} id `{id}` is used twice", T::KIND),
                        format!(
                            "it is first used at {}{at}; give one of them another id",
                            first.display()
                        ),
                    );
                }
                None => {
                    known.insert(id, origin);
                }
            }
        }
        Ids {
            kind: T::KIND,
            known,
        }
    }

    /// Reports a reference to an id that does not exist, with the nearest one.
    fn reference(&mut self, at: &Origin, id: &str, ids: &Ids) {
        if ids.known.contains_key(id) {
            return;
        }
        let kind = ids.kind;
        let hint = match did_you_mean(id, ids.known.keys().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if ids.known.is_empty() => {
                format!("no {kind} is defined yet; define it in a file in content/ first")
            }
            None => {
                let mut all: Vec<&str> = ids.known.keys().copied().collect();
                all.sort_unstable();
                format!("define it in content/, or use one of: {}", all.join(", "))
            }
        };
        self.error(at, format!("unknown {kind} `{id}`"), hint);
    }

    /// Reports the ids in a school's `systems` or `practices` that name
    /// something every school has, which a school cannot choose.
    fn not_choosable(
        &mut self,
        school: &School,
        field: &'static str,
        list: &[String],
        kind: &str,
        shared: impl Fn(&str) -> bool,
    ) {
        for (i, id) in list.iter().enumerate().filter(|(_, id)| shared(id)) {
            self.error(
                &school.origin.child(field).at(i),
                format!("{kind} `{id}` applies to every school, so a school cannot choose it"),
                format!("remove it from `{field}`, or set `per_school: true` on {kind} `{id}`"),
            );
        }
    }

    /// [`Out::reference`] for every id of a list field.
    fn references(&mut self, owner: &Origin, field: &'static str, list: &[String], ids: &Ids) {
        for (i, id) in list.iter().enumerate() {
            self.reference(&owner.child(field).at(i), id, ids);
        }
    }
}

/// A school's id, and its choices: they must exist and be choosable.
fn school(model: &Model, s: &School, ids: &Index, out: &mut Out) {
    check_school_id(&s.id, &s.origin, out);
    out.references(&s.origin, "systems", &s.systems, &ids.processors);
    out.references(&s.origin, "practices", &s.practices, &ids.activities);
    let shared_processor = |id: &str| find(&model.processors, id).is_some_and(|p| !p.per_school);
    let shared_activity = |id: &str| find(&model.activities, id).is_some_and(|a| !a.per_school);
    out.not_choosable(s, "systems", &s.systems, "processor", shared_processor);
    out.not_choosable(s, "practices", &s.practices, "activity", shared_activity);
}

/// The websites a cookie is declared for: `board` or a school.
fn cookie_sites(model: &Model, schools: &Ids, out: &mut Out) {
    for c in &model.cookies {
        for (i, site) in c.sites.iter().enumerate() {
            if site == BOARD_SITE || schools.known.contains_key(site.as_str()) {
                continue;
            }
            let usage = "use a school id from schools.yaml, or `board` for the board's own site";
            let hint = match did_you_mean(site, schools.known.keys().copied().chain([BOARD_SITE])) {
                Some(best) => format!("did you mean `{best}`? {usage}"),
                None => usage.to_string(),
            };
            out.error(
                &c.origin.child("sites").at(i),
                format!("unknown website `{site}`"),
                hint,
            );
        }
    }
}

/// C7: data stored outside the EEA needs a safeguard.
fn transfers(model: &Model, out: &mut Out) {
    for p in model
        .processors
        .iter()
        .filter(|p| p.outside_eea() && p.transfer.is_none())
    {
        out.error(
            &p.origin.child("location"),
            format!("`{}` stores data in `{}`, outside the EEA, without a safeguard", p.id, p.location),
            "add `transfer:` naming the safeguard (an adequacy decision, or standard contractual clauses) — GDPR art. 44–49",
        );
    }
}

/// C9: all six rights are named.
fn rights(model: &Model, out: &mut Out) {
    for kind in RightKind::REQUIRED {
        if !model.rights.items.iter().any(|r| r.kind == kind) {
            out.error(
                &model.rights.origin,
                format!("the right `{}` is missing from `rights.items`", kind.key()),
                "a statement must name all six rights: access, rectification, erasure, restriction, objection, portability (GDPR art. 13(2)(b))",
            );
        }
    }
}

/// The legal checks one activity must pass for a statement to be complete
/// (C3, C4, C10).
fn legal(model: &Model, a: &Activity, out: &mut Out) {
    let special = a
        .categories
        .iter()
        .filter_map(|id| find(&model.categories, id))
        .find(|c| c.special.is_some());
    if let Some(c) = special
        && a.special_ground.is_none()
    {
        out.error(
            &a.origin.child("categories"),
            format!("activity `{}` uses the special category `{}` but has no `special_ground`", a.id, c.id),
            "add `special_ground:` with the GDPR art. 9(2) ground: explicit_consent, employment, vital_interest, public_interest or medicine",
        );
    }
    let missing = |text: &Option<String>| text.as_deref().is_none_or(str::is_empty);
    if a.basis == Basis::LegitimateInterest && missing(&a.legitimate_interest) {
        out.error(
            &a.origin.child("basis"),
            format!(
                "activity `{}` rests on a legitimate interest but does not say which",
                a.id
            ),
            "add `legitimate_interest:` naming the interest (GDPR art. 13(1)(d))",
        );
    }
    if a.basis == Basis::Consent && missing(&a.withdraw) {
        out.error(
            &a.origin.child("basis"),
            format!("activity `{}` rests on consent but does not say how to withdraw it", a.id),
            "add `withdraw:` saying how parents withdraw consent, as easily as they gave it (GDPR art. 7(3))",
        );
    }
}

/// A school's id becomes a folder of the site, so it must be a plain slug.
fn check_school_id(id: &str, origin: &Origin, out: &mut Out) {
    let plain = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !plain {
        out.error(
            &origin.child("id"),
            format!("the school id `{id}` cannot be a web address"),
            "use lower-case letters, digits and hyphens, e.g. `de-mieden`",
        );
    } else if layout::is_reserved(id) {
        out.error(
            &origin.child("id"),
            format!("the school id `{id}` is the name of another page"),
            "choose another id for this school",
        );
    }
}
