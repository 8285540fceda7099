//! `newskg._newskg`: the Rust half of the `newskg` Python package. The Python modules in
//! `python/newskg/` wrap these functions with the names, defaults and docstrings that
//! users see. Documents cross the boundary as the Python objects of their contract JSON
//! (made by serde, as `kg extract` prints them), records as JSON text.

use pyo3::prelude::*;

mod errors;
mod extraction;
mod graphs;
mod store;
mod values;

/// The allocator `kg` uses (see `crates/kg-cli/src/allocator.rs`); here it serves the
/// extension's own allocations, Python's stay with Python.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The module's contents.
#[pymodule]
fn _newskg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("KgError", m.py().get_type::<errors::KgError>())?;
    m.add("EXTRACTOR_VERSION", kg_extract::EXTRACTOR_VERSION)?;
    m.add("PART_BYTES", kg_input::open::PART_BYTES)?;
    m.add_function(wrap_pyfunction!(extraction::extract_document, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::split_text, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::extract_batch, m)?)?;
    m.add_class::<extraction::ExtractIter>()?;
    m.add_function(wrap_pyfunction!(graphs::nquads, m)?)?;
    m.add_function(wrap_pyfunction!(graphs::network, m)?)?;
    m.add_class::<store::Store>()?;
    Ok(())
}
