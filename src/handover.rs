//! What a prerendered page was made from, handed over to the app that takes the page over.
//!
//! The prerender step (src/prerender/) renders each page natively, from documents it has
//! fetched and validated first. Every document a region takes while the page renders is
//! written into the page as one JSON data block (`<script type="application/json">`, which
//! the browser never executes, so the CSP stays as it is), with the route the page was made
//! for and the page links its lists used. In the browser the app reads that block once, and
//! a region takes its document from there before it asks the network: hydration renders
//! from exactly the input the HTML was made of, and nothing is fetched twice before the page
//! is live.
//!
//! This is one of the two places where the sides differ (the other is where the current
//! path comes from, router.rs): the prerender's store natively, the page's block in the
//! browser. Views never know which side they run on.

use crate::api::ApiError;
use crate::console;
use crate::json::{Map, Value};
use crate::model::{decode_value, Document};

/// The `id` of the data block.
pub const DATA_ID: &str = "tidende-data";

/// The block's fields: `{"route": "/artikel/x", "docs": {"articles/x.json": {…}},
/// "pages": {"people/2": "people/2.json"}}`.
const ROUTE: &str = "route";
const DOCS: &str = "docs";
const PAGES: &str = "pages";

/// The document at `path` (relative to the API base), if the page was rendered from it:
/// decoded and validated like a fetched one. What was skipped inside it is reported.
pub fn take<T: Document>(path: &str) -> Option<Result<T, ApiError>> {
    let raw = side::take_value(path)?;
    let decoded = raw.and_then(|value| decode_value::<T>(&value).map_err(ApiError::Decode));
    let decoded = decoded.map(|d| {
        for note in &d.notes {
            console::warn(&format!("Tidende: {path}: {note}"));
        }
        d.value
    });
    side::taken(path, decoded.as_ref().err());
    Some(decoded)
}

/// The document path of page `page` of the list `list` ("people"), if the page knows it.
pub fn page_path(list: &str, page: u32) -> Option<String> {
    side::page_path(&page_key(list, page))
}

/// Whether the app may go to the network: in the browser yes; natively, where the prerender
/// has fetched everything beforehand, never.
pub fn fetches() -> bool {
    cfg!(target_arch = "wasm32")
}

fn page_key(list: &str, page: u32) -> String {
    format!("{list}/{page}")
}

/// The block's text: JSON that cannot end the `<script>` element it sits in (`<`, `>` and
/// `&` are written as `\u003c` …, which JSON reads back as the same characters).
pub fn block_text(route: &str, docs: &Map, pages: &Map) -> String {
    let mut block = Map::new();
    block.insert(ROUTE.into(), Value::String(route.to_string()));
    block.insert(DOCS.into(), Value::Object(docs.clone()));
    block.insert(PAGES.into(), Value::Object(pages.clone()));
    script_safe(&Value::Object(block).to_json())
}

/// JSON text made safe to sit between `<script>` and `</script>`.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The route the page's block was made for, and its documents and page links.
#[derive(Debug, Default)]
pub struct Block {
    pub route: Option<String>,
    pub docs: Map,
    pub pages: Map,
}

impl Block {
    /// Reads a block's text; anything unreadable is an empty block (the app then fetches).
    pub fn parse(text: &str) -> Self {
        let Ok(Value::Object(mut block)) = crate::json::from_slice(text.as_bytes()) else {
            return Self::default();
        };
        let mut object = |key: &str| match block.remove(key) {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        let (docs, pages) = (object(DOCS), object(PAGES));
        Self {
            route: block
                .remove(ROUTE)
                .and_then(|r| r.as_str().map(str::to_string)),
            docs,
            pages,
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod side {
    use std::cell::RefCell;

    use super::{Block, DATA_ID};
    use crate::api::ApiError;
    use crate::json::Value;

    thread_local! {
        static BLOCK: RefCell<Option<Block>> = const { RefCell::new(None) };
    }

    fn with_block<R>(f: impl FnOnce(&mut Block) -> R) -> R {
        BLOCK.with_borrow_mut(|block| {
            let block = block.get_or_insert_with(|| {
                let text = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(DATA_ID))
                    .and_then(|e| e.text_content());
                text.map(|t| Block::parse(&t)).unwrap_or_default()
            });
            f(block)
        })
    }

    /// Each document is taken once: a later reload of the region asks the network.
    pub fn take_value(path: &str) -> Option<Result<Value, ApiError>> {
        with_block(|b| b.docs.remove(path)).map(Ok)
    }

    pub fn taken(_path: &str, _error: Option<&ApiError>) {}

    pub fn page_path(key: &str) -> Option<String> {
        with_block(|b| {
            b.pages
                .get(key)
                .and_then(|p| p.as_str().map(str::to_string))
        })
    }

    /// The route the page was prerendered for, if it was.
    pub fn route() -> Option<String> {
        with_block(|b| b.route.clone())
    }

    /// Forgets the block: the page is not the one it was rendered for, and renders afresh.
    pub fn discard() {
        with_block(|b| *b = Block::default());
    }
}

#[cfg(target_arch = "wasm32")]
pub use side::route;

/// Says on the page that the app has taken it over (`data-app="hydrated"` on `<html>`) or
/// rendered it (`"rendered"`, a page that was not prerendered): from here on links follow
/// without reloads and buttons work. The moment is a performance mark, `tidende:live`, for
/// the tests and the benchmark.
#[cfg(target_arch = "wasm32")]
pub fn mark_live(how: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(performance) = window.performance() {
        let _ = performance.mark("tidende:live");
    }
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app", how);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mark_live(_how: &str) {}

/// Whether the page in the browser was prerendered for the route it is at, so the app takes
/// it over rather than rendering anew. A page served for another route (a host that answers
/// every path with the front page) is cleared first: its nodes and its data are not this
/// route's.
#[cfg(target_arch = "wasm32")]
pub fn prerendered_here() -> bool {
    use crate::config;
    use crate::router::{self, Route};

    let Some(rendered) = side::route() else {
        return false;
    };
    let base = config::router_base(&config::document_base_path());
    let here = router::current_path(&base);
    if here.is_some_and(|here| Route::of(&here) == Route::of(&rendered)) {
        return true;
    }
    side::discard();
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let children = body.children();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i).filter(|c| c.tag_name() != "SCRIPT") {
                child.remove();
            }
        }
    }
    false
}

#[cfg(not(target_arch = "wasm32"))]
pub use side::{render, Rendering, Store};

#[cfg(not(target_arch = "wasm32"))]
mod side {
    use std::cell::RefCell;
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use std::rc::Rc;

    use crate::api::ApiError;
    use crate::json::{Map, Value};

    /// Every document the prerender fetched (or failed to), by path, and every page link it
    /// followed, by `{list}/{page}`: shared by all the pages it renders.
    #[derive(Debug, Default)]
    pub struct Store {
        pub docs: HashMap<String, Result<Rc<Value>, ApiError>>,
        pub pages: HashMap<String, String>,
    }

    /// One page being rendered: what it took from the store, what it wanted that the store
    /// did not have, and which documents it took that had failed.
    #[derive(Debug)]
    pub struct Rendering {
        pub route: String,
        store: Rc<RefCell<Store>>,
        pub docs: BTreeMap<String, Rc<Value>>,
        pub pages: BTreeMap<String, String>,
        pub missing: BTreeSet<String>,
        pub failed: Vec<(String, ApiError)>,
    }

    impl Rendering {
        pub fn new(route: &str, store: Rc<RefCell<Store>>) -> Self {
            Self {
                route: route.to_string(),
                store,
                docs: BTreeMap::new(),
                pages: BTreeMap::new(),
                missing: BTreeSet::new(),
                failed: Vec::new(),
            }
        }

        /// The data block for the page: the documents and page links it was rendered from.
        pub fn block_text(&self) -> String {
            let docs: Map = self
                .docs
                .iter()
                .map(|(k, v)| (k.clone(), Value::clone(v)))
                .collect();
            let pages: Map = self
                .pages
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            super::block_text(&self.route, &docs, &pages)
        }
    }

    thread_local! {
        static CURRENT: RefCell<Option<Rendering>> = const { RefCell::new(None) };
    }

    /// Runs `f` (which renders a page) with `rendering` as the handover, and gives it back
    /// with what the page took.
    pub fn render<R>(rendering: Rendering, f: impl FnOnce() -> R) -> (R, Rendering) {
        CURRENT.set(Some(rendering));
        let out = f();
        let rendering = CURRENT.take();
        (out, rendering.expect("the rendering set above"))
    }

    fn with<R>(f: impl FnOnce(&mut Rendering) -> R) -> Option<R> {
        CURRENT.with_borrow_mut(|r| r.as_mut().map(f))
    }

    pub fn take_value(path: &str) -> Option<Result<Rc<Value>, ApiError>> {
        with(|r| match r.store.clone().borrow().docs.get(path) {
            Some(Ok(value)) => {
                r.docs.insert(path.to_string(), Rc::clone(value));
                Some(Ok(Rc::clone(value)))
            }
            Some(Err(error)) => Some(Err(error.clone())),
            None => {
                r.missing.insert(path.to_string());
                None
            }
        })
        .flatten()
    }

    /// A document the page took but could not show (fetched with an error, or invalid)
    /// makes the page fail: it is left to the client.
    pub fn taken(path: &str, error: Option<&ApiError>) {
        if let Some(error) = error {
            with(|r| {
                r.docs.remove(path);
                r.failed.push((path.to_string(), error.clone()));
            });
        }
    }

    pub fn page_path(key: &str) -> Option<String> {
        with(|r| {
            let path = r.store.borrow().pages.get(key).cloned();
            if let Some(path) = &path {
                r.pages.insert(key.to_string(), path.clone());
            }
            path
        })
        .flatten()
    }

    /// The route being rendered.
    pub fn route() -> Option<String> {
        with(|r| r.route.clone())
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use side::route;

// Natively: they use the time crate's own parser, serde_json or the prerender side as references.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_block_cannot_close_its_script_element() {
        let mut docs = Map::new();
        docs.insert(
            "a.json".into(),
            crate::json::from_slice(
                br#"{"headline": "</script><script>alert(1)</script> & <!--"}"#,
            )
            .unwrap(),
        );
        let text = block_text("/artikel/a", &docs, &Map::new());
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let block = Block::parse(&text);
        assert_eq!(block.route.as_deref(), Some("/artikel/a"));
        assert_eq!(
            block.docs["a.json"]["headline"].as_str(),
            Some("</script><script>alert(1)</script> & <!--")
        );
    }

    #[test]
    fn an_unreadable_block_is_an_empty_one() {
        for text in ["", "{", "[]", r#"{"route": 7, "docs": []}"#] {
            let block = Block::parse(text);
            assert!(block.route.is_none() && block.docs.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_page_takes_from_the_store_and_records_what_it_took() {
        use crate::model::SponsoredItem;
        use std::rc::Rc;

        let mut store = Store::default();
        let sponsored = crate::json::from_slice(
            br#"{"sponsor": "DE-CIX", "headline": "Peering", "url": "https://de-cix.net/"}"#,
        )
        .unwrap();
        store
            .docs
            .insert("sponsored/current.json".into(), Ok(Rc::new(sponsored)));
        store.docs.insert(
            "bad.json".into(),
            Ok(Rc::new(crate::json::from_slice(br#"{"x": 1}"#).unwrap())),
        );
        store
            .pages
            .insert("people/2".into(), "people/2.json".into());
        let store = Rc::new(std::cell::RefCell::new(store));
        let (taken, rendering) = render(Rendering::new("/", store), || {
            (
                take::<SponsoredItem>("sponsored/current.json").map(|r| r.is_ok()),
                take::<SponsoredItem>("bad.json").map(|r| r.is_ok()),
                take::<SponsoredItem>("nowhere.json").is_none(),
                page_path("people", 2),
                route(),
            )
        });
        assert_eq!(
            taken,
            (
                Some(true),
                Some(false),
                true,
                Some("people/2.json".to_string()),
                Some("/".to_string())
            )
        );
        assert_eq!(
            rendering.docs.keys().collect::<Vec<_>>(),
            ["sponsored/current.json"]
        );
        assert_eq!(rendering.failed.len(), 1);
        assert!(rendering.missing.contains("nowhere.json"));
        assert!(rendering.block_text().contains("people/2.json"));
        // Outside a rendering nothing is handed over.
        assert!(take::<SponsoredItem>("sponsored/current.json").is_none());
    }
}
