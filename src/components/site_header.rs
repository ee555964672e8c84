//! The site header: the name of the site, the main navigation and the search field.

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
                // The search field: a GET form to /soeg, so it works without script; with script,
                // src/islands.js takes the submission. Written out here and on the search page
                // with literal ids: one shared function with the id as a parameter cost more.
                <form class="search-form" role="search" action=routes::href(routes::SEARCH) method="get">
                    <label for="site-search-q" class="visually-hidden">"Søg i artiklerne"</label>
                    <input id="site-search-q" class="search-form__input" type="search" name="q" placeholder="Søg i artiklerne" autocomplete="off" />
                    <button type="submit" class="button">"Søg"</button>
                </form>
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
