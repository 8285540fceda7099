//! Direct quotations and their speakers: attribution after the quote (`," Xi said`,
//! `," said Yu Jun`), before it (`Zakharova said: "…"`), split around it
//! (`"…," he said, "…"`), and colon-introduced (`gave his account on Twitter: "…"`); a
//! quotation may run over paragraphs (left open, reopened by a mark) and contain another.
//! Short scare quotes ("no limits") are not quotations; a short quotation that opens its
//! sentence and is attributed right after it is (`"Welcome to democracy," he told them`).

use super::clauses::{Arg, SentenceView};
use super::confidence;
use crate::lexicon::is_speech_verb;
use crate::mentions::TextView;
use crate::words::WORDS;
use kg_model::EntityType;

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Speaker entity.
    pub speaker: usize,
    /// The quoted words (parts of a split quote joined by a space).
    pub text: String,
    /// Start of the quotation in code points.
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
    /// Index of the sentence that carries the attribution.
    pub sentence: usize,
    /// Confidence.
    pub confidence: f64,
}

/// Nouns of what carries a speaker's words ("the ministry's statement said").
const MEDIA: &[&str] = &["website", "statement", "account", "post", "tweet", "letter", "release", "page", "blog"];

/// Quotations shorter than this many words are scare quotes.
const MIN_QUOTE_WORDS: usize = 5;

/// A quoted span in token indices: the opening and closing mark.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,
    close: usize,
}

fn quote_spans(view: &TextView) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in view.tokens.iter().enumerate() {
        if t.norm != "\"" {
            if t.paragraph_before {
                open = None;
            }
            continue;
        }
        let raw = view.chars[t.start];
        // A quotation running on into the next paragraph leaves the first one unclosed and
        // opens the next with a mark ("… goes on,¶“and this …”"): the same quotation.
        if t.paragraph_before && open.is_some() && !matches!(raw, '\u{201D}' | '\u{00BB}') {
            continue;
        }
        let opening = match raw {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => true,
            '\u{201D}' | '\u{00BB}' => false,
            _ => open.is_none(),
        };
        match (opening, open) {
            (true, _) => open = Some(i),
            (false, Some(o)) => {
                out.push(Span { open: o, close: i });
                open = None;
            }
            (false, None) => {}
        }
    }
    out
}

fn sentence_of(view: &TextView, token: usize) -> usize {
    view.sentences.iter().position(|s| s.first <= token && token < s.last).unwrap_or(0)
}

rule!(
    /// The rule: quotations and their speakers.
    Quotes,
    "quotations and their speakers",
    |cx, out| {
        out.quotes.extend(find_quotes(cx.view, cx.sentences));
    }
);

/// Finds the attributed quotations of a document. `sentence_views` gives, per sentence,
/// its arguments (entities and resolved pronouns).
pub fn find_quotes(view: &TextView, sentence_views: &[SentenceView]) -> Vec<Quote> {
    let spans = quote_spans(view);
    let mut out: Vec<Quote> = Vec::new();
    let mut used_as_continuation = vec![false; spans.len()];
    for (qi, q) in spans.iter().enumerate() {
        if used_as_continuation[qi] {
            continue;
        }
        let mut quoted = Quoted { text: quote_text(view, q), end: view.tokens[q.close].start, words: count_words(view, q), last: qi };
        let start = view.tokens[q.open].end;
        let close_sentence = sentence_of(view, q.close);
        let open_sentence = sentence_of(view, q.open);
        let mut found = after_quote(view, &sentence_views[close_sentence], q.close);
        if let Some((_, attribution_end, _)) = found {
            // A split quote: `"…," he said, "…"`.
            if let Some(next) = spans.get(qi + 1) {
                let gap_ok = next.open == attribution_end + 1 && view.word_is(attribution_end, ",") || next.open == attribution_end;
                if gap_ok && !view.tokens[next.open].paragraph_before {
                    quoted.append(view, &spans, qi + 1);
                    used_as_continuation[qi + 1] = true;
                }
            }
            // `"I was not expecting this", said X after the race. "But I felt …"`: a quotation
            // opening the next sentence of the paragraph, attributed to nobody else, goes on.
            let closing = spans[quoted.last].close;
            if let (Some(next), Some(following)) = (spans.get(quoted.last + 1), view.sentences.get(sentence_of(view, closing) + 1)) {
                let opens_it = next.open == following.first && !view.tokens[next.open].paragraph_before;
                if opens_it && after_quote(view, &sentence_views[sentence_of(view, next.close)], next.close).is_none() {
                    let next_i = quoted.last + 1;
                    quoted.append(view, &spans, next_i);
                    used_as_continuation[next_i] = true;
                }
            }
        }
        // A short quotation opening its sentence and attributed right after it is an
        // utterance (`"Welcome to democracy," he told them`), not a scare quote.
        let utterance = found.is_some() && q.open == view.sentences[open_sentence].first && quoted.words >= 2;
        if quoted.words < MIN_QUOTE_WORDS && !utterance {
            continue;
        }
        if found.is_none() {
            found = before_quote(view, &sentence_views[open_sentence], q.open).map(|(a, c)| (a, q.open, c));
        }
        if found.is_none() && open_sentence > 0 && q.open == view.sentences[open_sentence].first {
            found = previous_sentence_speaker(view, &sentence_views[open_sentence - 1], q.open).map(|(a, c)| (a, q.open, c));
        }
        if let Some((speaker, _, confidence)) = found {
            if matches!(speaker.entity_type, EntityType::Person | EntityType::Organization | EntityType::Country) {
                out.push(Quote { speaker: speaker.entity, text: quoted.text, start, end: quoted.end, sentence: open_sentence, confidence });
            }
        }
    }
    out
}

/// A quotation as joined so far: its words, where it ends, and its last span.
struct Quoted {
    text: String,
    end: usize,
    words: usize,
    last: usize,
}

impl Quoted {
    /// Joins span `i` (a part after the attribution, or the next sentence's quotation).
    fn append(&mut self, view: &TextView, spans: &[Span], i: usize) {
        let next = &spans[i];
        self.text = format!("{} {}", self.text.trim_end_matches([',', ' ']), quote_text(view, next));
        self.end = view.tokens[next.close].start;
        self.words += count_words(view, next);
        self.last = i;
    }
}

fn count_words(view: &TextView, q: &Span) -> usize {
    (q.open + 1..q.close).filter(|&k| view.tokens[k].kind != crate::text::tokens::TokenKind::Punct).count()
}

fn quote_text(view: &TextView, q: &Span) -> String {
    let t = view.text(view.tokens[q.open].end, view.tokens[q.close].start);
    join_paragraphs(t.trim().trim_end_matches(',').trim())
}

/// A quotation over several paragraphs as one line: each paragraph break and the mark
/// that reopens the quotation after it become one space.
fn join_paragraphs(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            if chars.peek().is_some_and(|c| matches!(c, '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}')) {
                chars.next();
            }
            while out.ends_with(char::is_whitespace) {
                out.pop();
            }
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}

/// `," Xi said` / `," said Yu Jun` / `," he told reporters` / `, according to X`:
/// (speaker, token after the attribution, confidence).
fn after_quote(view: &TextView, sv: &SentenceView, close: usize) -> Option<(Arg, usize, f64)> {
    let mut k = close + 1;
    if view.tokens.get(k).is_some_and(|t| t.paragraph_before) {
        return None;
    }
    if view.word_is(k, ",") {
        k += 1;
    }
    // "according to X"
    if view.lower(k) == "according" && view.lower(k + 1) == "to" {
        let a = sv.arg_starting(k + 2).or_else(|| sv.arg_starting(k + 3))?;
        // `Kessler called it a "breach of trust," according to Avon News`: an organisation
        // after a sentence about a person is the source that reports the person's words.
        let person =
            sv.first_subject(sv.sentence.first, close).filter(|p| p.entity_type == EntityType::Person && p.np_first == sv.sentence.first);
        if let (EntityType::Organization, Some(p)) = (a.entity_type, person) {
            return Some((p, a.last, confidence::SPEAKER_BY_CONTEXT));
        }
        return Some((a, a.last, confidence::SPEAKER_INTRODUCED));
    }
    // Speaker then verb: `Xi said`, `he said`, `Obama told reporters`, `Australian Prime
    // Minister Scott Morrison said`, `Charles Michel, the president of …, told reporters`.
    if let Some(found) = speaker_then_verb(view, sv, k) {
        return Some(found);
    }
    // Verb then speaker: `said Yu Jun, deputy head …`.
    if is_speech_verb(&view.lower(k)) {
        // Not a possessive: `writes Huber's partner Erick Rowan`.
        let a = sv.arg_starting(k + 1).filter(|a| !a.possessive).or_else(|| {
            // `said the foreign ministry's spokesman Zhao Lijian`
            sv.args.iter().find(|a| a.first > k && a.first <= k + 6 && a.entity_type == EntityType::Person && !a.possessive).copied()
        })?;
        return Some((a, attribution_end(view, sv, a.last), confidence::SPEAKER_AT_VERB));
    }
    None
}

/// The speaker phrase starting at token `k` and the speech verb after it, directly or
/// after an appositive set off by commas.
fn speaker_then_verb(view: &TextView, sv: &SentenceView, k: usize) -> Option<(Arg, usize, f64)> {
    let speakers = |a: &&Arg| !a.modifier && !a.possessive;
    // The name the phrase at `k` is about: the one whose noun phrase (title, modifiers) starts there.
    // A role in lower case may precede it: `the ministry said`, `ministry spokesman Anatoly Glaz said`.
    let mut start = k;
    while start < k + 4 && WORDS.role_words.contains(view.lower(start).as_str()) && sv.arg_starting(start).is_none() {
        start += 1;
    }
    let head = sv.args.iter().filter(speakers).filter(|a| a.first == start || a.np_first == k).max_by_key(|a| a.last).copied();
    // `Tiffany's chairman, Roger Farah, said`: a title phrase, then the name in apposition.
    let apposed = || {
        let comma = (k + 1..(k + 6).min(sv.sentence.last)).find(|&c| view.word_is(c, ","))?;
        let between_is_title = (k..comma).all(|c| !is_speech_verb(&view.lower(c)) && !view.word_is(c, "\""));
        let a = sv.args.iter().filter(speakers).find(|a| a.first == comma + 1 && a.entity_type == EntityType::Person).copied()?;
        between_is_title.then_some(a)
    };
    let a = head.or_else(apposed)?;
    if let Some(v) = speech_verb_at(view, sv, a.last) {
        let c = if a.pronoun { confidence::PRONOUN_SPEAKER } else { confidence::SPEAKER_AT_VERB };
        return Some((a, attribution_end(view, sv, v + 1), c));
    }
    // `Ann Ode of the county's tribal office told those gathered`: the place the speaker
    // works, then the verb.
    if a.entity_type == EntityType::Person && matches!(view.lower(a.last).as_str(), "of" | "at" | "from") {
        let verb = (a.last + 1..(a.last + 12).min(sv.sentence.last))
            .take_while(|&c| !matches!(view.lower(c).as_str(), "," | "." | "\"" | ";" | ":"))
            .find(|&c| is_speech_verb(&view.lower(c)) && !view.tokens[c].is_capitalized())?;
        return Some((a, attribution_end(view, sv, verb + 1), confidence::SPEAKER_NEAR_VERB));
    }
    if !view.word_is(a.last, ",") {
        return None;
    }
    // The name was itself the appositive: `Tiffany's chairman, Roger Farah, said`.
    if let Some(v) = speech_verb_at(view, sv, a.last + 1) {
        return Some((a, attribution_end(view, sv, v + 1), confidence::SPEAKER_NEAR_VERB));
    }
    // An appositive after the name: `, the president of the European Council, told reporters`.
    let close = (a.last + 1..(a.last + 20).min(sv.sentence.last)).find(|&c| view.word_is(c, ",") || view.word_is(c, "\""))?;
    if !view.word_is(close, ",") {
        return None;
    }
    let v = speech_verb_at(view, sv, close + 1)?;
    Some((a, attribution_end(view, sv, v + 1), if a.pronoun { confidence::SPEAKER_BY_CONTEXT } else { confidence::SPEAKER_NEAR_VERB }))
}

/// The person a speaker phrase is about when the nearest name before the verb is where
/// the person works or comes from: "Tom Reyes, a professor at Lund University, said",
/// "Ann Ode of Manitoba said", "Eva Lis of Hartwell College explained".
fn person_heading(view: &TextView, sv: &SentenceView, a: Arg, verb: usize) -> Arg {
    if a.entity_type == EntityType::Person || a.pronoun {
        return a;
    }
    let clause = sv.clause_start(a.first);
    // The first person of the clause heads the phrase ("Professor X, Chair in Y Politics at Z").
    let person = sv.args.iter().find(|p| p.entity_type == EntityType::Person && !p.modifier && p.first >= clause && p.last <= a.first);
    let Some(p) = person.copied() else { return a };
    let linked = matches!(view.lower(p.last).as_str(), "," | "of" | "at" | "from" | "in" | "with");
    let plain = (p.last..verb).all(|k| {
        let w = view.lower(k);
        !is_speech_verb(&w) && !matches!(w.as_str(), "\"" | ";" | ":" | ".")
    });
    if linked && plain && verb - p.last <= 25 {
        p
    } else {
        a
    }
}

/// The speech verb at token `i`, after adverbs ("said", "quickly added").
fn speech_verb_at(view: &TextView, sv: &SentenceView, mut i: usize) -> Option<usize> {
    while i < sv.sentence.last && view.lower(i).ends_with("ly") {
        i += 1;
    }
    (i < sv.sentence.last && is_speech_verb(&view.lower(i))).then_some(i)
}

fn attribution_end(view: &TextView, sv: &SentenceView, mut k: usize) -> usize {
    while k < sv.sentence.last && !matches!(view.lower(k).as_str(), "," | "." | "\"" | ";" | ":") {
        k += 1;
    }
    k
}

/// `Zakharova said: "…"`, `Netanyahu said in a statement: "…"`, `gave his account on Twitter: "…"`.
fn before_quote(view: &TextView, sv: &SentenceView, open: usize) -> Option<(Arg, f64)> {
    if open <= sv.sentence.first {
        return None;
    }
    let lead = view.lower(open - 1);
    // The nearest speech verb before the quote, in the same sentence: right before it
    // (`said: "…"`, `said that "…"`) or a few words before a quotation inside the sentence
    // (`told reporters "…"`, `said the victims were "…"`).
    let verb = (sv.sentence.first..open).rev().take(12).find(|&k| is_speech_verb(&view.lower(k)) && !view.tokens[k].is_capitalized());
    let introduced = lead == ":" || lead == "," || lead == "that" || is_speech_verb(&lead);
    if !introduced && verb.is_none_or(|v| (v + 1..open).any(|k| matches!(view.lower(k).as_str(), "\"" | ";" | ":" | "."))) {
        return None;
    }
    if let Some(v) = verb {
        // `he was told by Minister X of "…"`: the agent after "by" speaks.
        if view.lower(v + 1) == "by" {
            if let Some(a) = sv.args.iter().find(|a| a.np_first == v + 2 || a.first == v + 2).copied() {
                return Some((a, confidence::SPEAKER_INTRODUCED));
            }
        }
        // `…, saying "…"`, `…, writing: "…"`: a participle after a comma speaks for the
        // main clause's subject.
        let participle = view.lower(v).ends_with("ing") && v > sv.sentence.first && view.word_is(v - 1, ",");
        if let Some(a) = sv.subject_before(v, participle) {
            let a = person_heading(view, sv, a, v);
            return Some((a, if a.pronoun { confidence::PRONOUN_SPEAKER } else { confidence::SPEAKER_NEAR_VERB }));
        }
        // `The WHO's website said: "…"`, `Avon's statement read: "…"`: what a medium of a
        // person or organisation says, it says.
        let mut n = v;
        while n > sv.sentence.first && view.lower(n - 1).ends_with("ly") {
            n -= 1;
        }
        if n > sv.sentence.first + 1 && MEDIA.contains(&view.lower(n - 1).as_str()) {
            let end = if view.lower(n - 2) == "'s" || view.lower(n - 2) == "'" { n - 2 } else { n - 1 };
            let owner = sv.arg_ending(end).filter(|a| a.possessive && !a.pronoun && a.entity_type != EntityType::Country);
            if let Some(a) = owner {
                return Some((a, confidence::SPEAKER_BY_CONTEXT));
            }
        }
        // `X in relaying the news to parliament said, "…"`: a verb right before the quotation
        // whose subject a phrase keeps away speaks for the clause's first name.
        if (v + 1..open).all(|k| matches!(view.lower(k).as_str(), "," | ":")) {
            if let Some(a) = sv.first_subject(sv.clause_start(v), v).filter(|a| a.entity_type == EntityType::Person) {
                return Some((a, confidence::SPEAKER_BY_CONTEXT));
            }
        }
        // `said Yu Jun:`
        if let Some(a) = sv.arg_starting(v + 1) {
            return Some((a, confidence::SPEAKER_INTRODUCED));
        }
        return None;
    }
    if lead == ":" {
        let person = sv.args.iter().find(|a| a.first < open && a.entity_type == EntityType::Person && !a.modifier);
        return person.map(|a| (*a, confidence::SPEAKER_BY_CONTEXT));
    }
    // `Kessler, also on Twitter, defended his decision, "…"`: a quotation after a comma
    // speaks for the person the sentence opens with.
    if lead == "," {
        let subject =
            sv.first_subject(sv.sentence.first, open).filter(|a| a.entity_type == EntityType::Person && a.np_first == sv.sentence.first);
        return subject.map(|a| (a, confidence::SPEAKER_BY_CONTEXT));
    }
    None
}

/// `Kessler also criticised the decision on Twitter. "The statement shows …"`: a quotation
/// that is a whole sentence, unattributed, right after a sentence of the same paragraph
/// that opens with a person and holds a verb of saying or judging, is that person's.
fn previous_sentence_speaker(view: &TextView, previous: &SentenceView, open: usize) -> Option<(Arg, f64)> {
    if view.tokens[open].paragraph_before {
        return None;
    }
    let words = previous.sentence.first..previous.sentence.last;
    // The previous sentence quotes nobody itself.
    if words.clone().any(|k| view.word_is(k, "\"")) {
        return None;
    }
    let judging = |w: &str| {
        is_speech_verb(w)
            || ["criticiz", "criticis", "condemn", "prais", "defend", "denounc", "reject", "welcom", "accus", "blam"]
                .iter()
                .any(|stem| w.starts_with(stem))
    };
    let verb = words.clone().find(|&k| judging(&view.lower(k)) && !view.tokens[k].is_capitalized())?;
    let subject = previous.first_subject(previous.sentence.first, verb)?;
    (subject.entity_type == EntityType::Person && !subject.pronoun).then_some((subject, confidence::SPEAKER_BY_CONTEXT))
}

impl TextView<'_> {
    /// The lower-case word at token `i`, empty past the end.
    pub fn lower(&self, i: usize) -> String {
        self.tokens.get(i).map(|t| t.lower()).unwrap_or_default()
    }

    /// True when token `i` is exactly `s`.
    pub fn word_is(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.norm == s)
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::quotes;

    #[test]
    fn attribution_after_before_split_and_colon() {
        let q = quotes("\u{201C}We will never accept this decision,\u{201D} Ruto said.");
        assert_eq!(q, vec!["Ruto: We will never accept this decision"]);
        let q = quotes("\"The talks went very well today,\" said Anna Berg, a spokeswoman.");
        assert_eq!(q, vec!["Anna Berg: The talks went very well today"]);
        let q = quotes("Mauro Vieira said in a statement: \"Brazil stands ready to help its neighbours.\"");
        assert_eq!(q, vec!["Mauro Vieira: Brazil stands ready to help its neighbours."]);
        let q = quotes("Olaf Scholz spoke. \"We are ready,\" he said, \"and we will act quickly when needed.\"");
        assert_eq!(q, vec!["Olaf Scholz: We are ready and we will act quickly when needed."]);
        let q = quotes("Olaf Scholz gave his view on radio: \"Europe must stand together on this.\"");
        assert_eq!(q, vec!["Olaf Scholz: Europe must stand together on this."]);
    }

    #[test]
    fn quotations_of_real_news_find_their_speakers() {
        // A quotation inside the sentence, after "told reporters".
        let q = quotes("Maria Lopez, a lawyer for the family, told reporters \"the court has finally heard the truth today.\"");
        assert_eq!(q, vec!["Maria Lopez: the court has finally heard the truth today."]);
        // The person heading the phrase speaks, not where the person works.
        let q = quotes("Professor Tom Reyes, a geologist at Lund University, said \"the fault had been quiet for a century.\"");
        assert_eq!(q, vec!["Tom Reyes: the fault had been quiet for a century."]);
        // A name, then where the speaker sits, then the verb.
        let q = quotes("Maria Lopez of the Dunmore county assembly said \"the bridge will be closed until the spring.\"");
        assert_eq!(q, vec!["Maria Lopez: the bridge will be closed until the spring."]);
        // The agent of "was told by".
        let q = quotes("The president was told by Minister Ivan Petrov of \"at least forty people under the rubble\".");
        assert_eq!(q, vec!["Ivan Petrov: at least forty people under the rubble"]);
        // A quotation opening the next sentence goes on.
        let q = quotes("\"I did not expect this\", said Anna Berg after the race. \"But my legs kept moving and moving.\"");
        assert_eq!(q, vec!["Anna Berg: I did not expect this But my legs kept moving and moving."]);
    }

    #[test]
    fn scare_quotes_and_unattributed_quotes_are_not_quotations() {
        assert!(quotes("China and Russia signed a \"no limits\" partnership.").is_empty());
        assert!(quotes("\"Nobody knows what happens next in this conflict.\"").is_empty());
    }

    #[test]
    fn title_only_speakers_resolve_to_the_titled_person() {
        let q = quotes("Kenyan President William Ruto arrived on Monday. \"We came to listen to every side,\" the president said.");
        assert_eq!(q, vec!["William Ruto: We came to listen to every side"]);
    }

    #[test]
    fn the_company_and_the_bloc_are_the_organisation_named_last() {
        let q =
            quotes("Apple Inc cut its prices on Tuesday. \"Demand for our phones has been weaker than we expected,\" the company said.");
        assert_eq!(q, vec!["Apple Inc: Demand for our phones has been weaker than we expected"]);
        let q = quotes("The European Union fined Google. \"We will act against every abuse of market power,\" the bloc said.");
        assert_eq!(q, vec!["European Union: We will act against every abuse of market power"]);
    }

    #[test]
    fn titles_roles_and_appositives_between_quote_and_verb() {
        let q = quotes("\u{201C}Our region is changing fast,\u{201D} Kenyan President William Ruto said on Monday.");
        assert_eq!(q, vec!["William Ruto: Our region is changing fast"]);
        let q = quotes("\"We will not accept threats from anyone,\" Anna Berg, the head of the Nordic Council, told reporters.");
        assert_eq!(q, vec!["Anna Berg: We will not accept threats from anyone"]);
        let q = quotes("Acme Corp sued Globex. \"We will defend our patents in every court,\" Acme's chairman, Tom Reed, said.");
        assert_eq!(q, vec!["Tom Reed: We will defend our patents in every court"]);
        let q = quotes("\"The charges have no basis at all in law,\" ministry spokesman Pavel Orlov said.");
        assert_eq!(q, vec!["Pavel Orlov: The charges have no basis at all in law"]);
        // A possessive after the verb is not the speaker.
        assert!(quotes("\"Very sad news,\" writes Berg's longtime friend and partner Tom Reed.").is_empty());
    }

    #[test]
    fn short_utterances_opening_their_sentence_are_quotations() {
        let q = quotes("Ruto addressed the crowd. \u{201C}Welcome home,\u{201D} he told them.");
        assert_eq!(q, vec!["Ruto: Welcome home"]);
        // Inside a sentence, a short quotation stays a scare quote.
        assert!(quotes("Ruto called the plan \"a disaster\", he said.").is_empty());
    }

    #[test]
    fn quotations_over_paragraphs_and_nested_quotations() {
        let text = "July 24, 2024\n\n\u{201C}This is the first paragraph of a long statement that goes on,\n\n\u{201C}and this is its second paragraph, which ends here,\u{201D} said Tom Reed, the party leader.\n\nJohn Smith said: \u{201C}The crowd shouted \u{2018}no limits for anyone at all here today\u{2019} and then left the square quietly.\u{201D}";
        let q = quotes(text);
        assert!(
            q.contains(&"Tom Reed: This is the first paragraph of a long statement that goes on, and this is its second paragraph, which ends here".to_string()),
            "{q:?}"
        );
        assert!(
            q.iter().any(|x| x.starts_with("John Smith: The crowd shouted \u{2018}no limits")),
            "the inner quotation stays inside: {q:?}"
        );
        assert_eq!(q.len(), 2, "{q:?}");
    }

    #[test]
    fn speakers_kept_apart_from_the_quotation_by_phrases() {
        let cases = [
            ("Sophie Marchand, another lawyer for the family, told reporters \"the court has finally heard the truth today.\"", "Sophie Marchand: the court has finally heard the truth today."),
            ("Foreign Minister Anna Berg stressed the need for approval by UNESCO, saying \"it is not only a temple, it belongs to humanity.\"", "Anna Berg: it is not only a temple, it belongs to humanity."),
            ("In a statement posted to her Twitter account, Anna Berg accepted the role, writing, \"Avonia needs certainty and stability now.\"", "Anna Berg: Avonia needs certainty and stability now."),
            ("Senator Anna Berg spoke on Avon Radio, \"This is going to lead to a new war in the region.\"", "Anna Berg: This is going to lead to a new war in the region."),
            ("\"We feel that bringing the herd back is going to heal us,\" Anna Berg of the tribal preservation office told those gathered.", "Anna Berg: We feel that bringing the herd back is going to heal us"),
            ("The Avon Health Council's website said: \"There is no evidence that the remedy works.\"", "Avon Health Council: There is no evidence that the remedy works."),
            ("Anna Berg called the plan a \"breach of every promise made to the voters,\" according to Avon News.", "Anna Berg: breach of every promise made to the voters"),
        ];
        for (text, speaker_and_quote) in cases {
            assert_eq!(quotes(text), vec![speaker_and_quote], "{text}");
        }
    }

    #[test]
    fn a_pronoun_after_a_possessive_is_the_sentences_subject() {
        let q = quotes(
            "Maria Lopez called Harold Kessler's conduct a failure. \"The House is moving forward with an inquiry,\" she announced.",
        );
        assert_eq!(q, vec!["Maria Lopez: The House is moving forward with an inquiry"]);
    }

    #[test]
    fn a_whole_sentence_quoted_after_its_speakers_sentence() {
        let q = quotes("Anna Berg also criticized the decision on Twitter. \"The statement shows a complete lack of understanding.\"");
        assert_eq!(q, vec!["Anna Berg: The statement shows a complete lack of understanding."]);
        // A new paragraph, or a sentence that says nothing, attributes nothing.
        assert!(quotes("Anna Berg criticized the decision.\n\n\"The statement shows a complete lack of understanding.\"").is_empty());
        assert!(quotes("Anna Berg arrived in Avonshire on Monday. \"The statement shows a complete lack of understanding.\"").is_empty());
    }

    #[test]
    fn told_reporters_and_according_to() {
        let q = quotes("\"We have agreed on the main points of the deal,\" Ruto told reporters.");
        assert_eq!(q, vec!["Ruto: We have agreed on the main points of the deal"]);
    }
}
