//! The list pages (the front page, topics and sections, people news, jobs): one shape, each
//! page saying only what differs: its list, its title and description, its skeleton and its
//! item view. Page `n`
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
    pub text: ListText,
    /// What failed, as a sentence subject: "Navnenyt".
    pub what: &'static str,
    /// The list it shows: the route's (a topic page's topic).
    pub list: fn(&SharedDocs, &Route) -> ListDocs<T>,
    pub skeleton: fn() -> AnyView,
    /// An entry's identity, so a page boundary that moved shows no entry twice.
    pub key: fn(&T) -> String,
    pub view: fn(PagedList<T>) -> AnyView,
}

/// A list page's words. Apart from the generic spec, so the code that uses them is in the
/// wasm once, not once per kind of entry.
pub struct ListText {
    /// The `<title>` of its first page, before " – Tidende": "Forside".
    pub title: &'static str,
    /// Its one `h1`: "Seneste nyt".
    pub heading: &'static str,
    pub description: &'static str,
    /// For a list of a topic or a section: what it is ("Emne"), shown above the heading,
    /// which is then the list's name from its document (`title` and `heading` stand while
    /// it loads), and its description from the name.
    pub named: Option<Named>,
}

/// The page's `main`: heading, the list from the page the route names, "Vis flere". A
/// list page is made anew when the reader goes to another page of the list (the shell
/// keys pages by kind and number, app.rs), so what it starts at is fixed for its life.
pub fn list_main<T>(spec: &'static ListPageSpec<T>) -> impl IntoView
where
    T: Item + Clone + PartialEq + Send + Sync + 'static,
{
    let route = Route::of(&router::use_location().path_untracked());
    let list = (spec.list)(&expect_context::<SharedDocs>(), &route);
    let start = list.start_for(route.page());
    let root = list.root().to_string();
    let doc = list.start_doc(start);
    let state = doc.state();
    let text = &spec.text;
    let content = move || {
        let load = state.get();
        let name = match &load {
            Load::Ready(first) => first.name.clone(),
            _ => None,
        };
        // A page past the end of the list (or a topic that has none) is not found, as a
        // page; anything else is in the list's region.
        if matches!(&load, Load::Failed(e) if e.is_not_found() && (start > 1 || text.named.is_some()))
        {
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
            {list_head(text, name, &root, start)}
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

/// What a topic or section page says of itself, beyond its name.
pub struct Named {
    /// "Emne", "Sektion".
    pub kind: &'static str,
    /// Its `<title>` from its name: a topic and a section may share one ("Cloud"), and
    /// each page's title is its own.
    pub title: fn(&str) -> String,
    /// Its description, from its name.
    pub describe: fn(&str) -> String,
}

/// The page's head, kicker and heading: for page `start` of the list at `root`, and for
/// a named list with its `name` once its document is in.
fn list_head(text: &'static ListText, name: Option<String>, root: &str, start: u32) -> AnyView {
    // Later pages are titled after the heading ("Seneste nyt, side 2"), a named list's
    // after its title ("Sektion: Mobil, side 2").
    let (title, later, heading, description) = match (name, &text.named) {
        (Some(name), Some(named)) => {
            let (title, description) = ((named.title)(&name), (named.describe)(&name));
            (title.clone(), title, name, description)
        }
        _ => (
            text.title.to_string(),
            text.heading.to_string(),
            text.heading.to_string(),
            text.description.to_string(),
        ),
    };
    let (title, description) = if start > 1 {
        (
            format!("{later}, side {start}"),
            format!("{description} Side {start}."),
        )
    } else {
        (title, description)
    };
    // The front page stands for the site in search engines.
    let json_ld = (json_ld::WRITTEN && root == routes::FRONT && start == 1)
        .then(|| json_ld::website(&config::page_url(routes::FRONT), text.description));
    view! {
        <PageMeta title description path=routes::list_page(root, start) json_ld />
        {text.named.as_ref().map(|n| view! { <p class="kicker page-kicker">{n.kind}</p> })}
        <h1 class="page-title">{heading}</h1>
    }
    .into_any()
}
