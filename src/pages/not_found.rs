//! The 404 page, shown for every path no route matches, and for articles that do not exist.

use leptos::prelude::*;

use crate::routes;

use super::meta::PageMeta;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main id="indhold" tabindex="-1" class="main">
            <NotFound title="Siden findes ikke" />
        </main>
    }
}

/// The body of a "not found" answer, for the 404 page and a missing article alike.
#[component]
pub fn NotFound(title: &'static str) -> impl IntoView {
    let path = crate::router::use_location().path_untracked();
    view! {
        <PageMeta
            title=title.to_string()
            description="Siden findes ikke på Tidende.".to_string()
            path=path
            noindex=true
        />
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{title}</h1>
            <p>
                "Vi kunne ikke finde den side, du leder efter. Den kan være flyttet eller slettet, eller adressen kan være skrevet forkert."
            </p>
            <p>
                <a href=routes::href(routes::FRONT)>"Gå til forsiden"</a>
            </p>
        </section>
    }
}
