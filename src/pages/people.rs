//! The people-news page, `/navnenyt`: "Navnenyt fra it-Danmark", paged with "Vis flere".

use leptos::prelude::*;

use super::meta::PageMeta;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::people_news::PeopleNewsFeed;
use crate::components::region::{region_content, Skeleton};
use crate::model::{PeopleNewsEntry, PeopleNewsPage as FeedPage};
use crate::routes;

#[component]
pub fn PeopleNewsPage() -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let first = docs.people_news();
    let more = docs.more_people;
    let api = docs.api().clone();
    view! {
        <PageMeta
            title="Navnenyt fra it-Danmark".to_string()
            description="Hvem skifter job i den danske it-branche? Nye stillinger, forfremmelser og direktører.".to_string()
            path=routes::PEOPLE_NEWS.to_string()
        />
        <main id="indhold" tabindex="-1" class="main">
            <h1 class="page-title">"Navnenyt fra it-Danmark"</h1>
            {region_content(
                first.state(),
                "Navnenyt",
                || view! { <Skeleton shape="person" count=5 /> }.into_any(),
                first.retry(),
                move |page: FeedPage| {
                    let api = api.clone();
                    let list = more.list(page, |e: &PeopleNewsEntry| e.id.to_string(), move |path| {
                        let api = api.clone();
                        async move { api.people_news(Some(&path)).await }
                    });
                    view! { <PeopleNewsFeed list /> }
                },
            )}
        </main>
        <Sidebar people=false />
    }
}
