//! A site overrides single files of the built-in theme; the rest stays built in.

use crate::common::*;

#[test]
fn without_a_theme_folder_the_built_in_theme_is_used() {
    let site = Site::example();
    assert!(!site.path("themes").exists());
    site.build();
    let page = site.page("de-mieden/index.html");
    assert!(
        page.contains("In het kort"),
        "the built-in statement template renders"
    );
    let css = site.page("style.css");
    assert_eq!(
        css,
        std::fs::read_to_string(example_root().join("themes/default/static/style.css")).unwrap()
    );
}

#[test]
fn one_template_and_the_stylesheet_can_be_overridden() {
    let site = Site::example();
    site.write(
        "themes/default/templates/partials/footer.html",
        "<footer class=\"eigen\">Vragen? Bel de school.</footer>",
    );
    site.write("themes/default/static/style.css", "body { color: #000; }");
    site.build();
    for page in ["de-mieden/index.html", "reglement/index.html", "index.html"] {
        let html = site.page(page);
        assert!(
            html.contains("Vragen? Bel de school."),
            "{page} uses the site's footer"
        );
        assert!(
            html.contains("In het kort") || !page.starts_with("de-mieden"),
            "{page} keeps the built-in body"
        );
    }
    assert_eq!(site.page("style.css"), "body { color: #000; }");
}

#[test]
fn a_misspelt_override_is_warned_about() {
    let site = Site::example();
    site.write("themes/default/templates/statment.html", "{{ nothing }}");
    let run = site.build();
    assert!(
        run.reported().iter().any(|r| {
            r.line() == "themes/default/templates/statment.html: warning: this file is not part of the theme, so no page uses it"
                && r.hint.as_deref() == Some("did you mean `themes/default/templates/statement.html`?")
        }),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_override_fails_the_build_and_keeps_the_old_site() {
    let site = Site::example();
    site.build();
    let before = snapshot(&site.path("public"));
    site.write(
        "themes/default/templates/partials/footer.html",
        "<footer>{% if %}</footer>",
    );
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("themes/default"),
        "names the theme: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("partials/footer.html"),
        "names the template: {}",
        run.stderr
    );
    assert_eq!(snapshot(&site.path("public")), before);
}
