//! "Del": sharing an article. The button uses the Web Share API where the browser has it
//! (phones: the system's share sheet), else copies the link and says so; LinkedIn and
//! e-mail are plain links, so they work without JavaScript too (the button, which needs
//! it, comes last and shows only once the app is live: `html[data-app]` in the CSS).

use leptos::prelude::*;

use crate::config;

/// What the status line says after a copy.
pub const COPIED: &str = "Linket er kopieret";

/// The share links of the page at `url` with headline `title`: LinkedIn's, and a mail.
pub fn links(title: &str, url: &str) -> (String, String) {
    (
        format!(
            "https://www.linkedin.com/sharing/share-offsite/?url={}",
            encode(url)
        ),
        format!("mailto:?subject={}&body={}", encode(title), encode(url)),
    )
}

/// `encodeURIComponent`: the browser's own in the wasm (no encoder compiled in), and the
/// same set of characters natively, so the prerendered links are the ones the app writes.
#[cfg(target_arch = "wasm32")]
fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn encode(text: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    // What encodeURIComponent leaves as it is: letters, digits and - _ . ! ~ * ' ( ).
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    utf8_percent_encode(text, COMPONENT).to_string()
}

#[component]
pub fn Share(title: String, path: String) -> impl IntoView {
    let url = config::page_url(&path);
    let (linkedin, mail) = links(&title, &url);
    view! {
        <div class="share" role="group" aria-label="Del artiklen">
            <a class="share__link" href=linkedin target="_blank" rel="noopener">"LinkedIn"</a>
            <a class="share__link" href=mail>"E-mail"</a>
            <button type="button" class="button share__button" on:click=move |ev| share(ev, &title)>
                "Del"
            </button>
            <span class="share__status" role="status"></span>
        </div>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn share(_ev: web_sys::MouseEvent, _title: &str) {}

/// The page's own address (as the reader sees it, without a fragment) to the share
/// sheet, or to the clipboard, said in the status line beside the button. A reader who
/// closes the share sheet has decided: nothing is said then. The line is written to
/// directly: one line of text needs no signal and no view of its own.
#[cfg(target_arch = "wasm32")]
fn share(ev: web_sys::MouseEvent, title: &str) {
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let (Some(window), Some(status)) = (
        web_sys::window(),
        ev.current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|button| button.next_element_sibling()),
    ) else {
        return;
    };
    let url = window.location().href().unwrap_or_default();
    let url = url.split('#').next().unwrap_or_default().to_string();
    let navigator = window.navigator();
    let has = |name: &str| {
        Reflect::get(&navigator, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined())
    };
    status.set_text_content(None);
    // The clipboard is there in secure contexts only (https, localhost).
    let (sharing, copying) = (has("share"), has("clipboard"));
    let promise = if sharing {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(&url);
        Some(navigator.share_with_data(&data))
    } else if copying {
        Some(navigator.clipboard().write_text(&url))
    } else {
        None
    };
    leptos::task::spawn_local(async move {
        let done = match promise {
            Some(promise) => JsFuture::from(promise).await.is_ok(),
            None => false,
        };
        let said = match (sharing, done) {
            (true, _) => return,
            (false, true) => COPIED.to_string(),
            (false, false) => format!("Kopiér linket: {url}"),
        };
        status.set_text_content(Some(&said));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_links_carry_the_address_and_headline_encoded() {
        let (linkedin, mail) = links(
            "Nokia sælger & går",
            "https://tidende.example/artikel/nokia?x=1",
        );
        assert_eq!(
            linkedin,
            "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Ftidende.example%2Fartikel%2Fnokia%3Fx%3D1"
        );
        assert!(mail.starts_with(
            "mailto:?subject=Nokia%20s%C3%A6lger%20%26%20g%C3%A5r&body=https%3A%2F%2F"
        ));
        // encodeURIComponent's set: these stay.
        assert_eq!(encode("a-b_c.d!e~f*g'h(i)"), "a-b_c.d!e~f*g'h(i)");
    }
}
