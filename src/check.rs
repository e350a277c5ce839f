//! Check: every mistake in the model at once, before anything is rendered.
//!
//! Ids must be unique and every reference (an activity naming a category, a
//! school naming a system) must point at something that exists. On top of
//! that come the legal requirements that make a statement incomplete when
//! they fail (the E checks of `PRIVACY-LAW.md` that the model can decide).

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Sources, did_you_mean};
use crate::model::{Basis, Entity, Model, Origin, RightKind, find};

/// Checks the model; returns errors and warnings, unsorted. Without
/// `schools_complete` (schools.yaml had a syntax error) the checks that need
/// the schools are left out rather than reported wrongly.
pub fn check(model: &Model, sources: &Sources, schools_complete: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let subjects = ids(&model.subjects, sources, &mut out);
    let categories = ids(&model.categories, sources, &mut out);
    let retention = ids(&model.retention, sources, &mut out);
    let activities = ids(&model.activities, sources, &mut out);
    let processors = ids(&model.processors, sources, &mut out);
    let recipients = ids(&model.recipients, sources, &mut out);
    let schools = ids(&model.schools, sources, &mut out);

    let refs = Refs { sources };
    for c in &model.categories {
        refs.one(
            &mut out,
            &c.origin.child("subject"),
            &c.subject,
            "subject",
            &subjects,
        );
    }
    for a in &model.activities {
        refs.many(
            &mut out,
            &a.origin,
            "categories",
            &a.categories,
            "category",
            &categories,
        );
        refs.many(
            &mut out,
            &a.origin,
            "recipients",
            &a.recipients,
            "recipient",
            &recipients,
        );
        refs.many(
            &mut out,
            &a.origin,
            "processors",
            &a.processors,
            "processor",
            &processors,
        );
        refs.one(
            &mut out,
            &a.origin.child("retention"),
            &a.retention,
            "retention rule",
            &retention,
        );
        legal(model, a, sources, &mut out);
    }
    for s in &model.schools {
        check_school_id(&s.id, &s.origin, sources, &mut out);
        refs.many(
            &mut out,
            &s.origin,
            "systems",
            &s.systems,
            "processor",
            &processors,
        );
        refs.many(
            &mut out,
            &s.origin,
            "practices",
            &s.practices,
            "activity",
            &activities,
        );
        for (i, id) in s.systems.iter().enumerate() {
            if let Some(p) = find(&model.processors, id)
                && !p.per_school
            {
                out.push(
                    sources
                        .error(&s.origin.child(&format!("systems[{i}]")), format!("`{id}` is used by every school, so a school cannot choose it"))
                        .with_hint(format!("remove it from `systems`, or set `per_school: true` on processor `{id}`")),
                );
            }
        }
        for (i, id) in s.practices.iter().enumerate() {
            if let Some(a) = find(&model.activities, id)
                && !a.per_school
            {
                out.push(
                    sources
                        .error(&s.origin.child(&format!("practices[{i}]")), format!("`{id}` is done by every school, so a school cannot choose it"))
                        .with_hint(format!("remove it from `practices`, or set `per_school: true` on activity `{id}`")),
                );
            }
        }
    }
    for c in model.cookies.iter().filter(|_| schools_complete) {
        for (i, site) in c.sites.iter().enumerate() {
            if site != "board" && !schools.contains_key(site.as_str()) {
                let mut d = sources.error(
                    &c.origin.child(&format!("sites[{i}]")),
                    format!("unknown website `{site}`"),
                );
                let candidates = schools.keys().copied().chain(["board"]);
                d = match did_you_mean(site, candidates) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`? Use a school id from schools.yaml, or `board` for the board's own site")),
                    None => d.with_hint("use a school id from schools.yaml, or `board` for the board's own site"),
                };
                out.push(d);
            }
        }
    }
    for p in &model.processors {
        if !in_eea(&p.location) && p.transfer.is_none() {
            out.push(
                sources
                    .error(&p.origin.child("location"), format!("`{}` stores data in `{}`, outside the EEA, without a safeguard", p.id, p.location))
                    .with_hint("add `transfer:` naming the safeguard (an adequacy decision, or standard contractual clauses) — GDPR art. 44–49"),
            );
        }
    }
    let rights_origin = &model.rights.origin;
    for kind in RightKind::REQUIRED {
        if !model.rights.items.iter().any(|r| r.kind == kind) {
            out.push(
                sources
                    .error(rights_origin, format!("the right `{}` is missing from `rights.items`", kind.key()))
                    .with_hint("a statement must name all six rights: access, rectification, erasure, restriction, objection, portability (GDPR art. 13(2)(b))"),
            );
        }
    }
    if model.schools.is_empty() && schools_complete {
        out.push(
            Diagnostic::error(crate::load::SCHOOLS_FILE, None, "there are no schools")
                .with_hint("add a school under `schools:` with an id, name and place"),
        );
    }
    out
}

/// Collects the ids of one kind of entity, reporting duplicates.
fn ids<'a, T: Entity>(
    items: &'a [T],
    sources: &Sources,
    out: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, &'a Origin> {
    let kind = T::KIND;
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for (id, origin) in items.iter().map(|item| (item.id(), item.origin())) {
        if let Some(first) = seen.get(id) {
            let at = sources
                .pos(first)
                .map(|p| format!(":{}", p.line))
                .unwrap_or_default();
            out.push(
                sources
                    .error(
                        &origin.child("id"),
                        format!("the {kind} id `{id}` is used twice"),
                    )
                    .with_hint(format!(
                        "it is first used at {}{at}; give one of them another id",
                        sources.path(first).display()
                    )),
            );
        } else {
            seen.insert(id, origin);
        }
    }
    seen
}

/// Reports references to ids that do not exist.
struct Refs<'a> {
    sources: &'a Sources,
}

impl Refs<'_> {
    fn one(
        &self,
        out: &mut Vec<Diagnostic>,
        at: &Origin,
        id: &str,
        kind: &str,
        known: &HashMap<&str, &Origin>,
    ) {
        if known.contains_key(id) {
            return;
        }
        let d = self.sources.error(at, format!("unknown {kind} `{id}`"));
        out.push(match did_you_mean(id, known.keys().copied()) {
            Some(best) => d.with_hint(format!("did you mean `{best}`?")),
            None if known.is_empty() => d.with_hint(format!(
                "no {kind} is defined yet; define it in a file in content/ first"
            )),
            None => {
                let mut all: Vec<&str> = known.keys().copied().collect();
                all.sort_unstable();
                d.with_hint(format!(
                    "define it in content/, or use one of: {}",
                    all.join(", ")
                ))
            }
        });
    }

    fn many(
        &self,
        out: &mut Vec<Diagnostic>,
        owner: &Origin,
        field: &str,
        ids: &[String],
        kind: &str,
        known: &HashMap<&str, &Origin>,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.one(out, &owner.child(&format!("{field}[{i}]")), id, kind, known);
        }
    }
}

/// The legal checks one activity must pass for a statement to be complete.
fn legal(model: &Model, a: &crate::model::Activity, sources: &Sources, out: &mut Vec<Diagnostic>) {
    let special = a
        .categories
        .iter()
        .filter_map(|id| find(&model.categories, id))
        .find(|c| c.special.is_some());
    if let Some(c) = special
        && a.special_ground.is_none()
    {
        out.push(
            sources
                .error(&a.origin.child("categories"), format!("activity `{}` uses the special category `{}` but has no `special_ground`", a.id, c.id))
                .with_hint("add `special_ground:` with the GDPR art. 9(2) ground: explicit_consent, employment, vital_interest, public_interest or medicine"),
        );
    }
    if a.basis == Basis::LegitimateInterest
        && a.legitimate_interest.as_deref().is_none_or(str::is_empty)
    {
        out.push(
            sources
                .error(
                    &a.origin.child("basis"),
                    format!(
                        "activity `{}` rests on a legitimate interest but does not say which",
                        a.id
                    ),
                )
                .with_hint("add `legitimate_interest:` naming the interest (GDPR art. 13(1)(d))"),
        );
    }
    if a.basis == Basis::Consent && a.withdraw.as_deref().is_none_or(str::is_empty) {
        out.push(
            sources
                .error(&a.origin.child("basis"), format!("activity `{}` rests on consent but does not say how to withdraw it", a.id))
                .with_hint("add `withdraw:` saying how parents withdraw consent, as easily as they gave it (GDPR art. 7(3))"),
        );
    }
}

/// A school's id becomes a folder of the site, so it must be a plain slug.
fn check_school_id(id: &str, origin: &Origin, sources: &Sources, out: &mut Vec<Diagnostic>) {
    let plain = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !plain {
        out.push(
            sources
                .error(
                    &origin.child("id"),
                    format!("the school id `{id}` cannot be a web address"),
                )
                .with_hint("use lower-case letters, digits and hyphens, e.g. `de-mieden`"),
        );
    } else if crate::resolve::RESERVED_PATHS.contains(&id) {
        out.push(
            sources
                .error(
                    &origin.child("id"),
                    format!("the school id `{id}` is the name of another page"),
                )
                .with_hint("choose another id for this school"),
        );
    }
}

/// Whether a processor's location is inside the European Economic Area.
pub fn in_eea(location: &str) -> bool {
    const EEA: [&str; 33] = [
        "eu",
        "eer",
        "eea",
        "europese unie",
        "nederland",
        "belgië",
        "belgie",
        "duitsland",
        "frankrijk",
        "luxemburg",
        "ierland",
        "denemarken",
        "zweden",
        "finland",
        "oostenrijk",
        "italië",
        "italie",
        "spanje",
        "portugal",
        "griekenland",
        "polen",
        "tsjechië",
        "slowakije",
        "hongarije",
        "slovenië",
        "kroatië",
        "roemenië",
        "bulgarije",
        "estland",
        "letland",
        "litouwen",
        "noorwegen",
        "ijsland",
    ];
    let l = location.trim().to_lowercase();
    EEA.contains(&l.as_str()) || matches!(l.as_str(), "liechtenstein" | "malta" | "cyprus")
}
