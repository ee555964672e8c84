//! "Vis flere": the button under a paged list, with its loading and error states.

use leptos::prelude::*;

use crate::api::ApiError;

/// Where loading the next page stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum MoreState {
    #[default]
    Idle,
    Loading,
    Failed(ApiError),
}

/// A list that grows by "Vis flere", as its component sees it.
pub struct PagedList<T: Send + Sync + 'static> {
    /// Every entry loaded so far, in order, each once.
    pub entries: Signal<Vec<T>>,
    /// How many entries there are in all, as the backend counts them.
    pub total: u64,
    pub has_more: Signal<bool>,
    pub state: Signal<MoreState>,
    /// Loads the next page.
    pub on_more: Callback<()>,
}

impl<T: Send + Sync + 'static> Clone for PagedList<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for PagedList<T> {}

#[component]
pub fn LoadMore<T: Send + Sync + 'static>(
    list: PagedList<T>,
    /// What the entries are, in the plural: "navnenyheder", "jobopslag".
    what: &'static str,
) -> impl IntoView {
    let PagedList {
        entries,
        total,
        has_more,
        state,
        on_more,
    } = list;
    let shown = move || entries.with(Vec::len);
    let loading = move || state.with(|s| *s == MoreState::Loading);
    let error = move || match state.get() {
        MoreState::Failed(e) => Some(e),
        _ => None,
    };
    view! {
        <div class="load-more">
            <p class="load-more__count" aria-live="polite">
                {move || format!("Viser {} af {total} {what}", shown())}
            </p>
            {move || error().map(|e| {
                web_sys::console::warn_1(&format!("Tidende: next page of {what}: {e}").into());
                view! {
                    <p class="region-error region-error--inline" role="alert" data-error=e.kind()>
                        {format!("Flere {what} kunne ikke hentes. {}", e.reader_message())}
                    </p>
                }
            })}
            <Show when=move || has_more.get()>
                <button
                    type="button"
                    class="button load-more__button"
                    aria-disabled=move || loading().then_some("true")
                    on:click=move |_| {
                        if !loading() {
                            on_more.run(());
                        }
                    }
                >
                    {move || {
                        if loading() {
                            "Henter …"
                        } else if error().is_some() {
                            "Prøv igen"
                        } else {
                            "Vis flere"
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}

/// A paged list's entries and its "Vis flere": the one shape of the front page's, the
/// people-news and the jobs lists.
#[component]
pub fn PagedItems<T: Clone + Send + Sync + 'static>(
    list: PagedList<T>,
    /// The list element's class.
    class: &'static str,
    /// Said when there are no entries.
    empty: &'static str,
    /// What the entries are, in the plural: "navnenyheder".
    what: &'static str,
    /// One entry's view.
    item: fn(T) -> AnyView,
    /// An `<ol>` (the news, newest first) rather than a `<ul>`.
    #[prop(optional)]
    ordered: bool,
) -> impl IntoView {
    let entries = list.entries;
    // Not a keyed <For>: lists only grow at the end, and a plain re-render is far smaller
    // in the wasm (docs/perf.md, "Size").
    let items = move || {
        entries
            .get()
            .into_iter()
            .map(|entry| view! { <li>{item(entry)}</li> })
            .collect_view()
    };
    view! {
        <Show
            when=move || !entries.with(Vec::is_empty)
            fallback=move || view! { <p class="region__empty">{empty}</p> }
        >
            {if ordered {
                view! { <ol class=class>{items}</ol> }.into_any()
            } else {
                view! { <ul class=class>{items}</ul> }.into_any()
            }}
        </Show>
        <LoadMore list what />
    }
}
