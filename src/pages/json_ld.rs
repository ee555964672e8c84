//! Structured data for search engines (schema.org as JSON-LD in the `<head>`): a
//! `NewsArticle` for each article, a `WebSite` for the front page. Pure functions of the
//! article and its absolute URLs, so native tests cover them.

use crate::handover::script_safe;
use crate::json;
use crate::model::Article;

/// Whether structured data is written: by the prerender, into the page as served, which is
/// what search engines read. The app does not write it again after a navigation (and the
/// wasm does not carry this module's code: about 0.4 KB of the 150 KB budget).
pub const WRITTEN: bool = cfg!(not(target_arch = "wasm32"));

/// Who publishes every article.
const PUBLISHER: &str = "Tidende";

/// The article as a `NewsArticle`: `url` is its page, `image` its top image, `logo` the
/// publisher's, all absolute.
pub fn news_article(article: &Article, url: &str, image: Option<&str>, logo: &str) -> String {
    let modified = article
        .updated
        .as_ref()
        .filter(|u| u.unix_seconds() > article.published.unix_seconds())
        .unwrap_or(&article.published);
    let mut data = Object::schema("NewsArticle");
    data.text("headline", article.headline.as_str())
        .text("datePublished", article.published.as_rfc3339())
        .text("dateModified", modified.as_rfc3339())
        .text("inLanguage", "da")
        .raw(
            "mainEntityOfPage",
            &Object::typed("WebPage").text("@id", url).end(),
        )
        .text("url", url);
    if let Some(description) = article.summary() {
        data.text("description", description);
    }
    if let (Some(src), Some(meta)) = (image, &article.image) {
        let mut picture = Object::typed("ImageObject");
        picture
            .text("url", src)
            .number("width", meta.width.into())
            .number("height", meta.height.into());
        data.raw("image", &format!("[{}]", picture.end()));
    }
    let authors: Vec<String> = article
        .authors
        .iter()
        .map(|a| Object::typed("Person").text("name", a.name.as_str()).end())
        .collect();
    // Agency copy has no byline: the publisher stands for it.
    let author = if authors.is_empty() {
        Object::typed("Organization").text("name", PUBLISHER).end()
    } else {
        authors.join(",")
    };
    data.raw("author", &format!("[{author}]"));
    let logo = Object::typed("ImageObject").text("url", logo).end();
    data.raw(
        "publisher",
        &Object::typed("Organization")
            .text("name", PUBLISHER)
            .raw("logo", &logo)
            .end(),
    );
    if let Some(section) = &article.section {
        data.text("articleSection", &section.name);
    }
    if !article.tags.is_empty() {
        let names: Vec<&str> = article.tags.iter().map(|t| t.name.as_str()).collect();
        data.text("keywords", &names.join(", "));
    }
    script_safe(&data.end())
}

/// The site as a `WebSite`, for the front page.
pub fn website(url: &str, description: &str) -> String {
    let json = Object::schema("WebSite")
        .text("name", PUBLISHER)
        .text("url", url)
        .text("inLanguage", "da")
        .text("description", description)
        .end();
    script_safe(&json)
}

/// A JSON object written field by field, with the app's JSON string writer (src/json.rs):
/// smaller in the wasm than building a `json::Value` tree for a dozen fields. What it
/// writes is made safe for the `<script>` element it goes into by `script_safe`.
struct Object(String);

impl Object {
    fn typed(kind: &str) -> Self {
        let mut o = Self(String::from("{"));
        o.text("@type", kind);
        o
    }

    fn schema(kind: &str) -> Self {
        let mut o = Self(String::from("{"));
        o.text("@context", "https://schema.org").text("@type", kind);
        o
    }

    fn key(&mut self, key: &str) -> &mut Self {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        json::write_string(key, &mut self.0);
        self.0.push(':');
        self
    }

    fn text(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        json::write_string(value, &mut self.0);
        self
    }

    fn number(&mut self, key: &str, value: u64) -> &mut Self {
        self.key(key).0.push_str(&value.to_string());
        self
    }

    /// A value already written as JSON.
    fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).0.push_str(json);
        self
    }

    fn end(&mut self) -> String {
        let mut out = std::mem::take(&mut self.0);
        out.push('}');
        out
    }
}

// Natively: they use the time crate's own parser, serde_json or the prerender side as references.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::decode;
    use serde_json::Value;

    fn seed() -> Article {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/api/articles/nokia-saelger-milliard-satsning-withings.json"
        ))
        .unwrap();
        decode::<Article>(&bytes).unwrap().value
    }

    #[test]
    fn the_seed_article_is_a_news_article_search_engines_accept() {
        let article = seed();
        let url = "https://tidende.example/artikel/nokia-saelger-milliard-satsning-withings";
        let text = news_article(
            &article,
            url,
            Some("https://tidende.example/api/media/nokia-withings.svg"),
            "https://tidende.example/favicon.svg",
        );
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(data["@type"], "NewsArticle");
        assert_eq!(data["headline"], article.headline.as_str());
        assert_eq!(data["mainEntityOfPage"]["@id"], url);
        assert_eq!(data["datePublished"], article.published.as_rfc3339());
        assert!(data["dateModified"].is_string());
        assert_eq!(data["publisher"]["name"], "Tidende");
        let image = &data["image"][0];
        assert_eq!(image["width"], article.image.as_ref().unwrap().width);
        assert!(image["height"].as_u64().unwrap() > 0);
        assert!(data["author"][0]["name"].is_string());
    }

    #[test]
    fn markup_in_a_headline_cannot_leave_the_script_element() {
        let mut article = seed();
        article.headline =
            crate::model::Text::new("</script><script>alert(1)</script> \"\\\n").unwrap();
        let text = news_article(&article, "https://x/", None, "https://x/l.svg");
        assert!(!text.contains("</script"));
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            data["headline"],
            "</script><script>alert(1)</script> \"\\\n"
        );
        assert!(data.get("image").is_none());
    }

    #[test]
    fn the_front_page_is_the_web_site() {
        let data: Value =
            serde_json::from_str(&website("https://tidende.example/", "Nyt.")).unwrap();
        assert_eq!(data["@type"], "WebSite");
        assert_eq!(data["url"], "https://tidende.example/");
    }
}
