//! The router and the page shell: header, the route's main and aside, footer.

use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

use crate::api::{self, Api};
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::time::relativize;
use crate::config;
use crate::pages::article::ArticlePage;
use crate::pages::front::FrontPage;
use crate::pages::jobs::JobsPage;
use crate::pages::listed::ListedPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::people::PeopleNewsPage;
use crate::pages::search::SearchPage;
use crate::pages::shared::SharedDocs;
use crate::router::{self, PageKind, Route};
use crate::routes;
use crate::scroll;

/// What the pages take from context: the backend, and the documents shared between pages.
/// Tests call this with a backend of their own.
pub fn provide_services(api: Api) {
    provide_context(SharedDocs::new(api.clone()));
    provide_context(api);
}

/// The app as deployed: the backend named by the served page.
#[component]
pub fn App() -> impl IntoView {
    view! { <Site api=Api::new(&api::base::from_document()) /> }
}

/// The whole site on a given backend, at the sub-path the page names.
#[component]
pub fn Site(api: Api) -> impl IntoView {
    provide_services(api);
    let base = config::router_base(&config::document_base_path());
    provide_context(routes::SiteBase(base.clone()));
    router::start(base);
    scroll::install_restoration();
    view! {
        <a class="skip-link" href="#indhold" on:click=skip_to_content>
            "Spring til indhold"
        </a>
        <SiteHeader />
        <Shell />
        <SiteFooter />
    }
}

/// The routes, each laying out its own `main` and `aside` inside the page grid.
#[component]
pub fn Shell() -> impl IntoView {
    focus_main_after_navigation();
    let path = router::use_location().watch();
    // The page is made anew when its kind changes, or the list or the page of a list: not
    // when the article does (its sidebar stays).
    let kind = Memo::new(move |_| {
        let route = Route::of(&path.get());
        (route.kind(), route.page(), route.list_root())
    });
    view! {
        <div class="layout">
            {move || match kind.get().0 {
                PageKind::Front => view! { <FrontPage /> }.into_any(),
                PageKind::Article => view! { <ArticlePage /> }.into_any(),
                PageKind::PeopleNews => view! { <PeopleNewsPage /> }.into_any(),
                PageKind::Jobs => view! { <JobsPage /> }.into_any(),
                PageKind::Listed(listing) => view! { <ListedPage listing /> }.into_any(),
                PageKind::Search => view! { <SearchPage /> }.into_any(),
                PageKind::NotFound => view! { <NotFoundPage /> }.into_any(),
            }}
        </div>
    }
}

/// The skip link moves focus to the main content. Handled here because the page's
/// `<base href>` would resolve a bare `#indhold` to the front page.
fn skip_to_content(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    focus_main(false);
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_main(_prevent_scroll: bool) {}

#[cfg(target_arch = "wasm32")]
fn focus_main(prevent_scroll: bool) {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("indhold"));
    if let Some(main) = main {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(prevent_scroll);
        let _ = main
            .unchecked_into::<web_sys::HtmlElement>()
            .focus_with_options(&options);
    }
}

/// After a client-side navigation, focus moves to the new page's `main`: the link that was
/// clicked is gone, and a screen reader should start reading the new page, as it would
/// after a full page load. The first render is left alone, and so is the scroll position.
fn focus_main_after_navigation() {
    let path = router::use_location().watch();
    Effect::new(move |previous: Option<String>| {
        let path = path.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(|| focus_main(true));
        }
        // The first page's times too: effects run once the page is live.
        relativize();
        path
    });
}
