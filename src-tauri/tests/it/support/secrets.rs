//! A private Secret Service (D-Bus and GNOME Keyring) for the tests of
//! passwords kept in the OS credential store.

/// A private D-Bus session with GNOME Keyring's Secret Service, unlocked,
/// its files in a folder of its own; stopped when dropped.
pub struct SecretService {
    bus: std::process::Child,
    address: String,
    home: tempfile::TempDir,
}

impl SecretService {
    pub fn start() -> Self {
        use std::io::{BufRead, Write};
        let home = tempfile::tempdir().unwrap();
        let mut bus = std::process::Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("dbus-daemon is installed (make test installs dbus)");
        let mut address = String::new();
        std::io::BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        let mut keyring = std::process::Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("gnome-keyring is installed (make test installs it)");
        keyring
            .stdin
            .take()
            .unwrap()
            .write_all(b"the keyring's own password")
            .unwrap();
        keyring.wait().unwrap();
        Self { bus, address, home }
    }

    pub fn apply(&self, command: &mut std::process::Command) {
        command
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_RUNTIME_DIR", self.home.path());
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}
