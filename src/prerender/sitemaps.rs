//! For search engines: `sitemap.xml` of every prerendered page (a sitemap index with parts
//! beyond 50,000 addresses, the protocol's limit), `sitemap-news.xml` of the articles of the
//! last two days (Google News), and `robots.txt` naming both. Pure, so native tests check
//! them.

use time::{Duration, OffsetDateTime};

use super::xml::escape;

/// Addresses per sitemap file (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// Google News reads the articles of the last two days, at most 1,000 of them.
pub const NEWS_WINDOW: Duration = Duration::days(2);
pub const MAX_NEWS: usize = 1_000;

pub struct Url {
    /// Absolute.
    pub loc: String,
    /// W3C datetime (RFC 3339 is one).
    pub lastmod: Option<String>,
}

pub struct News {
    /// Absolute.
    pub loc: String,
    pub title: String,
    pub published: OffsetDateTime,
    /// As the backend wrote it (RFC 3339).
    pub published_raw: String,
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The sitemap files: `sitemap.xml` alone, or `sitemap.xml` as the index of `sitemap-1.xml`
/// … when there are more than `MAX_URLS` addresses. `site` is the site's absolute URL,
/// ending in `/`.
pub fn sitemaps(urls: &[Url], site: &str) -> Vec<(String, String)> {
    if urls.len() <= MAX_URLS {
        return vec![("sitemap.xml".to_string(), urlset(urls))];
    }
    let mut files: Vec<(String, String)> = urls
        .chunks(MAX_URLS)
        .enumerate()
        .map(|(i, part)| (format!("sitemap-{}.xml", i + 1), urlset(part)))
        .collect();
    let mut index = format!("{HEAD}<sitemapindex xmlns=\"{NS}\">\n");
    for (name, _) in &files {
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{site}{name}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}

fn urlset(urls: &[Url]) -> String {
    let mut out = format!("{HEAD}<urlset xmlns=\"{NS}\">\n");
    for url in urls {
        out.push_str(&format!("  <url><loc>{}</loc>", escape(&url.loc)));
        if let Some(lastmod) = &url.lastmod {
            out.push_str(&format!("<lastmod>{}</lastmod>", escape(lastmod)));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// The news sitemap: the articles published in the two days up to `now` (newest first as
/// given, at most `MAX_NEWS`).
pub fn news_sitemap(items: &[News], now: OffsetDateTime) -> String {
    let mut out = format!(
        "{HEAD}<urlset xmlns=\"{NS}\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
    );
    let recent = items
        .iter()
        .filter(|n| n.published <= now && now - n.published <= NEWS_WINDOW)
        .take(MAX_NEWS);
    for item in recent {
        out.push_str(&format!(
            "  <url><loc>{}</loc><news:news><news:publication><news:name>Tidende</news:name>\
             <news:language>da</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title>\
             </news:news></url>\n",
            escape(&item.loc),
            escape(&item.published_raw),
            escape(&item.title)
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: the site's own lines, with its `Sitemap:` lines replaced by `sitemaps`.
pub fn robots(original: &str, sitemaps: &[String]) -> String {
    let mut out: String = original
        .lines()
        .filter(|l| !l.trim_start().to_ascii_lowercase().starts_with("sitemap:"))
        .map(|l| format!("{l}\n"))
        .collect();
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    for sitemap in sitemaps {
        out.push_str(&format!("Sitemap: {sitemap}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn at(s: &str) -> OffsetDateTime {
        Timestamp::parse(s).unwrap().at()
    }

    #[test]
    fn every_page_is_listed_and_large_sites_get_an_index() {
        let urls: Vec<Url> = (0..3)
            .map(|i| Url {
                loc: format!("https://tidende.example/artikel/a-{i}?x=1&y=2"),
                lastmod: Some("2018-05-31T10:14:00+02:00".into()),
            })
            .collect();
        let files = sitemaps(&urls, "https://tidende.example/");
        assert_eq!(files.len(), 1);
        let doc = roxmltree::Document::parse(&files[0].1).unwrap();
        let locs: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(locs[2], "https://tidende.example/artikel/a-2?x=1&y=2");

        let many: Vec<Url> = (0..MAX_URLS + 7)
            .map(|i| Url {
                loc: format!("https://t.example/{i}"),
                lastmod: None,
            })
            .collect();
        let files = sitemaps(&many, "https://t.example/nyheder/");
        let names: Vec<_> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        let index = roxmltree::Document::parse(&files[0].1).unwrap();
        assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
        assert!(files[0]
            .1
            .contains("<loc>https://t.example/nyheder/sitemap-2.xml</loc>"));
        let last = roxmltree::Document::parse(&files[2].1).unwrap();
        assert_eq!(
            last.descendants().filter(|n| n.has_tag_name("url")).count(),
            7
        );
    }

    #[test]
    fn the_news_sitemap_holds_the_last_two_days() {
        let now = at("2026-12-01T12:00:00+01:00");
        let news = |t: &str, title: &str| News {
            loc: format!("https://t.example/{title}"),
            title: title.into(),
            published: at(t),
            published_raw: t.into(),
        };
        let items = [
            news("2026-12-02T09:00:00+01:00", "fremtiden"),
            news("2026-12-01T11:59:00+01:00", "i-dag"),
            news("2026-11-29T12:00:00+01:00", "lige-to-dage"),
            news("2026-11-29T11:59:00+01:00", "for-gammel"),
        ];
        let xml = news_sitemap(&items, now);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let titles: Vec<_> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "title")
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(titles, ["i-dag", "lige-to-dage"]);
        assert!(xml.contains("<news:name>Tidende</news:name><news:language>da</news:language>"));
        assert!(xml
            .contains("<news:publication_date>2026-12-01T11:59:00+01:00</news:publication_date>"));
        let hostile = [news("2026-12-01T11:00:00+01:00", "Nokia & <Withings>")];
        assert!(roxmltree::Document::parse(&news_sitemap(&hostile, now)).is_ok());
    }

    #[test]
    fn robots_names_the_sitemaps_once() {
        let original = "User-agent: *\nAllow: /\nSitemap: https://old.example/sitemap.xml\n\n";
        let sitemaps = [
            "https://t.example/sitemap.xml".to_string(),
            "https://t.example/sitemap-news.xml".to_string(),
        ];
        assert_eq!(
            robots(original, &sitemaps),
            "User-agent: *\nAllow: /\n\nSitemap: https://t.example/sitemap.xml\nSitemap: https://t.example/sitemap-news.xml\n"
        );
    }
}
