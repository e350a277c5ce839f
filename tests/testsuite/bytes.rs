//! The bytes of the input files and what the exit code says.
//!
//! A file is whatever an editor on Windows saved or a paste from another
//! program left in it: a NUL byte in a comment, a control character in a
//! name, a byte-order mark, UTF-16, Windows-1252, a letter of another
//! script that looks Latin. Each is either read as the editor meant it or
//! an error that names the file, the line and the column and says what to
//! do; never a school that silently drops out of the site. And exit code 1
//! means a mistake in the input only: a full disk is not one (code 3).

use crate::common::*;

/// The line and column (from 1, columns in characters) of the first `needle`
/// in `text`.
fn position_in(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The school ids of the example, in file order.
fn example_school_ids(site: &Site) -> Vec<String> {
    site.read("schools.yaml")
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .map(|id| id.trim().to_string())
        .collect()
}

#[test]
fn a_nul_byte_or_control_character_is_an_error_where_it_is_and_no_school_drops_out() {
    let site = Site::example_built();
    let before = snapshot(&site.path("public"));
    // A NUL in a comment before the last school (the parser took it for the
    // end of the file), an escape character in a school's name and a NUL
    // in a comment at the top of a content file.
    let last = "  - id: margaretha-hardenbergschool";
    site.edit(
        "schools.yaml",
        last,
        &format!("  # geplakt uit Word\0\n{last}"),
    );
    site.edit(
        "schools.yaml",
        "name: Obs De Tandem",
        "name: Obs De\u{1b} Tandem",
    );
    site.edit("content/retention.yaml", "# Retention", "# \0Retention");

    let check = site.helder(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let schools = site.read("schools.yaml");
    let retention = site.read("content/retention.yaml");
    let (nul, esc, top) = (
        position_in(&schools, "\0"),
        position_in(&schools, "\u{1b}"),
        position_in(&retention, "\0"),
    );
    let nul_message = "this character is not allowed in a YAML file, not even in a comment: `\\u{0}` (a NUL byte)";
    let esc_message = "this character is not allowed in a YAML file, not even in a comment: `\\u{1b}` (the escape character)";
    let expected = [
        format!(
            "content/retention.yaml:{}:{}: error: {nul_message}",
            top.0, top.1
        ),
        format!("schools.yaml:{}:{}: error: {esc_message}", esc.0, esc.1),
        format!("schools.yaml:{}:{}: error: {nul_message}", nul.0, nul.1),
    ];
    assert_eq!(check.error_lines(), expected, "{}", check.stderr);
    let hint = check.reported()[0].hint.clone().unwrap_or_default();
    assert!(hint.starts_with("remove the character"), "{hint}");

    let build = site.helder(&["build"]);
    assert_eq!(build.code, 1, "{}", build.stderr);
    assert_same_files(
        &before,
        &snapshot(&site.path("public")),
        "a build with a NUL byte changed public/",
    );
}

#[test]
fn a_byte_order_mark_is_read_as_the_windows_editor_that_wrote_it_meant() {
    let site = Site::example();
    let schools = site.read("schools.yaml");
    site.write("schools.yaml", &format!("\u{feff}{schools}"));
    // A content file that starts with its key, as one without the
    // comments at the top does.
    let retention = site.read("content/retention.yaml");
    let body = &retention[retention.find("retention:").unwrap()..];
    site.write("content/retention.yaml", &format!("\u{feff}{body}"));

    let run = site.helder(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for id in example_school_ids(&site) {
        assert!(
            site.path(&format!("public/{id}/index.html")).is_file(),
            "no statement for {id}"
        );
    }
}

#[test]
fn a_file_saved_as_utf16_is_said_to_be_utf16_not_missing() {
    let site = Site::example();
    let text = site.read("schools.yaml");
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (what, bytes) in [
        (
            "with a byte-order mark",
            [&[0xff, 0xfe][..], &little].concat(),
        ),
        ("without one", little),
        ("big-endian", [&[0xfe, 0xff][..], &big].concat()),
    ] {
        std::fs::write(site.path("schools.yaml"), bytes).unwrap();
        let run = site.helder(&["check"]);
        assert_eq!(run.code, 1, "{what}: {}", run.stderr);
        let reported = run.reported();
        assert_eq!(reported.len(), 1, "{what}: {}", run.stderr);
        assert_eq!(
            reported[0].line(),
            "schools.yaml: error: this file is saved as UTF-16; helder reads UTF-8 only",
            "{what}"
        );
        let hint = reported[0].hint.clone().unwrap_or_default();
        assert!(hint.starts_with("save the file as UTF-8"), "{what}: {hint}");
    }
}

#[test]
fn bytes_that_are_no_utf8_are_named_with_their_line_and_column() {
    let site = Site::example();
    site.edit(
        "content/retention.yaml",
        "period: 5 jaar",
        "period: 5 jaar (é)",
    );
    let text = site.read("content/retention.yaml");
    let (line, column) = position_in(&text, "é");
    // Saved by an editor in Windows-1252: é is the one byte 0xE9.
    let latin = text.replace('é', "\u{1}");
    let bytes: Vec<u8> = latin
        .bytes()
        .map(|b| if b == 1 { 0xe9 } else { b })
        .collect();
    std::fs::write(site.path("content/retention.yaml"), bytes).unwrap();

    let run = site.helder(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let reported = run.reported();
    assert_eq!(
        reported[0].line(),
        format!(
            "content/retention.yaml:{line}:{column}: error: the byte 0xE9 here is not UTF-8: this file is saved in another encoding (in Windows-1252 it is `é`)"
        ),
        "{}",
        run.stderr
    );
    let hint = reported[0].hint.clone().unwrap_or_default();
    assert!(hint.starts_with("save the file as UTF-8"), "{hint}");
}

#[test]
fn an_invisible_or_look_alike_character_is_written_out_and_named() {
    let site = Site::example();
    site.edit(
        "schools.yaml",
        "    name: Obs De Tandem",
        "    na\u{200b}me: Obs De Tandem",
    );
    site.edit(
        "content/activities.yaml",
        "retention: inschrijving-verzuim",
        "retention: inschrijving-v\u{435}rzuim",
    );
    let run = site.helder(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let messages: Vec<String> = run.reported().into_iter().map(|r| r.message).collect();
    let has = |part: &str| messages.iter().any(|m| m.contains(part));
    assert!(
        has("`na\\u{200b}me` (`\\u{200b}` is a zero-width space)"),
        "{messages:#?}"
    );
    assert!(
        has("`inschrijving-v\\u{435}rzuim` (`\\u{435}` is the Cyrillic letter е)"),
        "{messages:#?}"
    );
}

/// `helder build` of a built example, after an edit that changes every
/// page, with the size of the files it may write limited to 4 kB (by the
/// shell's `ulimit -f`, the signal of a file too large ignored so that the
/// write fails instead): exit code 3, not 1, and the site as it was.
#[cfg(unix)]
#[test]
fn a_write_that_fails_on_this_machine_is_exit_code_3_not_a_mistake_in_the_input() {
    let site = Site::example_built();
    let before = snapshot(&site.path("public"));
    site.edit(
        "content/organisation.yaml",
        "name: Scholengroep OPRON",
        "name: Stichting Scholengroep OPRON",
    );
    let command = site.command(&[]);
    let helder = command.get_program().to_owned();
    let mut shell = std::process::Command::new("sh");
    shell
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8 && exec \"$0\" build")
        .arg(helder)
        .current_dir(&site.root)
        .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env("LANG", "en_US.UTF-8");
    let run = Run::from(shell.output().unwrap());
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert_same_files(
        &before,
        &snapshot(&site.path("public")),
        "the failed build changed public/",
    );
}

/// A real full disk: a tmpfs of 64 kB as the folder around the output
/// folder. Mounting needs root (CI runs as root); elsewhere the test says
/// why it does nothing.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_code_3_not_a_mistake_in_the_input() {
    use std::process::Command;
    let site = Site::example();
    let disk = site.path("disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&disk)
        .output();
    if !mounted.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root): {mounted:?}");
        return;
    }
    /// Unmounts the disk however the test ends, before the site is removed.
    struct Mounted(std::path::PathBuf);
    impl Drop for Mounted {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _mounted = Mounted(disk.clone());

    let run = site.helder(&["build", "--output-dir", "disk/public"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    let left: Vec<_> = std::fs::read_dir(&disk).unwrap().collect();
    assert!(left.is_empty(), "the failed build left {left:?}");
}

/// The property of the issue, over the library for speed: for the example
/// with any character YAML forbids put anywhere in any of its files
/// (comments included), the check either reports an error at that very
/// line and column, or finds no error and the site has a statement for
/// every school. What it must never do is what a NUL did: end the file
/// there, so that the schools after it drop out without a word.
mod property {
    use std::path::Path;

    use helder::layout::Page;
    use helder::{archive, cmd, history, load, resolve};
    use proptest::prelude::*;

    use crate::common::example_root;

    /// The example's files, as `(path, text)`.
    fn example_files() -> Vec<(String, String)> {
        let root = example_root();
        let mut files = vec![(
            "schools.yaml".to_string(),
            std::fs::read_to_string(root.join("schools.yaml")).unwrap(),
        )];
        let mut content: Vec<_> = std::fs::read_dir(root.join("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".yaml"))
            .collect();
        content.sort();
        for name in content {
            let text = std::fs::read_to_string(root.join("content").join(&name)).unwrap();
            files.push((format!("content/{name}"), text));
        }
        files
    }

    /// A character YAML forbids; NUL most often, as the one the parser
    /// took for the end of the file.
    fn forbidden() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => Just(0u32),
            1 => 1u32..=8,
            1 => prop_oneof![Just(0xb), Just(0xc), Just(0x7f), Just(0xfffe), Just(0xffff)],
            1 => 0xeu32..=0x1f,
            1 => prop_oneof![0x80u32..=0x84, 0x86u32..=0x9f],
        ]
        .prop_map(|c| char::from_u32(c).unwrap())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_forbidden_character_is_reported_where_it_is_or_no_school_is_lost(
            file in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            c in forbidden(),
        ) {
            let mut files = example_files();
            let ids: Vec<String> = files[0]
                .1
                .lines()
                .filter_map(|l| l.strip_prefix("  - id: "))
                .map(|id| id.trim().to_string())
                .collect();
            let chosen = file.index(files.len());
            let (path, text) = &mut files[chosen];
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let offset = boundaries[at.index(boundaries.len())];
            text.insert(offset, c);
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let (line, column) = (
                before.matches('\n').count() + 1,
                before[line_start..].chars().count() + 1,
            );
            let path = path.clone();

            let texts: Vec<(&str, &str)> =
                files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
            let loaded = load::load_texts(&texts);
            let diagnostics = cmd::checked(&loaded);
            let reported = diagnostics.iter().any(|d| {
                d.is_error()
                    && d.file == Path::new(&path)
                    && d.pos.map(|p| (p.line, p.column)) == Some((line, column))
            });
            if reported {
                return Ok(());
            }
            let errors: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| format!("{}:{:?}: {}", d.file.display(), d.pos, d.message.en))
                .collect();
            prop_assert!(
                errors.is_empty(),
                "{c:?} at {path}:{line}:{column} is not reported there; the errors: {errors:#?}"
            );
            let (table, archive) = (history::Table::default(), archive::Archive::default());
            let site = resolve::resolve(&loaded.model, &loaded.sources, &table, &archive);
            let statements: Vec<&str> = site
                .pages
                .iter()
                .filter_map(|p| match p.page {
                    Page::Statement(id) => Some(id),
                    _ => None,
                })
                .collect();
            for id in &ids {
                prop_assert!(
                    statements.contains(&id.as_str()),
                    "{c:?} at {path}:{line}:{column}: no statement for {id}"
                );
            }
        }
    }
}
