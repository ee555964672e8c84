//! Browser tests of the "Læs også" sidebar.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use support::{doc, mount_in_site};
use tidende::components::teaser::RelatedReads;
use tidende::model::RelatedReads as RelatedDoc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RELATED: &str =
    include_str!("../public/api/related/nokia-saelger-milliard-satsning-withings.json");

#[wasm_bindgen_test]
async fn lists_client_side_links_with_picture_and_time() {
    let related: RelatedDoc = doc(RELATED);
    let teasers: Vec<_> = related.teasers().cloned().collect();
    let count = teasers.len();
    let page = mount_in_site(move || view! { <RelatedReads teasers /> }).await;
    let items = page.all(".related-item");
    assert_eq!(items.len(), count);
    let link = page.query(".related-item a").expect("a link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/artikel/nokias-nye-fremtid-globalt-iot-netvaerk")
    );
    assert!(page.query(".related-item time[datetime]").is_some());
    let img = page.query(".related-item img").expect("a picture");
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert!(img.get_attribute("width").is_some() && img.get_attribute("height").is_some());
}

#[wasm_bindgen_test]
async fn no_related_reads_says_so() {
    let page = mount_in_site(|| view! { <RelatedReads teasers=Vec::new() /> }).await;
    assert_eq!(
        page.text(".region__empty"),
        "Der er ingen relaterede artikler."
    );
}

#[wasm_bindgen_test]
async fn fresh_news_says_today_once_the_app_runs() {
    // Rendered as the full date (what a prerendered page carries), then told the time.
    let now = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .expect("an ISO date");
    let related: RelatedDoc = doc(&RELATED.replacen("2018-04-18T12:30:00+02:00", &now, 1));
    let teasers: Vec<_> = related.teasers().cloned().collect();
    let page = mount_in_site(move || view! { <RelatedReads teasers /> }).await;
    let first = page
        .query(".related-item time[data-relative]")
        .expect("a list time");
    assert!(
        !support::text_of(&first).starts_with("i dag"),
        "the full date first"
    );
    tidende::components::time::relativize();
    let today =
        support::wait_until(2_000, || support::text_of(&first).starts_with("i dag kl. ")).await;
    assert!(today, "then \"i dag\": {}", support::text_of(&first));
}
