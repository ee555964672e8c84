//! The jobs page, `/job`: every job listing, paged with "Vis flere".

use leptos::prelude::*;

use super::meta::PageMeta;
use super::paging::paged_region;
use super::shared::SharedDocs;
use super::sidebar::Sidebar;
use crate::components::jobs::JobList;
use crate::components::region::Skeleton;
use crate::routes;

#[component]
pub fn JobsPage() -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let api = docs.api().clone();
    view! {
        <PageMeta
            title="Job".to_string()
            description="Ledige stillinger i den danske it-branche.".to_string()
            path=routes::JOBS.to_string()
        />
        <main id="indhold" tabindex="-1" class="main">
            <h1 class="page-title">"Job"</h1>
            {paged_region(
                docs.jobs(),
                docs.more_jobs,
                "Jobopslagene",
                || view! { <Skeleton shape="job" count=6 /> }.into_any(),
                |j| j.id.to_string(),
                move |path| {
                    let api = api.clone();
                    async move { api.jobs(Some(&path)).await }
                },
                |list| view! { <JobList list /> },
            )}
        </main>
        <Sidebar jobs=false />
    }
}
