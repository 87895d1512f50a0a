//! coldsweat 0.10, a second, independent Fever API server, on 127.0.0.1:
//! installed once from the wheels in `tests/servers/coldsweat` (offline)
//! into a virtual environment in the cargo target folder, then one
//! instance per test (SQLite, one user, subscribed to the given feeds and
//! fetched), stopped when dropped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const USER: &str = "reader@example.com";
pub const PASSWORD: &str = "reader-password-1";

pub struct Coldsweat {
    dir: tempfile::TempDir,
    port: u16,
    server: Child,
}

impl Coldsweat {
    /// A coldsweat whose user is subscribed to `feeds`, fetched.
    pub fn start(feeds: &[String]) -> Self {
        let venv = venv();
        let dir = tempfile::tempdir().unwrap();
        let flask = |args: &[&str]| {
            let mut command = Command::new(venv.join("bin/flask"));
            command
                .args(["--app", "coldsweat"])
                .args(args)
                .current_dir(dir.path())
                .env(
                    "FLASK_DATABASE_URL",
                    format!("sqlite:///{}", dir.path().join("coldsweat.db").display()),
                )
                .env("FLASK_SECRET_KEY", "tests only");
            command
        };
        run(flask(&["setup", USER, "-p", PASSWORD]));
        let outlines: String = feeds
            .iter()
            .map(|url| format!(r#"<outline text="{url}" type="rss" xmlUrl="{url}"/>"#))
            .collect();
        let opml = dir.path().join("subscriptions.opml");
        std::fs::write(
            &opml,
            format!(
                r#"<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>"#
            ),
        )
        .unwrap();
        run(flask(&["import", opml.to_str().unwrap(), USER, "--fetch"]));
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        let server = flask(&["run", "--port", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "coldsweat did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { dir, port, server }
    }

    /// The Fever endpoint, as a user types it into Barg.
    pub fn fever_url(&self) -> String {
        format!("http://127.0.0.1:{}/fever/", self.port)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }
}

impl Drop for Coldsweat {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// The virtual environment with coldsweat, made once per target folder.
fn venv() -> &'static Path {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("coldsweat-0.10");
        if root.join("ready").exists() {
            return root;
        }
        let wheels = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("tests/servers/coldsweat/wheels"))
            .find(|path| path.exists())
            .expect("tests/servers/coldsweat/wheels holds coldsweat");
        // A venv's scripts name its folder, so it is made where it stays
        // (only this test binary makes it; the lock in this process is
        // enough).
        let building = root.clone();
        let _ = std::fs::remove_dir_all(&building);
        run({
            let mut command = Command::new("python3");
            command.args(["-m", "venv"]).arg(&building);
            command
        });
        run({
            let mut command = Command::new(building.join("bin/pip"));
            command
                .args(["install", "--quiet", "--no-index", "--find-links"])
                .arg(&wheels)
                .arg("coldsweat==0.10");
            command
        });
        std::fs::write(building.join("ready"), "").unwrap();
        root
    })
}

fn run(mut command: Command) {
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e} (make test installs python3-venv)"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
