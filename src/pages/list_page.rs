//! The list pages (the front page, people news, jobs): one shape, each page saying only what
//! differs: its list, its title and description, its skeleton and its item view. Page `n`
//! of a list is `/…/side/n`, a page of its own for readers without script and for crawlers;
//! with script, "Vis flere" appends the next page in place.

use leptos::prelude::*;

use super::json_ld;
use super::list_docs::ListDocs;
use super::meta::PageMeta;
use super::not_found::NotFound;
use super::shared::SharedDocs;
use crate::components::load_more::PagedList;
use crate::components::region::{Load, RegionError};
use crate::config;
use crate::model::Item;
use crate::router::{self, Route};
use crate::routes;

/// What one list page says about itself.
pub struct ListPageSpec<T: Send + Sync + 'static> {
    /// The `<title>` of its first page, before " – Tidende": "Forside".
    pub title: &'static str,
    /// Its one `h1`: "Seneste nyt".
    pub heading: &'static str,
    pub description: &'static str,
    /// What failed, as a sentence subject: "Navnenyt".
    pub what: &'static str,
    /// The list it shows.
    pub list: fn(&SharedDocs) -> ListDocs<T>,
    pub skeleton: fn() -> AnyView,
    /// An entry's identity, so a page boundary that moved shows no entry twice.
    pub key: fn(&T) -> String,
    pub view: fn(PagedList<T>) -> AnyView,
}

/// The page's `main`: heading, the list from the page the route names, "Vis flere". A
/// list page is made anew when the reader goes to another page of the list (the shell
/// keys pages by kind and number, app.rs), so what it starts at is fixed for its life.
pub fn list_main<T>(spec: &'static ListPageSpec<T>) -> impl IntoView
where
    T: Item + Clone + PartialEq + Send + Sync + 'static,
{
    let list = (spec.list)(&expect_context::<SharedDocs>());
    let page = Route::of(&router::use_location().path_untracked()).page();
    let start = list.start_for(page);
    let root = list.root();
    let doc = list.start_doc(start);
    let state = doc.state();
    let (title, description) = if start > 1 {
        (
            format!("{}, side {start}", spec.heading),
            format!("{} Side {start}.", spec.description),
        )
    } else {
        (spec.title.to_string(), spec.description.to_string())
    };
    // The front page stands for the site in search engines.
    let json_ld = (root == routes::FRONT && start == 1)
        .then(|| json_ld::website(&config::page_url(routes::FRONT), spec.description));
    let content = move || {
        let load = state.get();
        // A page past the end of the list is not found, as a page; anything else is in the
        // list's region.
        if matches!(&load, Load::Failed(e) if e.is_not_found() && start > 1) {
            return view! { <NotFound title="Siden findes ikke" /> }.into_any();
        }
        let region = match load {
            Load::Loading => (spec.skeleton)(),
            Load::Ready(first) => (spec.view)(list.list(start, first, spec.key)),
            Load::Failed(error) => {
                view! { <RegionError what=spec.what error on_retry=doc.retry() /> }.into_any()
            }
        };
        view! {
            <PageMeta
                title=title.clone()
                description=description.clone()
                path=routes::list_page(root, start)
                json_ld=json_ld.clone()
            />
            <h1 class="page-title">{spec.heading}</h1>
            {region}
        }
        .into_any()
    };
    view! {
        <main id="indhold" tabindex="-1" class="main">
            {content}
        </main>
    }
}
