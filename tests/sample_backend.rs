//! The sample backend (public/api) against the contract: every document decodes into the
//! Rust types with nothing skipped, validates against its JSON Schema (docs/schema), and
//! every link between documents resolves; every tag and section has its pages, listing
//! exactly its articles, as examples/generate.rs writes them (for public/api and for the
//! generator's scale backend alike).
#![cfg(not(target_arch = "wasm32"))]

// The generator, to write topic pages and a scale backend to check (its `main` unused here).
#[allow(dead_code)]
#[path = "../examples/generate.rs"]
mod generate;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use boon::{Compiler, Schemas};
use tidende::model::{
    decode, Article, ArticleIndex, Block, Decoded, Document, JobPage, PeopleNewsPage, RelatedReads,
    Slug, SponsoredItem,
};

fn api_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(json_files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Which document a file is, by its path under public/api: (schema file, decoder).
fn kind_of(rel: &str) -> &'static str {
    if rel.starts_with("articles/index/") {
        "article-index"
    } else if rel.starts_with("articles/") {
        "article"
    } else if rel.starts_with("related/") {
        "related"
    } else if rel.starts_with("sponsored/") {
        "sponsored"
    } else if rel.starts_with("jobs/") {
        "jobs"
    } else if rel.starts_with("people/") {
        "people"
    } else if rel.starts_with("topics/") {
        "topic"
    } else if rel.starts_with("sections/") {
        "section"
    } else {
        panic!("{rel}: not a document of the contract")
    }
}

fn decode_clean<T: Document>(rel: &str, bytes: &[u8]) -> T {
    let Decoded { value, notes } =
        decode::<T>(bytes).unwrap_or_else(|e| panic!("{rel} does not decode: {e}"));
    assert!(notes.is_empty(), "{rel}: skipped parts: {notes:?}");
    value
}

struct Backend {
    files: Vec<(String, Vec<u8>)>,
}

impl Backend {
    fn load() -> Self {
        let root = api_dir();
        let files = json_files(&root)
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, fs::read(&p).unwrap())
            })
            .collect();
        Self { files }
    }

    fn exists(&self, rel: &str) -> bool {
        api_dir().join(rel).is_file()
    }
}

#[test]
fn every_sample_document_decodes_without_skipping_anything() {
    let backend = Backend::load();
    assert!(
        backend.files.len() >= 30,
        "only {} documents",
        backend.files.len()
    );
    for (rel, bytes) in &backend.files {
        match kind_of(rel) {
            "article" => {
                let a: Article = decode_clean(rel, bytes);
                assert_eq!(
                    format!("articles/{}.json", a.slug),
                    *rel,
                    "slug equals file name"
                );
            }
            "article-index" => drop(decode_clean::<ArticleIndex>(rel, bytes)),
            "related" => {
                let r: RelatedReads = decode_clean(rel, bytes);
                assert_eq!(format!("related/{}.json", r.slug), *rel);
            }
            "sponsored" => drop(decode_clean::<SponsoredItem>(rel, bytes)),
            "jobs" => drop(decode_clean::<JobPage>(rel, bytes)),
            "people" => drop(decode_clean::<PeopleNewsPage>(rel, bytes)),
            // A topic or section page is a paged list of teasers, as the index.
            "topic" | "section" => drop(decode_clean::<ArticleIndex>(rel, bytes)),
            other => unreachable!("{other}"),
        }
    }
}

#[test]
fn every_sample_document_validates_against_its_schema() {
    let schema_dir = fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema"))
        .expect("docs/schema");
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    compiler.enable_format_assertions();
    let backend = Backend::load();
    let mut checked = 0;
    for (rel, bytes) in &backend.files {
        let url = format!(
            "file://{}/{}.schema.json",
            schema_dir.display(),
            kind_of(rel)
        );
        let index = compiler
            .compile(&url, &mut schemas)
            .unwrap_or_else(|e| panic!("{url}: {e:#}"));
        let instance: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        if let Err(e) = schemas.validate(&instance, index) {
            panic!("{rel} does not match {url}:\n{e}");
        }
        checked += 1;
    }
    assert_eq!(checked, backend.files.len());
}

#[test]
fn the_schemas_reject_what_the_contract_forbids() {
    let schema_dir = fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema"))
        .expect("docs/schema");
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    compiler.enable_format_assertions();
    let url = format!("file://{}/article.schema.json", schema_dir.display());
    let index = compiler.compile(&url, &mut schemas).unwrap();
    let seed = fs::read_to_string(
        api_dir().join("articles/nokia-saelger-milliard-satsning-withings.json"),
    )
    .unwrap();
    for (from, to) in [
        (
            r#""slug": "nokia-saelger-milliard-satsning-withings""#,
            r#""slug": "Nokia Salg""#,
        ),
        (
            r#""published": "2018-05-31T10:14:00+02:00""#,
            r#""published": "2018-05-31T10:14:00""#,
        ),
        (r#""_type": "heading""#, r#""_type": "video""#),
        (
            r#""href": "https://www.withings.com/""#,
            r#""href": "javascript:alert(1)""#,
        ),
    ] {
        assert!(
            seed.contains(from),
            "the seed article no longer contains {from}"
        );
        let bad: serde_json::Value = serde_json::from_str(&seed.replacen(from, to, 1)).unwrap();
        assert!(
            schemas.validate(&bad, index).is_err(),
            "schema accepted {to}"
        );
    }
}

#[test]
fn links_between_documents_resolve() {
    let backend = Backend::load();
    let articles: BTreeSet<String> = backend
        .files
        .iter()
        .filter(|(rel, _)| kind_of(rel) == "article")
        .map(|(rel, _)| {
            rel.trim_start_matches("articles/")
                .trim_end_matches(".json")
                .to_string()
        })
        .collect();
    assert!(articles.len() >= 11, "{} articles", articles.len());
    let mut indexed = BTreeSet::new();
    for (rel, bytes) in &backend.files {
        match kind_of(rel) {
            "article" => {
                let a: Article = decode_clean(rel, bytes);
                assert!(
                    backend.exists(&format!("related/{}.json", a.slug)),
                    "{rel}: no related reads"
                );
                for block in a.blocks() {
                    if let Block::RelatedLink { slug, .. } = block {
                        assert!(
                            articles.contains(slug.as_str()),
                            "{rel}: links to missing {slug}"
                        );
                    }
                }
                for href in a.blocks().flat_map(site_links) {
                    let slug = href
                        .strip_prefix("/artikel/")
                        .unwrap_or_else(|| panic!("{rel}: site link {href} is not an article"));
                    assert!(articles.contains(slug), "{rel}: links to missing {href}");
                }
            }
            "related" => {
                let r: RelatedReads = decode_clean(rel, bytes);
                assert!(r.teasers().count() >= 2, "{rel}: too few related reads");
                for t in r.teasers() {
                    assert!(
                        articles.contains(t.slug.as_str()),
                        "{rel}: missing {}",
                        t.slug
                    );
                }
            }
            // Pages of teasers: every one an article that exists; the index lists them all.
            kind @ ("article-index" | "topic" | "section") => {
                let page: ArticleIndex = decode_clean(rel, bytes);
                for t in page.entries() {
                    assert!(
                        articles.contains(t.slug.as_str()),
                        "{rel}: missing {}",
                        t.slug
                    );
                    if kind == "article-index" {
                        indexed.insert(t.slug.to_string());
                    }
                }
                check_paging(&backend, rel, &page);
            }
            "jobs" => check_paging(&backend, rel, &decode_clean::<JobPage>(rel, bytes)),
            "people" => check_paging(&backend, rel, &decode_clean::<PeopleNewsPage>(rel, bytes)),
            _ => {}
        }
    }
    assert_eq!(indexed, articles, "the index lists every article exactly");
}

fn site_links(block: &Block) -> Vec<String> {
    let spans: Vec<&tidende::model::Span> = match block {
        Block::Paragraph(spans) => spans.iter().collect(),
        Block::List { items, .. } => items.iter().flatten().collect(),
        _ => Vec::new(),
    };
    spans
        .into_iter()
        .filter_map(|s| match &s.href {
            Some(tidende::model::Link::Site(path)) => Some(path.clone()),
            _ => None,
        })
        .collect()
}

fn check_paging<T>(backend: &Backend, rel: &str, doc: &tidende::model::Page<T>) {
    let (page, total, next) = (doc.page, doc.total_pages, doc.next.as_deref());
    assert!(page >= 1 && page <= total, "{rel}: page {page} of {total}");
    match next {
        Some(next) => {
            assert!(page < total, "{rel}: last page has a next");
            assert!(backend.exists(next), "{rel}: next {next} does not exist");
        }
        None => assert_eq!(page, total, "{rel}: page {page} of {total} has no next"),
    }
}

#[test]
fn the_seed_article_is_verbatim() {
    let seed =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.txt"))
            .expect("tests/fixtures/seed.txt");
    let bytes =
        fs::read(api_dir().join("articles/nokia-saelger-milliard-satsning-withings.json")).unwrap();
    let article: Article = decode_clean("seed", &bytes);
    let mut lines = seed.lines().filter(|l| !l.trim().is_empty());
    assert_eq!(lines.next(), Some(article.headline.as_str()));
    assert_eq!(lines.next(), article.lead.as_deref());
    // Every block's text, in order, is the next line of the seed's article part.
    let expected: Vec<&str> = lines
        .skip_while(|l| *l != "Artikel top billede")
        .skip(1)
        .take_while(|l| !l.starts_with("Annonceindlæg"))
        .collect();
    let mut got = Vec::new();
    for block in article.blocks() {
        match block {
            Block::Paragraph(spans) => {
                got.push(spans.iter().map(|s| s.text.as_str()).collect::<String>())
            }
            Block::Heading { text, .. } | Block::Source { text, .. } => got.push(text.to_string()),
            Block::RelatedLink {
                label, headline, ..
            } => got.push(format!("{label}: {headline}")),
            other => panic!("unexpected block in the seed article: {other:?}"),
        }
    }
    // The seed page breaks the last "Læs også:" over two lines; join them as one.
    let mut want: Vec<String> = Vec::new();
    for line in expected {
        if want.last().is_some_and(|l| l == "Læs også:") {
            let label = want.pop().unwrap();
            want.push(format!("{label} {line}"));
        } else {
            want.push(line.to_string());
        }
    }
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------------------
// Topic pages (`topics/{slug}/{n}.json`) and section pages (`sections/{slug}/{n}.json`).

/// The page size public/api's topic and section pages are written with (`cargo run
/// --example generate -- --topics-only --out public/api --topic-page-size 2`): small, so the
/// small sample has topics and sections of more than one page.
const SAMPLE_TOPIC_PAGE_SIZE: usize = 2;

fn schema_dir() -> PathBuf {
    fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema"))
        .expect("docs/schema")
}

/// The document schemas by name ("topic", "article", …), compiled once.
struct Validator {
    schemas: Schemas,
    compiler: Compiler,
    compiled: BTreeMap<String, boon::SchemaIndex>,
}

impl Validator {
    fn new() -> Self {
        let mut compiler = Compiler::new();
        compiler.enable_format_assertions();
        Self {
            schemas: Schemas::new(),
            compiler,
            compiled: BTreeMap::new(),
        }
    }

    /// `url` is a schema file name, optionally with a fragment: "common.schema.json#/$defs/Term".
    fn check(&mut self, url: &str, instance: &serde_json::Value) -> Result<(), String> {
        let full = format!("file://{}/{url}", schema_dir().display());
        let index = match self.compiled.get(url) {
            Some(&index) => index,
            None => {
                let index = self
                    .compiler
                    .compile(&full, &mut self.schemas)
                    .unwrap_or_else(|e| panic!("{full}: {e:#}"));
                self.compiled.insert(url.to_string(), index);
                index
            }
        };
        self.schemas
            .validate(instance, index)
            .map_err(|e| format!("{e}"))
    }
}

fn read_json(root: &Path, rel: &str) -> serde_json::Value {
    let bytes = fs::read(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A tag or a section as docs/api.md defines it, read here independently of the generator:
/// (slug, name). A name alone gets `Slug::derive`'s slug; `{ name, slug }` keeps its slug.
fn term_of(value: &serde_json::Value) -> Option<(String, String)> {
    match value {
        serde_json::Value::String(name) => {
            let name = name.trim();
            Some((Slug::derive(name)?.to_string(), name.to_string()))
        }
        serde_json::Value::Object(obj) => {
            let name = obj.get("name")?.as_str()?.trim();
            let slug = Slug::parse(obj.get("slug")?.as_str()?).ok()?;
            (!name.is_empty()).then(|| (slug.to_string(), name.to_string()))
        }
        _ => None,
    }
}

fn published_at(teaser: &serde_json::Value) -> time::OffsetDateTime {
    let raw = teaser["published"].as_str().expect("published");
    time::OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|e| panic!("{raw}: {e}"))
}

/// What one topic's (or section's) pages must hold: its name (the newest article's) and
/// its articles' slugs, newest first.
#[derive(Debug, Default)]
struct Expected {
    name: String,
    articles: Vec<String>,
}

/// What `check_listings` found: how many topics and sections, and their pages.
#[derive(Debug)]
struct Listings {
    topics: BTreeMap<String, Vec<serde_json::Value>>,
    sections: BTreeMap<String, Vec<serde_json::Value>>,
}

/// The topic and section pages of the backend at `root` against its articles: every
/// article is in the index; every tag and section of every article is a valid name or
/// `{ name, slug }`, and its teaser's section is the article's; and for each topic and
/// section, exactly its pages exist, page 1 at `{dir}/{slug}/1.json`, each valid against
/// its schema and decoding cleanly, following `next` to each other file, with `page`,
/// `total_pages`, `total_items`, `name` and `slug` right, and holding, in order, the index's
/// teasers of exactly the articles that carry it, newest first, each once.
fn check_listings(root: &Path) -> Listings {
    let mut validator = Validator::new();
    // The index, along `next`, in order.
    let mut index: Vec<serde_json::Value> = Vec::new();
    let mut next = Some("articles/index/1.json".to_string());
    let mut seen_pages = BTreeSet::new();
    while let Some(rel) = next.take() {
        assert!(seen_pages.insert(rel.clone()), "the index loops at {rel}");
        let page = read_json(root, &rel);
        index.extend(page["items"].as_array().expect("items").iter().cloned());
        next = page["next"].as_str().map(str::to_string);
    }
    let article_files: BTreeSet<String> = fs::read_dir(root.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let indexed: Vec<String> = index
        .iter()
        .map(|t| t["slug"].as_str().expect("slug").to_string())
        .collect();
    assert_eq!(
        indexed.iter().cloned().collect::<BTreeSet<_>>(),
        article_files,
        "{}: the index lists every article",
        root.display()
    );
    assert_eq!(
        indexed.len(),
        article_files.len(),
        "an article twice in the index"
    );
    let by_slug: BTreeMap<&str, &serde_json::Value> =
        indexed.iter().map(String::as_str).zip(&index).collect();

    let mut topics: BTreeMap<String, Expected> = BTreeMap::new();
    let mut sections: BTreeMap<String, Expected> = BTreeMap::new();
    for (slug, teaser) in indexed.iter().zip(&index) {
        let article = read_json(root, &format!("articles/{slug}.json"));
        let mut tags = Vec::new();
        for tag in article["tags"].as_array().into_iter().flatten() {
            tags.push(term_of(tag).unwrap_or_else(|| panic!("{slug}: tag {tag} is invalid")));
        }
        let section = article
            .get("section")
            .map(|s| term_of(s).unwrap_or_else(|| panic!("{slug}: section {s} is invalid")));
        assert_eq!(
            teaser
                .get("section")
                .map(|s| term_of(s).expect("teaser section")),
            section,
            "{slug}: the index's teaser has the article's section"
        );
        for (terms, expected) in [
            (tags, &mut topics),
            (section.into_iter().collect(), &mut sections),
        ] {
            let mut once = BTreeSet::new();
            for (term_slug, name) in terms {
                if once.insert(term_slug.clone()) {
                    let e = expected.entry(term_slug).or_insert_with(|| Expected {
                        name,
                        ..Default::default()
                    });
                    e.articles.push(slug.clone());
                }
            }
        }
    }

    let mut found = Listings {
        topics: BTreeMap::new(),
        sections: BTreeMap::new(),
    };
    for (dir, kind, expected, found) in [
        ("topics", "topic", topics, &mut found.topics),
        ("sections", "section", sections, &mut found.sections),
    ] {
        let on_disk: BTreeSet<String> = match fs::read_dir(root.join(dir)) {
            Ok(entries) => entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => BTreeSet::new(),
        };
        assert_eq!(
            on_disk,
            expected.keys().cloned().collect::<BTreeSet<_>>(),
            "{}: {dir}/ has a folder for each {kind} and no other",
            root.display()
        );
        for (slug, want) in expected {
            let mut pages = Vec::new();
            let mut listed: Vec<String> = Vec::new();
            let mut next = Some(format!("{dir}/{slug}/1.json"));
            let mut visited = BTreeSet::new();
            let mut page_size = None;
            while let Some(rel) = next.take() {
                assert!(visited.insert(rel.clone()), "{rel}: next loops");
                assert!(root.join(&rel).is_file(), "next {rel} does not resolve");
                let doc = read_json(root, &rel);
                if let Err(e) = validator.check(&format!("{kind}.schema.json"), &doc) {
                    panic!("{rel} does not match {kind}.schema.json:\n{e}");
                }
                let page: ArticleIndex = decode_clean(&rel, &fs::read(root.join(&rel)).unwrap());
                let n = pages.len() as u64 + 1;
                assert_eq!(u64::from(page.page), n, "{rel}: page number");
                assert_eq!(doc["name"], want.name.as_str(), "{rel}: name");
                assert_eq!(doc["slug"], slug.as_str(), "{rel}: slug");
                assert_eq!(
                    page.total_items,
                    want.articles.len() as u64,
                    "{rel}: total_items"
                );
                let items = doc["items"].as_array().unwrap();
                assert!(!items.is_empty(), "{rel}: an empty page");
                // Every page but the last is full; the last is not larger.
                match page_size {
                    None => page_size = Some(items.len()),
                    Some(size) => assert!(items.len() <= size, "{rel}: a larger page"),
                }
                for item in items {
                    let item_slug = item["slug"].as_str().unwrap();
                    assert_eq!(
                        Some(&item),
                        by_slug.get(item_slug),
                        "{rel}: {item_slug} is its index teaser"
                    );
                    listed.push(item_slug.to_string());
                }
                if let Some(first) = pages.first() {
                    let first: &serde_json::Value = first;
                    assert_eq!(
                        doc["total_pages"], first["total_pages"],
                        "{rel}: total_pages"
                    );
                }
                next = page.next.clone();
                if next.is_some() {
                    assert_eq!(
                        Some(items.len()),
                        page_size,
                        "{rel}: a short page before the last"
                    );
                }
                pages.push(doc);
            }
            assert_eq!(
                listed, want.articles,
                "{dir}/{slug}: its articles, newest first"
            );
            assert!(
                listed
                    .windows(2)
                    .all(|w| published_at(by_slug[w[0].as_str()])
                        >= published_at(by_slug[w[1].as_str()])),
                "{dir}/{slug}: newest first"
            );
            assert_eq!(
                pages[0]["total_pages"],
                pages.len(),
                "{dir}/{slug}: total_pages is the number of pages"
            );
            let files: BTreeSet<String> = fs::read_dir(root.join(dir).join(&slug))
                .unwrap()
                .map(|e| format!("{dir}/{slug}/{}", e.unwrap().file_name().to_string_lossy()))
                .collect();
            assert_eq!(
                files, visited,
                "{dir}/{slug}: only pages reached along next"
            );
            found.insert(slug, pages);
        }
    }
    found
}

#[test]
fn every_tag_and_section_has_pages_listing_exactly_its_articles() {
    let found = check_listings(&api_dir());
    assert!(found.topics.len() >= 20, "{} topics", found.topics.len());
    assert!(
        found.sections.len() >= 5,
        "{} sections",
        found.sections.len()
    );
    // The sample exercises paging: "Nokia" (3 articles) and the section "Mobil" (3) have
    // a page 2.
    let nokia = &found.topics["nokia"];
    assert_eq!(
        (nokia.len(), &nokia[0]["name"]),
        (2, &serde_json::json!("Nokia"))
    );
    assert_eq!(nokia[0]["next"], "topics/nokia/2.json");
    let mobil = &found.sections["mobil"];
    assert_eq!(
        (mobil.len(), &mobil[0]["total_items"]),
        (2, &serde_json::json!(3))
    );
    // Danish letters in a name, and the slug the Danish way.
    assert_eq!(found.topics["maskinlaering"][0]["name"], "Maskinlæring");
    assert_eq!(found.sections["offentlig-it"][0]["name"], "Offentlig it");
}

/// A fresh folder under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(what: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("tidende-{what}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `root/dir`, by path under `root`, with its bytes.
fn tree(root: &Path, dir: &str) -> BTreeMap<String, Vec<u8>> {
    let base = root.join(dir);
    if !base.exists() {
        return BTreeMap::new();
    }
    json_files(&base)
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn the_committed_topic_and_section_pages_are_what_the_generator_writes() {
    let tmp = TempDir::new("topics-sample");
    copy_tree(&api_dir().join("articles"), &tmp.0.join("articles"));
    let written = generate::topics_only(&tmp.0, SAMPLE_TOPIC_PAGE_SIZE).unwrap();
    assert_eq!(written.articles, 13);
    for dir in ["topics", "sections"] {
        let (want, got) = (tree(&tmp.0, dir), tree(&api_dir(), dir));
        assert_eq!(
            want.keys().collect::<Vec<_>>(),
            got.keys().collect::<Vec<_>>(),
            "public/api/{dir} has other files than the generator writes: run `cargo run --example generate -- --topics-only --out public/api --topic-page-size {SAMPLE_TOPIC_PAGE_SIZE}`"
        );
        for (rel, bytes) in &want {
            assert!(
                got[rel] == *bytes,
                "public/api/{rel} is not what the generator writes: run `cargo run --example generate -- --topics-only --out public/api --topic-page-size {SAMPLE_TOPIC_PAGE_SIZE}`"
            );
            let text = std::str::from_utf8(bytes).unwrap();
            assert!(
                text.ends_with("}\n") && !text.contains("\\u"),
                "{rel}: pretty UTF-8"
            );
        }
    }
    assert_eq!(
        written.documents,
        tree(&tmp.0, "topics").len() + tree(&tmp.0, "sections").len()
    );
}

#[test]
fn the_generators_scale_backend_passes_the_same_checks() {
    let tmp = TempDir::new("topics-scale");
    let out = tmp.0.join("api");
    generate::generate(&generate::Options {
        out: out.clone(),
        articles: 30,
        blocks: Vec::new(),
        people: 3,
        jobs: 2,
        topic_page_size: 4,
        topics_only: false,
    })
    .unwrap();
    let found = check_listings(&out);
    // Every article is tagged "Skala"; "IoT" and { "Internet of Things", "iot" } are one
    // topic; the section "Sikkerhed" is given with its own slug.
    assert_eq!(found.topics["skala"][0]["total_items"], 30);
    assert_eq!(found.topics["skala"].len(), 8);
    assert!(found.topics.contains_key("iot") && found.topics.contains_key("oekonomi-loen"));
    assert_eq!(found.sections["it-sikkerhed"][0]["name"], "Sikkerhed");
    assert!(!found.sections.contains_key("sikkerhed"));
    // Both of the generator's modes write the same documents.
    let compact: BTreeMap<String, serde_json::Value> = ["topics", "sections"]
        .into_iter()
        .flat_map(|dir| tree(&out, dir))
        .map(|(rel, bytes)| (rel, serde_json::from_slice(&bytes).unwrap()))
        .collect();
    generate::topics_only(&out, 4).unwrap();
    let pretty: BTreeMap<String, serde_json::Value> = ["topics", "sections"]
        .into_iter()
        .flat_map(|dir| tree(&out, dir))
        .map(|(rel, bytes)| (rel, serde_json::from_slice(&bytes).unwrap()))
        .collect();
    assert_eq!(compact, pretty);
}

#[test]
fn the_schemas_take_tags_and_sections_as_names_or_objects() {
    let mut v = Validator::new();
    let term = "common.schema.json#/$defs/Term";
    for good in [
        serde_json::json!("Nokia"),
        serde_json::json!("Økonomi & Løn"),
        serde_json::json!({ "name": "Internet of Things", "slug": "iot" }),
    ] {
        assert!(v.check(term, &good).is_ok(), "{good} refused");
    }
    for bad in [
        serde_json::json!(""),
        serde_json::json!("—"),
        serde_json::json!(5),
        serde_json::json!({ "name": "Nokia" }),
        serde_json::json!({ "name": " ", "slug": "nokia" }),
        serde_json::json!({ "name": "Nokia", "slug": "Nokia Oyj" }),
    ] {
        assert!(v.check(term, &bad).is_err(), "{bad} accepted");
    }
    let page = read_json(&api_dir(), "topics/nokia/1.json");
    assert!(v.check("topic.schema.json", &page).is_ok());
    for field in ["name", "slug"] {
        let mut bad = page.clone();
        bad.as_object_mut().unwrap().remove(field);
        assert!(
            v.check("topic.schema.json", &bad).is_err(),
            "no {field} accepted"
        );
    }
    let mut bad = page.clone();
    bad["items"][0]["section"] = serde_json::json!({ "name": "Mobil" });
    assert!(v.check("topic.schema.json", &bad).is_err());
    let mut article = read_json(
        &api_dir(),
        "articles/nokia-saelger-milliard-satsning-withings.json",
    );
    article["tags"][0] = serde_json::json!({ "name": "Nokia", "slug": "nokia" });
    article["section"] = serde_json::json!({ "name": "Mobil", "slug": "mobil" });
    assert!(v.check("article.schema.json", &article).is_ok());
    article["tags"][1] = serde_json::json!(["Withings"]);
    assert!(v.check("article.schema.json", &article).is_err());
}
