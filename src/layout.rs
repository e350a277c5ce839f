//! Layout: the site on disk and on the web, in one place.
//!
//! The names of the input files and folders, the pages a model makes and the
//! file each is written to, the links between pages, the names a school id
//! cannot take, and which input files each page is made from. Every other
//! module asks this one; none writes a page path or a file name of its own.

use std::path::PathBuf;

use crate::diagnostic::Sources;
use crate::model::{Date, Model, Section};

/// The file with the schools, relative to the site's folder.
pub const SCHOOLS_FILE: &str = "schools.yaml";
/// The folder with the shared model, relative to the site's folder.
pub const CONTENT_DIR: &str = "content";
/// The folder of the site's themes, and its one theme: overrides of the
/// built-in theme.
pub const THEMES_DIR: &str = "themes";
pub const THEME_DIR: &str = "themes/default";
/// The folders below every theme folder.
pub const TEMPLATES_DIR: &str = "templates";
pub const STATIC_DIR: &str = "static";
pub const STRINGS_DIR: &str = "strings";
/// Where `helder schema` writes the schemas, relative to the site's folder.
pub const SCHEMA_DIR: &str = "schema";
/// The output folder inside the site's folder, when no other is given.
pub const OUTPUT_DIR: &str = "public";

/// Files written beside the pages, at the root of the output folder.
pub const STYLESHEET: &str = "style.css";
pub const SITEMAP: &str = "sitemap.xml";
/// The site's icon, so that browsers do not ask for a missing favicon.ico.
pub const FAVICON: &str = "favicon.svg";
/// The list of files helder wrote, in the output folder: what it may replace.
pub const MANIFEST: &str = ".helder-manifest";

/// Where `helder register` writes, relative to the site's folder, and the
/// name of its files (`.csv` and `.json`).
pub const REGISTER_DIR: &str = "register";
pub const REGISTER_FILE: &str = "verwerkingsregister";

/// The folder of the board's statement for staff and job applicants.
pub const STAFF_DIR: &str = "medewerkers";

/// The Atom feed of changes, at the root and in every school's folder.
pub const FEED: &str = "wijzigingen.xml";

/// The annotated tags that record an adoption of the regulation start with this.
pub const ADOPTION_TAG_PREFIX: &str = "reglement-";

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'m> {
    /// The list of schools.
    Index,
    /// A school's privacy statement, by the school's id.
    Statement(&'m str),
    /// The board's statement for its staff and job applicants.
    StaffStatement,
    /// The cookie notice of a school's website.
    SchoolCookies(&'m str),
    /// The cookie notice of the board's own website.
    BoardCookies,
    Regulation,
    /// How accessible the site is, and how to report a problem.
    Accessibility,
    NotFound,
    /// An earlier version of a school's statement, by the date it was
    /// published: superseded, kept as it was.
    StatementVersion(&'m str, Date),
    /// An adopted version of the regulation, by its version (`1.0`, from
    /// the tag `reglement-1.0`).
    RegulationVersion(&'m str),
    /// The Atom feed of the material changes of a school's statement, or of
    /// all statements of the board (None).
    Feed(Option<&'m str>),
}

/// What kind of page, as far as its inputs are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Index,
    Statement,
    Cookies,
    Regulation,
    NotFound,
}

/// Every page of the model, in the order they are listed and built.
pub fn pages(model: &Model) -> Vec<Page<'_>> {
    let mut pages = vec![Page::Index];
    for school in &model.schools {
        pages.push(Page::Statement(&school.id));
        pages.push(Page::SchoolCookies(&school.id));
    }
    if model.has_staff_statement() {
        pages.push(Page::StaffStatement);
    }
    pages.push(Page::BoardCookies);
    if model.regulation.is_some() {
        pages.push(Page::Regulation);
    }
    pages.push(Page::Accessibility);
    pages.push(Page::NotFound);
    pages
}

impl Page<'_> {
    /// The file the page is written to, relative to the output folder.
    pub fn file(&self) -> String {
        match self {
            Page::Index => "index.html".into(),
            Page::Statement(id) => format!("{id}/index.html"),
            Page::StaffStatement => format!("{STAFF_DIR}/index.html"),
            Page::SchoolCookies(id) => format!("{id}/cookies/index.html"),
            Page::BoardCookies => "cookies/index.html".into(),
            Page::Regulation => "reglement/index.html".into(),
            Page::Accessibility => "toegankelijkheid/index.html".into(),
            Page::NotFound => "404.html".into(),
            Page::StatementVersion(id, date) => format!("{id}/versies/{}/index.html", date.iso()),
            Page::RegulationVersion(version) => format!("reglement/{version}/index.html"),
            Page::Feed(Some(id)) => format!("{id}/{FEED}"),
            Page::Feed(None) => FEED.into(),
        }
    }

    /// `../` once per folder the page lies below the root, so that links
    /// work from disk and below any path of a host.
    pub fn root(&self) -> String {
        "../".repeat(self.file().matches('/').count())
    }

    /// The link from this page to `to`: relative, and as short as it can be.
    pub fn link(&self, to: Page) -> String {
        let (from, to) = (self.file(), to.file());
        let from: Vec<&str> = from.split('/').collect();
        let to: Vec<&str> = to.split('/').collect();
        let (from_dirs, to_dirs) = (&from[..from.len() - 1], &to[..to.len() - 1]);
        let shared = from_dirs
            .iter()
            .zip(to_dirs)
            .take_while(|(a, b)| a == b)
            .count();
        "../".repeat(from_dirs.len() - shared) + &to[shared..].join("/")
    }

    /// The link from this page to a file at the root of the output folder.
    pub fn asset(&self, name: &str) -> String {
        self.root() + name
    }

    /// The link from this page to `href` (a link of [`Page::link`] or
    /// [`Page::asset`] from it), as the page needs it where it is served:
    /// the 404 page is shown at any address (`/a/b/c`), so its links start
    /// from the site's root, the path of `base_url` (`/` without one).
    pub fn served(&self, href: String, base_url: &str) -> String {
        if *self != Page::NotFound {
            return href;
        }
        let path = base_url
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .map_or("", |(_, path)| path.trim_end_matches('/'));
        if path.is_empty() {
            format!("/{href}")
        } else {
            format!("/{path}/{href}")
        }
    }

    /// The page's address below the base URL, as a sitemap lists it; None
    /// for the 404 page, which no one should find by a search, for earlier
    /// versions, which a search should not offer in place of the current
    /// one, and for the feeds, which are no pages.
    pub fn address(&self) -> Option<String> {
        match self {
            Page::NotFound
            | Page::StatementVersion(..)
            | Page::RegulationVersion(_)
            | Page::Feed(_) => None,
            _ => Some(self.file().trim_end_matches("index.html").to_string()),
        }
    }

    /// The school the page belongs to.
    pub fn school(&self) -> Option<&str> {
        match self {
            Page::Statement(id)
            | Page::SchoolCookies(id)
            | Page::StatementVersion(id, _)
            | Page::Feed(Some(id)) => Some(id),
            _ => None,
        }
    }

    fn kind(&self) -> Kind {
        match self {
            // It names the board's channels, as the index does.
            Page::Index | Page::Accessibility => Kind::Index,
            Page::Statement(_)
            | Page::StaffStatement
            | Page::StatementVersion(..)
            | Page::Feed(_) => Kind::Statement,
            Page::SchoolCookies(_) | Page::BoardCookies => Kind::Cookies,
            Page::Regulation | Page::RegulationVersion(_) => Kind::Regulation,
            Page::NotFound => Kind::NotFound,
        }
    }

    /// The input files the page is made from, for its "last changed" date.
    pub fn inputs(&self, sources: &Sources) -> Inputs {
        let kind = self.kind();
        let sections: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| shown_on(*s).contains(&kind))
            .collect();
        let mut files = sources.files_with(&sections);
        if matches!(kind, Kind::Index | Kind::Regulation) {
            files.push(PathBuf::from(SCHOOLS_FILE));
        }
        Inputs {
            files,
            school: self.school().map(str::to_string),
        }
    }
}

/// What a page is made from: whole files, and one school's entry in
/// `schools.yaml` (compared as YAML, so editing another school's entry does
/// not count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub school: Option<String>,
}

/// The kinds of page a section of `content/` shows on. The match names
/// every section, so a new one cannot be left out.
fn shown_on(section: Section) -> &'static [Kind] {
    match section {
        // Settings of the build (address, author style, language), not
        // what a page says.
        Section::Site => &[],
        Section::Organisation => &[Kind::Index, Kind::Statement, Kind::Regulation],
        Section::Statement
        | Section::Rights
        | Section::Retention
        | Section::Activities
        | Section::Processors
        | Section::Recipients => &[Kind::Statement],
        // Annex 1 of the regulation lists every category, per subject.
        Section::Subjects | Section::Categories => &[Kind::Statement, Kind::Regulation],
        // Annex 2 of the regulation holds the board's cookie table.
        Section::Cookies => &[Kind::Cookies, Kind::Regulation],
        Section::Regulation => &[Kind::Regulation],
    }
}

/// The files of the regulation's own text: its version table counts their commits.
pub fn regulation_files(sources: &Sources) -> Vec<PathBuf> {
    sources.files_with(&[Section::Regulation])
}

/// Whether a version of the regulation (the end of a tag's name) can be a
/// folder of the site: letters, digits, `.`, `_` and `-`, not starting with
/// a dot (`1.0`, `2026-1`), and no name of a file the site itself writes
/// beside those folders (`index.html` of `reglement/index.html`), in any
/// case, as a file system that ignores case would take it.
pub fn is_folder_name(version: &str) -> bool {
    let regulation = Page::Regulation.file();
    let folder = regulation.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut taken = pages_in(folder);
    !version.is_empty()
        && !version.starts_with('.')
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !taken.any(|name| name.eq_ignore_ascii_case(version))
}

/// The pages of the site that are there once, whatever the model holds.
const FIXED_PAGES: [Page<'static>; 6] = [
    Page::Index,
    Page::StaffStatement,
    Page::BoardCookies,
    Page::Accessibility,
    Page::Regulation,
    Page::NotFound,
];

/// The names the site's fixed pages (and the board's feed) take directly
/// in `folder`.
fn pages_in(folder: &str) -> impl Iterator<Item = String> {
    let prefix = format!("{folder}/");
    let fixed = FIXED_PAGES.into_iter().chain([Page::Feed(None)]);
    fixed.filter_map(move |page| {
        let file = page.file();
        let rest = file.strip_prefix(&prefix)?;
        Some(rest.split('/').next().unwrap_or(rest).to_string())
    })
}

/// Whether a school id would take the place of another page or file of the site.
pub fn is_reserved(id: &str) -> bool {
    let taken = FIXED_PAGES.iter().map(Page::file).chain([
        STYLESHEET.into(),
        SITEMAP.into(),
        FAVICON.into(),
    ]);
    taken
        .into_iter()
        .any(|file| file.split('/').next() == Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_404_page_links_from_the_sites_root() {
        let not_found = Page::NotFound;
        let css = not_found.asset(STYLESHEET);
        assert_eq!(not_found.served(css.clone(), ""), "/style.css");
        assert_eq!(
            not_found.served(css.clone(), "https://privacy.opron.nl/"),
            "/style.css"
        );
        assert_eq!(
            not_found.served(css, "https://opron.github.io/privacy"),
            "/privacy/style.css"
        );
        let index = Page::Statement("a").link(Page::Index);
        assert_eq!(
            Page::Statement("a").served(index.clone(), "https://x.nl/p"),
            index
        );
    }

    #[test]
    fn links_between_pages_are_relative() {
        let statement = Page::Statement("de-mieden");
        assert_eq!(statement.file(), "de-mieden/index.html");
        assert_eq!(
            statement.link(Page::SchoolCookies("de-mieden")),
            "cookies/index.html"
        );
        assert_eq!(
            Page::SchoolCookies("de-mieden").link(statement),
            "../index.html"
        );
        assert_eq!(
            Page::SchoolCookies("a").link(Page::Statement("b")),
            "../../b/index.html"
        );
        assert_eq!(statement.link(statement), "index.html");
        assert_eq!(statement.link(Page::Regulation), "../reglement/index.html");
        assert_eq!(
            Page::SchoolCookies("x").asset(STYLESHEET),
            "../../style.css"
        );
        assert_eq!(Page::Index.link(Page::Statement("x")), "x/index.html");
        assert_eq!(Page::NotFound.asset(STYLESHEET), "style.css");
    }

    #[test]
    fn sitemap_addresses_are_folders_and_the_404_page_has_none() {
        assert_eq!(Page::Index.address().as_deref(), Some(""));
        assert_eq!(Page::Statement("x").address().as_deref(), Some("x/"));
        assert_eq!(Page::NotFound.address(), None);
        let date = Date::new(2026, 3, 1).unwrap();
        assert_eq!(Page::StatementVersion("x", date).address(), None);
    }

    #[test]
    fn earlier_versions_live_below_the_current_page() {
        let date = Date::new(2026, 3, 1).unwrap();
        let old = Page::StatementVersion("de-mieden", date);
        assert_eq!(old.file(), "de-mieden/versies/2026-03-01/index.html");
        assert_eq!(old.link(Page::Statement("de-mieden")), "../../index.html");
        assert_eq!(
            Page::RegulationVersion("1.0").file(),
            "reglement/1.0/index.html"
        );
        assert_eq!(
            Page::Statement("a").link(Page::Feed(Some("a"))),
            "wijzigingen.xml"
        );
        assert!(is_folder_name("1.0") && is_folder_name("2026-1"));
        assert!(!is_folder_name("..") && !is_folder_name("a/b") && !is_folder_name(""));
        // The regulation's own page is `reglement/index.html`: no version takes its name.
        assert!(!is_folder_name("index.html") && !is_folder_name("INDEX.html"));
        assert!(is_folder_name("index.htm"));
    }

    #[test]
    fn school_ids_cannot_take_the_folders_of_other_pages() {
        assert!(is_reserved("reglement"));
        assert!(is_reserved("cookies"));
        assert!(is_reserved("medewerkers"));
        assert!(!is_reserved("static"));
        assert!(!is_reserved("de-mieden"));
    }
}
