//! Linear models over hashed features and the compact file format they are shipped in
//! (the averaged perceptron that trains them is `kg_train::perceptron`).
//!
//! A model has `2^bits` feature buckets, each holding one weight per label, plus an
//! optional label-to-label transition table (for Viterbi decoding; the last row is the
//! sentence start). Shipped weights are 16-bit integers with one scale factor: a
//! model of 2^20 buckets and 9 labels takes 18 MB and loads in a few milliseconds.

use std::fmt;

const MAGIC: &[u8; 4] = b"KGLM";
const VERSION: u32 = 1;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A hint to load the cache line holding `value`; nothing on other processors.
#[inline(always)]
pub(crate) fn prefetch_line<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults and changes no memory; the SSE
    // instruction it needs is part of the x86-64 baseline, and the pointer comes from a reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// A trained linear model with 16-bit weights.
#[derive(Debug, Clone)]
pub struct LinearModel {
    labels: Vec<String>,
    bits: u32,
    weights: Vec<i16>,
    transitions: Vec<i16>,
    scale: f32,
}

impl LinearModel {
    /// The mean of models of the same labels and size (trained on other orders of the
    /// same data, say), quantised again; `None` when they differ in shape or none is given.
    pub fn mean(models: &[LinearModel]) -> Option<LinearModel> {
        let first = models.first()?;
        if models.iter().any(|m| m.labels != first.labels || m.bits != first.bits || m.transitions.len() != first.transitions.len()) {
            return None;
        }
        let n = models.len() as f64;
        let sum = |pick: fn(&LinearModel) -> &[i16]| -> Vec<f64> {
            let mut out = vec![0.0f64; pick(first).len()];
            for m in models {
                for (o, &w) in out.iter_mut().zip(pick(m)) {
                    *o += w as f64 * m.scale as f64 / n;
                }
            }
            out
        };
        let weights = sum(|m| &m.weights);
        let transitions = sum(|m| &m.transitions);
        Some(quantised_weights(first.labels.clone(), first.bits, &weights, &transitions))
    }

    /// A model of `2^bits` buckets from real-valued weights (one per bucket and label, then
    /// the transition table), scaled so that the largest fits 16 bits: what training ends with.
    pub fn quantised(labels: Vec<String>, bits: u32, weights: &[f64], transitions: &[f64]) -> LinearModel {
        quantised_weights(labels, bits, weights, transitions)
    }

    /// The label names, in index order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The number of labels.
    pub fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Adds the weights of every feature to `out` (one integer score per label).
    #[inline]
    pub fn add_scores(&self, features: &[u64], out: &mut [i32]) {
        let n = self.labels.len();
        let mask = (1u64 << self.bits) - 1;
        for &f in features {
            let row = (f & mask) as usize * n;
            for (o, &w) in out.iter_mut().zip(&self.weights[row..row + n]) {
                *o += w as i32;
            }
        }
    }

    /// Asks the processor to fetch the weight rows of `features` into the cache, so that a
    /// later [`add_scores`](Self::add_scores) does not wait for memory: the weight table is
    /// far larger than the cache, and every feature is a random access into it.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        let n = self.labels.len();
        let mask = (1u64 << self.bits) - 1;
        for &f in features {
            let row = (f & mask) as usize * n;
            if let Some(w) = self.weights.get(row) {
                prefetch_line(w);
            }
        }
    }

    /// The transition score from label `prev` (or the sentence start, `None`) to `next`.
    #[inline]
    pub fn transition(&self, prev: Option<usize>, next: usize) -> i32 {
        let n = self.labels.len();
        let row = prev.unwrap_or(n);
        self.transitions.get(row * n + next).map_or(0, |&w| w as i32)
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + 2 * (self.weights.len() + self.transitions.len()));
        out.extend_from_slice(MAGIC);
        for v in [VERSION, self.labels.len() as u32, self.bits, self.transitions.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        for l in &self.labels {
            out.extend_from_slice(&(l.len() as u16).to_le_bytes());
            out.extend_from_slice(l.as_bytes());
        }
        for w in self.weights.iter().chain(&self.transitions) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model written by [`LinearModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<LinearModel, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("not a kg linear model (bad magic number)".into()));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError(format!("format version {version}, expected {VERSION}")));
        }
        let (n_labels, bits, n_transitions) = (r.u32()? as usize, r.u32()?, r.u32()? as usize);
        if n_labels == 0 || n_labels > 1024 || bits > 26 {
            return Err(ModelError(format!("implausible shape: {n_labels} labels, {bits} bits")));
        }
        if n_transitions != 0 && n_transitions != (n_labels + 1) * n_labels {
            return Err(ModelError(format!("{n_transitions} transition weights for {n_labels} labels")));
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| ModelError("truncated".into()))?);
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = u16::from_le_bytes([r.byte()?, r.byte()?]) as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("label is not UTF-8".into()))?;
            labels.push(name.to_string());
        }
        let n_weights = n_labels << bits;
        let body = r.take(2 * (n_weights + n_transitions))?;
        if r.at != bytes.len() {
            return Err(ModelError(format!("{} bytes after the weights", bytes.len() - r.at)));
        }
        let mut all: Vec<i16> = body.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        let transitions = all.split_off(n_weights);
        Ok(LinearModel { labels, bits, weights: all, transitions, scale })
    }

    /// The factor from integer scores to the trained (floating-point) scale.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| ModelError("truncated".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// A model from real-valued weights, scaled so the largest fits 16 bits.
fn quantised_weights(labels: Vec<String>, bits: u32, weights: &[f64], transitions: &[f64]) -> LinearModel {
    let max = weights.iter().chain(transitions).fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / i16::MAX as f64 } else { 1.0 };
    let quantise = |v: &[f64]| v.iter().map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16).collect::<Vec<_>>();
    LinearModel { labels, bits, weights: quantise(weights), transitions: quantise(transitions), scale: scale as f32 }
}
