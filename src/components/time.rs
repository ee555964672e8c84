//! Times as a reader reads them and a machine parses them.

use leptos::prelude::*;

use crate::format;
use crate::model::{Date, Timestamp};
use crate::watched::Watched;

/// The reader's clock, for "i dag kl. 14.25". Unknown while a page is rendered natively or
/// hydrated: a prerendered page was made at another time than it is read, so it carries the
/// full date, and the lists say "i dag" once the app runs (`start`).
#[derive(Clone, Copy)]
pub struct Clock(Watched<Option<i64>>);

impl Clock {
    /// A clock that knows the time once the app has rendered (effects run in the browser
    /// only, after hydration).
    pub fn start() -> Self {
        let clock = Self(Watched::new(None));
        Effect::new(move |_| clock.0.set(Some(format::now().unix_timestamp())));
        clock
    }
}

/// `<time datetime="2018-05-31T10:14:00+02:00">31. maj 2018 kl. 10.14</time>`
#[component]
pub fn PublishedTime(
    at: Timestamp,
    /// "i dag kl. …" / "i går kl. …" where lists use them; the full date otherwise.
    #[prop(optional)]
    relative: bool,
) -> impl IntoView {
    let now = relative
        .then(|| use_context::<Clock>().map(|c| c.0.watch()))
        .flatten();
    let datetime = at.as_rfc3339().to_string();
    let at = at.at();
    let text = move || {
        let now = now.and_then(|n| n.get());
        match now.and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok()) {
            Some(now) => format::relative_datetime(at, now),
            None => format::long_datetime(at),
        }
    };
    view! { <time datetime=datetime>{text}</time> }
}

/// `<time datetime="2025-10-01">` around a day, with the text given.
#[component]
pub fn DayTime(date: Date, text: String) -> impl IntoView {
    view! { <time datetime=date.iso()>{text}</time> }
}
