//! The model: typed structs for everything a site's YAML files can say.
//!
//! `content/*.yaml` files are *fragments*: each may hold any of the sections of
//! [`Fragment`], and `load` merges them into one [`Model`]. `schools.yaml`
//! holds the schools. Every struct rejects unknown keys, so a typo is an error
//! with a line number instead of a silently missing section.
//!
//! Each entity carries an [`Origin`] (which file, which YAML path) that `load`
//! fills in; later stages use it to point diagnostics at the right line.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where an entity was written: a file (an index into the loaded files) and
/// the path of the entity inside it, e.g. `activities[3]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: usize,
    pub path: YamlPath,
}

impl Origin {
    /// Whether `load` set this origin: the part was written in a file. A
    /// section no file has keeps the default origin, with an empty path.
    pub fn written(&self) -> bool {
        !self.path.steps().is_empty()
    }

    /// The origin of a key below this entity.
    pub fn child(&self, key: &'static str) -> Origin {
        Origin {
            file: self.file,
            path: self.path.child(key),
        }
    }

    /// The origin of a list item below this entity.
    pub fn at(&self, index: usize) -> Origin {
        Origin {
            file: self.file,
            path: self.path.at(index),
        }
    }
}

/// Where a value sits inside its file: `activities[3].categories[1]`. The
/// stages build it as a typed value; only diagnostics turn it into text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct YamlPath(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

impl YamlPath {
    pub fn key(key: &'static str) -> YamlPath {
        YamlPath(vec![Step::Key(key)])
    }

    /// The path of a key below this one.
    pub fn child(&self, key: &'static str) -> YamlPath {
        let mut path = self.clone();
        path.0.push(Step::Key(key));
        path
    }

    /// The path of a list item below this one.
    pub fn at(&self, index: usize) -> YamlPath {
        let mut path = self.clone();
        path.0.push(Step::Index(index));
        path
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }
}

impl std::fmt::Display for YamlPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The sections a file of `content/` may hold: one for each field of
/// [`Fragment`]. `load` records which sections each file has, and the
/// layout decides from them which files each page is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Site,
    Organisation,
    Statement,
    Rights,
    Subjects,
    Categories,
    Retention,
    Activities,
    Processors,
    Recipients,
    Cookies,
    Regulation,
}

impl Section {
    pub const ALL: [Section; 12] = [
        Section::Site,
        Section::Organisation,
        Section::Statement,
        Section::Rights,
        Section::Subjects,
        Section::Categories,
        Section::Retention,
        Section::Activities,
        Section::Processors,
        Section::Recipients,
        Section::Cookies,
        Section::Regulation,
    ];

    /// The keys of every section, as a file writes them.
    pub const KEYS: [&'static str; 12] = [
        "site",
        "organisation",
        "statement",
        "rights",
        "subjects",
        "categories",
        "retention",
        "activities",
        "processors",
        "recipients",
        "cookies",
        "regulation",
    ];

    /// The section's key in a YAML file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Site => "site",
            Section::Organisation => "organisation",
            Section::Statement => "statement",
            Section::Rights => "rights",
            Section::Subjects => "subjects",
            Section::Categories => "categories",
            Section::Retention => "retention",
            Section::Activities => "activities",
            Section::Processors => "processors",
            Section::Recipients => "recipients",
            Section::Cookies => "cookies",
            Section::Regulation => "regulation",
        }
    }
}

/// A part of the model that knows where it was written.
pub trait Located {
    fn origin(&self) -> &Origin;
    /// Set by `load`, which alone knows where the part was written.
    fn origin_mut(&mut self) -> &mut Origin;
}

/// An entity of the model that other parts refer to by its id.
pub trait Entity: Located {
    /// What a person calls this kind of entity in an error message, in
    /// English and in Dutch.
    const KIND: &'static str;
    const KIND_NL: &'static str;
    fn id(&self) -> &str;
}

macro_rules! located {
    ($($type:ty),* $(,)?) => {$(
        impl Located for $type {
            fn origin(&self) -> &Origin {
                &self.origin
            }
            fn origin_mut(&mut self) -> &mut Origin {
                &mut self.origin
            }
        }
    )*};
}

macro_rules! entity {
    ($($type:ty => $kind:literal / $nl:literal),* $(,)?) => {$(
        impl Entity for $type {
            const KIND: &'static str = $kind;
            const KIND_NL: &'static str = $nl;
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}

located!(
    Subject, Category, Retention, Activity, Processor, Recipient, School, Cookie
);

entity! {
    Subject => "subject" / "groep mensen",
    Category => "category" / "categorie",
    Retention => "retention rule" / "bewaartermijn",
    Activity => "activity" / "verwerking",
    Processor => "processor" / "verwerker",
    Recipient => "recipient" / "ontvanger",
    School => "school" / "school",
}

/// The entity with this id, if there is one.
pub fn find<'m, T: Entity>(items: &'m [T], id: &str) -> Option<&'m T> {
    items.iter().find(|item| item.id() == id)
}

/// One `content/*.yaml` file. Every section is optional; lists from several
/// files are concatenated in file-name order.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    #[schemars(
        description = "Instellingen van de site: webadres, hoe auteurs worden getoond, taal, niveaus van regels."
    )]
    pub site: Option<Site>,
    #[schemars(
        description = "Het schoolbestuur (de verwerkingsverantwoordelijke) met adres, telefoon, e-mail, FG en toezichthouder."
    )]
    pub organisation: Option<Organisation>,
    #[schemars(
        description = "De lopende tekst van de privacyverklaring die geen lijst van feiten is."
    )]
    pub statement: Option<StatementText>,
    #[schemars(description = "De rechten van ouders en leerlingen, en hoe zij ze gebruiken.")]
    pub rights: Option<Rights>,
    #[serde(default)]
    #[schemars(
        description = "De groepen mensen van wie gegevens worden verwerkt: leerlingen, ouders, medewerkers, …"
    )]
    pub subjects: Vec<Subject>,
    #[serde(default)]
    #[schemars(description = "De soorten persoonsgegevens, elk van één groep mensen.")]
    pub categories: Vec<Category>,
    #[serde(default)]
    #[schemars(
        description = "De bewaartermijnen, elk één keer met de bron; verwerkingen noemen ze met hun id."
    )]
    pub retention: Vec<Retention>,
    #[serde(default)]
    #[schemars(
        description = "De verwerkingen: elk één doel met zijn grondslag, gegevens, ontvangers en bewaartermijn."
    )]
    pub activities: Vec<Activity>,
    #[serde(default)]
    #[schemars(
        description = "De verwerkers: leveranciers die gegevens verwerken in opdracht van het bestuur."
    )]
    pub processors: Vec<Processor>,
    #[serde(default)]
    #[schemars(description = "De ontvangers: organisaties aan wie het bestuur gegevens geeft.")]
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    #[schemars(description = "De cookies van de websites van het bestuur en de scholen.")]
    pub cookies: Vec<Cookie>,
    #[schemars(
        description = "Het privacyreglement van het bestuur, met een toelichting bij elk artikel."
    )]
    pub regulation: Option<Regulation>,
}

/// `schools.yaml`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchoolsFile {
    #[schemars(description = "De scholen van het bestuur, elk met wat bij die school anders is.")]
    pub schools: Vec<School>,
}

/// The whole model after `load` merged the fragments and the schools.
#[derive(Debug, Default)]
pub struct Model {
    pub site: Site,
    pub organisation: Organisation,
    pub statement: StatementText,
    pub rights: Rights,
    pub subjects: Vec<Subject>,
    pub categories: Vec<Category>,
    pub retention: Vec<Retention>,
    pub activities: Vec<Activity>,
    pub processors: Vec<Processor>,
    pub recipients: Vec<Recipient>,
    pub cookies: Vec<Cookie>,
    pub regulation: Option<Regulation>,
    pub schools: Vec<School>,
}

/// Settings of the generated site.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The address the site is published at, e.g. `https://privacy.opron.nl`.
    /// Used for the sitemap; links between pages stay relative.
    #[serde(default)]
    #[schemars(
        description = "Het webadres waarop de site staat, bijvoorbeeld `https://privacy.opron.nl`; voor de sitemap."
    )]
    pub base_url: String,
    /// How authors of the regulation's versions are shown: `name` or `initials`.
    #[serde(default)]
    #[schemars(
        description = "Hoe auteurs in de versietabel staan: `name` (naam) of `initials` (initialen)."
    )]
    pub authors: AuthorStyle,
    /// The language of the pages, e.g. `nl`: the `lang` of every page and
    /// the strings file of the theme (`strings/nl.yaml`) its words come from.
    #[serde(default = "Site::default_language")]
    #[schemars(description = "De taal van de pagina's, bijvoorbeeld `nl`.")]
    pub language: String,
    /// The level of a rule of `helder check`, by its code: `allow`, `warn`
    /// or `deny`, e.g. `rules: { HL204: allow }`. A rule the law requires
    /// cannot be lowered.
    #[serde(default)]
    #[schemars(
        description = "Het niveau van een regel van `helder check`, per code: `allow`, `warn` of `deny`. Een regel die de wet vereist, kan niet lager."
    )]
    pub rules: std::collections::BTreeMap<String, RuleLevel>,
    /// The readability targets of `helder check` (rule HL207).
    #[serde(default)]
    #[schemars(
        description = "De doelen voor leesbaarheid die `helder check` controleert (regel HL208); zonder deze sleutel die van taalniveau B1."
    )]
    pub readability: ReadabilityTargets,
    #[serde(skip)]
    pub origin: Origin,
}

/// How easy every kind of page must be to read, by default plain Dutch
/// (B1): Flesch-Douma 60 or higher, 15 words a sentence or fewer.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ReadabilityTargets {
    /// The lowest Flesch-Douma figure a kind of page may have.
    #[schemars(
        description = "De laagste Flesch-Douma-score die een soort pagina mag hebben: hoe hoger, hoe makkelijker. B1 is 60 of hoger."
    )]
    pub min_flesch_douma: f64,
    /// The most words a sentence may have on average.
    #[schemars(description = "Het hoogste gemiddelde aantal woorden per zin. B1 is 15 of minder.")]
    pub max_words_per_sentence: f64,
}

impl Default for ReadabilityTargets {
    fn default() -> ReadabilityTargets {
        ReadabilityTargets {
            min_flesch_douma: 60.0,
            max_words_per_sentence: 15.0,
        }
    }
}

/// How a site wants a rule of `helder check` to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    /// Not checked.
    Allow,
    /// A warning: reported, but the site is built.
    Warn,
    /// An error: nothing is built until it is fixed.
    Deny,
}

impl Default for Site {
    fn default() -> Site {
        Site {
            base_url: String::new(),
            authors: AuthorStyle::default(),
            language: Site::default_language(),
            rules: Default::default(),
            readability: ReadabilityTargets::default(),
            origin: Origin::default(),
        }
    }
}

impl Site {
    fn default_language() -> String {
        "nl".to_string()
    }
}

/// How authors appear in a version table.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorStyle {
    /// "Jan de Vries"
    #[default]
    Name,
    /// "JdV"
    Initials,
}

/// The board: the controller (*verwerkingsverantwoordelijke*).
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[schemars(description = "De naam van het bestuur, zoals ouders die kennen.")]
    pub name: String,
    #[schemars(description = "Het bezoekadres van het bestuur.")]
    pub visiting_address: Address,
    #[schemars(description = "Het postadres, als dat anders is dan het bezoekadres.")]
    pub postal_address: Option<Address>,
    #[schemars(description = "Het telefoonnummer van het bestuur, bijvoorbeeld `0599-696390`.")]
    pub phone: String,
    #[schemars(description = "Het algemene e-mailadres van het bestuur.")]
    pub email: String,
    #[schemars(description = "De website van het bestuur, met `https://`.")]
    pub website: String,
    /// The data protection officer (*functionaris gegevensbescherming*, FG).
    #[schemars(
        description = "De functionaris gegevensbescherming (FG): een functie en een adres, geen naam."
    )]
    pub dpo: Contact,
    /// Where parents send questions and requests about privacy.
    #[schemars(description = "Waar ouders vragen en verzoeken over privacy heen sturen.")]
    pub privacy_contact: Contact,
    /// The supervisory authority (in the Netherlands: the Autoriteit Persoonsgegevens).
    #[schemars(description = "De toezichthouder: de Autoriteit Persoonsgegevens.")]
    pub supervisory_authority: Authority,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[schemars(description = "Straat en huisnummer, of een postbus.")]
    pub street: String,
    #[schemars(description = "De postcode in de vorm `1234 AB`.")]
    pub postcode: String,
    #[schemars(description = "De plaats.")]
    pub place: String,
}

/// A functional contact: a role and an address, never a person's name.
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[schemars(
        description = "De functie, bijvoorbeeld \"Functionaris gegevensbescherming\"; nooit een naam."
    )]
    pub role: String,
    #[schemars(description = "Een functioneel e-mailadres, bijvoorbeeld `fg@opron.nl`.")]
    pub email: String,
    #[schemars(description = "Een telefoonnummer, als dat er is.")]
    pub phone: Option<String>,
    /// The organisation that provides this contact, when it is not the
    /// board itself (an FG hired from another organisation): then an
    /// address at another domain than the board's is expected.
    #[schemars(
        description = "De organisatie die deze functie levert, als dat niet het bestuur zelf is; dan mag het adres op een ander domein liggen."
    )]
    pub external: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    #[schemars(description = "De naam: `Autoriteit Persoonsgegevens`.")]
    pub name: String,
    #[schemars(description = "De website: `https://autoriteitpersoonsgegevens.nl`.")]
    pub website: String,
    #[schemars(description = "Het telefoonnummer van de toezichthouder.")]
    pub phone: Option<String>,
}

/// Prose of the statement that is not a list of facts (Markdown).
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementText {
    /// Opening paragraph: what this page is and for whom.
    #[schemars(description = "De opening: wat deze pagina is en voor wie (Markdown).")]
    pub introduction: String,
    /// How the board protects the data.
    #[schemars(description = "Hoe het bestuur de gegevens beschermt (Markdown).")]
    pub security: String,
    /// Automated decisions and profiling (C13), stated also when there are none.
    #[schemars(
        description = "Of er geautomatiseerde besluiten of profilering zijn; zeg het ook als ze er niet zijn (Markdown)."
    )]
    pub automated_decisions: String,
    /// How changes to the statement are announced.
    #[schemars(
        description = "Hoe het bestuur een wijziging van de verklaring bekendmaakt (Markdown)."
    )]
    pub changes: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// The rights of data subjects and how to use them (C9–C11).
#[derive(Debug, Default, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// How to make a request (Markdown): where to send it, identity checks.
    #[schemars(
        description = "Hoe ouders een verzoek doen: waar naartoe, en hoe de school nagaat wie het vraagt (Markdown)."
    )]
    pub how: String,
    /// The term to answer a request, e.g. `1 maand` (GDPR art. 12(3)).
    #[schemars(description = "De termijn om te antwoorden: `1 maand` (AVG art. 12 lid 3).")]
    pub response_time: Period,
    /// Who uses the rights for a pupil (parents below 16, the pupil from 16).
    #[schemars(
        description = "Wie de rechten gebruikt: de ouders tot de leerling 16 is, daarna de leerling zelf."
    )]
    pub age: String,
    /// How to complain, first to the board and then to the authority (Markdown).
    #[schemars(
        description = "Hoe u klaagt: eerst bij het bestuur, daarna bij de toezichthouder (Markdown)."
    )]
    pub complaints: String,
    #[schemars(description = "De rechten, elk met wat het betekent; alle zes zijn verplicht.")]
    pub items: Vec<Right>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Right {
    #[schemars(
        description = "Welk recht: access, rectification, erasure, restriction, objection, portability of withdraw_consent."
    )]
    pub kind: RightKind,
    #[schemars(
        description = "De naam van het recht zoals ouders het lezen, bijvoorbeeld \"Inzage\"."
    )]
    pub name: String,
    /// What the right means (Markdown).
    #[schemars(description = "Wat het recht betekent (Markdown).")]
    pub text: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RightKind {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Objection,
    Portability,
    WithdrawConsent,
}

impl RightKind {
    pub const REQUIRED: [RightKind; 6] = [
        RightKind::Access,
        RightKind::Rectification,
        RightKind::Erasure,
        RightKind::Restriction,
        RightKind::Objection,
        RightKind::Portability,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RightKind::Access => "access",
            RightKind::Rectification => "rectification",
            RightKind::Erasure => "erasure",
            RightKind::Restriction => "restriction",
            RightKind::Objection => "objection",
            RightKind::Portability => "portability",
            RightKind::WithdrawConsent => "withdraw_consent",
        }
    }
}

/// A group of people (*betrokkenen*): pupils, parents, staff, …
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    #[schemars(
        description = "De naam waarmee categorieën naar deze groep verwijzen: kleine letters en streepjes."
    )]
    pub id: String,
    /// Plural, as a heading: "Leerlingen".
    #[schemars(description = "De groep, als kopje: \"Leerlingen\".")]
    pub name: String,
    /// Whose statement tells about this group's data.
    #[serde(default)]
    #[schemars(
        description = "In welke privacyverklaring de gegevens van deze groep staan: `school` (de verklaring van elke school, voor leerlingen en ouders; zo is het als u niets zet) of `staff` (de verklaring voor medewerkers en sollicitanten van het bestuur)."
    )]
    pub audience: Audience,
    #[serde(skip)]
    pub origin: Origin,
}

/// The readers of a statement: a school's pupils and parents (and the
/// visitors of its website), or the board's staff and job applicants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The statement of every school.
    #[default]
    School,
    /// The board's statement for staff and job applicants.
    Staff,
}

impl Model {
    /// Whose statement an activity is in: the staff's when every category
    /// it uses is about a group of people of the staff, else the schools'.
    pub fn audience_of(&self, activity: &Activity) -> Audience {
        let staff = |id: &String| {
            find(&self.categories, id)
                .and_then(|c| find(&self.subjects, &c.subject))
                .is_some_and(|s| s.audience == Audience::Staff)
        };
        if !activity.categories.is_empty() && activity.categories.iter().all(staff) {
            Audience::Staff
        } else {
            Audience::School
        }
    }

    /// The activities a school's statement for `audience` tells of: every
    /// shared one, and the per-school ones the school lists under
    /// `practices`.
    pub fn activities_of(&self, school: &School, audience: Audience) -> Vec<&Activity> {
        self.activities
            .iter()
            .filter(|a| !a.per_school || school.practices.contains(&a.id))
            .filter(|a| self.audience_of(a) == audience)
            .collect()
    }

    /// The processors a school's statement names: those its `activities`
    /// use and those it lists under `systems`, in model order.
    pub fn processors_of(&self, school: &School, activities: &[&Activity]) -> Vec<&Processor> {
        self.processors
            .iter()
            .filter(|p| {
                school.uses(p)
                    && (activities.iter().any(|a| a.processors.contains(&p.id))
                        || school.systems.contains(&p.id))
            })
            .collect()
    }

    /// Whether the board has a statement for staff: some activity is theirs.
    pub fn has_staff_statement(&self) -> bool {
        self.activities
            .iter()
            .any(|a| self.audience_of(a) == Audience::Staff)
    }
}

/// A category of personal data of one group of people.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    #[schemars(
        description = "De naam waarmee verwerkingen naar deze categorie verwijzen: kleine letters en streepjes."
    )]
    pub id: String,
    /// The subject (group of people) this data is about.
    #[schemars(description = "Het id van de groep mensen over wie deze gegevens gaan.")]
    pub subject: String,
    #[schemars(description = "De soort gegevens, bijvoorbeeld \"Naam en adres\".")]
    pub name: String,
    /// Optional detail, e.g. the fields a category holds.
    #[schemars(description = "Een toelichting, bijvoorbeeld welke velden erbij horen.")]
    pub description: Option<String>,
    /// A special category of GDPR art. 9, if it is one.
    #[schemars(
        description = "Het soort bijzonder persoonsgegeven (AVG art. 9), als het er een is."
    )]
    pub special: Option<SpecialKind>,
    /// The citizen service number (BSN): a national identifier with its own rules.
    #[serde(default)]
    #[schemars(description = "`true` als dit het burgerservicenummer is.")]
    pub bsn: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// The special categories of personal data of GDPR art. 9(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialKind {
    Health,
    Religion,
    Ethnicity,
    Political,
    TradeUnion,
    Genetic,
    Biometric,
    SexLife,
}

/// A retention period, written once with its source and referred to by id.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    #[schemars(
        description = "De naam waarmee verwerkingen naar deze termijn verwijzen: kleine letters en streepjes."
    )]
    pub id: String,
    /// How long, e.g. `5 jaar`, `6 maanden`.
    #[schemars(description = "Hoe lang, bijvoorbeeld `5 jaar` of `6 maanden`.")]
    pub period: Period,
    /// From when the period runs, e.g. "nadat de leerling de school heeft verlaten".
    #[schemars(
        description = "Vanaf wanneer de termijn loopt, bijvoorbeeld \"nadat de leerling de school heeft verlaten\"."
    )]
    pub after: String,
    /// Where the period comes from: a law, a guideline, the board's own policy.
    #[schemars(
        description = "Waar de termijn vandaan komt: een wet, de lijst van Kennisnet, het beleid van het bestuur."
    )]
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// A length of time as people write it: `1 maand`, `5 jaar`, `90 dagen`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum PeriodUnit {
    Day,
    Week,
    #[default]
    Month,
    Year,
}

impl Period {
    /// Parses `<number> <unit>` with a Dutch unit (dag/dagen, week/weken,
    /// maand/maanden, jaar).
    pub fn parse(text: &str) -> Option<Period> {
        let mut words = text.split_whitespace();
        let (Some(number), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return None;
        };
        let unit = match unit {
            "dag" | "dagen" => PeriodUnit::Day,
            "week" | "weken" => PeriodUnit::Week,
            "maand" | "maanden" => PeriodUnit::Month,
            "jaar" => PeriodUnit::Year,
            _ => return None,
        };
        Some(Period {
            amount: number.parse().ok()?,
            unit,
        })
    }
}

/// What a period looks like, for a message about one that does not parse.
const PERIOD_EXAMPLES: &str = "`5 jaar`, `6 maanden`, `2 weken`, `90 dagen`";

impl Period {
    /// As an ISO 8601 duration (`P5Y`, `P6M`, `P2W`, `P90D`): the form the
    /// theme turns into words.
    pub fn iso(&self) -> String {
        let unit = match self.unit {
            PeriodUnit::Day => 'D',
            PeriodUnit::Week => 'W',
            PeriodUnit::Month => 'M',
            PeriodUnit::Year => 'Y',
        };
        format!("P{}{unit}", self.amount)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A number and a Dutch unit of time, e.g. `5 jaar`, `6 maanden`, `90 dagen`.",
            "pattern": PERIOD_PATTERN,
            "examples": ["1 maand", "2 jaar", "90 dagen"]
        })
    }
}

/// What [`Period::parse`] accepts, for editors.
const PERIOD_PATTERN: &str = "^[0-9]+ (dag|dagen|week|weken|maand|maanden|jaar)$";

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&text), &PERIOD_EXAMPLES)
        })
    }
}

/// The legal bases of GDPR art. 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// (a) consent
    Consent,
    /// (b) performance of a contract
    Contract,
    /// (c) a legal obligation
    LegalObligation,
    /// (d) vital interests
    VitalInterest,
    /// (e) a task in the public interest
    PublicTask,
    /// (f) legitimate interests
    LegitimateInterest,
}

/// The grounds of GDPR art. 9(2) that allow processing special categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialGround {
    /// (a) explicit consent
    ExplicitConsent,
    /// (b) obligations in employment and social security law
    Employment,
    /// (c) vital interests of someone unable to consent
    VitalInterest,
    /// (g) substantial public interest, on the basis of Union or member-state law
    PublicInterest,
    /// (h) preventive or occupational medicine
    Medicine,
}

/// A processing activity (*verwerking*): one purpose with its legal basis.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    #[schemars(
        description = "De naam van deze verwerking in het model: kleine letters en streepjes."
    )]
    pub id: String,
    /// Short name, as a heading: "Leerlingadministratie".
    #[schemars(description = "De korte naam, als kopje: \"Leerlingadministratie\".")]
    pub name: String,
    /// Why (Markdown), written for parents.
    #[schemars(description = "Waarvoor, in woorden voor ouders (Markdown).")]
    pub purpose: String,
    #[schemars(
        description = "De grondslag (AVG art. 6 lid 1): consent, contract, legal_obligation, vital_interest, public_task of legitimate_interest."
    )]
    pub basis: Basis,
    /// The law the activity rests on, for a legal obligation or public task.
    #[schemars(
        description = "De wet waarop de verwerking steunt, bij een wettelijke plicht of een taak van algemeen belang."
    )]
    pub law: Option<String>,
    /// The interest, where the basis is a legitimate interest (C4).
    #[schemars(description = "Het gerechtvaardigde belang, als dat de grondslag is.")]
    pub legitimate_interest: Option<String>,
    /// The art. 9(2) ground, where special categories are processed.
    #[schemars(
        description = "De uitzondering van AVG art. 9 lid 2, als er bijzondere persoonsgegevens worden gebruikt."
    )]
    pub special_ground: Option<SpecialGround>,
    /// Categories of data (ids); the groups of people follow from them.
    #[schemars(description = "De ids van de categorieën gegevens die deze verwerking gebruikt.")]
    pub categories: Vec<String>,
    #[serde(default)]
    #[schemars(description = "De ids van de ontvangers die gegevens krijgen.")]
    pub recipients: Vec<String>,
    /// Processors (ids). A processor marked `per_school` appears only in the
    /// statements of schools that list it under `systems`.
    #[serde(default)]
    #[schemars(description = "De ids van de verwerkers die de gegevens verwerken.")]
    pub processors: Vec<String>,
    /// Retention rule (id).
    #[schemars(description = "Het id van de bewaartermijn.")]
    pub retention: String,
    /// True when the data comes from someone other than the parents or the
    /// pupil (the previous school, DUO): then `source` says from whom (C14).
    #[serde(default)]
    #[schemars(
        description = "`true` als de gegevens van een ander komen dan de ouders of de leerling zelf, zoals de vorige school of DUO; dan noemt `source` de bron."
    )]
    pub from_others: bool,
    /// Where the data comes from when not from the person (C14).
    #[schemars(
        description = "Waar de gegevens vandaan komen, als dat niet de ouders of leerling zelf zijn."
    )]
    pub source: Option<String>,
    /// Whether providing the data is required, and what happens if not (C12).
    #[schemars(
        description = "Of ouders de gegevens moeten geven, en wat er gebeurt als ze dat niet doen."
    )]
    pub required: Option<String>,
    /// How to withdraw consent, for activities based on consent (C10).
    #[schemars(
        description = "Hoe ouders hun toestemming intrekken, bij een verwerking op toestemming."
    )]
    pub withdraw: Option<String>,
    /// When true, only schools that list this activity under `practices`
    /// do it (e.g. a class contact list).
    #[serde(default)]
    #[schemars(
        description = "`true` als alleen scholen die haar onder `practices` noemen, deze verwerking doen."
    )]
    pub per_school: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// A processor (*verwerker*): a supplier that handles data on the board's behalf.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    #[schemars(
        description = "De naam van deze verwerker in het model: kleine letters en streepjes."
    )]
    pub id: String,
    /// The product, e.g. "ParnasSys".
    #[schemars(description = "Het product, bijvoorbeeld \"ParnasSys\".")]
    pub name: String,
    /// The company behind it.
    #[schemars(description = "Het bedrijf erachter.")]
    pub supplier: Option<String>,
    /// What it does for the school.
    #[schemars(description = "Wat het voor de school doet.")]
    pub does: String,
    /// Where the data is stored: a country, or `EU`/`EER`.
    #[schemars(description = "Waar de gegevens staan: een land, of `EU`/`EER`.")]
    pub location: String,
    /// Safeguard for a transfer outside the EEA (adequacy decision, SCCs).
    #[schemars(
        description = "De waarborg bij opslag buiten de EER, zoals een adequaatheidsbesluit."
    )]
    pub transfer: Option<String>,
    /// The processor agreement signed with it.
    #[schemars(description = "De verwerkersovereenkomst die met de leverancier is gesloten.")]
    pub agreement: String,
    /// Link to its *privacybijsluiter* (privacy leaflet).
    #[schemars(description = "Het webadres van de privacybijsluiter.")]
    pub leaflet: Option<String>,
    /// The exact fields it receives, where the supplier lists them.
    #[serde(default)]
    #[schemars(
        description = "De precieze velden die de verwerker krijgt, als de leverancier die noemt."
    )]
    pub fields: Vec<String>,
    /// A note on what it does *not* receive or do (Markdown).
    #[schemars(description = "Wat de verwerker juist niet krijgt of doet (Markdown).")]
    pub note: Option<String>,
    /// When true, only schools that list it under `systems` use it.
    #[serde(default)]
    #[schemars(
        description = "`true` als alleen scholen die hem onder `systems` noemen, hem gebruiken."
    )]
    pub per_school: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Processor {
    /// Whether the processor stores data outside the European Economic Area,
    /// so that the statement must name a safeguard (GDPR art. 44–49).
    pub fn outside_eea(&self) -> bool {
        !in_eea(&self.location)
    }
}

/// Whether a location, as the model writes it (in Dutch or English), is
/// inside the European Economic Area.
fn in_eea(location: &str) -> bool {
    const EEA: [&str; 36] = [
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
        "liechtenstein",
        "malta",
        "cyprus",
    ];
    EEA.contains(&location.trim().to_lowercase().as_str())
}

/// A recipient (*ontvanger*): a body the board gives data to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    #[schemars(
        description = "De naam van deze ontvanger in het model: kleine letters en streepjes."
    )]
    pub id: String,
    #[schemars(description = "De naam van de organisatie, bijvoorbeeld \"DUO\".")]
    pub name: String,
    /// What it receives and why (Markdown).
    #[schemars(description = "Wat zij krijgt en waarom (Markdown).")]
    pub why: String,
    /// The law that obliges or allows the board to give it the data.
    #[schemars(description = "De wet die het bestuur verplicht of toestaat de gegevens te geven.")]
    pub law: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// The name of the board's own website in a cookie's `sites:`.
pub const BOARD_SITE: &str = "board";

/// A cookie set by one or more websites of the board.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    #[schemars(description = "De naam van het cookie.")]
    pub name: String,
    /// Who sets it: the site itself or a named third party.
    #[schemars(description = "Wie het plaatst: de website zelf of een genoemde derde.")]
    pub set_by: String,
    #[schemars(description = "Waarvoor het cookie is.")]
    pub purpose: String,
    /// How long it lives, e.g. `1 jaar`, or `session` for the browser session.
    #[schemars(description = "Hoe lang het blijft: een termijn zoals `1 jaar`, of `sessie`.")]
    pub lifetime: CookieLifetime,
    #[schemars(description = "De soort: functional, analytics of tracking.")]
    pub kind: CookieKind,
    /// The websites that set it: school ids, and `board` for the board's own
    /// site. Left out, the cookie is set by every website.
    #[serde(default)]
    #[schemars(
        description = "De websites die het plaatsen: school-ids, en `board` voor de website van het bestuur; zonder deze sleutel alle websites."
    )]
    pub sites: Vec<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CookieLifetime {
    Session,
    For(Period),
}

impl JsonSchema for CookieLifetime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CookieLifetime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "How long the cookie lives: a period such as `1 jaar`, or `sessie` for as long as the browser is open.",
            "pattern": "^(sessie|session|[0-9]+ (dag|dagen|week|weken|maand|maanden|jaar))$"
        })
    }
}

impl<'de> Deserialize<'de> for CookieLifetime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == "session" || text == "sessie" {
            return Ok(CookieLifetime::Session);
        }
        Period::parse(&text)
            .map(CookieLifetime::For)
            .ok_or_else(|| {
                let examples = "`1 jaar`, `30 dagen`, `sessie`";
                serde::de::Error::invalid_value(serde::de::Unexpected::Str(&text), &examples)
            })
    }
}

/// The kinds of cookie the Telecommunicatiewet (art. 11.7a) distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookieKind {
    /// Needed for the site to work; no consent needed.
    Functional,
    /// Statistics with little privacy impact; no consent needed.
    Analytics,
    /// Follows visitors; always needs consent.
    Tracking,
}

/// A school of the board, and what differs from the shared model.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Lower-case letters, digits and hyphens; becomes the page's folder.
    #[schemars(
        description = "Kleine letters, cijfers en streepjes; wordt het webadres van de pagina's van de school."
    )]
    pub id: String,
    #[schemars(description = "De naam van de school.")]
    pub name: String,
    #[schemars(description = "De plaats van de school.")]
    pub place: String,
    #[schemars(description = "De website van de school, met `https://`.")]
    pub website: Option<String>,
    #[schemars(description = "Het e-mailadres van de school.")]
    pub email: Option<String>,
    #[schemars(description = "Het telefoonnummer van de school.")]
    pub phone: Option<String>,
    #[schemars(description = "Het adres van de school.")]
    pub address: Option<Address>,
    /// The processors marked `per_school` that this school uses (ids).
    #[serde(default)]
    #[schemars(
        description = "De ids van de verwerkers met `per_school: true` die deze school gebruikt."
    )]
    pub systems: Vec<String>,
    /// The activities marked `per_school` that this school does (ids).
    #[serde(default)]
    #[schemars(
        description = "De ids van de verwerkingen met `per_school: true` die deze school doet."
    )]
    pub practices: Vec<String>,
    #[serde(skip)]
    pub origin: Origin,
}

impl School {
    /// Whether the school uses a processor: a shared one, or a per-school
    /// one it lists under `systems`.
    pub fn uses(&self, p: &Processor) -> bool {
        !p.per_school || self.systems.contains(&p.id)
    }
}

/// The board's privacy regulation (*privacyreglement*). Numbers of chapters,
/// articles, members and items are computed from their order.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    #[schemars(description = "De titel van het reglement.")]
    pub title: String,
    /// Markdown before the first chapter.
    #[schemars(description = "De tekst voor het eerste hoofdstuk (Markdown).")]
    pub introduction: String,
    #[schemars(description = "De begrippen, elk met zijn betekenis.")]
    pub definitions: Vec<Definition>,
    #[schemars(description = "De hoofdstukken; nummers volgen uit de volgorde.")]
    pub chapters: Vec<Chapter>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    #[schemars(description = "Het begrip.")]
    pub term: String,
    #[schemars(description = "Wat het begrip betekent (Markdown).")]
    pub meaning: String,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    #[schemars(description = "De titel van het hoofdstuk.")]
    pub title: String,
    #[schemars(description = "De artikelen; nummers volgen uit de volgorde.")]
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    #[schemars(description = "De titel van het artikel.")]
    pub title: String,
    /// Numbered members (*leden*); each may have lettered items.
    #[schemars(
        description = "De leden van het artikel: een tekst, of `text:` met `items:`. Een lid dat alleen `{vaststelling}` is, zegt wie deze versie vaststelde, wanneer en met wiens instemming, uit de tags in git."
    )]
    pub members: Vec<Member>,
    /// The explanation (*toelichting*) shown beside the article (Markdown).
    #[schemars(description = "De toelichting naast het artikel, in gewone woorden (Markdown).")]
    pub explanation: String,
}

/// A member that is exactly this text says who adopted the regulation, when
/// and with whose consent, from the adoption record in git (the tags
/// `reglement-…`), so that the text never claims an adoption the history
/// does not show. Until there is one, it says the text is a concept.
pub const ADOPTION_MEMBER: &str = "{vaststelling}";

/// A member of an article: a text, or a text with lettered items.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum Member {
    Text(String),
    WithItems {
        #[schemars(description = "De tekst van het lid, voor de lijst.")]
        text: String,
        #[schemars(description = "De onderdelen van het lid; ze krijgen de letters a, b, c, …")]
        items: Vec<String>,
    },
}

/// A text, or a block with `text:` and `items:`, told apart by what is
/// written rather than by trying one and then the other, so that a mistake
/// inside `items:` is reported as itself.
impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct WithItems {
            text: String,
            items: Vec<String>,
        }

        struct MemberVisitor;

        impl<'de> serde::de::Visitor<'de> for MemberVisitor {
            type Value = Member;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or `text:` with a list of `items:`")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Member, E> {
                Ok(Member::Text(text.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Member, A::Error> {
                let m = WithItems::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Member::WithItems {
                    text: m.text,
                    items: m.items,
                })
            }
        }

        deserializer.deserialize_any(MemberVisitor)
    }
}

/// The model's name of a value (`legal_obligation`), as serde writes it.
pub fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A calendar date that exists: never 30 February.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, if there is such a day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Reads `2018-07-03`, the one form helder writes and reads dates in.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let digits =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// `2018-07-03`: the form the theme turns into words.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_exist_or_are_none() {
        assert_eq!(
            Date::parse_iso("2018-07-03").map(|d| d.iso()),
            Some("2018-07-03".into())
        );
        assert_eq!(
            Date::parse_iso("2024-02-29").map(|d| d.iso()),
            Some("2024-02-29".into())
        );
        for wrong in [
            "2021-02-30",
            "2023-02-29",
            "1900-02-29",
            "2024-13-45",
            "30-02-2021",
            "2021-2-3",
            "3 juli 2018",
            "",
        ] {
            assert_eq!(Date::parse_iso(wrong), None, "{wrong}");
        }
        assert!(Date::parse_iso("2018-07-03") < Date::parse_iso("2018-12-01"));
    }

    #[test]
    fn periods_are_written_as_iso_durations() {
        let iso = |text| Period::parse(text).unwrap().iso();
        assert_eq!(iso("5 jaar"), "P5Y");
        assert_eq!(iso("1 maand"), "P1M");
        assert_eq!(iso("2 weken"), "P2W");
        assert_eq!(iso("90 dagen"), "P90D");
        assert_eq!(Period::parse("5 jaren"), None);
        assert_eq!(Period::parse("vijf jaar"), None);
    }

    /// Every key a content file may hold is a [`Section`], so that no page
    /// can forget which files it is made from.
    #[test]
    fn every_key_of_a_fragment_is_a_section() {
        let schema = serde_json::to_value(schemars::schema_for!(Fragment)).unwrap();
        let mut keys: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sections: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
        keys.sort_unstable();
        sections.sort_unstable();
        assert_eq!(keys, sections);
    }

    /// The days of a month, counted apart from [`Date::new`]: the
    /// Gregorian calendar's table and leap rule.
    pub(crate) fn days_in(year: i32, month: u32) -> u32 {
        const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0);
        DAYS[month as usize - 1] + u32::from(month == 2 && leap)
    }

    /// Every day of the years 0000 to 9999, as (year, month, day).
    pub(crate) fn existing_days() -> impl Strategy<Value = (i32, u32, u32)> {
        (0..=9999i32, 1..=12u32).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in(y, m)))
    }

    proptest! {
        #[test]
        fn every_day_that_exists_reads_back_as_written((y, m, d) in existing_days()) {
            let written = format!("{y:04}-{m:02}-{d:02}");
            let date = Date::parse_iso(&written);
            prop_assert_eq!(date.map(|d| (d.year(), d.month(), d.day())), Some((y, m, d)));
            prop_assert_eq!(date.map(|d| d.iso()), Some(written));
        }

        /// 2021-02-30, 2023-02-29, 2024-04-31: refused, as is day or month 00.
        #[test]
        fn days_after_the_end_of_their_month_are_refused(
            y in 0..=9999i32,
            m in 1..=12u32,
            past in 1..=68u32,
        ) {
            let d = days_in(y, m) + past;
            prop_assert_eq!(Date::parse_iso(&format!("{y:04}-{m:02}-{d:02}")), None);
            prop_assert_eq!(Date::parse_iso(&format!("{y:04}-{m:02}-00")), None);
            prop_assert_eq!(Date::parse_iso(&format!("{y:04}-00-{:02}", past.min(28))), None);
            prop_assert_eq!(Date::parse_iso(&format!("{y:04}-{:02}-01", 12 + past)), None);
        }

        #[test]
        fn a_period_reads_as_its_number_and_unit(
            amount: u32,
            (word, unit) in prop::sample::select(vec![
                ("dag", PeriodUnit::Day), ("dagen", PeriodUnit::Day),
                ("week", PeriodUnit::Week), ("weken", PeriodUnit::Week),
                ("maand", PeriodUnit::Month), ("maanden", PeriodUnit::Month),
                ("jaar", PeriodUnit::Year),
            ]),
        ) {
            prop_assert_eq!(Period::parse(&format!("{amount} {word}")), Some(Period { amount, unit }));
        }
    }

    #[test]
    fn the_eea_is_told_from_elsewhere() {
        assert!(in_eea(" Nederland "));
        assert!(in_eea("EU"));
        assert!(!in_eea("Verenigde Staten"));
    }
}
