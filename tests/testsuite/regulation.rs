//! The privacy regulation page (`public/reglement/index.html`) of the example
//! site: articles with their explanations, numbering, table of contents,
//! definitions and the two annexes, checked against the model in content/.

use crate::common::html::Element;
use crate::common::*;
use serde_yaml::Value;

/// A string field of a YAML mapping.
fn field<'v>(value: &'v Value, key: &str) -> &'v str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key:?} in {value:?}"))
}

fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value[key].as_sequence().map_or(&[], Vec::as_slice)
}

/// The built regulation page.
fn regulation_page(site: &Site) -> Element {
    site.document("reglement/index.html")
}

/// The chapters of content/regulation.yaml.
fn model_chapters(site: &Site) -> Vec<Value> {
    let model: Value = site.yaml("content/regulation.yaml");
    list(&model["regulation"], "chapters").to_vec()
}

/// The number of items of each member of an article in the model (0 for a
/// member that is plain text).
fn model_items_per_member(article: &Value) -> Vec<usize> {
    list(article, "members")
        .iter()
        .map(|member| list(member, "items").len())
        .collect()
}

/// The letters the items of a member carry, in order, written out.
const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

/// The number in a label such as "3." or "Artikel 3.2", without the
/// surrounding words and the trailing dot.
fn number_in(label: &str) -> String {
    label
        .trim()
        .trim_start_matches("Artikel")
        .trim()
        .trim_end_matches('.')
        .to_string()
}

/// How many elements of the page carry `id`.
fn count_id(page: &Element, id: &str) -> usize {
    page.ids().into_iter().filter(|i| *i == id).count()
}

/// The first sentence of a text, whitespace folded.
fn first_sentence(text: &str) -> String {
    let folded = fold(text);
    match folded.find(". ") {
        Some(end) => folded[..=end].to_string(),
        None => folded,
    }
}

#[test]
fn every_article_carries_its_own_explanation() {
    let site = Site::example_built();
    let page = regulation_page(&site);
    let articles = page.select("article.article");
    let explanations: Vec<String> = model_chapters(&site)
        .iter()
        .flat_map(|chapter| list(chapter, "articles").to_vec())
        .map(|article| first_sentence(field(&article, "explanation")))
        .collect();
    assert_eq!(articles.len(), explanations.len(), "articles on the page");

    for (article, explanation) in articles.iter().zip(&explanations) {
        let heading = article.one("h3").text();
        let described_by = article
            .attr("aria-describedby")
            .unwrap_or_else(|| panic!("{heading}: no aria-describedby"));
        let notes: Vec<&Element> = article
            .select("div.explanation")
            .into_iter()
            .filter(|note| {
                described_by
                    .split_whitespace()
                    .any(|id| note.id() == Some(id))
            })
            .collect();
        assert_eq!(
            notes.len(),
            1,
            "{heading}: aria-describedby={described_by:?} should name one explanation inside the article"
        );
        let aside = notes[0];
        let id = aside.id().unwrap();
        assert_eq!(count_id(&page, id), 1, "{heading}: id {id:?} is not unique");

        // The explanation itself, not just its "Toelichting" label.
        let label = aside
            .select(".explanation-label")
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join(" ");
        let body = aside.text();
        let body = body.strip_prefix(&label).unwrap_or(&body).trim();
        assert!(!body.is_empty(), "{heading}: the explanation is empty");
        assert!(
            body.contains(explanation.as_str()),
            "{heading}: the explanation beside it is not its own.\n  expected it to contain: {explanation}\n  shown: {body}"
        );
    }
}

#[test]
fn chapters_articles_members_and_items_are_numbered_without_gaps() {
    assert_numbered_without_gaps(&Site::example_built());
}

/// The numbering check fails on a theme that letters items otherwise.
#[test]
#[should_panic(expected = "member 1 of")]
fn the_numbering_check_fails_on_capital_item_letters() {
    let site = Site::example();
    let template =
        std::fs::read_to_string(example_root().join("themes/default/templates/regulation.html"))
            .unwrap();
    let from = "{{ i.letter }}";
    assert!(template.contains(from));
    site.write(
        "themes/default/templates/regulation.html",
        &template.replace(from, "{{ i.letter | upper }}"),
    );
    site.build();
    assert_numbered_without_gaps(&site);
}

/// Items after the 26th are lettered `aa`, `ab`, … as Dutch regulations do.
#[test]
fn the_twenty_seventh_item_is_aa() {
    let site = Site::fixture("minimal");
    let items: String = (1..=28)
        .map(|i| format!("          - Onderdeel {i}.\n"))
        .collect();
    let regulation = format!(
        "regulation:\n  title: Privacyreglement\n  introduction: Dit reglement geldt voor alle scholen.\n  definitions: []\n  chapters:\n    - title: Algemeen\n      articles:\n        - title: Lijst\n          explanation: Een lange lijst.\n          members:\n            - text: Dit zijn de onderdelen.\n              items:\n{}",
        items.replace("          - ", "                - ")
    );
    site.write("content/regulation.yaml", &regulation);
    site.build();
    let page = regulation_page(&site);
    let letters: Vec<String> = page
        .select("ol.items")
        .iter()
        .flat_map(|ol| ol.children_matching("li"))
        .map(|li| number_in(&li.children_matching(".num")[0].text()))
        .collect();
    assert_eq!(letters.len(), 28);
    assert_eq!(letters[..2], ["a", "b"]);
    assert_eq!(letters[24..], ["y", "z", "aa", "ab"]);
}

fn assert_numbered_without_gaps(site: &Site) {
    let page = regulation_page(site);
    let chapters = page.select("section.chapter");
    let model = model_chapters(site);
    assert_eq!(chapters.len(), model.len(), "chapters on the page");

    let mut seen_numbers = Vec::new();
    for (c, (chapter, model_chapter)) in chapters.iter().zip(&model).enumerate() {
        let heading = chapter.one("h2").text();
        let (number, title) = heading
            .split_once(' ')
            .unwrap_or_else(|| panic!("chapter heading {heading:?} has no number"));
        assert_eq!(
            number_in(number),
            (c + 1).to_string(),
            "chapter {heading:?}"
        );
        assert_eq!(title, field(model_chapter, "title"));

        let articles = chapter.select("article.article");
        let model_articles = list(model_chapter, "articles");
        assert_eq!(
            articles.len(),
            model_articles.len(),
            "articles of {heading:?}"
        );
        for (a, (article, model_article)) in articles.iter().zip(model_articles).enumerate() {
            let title = article.one("h3");
            let number = number_in(&title.one(".num").text());
            assert_eq!(number, format!("{}.{}", c + 1, a + 1), "{}", title.text());
            assert!(
                title.text().ends_with(field(model_article, "title")),
                "{}",
                title.text()
            );
            seen_numbers.push(number);

            let members = article.one("ol.members").children_matching("li");
            let model_members = model_items_per_member(model_article);
            assert_eq!(
                members.len(),
                model_members.len(),
                "members of {}",
                title.text()
            );
            for (m, (member, model_items)) in members.iter().zip(&model_members).enumerate() {
                let label = member.children_matching(".num");
                assert_eq!(label.len(), 1, "member {m} of {}", title.text());
                assert_eq!(
                    number_in(&label[0].text()),
                    (m + 1).to_string(),
                    "member of {}",
                    title.text()
                );
                let items: Vec<&Element> = member
                    .children_matching("ol.items")
                    .into_iter()
                    .flat_map(|ol| ol.children_matching("li"))
                    .collect();
                assert_eq!(
                    items.len(),
                    *model_items,
                    "items of member {} of {}",
                    m + 1,
                    title.text()
                );
                let letters: Vec<String> = items
                    .iter()
                    .map(|item| number_in(&item.children_matching(".num")[0].text()))
                    .collect();
                assert!(
                    *model_items <= LETTERS.len(),
                    "the example's members have at most 26 items"
                );
                let expected = &LETTERS[..*model_items];
                assert_eq!(letters, expected, "member {} of {}", m + 1, title.text());
            }
        }
    }
    let mut unique = seen_numbers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        seen_numbers.len(),
        "duplicate article numbers"
    );
}

#[test]
fn the_page_has_as_many_articles_as_regulation_yaml() {
    let site = Site::example_built();
    let written: usize = model_chapters(&site)
        .iter()
        .map(|chapter| list(chapter, "articles").len())
        .sum();
    assert!(written > 0);
    assert_eq!(
        regulation_page(&site).select("article.article").len(),
        written
    );

    // Another article in the YAML is another article on the page.
    site.edit(
        "content/regulation.yaml",
        "        - title: Reikwijdte\n",
        "        - title: Nieuw artikel\n          members:\n            - Een extra regel.\n          explanation: Waarom de extra regel er is.\n\n        - title: Reikwijdte\n",
    );
    site.build();
    let page = regulation_page(&site);
    assert_eq!(page.select("article.article").len(), written + 1);
    let second = page.select("section.chapter")[0].select("article.article")[1];
    let heading = second.one("h3").text();
    assert!(heading.contains("Nieuw artikel"), "{heading}");
}

#[test]
fn the_table_of_contents_links_to_every_article_and_every_link_lands() {
    let site = Site::example_built();
    let page = regulation_page(&site);
    let toc = page.one("nav.toc");
    let links: Vec<(String, String)> = toc
        .select("a")
        .into_iter()
        .map(|a| {
            let href = a.attr("href").unwrap_or_default();
            let target = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("table of contents link {href:?} leaves the page"));
            (target.to_string(), a.text())
        })
        .collect();

    for (target, label) in &links {
        assert_eq!(
            count_id(&page, target),
            1,
            "table of contents link {label:?} goes to #{target}, which the page has not exactly once"
        );
    }
    let articles = page.select("article.article");
    assert!(!articles.is_empty());
    for article in articles {
        let id = article.id().expect("an article without an id");
        let heading = article.one("h3").text();
        let link = links.iter().find(|(target, _)| target == id);
        let (_, label) = link.unwrap_or_else(|| panic!("no link to {heading:?} (#{id})"));
        assert_eq!(*label, heading, "the link to #{id}");
    }

    let mut ids = page.ids();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "the page repeats an id");
}

#[test]
fn definitions_are_a_description_list() {
    let site = Site::example_built();
    let page = regulation_page(&site);
    let section = page.one("section[data-part=begrippen]");
    let list_element = section.one("dl");
    let mut terms = Vec::new();
    let children: Vec<&Element> = list_element.elements().collect();
    assert!(!children.is_empty());
    for pair in children.chunks(2) {
        assert_eq!(pair[0].name, "dt", "{}", pair[0].text());
        let term = pair[0].text();
        let meaning = pair.get(1).unwrap_or_else(|| panic!("{term}: no dd"));
        assert_eq!(meaning.name, "dd", "{term}");
        assert!(!meaning.text().is_empty(), "{term}: empty meaning");
        terms.push(term);
    }

    let model: Value = site.yaml("content/regulation.yaml");
    let mut expected: Vec<String> = list(&model["regulation"], "definitions")
        .iter()
        .map(|d| field(d, "term").to_string())
        .collect();
    expected.sort();
    terms.sort();
    assert_eq!(terms, expected);
}

/// (subject name, category name) for every category of content/data.yaml.
fn model_categories(site: &Site) -> Vec<(String, String)> {
    let data: Value = site.yaml("content/data.yaml");
    let subject_name = |id: &str| {
        list(&data, "subjects")
            .iter()
            .find(|s| field(s, "id") == id)
            .map(|s| field(s, "name").to_string())
            .unwrap_or_else(|| panic!("no subject {id}"))
    };
    let mut categories: Vec<(String, String)> = list(&data, "categories")
        .iter()
        .map(|c| {
            (
                subject_name(field(c, "subject")),
                field(c, "name").to_string(),
            )
        })
        .collect();
    categories.sort();
    categories
}

/// (subject heading, category) for every category listed in annex 1, and
/// how many list items the annex has in all.
fn annex_1(page: &Element) -> (Vec<(String, String)>, usize) {
    let section = page.one("section[data-part=bijlage-1]");
    let mut listed = Vec::new();
    let mut subject = None;
    for child in section.elements() {
        if child.name == "h3" {
            subject = Some(child.text());
        } else if child.name == "ul" {
            let subject = subject.clone().expect("a list before any subject heading");
            for item in child.children_matching("li") {
                listed.push((subject.clone(), item.own_text()));
            }
        }
    }
    listed.sort();
    (listed, section.select("li").len())
}

fn assert_annex_1_lists_the_model(site: &Site) {
    let expected = model_categories(site);
    assert!(!expected.is_empty());
    let (listed, items) = annex_1(&regulation_page(site));
    assert_eq!(listed, expected, "annex 1 and content/data.yaml differ");
    assert_eq!(
        items,
        expected.len(),
        "annex 1 lists more than the categories"
    );
}

#[test]
fn annex_1_lists_exactly_the_categories_of_the_model() {
    let site = Site::example_built();
    assert_annex_1_lists_the_model(&site);
}

#[test]
fn a_new_category_appears_in_annex_1_and_in_every_statement() {
    const NAME: &str = "Zwemdiploma en zwemniveau";
    let site = Site::example();
    let schools = model::school_ids(&site);
    assert!(!schools.is_empty());

    site.build();
    let categories_of = |page: &str| -> Vec<String> {
        let page = site.document(page);
        let section = page.one("section[data-part=gegevens]");
        section
            .select("li")
            .iter()
            .map(|li| li.own_text())
            .collect()
    };
    assert!(!categories_of(&format!("{}/index.html", schools[0])).contains(&NAME.to_string()));

    let data = site.read("content/data.yaml");
    site.write(
        "content/data.yaml",
        &format!(
            "{data}\n  - id: leerling-zwemdiploma\n    subject: leerlingen\n    name: {NAME}\n    \
             description: Voor het schoolzwemmen.\n"
        ),
    );
    // Leerlingadministratie is the first activity, and every school does it.
    site.edit(
        "content/activities.yaml",
        "      - leerling-naam\n",
        "      - leerling-naam\n      - leerling-zwemdiploma\n",
    );
    site.build();

    assert_annex_1_lists_the_model(&site);
    let (listed, _) = annex_1(&regulation_page(&site));
    assert!(
        listed.contains(&("Leerlingen".to_string(), NAME.to_string())),
        "annex 1 does not list the new category: {listed:?}"
    );
    for school in &schools {
        let listed = categories_of(&format!("{school}/index.html"));
        assert!(
            listed.contains(&NAME.to_string()),
            "the statement of {school} does not list the new category"
        );
    }
}

#[test]
fn annex_2_has_the_contact_details_of_the_board_and_the_dpo() {
    let site = Site::example_built();
    let page = regulation_page(&site);
    let annex = page.one("section[data-part=bijlage-2]");
    let shown = annex.text();
    let org = model::organisation(&site);

    let address = &org.visiting_address;
    let mut expected = vec![
        &org.name,
        &address.street,
        &address.postcode,
        &address.place,
        &org.phone,
        &org.email,
        &org.dpo.email,
    ];
    if let Some(postal) = &org.postal_address {
        expected.push(&postal.street);
    }
    for value in expected {
        assert!(shown.contains(value.as_str()), "annex 2 lacks {value:?}");
    }
    let links: Vec<&str> = annex
        .select("a")
        .iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    for href in [
        format!("mailto:{}", org.email),
        format!("mailto:{}", org.dpo.email),
        org.website.clone(),
    ] {
        assert!(links.contains(&href.as_str()), "annex 2 has no link {href}");
    }
}
