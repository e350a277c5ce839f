//! Resolve: the checked model → one typed view per page, references followed.
//!
//! A school's statement is the shared model filtered and extended by that
//! school's choices: activities and processors marked `per_school` appear only
//! where the school lists them, and are marked as specific to the school.
//! Everything a template shows is decided here, in Rust: the summary is
//! computed from the same lists as the full text, so the two cannot disagree.
//! Markdown is rendered to HTML here, before templating.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::check::in_eea;
use crate::diagnostic::Sources;
use crate::markdown::{inline, to_html};
use crate::model::{
    Activity, Basis, Category, CookieKind, CookieLifetime, Member, Model, Organisation, Processor,
    RightKind, School, SpecialGround, SpecialKind, find,
};

/// Top-level folders the site uses itself; a school id cannot take them.
pub const RESERVED_PATHS: [&str; 3] = ["reglement", "cookies", "static"];

/// Every page of the site, in a fixed order.
pub struct Site {
    pub pages: Vec<Page>,
    /// The address the site is published at, for the sitemap.
    pub base_url: String,
}

pub struct Page {
    /// Where the page is written, relative to the output folder.
    pub path: String,
    /// The files (relative to the site's folder) the page was made from, for
    /// its "last changed" date; `school` adds that school's entry in schools.yaml.
    pub inputs: Vec<PathBuf>,
    pub school: Option<String>,
    /// The files of the document itself, for its version table (the
    /// regulation's text; empty for other pages).
    pub document: Vec<PathBuf>,
    pub view: View,
}

pub enum View {
    Index(Box<IndexView>),
    Statement(Box<StatementView>),
    Cookies(Box<CookiesView>),
    Regulation(Box<RegulationView>),
    NotFound(Layout),
}

impl View {
    pub fn layout_mut(&mut self) -> &mut Layout {
        match self {
            View::Index(v) => &mut v.layout,
            View::Statement(v) => &mut v.layout,
            View::Cookies(v) => &mut v.layout,
            View::Regulation(v) => &mut v.layout,
            View::NotFound(v) => v,
        }
    }
}

/// What every page's frame needs.
#[derive(Serialize, Clone)]
pub struct Layout {
    pub title: String,
    /// `../` once per folder level, so links work from disk and any host path.
    pub root: String,
    pub board: String,
    /// Links of the navigation bar of this page.
    pub nav: Vec<Link>,
    /// The newest change to the page's inputs, from git.
    pub last_changed: Option<DateView>,
}

/// A date as people read it ("3 juli 2018") and as machines do ("2018-07-03").
#[derive(Serialize, Clone)]
pub struct DateView {
    pub text: String,
    pub iso: String,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct IndexView {
    pub layout: Layout,
    pub org: OrgView,
    pub schools: Vec<SchoolLink>,
}

#[derive(Serialize)]
pub struct SchoolLink {
    pub name: String,
    pub place: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct OrgView {
    pub name: String,
    pub visiting_address: String,
    pub postal_address: Option<String>,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub dpo: ContactView,
    pub privacy: ContactView,
    pub authority: AuthorityView,
}

#[derive(Serialize, Clone)]
pub struct ContactView {
    pub role: String,
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct AuthorityView {
    pub name: String,
    pub website: String,
    pub phone: Option<String>,
}

#[derive(Serialize)]
pub struct SchoolView {
    pub id: String,
    pub name: String,
    pub place: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

/// A school's privacy statement.
#[derive(Serialize)]
pub struct StatementView {
    pub layout: Layout,
    pub school: SchoolView,
    pub org: OrgView,
    pub summary: Summary,
    pub introduction: String,
    pub activities: Vec<ActivityView>,
    pub data: Vec<SubjectView>,
    pub special: Vec<SpecialView>,
    pub recipients: Vec<RecipientView>,
    pub processors: Vec<ProcessorView>,
    /// Processors outside the EEA, with their safeguard (empty: none).
    pub transfers: Vec<ProcessorView>,
    pub rights: RightsView,
    pub security: String,
    pub automated_decisions: String,
    pub changes: String,
    pub cookies_href: String,
    pub regulation_href: String,
}

/// The first layer: what, why, who receives it, how long, your rights.
#[derive(Serialize)]
pub struct Summary {
    pub data: Vec<SummaryGroup>,
    pub purposes: Vec<SummaryPurpose>,
    pub recipients: Vec<String>,
    pub rights: Vec<String>,
    pub response_time: String,
    /// What this school does that not every school of the board does.
    pub specific: Vec<String>,
}

#[derive(Serialize)]
pub struct SummaryGroup {
    pub subject: String,
    pub count: usize,
}

#[derive(Serialize)]
pub struct SummaryPurpose {
    pub id: String,
    pub name: String,
    pub basis: String,
    pub retention: String,
}

#[derive(Serialize)]
pub struct ActivityView {
    pub id: String,
    pub name: String,
    pub purpose: String,
    pub basis: String,
    pub law: Option<String>,
    pub legitimate_interest: Option<String>,
    pub special_ground: Option<String>,
    /// The data used, per group of people.
    pub data: Vec<DataGroup>,
    pub recipients: Vec<String>,
    pub processors: Vec<String>,
    pub retention: RetentionView,
    pub source: Option<String>,
    pub required: Option<String>,
    pub withdraw: Option<String>,
    pub specific: bool,
}

#[derive(Serialize)]
pub struct DataGroup {
    pub subject: String,
    pub categories: Vec<String>,
}

#[derive(Serialize)]
pub struct RetentionView {
    pub period: String,
    pub after: String,
    pub source: String,
}

#[derive(Serialize)]
pub struct SubjectView {
    pub id: String,
    pub name: String,
    pub categories: Vec<CategoryView>,
}

#[derive(Serialize)]
pub struct CategoryView {
    pub name: String,
    pub description: Option<String>,
    pub special: Option<String>,
    pub bsn: bool,
}

#[derive(Serialize)]
pub struct SpecialView {
    pub category: String,
    pub kind: String,
    pub grounds: Vec<String>,
}

#[derive(Serialize)]
pub struct RecipientView {
    pub id: String,
    pub name: String,
    pub why: String,
    pub law: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct ProcessorView {
    pub id: String,
    pub name: String,
    pub supplier: Option<String>,
    pub does: String,
    pub location: String,
    pub transfer: Option<String>,
    pub agreement: String,
    pub leaflet: Option<String>,
    pub fields: Vec<String>,
    pub note: Option<String>,
    pub specific: bool,
}

#[derive(Serialize)]
pub struct RightsView {
    pub how: String,
    pub response_time: String,
    pub age: String,
    pub complaints: String,
    pub items: Vec<RightView>,
}

#[derive(Serialize)]
pub struct RightView {
    pub id: String,
    pub name: String,
    pub text: String,
}

/// The cookie notice of one website.
#[derive(Serialize)]
pub struct CookiesView {
    pub layout: Layout,
    pub site_name: String,
    pub website: Option<String>,
    pub cookies: Vec<CookieView>,
    pub has_tracking: bool,
    pub statement_href: Option<String>,
}

#[derive(Serialize)]
pub struct CookieView {
    pub name: String,
    pub set_by: String,
    pub purpose: String,
    pub lifetime: String,
    pub kind: String,
    pub consent: bool,
}

/// The board's privacy regulation, with its explanations and annexes.
#[derive(Serialize)]
pub struct RegulationView {
    pub layout: Layout,
    pub title: String,
    pub introduction: String,
    pub definitions: Vec<DefinitionView>,
    pub chapters: Vec<ChapterView>,
    pub annex_data: Vec<SubjectView>,
    pub org: OrgView,
    pub board_cookies: Vec<CookieView>,
    pub schools: Vec<SchoolLink>,
    /// Whether the git history was complete; without it the versions and
    /// adoptions are unknown, not empty.
    pub history: bool,
    pub versions: Vec<VersionView>,
    pub adoptions: Vec<AdoptionView>,
}

#[derive(Serialize)]
pub struct DefinitionView {
    pub term: String,
    pub meaning: String,
}

#[derive(Serialize)]
pub struct ChapterView {
    pub number: usize,
    pub title: String,
    pub anchor: String,
    pub articles: Vec<ArticleView>,
}

#[derive(Serialize)]
pub struct ArticleView {
    pub number: String,
    pub title: String,
    pub anchor: String,
    pub members: Vec<MemberView>,
    pub explanation: String,
}

#[derive(Serialize)]
pub struct MemberView {
    pub number: usize,
    pub text: String,
    pub items: Vec<ItemView>,
}

#[derive(Serialize)]
pub struct ItemView {
    pub letter: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct VersionView {
    pub number: String,
    pub status: String,
    pub date: String,
    pub author: String,
    pub description: String,
}

#[derive(Serialize)]
pub struct AdoptionView {
    pub version: String,
    pub date: String,
    pub by: String,
    pub role: String,
    pub consent: String,
}

/// Builds every page of the site from the checked model.
pub fn resolve(model: &Model, sources: &Sources) -> Site {
    let org = org_view(&model.organisation);
    let statement_inputs = sources.files_with(&[
        "organisation",
        "statement",
        "rights",
        "subjects",
        "categories",
        "retention",
        "activities",
        "processors",
        "recipients",
    ]);
    let cookie_inputs = sources.files_with(&["cookies"]);
    let mut regulation_inputs = sources.files_with(&[
        "regulation",
        "organisation",
        "subjects",
        "categories",
        "cookies",
    ]);
    regulation_inputs.push(PathBuf::from(crate::load::SCHOOLS_FILE));
    let mut index_inputs = sources.files_with(&["organisation"]);
    index_inputs.push(PathBuf::from(crate::load::SCHOOLS_FILE));

    let mut pages = vec![Page {
        path: "index.html".into(),
        inputs: index_inputs,
        school: None,
        document: Vec::new(),
        view: View::Index(Box::new(IndexView {
            layout: layout(model, "Privacy", 0, Some(0)),
            org: org.clone(),
            schools: school_links(model, 0),
        })),
    }];
    // Schools are independent: build their views in parallel, in order.
    let school_pages: Vec<[Page; 2]> = model
        .schools
        .par_iter()
        .map(|school| {
            [
                Page {
                    path: format!("{}/index.html", school.id),
                    inputs: statement_inputs.clone(),
                    school: Some(school.id.clone()),
                    document: Vec::new(),
                    view: View::Statement(Box::new(statement(model, school, &org))),
                },
                Page {
                    path: format!("{}/cookies/index.html", school.id),
                    inputs: cookie_inputs.clone(),
                    school: Some(school.id.clone()),
                    document: Vec::new(),
                    view: View::Cookies(Box::new(cookies(model, Some(school)))),
                },
            ]
        })
        .collect();
    pages.extend(school_pages.into_iter().flatten());
    pages.push(Page {
        path: "cookies/index.html".into(),
        inputs: cookie_inputs,
        school: None,
        document: Vec::new(),
        view: View::Cookies(Box::new(cookies(model, None))),
    });
    if let Some(regulation) = regulation(model, &org) {
        pages.push(Page {
            path: "reglement/index.html".into(),
            inputs: regulation_inputs,
            school: None,
            document: sources.files_with(&["regulation"]),
            view: View::Regulation(Box::new(regulation)),
        });
    }
    pages.push(Page {
        path: "404.html".into(),
        inputs: Vec::new(),
        school: None,
        document: Vec::new(),
        view: View::NotFound(layout(model, "Pagina niet gevonden", 0, None)),
    });
    Site {
        pages,
        base_url: model.site.base_url.trim_end_matches('/').to_string(),
    }
}

/// The frame of a page `depth` folders deep; `current` is the index of its
/// own navigation link.
fn layout(model: &Model, title: &str, depth: usize, current: Option<usize>) -> Layout {
    let root = "../".repeat(depth);
    let mut nav = vec![Link {
        label: "Alle scholen".into(),
        href: format!("{root}index.html"),
        current: false,
    }];
    if model.regulation.is_some() {
        nav.push(Link {
            label: "Privacyreglement".into(),
            href: format!("{root}reglement/index.html"),
            current: false,
        });
    }
    if let Some(i) = current
        && let Some(link) = nav.get_mut(i)
    {
        link.current = true;
    }
    Layout {
        title: title.to_string(),
        root,
        board: model.organisation.name.clone(),
        nav,
        last_changed: None,
    }
}

fn school_links(model: &Model, depth: usize) -> Vec<SchoolLink> {
    let root = "../".repeat(depth);
    model
        .schools
        .iter()
        .map(|s| SchoolLink {
            name: s.name.clone(),
            place: s.place.clone(),
            href: format!("{root}{}/index.html", s.id),
        })
        .collect()
}

fn org_view(o: &Organisation) -> OrgView {
    let address = |a: &crate::model::Address| format!("{}, {} {}", a.street, a.postcode, a.place);
    OrgView {
        name: o.name.clone(),
        visiting_address: address(&o.visiting_address),
        postal_address: o.postal_address.as_ref().map(address),
        phone: o.phone.clone(),
        email: o.email.clone(),
        website: o.website.clone(),
        dpo: ContactView {
            role: o.dpo.role.clone(),
            email: o.dpo.email.clone(),
            phone: o.dpo.phone.clone(),
        },
        privacy: ContactView {
            role: o.privacy_contact.role.clone(),
            email: o.privacy_contact.email.clone(),
            phone: o.privacy_contact.phone.clone(),
        },
        authority: AuthorityView {
            name: o.supervisory_authority.name.clone(),
            website: o.supervisory_authority.website.clone(),
            phone: o.supervisory_authority.phone.clone(),
        },
    }
}

/// The activities a school does: every shared one, and the per-school ones
/// it lists under `practices`.
fn school_activities<'m>(model: &'m Model, school: &School) -> Vec<&'m Activity> {
    model
        .activities
        .iter()
        .filter(|a| !a.per_school || school.practices.contains(&a.id))
        .collect()
}

fn uses(school: &School, p: &Processor) -> bool {
    !p.per_school || school.systems.contains(&p.id)
}

fn statement(model: &Model, school: &School, org: &OrgView) -> StatementView {
    let activities = school_activities(model, school);

    // Categories, recipients and processors in model order, as far as this
    // school's activities use them.
    let used = |ids: &dyn Fn(&Activity) -> &Vec<String>, id: &String| {
        activities.iter().any(|a| ids(a).contains(id))
    };
    let categories: Vec<&Category> = model
        .categories
        .iter()
        .filter(|c| used(&|a| &a.categories, &c.id))
        .collect();
    let recipients: Vec<RecipientView> = model
        .recipients
        .iter()
        .filter(|r| used(&|a| &a.recipients, &r.id))
        .map(|r| RecipientView {
            id: r.id.clone(),
            name: r.name.clone(),
            why: to_html(&r.why),
            law: r.law.clone(),
        })
        .collect();
    let processors: Vec<ProcessorView> = model
        .processors
        .iter()
        .filter(|p| {
            uses(school, p) && (used(&|a| &a.processors, &p.id) || school.systems.contains(&p.id))
        })
        .map(processor_view)
        .collect();

    let activity_views: Vec<ActivityView> = activities
        .iter()
        .map(|a| activity_view(model, school, a))
        .collect();

    let data = subject_views(model, &categories);
    let special = special_views(&categories, &activities);
    let rights = rights_view(model);
    let mut specific: Vec<String> = activities
        .iter()
        .filter(|a| a.per_school)
        .map(|a| a.name.clone())
        .collect();
    specific.extend(
        processors
            .iter()
            .filter(|p| p.specific)
            .map(|p| format!("{}: {}", p.name, p.does)),
    );

    let summary = summary(&data, &activity_views, &recipients, &rights, specific);

    StatementView {
        layout: layout(
            model,
            &format!("Privacyverklaring {}", school.name),
            1,
            None,
        ),
        school: SchoolView {
            id: school.id.clone(),
            name: school.name.clone(),
            place: school.place.clone(),
            website: school.website.clone(),
            email: school.email.clone(),
            phone: school.phone.clone(),
            address: school
                .address
                .as_ref()
                .map(|a| format!("{}, {} {}", a.street, a.postcode, a.place)),
        },
        org: org.clone(),
        summary,
        introduction: to_html(&model.statement.introduction),
        activities: activity_views,
        data,
        special,
        recipients,
        transfers: processors
            .iter()
            .filter(|p| !in_eea(&p.location))
            .cloned()
            .collect(),
        processors,
        rights,
        security: to_html(&model.statement.security),
        automated_decisions: to_html(&model.statement.automated_decisions),
        changes: to_html(&model.statement.changes),
        cookies_href: "cookies/index.html".into(),
        regulation_href: "../reglement/index.html".into(),
    }
}

/// One activity as a school does it: only the processors the school uses.
fn activity_view(model: &Model, school: &School, a: &Activity) -> ActivityView {
    let categories: Vec<&Category> = a
        .categories
        .iter()
        .filter_map(|id| find(&model.categories, id))
        .collect();
    let data = model
        .subjects
        .iter()
        .map(|subject| DataGroup {
            subject: subject.name.clone(),
            categories: categories
                .iter()
                .filter(|c| c.subject == subject.id)
                .map(|c| c.name.clone())
                .collect(),
        })
        .filter(|g| !g.categories.is_empty())
        .collect();
    ActivityView {
        id: a.id.clone(),
        name: a.name.clone(),
        purpose: to_html(&a.purpose),
        basis: basis_label(a.basis).into(),
        law: a.law.clone(),
        legitimate_interest: a.legitimate_interest.clone(),
        special_ground: a.special_ground.map(|g| ground_label(g).into()),
        data,
        recipients: a
            .recipients
            .iter()
            .filter_map(|id| find(&model.recipients, id))
            .map(|r| r.name.clone())
            .collect(),
        processors: a
            .processors
            .iter()
            .filter_map(|id| find(&model.processors, id))
            .filter(|p| uses(school, p))
            .map(|p| p.name.clone())
            .collect(),
        retention: retention_view(model, &a.retention),
        source: a.source.as_deref().map(inline),
        required: a.required.as_deref().map(inline),
        withdraw: a.withdraw.as_deref().map(inline),
        specific: a.per_school,
    }
}

/// The special categories among `categories`, each with the art. 9 grounds
/// of the activities that use it.
fn special_views(categories: &[&Category], activities: &[&Activity]) -> Vec<SpecialView> {
    categories
        .iter()
        .filter_map(|c| {
            let kind = c.special?;
            let mut grounds: Vec<String> = Vec::new();
            for a in activities.iter().filter(|a| a.categories.contains(&c.id)) {
                if let Some(ground) = a.special_ground.map(ground_label)
                    && !grounds.iter().any(|g| g == ground)
                {
                    grounds.push(ground.to_string());
                }
            }
            Some(SpecialView {
                category: c.name.clone(),
                kind: special_label(kind).into(),
                grounds,
            })
        })
        .collect()
}

/// The first layer, made from the same views as the full text.
fn summary(
    data: &[SubjectView],
    activities: &[ActivityView],
    recipients: &[RecipientView],
    rights: &RightsView,
    specific: Vec<String>,
) -> Summary {
    Summary {
        data: data
            .iter()
            .map(|s| SummaryGroup {
                subject: s.name.clone(),
                count: s.categories.len(),
            })
            .collect(),
        purposes: activities
            .iter()
            .map(|a| SummaryPurpose {
                id: a.id.clone(),
                name: a.name.clone(),
                basis: a.basis.clone(),
                retention: format!("{} {}", a.retention.period, a.retention.after),
            })
            .collect(),
        recipients: recipients.iter().map(|r| r.name.clone()).collect(),
        rights: rights.items.iter().map(|r| r.name.clone()).collect(),
        response_time: rights.response_time.clone(),
        specific,
    }
}

fn processor_view(p: &Processor) -> ProcessorView {
    ProcessorView {
        id: p.id.clone(),
        name: p.name.clone(),
        supplier: p.supplier.clone(),
        does: p.does.clone(),
        location: p.location.clone(),
        transfer: p.transfer.clone(),
        agreement: p.agreement.clone(),
        leaflet: p.leaflet.clone(),
        fields: p.fields.clone(),
        note: p.note.as_deref().map(inline),
        specific: p.per_school,
    }
}

fn retention_view(model: &Model, id: &str) -> RetentionView {
    // `check` has made sure the rule exists.
    let rule = find(&model.retention, id);
    RetentionView {
        period: rule.map(|r| r.period.to_string()).unwrap_or_default(),
        after: rule.map(|r| r.after.clone()).unwrap_or_default(),
        source: rule.map(|r| r.source.clone()).unwrap_or_default(),
    }
}

/// Categories grouped by the subject they are about, in model order.
fn subject_views(model: &Model, categories: &[&Category]) -> Vec<SubjectView> {
    model
        .subjects
        .iter()
        .map(|s| SubjectView {
            id: s.id.clone(),
            name: s.name.clone(),
            categories: categories
                .iter()
                .filter(|c| c.subject == s.id)
                .map(|c| CategoryView {
                    name: c.name.clone(),
                    description: c.description.clone(),
                    special: c.special.map(|k| special_label(k).into()),
                    bsn: c.bsn,
                })
                .collect(),
        })
        .filter(|s| !s.categories.is_empty())
        .collect()
}

fn rights_view(model: &Model) -> RightsView {
    let r = &model.rights;
    RightsView {
        how: to_html(&r.how),
        response_time: r.response_time.to_string(),
        age: r.age.clone(),
        complaints: to_html(&r.complaints),
        items: r
            .items
            .iter()
            .map(|i| RightView {
                id: right_anchor(i.kind).into(),
                name: i.name.clone(),
                text: to_html(&i.text),
            })
            .collect(),
    }
}

fn right_anchor(kind: RightKind) -> &'static str {
    match kind {
        RightKind::Access => "recht-op-inzage",
        RightKind::Rectification => "recht-op-correctie",
        RightKind::Erasure => "recht-op-verwijdering",
        RightKind::Restriction => "recht-op-beperking",
        RightKind::Objection => "recht-van-bezwaar",
        RightKind::Portability => "recht-op-overdracht",
        RightKind::WithdrawConsent => "toestemming-intrekken",
    }
}

pub fn basis_label(b: Basis) -> &'static str {
    match b {
        Basis::Consent => "Toestemming (AVG art. 6 lid 1 sub a)",
        Basis::Contract => "Uitvoering van een overeenkomst (AVG art. 6 lid 1 sub b)",
        Basis::LegalObligation => "Wettelijke verplichting (AVG art. 6 lid 1 sub c)",
        Basis::VitalInterest => "Vitaal belang (AVG art. 6 lid 1 sub d)",
        Basis::PublicTask => "Taak van algemeen belang (AVG art. 6 lid 1 sub e)",
        Basis::LegitimateInterest => "Gerechtvaardigd belang (AVG art. 6 lid 1 sub f)",
    }
}

fn ground_label(g: SpecialGround) -> &'static str {
    match g {
        SpecialGround::ExplicitConsent => "Uitdrukkelijke toestemming (AVG art. 9 lid 2 sub a)",
        SpecialGround::Employment => "Arbeidsrecht en sociale zekerheid (AVG art. 9 lid 2 sub b)",
        SpecialGround::VitalInterest => "Vitaal belang (AVG art. 9 lid 2 sub c)",
        SpecialGround::PublicInterest => {
            "Zwaarwegend algemeen belang op grond van de wet (AVG art. 9 lid 2 sub g)"
        }
        SpecialGround::Medicine => "Preventieve of arbeidsgeneeskunde (AVG art. 9 lid 2 sub h)",
    }
}

fn special_label(k: SpecialKind) -> &'static str {
    match k {
        SpecialKind::Health => "gezondheid",
        SpecialKind::Religion => "godsdienst of levensovertuiging",
        SpecialKind::Ethnicity => "ras of etnische afkomst",
        SpecialKind::Political => "politieke opvattingen",
        SpecialKind::TradeUnion => "lidmaatschap van een vakbond",
        SpecialKind::Genetic => "genetische gegevens",
        SpecialKind::Biometric => "biometrische gegevens",
        SpecialKind::SexLife => "seksueel gedrag of seksuele gerichtheid",
    }
}

/// The cookie notice of a school's website, or of the board's (`None`).
fn cookies(model: &Model, school: Option<&School>) -> CookiesView {
    let site_key = school.map_or("board", |s| s.id.as_str());
    let cookies: Vec<CookieView> = model
        .cookies
        .iter()
        .filter(|c| c.sites.is_empty() || c.sites.iter().any(|s| s == site_key))
        .map(cookie_view)
        .collect();
    let (site_name, website, depth) = match school {
        Some(s) => (s.name.clone(), s.website.clone(), 2),
        None => (
            model.organisation.name.clone(),
            Some(model.organisation.website.clone()),
            1,
        ),
    };
    CookiesView {
        layout: layout(model, &format!("Cookieverklaring {site_name}"), depth, None),
        site_name,
        website,
        has_tracking: cookies.iter().any(|c| c.consent),
        cookies,
        statement_href: school.map(|_| "../index.html".into()),
    }
}

fn cookie_view(c: &crate::model::Cookie) -> CookieView {
    CookieView {
        name: c.name.clone(),
        set_by: c.set_by.clone(),
        purpose: c.purpose.clone(),
        lifetime: match c.lifetime {
            CookieLifetime::Session => "tot u de browser sluit".into(),
            CookieLifetime::For(p) => p.to_string(),
        },
        kind: match c.kind {
            CookieKind::Functional => "Functioneel",
            CookieKind::Analytics => "Analytisch, weinig inbreuk op privacy",
            CookieKind::Tracking => "Tracking",
        }
        .into(),
        consent: c.kind == CookieKind::Tracking,
    }
}

fn regulation(model: &Model, org: &OrgView) -> Option<RegulationView> {
    let r = model.regulation.as_ref()?;
    let mut definitions: Vec<DefinitionView> = r
        .definitions
        .iter()
        .map(|d| DefinitionView {
            term: d.term.clone(),
            meaning: inline(&d.meaning),
        })
        .collect();
    definitions.sort_by_key(|d| d.term.to_lowercase());
    let chapters = r
        .chapters
        .iter()
        .enumerate()
        .map(|(ci, chapter)| ChapterView {
            number: ci + 1,
            title: chapter.title.clone(),
            anchor: format!("hoofdstuk-{}", ci + 1),
            articles: chapter
                .articles
                .iter()
                .enumerate()
                .map(|(ai, article)| ArticleView {
                    number: format!("{}.{}", ci + 1, ai + 1),
                    title: article.title.clone(),
                    anchor: format!("artikel-{}-{}", ci + 1, ai + 1),
                    members: article
                        .members
                        .iter()
                        .enumerate()
                        .map(|(mi, member)| member_view(mi + 1, member))
                        .collect(),
                    explanation: to_html(&article.explanation),
                })
                .collect(),
        })
        .collect();
    let all: Vec<&Category> = model.categories.iter().collect();
    let board_cookies = model
        .cookies
        .iter()
        .filter(|c| c.sites.is_empty() || c.sites.iter().any(|s| s == "board"))
        .map(cookie_view)
        .collect();
    Some(RegulationView {
        layout: layout(model, &r.title, 1, Some(1)),
        title: r.title.clone(),
        introduction: to_html(&r.introduction),
        definitions,
        chapters,
        annex_data: subject_views(model, &all),
        org: org.clone(),
        board_cookies,
        schools: school_links(model, 1),
        history: false,
        versions: Vec::new(),
        adoptions: Vec::new(),
    })
}

fn member_view(number: usize, member: &Member) -> MemberView {
    let (text, items) = match member {
        Member::Text(text) => (text, &[][..]),
        Member::WithItems { text, items } => (text, &items[..]),
    };
    MemberView {
        number,
        text: inline(text),
        items: items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemView {
                letter: letter(i),
                text: inline(item),
            })
            .collect(),
    }
}

/// a, b, …, z, aa, ab, … for the items of an article member.
fn letter(index: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    if index < 26 {
        (letters[index] as char).to_string()
    } else {
        format!("{}{}", letter(index / 26 - 1), letters[index % 26] as char)
    }
}

#[cfg(test)]
mod tests {
    use super::letter;

    #[test]
    fn items_are_lettered_without_gaps() {
        let letters: Vec<String> = (0..28).map(letter).collect();
        assert_eq!(letters[0], "a");
        assert_eq!(letters[25], "z");
        assert_eq!(letters[26], "aa");
        assert_eq!(letters[27], "ab");
    }
}
