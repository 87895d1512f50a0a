//! Harness for the end-to-end tests: the real `barg` binary in a real
//! WebKitGTK window, on a private Xvfb display, driven through tauri-driver
//! and WebKitWebDriver over WebDriver.
//!
//! [`Desktop`] owns the display and the driver for one test; each
//! [`Desktop::launch`] starts the app on a data folder and returns a
//! [`Window`] to drive; closing the window quits the app.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The barg binary that `cargo test` built next to this test binary
/// (`target/debug/barg`), unless `BARG_BIN` names another.
pub fn barg_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("BARG_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("the test binary knows its path");
    // target/debug/deps/e2e-… → target/debug/barg
    exe.parent()
        .and_then(Path::parent)
        .expect("test binary lives in target/<profile>/deps")
        .join("barg")
}

/// Imports `file` into the library in `data_dir` with the headless
/// `barg import` (before the window opens on it).
pub fn import_with_cli(data_dir: &Path, file: &Path) -> Result<()> {
    let imported = Command::new(barg_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("import")
        .arg(file)
        .output()?;
    if !imported.status.success() {
        return Err(format!(
            "barg import {} failed: {}",
            file.display(),
            String::from_utf8_lossy(&imported.stderr)
        )
        .into());
    }
    Ok(())
}

/// Where screenshots go: `target/screenshots/` at the workspace root.
pub fn screenshot_dir() -> PathBuf {
    // The folder cargo runs the tests from, read when they run: a build
    // cached from another clone would otherwise write to that clone.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).to_owned(),
        PathBuf::from,
    );
    let dir = manifest.join("../../target/screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshot folder can be created");
    dir
}

/// A child process that is stopped politely (SIGTERM) and reaped on drop.
/// tauri-driver must get SIGTERM: killed hard, it leaves WebKitWebDriver
/// behind on its port.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One real window at a time: two WebKit sessions side by side on a 2-core
/// machine crash or hang now and then, so tests in one binary take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A private X display and a tauri-driver bound to it.
pub struct Desktop {
    // Field order is drop order: the driver goes before the display.
    _driver: Process,
    _display: Process,
    /// A private D-Bus session bus, when asked for (`start_with_session_bus`).
    _bus: Option<Process>,
    bus_address: Option<String>,
    driver_port: u16,
    /// The X display, `:N`.
    display_name: String,
    /// XDG folders of the session, so nothing lands in the user's home.
    home: tempfile::TempDir,
    /// Held until everything above has stopped.
    _turn: std::sync::MutexGuard<'static, ()>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) -> Result<()> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("timed out after {timeout:?} waiting for {what}").into())
}

impl Desktop {
    /// Starts Xvfb on a free display number and tauri-driver on free ports.
    pub fn start() -> Result<Self> {
        Self::start_on_bus(None)
    }

    /// [`Desktop::start`] with a private D-Bus session bus for the app (the
    /// single-instance hand-over goes through it). The bus activates no
    /// service: no credential store answers on it.
    pub fn start_with_session_bus() -> Result<Self> {
        let config = std::env::temp_dir().join(format!("barg-e2e-bus-{}.conf", std::process::id()));
        std::fs::write(
            &config,
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n\
             <busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\
             <policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n",
        )?;
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dbus-daemon (apt package dbus): {e}"))?;
        let mut address = String::new();
        {
            use std::io::BufRead;
            let stdout = bus.stdout.take().ok_or("dbus-daemon's address")?;
            std::io::BufReader::new(stdout).read_line(&mut address)?;
        }
        Self::start_on_bus(Some((Process(bus), address.trim().to_owned())))
    }

    fn start_on_bus(bus: Option<(Process, String)>) -> Result<Self> {
        // A test that failed while holding the turn leaves nothing behind
        // (its processes stop on drop), so a poisoned lock is fine to take.
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let display_number = (100..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display number")?;
        let display_name = format!(":{display_number}");
        let display = Process(
            Command::new("Xvfb")
                .args([
                    &display_name,
                    "-screen",
                    "0",
                    "1280x860x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| {
                    format!("cannot start Xvfb (apt package xvfb; `make test` installs it): {e}")
                })?,
        );
        wait_until("the Xvfb display", Duration::from_secs(10), || {
            Path::new(&format!("/tmp/.X11-unix/X{display_number}")).exists()
        })?;

        let home = tempfile::tempdir()?;
        for sub in ["data", "cache", "config"] {
            std::fs::create_dir_all(home.path().join(sub))?;
        }
        // "The system browser": a script that writes down each address it is
        // asked to open (xdg-open, with no desktop detected, runs $BROWSER),
        // and the JavaScriptCore options in its environment.
        let browser = home.path().join("browser.sh");
        std::fs::write(
            &browser,
            format!(
                "#!/bin/sh\necho \"$1\" >> '{}'\nenv | grep '^JSC_' >> '{}'\nexit 0\n",
                home.path().join("opened-links.txt").display(),
                home.path().join("browser-javascript-options.txt").display()
            ),
        )?;
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755))?;
        }
        // …and is the default handler of web links in this private home.
        std::fs::create_dir_all(home.path().join("data/applications"))?;
        std::fs::write(
            home.path().join("data/applications/barg-test-browser.desktop"),
            format!(
                "[Desktop Entry]\nType=Application\nName=Test browser\nExec={} %u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                browser.display()
            ),
        )?;
        std::fs::write(
            home.path().join("config/mimeapps.list"),
            "[Default Applications]\nx-scheme-handler/http=barg-test-browser.desktop\nx-scheme-handler/https=barg-test-browser.desktop\n",
        )?;
        let (driver_port, native_port) = (free_port(), free_port());
        let (bus, bus_address) = match bus {
            Some((process, address)) => (Some(process), Some(address)),
            None => (None, None),
        };
        let mut driver_command = Command::new("tauri-driver");
        match &bus_address {
            Some(address) => driver_command.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => driver_command.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let driver = Process(
            driver_command
                .args(["--port", &driver_port.to_string(), "--native-port", &native_port.to_string()])
                .env("DISPLAY", &display_name)
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_CACHE_HOME", home.path().join("cache"))
                .env("XDG_CONFIG_HOME", home.path().join("config"))
                .env("GDK_BACKEND", "x11")
                .env("BROWSER", &browser)
                .env_remove("XDG_CURRENT_DESKTOP")
                .env_remove("DESKTOP_SESSION")
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .map_err(|e| format!("cannot start tauri-driver (`cargo install tauri-driver --locked --version ^2`): {e}"))?,
        );
        wait_until("tauri-driver", Duration::from_secs(15), || {
            TcpStream::connect(("127.0.0.1", driver_port)).is_ok()
        })?;
        Ok(Self {
            _driver: driver,
            _display: display,
            _bus: bus,
            bus_address,
            driver_port,
            display_name,
            home,
            _turn: turn,
        })
    }

    /// The JavaScriptCore options (`JSC_…` variables) "the system browser"
    /// found in its environment, one `NAME=value` a line, over every launch.
    pub fn browser_javascript_options(&self) -> Vec<String> {
        std::fs::read_to_string(self.home.path().join("browser-javascript-options.txt"))
            .map(|text| text.lines().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// The addresses "the system browser" was asked to open, in order.
    pub fn opened_links(&self) -> Vec<String> {
        std::fs::read_to_string(self.home.path().join("opened-links.txt"))
            .map(|text| text.lines().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// Answers the native file dialog that is open on the display (GTK's,
    /// to open or to save) the way a user would: puts `path` into its
    /// location or name field and presses Enter. Uses xdotool and xclip
    /// (apt packages `xdotool`, `xclip`).
    ///
    /// The path is pasted, not typed: `xdotool type` sends each Persian
    /// letter by remapping a spare key, and under load it dropped the
    /// second of two equal letters (همه.jsonl was saved as هم.jsonl).
    pub fn answer_file_dialog(&self, path: &Path) -> Result<()> {
        let xdotool = |args: &[&str]| -> Result<std::process::Output> {
            let output = Command::new("xdotool")
                .args(args)
                .env("DISPLAY", &self.display_name)
                .output()
                .map_err(|e| {
                    format!(
                        "cannot run xdotool (apt package xdotool; `make test` installs it): {e}"
                    )
                })?;
            Ok(output)
        };
        // The dialog is the one window besides the app's with a title that
        // is not Barg's: wait for a new visible window, then focus it (there
        // is no window manager on the display to do so).
        let deadline = Instant::now() + Duration::from_secs(15);
        let dialog = loop {
            let found = xdotool(&["search", "--onlyvisible", "--class", "barg"])?;
            let windows: Vec<String> = String::from_utf8_lossy(&found.stdout)
                .lines()
                .map(str::to_owned)
                .collect();
            let mut dialog = None;
            for window in &windows {
                let name = xdotool(&["getwindowname", window])?;
                let name = String::from_utf8_lossy(&name.stdout).trim().to_owned();
                if !name.is_empty() && name != "برگ" && name != "Barg" {
                    dialog = Some(window.clone());
                }
            }
            if let Some(window) = dialog {
                break window;
            }
            if Instant::now() > deadline {
                return Err(format!("no file dialog appeared (windows: {windows:?})").into());
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        xdotool(&["windowfocus", "--sync", &dialog])?;
        std::thread::sleep(Duration::from_millis(300));
        // The location field (open dialogs) or the name field (save
        // dialogs, where it holds the suggested name): all of it replaced.
        xdotool(&["key", "--window", &dialog, "ctrl+l"])?;
        std::thread::sleep(Duration::from_millis(300));
        xdotool(&["key", "--window", &dialog, "ctrl+a"])?;
        std::thread::sleep(Duration::from_millis(100));
        self.copy_to_clipboard(&path.display().to_string())?;
        xdotool(&["key", "--window", &dialog, "ctrl+v"])?;
        std::thread::sleep(Duration::from_millis(300));
        xdotool(&["key", "Return"])?;
        Ok(())
    }

    /// Puts `text` on the display's clipboard (xclip keeps serving it in
    /// the background until another client takes the clipboard or the
    /// display ends), and waits until the clipboard reads back as `text`.
    fn copy_to_clipboard(&self, text: &str) -> Result<()> {
        let xclip = |args: &[&str]| {
            Command::new("xclip")
                .args(["-selection", "clipboard"])
                .args(args)
                .env("DISPLAY", &self.display_name)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| {
                    format!("cannot run xclip (apt package xclip; `make test` installs it): {e}")
                })
        };
        let mut copy = xclip(&["-in"])?;
        copy.stdin
            .take()
            .expect("xclip's input is piped")
            .write_all(text.as_bytes())?;
        copy.wait()?;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let pasted = xclip(&["-out"])?.wait_with_output()?;
            if pasted.stdout == text.as_bytes() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the clipboard holds {:?}, not {text:?}",
                    String::from_utf8_lossy(&pasted.stdout)
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Launches `barg --data-dir DATA_DIR ARGS…` as the desktop would (its
    /// display and session bus): with a window already open on that
    /// library, it hands `ARGS` over and exits. Waits at most 30 s.
    pub fn launch_again(&self, data_dir: &Path, args: &[&str]) -> Result<std::process::Output> {
        let mut command = Command::new(barg_binary());
        command
            .arg("--data-dir")
            .arg(data_dir)
            .args(args)
            .env("DISPLAY", &self.display_name)
            .env("GDK_BACKEND", "x11")
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match &self.bus_address {
            Some(address) => command.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => command.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let mut child = command.spawn()?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if child.try_wait()?.is_some() {
                return Ok(child.wait_with_output()?);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        Err("the second launch did not hand over and exit within 30 s".into())
    }

    /// The port tauri-driver listens on.
    pub fn driver_port(&self) -> u16 {
        self.driver_port
    }

    /// A fresh, empty data folder for one library.
    pub fn new_data_dir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.home.path().join("libraries").join(name);
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// Starts the app on `data_dir` and waits until its first article list
    /// is on screen.
    pub async fn launch(&self, data_dir: &Path) -> Result<Window> {
        let binary = barg_binary();
        if !binary.exists() {
            return Err(format!(
                "{} does not exist: build the app first (cargo test --workspace does)",
                binary.display()
            )
            .into());
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": binary, "args": ["--data-dir", data_dir] }),
        );
        // Both rustls back-ends are compiled in (see Cargo.toml): choose one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = ClientBuilder::rustls()?;
        builder.capabilities(caps);
        let client = builder
            .connect(&format!("http://127.0.0.1:{}", self.driver_port))
            .await?;
        let window = Window { client };
        window
            .wait_for_script(
                "the first article list",
                "return document.body.dataset.ready === 'true'",
            )
            .await?;
        Ok(window)
    }
}

/// The app's window, driven through WebDriver.
pub struct Window {
    pub client: Client,
}

impl Window {
    /// Declines the default feeds a first start offers, if it offers them
    /// (a library with feeds is not offered any).
    pub async fn decline_feed_offer(&self) -> Result<()> {
        if let Some(dismiss) = self
            .find_all("[data-testid=default-feeds-dismiss]")
            .await?
            .into_iter()
            .next()
        {
            dismiss.click().await?;
        }
        Ok(())
    }

    /// Runs a script and returns its value.
    pub async fn eval(&self, script: &str) -> Result<Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Runs a script with arguments and returns its value.
    pub async fn eval_with(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client.execute(script, args).await?)
    }

    pub async fn eval_string(&self, script: &str) -> Result<String> {
        Ok(self
            .eval(script)
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Polls a script until it returns `true` (10 s at most).
    pub async fn wait_for_script(&self, what: &str, script: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(script, vec![]).await {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await?)
    }

    /// The text of an element as the page renders it (`innerText`).
    /// WebDriver's own "element text" runs a visibility heuristic that
    /// WebKitWebDriver gets wrong for text in scrolling panes (it returns
    /// "" for rows plainly on screen), so tests read `innerText`.
    pub async fn inner_text(&self, element: &Element) -> Result<String> {
        let value = self
            .client
            .execute(
                "return arguments[0].innerText",
                vec![serde_json::to_value(element)?],
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// The rendered text of the first element matching `css` (waited for).
    pub async fn text_of(&self, css: &str) -> Result<String> {
        let element = self.find(css).await?;
        self.inner_text(&element).await
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Chooses `value` in the `<select>` with this `data-testid`, as a user
    /// would (the change event fires).
    pub async fn set_select(&self, testid: &str, value: &str) -> Result<()> {
        self.eval_with(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             el.value = arguments[1];
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(testid), json!(value)],
        )
        .await?;
        Ok(())
    }

    /// Switches the interface to English in Settings, as a user would, and
    /// waits until it has mirrored (the view stays on Settings).
    pub async fn switch_to_english(&self) -> Result<()> {
        self.click("[data-testid=nav-settings]").await?;
        self.set_select("settings-language", "en").await?;
        self.wait_for_script("the English interface", "return document.dir === 'ltr';")
            .await
    }

    pub async fn click(&self, css: &str) -> Result<()> {
        self.find(css).await?.click().await?;
        Ok(())
    }

    /// Saves a screenshot once the last change is painted (two animation
    /// frames: on a cold shader cache the first may still be stale).
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
                vec![],
            )
            .await?;
        // WebDriver's screenshot waits for the next frame WebKit presents.
        // Painting without compositing (no GPU: see the app's
        // `paint_in_software_without_a_gpu`) presents a frame only when
        // something changed, and after a file dialog has closed nothing may
        // change again: one invisible pixel changes every frame while the
        // screenshot is taken.
        self.client
            .execute(
                "const pixel = document.createElement('div');
                 pixel.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:0;inline-size:1px;block-size:1px;pointer-events:none;opacity:0.004;background:#000';
                 pixel.setAttribute('aria-hidden', 'true');
                 document.body.append(pixel);
                 let frames = 0;
                 const tick = () => {
                   pixel.style.opacity = frames % 2 ? '0.004' : '0.003';
                   if (++frames < 240) requestAnimationFrame(tick); else pixel.remove();
                 };
                 requestAnimationFrame(tick);",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await?;
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Quits the app (closing the WebDriver session closes its window).
    pub async fn quit(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}
