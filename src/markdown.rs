//! Markdown prose of the model into HTML, before it reaches a template.
//!
//! Raw HTML in the prose is shown as text, not passed through: the pages must
//! stay free of scripts and of requests to other hosts whatever the content
//! says.

use pulldown_cmark::{Event, Options, Parser, html};

/// Block Markdown to HTML (paragraphs, lists, links, emphasis).
pub fn to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out.trim_end().to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Zie <script>alert(1)</script> hier.");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn inline_drops_the_paragraph_only_for_one_paragraph() {
        assert_eq!(inline("*één* zin"), "<em>één</em> zin");
        assert_eq!(inline("een\n\ntwee"), "<p>een</p>\n<p>twee</p>");
    }
}
