//! Links to the pages of a section (the kicker above a headline) and of a topic (a tag
//! under an article).

use leptos::prelude::*;

use crate::model::Label;
use crate::routes::{self, Listing};

/// A label as a link to its page: "Mobil" → `/sektion/mobil`.
#[component]
pub fn LabelLink(label: Label, listing: Listing) -> impl IntoView {
    let href = routes::href(&listing.path(&label.slug));
    view! { <a href=href>{label.name}</a> }
}

/// The kicker above a headline: the article's section, linking to the section's page.
#[component]
pub fn Kicker(section: Label) -> impl IntoView {
    view! { <p class="kicker"><LabelLink label=section listing=Listing::Section /></p> }
}
