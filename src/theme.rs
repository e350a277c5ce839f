//! Theme: the templates, the stylesheet and the strings of the pages,
//! embedded in the binary, with per-file overrides from the site's own
//! `themes/default/` folder.
//!
//! A site overrides one template by placing a file of the same name under
//! `themes/default/templates/` (e.g. `partials/footer.html`), the stylesheet
//! under `themes/default/static/style.css`, or the words under
//! `themes/default/strings/nl.yaml`. Everything else keeps coming from the
//! binary, so an upgrade of helder still reaches the parts a site did not
//! touch. The strings are the words that are not in a template: the labels
//! of the model's values, month names and units of time, in the language
//! the model's `site.language` names.

use std::path::Path;

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Sources, did_you_mean};
use crate::layout::{FAVICON, STATIC_DIR, STRINGS_DIR, STYLESHEET, TEMPLATES_DIR, THEME_DIR};
use crate::{load, text};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, by name.
const TEMPLATES: &[(&str, &str)] = embed![
    "base.html",
    "index.html",
    "statement.html",
    "cookies.html",
    "regulation.html",
    "404.html",
    "accessibility.html",
    "partials/header.html",
    "partials/footer.html",
    "partials/summary.html",
    "partials/contact.html",
    "partials/cookie_table.html",
    "partials/data.html",
    "partials/adoption.html",
];

/// The default stylesheet.
const DEFAULT_STYLESHEET: &str = include_str!("../themes/default/static/style.css");
/// The default icon.
const DEFAULT_FAVICON: &str = include_str!("../themes/default/static/favicon.svg");

/// The default strings, by language.
const STRINGS: &[(&str, &str)] = &[("nl", include_str!("../themes/default/strings/nl.yaml"))];

/// The templates, stylesheet and strings a build uses: the defaults, with
/// the site's overrides in their place.
pub struct Theme {
    pub templates: Vec<(String, String)>,
    pub stylesheet: String,
    /// The site's icon (SVG).
    pub favicon: String,
    pub strings: Strings,
    /// Files in the site's theme folder that no page uses (a misspelt name).
    pub warnings: Vec<Diagnostic>,
}

macro_rules! words {
    ($($(#[$doc:meta])* $name:ident { $($field:ident),* $(,)? })*) => {$(
        $(#[$doc])*
        #[derive(Debug, Default, Clone, Deserialize, Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(pub $field: String,)*
        }
    )*};
}

words! {
    /// The links of the navigation bar.
    Nav { schools, regulation }
    /// The legal bases of GDPR art. 6(1), by the model's names.
    BasisWords { consent, contract, legal_obligation, vital_interest, public_task, legitimate_interest }
    /// The grounds of GDPR art. 9(2).
    GroundWords { explicit_consent, employment, vital_interest, public_interest, medicine }
    /// The special categories of GDPR art. 9(1).
    SpecialWords { health, religion, ethnicity, political, trade_union, genetic, biometric, sex_life }
    CookieKindWords { functional, analytics, tracking }
    /// The ids of the rights on a statement.
    RightAnchors { access, rectification, erasure, restriction, objection, portability, withdraw_consent }
    /// Why, in plain words, for each legal basis: the summary's reasons.
    ReasonWords { consent, contract, legal_obligation, vital_interest, public_task, legitimate_interest }
    /// What each right means, in a few words, for the summary.
    RightMeanings { access, rectification, erasure, restriction, objection, portability, withdraw_consent }
    /// The column names of the register's CSV (`helder register`), and the
    /// word for an empty cell.
    RegisterWords {
        activity, controller, dpo, purpose, basis, law, special_ground, subjects, categories,
        recipients, processors, transfers, period, after, source, security, schools, none,
    }
}

words! {
    /// A sentence per kind of change in legal facts, with `{activity}`,
    /// `{name}`, `{before}` and `{after}`.
    ChangeSentences {
        school_added, school_removed, activity_added, activity_removed, basis_changed,
        category_added, category_removed, recipient_added, recipient_removed, retention_longer,
        retention_shorter, processor_added, processor_removed, processor_outside_eea,
        processor_moved, right_added, right_removed, response_time_longer, response_time_shorter,
        purpose_reworded, processor_reworded, text_reworded,
    }
}

/// The words of the changes in legal facts: on the statement, in the feeds
/// and in `helder diff`.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeWords {
    /// The two classes of change.
    pub material: String,
    pub editorial: String,
    /// The title of a school's feed, with `{school}`, and of the board's,
    /// with `{board}`.
    pub feed_school: String,
    pub feed_board: String,
    /// The title of one entry of a feed, with `{date}`.
    pub entry: String,
    pub sentences: ChangeSentences,
    /// The names of the texts every statement shares, by key
    /// (`statement.security`), for `text_reworded`.
    pub texts: std::collections::BTreeMap<String, String>,
}

/// One and more than one of each unit of time.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    pub day: [String; 2],
    pub week: [String; 2],
    pub month: [String; 2],
    pub year: [String; 2],
}

/// The words of the pages that are not in a template (`strings/<lang>.yaml`).
/// Templates see them as `t`: `{{ t.basis[activity.basis] }}`.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// How a date reads, with `{day}`, `{month}` and `{year}`.
    pub date: String,
    pub months: [String; 12],
    pub units: Units,
    pub session: String,
    pub nav: Nav,
    pub basis: BasisWords,
    pub special_ground: GroundWords,
    pub special: SpecialWords,
    pub cookie_kind: CookieKindWords,
    pub right_anchor: RightAnchors,
    pub concept: String,
    pub redacted: String,
    /// Left out, the columns are named by their keys.
    #[serde(default)]
    pub register: RegisterWords,
    /// Left out, a change is named by its kind.
    #[serde(default)]
    pub changes: ChangeWords,
    /// Left out, the summary names the reasons and rights without them.
    #[serde(default)]
    pub summary: SummaryWords,
}

/// The words of the summary ("In het kort") that depend on the model's
/// codes: the reason for each legal basis, the meaning of each right.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryWords {
    pub reason: ReasonWords,
    pub right: RightMeanings,
}

impl Strings {
    /// `2018-07-03` in words: "3 juli 2018". None for any other text.
    pub fn date(&self, iso: &str) -> Option<String> {
        let date = crate::model::Date::parse_iso(iso)?;
        let month = self.months.get(date.month() as usize - 1)?;
        Some(
            self.date
                .replace("{day}", &date.day().to_string())
                .replace("{month}", month)
                .replace("{year}", &date.year().to_string()),
        )
    }

    /// An ISO 8601 duration (`P5Y`, `P1M`, `P2W`, `P90D`) in words: "5 jaar".
    pub fn period(&self, iso: &str) -> Option<String> {
        let rest = iso.strip_prefix('P')?;
        // The last character, not byte: a template may give the filter any
        // text, and `Pé` once panicked here (found by fuzzing).
        let unit = rest.chars().next_back()?;
        let amount: u32 = rest[..rest.len() - unit.len_utf8()].parse().ok()?;
        let forms = match unit {
            'D' => &self.units.day,
            'W' => &self.units.week,
            'M' => &self.units.month,
            'Y' => &self.units.year,
            _ => return None,
        };
        Some(format!("{amount} {}", forms[usize::from(amount != 1)]))
    }
}

/// Words of a part of the strings by their keys: `basis` as
/// `legal_obligation → Wettelijke verplichting …`.
pub fn by_key<T: Serialize>(words: &T) -> std::collections::BTreeMap<String, String> {
    serde_json::to_value(words)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Reads the site's overrides, and the strings of `language`. A file that
/// exists but cannot be read is an error; a file that does not exist means
/// "use the default".
pub fn load(root: &Path, language: &str) -> Result<Theme, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut read = |rel: String, default: Option<&str>| -> Option<String> {
        let path = root.join(&rel);
        if load::is_link(&path) {
            errors.push(load::refused_link(Path::new(&rel)));
            return None;
        }
        if !path.is_file() {
            return default.map(str::to_string);
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            errors.push(
                Diagnostic::error(
                    rel,
                    None,
                    text!(
                        "dit bestand van het thema is niet te lezen: {e}",
                        "cannot read this theme file: {e}"
                    ),
                )
                .with_hint(text!(
                    "bewaar het als UTF-8-tekst, of haal het weg om het standaardbestand te gebruiken",
                    "save it as UTF-8 text, or remove it to use the default"
                )),
            );
        });
        text.ok()
    };
    let templates = TEMPLATES
        .iter()
        .map(|(name, default)| {
            let rel = format!("{THEME_DIR}/{TEMPLATES_DIR}/{name}");
            (
                name.to_string(),
                read(rel, Some(default)).unwrap_or_default(),
            )
        })
        .collect();
    let stylesheet = read(
        format!("{THEME_DIR}/{STATIC_DIR}/{STYLESHEET}"),
        Some(DEFAULT_STYLESHEET),
    )
    .unwrap_or_default();
    let favicon = read(
        format!("{THEME_DIR}/{STATIC_DIR}/{FAVICON}"),
        Some(DEFAULT_FAVICON),
    )
    .unwrap_or_default();
    let strings_file = format!("{THEME_DIR}/{STRINGS_DIR}/{language}.yaml");
    let default = STRINGS
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, s)| *s);
    let strings_text = read(strings_file.clone(), default);
    let strings = strings(&strings_file, strings_text, language, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Theme {
        templates,
        stylesheet,
        favicon,
        strings: strings.unwrap_or_default(),
        warnings: unused_files(root),
    })
}

/// The strings of the theme, read from `text` (the site's file, or the
/// embedded default for the language).
fn strings(
    file: &str,
    text: Option<String>,
    language: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Strings> {
    let Some(text) = text else {
        let known: Vec<&str> = STRINGS.iter().map(|(l, _)| *l).collect();
        let known = known.join(", ");
        errors.push(
            Diagnostic::error(
                file,
                None,
                text!(
                    "helder heeft geen woorden voor de taal `{language}`",
                    "helder has no words for the language `{language}`"
                ),
            )
            .with_hint(text!(
                "schrijf ze in {file}, te beginnen met een kopie van de Nederlandse (`nl`), of zet `site: {{ language: nl }}`; ingebouwd: {known}",
                "write them in {file}, starting from a copy of the Dutch strings (`nl`), or set `site: {{ language: nl }}`; built in: {known}"
            )),
        );
        return None;
    };
    let mut sources = Sources::default();
    load::from_text::<Strings>(Path::new(file), text, &mut sources, errors).map(|(_, s)| s)
}

/// Warns about files under the site's theme folder that match no template,
/// stylesheet or strings file: an override that silently does nothing.
fn unused_files(root: &Path) -> Vec<Diagnostic> {
    let dir = root.join(THEME_DIR);
    let known: Vec<String> = TEMPLATES
        .iter()
        .map(|(name, _)| format!("{TEMPLATES_DIR}/{name}"))
        .chain([
            format!("{STATIC_DIR}/{STYLESHEET}"),
            format!("{STATIC_DIR}/{FAVICON}"),
        ])
        .collect();
    WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let strings = rel.starts_with(&format!("{STRINGS_DIR}/")) && rel.ends_with(".yaml");
            if known.contains(&rel) || strings {
                return None;
            }
            let warning = Diagnostic::warning(
                format!("{THEME_DIR}/{rel}"),
                None,
                text!(
                    "dit bestand hoort niet bij het thema, dus geen pagina gebruikt het",
                    "this file is not part of the theme, so no page uses it"
                ),
            );
            let all = known.join(", ");
            Some(match did_you_mean(&rel, known.iter().map(String::as_str)) {
                Some(best) => warning.with_hint(text!(
                    "bedoelt u `{THEME_DIR}/{best}`?",
                    "did you mean `{THEME_DIR}/{best}`?"
                )),
                None => warning.with_hint(text!(
                    "een site kan deze bestanden vervangen: {all}, en {STRINGS_DIR}/<taal>.yaml",
                    "the files a site can override are: {all}, and {STRINGS_DIR}/<language>.yaml"
                )),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dutch() -> Strings {
        let mut errors = Vec::new();
        let strings = strings("nl.yaml", Some(STRINGS[0].1.to_string()), "nl", &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        strings.unwrap()
    }

    /// The Dutch months, written out here rather than read from the strings
    /// file the code under test reads.
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];

    #[test]
    fn dates_read_in_dutch() {
        let t = dutch();
        assert_eq!(t.date("2018-07-03").as_deref(), Some("3 juli 2018"));
        assert_eq!(t.date("2021-02-01").as_deref(), Some("1 februari 2021"));
        assert_eq!(t.date("2020-12-31").as_deref(), Some("31 december 2020"));
        assert_eq!(t.date("2021-02-30"), None);
        let months: Vec<String> = (1..=12)
            .map(|m| t.date(&format!("2020-{m:02}-10")).unwrap())
            .collect();
        for (shown, month) in months.iter().zip(MONTHS) {
            assert_eq!(*shown, format!("10 {month} 2020"));
        }
    }

    /// What the `date` filter shows for every day of the years 0000 to
    /// 9999: the day without a leading zero, the Dutch month and the year.
    #[test]
    fn every_day_reads_in_dutch() {
        use proptest::prelude::*;
        let t = dutch();
        proptest!(|((y, m, d) in crate::model::tests::existing_days())| {
            let shown = t.date(&format!("{y:04}-{m:02}-{d:02}"));
            prop_assert_eq!(shown, Some(format!("{d} {} {y}", MONTHS[m as usize - 1])));
        });
    }

    #[test]
    fn periods_read_in_dutch_with_their_plural() {
        let t = dutch();
        assert_eq!(t.period("P1M").as_deref(), Some("1 maand"));
        assert_eq!(t.period("P6M").as_deref(), Some("6 maanden"));
        assert_eq!(t.period("P5Y").as_deref(), Some("5 jaar"));
        assert_eq!(t.period("P1W").as_deref(), Some("1 week"));
        assert_eq!(t.period("P90D").as_deref(), Some("90 dagen"));
        assert_eq!(t.period("5 jaar"), None);
        // What a site's template might give the filter: no period, no panic.
        for wrong in ["P", "Pé", "P5é", "P\u{2a2}", "", "PY", "P-1Y"] {
            assert_eq!(t.period(wrong), None, "{wrong}");
        }
    }

    /// Every value of the model's enums has its words, in every built-in language.
    #[test]
    fn every_value_of_the_model_has_words() {
        fn values<T: schemars::JsonSchema>() -> Vec<String> {
            let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
            // `enum: [...]`, or `oneOf` of `const`s when the values have docs.
            let listed = schema["enum"].as_array().cloned().unwrap_or_default();
            let documented = schema["oneOf"].as_array().cloned().unwrap_or_default();
            let mut values: Vec<String> = listed
                .iter()
                .chain(documented.iter().map(|v| &v["const"]))
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            values.sort();
            values
        }
        fn keys<T: Serialize>(words: &T) -> Vec<String> {
            let value = serde_json::to_value(words).unwrap();
            let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        }
        use crate::model::{Basis, CookieKind, RightKind, SpecialGround, SpecialKind};
        let t = dutch();
        assert_eq!(keys(&t.basis), values::<Basis>());
        assert_eq!(keys(&t.special_ground), values::<SpecialGround>());
        assert_eq!(keys(&t.special), values::<SpecialKind>());
        assert_eq!(keys(&t.cookie_kind), values::<CookieKind>());
        assert_eq!(keys(&t.right_anchor), values::<RightKind>());
    }
}
