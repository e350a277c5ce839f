//! Synthetic boards for the benchmarks (`BENCHMARKS.md`): a normal site
//! folder with any number of schools, as rich as the example site, and
//! optionally a git history.
//!
//! ```sh
//! cargo run --release --example synth -- --schools 10000 /tmp/board
//! cargo run --release --example synth -- --schools 1000 --commits 1000 /tmp/board
//! ```
//!
//! The shared model is the example's own `content/` (every activity, data
//! category, processor, recipient and retention period of it), copied from
//! this repository. The schools are generated: each has a website and an
//! e-mail address, most a phone number, some a postal address; each uses
//! one of the pupil administrations and some of the other per-school
//! systems, and about half keep a class list (the per-school practice). The
//! example's cookies that are set only on some websites are set on the
//! websites of a share of the schools (one in three for the video cookies,
//! one in four for the statistics cookie). Everything is a function of the
//! school's number, so the same arguments give the same bytes.
//!
//! With `--commits M` the folder is a git repository of M commits, each on
//! a day of its own from 1 January 2020, as a board's history collects
//! them (like `bench/archive.sh`): the first holds the whole site, every
//! later one edits one school's entry (its name says "versie k"), and
//! every tenth also shortens or lengthens a retention period in
//! `content/retention.yaml`. The commits are made with `git fast-import`,
//! one process for all of them.
//!
//! The folder passes `helder check` without errors; the test below checks
//! that with the library, and `bench/compare.sh` with the program.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::Parser;

/// Writes a synthetic school board's site into a new folder.
#[derive(Parser)]
struct Args {
    /// How many schools.
    #[arg(long, default_value_t = 17)]
    schools: usize,
    /// Make the folder a git repository of this many commits (0: no git).
    #[arg(long, default_value_t = 0)]
    commits: usize,
    /// The folder to write; it must not exist or be empty.
    dir: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match synth(&args.dir, args.schools, args.commits) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {}: {e}", args.dir.display());
            ExitCode::FAILURE
        }
    }
}

/// The example site's shared model, beside this program.
const EXAMPLE_CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/content");

/// Writes the site of `schools` schools into `dir`, with a history of
/// `commits` commits when that is not 0.
fn synth(dir: &Path, schools: usize, commits: usize) -> io::Result<()> {
    if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(io::Error::other("the folder is not empty"));
    }
    if schools == 0 {
        return Err(io::Error::other("a board has at least one school"));
    }
    let mut site = Site::new(schools)?;
    if commits > 0 {
        commit_history(dir, &mut site, commits)?;
    }
    site.write(dir)
}

/// The site's files as text, and what the commits change.
struct Site {
    schools: Vec<School>,
    /// `content/`'s files but retention.yaml, as (name, text).
    content: Vec<(String, String)>,
    /// The example's retention.yaml, and the months the commits put in
    /// its first period in months.
    retention: String,
    months: Option<usize>,
}

impl Site {
    fn new(count: usize) -> io::Result<Site> {
        let schools: Vec<School> = (0..count).map(School::new).collect();
        let mut content = Vec::new();
        let mut retention = None;
        let mut names: Vec<_> = fs::read_dir(EXAMPLE_CONTENT)?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<io::Result<_>>()?;
        names.sort();
        for name in names {
            let text = fs::read_to_string(Path::new(EXAMPLE_CONTENT).join(&name))?;
            match name.as_str() {
                "retention.yaml" => retention = Some(text),
                "cookies.yaml" => content.push((name, cookies(&text, &schools))),
                _ => content.push((name, text)),
            }
        }
        let retention = retention.ok_or_else(|| io::Error::other("no content/retention.yaml"))?;
        Ok(Site {
            schools,
            content,
            retention,
            months: None,
        })
    }

    /// Every file of the site, as (path, text).
    fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![
            (".gitignore".to_string(), "/public\n".to_string()),
            ("schools.yaml".to_string(), self.schools_yaml()),
            ("content/retention.yaml".to_string(), self.retention_yaml()),
        ];
        files.extend(
            self.content
                .iter()
                .map(|(name, text)| (format!("content/{name}"), text.clone())),
        );
        files
    }

    fn write(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir.join("content"))?;
        for (path, text) in self.files() {
            fs::write(dir.join(path), text)?;
        }
        Ok(())
    }

    fn schools_yaml(&self) -> String {
        let mut yaml = String::from(
            "# A synthetic board for the benchmarks, written by examples/synth.rs.\n\nschools:\n",
        );
        for school in &self.schools {
            school.write(&mut yaml);
        }
        yaml
    }

    /// The example's retention periods, with the first one in months set
    /// to what the last commit made it.
    fn retention_yaml(&self) -> String {
        let Some(months) = self.months else {
            return self.retention.clone();
        };
        let mut done = false;
        let lines: Vec<String> = self
            .retention
            .lines()
            .map(|line| match line.trim_start().strip_prefix("period: ") {
                Some(period) if !done && period.ends_with(" maanden") => {
                    done = true;
                    let indent = &line[..line.len() - line.trim_start().len()];
                    format!("{indent}period: {months} maanden")
                }
                _ => line.to_string(),
            })
            .collect();
        lines.join("\n") + "\n"
    }
}

/// The schools of a generated board: names, places and choices are taken
/// in turn from these lists, with strides that do not divide each other,
/// so that neighbouring schools differ in everything.
const KINDS: &[&str] = &["Obs", "Cbs", "Rkbs", "Odbs", "Ojbs", "Pcbs", "Kindcentrum"];
const NAMES: &[&str] = &[
    "De Regenboog",
    "De Zonnewijzer",
    "Het Kompas",
    "De Wegwijzer",
    "De Braskörf",
    "'t Holt",
    "De Tandem",
    "De Vlinder",
    "De Schakel",
    "Het Palet",
    "De Fontein",
    "De Horizon",
    "De Wiekslag",
    "De Octopus",
    "Het Mozaïek",
    "De Triangel",
    "De Klimop",
    "Meester Siebeschool",
    "De Ark",
    "Sint Joriën",
    "De Springplank",
    "Het Baken",
    "De Zevensprong",
    "De Boomgaard",
];
const PLACES: &[&str] = &[
    "Veendam",
    "Meeden",
    "Muntendam",
    "Stadskanaal",
    "Musselkanaal",
    "Zuidbroek",
    "Noordbroek",
    "Wildervank",
    "Ter Apel",
    "Nieuw-Buinen",
    "Oude Pekela",
    "Winschoten",
    "Sappemeer",
    "Hoogezand",
    "Vlagtwedde",
    "Onstwedde",
    "Emmen",
    "Assen",
    "Groningen",
    "Delfzijl",
    "Appingedam",
    "Loppersum",
    "Bellingwolde",
];
/// Every school has one pupil administration; these are the other
/// per-school systems of the example, in the combinations schools use.
const ADMINISTRATIONS: &[&str] = &["parnassys", "esis", "leerwinst"];
const OTHER_SYSTEMS: &[&[&str]] = &[
    &["cito-lovs", "basispoort"],
    &["cito-lovs"],
    &["basispoort"],
    &[],
    &["cito-lovs", "basispoort"],
];
const PRACTICES: &str = "klassenlijst";

struct School {
    id: String,
    name: String,
    place: &'static str,
    number: usize,
    /// The last commit that edited this school's entry.
    version: Option<usize>,
}

impl School {
    fn new(i: usize) -> School {
        let name = format!(
            "{} {}",
            KINDS[i % KINDS.len()],
            NAMES[(i * 5) % NAMES.len()]
        );
        School {
            id: format!("{}-{}", slug(&name), i + 1),
            name,
            place: PLACES[(i * 7) % PLACES.len()],
            number: i,
            version: None,
        }
    }

    /// Whether the website of this school sets the cookies of group
    /// `group` (the example's distinct `sites:` lists, in their order).
    fn sets_cookies(&self, group: usize) -> bool {
        self.number % (group + 3) == group
    }

    fn write(&self, yaml: &mut String) {
        let i = self.number;
        let mut systems = vec![ADMINISTRATIONS[i % ADMINISTRATIONS.len()]];
        systems.extend(OTHER_SYSTEMS[(i / 3) % OTHER_SYSTEMS.len()]);
        let name = match self.version {
            Some(k) => format!("{} (versie {k})", self.name),
            None => self.name.clone(),
        };
        let host = self.id.replace('-', "");
        let _ = writeln!(yaml, "  - id: {}", self.id);
        let _ = writeln!(yaml, "    name: {name}");
        let _ = writeln!(yaml, "    place: {}", self.place);
        let _ = writeln!(yaml, "    website: https://{host}.example.nl");
        let _ = writeln!(yaml, "    email: info@{host}.example.nl");
        if i % 5 != 4 {
            let _ = writeln!(yaml, "    phone: 0599-{:06}", 100_000 + i % 900_000);
        }
        if i % 4 == 2 {
            let _ = writeln!(yaml, "    address:");
            let _ = writeln!(yaml, "      street: Schoolstraat {}", 1 + i % 97);
            // The letters of Dutch postcodes; without S, so never SA, SD or SS.
            let letters = b"ABCDEGHJKLMNPRTVWXZ";
            let pick = |n: usize| char::from(letters[n % letters.len()]);
            let letters = format!("{}{}", pick(i), pick(i / letters.len()));
            let _ = writeln!(yaml, "      postcode: {} {letters}", 9500 + i % 499);
            let _ = writeln!(yaml, "      place: {}", self.place);
        }
        let _ = writeln!(yaml, "    systems: [{}]", systems.join(", "));
        if i.is_multiple_of(2) {
            let _ = writeln!(yaml, "    practices: [{PRACTICES}]");
        }
        yaml.push('\n');
    }
}

/// A school's name as a page address: lower case, letters without their
/// accents, hyphens between words.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        match c {
            'ö' | 'ó' => slug.push('o'),
            'ë' | 'é' | 'è' => slug.push('e'),
            'ï' => slug.push('i'),
            'a'..='z' | '0'..='9' => slug.push(c),
            'A'..='Z' => slug.push(c.to_ascii_lowercase()),
            ' ' | '-' if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    slug
}

/// The example's cookies, with every `sites:` list of school websites
/// replaced by a share of the generated schools (the board's own website
/// stays where it was). Lists that were the same stay the same: the video
/// cookies and the consent cookie go together.
fn cookies(example: &str, schools: &[School]) -> String {
    let mut groups: Vec<String> = Vec::new();
    let mut out = String::new();
    for line in example.lines() {
        let Some(list) = line.trim_start().strip_prefix("sites: [") else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let list = list.trim_end_matches(']').to_string();
        let group = groups.iter().position(|g| *g == list).unwrap_or_else(|| {
            groups.push(list.clone());
            groups.len() - 1
        });
        let mut sites: Vec<&str> = list.split(", ").filter(|s| *s == "board").collect();
        sites.extend(
            schools
                .iter()
                .filter(|s| s.sets_cookies(group))
                .map(|s| s.id.as_str()),
        );
        if sites.is_empty() {
            // A list may not be empty: the first school, then.
            sites.push(&schools[0].id);
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let _ = writeln!(out, "{indent}sites: [{}]", sites.join(", "));
    }
    out
}

/// Makes `dir` a git repository of `commits` commits, each a day after the
/// one before, and leaves `site` as the last commit has it.
fn commit_history(dir: &Path, site: &mut Site, commits: usize) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    git(dir, &["init", "--quiet", "--initial-branch=main"])?;
    let mut import = Command::new("git")
        .args(["fast-import", "--quiet", "--done"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()?;
    let mut stream = io::BufWriter::new(import.stdin.take().expect("piped"));
    // 2020-01-01 at noon, UTC.
    let first_day = 1_577_880_000u64;
    for k in 0..commits {
        let message;
        let mut changed = vec![("schools.yaml".to_string(), String::new())];
        if k == 0 {
            message = "Eerste versie".to_string();
            changed = site.files();
        } else {
            let count = site.schools.len();
            let school = &mut site.schools[k % count];
            school.version = Some(k);
            message = format!("Versie {k}: {}", school.name);
            changed[0].1 = site.schools_yaml();
            if k.is_multiple_of(10) {
                site.months = Some(k / 10 % 24 + 1);
                changed.push(("content/retention.yaml".into(), site.retention_yaml()));
            }
        }
        let when = first_day + 86_400 * k as u64;
        let who = "Bestuursbureau <bestuursbureau@example.invalid>";
        writeln!(stream, "commit refs/heads/main")?;
        writeln!(stream, "author {who} {when} +0000")?;
        writeln!(stream, "committer {who} {when} +0000")?;
        writeln!(stream, "data {}\n{message}", message.len())?;
        for (path, text) in &changed {
            writeln!(
                stream,
                "M 100644 inline {path}\ndata {}\n{text}",
                text.len()
            )?;
        }
    }
    stream.write_all(b"done\n")?;
    drop(stream.into_inner().map_err(|e| e.into_error())?);
    if !import.wait()?.success() {
        return Err(io::Error::other("git fast-import failed"));
    }
    // The work tree is written after this from the same `site`; the index
    // follows the last commit, so the folder is clean.
    git(dir, &["reset", "--quiet"])
}

fn git(dir: &Path, args: &[&str]) -> io::Result<()> {
    let status = Command::new("git").args(args).current_dir(dir).status()?;
    if !status.success() {
        return Err(io::Error::other(format!("git {} failed", args.join(" "))));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use helder::cmd::{Strictness, load_and_check};

    fn checked(dir: &Path) {
        let strictness = Strictness {
            deny_warnings: false,
            max_file_bytes: helder::load::MAX_FILE_BYTES,
        };
        if let Err(report) = load_and_check(dir, strictness) {
            panic!("{:#?}", report.diagnostics);
        }
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("helder-synth-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_synthetic_board_passes_check() {
        let dir = temp("check");
        synth(&dir, 60, 0).unwrap();
        checked(&dir);
        let schools = fs::read_to_string(dir.join("schools.yaml")).unwrap();
        assert_eq!(schools.matches("\n  - id: ").count(), 60);
        let cookies = fs::read_to_string(dir.join("content/cookies.yaml")).unwrap();
        assert!(cookies.contains(&School::new(3).id), "{cookies}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn one_school_passes_check() {
        let dir = temp("one");
        synth(&dir, 1, 0).unwrap();
        checked(&dir);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_history_has_its_commits_and_a_clean_work_tree() {
        let dir = temp("history");
        synth(&dir, 30, 25).unwrap();
        checked(&dir);
        let git = |args: &[&str]| {
            let out = Command::new("git").args(args).current_dir(&dir).output();
            String::from_utf8(out.unwrap().stdout).unwrap()
        };
        assert_eq!(git(&["rev-list", "--count", "HEAD"]).trim(), "25");
        assert_eq!(git(&["status", "--porcelain"]), "");
        let days = git(&["log", "--format=%ad", "--date=short"]);
        assert_eq!(days.lines().next(), Some("2020-01-25"));
        assert_eq!(days.lines().last(), Some("2020-01-01"));
        let retention = git(&["log", "--format=%s", "--", "content/retention.yaml"]);
        assert_eq!(retention.lines().count(), 3, "{retention}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_with_files_is_refused() {
        let dir = temp("refused");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("keep.txt"), "mine").unwrap();
        assert!(synth(&dir, 3, 0).is_err());
        assert_eq!(fs::read_to_string(dir.join("keep.txt")).unwrap(), "mine");
        fs::remove_dir_all(&dir).unwrap();
    }
}
