//! Pictures from the backend, with their size reserved and lazy loading below the fold.

use leptos::prelude::*;

use crate::api::{base::DEFAULT_BASE, Api};
use crate::model::Image;

/// The image's URL: relative media paths are resolved against the API base.
fn resolved_src(image: &Image) -> String {
    let base =
        use_context::<Api>().map_or_else(|| DEFAULT_BASE.to_string(), |api| api.base().to_string());
    image.src.resolve(&base)
}

/// An `<img>` with width and height, so the browser reserves its box before it loads.
/// `eager` for the one picture above the fold (the article's top image, the LCP element).
#[component]
pub fn Picture(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let src = resolved_src(&image);
    view! {
        <img
            class=class
            src=src
            alt=image.alt
            width=image.width
            height=image.height
            loading=if eager { "eager" } else { "lazy" }
            decoding=if eager { "sync" } else { "async" }
            fetchpriority=if eager { "high" } else { "auto" }
        />
    }
}

/// A picture with its caption and credit.
#[component]
pub fn Figure(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let caption = image.caption.clone().filter(|c| !c.trim().is_empty());
    let credit = image.credit.clone().filter(|c| !c.trim().is_empty());
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class=format!("figure {class}")>
            <Picture image eager />
            {has_caption.then(|| view! {
                <figcaption class="figure__caption">
                    {caption}
                    {credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
