//! The headless `barg` command line: `barg` alone opens the app; a
//! subcommand works on the same library without opening a window.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "barg", version, about = "Barg (برگ), a Persian-first reader")]
pub struct Cli {
    /// The data folder holding the library and settings.
    #[arg(long, global = true, env = "BARG_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print one JSON object per line.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {}
