//! A document from the backend as a signal: loading, loaded or failed, with a way to fetch
//! it again.
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

use crate::api::ApiError;
use crate::components::region::Load;
use crate::model::Slug;
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

impl<T: Clone + Send + Sync + 'static> Remote<T> {
    /// Starts fetching at once, so the request goes out before anything renders.
    pub fn new<F, Fut>(fetch: F) -> Self
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
        this.reload();
        this
    }

    /// Fetches again: the region shows its skeleton until the answer arrives.
    pub fn reload(&self) {
        let generation = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(generation);
        self.state.set(Load::Loading);
        let future = self.fetch.with_value(|fetch| fetch());
        let (state, current) = (self.state, self.generation);
        spawn_local(async move {
            let result = future.await;
            // The owner may be gone (the page was left) or a newer request made.
            if current.try_get_value() == Some(generation) {
                state.set(match result {
                    Ok(value) => Load::Ready(value),
                    Err(error) => Load::Failed(error),
                });
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

/// A document named by the route's slug (an article, its related reads): fetched again when
/// a client-side link changes the slug; a slug that cannot be one is a 404 without asking.
pub fn by_slug<T, F, Fut>(slug: Signal<Option<Slug>>, fetch: F) -> Remote<T>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Slug) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let doc = Remote::new(move || {
        let request = slug.get_untracked().map(&fetch);
        async move {
            match request {
                Some(request) => request.await,
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
