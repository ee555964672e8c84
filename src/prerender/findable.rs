//! The files that make the site findable, written after the pages: `feed.xml`,
//! `sitemap.xml` (or an index and its parts), `sitemap-news.xml`, and `robots.txt` naming the
//! sitemaps. All need absolute addresses, so the site's public origin (`SITE_URL`): without
//! it none is written, and the report says so.

use std::path::Path;

use time::OffsetDateTime;

use super::feeds::{self, Channel, Enclosure, Item, FEED_ITEMS};
use super::plan::{Backend, Plan, MAX_LIST_PAGES};
use super::sitemaps::{self, News, Url};
use crate::api::paths;
use crate::config;
use crate::model::{decode_value, Article, Page, Slug, Teaser};
use crate::routes::{self, Listing};

/// What was written, for the report.
#[derive(Debug, Default)]
pub struct Written {
    pub files: Vec<String>,
    pub feed_items: usize,
    pub section_feeds: usize,
    pub sitemap_urls: usize,
    pub news_urls: usize,
}

/// Writes the files into `dist` for the site at `site` (absolute, ending in `/`), from the
/// plan's articles and the pages on disk. `api` is the backend's base as the pages name it.
pub fn write(
    dist: &Path,
    backend: &mut Backend,
    plan: &Plan,
    site: &str,
    api: &str,
    now: OffsetDateTime,
) -> Result<Written, String> {
    let mut written = Written::default();
    let media_dir = (!api.contains("://")).then(|| dist.join(api));

    // The feed: the newest articles, with what their documents add (tags, description).
    let items: Vec<Item> = plan
        .articles
        .iter()
        .take(FEED_ITEMS)
        .map(|teaser| item(backend, teaser, site, api, media_dir.as_deref()))
        .collect();
    let feed_url = format!("{site}feed.xml");
    let channel = Channel {
        title: "Tidende",
        link: site,
        description: "Nyheder om it i Danmark: virksomheder, teknologi, karriere og navnenyt.",
        self_url: &feed_url,
    };
    write_file(
        dist,
        "feed.xml",
        &feeds::rss(&channel, &items, now),
        &mut written,
    )?;
    written.feed_items = items.len();

    // A feed per section: its newest articles, as its section documents list them.
    for (listing, label) in &plan.listed {
        if *listing != Listing::Section {
            continue;
        }
        let teasers = listed_teasers(backend, *listing, &label.slug);
        let items: Vec<Item> = teasers
            .iter()
            .take(FEED_ITEMS)
            .map(|teaser| item(backend, teaser, site, api, media_dir.as_deref()))
            .collect();
        let file = section_feed(&label.slug);
        let self_url = format!("{site}{file}");
        let page_url = format!(
            "{site}{}",
            listing.path(&label.slug).trim_start_matches('/')
        );
        let title = format!("Tidende – {}", label.name);
        let description = format!("Seneste nyt fra sektionen {} på Tidende.", label.name);
        let channel = Channel {
            title: &title,
            link: &page_url,
            description: &description,
            self_url: &self_url,
        };
        if let Some(dir) = dist.join(&file).parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        write_file(
            dist,
            &file,
            &feeds::rss(&channel, &items, now),
            &mut written,
        )?;
        written.section_feeds += 1;
    }

    // Every prerendered page, as the files on disk have them (a publish hook's run renders a
    // few pages, and the sitemap still lists them all).
    let lastmod = |route: &str| {
        plan.articles
            .iter()
            .find(|t| routes::article(&t.slug) == route)
            .map(|t| t.published.as_rfc3339().to_string())
    };
    let urls: Vec<Url> = prerendered_routes(dist)?
        .into_iter()
        .map(|route| Url {
            loc: format!("{site}{}", route.trim_start_matches('/')),
            lastmod: lastmod(&route),
        })
        .collect();
    written.sitemap_urls = urls.len();
    for (name, xml) in sitemaps::sitemaps(&urls, site) {
        write_file(dist, &name, &xml, &mut written)?;
    }
    let news: Vec<News> = plan
        .articles
        .iter()
        .map(|t| News {
            loc: format!("{site}{}", routes::article(&t.slug).trim_start_matches('/')),
            title: t.headline.to_string(),
            published: t.published.at(),
            published_raw: t.published.as_rfc3339().to_string(),
        })
        .collect();
    let news_xml = sitemaps::news_sitemap(&news, now);
    written.news_urls = news_xml.matches("<url>").count();
    write_file(dist, "sitemap-news.xml", &news_xml, &mut written)?;

    let robots_path = dist.join("robots.txt");
    let original = std::fs::read_to_string(&robots_path)
        .unwrap_or_else(|_| "User-agent: *\nAllow: /\n".into());
    let sitemaps = [
        format!("{site}sitemap.xml"),
        format!("{site}sitemap-news.xml"),
    ];
    write_file(
        dist,
        "robots.txt",
        &sitemaps::robots(&original, &sitemaps),
        &mut written,
    )?;
    Ok(written)
}

/// A section's feed, under its page: `sektion/mobil/feed.xml`.
pub fn section_feed(slug: &Slug) -> String {
    format!(
        "{}/feed.xml",
        Listing::Section.path(slug).trim_start_matches('/')
    )
}

/// The articles of a topic or section, newest first, from the documents the plan walked
/// (each article once).
fn listed_teasers(backend: &mut Backend, listing: Listing, slug: &Slug) -> Vec<Teaser> {
    let mut teasers: Vec<Teaser> = Vec::new();
    let mut path = listing.first_document(slug);
    for _ in 0..MAX_LIST_PAGES {
        let Some(page) = backend
            .fetch(&path)
            .ok()
            .and_then(|v| decode_value::<Page<Teaser>>(&v).ok())
            .map(|d| d.value)
        else {
            break;
        };
        for teaser in page.entries() {
            if !teasers.iter().any(|t| t.slug == teaser.slug) {
                teasers.push(teaser.clone());
            }
        }
        if teasers.len() >= FEED_ITEMS {
            break;
        }
        match page.next {
            Some(next) => path = next,
            None => break,
        }
    }
    teasers
}

/// A feed item for `teaser`, from its article if the backend has it (tags, description),
/// else from the teaser alone.
fn item(
    backend: &mut Backend,
    teaser: &Teaser,
    site: &str,
    api: &str,
    media_dir: Option<&Path>,
) -> Item {
    let article = backend
        .fetch(&paths::article(&teaser.slug))
        .ok()
        .and_then(|v| decode_value::<Article>(&v).ok())
        .map(|d| d.value);
    let image = article
        .as_ref()
        .and_then(|a| a.image.clone())
        .or_else(|| teaser.image.clone());
    let enclosure = image.and_then(|image| {
        let src = image.src.resolve(api);
        let mime = feeds::image_type(&src)?;
        // The sample backend's media are files in the build: their size is known.
        let length = media_dir
            .filter(|_| !src.contains("://"))
            .and_then(|dir| std::fs::metadata(dir.join(image.src.as_str())).ok())
            .map_or(0, |m| m.len());
        Some(Enclosure {
            url: absolute(site, &src),
            length,
            mime,
        })
    });
    Item {
        url: format!(
            "{site}{}",
            routes::article(&teaser.slug).trim_start_matches('/')
        ),
        title: teaser.headline.to_string(),
        published: teaser.published.at(),
        description: article
            .as_ref()
            .and_then(|a| a.summary().map(str::to_string))
            .or_else(|| teaser.lead.clone()),
        categories: article
            .map(|a| a.tags.into_iter().map(|t| t.name).collect())
            .unwrap_or_default(),
        enclosure,
    }
}

/// `url` (relative to the site's base, a site path, or absolute) made absolute.
fn absolute(site: &str, url: &str) -> String {
    let origin = site.split('/').take(3).collect::<Vec<_>>().join("/");
    let base = &site[origin.len()..];
    config::resolve_against(&origin, base, url)
}

/// The routes of the prerendered pages in `dist` (the 404 page left out), in order.
fn prerendered_routes(dist: &Path) -> Result<Vec<String>, String> {
    let mut routes: Vec<String> = super::prerendered_pages(dist)?
        .iter()
        .filter_map(|name| name.to_str()?.strip_suffix(".html").map(str::to_string))
        .filter(|stem| stem != "404")
        .map(|stem| {
            if stem == "index" {
                "/".to_string()
            } else {
                format!("/{stem}")
            }
        })
        .collect();
    // The front page first, then by address: a stable order, so the file only changes when
    // the site does.
    routes.sort_by(|a, b| (a != "/", a).cmp(&(b != "/", b)));
    Ok(routes)
}

fn write_file(dist: &Path, name: &str, text: &str, written: &mut Written) -> Result<(), String> {
    let path = dist.join(name);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    written.files.push(name.to_string());
    Ok(())
}
