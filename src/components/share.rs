//! "Del": sharing an article. The button uses the Web Share API where the browser has it
//! (phones: the system's share sheet), else copies the link and says so (src/islands.js
//! answers its clicks: browser calls that cost more in the wasm than as script); LinkedIn
//! and e-mail are plain links, so they work without JavaScript too (the button, which needs
//! it, comes last and shows only once the app is live: `html[data-app]` in the CSS).

use leptos::prelude::*;

use crate::config;

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

/// The share row of the article at route `path`. A function, not a component: the
/// boundary would cost more wasm than the row.
pub fn share_row(title: &str, path: &str) -> impl IntoView {
    let url = config::page_url(path);
    let (linkedin, mail) = links(title, &url);
    view! {
        <div class="share" role="group" aria-label="Del artiklen">
            <a class="share__link" href=linkedin target="_blank" rel="noopener">"LinkedIn"</a>
            <a class="share__link" href=mail>"E-mail"</a>
            <button type="button" class="button share__button">"Del"</button>
            <span class="share__status" role="status"></span>
        </div>
    }
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
