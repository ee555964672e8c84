//! The site header: the name of the site and the main navigation.

use leptos::prelude::*;

use crate::router::{self, Route};
use crate::routes;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a href=routes::href(routes::FRONT) class="brand">
                    <span class="brand__name">"Tidende"</span>
                    <span class="brand__tagline">"Nyheder om it i Danmark"</span>
                </a>
                <nav class="site-nav" aria-label="Hovedmenu">
                    <ul>
                        <li><NavLink path=routes::FRONT label="Forside" /></li>
                        <li><NavLink path=routes::PEOPLE_NEWS label="Navnenyt" /></li>
                        <li><NavLink path=routes::JOBS label="Job" /></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// A link of the main navigation, `aria-current="page"` while the reader is on that page
/// (or on a later page of its list).
#[component]
fn NavLink(path: &'static str, label: &'static str) -> impl IntoView {
    let here = router::use_location().watch();
    let kind = Route::of(path).kind();
    let current = move || (Route::of(&here.get()).kind() == kind).then_some("page");
    view! { <a href=routes::href(path) aria-current=current>{label}</a> }
}
