//! A list of the site (the article index, the job listings, people news) as its pages see
//! it: page 1, shared with the sidebar; the page a list page starts at (`/navnenyt/side/3`
//! opens on page 3); the pages "Vis flere" added after it; and the page links learnt on the
//! way. Kept while the reader moves around: back from an article, the list is as the reader
//! left it.
//!
//! The contract names page 1's path only; every later page is the `next` of the one before
//! (docs/api.md, "Paged list"). So page `n` is found by following `next` from the nearest
//! page whose path is known, and each path learnt is kept.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::remote::{Lazy, Remote};
use crate::api::{Api, ApiError};
use crate::components::load_more::{More, MoreState, PagedList};
use crate::components::time::relativize;
use crate::handover;
use crate::model::page::next_of;
use crate::model::{Item, Page};
use crate::router::{self, Route};
use crate::routes::{self, SiteBase};
use crate::watched::Watched;

/// How many `next` links a reader's page may be from the nearest known one: a deep link to
/// `/navnenyt/side/100000` must not become 100,000 requests.
const MAX_HOPS: u32 = 50;

pub struct ListDocs<T: Send + Sync + 'static> {
    api: Api,
    owner: Owner,
    /// The route path of its first page: "/navnenyt", "/emne/nokia".
    root: Arc<str>,
    links: PageLinks,
    first: Lazy<Page<T>>,
    /// The page the list page starts at, when that is not page 1.
    deep: Lazy<Page<T>>,
    start: StoredValue<u32>,
    /// The pages loaded after the start page.
    more: Watched<Vec<Page<T>>>,
    state: Watched<MoreState>,
}

impl<T: Send + Sync + 'static> Clone for ListDocs<T> {
    fn clone(&self) -> Self {
        Self {
            api: self.api.clone(),
            owner: self.owner.clone(),
            root: self.root.clone(),
            links: self.links.clone(),
            ..*self
        }
    }
}

impl<T: Item + Clone + PartialEq + Send + Sync + 'static> ListDocs<T> {
    /// A list under the current owner (the app's).
    pub fn new(api: Api, name: &str, root: &str, first_path: &str) -> Self {
        Self {
            links: PageLinks {
                api: api.clone(),
                name: name.into(),
                first_path: first_path.into(),
                links: StoredValue::new(Vec::new()),
            },
            api,
            owner: Owner::current().unwrap_or_default(),
            root: root.into(),
            first: Lazy::new(),
            deep: Lazy::new(),
            start: StoredValue::new(1),
            more: Watched::new(Vec::new()),
            state: Watched::new(MoreState::Idle),
        }
    }

    /// The route path of its first page: "/navnenyt".
    pub fn root(&self) -> &str {
        &self.root
    }

    /// Page 1, shared by the list's own page and the sidebar.
    pub fn first(&self) -> Remote<Page<T>> {
        let (api, path) = (self.api.clone(), self.links.first_path.clone());
        let key = path.to_string();
        self.first.get(
            &self.owner,
            || Some(key),
            move || {
                let (api, path) = (api.clone(), path.clone());
                async move { api.get(&path).await }
            },
        )
    }

    /// The page the list page starts at: page 1, or the deep page it was opened on.
    pub fn start_doc(&self, start: u32) -> Remote<Page<T>> {
        if start <= 1 {
            return self.first();
        }
        let (links, start_at) = (self.links.clone(), self.start);
        self.deep.get(
            &self.owner,
            || self.links.path_of(start),
            move || {
                let links = links.clone();
                async move {
                    let path = links.find(start_at.get_value()).await?;
                    links.api.get(&path).await
                }
            },
        )
    }

    /// Where the list page for page `page` starts: where it already starts when the pages
    /// shown include `page` (the reader came back, or "Vis flere" moved the address on),
    /// else at `page` itself, with nothing loaded after it.
    pub fn start_for(&self, page: u32) -> u32 {
        let start = self.start.get_value();
        let loaded = self.more.get().map_or(0, |m| m.len()) as u32;
        if (start..=start + loaded).contains(&page) {
            return start;
        }
        // The region showing the old start is about to be replaced: no one to tell.
        self.start.set_value(page);
        self.more.update_quietly(Vec::clear);
        self.state.update_quietly(|s| *s = MoreState::Idle);
        if page > 1 {
            if let Some(deep) = self.deep.made() {
                deep.reload();
            }
        }
        page
    }

    /// Keeps the link to the page after `page`.
    fn learn(&self, page: u32, doc: &Page<T>) {
        if let Some(next) = &doc.next {
            self.links.insert(page + 1, next.clone());
        }
    }

    /// The list as its component sees it: the start page's entries and those of the pages
    /// loaded after it (each once, by `key`: a page boundary that moved while the reader
    /// read must not show an entry twice), and "Vis flere".
    pub fn list(&self, start: u32, first: Page<T>, key: fn(&T) -> String) -> PagedList<T> {
        self.learn(start, &first);
        let pages = self.more.watch();
        let first_next = first.next.clone();
        let next = Signal::derive(move || {
            pages.with(|more| match more.last() {
                Some(last) => last.next.clone(),
                None => first_next.clone(),
            })
        });
        let total = first.total_items;
        let entries = Signal::derive(move || {
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
        });
        let base = use_context::<SiteBase>().unwrap_or_default().0;
        let root = self.root.clone();
        let newer_href =
            (start > 1).then(|| routes::join(&base, &routes::list_page(&root, start - 1)));
        let next_href = {
            let base = base.clone();
            Signal::derive(move || {
                let after = start + pages.with(Vec::len) as u32 + 1;
                next.with(Option::is_some)
                    .then(|| routes::join(&base, &routes::list_page(&root, after)))
            })
        };
        let location = router::use_location();
        let this = self.clone();
        PagedList {
            entries,
            more: More {
                shown: Signal::derive(move || entries.with(Vec::len)),
                total,
                next_href,
                newer_href,
                from_page: (start > 1).then_some(start),
                state: self.state.watch(),
                on_more: Callback::new(move |_| {
                    if let Some(path) = next.get_untracked() {
                        this.load(path, location);
                    }
                }),
            },
        }
    }

    /// Loads the page at `path` and appends it; the address then names the last page shown.
    /// On failure the state says why, and the next click retries.
    fn load(&self, path: String, location: router::Location) {
        if self.state.get() == Some(MoreState::Loading) {
            return;
        }
        let this = self.clone();
        let start = self.start.get_value();
        self.state.set(MoreState::Loading);
        spawn_local(async move {
            let result = this.api.get::<Page<T>>(&path).await;
            if this.start.try_get_value() != Some(start) {
                // The reader opened another page of the list meanwhile.
                return;
            }
            match result {
                Ok(doc) => {
                    let page = start + this.more.get().map_or(0, |m| m.len()) as u32 + 1;
                    this.links.insert(page, path);
                    this.learn(page, &doc);
                    this.more.update(|m| m.push(doc));
                    this.state.set(MoreState::Idle);
                    relativize();
                    // Only while the reader is still on the list.
                    let here = Route::of(&location.path_untracked()).list_root();
                    if here.as_deref() == Some(&*this.root) {
                        location.replace(&routes::list_page(&this.root, page));
                    }
                }
                Err(e) => this.state.set(MoreState::Failed(e)),
            }
        });
    }
}

/// Where each page of a list is: page 1 by the contract, page `n` as the `next` of page
/// `n - 1`. Not generic: following links reads `next` alone, so the wasm has it once.
#[derive(Clone)]
struct PageLinks {
    api: Api,
    /// Names the list's page links in the handover: "articles", "jobs", "topics/nokia".
    name: Arc<str>,
    /// Page 1's document path, as docs/api.md gives it.
    first_path: Arc<str>,
    /// Page number to document path, for the pages after the first, in page order. A
    /// sorted Vec, not a BTreeMap: a list has tens of pages, and a map type of its own
    /// cost about 5 KB of wasm.
    links: StoredValue<Vec<(u32, String)>>,
}

impl PageLinks {
    fn insert(&self, page: u32, path: String) {
        self.links
            .update_value(|l| match l.binary_search_by_key(&page, |(n, _)| *n) {
                Ok(i) => l[i].1 = path,
                Err(i) => l.insert(i, (page, path)),
            });
    }

    fn get(&self, page: u32) -> Option<String> {
        self.links.with_value(|l| {
            l.binary_search_by_key(&page, |(n, _)| *n)
                .ok()
                .map(|i| l[i].1.clone())
        })
    }

    /// The document path of page `page`, if known (from what was loaded, or from the page
    /// the prerender made).
    fn path_of(&self, page: u32) -> Option<String> {
        if page <= 1 {
            return Some(self.first_path.to_string());
        }
        if let Some(path) = self.get(page) {
            return Some(path);
        }
        let path = handover::page_path(&self.name, page)?;
        self.insert(page, path.clone());
        Some(path)
    }

    /// The document path of page `page`, following `next` from the nearest page before it
    /// whose path is known.
    async fn find(&self, page: u32) -> Result<String, ApiError> {
        if let Some(path) = self.path_of(page) {
            return Ok(path);
        }
        let (mut at, mut path) = self.links.with_value(|l| {
            l.iter()
                .rev()
                .find(|(n, _)| *n < page)
                .map(|(n, p)| (*n, p.clone()))
                .unwrap_or((1, self.first_path.to_string()))
        });
        if page - at > MAX_HOPS {
            return Err(self.not_found(page));
        }
        while at < page {
            let doc = self.api.get_json(&path).await?;
            match next_of(&doc).map_err(ApiError::Decode)? {
                Some(next) => {
                    at += 1;
                    self.insert(at, next.clone());
                    path = next;
                }
                None => return Err(self.not_found(page)),
            }
        }
        Ok(path)
    }

    fn not_found(&self, page: u32) -> ApiError {
        ApiError::Status {
            code: 404,
            url: format!("{} page {page}", self.name),
        }
    }
}
