//! Plain Dutch, measured (issue 17): `helder check` reports how easy each
//! kind of page of the example is to read, the example meets the B1
//! targets on every one, and a hard text is warned about.

use crate::common::*;

/// The figures of `helder --format json check`, by kind of page.
fn figures(site: &Site) -> serde_json::Value {
    let run = site.helder(&["--format", "json", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    document["readability"].clone()
}

#[test]
fn the_example_meets_the_b1_targets_on_every_kind_of_page() {
    let site = Site::example();
    let figures = figures(&site);
    assert_eq!(figures["min_flesch_douma"], 60.0);
    assert_eq!(figures["max_words_per_sentence"], 15.0);
    let pages = figures["pages"].as_array().expect("a list of pages");
    let kinds: Vec<&str> = pages.iter().map(|p| p["page"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["statement", "summary", "cookies", "regulation"]);
    for page in pages {
        let (figure, length) = (
            page["flesch_douma"].as_f64().expect("a figure"),
            page["words_per_sentence"].as_f64().expect("a length"),
        );
        assert!(
            figure >= 60.0 && length <= 15.0 && page["meets_targets"] == true,
            "{page}"
        );
        assert!(
            page["words"].as_u64().unwrap() > 50,
            "too little text: {page}"
        );
    }
    let text = site.helder_in_dutch(&["check"]);
    assert!(!text.stderr.contains("HL208"), "{}", text.stderr);
    assert!(
        text.stderr
            .contains("\n  privacyreglement            Flesch-Douma "),
        "{}",
        text.stderr
    );
}

/// A hard sentence in the example's statement makes it miss the target,
/// and the warning points at that sentence.
#[test]
fn a_hard_text_is_warned_about_where_it_is_written() {
    let site = Site::example();
    let hard = "Indien de onderwijsinstelling persoonsgegevens van betrokkenen verwerkt ten behoeve van de uitvoering van wettelijke verplichtingen, draagt de verwerkingsverantwoordelijke zorg voor passende technische en organisatorische beveiligingsmaatregelen teneinde ongeautoriseerde kennisneming adequaat te voorkomen.";
    let hard_text = [hard; 12].join(" ");
    site.edit(
        "content/activities.yaml",
        "    purpose: >-\n      Wij schrijven uw kind in",
        &format!("    purpose: >-\n      {hard_text} Wij schrijven uw kind in"),
    );
    let run = site.helder(&["--lang", "en", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warned: Vec<_> = run
        .reported()
        .into_iter()
        .filter(|r| r.code.as_deref() == Some("HL208"))
        .collect();
    assert_eq!(warned.len(), 1, "{}", run.stderr);
    assert!(
        warned[0]
            .message
            .starts_with("the privacy statement is hard to read"),
        "{}",
        run.stderr
    );
    assert!(
        warned[0].line().starts_with("content/activities.yaml:9:"),
        "{}",
        warned[0].line()
    );
    // --deny-warnings keeps such a statement from being published.
    assert_eq!(site.helder(&["check", "--deny-warnings"]).code, 1);
}
