//! The pages helder writes, read by a real HTML5 parser (html5ever) into a
//! small tree, so that a test can ask for "the rows of this table" instead
//! of matching strings.
//!
//! Selectors are single compound selectors: a tag name, `.class`, `#id` and
//! `[attr]` / `[attr=value]` in any combination, e.g. `article.article` or
//! `section[data-part=bijlage-1]`. Combine them by chaining calls.

use super::fold;

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

/// Parses a whole page with html5ever, the HTML5 parser of Servo, as a
/// browser would (implied `<tbody>`, `<head>` and `<body>` included); the
/// result is a `#document` element around it.
pub fn parse(html: &str) -> Element {
    let document = scraper::Html::parse_document(html);
    let mut root = Element {
        name: "#document".into(),
        attrs: Vec::new(),
        children: Vec::new(),
    };
    for child in document.tree.root().children() {
        push(&mut root, child);
    }
    root
}

/// Adds the node (and what it holds) to `parent`'s children.
fn push(parent: &mut Element, node: ego_tree::NodeRef<scraper::Node>) {
    match node.value() {
        scraper::Node::Element(e) => {
            let mut element = Element {
                name: e.name().to_string(),
                attrs: e
                    .attrs()
                    .map(|(n, v)| (n.to_string(), v.to_string()))
                    .collect(),
                children: Vec::new(),
            };
            for child in node.children() {
                push(&mut element, child);
            }
            parent.children.push(Node::Element(element));
        }
        scraper::Node::Text(t) => parent.children.push(Node::Text(t.to_string())),
        _ => {}
    }
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn id(&self) -> Option<&str> {
        self.attr("id")
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
    }

    /// Whether this element matches a compound selector such as `li.item#x[lang=nl]`.
    pub fn matches(&self, selector: &str) -> bool {
        let mut rest = selector;
        let tag_end = rest.find(['.', '#', '[']).unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        if !tag.is_empty() && tag != "*" && !tag.eq_ignore_ascii_case(&self.name) {
            return false;
        }
        rest = &rest[tag_end..];
        while !rest.is_empty() {
            if let Some(attr) = rest.strip_prefix('[') {
                let (inside, after) = attr
                    .split_once(']')
                    .unwrap_or_else(|| panic!("unclosed [ in selector {selector:?}"));
                let ok = match inside.split_once('=') {
                    Some((name, value)) => self.attr(name) == Some(value.trim_matches('"')),
                    None => self.attr(inside).is_some(),
                };
                if !ok {
                    return false;
                }
                rest = after;
            } else {
                let kind = &rest[..1];
                let body = &rest[1..];
                let end = body.find(['.', '#', '[']).unwrap_or(body.len());
                let ok = match kind {
                    "." => self.has_class(&body[..end]),
                    "#" => self.id() == Some(&body[..end]),
                    _ => panic!("bad selector {selector:?}"),
                };
                if !ok {
                    return false;
                }
                rest = &body[end..];
            }
        }
        true
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The child elements matching `selector`.
    pub fn children_matching(&self, selector: &str) -> Vec<&Element> {
        self.elements().filter(|e| e.matches(selector)).collect()
    }

    /// Every element below this one, in document order.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        fn walk<'a>(element: &'a Element, out: &mut Vec<&'a Element>) {
            for child in element.elements() {
                out.push(child);
                walk(child, out);
            }
        }
        walk(self, &mut out);
        out
    }

    /// Every element below this one matching `selector`, in document order.
    pub fn select(&self, selector: &str) -> Vec<&Element> {
        self.descendants()
            .into_iter()
            .filter(|e| e.matches(selector))
            .collect()
    }

    /// The one element below this one matching `selector`; panics unless
    /// there is exactly one.
    pub fn one(&self, selector: &str) -> &Element {
        let found = self.select(selector);
        assert_eq!(
            found.len(),
            1,
            "expected exactly one {selector:?} in <{}>, found {}",
            self.name,
            found.len()
        );
        found[0]
    }

    /// The first element below this one matching `selector`, if any.
    pub fn first(&self, selector: &str) -> Option<&Element> {
        self.descendants().into_iter().find(|e| e.matches(selector))
    }

    /// The ids of the elements below this one, in document order, repeats
    /// kept.
    pub fn ids(&self) -> Vec<&str> {
        self.descendants()
            .into_iter()
            .filter_map(Element::id)
            .collect()
    }

    /// Whether an element below this one carries `id`.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids().contains(&id)
    }

    /// The part of the page a heading opens: the heading (`h1`–`h6`) with
    /// this id and the nodes after it in its parent, up to the first one
    /// that is or holds a heading of the same or a higher rank. None when no
    /// heading has the id.
    pub fn section(&self, id: &str) -> Option<Element> {
        let heading = self
            .descendants()
            .into_iter()
            .find(|e| e.id() == Some(id) && e.heading_rank().is_some())?;
        let rank = heading.heading_rank();
        let parent = std::iter::once(self)
            .chain(self.descendants())
            .find(|p| p.elements().any(|c| std::ptr::eq(c, heading)))?;
        let at = parent
            .children
            .iter()
            .position(|node| matches!(node, Node::Element(e) if std::ptr::eq(e, heading)))?;
        let next_heading = |node: &&Node| match node {
            Node::Element(e) => std::iter::once(e)
                .chain(e.descendants())
                .any(|d| d.heading_rank().is_some_and(|r| Some(r) <= rank)),
            Node::Text(_) => false,
        };
        let mut children = vec![parent.children[at].clone()];
        children.extend(
            parent.children[at + 1..]
                .iter()
                .take_while(|node| !next_heading(node))
                .cloned(),
        );
        Some(Element {
            name: "#section".into(),
            attrs: Vec::new(),
            children,
        })
    }

    /// 1 for `h1` up to 6 for `h6`; None for any other element.
    fn heading_rank(&self) -> Option<u8> {
        match self.name.as_bytes() {
            [b'h', n @ b'1'..=b'6'] => Some(n - b'0'),
            _ => None,
        }
    }

    /// Each term (`dt`) below this element with the text of its description:
    /// the `dd` that comes next in the page, or "" when another `dt` comes
    /// first.
    pub fn terms(&self) -> Vec<(String, String)> {
        let all = self.descendants();
        all.iter()
            .enumerate()
            .filter(|(_, e)| e.name == "dt")
            .map(|(n, dt)| {
                let description = all[n + 1..]
                    .iter()
                    .find(|e| e.name == "dd" || e.name == "dt")
                    .filter(|e| e.name == "dd")
                    .map(|dd| dd.text())
                    .unwrap_or_default();
                (dt.text(), description)
            })
            .collect()
    }

    /// The visible text, whitespace folded: element boundaries count as
    /// spaces, as `common::text` does for a whole page.
    pub fn text(&self) -> String {
        let mut out = String::new();
        fn walk(element: &Element, out: &mut String) {
            for child in &element.children {
                match child {
                    Node::Text(text) => out.push_str(text),
                    Node::Element(e) => {
                        out.push(' ');
                        walk(e, out);
                        out.push(' ');
                    }
                }
            }
        }
        walk(self, &mut out);
        fold(&out)
    }

    /// The text of the element's own text children, without that of its
    /// child elements: "Naam" for `<li>Naam <span>(detail)</span></li>`.
    pub fn own_text(&self) -> String {
        let own: Vec<&str> = self
            .children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect();
        fold(&own.join(" "))
    }

    /// The rows of the `<tbody>` of a table, each as the text of its cells
    /// (`th` and `td`), in order.
    pub fn body_rows(&self) -> Vec<Vec<String>> {
        let tbody = self.one("tbody");
        tbody
            .children_matching("tr")
            .into_iter()
            .map(|row| {
                row.elements()
                    .filter(|cell| cell.matches("th") || cell.matches("td"))
                    .map(Element::text)
                    .collect()
            })
            .collect()
    }

    /// The header cells of the `<thead>` of a table.
    pub fn head_cells(&self) -> Vec<String> {
        self.one("thead")
            .select("th")
            .into_iter()
            .map(Element::text)
            .collect()
    }
}

/// Where a link on the page at `page` (relative to the output folder, e.g.
/// `de-mieden/index.html`) leads, as a path relative to the output folder,
/// without its `?query`; a folder link gets its `index.html`. None for links
/// to other hosts (`https:`, `mailto:`, …), for links within the page (`#…`)
/// and for links that climb out of the output folder.
pub fn resolve_link(page: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    if href.is_empty() || href.contains(':') || href.starts_with("//") {
        return None;
    }
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        let mut parts: Vec<&str> = page.split('/').collect();
        parts.pop(); // the page's own file name
        parts
    };
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || path.is_empty() {
        path = if path.is_empty() {
            "index.html".into()
        } else {
            format!("{path}/index.html")
        };
    }
    Some(path)
}
