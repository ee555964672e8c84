//! The site footer.

use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Tidende – uafhængige nyheder om it-branchen i Danmark."</p>
            <p>"Annoncer og annonceindlæg er altid tydeligt mærket."</p>
        </footer>
    }
}
