//! Hostile input: strings that try to run a script, load something from
//! another host, be evaluated as a template, or disguise an id or an
//! address, put into every kind of field of the model. Every page the build
//! writes is read back with a real HTML5 parser (html5ever, through
//! `scraper`), as a browser reads it, and `sitemap.xml` with a real XML
//! parser (`roxmltree`).
//!
//! The site is written here, from [`SITE`]: the whole model, in which every
//! value is a placeholder `$name$`. Each build gives each field its own
//! hostile value, so one build tries many strings at once and the test
//! knows which string belongs where:
//!
//! - text and prose fields ([`TEXT_FIELDS`]) take two of [`HOSTILE`] per
//!   build, after a word of ordinary text, in a rotation that gives every
//!   field every string over [`ROUNDS`] builds; the build must succeed, the
//!   pages must be free of scripts and outside requests, and each field must
//!   show its value as text where the theme shows it;
//! - addresses, ids, periods and unsafe Markdown links ([`WEB_ADDRESSES`],
//!   [`IDS`], [`UNSAFE_LINKS`]) must be refused with the file and line, and
//!   leave the previous site as it was;
//! - the e-mail addresses, phone numbers and web addresses of the
//!   succeeding builds are pasted from Word, with non-breaking spaces around
//!   them: the links must still work.

use std::collections::BTreeSet;

use scraper::{ElementRef, Html, Selector};

use crate::common::*;

/// Hostile strings for fields of text and of Markdown: `(value, what a
/// Markdown field shows of it)`. A text field shows the value itself.
const HOSTILE: [(&str, &str); 14] = [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    (
        "\"><img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(1)>",
    ),
    ("'><svg onload=alert(1)>", "'><svg onload=alert(1)>"),
    ("[klik](javascript:alert(1))", "klik"),
    ("[klik](  JaVaScRiPt:alert(1))", "klik"),
    ("[klik](&#x6A;avascript:alert(1))", "klik"),
    ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "klik"),
    ("![logo](https://elders.example/x.png)", "logo"),
    ("<javascript:alert(1)>", "javascript:alert(1)"),
    (
        "<a href=\"vbscript:msgbox(1)\">a</a><iframe src=\"https://elders.example/\"></iframe>",
        "<a href=\"vbscript:msgbox(1)\">a</a><iframe src=\"https://elders.example/\"></iframe>",
    ),
    (
        "{{ 7*7 }} {% if true %}ja{% endif %} {{ t.concept }}",
        "{{ 7*7 }} {% if true %}ja{% endif %} {{ t.concept }}",
    ),
    // Right-to-left override and zero-width space: harmless in text, and
    // kept, since names in other scripts may need them.
    ("abc\u{202e}fed\u{200b}ghi", "abc\u{202e}fed\u{200b}ghi"),
    // Pasted from Word.
    (
        "\u{a0}\u{201c}Word\u{201d} \u{2018}tekst\u{2019}\u{a0}",
        "\u{a0}\u{201c}Word\u{201d} \u{2018}tekst\u{2019}\u{a0}",
    ),
    (
        "x@elders.example\"onmouseover=alert(1) &lt;b&gt;",
        "x@elders.example\"onmouseover=alert(1) <b>",
    ),
];

/// Builds that put the strings of [`HOSTILE`] into the text fields, two per
/// field per build, so that every field gets every string.
const ROUNDS: usize = HOSTILE.len() / 2;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Shown as it is written.
    Text,
    /// Markdown.
    Prose,
}

/// The pages of the site.
const INDEX: &str = "index.html";
const STATEMENT: &str = "de-linde/index.html";
const SCHOOL_COOKIES: &str = "de-linde/cookies/index.html";
const BOARD_COOKIES: &str = "cookies/index.html";
const REGULATION: &str = "reglement/index.html";

/// A field of text or prose: its placeholder, its kind, the ordinary text
/// it holds before the hostile string, and where it is shown: a page and a
/// selector, one of whose elements must show the whole value.
struct Field {
    name: &'static str,
    kind: Kind,
    ordinary: &'static str,
    shown: &'static [(&'static str, &'static str)],
}

const fn text(
    name: &'static str,
    ordinary: &'static str,
    shown: &'static [(&'static str, &'static str)],
) -> Field {
    Field {
        name,
        kind: Kind::Text,
        ordinary,
        shown,
    }
}

const fn prose(
    name: &'static str,
    ordinary: &'static str,
    shown: &'static [(&'static str, &'static str)],
) -> Field {
    Field {
        name,
        kind: Kind::Prose,
        ordinary,
        shown,
    }
}

const ACTIVITY_DD: &str = "article.activity#doel-leerlingadministratie dd, article.activity dd";
/// What every page allows itself: nothing from elsewhere, no script at all.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
const PROCESSORS_DD: &str = "section[data-part=verwerkers] dd";
const RIGHTS_P: &str = "section[data-part=rechten] p";

/// Every field of text or Markdown in the model, and where it is shown.
const TEXT_FIELDS: &[Field] = &[
    text(
        "school_name",
        "Obs De Linde",
        &[
            (STATEMENT, "h1"),
            (STATEMENT, "title"),
            (INDEX, "ul.schools a"),
            (SCHOOL_COOKIES, "h1"),
            (REGULATION, "#bijlage-2 ~ ul.schools a"),
        ],
    ),
    text("school_place", "Zuidbroek", &[(INDEX, "span.place")]),
    text(
        "school_street",
        "Schoolstraat 2",
        &[(STATEMENT, "dl.contact dd")],
    ),
    text(
        "school_address_place",
        "Zuidbroek",
        &[(STATEMENT, "dl.contact dd")],
    ),
    text(
        "org_name",
        "Stichting Voorbeeldscholen",
        &[
            (INDEX, "h1"),
            (STATEMENT, "header p.board"),
            (REGULATION, "p.lead"),
            (BOARD_COOKIES, "h1"),
        ],
    ),
    text("org_street", "Kerkstraat 1", &[(INDEX, "dl.contact dd")]),
    text("org_place", "Zuidbroek", &[(INDEX, "dl.contact dd")]),
    text("postal_street", "Postbus 1", &[(INDEX, "dl.contact dd")]),
    text(
        "dpo_role",
        "Functionaris gegevensbescherming",
        &[(REGULATION, "section[data-part=bijlage-2] p")],
    ),
    text(
        "privacy_role",
        "Privacycontactpersoon",
        &[(STATEMENT, "section[data-part=verantwoordelijke] p")],
    ),
    text(
        "rights_age",
        "Tot uw kind 16 is, gebruikt u deze rechten voor uw kind.",
        &[(STATEMENT, RIGHTS_P)],
    ),
    text(
        "right_name",
        "Inzage",
        &[(STATEMENT, "section[data-part=rechten] h3")],
    ),
    text(
        "subject_name",
        "Leerlingen",
        &[(STATEMENT, "section[data-part=gegevens] h3")],
    ),
    text(
        "category_name",
        "Naam en geboortedatum",
        &[
            (STATEMENT, "ul.categories li"),
            (REGULATION, "ul.categories li"),
        ],
    ),
    text(
        "category_description",
        "voornaam en achternaam",
        &[(STATEMENT, "ul.categories li span.detail")],
    ),
    text(
        "retention_after",
        "nadat de leerling de school heeft verlaten",
        &[
            (STATEMENT, ACTIVITY_DD),
            (STATEMENT, "section.summary summary"),
        ],
    ),
    text(
        "retention_source",
        "Kennisnet, overzicht bewaartermijnen",
        &[(STATEMENT, "article.activity dd span.detail")],
    ),
    text(
        "activity_name",
        "Leerlingadministratie",
        &[
            (STATEMENT, "article.activity h3"),
            (STATEMENT, "section.summary li a"),
        ],
    ),
    text(
        "activity_law",
        "Wet op het primair onderwijs, artikel 40",
        &[(STATEMENT, ACTIVITY_DD)],
    ),
    text(
        "legitimate_interest",
        "Een veilige school voor iedereen",
        &[(STATEMENT, ACTIVITY_DD)],
    ),
    text(
        "processor_name",
        "Leerwinst",
        &[
            (STATEMENT, "section[data-part=verwerkers] h3"),
            (STATEMENT, ACTIVITY_DD),
        ],
    ),
    text(
        "processor_supplier",
        "Leverancier BV",
        &[(STATEMENT, PROCESSORS_DD)],
    ),
    text(
        "processor_does",
        "Houdt de leerlingadministratie bij.",
        &[(STATEMENT, "section[data-part=verwerkers] p")],
    ),
    text(
        "processor_location",
        "Verenigde Staten",
        &[(STATEMENT, PROCESSORS_DD)],
    ),
    text(
        "processor_transfer",
        "een besluit van de Europese Commissie",
        &[(STATEMENT, "section[data-part=buiten-europa] li")],
    ),
    text(
        "processor_agreement",
        "Modelverwerkersovereenkomst",
        &[(STATEMENT, PROCESSORS_DD)],
    ),
    text("processor_field", "voornaam", &[(STATEMENT, PROCESSORS_DD)]),
    text(
        "recipient_name",
        "DUO",
        &[
            (STATEMENT, "section[data-part=ontvangers] h3"),
            (STATEMENT, "section.summary dd"),
        ],
    ),
    text(
        "recipient_law",
        "Wet op het primair onderwijs",
        &[(STATEMENT, "section[data-part=ontvangers] p.detail")],
    ),
    text(
        "cookie_name",
        "sessie_id",
        &[
            (SCHOOL_COOKIES, "td code, th code"),
            (BOARD_COOKIES, "th code"),
            (REGULATION, "th code"),
        ],
    ),
    text(
        "cookie_set_by",
        "www.voorbeeld.example, de website zelf",
        &[(SCHOOL_COOKIES, "td")],
    ),
    text(
        "cookie_purpose",
        "Onthoudt dat u bent ingelogd.",
        &[(SCHOOL_COOKIES, "td"), (BOARD_COOKIES, "td")],
    ),
    text(
        "regulation_title",
        "Privacyreglement",
        &[(REGULATION, "h1"), (REGULATION, "title")],
    ),
    text(
        "definition_term",
        "AVG",
        &[(REGULATION, "dl.definitions dt")],
    ),
    text(
        "chapter_title",
        "Over dit reglement",
        &[
            (REGULATION, "section.chapter h2"),
            (REGULATION, "nav.toc a"),
        ],
    ),
    text(
        "article_title",
        "Vaststelling",
        &[(REGULATION, "article.article h3")],
    ),
    prose(
        "introduction",
        "Op deze pagina leest u welke gegevens de school bijhoudt.",
        &[(STATEMENT, "main > p")],
    ),
    prose(
        "security",
        "Alleen medewerkers die de gegevens nodig hebben, kunnen erbij.",
        &[(STATEMENT, "section[data-part=beveiliging] p")],
    ),
    prose(
        "automated_decisions",
        "Computers nemen bij ons geen besluiten over uw kind.",
        &[(STATEMENT, "section[data-part=besluiten] p")],
    ),
    prose(
        "changes",
        "Verandert er iets, dan zetten we dat in de nieuwsbrief.",
        &[(STATEMENT, "section[data-part=wijzigingen] p")],
    ),
    prose(
        "rights_how",
        "Mail uw verzoek naar privacy@voorbeeld.example.",
        &[(STATEMENT, RIGHTS_P)],
    ),
    prose(
        "complaints",
        "Laat het ons eerst weten, of klaag bij de Autoriteit Persoonsgegevens.",
        &[(STATEMENT, RIGHTS_P)],
    ),
    prose(
        "right_text",
        "U mag zien welke gegevens wij over uw kind hebben.",
        &[(STATEMENT, RIGHTS_P)],
    ),
    prose(
        "purpose",
        "We schrijven uw kind in.",
        &[(STATEMENT, "article.activity p")],
    ),
    prose(
        "activity_source",
        "De vorige school van uw kind.",
        &[(STATEMENT, ACTIVITY_DD)],
    ),
    prose(
        "activity_required",
        "Ja, anders kan uw kind niet worden ingeschreven.",
        &[(STATEMENT, ACTIVITY_DD)],
    ),
    prose(
        "activity_withdraw",
        "Mail de leerkracht; dan halen we de foto weg.",
        &[(STATEMENT, ACTIVITY_DD)],
    ),
    prose(
        "processor_note",
        "Krijgt geen adressen.",
        &[(STATEMENT, PROCESSORS_DD)],
    ),
    prose(
        "recipient_why",
        "Krijgt de inschrijving voor de bekostiging.",
        &[(STATEMENT, "section[data-part=ontvangers] p")],
    ),
    prose(
        "regulation_introduction",
        "Dit reglement geldt voor alle scholen.",
        &[(REGULATION, "section[data-part=inleiding] p")],
    ),
    prose(
        "definition_meaning",
        "De Algemene verordening gegevensbescherming.",
        &[(REGULATION, "dl.definitions dd")],
    ),
    prose(
        "member_text",
        "Het schoolbestuur heeft dit reglement vastgesteld.",
        &[(REGULATION, "ol.members > li")],
    ),
    prose(
        "member_with_items",
        "Dit reglement geldt voor:",
        &[(REGULATION, "ol.members > li")],
    ),
    prose(
        "member_item",
        "de gegevens van leerlingen;",
        &[(REGULATION, "ol.items li")],
    ),
    prose(
        "article_explanation",
        "De ouders in de GMR hebben instemmingsrecht.",
        &[(REGULATION, "div.explanation p")],
    ),
];

/// The whole model. Each `$name$` is a value, written by [`Values::site`]
/// as a quoted YAML string; `$extra_…$` are whole list items, or nothing.
const SITE: [(&str, &str); 2] = [
    (
        "schools.yaml",
        r#"schools:
  - id: $school_id$
    name: $school_name$
    place: $school_place$
    website: $school_website$
    email: $school_email$
    phone: $school_phone$
    address:
      street: $school_street$
      postcode: 9636 AB
      place: $school_address_place$
$extra_schools$"#,
    ),
    (
        "content/model.yaml",
        r#"site:
  base_url: $base_url$
  rules: { $rules$ }
organisation:
  name: $org_name$
  visiting_address:
    street: $org_street$
    postcode: 9636 AA
    place: $org_place$
  postal_address:
    street: $postal_street$
    postcode: 9636 ZZ
    place: Zuidbroek
  phone: $org_phone$
  email: $org_email$
  website: $org_website$
  dpo:
    role: $dpo_role$
    email: $dpo_email$
    phone: $dpo_phone$
  privacy_contact:
    role: $privacy_role$
    email: $privacy_email$
    phone: $privacy_phone$
  supervisory_authority:
    name: $authority_name$
    website: $authority_website$
    phone: $authority_phone$
statement:
  introduction: $introduction$
  security: $security$
  automated_decisions: $automated_decisions$
  changes: $changes$
rights:
  how: $rights_how$
  response_time: $response_time$
  age: $rights_age$
  complaints: $complaints$
  items:
    - kind: access
      name: $right_name$
      text: $right_text$
    - kind: rectification
      name: Correctie
      text: Klopt er iets niet, dan passen we het aan.
    - kind: erasure
      name: Verwijdering
      text: Gegevens die we niet meer nodig hebben, halen we weg.
    - kind: restriction
      name: Beperking
      text: U mag vragen dat we gegevens even niet gebruiken.
    - kind: objection
      name: Bezwaar
      text: U mag bezwaar maken tegen een verwerking.
    - kind: portability
      name: Overdracht
      text: U mag de gegevens meenemen naar een andere school.
    - kind: withdraw_consent
      name: Toestemming intrekken
      text: U mag uw toestemming altijd intrekken.
subjects:
  - id: $subject_id$
    name: $subject_name$
$extra_subjects$
categories:
  - id: $category_id$
    subject: $subject_id$
    name: $category_name$
    description: $category_description$
  - id: foto
    subject: $subject_id$
    name: Foto's
$extra_categories$
retention:
  - id: $retention_id$
    period: $retention_period$
    after: $retention_after$
    source: $retention_source$
  - id: foto-termijn
    period: 1 jaar
    after: nadat de foto is gemaakt
    source: het beleid van het bestuur
$extra_retention$
activities:
  - id: $activity_id$
    name: $activity_name$
    purpose: $purpose$
    basis: legal_obligation
    law: $activity_law$
    categories: [$category_id$]
    recipients: [$recipient_id$]
    processors: [$processor_id$]
    retention: $retention_id$
    from_others: true
    source: $activity_source$
    required: $activity_required$
  - id: fotos
    name: Foto's op de website
    purpose: We zetten foto's van activiteiten op de website.
    basis: consent
    categories: [foto]
    retention: foto-termijn
    required: Nee, u mag nee zeggen; dan zetten we geen foto van uw kind op de website.
    withdraw: $activity_withdraw$
  - id: camera
    name: Camera bij de ingang
    purpose: Een camera bij de ingang houdt de school veilig.
    basis: legitimate_interest
    legitimate_interest: $legitimate_interest$
    categories: [foto]
    retention: foto-termijn
    required: Nee.
$extra_activities$
processors:
  - id: $processor_id$
    name: $processor_name$
    supplier: $processor_supplier$
    does: $processor_does$
    location: $processor_location$
    transfer: $processor_transfer$
    agreement: $processor_agreement$
    leaflet: $processor_leaflet$
    fields: [$processor_field$]
    note: $processor_note$
$extra_processors$
recipients:
  - id: $recipient_id$
    name: $recipient_name$
    why: $recipient_why$
    law: $recipient_law$
$extra_recipients$
cookies:
  - name: $cookie_name$
    set_by: $cookie_set_by$
    purpose: $cookie_purpose$
    lifetime: $cookie_lifetime$
    kind: functional
regulation:
  title: $regulation_title$
  introduction: $regulation_introduction$
  definitions:
    - term: $definition_term$
      meaning: $definition_meaning$
  chapters:
    - title: $chapter_title$
      articles:
        - title: $article_title$
          members:
            - $member_text$
            - text: $member_with_items$
              items:
                - $member_item$
          explanation: $article_explanation$
"#,
    ),
];

/// The values of the fields that are not text: ordinary ones, some of them
/// pasted from Word with non-breaking spaces around them.
const ORDINARY: &[(&str, &str)] = &[
    ("school_id", "de-linde"),
    (
        "school_website",
        "\u{a0}https://linde.voorbeeld.example/?a=1&b=2\u{a0}",
    ),
    ("school_email", "\u{a0}linde@voorbeeld.example\u{a0}"),
    ("school_phone", "\u{a0}0598-000001\u{a0}"),
    ("base_url", "https://privacy.voorbeeld.example"),
    ("org_phone", "\u{a0}0598-000000\u{a0}"),
    ("org_email", "\u{a0}info@voorbeeld.example\u{a0}"),
    ("org_website", "\u{a0}https://www.voorbeeld.example\u{a0}"),
    ("dpo_email", "fg@voorbeeld.example"),
    ("dpo_phone", "0598-000002"),
    ("privacy_email", "\u{a0}privacy@voorbeeld.example"),
    ("privacy_phone", "0598-000003\u{a0}"),
    (
        "authority_website",
        "https://autoriteitpersoonsgegevens.nl\u{a0}",
    ),
    ("authority_phone", "088-1805250"),
    // HL119 allows only its own name: no hostile text here.
    ("authority_name", "Autoriteit Persoonsgegevens"),
    ("response_time", "1\u{a0}maand"),
    ("subject_id", "leerlingen"),
    ("category_id", "leerling-naam"),
    ("retention_id", "inschrijving"),
    ("retention_period", "\u{a0}5 jaar\u{a0}"),
    ("activity_id", "leerlingadministratie"),
    ("processor_id", "leerwinst"),
    ("processor_leaflet", "http://leerwinst.example/privacy"),
    ("recipient_id", "duo"),
    ("cookie_lifetime", "sessie"),
];

/// The placeholders that hold whole YAML (rules, extra list items): empty
/// unless a build fills them.
const RAW: [&str; 8] = [
    "rules",
    "extra_schools",
    "extra_subjects",
    "extra_categories",
    "extra_retention",
    "extra_activities",
    "extra_processors",
    "extra_recipients",
];

/// What one build puts into the placeholders of [`SITE`].
#[derive(Clone)]
struct Values(Vec<(String, String)>);

impl Values {
    /// Ordinary values everywhere.
    fn ordinary() -> Values {
        let mut values: Vec<(String, String)> = ORDINARY
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        values.extend(
            TEXT_FIELDS
                .iter()
                .map(|f| (f.name.to_string(), f.ordinary.to_string())),
        );
        Values(values)
    }

    fn set(&mut self, name: &str, value: &str) {
        let slot = self.0.iter_mut().find(|(k, _)| k == name);
        let (_, old) = slot.unwrap_or_else(|| panic!("no field {name}"));
        *old = value.to_string();
    }

    fn get(&self, name: &str) -> &str {
        let slot = self.0.iter().find(|(k, _)| k == name);
        &slot.unwrap_or_else(|| panic!("no field {name}")).1
    }

    /// The site's files with these values, each a quoted YAML string (JSON's
    /// quoting is YAML's), and the raw placeholders as they are given.
    fn files(&self, raw: &[(&str, String)]) -> Vec<(&'static str, String)> {
        SITE.iter()
            .map(|(file, template)| {
                let mut text = template.to_string();
                for (name, value) in &self.0 {
                    let quoted = serde_json::to_string(value).unwrap();
                    text = text.replace(&format!("${name}$"), &quoted);
                }
                for name in RAW {
                    let value = raw
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map_or("", |(_, v)| v.as_str());
                    text = text.replace(&format!("${name}$"), value);
                }
                assert!(!text.contains("$"), "{file}: a placeholder is left");
                (*file, text)
            })
            .collect()
    }

    /// A fresh site with these values.
    fn site(&self, raw: &[(&str, String)]) -> Site {
        let site = Site::empty();
        self.write(&site, raw);
        site
    }

    fn write(&self, site: &Site, raw: &[(&str, String)]) {
        for (file, text) in self.files(raw) {
            site.write(file, &text);
        }
    }
}

/// The value a text field has in round `round`: its ordinary text and two
/// hostile strings.
fn hostile_value(field: usize, round: usize) -> (String, String) {
    let (a, b) = (
        HOSTILE[(field + round) % HOSTILE.len()],
        HOSTILE[(field + round + ROUNDS) % HOSTILE.len()],
    );
    let ordinary = TEXT_FIELDS[field].ordinary;
    (
        format!("{ordinary} {} · {}", a.0, b.0),
        match TEXT_FIELDS[field].kind {
            Kind::Text => format!("{ordinary} {} · {}", a.0, b.0),
            Kind::Prose => format!("{ordinary} {} · {}", a.1, b.1),
        },
    )
}

// ---------------------------------------------------------------------------
// What every page must be, whatever the input.

/// The URL attributes of HTML: where a link leads or a resource loads from.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "xlink:href",
    "background",
    "cite",
];

/// The scheme of a URL as a browser reads it: leading and trailing spaces
/// and control characters dropped, tabs and newlines inside removed, lower
/// case. None for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Characters that make an address look like another: spaces of any kind,
/// controls, and the invisible formatting characters (bidi overrides and
/// isolates, zero-width spaces and joiners, the BOM, the soft hyphen).
fn disguising(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Checks what must hold of every page whatever the model says: no script,
/// no event handler, no link to a script, nothing loaded from another host,
/// and every link out a working address.
fn assert_harmless(page: &str, document: &Html) {
    for element in document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let tag = element.value().name();
        assert!(
            ![
                "script", "iframe", "frame", "object", "embed", "applet", "form", "base", "svg",
                "math"
            ]
            .contains(&tag),
            "{page}: a <{tag}> element: {}",
            element.html().chars().take(200).collect::<String>()
        );
        if tag == "meta" {
            // The one http-equiv a page has is its own policy, which forbids
            // every script; no other (a refresh, a second policy).
            let equiv = element.value().attr("http-equiv");
            let policy = element.value().attr("content").unwrap_or_default();
            assert!(
                equiv.is_none()
                    || equiv == Some("Content-Security-Policy")
                        && policy == CONTENT_SECURITY_POLICY,
                "{page}: {}",
                element.html()
            );
        }
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{page}: <{tag}> has the event handler {name}={value:?}"
            );
            assert!(
                name != "style" || !value.to_ascii_lowercase().contains("url("),
                "{page}: <{tag} style={value:?}> loads from elsewhere"
            );
            if !URL_ATTRIBUTES.contains(&name) {
                continue;
            }
            let scheme = scheme(value);
            assert!(
                !matches!(
                    scheme.as_deref(),
                    Some("javascript" | "data" | "vbscript" | "file")
                ),
                "{page}: <{tag} {name}={value:?}>"
            );
            let outside = scheme.is_some() || value.trim_start().starts_with("//");
            if tag != "a" {
                assert!(
                    !outside,
                    "{page}: <{tag} {name}={value:?}> loads from another host"
                );
            } else if scheme.is_some() {
                assert!(
                    matches!(scheme.as_deref(), Some("https" | "http" | "mailto" | "tel")),
                    "{page}: a link to {value:?}"
                );
                assert!(
                    !value.chars().any(disguising),
                    "{page}: the link {value:?} holds spaces or invisible characters, and does not work"
                );
            }
        }
    }
}

/// Every HTML page of a built site, parsed, each checked by
/// [`assert_harmless`].
fn pages(site: &Site) -> Vec<(String, Html)> {
    site.html_pages()
        .into_iter()
        .map(|page| {
            let document = Html::parse_document(&site.page(&page));
            assert_harmless(&page, &document);
            (page, document)
        })
        .collect()
}

/// The sitemap, parsed as XML: its addresses, each checked to be an http(s)
/// address below `base`.
fn sitemap(site: &Site, base: &str) -> Vec<String> {
    let xml = site.page("sitemap.xml");
    let document =
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("sitemap.xml: {e}\n{xml}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let locs: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    assert!(!locs.is_empty(), "sitemap.xml has no <loc>:\n{xml}");
    for loc in &locs {
        assert!(
            matches!(scheme(loc).as_deref(), Some("https" | "http"))
                && !loc.chars().any(disguising),
            "sitemap.xml: <loc>{loc:?}</loc> is no web address"
        );
        assert!(loc.starts_with(base), "{loc} is not below {base}");
    }
    locs
}

/// The text of an element as a reader sees it, whitespace folded.
fn shown(element: ElementRef) -> String {
    fold(&element.text().collect::<String>())
}

/// Checks that `expected` is shown as text in one of the elements that
/// `selector` matches on `page`.
fn assert_shown(pages: &[(String, Html)], page: &str, selector: &str, expected: &str, what: &str) {
    let (_, document) = pages
        .iter()
        .find(|(p, _)| p == page)
        .unwrap_or_else(|| panic!("no page {page}"));
    let select = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    let expected = fold(expected);
    let texts: Vec<String> = document.select(&select).map(shown).collect();
    assert!(
        texts.iter().any(|t| t.contains(&expected)),
        "{page}: {what} should show {expected:?} in `{selector}`, which shows {texts:#?}"
    );
}

// ---------------------------------------------------------------------------
// Builds that succeed: hostile text everywhere.

/// Round `round`: every text field gets its two hostile strings; the site
/// must build and show them as text.
fn text_round(round: usize) {
    let mut values = Values::ordinary();
    let mut expected = Vec::new();
    for (i, field) in TEXT_FIELDS.iter().enumerate() {
        let (value, shows) = hostile_value(i, round);
        values.set(field.name, &value);
        expected.push((field, shows));
    }
    // The checker would refuse the unsafe links of the prose; let them
    // through, to see that the pages do not show them as links either.
    let site = values.site(&[("rules", "HL207: allow".into())]);
    let history = (round == 0).then(|| hostile_history(&site));
    site.build();
    let pages = pages(&site);
    for (what, shows) in history.iter().flatten() {
        assert_shown(&pages, REGULATION, "tbody td, tbody th", shows, what);
    }
    for (field, shows) in &expected {
        for (page, selector) in field.shown {
            assert_shown(&pages, page, selector, shows, field.name);
        }
    }
    assert_links_work(&values, &pages);
    let all: String = pages.iter().map(|(_, d)| d.root_element().html()).collect();
    assert!(!all.contains("49"), "a template expression was evaluated");
    sitemap(&site, "https://privacy.voorbeeld.example/");
}

/// Makes the site a git repository whose commit and adoption tag carry
/// hostile strings in what the regulation's tables show (author, subject,
/// `Status:`, `Vastgesteld-door:`, `Functie:`, `Instemming:`); returns
/// each with what the table must show.
fn hostile_history(site: &Site) -> Vec<(&'static str, String)> {
    let git = |args: &[&str]| {
        crate::history::git_in(&site.root, args, "2021-03-22T09:00:00+01:00");
    };
    let (author, subject, status) = (HOSTILE[0].0, HOSTILE[10].0, HOSTILE[1].0);
    let (by, role, consent) = (HOSTILE[2].0, HOSTILE[11].0, HOSTILE[12].0.trim());
    git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    git(&["add", "-A"]);
    let message = format!("{subject}\n\nStatus: {status}");
    let who = format!("user.name={author}");
    let mail = "user.email=a@voorbeeld.example";
    git(&["-c", &who, "-c", mail, "commit", "-q", "-m", &message]);
    let adoption =
        format!("Reglement 1.0\n\nVastgesteld-door: {by}\nFunctie: {role}\nInstemming: {consent}");
    git(&[
        "-c",
        &who,
        "-c",
        mail,
        "tag",
        "-a",
        "reglement-1.0",
        "-m",
        &adoption,
    ]);
    vec![
        // git itself drops `<` and `>` from a name.
        ("version author", author.replace(['<', '>'], "")),
        ("version description", subject.to_string()),
        ("version status", status.to_string()),
        ("adopted by", by.to_string()),
        ("adopted in the role", role.to_string()),
        ("adopted with the consent of", consent.to_string()),
    ]
}

/// The e-mail addresses, phone numbers and web addresses pasted with
/// non-breaking spaces around them are links that work: the address
/// itself, without the spaces.
fn assert_links_work(values: &Values, pages: &[(String, Html)]) {
    let hrefs: BTreeSet<String> = pages
        .iter()
        .flat_map(|(_, document)| {
            let a = Selector::parse("a[href]").unwrap();
            document
                .select(&a)
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let expect = |href: String| {
        assert!(
            hrefs.contains(&href),
            "no link to {href:?}; the links are {hrefs:#?}"
        )
    };
    for name in ["org_email", "school_email", "privacy_email", "dpo_email"] {
        expect(format!("mailto:{}", values.get(name).trim()));
    }
    for name in ["org_website", "school_website", "authority_website"] {
        expect(values.get(name).trim().to_string());
    }
    let digits: String = values
        .get("org_phone")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    expect(format!("tel:{digits}"));
}

#[test]
fn hostile_text_round_1() {
    text_round(0);
}

#[test]
fn hostile_text_round_2() {
    text_round(1);
}

#[test]
fn hostile_text_round_3() {
    text_round(2);
}

#[test]
fn hostile_text_round_4() {
    text_round(3);
}

#[test]
fn hostile_text_round_5() {
    text_round(4);
}

#[test]
fn hostile_text_round_6() {
    text_round(5);
}

#[test]
fn hostile_text_round_7() {
    text_round(6);
}

/// Every field of text gets every hostile string over the rounds.
#[test]
fn the_rounds_try_every_string_in_every_field() {
    assert_eq!(ROUNDS * 2, HOSTILE.len());
    for field in 0..TEXT_FIELDS.len() {
        let tried: BTreeSet<&str> = (0..ROUNDS)
            .flat_map(|round| {
                [
                    HOSTILE[(field + round) % HOSTILE.len()].0,
                    HOSTILE[(field + round + ROUNDS) % HOSTILE.len()].0,
                ]
            })
            .collect();
        assert_eq!(tried.len(), HOSTILE.len(), "{}", TEXT_FIELDS[field].name);
    }
}

// ---------------------------------------------------------------------------
// Builds that must fail: addresses, ids, periods and links that are refused.

/// Web addresses that are none, or that look like another. Each must be
/// refused in every field that holds a web address (HL103).
const WEB_ADDRESSES: [&str; 12] = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "\tjavascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://www.voorbeeld.example/\u{202e}fdp.exe",
    "https://www.voorbeeld.example/\u{200b}",
    "\u{201c}https://www.voorbeeld.example\u{201d}",
    "https://www.voorbeeld.example/\"><script>alert(1)</script>",
    "//elders.example/x",
    "file:///etc/passwd",
];

/// Ids that are not plain: each must be refused for every kind of entity
/// (HL012 for schools, HL016 for the others) and never reach a page.
const IDS: [&str; 10] = [
    "\"><script>alert(1)</script>",
    "de linde",
    "\u{201c}linde\u{201d}",
    "\u{a0}linde\u{a0}",
    "linde\u{200b}",
    "lin\u{202e}edn",
    "../../etc",
    "{{ 7*7 }}",
    "Linde",
    "javascript:alert(1)",
];

/// Links and images in Markdown that no page may show as such (HL207).
const UNSAFE_LINKS: [&str; 7] = [
    "[lees meer](javascript:alert(1))",
    "[lees meer](  JaVaScRiPt:alert(1))",
    "[lees meer](&#x6A;avascript:alert(1))",
    "[lees meer](data:text/html,x)",
    "[lees meer](vbscript:msgbox(1))",
    "![logo](https://elders.example/x.png)",
    "<javascript:alert(1)>",
];

/// Periods that are none (a reading error, HL004).
const PERIODS: [&str; 6] = [
    "5 jaar <script>",
    "{{ 5 }} jaar",
    "\u{201c}5 jaar\u{201d}",
    "5\u{200b} jaar",
    "-5 jaar",
    "P5Y",
];

/// One error the failing build must report: where, and its code.
struct Expected {
    file: &'static str,
    line: usize,
    code: &'static str,
    what: String,
}

/// The line (from 1) of the `n`th occurrence (from 0) of `needle` in `text`.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    let (at, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("no occurrence {n} of {needle:?}"));
    text[..at].matches('\n').count() + 1
}

fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap()
}

/// Failing build `round`: the site's values, the extra list items, and the
/// errors it must report.
fn refused(round: usize) -> (Values, Vec<(&'static str, String)>, Vec<Expected>) {
    let web =
        |n: usize, tag: &str| format!("{}#{tag}", WEB_ADDRESSES[(round + n) % WEB_ADDRESSES.len()]);
    let mut values = Values::ordinary();
    let singles = [
        ("org_website", "content/model.yaml", web(0, "org")),
        ("authority_website", "content/model.yaml", web(1, "ap")),
        ("base_url", "content/model.yaml", web(2, "base")),
        ("school_website", "schools.yaml", web(3, "school")),
        ("processor_leaflet", "content/model.yaml", web(4, "leaflet")),
    ];
    for (name, _, value) in &singles {
        values.set(name, value);
    }
    let mut schools = String::new();
    let mut processors = String::new();
    for (i, address) in WEB_ADDRESSES.iter().enumerate() {
        let (school, leaflet) = (format!("{address}#s{i}"), format!("{address}#p{i}"));
        schools += &format!(
            "  - id: school-{i}\n    name: School {i}\n    place: Zuidbroek\n    website: {}\n",
            quoted(&school)
        );
        processors += &format!(
            "  - id: verwerker-{i}\n    name: Verwerker {i}\n    does: Iets.\n    location: Nederland\n    agreement: Een overeenkomst\n    leaflet: {}\n",
            quoted(&leaflet)
        );
    }
    let id = IDS[round % IDS.len()];
    let q = quoted(id);
    schools += &format!("  - id: {q}\n    name: Vreemd\n    place: Zuidbroek\n");
    let raw = vec![
        ("extra_schools", schools),
        ("extra_subjects", format!("  - id: {q}\n    name: Vreemd\n")),
        (
            "extra_categories",
            format!("  - id: {q}\n    subject: leerlingen\n    name: Vreemd\n"),
        ),
        (
            "extra_retention",
            format!(
                "  - id: {q}\n    period: 1 jaar\n    after: na afloop\n    source: het beleid\n"
            ),
        ),
        (
            "extra_activities",
            format!(
                "  - id: {q}\n    name: Vreemd\n    purpose: Iets.\n    basis: public_task\n    law: Wet op het primair onderwijs\n    categories: [leerling-naam]\n    retention: inschrijving\n    required: Ja.\n"
            ),
        ),
        (
            "extra_processors",
            format!(
                "{processors}  - id: {q}\n    name: Vreemd\n    does: Iets.\n    location: Nederland\n    agreement: Een overeenkomst\n"
            ),
        ),
        (
            "extra_recipients",
            format!("  - id: {q}\n    name: Vreemd\n    why: Iets.\n"),
        ),
    ];
    let prose: Vec<(&Field, String)> = TEXT_FIELDS
        .iter()
        .filter(|f| f.kind == Kind::Prose)
        .enumerate()
        .map(|(i, f)| {
            let link = UNSAFE_LINKS[(round + i) % UNSAFE_LINKS.len()];
            (f, format!("{} {link}", f.ordinary))
        })
        .collect();
    for (field, value) in &prose {
        values.set(field.name, value);
    }
    let files = values.files(&raw);
    let text = |file: &str| {
        files
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let mut expected = Vec::new();
    for (name, file, value) in &singles {
        expected.push(Expected {
            file,
            line: line_of(&text(file), &quoted(value), 0),
            code: "HL103",
            what: format!("{name}: {value:?}"),
        });
    }
    for (i, address) in WEB_ADDRESSES.iter().enumerate() {
        for (file, value) in [
            ("schools.yaml", format!("{address}#s{i}")),
            ("content/model.yaml", format!("{address}#p{i}")),
        ] {
            expected.push(Expected {
                file,
                line: line_of(&text(file), &quoted(&value), 0),
                code: "HL103",
                what: format!("{value:?}"),
            });
        }
    }
    let needle = format!("id: {q}");
    expected.push(Expected {
        file: "schools.yaml",
        line: line_of(&text("schools.yaml"), &needle, 0),
        code: "HL012",
        what: format!("school id {id:?}"),
    });
    for (n, kind) in [
        "subject",
        "category",
        "retention",
        "activity",
        "processor",
        "recipient",
    ]
    .iter()
    .enumerate()
    {
        expected.push(Expected {
            file: "content/model.yaml",
            line: line_of(&text("content/model.yaml"), &needle, n),
            code: "HL016",
            what: format!("{kind} id {id:?}"),
        });
    }
    for (field, value) in &prose {
        expected.push(Expected {
            file: "content/model.yaml",
            line: line_of(&text("content/model.yaml"), &quoted(value), 0),
            code: "HL207",
            what: format!("{}: {value:?}", field.name),
        });
    }
    (values, raw, expected)
}

/// Failing build `round` of the periods: a mistake in reading, which sets
/// aside the part it is in, so the rules do not run on it; hence builds of
/// their own.
fn refused_periods(round: usize) -> (Values, Vec<(&'static str, String)>, Vec<Expected>) {
    let mut values = Values::ordinary();
    let mut expected = Vec::new();
    let fields = ["retention_period", "response_time", "cookie_lifetime"];
    for (i, name) in fields.iter().enumerate() {
        values.set(name, PERIODS[(round + i) % PERIODS.len()]);
    }
    let files = values.files(&[]);
    let model = &files
        .iter()
        .find(|(f, _)| *f == "content/model.yaml")
        .unwrap()
        .1;
    for name in fields {
        let value = values.get(name);
        expected.push(Expected {
            file: "content/model.yaml",
            line: line_of(model, &quoted(value), 0),
            code: "HL004",
            what: format!("{name}: {value:?}"),
        });
    }
    (values, Vec::new(), expected)
}

/// Every hostile address, id, period and link of [`refused`] is reported at its
/// file and line, the build exits with 1, and the site built before stays
/// as it was. Every address and id is tried in every field.
#[test]
fn hostile_addresses_ids_and_links_are_refused_with_their_line() {
    let site = Values::ordinary().site(&[]);
    site.build();
    let before = snapshot(&site.path("public"));
    let rounds = (0..WEB_ADDRESSES.len().max(IDS.len())).map(refused);
    let periods = (0..PERIODS.len()).map(refused_periods);
    for (round, (values, raw, expected)) in rounds.chain(periods).enumerate() {
        values.write(&site, &raw);
        let run = site.helder(&["build"]);
        assert_eq!(
            run.code, 1,
            "round {round}: exit code; stderr:\n{}",
            run.stderr
        );
        let reported = run.reported();
        for e in &expected {
            assert!(
                reported.iter().any(|r| r.file == e.file
                    && r.line == Some(e.line)
                    && r.code.as_deref() == Some(e.code)),
                "round {round}: {} should be refused with {} at {}:{}; stderr:\n{}",
                e.what,
                e.code,
                e.file,
                e.line,
                run.stderr
            );
        }
        assert!(
            run.summary().contains("nothing was written"),
            "{}",
            run.summary()
        );
        assert_same_files(
            &before,
            &snapshot(&site.path("public")),
            "a refused build changed public/",
        );
        assert!(!site.path(".public.helder-new").exists());
    }
}

// ---------------------------------------------------------------------------
// The sitemap, and very long values.

/// A base URL with `&` in it gives a sitemap that is still XML, with each
/// address as it is, not as XML would misread it.
#[test]
fn a_base_url_with_an_ampersand_gives_a_well_formed_sitemap() {
    let site = Values::ordinary().site(&[]);
    let base = "https://a.example/?a=1&b=2";
    let run = site.helder(&["build", "--base-url", base]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let locs = sitemap(&site, base);
    let expected: Vec<String> = [
        "",
        "de-linde/",
        "de-linde/cookies/",
        "cookies/",
        "reglement/",
        "toegankelijkheid/",
    ]
    .iter()
    .map(|page| format!("{base}/{page}"))
    .collect();
    assert_eq!(
        locs.iter().collect::<BTreeSet<_>>(),
        expected.iter().collect::<BTreeSet<_>>()
    );
    assert!(site.page("sitemap.xml").contains("?a=1&amp;b=2"));
}

/// A purpose and a school name of a megabyte each: the site builds, and
/// shows them whole.
#[test]
fn a_megabyte_of_text_in_a_field_builds() {
    let mut values = Values::ordinary();
    let sentence = "Wij gebruiken de gegevens om uw kind in te schrijven. ";
    const MEGABYTE: usize = 1 << 20;
    let purpose = sentence.repeat(MEGABYTE / sentence.len() + 1);
    let purpose = purpose[..MEGABYTE].trim_end();
    let name = "De Linde <script>".repeat(MEGABYTE / 17 + 1);
    values.set("purpose", purpose);
    values.set("school_name", &name);
    let site = values.site(&[]);
    site.build();
    // Only the statement is read: parsing megabytes is slow in a test build.
    let document = Html::parse_document(&site.page(STATEMENT));
    assert_harmless(STATEMENT, &document);
    let pages = [(STATEMENT.to_string(), document)];
    assert_shown(&pages, STATEMENT, "h1", &name, "school_name");
    assert_shown(&pages, STATEMENT, "article.activity p", purpose, "purpose");
}
