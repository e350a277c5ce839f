//! Resolve: the checked model and the history table → one typed view per
//! page, references followed.
//!
//! A school's statement is the shared model filtered and extended by that
//! school's choices: activities and processors marked `per_school` appear only
//! where the school lists them, and are marked as specific to the school.
//! Everything a template shows is decided here, in Rust: the summary is
//! computed from the same lists as the full text, so the two cannot disagree.
//! Markdown is rendered to HTML here, before templating.
//!
//! [`resolve`] only lists the pages; a page's view is made when it is
//! rendered ([`Site::view`]), so a build of 10,000 schools never holds more
//! than the views being rendered.
//!
//! Views hold no words of their own: a legal basis is `legal_obligation`, a
//! date `2018-07-03`, a period `P5Y`, and the theme's strings say them in the
//! language of the pages. Links come from [`crate::layout`].

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::archive::{Archive, Past};
use crate::changes::{Change, Class, any_material};
use crate::diagnostic::Sources;
use crate::history::{Adoption, Table, Version};
use crate::layout::{self, FAVICON, Page, STYLESHEET};
use crate::markdown::{inline, to_html};
use crate::model::{
    ADOPTION_MEMBER, Activity, Audience, BOARD_SITE, Basis, Category, CookieKind, CookieLifetime,
    Member, Model, Organisation, Processor, RightKind, School, SpecialGround, SpecialKind, find,
};

/// Every page of the site, in a fixed order, and what they are made from.
/// A page's view is resolved only when it is rendered ([`Site::view`]), so
/// that a build holds the views of the pages being rendered, not of every
/// page: memory grows with the model, not with the number of pages.
pub struct Site<'a> {
    pub pages: Vec<PageRef<'a>>,
    /// The address the site is published at, for the sitemap.
    pub base_url: String,
    /// The Atom feeds of changes: one per school and one of the board.
    /// None without a base URL (a feed needs absolute addresses) or
    /// without a history.
    pub feeds: Vec<FeedView>,
    context: Context<'a>,
}

/// One page: where it goes, and its address.
pub struct PageRef<'a> {
    pub page: Page<'a>,
    /// Where the page is written, relative to the output folder.
    pub file: String,
    /// Its address below the base URL, for the sitemap; None for the 404 page.
    pub address: Option<String>,
}

impl Site<'_> {
    /// What the page shows.
    pub fn view(&self, page: &PageRef) -> Option<View> {
        self.context.view(page.page)
    }
}

#[derive(Hash)]
pub enum View {
    Index(Box<IndexView>),
    Statement(Box<StatementView>),
    Cookies(Box<CookiesView>),
    Regulation(Box<RegulationView>),
    NotFound(Box<NotFoundView>),
    Accessibility(Box<AccessibilityView>),
}

/// What every page's frame needs.
#[derive(Hash, Serialize, Clone)]
pub struct Frame {
    /// The language of the page, for `<html lang>`.
    pub lang: String,
    pub board: String,
    pub stylesheet: String,
    pub favicon: String,
    /// The link to the list of schools.
    pub home: String,
    /// Links of the navigation bar of this page.
    pub nav: Vec<Link>,
    /// The newest change to the page's inputs (`2018-07-03`), from git.
    pub last_changed: Option<String>,
    /// In the preview only: the page's input files with changes that are
    /// not committed yet.
    pub uncommitted: Vec<String>,
    /// On an earlier version only: which one, and where the current one is.
    pub archived: Option<ArchivedView>,
    /// The link to the accessibility statement, in every page's footer.
    pub accessibility: String,
}

/// What an earlier version of a page says about itself.
#[derive(Hash, Serialize, Clone)]
pub struct ArchivedView {
    /// Published from this date (`2026-03-01`)…
    pub from: String,
    /// …until this one, when the next version took its place.
    pub until: Option<String>,
    /// The version, for the regulation (`1.0`).
    pub version: Option<String>,
    pub current_href: String,
}

/// A link to an earlier version of a page.
#[derive(Hash, Serialize)]
pub struct VersionLink {
    /// Published from (`2026-03-01`), until the next one.
    pub from: String,
    pub until: Option<String>,
    pub href: String,
}

/// What changed in legal facts in one version: material changes first.
#[derive(Hash, Serialize)]
pub struct ChangedView {
    pub date: String,
    pub changes: Vec<Change>,
}

/// One Atom feed: the versions with material changes, newest first.
#[derive(Hash, Serialize)]
pub struct FeedView {
    /// Where it is written, relative to the output folder.
    pub file: String,
    /// Its own address, and that of the page it is about.
    pub href: String,
    pub page_href: String,
    /// The language of the pages, for `xml:lang`.
    pub lang: String,
    /// The school it is of (its name), or None for the board's.
    pub school: Option<String>,
    pub board: String,
    /// The date of the newest version of the model.
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

#[derive(Hash, Serialize)]
pub struct FeedEntry {
    /// A permanent id: the address that version has (or will have, once a
    /// newer one takes its place) among the earlier versions.
    pub id: String,
    /// Where to read it now.
    pub href: String,
    pub date: String,
    /// The material changes only.
    pub changes: Vec<Change>,
}

/// A link of the navigation bar; `key` names it in the theme's strings.
#[derive(Hash, Serialize, Clone)]
pub struct Link {
    pub key: &'static str,
    pub href: String,
    pub current: bool,
}

/// The accessibility statement: what the site does, and whom to tell when
/// something does not work.
#[derive(Hash, Serialize)]
pub struct AccessibilityView {
    pub frame: Frame,
    pub org: OrgView,
}

#[derive(Hash, Serialize)]
pub struct NotFoundView {
    pub frame: Frame,
}

#[derive(Hash, Serialize)]
pub struct IndexView {
    pub frame: Frame,
    pub org: OrgView,
    pub schools: Vec<SchoolLink>,
    pub cookies_href: String,
    /// The board's statement for its staff, if it has one.
    pub staff_href: Option<String>,
}

#[derive(Hash, Serialize)]
pub struct SchoolLink {
    pub name: String,
    pub place: String,
    pub href: String,
}

#[derive(Hash, Serialize, Clone)]
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

#[derive(Hash, Serialize, Clone)]
pub struct ContactView {
    pub role: String,
    pub email: String,
    pub phone: Option<String>,
}

#[derive(Hash, Serialize, Clone)]
pub struct AuthorityView {
    pub name: String,
    pub website: String,
    pub phone: Option<String>,
}

#[derive(Hash, Serialize)]
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
#[derive(Hash, Serialize)]
pub struct StatementView {
    pub frame: Frame,
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
    /// What changed in legal facts in the newest versions, newest first.
    pub changed: Vec<ChangedView>,
    /// The earlier versions, newest first.
    pub versions: Vec<VersionLink>,
    /// The Atom feed of this statement's material changes.
    pub feed_href: Option<String>,
    /// Whom it is for: a school's pupils and parents, or the board's staff.
    pub audience: Audience,
    /// On a school's statement: the board's statement for its staff.
    pub staff_href: Option<String>,
    pub cookies_href: String,
    pub regulation_href: String,
}

/// The first layer: who is responsible, what is kept, why, how long, who
/// receives it and what a parent can do, each part made from the same views
/// as the full text and linking into it.
#[derive(Hash, Serialize)]
pub struct Summary {
    pub data: Vec<SummaryGroup>,
    /// The purposes by their legal basis, each group where its first
    /// purpose is: why, in the words of the basis.
    pub reasons: Vec<SummaryReason>,
    /// How long data is kept, one line per moment a period starts from
    /// (`after`), with the shortest and the longest period: a parent reads
    /// one line per moment, not per purpose.
    pub kept: Vec<SummaryKept>,
    pub recipients: Vec<SummaryLink>,
    pub rights: Vec<SummaryRight>,
    /// An ISO 8601 duration: `P1M`.
    pub response_time: String,
    /// What this school does that not every school of the board does.
    pub specific: Vec<SummarySpecific>,
}

#[derive(Hash, Serialize)]
pub struct SummaryCategory {
    pub name: String,
    pub special: bool,
}

/// The data about one group of people.
#[derive(Hash, Serialize)]
pub struct SummaryGroup {
    pub subject: String,
    pub count: usize,
    pub categories: Vec<SummaryCategory>,
    /// How many of them are special categories (GDPR art. 9).
    pub special: usize,
    /// Whether the burgerservicenummer is among it.
    pub bsn: bool,
}

#[derive(Hash, Serialize)]
pub struct SummaryReason {
    pub basis: Basis,
    pub purposes: Vec<SummaryLink>,
}

#[derive(Hash, Serialize)]
pub struct SummaryKept {
    pub after: String,
    /// ISO 8601 durations: `P3M`, `P5Y`; the same when one period starts here.
    pub shortest: String,
    pub longest: String,
    pub purposes: Vec<SummaryKeptPurpose>,
}

/// A purpose and its period, within a [`SummaryKept`].
#[derive(Hash, Serialize)]
pub struct SummaryKeptPurpose {
    pub id: String,
    pub name: String,
    /// An ISO 8601 duration: `P5Y`.
    pub period: String,
}

/// A part of the full text by its id and name: a purpose (`doel-{id}`), a
/// recipient (`ontvanger-{id}`) or a processor (`verwerker-{id}`).
#[derive(Hash, Serialize, Clone)]
pub struct SummaryLink {
    pub id: String,
    pub name: String,
}

#[derive(Hash, Serialize)]
pub struct SummaryRight {
    pub kind: RightKind,
    pub name: String,
}

/// A purpose or a processor of this school only.
#[derive(Hash, Serialize)]
pub struct SummarySpecific {
    pub part: SpecificPart,
    pub id: String,
    pub name: String,
}

#[derive(Hash, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SpecificPart {
    Activity,
    Processor,
}

#[derive(Hash, Serialize)]
pub struct ActivityView {
    pub id: String,
    pub name: String,
    pub purpose: String,
    pub basis: Basis,
    pub law: Option<String>,
    pub legitimate_interest: Option<String>,
    pub special_ground: Option<SpecialGround>,
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

#[derive(Hash, Serialize)]
pub struct DataGroup {
    pub subject: String,
    pub categories: Vec<String>,
}

#[derive(Hash, Serialize, Clone)]
pub struct RetentionView {
    /// An ISO 8601 duration: `P5Y`.
    pub period: String,
    pub after: String,
    pub source: String,
}

#[derive(Hash, Serialize)]
pub struct SubjectView {
    pub id: String,
    pub name: String,
    pub categories: Vec<CategoryView>,
}

#[derive(Hash, Serialize)]
pub struct CategoryView {
    pub name: String,
    pub description: Option<String>,
    pub special: Option<SpecialKind>,
    pub bsn: bool,
}

#[derive(Hash, Serialize)]
pub struct SpecialView {
    pub category: String,
    pub kind: SpecialKind,
    pub grounds: Vec<SpecialGround>,
}

#[derive(Hash, Serialize)]
pub struct RecipientView {
    pub id: String,
    pub name: String,
    pub why: String,
    pub law: Option<String>,
}

#[derive(Hash, Serialize, Clone)]
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
    pub outside_eea: bool,
}

#[derive(Hash, Serialize)]
pub struct RightsView {
    pub how: String,
    pub response_time: String,
    pub age: String,
    pub complaints: String,
    pub items: Vec<RightView>,
}

#[derive(Hash, Serialize)]
pub struct RightView {
    pub kind: RightKind,
    pub name: String,
    pub text: String,
}

/// The cookie notice of one website.
#[derive(Hash, Serialize)]
pub struct CookiesView {
    pub frame: Frame,
    pub site_name: String,
    pub website: Option<String>,
    pub cookies: Vec<CookieView>,
    pub has_tracking: bool,
    pub statement_href: Option<String>,
}

#[derive(Hash, Serialize)]
pub struct CookieView {
    pub name: String,
    pub set_by: String,
    pub purpose: String,
    /// An ISO 8601 duration; None for the browser session.
    pub lifetime: Option<String>,
    pub kind: CookieKind,
    pub consent: bool,
}

/// The board's privacy regulation, with its explanations and annexes.
#[derive(Hash, Serialize)]
pub struct RegulationView {
    pub frame: Frame,
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
    /// The text changed after its newest adoption: those changes are not
    /// adopted yet.
    pub amended: bool,
}

#[derive(Hash, Serialize)]
pub struct DefinitionView {
    pub term: String,
    pub meaning: String,
}

#[derive(Hash, Serialize)]
pub struct ChapterView {
    pub number: usize,
    pub title: String,
    pub articles: Vec<ArticleView>,
}

#[derive(Hash, Serialize)]
pub struct ArticleView {
    /// `1.2`: chapter and article.
    pub number: String,
    /// `1-2`: the same, for the article's id on the page.
    pub slug: String,
    pub title: String,
    pub members: Vec<MemberView>,
    pub explanation: String,
}

#[derive(Hash, Serialize)]
pub struct MemberView {
    pub number: usize,
    pub text: String,
    pub items: Vec<ItemView>,
    /// The member is [`ADOPTION_MEMBER`]: the theme says the adoption
    /// record's newest entry in its place.
    pub adoption: bool,
}

#[derive(Hash, Serialize)]
pub struct ItemView {
    pub letter: String,
    pub text: String,
}

#[derive(Hash, Serialize)]
pub struct VersionView {
    pub number: String,
    /// None when the commit has no `Status:` trailer.
    pub status: Option<String>,
    pub date: String,
    pub author: String,
    pub description: String,
}

#[derive(Hash, Serialize)]
pub struct AdoptionView {
    pub version: String,
    pub date: String,
    pub by: String,
    pub role: String,
    pub consent: String,
    /// The text as adopted, among the earlier versions.
    pub href: Option<String>,
}

/// The pages of the site, from the checked model, its history and its
/// earlier versions.
pub fn resolve<'a>(
    model: &'a Model,
    sources: &'a Sources,
    history: &'a Table,
    archive: &'a Archive,
) -> Site<'a> {
    let mut pages = layout::pages(model);
    for school in &model.schools {
        let steps = archive.superseded(&school.id);
        pages.extend(
            steps
                .iter()
                .map(|s| Page::StatementVersion(&school.id, s.date)),
        );
    }
    pages.extend(
        archive
            .regulations
            .iter()
            .map(|r| Page::RegulationVersion(&r.version)),
    );
    let pages = pages
        .into_iter()
        .map(|page| PageRef {
            file: page.file(),
            address: page.address(),
            page,
        })
        .collect();
    let base_url = address(&model.site.base_url)
        .trim_end_matches('/')
        .to_string();
    Site {
        pages,
        feeds: feeds(model, archive, &base_url),
        base_url,
        context: Context {
            model,
            sources,
            history,
            archive,
            org: org_view(&model.organisation),
            prose: Arc::default(),
        },
    }
}

/// What every page is built from.
struct Context<'a> {
    model: &'a Model,
    sources: &'a Sources,
    history: &'a Table,
    archive: &'a Archive,
    org: OrgView,
    prose: Arc<Prose>,
}

/// The model's Markdown as HTML, each text rendered once per build and
/// shared by every page that shows it: the board's prose is on every
/// school's statement, and every earlier version holds most of it too.
#[derive(Default)]
struct Prose {
    block: Rendered,
    inline: Rendered,
}

impl Prose {
    /// [`to_html`] of the text.
    fn html(&self, text: &str) -> String {
        self.block.get(text, to_html)
    }

    /// [`inline`] of the text.
    fn inline(&self, text: &str) -> String {
        self.inline.get(text, inline)
    }
}

/// Texts and their HTML.
#[derive(Default)]
struct Rendered(RwLock<FxHashMap<String, String>>);

impl Rendered {
    fn get(&self, text: &str, render: fn(&str) -> String) -> String {
        let rendered = self.0.read().unwrap_or_else(|e| e.into_inner());
        if let Some(html) = rendered.get(text) {
            return html.clone();
        }
        drop(rendered);
        let html = render(text);
        let mut rendered = self.0.write().unwrap_or_else(|e| e.into_inner());
        rendered.insert(text.to_string(), html.clone());
        html
    }
}

impl<'a> Context<'a> {
    /// What the pages of an earlier version are built from: its own model,
    /// and the history as it stood then.
    fn of(&self, past: &'a Past, history: &'a Table, archive: &'a Archive) -> Context<'a> {
        Context {
            model: &past.model,
            sources: &past.sources,
            history,
            archive,
            org: org_view(&past.model.organisation),
            prose: Arc::clone(&self.prose),
        }
    }

    fn view(&self, page: Page) -> Option<View> {
        let model = self.model;
        let school = |id: &str| find(&model.schools, id);
        Some(match page {
            Page::Index => View::Index(Box::new(IndexView {
                frame: self.frame(page),
                org: self.org.clone(),
                schools: school_links(model, page),
                cookies_href: page.link(Page::BoardCookies),
                staff_href: model
                    .has_staff_statement()
                    .then(|| page.link(Page::StaffStatement)),
            })),
            Page::Statement(id) => View::Statement(Box::new(statement(
                self,
                page,
                school(id)?,
                Audience::School,
            ))),
            Page::StaffStatement => View::Statement(Box::new(statement(
                self,
                page,
                &board_as_school(model),
                Audience::Staff,
            ))),
            Page::SchoolCookies(id) => View::Cookies(Box::new(cookies(self, page, school(id)))),
            Page::BoardCookies => View::Cookies(Box::new(cookies(self, page, None))),
            Page::Regulation => View::Regulation(Box::new(regulation(self, page)?)),
            Page::Accessibility => View::Accessibility(Box::new(AccessibilityView {
                frame: self.frame(page),
                org: self.org.clone(),
            })),
            Page::NotFound => View::NotFound(Box::new(NotFoundView {
                frame: self.frame(page),
            })),
            Page::StatementVersion(id, date) => {
                let (step, until) = self.archive.step(id, date)?;
                let past = self.archive.models.get(step.model)?;
                let (table, archive) = (Table::default(), Archive::default());
                let context = self.of(past, &table, &archive);
                let school = find(&past.model.schools, id)?;
                let mut view = statement(&context, page, school, Audience::School);
                view.frame.last_changed = Some(date.iso());
                view.frame.archived = Some(ArchivedView {
                    from: date.iso(),
                    until: until.map(|d| d.iso()),
                    version: None,
                    current_href: page.link(Page::Statement(id)),
                });
                View::Statement(Box::new(view))
            }
            Page::RegulationVersion(version) => {
                let regulation_at = self
                    .archive
                    .regulations
                    .iter()
                    .find(|r| r.version == version)?;
                let past = self.archive.models.get(regulation_at.model)?;
                let table = Table::archived(
                    regulation_at.versions.clone(),
                    regulation_at.adoptions.clone(),
                );
                let archive = Archive::default();
                let context = self.of(past, &table, &archive);
                let mut view = regulation(&context, page)?;
                let adopted = regulation_at.adoptions.last();
                view.frame.last_changed = adopted.map(|a| a.date.iso());
                view.frame.archived = Some(ArchivedView {
                    from: adopted.map(|a| a.date.iso()).unwrap_or_default(),
                    until: regulation_at.until.map(|d| d.iso()),
                    version: Some(version.to_string()),
                    current_href: page.link(Page::Regulation),
                });
                View::Regulation(Box::new(view))
            }
            Page::Feed(_) => return None,
        })
    }

    /// The frame of `page`: its links, language and last change.
    fn frame(&self, page: Page) -> Frame {
        let served = |href: String| page.served(href, &self.model.site.base_url);
        let mut nav = vec![Link {
            key: "schools",
            href: served(page.link(Page::Index)),
            current: page == Page::Index,
        }];
        if self.model.regulation.is_some() {
            nav.push(Link {
                key: "regulation",
                href: served(page.link(Page::Regulation)),
                current: page == Page::Regulation,
            });
        }
        let inputs = page.inputs(self.sources);
        Frame {
            lang: self.model.site.language.clone(),
            board: self.model.organisation.name.clone(),
            stylesheet: served(page.asset(STYLESHEET)),
            favicon: served(page.asset(FAVICON)),
            home: served(page.link(Page::Index)),
            nav,
            last_changed: self.history.last_changed(&inputs).map(|d| d.iso()),
            uncommitted: self.history.uncommitted(&inputs),
            archived: None,
            accessibility: served(page.link(Page::Accessibility)),
        }
    }
}

/// How many of the newest versions a statement says the changes of.
const CHANGED_SHOWN: usize = 3;

/// The newest versions of a school's statement with changes, newest first,
/// and its earlier versions, newest first.
fn history_of(archive: &Archive, page: Page, id: &str) -> (Vec<ChangedView>, Vec<VersionLink>) {
    let steps = archive.schools.get(id).map_or(&[][..], Vec::as_slice);
    let changed = steps
        .iter()
        .rev()
        .filter(|s| !s.changes.is_empty())
        .take(CHANGED_SHOWN)
        .map(|s| ChangedView {
            date: s.date.iso(),
            changes: material_first(s.changes.iter()),
        })
        .collect();
    let superseded = archive.superseded(id);
    let versions = superseded
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| VersionLink {
            from: s.date.iso(),
            until: steps.get(i + 1).map(|next| next.date.iso()),
            href: page.link(Page::StatementVersion(id, s.date)),
        })
        .collect();
    (changed, versions)
}

fn material_first<'c>(changes: impl Iterator<Item = &'c Change>) -> Vec<Change> {
    let mut changes: Vec<Change> = changes.cloned().collect();
    changes.sort_by_key(|c| c.class);
    changes
}

/// The feeds of the site: one per school, and the board's.
fn feeds(model: &Model, archive: &Archive, base_url: &str) -> Vec<FeedView> {
    let Some(updated) = archive.latest.filter(|_| !base_url.is_empty()) else {
        return Vec::new();
    };
    let url = |page: Page| {
        let address = match page {
            Page::Feed(_) => page.file(),
            _ => page.file().trim_end_matches("index.html").to_string(),
        };
        format!("{base_url}/{address}")
    };
    let material = |changes: &[Change]| -> Vec<Change> {
        changes
            .iter()
            .filter(|c| c.class == Class::Material)
            .cloned()
            .collect()
    };
    let mut feeds: Vec<FeedView> = model
        .schools
        .iter()
        .map(|school| {
            let id = school.id.as_str();
            let steps = archive.schools.get(id).map_or(&[][..], Vec::as_slice);
            let entries = steps
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, s)| any_material(&s.changes))
                .map(|(i, s)| {
                    let archived = url(Page::StatementVersion(id, s.date));
                    let current = i + 1 == steps.len();
                    FeedEntry {
                        href: if current {
                            url(Page::Statement(id))
                        } else {
                            archived.clone()
                        },
                        id: archived,
                        date: s.date.iso(),
                        changes: material(&s.changes),
                    }
                })
                .collect();
            FeedView {
                file: Page::Feed(Some(id)).file(),
                href: url(Page::Feed(Some(id))),
                page_href: url(Page::Statement(id)),
                lang: model.site.language.clone(),
                school: Some(school.name.clone()),
                board: model.organisation.name.clone(),
                updated: updated.iso(),
                entries,
            }
        })
        .collect();
    let board_feed = url(Page::Feed(None));
    feeds.push(FeedView {
        file: Page::Feed(None).file(),
        href: board_feed.clone(),
        page_href: url(Page::Index),
        lang: model.site.language.clone(),
        school: None,
        board: model.organisation.name.clone(),
        updated: updated.iso(),
        entries: archive
            .board
            .iter()
            .rev()
            .filter(|s| any_material(&s.changes))
            .map(|s| FeedEntry {
                id: format!("{board_feed}#{}", s.date.iso()),
                href: url(Page::Index),
                date: s.date.iso(),
                changes: material(&s.changes),
            })
            .collect(),
    });
    feeds
}

fn school_links(model: &Model, from: Page) -> Vec<SchoolLink> {
    model
        .schools
        .iter()
        .map(|s| SchoolLink {
            name: s.name.clone(),
            place: s.place.clone(),
            href: from.link(Page::Statement(&s.id)),
        })
        .collect()
}

/// An e-mail address, phone number or web address as a link needs it:
/// without the spaces around it. Pasted from Word, it often has a
/// non-breaking space before or after it, which `check` lets pass and a
/// browser would keep in the link, so that the link leads nowhere.
fn address(value: &str) -> String {
    value.trim().to_string()
}

fn org_view(o: &Organisation) -> OrgView {
    let postal = |a: &crate::model::Address| format!("{}, {} {}", a.street, a.postcode, a.place);
    OrgView {
        name: o.name.clone(),
        visiting_address: postal(&o.visiting_address),
        postal_address: o.postal_address.as_ref().map(postal),
        phone: address(&o.phone),
        email: address(&o.email),
        website: address(&o.website),
        dpo: ContactView {
            role: o.dpo.role.clone(),
            email: address(&o.dpo.email),
            phone: o.dpo.phone.as_deref().map(address),
        },
        privacy: ContactView {
            role: o.privacy_contact.role.clone(),
            email: address(&o.privacy_contact.email),
            phone: o.privacy_contact.phone.as_deref().map(address),
        },
        authority: AuthorityView {
            name: o.supervisory_authority.name.clone(),
            website: address(&o.supervisory_authority.website),
            phone: o.supervisory_authority.phone.as_deref().map(address),
        },
    }
}

/// The board in the place of a school, for the statement of its staff:
/// its address and channels, the staff's activities that only some schools
/// do (marked so), and only the processors every school uses.
fn board_as_school(model: &Model) -> School {
    let o = &model.organisation;
    School {
        id: layout::STAFF_DIR.to_string(),
        name: o.name.clone(),
        place: o.visiting_address.place.clone(),
        website: Some(o.website.clone()),
        email: Some(o.email.clone()),
        phone: Some(o.phone.clone()),
        address: Some(o.visiting_address.clone()),
        systems: Vec::new(),
        practices: model
            .activities
            .iter()
            .filter(|a| a.per_school && model.audience_of(a) == Audience::Staff)
            .map(|a| a.id.clone())
            .collect(),
        origin: Default::default(),
    }
}

fn statement(context: &Context, page: Page, school: &School, audience: Audience) -> StatementView {
    let model = context.model;
    let activities = model.activities_of(school, audience);
    let Used {
        categories,
        recipients,
        processors,
    } = used(context, school, &activities);
    let activity_views: Vec<ActivityView> = activities
        .iter()
        .map(|a| activity_view(context, school, a))
        .collect();
    let data = subject_views(model, &categories);
    let rights = rights_view(context);
    let (changed, versions) = history_of(context.archive, page, &school.id);
    let mut specific: Vec<SummarySpecific> = activities
        .iter()
        .filter(|a| a.per_school)
        .map(|a| SummarySpecific {
            part: SpecificPart::Activity,
            id: a.id.clone(),
            name: a.name.clone(),
        })
        .collect();
    specific.extend(
        processors
            .iter()
            .filter(|p| p.specific)
            .map(|p| SummarySpecific {
                part: SpecificPart::Processor,
                id: p.id.clone(),
                name: p.name.clone(),
            }),
    );
    StatementView {
        frame: context.frame(page),
        school: school_view(school),
        org: context.org.clone(),
        summary: summary(&data, &activity_views, &recipients, &rights, specific),
        introduction: context.prose.html(&model.statement.introduction),
        activities: activity_views,
        data,
        special: special_views(&categories, &activities),
        recipients,
        transfers: processors
            .iter()
            .filter(|p| p.outside_eea)
            .cloned()
            .collect(),
        processors,
        rights,
        security: context.prose.html(&model.statement.security),
        automated_decisions: context.prose.html(&model.statement.automated_decisions),
        changes: context.prose.html(&model.statement.changes),
        changed,
        versions,
        feed_href: (audience == Audience::School
            && !context.model.site.base_url.is_empty()
            && context.archive.latest.is_some())
        .then(|| page.link(Page::Feed(Some(&school.id)))),
        cookies_href: match audience {
            Audience::School => page.link(Page::SchoolCookies(&school.id)),
            Audience::Staff => page.link(Page::BoardCookies),
        },
        staff_href: (audience == Audience::School && model.has_staff_statement())
            .then(|| page.link(Page::StaffStatement)),
        audience,
        regulation_href: page.link(Page::Regulation),
    }
}

/// What of the shared model a school's activities use, in model order.
struct Used<'m> {
    categories: Vec<&'m Category>,
    recipients: Vec<RecipientView>,
    processors: Vec<ProcessorView>,
}

fn used<'m>(context: &Context<'m>, school: &School, activities: &[&Activity]) -> Used<'m> {
    let model = context.model;
    let used = |ids: &dyn Fn(&Activity) -> &Vec<String>, id: &String| {
        activities.iter().any(|a| ids(a).contains(id))
    };
    Used {
        categories: model
            .categories
            .iter()
            .filter(|c| used(&|a| &a.categories, &c.id))
            .collect(),
        recipients: model
            .recipients
            .iter()
            .filter(|r| used(&|a| &a.recipients, &r.id))
            .map(|r| RecipientView {
                id: r.id.clone(),
                name: r.name.clone(),
                why: context.prose.html(&r.why),
                law: r.law.clone(),
            })
            .collect(),
        processors: model
            .processors_of(school, activities)
            .into_iter()
            .map(|p| processor_view(&context.prose, p))
            .collect(),
    }
}

fn school_view(school: &School) -> SchoolView {
    SchoolView {
        id: school.id.clone(),
        name: school.name.clone(),
        place: school.place.clone(),
        website: school.website.as_deref().map(address),
        email: school.email.as_deref().map(address),
        phone: school.phone.as_deref().map(address),
        address: school
            .address
            .as_ref()
            .map(|a| format!("{}, {} {}", a.street, a.postcode, a.place)),
    }
}

/// One activity as a school does it: only the processors the school uses.
fn activity_view(context: &Context, school: &School, a: &Activity) -> ActivityView {
    let model = context.model;
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
        purpose: context.prose.html(&a.purpose),
        basis: a.basis,
        law: a.law.clone(),
        legitimate_interest: a.legitimate_interest.clone(),
        special_ground: a.special_ground,
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
            .filter(|p| school.uses(p))
            .map(|p| p.name.clone())
            .collect(),
        retention: retention_view(model, &a.retention),
        source: a.source.as_deref().map(|t| context.prose.inline(t)),
        required: a.required.as_deref().map(|t| context.prose.inline(t)),
        withdraw: a.withdraw.as_deref().map(|t| context.prose.inline(t)),
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
            let mut grounds: Vec<SpecialGround> = Vec::new();
            for a in activities.iter().filter(|a| a.categories.contains(&c.id)) {
                if let Some(ground) = a.special_ground
                    && !grounds.contains(&ground)
                {
                    grounds.push(ground);
                }
            }
            Some(SpecialView {
                category: c.name.clone(),
                kind,
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
    specific: Vec<SummarySpecific>,
) -> Summary {
    let link = |a: &ActivityView| SummaryLink {
        id: a.id.clone(),
        name: a.name.clone(),
    };
    let mut reasons: Vec<SummaryReason> = Vec::new();
    for a in activities {
        match reasons.iter_mut().find(|r| r.basis == a.basis) {
            Some(reason) => reason.purposes.push(link(a)),
            None => reasons.push(SummaryReason {
                basis: a.basis,
                purposes: vec![link(a)],
            }),
        }
    }
    Summary {
        data: data
            .iter()
            .map(|s| SummaryGroup {
                subject: s.name.clone(),
                count: s.categories.len(),
                categories: s
                    .categories
                    .iter()
                    .map(|c| SummaryCategory {
                        name: c.name.clone(),
                        special: c.special.is_some(),
                    })
                    .collect(),
                special: s.categories.iter().filter(|c| c.special.is_some()).count(),
                bsn: s.categories.iter().any(|c| c.bsn),
            })
            .collect(),
        reasons,
        kept: kept(activities),
        recipients: recipients
            .iter()
            .map(|r| SummaryLink {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect(),
        rights: rights
            .items
            .iter()
            .map(|r| SummaryRight {
                kind: r.kind,
                name: r.name.clone(),
            })
            .collect(),
        response_time: rights.response_time.clone(),
        specific,
    }
}

/// The purposes grouped by the moment their period starts from, each group
/// where its first purpose is, with its shortest and longest period.
fn kept(activities: &[ActivityView]) -> Vec<SummaryKept> {
    let mut groups: Vec<SummaryKept> = Vec::new();
    for a in activities {
        let (period, after) = (&a.retention.period, &a.retention.after);
        let link = SummaryKeptPurpose {
            id: a.id.clone(),
            name: a.name.clone(),
            period: period.clone(),
        };
        match groups.iter_mut().find(|g| &g.after == after) {
            Some(group) => {
                if days(period) < days(&group.shortest) {
                    group.shortest.clone_from(period);
                }
                if days(period) > days(&group.longest) {
                    group.longest.clone_from(period);
                }
                group.purposes.push(link);
            }
            None => groups.push(SummaryKept {
                after: after.clone(),
                shortest: period.clone(),
                longest: period.clone(),
                purposes: vec![link],
            }),
        }
    }
    groups
}

/// About how many days an ISO 8601 duration of the model (`P90D`, `P2W`,
/// `P13M`, `P5Y`) lasts, to order periods; 0 for any other text.
fn days(iso: &str) -> u64 {
    let Some(rest) = iso.strip_prefix('P') else {
        return 0;
    };
    let Some(unit) = rest.chars().next_back() else {
        return 0;
    };
    let amount: u64 = rest[..rest.len() - unit.len_utf8()].parse().unwrap_or(0);
    let per = match unit {
        'D' => 1,
        'W' => 7,
        'M' => 30,
        'Y' => 365,
        _ => 0,
    };
    amount * per
}

fn processor_view(prose: &Prose, p: &Processor) -> ProcessorView {
    ProcessorView {
        id: p.id.clone(),
        name: p.name.clone(),
        supplier: p.supplier.clone(),
        does: p.does.clone(),
        location: p.location.clone(),
        transfer: p.transfer.clone(),
        agreement: p.agreement.clone(),
        leaflet: p.leaflet.as_deref().map(address),
        fields: p.fields.clone(),
        note: p.note.as_deref().map(|t| prose.inline(t)),
        specific: p.per_school,
        outside_eea: p.outside_eea(),
    }
}

fn retention_view(model: &Model, id: &str) -> RetentionView {
    // `check` has made sure the rule exists.
    let rule = find(&model.retention, id);
    RetentionView {
        period: rule.map(|r| r.period.iso()).unwrap_or_default(),
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
                    special: c.special,
                    bsn: c.bsn,
                })
                .collect(),
        })
        .filter(|s| !s.categories.is_empty())
        .collect()
}

fn rights_view(context: &Context) -> RightsView {
    let (r, prose) = (&context.model.rights, &context.prose);
    RightsView {
        how: prose.html(&r.how),
        response_time: r.response_time.iso(),
        age: r.age.clone(),
        complaints: prose.html(&r.complaints),
        items: r
            .items
            .iter()
            .map(|i| RightView {
                kind: i.kind,
                name: i.name.clone(),
                text: prose.html(&i.text),
            })
            .collect(),
    }
}

/// The cookie notice of a school's website, or of the board's (`None`).
fn cookies(context: &Context, page: Page, school: Option<&School>) -> CookiesView {
    let model = context.model;
    let cookies = cookie_views(model, school.map_or(BOARD_SITE, |s| s.id.as_str()));
    let (site_name, website) = match school {
        Some(s) => (s.name.clone(), s.website.as_deref().map(address)),
        None => (
            model.organisation.name.clone(),
            Some(address(&model.organisation.website)),
        ),
    };
    CookiesView {
        frame: context.frame(page),
        site_name,
        website,
        has_tracking: cookies.iter().any(|c| c.consent),
        cookies,
        statement_href: school.map(|s| page.link(Page::Statement(&s.id))),
    }
}

/// The cookies one website sets: `site` is a school id or [`BOARD_SITE`].
fn cookie_views(model: &Model, site: &str) -> Vec<CookieView> {
    model
        .cookies
        .iter()
        .filter(|c| c.sites.is_empty() || c.sites.iter().any(|s| s == site))
        .map(|c| CookieView {
            name: c.name.clone(),
            set_by: c.set_by.clone(),
            purpose: c.purpose.clone(),
            lifetime: match c.lifetime {
                CookieLifetime::Session => None,
                CookieLifetime::For(p) => Some(p.iso()),
            },
            kind: c.kind,
            consent: c.kind == CookieKind::Tracking,
        })
        .collect()
}

fn regulation(context: &Context, page: Page) -> Option<RegulationView> {
    let model = context.model;
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
    let all: Vec<&Category> = model.categories.iter().collect();
    let history = context.history;
    Some(RegulationView {
        frame: context.frame(page),
        title: r.title.clone(),
        introduction: to_html(&r.introduction),
        definitions,
        chapters: r.chapters.iter().enumerate().map(chapter_view).collect(),
        annex_data: subject_views(model, &all),
        org: context.org.clone(),
        board_cookies: cookie_views(model, BOARD_SITE),
        schools: school_links(model, page),
        history: history.complete,
        versions: history.versions.iter().map(version_view).collect(),
        amended: history.amended,
        adoptions: history
            .adoptions
            .iter()
            .map(|a| {
                let archived = context.archive.regulation(&a.version).is_some();
                let href = archived.then(|| page.link(Page::RegulationVersion(&a.version)));
                adoption_view(a, href)
            })
            .collect(),
    })
}

/// Chapter `index` (from 0), its articles numbered `1.1`, `1.2`, ….
fn chapter_view((index, chapter): (usize, &crate::model::Chapter)) -> ChapterView {
    let number = index + 1;
    let article = |(ai, article): (usize, &crate::model::Article)| ArticleView {
        number: format!("{number}.{}", ai + 1),
        slug: format!("{number}-{}", ai + 1),
        title: article.title.clone(),
        members: article
            .members
            .iter()
            .enumerate()
            .map(|(mi, member)| member_view(mi + 1, member))
            .collect(),
        explanation: to_html(&article.explanation),
    };
    ChapterView {
        number,
        title: chapter.title.clone(),
        articles: chapter.articles.iter().enumerate().map(article).collect(),
    }
}

fn version_view(v: &Version) -> VersionView {
    VersionView {
        number: v.number.clone(),
        status: v.status.clone(),
        date: v.date.iso(),
        author: v.author.clone(),
        description: v.description.clone(),
    }
}

fn adoption_view(a: &Adoption, href: Option<String>) -> AdoptionView {
    AdoptionView {
        version: a.version.clone(),
        date: a.date.iso(),
        by: a.by.clone(),
        role: a.role.clone(),
        consent: a.consent.clone(),
        href,
    }
}

fn member_view(number: usize, member: &Member) -> MemberView {
    let (text, items) = match member {
        Member::Text(text) => (text, &[][..]),
        Member::WithItems { text, items } => (text, &items[..]),
    };
    if text.trim() == ADOPTION_MEMBER && items.is_empty() {
        return MemberView {
            number,
            text: String::new(),
            items: Vec::new(),
            adoption: true,
        };
    }
    MemberView {
        number,
        adoption: false,
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
