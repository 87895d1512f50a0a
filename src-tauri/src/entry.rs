//! The program's entry, shared by `barg` (on Windows a GUI-subsystem exe,
//! silent in a console) and `barg-cli` (the console-subsystem build of the
//! same command line, for cmd and PowerShell).

use clap::Parser;

/// Parses the command line: no subcommand opens the window, `FILE|URL...`
/// opens the window with them, a subcommand runs headless.
pub fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BARG_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = crate::cli::Cli::parse();
    let data_dir = crate::resolve_data_dir(cli.data_dir);
    match cli.command {
        None => run(crate::run_desktop(data_dir, cli.empty_window, Vec::new())),
        // `barg FILE|URL...`: what no subcommand is named is opened in the app.
        Some(crate::cli::Command::Open(arguments)) => {
            let cwd = std::env::current_dir().unwrap_or_default();
            let targets: Vec<_> = arguments
                .iter()
                .filter_map(|argument| crate::open_target::parse(argument, &cwd))
                .collect();
            if targets.is_empty() {
                // A mistyped subcommand, not something to open.
                eprintln!(
                    "barg: `{}` is neither a subcommand nor a file or address (see barg --help)",
                    arguments.join(" ")
                );
                return std::process::ExitCode::from(2);
            }
            run(crate::run_desktop(data_dir, cli.empty_window, targets))
        }
        Some(command) => crate::cli::run(command, &data_dir, cli.json),
    }
}

fn run(outcome: Result<(), Box<dyn std::error::Error>>) -> std::process::ExitCode {
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("barg: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
