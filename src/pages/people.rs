//! The people-news page, `/navnenyt`: "Navnenyt fra it-Danmark", paged with "Vis flere".

use leptos::prelude::*;

use super::meta::PageMeta;
use super::paging::paged_region;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::people_news::PeopleNewsFeed;
use crate::components::region::Skeleton;
use crate::routes;

#[component]
pub fn PeopleNewsPage() -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let api = docs.api().clone();
    view! {
        <PageMeta
            title="Navnenyt fra it-Danmark".to_string()
            description="Hvem skifter job i den danske it-branche? Nye stillinger, forfremmelser og direktører.".to_string()
            path=routes::PEOPLE_NEWS.to_string()
        />
        <main id="indhold" tabindex="-1" class="main">
            <h1 class="page-title">"Navnenyt fra it-Danmark"</h1>
            {paged_region(
                docs.people_news(),
                docs.more_people,
                "Navnenyt",
                || view! { <Skeleton shape="person" count=5 /> }.into_any(),
                |e| e.id.to_string(),
                move |path| {
                    let api = api.clone();
                    async move { api.people_news(Some(&path)).await }
                },
                |list| view! { <PeopleNewsFeed list /> },
            )}
        </main>
        <Sidebar people=false />
    }
}
