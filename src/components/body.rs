//! The article body: one match over the block types, one small view per type. Unknown
//! types never reach here (the model skips them).

use leptos::prelude::*;

use super::media::Figure;
use super::rich_text::{link_view, spans_view};
use crate::model::{Block, ListStyle};
use crate::routes;

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body">{blocks.into_iter().map(block_view).collect_view()}</div> }
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(spans) => view! { <p>{spans_view(spans)}</p> }.into_any(),
        Block::Heading { level: 2, text } => view! { <h2>{text.to_string()}</h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3>{text.to_string()}</h3> }.into_any(),
        Block::Image(image) => view! { <Figure image class="figure--inline" /> }.into_any(),
        Block::Quote { text, attribution } => view! {
            <figure class="quote">
                <blockquote>
                    <p>{text.to_string()}</p>
                </blockquote>
                {attribution.map(|a| view! { <figcaption>{a}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { style, items } => {
            let items = items
                .into_iter()
                .map(|spans| view! { <li>{spans_view(spans)}</li> })
                .collect_view();
            match style {
                ListStyle::Bullet => {
                    view! { <ul class="article-list-block">{items}</ul> }.into_any()
                }
                ListStyle::Number => {
                    view! { <ol class="article-list-block">{items}</ol> }.into_any()
                }
            }
        }
        Block::RelatedLink {
            label,
            slug,
            headline,
        } => view! {
            <p class="read-also">
                <span class="read-also__label">{label} ":"</span>
                " "
                <a href=routes::href(&routes::article(&slug))>{headline.to_string()}</a>
            </p>
        }
        .into_any(),
        Block::Source { text, href } => {
            let text = text.to_string().into_any();
            view! {
                <p class="source-line">{match href {
                    Some(link) => link_view(link, text),
                    None => text,
                }}</p>
            }
            .into_any()
        }
        // Filtered out by `Article::blocks`; nothing to show if one slips through.
        Block::Unknown(_) => ().into_any(),
    }
}
