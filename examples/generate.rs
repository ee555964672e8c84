//! Writes a large, consistent sample backend for benchmarks and scale tests, in the same
//! layout as public/api (docs/api.md):
//!
//! ```sh
//! cargo run --release --example generate -- --out target/scale \
//!     --articles 1000 --blocks 100,1000,5000 --people 10000 --jobs 200
//! ```
//!
//! `--articles N` writes N articles (each with its related reads) and the paged index;
//! `--blocks A,B,…` adds one article per count, slug `lang-artikel-{count}-blokke`, with
//! that many body blocks; `--people N` and `--jobs N` write paged lists. The media of
//! public/api are copied along, so every document's images resolve.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

const INDEX_PAGE_SIZE: usize = 20;
const PEOPLE_PAGE_SIZE: usize = 10;
const JOBS_PAGE_SIZE: usize = 8;

const SECTIONS: [&str; 6] = [
    "Mobil",
    "Cloud",
    "Sikkerhed",
    "Offentlig it",
    "Karriere",
    "AI",
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

struct Options {
    out: PathBuf,
    articles: usize,
    blocks: Vec<usize>,
    people: usize,
    jobs: usize,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        out: PathBuf::from("target/scale"),
        articles: 20,
        blocks: Vec::new(),
        people: 30,
        jobs: 16,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
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
    if let Err(e) = generate(&options) {
        eprintln!("generate: {e}");
        std::process::exit(1);
    }
    println!(
        "generate: wrote {} articles (+{} long ones), {} people-news entries, {} jobs to {}",
        options.articles,
        options.blocks.len(),
        options.people,
        options.jobs,
        options.out.display()
    );
}

fn write(root: &Path, rel: &str, doc: &Value) -> std::io::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, serde_json::to_vec(doc)?)
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
        "section": SECTIONS[i % SECTIONS.len()],
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

fn article(slug: &str, headline: &str, i: usize, blocks: usize, articles: usize) -> Value {
    json!({
        "slug": slug,
        "headline": headline,
        "section": SECTIONS[i % SECTIONS.len()],
        "lead": format!("Manchet til artikel nummer {i}: kort om hvad der skete, og hvorfor det er vigtigt."),
        "image": image("media/datacenter.svg", "Illustration af et datacenter"),
        "authors": [{ "name": "Tidendes redaktion", "role": "Journalist" }],
        "published": published(i),
        "body": body(blocks, articles),
        "tags": ["Skala", "Benchmark"],
    })
}

fn paged(root: &Path, prefix: &str, items: Vec<Value>, per_page: usize) -> std::io::Result<()> {
    let total_items = items.len();
    let total_pages = total_items.div_ceil(per_page).max(1);
    let mut chunks: Vec<Vec<Value>> = items.chunks(per_page).map(<[Value]>::to_vec).collect();
    if chunks.is_empty() {
        chunks.push(Vec::new());
    }
    for (n, chunk) in chunks.into_iter().enumerate() {
        let page = n + 1;
        let next = (page < total_pages).then(|| format!("{prefix}{}.json", page + 1));
        write(
            root,
            &format!("{prefix}{page}.json"),
            &json!({ "page": page, "total_pages": total_pages, "total_items": total_items, "next": next, "items": chunk }),
        )?;
    }
    Ok(())
}

fn generate(o: &Options) -> std::io::Result<()> {
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

    let mut index = Vec::new();
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
        index.push(teaser(&slug, &headline, i));
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
    paged(root, "articles/index/", index, INDEX_PAGE_SIZE)?;

    let people = (0..o.people)
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
    paged(root, "people/", people, PEOPLE_PAGE_SIZE)?;

    let jobs = (0..o.jobs)
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
    paged(root, "jobs/", jobs, JOBS_PAGE_SIZE)?;

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
        fs::remove_dir_all(out).unwrap();
    }

    #[test]
    fn dates_are_proleptic_gregorian() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_254), (2025, 6, 15));
        assert_eq!(published(0), "2025-06-15T15:06:40Z");
        assert_eq!(published(16), "2025-06-14T23:06:40Z");
    }
}
