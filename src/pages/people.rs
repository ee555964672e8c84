//! The people-news page, `/navnenyt`: "Navnenyt fra it-Danmark", paged
//! (`/navnenyt/side/2` …) with "Vis flere".

use leptos::prelude::*;

use super::list_page::{list_main, ListPageSpec, ListText};
use super::sidebar::Sidebar;
use crate::components::people_news::PeopleNewsFeed;
use crate::components::region::Skeleton;
use crate::model::PeopleNewsEntry;

static PEOPLE: ListPageSpec<PeopleNewsEntry> = ListPageSpec {
    text: ListText {
        title: "Navnenyt fra it-Danmark",
        heading: "Navnenyt fra it-Danmark",
        description:
            "Hvem skifter job i den danske it-branche? Nye stillinger, forfremmelser og direktører.",
        named: None,
    },
    what: "Navnenyt",
    list: |docs, _| docs.people.clone(),
    skeleton: || view! { <Skeleton shape="person" count=5 /> }.into_any(),
    key: |e| e.id.to_string(),
    view: |list| view! { <PeopleNewsFeed list /> }.into_any(),
};

#[component]
pub fn PeopleNewsPage() -> impl IntoView {
    view! {
        {list_main(&PEOPLE)}
        <Sidebar people=false />
    }
}
