//! The article page, `/artikel/{slug}`: the article, and the sidebar with its related reads.

use leptos::prelude::*;

use super::json_ld;
use super::meta::PageMeta;
use super::not_found::NotFound;
use super::remote::by_slug;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::api::paths;
use crate::components::article_view::ArticleView;
use crate::components::region::{Load, RegionError, Skeleton};
use crate::config;
use crate::model::{Article, Slug};
use crate::router::{self, Route};
use crate::routes;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let path = router::use_location().watch();
    // A slug that cannot be one is a 404 without asking the backend. Leaving for another
    // kind of page keeps the last slug: this page is about to go, and must not reload.
    let slug = Memo::new(
        move |previous: Option<&Option<Slug>>| match Route::of(&path.get()) {
            route @ Route::Article(_) => route.slug(),
            _ => previous.cloned().flatten(),
        },
    );
    let docs = expect_context::<SharedDocs>();
    let article = by_slug::<Article>(
        docs.api().clone(),
        Signal::derive(move || slug.get()),
        paths::article,
    );
    let media_base = docs.api().base().to_string();
    let state = article.state();
    let content = move || match state.get() {
        Load::Loading => view! { <Skeleton shape="article" count=1 /> }.into_any(),
        Load::Ready(a) => view! {
            <ArticleMeta article=a.clone() media_base=media_base.clone() />
            <ArticleView article=a />
        }
        .into_any(),
        Load::Failed(e) if e.is_not_found() => {
            view! { <NotFound title="Artiklen findes ikke" /> }.into_any()
        }
        Load::Failed(error) => view! {
            <h1 class="page-title">"Artikel"</h1>
            <RegionError what="Artiklen" error on_retry=article.retry() />
        }
        .into_any(),
    };
    view! {
        <main id="indhold" tabindex="-1" class="main main--article">
            {content}
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
    let path = routes::article(&article.slug);
    let image = article
        .image
        .as_ref()
        .map(|i| config::absolute(&i.src.resolve(&media_base)));
    let json_ld = json_ld::WRITTEN.then(|| {
        json_ld::news_article(
            &article,
            &config::page_url(&path),
            image.as_deref(),
            &config::absolute(LOGO),
        )
    });
    let modified = article
        .updated
        .as_ref()
        .filter(|u| u.unix_seconds() > article.published.unix_seconds())
        .map(|u| u.as_rfc3339().to_string());
    view! {
        <PageMeta
            title=article.headline.to_string()
            description
            path
            image
            kind="article"
            published=Some(article.published.as_rfc3339().to_string())
            modified
            json_ld
        />
    }
}

/// The publisher's logo for structured data: copied unhashed into the build (index.html).
const LOGO: &str = "favicon.svg";
