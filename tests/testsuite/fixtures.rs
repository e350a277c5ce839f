//! Sites made for one purpose, as folders beside this file, in the way of
//! mdBook's test suite:
//!
//! - `sites/minimal/`: the smallest complete site, one board and one school;
//! - `sites/english/`: laid over `minimal`, a site in another language with
//!   its own strings;
//! - `mistakes/<case>/`: laid over `minimal`, one mistake each, with
//!   `stderr.txt`: exactly what `helder check` must say about it, and
//!   `stdout.json`: the same as `helder --format json check` gives it.
//!
//! Run with `BLESS=1` to write the `stderr.txt` of every case anew from what
//! helder says now; review the difference before committing it.

use std::path::Path;

use crate::common::*;

#[test]
fn the_minimal_site_builds_every_page() {
    let site = Site::fixture("minimal");
    let run = site.build();
    assert!(
        run.stderr.contains("wrote 6 pages for 1 schools"),
        "{}",
        run.stderr
    );
    let written: Vec<String> = files(&site.path("public"))
        .iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    let expected = [
        ".helder-manifest",
        "404.html",
        "cookies/index.html",
        "de-linde/cookies/index.html",
        "de-linde/index.html",
        "favicon.svg",
        "index.html",
        "style.css",
        "toegankelijkheid/index.html",
    ];
    assert_eq!(written, expected);
    let statement = site.document("de-linde/index.html");
    let heading = statement
        .first("h3#doel-leerlingadministratie")
        .map(|h| h.text());
    assert_eq!(heading.as_deref(), Some("Leerlingadministratie"));
}

/// A board that writes its pages in another language gives the words of
/// its strings file; helder's Rust holds none of them.
#[test]
fn a_site_in_another_language_takes_its_words_from_its_strings() {
    let overlay = testsuite_dir().join("sites/english");
    let site = Site::overlaid("minimal", &overlay, &[]);
    site.build();
    let page = site.document("de-linde/index.html");
    let html = page.first("html").expect("an <html> element");
    assert_eq!(html.attr("lang"), Some("en"));
    let nav: Vec<String> = page
        .select("nav")
        .iter()
        .flat_map(|nav| nav.select("a"))
        .map(|a| a.text())
        .collect();
    assert!(nav.contains(&"All schools".to_string()), "{nav:?}");
    let text = page.text();
    assert!(
        text.contains("Legal obligation (GDPR art. 6(1)(c))"),
        "{text}"
    );
    assert!(text.contains("5 years"), "{text}");
    assert!(!text.contains("Wettelijke verplichting"), "{text}");
}

#[test]
fn a_language_without_strings_is_an_error_that_says_where_to_write_them() {
    let site = Site::fixture("minimal");
    site.write("content/site.yaml", "site:\n  language: fy\n");
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.error_lines().contains(
            &"themes/default/strings/fy.yaml: error: helder has no words for the language `fy`"
                .to_string()
        ),
        "{}",
        run.stderr
    );
    assert!(!site.path("public").exists());
}

/// Every case of `mistakes/`: see [`check_case`].
#[test]
fn every_mistake_is_reported_as_its_snapshot_says() {
    let dir = testsuite_dir().join("mistakes");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 60, "too few cases in {}", dir.display());
    let bless = std::env::var_os("BLESS").is_some();
    let wrong: Vec<String> = cases
        .iter()
        .flat_map(|case| check_case(case, bless))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} case(s) wrong (BLESS=1 rewrites the snapshots):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// What is wrong with one case: `check` and `build` must exit with 1,
/// `build` must write nothing, and both must say exactly what the case's
/// `stderr.txt` holds (which `bless` first rewrites).
fn check_case(case: &Path, bless: bool) -> Vec<String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let site = Site::overlaid("minimal", case, &["stderr.txt", "stdout.json"]);
    // The snapshots are of helder's default language.
    let check = site.helder_in_dutch(&["check"]);
    let json = site.helder_in_dutch(&["--format", "json", "check"]);
    let (snapshot, json_snapshot) = (case.join("stderr.txt"), case.join("stdout.json"));
    if bless {
        std::fs::write(&snapshot, &check.stderr).unwrap();
        std::fs::write(&json_snapshot, &json.stdout).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    let expected_json = std::fs::read_to_string(&json_snapshot).unwrap_or_default();
    let mut wrong = Vec::new();
    if check.stderr != expected {
        wrong.push(format!("{name}: expected\n{expected}got\n{}", check.stderr));
    }
    if json.stdout != expected_json {
        wrong.push(format!(
            "{name}: expected JSON\n{expected_json}got\n{}",
            json.stdout
        ));
    }
    // The JSON holds what the text shows, read by a JSON parser.
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap_or_default();
    let in_json = document["diagnostics"].as_array().map_or(0, Vec::len);
    let titles = ["fout[", "waarschuwing["];
    let in_text = check
        .stderr
        .lines()
        .filter(|l| titles.iter().any(|t| l.starts_with(t)))
        .count();
    if in_json != in_text {
        wrong.push(format!(
            "{name}: {in_json} diagnostics in the JSON, {in_text} in the text"
        ));
    }
    // A case of warnings only builds; a case with an error builds nothing.
    let errors = expected.contains("fout[") || expected.contains("fout:");
    let build = site.helder_in_dutch(&["build"]);
    let written = site.path("public").exists();
    let (want, c, b) = (i32::from(errors), check.code, build.code);
    if c != want || b != want || written == errors {
        wrong.push(format!(
            "{name}: check exit {c}, build exit {b} (expected {want}), public/ written: {written}\n{}",
            build.stderr
        ));
    }
    if errors && build.stderr != expected {
        wrong.push(format!("{name}: `build` said\n{}", build.stderr));
    }
    wrong
}

/// Every rule of the registry has a case that shows its code.
#[test]
fn every_rule_has_a_case() {
    // While BLESS rewrites the snapshots beside this test, they are not read.
    if std::env::var_os("BLESS").is_some() {
        return;
    }
    let dir = testsuite_dir().join("mistakes");
    let snapshots: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path().join("stderr.txt")).unwrap_or_default())
        .collect();
    let codes = helder_codes();
    assert!(codes.len() >= 30, "{codes:?}");
    // Mistakes a folder cannot hold, with the test that shows each instead.
    let elsewhere = [(
        "HL301",
        "history::a_date_that_does_not_exist_in_a_tag_fails_check_and_build",
    )];
    let missing: Vec<&String> = codes
        .iter()
        .filter(|code| !snapshots.iter().any(|s| s.contains(&format!("[{code}]"))))
        .filter(|code| !elsewhere.iter().any(|(c, _)| c == code))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a case in mistakes/: {missing:?}"
    );
}

/// The codes `helder check --explain` lists.
fn helder_codes() -> Vec<String> {
    let run = Site::empty().helder(&["check", "--explain"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// A case whose snapshot says something other than helder is caught.
#[test]
fn a_wrong_snapshot_is_caught() {
    let case = Site::empty();
    let schools = "schools:\n  - id: de-linde\n    naem: Obs De Linde\n    place: Zuidbroek\n";
    case.write("schools.yaml", schools);
    case.write("stderr.txt", "fout[HL002]: een andere melding\n");
    let wrong = check_case(&case.root, false);
    // The text, the JSON (there is no stdout.json) and the build say otherwise.
    assert_eq!(wrong.len(), 3, "{wrong:?}");
    assert!(wrong[0].contains("onbekende sleutel `naem`"), "{wrong:?}");
}

/// The real mistakes of the two seed documents, modelled in
/// `sites/seed-mistakes/` (and an adoption dated 30-02-2021 in git), are
/// caught in full.
#[test]
fn the_mistakes_of_the_seed_documents_are_caught_in_full() {
    let site = Site::overlaid(
        "minimal",
        &testsuite_dir().join("sites/seed-mistakes"),
        &["README.md"],
    );
    let date = "2021-03-01T10:00:00+01:00";
    let git = |args: &[&str]| crate::history::git_in(&site.root, args, date);
    git(&["-c", "init.defaultBranch=main", "init", "-q"]);
    git(&[
        "-c",
        "user.name=Privacy Officer",
        "-c",
        "user.email=privacy@sevenwolden.nl",
        "add",
        "-A",
    ]);
    git(&[
        "-c",
        "user.name=Privacy Officer",
        "-c",
        "user.email=privacy@sevenwolden.nl",
        "commit",
        "-q",
        "-m",
        "Reglement",
    ]);
    let adoption = "Vastgesteld\n\nDatum: 30-02-2021\nVastgesteld-door: College van Bestuur";
    git(&[
        "-c",
        "user.name=Privacy Officer",
        "-c",
        "user.email=privacy@sevenwolden.nl",
        "tag",
        "-a",
        "reglement-2021.1",
        "-m",
        adoption,
    ]);

    let run = site.helder(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let reported: Vec<(String, String)> = run
        .reported()
        .into_iter()
        .map(|r| (r.code.unwrap_or_default(), r.message))
        .collect();
    let expected = [
        ("HL115", "niet langer dan noodzakelijk"),
        ("HL201", "\"vier weken\""),
        ("HL201", "\"12 weken\""),
        ("HL201", "one month"),
        ("HL202", "\"Wbp\""),
        ("HL202", "\"Vrijstellingsbesluit\""),
        ("HL203", "regelmatig te raadplegen"),
        ("HL204", "\"onder andere\""),
        ("HL204", "\"eventuele\""),
        ("HL106", "fg@lumengroup.nl"),
        ("HL206", "\"met derden\""),
        ("HL301", "Datum: 30-02-2021"),
    ];
    let missed: Vec<_> = expected
        .iter()
        .filter(|(code, words)| !reported.iter().any(|(c, m)| c == code && m.contains(words)))
        .collect();
    assert!(missed.is_empty(), "not caught: {missed:?}\n{}", run.stderr);
}

/// Text pasted from Word is ordinary input: non-breaking spaces after a
/// key's colon, in the indentation and before an e-mail address in the
/// prose, and curly quotes, build as if they were plain spaces and quotes.
#[test]
fn text_pasted_from_word_builds() {
    let site = Site::fixture("minimal");
    let board = site.read("content/board.yaml");
    let pasted = board
        .replace(
            "  name: Stichting Voorbeeldscholen",
            "  name:\u{a0}Stichting Voorbeeldscholen",
        )
        .replace(
            "  how: Mail uw verzoek naar privacy@voorbeeld.example.",
            "  how: Mail \u{201c}uw verzoek\u{201d} naar\u{a0}privacy@voorbeeld.example.\u{a0}",
        )
        .replace("\n  phone:", "\n\u{a0} phone:");
    assert_ne!(pasted, board);
    site.write("content/board.yaml", &pasted);
    let run = site.build();
    assert!(run.error_lines().is_empty(), "{}", run.stderr);
    let page = site.page("de-linde/index.html");
    assert!(
        page.contains("href=mailto:privacy@voorbeeld.example")
            || page.contains("href=\"mailto:privacy@voorbeeld.example\""),
        "no mail link"
    );
    assert!(
        page.contains("\u{201c}uw verzoek\u{201d}"),
        "the curly quotes are kept"
    );
}
