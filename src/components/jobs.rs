//! Job cards: company, title, location, deadline, and the link to the ad.

use leptos::prelude::*;

use crate::routes;

use super::load_more::{PagedItems, PagedList};
use super::media::Picture;
use super::time::DayTime;
use crate::format;
use crate::model::Job;

#[component]
pub fn JobCard(
    job: Job,
    /// The heading level of the title: 3 in the sidebar, 2 on the jobs page.
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let title = job.title.to_string();
    let link = view! { <a href=job.url.as_str().to_string() rel="noopener">{title}</a> };
    let heading = if level == 2 {
        view! { <h2 class="job-card__title">{link}</h2> }.into_any()
    } else {
        view! { <h3 class="job-card__title">{link}</h3> }.into_any()
    };
    view! {
        <article class="job-card">
            {job.logo.map(|image| view! { <Picture image class="job-card__logo" /> })}
            <div class="job-card__text">
                <p class="job-card__company">{job.company.to_string()}</p>
                {heading}
                <p class="job-card__location">{job.location}</p>
                {job.deadline.map(|d| view! {
                    <p class="job-card__deadline"><DayTime date=d text=format::deadline(d) /></p>
                })}
            </div>
        </article>
    }
}

/// The sidebar teaser: the first few jobs and a link to the jobs page.
#[component]
pub fn JobTeaser(jobs: Vec<Job>) -> impl IntoView {
    let empty = jobs.is_empty();
    view! {
        {empty.then(|| view! { <p class="region__empty">"Der er ingen ledige stillinger lige nu."</p> })}
        <ul class="job-list">
            {jobs.into_iter().map(|job| view! { <li><JobCard job /></li> }).collect_view()}
        </ul>
        <p class="region__more"><a href=routes::href(routes::JOBS)>"Se alle job"</a></p>
    }
}

/// The jobs page: every loaded job, and "Vis flere" for the next page.
#[component]
pub fn JobList(list: PagedList<Job>) -> impl IntoView {
    view! {
        <PagedItems
            list
            class="job-list job-list--page"
            empty="Der er ingen ledige stillinger lige nu."
            what="jobopslag"
            item=|job| view! { <JobCard job level=2 /> }.into_any()
        />
    }
}
