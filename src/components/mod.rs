//! One file per region or widget. Components take typed, validated data and render it;
//! they never fetch.

pub mod article_view;
pub mod body;
pub mod jobs;
pub mod label;
pub mod load_more;
pub mod media;
pub mod people_news;
pub mod region;
pub mod rich_text;
pub mod share;
pub mod site_footer;
pub mod site_header;
pub mod sponsored;
pub mod teaser;
pub mod time;
