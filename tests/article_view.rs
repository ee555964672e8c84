//! Browser tests of the article view: the seed article as the seed page shows it, and
//! hostile content rendered harmless.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{doc, mount_in_site, text_of};
use tidende::components::article_view::ArticleView;
use tidende::model::Article;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str =
    include_str!("../public/api/articles/nokia-saelger-milliard-satsning-withings.json");

#[wasm_bindgen_test]
async fn renders_the_seed_article_as_the_seed_page_shows_it() {
    let article: Article = doc(SEED);
    let page = mount_in_site(move || view_article(article)).await;
    assert_eq!(
        page.text("article h1"),
        "Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid"
    );
    assert!(page
        .text(".article__lead")
        .starts_with("Et milliard-opkøb af en fransk iot-virksomhed"));
    assert_eq!(page.text(".kicker"), "Mobil");
    assert_eq!(
        page.text(".article-body h2"),
        "Tidligere Samsung-chef ryger ud"
    );
    assert_eq!(
        page.text(".source-line"),
        "Det skriver nyhedsbureauet Reuters."
    );
    let reads = page.all(".read-also a");
    assert_eq!(reads.len(), 2);
    assert_eq!(
        reads[0].get_attribute("href").as_deref(),
        Some("/artikel/nokias-nye-fremtid-globalt-iot-netvaerk")
    );
    assert_eq!(
        text_of(&page.all(".read-also")[0]),
        "Læs også: Er dette Nokias nye fremtid? Er på trapperne med globalt sammenbundet IoT-netværk"
    );
    let time = page.query(".article__times time").expect("a time element");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2018-05-31T10:14:00+02:00")
    );
    assert_eq!(text_of(&time), "31. maj 2018 kl. 10.14");
    assert!(page.text(".article__times").contains("Læsetid"));
    let img = page.query(".article__image img").expect("the top image");
    for attr in ["width", "height", "alt"] {
        assert!(
            img.get_attribute(attr).is_some_and(|v| !v.is_empty()),
            "top image lacks {attr}"
        );
    }
    assert_eq!(img.get_attribute("loading").as_deref(), Some("eager"));
    assert!(page.query(".article__image figcaption").is_some());
    assert!(page.text(".article__byline").starts_with("Af "));
    assert_eq!(page.all(".tags .tag").len(), 4);
    assert_eq!(page.all("h1").len(), 1);
}

fn view_article(article: Article) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    view! { <ArticleView article /> }
}

#[wasm_bindgen_test]
async fn markup_in_text_is_shown_as_text() {
    let hostile = SEED
        .replace(
            "Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid",
            "<script>window.__pwned = 1</script><img src=x onerror=alert(1)>",
        )
        .replace("Tidligere Samsung-chef ryger ud", "<b>fed</b> overskrift");
    let article: Article = doc(&hostile);
    let page = mount_in_site(move || view_article(article)).await;
    assert_eq!(
        page.text("article h1"),
        "<script>window.__pwned = 1</script><img src=x onerror=alert(1)>"
    );
    assert_eq!(page.text(".article-body h2"), "<b>fed</b> overskrift");
    assert!(page.query("article script").is_none());
    assert!(page.query("article h1 img, article h2 b").is_none());
}

#[wasm_bindgen_test]
async fn a_javascript_link_is_not_a_link() {
    let hostile = SEED.replace(
        "https://www.withings.com/",
        "javascript:alert(document.domain)",
    );
    assert!(
        hostile.contains("javascript:"),
        "the seed has a link to replace"
    );
    let article: Article = doc(&hostile);
    let page = mount_in_site(move || view_article(article)).await;
    assert!(
        page.text(".article-body").contains("Withings"),
        "the link text stays"
    );
    for a in page.all("a") {
        let href = a.get_attribute("href").unwrap_or_default();
        assert!(
            !href.to_lowercase().contains("javascript:"),
            "rendered {href}"
        );
    }
}

#[wasm_bindgen_test]
async fn unknown_blocks_are_skipped_and_the_rest_renders() {
    let with_unknown = SEED.replacen(
        r#""body": ["#,
        r#""body": [{"_type": "video", "src": "x"}, {"_type": "paragraph"},"#,
        1,
    );
    let article: Article = doc(&with_unknown);
    let page = mount_in_site(move || view_article(article)).await;
    assert_eq!(
        page.all(".article-body > p:not(.read-also):not(.source-line)")
            .len(),
        7
    );
}
