//! Browser tests of the API client: each typed error arises from a real HTTP response of
//! the fixture backend (tests/fixtures/backend.cjs, started by tools/browser-tests.sh).
#![cfg(target_arch = "wasm32")]

mod support;

use support::FIXTURES;
use tidende::api::{Api, ApiError};
use tidende::model::Slug;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn api(mode: &str) -> Api {
    // A short bound keeps the stalled cases quick; the default is 10 s.
    Api::new(&format!("{FIXTURES}{mode}/")).with_timeout_ms(1_500)
}

fn seed() -> Slug {
    Slug::parse("nokia-saelger-milliard-satsning-withings").expect("slug")
}

#[wasm_bindgen_test]
async fn a_good_response_decodes() {
    let article = api("sample")
        .article(&seed())
        .await
        .expect("the seed article");
    assert!(article
        .headline
        .as_str()
        .starts_with("Efter skuffende salg"));
    let people = api("sample").people_news(None).await.expect("people news");
    assert_eq!(people.entries().count(), 10);
    assert_eq!(people.next.as_deref(), Some("people/2.json"));
    let page2 = api("sample")
        .people_news(people.next.as_deref())
        .await
        .expect("page 2");
    assert_eq!(page2.page, 2);
}

#[wasm_bindgen_test]
async fn http_404_is_a_not_found_status() {
    let err = api("status/404").article(&seed()).await.unwrap_err();
    assert!(matches!(err, ApiError::Status { code: 404, .. }), "{err:?}");
    assert!(err.is_not_found());
    assert_eq!(err.reader_message(), "Indholdet findes ikke.");
}

#[wasm_bindgen_test]
async fn http_500_is_a_status_error() {
    let err = api("status/500").jobs(None).await.unwrap_err();
    assert!(matches!(err, ApiError::Status { code: 500, .. }), "{err:?}");
    assert!(!err.is_not_found());
}

#[wasm_bindgen_test]
async fn malformed_json_is_a_decode_error() {
    let err = api("malformed").sponsored().await.unwrap_err();
    let ApiError::Decode(e) = &err else {
        panic!("{err:?}")
    };
    assert!(e.message.contains("EOF"), "{e}");
}

#[wasm_bindgen_test]
async fn a_wrong_type_is_a_decode_error_naming_the_field() {
    let err = api("wrong-type").article(&seed()).await.unwrap_err();
    let ApiError::Decode(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.path, "headline", "{e}");
    assert!(e.message.contains("invalid type: integer `42`"), "{e}");
    let err = api("wrong-type").people_news(None).await.unwrap_err();
    let ApiError::Decode(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.path, "items", "{e}");
}

#[wasm_bindgen_test]
async fn garbage_bytes_are_a_decode_error() {
    let err = api("garbage").jobs(None).await.unwrap_err();
    assert!(matches!(err, ApiError::Decode(_)), "{err:?}");
}

#[wasm_bindgen_test]
async fn a_response_that_stalls_midway_times_out() {
    let err = api("stall").article(&seed()).await.unwrap_err();
    assert_eq!(err, ApiError::Timeout { after_ms: 1_500 });
}

#[wasm_bindgen_test]
async fn a_request_that_is_never_answered_times_out() {
    let err = api("stall-headers").sponsored().await.unwrap_err();
    assert_eq!(err, ApiError::Timeout { after_ms: 1_500 });
}

#[wasm_bindgen_test]
async fn a_body_over_the_limit_is_refused() {
    for mode in ["big", "big-declared"] {
        let err = api(mode).jobs(None).await.unwrap_err();
        assert_eq!(
            err,
            ApiError::TooLarge {
                limit: tidende::api::MAX_BODY_BYTES
            },
            "{mode}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_closed_port_is_a_network_error() {
    // Port 9 (discard) has nothing listening here.
    let err = Api::new("http://127.0.0.1:9/")
        .jobs(None)
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::Network(_)), "{err:?}");
}
