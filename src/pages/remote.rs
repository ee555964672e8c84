//! A document from the backend as a signal: loading, loaded or failed, with a way to fetch
//! it again. On a prerendered page it starts out loaded, with the document the page was
//! rendered from (`handover`), and asks the backend in the background whether there is
//! anything newer.
//!
//! Why not `LocalResource` + `<Suspense>`: each of those is generic over its future and
//! its children, and with a dozen regions they made up a third of the wasm (measured with
//! twiggy: async-derived polling, suspense boundaries). One signal per region, filled by
//! one boxed future, does the same job in a fraction of the size.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{Api, ApiError};
use crate::components::region::Load;
use crate::components::time::relativize;
use crate::console;
use crate::handover;
use crate::model::{Document, Slug};
use crate::watched::Watched;

type BoxedFetch<T> = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>>;

pub struct Remote<T: Send + Sync + 'static> {
    state: Watched<Load<T>>,
    /// Which request the state belongs to: an answer to an older request (the reader has
    /// moved on to another article) is dropped.
    generation: StoredValue<u32>,
    fetch: StoredValue<BoxedFetch<T>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Remote<T> {}

impl<T: Document + Clone + PartialEq + Send + Sync + 'static> Remote<T> {
    /// The document at `path` (relative to the API base; `None` when it is not known yet)
    /// and how to fetch it. Taken from the page it was prerendered into if it was, else
    /// fetched at once, so the request goes out before anything renders.
    pub fn new<F, Fut>(path: Option<String>, fetch: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let fetch: BoxedFetch<T> = Rc::new(move || Box::pin(fetch()));
        let this = Self {
            state: Watched::new(Load::Loading),
            generation: StoredValue::new(0),
            fetch: StoredValue::new_local(fetch),
        };
        match path.as_deref().and_then(handover::take::<T>) {
            Some(Ok(doc)) => {
                this.state.set(Load::Ready(doc));
                this.request(true);
            }
            Some(Err(error)) => this.state.set(Load::Failed(error)),
            None => this.reload(),
        }
        this
    }

    /// Fetches again: the region shows its skeleton until the answer arrives.
    pub fn reload(&self) {
        self.request(false);
    }

    /// Asks the backend for the document. `quiet` (revalidating what a prerendered page
    /// showed): the skeleton does not come back, a newer document replaces the one shown,
    /// and the same one or a failure changes nothing. One request path for both, so the
    /// wasm has it once per document type.
    fn request(&self, quiet: bool) {
        if !handover::fetches() {
            return;
        }
        let generation = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(generation);
        if !quiet {
            self.state.set(Load::Loading);
        }
        let future = self.fetch.with_value(|fetch| fetch());
        let (state, current) = (self.state, self.generation);
        spawn_local(async move {
            let result = future.await;
            // The owner may be gone (the page was left) or a newer request made.
            if current.try_get_value() != Some(generation) {
                return;
            }
            match result {
                Ok(newer) if quiet => {
                    let same = matches!(state.get(), Some(Load::Ready(shown)) if shown == newer);
                    if !same {
                        state.set(Load::Ready(newer));
                        relativize();
                    }
                }
                Ok(value) => {
                    state.set(Load::Ready(value));
                    relativize();
                }
                Err(error) if quiet => {
                    console::info(&format!("Tidende: kept the prerendered copy ({error})"))
                }
                Err(error) => state.set(Load::Failed(error)),
            }
        });
    }

    /// Where the document stands, as a signal of the caller's own (see `Watched`).
    pub fn state(&self) -> Signal<Load<T>> {
        self.state.watch()
    }

    /// "Prøv igen".
    pub fn retry(&self) -> Callback<()> {
        let this = *self;
        Callback::new(move |_| this.reload())
    }
}

/// A document named by the route's slug (an article, its related reads), at `path(slug)`:
/// fetched again when a client-side link changes the slug; a slug that cannot be one is a
/// 404 without asking.
pub fn by_slug<T>(api: Api, slug: Signal<Option<Slug>>, path: fn(&Slug) -> String) -> Remote<T>
where
    T: Document + Clone + PartialEq + Send + Sync + 'static,
{
    let first = slug.get_untracked().map(|s| path(&s));
    let doc = Remote::new(first, move || {
        let request = slug.get_untracked().map(|s| path(&s));
        let api = api.clone();
        async move {
            match request {
                Some(path) => api.get::<T>(&path).await,
                None => Err(ApiError::Status {
                    code: 404,
                    url: String::new(),
                }),
            }
        }
    });
    Effect::watch(move || slug.get(), move |_, _, _| doc.reload(), false);
    doc
}

/// A document fetched on first use, under a longer-lived owner than the page that first
/// asks for it (the app's: see `SharedDocs`), so it outlives that page.
pub struct Lazy<T: Send + Sync + 'static> {
    cell: StoredValue<Option<Remote<T>>>,
}

impl<T: Send + Sync + 'static> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Lazy<T> {}

impl<T: Document + Clone + PartialEq + Send + Sync + 'static> Lazy<T> {
    pub fn new() -> Self {
        Self {
            cell: StoredValue::new(None),
        }
    }

    /// The document, made under `owner` on first use from `path` and `fetch` (as
    /// `Remote::new` takes them).
    pub fn get<F, Fut>(
        &self,
        owner: &Owner,
        path: impl FnOnce() -> Option<String>,
        fetch: F,
    ) -> Remote<T>
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if let Some(doc) = self.cell.get_value() {
            return doc;
        }
        let doc = owner.with(|| Remote::new(path(), fetch));
        self.cell.set_value(Some(doc));
        doc
    }

    /// The document, if it has been asked for.
    pub fn made(&self) -> Option<Remote<T>> {
        self.cell.get_value()
    }
}

impl<T: Document + Clone + PartialEq + Send + Sync + 'static> Default for Lazy<T> {
    fn default() -> Self {
        Self::new()
    }
}
