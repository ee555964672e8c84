//! Shared helpers for the browser tests: mount into a fresh container, wait, query.
#![allow(dead_code)]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The fixture backend that tools/browser-tests.sh starts beside the tests.
pub const FIXTURES: &str = "http://127.0.0.1:8931/";

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

/// Sets the browser's location to `path`, then mounts the whole app.
pub async fn mount_app_at(path: &str) -> Mounted {
    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
    mount(tidende::App).await
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
