//! Mistakes in the input, as the communications staff of a board make them.
//!
//! Each test takes a copy of the example, builds it once so a `public/`
//! exists, puts exactly one kind of mistake in it and builds again. The build
//! must fail with exit code 1, say `file:line:column: error: message` with a
//! `hint:` below it, and leave the site that was there untouched. Expected
//! lines and columns are found in the edited file itself, so they follow the
//! example content when it changes.

use std::path::Path;

use crate::common::*;

/// A copy of the example, built, and a snapshot of what the build wrote.
fn built_example() -> (Site, Snapshot) {
    let site = Site::example_built();
    let before = snapshot(&site.path("public"));
    assert!(!before.is_empty());
    (site, before)
}

/// Runs `helder build` on a site with mistakes: it must exit with 1, leave
/// `public/` as it was and leave no half-written folder beside it.
fn failing_build(site: &Site, before: &Snapshot) -> Run {
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "expected exit code 1; stderr:\n{}", run.stderr);
    assert_same_files(
        before,
        &snapshot(&site.path("public")),
        "the failed build changed public/",
    );
    assert_no_leftovers(site);
    run
}

/// A copy of the example, built, then each `(file, from, to)` edit made
/// and built again: the site and that failing build (see [`failing_build`]).
fn build_with_mistakes(edits: &[(&str, &str, &str)]) -> (Site, Run) {
    let (site, before) = built_example();
    for (file, from, to) in edits {
        site.edit(file, from, to);
    }
    let run = failing_build(&site, &before);
    (site, run)
}

/// One mistake in a built copy of the example, `from` replaced by `to` in
/// `file`: the build must fail (see [`failing_build`]) and report the
/// `(message, hint)` where `at` first starts in the edited file. Returns
/// that run.
fn assert_mistake_reported(
    file: &str,
    (from, to): (&str, &str),
    at: &str,
    (message, hint): (&str, &str),
) -> Run {
    let (site, run) = build_with_mistakes(&[(file, from, to)]);
    assert_reports(&run, file, position(&site, file, at), message, hint);
    run
}

/// A failed build leaves no staging folder behind.
fn assert_no_leftovers(site: &Site) {
    for leftover in [".public.helder-new", ".public.helder-old"] {
        assert!(
            !site.path(leftover).exists(),
            "the failed build left {leftover} behind"
        );
    }
}

/// The line and column (both from 1, columns in characters) where the `n`th
/// occurrence (from 0) of `needle` starts in a file of the site.
fn nth_position(site: &Site, file: &str, needle: &str, n: usize) -> (usize, usize) {
    let text = site.read(file);
    let (offset, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{file} has no occurrence {n} of {needle:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Where the value of the `n`th occurrence of `entry` (`key: value`) starts.
fn nth_value_position(site: &Site, file: &str, entry: &str, n: usize) -> (usize, usize) {
    let (line, column) = nth_position(site, file, entry, n);
    let key = &entry[..entry.rfind(": ").expect("an entry `key: value`") + 2];
    (line, column + key.chars().count())
}

/// Where `needle` first starts in a file of the site.
fn position(site: &Site, file: &str, needle: &str) -> (usize, usize) {
    nth_position(site, file, needle, 0)
}

/// Checks that the output has an error `…message…` at `file:line:column`
/// with a hint `…hint…`.
fn assert_reports(
    run: &Run,
    file: &str,
    (line, column): (usize, usize),
    message: &str,
    hint: &str,
) {
    let reported = run.reported();
    let here = |r: &&Reported| r.file == file && r.line == Some(line) && r.column == Some(column);
    let Some(found) = reported.iter().find(here) else {
        panic!(
            "expected an error at {file}:{line}:{column}: `{message}`; stderr:\n{}",
            run.stderr
        );
    };
    assert!(
        found.severity == "error" && found.message.contains(message),
        "expected the message `{message}`, got `{}`",
        found.message
    );
    let got = found.hint.clone().unwrap_or_default();
    assert!(
        got.contains(hint),
        "expected a hint with `{hint}` for `{}`, got `{got}`",
        found.message
    );
}

/// Checks that the last line of stderr, the count of errors, says `count`.
fn assert_counted(run: &Run, count: &str) {
    let last = run.summary();
    assert!(last.contains(count), "last line: {last}");
}

// ---------------------------------------------------------------------------
// YAML that cannot be read.

#[test]
fn an_unclosed_quote_is_reported_where_the_quote_opens() {
    let run = assert_mistake_reported(
        "content/activities.yaml",
        (
            "name: Aanwezigheid en verzuim\n",
            "name: \"Aanwezigheid en verzuim\n",
        ),
        "\"Aanwezigheid en verzuim",
        ("closing quote", "\""),
    );
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
}

#[test]
fn a_badly_indented_key_is_reported_at_its_own_line() {
    assert_mistake_reported(
        "content/activities.yaml",
        // One space too few: `law:` no longer lines up with the keys of its activity.
        (
            "\n    law: Leerplichtwet 1969\n",
            "\n   law: Leerplichtwet 1969\n",
        ),
        // Not "missing required key `categories`" at the start of the
        // activity: the line to fix, said to be indented wrongly.
        "law: Leerplichtwet 1969",
        (INDENTED_DIFFERENTLY, "indentation"),
    );
}

/// What helder says of a line indented differently from its neighbours.
const INDENTED_DIFFERENTLY: &str = "this line is indented differently from the lines around it";

/// The check above fails when the message is another one: the same mistake
/// asserted with the message of an unclosed quote does not pass.
#[test]
#[should_panic(expected = "expected the message `a quoted text starts here`")]
fn asserting_the_wrong_message_for_a_badly_indented_key_fails() {
    assert_mistake_reported(
        "content/activities.yaml",
        (
            "\n    law: Leerplichtwet 1969\n",
            "\n   law: Leerplichtwet 1969\n",
        ),
        "law: Leerplichtwet 1969",
        ("a quoted text starts here", "indentation"),
    );
}

// ---------------------------------------------------------------------------
// YAML that does not fit the model.

#[test]
fn an_unknown_key_is_named_and_the_intended_key_suggested() {
    assert_mistake_reported(
        "schools.yaml",
        ("    name: Obs Inspecteur", "    naem: Obs Inspecteur"),
        "naem: Obs Inspecteur",
        ("unknown key `naem`", "did you mean `name`?"),
    );
}

#[test]
fn a_missing_required_key_is_reported_at_its_entry() {
    assert_mistake_reported(
        "schools.yaml",
        ("    place: Noordbroek\n", ""),
        // The entry of the school without a place: the key that opens it.
        "id: inspecteur-amerikaschool",
        ("missing required key `place`", "place:"),
    );
}

// ---------------------------------------------------------------------------
// References between parts of the model.

#[test]
fn an_unknown_category_is_reported_at_its_list_item_with_the_nearest_id() {
    let run = assert_mistake_reported(
        "content/activities.yaml",
        ("- leerling-naam\n", "- leerling-nam\n"),
        "leerling-nam\n",
        (
            "unknown category `leerling-nam`",
            "did you mean `leerling-naam`?",
        ),
    );
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
}

#[test]
fn a_school_listing_an_unknown_system_is_reported_at_that_system() {
    assert_mistake_reported(
        "schools.yaml",
        (
            "systems: [esis, cito-lovs, basispoort]",
            "systems: [esis, cito-lovs, basispoot]",
        ),
        "basispoot]",
        (
            "unknown processor `basispoot`",
            "did you mean `basispoort`?",
        ),
    );
}

#[test]
fn a_school_cannot_choose_a_system_every_school_has() {
    assert_mistake_reported(
        "schools.yaml",
        (
            "systems: [esis, cito-lovs, basispoort]",
            "systems: [esis, cito-lovs, mijnschool]",
        ),
        "mijnschool]",
        (
            "processor `mijnschool` applies to every school, so a school cannot choose it",
            "set `per_school: true` on processor `mijnschool`",
        ),
    );
}

#[test]
fn a_duplicate_school_id_points_at_the_second_and_names_the_first() {
    let (site, run) = build_with_mistakes(&[(
        "schools.yaml",
        "- id: inspecteur-amerikaschool",
        "- id: de-mieden",
    )]);
    let (first_line, _) = position(&site, "schools.yaml", "- id: de-mieden");
    let second = nth_value_position(&site, "schools.yaml", "- id: de-mieden", 1);
    assert_reports(
        &run,
        "schools.yaml",
        second,
        "the school id `de-mieden` is used twice",
        &format!("schools.yaml:{first_line}"),
    );
}

// ---------------------------------------------------------------------------
// Several mistakes at once.

#[test]
fn several_mistakes_are_all_reported_in_one_run_sorted_by_file_and_line() {
    let activities = "content/activities.yaml";
    // Made in the files from the bottom up, so the order of the report
    // cannot come from the order of the edits.
    let (site, run) = build_with_mistakes(&[
        (
            "schools.yaml",
            "- id: inspecteur-amerikaschool",
            "- id: de-mieden",
        ),
        (
            "schools.yaml",
            "systems: [parnassys, cito-lovs, basispoort]",
            "systems: [parnasys, cito-lovs, basispoort]",
        ),
        (activities, "- id: ziekteverzuim\n", "- id: verzuim\n"),
        (activities, "- leerling-naam\n", "- leerling-nam\n"),
    ]);
    let at =
        |file: &str, (line, column): (usize, usize)| format!("{file}:{line}:{column}: error: ");
    let mut expected = [
        (
            at(
                "schools.yaml",
                nth_value_position(&site, "schools.yaml", "- id: de-mieden", 1),
            ),
            "the school id `de-mieden` is used twice",
        ),
        (
            at("schools.yaml", position(&site, "schools.yaml", "parnasys")),
            "unknown processor `parnasys`",
        ),
        (
            at(
                activities,
                nth_value_position(&site, activities, "- id: verzuim", 1),
            ),
            "the activity id `verzuim` is used twice",
        ),
        (
            at(activities, position(&site, activities, "leerling-nam\n")),
            "unknown category `leerling-nam`",
        ),
    ]
    .map(|(head, message)| (head, message.to_string()));
    expected.sort_by_key(|(head, _)| {
        let mut parts = head.split(':');
        let file = parts.next().unwrap().to_string();
        let line: usize = parts.next().unwrap().parse().unwrap();
        let column: usize = parts.next().unwrap().parse().unwrap();
        (file, line, column)
    });
    let expected: Vec<String> = expected.iter().map(|(h, m)| format!("{h}{m}")).collect();
    assert_eq!(run.error_lines(), expected, "stderr:\n{}", run.stderr);
    // Every error has its hint, and the last line counts them.
    let hints = run.reported().iter().filter(|r| r.hint.is_some()).count();
    assert_eq!(hints, 4, "stderr:\n{}", run.stderr);
    assert_counted(&run, "4 errors");
}

#[test]
fn a_file_that_cannot_be_parsed_does_not_hide_mistakes_in_other_files() {
    let activities = "content/activities.yaml";
    let (site, run) = build_with_mistakes(&[
        (
            activities,
            "name: Aanwezigheid en verzuim\n",
            "name: \"Aanwezigheid en verzuim\n",
        ),
        (
            "schools.yaml",
            "    name: Obs Inspecteur",
            "    naem: Obs Inspecteur",
        ),
    ]);
    assert_reports(
        &run,
        activities,
        position(&site, activities, "\"Aanwezigheid"),
        "closing quote",
        "\"",
    );
    let at = position(&site, "schools.yaml", "naem:");
    assert_reports(
        &run,
        "schools.yaml",
        at,
        "unknown key `naem`",
        "did you mean `name`?",
    );
    let errors = run.error_lines();
    assert_eq!(errors.len(), 2, "stderr:\n{}", run.stderr);
    assert!(
        errors[0].starts_with(activities),
        "not sorted by file:\n{}",
        run.stderr
    );
    assert_counted(&run, "2 errors");
}

// ---------------------------------------------------------------------------
// Running helder in the wrong place.

#[test]
fn a_missing_schools_yaml_is_reported_with_a_hint_about_root() {
    let (site, before) = built_example();
    std::fs::remove_file(site.path("schools.yaml")).unwrap();
    let run = failing_build(&site, &before);
    let reported = run.reported();
    let error = reported
        .iter()
        .find(|r| r.file == "schools.yaml" && r.severity == "error")
        .unwrap_or_else(|| panic!("no error for schools.yaml; stderr:\n{}", run.stderr));
    let hint = error.hint.clone().unwrap_or_default();
    assert!(
        hint.contains("--root"),
        "the hint does not mention --root: `{hint}`"
    );
    assert_counted(&run, "1 error");
}

/// Started in `content/` (after opening a file there), helder says where
/// it looked and where the site is, in full.
#[test]
fn checking_inside_content_names_the_folder_looked_in_and_the_site() {
    let site = Site::fixture("minimal");
    let output = site
        .command(&["check"])
        .current_dir(site.path("content"))
        .output()
        .unwrap();
    let run = Run::from(output);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let root = site.root.canonicalize().unwrap();
    let (root, content) = (root.display(), root.join("content"));
    let content = content.display();
    let hint = |what: &str| {
        format!(
            "helder zocht {what} in {content}, een map binnen de site; de site zelf staat in {root}: start helder daar (`cd ..`), of geef `--root ..` mee"
        )
    };
    let expected = format!(
        "fout[HL006]: de map `content/` ontbreekt\n --> content\n  = tip: {}\nfout[HL006]: het bestand schools.yaml ontbreekt\n --> schools.yaml\n  = tip: {}\n2 fouten gevonden; er is niets geschreven\n",
        hint("`content/`"),
        hint("schools.yaml")
    );
    assert_eq!(run.stderr, expected);
}

#[test]
fn building_in_an_empty_folder_says_to_run_in_the_site_or_pass_root() {
    let site = Site::empty();
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let errors = run.error_lines();
    assert!(!errors.is_empty(), "no error; stderr:\n{}", run.stderr);
    for needed in ["content", "schools.yaml"] {
        assert!(
            errors.iter().any(|l| l.starts_with(needed)),
            "no error about {needed}; stderr:\n{}",
            run.stderr
        );
    }
    assert!(
        run.reported()
            .iter()
            .any(|r| r.hint.as_deref().is_some_and(|h| h.contains("--root"))),
        "no hint about --root; stderr:\n{}",
        run.stderr
    );
    assert!(
        !site.path("public").exists(),
        "a failed build created public/"
    );
    assert_no_leftovers(&site);
}

/// A base URL that is no web address (`javascript:`) is misuse of the
/// command line: exit code 2, nothing written.
#[test]
fn a_base_url_that_is_no_web_address_is_refused() {
    let site = Site::example();
    for url in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "privacy.opron.nl",
    ] {
        let run = site.helder(&["build", "--base-url", url]);
        assert_eq!(run.code, 2, "{url}: {}", run.stderr);
        assert!(
            run.stderr.contains("is not a web address"),
            "{url}: {}",
            run.stderr
        );
        assert!(!site.path("public").exists(), "{url}: public/ was written");
    }
}

/// A symbolic link among the site's files is refused, never skipped: a
/// skipped content/cookies.yaml would make every notice say there are no
/// cookies, a followed one would read a file from outside the site.
#[test]
fn a_link_among_the_sites_files_is_refused() {
    let (site, before) = built_example();
    let elsewhere = site.root.with_extension("elders");
    std::fs::create_dir_all(elsewhere.join("gedeeld")).unwrap();
    let link =
        |target: &Path, rel: &str| std::os::unix::fs::symlink(target, site.path(rel)).unwrap();
    let moved = |rel: &str| {
        let to = elsewhere.join(rel.replace('/', "_"));
        std::fs::rename(site.path(rel), &to).unwrap();
        link(&to, rel);
    };
    moved("content/cookies.yaml");
    moved("schools.yaml");
    link(&elsewhere.join("gedeeld"), "content/gedeeld");
    std::fs::create_dir_all(site.path("themes/default/templates")).unwrap();
    link(
        &elsewhere.join("weg.html"),
        "themes/default/templates/statement.html",
    );
    let run = failing_build(&site, &before);
    let links: Vec<String> = run
        .reported()
        .into_iter()
        .filter(|r| {
            r.message
                == "this is a symbolic link; helder reads only the site's own files and folders"
        })
        .map(|r| r.file)
        .collect();
    assert_eq!(
        links,
        ["content/cookies.yaml", "content/gedeeld", "schools.yaml"],
        "{}",
        run.stderr
    );

    // The theme is read only once the model has no mistakes.
    for rel in ["content/cookies.yaml", "schools.yaml"] {
        std::fs::remove_file(site.path(rel)).unwrap();
        std::fs::rename(elsewhere.join(rel.replace('/', "_")), site.path(rel)).unwrap();
    }
    std::fs::remove_file(site.path("content/gedeeld")).unwrap();
    let run = failing_build(&site, &before);
    let theme = run
        .reported()
        .into_iter()
        .map(|r| r.file)
        .collect::<Vec<_>>();
    assert_eq!(
        theme,
        ["themes/default/templates/statement.html"],
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&elsewhere).unwrap();
}

/// A file far larger than any model is refused at once, with its size.
#[test]
fn a_file_of_twenty_megabytes_is_refused_at_once() {
    let (site, before) = built_example();
    let line = "# ".to_string() + &"x".repeat(98) + "\n";
    site.write("content/groot.yaml", &line.repeat(200_000));
    let run = failing_build(&site, &before);
    let big = run
        .reported()
        .into_iter()
        .find(|r| r.file == "content/groot.yaml");
    let big = big.unwrap_or_else(|| panic!("no message about the file:\n{}", run.stderr));
    assert_eq!(
        big.message,
        "this file is 20 MB; helder reads files of up to 10 MB"
    );
    let hint = big.hint.unwrap_or_default();
    assert!(hint.contains("--max-file-size 21"), "{hint}");
    // The limit is the user's to raise.
    let run = site.helder(&["build", "--max-file-size", "21"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
