//! Writes a large, consistent sample backend for benchmarks and scale tests, in the same
//! layout as public/api (docs/api.md):
//!
//! ```sh
//! cargo run --release --example generate -- --out target/scale \
//!     --articles 1000 --blocks 100,1000,5000 --people 10000 --jobs 200
//! ```
//!
//! `--articles N` writes N articles (each with its related reads) and the paged index, and
//! the topic and section pages of their tags and sections (`topics/{slug}/{n}.json`,
//! `sections/{slug}/{n}.json`, `--topic-page-size` teasers a page, default 20);
//! `--blocks A,B,…` adds one article per count, slug `lang-artikel-{count}-blokke`, with
//! that many body blocks (these are not listed: not in the index, nor on a topic or
//! section page); `--people N` and `--jobs N` write paged lists. The media of public/api
//! are copied along, so every document's images resolve.
//!
//! The other mode writes only the topic and section pages of an existing backend, from its
//! articles, replacing its `topics/` and `sections/` folders and touching nothing else:
//!
//! ```sh
//! cargo run --example generate -- --topics-only --out public/api --topic-page-size 2
//! ```
//!
//! It reads the index (`articles/index/1.json`, then along `next`) for the teasers, in the
//! index's order (newest first), and `articles/{slug}.json` for each article's tags, and
//! writes pretty-printed JSON like the rest of public/api. public/api's own topic and
//! section pages are written this way with page size 2 (tests/sample_backend.rs checks they
//! are up to date). Both modes build the documents with [`topic_documents`].

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tidende::model::Slug;

const INDEX_PAGE_SIZE: usize = 20;
const PEOPLE_PAGE_SIZE: usize = 10;
const JOBS_PAGE_SIZE: usize = 8;
const TOPIC_PAGE_SIZE: usize = 20;

const SECTIONS: [&str; 6] = [
    "Mobil",
    "Cloud",
    "Sikkerhed",
    "Offentlig it",
    "Karriere",
    "AI",
];
/// Tags of the scale backend's articles besides "Skala", which every article carries:
/// each article has two of these (see `tags`), so topics have different sizes.
const TAGS: [&str; 8] = [
    "Nokia",
    "Kunstig intelligens",
    "Sundheds-it",
    "Økonomi & Løn",
    "Årets it-chef",
    "IoT",
    "5G",
    "Cloud",
];
const FIRST_NAMES: [&str; 8] = [
    "Søren", "Åse", "Mette", "Jørgen", "Line", "Anders", "Ærø", "Pia",
];
const LAST_NAMES: [&str; 6] = ["Røn", "Kjær", "Sørensen", "Ågård", "Holm", "Bøgh"];
const COMPANIES: [&str; 5] = [
    "KMD A/S",
    "Netcompany A/S",
    "Statens IT",
    "Systematic",
    "Bankdata",
];

// The items tests/sample_backend.rs uses are `pub`: it includes this file as a module, to
// check that public/api's topic pages are what this writes and that its output is sound.
pub struct Options {
    pub out: PathBuf,
    pub articles: usize,
    pub blocks: Vec<usize>,
    pub people: usize,
    pub jobs: usize,
    pub topic_page_size: usize,
    pub topics_only: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        out: PathBuf::from("target/scale"),
        articles: 20,
        blocks: Vec::new(),
        people: 30,
        jobs: 16,
        topic_page_size: TOPIC_PAGE_SIZE,
        topics_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--topics-only" {
            o.topics_only = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let count = || {
            value
                .parse::<usize>()
                .map_err(|e| format!("{flag} {value}: {e}"))
        };
        match flag.as_str() {
            "--out" => o.out = PathBuf::from(&value),
            "--articles" => o.articles = count()?.max(1),
            "--people" => o.people = count()?,
            "--jobs" => o.jobs = count()?,
            "--topic-page-size" => match count()? {
                0 => return Err("--topic-page-size must be at least 1".to_string()),
                n => o.topic_page_size = n,
            },
            "--blocks" => {
                o.blocks = value
                    .split(',')
                    .map(|n| {
                        n.trim()
                            .parse::<usize>()
                            .map_err(|e| format!("--blocks {n}: {e}"))
                    })
                    .collect::<Result<_, _>>()?
            }
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(o)
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("generate: {e}");
            std::process::exit(2);
        }
    };
    if options.topics_only {
        match topics_only(&options.out, options.topic_page_size) {
            Ok(w) => println!(
                "generate: wrote {} topics and {} sections ({} documents) for {} articles to {}",
                w.topics,
                w.sections,
                w.documents,
                w.articles,
                options.out.display()
            ),
            Err(e) => {
                eprintln!("generate: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    if let Err(e) = generate(&options) {
        eprintln!("generate: {e}");
        std::process::exit(1);
    }
    println!(
        "generate: wrote {} articles (+{} long ones) with their topics and sections, {} people-news entries, {} jobs to {}",
        options.articles,
        options.blocks.len(),
        options.people,
        options.jobs,
        options.out.display()
    );
}

fn write(root: &Path, rel: &str, doc: &Value) -> io::Result<()> {
    write_bytes(root, rel, &serde_json::to_vec(doc)?)
}

fn write_bytes(root: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, bytes)
}

fn image(src: &str, alt: &str) -> Value {
    json!({ "src": src, "width": 1200, "height": 675, "alt": alt, "credit": "Illustration: Tidende" })
}

/// Article `i` is published `i` hours before a fixed moment, so the index is newest first.
fn published(i: usize) -> String {
    let base = 1_750_000_000i64; // 2025-06-15, a fixed point: the output is reproducible
    let t = base - (i as i64) * 3600;
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

// Howard Hinnant's days-to-civil algorithm: a date without pulling a date crate into an example.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn article_slug(i: usize) -> String {
    format!("artikel-{i}")
}

fn teaser(slug: &str, headline: &str, i: usize) -> Value {
    json!({
        "slug": slug,
        "headline": headline,
        "section": section(i),
        "lead": format!("Manchet til artikel nummer {i}: kort om hvad der skete, og hvorfor det er vigtigt."),
        "published": published(i),
        "image": image("media/datacenter.svg", "Illustration af et datacenter"),
    })
}

fn body(blocks: usize, articles: usize) -> Vec<Value> {
    (0..blocks)
        .map(|b| match b % 10 {
            3 => json!({ "_type": "heading", "level": 2, "text": format!("Mellemrubrik {b}") }),
            6 => json!({ "_type": "quote", "text": "Det her ændrer spillereglerne for hele branchen.", "attribution": "Direktør, Tidende Data" }),
            8 => json!({ "_type": "related_link", "label": "Læs også", "slug": article_slug(b % articles), "headline": format!("Artikel {} om it i Danmark", b % articles) }),
            9 => json!({ "_type": "list", "style": "bullet", "items": [[{ "text": "Første punkt" }], [{ "text": "Andet punkt med " }, { "text": "fed", "marks": ["strong"] }]] }),
            _ => json!({ "_type": "paragraph", "children": [
                { "text": format!("Afsnit {b}. Danske virksomheder investerer i cloud, sikkerhed og kunstig intelligens, og det mærkes på både økonomi og arbejdsmarked. ") },
                { "text": "Læs mere hos Datatilsynet", "href": "https://www.datatilsynet.dk/" },
                { "text": "." }
            ]}),
        })
        .collect()
}

/// Article `i`'s section: a name, except one section given as `{ name, slug }` with a slug
/// of the backend's choosing (docs/api.md, "Tags and sections").
fn section(i: usize) -> Value {
    match SECTIONS[i % SECTIONS.len()] {
        "Sikkerhed" => json!({ "name": "Sikkerhed", "slug": "it-sikkerhed" }),
        name => json!(name),
    }
}

/// Article `i`'s tags: "Skala", two of `TAGS`, and on every fifth article
/// `{ "name": "Internet of Things", "slug": "iot" }`, one topic with "IoT" (same slug).
fn tags(i: usize) -> Vec<Value> {
    let mut tags = vec![json!("Skala")];
    for tag in [
        TAGS[i % TAGS.len()],
        TAGS[(i / TAGS.len() + 3) % TAGS.len()],
    ] {
        if !tags.contains(&json!(tag)) {
            tags.push(json!(tag));
        }
    }
    if i.is_multiple_of(5) {
        tags.push(json!({ "name": "Internet of Things", "slug": "iot" }));
    }
    tags
}

fn article(slug: &str, headline: &str, i: usize, blocks: usize, articles: usize) -> Value {
    json!({
        "slug": slug,
        "headline": headline,
        "section": section(i),
        "lead": format!("Manchet til artikel nummer {i}: kort om hvad der skete, og hvorfor det er vigtigt."),
        "image": image("media/datacenter.svg", "Illustration af et datacenter"),
        "authors": [{ "name": "Tidendes redaktion", "role": "Journalist" }],
        "published": published(i),
        "body": body(blocks, articles),
        "tags": tags(i),
    })
}

/// The pages of a list: (path under the base, document), `{prefix}{n}.json`, n = 1, 2, ….
/// An empty list is one empty page.
fn pages(prefix: &str, items: &[Value], per_page: usize) -> Vec<(String, Value)> {
    let total_items = items.len();
    let total_pages = total_items.div_ceil(per_page).max(1);
    let mut chunks: Vec<&[Value]> = items.chunks(per_page).collect();
    if chunks.is_empty() {
        chunks.push(&[]);
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| {
            let page = n + 1;
            let next = (page < total_pages).then(|| format!("{prefix}{}.json", page + 1));
            (
                format!("{prefix}{page}.json"),
                json!({ "page": page, "total_pages": total_pages, "total_items": total_items, "next": next, "items": chunk }),
            )
        })
        .collect()
}

fn paged(root: &Path, prefix: &str, items: &[Value], per_page: usize) -> io::Result<()> {
    for (rel, doc) in pages(prefix, items, per_page) {
        write(root, &rel, &doc)?;
    }
    Ok(())
}

/// A tag or a section as docs/api.md gives it: a name (string), whose slug is derived the
/// Danish way, or `{ "name", "slug" }`. `None` for anything else, an empty name or a name
/// with nothing to make a slug of, and a bad slug: the app skips those too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub name: String,
    pub slug: String,
}

pub fn term(value: &Value) -> Option<Term> {
    let (name, slug) = match value {
        Value::String(name) => (name.trim(), Slug::derive(name.trim())?),
        Value::Object(obj) => {
            let name = obj.get("name")?.as_str()?.trim();
            (name, Slug::parse(obj.get("slug")?.as_str()?).ok()?)
        }
        _ => return None,
    };
    (!name.is_empty()).then(|| Term {
        name: name.to_string(),
        slug: slug.to_string(),
    })
}

/// A listed article, as the topic and section pages need it: its teaser (as in the index;
/// its `section` is the article's section) and its `tags` (each a string or an object).
pub struct Listed {
    pub teaser: Value,
    pub tags: Vec<Value>,
}

/// The topic and section documents of `listed` (newest first), `per_page` teasers a page:
/// (path under the base, document), `topics/{slug}/{n}.json` for every tag and
/// `sections/{slug}/{n}.json` for every section, by slug. A topic is its slug: names that
/// give the same slug are one topic, named as its newest article names it, and an article
/// that has a topic twice is on its pages once. Each page is a paged list of the teasers as
/// given, with the topic's `name` and `slug`.
pub fn topic_documents(listed: &[Listed], per_page: usize) -> Vec<(String, Value)> {
    let topics = |a: &Listed| a.tags.iter().filter_map(term).collect::<Vec<_>>();
    let sections = |a: &Listed| a.teaser.get("section").and_then(term).into_iter().collect();
    let mut docs = Vec::new();
    for (dir, terms_of) in [
        ("topics", &topics as &dyn Fn(&Listed) -> Vec<Term>),
        ("sections", &sections),
    ] {
        // slug -> (name from the first, i.e. newest, article; its teasers in order)
        let mut groups: BTreeMap<String, (String, Vec<Value>)> = BTreeMap::new();
        for article in listed {
            let mut seen = BTreeSet::new();
            for Term { name, slug } in terms_of(article) {
                if seen.insert(slug.clone()) {
                    groups
                        .entry(slug)
                        .or_insert_with(|| (name, Vec::new()))
                        .1
                        .push(article.teaser.clone());
                }
            }
        }
        for (slug, (name, teasers)) in groups {
            for (rel, mut doc) in pages(&format!("{dir}/{slug}/"), &teasers, per_page) {
                doc["name"] = json!(name);
                doc["slug"] = json!(slug);
                docs.push((rel, doc));
            }
        }
    }
    docs
}

/// What `topics_only` wrote.
pub struct TopicsWritten {
    pub articles: usize,
    pub topics: usize,
    pub sections: usize,
    pub documents: usize,
}

fn read_json(root: &Path, rel: &str) -> io::Result<Value> {
    let bytes =
        fs::read(root.join(rel)).map_err(|e| io::Error::new(e.kind(), format!("{rel}: {e}")))?;
    serde_json::from_slice(&bytes).map_err(|e| io::Error::other(format!("{rel}: {e}")))
}

/// The listed articles of the backend at `root`: the index's teasers from
/// `articles/index/1.json` along `next`, in order, each with its article's tags.
pub fn read_listed(root: &Path) -> io::Result<Vec<Listed>> {
    let mut listed = Vec::new();
    let mut seen = BTreeSet::new();
    let mut next = Some("articles/index/1.json".to_string());
    while let Some(rel) = next.take() {
        if !seen.insert(rel.clone()) {
            return Err(io::Error::other(format!(
                "the index's next links loop back to {rel}"
            )));
        }
        let page = read_json(root, &rel)?;
        let items = page["items"]
            .as_array()
            .ok_or_else(|| io::Error::other(format!("{rel}: no items")))?;
        for teaser in items {
            let slug = teaser["slug"]
                .as_str()
                .and_then(|s| Slug::parse(s).ok())
                .ok_or_else(|| io::Error::other(format!("{rel}: a teaser without a valid slug")))?;
            let article = read_json(root, &format!("articles/{slug}.json"))?;
            let tags = article["tags"].as_array().cloned().unwrap_or_default();
            listed.push(Listed {
                teaser: teaser.clone(),
                tags,
            });
        }
        next = page["next"].as_str().map(str::to_string);
    }
    Ok(listed)
}

/// Writes the topic and section pages of the backend at `root` (its `topics/` and
/// `sections/` made anew), pretty-printed.
pub fn topics_only(root: &Path, per_page: usize) -> io::Result<TopicsWritten> {
    let listed = read_listed(root)?;
    let docs = topic_documents(&listed, per_page);
    for dir in ["topics", "sections"] {
        match fs::remove_dir_all(root.join(dir)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let first_pages = |dir: &str| {
        docs.iter()
            .filter(|(rel, doc)| rel.starts_with(dir) && doc["page"] == 1)
            .count()
    };
    let written = TopicsWritten {
        articles: listed.len(),
        topics: first_pages("topics/"),
        sections: first_pages("sections/"),
        documents: docs.len(),
    };
    for (rel, doc) in &docs {
        write_bytes(root, rel, pretty(doc).as_bytes())?;
    }
    Ok(written)
}

/// `doc` as public/api writes JSON: two-space indents, UTF-8 as it is (æ, ø, å literal), a
/// trailing newline, and object keys in the contract's order (slug, headline, section, …;
/// page, total_pages, …; src, width, …), then any others alphabetically. serde_json's own
/// map is sorted, which would put `headline` before `slug`.
pub fn pretty(doc: &Value) -> String {
    const ORDER: [&str; 18] = [
        "name",
        "slug",
        "headline",
        "section",
        "lead",
        "published",
        "image",
        "page",
        "total_pages",
        "total_items",
        "next",
        "items",
        "src",
        "width",
        "height",
        "alt",
        "caption",
        "credit",
    ];
    fn rank(key: &str) -> usize {
        ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len())
    }
    fn go(value: &Value, indent: usize, out: &mut String) {
        let pad = |n: usize, out: &mut String| out.extend(std::iter::repeat_n(' ', n));
        match value {
            Value::Array(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    pad(indent + 2, out);
                    go(item, indent + 2, out);
                }
                out.push('\n');
                pad(indent, out);
                out.push(']');
            }
            Value::Object(map) if !map.is_empty() => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| (rank(a.0), a.0).cmp(&(rank(b.0), b.0)));
                out.push_str("{\n");
                for (i, (key, item)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    pad(indent + 2, out);
                    out.push_str(&Value::from(key.as_str()).to_string());
                    out.push_str(": ");
                    go(item, indent + 2, out);
                }
                out.push('\n');
                pad(indent, out);
                out.push('}');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let mut out = String::new();
    go(doc, 0, &mut out);
    out.push('\n');
    out
}

pub fn generate(o: &Options) -> io::Result<()> {
    let root = &o.out;
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    fs::create_dir_all(root)?;
    // Media: the sample backend's, so image paths resolve.
    let media = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api/media");
    fs::create_dir_all(root.join("media"))?;
    for entry in fs::read_dir(media)? {
        let entry = entry?;
        fs::copy(entry.path(), root.join("media").join(entry.file_name()))?;
    }

    let mut listed = Vec::new();
    for i in 0..o.articles {
        let slug = article_slug(i);
        let headline = format!("Artikel {i} om it i Danmark: æ, ø og å i overskriften");
        write(
            root,
            &format!("articles/{slug}.json"),
            &article(&slug, &headline, i, 8, o.articles),
        )?;
        let related: Vec<Value> = (1..=3)
            .map(|k| (i + k) % o.articles)
            .filter(|&j| j != i)
            .map(|j| teaser(&article_slug(j), &format!("Artikel {j} om it i Danmark"), j))
            .collect();
        write(
            root,
            &format!("related/{slug}.json"),
            &json!({ "slug": slug, "items": related }),
        )?;
        listed.push(Listed {
            teaser: teaser(&slug, &headline, i),
            tags: tags(i),
        });
    }
    for &count in &o.blocks {
        let slug = format!("lang-artikel-{count}-blokke");
        let headline = format!("En lang artikel med {count} blokke");
        write(
            root,
            &format!("articles/{slug}.json"),
            &article(&slug, &headline, 0, count, o.articles),
        )?;
        let related: Vec<Value> = (0..3.min(o.articles))
            .map(|j| teaser(&article_slug(j), &format!("Artikel {j}"), j))
            .collect();
        write(
            root,
            &format!("related/{slug}.json"),
            &json!({ "slug": slug, "items": related }),
        )?;
    }
    let index: Vec<Value> = listed.iter().map(|a| a.teaser.clone()).collect();
    paged(root, "articles/index/", &index, INDEX_PAGE_SIZE)?;
    for (rel, doc) in topic_documents(&listed, o.topic_page_size) {
        write(root, &rel, &doc)?;
    }

    let people: Vec<Value> = (0..o.people)
        .map(|i| {
            let person = format!("{} {} {i}", FIRST_NAMES[i % FIRST_NAMES.len()], LAST_NAMES[i % LAST_NAMES.len()]);
            let company = COMPANIES[i % COMPANIES.len()];
            json!({
                "id": format!("person-{i}"),
                "person": person,
                "title": "Udvikler",
                "company": company,
                "start_date": format!("2025-{:02}-01", 1 + i % 12),
                "summary": format!("{company} har ansat {person} som udvikler. Hun skal især beskæftige sig med cloud og sikkerhed."),
                "previous": { "title": "Konsulent", "company": "Tidende Data" },
                "label": "Nyt job",
                "published": published(i),
            })
        })
        .collect();
    paged(root, "people/", &people, PEOPLE_PAGE_SIZE)?;

    let jobs: Vec<Value> = (0..o.jobs)
        .map(|i| {
            json!({
                "id": format!("job-{i}"),
                "company": COMPANIES[i % COMPANIES.len()],
                "title": format!("Softwareudvikler {i}"),
                "location": "Københavnsområdet",
                "url": format!("https://job.tidende.dk/job-{i}"),
                "deadline": "2027-01-31",
            })
        })
        .collect();
    paged(root, "jobs/", &jobs, JOBS_PAGE_SIZE)?;

    write(
        root,
        "sponsored/current.json",
        &json!({
            "sponsor": "DE-CIX",
            "headline": "Opbygning af en ny netværksstrategi for virksomheder",
            "teaser": "Virksomheder vokser hurtigt ud af deres gamle IT-systemer.",
            "url": "https://www.de-cix.net/da/",
        }),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use tidende::model::{
        decode, Article, ArticleIndex, JobPage, PeopleNewsPage, RelatedReads, SponsoredItem,
    };

    fn read(root: &Path, rel: &str) -> Vec<u8> {
        fs::read(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    #[test]
    fn generated_backend_decodes_cleanly_and_pages_link_up() {
        let out = std::env::temp_dir().join(format!("tidende-generate-{}", std::process::id()));
        let o = Options {
            out: out.clone(),
            articles: 45,
            blocks: vec![100],
            people: 25,
            jobs: 9,
            topic_page_size: 20,
            topics_only: false,
        };
        generate(&o).unwrap();
        let index = decode::<ArticleIndex>(&read(&out, "articles/index/1.json")).unwrap();
        assert!(index.notes.is_empty());
        assert_eq!((index.value.total_pages, index.value.total_items), (3, 45));
        assert_eq!(index.value.next.as_deref(), Some("articles/index/2.json"));
        let last = decode::<ArticleIndex>(&read(&out, "articles/index/3.json")).unwrap();
        assert_eq!((last.value.entries().count(), last.value.next), (5, None));
        let long = decode::<Article>(&read(&out, "articles/lang-artikel-100-blokke.json")).unwrap();
        assert!(long.notes.is_empty(), "{:?}", long.notes);
        assert_eq!(long.value.blocks().count(), 100);
        for i in [0, 44] {
            assert!(
                decode::<Article>(&read(&out, &format!("articles/artikel-{i}.json")))
                    .unwrap()
                    .notes
                    .is_empty()
            );
            assert!(
                decode::<RelatedReads>(&read(&out, &format!("related/artikel-{i}.json"))).is_ok()
            );
        }
        let people = decode::<PeopleNewsPage>(&read(&out, "people/3.json")).unwrap();
        assert_eq!(
            (people.value.entries().count(), people.value.next),
            (5, None)
        );
        assert_eq!(
            decode::<JobPage>(&read(&out, "jobs/2.json"))
                .unwrap()
                .value
                .entries()
                .count(),
            1
        );
        assert!(decode::<SponsoredItem>(&read(&out, "sponsored/current.json")).is_ok());
        assert!(out.join("media/datacenter.svg").is_file());
        // Every article is tagged "Skala": 45 teasers, 20 a page.
        let skala = decode::<ArticleIndex>(&read(&out, "topics/skala/3.json")).unwrap();
        assert_eq!((skala.value.entries().count(), skala.value.next), (5, None));
        assert!(out.join("sections/it-sikkerhed/1.json").is_file());
        assert!(!out.join("sections/sikkerhed").exists());
        fs::remove_dir_all(out).unwrap();
    }

    fn teaser_of(slug: &str, section: Value) -> Value {
        json!({ "slug": slug, "headline": slug, "section": section, "published": "2025-06-15T12:00:00Z" })
    }

    #[test]
    fn topics_are_slugs_named_by_their_newest_article() {
        let listed = [
            Listed {
                teaser: teaser_of("c", json!("Offentlig it")),
                tags: vec![
                    json!("Internet of Things (IoT)"),
                    json!({ "name": "IoT", "slug": "iot" }),
                    json!(" Økonomi "),
                ],
            },
            Listed {
                teaser: teaser_of(
                    "b",
                    json!({ "name": "Offentlig IT", "slug": "offentlig-it" }),
                ),
                tags: vec![
                    json!("IoT"),
                    json!(""),
                    json!(5),
                    json!({ "name": "X", "slug": "Not a slug" }),
                ],
            },
            Listed {
                teaser: teaser_of("a", json!("—")),
                tags: vec![json!({ "name": "Internet of Things", "slug": "iot" })],
            },
        ];
        let docs: BTreeMap<String, Value> = topic_documents(&listed, 1).into_iter().collect();
        let rels: Vec<&str> = docs.keys().map(String::as_str).collect();
        assert_eq!(
            rels,
            [
                "sections/offentlig-it/1.json",
                "sections/offentlig-it/2.json",
                "topics/internet-of-things-iot/1.json",
                "topics/iot/1.json",
                "topics/iot/2.json",
                "topics/iot/3.json",
                "topics/oekonomi/1.json",
            ]
        );
        let iot = &docs["topics/iot/1.json"];
        assert_eq!((&iot["name"], &iot["slug"]), (&json!("IoT"), &json!("iot")));
        assert_eq!(
            (&iot["total_items"], &iot["total_pages"]),
            (&json!(3), &json!(3))
        );
        assert_eq!(iot["next"], json!("topics/iot/2.json"));
        assert_eq!(iot["items"], json!([listed[0].teaser]));
        assert_eq!(docs["topics/iot/3.json"]["items"][0]["slug"], json!("a"));
        assert_eq!(docs["topics/iot/3.json"]["next"], Value::Null);
        assert_eq!(docs["topics/oekonomi/1.json"]["name"], json!("Økonomi"));
        assert_eq!(
            docs["sections/offentlig-it/2.json"]["name"],
            json!("Offentlig it")
        );
    }

    #[test]
    fn pretty_prints_like_the_sample_backend() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api");
        for rel in ["articles/index/1.json", "articles/index/3.json"] {
            let text = String::from_utf8(read(&root, rel)).unwrap();
            let doc: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(pretty(&doc), text, "{rel}");
        }
        assert_eq!(
            pretty(&json!({ "a": [], "b": {}, "c": "æøå \"<" })),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"æøå \\\"<\"\n}\n"
        );
    }

    #[test]
    fn dates_are_proleptic_gregorian() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_254), (2025, 6, 15));
        assert_eq!(published(0), "2025-06-15T15:06:40Z");
        assert_eq!(published(16), "2025-06-14T23:06:40Z");
    }
}
