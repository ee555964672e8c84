//! Documents more than one page shows (the sidebar's, and the first page of each list),
//! fetched once per visit and kept while the reader moves around, with the pages that
//! "Vis flere" loaded: back from an article, the list is as the reader left it.

use leptos::prelude::*;

use super::paging::Paging;
use super::remote::Remote;
use crate::api::{Api, ApiError};
use crate::model::{
    ArticleIndex, Job, JobPage, PeopleNewsEntry, PeopleNewsPage, SponsoredItem, Teaser,
};

/// A document fetched on first use, under the app's owner rather than the page's, so it
/// outlives the page that first asked for it.
struct Lazy<T: Send + Sync + 'static> {
    cell: StoredValue<Option<Remote<T>>>,
}

impl<T: Send + Sync + 'static> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Lazy<T> {}

impl<T: Clone + Send + Sync + 'static> Lazy<T> {
    fn new() -> Self {
        Self {
            cell: StoredValue::new(None),
        }
    }

    fn get<Fut>(&self, owner: &Owner, fetch: impl Fn() -> Fut + 'static) -> Remote<T>
    where
        Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
    {
        if let Some(doc) = self.cell.get_value() {
            return doc;
        }
        let doc = owner.with(|| Remote::new(fetch));
        self.cell.set_value(Some(doc));
        doc
    }
}

#[derive(Clone)]
pub struct SharedDocs {
    api: Api,
    owner: Owner,
    sponsored: Lazy<SponsoredItem>,
    jobs: Lazy<JobPage>,
    people: Lazy<PeopleNewsPage>,
    index: Lazy<ArticleIndex>,
    pub more_jobs: Paging<Job>,
    pub more_people: Paging<PeopleNewsEntry>,
    pub more_articles: Paging<Teaser>,
}

impl SharedDocs {
    pub fn new(api: Api) -> Self {
        Self {
            api,
            owner: Owner::current().unwrap_or_default(),
            sponsored: Lazy::new(),
            jobs: Lazy::new(),
            people: Lazy::new(),
            index: Lazy::new(),
            more_jobs: Paging::new(),
            more_people: Paging::new(),
            more_articles: Paging::new(),
        }
    }

    pub fn api(&self) -> &Api {
        &self.api
    }

    pub fn sponsored(&self) -> Remote<SponsoredItem> {
        let api = self.api.clone();
        self.sponsored.get(&self.owner, move || {
            let api = api.clone();
            async move { api.sponsored().await }
        })
    }

    /// The first page of the job listings.
    pub fn jobs(&self) -> Remote<JobPage> {
        let api = self.api.clone();
        self.jobs.get(&self.owner, move || {
            let api = api.clone();
            async move { api.jobs(None).await }
        })
    }

    /// The first page of people news.
    pub fn people_news(&self) -> Remote<PeopleNewsPage> {
        let api = self.api.clone();
        self.people.get(&self.owner, move || {
            let api = api.clone();
            async move { api.people_news(None).await }
        })
    }

    /// The first page of the article index.
    pub fn article_index(&self) -> Remote<ArticleIndex> {
        let api = self.api.clone();
        self.index.get(&self.owner, move || {
            let api = api.clone();
            async move { api.article_index(None).await }
        })
    }
}
