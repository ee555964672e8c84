//! The `<head>` of each page: title, description, canonical link, Open Graph and Twitter
//! card tags, so a shared link shows its headline and picture, and structured data for
//! search engines. In the browser the tags are replaced per page; in the prerender they
//! are collected and written into the page's HTML (`head_html`).
//!
//! Written by hand rather than with leptos_meta: a page sets its dozen tags once per visit
//! and never changes them while it shows, which needs no reactive view per tag. leptos_meta
//! cost about 4 KB of the brotli wasm and left about 50 bytes of wasm memory behind on every
//! page change (docs/perf.md, "Size" and "Memory"); this is a list of tags and a loop.

use std::cell::Cell;

use leptos::prelude::*;

use crate::config;

/// The site's name, after every page title and alone when a page has none.
const SITE: &str = "Tidende";

/// What a page says about itself in the `<head>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// The page's absolute URL.
    pub url: String,
    /// An absolute image URL for link previews.
    pub image: Option<String>,
    /// Open Graph type: "website" or "article".
    pub kind: &'static str,
    /// RFC 3339, for `article:published_time`.
    pub published: Option<String>,
    /// RFC 3339, for `article:modified_time`.
    pub modified: Option<String>,
    /// Keep the page out of search engines (the 404 page).
    pub noindex: bool,
    /// schema.org JSON-LD, already safe inside `<script>` (json_ld.rs).
    pub json_ld: Option<String>,
}

/// One element of the `<head>`: `<meta {key_attr}="{key}" content="{value}">`,
/// `<link rel="{key}" href="{value}">`, or `<script type="{key}">{value}</script>` (an empty
/// `value_attr`: the value is the element's text).
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub element: &'static str,
    pub key_attr: &'static str,
    pub key: &'static str,
    pub value_attr: &'static str,
    pub value: String,
}

impl Tag {
    fn meta(key_attr: &'static str, key: &'static str, value: impl Into<String>) -> Self {
        Self {
            element: "meta",
            key_attr,
            key,
            value_attr: "content",
            value: value.into(),
        }
    }
}

impl Head {
    /// The document title: "{title} – Tidende", or the site's name alone.
    pub fn full_title(&self) -> String {
        if self.title.trim().is_empty() {
            SITE.to_string()
        } else {
            format!("{} – {SITE}", self.title)
        }
    }

    /// Every tag the page needs, in the order they are added.
    pub fn tags(&self) -> Vec<Tag> {
        let card = if self.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        let mut tags = vec![
            Tag::meta("name", "description", &self.description),
            Tag {
                element: "link",
                key_attr: "rel",
                key: "canonical",
                value_attr: "href",
                value: self.url.clone(),
            },
            Tag::meta("property", "og:site_name", SITE),
            Tag::meta("property", "og:locale", "da_DK"),
            Tag::meta("property", "og:type", self.kind),
            Tag::meta("property", "og:title", &self.title),
            Tag::meta("property", "og:description", &self.description),
            Tag::meta("property", "og:url", &self.url),
            Tag::meta("name", "twitter:card", card),
            Tag::meta("name", "twitter:title", &self.title),
            Tag::meta("name", "twitter:description", &self.description),
        ];
        if let Some(image) = &self.image {
            tags.push(Tag::meta("property", "og:image", image));
            tags.push(Tag::meta("name", "twitter:image", image));
        }
        if let Some(published) = &self.published {
            tags.push(Tag::meta("property", "article:published_time", published));
        }
        if let Some(modified) = &self.modified {
            tags.push(Tag::meta("property", "article:modified_time", modified));
        }
        if self.noindex {
            tags.push(Tag::meta("name", "robots", "noindex"));
        }
        if let Some(json_ld) = &self.json_ld {
            tags.push(Tag {
                element: "script",
                key_attr: "type",
                key: "application/ld+json",
                value_attr: "",
                value: json_ld.clone(),
            });
        }
        tags
    }
}

/// Marks the elements a page added, so the next page can replace them.
pub const MARK: &str = "data-page-head";

/// The title and tags as HTML for the `<head>` of a prerendered page, marked like the
/// ones the app adds, so the app replaces them on its first navigation.
pub fn head_html(title: &str, tags: &[Tag]) -> String {
    let mut html = format!("<title>{}</title>", escape(title));
    for tag in tags {
        if tag.value_attr.is_empty() {
            // JSON-LD: made script-safe where it was written (json_ld.rs).
            html.push_str(&format!(
                "<{el} {MARK} {k}=\"{key}\">{value}</{el}>",
                el = tag.element,
                k = tag.key_attr,
                key = escape(tag.key),
                value = tag.value,
            ));
        } else {
            html.push_str(&format!(
                "<{el} {MARK} {k}=\"{key}\" {v}=\"{value}\">",
                el = tag.element,
                k = tag.key_attr,
                key = escape(tag.key),
                v = tag.value_attr,
                value = escape(&tag.value),
            ));
        }
    }
    html
}

/// Text for an HTML attribute value or element. By hand: five characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

thread_local! {
    /// Which page's tags are in the `<head>`: a page leaving must not remove the tags of
    /// the page that replaced it, whichever of the two the router handles first.
    static CURRENT: Cell<u32> = const { Cell::new(0) };
}

/// Sets the `<head>` for the page being rendered, and clears it when that page goes.
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    /// The route path: "/artikel/…".
    path: String,
    #[prop(default = None)] image: Option<String>,
    #[prop(default = "website")] kind: &'static str,
    #[prop(default = None)] published: Option<String>,
    #[prop(default = None)] modified: Option<String>,
    #[prop(optional)] noindex: bool,
    #[prop(default = None)] json_ld: Option<String>,
) -> impl IntoView {
    let head = Head {
        title,
        description,
        url: config::page_url(&path),
        image,
        kind,
        published,
        modified,
        noindex,
        json_ld,
    };
    let generation = CURRENT.get().wrapping_add(1);
    CURRENT.set(generation);
    dom::apply(&head.full_title(), &head.tags());
    on_cleanup(move || {
        if CURRENT.get() == generation {
            dom::apply(SITE, &[]);
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use super::{Tag, MARK};

    thread_local! {
        static TAKEN_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Replaces the tags the previous page added with `tags`, and sets the title.
    pub fn apply(title: &str, tags: &[Tag]) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        document.set_title(title);
        let Some(head) = document.head() else {
            return;
        };
        // The structured data the prerender wrote stays while its page shows (the app does
        // not write it: pages/json_ld.rs), so the first page's goes at the first navigation.
        let selector = if TAKEN_OVER.replace(true) {
            format!("[{MARK}]")
        } else {
            format!("[{MARK}]:not([type=\"application/ld+json\"])")
        };
        while let Ok(Some(old)) = head.query_selector(&selector) {
            old.remove();
        }
        for tag in tags {
            let Ok(element) = document.create_element(tag.element) else {
                continue;
            };
            let _ = element.set_attribute(MARK, "");
            let _ = element.set_attribute(tag.key_attr, tag.key);
            if tag.value_attr.is_empty() {
                element.set_text_content(Some(&tag.value));
            } else {
                let _ = element.set_attribute(tag.value_attr, &tag.value);
            }
            let _ = head.append_child(&element);
        }
    }
}

/// Natively the page's head is kept for the prerender, which writes it into the HTML.
#[cfg(not(target_arch = "wasm32"))]
mod dom {
    use std::cell::RefCell;

    use super::Tag;

    thread_local! {
        static RENDERED: RefCell<Option<(String, Vec<Tag>)>> = const { RefCell::new(None) };
    }

    pub fn apply(title: &str, tags: &[Tag]) {
        RENDERED.set(Some((title.to_string(), tags.to_vec())));
    }

    /// The title and tags of the page rendered last, taken.
    pub fn take() -> Option<(String, Vec<Tag>)> {
        RENDERED.take()
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use dom::take as take_rendered_head;

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Head {
        Head {
            title: "Efter skuffende salg: Nokia sælger".into(),
            description: "Nokia har solgt Withings.".into(),
            url: "https://tidende.dk/artikel/nokia".into(),
            image: Some("https://tidende.dk/api/media/nokia.svg".into()),
            kind: "article",
            published: Some("2018-05-31T08:14:00Z".into()),
            modified: None,
            noindex: false,
            json_ld: Some(r#"{"@type":"NewsArticle"}"#.into()),
        }
    }

    fn value<'a>(tags: &'a [Tag], key: &str) -> Option<&'a str> {
        tags.iter().find(|t| t.key == key).map(|t| t.value.as_str())
    }

    #[test]
    fn the_title_names_the_page_then_the_site() {
        assert_eq!(
            article().full_title(),
            "Efter skuffende salg: Nokia sælger – Tidende"
        );
        assert_eq!(Head::default().full_title(), "Tidende");
    }

    #[test]
    fn an_article_has_its_card_image_and_publication_time() {
        let tags = article().tags();
        assert_eq!(value(&tags, "og:type"), Some("article"));
        assert_eq!(value(&tags, "twitter:card"), Some("summary_large_image"));
        assert_eq!(
            value(&tags, "og:image"),
            Some("https://tidende.dk/api/media/nokia.svg")
        );
        assert_eq!(
            value(&tags, "article:published_time"),
            Some("2018-05-31T08:14:00Z")
        );
        assert_eq!(
            value(&tags, "canonical"),
            Some("https://tidende.dk/artikel/nokia")
        );
        assert_eq!(value(&tags, "robots"), None);
        // One of each: a key twice would leave crawlers to pick one.
        let mut keys: Vec<_> = tags.iter().map(|t| t.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), tags.len());
    }

    #[test]
    fn a_page_without_image_gets_the_small_card_and_no_image_tags() {
        let head = Head {
            image: None,
            published: None,
            kind: "website",
            noindex: true,
            ..article()
        };
        let tags = head.tags();
        assert_eq!(value(&tags, "twitter:card"), Some("summary"));
        assert_eq!(value(&tags, "og:image"), None);
        assert_eq!(value(&tags, "article:published_time"), None);
        assert_eq!(value(&tags, "robots"), Some("noindex"));
    }

    #[test]
    fn the_prerendered_head_escapes_what_it_writes() {
        let head = Head {
            title: "Nokia & \"Withings\" <b>".into(),
            ..article()
        };
        let html = head_html(&head.full_title(), &head.tags());
        assert!(
            html.starts_with("<title>Nokia &amp; &quot;Withings&quot; &lt;b&gt; – Tidende</title>")
        );
        assert!(html.contains(
            r#"<meta data-page-head property="og:title" content="Nokia &amp; &quot;Withings&quot; &lt;b&gt;">"#
        ));
        assert!(html.contains(
            r#"<link data-page-head rel="canonical" href="https://tidende.dk/artikel/nokia">"#
        ));
        assert!(html.contains(
            r#"<script data-page-head type="application/ld+json">{"@type":"NewsArticle"}</script>"#
        ));
        assert!(!html.contains("<b>"));
    }
}
