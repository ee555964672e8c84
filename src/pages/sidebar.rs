//! The sidebar beside every page: "Læs også" on article pages, the sponsored banner, job
//! cards and people news, each a region that loads and fails on its own.

use leptos::prelude::*;

use super::remote::by_slug;
use super::shared::SharedDocs;
use crate::api::paths;
use crate::components::jobs::JobTeaser;
use crate::components::people_news::PeopleNewsTeaser;
use crate::components::region::{region_content, RegionFrame, Skeleton};
use crate::components::sponsored::{SponsoredBanner, SponsoredFrame};
use crate::components::teaser::RelatedReads;
use crate::model::{JobPage, PeopleNewsPage, RelatedReads as RelatedDoc, Slug, SponsoredItem};

/// How many entries the sidebar's teasers show.
const JOBS_IN_SIDEBAR: usize = 4;
const PEOPLE_IN_SIDEBAR: usize = 3;

#[component]
pub fn Sidebar(
    /// The article whose related reads to show (article pages only).
    #[prop(optional, into)]
    related: Option<Signal<Option<Slug>>>,
    #[prop(default = true)] jobs: bool,
    #[prop(default = true)] people: bool,
) -> impl IntoView {
    let docs = expect_context::<SharedDocs>();
    let related = related.map(|slug| {
        let doc = by_slug::<RelatedDoc>(docs.api().clone(), slug, paths::related);
        view! {
            <RegionFrame name="related" title="Læs også">
                {region_content(
                    doc.state(),
                    "Relaterede artikler",
                    || view! { <Skeleton shape="related" count=4 /> }.into_any(),
                    doc.retry(),
                    |doc: RelatedDoc| view! { <RelatedReads teasers=doc.teasers().cloned().collect() /> },
                )}
            </RegionFrame>
        }
    });
    let sponsored = docs.sponsored();
    let jobs = jobs.then(|| {
        let first = docs.jobs.first();
        view! {
            <RegionFrame name="jobs" title="Job">
                {region_content(
                    first.state(),
                    "Jobopslagene",
                    || view! { <Skeleton shape="job" count=JOBS_IN_SIDEBAR /> }.into_any(),
                    first.retry(),
                    |page: JobPage| view! { <JobTeaser jobs=page.entries().take(JOBS_IN_SIDEBAR).cloned().collect() /> },
                )}
            </RegionFrame>
        }
    });
    let people = people.then(|| {
        let first = docs.people.first();
        view! {
            <RegionFrame name="people-news" title="Navnenyt fra it-Danmark">
                {region_content(
                    first.state(),
                    "Navnenyt",
                    || view! { <Skeleton shape="person-compact" count=PEOPLE_IN_SIDEBAR /> }.into_any(),
                    first.retry(),
                    |page: PeopleNewsPage| view! {
                        <PeopleNewsTeaser entries=page.entries().take(PEOPLE_IN_SIDEBAR).cloned().collect() />
                    },
                )}
            </RegionFrame>
        }
    });
    view! {
        <aside class="sidebar" aria-label="Mere fra Tidende">
            {related}
            <SponsoredFrame>
                {region_content(
                    sponsored.state(),
                    "Annoncen",
                    || view! { <Skeleton shape="sponsored" count=1 /> }.into_any(),
                    sponsored.retry(),
                    |item: SponsoredItem| view! { <SponsoredBanner item /> },
                )}
            </SponsoredFrame>
            {jobs}
            {people}
        </aside>
    }
}
