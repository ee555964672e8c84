//! Which pages the site has, walked from the backend's lists: every page of the article
//! index and every article it lists, every page of each topic and section those articles
//! name, every page of people news and of the job listings.
//! The documents fetched on the way are kept for the rendering.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use crate::json::Value;

use super::source::Source;
use crate::api::{paths, ApiError};
use crate::handover::Store;
use crate::model::{decode_value, Article, Item, Label, Page, Teaser};
use crate::routes::{self, Listing};

/// No list is walked beyond this many pages (a million entries at 100 a page): a backend
/// whose `next` links never end must not keep the build going for ever.
pub const MAX_LIST_PAGES: u32 = 10_000;

/// The backend as the prerender sees it: a source, and every answer it gave, kept.
pub struct Backend {
    source: Source,
    pub store: Rc<RefCell<Store>>,
    pub requests: usize,
}

impl Backend {
    pub fn new(source: Source) -> Self {
        Self {
            source,
            store: Rc::default(),
            requests: 0,
        }
    }

    pub fn describe(&self) -> String {
        self.source.describe()
    }

    /// The document at `path`, fetched once; a failure is kept too, and reported by every
    /// page that needs the document.
    pub fn fetch(&mut self, path: &str) -> Result<Rc<Value>, ApiError> {
        if let Some(known) = self.store.borrow().docs.get(path) {
            return known.clone();
        }
        self.requests += 1;
        let answer = self.source.get(path).map(Rc::new);
        self.store
            .borrow_mut()
            .docs
            .insert(path.to_string(), answer.clone());
        answer
    }
}

/// Where a walk stopped early, and why.
#[derive(Debug)]
pub struct Stop {
    pub list: String,
    pub page: u32,
    pub reason: String,
}

/// The site's pages, as route paths, in the order they are written.
#[derive(Debug, Default)]
pub struct Plan {
    pub routes: Vec<String>,
    pub stops: Vec<Stop>,
    /// Every article the index lists, each once, newest first: for the feed and sitemaps.
    pub articles: Vec<Teaser>,
    /// Every topic and section those articles name, each once (by slug), in the order met.
    pub listed: Vec<(Listing, Label)>,
}

impl Plan {
    /// Every page of the site.
    pub fn whole_site(backend: &mut Backend) -> Self {
        let mut plan = Self::default();
        plan.index(backend);
        let articles: Vec<String> = plan
            .articles
            .iter()
            .map(|t| routes::article(&t.slug))
            .collect();
        plan.routes.extend(articles);
        let teasers = plan.articles.clone();
        plan.labels(backend, &teasers);
        plan.list::<crate::model::PeopleNewsEntry>(
            backend,
            "people",
            routes::PEOPLE_NEWS,
            paths::FIRST_PEOPLE_PAGE,
        );
        plan.list::<crate::model::Job>(backend, "jobs", routes::JOBS, paths::FIRST_JOBS_PAGE);
        plan.routes.push(routes::SEARCH.to_string());
        plan
    }

    /// The pages a change to the given routes touches: those routes, and every page of the
    /// article index, whose page boundaries move when an article is published or removed.
    pub fn only(backend: &mut Backend, routes: &[String]) -> Self {
        let mut plan = Self::default();
        plan.index(backend);
        for route in routes {
            if !plan.routes.contains(route) {
                plan.routes.push(route.clone());
            }
        }
        // The articles' topics and sections list them too.
        let changed: Vec<Teaser> = plan
            .articles
            .iter()
            .filter(|t| routes.contains(&routes::article(&t.slug)))
            .cloned()
            .collect();
        plan.labels(backend, &changed);
        plan
    }

    /// The topics and sections of `articles` (their sections from the teasers and the
    /// articles, their tags from the articles), and every page of each.
    fn labels(&mut self, backend: &mut Backend, articles: &[Teaser]) {
        let mut found: Vec<(Listing, Label)> = Vec::new();
        let mut add = |listing: Listing, label: Label| {
            if !found
                .iter()
                .any(|(l, x)| *l == listing && x.slug == label.slug)
            {
                found.push((listing, label));
            }
        };
        for teaser in articles {
            let article = backend
                .fetch(&paths::article(&teaser.slug))
                .ok()
                .and_then(|v| decode_value::<Article>(&v).ok())
                .map(|d| d.value);
            let section = article.as_ref().and_then(|a| a.section.clone());
            if let Some(section) = section.or_else(|| teaser.section.clone()) {
                add(Listing::Section, section);
            }
            for tag in article.map(|a| a.tags).unwrap_or_default() {
                add(Listing::Topic, tag);
            }
        }
        for (listing, label) in &found {
            let name = format!("{}/{}", listing.documents(), label.slug);
            self.list::<Teaser>(
                backend,
                &name,
                &listing.path(&label.slug),
                &listing.first_document(&label.slug),
            );
        }
        self.listed.extend(found);
    }

    /// The article index's pages, and the articles they list.
    fn index(&mut self, backend: &mut Backend) {
        let index =
            self.list::<Teaser>(backend, "articles", routes::FRONT, paths::FIRST_INDEX_PAGE);
        let mut seen = HashSet::new();
        for teaser in index.iter().flat_map(Page::entries) {
            if seen.insert(teaser.slug.to_string()) {
                self.articles.push(teaser.clone());
            }
        }
    }

    /// Walks the list `name` from its first page along `next`, keeping each page link for
    /// the rendering, adding a route per page. A page that fails keeps its route (the
    /// rendering reports it) and ends the walk.
    fn list<T: Item>(
        &mut self,
        backend: &mut Backend,
        name: &str,
        root: &str,
        first: &str,
    ) -> Vec<Page<T>> {
        let mut pages = Vec::new();
        let mut seen = HashSet::new();
        let mut path = first.to_string();
        for n in 1..=MAX_LIST_PAGES {
            self.routes.push(routes::list_page(root, n));
            if n > 1 {
                backend
                    .store
                    .borrow_mut()
                    .pages
                    .insert(format!("{name}/{n}"), path.clone());
            }
            let page = backend
                .fetch(&path)
                .and_then(|v| decode_value::<Page<T>>(&v).map_err(ApiError::Decode));
            let page = match page {
                Ok(decoded) => decoded.value,
                Err(e) => {
                    self.stop(name, n, e.to_string());
                    break;
                }
            };
            seen.insert(path.clone());
            let next = page.next.clone();
            pages.push(page);
            match next {
                None => break,
                Some(next) if seen.contains(&next) => {
                    self.stop(
                        name,
                        n,
                        format!("its `next` ({next}) points back to an earlier page"),
                    );
                    break;
                }
                Some(_) if n == MAX_LIST_PAGES => {
                    self.stop(name, n, format!("more than {MAX_LIST_PAGES} pages"));
                }
                Some(next) => path = next,
            }
        }
        pages
    }

    fn stop(&mut self, list: &str, page: u32, reason: String) {
        self.stops.push(Stop {
            list: list.to_string(),
            page,
            reason,
        });
    }
}
