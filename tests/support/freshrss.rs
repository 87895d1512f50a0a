//! A real FreshRSS (Google Reader and Fever APIs) on 127.0.0.1 for the sync
//! tests: unpacked and installed once into the cargo target folder (SQLite,
//! the user `reader`, no subscriptions, no fetch cache), then one copy per
//! test served by PHP's built-in server, stopped when dropped. Shared by
//! the core's and the app's tests (`#[path]`-included).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const USER: &str = "reader";
pub const PASSWORD: &str = "reader-password-1";
pub const API_PASSWORD: &str = "reader-api-password-1";
const TARBALL: &str = "FreshRSS-1.24.3-87-g6c58b9051.tar.gz";

pub struct FreshRss {
    dir: tempfile::TempDir,
    port: u16,
    server: Option<Child>,
}

impl FreshRss {
    pub fn start() -> Self {
        let template = template();
        let dir = tempfile::tempdir().unwrap();
        run(Command::new("cp")
            .arg("-a")
            .arg(template.join("."))
            .arg(dir.path()));
        let port = free_port();
        let mut server = Self {
            dir,
            port,
            server: None,
        };
        run(Command::new("php")
            .arg(server.dir.path().join("cli/reconfigure.php"))
            .args(["--base-url", &server.base()]));
        server.serve();
        server
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The Google Reader API's root, as a user types it into Barg.
    pub fn greader_url(&self) -> String {
        format!("{}/api/greader.php", self.base())
    }

    pub fn fever_url(&self) -> String {
        format!("{}/api/fever.php", self.base())
    }

    fn serve(&mut self) {
        let log = std::fs::File::create(self.dir.path().join("server.log")).unwrap();
        let child = Command::new("php")
            .args(["-S", &format!("127.0.0.1:{}", self.port), "-t"])
            .arg(self.dir.path().join("p"))
            .env("PHP_CLI_SERVER_WORKERS", "4")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("php is installed (make test installs php-cli)");
        self.server = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        let login =
            format!("/api/greader.php/accounts/ClientLogin?Email={USER}&Passwd={API_PASSWORD}");
        while Instant::now() < deadline {
            if get(self.port, &login).is_some_and(|answer| answer.contains("Auth=")) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "FreshRSS did not answer: {}",
            std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
        );
    }

    /// Stops the server (its data stays): the "server is down" of the
    /// offline tests.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.server.take() {
            // PHP's workers are the server's children: they go first.
            let _ = Command::new("pkill")
                .args(["-KILL", "-P", &child.id().to_string()])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Serves again on the same address, with the same data.
    pub fn resume(&mut self) {
        assert!(self.server.is_none(), "the server is already up");
        self.serve();
    }

    /// Makes the server fetch its user's feeds now (its cron job's work);
    /// first waits out the feeds' time-to-live (1 s; the server fetches
    /// a feed again only once more than a whole second has passed).
    pub fn refresh(&self) {
        std::thread::sleep(Duration::from_millis(2_100));
        run(Command::new("php")
            .arg(self.dir.path().join("cli/actualize-user.php"))
            .args(["--user", USER]));
    }
}

impl Drop for FreshRss {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The installed FreshRSS every test copies, made once per target folder.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("freshrss-template");
        if root.join("ready").exists() {
            return root;
        }
        let tarball = Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .find_map(|dir| {
                let path = dir.join("tests/servers/freshrss").join(TARBALL);
                path.exists().then_some(path)
            })
            .expect("tests/servers/freshrss holds the FreshRSS archive");
        let building = root.with_extension(format!("{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&building);
        std::fs::create_dir_all(&building).unwrap();
        run(Command::new("tar")
            .arg("xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(&building));
        let cli = |script: &str| {
            let mut command = Command::new("php");
            command.arg(building.join("cli").join(script));
            command
        };
        run(cli("do-install.php").args([
            "--default-user",
            USER,
            "--db-type",
            "sqlite",
            "--base-url",
            "http://127.0.0.1",
            "--api-enabled",
        ]));
        run(cli("create-user.php").args([
            "--user",
            USER,
            "--password",
            PASSWORD,
            "--api-password",
            API_PASSWORD,
            "--feed-ttl-default",
            "1",
        ]));
        // No fetch cache (a refresh sees the feed as it is now), and none
        // of the default subscriptions (FreshRSS's own release feed, which
        // no test can reach).
        run(Command::new("php").arg("-r").arg(
            r#"$f = $argv[1]; $c = include $f; $c["limits"]["cache_duration"] = 0; $c["limits"]["cache_duration_min"] = 0;
               file_put_contents($f, "<?php\nreturn " . var_export($c, true) . ";\n");
               $db = new PDO("sqlite:" . $argv[2]); $db->exec("DELETE FROM feed");"#,
        )
        .arg(building.join("data/config.php"))
        .arg(building.join("data/users").join(USER).join("db.sqlite")));
        std::fs::write(building.join("ready"), "").unwrap();
        match std::fs::rename(&building, &root) {
            Ok(()) => root,
            // Another test binary made it meanwhile.
            Err(_) if root.join("ready").exists() => {
                let _ = std::fs::remove_dir_all(&building);
                root
            }
            Err(error) => panic!("could not keep the FreshRSS template: {error}"),
        }
    })
}

fn run(command: &mut Command) {
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e} (make test installs php and tar)"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A plain HTTP/1.0 GET, for waiting until the server answers.
fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}
