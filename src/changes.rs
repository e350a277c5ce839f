//! Changes: what changed in legal facts between two versions of the model,
//! for a school's statement or for the board as a whole.
//!
//! Two models are not compared as text but as [`Facts`]: what a statement
//! tells its reader, by id (the activities with their purpose, basis,
//! categories, recipients and retention; the processors and where they keep
//! the data; the rights and the time to answer them; the prose). Each
//! [`Change`] is classed by one written rule ([`Class`]):
//!
//! - **material** (*ingrijpend*), to be told to parents and the GMR
//!   actively (WP260 §29–31): a new activity (a new purpose), a changed
//!   legal basis, a new category of data, a new recipient or processor, a
//!   processor that now keeps data outside the EEA, a longer retention or a
//!   longer time to answer, a right removed;
//! - **editorial** (*redactioneel*): everything else, such as a text
//!   reworded, an activity, recipient or processor removed, a shorter
//!   retention, a right added.
//!
//! A change holds ids and codes (`P5Y`, `legal_obligation`), never words:
//! the theme says them (`changes:` in its strings), on the page, in the feed
//! and in `helder diff` alike.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Activity, Audience, Model, Period, PeriodUnit, Processor, School, code, find};

/// Whether a change must be told actively, by the rule of the module's
/// documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Material,
    Editorial,
}

/// What changed; the theme's strings have a sentence for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    SchoolAdded,
    SchoolRemoved,
    ActivityAdded,
    ActivityRemoved,
    BasisChanged,
    CategoryAdded,
    CategoryRemoved,
    RecipientAdded,
    RecipientRemoved,
    RetentionLonger,
    RetentionShorter,
    ProcessorAdded,
    ProcessorRemoved,
    ProcessorOutsideEea,
    ProcessorMoved,
    RightAdded,
    RightRemoved,
    ResponseTimeLonger,
    ResponseTimeShorter,
    /// An activity's purpose written differently.
    PurposeReworded,
    /// What a processor does written differently.
    ProcessorReworded,
    /// A text shared by every statement (its key in `name`) written differently.
    TextReworded,
}

impl Kind {
    /// The rule of [`Class`].
    pub fn class(self) -> Class {
        use Kind::*;
        match self {
            SchoolAdded | ActivityAdded | BasisChanged | CategoryAdded | RecipientAdded
            | RetentionLonger | ProcessorAdded | ProcessorOutsideEea | RightRemoved
            | ResponseTimeLonger => Class::Material,
            SchoolRemoved | ActivityRemoved | CategoryRemoved | RecipientRemoved
            | RetentionShorter | ProcessorRemoved | ProcessorMoved | RightAdded
            | ResponseTimeShorter | PurposeReworded | ProcessorReworded | TextReworded => {
                Class::Editorial
            }
        }
    }
}

/// One change in legal facts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Change {
    pub class: Class,
    pub kind: Kind,
    /// The activity it is part of, by name, if it is part of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// What was added, removed or changed, by name: a recipient, a
    /// processor, a right, a school; for [`Kind::TextReworded`], the key of
    /// the text (`statement.security`, `rights.access`, …).
    pub name: String,
    /// The value before and after, as a code (`P2Y`, `legal_obligation`,
    /// a location), where the change has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// What a statement tells its reader, in a form two versions can be
/// compared in. Maps are keyed by id, so a reordering changes nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// The schools of the board (id → name); one for a school's facts.
    pub schools: BTreeMap<String, String>,
    pub activities: BTreeMap<String, ActivityFacts>,
    pub processors: BTreeMap<String, ProcessorFacts>,
    /// The rights (kind → name).
    pub rights: BTreeMap<String, String>,
    pub response_time: Option<Period>,
    /// Prose shared by every statement, by key (`statement.security`).
    pub texts: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityFacts {
    pub name: String,
    pub purpose: String,
    /// The basis, as the model names it (`legal_obligation`).
    pub basis: String,
    pub categories: BTreeMap<String, String>,
    pub recipients: BTreeMap<String, String>,
    pub retention: Option<Period>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProcessorFacts {
    pub name: String,
    pub location: String,
    pub outside_eea: bool,
    pub does: String,
}

/// The facts of the board as a whole: every school, every activity and
/// every processor, whichever school it is of.
pub fn of_board(model: &Model) -> Facts {
    let activities: Vec<&Activity> = model.activities.iter().collect();
    let processors = model.processors.iter().collect();
    facts(
        model,
        &model.schools.iter().collect::<Vec<_>>(),
        &activities,
        processors,
    )
}

/// The facts of one school's statement: the shared model with the
/// activities and processors of that school only, and none of the staff's. None when the model has
/// no such school.
pub fn of_school(model: &Model, id: &str) -> Option<Facts> {
    let school = find(&model.schools, id)?;
    let activities = model.activities_of(school, Audience::School);
    let processors = model.processors_of(school, &activities);
    Some(facts(model, &[school], &activities, processors))
}

fn facts(
    model: &Model,
    schools: &[&School],
    activities: &[&Activity],
    processors: Vec<&Processor>,
) -> Facts {
    let names = |ids: &[String], name: &dyn Fn(&str) -> Option<String>| {
        ids.iter()
            .map(|id| (id.clone(), name(id).unwrap_or_else(|| id.clone())))
            .collect()
    };
    let category = |id: &str| find(&model.categories, id).map(|c| c.name.clone());
    let recipient = |id: &str| find(&model.recipients, id).map(|r| r.name.clone());
    let s = &model.statement;
    let r = &model.rights;
    let mut texts: BTreeMap<String, String> = [
        ("statement.introduction", &s.introduction),
        ("statement.security", &s.security),
        ("statement.automated_decisions", &s.automated_decisions),
        ("statement.changes", &s.changes),
        ("rights.how", &r.how),
        ("rights.age", &r.age),
        ("rights.complaints", &r.complaints),
    ]
    .into_iter()
    .map(|(key, text)| (key.to_string(), text.trim().to_string()))
    .collect();
    for right in &r.items {
        texts.insert(
            format!("rights.{}", right.kind.key()),
            right.text.trim().into(),
        );
    }
    Facts {
        schools: schools
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
        activities: activities
            .iter()
            .map(|a| {
                let facts = ActivityFacts {
                    name: a.name.clone(),
                    purpose: a.purpose.trim().to_string(),
                    basis: code(&a.basis),
                    categories: names(&a.categories, &category),
                    recipients: names(&a.recipients, &recipient),
                    retention: find(&model.retention, &a.retention).map(|r| r.period),
                };
                (a.id.clone(), facts)
            })
            .collect(),
        processors: processors
            .into_iter()
            .map(|p| {
                let facts = ProcessorFacts {
                    name: p.name.clone(),
                    location: p.location.trim().to_string(),
                    outside_eea: p.outside_eea(),
                    does: p.does.trim().to_string(),
                };
                (p.id.clone(), facts)
            })
            .collect(),
        rights: r
            .items
            .iter()
            .map(|right| (right.kind.key().to_string(), right.name.clone()))
            .collect(),
        response_time: Some(r.response_time),
        texts,
    }
}

/// Every change from `old` to `new`: schools, then activity by activity
/// (in id order), then processors, rights and texts.
pub fn compare(old: &Facts, new: &Facts) -> Vec<Change> {
    let mut out = Changes::default();
    out.added_removed(
        &old.schools,
        &new.schools,
        None,
        Kind::SchoolAdded,
        Kind::SchoolRemoved,
    );
    for (id, a) in &new.activities {
        let Some(before) = old.activities.get(id) else {
            out.push(Kind::ActivityAdded, None, &a.name, None, None);
            continue;
        };
        let activity = Some(a.name.as_str());
        if before.basis != a.basis {
            let (b, n) = (before.basis.clone(), a.basis.clone());
            out.push(Kind::BasisChanged, activity, &a.name, Some(b), Some(n));
        }
        out.added_removed(
            &before.categories,
            &a.categories,
            activity,
            Kind::CategoryAdded,
            Kind::CategoryRemoved,
        );
        out.added_removed(
            &before.recipients,
            &a.recipients,
            activity,
            Kind::RecipientAdded,
            Kind::RecipientRemoved,
        );
        if let (Some(b), Some(n)) = (before.retention, a.retention)
            && b != n
        {
            let kind = if days(n) > days(b) {
                Kind::RetentionLonger
            } else {
                Kind::RetentionShorter
            };
            out.push(kind, activity, &a.name, Some(b.iso()), Some(n.iso()));
        }
        if before.purpose != a.purpose {
            out.push(Kind::PurposeReworded, activity, &a.name, None, None);
        }
    }
    for (id, a) in &old.activities {
        if !new.activities.contains_key(id) {
            out.push(Kind::ActivityRemoved, None, &a.name, None, None);
        }
    }
    for (id, p) in &new.processors {
        let Some(before) = old.processors.get(id) else {
            let location = Some(p.location.clone());
            let kind = Kind::ProcessorAdded;
            out.push(kind, None, &p.name, None, location);
            continue;
        };
        if before.location != p.location {
            let kind = if p.outside_eea && !before.outside_eea {
                Kind::ProcessorOutsideEea
            } else {
                Kind::ProcessorMoved
            };
            let (b, n) = (before.location.clone(), p.location.clone());
            out.push(kind, None, &p.name, Some(b), Some(n));
        }
        if before.does != p.does {
            out.push(Kind::ProcessorReworded, None, &p.name, None, None);
        }
    }
    for (id, p) in &old.processors {
        if !new.processors.contains_key(id) {
            out.push(Kind::ProcessorRemoved, None, &p.name, None, None);
        }
    }
    out.added_removed(
        &old.rights,
        &new.rights,
        None,
        Kind::RightAdded,
        Kind::RightRemoved,
    );
    if let (Some(b), Some(n)) = (old.response_time, new.response_time)
        && b != n
    {
        let kind = if days(n) > days(b) {
            Kind::ResponseTimeLonger
        } else {
            Kind::ResponseTimeShorter
        };
        out.push(kind, None, "", Some(b.iso()), Some(n.iso()));
    }
    for (key, text) in &new.texts {
        if old.texts.get(key).is_some_and(|before| before != text) {
            out.push(Kind::TextReworded, None, key, None, None);
        }
    }
    out.0
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(
        &mut self,
        kind: Kind,
        activity: Option<&str>,
        name: &str,
        before: Option<String>,
        after: Option<String>,
    ) {
        self.0.push(Change {
            class: kind.class(),
            kind,
            activity: activity.map(str::to_string),
            name: name.to_string(),
            before,
            after,
        });
    }

    /// What `new` has that `old` has not, then the reverse.
    fn added_removed(
        &mut self,
        old: &BTreeMap<String, String>,
        new: &BTreeMap<String, String>,
        activity: Option<&str>,
        added: Kind,
        removed: Kind,
    ) {
        for (id, name) in new {
            if !old.contains_key(id) {
                self.push(added, activity, name, None, None);
            }
        }
        for (id, name) in old {
            if !new.contains_key(id) {
                self.push(removed, activity, name, None, None);
            }
        }
    }
}

/// A period in days, near enough to say which of two is longer.
fn days(period: Period) -> u64 {
    let per_unit = match period.unit {
        PeriodUnit::Day => 1,
        PeriodUnit::Week => 7,
        PeriodUnit::Month => 30,
        PeriodUnit::Year => 365,
    };
    u64::from(period.amount) * per_unit
}

/// Whether any of `changes` is material.
pub fn any_material(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.class == Class::Material)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_texts;

    const CONTENT: &str = "
organisation:
  name: Stichting Proef
subjects:
  - { id: leerlingen, name: Leerlingen }
categories:
  - { id: naam, subject: leerlingen, name: Naam }
  - { id: cijfers, subject: leerlingen, name: Cijfers }
retention:
  - { id: dossier, period: 2 jaar, after: na vertrek, source: Wet op het primair onderwijs }
recipients:
  - { id: duo, name: DUO, why: Bekostiging }
  - { id: swv, name: Samenwerkingsverband, why: Passend onderwijs }
processors:
  - { id: las, name: ParnasSys, does: Leerlingadministratie, location: Nederland, agreement: Verwerkersovereenkomst }
activities:
  - id: administratie
    name: Leerlingadministratie
    purpose: De school houdt bij wie er op school zit.
    basis: legal_obligation
    law: WPO art. 40
    categories: [naam, cijfers]
    recipients: [duo]
    processors: [las]
    retention: dossier
";

    fn facts(edit: &dyn Fn(String) -> String) -> Facts {
        let content = edit(CONTENT.to_string());
        let schools = "schools:\n  - { id: de-mieden, name: De Mieden, place: Opeinde }\n";
        let loaded = load_texts(&[("content/model.yaml", &content), ("schools.yaml", schools)]);
        of_school(&loaded.model, "de-mieden").expect("the school")
    }

    fn kinds(changes: &[Change]) -> Vec<(Kind, Class, &str)> {
        changes
            .iter()
            .map(|c| (c.kind, c.class, c.name.as_str()))
            .collect()
    }

    #[test]
    fn the_same_model_has_no_changes() {
        let same = facts(&|t| t);
        assert_eq!(compare(&same, &same), Vec::new());
    }

    #[test]
    fn a_new_recipient_is_material_and_one_removed_editorial() {
        let old = facts(&|t| t);
        let new = facts(&|t| t.replace("recipients: [duo]", "recipients: [swv]"));
        assert_eq!(
            kinds(&compare(&old, &new)),
            [
                (
                    Kind::RecipientAdded,
                    Class::Material,
                    "Samenwerkingsverband"
                ),
                (Kind::RecipientRemoved, Class::Editorial, "DUO"),
            ]
        );
    }

    #[test]
    fn a_longer_retention_is_material_a_shorter_one_editorial() {
        let two = facts(&|t| t);
        let five = facts(&|t| t.replace("period: 2 jaar", "period: 5 jaar"));
        let longer = compare(&two, &five);
        assert_eq!(longer[0].kind, Kind::RetentionLonger);
        assert_eq!(longer[0].class, Class::Material);
        assert_eq!(longer[0].before.as_deref(), Some("P2Y"));
        assert_eq!(longer[0].after.as_deref(), Some("P5Y"));
        assert_eq!(longer[0].activity.as_deref(), Some("Leerlingadministratie"));
        let shorter = compare(&five, &two);
        assert_eq!(
            kinds(&shorter),
            [(
                Kind::RetentionShorter,
                Class::Editorial,
                "Leerlingadministratie"
            )]
        );
        // 18 months are longer than a year, though 18 < 1 is false as numbers go.
        let months = facts(&|t| t.replace("period: 2 jaar", "period: 18 maanden"));
        let year = facts(&|t| t.replace("period: 2 jaar", "period: 1 jaar"));
        assert_eq!(compare(&year, &months)[0].kind, Kind::RetentionLonger);
    }

    #[test]
    fn a_processor_that_moves_outside_the_eea_is_material() {
        let old = facts(&|t| t);
        let new = facts(&|t| {
            t.replace(
                "location: Nederland,",
                "location: Verenigde Staten, transfer: EU-VS Data Privacy Framework,",
            )
        });
        let changes = compare(&old, &new);
        assert_eq!(
            kinds(&changes),
            [(Kind::ProcessorOutsideEea, Class::Material, "ParnasSys")]
        );
        assert_eq!(changes[0].before.as_deref(), Some("Nederland"));
        assert_eq!(changes[0].after.as_deref(), Some("Verenigde Staten"));
        // And back inside is only a move.
        assert_eq!(compare(&new, &old)[0].kind, Kind::ProcessorMoved);
    }

    #[test]
    fn a_reworded_purpose_is_editorial_and_a_reordering_no_change() {
        let old = facts(&|t| t);
        let reworded =
            facts(&|t| t.replace("bij wie er op school zit", "bij welke leerlingen er zijn"));
        assert_eq!(
            kinds(&compare(&old, &reworded)),
            [(
                Kind::PurposeReworded,
                Class::Editorial,
                "Leerlingadministratie"
            )]
        );
        let reordered = facts(&|t| t.replace("[naam, cijfers]", "[cijfers, naam]"));
        assert_eq!(compare(&old, &reordered), Vec::new());
    }

    #[test]
    fn a_new_activity_and_a_changed_basis_are_material() {
        let old = facts(&|t| t);
        let basis = facts(&|t| {
            t.replace(
                "basis: legal_obligation\n    law: WPO art. 40",
                "basis: consent",
            )
        });
        assert_eq!(kinds(&compare(&old, &basis))[0].0, Kind::BasisChanged);
        assert_eq!(kinds(&compare(&old, &basis))[0].1, Class::Material);
        let more = facts(&|t| {
            t + "  - { id: foto, name: Foto's, purpose: Foto's op de website., basis: consent, categories: [naam], retention: dossier }\n"
        });
        assert_eq!(
            kinds(&compare(&old, &more)),
            [(Kind::ActivityAdded, Class::Material, "Foto's")]
        );
        assert_eq!(
            kinds(&compare(&more, &old)),
            [(Kind::ActivityRemoved, Class::Editorial, "Foto's")]
        );
    }
}
