//! The jobs page, `/job`: every job listing, paged (`/job/side/2` …) with "Vis flere".

use leptos::prelude::*;

use super::list_page::{list_main, ListPageSpec, ListText};
use super::sidebar::Sidebar;
use crate::components::jobs::JobList;
use crate::components::region::Skeleton;
use crate::model::Job;

static JOBS: ListPageSpec<Job> = ListPageSpec {
    text: ListText {
        title: "Job",
        heading: "Job",
        description: "Ledige stillinger i den danske it-branche.",
        named: None,
    },
    what: "Jobopslagene",
    list: |docs, _| docs.jobs.clone(),
    skeleton: || view! { <Skeleton shape="job" count=6 /> }.into_any(),
    key: |j| j.id.to_string(),
    view: |list| view! { <JobList list /> }.into_any(),
};

#[component]
pub fn JobsPage() -> impl IntoView {
    view! {
        {list_main(&JOBS)}
        <Sidebar jobs=false />
    }
}
