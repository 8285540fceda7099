//! CoNLL-style tagged text: reading it (CoNLL-2003's `word POS chunk NER` columns,
//! or Universal NER's `id word tag …` columns), turning BIO tags into spans, and
//! exact-span precision, recall and F1 as the CoNLL evaluation script counts them.

use std::collections::BTreeMap;
use std::fmt;

/// One sentence of tagged text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedSentence {
    /// The words.
    pub words: Vec<String>,
    /// Part-of-speech tags (empty when the file has none).
    pub pos: Vec<String>,
    /// Entity tags in IOB2 (`B-PER`, `I-PER`, `O`).
    pub ner: Vec<String>,
}

/// One document (article) of tagged text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedDocument {
    /// Its sentences in order.
    pub sentences: Vec<TaggedSentence>,
}

/// A line of a CoNLL file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConllError {}

/// Reads tagged text: blank lines end sentences; `-DOCSTART-` and `# newdoc` lines start
/// documents; other `#` lines are comments. Tags in IOB1 are converted to IOB2.
pub fn parse(text: &str) -> Result<Vec<TaggedDocument>, ConllError> {
    let mut docs = vec![TaggedDocument::default()];
    let mut sentence = TaggedSentence::default();
    let flush = |docs: &mut Vec<TaggedDocument>, sentence: &mut TaggedSentence| {
        if !sentence.words.is_empty() {
            sentence.ner = to_iob2(&sentence.ner);
            docs.last_mut().expect("a document").sentences.push(std::mem::take(sentence));
        }
    };
    for (k, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        if line.starts_with("-DOCSTART-") || line.starts_with("# newdoc") {
            flush(&mut docs, &mut sentence);
            if !docs.last().is_some_and(|d| d.sentences.is_empty()) {
                docs.push(TaggedDocument::default());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let tabbed = line.contains('\t');
        let cols: Vec<&str> = if tabbed { line.split('\t').collect() } else { line.split_whitespace().collect() };
        // Universal NER and CoNLL-U number their words and separate columns by tabs.
        let numbered = tabbed && cols.len() >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit());
        let (word, pos, tag) = match cols.len() {
            _ if numbered => (cols[1], None, cols[2]),
            2 => (cols[0], None, cols[1]),
            n if n >= 4 => (cols[0], Some(cols[1]), cols[n - 1]),
            n => {
                return Err(ConllError {
                    line: k + 1,
                    message: format!("{n} columns; expected `word tag`, `word POS chunk NER` or `id word tag …`"),
                })
            }
        };
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(ConllError { line: k + 1, message: format!("entity tag {tag:?} is not O, B-TYPE or I-TYPE") });
        }
        sentence.words.push(word.to_string());
        if let Some(p) = pos {
            sentence.pos.push(p.to_string());
        }
        sentence.ner.push(tag.to_string());
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// IOB1 or IOB2 tags to IOB2: an `I-` that does not continue an entity of its type begins one.
pub fn to_iob2(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        if let Some(t) = tag.strip_prefix("I-") {
            let continues = i > 0 && out[i - 1].len() > 2 && &out[i - 1][2..] == t;
            if !continues {
                out.push(format!("B-{t}"));
                continue;
            }
        }
        out.push(tag.clone());
    }
    out
}

/// An entity span over word indices, end exclusive, with its type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TagSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type (`PER`, `ORG`, …).
    pub kind: String,
}

/// The entity spans of IOB2 tags.
pub fn spans<S: AsRef<str>>(tags: &[S]) -> Vec<TagSpan> {
    let mut out: Vec<TagSpan> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        if let Some(t) = tag.strip_prefix("B-") {
            out.push(TagSpan { start: i, end: i + 1, kind: t.to_string() });
        } else if let Some(t) = tag.strip_prefix("I-") {
            match out.last_mut() {
                Some(last) if last.end == i && last.kind == t => last.end = i + 1,
                _ => out.push(TagSpan { start: i, end: i + 1, kind: t.to_string() }),
            }
        }
    }
    out
}

/// Exact-span counts per entity type.
#[derive(Debug, Clone, Default)]
pub struct SpanScores {
    counts: BTreeMap<String, [usize; 3]>,
}

/// Precision, recall and F1 from true positives, false positives and false negatives.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

impl SpanScores {
    /// Counts one sentence: spans are true positives when start, end and type all match.
    pub fn add(&mut self, gold: &[TagSpan], predicted: &[TagSpan]) {
        for p in predicted {
            self.record(&p.kind, if gold.contains(p) { 0 } else { 1 });
        }
        for g in gold.iter().filter(|g| !predicted.contains(g)) {
            self.record(&g.kind, 2);
        }
    }

    /// Precision, recall and F1 of one type.
    pub fn of(&self, kind: &str) -> (f64, f64, f64) {
        let [tp, fp, fn_] = self.counts(kind);
        prf(tp, fp, fn_)
    }

    /// Counts one outcome of a type: slot 0 a true positive, 1 a false positive, 2 a false negative.
    pub fn record(&mut self, kind: &str, slot: usize) {
        self.counts.entry(kind.to_string()).or_default()[slot] += 1;
    }

    /// The counts `[tp, fp, fn]` of one type.
    pub fn counts(&self, kind: &str) -> [usize; 3] {
        self.counts.get(kind).copied().unwrap_or_default()
    }

    /// Micro precision, recall and F1 over `kinds`.
    pub fn micro(&self, kinds: &[&str]) -> (f64, f64, f64) {
        let [tp, fp, fn_] = kinds.iter().map(|k| self.counts(k)).fold([0; 3], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2]]);
        prf(tp, fp, fn_)
    }

    /// Precision, recall and F1 over all types.
    pub fn overall(&self) -> (f64, f64, f64) {
        let kinds: Vec<&str> = self.counts.keys().map(String::as_str).collect();
        self.micro(&kinds)
    }

    /// The types seen, in order, with their counts `[tp, fp, fn]`.
    pub fn kinds(&self) -> impl Iterator<Item = (&str, [usize; 3])> {
        self.counts.iter().map(|(k, c)| (k.as_str(), *c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conll2003_and_uner_columns() {
        let conll = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n15 CD I-NP O\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let docs = parse(conll).unwrap();
        assert_eq!(docs.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.ner, ["B-ORG", "O", "O", "B-MISC", "B-PER", "I-PER"]);
        assert_eq!((s.words[1].as_str(), s.pos[2].as_str()), ("15", "VBZ"));
        assert_eq!(spans(&s.ner).len(), 3);
        let uner = "# newdoc id = a\n# text = In Argentina\n1\tIn\tO\t-\t-\n2\tArgentina\tB-LOC\t-\tx\n";
        let docs = parse(uner).unwrap();
        assert_eq!(docs[0].sentences[0].words, ["In", "Argentina"]);
        assert_eq!(spans(&docs[0].sentences[0].ner), [TagSpan { start: 1, end: 2, kind: "LOC".into() }]);
    }

    #[test]
    fn names_the_bad_line() {
        let err = parse("a O\nb\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse("a X-PER\n").unwrap_err().message.contains("X-PER"));
    }

    #[test]
    fn iob1_runs_of_two_entities_split_at_b() {
        let tags: Vec<String> = ["I-PER", "B-PER", "I-PER", "O", "I-LOC"].iter().map(|s| s.to_string()).collect();
        assert_eq!(to_iob2(&tags), ["B-PER", "B-PER", "I-PER", "O", "B-LOC"]);
    }

    #[test]
    fn scores_exact_spans() {
        let gold = spans(&["B-PER", "I-PER", "O", "B-LOC"]);
        let pred = spans(&["B-PER", "O", "O", "B-LOC"]);
        let mut s = SpanScores::default();
        s.add(&gold, &pred);
        assert_eq!(s.of("LOC"), (1.0, 1.0, 1.0));
        let (p, r, _) = s.overall();
        assert_eq!((p, r), (0.5, 0.5));
    }
}
