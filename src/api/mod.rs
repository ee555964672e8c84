//! The client of the content API (docs/api.md): where the backend is, how a document is
//! fetched, bounded and decoded, and the errors a reader may see.

pub mod base;
pub mod error;
pub mod fetch;

pub use error::ApiError;

use crate::model::{
    Article, ArticleIndex, Document, JobPage, PeopleNewsPage, RelatedReads, Slug, SponsoredItem,
};

/// Requests are aborted after this long: a stalled backend must not leave a skeleton up
/// for ever.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// Bodies beyond this are refused unread: no real document is near it (an article of
/// 5,000 blocks is about 1.5 MB).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// The backend: its base URL (always ending in `/`) and the bounds on each request.
/// Pages take it from context; tests build their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Api {
    base: String,
    timeout_ms: u32,
    max_body_bytes: usize,
}

impl Api {
    pub fn new(base: &str) -> Self {
        Self {
            base: base::with_trailing_slash(base),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_body_bytes: MAX_BODY_BYTES,
        }
    }

    pub fn with_timeout_ms(mut self, ms: u32) -> Self {
        self.timeout_ms = ms;
        self
    }

    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// The base URL, for resolving relative media paths.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A document as plain JSON, unvalidated: for reading one field of it.
    pub async fn get_json(&self, path: &str) -> Result<crate::json::Value, ApiError> {
        fetch::get_json(&self.url(path), self.timeout_ms, self.max_body_bytes).await
    }

    pub async fn get<T: Document>(&self, path: &str) -> Result<T, ApiError> {
        fetch::get_document(&self.url(path), self.timeout_ms, self.max_body_bytes).await
    }

    pub async fn article(&self, slug: &Slug) -> Result<Article, ApiError> {
        self.get(&paths::article(slug)).await
    }

    pub async fn related(&self, slug: &Slug) -> Result<RelatedReads, ApiError> {
        self.get(&paths::related(slug)).await
    }

    /// A page of the article index: `None` is the first page, else the `next` of the last.
    pub async fn article_index(&self, page: Option<&str>) -> Result<ArticleIndex, ApiError> {
        self.get(page.unwrap_or(paths::FIRST_INDEX_PAGE)).await
    }

    pub async fn sponsored(&self) -> Result<SponsoredItem, ApiError> {
        self.get(paths::SPONSORED).await
    }

    pub async fn jobs(&self, page: Option<&str>) -> Result<JobPage, ApiError> {
        self.get(page.unwrap_or(paths::FIRST_JOBS_PAGE)).await
    }

    pub async fn people_news(&self, page: Option<&str>) -> Result<PeopleNewsPage, ApiError> {
        self.get(page.unwrap_or(paths::FIRST_PEOPLE_PAGE)).await
    }
}

/// The documents' paths under the base URL, as docs/api.md lists them.
pub mod paths {
    use crate::model::Slug;

    pub const FIRST_INDEX_PAGE: &str = "articles/index/1.json";
    pub const SPONSORED: &str = "sponsored/current.json";
    pub const FIRST_JOBS_PAGE: &str = "jobs/1.json";
    pub const FIRST_PEOPLE_PAGE: &str = "people/1.json";

    /// A slug is `[a-z0-9-]+`, so it needs no escaping in a path.
    pub fn article(slug: &Slug) -> String {
        format!("articles/{slug}.json")
    }

    pub fn related(slug: &Slug) -> String {
        format!("related/{slug}.json")
    }
}
