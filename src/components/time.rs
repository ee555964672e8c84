//! Times as a reader reads them and a machine parses them.

use leptos::prelude::*;

use crate::format;
use crate::model::{Date, Timestamp};

/// `<time datetime="2018-05-31T10:14:00+02:00">31. maj 2018 kl. 10.14</time>`
#[component]
pub fn PublishedTime(
    at: Timestamp,
    /// "i dag kl. …" / "i går kl. …" where lists use them; the full date otherwise.
    #[prop(optional)]
    relative: bool,
) -> impl IntoView {
    let text = if relative {
        format::relative_datetime(at.at(), format::now())
    } else {
        format::long_datetime(at.at())
    };
    view! { <time datetime=at.as_rfc3339().to_string()>{text}</time> }
}

/// `<time datetime="2025-10-01">` around a day, with the text given.
#[component]
pub fn DayTime(date: Date, text: String) -> impl IntoView {
    view! { <time datetime=date.iso()>{text}</time> }
}
