//! One file per region or widget. Components take typed, validated data and render it;
//! they never fetch.

pub mod site_footer;
pub mod site_header;
