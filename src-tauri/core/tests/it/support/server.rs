//! A real HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: routes
//! are set per path, and every request is counted. It runs on its own
//! thread and runtime, so blocking tests and async tests can both use it,
//! and it stops when dropped (the "network off" of the offline tests).

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A valid 1×1 PNG, for serving as an article's image.
pub const TINY_PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 13, b'I', b'D', b'A', b'T',
    0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0, 0x05, 0xFE, 0x02, 0xFE, 0xA7, 0x35, 0x81, 0x84, 0,
    0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82,
];

/// What the server answers on one path.
#[derive(Clone, Debug)]
pub enum Route {
    /// 200 with a body; with an ETag, `If-None-Match` gets a 304.
    Body {
        body: Vec<u8>,
        content_type: String,
        etag: Option<String>,
        /// Sent as `Content-Encoding` (the body must already be encoded).
        encoding: Option<String>,
    },
    /// 302 to another address.
    Redirect(String),
    /// This status, empty body.
    Status(u16),
    /// Headers promising `length` bytes, then one byte every `every`.
    Trickle { length: usize, every: Duration },
    /// What a filter inside the country does: a connection that does not
    /// come through one of the test proxies (from `proxies::OUTGOING`) gets
    /// the filter's 403 block page; one that does gets the route.
    FilteredUnlessProxied(Box<Route>),
}

/// Where the test proxies connect to servers from (`proxies.rs`): a
/// request from here came through a proxy.
pub const OUTGOING: &str = "127.0.0.3";

/// Iran's block page as the filter serves it (a 403 whose body is an
/// iframe to 10.10.34.34), as reported by OONI measurements.
pub const BLOCK_PAGE: &str = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>M3-5
</title></head><body><iframe src="http://10.10.34.34?type=Invalid Site&policy=MainPolicy " style="width: 100%; height: 100%" scrolling="no" marginwidth="0" marginheight="0" frameborder="0" vspace="0" hspace="0"></iframe></body></html>"#;

impl Route {
    pub fn body(body: impl Into<Vec<u8>>, content_type: &str) -> Self {
        Route::Body {
            body: body.into(),
            content_type: content_type.to_owned(),
            etag: None,
            encoding: None,
        }
    }

    pub fn with_etag(self, tag: &str) -> Self {
        match self {
            Route::Body {
                body,
                content_type,
                encoding,
                ..
            } => Route::Body {
                body,
                content_type,
                etag: Some(format!("\"{tag}\"")),
                encoding,
            },
            other => other,
        }
    }
}

type Routes = Arc<Mutex<HashMap<String, Route>>>;

pub struct TestServer {
    addr: SocketAddr,
    routes: Routes,
    hits: Arc<Mutex<HashMap<String, u32>>>,
    /// Requests that came through a test proxy (from `proxies::OUTGOING`).
    proxied: Arc<Mutex<u32>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    pub fn start() -> Self {
        Self::start_on("127.0.0.1")
    }

    /// A server on another loopback address (`127.0.0.2`): another host,
    /// for what is remembered per host.
    pub fn start_on(ip: &'static str) -> Self {
        Self::listen(ip, 0)
    }

    /// A server on a port chosen before (an address a test typed while
    /// nothing listened there).
    pub fn start_on_port(port: u16) -> Self {
        Self::listen("127.0.0.1", port)
    }

    fn listen(ip: &'static str, port: u16) -> Self {
        let routes: Routes = Arc::default();
        let hits: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
        let proxied: Arc<Mutex<u32>> = Arc::default();
        let p = Arc::clone(&proxied);
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (r, h) = (Arc::clone(&routes), Arc::clone(&hits));
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the test server");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind((ip, port))
                    .await
                    .expect("a free port on the loopback");
                addr_tx
                    .send(listener.local_addr().expect("an address"))
                    .ok();
                let serve = async {
                    loop {
                        let Ok((socket, peer)) = listener.accept().await else {
                            continue;
                        };
                        let (r, h, p) = (Arc::clone(&r), Arc::clone(&h), Arc::clone(&p));
                        let through_proxy = peer.ip().to_string() == OUTGOING;
                        tokio::spawn(async move {
                            if through_proxy {
                                *p.lock().unwrap() += 1;
                            }
                            let _ = answer(socket, r, h, through_proxy).await;
                        });
                    }
                };
                tokio::select! {
                    _ = serve => {}
                    _ = stop_rx => {}
                }
            });
            runtime.shutdown_background();
        });
        let addr = addr_rx.recv().expect("the server starts");
        Self {
            addr,
            routes,
            hits,
            proxied,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// The full address of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_owned(), route);
    }

    /// How many requests a path has had.
    pub fn hits(&self, path: &str) -> u32 {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// How many requests came through a test proxy.
    pub fn proxied_hits(&self) -> u32 {
        *self.proxied.lock().unwrap()
    }

    /// How many requests the server has had, on any path.
    pub fn total_hits(&self) -> u32 {
        self.hits.lock().unwrap().values().sum()
    }

    /// Stops the server: its port refuses connections from now on.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

async fn answer(
    mut socket: tokio::net::TcpStream,
    routes: Routes,
    hits: Arc<Mutex<HashMap<String, u32>>>,
    through_proxy: bool,
) -> std::io::Result<()> {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        request.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&request).into_owned();
    let mut lines = text.lines();
    let path = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_owned();
    let headers: HashMap<String, String> = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let route = routes.lock().unwrap().get(&path).cloned();
    let route = match route {
        Some(Route::FilteredUnlessProxied(route)) if through_proxy => Some(*route),
        Some(Route::FilteredUnlessProxied(_)) => {
            let page = BLOCK_PAGE.as_bytes();
            let head = format!(
                "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                page.len()
            );
            socket.write_all(head.as_bytes()).await?;
            socket.write_all(page).await?;
            return Ok(());
        }
        other => other,
    };
    let head = |status: &str, extra: &str, length: usize| {
        format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n{extra}\r\n")
    };
    match route {
        None => {
            socket
                .write_all(head("404 Not Found", "", 0).as_bytes())
                .await?
        }
        Some(Route::Status(code)) => {
            socket
                .write_all(head(&format!("{code} Status"), "", 0).as_bytes())
                .await?
        }
        Some(Route::Redirect(to)) => {
            socket
                .write_all(head("302 Found", &format!("Location: {to}\r\n"), 0).as_bytes())
                .await?
        }
        Some(Route::Body {
            body,
            content_type,
            etag,
            encoding,
        }) => {
            if etag.is_some() && headers.get("if-none-match") == etag.as_ref() {
                socket
                    .write_all(head("304 Not Modified", "", 0).as_bytes())
                    .await?;
            } else {
                let mut extra = format!("Content-Type: {content_type}\r\n");
                if let Some(etag) = &etag {
                    extra.push_str(&format!("ETag: {etag}\r\n"));
                }
                if let Some(encoding) = &encoding {
                    extra.push_str(&format!("Content-Encoding: {encoding}\r\n"));
                }
                socket
                    .write_all(head("200 OK", &extra, body.len()).as_bytes())
                    .await?;
                socket.write_all(&body).await?;
            }
        }
        Some(Route::Trickle { length, every }) => {
            socket
                .write_all(
                    head("200 OK", "Content-Type: application/rss+xml\r\n", length).as_bytes(),
                )
                .await?;
            for _ in 0..length {
                socket.write_all(b" ").await?;
                socket.flush().await?;
                tokio::time::sleep(every).await;
            }
        }
        Some(Route::FilteredUnlessProxied(_)) => unreachable!("answered above"),
    }
    socket.flush().await?;
    socket.shutdown().await
}
