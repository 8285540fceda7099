//! Articles through a bounded, ordered pipeline: one thread reads the inputs, worker
//! threads run the per-article work (extraction) on every core, and the calling thread
//! receives the results in input order.
//!
//! Memory is bounded by a budget of permits, not by the corpus: the reader takes an
//! article's permits before handing it on and the caller gives them back when done. An
//! article takes one permit per [`BYTES_PER_PERMIT`] of text (at least one), and there
//! are [`IN_FLIGHT_PER_THREAD`] per worker: many short articles are in flight at once,
//! while a very long one (a 1 MiB part of a huge file) is extracted alone.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Mutex;

use anyhow::Result;
use kg_input::{Article, Inputs, ReadOptions};

/// Permits per worker thread.
pub const IN_FLIGHT_PER_THREAD: usize = 32;
/// Bytes of article text one permit covers.
pub const BYTES_PER_PERMIT: usize = 16 << 10;

/// What the caller receives, in input order.
pub enum Event<T> {
    /// An article and the work's result for it.
    Done {
        /// The article.
        article: Article,
        /// What the work made of it.
        result: Result<T>,
    },
    /// Something about the inputs themselves.
    Notice(Notice),
}

/// News about the inputs, between the articles.
pub enum Notice {
    /// A file that is not an article (binary, empty).
    Skipped(kg_input::InputError),
    /// A warning about a file as a whole, or a bad JSON Lines record (the others are read).
    Warning {
        /// The message, naming the file.
        message: String,
        /// True for a bad record.
        bad_record: bool,
    },
    /// A file could not be read: the run should stop.
    Failed(kg_input::InputError),
    /// All of one input (a file, or standard input) has been read.
    InputDone,
}

/// What the reader hands the workers.
enum Job {
    Article(Article),
    Notice(Notice),
}

/// The document of an article: its extraction (published on `published`, else on the
/// article's own date), titled with the article's headline; or, for an input that is an
/// extraction already, that document as it is.
pub fn document(extractor: &kg_extract::Extractor, a: &Article, published: Option<&str>) -> Result<kg_extract::Document> {
    if let Some(doc) = &a.extracted {
        return Ok(kg_extract::Document::clone(doc));
    }
    let published = published.or(a.published.as_deref());
    let mut doc = extractor.extract(&a.id, &a.text, published).map_err(|e| anyhow::anyhow!("{}: {e}", a.source))?;
    if a.title.is_some() {
        doc.title = a.title.clone();
    }
    Ok(doc)
}

/// The number of worker threads: `requested`, or one per core.
pub fn threads(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}

/// Reads `inputs`, runs `work` on each article on `threads` workers, and hands every event
/// to `sink` in input order. Stops at the first error `sink` returns.
pub fn run<T, W, S>(inputs: &Inputs, options: ReadOptions, threads: usize, work: W, mut sink: S) -> Result<()>
where
    T: Send,
    W: Fn(&Article) -> Result<T> + Sync,
    S: FnMut(Event<T>) -> Result<()>,
{
    let window = threads * IN_FLIGHT_PER_THREAD;
    let (job_tx, job_rx) = mpsc::channel::<(usize, usize, Job)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        // Dropped when this closure ends, before the threads are joined: the reader then
        // stops at its next permit and the workers when the jobs run out.
        let (done_tx, done_rx) = mpsc::channel::<(usize, usize, Event<T>)>();
        // A permit per article in flight: the reader takes one, the caller gives it back.
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
        for _ in 0..window {
            permit_tx.send(()).ok();
        }
        scope.spawn(move || read_all(inputs, options, window, &permit_rx, &job_tx));
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, permits, job)) = job else { return };
                let event = match job {
                    Job::Article(article) => {
                        let result = work(&article);
                        Event::Done { article, result }
                    }
                    Job::Notice(notice) => Event::Notice(notice),
                };
                if done_tx.send((seq, permits, event)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // In input order: results wait here until the ones before them arrive.
        let mut waiting: BTreeMap<usize, (usize, Event<T>)> = BTreeMap::new();
        let mut next = 0;
        for (seq, permits, event) in done_rx.iter() {
            waiting.insert(seq, (permits, event));
            while let Some((permits, event)) = waiting.remove(&next) {
                next += 1;
                sink(event)?;
                if permits == window {
                    release_free_memory();
                }
                for _ in 0..permits {
                    permit_tx.send(()).ok();
                }
            }
        }
        Ok(())
    })
}

/// Returns glibc's freed heap memory to the system. glibc keeps a heap per thread, so
/// memory freed on one worker would stay reserved while the next huge article is
/// extracted on another. Since `kg` allocates through mimalloc (`allocator.rs`, which
/// purges freed pages itself after 10 ms) glibc serves only C and C++ code: RocksDB.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's heaps; it takes
    // no pointers and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Makes glibc hand large blocks (1 MiB and more) straight back to the system when
/// freed. glibc otherwise raises that threshold as large blocks are freed and then serves
/// them from per-thread heaps, where a long ingest's batches (built on one thread, freed
/// on another) left memory reserved: 431 MB instead of 329 MB on two copies of
/// Reuters-21578, growing with the corpus. Since `kg` allocates through mimalloc
/// (`allocator.rs`) this applies to RocksDB's own (C++) allocations only.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a setting of the allocator; it takes no pointers.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// The reader thread: every input in order, each article or notice after taking its permits.
fn read_all(inputs: &Inputs, options: ReadOptions, window: usize, permits: &mpsc::Receiver<()>, jobs: &mpsc::Sender<(usize, usize, Job)>) {
    let mut seq = 0;
    let mut send = |job: Job| -> bool {
        let needed = match &job {
            Job::Article(a) => (a.text.len() / BYTES_PER_PERMIT).clamp(1, window),
            Job::Notice(_) => 1,
        };
        for _ in 0..needed {
            if permits.recv().is_err() {
                return false;
            }
        }
        seq += 1;
        jobs.send((seq - 1, needed, job)).is_ok()
    };
    let notice = |n: Notice| Job::Notice(n);
    if inputs.stdin {
        let sent = match kg_input::read_stdin() {
            Ok(a) => send(Job::Article(a)),
            Err(e) => send(notice(Notice::Failed(e))),
        };
        if !sent || !send(notice(Notice::InputDone)) {
            return;
        }
    }
    for f in &inputs.files {
        let records = match kg_input::open_path(f, options) {
            Ok(r) => r,
            Err(e) if e.skip => {
                if !send(notice(Notice::Skipped(e))) || !send(notice(Notice::InputDone)) {
                    return;
                }
                continue;
            }
            Err(e) => {
                send(notice(Notice::Failed(e)));
                return;
            }
        };
        for w in &records.warnings {
            if !send(notice(Notice::Warning { message: w.clone(), bad_record: false })) {
                return;
            }
        }
        for record in records {
            let sent = match record {
                Ok(article) => send(Job::Article(article)),
                Err(e) if e.record => send(notice(Notice::Warning { message: e.to_string(), bad_record: true })),
                Err(e) => {
                    send(notice(Notice::Failed(e)));
                    return;
                }
            };
            if !sent {
                return;
            }
        }
        if !send(notice(Notice::InputDone)) {
            return;
        }
    }
}
