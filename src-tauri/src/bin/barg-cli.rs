//! `barg-cli`: the same program as `barg` built for the console subsystem,
//! so that on Windows its command line prints in cmd and PowerShell (the
//! GUI-subsystem `barg.exe` has no console to print to). Built only with
//! the `console` feature (`make package-windows`).

fn main() -> std::process::ExitCode {
    barg_app::entry::main()
}
