//! The averaged perceptron that trains the taggers' linear models
//! (`kg_extract::ner::perceptron::LinearModel`, the shipped format).

use kg_extract::ner::perceptron::LinearModel;

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
        LinearModel::quantised(self.labels.clone(), self.bits, &weights, &transitions)
    }
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
