//! Extraction from Python: one article, or a stream of them extracted on worker threads
//! with the GIL released and handed back in input order.
//!
//! Many articles go through [`ExtractIter`]: the thread that reads it pulls records from
//! the Python iterable (holding the GIL) until a window of articles is in flight, hands
//! them to the workers, and waits for the next result in order with the GIL released.
//! Memory is bounded by the window, not by the input.

use std::collections::{BTreeMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use kg_extract::{Document, Extractor};
use kg_graph::export::StreamWriter;
use kg_graph::{document_quads, DocumentMeta};
use kg_input::open::PART_BYTES;
use kg_input::parts::TextParts;
use kg_input::Article;
use oxigraph::io::RdfFormat;
use pyo3::exceptions::{PyBaseException, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};
use serde_json::Value;

/// Articles in flight per worker thread, as in `kg`'s pipeline.
const IN_FLIGHT_PER_THREAD: usize = 32;
/// The share of the articles in flight whose results the reading thread waits for at
/// once: a quarter, so that the workers still have three quarters queued when it wakes.
const READY_SHARE: usize = 4;

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

/// The document of an article: its extraction, or the document a record that is an
/// extraction already holds.
fn document_of(keep_hypothetical: bool, article: &Article) -> Result<Document, String> {
    if let Some(doc) = &article.extracted {
        return Ok(Document::clone(doc));
    }
    check_length(&article.text).map_err(|e| format!("{}: {e}", article.source))?;
    let run = || extractor(keep_hypothetical).extract(&article.id, &article.text, article.published.as_deref());
    let mut doc = match catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result.map_err(|e| format!("{}: {e}", article.source))?,
        Err(_) => return Err(format!("{}: internal error: the extractor failed on this text (please report it)", article.source)),
    };
    if article.title.is_some() {
        doc.title = article.title.clone();
    }
    Ok(doc)
}

/// A document as Python objects: exactly what `json.loads` makes of its contract JSON
/// (pythonize runs the same serde serialisation), without the text in between.
fn to_python<'py>(py: Python<'py>, doc: &Document) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, doc).map_err(|e| PyRuntimeError::new_err(format!("internal error: {e}")))
}

/// Extracts one article: its document as the contract's JSON, as Python objects.
#[pyfunction]
#[pyo3(signature = (text, id, published=None, keep_hypothetical=false))]
pub fn extract_document<'py>(
    py: Python<'py>,
    text: String,
    id: String,
    published: Option<String>,
    keep_hypothetical: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mut article = Article::plain(&id, "extract", text);
    article.published = published;
    let doc = py.detach(move || document_of(keep_hypothetical, &article)).map_err(PyValueError::new_err)?;
    to_python(py, &doc)
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

/// One row of [`extract_batch`]: id, published, title, document (contract JSON), N-Quads, error.
type BatchRow = (String, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

/// A record of a batch to its row: the document's JSON and its N-Quads (with `url`), or why not.
fn batch_row(keep_hypothetical: bool, record: &Value, seq: usize, url: Option<String>) -> BatchRow {
    let article = match record_article(record, seq) {
        Ok(a) => a,
        Err(e) => return (String::new(), None, None, None, None, Some(e)),
    };
    let rendered = document_of(keep_hypothetical, &article).and_then(|doc| {
        let json = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
        let meta = DocumentMeta { url, ..DocumentMeta::default() };
        let quads = StreamWriter::new(RdfFormat::NQuads, Vec::new())
            .and_then(|mut w| {
                w.write(&document_quads(&doc, &meta))?;
                w.finish()
            })
            .map_err(|e| format!("{}: {e}", article.source))?;
        Ok((doc, json, String::from_utf8_lossy(&quads).trim_end().to_string()))
    });
    match rendered {
        Ok((doc, json, quads)) => (doc.id, doc.published, doc.title, Some(json), Some(quads), None),
        Err(e) => (article.id, None, None, None, None, Some(e)),
    }
}

/// Extracts a batch of records (texts, or dicts read as `kg` reads JSON Lines records) on
/// `threads` threads with the GIL released: one row per record, in order, with the
/// document's JSON and its N-Quads (`urls` give `schema:url`), or the error. The Spark
/// integration's work.
#[pyfunction]
#[pyo3(signature = (records, urls, threads=1, keep_hypothetical=false))]
pub fn extract_batch(
    py: Python<'_>,
    records: Vec<Bound<'_, PyAny>>,
    urls: Vec<Option<String>>,
    threads: usize,
    keep_hypothetical: bool,
) -> PyResult<Vec<BatchRow>> {
    if urls.len() != records.len() {
        return Err(PyValueError::new_err(format!("{} records but {} URLs", records.len(), urls.len())));
    }
    let records: Vec<Value> = records.iter().map(record_of).collect::<PyResult<_>>()?;
    Ok(py.detach(move || {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let rows: Vec<Mutex<Option<BatchRow>>> = records.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|scope| {
            for _ in 0..threads.clamp(1, records.len().max(1)) {
                scope.spawn(|| loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(record) = records.get(k) else { return };
                    let row = batch_row(keep_hypothetical, record, k, urls[k].clone());
                    if let Ok(mut slot) = rows[k].lock() {
                        *slot = Some(row);
                    }
                });
            }
        });
        rows.into_iter()
            .map(|slot| slot.into_inner().ok().flatten())
            .map(|row| row.unwrap_or_else(|| (String::new(), None, None, None, None, Some("internal error: not extracted".into()))))
            .collect()
    }))
}

/// A record for the workers, at its place in the input.
struct Job {
    seq: usize,
    record: Value,
}

/// The articles waiting for a worker. Workers hold its lock only to take one, and a push
/// wakes a worker only when one sleeps (a mutex around a channel's receiver, held while
/// waiting, had the workers queue for the lock at every article).
#[derive(Default)]
struct JobQueue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

/// What [`JobQueue`]'s lock guards.
#[derive(Default)]
struct QueueState {
    jobs: VecDeque<Job>,
    /// No more jobs will come.
    closed: bool,
    /// Workers waiting for a job.
    sleeping: usize,
}

impl JobQueue {
    /// Adds a job for the next free worker.
    fn push(&self, job: Job) {
        let sleeping = match self.state.lock() {
            Ok(mut state) => {
                state.jobs.push_back(job);
                state.sleeping
            }
            Err(_) => return,
        };
        if sleeping > 0 {
            self.ready.notify_one();
        }
    }

    /// No more jobs will come: workers end when the queue is empty.
    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.closed = true;
        }
        self.ready.notify_all();
    }

    /// The next job, waiting for one; `None` once the queue is closed and empty.
    fn take(&self) -> Option<Job> {
        let mut state = self.state.lock().ok()?;
        loop {
            if let Some(job) = state.jobs.pop_front() {
                return Some(job);
            }
            if state.closed {
                return None;
            }
            state.sleeping += 1;
            state = self.ready.wait(state).ok()?;
            state.sleeping -= 1;
        }
    }
}

/// Where the workers put their results. The reading thread says what it waits for (the
/// next result in order, and how many in all), and a worker wakes it only once that is
/// there: waking it at every result (a channel) cost a context switch per article, which
/// on a machine with as many workers as cores took that time from a worker.
#[derive(Default)]
struct Results {
    state: Mutex<ResultsState>,
    ready: Condvar,
}

/// A worker's result: the document of the article at that place of the input, or why not.
type Arrival = (usize, Result<Document, String>);

/// What [`Results`]' lock guards.
#[derive(Default)]
struct ResultsState {
    /// Results not yet collected by the reading thread.
    arrived: Vec<Arrival>,
    /// What the reading thread waits for: that result in order, and this many results.
    wanted: Option<(usize, usize)>,
    /// Whether the wanted result has arrived.
    has_wanted: bool,
    /// Whether a worker has woken the reader for what it waits for.
    woken: bool,
    /// Workers still running.
    workers: usize,
}

impl ResultsState {
    /// True when the reading thread has what it waits for, or nothing more will come.
    fn satisfied(&self) -> bool {
        self.workers == 0 || self.wanted.is_some_and(|(_, count)| self.has_wanted && self.arrived.len() >= count)
    }
}

impl Results {
    /// A worker's result; wakes the reading thread when it completes what it waits for.
    fn put(&self, seq: usize, result: Result<Document, String>) {
        let Ok(mut state) = self.state.lock() else { return };
        state.arrived.push((seq, result));
        if state.wanted.is_some_and(|(wanted, _)| wanted == seq) {
            state.has_wanted = true;
        }
        // Once: the put that completes what the reader waits for (it clears `wanted`).
        if state.wanted.is_some() && !state.woken && state.satisfied() {
            state.woken = true;
            self.ready.notify_one();
        }
    }

    /// A worker has stopped.
    fn worker_done(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.workers -= 1;
        }
        self.ready.notify_one();
    }

    /// Waits until the result at place `seq` and `count` results in all have arrived
    /// (`already`: the one at `seq` was collected before), or until the workers have all
    /// stopped; takes what has arrived, and says whether the workers have stopped.
    fn collect(&self, seq: usize, count: usize, already: bool) -> (Vec<Arrival>, bool) {
        let Ok(mut state) = self.state.lock() else { return (Vec::new(), true) };
        state.has_wanted = already || state.arrived.iter().any(|(s, _)| *s == seq);
        state.wanted = Some((seq, count));
        state.woken = false;
        while !state.satisfied() {
            match self.ready.wait(state) {
                Ok(s) => state = s,
                Err(_) => return (Vec::new(), true),
            }
        }
        state.wanted = None;
        (std::mem::take(&mut state.arrived), state.workers == 0)
    }
}

/// What the iterator gives at one place of the input.
enum Outcome {
    /// A document.
    Document(Box<Document>),
    /// A record that could not be extracted, and why.
    Failed(String),
    /// An exception the input raised or handed over.
    Raised(PyErr),
}

/// The reading side of the stream.
struct Flow {
    /// The records still to read (`None` once exhausted).
    source: Option<Py<PyIterator>>,
    /// Where articles go to the workers (closed once the input is exhausted).
    jobs: Arc<JobQueue>,
    /// Where the workers' results come back.
    results: Arc<Results>,
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

/// Documents of many articles, extracted on worker threads, in input order, each as
/// the Python objects of its contract JSON. Input items are texts (`str`), records
/// (dicts read as `kg` reads JSON Lines records), or exceptions to raise at their place.
#[pyclass(module = "newskg._newskg")]
pub struct ExtractIter {
    flow: Mutex<Flow>,
}

impl Drop for ExtractIter {
    fn drop(&mut self) {
        if let Ok(flow) = self.flow.get_mut() {
            flow.cancelled.store(true, Ordering::Relaxed);
            flow.jobs.close();
        }
    }
}

/// A worker: extracts the articles it receives until the input ends or the reader goes.
fn work(keep_hypothetical: bool, jobs: &JobQueue, results: &Results, cancelled: &AtomicBool) {
    while let Some(job) = jobs.take() {
        if cancelled.load(Ordering::Relaxed) {
            return;
        }
        let result = record_article(&job.record, job.seq).and_then(|article| document_of(keep_hypothetical, &article));
        results.put(job.seq, result);
    }
}

/// A record to an article, as `kg` reads a JSON Lines record.
fn record_article(record: &Value, seq: usize) -> Result<Article, String> {
    let location = format!("record {}", seq + 1);
    kg_input::jsonl::record(record, &location, &(seq + 1).to_string()).map_err(|e| format!("{location}: {e}"))
}

/// An input item as a record: a text (`str`) is `{"text": …}`, a dict is read as it is
/// (the Python side has decoded bytes and written dates as text).
fn record_of(item: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(text) = item.cast::<PyString>() {
        let mut record = serde_json::Map::new();
        record.insert("text".into(), Value::String(text.to_str()?.to_string()));
        return Ok(Value::Object(record));
    }
    pythonize::depythonize::<Value>(item).map_err(|e| PyValueError::new_err(format!("not a record: {e}")))
}

impl Flow {
    /// Reads records until the window is full or the input ends.
    fn fill(&mut self, py: Python<'_>) {
        while self.read - self.given < self.window {
            let Some(source) = &self.source else { return };
            let seq = self.read;
            let Some(item) = source.bind(py).clone().next() else {
                self.source = None;
                self.jobs.close();
                return;
            };
            self.read += 1;
            let outcome = match item {
                Err(e) => {
                    // An iterator that raised is finished.
                    self.source = None;
                    self.jobs.close();
                    Outcome::Raised(e)
                }
                Ok(item) if item.is_instance_of::<PyBaseException>() => Outcome::Raised(PyErr::from_value(item)),
                Ok(item) => match record_of(&item) {
                    Err(e) => Outcome::Raised(e),
                    Ok(record) => {
                        self.jobs.push(Job { seq, record });
                        continue;
                    }
                },
            };
            self.waiting.insert(seq, outcome);
        }
    }

    /// The next result in input order; `None` at the end of the input.
    fn next<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            if let Some(outcome) = self.waiting.remove(&self.given) {
                self.given += 1;
                self.fill(py);
                return match outcome {
                    Outcome::Document(doc) => Ok(Some(to_python(py, &doc)?)),
                    Outcome::Failed(message) => Err(PyValueError::new_err(message)),
                    Outcome::Raised(e) => Err(e),
                };
            }
            if self.given == self.read {
                return Ok(None);
            }
            self.receive(py)?;
        }
    }

    /// Waits, without the GIL, for the next result in order and for a batch of others (a
    /// [`READY_SHARE`] of the window, or all those in flight), so that the reading thread
    /// wakes once per batch rather than once per article.
    fn receive(&mut self, py: Python<'_>) -> PyResult<()> {
        let in_flight = self.read - self.given;
        let count = (self.window / READY_SHARE).min(in_flight).saturating_sub(self.waiting.len()).max(1);
        let (given, already) = (self.given, self.waiting.contains_key(&self.given));
        let results = Arc::clone(&self.results);
        let (arrived, stopped) = py.detach(move || results.collect(given, count, already));
        for (seq, result) in arrived {
            let outcome = match result {
                Ok(doc) => Outcome::Document(Box::new(doc)),
                Err(message) => Outcome::Failed(message),
            };
            self.waiting.insert(seq, outcome);
        }
        if stopped && !self.waiting.contains_key(&self.given) {
            return Err(PyRuntimeError::new_err("the extraction threads have stopped"));
        }
        Ok(())
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
        let jobs = Arc::new(JobQueue::default());
        let results = Arc::new(Results::default());
        if let Ok(mut state) = results.state.lock() {
            state.workers = threads;
        }
        let cancelled = Arc::new(AtomicBool::new(false));
        for _ in 0..threads {
            let (jobs, results, cancelled) = (Arc::clone(&jobs), Arc::clone(&results), Arc::clone(&cancelled));
            std::thread::Builder::new()
                .name("newskg-extract".into())
                .spawn(move || {
                    work(keep_hypothetical, &jobs, &results, &cancelled);
                    results.worker_done();
                })
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start an extraction thread: {e}")))?;
        }
        let flow = Flow {
            source: Some(source),
            jobs,
            results,
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

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let mut flow =
            self.flow.try_lock().map_err(|_| PyRuntimeError::new_err("extract_many: this iterator is being read by another thread"))?;
        flow.fill(py);
        flow.next(py)
    }
}
