//! Paged documents: every list that grows (article index, jobs, people news).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::decode::{DecodeError, Document};
use super::lenient::{self, Lenient};
use super::text::truncate_for_message;

/// One page of a list, with the path of the next page relative to the API base.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: DeserializeOwned"))]
pub struct Page<T> {
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u64,
    #[serde(deserialize_with = "next_page")]
    pub next: Option<String>,
    pub items: Vec<Lenient<T>>,
}

/// No page is ever rendered whole beyond this many entries: a backend that sends 10,000
/// entries in one page gets its first 100 shown, and the rest reported in the console.
pub const MAX_PAGE_ITEMS: usize = 100;

impl<T> Page<T> {
    pub fn entries(&self) -> impl Iterator<Item = &T> {
        lenient::valid(&self.items)
    }
}

impl<T: DeserializeOwned> Document for Page<T> {
    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        if self.page == 0 {
            return Err(DecodeError::new("page", "pages are numbered from 1"));
        }
        let mut notes = lenient::skipped(&self.items, "items");
        lenient::require_some_valid(&self.items, &notes)?;
        if self.items.len() > MAX_PAGE_ITEMS {
            notes.push(format!(
                "items: {} entries on one page, showing the first {MAX_PAGE_ITEMS}",
                self.items.len()
            ));
            self.items.truncate(MAX_PAGE_ITEMS);
        }
        Ok(notes)
    }
}

/// `next` is a reference relative to the API base (`people/2.json`, `people?page=2`):
/// never another origin or scheme, so following it cannot leave the backend.
fn next_page<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let Some(raw) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    let head = raw.split(['/', '?', '#']).next().unwrap_or_default();
    let ok = !raw.is_empty()
        && !raw.starts_with('/')
        && !head.contains(':')
        && !raw
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ok {
        Ok(Some(raw))
    } else {
        Err(serde::de::Error::custom(format!(
            "{:?} is not a path relative to the API base",
            truncate_for_message(&raw)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode::decode;

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    struct Item {
        n: u32,
    }

    fn page(next: &str, items: &str) -> String {
        format!(r#"{{"page":1,"total_pages":2,"total_items":3,"next":{next},"items":{items}}}"#)
    }

    #[test]
    fn next_must_stay_relative_to_the_base() {
        for ok in [r#""people/2.json""#, r#""people?page=2""#, "null"] {
            assert!(
                decode::<Page<Item>>(page(ok, "[]").as_bytes()).is_ok(),
                "{ok}"
            );
        }
        for bad in [
            r#""https://evil.example/x.json""#,
            r#""//evil.example/x""#,
            r#""/people/2.json""#,
            r#""javascript:alert(1)""#,
            r#""""#,
        ] {
            let err = decode::<Page<Item>>(page(bad, "[]").as_bytes()).unwrap_err();
            assert_eq!(err.path, "next", "{bad}");
        }
    }

    #[test]
    fn oversized_pages_are_cut() {
        let items: Vec<String> = (0..250).map(|n| format!(r#"{{"n":{n}}}"#)).collect();
        let doc = page("null", &format!("[{}]", items.join(",")));
        let decoded = decode::<Page<Item>>(doc.as_bytes()).unwrap();
        assert_eq!(decoded.value.entries().count(), MAX_PAGE_ITEMS);
        assert!(decoded.notes.iter().any(|n| n.contains("250 entries")));
    }

    #[test]
    fn a_page_of_nothing_but_bad_entries_is_an_error() {
        let e =
            decode::<Page<Item>>(page("null", r#"[{"x":1},{"n":"a"}]"#).as_bytes()).unwrap_err();
        assert_eq!(e.path, "items");
        assert!(e.message.contains("none of the 2 entries"), "{e}");
        assert!(e.message.contains("items[0]: missing field `n`"), "{e}");
        // An empty page is a valid, empty list.
        assert!(decode::<Page<Item>>(page("null", "[]").as_bytes()).is_ok());
    }

    #[test]
    fn page_zero_is_refused() {
        let doc = r#"{"page":0,"total_pages":0,"total_items":0,"next":null,"items":[]}"#;
        assert_eq!(
            decode::<Page<Item>>(doc.as_bytes()).unwrap_err().path,
            "page"
        );
    }
}
