//! Extraction from Python: one article, or a stream of them extracted on worker threads
//! with the GIL released and handed back in input order.
//!
//! Many articles go through [`ExtractIter`]: the thread that reads it pulls records from
//! the Python iterable (holding the GIL) until a window of articles is in flight, hands
//! them to the workers, and waits for the next result in order with the GIL released.
//! Memory is bounded by the window, not by the input.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};

use kg_extract::Extractor;
use kg_input::open::PART_BYTES;
use kg_input::parts::TextParts;
use kg_input::Article;
use pyo3::exceptions::{PyBaseException, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyIterator;

/// Articles in flight per worker thread, as in `kg`'s pipeline.
const IN_FLIGHT_PER_THREAD: usize = 32;

static PLAIN: OnceLock<Extractor> = OnceLock::new();
static KEEPING_HYPOTHETICAL: OnceLock<Extractor> = OnceLock::new();

/// The process's extractor (lexicons and model loaded once, on first use).
fn extractor(keep_hypothetical: bool) -> &'static Extractor {
    if keep_hypothetical {
        KEEPING_HYPOTHETICAL.get_or_init(|| Extractor::new().keep_hypothetical(true))
    } else {
        PLAIN.get_or_init(Extractor::new)
    }
}

/// Refuses a text longer than `kg` makes one article.
fn check_length(text: &str) -> Result<(), String> {
    if text.len() > PART_BYTES {
        return Err(format!(
            "the text is {} bytes, more than one article may be ({PART_BYTES} bytes): cut it with newskg.split_text, \
             which cuts at paragraph breaks as `kg ingest` does with long files",
            text.len()
        ));
    }
    Ok(())
}

/// Extracts an article and renders its document as the contract's JSON.
fn extract_article(keep_hypothetical: bool, article: &Article) -> Result<String, String> {
    check_length(&article.text).map_err(|e| format!("{}: {e}", article.source))?;
    if let Some(doc) = &article.extracted {
        // A record that is an extraction already gives its document as it is.
        return serde_json::to_string(doc).map_err(|e| format!("{}: {e}", article.source));
    }
    let run = || extractor(keep_hypothetical).extract(&article.id, &article.text, article.published.as_deref());
    let mut doc = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result.map_err(|e| format!("{}: {e}", article.source))?,
        Err(_) => return Err(format!("{}: internal error: the extractor failed on this text (please report it)", article.source)),
    };
    if article.title.is_some() {
        doc.title = article.title.clone();
    }
    serde_json::to_string(&doc).map_err(|e| format!("{}: {e}", article.source))
}

/// Extracts one article: its document as the contract's JSON text.
#[pyfunction]
#[pyo3(signature = (text, id, published=None, keep_hypothetical=false))]
pub fn extract_json(py: Python<'_>, text: String, id: String, published: Option<String>, keep_hypothetical: bool) -> PyResult<String> {
    let mut article = Article::plain(&id, "extract", text);
    article.published = published;
    py.detach(move || extract_article(keep_hypothetical, &article)).map_err(PyValueError::new_err)
}

/// Cuts a long text into parts of about `size` bytes at paragraph breaks (else line
/// breaks, else spaces), as `kg ingest` reads files over [`PART_BYTES`].
#[pyfunction]
#[pyo3(signature = (text, size=PART_BYTES))]
pub fn split_text(text: &str, size: usize) -> PyResult<Vec<String>> {
    TextParts::new(text.as_bytes(), size)
        .map(|part| {
            let (bytes, _) = part.map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| PyRuntimeError::new_err(format!("internal error: a part is not UTF-8: {e}")))
        })
        .collect()
}

/// A record for the workers (its JSON, read there), at its place in the input.
struct Job {
    seq: usize,
    record: String,
}

/// What the iterator gives at one place of the input.
enum Outcome {
    /// A document's JSON.
    Document(String),
    /// A record that could not be extracted, and why.
    Failed(String),
    /// An exception the input raised or handed over.
    Raised(PyErr),
}

/// The reading side of the stream.
struct Flow {
    /// The records still to read (`None` once exhausted).
    source: Option<Py<PyIterator>>,
    /// Where articles go to the workers (`None` once the input is exhausted).
    jobs: Option<Sender<Job>>,
    /// Where the workers' results come back (taken while waiting without the GIL).
    done: Option<Receiver<(usize, Result<String, String>)>>,
    /// Results that arrived before those in front of them.
    waiting: BTreeMap<usize, Outcome>,
    /// Records read from the input so far.
    read: usize,
    /// Results handed to Python so far.
    given: usize,
    /// At most this many records between read and given.
    window: usize,
    /// Tells the workers to stop: set when the iterator is dropped.
    cancelled: Arc<AtomicBool>,
}

/// Documents of many articles, extracted on worker threads, in input order; the Python
/// side (`newskg.extract_many`) turns each into a dictionary. Input items are JSON
/// records as `kg` reads JSON Lines (a `str`), or exceptions to raise at their place.
#[pyclass(module = "newskg._newskg")]
pub struct ExtractIter {
    flow: Mutex<Flow>,
}

impl Drop for ExtractIter {
    fn drop(&mut self) {
        if let Ok(flow) = self.flow.get_mut() {
            flow.cancelled.store(true, Ordering::Relaxed);
        }
    }
}

/// A worker: extracts the articles it receives until the input ends or the reader goes.
fn work(keep_hypothetical: bool, jobs: &Mutex<Receiver<Job>>, done: &Sender<(usize, Result<String, String>)>, cancelled: &AtomicBool) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        if cancelled.load(Ordering::Relaxed) {
            return;
        }
        let result = record_article(&job.record, job.seq).and_then(|article| extract_article(keep_hypothetical, &article));
        if done.send((job.seq, result)).is_err() {
            return;
        }
    }
}

/// A JSON record (as a JSON Lines line) to an article, as `kg` reads it.
fn record_article(json: &str, seq: usize) -> Result<Article, String> {
    let location = format!("record {}", seq + 1);
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("{location}: {e}"))?;
    kg_input::jsonl::record(&value, &location, &(seq + 1).to_string()).map_err(|e| format!("{location}: {e}"))
}

impl Flow {
    /// Reads records until the window is full or the input ends.
    fn fill(&mut self, py: Python<'_>) {
        while self.read - self.given < self.window {
            let Some(source) = &self.source else { return };
            let seq = self.read;
            let Some(item) = source.bind(py).clone().next() else {
                self.source = None;
                self.jobs = None;
                return;
            };
            self.read += 1;
            let outcome = match item {
                Err(e) => {
                    // An iterator that raised is finished.
                    self.source = None;
                    self.jobs = None;
                    Outcome::Raised(e)
                }
                Ok(item) if item.is_instance_of::<PyBaseException>() => Outcome::Raised(PyErr::from_value(item)),
                Ok(item) => match item.extract::<String>() {
                    Err(e) => Outcome::Raised(e),
                    Ok(record) => {
                        if self.jobs.as_ref().is_some_and(|jobs| jobs.send(Job { seq, record }).is_ok()) {
                            continue;
                        }
                        Outcome::Failed(format!("record {}: the extraction threads have stopped", seq + 1))
                    }
                },
            };
            self.waiting.insert(seq, outcome);
        }
    }

    /// The next result in input order; `None` at the end of the input.
    fn next(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        loop {
            if let Some(outcome) = self.waiting.remove(&self.given) {
                self.given += 1;
                self.fill(py);
                return match outcome {
                    Outcome::Document(json) => Ok(Some(json)),
                    Outcome::Failed(message) => Err(PyValueError::new_err(message)),
                    Outcome::Raised(e) => Err(e),
                };
            }
            if self.given == self.read {
                return Ok(None);
            }
            let Some(done) = self.done.take() else {
                return Err(PyRuntimeError::new_err("the extraction threads have stopped"));
            };
            let (received, done) = py.detach(move || (done.recv(), done));
            self.done = Some(done);
            match received {
                Ok((seq, Ok(json))) => self.waiting.insert(seq, Outcome::Document(json)),
                Ok((seq, Err(message))) => self.waiting.insert(seq, Outcome::Failed(message)),
                Err(_) => return Err(PyRuntimeError::new_err("the extraction threads have stopped")),
            };
        }
    }
}

#[pymethods]
impl ExtractIter {
    /// Starts `threads` workers (one per core when `None`) over `records`.
    #[new]
    #[pyo3(signature = (records, threads=None, keep_hypothetical=false))]
    fn new(records: &Bound<'_, PyAny>, threads: Option<usize>, keep_hypothetical: bool) -> PyResult<Self> {
        let source = records.try_iter()?.unbind();
        let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        for _ in 0..threads {
            let (jobs, done, cancelled) = (Arc::clone(&job_rx), done_tx.clone(), Arc::clone(&cancelled));
            std::thread::Builder::new()
                .name("newskg-extract".into())
                .spawn(move || work(keep_hypothetical, &jobs, &done, &cancelled))
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start an extraction thread: {e}")))?;
        }
        let flow = Flow {
            source: Some(source),
            jobs: Some(job_tx),
            done: Some(done_rx),
            waiting: BTreeMap::new(),
            read: 0,
            given: 0,
            window: threads * IN_FLIGHT_PER_THREAD,
            cancelled,
        };
        Ok(ExtractIter { flow: Mutex::new(flow) })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<String>> {
        let mut flow =
            self.flow.try_lock().map_err(|_| PyRuntimeError::new_err("extract_many: this iterator is being read by another thread"))?;
        flow.fill(py);
        flow.next(py)
    }
}
