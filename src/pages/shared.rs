//! Documents more than one page shows (the sidebar's, and the lists), fetched once per
//! visit and kept while the reader moves around.

use leptos::prelude::*;

use super::list_docs::ListDocs;
use super::remote::{Lazy, Remote};
use crate::api::{paths, Api};
use crate::model::{Job, PeopleNewsEntry, SponsoredItem, Teaser};
use crate::routes;

#[derive(Clone)]
pub struct SharedDocs {
    api: Api,
    owner: Owner,
    sponsored: Lazy<SponsoredItem>,
    pub articles: ListDocs<Teaser>,
    pub jobs: ListDocs<Job>,
    pub people: ListDocs<PeopleNewsEntry>,
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
            api,
        }
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
