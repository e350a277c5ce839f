//! The output folder: what CI publishes to parents on every commit.
//!
//! helder replaces it whole or not at all, only when it holds nothing but
//! what helder wrote (the list in `.helder-manifest`), one build at a time,
//! and a killed build leaves the previous site as it was. These tests do to
//! the folder what people and CI runners do: put their own files in it,
//! link it elsewhere, start two builds at once, kill a build half-way.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::history::committed_example;

const MANIFEST: &str = ".helder-manifest";

/// The files a manifest lists (`key size path` after a comment line).
fn listed(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.splitn(3, ' ').nth(2).unwrap_or_default().to_string())
        .collect()
}

fn file_names(dir: &Path) -> Vec<String> {
    files(dir)
        .iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_output_folder_lists_every_file_helder_wrote() {
    let site = Site::example_built();
    let mut written = file_names(&site.path("public"));
    written.retain(|f| f != MANIFEST);
    assert!(written.len() > 30, "{written:?}");
    assert_eq!(listed(&site.page(MANIFEST)), written);
    // With the size of each.
    for line in site.page(MANIFEST).lines().skip(1) {
        let [_, size, path] = line.splitn(3, ' ').collect::<Vec<_>>()[..] else {
            panic!("not `key size path`: {line}");
        };
        let real = std::fs::metadata(site.path("public").join(path))
            .unwrap()
            .len();
        assert_eq!(size, real.to_string(), "{path}");
    }
}

/// `helder build --output-dir OUTPUT` must exit with 2 and say `message`.
fn assert_output_refused(site: &Site, output: &str, message: &str) {
    let run = site.helder(&["build", "--output-dir", output]);
    assert_eq!(run.code, 2, "--output-dir {output}: {}", run.stderr);
    assert!(
        run.stderr.contains(message),
        "--output-dir {output}: {}",
        run.stderr
    );
}

/// helder replaces the output folder; it refuses one whose replacement would
/// destroy the site or files it did not write, and touches nothing.
#[test]
fn an_output_folder_that_would_destroy_other_files_is_refused() {
    let site = Site::example();
    let before = snapshot(&site.root);
    // A folder of someone's own files beside the site.
    let documents = site.root.with_extension("documenten");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::write(documents.join("brief.txt"), "niet weggooien").unwrap();
    let cases = [
        (".".to_string(), "holds the site itself"),
        ("..".to_string(), "holds the site itself"),
        (
            "content/public".to_string(),
            "inside the site's content/ folder",
        ),
        (
            documents.display().to_string(),
            "already holds files, but no list of what helder wrote",
        ),
        ("schools.yaml".to_string(), "is a file, not a folder"),
    ];
    for (output, message) in &cases {
        assert_output_refused(&site, output, message);
    }
    assert_eq!(
        std::fs::read_to_string(documents.join("brief.txt")).unwrap(),
        "niet weggooien"
    );
    std::fs::remove_dir_all(&documents).unwrap();
    assert_same_files(&before, &snapshot(&site.root), "the site");
}

/// A site helder built, with a file of someone else's put in it, is
/// refused whole: every file stays, and the message names the stranger.
#[test]
fn a_built_site_with_a_file_of_someone_elses_is_refused() {
    let site = Site::example_built();
    site.write("public/jaarverslag.pdf", "niet weggooien");
    let before = snapshot(&site.path("public"));
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("holds 1 file(s) that helder did not write: `jaarverslag.pdf`"),
        "{}",
        run.stderr
    );
    assert_same_files(&before, &snapshot(&site.path("public")), "public/");

    // A page of its own name and a link are strangers just as well; a
    // folder that holds no page of helder's is named as a folder.
    std::fs::remove_file(site.path("public/jaarverslag.pdf")).unwrap();
    site.write("public/de-linde/oud.html", "<p>oud</p>");
    std::os::unix::fs::symlink("/etc", site.path("public/etc")).unwrap();
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`de-linde/`, `etc`"), "{}", run.stderr);
    assert!(site.path("public/de-linde/oud.html").exists());
}

/// A folder of pages without the list, such as one an older helder or
/// another generator wrote, is not taken for helder's own.
#[test]
fn pages_without_the_list_are_refused() {
    let site = Site::example();
    site.write("public/index.html", "<p>oud</p>");
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no list of what helder wrote"),
        "{}",
        run.stderr
    );
    assert_eq!(site.page("index.html"), "<p>oud</p>");
}

/// When the output folder is a symbolic link (a web server's folder linked
/// into the site), the folder it points at is replaced and the link kept.
#[test]
fn a_link_as_output_folder_replaces_the_folder_it_points_at() {
    let site = Site::example();
    let served = site.root.with_extension("www");
    std::os::unix::fs::symlink(&served, site.path("public")).unwrap();
    for _ in 0..2 {
        site.build();
        let link = std::fs::symlink_metadata(site.path("public")).unwrap();
        assert!(link.file_type().is_symlink(), "the link was replaced");
        assert!(served.join("index.html").is_file());
        assert!(served.join(MANIFEST).is_file());
    }
    // Beside the folder it points at: the site before the last build,
    // until the next build removes it, and the note of which files helder
    // wrote; nothing beside the link.
    let name = served.file_name().unwrap().to_string_lossy().into_owned();
    let previous = format!(".{name}.helder-old");
    let state = format!(".{name}.helder-state");
    // The folder around holds other tests' sites too.
    for (beside, ours, expected) in [
        (&site.root, "", vec![]),
        (
            &served.parent().unwrap().to_path_buf(),
            name.as_str(),
            vec![previous.clone(), state.clone()],
        ),
    ] {
        let mut leftovers: Vec<String> = std::fs::read_dir(beside)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".helder-") && n.contains(ours))
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, expected);
    }
    assert!(served.with_file_name(&previous).join(MANIFEST).is_file());
    std::fs::remove_dir_all(&served).unwrap();
    std::fs::remove_dir_all(served.with_file_name(&previous)).unwrap();
    std::fs::remove_file(served.with_file_name(&state)).unwrap();
}

/// Two builds into one folder at once: the second waits for the first, and
/// the folder ends up holding one whole site, the same as one build makes.
#[test]
fn builds_at_once_into_one_folder_leave_one_whole_site() {
    let site = Site::example();
    let builds: Vec<_> = (0..4)
        .map(|_| {
            site.command(&["build"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for build in builds {
        let out = build.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a build failed:\n{stderr}");
    }
    let together = snapshot(&site.path("public"));
    site.build();
    assert_same_files(&together, &snapshot(&site.path("public")), "public/");
    let mut written = file_names(&site.path("public"));
    written.retain(|f| f != MANIFEST);
    assert_eq!(listed(&site.page(MANIFEST)), written);
}

/// A `schools.yaml` of `count` schools for the minimal site.
fn schools(count: usize) -> String {
    let mut yaml = String::from("schools:\n");
    for i in 0..count {
        yaml.push_str(&format!(
            "  - id: school-{i}\n    name: Obs School {i}\n    place: Zuidbroek\n"
        ));
    }
    yaml
}

/// A build killed with SIGKILL while it writes leaves the site that was
/// there byte for byte, and the next build cleans up what it left.
#[test]
fn a_build_killed_while_writing_leaves_the_old_site() {
    let site = Site::fixture("minimal");
    site.build();
    let before = snapshot(&site.path("public"));
    // Enough schools that writing takes a while.
    site.write("schools.yaml", &schools(2_000));
    let staging = site.path(".public.helder-new");
    let mut build = site
        .command(&["build"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let writing = || std::fs::read_dir(&staging).is_ok_and(|d| d.count() > 20);
    while !writing() {
        assert!(
            build.try_wait().unwrap().is_none(),
            "the build ended before it could be killed while writing"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "no staging");
        std::thread::sleep(Duration::from_millis(1));
    }
    build.kill().unwrap(); // SIGKILL
    build.wait().unwrap();
    assert_same_files(&before, &snapshot(&site.path("public")), "public/");

    site.write("schools.yaml", &schools(1));
    site.build();
    assert!(!staging.exists(), "the next build left the staging folder");
    assert!(site.path("public/school-0/index.html").exists());
    // The site before that build is beside it until the next one.
    let previous = site.path(".public.helder-old");
    assert_same_files(&before, &snapshot(&previous), "the site before");
    // The next build removes it, and keeps the one it replaced instead.
    let second = snapshot(&site.path("public"));
    site.write("schools.yaml", &schools(2));
    site.build();
    assert!(!staging.exists());
    assert_same_files(&second, &snapshot(&previous), "the site before");
}

/// Killed between moving the old site aside and putting the new one in its
/// place, a build leaves no `public/` at all: the next build puts the old
/// site back before anything else, even when it fails itself. An output
/// folder that someone removed is not brought back from the site before
/// the last build.
#[test]
fn a_site_moved_aside_by_a_killed_build_is_put_back() {
    let site = Site::example_built();
    let before = snapshot(&site.path("public"));
    // The new site was complete beside it, with helder's mark: the
    // folder's own device and inode.
    use std::os::unix::fs::MetadataExt;
    std::fs::create_dir(site.path(".public.helder-new")).unwrap();
    site.write(".public.helder-new/index.html", "<p>nieuw</p>");
    let made = std::fs::metadata(site.path(".public.helder-new")).unwrap();
    let mark = format!("{} {}\n", made.dev(), made.ino());
    site.write(".public.helder-new/.helder-staging", &mark);
    std::fs::rename(site.path("public"), site.path(".public.helder-old")).unwrap();
    site.edit("schools.yaml", "id: de-mieden", "id: De Mieden");
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_same_files(&before, &snapshot(&site.path("public")), "public/");
    assert!(!site.path(".public.helder-old").exists());
    assert!(!site.path(".public.helder-new").exists());

    // Removed by hand, with the site before the last build beside it.
    site.edit("schools.yaml", "id: De Mieden", "id: de-mieden");
    site.build();
    assert!(site.path(".public.helder-old").exists());
    std::fs::remove_dir_all(site.path("public")).unwrap();
    site.edit("schools.yaml", "id: de-mieden", "id: De Mieden");
    assert_eq!(site.helder(&["build"]).code, 1);
    assert!(!site.path("public").exists(), "an old site came back");

    // A folder at that name without helder's mark is someone else's.
    site.edit("schools.yaml", "id: De Mieden", "id: de-mieden");
    site.write(".public.helder-new/brief.txt", "niet weggooien");
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("was not made by helder"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(".public.helder-new/brief.txt"), "niet weggooien");
}

/// The same input gives the same bytes in a Dutch locale, another time
/// zone and on one thread as in C: nothing of the machine leaks into the
/// pages.
#[test]
fn the_same_bytes_in_a_dutch_locale_another_time_zone_and_on_one_thread() {
    // Committed just after midnight in Amsterdam: another day in UTC and
    // in Kiritimati, so a date taken from the machine's zone would show.
    let site = committed_example("2021-07-05T00:30:00+02:00");
    site.build();
    let plain = snapshot(&site.path("public"));
    assert!(
        site.page("de-mieden/index.html").contains("5 juli 2021"),
        "the commit's date is not on the page"
    );

    // A Dutch locale of our own, compiled from glibc's definitions, so that
    // no machine-wide setup is needed.
    let locales = site.root.with_extension("locales");
    std::fs::create_dir_all(&locales).unwrap();
    let made = Command::new("localedef")
        .args(["-i", "nl_NL", "-f", "UTF-8"])
        .arg(locales.join("nl_NL.UTF-8"))
        .output()
        .expect("localedef (glibc's locale compiler) is needed for this test");
    assert!(
        locales.join("nl_NL.UTF-8").exists(),
        "localedef made no Dutch locale: {}",
        String::from_utf8_lossy(&made.stderr)
    );
    let dutch = |command: &mut Command| {
        command
            .env("LOCPATH", &locales)
            .env("LANG", "nl_NL.UTF-8")
            .env("LC_ALL", "nl_NL.UTF-8")
            .env("TZ", "Pacific/Kiritimati")
            .env("RAYON_NUM_THREADS", "1")
            .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir());
    };
    // The locale is really in effect: `date` names the day in Dutch.
    let mut date = Command::new("date");
    date.args(["-d", "2026-12-01", "+%A"]);
    dutch(&mut date);
    let day = String::from_utf8(date.output().unwrap().stdout).unwrap();
    assert_eq!(day.trim(), "dinsdag");

    let mut build = site.command(&["build"]);
    dutch(&mut build);
    let out = build.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_same_files(&plain, &snapshot(&site.path("public")), "public/");
    std::fs::remove_dir_all(&locales).unwrap();
}

/// A build starts from the site before the last one (beside the output
/// folder): the site it leaves is byte for byte what a build from nothing
/// writes, without the pages that school no longer has or anything else
/// put there, and no page of the site that was online changed meanwhile.
#[test]
fn a_rebuild_from_the_site_before_is_what_a_build_from_nothing_writes() {
    let site = Site::example();
    site.build();
    site.edit(
        "schools.yaml",
        "    place: Meeden\n",
        "    place: Meeden (Gr)\n",
    );
    site.build();
    let online = snapshot(&site.path("public"));
    let before = site.path(".public.helder-old");
    assert!(before.join("de-mieden/index.html").is_file());
    // A file put there, and a school's folder there made a link to a
    // folder elsewhere: the build refuses to start from that site, names
    // them, and writes nothing through the link.
    site.write(".public.helder-old/vreemd.html", "<p>niet van helder</p>");
    let elsewhere = site.root.with_extension("elders");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let school = before.join("burgemeester-verkruijsschool");
    let kept = school.with_extension("kept");
    std::fs::rename(&school, &kept).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &school).unwrap();
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("holds 3 file(s) that helder did not write: `burgemeester-verkruijsschool`, `burgemeester-verkruijsschool.kept/`, `vreemd.html`"),
        "{}",
        run.stderr
    );
    assert!(site.path(".public.helder-old/vreemd.html").is_file());
    std::fs::remove_file(site.path(".public.helder-old/vreemd.html")).unwrap();
    std::fs::remove_file(&school).unwrap();
    std::fs::rename(&kept, &school).unwrap();

    // De Mieden's pages move; the Inspecteur Amerikaschool's statement,
    // the same in both sites before, changes.
    site.edit("schools.yaml", "  - id: de-mieden\n", "  - id: mieden\n");
    site.edit(
        "schools.yaml",
        "    place: Noordbroek\n",
        "    place: Noordbroek (Gr)\n",
    );
    let run = site.build();
    assert!(run.error_lines().is_empty(), "{}", run.stderr);
    assert_same_files(&online, &snapshot(&before), "the site that was online");
    let rebuilt = snapshot(&site.path("public"));
    assert!(site.path("public/mieden/index.html").is_file());
    assert!(!site.path("public/de-mieden").exists());
    let entries = std::fs::read_dir(&elsewhere).unwrap().count();
    assert_eq!(entries, 0, "written through a link");
    std::fs::remove_dir_all(&elsewhere).unwrap();

    std::fs::remove_dir_all(site.path("public")).unwrap();
    std::fs::remove_dir_all(&before).unwrap();
    site.build();
    assert_same_files(
        &rebuilt,
        &snapshot(&site.path("public")),
        "a build from nothing",
    );
}

/// A rebuild keeps the pages whose view, theme and helder did not change,
/// and the site it leaves is byte for byte the one a build from nothing
/// writes.
#[test]
fn a_rebuild_renders_only_the_pages_that_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::example();
    site.build();
    let first = snapshot(&site.path("public"));
    let folder = |path: &str| std::fs::metadata(site.path(path)).unwrap().ino();
    let online = folder("public");
    let again = site.build();
    // Nothing was written into the site that was online: a whole new
    // folder took its place, and it is beside it now, as it was.
    assert_ne!(folder("public"), online, "the site was changed in place");
    assert_eq!(folder(".public.helder-old"), online);
    assert_same_files(
        &first,
        &snapshot(&site.path(".public.helder-old")),
        "the site before",
    );
    assert!(
        again.stderr.contains(
            "wrote 40 pages for 17 schools to ./public; 40 unchanged since the last build"
        ),
        "{}",
        again.stderr
    );
    assert_same_files(&first, &snapshot(&site.path("public")), "public/");

    // One school's place: its statement, the list of schools and the
    // regulation's annex of schools.
    site.edit(
        "schools.yaml",
        "    place: Meeden\n",
        "    place: Meeden (Gr)\n",
    );
    let edited = site.build();
    assert!(
        edited.stderr.contains("; 37 unchanged"),
        "{}",
        edited.stderr
    );
    let kept = snapshot(&site.path("public"));
    let changed: Vec<String> = changed(&first, &kept)
        .iter()
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    assert_eq!(
        changed,
        [
            ".helder-manifest",
            "de-mieden/index.html",
            "index.html",
            "reglement/index.html"
        ]
    );
    std::fs::remove_dir_all(site.path("public")).unwrap();
    site.build();
    assert_same_files(
        &kept,
        &snapshot(&site.path("public")),
        "a build from nothing",
    );

    // A page changed by hand is written anew.
    site.write("public/index.html", "<p>kapot</p>");
    let repaired = site.build();
    assert!(
        repaired.stderr.contains("; 39 unchanged"),
        "{}",
        repaired.stderr
    );
    assert_same_files(&kept, &snapshot(&site.path("public")), "public/");

    // Another template: every page is rendered again.
    let template =
        std::fs::read_to_string(example_root().join("themes/default/templates/404.html")).unwrap();
    site.write(
        "themes/default/templates/404.html",
        &format!("{template}\n"),
    );
    let themed = site.build();
    assert!(!themed.stderr.contains("unchanged"), "{}", themed.stderr);
}

/// A symbolic link where helder keeps its own folders beside the output
/// folder (one a commit can hold, with `git add -f`) is never followed: the
/// build refuses it, the folder it points at keeps every file, and the
/// link stays.
#[test]
fn a_link_beside_the_output_folder_is_never_followed() {
    let site = Site::example_built();
    let elsewhere = site.root.with_extension("elders");
    std::fs::create_dir_all(elsewhere.join("map")).unwrap();
    std::fs::write(elsewhere.join("map/brief.txt"), "niet weggooien").unwrap();
    std::fs::write(elsewhere.join("index.html"), "<p>van iemand</p>").unwrap();
    let before = snapshot(&elsewhere);
    for name in [".public.helder-old", ".public.helder-new"] {
        let link = site.path(name);
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let run = site.helder(&["build"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("`{name}` is a symbolic link")),
            "{name}: {}",
            run.stderr
        );
        assert_same_files(&before, &snapshot(&elsewhere), "the folder it points at");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        std::fs::remove_file(&link).unwrap();
    }
    site.build();
    assert_same_files(&before, &snapshot(&elsewhere), "the folder it points at");
    std::fs::remove_dir_all(&elsewhere).unwrap();
}

/// The list of what helder wrote is read back from the folder, where
/// anyone may have changed it: a path in it that leads out of the folder
/// (absolute, or through `..`) is never removed.
#[test]
fn paths_in_the_list_never_lead_out_of_the_folder() {
    let site = Site::example();
    site.build();
    site.build();
    let elsewhere = site.root.with_extension("elders.txt");
    std::fs::write(&elsewhere, "niet weggooien").unwrap();
    let forged = format!(
        "0000000000000000 14 {}\n0000000000000000 14 ../schools.yaml\n0000000000000000 14 ../../{}\n",
        elsewhere.display(),
        elsewhere.file_name().unwrap().to_str().unwrap(),
    );
    for folder in ["public", ".public.helder-old"] {
        let manifest = site.path(&format!("{folder}/{MANIFEST}"));
        let listed = std::fs::read_to_string(&manifest).unwrap();
        std::fs::write(&manifest, listed + &forged).unwrap();
    }
    let schools = site.read("schools.yaml");
    site.build();
    site.build();
    assert_eq!(site.read("schools.yaml"), schools);
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "niet weggooien"
    );
    std::fs::remove_file(&elsewhere).unwrap();
}

/// `html` with `insert` put in before its `<body`, and as many bytes
/// before that taken out: a page of the same size with a script in it.
fn same_size_with(html: &str, insert: &str) -> String {
    let at = html.find("<body").unwrap();
    let cut = (0..=at - insert.len())
        .rev()
        .find(|&i| html.is_char_boundary(i))
        .unwrap();
    let out = format!("{}{insert}{}", &html[..cut], &html[cut + insert.len()..]);
    assert_eq!(out.len(), html.len());
    out
}

/// What a commit brings into the output folder, or a step after the
/// build changes in it, is never published as helder's: a tracked output
/// folder is refused with the command that untracks it, and a page
/// changed in place, of the same size, is written anew.
#[test]
fn a_site_from_a_commit_is_never_published() {
    let site = committed_example("2021-07-05T00:30:00+02:00");
    site.build();
    site.build();
    let script = "<script>alert(1)</script>";
    let page = "de-mieden/index.html";
    for folder in ["public", ".public.helder-old"] {
        let tampered = same_size_with(&site.read(&format!("{folder}/{page}")), script);
        site.write(&format!("{folder}/{page}"), &tampered);
    }
    let date = "2021-07-06T10:00:00+02:00";
    crate::history::git_in(
        &site.root,
        &["add", "-f", "public", ".public.helder-old"],
        date,
    );
    crate::history::git_in(&site.root, &["commit", "-q", "-m", "Site erbij"], date);
    let committed = snapshot(&site.path("public"));
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is tracked by git") && run.stderr.contains("git rm -r --cached"),
        "{}",
        run.stderr
    );
    assert_same_files(&committed, &snapshot(&site.path("public")), "public/");

    // Untracked again, but still there, as they were.
    let untrack = ["rm", "-r", "-q", "--cached", "public", ".public.helder-old"];
    crate::history::git_in(&site.root, &untrack, date);
    crate::history::git_in(&site.root, &["commit", "-q", "-m", "Site eruit"], date);
    let run = site.build();
    assert!(!site.page(page).contains(script), "{}", run.stderr);
    assert!(run.stderr.contains("; 39 unchanged"), "{}", run.stderr);
}

/// A file put into the output folder while a build runs (a deploy step's
/// `CNAME`) is not moved aside and lost: the build refuses to replace the
/// folder, names the file, and leaves it where it was.
#[test]
fn a_file_put_into_the_site_during_a_build_is_not_lost() {
    let site = Site::fixture("minimal");
    site.build();
    site.write("schools.yaml", &schools(2_000));
    let staging = site.path(".public.helder-new");
    let build = site
        .command(&["build"])
        .env("LANG", "en_US.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !std::fs::read_dir(&staging).is_ok_and(|d| d.count() > 20) {
        assert!(started.elapsed() < Duration::from_secs(120), "no staging");
        std::thread::sleep(Duration::from_millis(1));
    }
    site.write("public/CNAME", "privacy.bestuur.example\n");
    let out = build.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`CNAME`"), "{stderr}");
    assert_eq!(site.read("public/CNAME"), "privacy.bestuur.example\n");
    assert!(!staging.exists(), "the staging folder was left");
}

/// An empty folder of someone's in the output folder is theirs as much as
/// a file: refused and named, not removed.
#[test]
fn an_empty_folder_in_the_site_is_not_removed() {
    let site = Site::example_built();
    std::fs::create_dir(site.path("public/leeg")).unwrap();
    let run = site.helder(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`leeg/`"), "{}", run.stderr);
    assert!(site.path("public/leeg").is_dir());
}
