//! Merging: the fragments of `content/` and the schools into one model.
//!
//! Lists from several files are joined in file-name order; a section that
//! holds one value (`organisation:`, `rights:`, …) may be written in one
//! file only. Every entity gets its [`Origin`]: the file and the path it
//! was written at.

use crate::diagnostic::{Diagnostic, Sources};
use crate::layout::CONTENT_DIR;
use crate::model::{Fragment, Located, Model, Origin, Rights, SchoolsFile, Section, YamlPath};
use crate::text;

/// A section that holds one value, written in two files.
pub const SECTION_TWICE: &str = "HL007";
/// A section every site needs, in no file.
pub const MISSING_SECTION: &str = "HL008";

/// The sections that hold one value, and where each was first written.
struct Singles<'s> {
    sources: &'s Sources,
    seen: Vec<(Section, Origin)>,
}

impl Singles<'_> {
    /// Whether `section` of `file` is the first of its kind; reports it if not.
    fn first(&mut self, section: Section, file: usize, errors: &mut Vec<Diagnostic>) -> bool {
        let origin = origin(file, section);
        if let Some((_, first)) = self.seen.iter().find(|(s, _)| *s == section) {
            let first = self.sources.path(first);
            let (key, first) = (section.key(), first.display());
            errors.push(
                self.sources
                    .error(
                        &origin,
                        text!(
                            "`{key}:` staat twee keer in content/",
                            "`{key}:` is written twice"
                        ),
                    )
                    .with_hint(text!(
                        "het staat ook in {first}; houd er één van de twee",
                        "it is also in {first}; keep one of the two"
                    ))
                    .with_code(SECTION_TWICE),
            );
            return false;
        }
        self.seen.push((section, origin));
        true
    }
}

/// Merges the fragments of content/ (each with its file's index in
/// `sources`) and the schools into one model.
pub fn merge(
    fragments: Vec<(usize, Fragment)>,
    schools: Option<(usize, SchoolsFile)>,
    sources: &Sources,
    content_complete: bool,
    errors: &mut Vec<Diagnostic>,
) -> Model {
    let mut model = Model::default();
    let mut singles = Singles {
        sources,
        seen: Vec::new(),
    };
    for (file, fragment) in fragments {
        fragment_into(&mut model, file, fragment, &mut singles, errors);
    }
    if content_complete {
        required_sections(sources, errors);
    }
    if let Some((file, schools)) = schools {
        model.schools = with_origins(file, "schools", schools.schools);
    }
    model
}

/// Adds one fragment to the model.
fn fragment_into(
    model: &mut Model,
    file: usize,
    fragment: Fragment,
    singles: &mut Singles,
    errors: &mut Vec<Diagnostic>,
) {
    // Every field named, so that a new section of `Fragment` cannot be
    // forgotten here (and has a `Section` for the layout to date it by).
    let Fragment {
        site,
        organisation,
        statement,
        rights,
        subjects,
        categories,
        retention,
        activities,
        processors,
        recipients,
        cookies,
        regulation,
    } = fragment;
    let mut single = |section: Section| singles.first(section, file, errors);
    if let Some(mut site) = site.filter(|_| single(Section::Site)) {
        site.origin = origin(file, Section::Site);
        model.site = site;
    }
    if let Some(mut organisation) = organisation.filter(|_| single(Section::Organisation)) {
        organisation.origin = origin(file, Section::Organisation);
        model.organisation = organisation;
    }
    if let Some(mut statement) = statement.filter(|_| single(Section::Statement)) {
        statement.origin = origin(file, Section::Statement);
        model.statement = statement;
    }
    if let Some(rights) = rights.filter(|_| single(Section::Rights)) {
        model.rights = with_rights_origins(file, rights);
    }
    if let Some(mut regulation) = regulation.filter(|_| single(Section::Regulation)) {
        regulation.origin = origin(file, Section::Regulation);
        model.regulation = Some(regulation);
    }
    extend(&mut model.subjects, file, Section::Subjects, subjects);
    extend(&mut model.categories, file, Section::Categories, categories);
    extend(&mut model.retention, file, Section::Retention, retention);
    extend(&mut model.activities, file, Section::Activities, activities);
    extend(&mut model.processors, file, Section::Processors, processors);
    extend(&mut model.recipients, file, Section::Recipients, recipients);
    extend(&mut model.cookies, file, Section::Cookies, cookies);
}

/// Adds the items of one section of a file to a list of the model.
fn extend<T: Located>(list: &mut Vec<T>, file: usize, section: Section, items: Vec<T>) {
    list.extend(with_origins(file, section.key(), items));
}

/// The rights, and each right, with their origins set.
fn with_rights_origins(file: usize, mut rights: Rights) -> Rights {
    rights.origin = origin(file, Section::Rights);
    let items = rights.origin.child("items");
    for (i, right) in rights.items.iter_mut().enumerate() {
        right.origin = items.at(i);
    }
    rights
}

fn origin(file: usize, section: Section) -> Origin {
    Origin {
        file,
        path: YamlPath::key(section.key()),
    }
}

/// The items of one list with their origins set: `activities[3]`.
fn with_origins<T: Located>(file: usize, key: &'static str, mut items: Vec<T>) -> Vec<T> {
    let list = Origin {
        file,
        path: YamlPath::key(key),
    };
    for (i, item) in items.iter_mut().enumerate() {
        let origin = item.origin_mut();
        // The reader sets the place of each item it read, as items that
        // could not be read are left out of the list.
        if !origin.written() {
            origin.path = list.at(i).path;
        }
        origin.file = file;
    }
    items
}

/// The sections every site must have somewhere in content/.
/// A section counts when a file has its key, also when its value could not
/// be read (that mistake is reported already).
fn required_sections(sources: &Sources, errors: &mut Vec<Diagnostic>) {
    let required = [
        (
            Section::Organisation,
            "name, visiting_address, phone, email, website, dpo, privacy_contact, supervisory_authority",
        ),
        (
            Section::Statement,
            "introduction, security, automated_decisions, changes",
        ),
        (
            Section::Rights,
            "how, response_time, age, complaints, items",
        ),
    ];
    let written = |s: Section| sources.files.iter().any(|f| f.sections.contains(&s));
    for (section, keys) in required.into_iter().filter(|(s, _)| !written(*s)) {
        let key = section.key();
        errors.push(
            Diagnostic::error(
                CONTENT_DIR,
                None,
                text!(
                    "geen bestand in content/ heeft een onderdeel `{key}:`",
                    "no file in content/ has a `{key}:` section"
                ),
            )
            .with_hint(text!(
                "zet `{key}:` in een YAML-bestand in content/, met {keys}",
                "add `{key}:` to a YAML file in content/, with {keys}"
            ))
            .with_code(MISSING_SECTION),
        );
    }
}
