//! "Vis flere": the pages of a list after the first, and loading the next one.

use std::collections::HashSet;
use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::remote::Remote;
use crate::api::ApiError;
use crate::components::load_more::{MoreState, PagedList};
use crate::components::region::region_content;
use crate::model::Page;
use crate::watched::Watched;

/// The pages loaded after the first, and where loading the next one stands: kept while the
/// reader moves around, watched by the list's page while it shows (see `Watched`).
pub struct Paging<T: Send + Sync + 'static> {
    pages: Watched<Vec<Page<T>>>,
    state: Watched<MoreState>,
}

impl<T: Send + Sync + 'static> Clone for Paging<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Paging<T> {}

impl<T: Clone + Send + Sync + 'static> Paging<T> {
    pub fn new() -> Self {
        Self {
            pages: Watched::new(Vec::new()),
            state: Watched::new(MoreState::Idle),
        }
    }

    /// The first page's entries, then the loaded pages', each entry once (by `key`): a page
    /// boundary that moved while the reader read must not show an entry twice.
    fn entries(
        first: Page<T>,
        pages: Signal<Vec<Page<T>>>,
        key: fn(&T) -> String,
    ) -> Signal<Vec<T>> {
        Signal::derive(move || {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            pages.with(|more| {
                for entry in first.entries().chain(more.iter().flat_map(Page::entries)) {
                    if seen.insert(key(entry)) {
                        out.push(entry.clone());
                    }
                }
            });
            out
        })
    }

    /// The path of the next page to load, if any.
    fn next(first_next: Option<String>, pages: Signal<Vec<Page<T>>>) -> Signal<Option<String>> {
        Signal::derive(move || {
            pages.with(|more| match more.last() {
                Some(last) => last.next.clone(),
                None => first_next.clone(),
            })
        })
    }

    /// The list as its component sees it: the first page plus the loaded ones, and a
    /// "Vis flere" that fetches the next page with `fetch`.
    pub fn list<F, Fut>(&self, first: Page<T>, key: fn(&T) -> String, fetch: F) -> PagedList<T>
    where
        F: Fn(String) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        let this = *self;
        let pages = self.pages.watch();
        let next = Self::next(first.next.clone(), pages);
        PagedList {
            total: first.total_items,
            entries: Self::entries(first, pages, key),
            has_more: Signal::derive(move || next.with(Option::is_some)),
            state: self.state.watch(),
            on_more: Callback::new(move |_| {
                if let Some(path) = next.get_untracked() {
                    this.load(path, fetch.clone());
                }
            }),
        }
    }

    /// Loads the page at `path` with `fetch` and appends it; on failure the state says why
    /// and the next click retries.
    fn load<F, Fut>(&self, path: String, fetch: F)
    where
        F: FnOnce(String) -> Fut + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        if self.state.get() == Some(MoreState::Loading) {
            return;
        }
        let (pages, state) = (self.pages, self.state);
        state.set(MoreState::Loading);
        spawn_local(async move {
            match fetch(path).await {
                Ok(page) => {
                    pages.update(|p| p.push(page));
                    state.set(MoreState::Idle);
                }
                Err(e) => state.set(MoreState::Failed(e)),
            }
        });
    }
}

impl<T: Clone + Send + Sync + 'static> Default for Paging<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// A paged list's region on its own page: the first page (shared, see `SharedDocs`), its
/// skeleton and error, and the list with "Vis flere" that loads the next pages with `fetch`.
pub fn paged_region<T, F, Fut, V>(
    first: Remote<Page<T>>,
    more: Paging<T>,
    what: &'static str,
    skeleton: fn() -> AnyView,
    key: fn(&T) -> String,
    fetch: F,
    view: fn(PagedList<T>) -> V,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(String) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    V: IntoView + 'static,
{
    region_content(first.state(), what, skeleton, first.retry(), move |page| {
        view(more.list(page, key, fetch.clone()))
    })
}
