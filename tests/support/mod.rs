//! Shared helpers for the browser tests: mount into a fresh container, wait, query.
#![allow(dead_code)]

use leptos::mount::mount_to;
use leptos::prelude::*;
use tidende::api::Api;
use tidende::model::{decode, Document};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The fixture backend that tools/browser-tests.sh starts beside the tests.
pub const FIXTURES: &str = "http://127.0.0.1:8931/";

/// The fixture backend serving `mode` (see tests/fixtures/backend.cjs): "sample",
/// "status/500", "mix/people:500", …
pub fn backend(mode: &str) -> Api {
    Api::new(&format!("{FIXTURES}{mode}/")).with_timeout_ms(2_000)
}

/// A mounted view; unmounts and removes its container when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    pub fn query(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.query(selector)
            .map(|e| text_of(&e))
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    /// Waits (up to 5 s) until `selector` matches something.
    pub async fn wait_for(&self, selector: &str) -> Element {
        let found = wait_until(5_000, || self.query(selector).is_some()).await;
        assert!(
            found,
            "{selector} never appeared in:\n{}",
            self.root.inner_html()
        );
        self.query(selector).expect("just found")
    }

    pub fn click(&self, selector: &str) {
        self.query(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into::<HtmlElement>()
            .click();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn fresh_container() -> HtmlElement {
    let document = web_sys::window()
        .expect("window")
        .document()
        .expect("document");
    let root: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// Mounts any view into a fresh container and lets the scheduler run once.
pub async fn mount<F, N>(f: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root = fresh_container();
    let handle = mount_to(root.clone(), f);
    tick().await;
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Mounts a component with the site's services on the sample backend, as the app would
/// place it.
pub async fn mount_in_site<F, N>(f: F) -> Mounted
where
    F: FnOnce() -> N + Send + Sync + 'static,
    N: IntoView + 'static,
{
    mount(move || {
        tidende::app::provide_services(backend("sample"));
        f()
    })
    .await
}

fn set_path(path: &str) {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

/// Sets the browser's location to `path`, then mounts the whole site on `api`.
pub async fn mount_site_at(path: &str, api: Api) -> Mounted {
    set_path(path);
    mount(move || view! { <tidende::app::Site api /> }).await
}

/// Sets the browser's location to `path`, then mounts the app as deployed.
pub async fn mount_app_at(path: &str) -> Mounted {
    set_path(path);
    mount(tidende::App).await
}

/// A document from its JSON, which must decode.
pub fn doc<T: Document>(json: &str) -> T {
    decode::<T>(json.as_bytes())
        .expect("the test document decodes")
        .value
}

/// Waits one macrotask, so effects and pending renders have run.
pub async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits until `check` holds, polling every 10 ms, for at most `ms` milliseconds.
pub async fn wait_until(ms: u32, mut check: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while waited <= ms {
        if check() {
            return true;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
        waited += 10;
    }
    false
}

/// The element's text with whitespace collapsed.
pub fn text_of(el: &Element) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
