//! The article page, `/artikel/{slug}`: the article, and the sidebar with its related reads.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::meta::PageMeta;
use super::not_found::NotFound;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::api::ApiError;
use crate::components::article_view::ArticleView;
use crate::components::region::{RegionError, Skeleton};
use crate::model::{Article, Slug};
use crate::routes;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    // A slug that cannot be one is a 404 without asking the backend.
    let slug =
        Memo::new(move |_| params.with(|p| p.get("slug").and_then(|s| Slug::parse(&s).ok())));
    let docs = expect_context::<SharedDocs>();
    let api = docs.api().clone();
    let article = LocalResource::new(move || {
        let api = api.clone();
        let slug = slug.get();
        async move {
            match slug {
                Some(slug) => api.article(&slug).await,
                None => Err(ApiError::Status {
                    code: 404,
                    url: String::new(),
                }),
            }
        }
    });
    let media_base = docs.api().base().to_string();
    let content = move || {
        let media_base = media_base.clone();
        Suspend::new(async move {
            match article.await {
                Ok(article) => EitherOf3::A(view! {
                    <ArticleMeta article=article.clone() media_base />
                    <ArticleView article />
                }),
                Err(e) if e.is_not_found() => {
                    EitherOf3::B(view! { <NotFound title="Artiklen findes ikke" /> })
                }
                Err(error) => EitherOf3::C(view! {
                    <h1 class="page-title">"Artikel"</h1>
                    <RegionError what="Artiklen" error on_retry=Callback::new(move |_| article.refetch()) />
                }),
            }
        })
    };
    view! {
        <main id="indhold" tabindex="-1" class="main main--article">
            <Suspense fallback=|| view! { <Skeleton shape="article" count=1 /> }>{content}</Suspense>
        </main>
        <Sidebar related=Signal::derive(move || slug.get()) />
    }
}

#[component]
fn ArticleMeta(article: Article, media_base: String) -> impl IntoView {
    let description = article
        .summary()
        .map(str::to_string)
        .unwrap_or_else(|| article.headline.to_string());
    let image = article.image.as_ref().map(|i| i.src.resolve(&media_base));
    view! {
        <PageMeta
            title=article.headline.to_string()
            description
            path=routes::article(&article.slug)
            image=image.unwrap_or_default()
            kind="article"
            published=article.published.as_rfc3339().to_string()
        />
    }
}
