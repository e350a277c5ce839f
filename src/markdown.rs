//! Markdown prose of the model into HTML, before it reaches a template.
//!
//! Raw HTML in the prose is shown as text, not passed through, a link is
//! kept only to a web page, an e-mail address, a phone number or a part of
//! the site (never `javascript:` or `data:`), and an image is shown as its
//! description: the pages must stay free of scripts and of requests to
//! other hosts whatever the content says. A bare e-mail address becomes a `mailto:` link, as a reader expects
//! and as the people who write the prose would not think to mark up.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Block Markdown to HTML (paragraphs, lists, links, emphasis), on one
/// line: a line break within a paragraph is the space it renders as, and
/// the ones between blocks are left out, as minifying would. Only a code
/// block keeps its lines.
pub fn to_html(text: &str) -> String {
    // For each open link, whether it is kept.
    let mut links: Vec<bool> = Vec::new();
    let mut code = false;
    let parser =
        Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).flat_map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                vec![Event::Text(raw.replace('\n', " ").into())]
            }
            Event::SoftBreak => vec![Event::Text(" ".into())],
            Event::Start(Tag::CodeBlock(_)) => {
                code = true;
                vec![event]
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let safe = is_safe_link(dest_url);
                links.push(safe);
                if safe { vec![event] } else { vec![] }
            }
            Event::End(TagEnd::Link) => match links.pop() {
                Some(true) => vec![event],
                _ => vec![],
            },
            // An image would load from wherever it points: its description stays.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => vec![],
            Event::Text(text) if links.is_empty() => link_addresses(text),
            other => vec![other],
        });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, parser);
    if !code {
        out.retain(|c| c != '\n');
    }
    out.trim_end().to_string()
}

/// Whether a link may stay on a page: a web page, an e-mail address, a
/// phone number, or a place on the site (no scheme at all).
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None => true,
        Some(scheme) => matches!(
            scheme.to_ascii_lowercase().as_str(),
            "https" | "http" | "mailto" | "tel"
        ),
    }
}

/// The links and images of a Markdown text that a page will not show as
/// such: `(is an image, address)`.
pub fn unsafe_links(text: &str) -> Vec<(bool, String)> {
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !is_safe_link(&dest_url) => {
                Some((false, dest_url.to_string()))
            }
            Event::Start(Tag::Image { dest_url, .. }) => Some((true, dest_url.to_string())),
            _ => None,
        })
        .collect()
}

/// Text with every e-mail address in it as a `mailto:` link.
fn link_addresses(text: CowStr<'_>) -> Vec<Event<'_>> {
    let mut events = Vec::new();
    let mut rest: &str = &text;
    while let Some((start, end)) = next_address(rest) {
        if start > 0 {
            events.push(Event::Text(rest[..start].to_string().into()));
        }
        let address = &rest[start..end];
        // Only letters, digits and `.-_+@` get here: nothing to escape.
        events.push(Event::InlineHtml(
            format!("<a href=\"mailto:{address}\">{address}</a>").into(),
        ));
        rest = &rest[end..];
    }
    if events.is_empty() {
        return vec![Event::Text(text)];
    }
    if !rest.is_empty() {
        events.push(Event::Text(rest.to_string().into()));
    }
    events
}

/// The byte range of the first e-mail address in `text`.
fn next_address(text: &str) -> Option<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || ".-_+".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut from = 0;
    while let Some(at) = text[from..].find('@').map(|i| from + i) {
        // The character before the address may be several bytes (a
        // non-breaking space or a curly quote pasted from Word).
        let start = text[..at]
            .char_indices()
            .rfind(|(_, c)| !local(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut end = text[at + 1..]
            .find(|c| !domain(c))
            .map_or(text.len(), |i| at + 1 + i);
        while text[..end].ends_with(['.', '-']) {
            end -= 1;
        }
        let host = &text[at + 1..end];
        if start < at && host.contains('.') && !host.starts_with('.') {
            return Some((start, end));
        }
        from = at + 1;
    }
    None
}

/// Markdown of one paragraph to HTML without the surrounding `<p>`, for use
/// inside a list item or a table cell.
pub fn inline(text: &str) -> String {
    let html = to_html(text);
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Every element prose can bring onto a page: what pulldown-cmark writes
/// for the Markdown helder enables. Anything else in a model's prose is
/// escaped text.
pub const ELEMENTS: &[&str] = &[
    "p",
    "em",
    "strong",
    "del",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Prose made of the pieces of Markdown, HTML and links that could
    /// smuggle a script or an outside request onto a page.
    fn hostile_prose() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "<script>",
            "</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe src=//x>",
            "<a href=\"javascript:x\">",
            "<!-- -->",
            "<",
            ">",
            "&",
            "\"",
            "'",
            "[",
            "](",
            ")",
            "![",
            "javascript:alert(1)",
            " JaVaScRiPt:x",
            "data:text/html,",
            "vbscript:",
            "https://x.nl/a.png",
            "mailto:a@b.nl",
            "#rechten",
            "a@b.nl",
            "<https://x.nl>",
            "<javascript:x>",
            "*",
            "_",
            "`",
            "```",
            "\\",
            " ",
            "\n",
            "\n\n",
            "    ",
            "# ",
            "- ",
            "1. ",
            "> ",
            "tekst",
            "&#106;avascript:",
            "&lt;",
            "é",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        /// Whatever the prose holds, the page gets only the elements
        /// Markdown makes (so no image or frame loads from elsewhere), and
        /// links only to where `is_safe_link` allows.
        #[test]
        fn prose_never_brings_scripts_or_outside_requests(text in hostile_prose()) {
            for html in [to_html(&text), inline(&text)] {
                // Text is escaped, so every `<` starts an element.
                for (at, _) in html.match_indices('<') {
                    let tag = &html[at + 1..html[at..].find('>').map_or(html.len(), |end| at + end)];
                    let name: String = tag
                        .trim_start_matches('/')
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect();
                    prop_assert!(ELEMENTS.contains(&name.as_str()), "<{}> in {}", name, html);
                    if let Some((_, url)) = tag.split_once(" href=\"") {
                        let url = url.split('"').next().unwrap().replace("&amp;", "&");
                        // Written apart from `is_safe_link`: a scheme is
                        // what comes before a `:` that no `/`, `?` or `#` precedes.
                        let scheme = url.trim().split_once(':').map(|(s, _)| s.to_ascii_lowercase());
                        let scheme = scheme.filter(|s| !s.contains(['/', '?', '#']));
                        prop_assert!(
                            scheme.is_none_or(|s| ["http", "https", "mailto", "tel"].contains(&s.as_str())),
                            "{} in {}", url, html
                        );
                    }
                }
            }
        }

        /// A sentence with the characters HTML gives a meaning (and no
        /// Markdown) reads on the page exactly as it was written.
        #[test]
        fn plain_text_reads_as_written(text in "[A-Za-z][A-Za-z0-9 <>&\"'.,=/]{0,40}") {
            let html = inline(&text);
            // Quotes need no escaping outside an attribute, and are not.
            prop_assert!(!html.contains(['<', '>']), "{}", html);
            let shown = html
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            prop_assert_eq!(shown, text.trim_end());
        }
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Zie <script>alert(1)</script> hier.");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn bare_addresses_become_links_and_links_stay_as_they_are() {
        assert_eq!(
            to_html("Mail naar privacy@opron.nl."),
            "<p>Mail naar <a href=\"mailto:privacy@opron.nl\">privacy@opron.nl</a>.</p>"
        );
        assert_eq!(
            inline("[de FG](mailto:fg@opron.nl) of fg@opron.nl"),
            "<a href=\"mailto:fg@opron.nl\">de FG</a> of <a href=\"mailto:fg@opron.nl\">fg@opron.nl</a>"
        );
        assert_eq!(
            inline("@media en a@b zijn geen adressen"),
            "@media en a@b zijn geen adressen"
        );
    }

    #[test]
    fn addresses_after_text_pasted_from_word_are_links() {
        for before in ["\u{a0}", "\u{201c}", "\u{2018}", "é"] {
            let html = to_html(&format!("Mail naar{before}privacy@opron.nl\u{201d}."));
            assert!(
                html.contains("<a href=\"mailto:privacy@opron.nl\">privacy@opron.nl</a>"),
                "{html}"
            );
        }
    }

    #[test]
    fn script_links_and_images_do_not_reach_the_page() {
        let html = to_html(
            "Zie [hier](javascript:alert(1)) en [daar]( JaVaScRiPt:x) of [dit](data:text/html,<script>).",
        );
        assert_eq!(html, "<p>Zie hier en daar of dit.</p>");
        let html = to_html("![Logo van de school](https://elders.example/t.png)");
        assert_eq!(html, "<p>Logo van de school</p>");
        let html = to_html(
            "[AP](https://autoriteitpersoonsgegevens.nl), [mail](mailto:fg@opron.nl), [bel](tel:0599696390), [rechten](#rechten)",
        );
        assert_eq!(html.matches("<a href").count(), 4, "{html}");
    }

    #[test]
    fn prose_is_on_one_line_but_a_code_block_keeps_its_lines() {
        assert_eq!(
            to_html("Wij bewaren\nuw gegevens.\n\n- een\n- twee"),
            "<p>Wij bewaren uw gegevens.</p><ul><li>een</li><li>twee</li></ul>"
        );
        assert_eq!(to_html("<b>\nx</b>"), "&lt;b&gt; x&lt;/b&gt;");
        assert!(to_html("    regel 1\n    regel 2").contains("regel 1\nregel 2"));
    }

    #[test]
    fn inline_drops_the_paragraph_only_for_one_paragraph() {
        assert_eq!(inline("*één* zin"), "<em>één</em> zin");
        assert_eq!(inline("een\n\ntwee"), "<p>een</p><p>twee</p>");
    }
}
