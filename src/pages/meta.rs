//! The `<head>` of each page: title, description, canonical link, Open Graph and Twitter
//! card tags, so a shared link shows its headline and picture.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::config;

#[component]
pub fn PageMeta(
    title: String,
    description: String,
    /// The route path: "/artikel/…".
    path: String,
    /// An absolute image URL for link previews.
    #[prop(default = None)]
    image: Option<String>,
    /// Open Graph type: "website" or "article".
    #[prop(default = "website")]
    kind: &'static str,
    /// RFC 3339, for `article:published_time`.
    #[prop(default = None)]
    published: Option<String>,
) -> impl IntoView {
    let url = config::page_url(&path);
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:site_name" content="Tidende" />
        <Meta property="og:locale" content="da_DK" />
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {image.map(|src| view! {
            <Meta property="og:image" content=src.clone() />
            <Meta name="twitter:image" content=src />
        })}
        {published.map(|p| view! { <Meta property="article:published_time" content=p /> })}
    }
}
