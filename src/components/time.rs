//! Times as a reader reads them and a machine parses them.

use leptos::prelude::*;

use crate::format;
use crate::model::{Date, Timestamp};

/// `<time datetime="2018-05-31T10:14:00+02:00">31. maj 2018 kl. 10.14</time>`
///
/// Lists say "i dag kl. 14.25" and "i går kl. 09.10" for fresh news. A prerendered page is
/// read later than it was made, so every time is rendered as the full date, and the lists'
/// times are marked `data-relative`: once the page is live, `relativize` rewrites those
/// with the reader's clock (after hydration, after each navigation and each document the
/// app applies). By hand on the DOM rather than a signal per time: the reactive version
/// cost 2.6 KB of the brotli budget for a dozen short strings (docs/perf.md, "Size").
#[component]
pub fn PublishedTime(
    at: Timestamp,
    /// "i dag kl. …" / "i går kl. …" where lists use them; the full date otherwise.
    #[prop(optional)]
    relative: bool,
) -> impl IntoView {
    view! {
        <time datetime=at.as_rfc3339().to_string() data-relative=relative.then_some("")>
            {format::long_datetime(at.at())}
        </time>
    }
}

/// `<time datetime="2025-10-01">` around a day, with the text given.
#[component]
pub fn DayTime(date: Date, text: String) -> impl IntoView {
    view! { <time datetime=date.iso()>{text}</time> }
}

/// The lists' times in the page, as the reader's clock has them ("i dag kl. 14.25"), on the
/// next frame (when what was just rendered is in the DOM).
#[cfg(target_arch = "wasm32")]
pub fn relativize() {
    request_animation_frame(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(times) = document.query_selector_all("time[data-relative]") else {
            return;
        };
        let now = format::now();
        for i in 0..times.length() {
            let Some(time) = times.item(i) else {
                continue;
            };
            let at = wasm_bindgen::JsCast::dyn_ref::<web_sys::Element>(&time)
                .and_then(|e| e.get_attribute("datetime"))
                .and_then(|raw| Timestamp::parse(&raw).ok());
            if let Some(at) = at {
                let text = format::relative_datetime(at.at(), now);
                if time.text_content().as_deref() != Some(&*text) {
                    time.set_text_content(Some(&text));
                }
            }
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn relativize() {}
