//! The site's RSS 2.0 feed (`feed.xml`): the newest articles, each with its link, guid,
//! date, description, a category per tag, and its top image as an enclosure. Written by
//! the prerender from the documents it rendered the pages from; pure, so native tests
//! check it.

use time::OffsetDateTime;

use super::xml::{escape, rfc822};

/// How many articles the feed carries.
pub const FEED_ITEMS: usize = 50;

pub struct Channel<'a> {
    pub title: &'a str,
    /// The site's front page, absolute.
    pub link: &'a str,
    pub description: &'a str,
    /// The feed's own absolute URL (atom:link rel=self, which validators ask for).
    pub self_url: &'a str,
}

pub struct Item {
    /// The article's page, absolute: the link and the guid.
    pub url: String,
    pub title: String,
    pub published: OffsetDateTime,
    pub description: Option<String>,
    pub categories: Vec<String>,
    pub enclosure: Option<Enclosure>,
}

pub struct Enclosure {
    pub url: String,
    /// In bytes; 0 when unknown (a backend's media the build did not fetch).
    pub length: u64,
    pub mime: &'static str,
}

/// The media type of an image by its file name, for an enclosure.
pub fn image_type(url: &str) -> Option<&'static str> {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let ext = path.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        _ => return None,
    })
}

/// The feed: `items` newest first (at most `FEED_ITEMS` are written), `built` its date.
pub fn rss(channel: &Channel, items: &[Item], built: OffsetDateTime) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    element(&mut out, 1, "title", channel.title);
    element(&mut out, 1, "link", channel.link);
    element(&mut out, 1, "description", channel.description);
    element(&mut out, 1, "language", "da");
    element(&mut out, 1, "lastBuildDate", &rfc822(built));
    out.push_str(&format!(
        "  <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(channel.self_url)
    ));
    for item in items.iter().take(FEED_ITEMS) {
        out.push_str("  <item>\n");
        element(&mut out, 2, "title", &item.title);
        element(&mut out, 2, "link", &item.url);
        out.push_str(&format!(
            "    <guid isPermaLink=\"true\">{}</guid>\n",
            escape(&item.url)
        ));
        element(&mut out, 2, "pubDate", &rfc822(item.published));
        if let Some(description) = item.description.as_deref().filter(|d| !d.trim().is_empty()) {
            element(&mut out, 2, "description", description);
        }
        for category in item.categories.iter().filter(|c| !c.trim().is_empty()) {
            element(&mut out, 2, "category", category);
        }
        if let Some(e) = &item.enclosure {
            out.push_str(&format!(
                "    <enclosure url=\"{}\" length=\"{}\" type=\"{}\"/>\n",
                escape(&e.url),
                e.length,
                e.mime
            ));
        }
        out.push_str("  </item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn item(n: usize, title: &str) -> Item {
        Item {
            url: format!("https://tidende.example/artikel/a-{n}"),
            title: title.to_string(),
            published: Timestamp::parse("2018-05-31T10:14:00+02:00").unwrap().at(),
            description: Some("Et <milliard>-opkøb & mere".into()),
            categories: vec!["Nokia".into(), "IoT & 5G".into()],
            enclosure: Some(Enclosure {
                url: "https://tidende.example/api/media/x.svg?v=1&w=2".into(),
                length: 1164,
                mime: "image/svg+xml",
            }),
        }
    }

    const CHANNEL: Channel = Channel {
        title: "Tidende",
        link: "https://tidende.example/",
        description: "Nyheder om it i Danmark",
        self_url: "https://tidende.example/feed.xml",
    };

    #[test]
    fn the_feed_is_well_formed_rss_with_what_readers_need() {
        let items: Vec<Item> = (0..60)
            .map(|n| item(n, "Nokia sælger <Withings> & mere"))
            .collect();
        let built = Timestamp::parse("2026-12-01T12:00:00Z").unwrap().at();
        let xml = rss(&CHANNEL, &items, built);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let channel = doc.root_element().first_element_child().unwrap();
        assert_eq!(doc.root_element().attribute("version"), Some("2.0"));
        let items: Vec<_> = channel
            .children()
            .filter(|n| n.has_tag_name("item"))
            .collect();
        assert_eq!(items.len(), FEED_ITEMS, "the newest 50 only");
        let first = items[0];
        let text = |name: &str| {
            first
                .children()
                .find(|n| n.has_tag_name(name))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(
            text("title"),
            "Nokia sælger <Withings> & mere",
            "escaped, and read back as written"
        );
        assert_eq!(text("link"), "https://tidende.example/artikel/a-0");
        assert_eq!(text("guid"), text("link"));
        assert_eq!(text("pubDate"), "Thu, 31 May 2018 08:14:00 +0000");
        assert_eq!(text("description"), "Et <milliard>-opkøb & mere");
        let categories: Vec<_> = first
            .children()
            .filter(|n| n.has_tag_name("category"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(categories, ["Nokia", "IoT & 5G"]);
        let enclosure = first
            .children()
            .find(|n| n.has_tag_name("enclosure"))
            .unwrap();
        assert_eq!(
            enclosure.attribute("url"),
            Some("https://tidende.example/api/media/x.svg?v=1&w=2")
        );
        assert_eq!(enclosure.attribute("length"), Some("1164"));
        assert!(xml.contains("<lastBuildDate>Tue, 01 Dec 2026 12:00:00 +0000</lastBuildDate>"));
    }

    #[test]
    fn image_types_by_name() {
        assert_eq!(image_type("media/a.SVG"), Some("image/svg+xml"));
        assert_eq!(
            image_type("https://cdn.example/b.jpeg?w=200"),
            Some("image/jpeg")
        );
        assert_eq!(image_type("media/c"), None);
    }
}
