//! The jobs page, `/job`: every job listing, paged with "Vis flere".

use leptos::prelude::*;

use super::meta::PageMeta;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::jobs::JobList;
use crate::components::region::{region_content, Skeleton};
use crate::model::{Job, JobPage};
use crate::routes;

#[component]
pub fn JobsPage() -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let first = docs.jobs();
    let more = docs.more_jobs;
    let api = docs.api().clone();
    view! {
        <PageMeta
            title="Job".to_string()
            description="Ledige stillinger i den danske it-branche.".to_string()
            path=routes::JOBS.to_string()
        />
        <main id="indhold" tabindex="-1" class="main">
            <h1 class="page-title">"Job"</h1>
            {region_content(
                first.state(),
                "Jobopslagene",
                || view! { <Skeleton shape="job" count=6 /> }.into_any(),
                first.retry(),
                move |page: JobPage| {
                    let api = api.clone();
                    let list = more.list(page, |j: &Job| j.id.to_string(), move |path| {
                        let api = api.clone();
                        async move { api.jobs(Some(&path)).await }
                    });
                    view! { <JobList list /> }
                },
            )}
        </main>
        <Sidebar jobs=false />
    }
}
