//! Articles in lists: the front page's list and the "Læs også" sidebar.

use leptos::prelude::*;

use super::label::kicker;
use super::load_more::{PagedItems, PagedList};
use super::media::Picture;
use super::time::PublishedTime;
use crate::model::Teaser;
use crate::routes;

/// A front-page teaser: picture, kicker, headline (the link), lead, time.
#[component]
pub fn TeaserCard(teaser: Teaser) -> impl IntoView {
    let href = routes::href(&routes::article(&teaser.slug));
    view! {
        <article class="teaser">
            {teaser.image.map(|image| view! { <Picture image class="teaser__image" /> })}
            <div class="teaser__text">
                {teaser.section.map(kicker)}
                <h2 class="teaser__headline">
                    <a href=href>{teaser.headline.to_string()}</a>
                </h2>
                {teaser.lead.map(|l| view! { <p class="teaser__lead">{l}</p> })}
                <p class="teaser__time"><PublishedTime at=teaser.published relative=true /></p>
            </div>
        </article>
    }
}

/// The "Læs også" sidebar list: small picture, headline, time; each a client-side link.
#[component]
pub fn RelatedReads(teasers: Vec<Teaser>) -> impl IntoView {
    if teasers.is_empty() {
        return view! { <p class="region__empty">"Der er ingen relaterede artikler."</p> }
            .into_any();
    }
    view! {
        <ul class="related-list">
            {teasers
                .into_iter()
                .map(|t| {
                    let href = routes::href(&routes::article(&t.slug));
                    view! {
                        <li class="related-item">
                            {t.image.map(|image| view! { <Picture image class="related-item__image" /> })}
                            <div>
                                <a href=href class="related-item__headline">{t.headline.to_string()}</a>
                                <p class="related-item__time"><PublishedTime at=t.published relative=true /></p>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The front page's list of the latest articles, and "Vis flere" for older ones.
#[component]
pub fn ArticleList(list: PagedList<Teaser>) -> impl IntoView {
    view! {
        <PagedItems
            list
            class="teaser-list"
            empty="Der er ingen artikler endnu."
            what="artikler"
            ordered=true
            item=|teaser| view! { <TeaserCard teaser /> }.into_any()
        />
    }
}
