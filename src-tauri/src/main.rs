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
        None => match barg_app::run_desktop(data_dir, cli.empty_window) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("barg: {error}");
                std::process::ExitCode::FAILURE
            }
        },
        Some(command) => barg_app::cli::run(command, &data_dir, cli.json),
    }
}
