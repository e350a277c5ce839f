//! helder refuses a statement the law would call incomplete: each check of
//! PRIVACY-LAW.md that the model can decide is an error with a line and a
//! hint, and nothing is written.

use crate::common::*;

/// Builds the example with one edit and returns stderr; the build must fail
/// with exit code 1 and leave no `public/`.
fn refused(file: &str, from: &str, to: &str) -> String {
    let site = Site::example();
    site.edit(file, from, to);
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "the build should fail:\n{}", run.stderr);
    assert!(!site.path("public").exists(), "nothing is written");
    run.stderr
}

/// The 1-based line of the first line in `file` of the example that contains `needle`.
fn line_of(file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(example_root().join(file)).unwrap();
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

/// `text` without the first key line that starts with `key` (after its
/// indentation) and the more deeply indented lines that continue its value.
fn without_key(text: &str, key: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with(key))
        .expect(key);
    let indent = |l: &str| l.len() - l.trim_start().len();
    let depth = indent(lines[start]);
    let end = start
        + 1
        + lines[start + 1..]
            .iter()
            .take_while(|l| indent(l) > depth)
            .count();
    let mut out: Vec<&str> = lines[..start].to_vec();
    out.extend(&lines[end..]);
    out.join("\n") + "\n"
}

/// Builds the example without that key and returns stderr; the build must
/// fail with exit code 1 and write nothing.
fn refused_without(file: &str, key: &str) -> String {
    let site = Site::example();
    site.write(file, &without_key(&site.read(file), key));
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "the build should fail:\n{}", run.stderr);
    assert!(!site.path("public").exists(), "nothing is written");
    run.stderr
}

#[test]
fn consent_without_a_way_to_withdraw_it_is_refused() {
    let stderr = refused_without("content/activities.yaml", "withdraw:");
    assert!(
        stderr.contains("rests on consent but does not say how to withdraw it")
            && stderr.contains("hint: add `withdraw:`"),
        "{stderr}"
    );
}

#[test]
fn a_special_category_without_an_article_9_ground_is_refused() {
    let stderr = refused_without(
        "content/activities.yaml",
        "special_ground: explicit_consent",
    );
    assert!(
        stderr.contains(
            "uses the special category `leerling-levensbeschouwing` but has no `special_ground`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint: add `special_ground:`"), "{stderr}");
}

#[test]
fn a_legitimate_interest_that_is_not_named_is_refused() {
    let stderr = refused_without("content/activities.yaml", "legitimate_interest:");
    assert!(
        stderr.contains("rests on a legitimate interest but does not say which")
            && stderr.contains("hint: add `legitimate_interest:`"),
        "{stderr}"
    );
}

#[test]
fn a_processor_outside_the_eea_needs_a_safeguard() {
    let line = line_of("content/processors.yaml", "location: Nederland");
    let stderr = refused(
        "content/processors.yaml",
        "location: Nederland",
        "location: Verenigde Staten",
    );
    assert!(
        stderr.contains(&format!("content/processors.yaml:{line}:")),
        "points at the location line {line}: {stderr}"
    );
    assert!(
        stderr.contains("outside the EEA, without a safeguard"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: add `transfer:`"), "{stderr}");
}

#[test]
fn a_processor_outside_the_eea_with_a_safeguard_is_named_on_the_statements() {
    let site = Site::example();
    site.edit(
        "content/processors.yaml",
        "location: Nederland",
        "location: Verenigde Staten\n    transfer: EU-VS Data Privacy Framework (adequaatheidsbesluit)",
    );
    site.build();
    let page = text(&site.page("de-mieden/index.html"));
    assert!(
        page.contains("bewaart gegevens in Verenigde Staten"),
        "{page}"
    );
    assert!(page.contains("EU-VS Data Privacy Framework"), "{page}");
    assert!(!page.contains("Alle gegevens blijven binnen de Europese Economische Ruimte"));
}

#[test]
fn every_right_must_be_named() {
    let site = Site::example();
    let text = site.read("content/statement.yaml");
    let start = text.find("    - kind: portability").unwrap();
    let end = start + 1 + text[start + 1..].find("    - kind:").unwrap();
    site.write(
        "content/statement.yaml",
        &format!("{}{}", &text[..start], &text[end..]),
    );
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("the right `portability` is missing"),
        "{}",
        run.stderr
    );
}
