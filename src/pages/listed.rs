//! The topic and section pages, `/emne/{slug}` and `/sektion/{slug}`: the articles with a
//! tag, or in a section, newest first, paged like the front page (`/emne/nokia/side/2`).

use leptos::prelude::*;

use super::list_docs::ListDocs;
use super::list_page::{list_main, ListPageSpec, ListText, Named};
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::region::Skeleton;
use crate::components::teaser::ArticleList;
use crate::model::Teaser;
use crate::router::Route;
use crate::routes::Listing;

static TOPIC: ListPageSpec<Teaser> = ListPageSpec {
    text: ListText {
        title: "Emne",
        heading: "Emne",
        description: "Artikler om et emne på Tidende.",
        named: Some(Named {
            kind: "Emne",
            title: |name| name.to_string(),
            describe: |name| format!("Artikler om {name} på Tidende, nyeste først."),
        }),
    },
    what: "Emnets artikler",
    list: listed,
    skeleton: || view! { <Skeleton shape="teaser" count=6 /> }.into_any(),
    key: |t| t.slug.to_string(),
    view: |list| view! { <ArticleList list /> }.into_any(),
};

static SECTION: ListPageSpec<Teaser> = ListPageSpec {
    text: ListText {
        title: "Sektion",
        heading: "Sektion",
        description: "Artikler fra en sektion af Tidende.",
        named: Some(Named {
            kind: "Sektion",
            title: |name| format!("Sektion: {name}"),
            describe: |name| format!("Seneste nyt fra sektionen {name} på Tidende."),
        }),
    },
    what: "Sektionens artikler",
    list: listed,
    skeleton: || view! { <Skeleton shape="teaser" count=6 /> }.into_any(),
    key: |t| t.slug.to_string(),
    view: |list| view! { <ArticleList list /> }.into_any(),
};

fn listed(docs: &SharedDocs, route: &Route) -> ListDocs<Teaser> {
    match route {
        Route::Listed { listing, slug, .. } => docs.listed(*listing, slug),
        // The shell renders these pages for listed routes only.
        _ => docs.articles.clone(),
    }
}

#[component]
pub fn ListedPage(listing: Listing) -> impl IntoView {
    let spec = match listing {
        Listing::Topic => &TOPIC,
        Listing::Section => &SECTION,
    };
    view! {
        {list_main(spec)}
        <Sidebar />
    }
}
