//! Browser tests of failure in one region: it shows its error with "Prøv igen", and the
//! other regions of the page still show their content.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{backend, mount_site_at, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_PATH: &str = "/artikel/nokia-saelger-milliard-satsning-withings";

/// Mounts the seed article page with documents under `prefix` failing in `mode`, and
/// checks that exactly the region `failing` shows an error while `working` show content.
async fn only_one_region_fails(prefix: &str, mode: &str, failing: &str, working: &[&str]) {
    let page = mount_site_at(SEED_PATH, backend(&format!("mix/{prefix}:{mode}"))).await;
    let error = page.wait_for(&format!("{failing} .region-error")).await;
    assert!(
        text_of(&error).contains("kunne ikke vises"),
        "{}",
        text_of(&error)
    );
    assert!(
        error
            .query_selector("button")
            .unwrap()
            .is_some_and(|b| text_of(&b) == "Prøv igen"),
        "a retry button"
    );
    for selector in working {
        page.wait_for(selector).await;
    }
    assert_eq!(page.all(".region-error").len(), 1, "only {failing} failed");
}

#[wasm_bindgen_test]
async fn the_article_fails_alone() {
    only_one_region_fails(
        "articles",
        "500",
        "main",
        &[
            ".region--related .related-item",
            ".sponsored__headline",
            ".region--jobs .job-card",
            ".region--people-news .people-item",
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn related_reads_fail_alone() {
    only_one_region_fails(
        "related",
        "malformed",
        ".region--related",
        &["main article h1", ".sponsored__headline", ".job-card"],
    )
    .await;
}

#[wasm_bindgen_test]
async fn the_sponsored_banner_fails_alone() {
    only_one_region_fails(
        "sponsored",
        "wrong-type",
        ".sponsored",
        &[
            "main article h1",
            ".related-item",
            ".job-card",
            ".people-item",
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn job_cards_fail_alone() {
    only_one_region_fails(
        "jobs",
        "garbage",
        ".region--jobs",
        &[
            "main article h1",
            ".related-item",
            ".sponsored__headline",
            ".people-item",
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn people_news_fails_alone() {
    only_one_region_fails(
        "people",
        "404",
        ".region--people-news",
        &[
            "main article h1",
            ".related-item",
            ".sponsored__headline",
            ".job-card",
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_missing_article_is_a_not_found_page() {
    let page = mount_site_at("/artikel/findes-slet-ikke", backend("sample")).await;
    page.wait_for("main h1#not-found-title").await;
    assert_eq!(page.text("main h1"), "Artiklen findes ikke");
    page.wait_for(".job-card").await;
}
