//! Browser tests of the people-news feed: an entry as the seed shows it, and "Vis flere".
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use support::{backend, doc, mount_in_site, mount_site_at, text_of, wait_until};
use tidende::components::people_news::PeopleNewsItem;
use tidende::model::PeopleNewsPage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PEOPLE: &str = include_str!("../public/api/people/1.json");

#[wasm_bindgen_test]
async fn an_entry_shows_person_title_company_start_and_label() {
    let feed: PeopleNewsPage = doc(PEOPLE);
    let entry = feed.entries().next().cloned().expect("an entry");
    let page = mount_in_site(move || view! { <PeopleNewsItem entry /> }).await;
    assert_eq!(page.text(".people-item__name"), "Søren Vindfelt Røn");
    assert_eq!(page.text(".people-item__label"), "Nyt job");
    assert_eq!(
        page.text(".people-item__role"),
        "Data & AI Consultant, Norriq Danmark A/S"
    );
    let start = page.query(".people-item__start time").expect("a time");
    assert_eq!(
        start.get_attribute("datetime").as_deref(),
        Some("2025-09-01")
    );
    assert_eq!(text_of(&start), "pr. 1. september 2025");
    assert!(page
        .text(".people-item__summary")
        .starts_with("Norriq Danmark A/S har pr. 1. september 2025 ansat Søren Vindfelt Røn"));
    assert_eq!(
        page.text(".people-item__previous"),
        "Kommer fra: Co-founder & CMO, DrinkSaver"
    );
}

#[wasm_bindgen_test]
async fn vis_flere_loads_the_next_page_until_there_is_none() {
    let page = mount_site_at("/navnenyt", backend("sample")).await;
    page.wait_for("main .people-list .people-item").await;
    assert_eq!(page.all("main .people-item").len(), 10);
    assert_eq!(
        page.text("main .load-more__count"),
        "Viser 10 af 34 navnenyheder"
    );
    for expected in [20, 30, 34] {
        page.click("main .load-more__button");
        let grew = wait_until(5_000, || page.all("main .people-item").len() == expected).await;
        assert!(
            grew,
            "expected {expected} entries, have {}",
            page.all("main .people-item").len()
        );
    }
    assert!(
        page.query("main .load-more__button").is_none(),
        "no button after the last page"
    );
    assert_eq!(
        page.text("main .load-more__count"),
        "Viser 34 af 34 navnenyheder"
    );
}

#[wasm_bindgen_test]
async fn a_failed_next_page_says_so_and_can_be_retried() {
    // The first page loads; every later page answers 500.
    let page = mount_site_at("/navnenyt", backend("mix/people~2:500")).await;
    page.wait_for("main .people-item").await;
    page.click("main .load-more__button");
    let error = page.wait_for("main .load-more .region-error").await;
    assert!(text_of(&error).starts_with("Flere navnenyheder kunne ikke hentes."));
    assert_eq!(page.text("main .load-more__button"), "Prøv igen");
    assert_eq!(
        page.all("main .people-item").len(),
        10,
        "what was shown stays"
    );
}
