//! The sponsored banner: paid content, labelled as such by the app and styled apart from
//! editorial content, whatever the backend sends.

use leptos::prelude::*;

use super::media::Picture;
use crate::model::SponsoredItem;

#[component]
pub fn SponsoredBanner(item: SponsoredItem) -> impl IntoView {
    view! {
        <div class="sponsored__body">
            <p class="sponsored__from">{format!("Annonceindlæg fra {}", item.sponsor)}</p>
            <a class="sponsored__link" href=item.url.as_str().to_string() rel="sponsored noopener" target="_blank">
                {item.image.map(|image| view! { <Picture image class="sponsored__image" /> })}
                <span class="sponsored__headline">{item.headline.to_string()}</span>
                <span class="visually-hidden">" (åbner i et nyt vindue)"</span>
            </a>
            {item.teaser.filter(|t| !t.trim().is_empty()).map(|t| view! { <p class="sponsored__teaser">{t}</p> })}
        </div>
    }
}

/// The frame every state of the banner sits in: the "Annonce" label is here, so the
/// skeleton and the error are labelled too.
#[component]
pub fn SponsoredFrame(children: Children) -> impl IntoView {
    view! {
        <section class="region sponsored" aria-labelledby="sponsored-label">
            <p class="sponsored__label" id="sponsored-label">"Annonce"</p>
            {children()}
        </section>
    }
}
