// Without this, a release build on Windows would open a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BARG_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = barg_app::cli::Cli::parse();
    let data_dir = barg_app::resolve_data_dir(cli.data_dir);
    match cli.command {
        None => run(barg_app::run_desktop(
            data_dir,
            cli.empty_window,
            Vec::new(),
        )),
        // `barg FILE|URL...`: what no subcommand is named is opened in the app.
        Some(barg_app::cli::Command::Open(arguments)) => {
            let cwd = std::env::current_dir().unwrap_or_default();
            let targets: Vec<_> = arguments
                .iter()
                .filter_map(|argument| barg_app::open_target::parse(argument, &cwd))
                .collect();
            if targets.is_empty() {
                // A mistyped subcommand, not something to open.
                eprintln!(
                    "barg: `{}` is neither a subcommand nor a file or address (see barg --help)",
                    arguments.join(" ")
                );
                return std::process::ExitCode::from(2);
            }
            run(barg_app::run_desktop(data_dir, cli.empty_window, targets))
        }
        Some(command) => barg_app::cli::run(command, &data_dir, cli.json),
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
