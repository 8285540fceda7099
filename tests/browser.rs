//! The web explorer in a real browser: Debian's headless Chromium driven through
//! chromedriver (W3C WebDriver over HTTP). Search "Xi", open the entity, see a relation
//! and its sentence, run a SPARQL query, check the table. The screenshot of the entity
//! page is written to target/explorer.png. Skipped where chromium or chromedriver is
//! missing, except in CI.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{agent, sample_store, Served};
use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    base: String,
    session: String,
}

impl Driver {
    fn start() -> Option<Driver> {
        let present = |p: &str| std::path::Path::new(p).exists();
        if !present("/usr/bin/chromium") || !present("/usr/bin/chromedriver") {
            assert!(std::env::var_os("CI").is_none(), "CI needs chromium and chromium-driver (scripts/setup.sh installs them)");
            eprintln!("SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver missing (apt-get install chromium chromium-driver)");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while agent().get(format!("{base}/status")).call().map(|r| r.status() != 200).unwrap_or(true) {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("kg-chromium-{port}"));
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1200,1400", format!("--user-data-dir={}", profile.display())]
        }}}});
        let mut d = Driver { child, base, session: String::new() };
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"].as_str().expect("session id").to_string();
        Some(d)
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = self.try_call(method, path, body);
        assert!(v["error"].is_null(), "{method} {path}: {v}");
        v
    }

    /// A WebDriver call; the answer's `value` (an `error` member when it failed).
    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path == "/session" { format!("{}{path}", self.base) } else { format!("{}/session/{}{path}", self.base, self.session) };
        let a = agent();
        let mut resp = match (method, body) {
            ("GET", _) => a.get(&url).call(),
            ("DELETE", _) => a.delete(&url).call(),
            (_, b) => a.post(&url).header("Content-Type", "application/json").send(b.unwrap_or(json!({})).to_string().as_str()),
        }
        .expect("webdriver call");
        let v: Value = serde_json::from_str(&resp.body_mut().read_to_string().expect("body")).expect("JSON");
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({"url": url})));
    }

    fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let url = format!("{}/session/{}/element", self.base, self.session);
            let mut r = agent()
                .post(&url)
                .header("Content-Type", "application/json")
                .send(json!({"using": "css selector", "value": css}).to_string().as_str())
                .expect("find");
            let v: Value = serde_json::from_str(&r.body_mut().read_to_string().expect("body")).expect("JSON");
            if let Some(id) = v["value"][ELEMENT].as_str() {
                return id.to_string();
            }
            assert!(started.elapsed() < Duration::from_secs(10), "no element {css}: {v}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The text of an element, looked up again if the page changed under it.
    fn text(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let id = self.find(css);
            let v = self.try_call("GET", &format!("/element/{id}/text"), None);
            if v["error"].is_null() {
                return v.as_str().unwrap_or("").to_string();
            }
            assert!(started.elapsed() < Duration::from_secs(10), "text of {css}: {v}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap_or("").to_string()
    }

    /// Clicks a link or button and waits until the browser has moved to another page.
    fn click(&self, css: &str) {
        let before = self.url();
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
        let started = Instant::now();
        while self.url() == before {
            assert!(started.elapsed() < Duration::from_secs(10), "clicking {css} did not leave {before}");
            std::thread::sleep(Duration::from_millis(50));
        }
        // Wait for the new page to be ready before looking into it.
        while self.call("POST", "/execute/sync", Some(json!({"script": "return document.readyState", "args": []}))).as_str()
            != Some("complete")
        {
            assert!(started.elapsed() < Duration::from_secs(10), "the page after {css} did not load");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.call("POST", &format!("/element/{id}/value"), Some(json!({"text": text})));
    }

    fn screenshot(&self, path: &std::path::Path) {
        let v = self.call("GET", "/screenshot", None);
        let png = decode_base64(v.as_str().expect("base64 PNG"));
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = agent().delete(format!("{}/session/{}", self.base, self.session)).call();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn decode_base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, c)| acc | (u32::from(value(*c)) << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

#[test]
fn explorer_in_headless_chromium() {
    let Some(driver) = Driver::start() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let store = sample_store(dir.path());
    let served = Served::start(&store, &[], &[]);

    driver.go(&format!("{}/", served.base));
    driver.type_into("#q", "Xi");
    driver.click("#search");
    let results = driver.text("#results");
    assert!(results.contains("Xi Jinping"), "{results}");
    driver.click("#results a");
    assert_eq!(driver.text("#entity-label"), "Xi Jinping");
    let relations = driver.text("main");
    assert!(relations.contains("Xi Jinping metWith"), "{relations}");
    assert!(relations.contains("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday."), "{relations}");
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("explorer.png");
    driver.screenshot(&target);
    assert!(std::fs::metadata(&target).map(|m| m.len() > 10_000).unwrap_or(false));

    // Clicking a node of the diagram opens that entity.
    driver.click("#diagram a");
    let label = driver.text("#entity-label");
    assert_ne!(label, "Xi Jinping");

    driver.go(&format!("{}/sparql-ui", served.base));
    driver.type_into("#query", "SELECT ?leader WHERE { ?p kg:leaderOf country:china ; rdfs:label ?leader }");
    driver.click("#run");
    let table = driver.text("#results");
    assert!(table.contains("leader") && table.contains("Xi Jinping"), "{table}");
}
