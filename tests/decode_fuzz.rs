//! Property tests: no input from a backend can make a decoder panic. Arbitrary bytes,
//! arbitrary JSON, and sample documents with one value swapped for arbitrary JSON are fed
//! to every document decoder (decode + validation). Failing is fine; panicking is not.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use tidende::model::{
    decode, Article, ArticleIndex, JobPage, PeopleNewsPage, RelatedReads, SponsoredItem,
};

/// Cases per property; `PROPTEST_CASES` overrides it for longer runs.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2_000),
        ..ProptestConfig::default()
    }
}

/// Every decoder, fed the same bytes. Returns how many accepted them.
fn decode_all(bytes: &[u8]) -> usize {
    [
        decode::<Article>(bytes).is_ok(),
        decode::<ArticleIndex>(bytes).is_ok(),
        decode::<RelatedReads>(bytes).is_ok(),
        decode::<SponsoredItem>(bytes).is_ok(),
        decode::<JobPage>(bytes).is_ok(),
        decode::<PeopleNewsPage>(bytes).is_ok(),
    ]
    .into_iter()
    .filter(|ok| *ok)
    .count()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        // Strings that look like the contract's values, and strings that do not.
        prop_oneof![
            any::<String>(),
            "[a-z0-9-]{0,20}",
            Just("javascript:alert(1)".to_string()),
            Just("2018-05-31T10:14:00+02:00".to_string()),
            Just("2025-10-01".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("media/x.svg".to_string()),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("_type".to_string()),
                    Just("text".to_string()),
                    Just("children".to_string()),
                    Just("items".to_string()),
                    Just("slug".to_string()),
                    Just("headline".to_string()),
                    "[a-z_]{1,10}",
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn samples() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api");
    [
        "articles/nokia-saelger-milliard-satsning-withings.json",
        "articles/index/1.json",
        "related/nokia-saelger-milliard-satsning-withings.json",
        "sponsored/current.json",
        "jobs/1.json",
        "people/1.json",
    ]
    .iter()
    .map(|rel| serde_json::from_slice(&std::fs::read(root.join(rel)).unwrap()).unwrap())
    .collect()
}

/// Replaces the `pick`-th value (in depth-first order) of `doc` with `with`.
fn replace_nth(doc: &mut Value, pick: &mut usize, with: &Value) -> bool {
    if *pick == 0 {
        *doc = with.clone();
        return true;
    }
    *pick -= 1;
    match doc {
        Value::Array(items) => items.iter_mut().any(|v| replace_nth(v, pick, with)),
        Value::Object(map) => map.values_mut().any(|v| replace_nth(v, pick, with)),
        _ => false,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        decode_all(value.to_string().as_bytes());
    }

    #[test]
    fn sample_documents_with_one_value_swapped_never_panic(
        which in 0usize..6,
        at in 0usize..400,
        with in arb_json(),
    ) {
        let mut doc = samples().swap_remove(which);
        let mut pick = at;
        replace_nth(&mut doc, &mut pick, &with);
        decode_all(doc.to_string().as_bytes());
    }

    #[test]
    fn truncated_sample_documents_never_panic(which in 0usize..6, cut in 0usize..100_000) {
        let doc = samples().swap_remove(which).to_string();
        let bytes = doc.as_bytes();
        decode_all(&bytes[..cut.min(bytes.len())]);
    }
}

#[test]
fn the_sample_documents_themselves_decode() {
    // The mutation test above is only meaningful if the unmutated documents are accepted.
    for doc in samples() {
        assert_eq!(
            decode_all(doc.to_string().as_bytes()),
            1,
            "{}",
            &doc.to_string()[..80]
        );
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(decode_all(deep.as_bytes()), 0);
    let deep_body = format!(
        r#"{{"slug":"a","headline":"b","published":"2018-05-31T10:14:00+02:00","body":[{}]}}"#,
        "[".repeat(5_000) + &"]".repeat(5_000)
    );
    assert!(decode::<Article>(deep_body.as_bytes()).is_err());
}
