//! Documents more than one page shows (the sidebar's, and the lists), fetched once per
//! visit and kept while the reader moves around.

use leptos::prelude::*;

use super::list_docs::ListDocs;
use super::remote::{Lazy, Remote};
use crate::api::{paths, Api};
use crate::model::Slug;
use crate::model::{Job, PeopleNewsEntry, SponsoredItem, Teaser};
use crate::routes::{self, Listing};

/// The topic and section lists kept while the reader moves around: the ones read last.
/// Older ones are let go (and fetched again if the reader goes back to them).
const KEPT_LISTINGS: usize = 8;

#[derive(Clone)]
pub struct SharedDocs {
    api: Api,
    owner: Owner,
    sponsored: Lazy<SponsoredItem>,
    pub articles: ListDocs<Teaser>,
    pub jobs: ListDocs<Job>,
    pub people: ListDocs<PeopleNewsEntry>,
    /// Topic and section lists by their page 1's route path, the newest last, each under
    /// an owner of its own so letting it go frees what it holds.
    listed: StoredValue<Vec<(String, ListDocs<Teaser>, Owner)>>,
}

impl SharedDocs {
    pub fn new(api: Api) -> Self {
        Self {
            owner: Owner::current().unwrap_or_default(),
            sponsored: Lazy::new(),
            articles: ListDocs::new(
                api.clone(),
                "articles",
                routes::FRONT,
                paths::FIRST_INDEX_PAGE,
            ),
            jobs: ListDocs::new(api.clone(), "jobs", routes::JOBS, paths::FIRST_JOBS_PAGE),
            people: ListDocs::new(
                api.clone(),
                "people",
                routes::PEOPLE_NEWS,
                paths::FIRST_PEOPLE_PAGE,
            ),
            listed: StoredValue::new(Vec::new()),
            api,
        }
    }

    /// The articles of a topic or a section.
    pub fn listed(&self, listing: Listing, slug: &Slug) -> ListDocs<Teaser> {
        let root = listing.path(slug);
        let kept = self.listed.try_update_value(|kept| {
            let i = kept.iter().position(|(r, _, _)| *r == root)?;
            let entry = kept.remove(i);
            let docs = entry.1.clone();
            kept.push(entry);
            Some(docs)
        });
        if let Some(Some(docs)) = kept {
            return docs;
        }
        let owner = self.owner.child();
        let docs = owner.with(|| {
            ListDocs::new(
                self.api.clone(),
                &format!("{}/{slug}", listing.documents()),
                &root,
                &listing.first_document(slug),
            )
        });
        self.listed.update_value(|kept| {
            kept.push((root, docs.clone(), owner));
            if kept.len() > KEPT_LISTINGS {
                let (_, _, oldest) = kept.remove(0);
                oldest.cleanup();
            }
        });
        docs
    }

    pub fn api(&self) -> &Api {
        &self.api
    }

    pub fn sponsored(&self) -> Remote<SponsoredItem> {
        let api = self.api.clone();
        self.sponsored.get(
            &self.owner,
            || Some(paths::SPONSORED.to_string()),
            move || {
                let api = api.clone();
                async move { api.sponsored().await }
            },
        )
    }
}
