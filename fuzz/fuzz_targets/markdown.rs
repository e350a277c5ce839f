//! Fuzz target `markdown`: any text through the prose renderer
//! (`helder::markdown`), as a school board's Markdown reaches a page.
//!
//! The properties, which `markdown.rs` promises: the HTML holds only the
//! elements Markdown makes (raw HTML is shown as text, an image as its
//! description), and every link it keeps is one `is_safe_link` allows.

#![no_main]

use helder::markdown::{ELEMENTS, inline, is_safe_link, to_html, unsafe_links};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    unsafe_links(text);
    for html in [to_html(text), inline(text)] {
        only_markdown_elements(&html);
    }
});

/// Text is escaped, so every `<` starts an element: each must be one
/// Markdown makes (so no image or frame loads from elsewhere), and each
/// link must go where `is_safe_link` allows.
fn only_markdown_elements(html: &str) {
    for (at, _) in html.match_indices('<') {
        let end = html[at..].find('>').map_or(html.len(), |end| at + end);
        let tag = &html[at + 1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            ELEMENTS.contains(&name.as_str()),
            "an element Markdown does not make, <{name}>, in {html:?}"
        );
        if let Some((_, url)) = tag.split_once(" href=\"") {
            let url = url.split('"').next().unwrap_or_default();
            let url = url.replace("&quot;", "\"").replace("&amp;", "&");
            assert!(is_safe_link(&url), "an unsafe link {url:?} in {html:?}");
        }
    }
}
