//! People news, "Navnenyt fra it-Danmark": who starts where, and when.

use leptos::prelude::*;

use crate::routes;

use super::load_more::{PagedItems, PagedList};
use super::media::Picture;
use super::time::DayTime;
use crate::format;
use crate::model::PeopleNewsEntry;

/// One entry: photo, "Nyt job" label, name, new title and company, start date, summary,
/// previous position.
#[component]
pub fn PeopleNewsItem(
    entry: PeopleNewsEntry,
    /// The heading level of the name: 2 on the people-news page, 3 in the sidebar.
    #[prop(default = 2)]
    level: u8,
    /// The sidebar's short form leaves out the summary.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let label = entry.label().to_string();
    let name = entry.person.to_string();
    let heading = if level == 2 {
        view! { <h2 class="people-item__name">{name}</h2> }.into_any()
    } else {
        view! { <h3 class="people-item__name">{name}</h3> }.into_any()
    };
    let initials: String = entry
        .person
        .as_str()
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    let start = format::start_date(entry.start_date);
    let summary = entry.summary.clone();
    view! {
        <article class="people-item" class:people-item--compact=compact>
            {match entry.photo {
                Some(image) => view! { <Picture image class="people-item__photo" /> }.into_any(),
                None => view! { <span class="people-item__photo people-item__initials" aria-hidden="true">{initials}</span> }.into_any(),
            }}
            <div class="people-item__text">
                <p class="people-item__label">{label}</p>
                {heading}
                <p class="people-item__role">
                    {entry.title.to_string()} ", " {entry.company.to_string()}
                </p>
                <p class="people-item__start"><DayTime date=entry.start_date text=start /></p>
                {(!compact && !summary.trim().is_empty()).then(|| view! { <p class="people-item__summary">{summary}</p> })}
                {(!compact).then(|| entry.previous.map(|p| view! {
                    <p class="people-item__previous">
                        "Kommer fra: " {p.title.to_string()} ", " {p.company.to_string()}
                    </p>
                }))}
            </div>
        </article>
    }
}

/// The sidebar teaser: the newest few, and a link to the people-news page.
#[component]
pub fn PeopleNewsTeaser(entries: Vec<PeopleNewsEntry>) -> impl IntoView {
    let empty = entries.is_empty();
    view! {
        {empty.then(|| view! { <p class="region__empty">"Der er ingen navnenyheder lige nu."</p> })}
        <ul class="people-list people-list--compact">
            {entries
                .into_iter()
                .map(|entry| view! { <li><PeopleNewsItem entry level=3 compact=true /></li> })
                .collect_view()}
        </ul>
        <p class="region__more"><a href=routes::href(routes::PEOPLE_NEWS)>"Se alle navnenyheder"</a></p>
    }
}

/// The people-news page's feed: every loaded entry, and "Vis flere" for the next page.
#[component]
pub fn PeopleNewsFeed(list: PagedList<PeopleNewsEntry>) -> impl IntoView {
    view! {
        <PagedItems
            list
            class="people-list"
            empty="Der er ingen navnenyheder lige nu."
            what="navnenyheder"
            item=|entry| view! { <PeopleNewsItem entry /> }.into_any()
        />
    }
}
