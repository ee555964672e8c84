//! The 404 page, shown for every path no route matches.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Siden findes ikke" />
        <Meta name="description" content="Siden findes ikke på Tidende." />
        <Meta name="robots" content="noindex" />
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Siden findes ikke"</h1>
            <p>"Vi kunne ikke finde den side, du leder efter. Den kan være flyttet eller slettet, eller adressen kan være skrevet forkert."</p>
            <p><A href="/">"Gå til forsiden"</A></p>
        </section>
    }
}
