//! `prerender`: renders the site's pages into a build folder (src/prerender/). `make build`
//! runs it after Trunk; `tools/prerender.sh` runs it on its own, for a CMS's publish hook.

use std::path::PathBuf;
use std::process::ExitCode;

use tidende::prerender::{self, Options};
use tidende::router::Route;

const USAGE: &str =
    "usage: prerender [--dist DIR] [--api URL] [--site-url URL] [--only ROUTE]... [--strict]

  --dist DIR       the build folder, with Trunk's output and shell.html (default: dist)
  --api URL        the backend's base URL (default: the one the build's pages name)
  --site-url URL   the site's public origin, for canonical links and link previews
  --only ROUTE     render this page (e.g. /artikel/{slug}) and the article index's pages only
  --strict         fail when any page cannot be prerendered (for CI)";

fn main() -> ExitCode {
    let mut options = Options {
        dist: PathBuf::from("dist"),
        ..Options::default()
    };
    let mut strict = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let parsed = match arg.as_str() {
            "--dist" => value("--dist").map(|v| options.dist = PathBuf::from(v)),
            "--api" => value("--api").map(|v| options.api = Some(v)),
            "--site-url" => value("--site-url").map(|v| options.site_url = Some(v)),
            "--only" => value("--only").and_then(|route| {
                // Only the addresses the site links to: one way of writing each page.
                match Route::of(&route).path() {
                    Some(path) if path == route => {
                        options.only.push(route);
                        Ok(())
                    }
                    _ => Err(format!("--only {route}: not a page of the site (e.g. /artikel/{{slug}}, /navnenyt)")),
                }
            }),
            "--strict" => {
                strict = true;
                Ok(())
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other}")),
        };
        if let Err(e) = parsed {
            eprintln!("prerender: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    match prerender::run(&options) {
        Ok(report) => {
            for line in report.lines() {
                eprintln!("{line}");
            }
            if strict && (!report.failed.is_empty() || report.findable.is_err()) {
                eprintln!("prerender: --strict: failing the build");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::from(2)
        }
    }
}
