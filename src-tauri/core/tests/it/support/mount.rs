//! A real small filesystem for the fault tests: a tmpfs mounted on a
//! temporary folder (as root, which CI is), that can be remounted
//! read-only and fills up for real.

// Three test binaries include this file; each uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub struct TmpMount {
    dir: tempfile::TempDir,
}

/// Whether this process may mount (root). CI runs as root; a developer
/// who is not sees the fault tests skipped with a line saying so.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

impl TmpMount {
    /// A tmpfs of `megabytes`; `None` (and a note) when not root.
    pub fn new(megabytes: u32) -> Option<Self> {
        if !is_root() {
            eprintln!("skipped: mounting a test filesystem needs root (CI runs as root)");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(mounted.success(), "root can mount a tmpfs");
        Some(Self { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts read-only, once no process has a file open for writing
    /// there any more (a window that was just closed may take a moment).
    pub fn remount_read_only(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let done = Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(self.dir.path())
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            if done.success() {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the tmpfs remounts read-only once nothing writes to it"
            );
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }

    /// Fills the filesystem, then gives back about `room` bytes.
    pub fn fill_leaving(&self, room: u64) {
        let filler = self.fill();
        let size = std::fs::metadata(&filler).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .unwrap()
            .set_len(size.saturating_sub(room))
            .unwrap();
    }

    /// Writes a file until the filesystem has no room left; returns it.
    pub fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.dir.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        filler
    }
}

impl Drop for TmpMount {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}
