//! Register: the record of processing activities of GDPR art. 30(1), made
//! from the checked model, for the board, its FG and the supervisory
//! authority. One entry per activity, with everything art. 30(1) asks:
//! the controller and the FG, the purpose, the groups of people and the
//! categories of data, the recipients, transfers outside the EEA with their
//! safeguard, the retention, and the security measures.
//!
//! The JSON names its keys after the W3C Data Privacy Vocabulary (DPV)
//! where a term fits (`hasPurpose`, `hasLegalBasis`, `hasDataSubject`,
//! `hasPersonalData`, `hasRecipient`, `hasDataProcessor`,
//! `hasTechnicalOrganisationalMeasure`), and gives the legal basis as a DPV
//! concept (`dpv:LegalObligation`). The CSV has one row per activity, with
//! the column names of the theme's strings.
//!
//! The CSV is made for spreadsheets as a Dutch FG has them: cells separated
//! by `;` (the list separator of Excel with Dutch settings, so the file
//! opens in columns when it is opened by a double click), a UTF-8 byte order
//! mark (without it Excel reads `é` as `Ã©`), and every cell in quotes, so
//! that a program that also splits at commas (LibreOffice asks, and often
//! has both ticked) keeps the cells whole. A cell that a spreadsheet would
//! take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) gets a `'` before it, as OWASP advises against CSV
//! injection; the JSON keeps every value as the model says it.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Basis, Model, code, find};

/// The whole register.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Register {
    /// The controller: the school board.
    pub has_data_controller: Controller,
    /// The data protection officer (FG).
    pub has_data_protection_officer: Officer,
    /// One entry per processing activity.
    pub processing_activities: Vec<Entry>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Controller {
    /// The board's name.
    pub name: String,
    /// Its visiting address.
    pub address: String,
    /// Its general e-mail address.
    pub email: String,
    /// Its general phone number.
    pub phone: String,
    /// Its website.
    pub website: String,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Officer {
    /// The FG's e-mail address.
    pub email: String,
    /// The FG's phone number, if the model gives one.
    pub phone: Option<String>,
}

/// One processing activity.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The activity's id in the model.
    pub id: String,
    /// The activity's name, as a heading of the statement.
    pub name: String,
    /// The purpose, as the statement writes it (Markdown).
    pub has_purpose: String,
    /// The basis as the model names it: `consent`, `legal_obligation`, …
    pub legal_basis: String,
    /// The same as a DPV concept: `dpv:Consent`, `dpv:LegalObligation`, …
    pub has_legal_basis: String,
    /// The law it rests on, for a legal obligation or public task.
    pub law: Option<String>,
    /// The interest, for a legitimate interest.
    pub legitimate_interest: Option<String>,
    /// The exception of GDPR art. 9(2) for special categories.
    pub special_category_ground: Option<String>,
    /// The groups of people the data is about.
    pub has_data_subject: Vec<String>,
    /// The categories of data, each of one group of people.
    pub has_personal_data: Vec<PersonalData>,
    /// The recipients that get the data.
    pub has_recipient: Vec<String>,
    /// The processors that handle it on the board's behalf.
    pub has_data_processor: Vec<String>,
    /// Processors that store the data outside the EEA, with the safeguard.
    pub transfers: Vec<Transfer>,
    /// How long the data is kept.
    pub retention: Retention,
    /// The security measures of the board, as the statement says them.
    pub has_technical_organisational_measure: String,
    /// The schools that do it (every school, unless the activity is one of
    /// some schools only).
    pub schools: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonalData {
    /// The group of people it is about.
    pub has_data_subject: String,
    /// The category's name.
    pub name: String,
    /// The special category of GDPR art. 9(1), if it is one.
    pub special_category: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    /// The processor that stores the data there.
    pub processor: String,
    /// Where, as the model writes it.
    pub location: String,
    /// The safeguard of GDPR art. 44–49 (adequacy, SCCs).
    pub safeguard: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    /// An ISO 8601 duration: `P5Y`.
    pub period: String,
    /// From when it runs.
    pub after: String,
    /// Where the period comes from.
    pub source: String,
}

/// The register of the model.
pub fn register(m: &Model) -> Register {
    let o = &m.organisation;
    let a = &o.visiting_address;
    Register {
        has_data_controller: Controller {
            name: o.name.clone(),
            address: format!("{}, {} {}", a.street, a.postcode, a.place),
            email: o.email.trim().to_string(),
            phone: o.phone.trim().to_string(),
            website: o.website.trim().to_string(),
        },
        has_data_protection_officer: Officer {
            email: o.dpo.email.trim().to_string(),
            phone: o.dpo.phone.clone(),
        },
        processing_activities: m.activities.iter().map(|a| entry(m, a)).collect(),
    }
}

fn entry(m: &Model, a: &crate::model::Activity) -> Entry {
    let categories: Vec<_> = a
        .categories
        .iter()
        .filter_map(|id| find(&m.categories, id))
        .collect();
    let mut subjects: Vec<String> = Vec::new();
    for c in &categories {
        if let Some(s) = find(&m.subjects, &c.subject)
            && !subjects.contains(&s.name)
        {
            subjects.push(s.name.clone());
        }
    }
    let processors: Vec<_> = a
        .processors
        .iter()
        .filter_map(|id| find(&m.processors, id))
        .collect();
    let retention = find(&m.retention, &a.retention);
    Entry {
        id: a.id.clone(),
        name: a.name.clone(),
        has_purpose: a.purpose.trim().to_string(),
        legal_basis: code(&a.basis),
        has_legal_basis: dpv(a.basis).to_string(),
        law: a.law.clone(),
        legitimate_interest: a.legitimate_interest.clone(),
        special_category_ground: a.special_ground.as_ref().map(code),
        has_data_subject: subjects,
        has_personal_data: categories
            .iter()
            .map(|c| PersonalData {
                has_data_subject: find(&m.subjects, &c.subject)
                    .map_or_else(|| c.subject.clone(), |s| s.name.clone()),
                name: c.name.clone(),
                special_category: c.special.as_ref().map(code),
            })
            .collect(),
        has_recipient: a
            .recipients
            .iter()
            .filter_map(|id| find(&m.recipients, id))
            .map(|r| r.name.clone())
            .collect(),
        has_data_processor: processors.iter().map(|p| p.name.clone()).collect(),
        transfers: processors
            .iter()
            .filter(|p| p.outside_eea())
            .map(|p| Transfer {
                processor: p.name.clone(),
                location: p.location.clone(),
                safeguard: p.transfer.clone(),
            })
            .collect(),
        retention: Retention {
            period: retention.map(|r| r.period.iso()).unwrap_or_default(),
            after: retention.map(|r| r.after.clone()).unwrap_or_default(),
            source: retention.map(|r| r.source.clone()).unwrap_or_default(),
        },
        has_technical_organisational_measure: m.statement.security.trim().to_string(),
        schools: m
            .schools
            .iter()
            .filter(|s| !a.per_school || s.practices.contains(&a.id))
            .map(|s| s.id.clone())
            .collect(),
    }
}

/// The DPV concept of a legal basis.
fn dpv(basis: Basis) -> &'static str {
    match basis {
        Basis::Consent => "dpv:Consent",
        Basis::Contract => "dpv:Contract",
        Basis::LegalObligation => "dpv:LegalObligation",
        Basis::VitalInterest => "dpv:VitalInterest",
        Basis::PublicTask => "dpv:PublicInterest",
        Basis::LegitimateInterest => "dpv:LegitimateInterest",
    }
}

/// The register as one JSON document.
pub fn json(register: &Register) -> String {
    let mut text = serde_json::to_string_pretty(register).unwrap_or_default();
    text.push('\n');
    text
}

/// The columns of the CSV, by the keys the theme's strings name them with.
pub const COLUMNS: [&str; 17] = [
    "activity",
    "controller",
    "dpo",
    "purpose",
    "basis",
    "law",
    "special_ground",
    "subjects",
    "categories",
    "recipients",
    "processors",
    "transfers",
    "period",
    "after",
    "source",
    "security",
    "schools",
];

/// The words of the CSV, from the theme's strings.
pub struct CsvWords<'a> {
    /// The first row: the names of [`COLUMNS`].
    pub header: Vec<String>,
    /// What an empty cell says.
    pub none: String,
    /// A legal basis, an exception of art. 9(2) and a period (`P5Y`) in words.
    pub basis: &'a dyn Fn(&str) -> String,
    pub ground: &'a dyn Fn(&str) -> String,
    pub period: &'a dyn Fn(&str) -> String,
}

/// The byte order mark that tells Excel the CSV is UTF-8.
const BOM: &str = "\u{feff}";

/// A cell as a spreadsheet should show it: with a `'` before it when it
/// starts with a character that makes a spreadsheet read a formula
/// (OWASP, "CSV Injection").
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The register as CSV, one row per activity, in the words of `words`.
pub fn csv(register: &Register, words: &CsvWords) -> String {
    let none = words.none.as_str();
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(::csv::QuoteStyle::Always)
        .from_writer(BOM.as_bytes().to_vec());
    let mut write = |cells: &[String]| {
        let _ = out.write_record(cells.iter().map(|cell| neutralise(cell).into_owned()));
    };
    write(&words.header);
    let c = &register.has_data_controller;
    let controller = format!("{}, {}, {}", c.name, c.address, c.email);
    let dpo = &register.has_data_protection_officer.email;
    let list = |items: &[String]| {
        if items.is_empty() {
            none.to_string()
        } else {
            items.join("; ")
        }
    };
    for e in &register.processing_activities {
        let basis = [
            Some((words.basis)(&e.legal_basis)),
            e.legitimate_interest.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(": ");
        // "Leerlingen: Naam, Adres; Ouders: Naam".
        let mut data: Vec<(String, Vec<String>)> = Vec::new();
        for d in &e.has_personal_data {
            match data.iter_mut().find(|(s, _)| *s == d.has_data_subject) {
                Some((_, names)) => names.push(d.name.clone()),
                None => data.push((d.has_data_subject.clone(), vec![d.name.clone()])),
            }
        }
        let data: Vec<String> = data
            .into_iter()
            .map(|(subject, names)| format!("{subject}: {}", names.join(", ")))
            .collect();
        let transfers: Vec<String> = e
            .transfers
            .iter()
            .map(|t| {
                let safeguard = t.safeguard.as_deref().unwrap_or(none);
                format!("{} ({}): {safeguard}", t.processor, t.location)
            })
            .collect();
        let row = [
            e.name.clone(),
            controller.clone(),
            dpo.clone(),
            e.has_purpose.clone(),
            basis,
            e.law.clone().unwrap_or_else(|| none.to_string()),
            e.special_category_ground
                .as_deref()
                .map_or_else(|| none.to_string(), |g| (words.ground)(g)),
            list(&e.has_data_subject),
            list(&data),
            list(&e.has_recipient),
            list(&e.has_data_processor),
            list(&transfers),
            (words.period)(&e.retention.period),
            e.retention.after.clone(),
            e.retention.source.clone(),
            e.has_technical_organisational_measure.clone(),
            list(&e.schools),
        ];
        write(&row);
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_take_for_a_formula_gets_a_quote() {
        for formula in ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for plain in ["Leerlingen", "", "'al een quote", " =1", "5 jaar", "Café"] {
            assert_eq!(neutralise(plain), plain);
        }
    }
}
