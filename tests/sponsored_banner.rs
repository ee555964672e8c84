//! Browser tests of the sponsored banner: always labelled, always `rel="sponsored"`.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use support::{doc, mount_in_site};
use tidende::components::sponsored::{SponsoredBanner, SponsoredFrame};
use tidende::model::{decode, SponsoredItem};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DE_CIX: &str = include_str!("../public/api/sponsored/current.json");

fn banner(item: SponsoredItem) -> impl IntoView {
    view! { <SponsoredFrame><SponsoredBanner item /></SponsoredFrame> }
}

#[wasm_bindgen_test]
async fn is_labelled_as_advertising_and_links_as_sponsored() {
    let item: SponsoredItem = doc(DE_CIX);
    let page = mount_in_site(move || banner(item)).await;
    assert_eq!(page.text(".sponsored__label"), "Annonce");
    assert_eq!(page.text(".sponsored__from"), "Annonceindlæg fra DE-CIX");
    assert_eq!(
        page.text(".sponsored__headline"),
        "Opbygning af en ny netværksstrategi for virksomheder"
    );
    let link = page.query(".sponsored a").expect("a link");
    let rel = link.get_attribute("rel").unwrap_or_default();
    assert!(rel.split(' ').any(|r| r == "sponsored"), "rel={rel}");
    assert!(rel.split(' ').any(|r| r == "noopener"), "rel={rel}");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.de-cix.net/da/")
    );
    // The region is named by its label, so assistive technology announces it as an ad.
    let section = page.query("section.sponsored").expect("the frame");
    assert_eq!(
        section.get_attribute("aria-labelledby").as_deref(),
        Some("sponsored-label")
    );
}

#[wasm_bindgen_test]
async fn markup_from_the_advertiser_is_text() {
    let item: SponsoredItem = doc(&DE_CIX.replace("DE-CIX", "<script>alert(1)</script>"));
    let page = mount_in_site(move || banner(item)).await;
    assert_eq!(
        page.text(".sponsored__from"),
        "Annonceindlæg fra <script>alert(1)</script>"
    );
    assert!(page.query(".sponsored script").is_none());
}

#[wasm_bindgen_test]
fn a_script_or_site_link_is_refused_before_it_can_render() {
    for url in ["javascript:alert(1)", "/artikel/x", "data:text/html,x"] {
        let json = DE_CIX.replace("https://www.de-cix.net/da/", url);
        let err = decode::<SponsoredItem>(json.as_bytes()).expect_err(url);
        assert_eq!(err.path, "url", "{url}");
    }
}
