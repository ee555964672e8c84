//! The sample backend (public/api) against the contract: every document decodes into the
//! Rust types with nothing skipped, validates against its JSON Schema (docs/schema), and
//! every link between documents resolves.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use boon::{Compiler, Schemas};
use tidende::model::{
    decode, Article, ArticleIndex, Block, Decoded, Document, JobPage, PeopleNewsPage, RelatedReads,
    SponsoredItem,
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
            "article-index" => {
                let page: ArticleIndex = decode_clean(rel, bytes);
                for t in page.entries() {
                    assert!(
                        articles.contains(t.slug.as_str()),
                        "{rel}: missing {}",
                        t.slug
                    );
                    indexed.insert(t.slug.to_string());
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
