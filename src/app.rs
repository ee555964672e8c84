//! The router and the page shell: header, main, aside, footer.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::config;
use crate::pages::front::FrontPage;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let base = config::router_base(&config::document_base_path());

    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "Tidende".to_string() } else { format!("{title} – Tidende") }
        } />
        <Router base>
            <a class="skip-link" href="#indhold">"Spring til indhold"</a>
            <SiteHeader />
            <div class="layout">
                <main id="indhold" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=FrontPage />
                    </Routes>
                </main>
                <aside class="sidebar" aria-label="Mere fra Tidende"></aside>
            </div>
            <SiteFooter />
        </Router>
    }
}
