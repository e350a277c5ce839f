//! The `helder` program: parses the command line, runs a command of the
//! library and turns its outcome into an exit code. Everything else is in
//! the library (`src/lib.rs`).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use helder::check::contact::web_host;
use helder::cmd::{self, Report, Strictness};
use helder::diagnostic::{Cause, Diagnostic, Lang};
use helder::emit::{Format, Options};
use helder::{layout, text, write};

/// Builds the privacy pages of a school board from one YAML model.
#[derive(Parser)]
#[command(name = "helder", version, about)]
struct Cli {
    /// The site's folder: the one with schools.yaml and content/.
    #[arg(short, long, global = true, default_value = ".")]
    root: PathBuf,
    /// How to show mistakes: text for people, json for programs, github
    /// for annotations in GitHub Actions.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// The language of the messages: nl (default) or en. Without it, a
    /// LANG that starts with `en` means English.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Count warnings as errors: write nothing while there are any.
    #[arg(long, global = true)]
    deny_warnings: bool,
    /// The largest YAML file to read, in MB (default 10): a safeguard
    /// against a wrong file, not a limit any board's model comes near.
    #[arg(long, global = true, value_name = "MB", default_value_t = helder::load::MAX_FILE_BYTES / 1_000_000)]
    max_file_size: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output-dir).
    Build {
        /// Where to write the site; relative paths are relative to the
        /// current folder. Default: public/ inside the site's folder.
        #[arg(short, long)]
        output_dir: Option<PathBuf>,
        /// The address the site is published at, overriding `site.base_url`.
        #[arg(short = 'u', long)]
        base_url: Option<String>,
    },
    /// Check the model and report every mistake, without writing anything.
    Check {
        /// Explain a rule (`--explain HL117`), or list every rule (`--explain`).
        #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
        explain: Option<String>,
    },
    /// Write JSON Schemas of the YAML files into schema/, for editors.
    Schema,
    /// Write the register of processing activities (GDPR art. 30) as CSV
    /// and JSON into register/ (or --output-dir).
    Register {
        /// Where to write it. Default: register/ inside the site's folder.
        #[arg(short, long)]
        output_dir: Option<PathBuf>,
    },
    /// What changed in legal facts between two versions of the model: for
    /// the board, or with --school for one school's statement. Material
    /// changes (a new recipient, a longer retention, …) and editorial ones.
    Diff {
        /// The older version: a commit, tag or branch (`HEAD~1`, `reglement-1.0`).
        from: String,
        /// The newer version. Default: the site as it is on disk, edits included.
        to: Option<String>,
        /// One school's statement, by its id.
        #[arg(long)]
        school: Option<String>,
    },
    /// Start a new board's site in a new or empty folder (default: --root).
    Init {
        /// The folder; it must be new or empty.
        dir: Option<PathBuf>,
        /// The board's name, as in its statutes: "Stichting …".
        #[arg(long)]
        name: Option<String>,
    },
    /// Preview the site in the browser; every save rebuilds it and reloads
    /// the open pages.
    Serve {
        /// The port to listen on (the next free one if it is taken; 0: any).
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but 127.0.0.1 lets other
        /// computers see the preview.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// Look for changes every half second instead of waiting for the
        /// system's events (for network drives and WSL).
        #[arg(long)]
        poll: bool,
    },
}

/// Exit codes: 0 success, 1 the input has errors, 2 misuse of the command
/// line, 3 helder could not read or write on this machine (a full disk, a
/// folder that cannot be written): no mistake in the input.
fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let options = Options {
        format: match cli.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        },
        lang: match cli.lang {
            Some(LangArg::Nl) => Lang::Nl,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        },
        colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        root: cli.root.clone(),
    };
    let strictness = Strictness {
        deny_warnings: cli.deny_warnings,
        max_file_bytes: cli.max_file_size.saturating_mul(1_000_000),
    };
    let result = match cli.command {
        Command::Build {
            output_dir,
            base_url,
        } => {
            let output_dir = output_dir.unwrap_or_else(|| cli.root.join(layout::OUTPUT_DIR));
            if let Some(url) = base_url.as_deref().filter(|u| web_host(u).is_none()) {
                let refused = Diagnostic::error(
                    "",
                    None,
                    text!(
                        "--base-url: `{url}` is geen webadres",
                        "--base-url: `{url}` is not a web address"
                    ),
                )
                .with_hint(text!(
                    "geef het volledige adres, bijvoorbeeld `https://privacy.opron.nl`",
                    "give the full address, e.g. `https://privacy.opron.nl`"
                ));
                return misuse(refused, &options);
            }
            let target = match write::Target::open(&output_dir, &cli.root) {
                Ok(target) => target,
                Err(refused) => return exit(&Report::failed(vec![refused]), &options),
            };
            cmd::build::run(&cmd::build::Options {
                output_dir,
                target,
                root: cli.root,
                base_url,
                strictness,
                preview: false,
                archive: None,
            })
        }
        Command::Check {
            explain: Some(code),
        } => {
            let code = Some(code.as_str()).filter(|c| !c.is_empty());
            match cmd::explain(code, options.lang) {
                Ok(text) => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    return ExitCode::SUCCESS;
                }
                Err(report) => {
                    print(&report, &options);
                    return ExitCode::from(2);
                }
            }
        }
        Command::Check { explain: None } => match cmd::check::run(&cli.root, strictness) {
            Ok((report, figures)) => {
                print_text(&report.render_with(Some(&figures), &options), &options);
                return ExitCode::SUCCESS;
            }
            Err(report) => Err(report),
        },
        Command::Schema => cmd::schema::run(&cli.root),
        Command::Register { output_dir } => cmd::register::run(&cli.root, output_dir, strictness),
        Command::Diff { from, to, school } => cmd::diff::run(&cmd::diff::Options {
            root: &cli.root,
            from: &from,
            to: to.as_deref(),
            school: school.as_deref(),
            json: matches!(options.format, Format::Json),
            strictness,
        }),
        Command::Init { dir, name } => {
            cmd::init::run(&dir.unwrap_or_else(|| cli.root.clone()), name.as_deref())
        }
        Command::Serve {
            port,
            bind,
            open,
            poll,
        } => cmd::serve::run(&cmd::serve::Options {
            root: cli.root.clone(),
            serve: helder::serve::Options {
                root: cli.root,
                bind,
                port,
                poll,
                open,
            },
            emit: options.clone(),
            strictness,
        }),
    };
    match result {
        Ok(report) => {
            print(&report, &options);
            ExitCode::SUCCESS
        }
        Err(report) => exit(&report, &options),
    }
}

/// A failed command's report, then the exit code of where its errors lie.
fn exit(report: &Report, options: &Options) -> ExitCode {
    print(report, options);
    ExitCode::from(match report.cause() {
        Cause::Input => 1,
        Cause::Refused => 2,
        Cause::Machine => 3,
    })
}

/// A misuse of the command line: said as any report is, then exit code 2.
fn misuse(diagnostic: Diagnostic, options: &Options) -> ExitCode {
    let report = Report {
        diagnostics: vec![diagnostic],
        ..Report::default()
    };
    print(&report, options);
    ExitCode::from(2)
}

/// A report on stderr, or on stdout as a JSON document for programs. A
/// command's answer (`helder diff`'s list) goes to stdout, and then the
/// report always to stderr.
fn print(report: &Report, options: &Options) {
    let text = report.render(options);
    if let Some(output) = &report.output {
        let _ = std::io::stdout().write_all(output.as_bytes());
        let _ = std::io::stderr().write_all(text.as_bytes());
        return;
    }
    print_text(&text, options);
}

/// A rendered report where [`print`] puts it.
fn print_text(text: &str, options: &Options) {
    let _ = match options.format {
        Format::Json => std::io::stdout().write_all(text.as_bytes()),
        _ => std::io::stderr().write_all(text.as_bytes()),
    };
}
