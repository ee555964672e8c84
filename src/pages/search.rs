//! The search page, `/soeg?q=…`: every article, searched in the browser with Pagefind (an
//! index the build writes: tools/lib/search-index.cjs).
//!
//! The app renders the page: heading, form, an empty status line (a live region, so the
//! count is announced) and an empty list; src/islands.js reads the query from the address,
//! searches, and fills them in, whenever the address changes (the app tells it). The hits
//! are drawn there, not here: the page drawn by the app cost 10 KB of the 150 KB wasm
//! budget (docs/perf.md, "Size"). The prerendered page is the same, plus a line for
//! readers without script (search needs it) with links to the sections and topics
//! (`topics::into_page`).

use leptos::prelude::*;

use super::meta::PageMeta;
use super::sidebar::Sidebar;
use crate::router;
use crate::routes;

#[component]
pub fn SearchPage() -> impl IntoView {
    let path = router::use_location().watch();
    // Effects run once the page is live: on arrival, and on every search after (a search
    // form's submission changes the address: src/islands.js).
    Effect::new(move |_| {
        path.track();
        show();
    });
    view! {
        <main id="indhold" tabindex="-1" class="main">
            <PageMeta
                title="Søg".to_string()
                description="Søg i alle Tidendes artikler.".to_string()
                path=routes::SEARCH.to_string()
                noindex=true
            />
            <h1 class="page-title">"Søg"</h1>
            <form class="search-form" role="search" action=routes::href(routes::SEARCH) method="get">
                <label for="soeg-q" class="visually-hidden">"Søg i artiklerne"</label>
                <input id="soeg-q" class="search-form__input" type="search" name="q" placeholder="Søg i artiklerne" autocomplete="off" />
                <button type="submit" class="button">"Søg"</button>
            </form>
            <p id="soeg-status" class="search__status" role="status"></p>
            <div id="soeg-hits"></div>
        </main>
        <Sidebar />
    }
}

#[cfg(target_arch = "wasm32")]
use binding::show;

#[cfg(not(target_arch = "wasm32"))]
fn show() {}

#[cfg(target_arch = "wasm32")]
mod binding {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/islands.js")]
    extern "C" {
        /// Searches for the address's `q` and shows the hits (it catches its own errors).
        pub fn show();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod topics {
    use std::cell::RefCell;

    use crate::model::Label;
    use crate::pages::meta::escape;
    use crate::routes::{self, Listing};

    thread_local! {
        static TOPICS: RefCell<Vec<(Listing, Label)>> = const { RefCell::new(Vec::new()) };
    }

    /// The sections and topics the no-script search page links to, most used first.
    pub fn set(labels: Vec<(Listing, Label)>) {
        TOPICS.set(labels);
    }

    /// The prerendered search page with what a reader without script sees in its list:
    /// that search needs it, and the sections and topics instead. Added to the HTML by the
    /// prerender, not rendered by the component: the app, which never shows it, then has
    /// no code for it, and hydration does not look inside the empty list it renders.
    pub fn into_page(page: &str) -> String {
        page.replacen(
            "<div id=\"soeg-hits\"></div>",
            &format!(
                "<div id=\"soeg-hits\"><noscript>{}</noscript></div>",
                html()
            ),
            1,
        )
    }

    /// The no-script line and links, as HTML (the names escaped: they are the backend's),
    /// sections and topics apart (a tag and a section may share a name), under the
    /// deployment's sub-path.
    fn html() -> String {
        let base = crate::config::router_base(&crate::config::site::get().1);
        let mut out = String::from(
            "<p class=\"search__noscript\">Søgningen kræver JavaScript. Find artikler efter sektion eller emne i stedet.</p>",
        );
        TOPICS.with_borrow(|labels| {
            for (listing, title) in [(Listing::Section, "Sektioner"), (Listing::Topic, "Emner")] {
                let links: Vec<String> = labels
                    .iter()
                    .filter(|(l, _)| *l == listing)
                    .map(|(_, label)| {
                        format!(
                            "<li class=\"tag\"><a href=\"{}\">{}</a></li>",
                            escape(&routes::join(&base, &listing.path(&label.slug))),
                            escape(&label.name)
                        )
                    })
                    .collect();
                if !links.is_empty() {
                    out.push_str(&format!(
                        "<h2 class=\"search__noscript-title\">{title}</h2><ul class=\"tags\">{}</ul>",
                        links.concat()
                    ));
                }
            }
        });
        out
    }
}
