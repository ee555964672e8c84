//! Browser tests of the page shell: landmarks, navigation and the 404 page.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{mount_site_at, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn shell_has_landmarks_and_danish_navigation() {
    let page = mount_site_at("/", support::backend("sample")).await;
    for selector in [
        "header.site-header",
        "nav[aria-label='Hovedmenu']",
        "main#indhold",
        "footer.site-footer",
    ] {
        assert!(page.query(selector).is_some(), "missing {selector}");
    }
    let nav = text_of(&page.query("nav").expect("nav"));
    for label in ["Forside", "Navnenyt", "Job"] {
        assert!(nav.contains(label), "navigation lacks {label}: {nav}");
    }
    assert!(page.query("a.skip-link[href='#indhold']").is_some());
}

#[wasm_bindgen_test]
async fn unknown_path_shows_the_404_page() {
    let page = mount_site_at("/findes-ikke", support::backend("sample")).await;
    let h1 = page.query("main h1").expect("an h1 on the 404 page");
    assert_eq!(text_of(&h1), "Siden findes ikke");
    assert_eq!(page.all("h1").len(), 1, "exactly one h1");
    assert!(
        page.query("main a[href='/']").is_some(),
        "a way back to the front page"
    );
}
