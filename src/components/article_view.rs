//! The article view: kicker, headline, lead, byline and times, top image, body, tags.

use leptos::prelude::*;

use super::body::ArticleBody;
use super::label::{kicker, label_link};
use super::media::Figure;
use super::share::share_row;
use super::time::PublishedTime;
use crate::format;
use crate::model::Article;
use crate::routes::{self, Listing};

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let reading_time = format::reading_time(article.word_count());
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    let byline = format::byline(&names);
    let blocks: Vec<_> = article.blocks().cloned().collect();
    let updated = article
        .updated
        .clone()
        .filter(|u| u.unix_seconds() > article.published.unix_seconds());
    let share_title = article.headline.to_string();
    let Article {
        slug,
        headline,
        section,
        lead,
        image,
        published,
        tags,
        ..
    } = article;
    view! {
        <article class="article" aria-labelledby="article-title">
            <header class="article__header">
                {section.map(kicker)}
                <h1 id="article-title" class="article__headline">{headline.to_string()}</h1>
                {lead.filter(|l| !l.trim().is_empty()).map(|l| view! { <p class="article__lead">{l}</p> })}
                <div class="article__meta">
                    {byline.map(|b| view! { <p class="article__byline">{b}</p> })}
                    <p class="article__times">
                        <span>"Publiceret " <PublishedTime at=published /></span>
                        {updated.map(|u| view! { <span>"Opdateret " <PublishedTime at=u /></span> })}
                        <span>{reading_time}</span>
                    </p>
                    {share_row(&share_title, &routes::article(&slug))}
                </div>
            </header>
            {image.map(|image| view! { <Figure image eager=true class="article__image" /> })}
            <ArticleBody blocks />
            {(!tags.is_empty()).then(|| view! {
                <footer class="article__footer">
                    <h2 class="article__tags-title">"Emner"</h2>
                    <ul class="tags">
                        {tags
                            .into_iter()
                            .map(|label| view! { <li class="tag">{label_link(label, Listing::Topic)}</li> })
                            .collect_view()}
                    </ul>
                </footer>
            })}
        </article>
    }
}
