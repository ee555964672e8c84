//! The front page: the latest articles, and the sidebar. Its later pages are `/side/2` ….

use leptos::prelude::*;

use super::list_page::{list_main, ListPageSpec, ListText};
use super::sidebar::Sidebar;
use crate::components::region::Skeleton;
use crate::components::teaser::ArticleList;
use crate::model::Teaser;

static FRONT: ListPageSpec<Teaser> = ListPageSpec {
    text: ListText {
        title: "Forside",
        heading: "Seneste nyt",
        description: "Seneste nyt om it i Danmark: virksomheder, teknologi, karriere og navnenyt.",
        named: None,
    },
    what: "Forsidens artikler",
    list: |docs, _| docs.articles.clone(),
    skeleton: || view! { <Skeleton shape="teaser" count=6 /> }.into_any(),
    key: |t| t.slug.to_string(),
    view: |list| view! { <ArticleList list /> }.into_any(),
};

#[component]
pub fn FrontPage() -> impl IntoView {
    view! {
        {list_main(&FRONT)}
        <Sidebar />
    }
}
