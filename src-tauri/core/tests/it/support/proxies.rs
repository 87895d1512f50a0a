//! Real proxies on 127.0.0.1 for the route tests: Debian's `tinyproxy`
//! (HTTP) and `microsocks` (SOCKS5), each started by the test, with or
//! without a password, and each leaving a log that shows what went through
//! it. Their connections to servers leave from `OUTGOING` (127.0.0.3), so a
//! server can tell a request that came through a proxy from a direct one
//! (the way a filter inside a country sees only the direct ones).
//! `make test` installs both (`APT_PACKAGES` in the Makefile).

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use super::server::OUTGOING;

pub struct RunningProxy {
    child: Child,
    pub port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "the proxy on port {port} never listened"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl RunningProxy {
    /// tinyproxy, an HTTP proxy (CONNECT for https), with `user:password`
    /// when given.
    pub fn http(credentials: Option<(&str, &str)>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let log = dir.path().join("tinyproxy.log");
        let mut config = format!(
            "Port {port}\nListen 127.0.0.1\nBind {OUTGOING}\nTimeout 30\nLogFile \"{}\"\nLogLevel Connect\nMaxClients 50\nAllow 127.0.0.1\nDisableViaHeader Yes\n",
            log.display()
        );
        if let Some((user, password)) = credentials {
            config.push_str(&format!("BasicAuth {user} {password}\n"));
        }
        let conf = dir.path().join("tinyproxy.conf");
        std::fs::write(&conf, config).unwrap();
        let child = Command::new("tinyproxy")
            .arg("-d")
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tinyproxy is installed (make test installs it)");
        wait_for(port);
        Self {
            child,
            port,
            log,
            _dir: dir,
        }
    }

    /// microsocks, a SOCKS5 proxy, with `user:password` when given.
    pub fn socks(credentials: Option<(&str, &str)>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let log = dir.path().join("microsocks.log");
        let mut command = Command::new("microsocks");
        command
            .args(["-i", "127.0.0.1", "-b", OUTGOING, "-p", &port.to_string()])
            // It logs each connection on standard error.
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        if let Some((user, password)) = credentials {
            command.args(["-u", user, "-P", password]);
        }
        let child = command
            .spawn()
            .expect("microsocks is installed (make test installs it)");
        wait_for(port);
        Self {
            child,
            port,
            log,
            _dir: dir,
        }
    }

    /// What the proxy logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Stops the proxy (a proxy program that was closed).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RunningProxy {
    fn drop(&mut self) {
        self.stop();
    }
}
