//! The page every prerendered file is made from: Trunk's own `index.html` (kept in the
//! build as `shell.html`), so Trunk stays the one build of the client, its hashed assets and
//! loader included. A page is that shell with its head tags in place of the bare title, the
//! rendered app in place of the `<noscript>` line, and the data block before `</body>`.

use crate::handover::DATA_ID;

#[derive(Clone, Debug)]
pub struct Template {
    shell: String,
    /// The shell up to `<title>`, the part between `</title>` and the app, and what follows.
    before_title: String,
    head_rest: String,
    after_body: String,
    /// Written into every page's head after its own tags (the feed's `<link>`).
    extra_head: String,
}

const TITLE: (&str, &str) = ("<title>", "</title>");
const NOSCRIPT: (&str, &str) = ("<noscript>", "</noscript>");

impl Template {
    /// Reads the shell; `api` replaces the content of its `tidende:api` meta, if given.
    pub fn parse(shell: &str, api: Option<&str>) -> Result<Self, String> {
        let shell = match api {
            Some(api) => set_api_meta(shell, api)?,
            None => shell.to_string(),
        };
        let (before_title, rest) = split_element(&shell, TITLE)?;
        let (head_rest, after) = split_element(rest, NOSCRIPT)?;
        if !head_rest.trim_end().ends_with("<body>") {
            return Err("the <noscript> line is not the first thing in <body>".into());
        }
        if !after.contains("</body>") {
            return Err("no </body>".into());
        }
        Ok(Self {
            before_title: before_title.to_string(),
            head_rest: head_rest.trim_end().to_string(),
            after_body: after.to_string(),
            extra_head: String::new(),
            shell,
        })
    }

    /// Adds `html` to the head of every page made from here on.
    pub fn add_to_head(&mut self, html: &str) {
        self.extra_head.push_str(html);
    }

    /// The shell as it is: what a page that could not be rendered gets.
    pub fn shell(&self) -> &str {
        &self.shell
    }

    /// A whole page: `head` (title and tags), `body` (the app's HTML, which must start
    /// `<body>` with nothing before it: hydration walks the body from its first child), and
    /// the data block's text.
    pub fn page(&self, head: &str, body: &str, block: &str) -> String {
        let body = valid_markers(body);
        let data = format!(r#"<script type="application/json" id="{DATA_ID}">{block}</script>"#);
        let after = self
            .after_body
            .replacen("</body>", &format!("{data}</body>"), 1);
        let mut out = String::with_capacity(
            self.before_title.len() + head.len() + self.head_rest.len() + body.len() + after.len(),
        );
        out.push_str(&self.before_title);
        out.push_str(head);
        out.push_str(&self.extra_head);
        out.push_str(&self.head_rest);
        out.push_str(&body);
        out.push_str(&after);
        out
    }
}

/// Leptos marks the places hydration needs with `<!>`, which browsers read as an empty
/// comment but the HTML standard calls a bogus comment (the Nu HTML Checker reports one per
/// marker). `<!---->` is the same empty comment, written validly. Only markers in text
/// are changed: a `<` in text is always a tag or a marker (text escapes its own), and
/// attribute values are skipped whole.
fn valid_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<!>") {
            out.push_str("<!---->");
            rest = after;
            continue;
        }
        // A tag (or a real comment): copy it to its `>`, quoted values and all.
        let mut quote = None;
        let mut end = rest.len();
        for (j, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `text` before `open…close`, and after it.
fn split_element<'a>(
    text: &'a str,
    (open, close): (&str, &str),
) -> Result<(&'a str, &'a str), String> {
    let start = text
        .find(open)
        .ok_or_else(|| format!("the shell has no {open}"))?;
    let end = text[start..]
        .find(close)
        .map(|i| start + i + close.len())
        .ok_or_else(|| format!("the shell has no {close}"))?;
    Ok((&text[..start], &text[end..]))
}

/// The `tidende:api` meta with `api` as its content, in either attribute order and with or
/// without quotes (Trunk's minifier drops them where it can).
fn set_api_meta(shell: &str, api: &str) -> Result<String, String> {
    let api_attr = format!("content=\"{}\"", api.replace('"', "&quot;"));
    let mut from = 0;
    while let Some(i) = shell[from..].find("<meta") {
        let start = from + i;
        let end = shell[start..]
            .find('>')
            .map(|j| start + j + 1)
            .ok_or("a <meta> does not end")?;
        let tag = &shell[start..end];
        if tag.contains("name=tidende:api") || tag.contains("name=\"tidende:api\"") {
            let content = tag
                .find("content=")
                .ok_or("the tidende:api meta has no content")?;
            let value_start = content + "content=".len();
            let value_end = if tag[value_start..].starts_with('"') {
                tag[value_start + 1..]
                    .find('"')
                    .map(|k| value_start + 1 + k + 1)
            } else {
                // Unquoted: up to whitespace or the end of the tag (a `/` belongs to it).
                Some(
                    tag[value_start..]
                        .find(char::is_whitespace)
                        .map_or(tag.len() - 1, |k| value_start + k),
                )
            }
            .ok_or("the tidende:api meta's content does not end")?;
            let tag = format!("{}{api_attr}{}", &tag[..content], &tag[value_end..]);
            return Ok(format!("{}{tag}{}", &shell[..start], &shell[end..]));
        }
        from = end;
    }
    Err("the shell has no <meta name=\"tidende:api\">".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = concat!(
        "<!doctype html><html lang=da><meta charset=utf-8><base href=/>",
        "<meta content=api/ name=tidende:api>",
        "<title>Tidende</title><script type=module>import init from '/t.js';</script></head>",
        "<body><noscript><p class=noscript>Tidende kræver JavaScript</p></noscript></body></html>"
    );

    #[test]
    fn a_page_is_the_shell_with_its_head_body_and_data() {
        let template = Template::parse(SHELL, None).unwrap();
        let page = template.page("<title>Job – Tidende</title>", "<main>Job</main>", "{}");
        assert_eq!(
            page,
            concat!(
                "<!doctype html><html lang=da><meta charset=utf-8><base href=/>",
                "<meta content=api/ name=tidende:api>",
                "<title>Job – Tidende</title><script type=module>import init from '/t.js';</script></head>",
                "<body><main>Job</main>",
                r#"<script type="application/json" id="tidende-data">{}</script></body></html>"#
            )
        );
        assert_eq!(template.shell(), SHELL);
    }

    #[test]
    fn hydration_markers_are_written_as_valid_comments() {
        assert_eq!(
            valid_markers(r#"<p>a<!>b</p><!><img alt="<!> x"><!-- c --><!>"#),
            r#"<p>a<!---->b</p><!----><img alt="<!> x"><!-- c --><!---->"#
        );
        assert_eq!(
            valid_markers("plain &lt;!&gt; text"),
            "plain &lt;!&gt; text"
        );
        assert_eq!(
            valid_markers("<a href='x>y'>z<!>"),
            "<a href='x>y'>z<!---->"
        );
    }

    #[test]
    fn the_backend_can_be_named_for_the_build() {
        let template = Template::parse(SHELL, Some("https://cms.example.dk/api/v1/")).unwrap();
        assert!(template
            .shell()
            .contains(r#"<meta content="https://cms.example.dk/api/v1/" name=tidende:api>"#));
        let quoted = SHELL.replace(
            "<meta content=api/ name=tidende:api>",
            r#"<meta name="tidende:api" content="api/">"#,
        );
        let template = Template::parse(&quoted, Some("/cms/")).unwrap();
        assert!(template
            .shell()
            .contains(r#"<meta name="tidende:api" content="/cms/">"#));
    }

    #[test]
    fn a_shell_it_cannot_read_is_an_error_not_a_broken_page() {
        assert!(Template::parse("<html><body></body></html>", None).is_err());
        let late = SHELL.replace("<body><noscript>", "<body><div></div><noscript>");
        assert!(Template::parse(&late, None).is_err());
        assert!(Template::parse(SHELL, Some("x")).is_ok());
        assert!(Template::parse(&SHELL.replace("tidende:api", "other"), Some("x")).is_err());
    }
}
