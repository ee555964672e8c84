//! Browser tests of the job cards.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use support::{doc, mount_in_site, text_of};
use tidende::components::jobs::JobTeaser;
use tidende::model::JobPage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const JOBS: &str = include_str!("../public/api/jobs/1.json");

#[wasm_bindgen_test]
async fn shows_company_title_location_and_links() {
    let page_doc: JobPage = doc(JOBS);
    let jobs: Vec<_> = page_doc.entries().take(3).cloned().collect();
    let page = mount_in_site(move || view! { <JobTeaser jobs /> }).await;
    let cards = page.all(".job-card");
    assert_eq!(cards.len(), 3);
    let first = text_of(&cards[0]);
    for part in ["KMD A/S", "SAP-arkitekt", "Skåne"] {
        assert!(first.contains(part), "{first}");
    }
    assert!(text_of(&cards[1]).contains("Databaseadministrator med fokus på MS-SQL"));
    assert!(text_of(&cards[2]).contains("Linux Operations Engineer"));
    let title_link = cards[0]
        .query_selector(".job-card__title a")
        .unwrap()
        .expect("a title link");
    assert!(title_link
        .get_attribute("href")
        .unwrap_or_default()
        .starts_with("https://"));
    assert_eq!(
        page.query(".region__more a")
            .and_then(|a| a.get_attribute("href"))
            .as_deref(),
        Some("/job")
    );
}

#[wasm_bindgen_test]
async fn a_bad_job_link_drops_that_card_only() {
    let json = JOBS.replacen("https://job.tidende.dk/", "javascript:alert(1)//", 1);
    let page_doc: JobPage = doc(&json);
    let jobs: Vec<_> = page_doc.entries().cloned().collect();
    assert_eq!(jobs.len(), 7, "one of eight skipped");
    let page = mount_in_site(move || view! { <JobTeaser jobs /> }).await;
    assert_eq!(page.all(".job-card").len(), 7);
    assert!(page.all("a").iter().all(|a| !a
        .get_attribute("href")
        .unwrap_or_default()
        .starts_with("javascript")));
}

#[wasm_bindgen_test]
async fn an_empty_list_says_so() {
    let page = mount_in_site(|| view! { <JobTeaser jobs=Vec::new() /> }).await;
    assert_eq!(
        page.text(".region__empty"),
        "Der er ingen ledige stillinger lige nu."
    );
}
