//! Structured data for search engines (schema.org as JSON-LD in the `<head>`): a
//! `NewsArticle` for each article, a `WebSite` for the front page. Pure functions of the
//! article and its absolute URLs, so native tests cover them; written with the app's own
//! JSON (src/json.rs), made safe inside `<script>` as the data blocks are.

use crate::handover::script_safe;
use crate::json::{Map, Number, Value};
use crate::model::Article;

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
    let mut data = schema("NewsArticle");
    text(&mut data, "headline", article.headline.as_str());
    text(&mut data, "datePublished", article.published.as_rfc3339());
    text(&mut data, "dateModified", modified.as_rfc3339());
    text(&mut data, "inLanguage", "da");
    let mut page = typed("WebPage");
    text(&mut page, "@id", url);
    data.insert("mainEntityOfPage".into(), Value::Object(page));
    text(&mut data, "url", url);
    if let Some(description) = article.summary() {
        text(&mut data, "description", description);
    }
    if let (Some(src), Some(meta)) = (image, &article.image) {
        let mut picture = typed("ImageObject");
        text(&mut picture, "url", src);
        picture.insert("width".into(), Value::Number(Number::from(u64::from(meta.width))));
        picture.insert("height".into(), Value::Number(Number::from(u64::from(meta.height))));
        data.insert("image".into(), Value::Array(vec![Value::Object(picture)]));
    }
    let mut authors: Vec<Value> = article
        .authors
        .iter()
        .map(|a| {
            let mut person = typed("Person");
            text(&mut person, "name", a.name.as_str());
            Value::Object(person)
        })
        .collect();
    // Agency copy has no byline: the publisher stands for it.
    if authors.is_empty() {
        authors.push(Value::Object(publisher()));
    }
    data.insert("author".into(), Value::Array(authors));
    let mut logo_object = typed("ImageObject");
    text(&mut logo_object, "url", logo);
    let mut publisher = publisher();
    publisher.insert("logo".into(), Value::Object(logo_object));
    data.insert("publisher".into(), Value::Object(publisher));
    if let Some(section) = article.section.as_deref().filter(|s| !s.trim().is_empty()) {
        text(&mut data, "articleSection", section);
    }
    if !article.tags.is_empty() {
        text(&mut data, "keywords", &article.tags.join(", "));
    }
    script_safe(&Value::Object(data).to_json())
}

/// The site as a `WebSite`, for the front page.
pub fn website(url: &str, description: &str) -> String {
    let mut data = schema("WebSite");
    text(&mut data, "name", PUBLISHER);
    text(&mut data, "url", url);
    text(&mut data, "inLanguage", "da");
    text(&mut data, "description", description);
    script_safe(&Value::Object(data).to_json())
}

fn text(object: &mut Map, key: &str, value: &str) {
    object.insert(key.into(), Value::String(value.into()));
}

fn typed(kind: &str) -> Map {
    let mut object = Map::new();
    text(&mut object, "@type", kind);
    object
}

fn schema(kind: &str) -> Map {
    let mut object = Map::new();
    text(&mut object, "@context", "https://schema.org");
    text(&mut object, "@type", kind);
    object
}

fn publisher() -> Map {
    let mut organization = typed("Organization");
    text(&mut organization, "name", PUBLISHER);
    organization
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
