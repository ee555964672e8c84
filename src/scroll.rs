//! Scroll position on back and forward: restored once the page has grown tall enough.
//!
//! The browser's own restoration runs before the route's content has loaded, when the
//! page is only a skeleton tall, and lands too high. So positions are kept per URL and
//! restored here, frame by frame, until the content allows it (or the reader scrolls).
//! Links still go to the top of the new page (the router does that).

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    use leptos::prelude::request_animation_frame;
    use wasm_bindgen::prelude::*;

    /// How long to keep trying while the page grows.
    const RESTORE_FOR_MS: f64 = 3_000.0;

    thread_local! {
        static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
        /// While restoring, the scroll events are ours: do not record them.
        static RESTORING: Cell<bool> = const { Cell::new(false) };
        /// The address the recorded positions belong to: the page last seen.
        static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
    }

    fn key() -> Option<String> {
        let location = web_sys::window()?.location();
        Some(format!(
            "{}{}",
            location.pathname().ok()?,
            location.search().ok()?
        ))
    }

    fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
        let closure = Closure::<dyn FnMut()>::new(f);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        // Listeners for the life of the page: leaking them once is the point.
        closure.forget();
    }

    pub fn install_restoration() {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        SHOWN.set(key().unwrap_or_default());
        listen(&window, "scroll", || {
            if RESTORING.get() {
                return;
            }
            let (Some(key), Some(window)) = (key(), web_sys::window()) else {
                return;
            };
            // A scroll event is dispatched a frame after the scroll. If the address has
            // changed in between (a link was followed, or back pressed at once), the event
            // may be the old page's: it must not become the new address's position.
            if SHOWN.with_borrow(|shown| *shown != key) {
                SHOWN.set(key);
                return;
            }
            let y = window.scroll_y().unwrap_or(0.0);
            POSITIONS.with_borrow_mut(|p| p.insert(key, y));
        });
        // The reader taking over ends a restoration in progress.
        for event in ["wheel", "touchstart", "keydown", "mousedown"] {
            listen(&window, event, || RESTORING.set(false));
        }
        listen(&window, "popstate", || {
            // The position of the page being left, which its last scroll event may not have
            // told yet; the address has already changed, so it is the one last shown.
            if !RESTORING.get() {
                if let Some(window) = web_sys::window() {
                    let y = window.scroll_y().unwrap_or(0.0);
                    let left = SHOWN.take();
                    POSITIONS.with_borrow_mut(|p| p.insert(left, y));
                }
            }
            SHOWN.set(key().unwrap_or_default());
            let target = key().and_then(|k| POSITIONS.with_borrow(|p| p.get(&k).copied()));
            if let Some(y) = target.filter(|y| *y > 0.0) {
                RESTORING.set(true);
                step(y, js_sys::Date::now() + RESTORE_FOR_MS);
            }
        });
    }

    /// A link is followed: the page being left keeps its position (its last scroll event
    /// may come only after the address has changed), and `go` changes the address.
    pub fn follow(go: impl FnOnce()) {
        if let (Some(key), Some(window)) = (key(), web_sys::window()) {
            let y = window.scroll_y().unwrap_or(0.0);
            POSITIONS.with_borrow_mut(|p| p.insert(key, y));
        }
        go();
        SHOWN.set(key().unwrap_or_default());
    }

    fn step(y: f64, until: f64) {
        request_animation_frame(move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            if !RESTORING.get() {
                return;
            }
            window.scroll_to_with_x_and_y(0.0, y);
            let reached = (window.scroll_y().unwrap_or(0.0) - y).abs() < 2.0;
            if reached || js_sys::Date::now() > until {
                RESTORING.set(false);
            } else {
                step(y, until);
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use imp::{follow, install_restoration};

#[cfg(not(target_arch = "wasm32"))]
pub fn install_restoration() {}
