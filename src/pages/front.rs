//! The front page: the latest articles, and the sidebar.

use leptos::prelude::*;

use super::meta::PageMeta;
use super::paging::paged_region;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::region::Skeleton;
use crate::components::teaser::ArticleList;
use crate::routes;

#[component]
pub fn FrontPage() -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let api = docs.api().clone();
    view! {
        <PageMeta
            title="Forside".to_string()
            description="Seneste nyt om it i Danmark: virksomheder, teknologi, karriere og navnenyt.".to_string()
            path=routes::FRONT.to_string()
        />
        <main id="indhold" tabindex="-1" class="main">
            <h1 class="page-title">"Seneste nyt"</h1>
            {paged_region(
                docs.article_index(),
                docs.more_articles,
                "Forsidens artikler",
                || view! { <Skeleton shape="teaser" count=6 /> }.into_any(),
                |t| t.slug.to_string(),
                move |path| {
                    let api = api.clone();
                    async move { api.article_index(Some(&path)).await }
                },
                |list| view! { <ArticleList list /> },
            )}
        </main>
        <Sidebar />
    }
}
