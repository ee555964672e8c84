//! "Vis flere" under a paged list: a link to the list's next page, so paging works as
//! plain page loads without script; with script it appends that page in place, with its
//! loading and error states.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::console;

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
    pub more: More,
}

impl<T: Send + Sync + 'static> Clone for PagedList<T> {
    fn clone(&self) -> Self {
        Self {
            entries: self.entries,
            more: self.more.clone(),
        }
    }
}

/// What "Vis flere" needs of a list, whatever its entries are: not generic, so the wasm
/// has the control once for the three lists.
#[derive(Clone)]
pub struct More {
    /// How many entries are shown.
    pub shown: Signal<usize>,
    /// How many entries there are in all, as the backend counts them.
    pub total: u64,
    /// The address of the list's next page, while there is one.
    pub next_href: Signal<Option<String>>,
    /// The address of the page before the first one shown, on a list opened further on.
    pub newer_href: Option<String>,
    /// The page number the list starts at, on a list opened further on.
    pub from_page: Option<u32>,
    pub state: Signal<MoreState>,
    /// Loads the next page.
    pub on_more: Callback<()>,
}

#[component]
pub fn LoadMore(
    more: More,
    /// What the entries are, in the plural: "navnenyheder", "jobopslag".
    what: &'static str,
) -> impl IntoView {
    let More {
        shown,
        total,
        next_href,
        state,
        on_more,
        from_page,
        ..
    } = more;
    // On a list opened further on, the count says where it starts.
    let from = from_page
        .map(|n| format!(", fra side {n}"))
        .unwrap_or_default();
    let loading = move || state.with(|s| *s == MoreState::Loading);
    let error = move || match state.get() {
        MoreState::Failed(e) => Some(e),
        _ => None,
    };
    view! {
        <div class="load-more">
            <p class="load-more__count" aria-live="polite">
                {move || format!("Viser {} af {total} {what}{from}", shown.get())}
            </p>
            {move || error().map(|e| {
                console::warn(&format!("Tidende: next page of {what}: {e}"));
                view! {
                    <p class="region-error region-error--inline" role="alert" data-error=e.kind()>
                        {format!("Flere {what} kunne ikke hentes. {}", e.reader_message())}
                    </p>
                }
            })}
            // One link for the list's life, whose address moves on: focus stays on it.
            <Show when=move || next_href.with(Option::is_some)>
                <a
                    href=move || next_href.get().unwrap_or_default()
                    class="button load-more__button"
                    aria-disabled=move || loading().then_some("true")
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        // A new tab or window gets the next page as a page of its own.
                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                            return;
                        }
                        ev.prevent_default();
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
                </a>
            </Show>
        </div>
    }
}

/// The link back to the list's newer entries, on a page opened further on.
#[component]
fn Newer(href: Option<String>, what: &'static str) -> impl IntoView {
    href.map(|href| {
        view! { <p class="load-more__newer"><a href=href>{format!("Nyere {what}")}</a></p> }
    })
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
    let PagedList { entries, more } = list;
    // Not a keyed <For>: lists only grow at the end, and a plain re-render is far smaller
    // in the wasm (docs/perf.md, "Size").
    let items = move || {
        entries
            .get()
            .into_iter()
            .map(|entry| view! { <li>{item(entry)}</li> })
            .collect_view()
    };
    // Empty or not is settled by the first page: later pages only add entries.
    let list = if entries.with_untracked(Vec::is_empty) {
        view! { <p class="region__empty">{empty}</p> }.into_any()
    } else if ordered {
        view! { <ol class=class>{items}</ol> }.into_any()
    } else {
        view! { <ul class=class>{items}</ul> }.into_any()
    };
    view! {
        <Newer href=more.newer_href.clone() what />
        {list}
        <LoadMore more what />
    }
}
