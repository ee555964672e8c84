//! The front page.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn FrontPage() -> impl IntoView {
    view! {
        <Title text="Forside" />
        <Meta name="description" content="Seneste nyt om it i Danmark." />
        <h1 class="page-title">"Seneste nyt"</h1>
    }
}
