//! What every region has besides its content: a frame with a heading, a skeleton while it
//! loads, and an error with "Prøv igen" when its request fails.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::console;

/// A region of the page: a labelled section with its own `h2`.
#[component]
pub fn RegionFrame(
    /// The region's name, for the class and the heading's id: "jobs", "people-news".
    name: &'static str,
    /// The visible heading: "Job", "Navnenyt fra it-Danmark".
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{name}-title");
    view! {
        <section class=format!("region region--{name}") aria-labelledby=heading_id.clone()>
            <h2 class="region__title" id=heading_id.clone()>{title}</h2>
            {children()}
        </section>
    }
}

/// A region's failure: what could not be shown, why in a sentence, and a way to retry.
#[component]
pub fn RegionError(
    /// What failed, as a sentence subject: "Artiklen", "Jobopslagene".
    what: &'static str,
    error: ApiError,
    /// Runs the region's request again.
    on_retry: Callback<()>,
) -> impl IntoView {
    // The detail is for developers; the reader gets the Danish sentence.
    console::warn(&format!("Tidende: {what}: {error}"));
    view! {
        <div class="region-error" role="alert" data-error=error.kind()>
            <p class="region-error__text">
                <strong>{format!("{what} kunne ikke vises.")}</strong>
                " "
                {error.reader_message()}
            </p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Prøv igen"
            </button>
        </div>
    }
}

/// Placeholder bars in the shape of the content, so nothing jumps when it arrives.
/// `lines` bars of the given CSS class, announced once as "Henter …" to screen readers.
#[component]
pub fn Skeleton(
    /// A modifier naming the shape: "teaser", "job", "person", "article".
    shape: &'static str,
    /// How many items to draw.
    count: usize,
) -> impl IntoView {
    view! {
        <div class=format!("skeleton skeleton--{shape}") aria-busy="true">
            <span class="visually-hidden">"Henter …"</span>
            {(0..count)
                .map(|_| view! { <div class="skeleton__item" aria-hidden="true"></div> })
                .collect_view()}
        </div>
    }
}

/// Where a region's document stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Load<T> {
    #[default]
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// A region's content by the state of its document: the skeleton while it loads, `render`
/// once it has, the error with "Prøv igen" if it failed.
pub fn region_content<T, V>(
    state: Signal<Load<T>>,
    what: &'static str,
    skeleton: fn() -> AnyView,
    on_retry: Callback<()>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match state.get() {
        Load::Loading => skeleton(),
        Load::Ready(value) => render(value).into_any(),
        Load::Failed(error) => view! { <RegionError what error on_retry /> }.into_any(),
    }
}
