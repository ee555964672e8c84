//! Links to the pages of a section (the kicker above a headline) and of a topic (a tag
//! under an article).

use leptos::prelude::*;

use crate::model::Label;
use crate::routes::{self, Listing};

// Functions, not components: a component's type-erased boundary costs more wasm than
// these small views themselves (docs/perf.md, "Size").

/// A label as a link to its page: "Mobil" → `/sektion/mobil`.
pub fn label_link(label: Label, listing: Listing) -> impl IntoView {
    let href = routes::href(&listing.path(&label.slug));
    view! { <a href=href>{label.name}</a> }
}

/// The kicker above a headline: the article's section, linking to the section's page.
pub fn kicker(section: Label) -> impl IntoView {
    view! { <p class="kicker">{label_link(section, Listing::Section)}</p> }
}
