//! Minify: the theme's templates, once, when they are compiled, so that the
//! pages rendered from them need no minifying of their own.
//!
//! minify-html leaves Tera's `{{ }}`, `{% %}` and `{# #}` alone where they
//! stand in text, but not inside a tag: `<li{% if x %} class="a"{% endif %}>`
//! comes out mangled, and `href="{{x}}"` loses its quotes, which breaks the
//! link as soon as the value has a space. A template is therefore minified
//! only when that is safe, checked on what came out ([`template`]); a
//! template for which it is not, such as a site's own override written that
//! way, is used as written, which costs a few bytes and nothing else.
//!
//! A template that is part of a page (everything but the one with the
//! `<html>` element) is minified inside a `<span>`, where minify-html only
//! collapses white space: a partial may be included in the middle of a
//! sentence, and whitespace between two of its inline elements is a space
//! the reader sees.

/// How every template is minified: closing tags and the `<html lang>` and
/// `<head>` tags are kept, so the markup stays valid for validators and
/// assistive technology.
fn cfg() -> minify_html::Cfg {
    minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        preserve_brace_template_syntax: true,
        ..minify_html::Cfg::default()
    }
}

const OPEN: &str = "<span>";
const CLOSE: &str = "</span>";

/// The template minified, or `None` when minifying it would change what it
/// renders: when its Tera tags did not come out exactly as they went in,
/// when one of them ended up inside a tag but outside a quoted attribute
/// value, or right after the start of a character reference (`&amp;l{{ x }}`
/// must not become `&l{{ x }}`).
pub fn template(source: &str) -> Option<String> {
    let document = source.contains("<html") || source.contains("<HTML");
    let minified = if document {
        minify(source)?
    } else {
        let wrapped = minify(&format!("{OPEN}{source}{CLOSE}"))?;
        wrapped.strip_prefix(OPEN)?.strip_suffix(CLOSE)?.to_string()
    };
    let minified = squeeze(&minified);
    (tera_units(source)? == tera_units(&minified)?).then_some(minified)
}

fn minify(html: &str) -> Option<String> {
    String::from_utf8(minify_html::minify(html.as_bytes(), &cfg())).ok()
}

/// The end of the Tera tag that starts at `start`, if one does.
fn tera_tag_end(text: &str, start: usize) -> Option<usize> {
    let close = match text.as_bytes().get(start..start + 2)? {
        b"{{" => "}}",
        b"{%" => "%}",
        b"{#" => "#}",
        _ => return None,
    };
    let body = start + 2;
    Some(
        text[body..]
            .find(close)
            .map_or(text.len(), |i| body + i + 2),
    )
}

/// Where a scan of HTML is.
#[derive(Clone, Copy, PartialEq)]
enum At {
    Text,
    /// The text of `<script>` or `<style>`, up to its end tag.
    Raw(&'static str),
    /// Inside a tag, outside any quoted attribute value.
    Tag,
    /// Inside an attribute value quoted with this quote.
    Value(u8),
}

/// A Tera tag in HTML, and where it stands.
struct Found {
    start: usize,
    end: usize,
    at: At,
    /// Which HTML tag, and which attribute value, counted from the start.
    tag: usize,
    value: usize,
    /// Inside `<pre>` or `<textarea>`, where white space is kept.
    preformatted: bool,
    /// Right after what could start a character reference (`&l`).
    after_reference: bool,
}

/// Every Tera tag of HTML, read from the start, with where it stands: in
/// text, between a tag's attributes or in a quoted attribute value.
/// Comments are skipped, and the text of `<script>` and `<style>` is text.
fn scan(html: &str) -> Vec<Found> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let (mut at, mut i, mut raw_next) = (At::Text, 0, None);
    let (mut tag, mut value, mut preformatted) = (0, 0, 0usize);
    while i < bytes.len() {
        if let Some(end) = tera_tag_end(html, i) {
            let after_reference = html[..i]
                .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#')
                .ends_with('&');
            found.push(Found {
                start: i,
                end,
                at,
                tag,
                value,
                preformatted: preformatted > 0,
                after_reference,
            });
            i = end;
            continue;
        }
        let rest = &bytes[i..];
        let c = bytes[i];
        at = match at {
            At::Text if rest.starts_with(b"<!--") => {
                i += rest
                    .windows(3)
                    .position(|w| w == b"-->")
                    .map_or(rest.len(), |e| e + 3);
                continue;
            }
            At::Text if c == b'<' && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic()) => {
                let name = |n: &str| starts_with_ignoring_case(&rest[1..], n);
                raw_next = ["script", "style"]
                    .into_iter()
                    .find(|n| name(n))
                    .map(|n| if n == "script" { "</script" } else { "</style" });
                if name("pre") || name("textarea") {
                    preformatted += 1;
                }
                tag += 1;
                At::Tag
            }
            At::Text if rest.starts_with(b"</") => {
                let name = |n: &str| starts_with_ignoring_case(&rest[2..], n);
                if name("pre") || name("textarea") {
                    preformatted = preformatted.saturating_sub(1);
                }
                tag += 1;
                At::Tag
            }
            At::Raw(end) if starts_with_ignoring_case(rest, end) => {
                tag += 1;
                At::Tag
            }
            At::Tag if c == b'>' => raw_next.take().map_or(At::Text, At::Raw),
            At::Tag if c == b'"' || c == b'\'' => {
                value += 1;
                At::Value(c)
            }
            At::Value(quote) if c == quote => At::Tag,
            same => same,
        };
        i += 1;
    }
    found
}

/// The Tera tags of HTML in the order they render, or `None` when one
/// might render otherwise than as written: when it stands between a tag's
/// attributes rather than in text or in a quoted attribute value, or
/// where a character reference could run into what it renders
/// (`&amp;l{{ x }}` must not become `&l{{ x }}`).
///
/// minify-html may put a tag's attributes in another order, so the Tera
/// in the attribute values of one tag is one unit, its values sorted: a
/// template and its minified text render alike when their units are the
/// same.
fn tera_units(html: &str) -> Option<Vec<String>> {
    let mut units = Vec::new();
    // The values of the tag being read: (tag, value, its Tera).
    let mut values: Vec<(usize, usize, String)> = Vec::new();
    let close = |values: &mut Vec<(usize, usize, String)>, units: &mut Vec<String>| {
        if !values.is_empty() {
            let mut texts: Vec<String> = values.drain(..).map(|(_, _, t)| t).collect();
            texts.sort();
            units.push(texts.join("\u{1}"));
        }
    };
    for found in scan(html) {
        let text = &html[found.start..found.end];
        if found.after_reference || found.at == At::Tag {
            return None;
        }
        if values.last().is_some_and(|&(tag, _, _)| tag != found.tag) {
            close(&mut values, &mut units);
        }
        match found.at {
            At::Value(_) => match values.last_mut() {
                Some((_, value, tera)) if *value == found.value => tera.push_str(text),
                _ => values.push((found.tag, found.value, text.to_string())),
            },
            _ => {
                close(&mut values, &mut units);
                units.push(text.to_string());
            }
        }
    }
    close(&mut values, &mut units);
    Some(units)
}

/// Minified HTML with fewer spaces where a Tera tag stands between two:
/// of `a {% if x %} b`, `a {% endif %} b`, `a {% set y = 1 %} b` and
/// `a {# … #} b` one space is kept, the one that always renders, which is
/// all a reader would see of the two. Spaces that start or end a loop's
/// body, a branch after `else`, or what stands beside an `include`, are
/// left alone, and so is everything in `<pre>` or `<textarea>`.
fn squeeze(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for found in scan(html) {
        if found.at != At::Text || found.preformatted || found.start < from {
            continue;
        }
        let tera = &html[found.start..found.end];
        let word = tera[2..].trim_start_matches(['-', ' ']);
        let (before, after) = (&html[..found.start], &html[found.end..]);
        let spaces_after = after.len() - after.trim_start_matches(' ').len();
        if !before.ends_with(' ') || spaces_after == 0 {
            continue;
        }
        let opens = tera.starts_with("{#") || word.starts_with("if ") || word.starts_with("set ");
        if opens {
            // `a {% if x %} b`: the space after is the branch's, and the
            // one before renders whenever the branch does.
            out.push_str(&html[from..found.end]);
            from = found.end + spaces_after;
        } else if word.starts_with("endif") {
            // `a {% endif %} b`: the space before is the branch's, and the
            // one after renders whether the branch did or not.
            out.push_str(before[from..].trim_end_matches(' '));
            from = found.start;
        }
    }
    out.push_str(&html[from..]);
    out
}

fn starts_with_ignoring_case(text: &[u8], prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::{template, tera_tag_end};
    use proptest::prelude::*;

    /// Every Tera tag of a text, in order.
    fn tags(text: &str) -> Vec<&str> {
        let mut tags = Vec::new();
        let mut at = 0;
        while let Some(found) = text[at..].find('{') {
            let start = at + found;
            match tera_tag_end(text, start) {
                Some(end) => {
                    tags.push(&text[start..end]);
                    at = end;
                }
                None => at = start + 1,
            }
        }
        tags
    }

    proptest! {
        /// Whatever a template holds, minifying it never panics, and a
        /// minified template has the same Tera tags as the one written,
        /// sorted (minify-html may put attributes in another order).
        #[test]
        fn a_minified_template_keeps_its_tera(
            source in "([<>/=\" 'a-z&;#\n]|\\{\\{ x \\}\\}|\\{% if y %\\}|\\{% endif %\\}|<p>|</p>|<a href=\"|<pre>|</pre>|<li\\{% if y %\\} class=\"m\"\\{% endif %\\}>){0,40}"
        ) {
            if let Some(minified) = template(&source) {
                let (mut before, mut after) = (tags(&source), tags(&minified));
                before.sort();
                after.sort();
                prop_assert_eq!(before, after, "{}", minified);
            }
        }
    }

    #[test]
    fn keeps_dutch_text_and_inline_spaces() {
        let html = "<p>Wij <strong>bewaren</strong> uw gegevens één   jaar: <em>privé</em>.</p>\n";
        assert_eq!(
            template(html).unwrap().trim_end(),
            "<p>Wij <strong>bewaren</strong> uw gegevens één jaar: <em>privé</em>.</p>"
        );
    }

    #[test]
    fn keeps_preformatted_text() {
        let html = "<pre>regel 1\n    {{ regel }}</pre>";
        assert_eq!(template(html).unwrap(), html);
    }

    #[test]
    fn keeps_table_cells_and_the_language() {
        let html = "<!DOCTYPE html>\n<html lang=\"{{ lang }}\">\n<head>\n<title>x</title>\n</head>\n<body>\n<table>\n<tr><td>a</td> <td>{{ b }}</td></tr>\n</table>\n</body>\n</html>\n";
        let out = template(html).unwrap();
        assert!(out.contains("<html lang=\"{{ lang }}\">"), "{out}");
        assert!(out.contains("<head>"), "{out}");
        assert!(out.contains("<td>a</td><td>{{ b }}</td>"), "{out}");
    }

    /// A partial can be included in the middle of a sentence: the space
    /// between two of its inline elements is one the reader sees.
    #[test]
    fn a_partial_keeps_the_spaces_between_its_words() {
        let partial =
            "<time datetime=\"{{ d }}\">{{ d | date }}</time> <a href=\"{{ h }}\">de tekst</a>\n";
        let out = template(partial).unwrap();
        assert!(
            out.starts_with("<time datetime=\"{{ d }}\">{{ d | date }}</time> <a"),
            "{out}"
        );
    }

    /// Tera between a tag's attributes is mangled by minify-html; such a
    /// template is used as written.
    #[test]
    fn tera_between_attributes_keeps_the_template_as_written() {
        assert_eq!(
            template("<li{% if m %} class=\"m\"{% endif %}>x</li>"),
            None
        );
        assert_eq!(
            template("<a href=\"{{ h }}\"{% if c %} aria-current=\"page\"{% endif %}>x</a>"),
            None
        );
    }

    /// Without its quotes, `href="{{h}}"` would break at the first space
    /// of the value.
    #[test]
    fn a_value_of_tera_keeps_its_quotes() {
        // minify-html takes these quotes off: the template stays as written.
        assert_eq!(template("<a href=\"{{h}}\" class=\"x\">x</a>"), None);
        let out = template("<a class=\"x\" href=\"{{ h }}\">x</a>").unwrap();
        assert!(out.contains("href=\"{{ h }}\""), "{out}");
        assert_eq!(template("<a href={{h}}>x</a>"), None);
    }

    /// A string in a Tera tag that is quoted like the attribute around it
    /// ends the attribute for minify-html.
    #[test]
    fn a_quote_inside_tera_inside_a_value_keeps_the_template() {
        assert_eq!(
            template("<a href=\"#{% if p == \"a\" %}x{% endif %}\">x</a>"),
            None
        );
        assert!(template("<a href=\"#{% if p == 'a' %}x{% endif %}\">x</a>").is_some());
    }

    /// minify-html may write a tag's attributes in another order; their
    /// values go with them.
    #[test]
    fn attributes_in_another_order_are_the_same_template() {
        let html = "<article class=\"a\" id=\"x-{{ a }}\" aria-labelledby=\"x-{{ a }}-t\" aria-describedby=\"x-{{ b }}\">x</article>";
        assert!(template(html).is_some());
    }

    /// `&amp;l{{ x }}` must not become `&l{{ x }}`, which would read as
    /// `<` when x is `t;`.
    #[test]
    fn no_character_reference_runs_into_tera() {
        assert_eq!(template("<p>A &amp;l{{ x }}</p>"), None);
    }

    /// What a reader sees of HTML: its white space folded.
    fn seen(html: &str) -> String {
        html.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Fewer spaces where a Tera tag stood between two, and the same words
    /// with the same spaces between them, whichever way each `if` goes.
    #[test]
    fn squeezed_spaces_read_the_same_either_way() {
        let source = "<p>Wij{% if a %} ook {% endif %} gaan {% if b %} soms {% else %} nooit {% endif %} weg {# n #} hier {% set c = 1 %} daar.</p>\n";
        let minified = template(source).unwrap();
        assert!(minified.len() < source.len(), "{minified}");
        for (a, b) in [(true, true), (true, false), (false, true), (false, false)] {
            let mut context = tera::Context::new();
            context.insert("a", &a);
            context.insert("b", &b);
            let render = |text: &str| tera::Tera::one_off(text, &context, false).unwrap();
            assert_eq!(
                seen(&render(&minified)),
                seen(&render(source)),
                "a {a}, b {b}"
            );
        }
    }

    #[test]
    fn comments_and_scripts_are_no_tags() {
        let html = "<!-- <a {{ x }} --><p>{{ y }}</p><script>if (a<b) { c = \"{{ z }}\" }</script><p>{{ w }}</p>";
        assert!(template(html).is_some_and(|out| out.contains("{{ w }}")));
    }
}
