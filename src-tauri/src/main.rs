// Without this, a release build on Windows would open a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    barg_app::entry::main()
}
