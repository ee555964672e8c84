//! Paged documents: every list that grows (article index, topics, sections, jobs, people
//! news).

use crate::json::Value;

use super::decode::{DecodeError, Document};
use super::json::{each, Obj, Path};
use super::lenient::{self, Lenient};
use super::text::quoted_for_message;

/// An entry of a paged list, read on its own so a bad one is skipped, not fatal.
pub trait Item: Sized {
    fn read(value: &Value, path: Path) -> Result<Self, DecodeError>;
}

/// One page of a list, with the path of the next page relative to the API base.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u64,
    pub next: Option<String>,
    pub items: Vec<Lenient<T>>,
    /// What the list is of, where the list has a name: a topic's or a section's ("Nokia").
    pub name: Option<String>,
}

/// No page is ever rendered whole beyond this many entries: a backend that sends 10,000
/// entries in one page gets its first 100 shown, and the rest reported in the console.
pub const MAX_PAGE_ITEMS: usize = 100;

impl<T> Page<T> {
    pub fn entries(&self) -> impl Iterator<Item = &T> {
        lenient::valid(&self.items)
    }
}

impl<T: Item> Document for Page<T> {
    fn read(value: &Value) -> Result<Self, DecodeError> {
        let obj = Obj::new(value, Path::root())?;
        let (items, items_path) = obj.list("items")?;
        let page = obj.uint("page", u64::from(u32::MAX))? as u32;
        if page == 0 {
            return Err(DecodeError::new("page", "pages are numbered from 1"));
        }
        let mut read = each(
            &items[..items.len().min(MAX_PAGE_ITEMS)],
            &items_path,
            T::read,
        );
        if items.len() > MAX_PAGE_ITEMS {
            read.push(Err(DecodeError::new(
                "items",
                format!(
                    "{} entries on one page, showing the first {MAX_PAGE_ITEMS}",
                    items.len()
                ),
            )));
        }
        // `next` must be there: null on the last page, a path before it.
        if !has_key(value, "next") {
            return Err(DecodeError::new("", "missing field `next`"));
        }
        let next = match obj.optional("next") {
            Some((value, path)) => Some(next_page(value, path)?),
            None => None,
        };
        Ok(Self {
            page,
            total_pages: obj.uint("total_pages", u64::from(u32::MAX))? as u32,
            total_items: obj.uint("total_items", u64::MAX)?,
            next,
            items: read,
            name: obj.lenient_string("name").filter(|n| !n.trim().is_empty()),
        })
    }

    fn check(&mut self) -> Result<Vec<String>, DecodeError> {
        lenient::require_some_valid(&self.items, "items")?;
        Ok(lenient::skipped(&self.items))
    }
}

/// A page's `next`, read on its own (finding page `n` follows these without reading the
/// entries); not generic, so the wasm has it once.
pub fn next_of(value: &Value) -> Result<Option<String>, DecodeError> {
    let obj = Obj::new(value, Path::root())?;
    if !has_key(value, "next") {
        return Err(DecodeError::new("", "missing field `next`"));
    }
    obj.optional("next")
        .map(|(value, path)| next_page(value, path))
        .transpose()
}

fn has_key(value: &Value, key: &str) -> bool {
    value.as_object().is_some_and(|m| m.contains_key(key))
}

/// `next` is a reference relative to the API base (`people/2.json`, `people?page=2`):
/// never another origin or scheme, so following it cannot leave the backend.
fn next_page(value: &Value, path: Path) -> Result<String, DecodeError> {
    let raw = super::json::string(value, path.clone())?;
    let head = raw.split(['/', '?', '#']).next().unwrap_or_default();
    let ok = !raw.is_empty()
        && !raw.starts_with('/')
        && !head.contains(':')
        && !raw
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ok {
        Ok(raw)
    } else {
        Err(path.error(format!(
            "{} is not a path relative to the API base",
            quoted_for_message(&raw)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode::decode;

    #[derive(Clone, Debug, PartialEq)]
    struct N(u64);

    impl Item for N {
        fn read(value: &Value, path: Path) -> Result<Self, DecodeError> {
            Obj::new(value, path)?.uint("n", 1_000).map(N)
        }
    }

    fn page(next: &str, items: &str) -> String {
        format!(r#"{{"page":1,"total_pages":2,"total_items":3,"next":{next},"items":{items}}}"#)
    }

    #[test]
    fn next_must_stay_relative_to_the_base() {
        for ok in [r#""people/2.json""#, r#""people?page=2""#, "null"] {
            assert!(decode::<Page<N>>(page(ok, "[]").as_bytes()).is_ok(), "{ok}");
        }
        for bad in [
            r#""https://evil.example/x.json""#,
            r#""//evil.example/x""#,
            r#""/people/2.json""#,
            r#""javascript:alert(1)""#,
            r#""""#,
            "7",
        ] {
            let err = decode::<Page<N>>(page(bad, "[]").as_bytes()).unwrap_err();
            assert_eq!(err.path, "next", "{bad}");
        }
        let missing = r#"{"page":1,"total_pages":1,"total_items":0,"items":[]}"#;
        assert_eq!(
            decode::<Page<N>>(missing.as_bytes()).unwrap_err().message,
            "missing field `next`"
        );
    }

    #[test]
    fn bad_entries_are_skipped_with_their_path() {
        let d = decode::<Page<N>>(
            page("null", r#"[{"n":1},{"n":"a"},{},"x",{"n":2,"extra":1}]"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(d.value.entries().cloned().collect::<Vec<_>>(), [N(1), N(2)]);
        assert_eq!(
            d.notes,
            [
                "items[1].n: invalid type: string \"a\", expected an unsigned integer",
                "items[2]: missing field `n`",
                "items[3]: invalid type: string \"x\", expected an object",
            ]
        );
    }

    #[test]
    fn oversized_pages_are_cut() {
        let items: Vec<String> = (0..250).map(|n| format!(r#"{{"n":{n}}}"#)).collect();
        let doc = page("null", &format!("[{}]", items.join(",")));
        let decoded = decode::<Page<N>>(doc.as_bytes()).unwrap();
        assert_eq!(decoded.value.entries().count(), MAX_PAGE_ITEMS);
        assert!(decoded.notes.iter().any(|n| n.contains("250 entries")));
    }

    #[test]
    fn a_page_of_nothing_but_bad_entries_is_an_error() {
        let e = decode::<Page<N>>(page("null", r#"[{"x":1},{"n":"a"}]"#).as_bytes()).unwrap_err();
        assert_eq!(e.path, "items");
        assert!(e.message.contains("none of the 2 entries"), "{e}");
        assert!(e.message.contains("items[0]: missing field `n`"), "{e}");
        assert!(
            decode::<Page<N>>(page("null", "[]").as_bytes()).is_ok(),
            "an empty page is fine"
        );
    }

    #[test]
    fn page_zero_is_refused() {
        let doc = r#"{"page":0,"total_pages":0,"total_items":0,"next":null,"items":[]}"#;
        assert_eq!(decode::<Page<N>>(doc.as_bytes()).unwrap_err().path, "page");
    }
}
