//! The site header: the name of the site and the main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=routes::href(routes::FRONT) attr:class="brand">
                    <span class="brand__name">"Tidende"</span>
                    <span class="brand__tagline">"Nyheder om it i Danmark"</span>
                </A>
                <nav class="site-nav" aria-label="Hovedmenu">
                    <ul>
                        <li><A href=routes::href(routes::FRONT) exact=true>"Forside"</A></li>
                        <li><A href=routes::href(routes::PEOPLE_NEWS)>"Navnenyt"</A></li>
                        <li><A href=routes::href(routes::JOBS)>"Job"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
