//! The site header: the name of the site and the main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">
                    <span class="brand__name">"Tidende"</span>
                    <span class="brand__tagline">"Nyheder om it i Danmark"</span>
                </A>
                <nav class="site-nav" aria-label="Hovedmenu">
                    <ul>
                        <li><A href="/" exact=true>"Forside"</A></li>
                        <li><A href="/navnenyt">"Navnenyt"</A></li>
                        <li><A href="/job">"Job"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
