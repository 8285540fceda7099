//! The view of a sentence that relation rules work on: arguments (entity mentions
//! and resolved pronouns) in token order, clause boundaries, modality and negation.

use crate::lexicon::Lexicon;
pub use crate::mentions::anaphora::{Arg, Discourse};
use crate::mentions::{title_at, Mention, TextView};
use crate::text::sentences::Sentence;
use crate::words::WORDS;
use kg_model::EntityType;

/// How an event is stated when it is not stated as a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// "did not", "refrained from", "denies".
    Negated,
    /// "would", "could", "may", "plans to", "if".
    Hypothetical,
    /// "worried about China providing weapons".
    Feared,
}

impl Modality {
    /// The name used in JSON and in the graph.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Feared => "feared",
        }
    }
}

/// A document's mentions and the indices of those starting in one sentence.
pub struct SentenceMentions<'m> {
    /// All the document's mentions.
    pub all: &'m [Mention],
    /// Indices of the sentence's mentions, in mention order.
    pub ids: Vec<usize>,
}

/// The indices of the mentions starting in each sentence, in mention order: one pass
/// over the mentions, so a long document with many sentences stays linear.
pub fn mentions_by_sentence(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); sentences.len()];
    for (mi, m) in mentions.iter().enumerate() {
        let si = sentences.partition_point(|s| s.last <= m.first);
        if sentences.get(si).is_some_and(|s| s.first <= m.first) {
            out[si].push(mi);
        }
    }
    out
}

/// One sentence prepared for relation rules.
pub struct SentenceView<'a> {
    /// The document.
    pub view: &'a TextView<'a>,
    /// The sentence.
    pub sentence: Sentence,
    /// Arguments in token order.
    pub args: Vec<Arg>,
    /// Indices of the document's mentions that start in this sentence, in mention order.
    pub mentions: Vec<usize>,
}

impl<'a> SentenceView<'a> {
    /// Collects the arguments of a sentence from the document's mentions; `in_sentence`
    /// lists the indices of those starting in it (see [`mentions_by_sentence`]).
    pub fn new(
        lex: &Lexicon,
        view: &'a TextView<'a>,
        sentence: Sentence,
        mentions: SentenceMentions<'_>,
        of_mention: &[Option<usize>],
        types: &[EntityType],
        discourse: &mut Discourse,
    ) -> Self {
        let mut args: Vec<Arg> = Vec::new();
        let in_sentence: Vec<(usize, &Mention)> =
            mentions.ids.iter().map(|&mi| (mi, &mentions.all[mi])).filter(|(_, m)| !m.embedded).collect();
        let mut k = 0;
        for i in sentence.first..sentence.last {
            while k < in_sentence.len() && in_sentence[k].1.first == i {
                let (mi, m) = in_sentence[k];
                if let Some(e) = of_mention[mi] {
                    args.push(Arg {
                        entity: e,
                        entity_type: types[e],
                        first: m.first,
                        last: m.last,
                        possessive: m.possessive,
                        adjectival: m.adjectival,
                        modifier: false,
                        pronoun: false,
                        np_first: m.title.as_ref().map_or(m.first, |t| t.2),
                    });
                    discourse.named(lex, view, m, e, types[e], sentence.first);
                }
                k += 1;
            }
            if let Some(pronoun) = discourse.person_pronoun(view, i, &args) {
                args.push(pronoun);
            }
        }
        discourse.resolve_references(lex, view, sentence, types, &mut args);
        args.sort_by_key(|a| (a.first, a.last));
        let mut sv = SentenceView { view, sentence, args, mentions: mentions.ids };
        sv.mark_modifiers(lex);
        sv
    }

    fn mark_modifiers(&mut self, lex: &Lexicon) {
        for idx in 0..self.args.len() {
            let a = self.args[idx];
            let mut j = a.last;
            if self.word(j) == "'s" {
                j += 1;
            }
            // Directly followed by another name: "Ukraine's Volodymyr Zelenskiy".
            let next_arg = self.args.iter().any(|b| b.first == j && !b.pronoun && b.entity_type == EntityType::Person);
            // Followed by a title and then a person: "Chinese President Xi", "Russia's foreign ministry spokeswoman Maria Zakharova".
            let mut titled = false;
            if let Some((n, _)) = title_at(lex, self.view, j, self.sentence.last) {
                titled = self.args.iter().any(|b| b.first == j + n && b.entity_type == EntityType::Person)
                    || self.args.iter().any(|b| b.first == j && b.entity_type == EntityType::Person);
            }
            // The person's own title inside the same capitalised name.
            if !titled {
                titled = self.args.iter().any(|b| {
                    b.entity_type == EntityType::Person
                        && b.first > j
                        && b.first <= j + 4
                        && (j..b.first).all(|k| self.view.tokens[k].is_capitalized())
                        && title_at(lex, self.view, j, b.first).is_some()
                });
            }
            self.args[idx].modifier = next_arg || titled;
        }
        // A modifier extends the noun phrase of the name it modifies.
        for idx in 0..self.args.len() {
            let a = self.args[idx];
            if a.modifier {
                let mut j = a.last;
                if self.word(j) == "'s" {
                    j += 1;
                }
                if let Some(h) = self
                    .args
                    .iter()
                    .position(|b| b.first > a.first && b.np_first >= j && b.np_first <= j + 4 && b.entity_type == EntityType::Person)
                {
                    self.args[h].np_first = self.args[h].np_first.min(a.first);
                }
            }
        }
    }

    /// The lower-case word at token `i` (empty outside the text).
    pub fn word(&self, i: usize) -> &str {
        self.view.token_lower(i)
    }

    /// Whether token `i` is a word in lower case (false outside the text).
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.view.tokens.get(i).is_some_and(|t| t.is_lower_word())
    }

    /// The argument starting at token `i`.
    pub fn arg_starting(&self, i: usize) -> Option<Arg> {
        self.args.iter().find(|a| a.first == i).copied()
    }

    /// The argument ending just before token `i`.
    pub fn arg_ending(&self, i: usize) -> Option<Arg> {
        self.args.iter().rev().find(|a| a.last == i).copied()
    }

    /// True when token `i` closes or opens a clause.
    pub fn is_boundary(&self, i: usize) -> bool {
        let w = self.word(i);
        WORDS.clause_words.contains(w) || matches!(w, ";" | ":" | "\"" | "(" | ")" | "-")
    }

    /// The first token of the clause that contains token `i`.
    pub fn clause_start(&self, i: usize) -> usize {
        let mut k = i;
        while k > self.sentence.first {
            // Jump over an appositive or relative phrase closed by this comma:
            // "Stubb, who visited Sweden last month, praised Norway".
            if self.word(k - 1) == "," {
                if let Some(open) = self.appositive_open(self.sentence.first, k - 1) {
                    k = open;
                    continue;
                }
            }
            if self.is_boundary(k - 1) {
                return k;
            }
            k -= 1;
        }
        self.sentence.first
    }

    /// How the event at tokens `[c, end)` is stated when it is not stated as a fact:
    /// negated, hypothetical (modal, future, planned) or feared.
    pub fn modality(&self, c: usize, end: usize, future_ok: bool) -> Option<Modality> {
        let clause = self.clause_start(c);
        // "If Canada sanctions Iran, …": a condition.
        if clause > self.sentence.first && matches!(self.word(clause - 1), "if" | "unless" | "whether") {
            return Some(Modality::Hypothetical);
        }
        let start = clause.max(c.saturating_sub(6));
        for k in start..c {
            let w = self.word(k);
            if WORDS.negations.contains(w) {
                return Some(Modality::Negated);
            }
            if WORDS.modals.contains(w) && !(future_ok && w == "would") || !future_ok && WORDS.future_words.contains(w) {
                return Some(Modality::Hypothetical);
            }
        }
        if c > self.sentence.first {
            let prev = self.word(c - 1);
            if prev == "from" {
                return Some(Modality::Negated); // "refrained from denouncing", "held back from supporting"
            }
            if prev == "to" && c >= 2 && WORDS.hypothetical_verbs.contains(self.word(c - 2)) {
                return Some(Modality::Hypothetical);
            }
        }
        // "worried about China providing weapons": the whole clause is a fear.
        let sentence_start = self.sentence.first;
        for k in c.saturating_sub(8).max(sentence_start)..c {
            if WORDS.worry_words.contains(self.word(k)) {
                return Some(Modality::Feared);
            }
        }
        // "offers no concrete path".
        matches!(self.word(end), "no" | "nothing" | "not").then_some(Modality::Negated)
    }

    /// True when the verb at `c` is passive ("was sanctioned", "welcomed by").
    pub fn is_passive(&self, c: usize) -> bool {
        let before = |k: usize| c >= k && c - k >= self.sentence.first && WORDS.be_forms.contains(self.word(c - k));
        before(1) || (before(2) && self.word(c - 1).ends_with("ly"))
    }

    /// A usable subject of the verb at token `c`: the nearest argument to its left in
    /// the same clause that is not a modifier, a possessive or a prepositional object,
    /// skipping appositives ("Xi, the most powerful world leader ..., made").
    pub fn subject_before(&self, c: usize, gerund: bool) -> Option<Arg> {
        let clause = self.clause_start(c);
        // "Sun summoned Japan's ambassador, Hideo Tarumi, and accused Japan": a verb
        // coordinated with an earlier one shares its subject, not its object.
        let and_before = |k: usize| k > clause && self.word(k - 1) == "and";
        if and_before(c) || (c > clause + 1 && matches!(self.word(c - 1), "also" | "then" | "later") && and_before(c - 1)) {
            let k = if self.word(c - 1) == "and" { c - 1 } else { c - 2 };
            // Only when a verb came before ("X met Y and criticized Z"), not a name ("X and Y met").
            if self.arg_ending(k).is_none() && (clause..k).any(|j| self.arg_ending(j).is_some()) {
                return self.first_subject(clause, k);
            }
        }
        let mut k = c;
        while k > clause {
            k -= 1;
            let w = self.word(k);
            if w == "," {
                if let Some(open) = self.appositive_open(clause, k) {
                    k = open;
                    continue;
                }
                if gerund {
                    // A participial clause takes the main clause's subject: the first one.
                    return self.first_subject(clause, k);
                }
                continue;
            }
            if let Some(a) = self.arg_ending(k + 1).filter(|a| !(a.pronoun && a.possessive && a.first == k)) {
                if self.usable_subject(&a, c) {
                    return Some(a);
                }
                k = a.first;
                continue;
            }
            // A noun phrase that names no entity is the subject ("the planes would fly",
            // "withdraw its troops").
            // One that follows "of", "at" or "from" qualifies the name before it ("Ann Ode of the
            // county assembly said"): the subject is further back.
            let qualifies = k > clause && matches!(self.word(k - 1), "of" | "at" | "from");
            if WORDS.determiners.contains(w) && !self.word(k + 1).is_empty() && self.arg_starting(k + 1).is_none() && !qualifies {
                return None;
            }
        }
        // A relative clause takes its antecedent: "Stubb, who visited Sweden".
        if clause > self.sentence.first && matches!(self.word(clause - 1), "who" | "which" | "that") {
            let mut j = clause - 1;
            if j > self.sentence.first && self.word(j - 1) == "," {
                j -= 1;
            }
            return self.arg_ending(j).filter(|a| !a.possessive);
        }
        None
    }

    fn usable_subject(&self, a: &Arg, verb: usize) -> bool {
        if a.modifier || a.possessive {
            return false;
        }
        let prep = a.first > self.sentence.first && WORDS.prepositions.contains(self.word(a.first - 1));
        !prep || a.last == verb
    }

    pub(crate) fn first_subject(&self, from: usize, to: usize) -> Option<Arg> {
        // "In a statement on her Twitter account, Kessler …": a noun phrase after a preposition
        // the clause opens with holds no subject ("On Sunday Kessler, …" has one).
        let phrase = WORDS.prepositions.contains(self.word(from)) && WORDS.determiners.contains(self.word(from + 1));
        let from = if phrase { (from..to).find(|&k| self.word(k) == ",").map_or(from, |comma| comma + 1) } else { from };
        self.args.iter().find(|a| a.first >= from && a.last <= to && self.usable_subject(a, usize::MAX)).copied()
    }

    /// When the comma at `close` ends an appositive or relative phrase that began at an
    /// earlier comma, the index of that earlier comma.
    fn appositive_open(&self, clause: usize, close: usize) -> Option<usize> {
        let mut k = close;
        while k > clause {
            k -= 1;
            if self.word(k) == "," {
                let first = self.word(k + 1);
                let opens = matches!(
                    first,
                    "the"
                        | "a"
                        | "an"
                        | "another"
                        | "who"
                        | "which"
                        | "whose"
                        | "where"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "formerly"
                        | "former"
                        | "now"
                        | "once"
                ) || self.arg_starting(k + 1).is_some_and(|a| a.possessive)
                    || self.view.tokens.get(k + 1).is_some_and(|t| t.norm.chars().next().is_some_and(|ch| ch.is_ascii_digit()));
                return opens.then_some(k);
            }
        }
        None
    }

    /// Arguments coordinated with `head` to its left ("Britain, France and Germany").
    pub fn coordinated_before(&self, head: Arg) -> Vec<Arg> {
        let mut out = vec![head];
        let mut k = head.np_first;
        loop {
            if k > self.sentence.first && self.word(k - 1) == "the" {
                k -= 1;
            }
            if k <= self.sentence.first {
                break;
            }
            let w = self.word(k - 1);
            if w != "and" && w != "," {
                break;
            }
            let mut j = k - 1;
            if w == "," && j > self.sentence.first && self.word(j - 1) == "and" {
                j -= 1;
            }
            match self.arg_ending(j) {
                Some(a) if !a.modifier && !a.possessive && (w == "and" || a.entity_type == head.entity_type) => {
                    out.insert(0, a);
                    k = a.np_first;
                }
                _ => break,
            }
        }
        out
    }

    /// Arguments coordinated with `head` to its right.
    pub fn coordinated_after(&self, head: Arg, limit: usize) -> Vec<Arg> {
        let mut out = vec![head];
        let mut k = head.last;
        while k < limit {
            let w = self.word(k);
            if w != "and" && w != "," && w != "or" {
                break;
            }
            let mut j = k + 1;
            if w == "," && self.word(j) == "and" {
                j += 1;
            }
            if self.word(j) == "the" {
                j += 1;
            }
            match self.arg_starting(j) {
                Some(a) if a.entity_type == head.entity_type || w == "and" => {
                    out.push(a);
                    k = a.last;
                }
                _ => break,
            }
        }
        out
    }

    /// The first argument after token `from` in the clause, preferring the one right
    /// after `preposition` when the cue names one.
    pub fn object_after(&self, from: usize, preposition: Option<&str>) -> Option<Arg> {
        let limit = (from + 14).min(self.sentence.last);
        let mut k = from;
        let mut first_any = None;
        while k < limit {
            let w = self.word(k);
            if k > from && (self.is_boundary(k) || w == ".") {
                break;
            }
            // ", and Germany provided …": a new clause.
            if w == "," && matches!(self.word(k + 1), "and" | "but" | "while" | "or") {
                break;
            }
            // "called on donor governments to …": the cue's preposition introduces a noun
            // phrase that names no entity, so there is no object.
            if preposition == Some(w) && k >= from {
                let next = if self.word(k + 1) == "the" { k + 2 } else { k + 1 };
                // "with its emir, Sheikh Tamim …", "with Iran's president, Hassan Rouhani": a
                // description in apposition to the name.
                let owner_end = self.arg_starting(next).filter(|a| a.possessive).map(|a| a.last + 1);
                let words_from = owner_end.unwrap_or(next);
                let appositive = (words_from..(words_from + 4).min(self.sentence.last))
                    .find(|&j| self.word(j) == ",")
                    .filter(|&j| j > words_from && (words_from..j).all(|x| self.is_lower_word(x)))
                    .and_then(|j| self.arg_starting(j + 1))
                    .filter(|a| owner_end.is_none() || a.entity_type == EntityType::Person);
                if self.arg_starting(next).is_none() && appositive.is_none() {
                    return None;
                }
                if let Some(a) = appositive.filter(|_| self.arg_starting(next).is_none() || owner_end.is_some()) {
                    return Some(a);
                }
            }
            // "sign accord to end Colombia's war": the object of another verb.
            if w == "to"
                && preposition != Some("to")
                && self.arg_starting(k + 1).is_none()
                && self.view.tokens.get(k + 1).is_some_and(|t| !t.is_capitalized())
                && !matches!(self.word(k + 1), "the" | "a" | "an" | "its" | "their" | "his" | "her")
            {
                break;
            }
            if let Some(mut a) = self.arg_starting(k) {
                // "with China's Sinopec": the name the possessive modifies.
                if let Some(head) = self.arg_starting(a.last + 1).filter(|h| a.possessive && !h.pronoun) {
                    a = head;
                }
                // "with the French shipbuilder Naval Group": the name the demonym describes.
                if a.adjectival {
                    let mut j = a.last;
                    while j < a.last + 3
                        && self.arg_starting(j).is_none()
                        && self.is_lower_word(j)
                        && !WORDS.prepositions.contains(self.word(j))
                        && !matches!(self.word(j), "and" | "or")
                    {
                        j += 1;
                    }
                    if let Some(head) = self.arg_starting(j).filter(|h| j > a.last && !h.pronoun) {
                        a = head;
                    }
                }
                if !a.modifier {
                    let prev = if k > 0 { self.word(k - 1) } else { "" };
                    let prev2 = if k > 1 { self.word(k - 2) } else { "" };
                    if let Some(p) = preposition {
                        if prev == p || (prev == "the" && prev2 == p) {
                            return Some(a);
                        }
                    }
                    let before = if prev == "the" { prev2 } else { prev };
                    let other_preposition = match preposition {
                        Some(p) => before != p && WORDS.prepositions.contains(before),
                        // A cue without its own preposition takes its party directly or after
                        // "with", "to", "from" … but never after "in", "between" ("talk by
                        // phone in first contact between the U.S. and Iran").
                        None => k > from && WORDS.adjunct_prepositions.contains(before),
                    };
                    // After an adjunct ("in first contact between the U.S. and Iranian
                    // leaders") no party of the event follows.
                    if preposition.is_none() && other_preposition {
                        break;
                    }
                    if first_any.is_none() && !other_preposition {
                        first_any = Some(a);
                    }
                }
                k = a.last;
                continue;
            }
            k += 1;
        }
        first_any
    }
}
