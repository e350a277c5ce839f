//! Fuzz target `dates`: the parsers of dates and periods, and of the tag
//! records git gives for the adoption record.
//!
//! The properties: a date that parses is written back as the same text and
//! reads in Dutch with its day and year; a period that parses has words;
//! the theme's filters take any text without panicking (a site's template
//! may give them anything); and an adoption record never shows an e-mail
//! address or a control character, whatever a tag's trailers hold, and has
//! no more entries than `for-each-ref` gave records (ten NUL-ended
//! fields each): no byte of a trailer makes a tag of its own.

#![no_main]

use std::sync::LazyLock;

use helder::history::adoptions_of_tags;
use helder::model::{Date, Period};
use helder::theme::{self, Strings};
use libfuzzer_sys::fuzz_target;

static DUTCH: LazyLock<Strings> = LazyLock::new(|| {
    let theme = theme::load(std::path::Path::new("/nonexistent/helder-fuzz"), "nl");
    theme.expect("the Dutch strings are built in").strings
});

const REDACTED: &str = "[adres]";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let t = &*DUTCH;
    if let Some(date) = Date::parse_iso(text) {
        assert_eq!(date.iso(), text.trim());
        assert_eq!(Date::new(date.year(), date.month(), date.day()), Some(date));
        let words = t.date(text).expect("a date that parses has words");
        assert!(words.contains(&date.day().to_string()), "{words}");
        assert!(words.contains(&date.year().to_string()), "{words}");
    } else {
        assert_eq!(t.date(text), None);
    }
    if let Some(period) = Period::parse(text) {
        let words = t
            .period(&period.iso())
            .expect("a period that parses has words");
        assert!(words.starts_with(&format!("{} ", period.amount)), "{words}");
    }
    t.period(text);

    // The clock of 1 December 2026.
    let adoptions = adoptions_of_tags(text, "reglement-", REDACTED, 1_764_547_200);
    for pair in adoptions.windows(2) {
        assert!((pair[0].date, &pair[0].version) <= (pair[1].date, &pair[1].version));
    }
    assert!(adoptions.len() <= text.matches('\0').count() / 10);
    for a in &adoptions {
        assert!(a.tag.starts_with("reglement-") && !a.version.is_empty());
        for shown in [&a.by, &a.role, &a.consent] {
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
        for shown in [&a.by, &a.role, &a.consent] {
            let address = shown.split_whitespace().find(|word| {
                word.split_once('@')
                    .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            });
            assert_eq!(address, None, "an address shown in {shown:?}");
        }
    }
});
