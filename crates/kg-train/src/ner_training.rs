//! Training the named-entity recogniser: a structured (Collins) averaged perceptron over
//! the features of `kg_extract::ner`, one model per shuffle seed (two trained at a time),
//! shipped as their mean (parameter mixing).

use kg_extract::hashing::HashMap64;
use kg_extract::ner::perceptron::LinearModel;
use kg_extract::ner::{bilou, DocumentView, Resources, TrainingScorer, LABELS};

use crate::conll::TaggedDocument;
use crate::perceptron::Trainer;

impl TrainingScorer for Trainer {
    fn add_scores(&self, features: &[u64], out: &mut [f32]) {
        Trainer::add_scores(self, features, out);
    }

    fn transition(&self, prev: Option<usize>, next: usize) -> f32 {
        Trainer::transition(self, prev, next)
    }
}

/// Settings of NER training.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training documents.
    pub epochs: usize,
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Seeds of the document shuffle, one model each; the result is their mean
    /// (training is deterministic for the same seeds).
    pub seeds: Vec<u64>,
}

/// A deterministic shuffle (xorshift64*), so that training gives the same weights every run.
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed >> 12;
        *seed ^= *seed << 25;
        *seed ^= *seed >> 27;
        let r = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Trains one model per shuffle seed on `docs` (two at a time) and returns their mean
/// (parameter mixing: it generalises better than any one of them, at the same size).
pub fn train(docs: &[TaggedDocument], resources: &Resources, options: &TrainOptions) -> LinearModel {
    let prepared: Vec<(DocumentView, Vec<Vec<usize>>)> = docs
        .iter()
        .map(|d| {
            let words: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
            let gold = d.sentences.iter().map(|s| bilou(&s.ner)).collect();
            (DocumentView::new(&words, resources), gold)
        })
        .collect();
    let mut models = Vec::with_capacity(options.seeds.len());
    for pair in options.seeds.chunks(2) {
        std::thread::scope(|scope| {
            let prepared = &prepared;
            let jobs: Vec<_> = pair.iter().map(|&seed| scope.spawn(move || train_one(prepared, options, seed))).collect();
            models.extend(jobs.into_iter().map(|job| job.join().expect("a NER training thread panicked")));
        });
    }
    LinearModel::mean(&models).unwrap_or_else(|| Trainer::new(LABELS.iter().map(|s| s.to_string()).collect(), options.bits, true).finish())
}

/// One averaged perceptron over the prepared documents, read in the order of `seed`'s shuffles.
fn train_one(prepared: &[(DocumentView, Vec<Vec<usize>>)], options: &TrainOptions, seed: u64) -> LinearModel {
    let labels: Vec<String> = LABELS.iter().map(|s| s.to_string()).collect();
    let mut trainer = Trainer::new(labels, options.bits, true);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed = seed.max(1);
    let mut features = Vec::new();
    for _ in 0..options.epochs {
        shuffle(&mut order, &mut seed);
        for &d in &order {
            let (view, gold) = &prepared[d];
            let mut history = HashMap64::default();
            for (s, gold) in gold.iter().enumerate() {
                let guess = view.decode_for_training(s, &history, &trainer, &mut features);
                if guess != *gold {
                    for i in 0..gold.len() {
                        if guess[i] != gold[i] {
                            trainer.update(&features[i], gold[i], 1.0);
                            trainer.update(&features[i], guess[i], -1.0);
                        }
                        let prev = |l: &[usize]| if i == 0 { None } else { Some(l[i - 1]) };
                        if (prev(gold), gold[i]) != (prev(&guess), guess[i]) {
                            trainer.update_transition(prev(gold), gold[i], 1.0);
                            trainer.update_transition(prev(&guess), guess[i], -1.0);
                        }
                    }
                }
                trainer.tick();
                view.remember(s, &guess, &mut history);
            }
        }
    }
    trainer.finish()
}

#[cfg(test)]
mod tests {
    use kg_extract::ner::{iob2, label_spans, N};

    use crate::conll::spans;

    #[test]
    fn label_spans_read_labels_as_their_iob2_forms_do() {
        let mut seed = 7u64;
        for _ in 0..2000 {
            let labels: Vec<usize> = (0..12)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 33) as usize % N
                })
                .collect();
            let names: Vec<String> = labels.iter().map(|&l| iob2(l)).collect();
            let expected: Vec<(usize, usize, String)> = spans(&names).into_iter().map(|s| (s.start, s.end, s.kind)).collect();
            let got: Vec<(usize, usize, String)> = label_spans(&labels).into_iter().map(|(a, b, t)| (a, b, t.to_string())).collect();
            assert_eq!(got, expected, "{labels:?}");
        }
    }
}
