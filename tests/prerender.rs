//! The prerender step on real backends: the sample one, a hostile one, one with broken
//! documents, one over HTTP that fails, and the publish hook's single article. Natively,
//! with the `ssr` feature (`make unit`).
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use std::fs;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use tidende::handover::Block;
use tidende::prerender::{self, Options, Report};

const SEED: &str = "nokia-saelger-milliard-satsning-withings";

/// Trunk's index.html as its minifier writes it (the parts the prerender reads).
const SHELL: &str = concat!(
    "<!doctype html><html lang=da><meta charset=utf-8><base href=/>",
    "<meta content=api/ name=tidende:api><title>Tidende</title>",
    "<script type=module>import init from '/tidende-0123456789abcdef.js';await init();</script></head>",
    "<body><noscript><p class=noscript>Tidende kræver JavaScript og WebAssembly for at vise nyhederne.</p></noscript></body></html>"
);

/// A build folder in a fresh temp dir, removed when the test is done.
struct BuildFolder(PathBuf);

impl std::ops::Deref for BuildFolder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for BuildFolder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A build folder with the shell and a copy of the sample backend.
fn build_folder(name: &str) -> BuildFolder {
    let dir = std::env::temp_dir().join(format!("tidende-prerender-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("shell.html"), SHELL).unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api"),
        &dir.join("api"),
    );
    BuildFolder(dir)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn run(dist: &Path, only: &[&str]) -> Report {
    prerender::run(&Options {
        dist: dist.to_path_buf(),
        site_url: Some("https://tidende.example".into()),
        only: only.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    })
    .unwrap()
}

fn page(dist: &Path, file: &str) -> String {
    fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The page with the contents of its script elements taken out.
fn without_scripts(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("</script>") else {
            break;
        };
        rest = &rest[start + end + "</script>".len()..];
    }
    out.push_str(rest);
    out
}

/// The data block of a page, read as the app reads it.
fn block(html: &str) -> Block {
    let start =
        html.find(r#"id="tidende-data">"#).expect("a data block") + r#"id="tidende-data">"#.len();
    let end = start + html[start..].find("</script>").unwrap();
    Block::parse(&html[start..end])
}

#[test]
fn the_sample_backend_becomes_a_whole_site() {
    let dist = build_folder("sample");
    let report = run(&dist, &[]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    // 13 articles, 3 index pages, 35 pages of 34 topics and 9 of 8 sections (two
    // articles a page in the sample), 4 people-news pages, 2 job pages, the search page,
    // the 404 page.
    assert_eq!(
        report.written,
        13 + 3 + 35 + 9 + 4 + 2 + 1 + 1,
        "{}",
        report.lines().join("\n")
    );
    for file in [
        "index.html",
        "side/2.html",
        "side/3.html",
        "navnenyt.html",
        "navnenyt/side/4.html",
        "job.html",
        "job/side/2.html",
        "emne/nokia.html",
        "emne/nokia/side/2.html",
        "emne/iot.html",
        "sektion/mobil.html",
        "sektion/mobil/side/2.html",
        "sektion/offentlig-it.html",
        "soeg.html",
        "404.html",
    ] {
        assert!(dist.join(file).is_file(), "{file}");
    }
    assert!(
        !dist.join("side/4.html").exists(),
        "only the pages there are"
    );

    let seed = page(&dist, &format!("artikel/{SEED}.html"));
    assert!(seed.contains("<title>Efter skuffende salg: Nu sælger Nokia den milliard-satsning, der skulle have været selskabets fremtid – Tidende</title>"));
    assert!(seed.contains(&format!(
        r#"<link data-page-head rel="canonical" href="https://tidende.example/artikel/{SEED}">"#
    )));
    assert!(
        seed.contains(r#"content="https://tidende.example/api/media/nokia-withings.svg""#),
        "og:image is absolute"
    );
    assert!(
        seed.contains(r#"<img src="api/media/nokia-withings.svg""#),
        "the page's own images follow <base href>"
    );
    assert!(seed.contains("Tidligere Samsung-chef ryger ud"));
    assert!(!seed.contains("<noscript>"), "the noscript line is gone");
    assert!(
        seed.contains("<body><a href=\"#indhold\" class=\"skip-link\">"),
        "the app is the body's first child"
    );

    let data = block(&seed);
    assert_eq!(data.route.as_deref(), Some(&*format!("/artikel/{SEED}")));
    let mut docs: Vec<_> = data.docs.iter().map(|(k, _)| k.clone()).collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            format!("articles/{SEED}.json"),
            "jobs/1.json".to_string(),
            "people/1.json".to_string(),
            format!("related/{SEED}.json"),
            "sponsored/current.json".to_string(),
        ]
    );
    // Page 2 of people news knows where it came from, for the app that takes it over.
    let people2 = block(&page(&dist, "navnenyt/side/2.html"));
    assert_eq!(people2.pages["people/2"].as_str(), Some("people/2.json"));
    assert!(people2.docs.contains_key("people/2.json"));
    // The search page tells readers without script where to look instead, in its list.
    let search = page(&dist, "soeg.html");
    assert!(search.contains("<div id=\"soeg-hits\"><noscript><p class=\"search__noscript\">"));
    assert!(search.contains("<a href=\"/sektion/mobil\">Mobil</a>"));
    assert!(search.contains("<a href=\"/emne/nokia\">Nokia</a>"));
    assert!(page(&dist, "404.html")
        .contains(r#"<meta data-page-head name="robots" content="noindex">"#));
}

#[test]
fn markup_and_hostile_links_from_the_backend_stay_text() {
    let dist = build_folder("hostile");
    let path = dist.join(format!("api/articles/{SEED}.json"));
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    doc["headline"] = "<img src=x onerror=alert(1)></title><script>alert(2)</script>".into();
    doc["lead"] = "</script><script>alert(3)</script><!--".into();
    doc["body"][0]["children"][0]["href"] = "javascript:alert(4)".into();
    doc["tags"] = serde_json::json!(["<b>fed</b>", "\" onmouseover=\"alert(5)"]);
    fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    let report = run(&dist, &[]);
    // The backend has no topic pages for the new tags: those two pages are left to the
    // client (which says the topic is not found), and nothing else fails.
    let failed: Vec<&str> = report.failed.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        failed,
        ["/emne/b-fed-b", "/emne/onmouseover-alert-5"],
        "{:?}",
        report.failed
    );
    let html = page(&dist, &format!("artikel/{SEED}.html"));
    // The tags are links to their topics, and their names are text.
    assert!(html.contains(r#"<a href="/emne/b-fed-b">&lt;b&gt;fed&lt;/b&gt;"#));
    // The markup, without the data the page carries (which is JSON, never markup).
    let markup = without_scripts(&html);
    assert!(!markup.contains("<img src=x"), "no injected element");
    assert!(!markup.contains("<b>fed</b>"));
    assert!(!markup.contains("javascript:"), "no hostile link");
    // A quote in text is text; what must not happen is an attribute made of it.
    let in_a_tag = |attr: &str| {
        markup.match_indices('<').any(|(i, _)| {
            markup[i..]
                .split('>')
                .next()
                .is_some_and(|tag| tag.contains(attr))
        })
    };
    assert!(!in_a_tag(" onmouseover="), "no attribute broken out of");
    // The tag's text as it was, linking to the topic its name makes.
    assert!(markup.contains("<a href=\"/emne/onmouseover-alert-5\">\" onmouseover=\"alert(5)"));
    assert!(
        markup.contains("&lt;img src=x onerror=alert(1)&gt;&lt;/title&gt;"),
        "the headline as text"
    );
    // Exactly the shell's script runs; the rest is data that cannot end its element.
    let scripts: Vec<String> = html
        .match_indices("<script")
        .map(|(i, _)| html[i..].chars().take(60).collect())
        .collect();
    assert_eq!(scripts.len(), 3, "{scripts:?}");
    assert!(scripts.iter().all(|s| s.starts_with("<script type=module>")
        || s.starts_with("<script data-page-head type=\"application/ld+json\">")
        || s.starts_with("<script type=\"application/json\" id=\"tidende-data\">")));
    assert_eq!(html.matches("</script>").count(), 3);
    // The app reads back exactly what the backend sent.
    let data = block(&html);
    assert_eq!(
        data.docs[&*format!("articles/{SEED}.json")]["lead"].as_str(),
        Some("</script><script>alert(3)</script><!--")
    );
}

#[test]
fn a_broken_document_leaves_its_page_to_the_client_and_says_why() {
    let dist = build_folder("broken");
    let article = dist.join("api/articles/gdpr-traadt-i-kraft-fem-ting.json");
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&article).unwrap()).unwrap();
    doc.as_object_mut().unwrap().remove("headline");
    fs::write(&article, serde_json::to_vec(&doc).unwrap()).unwrap();
    fs::write(
        dist.join("api/related/kommuner-faelles-dataplatform.json"),
        b"\xff\xfe not json",
    )
    .unwrap();
    fs::write(dist.join("api/people/3.json"), b"{\"page\": 3}").unwrap();
    let report = run(&dist, &[]);
    let failed: Vec<_> = report
        .failed
        .iter()
        .map(|(route, why)| format!("{route}: {why}"))
        .collect();
    assert_eq!(failed.len(), 3, "{failed:#?}");
    assert!(failed[0].starts_with("/artikel/gdpr-traadt-i-kraft-fem-ting: articles/gdpr-traadt-i-kraft-fem-ting.json: not a valid document: missing field `headline`"), "{failed:#?}");
    assert!(failed.iter().any(|f| f.starts_with("/artikel/kommuner-faelles-dataplatform: related/kommuner-faelles-dataplatform.json: not a valid document")), "{failed:#?}");
    assert!(
        failed
            .iter()
            .any(|f| f.starts_with("/navnenyt/side/3: people/3.json")),
        "{failed:#?}"
    );
    // Their files are the shell, so the browser renders them as before.
    assert_eq!(
        page(&dist, "artikel/gdpr-traadt-i-kraft-fem-ting.html"),
        SHELL
    );
    assert_eq!(page(&dist, "navnenyt/side/3.html"), SHELL);
    // The walk of people news stopped there, and says so.
    assert!(
        report
            .stops
            .iter()
            .any(|s| s.list == "people" && s.page == 3),
        "{:?}",
        report.stops
    );
    assert!(!dist.join("navnenyt/side/4.html").exists());
    // The rest of the site is whole.
    assert!(page(&dist, &format!("artikel/{SEED}.html")).contains("tidende-data"));
    assert!(report
        .lines()
        .iter()
        .any(|l| l.contains("left to the client")));
}

#[test]
fn the_publish_hook_renders_one_article_and_the_index_and_a_full_run_drops_what_is_gone() {
    let dist = build_folder("only");
    run(&dist, &[]);
    let untouched = dist.join("navnenyt.html");
    let before = fs::metadata(&untouched).unwrap().modified().unwrap();
    let path = dist.join(format!("api/articles/{SEED}.json"));
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    doc["headline"] = "Rettet overskrift om Nokia og Withings".into();
    fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    let report = run(&dist, &[&format!("/artikel/{SEED}")]);
    // The article's topics (Nokia on two pages, Withings, Sundhedsteknologi, IoT) and its
    // section (Mobil, two pages) list it too.
    assert_eq!(
        report.written,
        1 + 3 + 5 + 2,
        "the article, the three index pages, its topics' and its section's pages"
    );
    assert!(page(&dist, &format!("artikel/{SEED}.html"))
        .contains("<h1 id=\"article-title\" class=\"article__headline\">Rettet overskrift"));
    assert_eq!(
        fs::metadata(&untouched).unwrap().modified().unwrap(),
        before,
        "the rest is left alone"
    );

    // The article leaves the index (and the backend): the next full run removes its page.
    let index = dist.join("api/articles/index/1.json");
    let mut first: serde_json::Value = serde_json::from_slice(&fs::read(&index).unwrap()).unwrap();
    first["items"]
        .as_array_mut()
        .unwrap()
        .retain(|t| t["slug"] != SEED);
    fs::write(&index, serde_json::to_vec(&first).unwrap()).unwrap();
    // So do the topics only it had (the sample's Withings and Sundhedsteknologi).
    let report = run(&dist, &[]);
    let mut removed = report.removed.clone();
    removed.sort();
    assert_eq!(
        removed,
        [
            PathBuf::from(format!("artikel/{SEED}.html")),
            PathBuf::from("emne/sundhedsteknologi.html"),
            PathBuf::from("emne/withings.html"),
        ]
    );
    assert!(!dist.join(format!("artikel/{SEED}.html")).exists());
}

/// A backend over HTTP that answers every path from the sample files, but 500 for the
/// sponsored item and garbage for page 2 of the jobs.
fn serve_backend() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, body) = if path.ends_with("sponsored/current.json") {
                ("500 Internal Server Error", b"<h1>oops</h1>".to_vec())
            } else if path.ends_with("jobs/2.json") {
                ("200 OK", b"\x00\x01garbage".to_vec())
            } else {
                match fs::read(root.join(path.trim_start_matches('/'))) {
                    Ok(body) => ("200 OK", body),
                    Err(_) => ("404 Not Found", Vec::new()),
                }
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[test]
fn a_backend_over_http_is_read_with_the_apps_errors() {
    let dist = build_folder("http");
    fs::remove_dir_all(dist.join("api")).unwrap();
    let base = serve_backend();
    let report = prerender::run(&Options {
        dist: dist.to_path_buf(),
        api: Some(base.clone()),
        ..Options::default()
    })
    .unwrap();
    // Every page has the sidebar's sponsored item, which the backend refuses: all are left
    // to the client but the 404 page, each with the reason.
    assert_eq!(report.written, 1, "{}", report.lines().join("\n"));
    let (route, why) = &report.failed[0];
    assert_eq!(route, "/");
    assert!(
        why.contains(&format!(
            "sponsored/current.json: HTTP 500 from {base}sponsored/current.json"
        )),
        "{why}"
    );
    assert!(
        report
            .stops
            .iter()
            .any(|s| s.list == "jobs" && s.page == 2 && s.reason.contains("not a valid document")),
        "{:?}",
        report.stops
    );
    // The pages name the backend they were rendered from.
    assert!(
        page(&dist, "404.html").contains(&format!("<meta content=\"{base}\" name=tidende:api>"))
    );
    assert!(report.source.starts_with("http://127.0.0.1:"));
}
