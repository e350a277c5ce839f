//! The `helder` program: parses the command line, runs a command of the
//! library and turns its outcome into an exit code. Everything else is in
//! the library (`src/lib.rs`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use helder::{cmd, layout, write};

/// Builds the privacy pages of a school board from one YAML model.
#[derive(Parser)]
#[command(name = "helder", version, about)]
struct Cli {
    /// The site's folder: the one with schools.yaml and content/.
    #[arg(short, long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
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
    Check,
    /// Write JSON Schemas of the YAML files into schema/, for editors.
    Schema,
}

/// Exit codes: 0 success, 1 the input has errors, 2 misuse of the command line.
fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let result = match cli.command {
        Command::Build {
            output_dir,
            base_url,
        } => {
            let output_dir = output_dir.unwrap_or_else(|| cli.root.join(layout::OUTPUT_DIR));
            if let Err(message) = write::check_target(&output_dir, &cli.root) {
                eprintln!("error: --output-dir: {message}");
                return ExitCode::from(2);
            }
            cmd::build::run(&cmd::build::Options {
                output_dir,
                root: cli.root,
                base_url,
            })
        }
        Command::Check => cmd::check::run(&cli.root),
        Command::Schema => cmd::schema::run(&cli.root),
    };
    match result {
        Ok(report) => {
            report.print(colour);
            ExitCode::SUCCESS
        }
        Err(report) => {
            report.print(colour);
            ExitCode::from(1)
        }
    }
}
