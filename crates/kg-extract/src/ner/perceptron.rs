//! Linear models over hashed features: the averaged perceptron that trains them and
//! the compact file format they are shipped in.
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
        Some(quantised(first.labels.clone(), first.bits, &weights, &transitions))
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

/// An averaged perceptron in training: current weights plus the running sums that
/// give the averaged weights at the end (updated lazily, per weight).
#[derive(Debug)]
pub struct Trainer {
    labels: Vec<String>,
    bits: u32,
    weights: Vec<f32>,
    sums: Vec<f64>,
    stamps: Vec<u32>,
    transitions: Vec<f32>,
    transition_sums: Vec<f64>,
    transition_stamps: Vec<u32>,
    clock: u32,
}

impl Trainer {
    /// A zero model with `2^bits` buckets; `with_transitions` adds the transition table.
    pub fn new(labels: Vec<String>, bits: u32, with_transitions: bool) -> Trainer {
        let n = labels.len();
        let size = n << bits;
        let t = if with_transitions { (n + 1) * n } else { 0 };
        Trainer {
            labels,
            bits,
            weights: vec![0.0; size],
            sums: vec![0.0; size],
            stamps: vec![0; size],
            transitions: vec![0.0; t],
            transition_sums: vec![0.0; t],
            transition_stamps: vec![0; t],
            clock: 1,
        }
    }

    /// Counts one training example (the averaging clock).
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    fn row(&self, feature: u64) -> usize {
        (feature & ((1u64 << self.bits) - 1)) as usize * self.labels.len()
    }

    /// Adds the current weights of every feature to `out`.
    pub fn add_scores(&self, features: &[u64], out: &mut [f32]) {
        let n = self.labels.len();
        for &f in features {
            let row = self.row(f);
            for (o, &w) in out.iter_mut().zip(&self.weights[row..row + n]) {
                *o += w;
            }
        }
    }

    /// The current transition weight from `prev` (or the start) to `next`.
    pub fn transition(&self, prev: Option<usize>, next: usize) -> f32 {
        let n = self.labels.len();
        self.transitions.get(prev.unwrap_or(n) * n + next).copied().unwrap_or(0.0)
    }

    /// Adds `delta` to the weight of `label` for every feature.
    pub fn update(&mut self, features: &[u64], label: usize, delta: f32) {
        for &f in features {
            let i = self.row(f) + label;
            self.sums[i] += (self.clock - self.stamps[i]) as f64 * self.weights[i] as f64;
            self.stamps[i] = self.clock;
            self.weights[i] += delta;
        }
    }

    /// Adds `delta` to the transition weight from `prev` (or the start) to `next`.
    pub fn update_transition(&mut self, prev: Option<usize>, next: usize, delta: f32) {
        let n = self.labels.len();
        let clock = self.clock;
        let i = prev.unwrap_or(n) * n + next;
        if let Some(t) = self.transitions.get_mut(i) {
            self.transition_sums[i] += (clock - self.transition_stamps[i]) as f64 * *t as f64;
            self.transition_stamps[i] = clock;
            *t += delta;
        }
    }

    /// The averaged weights, quantised to 16 bits.
    pub fn finish(self) -> LinearModel {
        let clock = self.clock;
        let average = |w: &[f32], sums: &[f64], stamps: &[u32]| -> Vec<f64> {
            w.iter().zip(sums).zip(stamps).map(|((&w, &s), &t)| (s + (clock - t) as f64 * w as f64) / clock as f64).collect()
        };
        let weights = average(&self.weights, &self.sums, &self.stamps);
        let transitions = average(&self.transitions, &self.transition_sums, &self.transition_stamps);
        quantised(self.labels.clone(), self.bits, &weights, &transitions)
    }
}

/// A model from real-valued weights, scaled so the largest fits 16 bits.
fn quantised(labels: Vec<String>, bits: u32, weights: &[f64], transitions: &[f64]) -> LinearModel {
    let max = weights.iter().chain(transitions).fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / i16::MAX as f64 } else { 1.0 };
    let quantise = |v: &[f64]| v.iter().map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16).collect::<Vec<_>>();
    LinearModel { labels, bits, weights: quantise(weights), transitions: quantise(transitions), scale: scale as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let labels = vec!["A".to_string(), "B".to_string()];
        let mut t = Trainer::new(labels, 4, true);
        let data = [(vec![0u64, 1, 2], 0usize), (vec![0u64, 3, 4], 1usize)];
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0.0f32; 2];
                t.add_scores(f, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                if guess != *gold {
                    t.update(f, *gold, 1.0);
                    t.update(f, guess, -1.0);
                    t.update_transition(None, *gold, 1.0);
                }
                t.tick();
            }
        }
        let model = t.finish();
        let back = LinearModel::from_bytes(&model.to_bytes()).expect("round trip");
        for (f, gold) in &data {
            let mut s = [0i32; 2];
            back.add_scores(f, &mut s);
            assert!(s[*gold] > s[1 - gold], "{s:?} for {gold}");
        }
        assert!(back.transition(None, 0) > 0);
        assert_eq!(back.labels(), ["A", "B"]);
    }

    #[test]
    fn the_mean_of_models_averages_their_weights() {
        let labels = vec!["A".to_string(), "B".to_string()];
        let trained = |delta: f32| {
            let mut t = Trainer::new(labels.clone(), 2, true);
            t.update(&[1], 0, delta);
            t.update_transition(None, 1, delta);
            t.tick();
            t.finish()
        };
        let (one, three) = (trained(1.0), trained(3.0));
        let mean = LinearModel::mean(&[one.clone(), three]).expect("same shape");
        let score = |m: &LinearModel| {
            let mut s = [0i32; 2];
            m.add_scores(&[1], &mut s);
            s[0] as f32 * m.scale()
        };
        assert!((score(&mean) - 2.0 * score(&one)).abs() < 0.01, "{} vs {}", score(&mean), score(&one));
        assert!(LinearModel::mean(&[one, Trainer::new(labels, 3, true).finish()]).is_none(), "sizes differ");
        assert!(LinearModel::mean(&[]).is_none());
    }

    #[test]
    fn rejects_bad_files_with_a_reason() {
        assert!(LinearModel::from_bytes(b"nope").unwrap_err().0.contains("magic"));
        let model = Trainer::new(vec!["A".into()], 2, false).finish();
        let bytes = model.to_bytes();
        assert!(LinearModel::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err().0.contains("truncated"));
    }
}
