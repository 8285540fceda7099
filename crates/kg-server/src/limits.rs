//! Server limits and the watchdog that cancels queries running past their time.

use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

/// What one request may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest a query may run.
    pub timeout: Duration,
    /// Most rows (or triples) a query returns; more are cut and flagged.
    pub max_results: usize,
    /// Largest request body accepted.
    pub max_body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { timeout: Duration::from_secs(30), max_results: 10_000, max_body: 10 * 1024 * 1024 }
    }
}

/// Runs `work` on its own thread so that the client gets an answer (or a 503) at the
/// deadline whatever the query engine does; the token stops the engine at its next read
/// of the store.
pub fn with_deadline(
    state: &crate::State,
    work: impl FnOnce(CancellationToken) -> crate::http::Response + Send + 'static,
) -> crate::http::Response {
    let token = state.watchdog.token(state.limits.timeout);
    let (tx, rx) = channel();
    let cancel = token.clone();
    std::thread::spawn(move || {
        let _ = tx.send(work(cancel));
    });
    match rx.recv_timeout(state.limits.timeout + Duration::from_millis(250)) {
        Ok(resp) => resp,
        Err(_) => {
            token.cancel();
            crate::http::Response::error(503, "query timed out")
        }
    }
}

/// Cancels each registered token when its deadline passes. One thread for all queries.
pub struct Watchdog {
    tx: Mutex<Sender<(Instant, CancellationToken)>>,
}

impl Watchdog {
    /// Starts the watchdog thread.
    pub fn start() -> Watchdog {
        let (tx, rx) = channel::<(Instant, CancellationToken)>();
        std::thread::spawn(move || {
            let mut pending: Vec<(Instant, CancellationToken)> = Vec::new();
            loop {
                let now = Instant::now();
                pending.retain(|(deadline, token)| {
                    if *deadline <= now {
                        token.cancel();
                        false
                    } else {
                        true
                    }
                });
                let wait = pending.iter().map(|(d, _)| d.saturating_duration_since(now)).min().unwrap_or(Duration::from_secs(3600));
                match rx.recv_timeout(wait) {
                    Ok(item) => pending.push(item),
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        });
        Watchdog { tx: Mutex::new(tx) }
    }

    /// A token that is cancelled after `timeout`.
    pub fn token(&self, timeout: Duration) -> CancellationToken {
        let token = CancellationToken::new();
        if let Ok(tx) = self.tx.lock() {
            // A stopped watchdog only means no timeout: the query still runs.
            let _ = tx.send((Instant::now() + timeout, token.clone()));
        }
        token
    }
}
