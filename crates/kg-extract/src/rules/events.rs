//! Events from the cue lexicon (`data/lexicon/verbs.tsv`): verbs in the active and the
//! passive, coordinated subjects and objects, nominal events ("talks with"), each with its
//! modality (negated, hypothetical, feared).

use kg_model::{EntityType, Predicate};

use super::clauses::{Arg, SentenceView};
use super::{confidence, push, types_allowed, Found};
use crate::lexicon::{CueForm, CueKind, Lexicon};
use crate::words::WORDS;

/// A cue matched in a sentence.
struct CueMatch {
    first: usize,
    end: usize,
    form: CueForm,
}

/// True when the word at `i` is used as a noun: after a determiner, a possessive or an
/// adjective-like name ("a meeting of", "the Xi-Zelenskiy talks", "Russia's invasion").
fn nominal_use(sv: &SentenceView, i: usize) -> bool {
    let determiner_before = |k: usize| k > sv.sentence.first && WORDS.determiners_before_event.contains(sv.word(k - 1));
    let names_before = names_joined_before(sv, i);
    if let Some(a) = names_before.first() {
        // "Russia's invasion"; "the Xi-Zelenskiy talks", "the G7 meeting" — but "the Philippines backed Japan".
        if a.possessive {
            return true;
        }
        let noun_form = names_before.len() > 1 || sv.word(i).ends_with("ing");
        return noun_form && determiner_before(a.first);
    }
    // Adjectives between the determiner and the noun ("a long meeting").
    let mut k = i;
    let mut steps = 0;
    while k > sv.sentence.first
        && steps < 2
        && sv.view.tokens[k - 1].norm.chars().all(|c| c.is_lowercase() || c == '-')
        && !WORDS.determiners_before_event.contains(sv.word(k - 1))
        && !sv.word(k - 1).ends_with("ed")
        && !WORDS.prepositions.contains(sv.word(k - 1))
        && !WORDS.not_event_adjectives.contains(sv.word(k - 1))
    {
        k -= 1;
        steps += 1;
    }
    determiner_before(k) || (k > sv.sentence.first && sv.arg_ending(k).is_some_and(|a| a.possessive))
}

/// Whether token `i` continues a title that starts before it ("head" in "deputy head").
fn inside_title(lex: &Lexicon, sv: &SentenceView, i: usize) -> bool {
    (sv.sentence.first.max(i.saturating_sub(lex.max_title_tokens))..i)
        .any(|j| crate::mentions::title_at(lex, sv.view, j, sv.sentence.last).is_some_and(|(n, _)| j + n > i))
}

/// The names ending right before token `i`: one, or two joined by a hyphen ("Xi-Zelenskiy",
/// one token with two mentions) or a dash ("Xi–Zelenskiy", three tokens).
fn names_joined_before(sv: &SentenceView, i: usize) -> Vec<Arg> {
    let mut names: Vec<Arg> = sv.args.iter().filter(|a| a.last == i && !a.pronoun).copied().collect();
    if let [b] = names[..] {
        if b.first > sv.sentence.first + 1 && sv.word(b.first - 1) == "-" {
            if let Some(a) = sv.arg_ending(b.first - 1).filter(|a| !a.pronoun) {
                names.insert(0, a);
            }
        }
    }
    names
}

fn match_cues(lex: &Lexicon, sv: &SentenceView) -> Vec<CueMatch> {
    let mut out: Vec<CueMatch> = Vec::new();
    let mut i = sv.sentence.first;
    while i < sv.sentence.last {
        let w = sv.word(i);
        let mut best: Option<CueMatch> = None;
        // Of two verb cues of one length, the one whose preposition follows ("spoke to X":
        // "speak to", not "speak with").
        let mut best_preposition_follows = false;
        if let Some(forms) = lex.cue_index.get(w) {
            for f in forms {
                let cue = &lex.cues[f.cue];
                if cue.kind == CueKind::Verb && sv.view.tokens[i].is_capitalized() && i != sv.sentence.first {
                    continue;
                }
                // Verbs never in noun position; nouns without a preposition only there
                // ("the Xi-Zelenskiy talks"); "talks between" is a noun wherever it stands.
                let nominal = nominal_use(sv, i);
                let also_verb = forms.iter().any(|g| lex.cues[g.cue].kind == CueKind::Verb);
                if (cue.kind == CueKind::Verb && nominal)
                    || (cue.kind == CueKind::Noun && cue.preposition.is_none() && also_verb && !nominal)
                {
                    continue;
                }
                // A noun cue's first word must not itself be part of a name.
                if sv.args.iter().any(|a| a.first <= i && i < a.last) {
                    continue;
                }
                // "deputy head of": a verb inside a title is a noun.
                if cue.kind == CueKind::Verb && inside_title(lex, sv, i) {
                    continue;
                }
                // "flew back", "pulled back": a particle of another verb, not the verb "back".
                if cue.kind == CueKind::Verb
                    && i > sv.sentence.first
                    && WORDS.verb_particles.contains(w)
                    && WORDS.particle_verbs.contains(sv.word(i - 1))
                {
                    continue;
                }
                let ok = cue.rest.iter().enumerate().all(|(k, r)| sv.word(i + 1 + k) == *r);
                if !ok {
                    continue;
                }
                let mut end = i + 1 + cue.rest.len();
                if let Some(p) = &cue.preposition {
                    if cue.kind == CueKind::Noun {
                        if sv.word(end) != *p {
                            continue;
                        }
                        end += 1;
                    }
                }
                let preposition_follows = cue.preposition.as_ref().is_some_and(|p| sv.word(end) == *p);
                if best.as_ref().is_none_or(|b| end > b.end || (end == b.end && preposition_follows && !best_preposition_follows)) {
                    best = Some(CueMatch { first: i, end, form: *f });
                    best_preposition_follows = preposition_follows;
                }
            }
        }
        match best {
            Some(b) => {
                i = b.end;
                out.push(b);
            }
            None => i += 1,
        }
    }
    out
}

sentence_rule!(
    /// The rule: events from the cue lexicon.
    Events,
    "events from the cue lexicon",
    |cx, sv| events(cx.lex, sv)
);

/// Event relations of a sentence.
pub fn events(lex: &Lexicon, sv: &SentenceView) -> Vec<Found> {
    let mut out = Vec::new();
    for m in match_cues(lex, sv) {
        let cue = &lex.cues[m.form.cue];
        let pred = cue.predicate;
        let future_ok = matches!(pred, Predicate::PledgedTo | Predicate::Aided | Predicate::Visited);
        let modality = sv.modality(m.first, m.end, future_ok);
        let before = out.len();
        match cue.kind {
            CueKind::Verb => verb_event(sv, &m, pred, &cue.cameo, cue.preposition.as_deref(), &mut out),
            CueKind::Noun => noun_event(sv, &m, pred, &cue.cameo, cue.preposition.as_deref(), &mut out),
        }
        for f in &mut out[before..] {
            f.code = (!cue.code.is_empty()).then(|| cue.code.clone());
            f.modality = modality;
        }
    }
    out
}

fn verb_event(sv: &SentenceView, m: &CueMatch, pred: Predicate, cameo: &str, prep: Option<&str>, out: &mut Vec<Found>) {
    let symmetric = pred.is_symmetric();
    // "sign" and "agree" alone are agreements only with the thing agreed on after them.
    if pred == Predicate::SignedAgreementWith
        && m.end == m.first + 1
        && !(m.end..(m.end + 8).min(sv.sentence.last)).any(|k| WORDS.agreement_nouns.contains(sv.word(k)))
    {
        return;
    }
    let passive = m.form.participle && (sv.is_passive(m.first) || sv.word(m.end) == "by");
    if passive {
        // "was sanctioned by the EU": agent after "by", patient before the verb.
        let by = (m.end..(m.end + 3).min(sv.sentence.last)).find(|&k| sv.word(k) == "by");
        let Some(agent) = by.and_then(|k| sv.object_after(k + 1, None)) else {
            return;
        };
        let Some(patient) = sv.subject_before(m.first, false) else { return };
        if (patient.last..m.first).any(|k| sv.word(k) == "," || sv.word(k) == "but") {
            return;
        }
        if pred.is_position() && patient.entity_type != EntityType::Organization {
            return;
        }
        for s in sv.coordinated_after(agent, sv.sentence.last) {
            for o in sv.coordinated_before(patient) {
                push(out, &s, pred, &o, None, cameo, confidence::EVENT_PASSIVE_OR_GROUP);
            }
        }
        return;
    }
    let Some(subject) = sv.subject_before(m.first, m.form.gerund) else {
        return;
    };
    // An infinitive takes the subject of a control verb right before it ("agreed to send"),
    // not of a verb with its own object ("called on donors to send").
    if m.first > sv.sentence.first && sv.word(m.first - 1) == "to" {
        let between: Vec<&str> = (subject.last..m.first - 1).map(|k| sv.word(k)).collect();
        if between.len() > 3 || between.iter().any(|w| WORDS.prepositions.contains(w) || WORDS.determiners.contains(w)) {
            return;
        }
    }
    let subjects = sv.coordinated_before(subject);
    let adjacent = subject.last == m.first;
    // "promised that Washington would …": a clause, not the party — except for a demand
    // ("demanded that Beijing withdraw" is made of Beijing).
    let clause_follows = WORDS.clause_words.contains(sv.word(m.end)) && pred != Predicate::Demanded;
    let confidence = if adjacent { confidence::EVENT_SUBJECT_ADJACENT } else { confidence::EVENT_SUBJECT_APART };
    let objects: Vec<Arg> = (!clause_follows)
        .then(|| sv.object_after(m.end, prep))
        .flatten()
        .map(|o| sv.coordinated_after(o, sv.sentence.last))
        .unwrap_or_default()
        .into_iter()
        .filter(|o| subjects.iter().any(|s| types_allowed(pred, s.entity_type, o.entity_type)))
        // "heads to Moscow", "led the Russian delegation": a position verb's object is an organisation.
        // The organisation right after the verb: "joined critics of FEMA" gives nothing.
        .filter(|o| {
            !pred.is_position() || (o.entity_type == EntityType::Organization && o.first <= m.end + 1 + usize::from(prep.is_some()))
        })
        .collect();
    match objects.is_empty() {
        false => {
            for o in objects {
                for s in &subjects {
                    push(out, s, pred, &o, None, cameo, confidence);
                }
            }
        }
        true if symmetric && subjects.len() > 1 => {
            // "Xi and Putin signed a partnership agreement".
            for (k, a) in subjects.iter().enumerate() {
                for b in &subjects[k + 1..] {
                    push(out, a, pred, b, None, cameo, confidence);
                }
            }
        }
        true => {}
    }
}

fn noun_event(sv: &SentenceView, m: &CueMatch, pred: Predicate, cameo: &str, prep: Option<&str>, out: &mut Vec<Found>) {
    // The actor is named right before the noun: "Russia's invasion", "Western sanctions",
    // "the Xi-Zelenskiy talks", possibly with adjectives between ("Russia's full-scale invasion").
    let mut k = m.first;
    let mut steps = 0;
    while k > sv.sentence.first
        && steps < 3
        && sv.arg_ending(k).is_none()
        && sv.arg_ending(k.saturating_sub(1)).filter(|_| sv.word(k - 1) == "'s").is_none()
    {
        let w = sv.word(k - 1);
        if !sv.view.tokens[k - 1].norm.chars().all(|c| c.is_lowercase() || c == '-')
            || [
                "the", "a", "an", "of", "to", "with", "and", "are", "is", "was", "were", "be", "been", "become", "became", "remain",
                "remains", "as",
            ]
            .contains(&w)
        {
            break;
        }
        k -= 1;
        steps += 1;
    }
    if k > sv.sentence.first && sv.word(k - 1) == "'s" {
        k -= 1;
    }
    let before = names_joined_before(sv, k);
    let owner = before.first().copied();
    if prep == Some("between") {
        // "talks between A and B".
        if let Some(first) = sv.arg_starting(m.end).or_else(|| sv.arg_starting(m.end + 1)) {
            let parties = sv.coordinated_after(first, sv.sentence.last);
            for (a, x) in parties.iter().enumerate() {
                for y in &parties[a + 1..] {
                    push(out, x, pred, y, None, cameo, confidence::EVENT_NOUN);
                }
            }
        }
        return;
    }
    if before.len() == 2 {
        // A hyphenated pair "Xi-Zelenskiy talks".
        push(out, &before[0], pred, &before[1], None, cameo, confidence::EVENT_NOUN);
        return;
    }
    match (owner, prep) {
        (Some(s), Some(_)) => {
            if let Some(o) = sv.object_after(m.end, None) {
                for o in sv.coordinated_after(o, sv.sentence.last) {
                    push(out, &s, pred, &o, None, cameo, confidence::EVENT_NOUN);
                }
            }
        }
        (Some(o), None) if o.possessive => {
            // "China has become Russia's biggest partner".
            if let Some(s) = sv.subject_before(o.first, false) {
                push(out, &s, pred, &o, None, cameo, confidence::EVENT_SUBJECT_APART);
            }
        }
        (None, None) if pred == Predicate::PartnersWith => {
            // "China and Russia are partners".
            if let Some(s) = sv.subject_before(m.first, false) {
                let all = sv.coordinated_before(s);
                for (a, x) in all.iter().enumerate() {
                    for y in &all[a + 1..] {
                        push(out, x, pred, y, None, cameo, confidence::EVENT_PASSIVE_OR_GROUP);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_triple as has, triples};

    fn lacks(text: &str, predicate: &str) {
        let t = triples(text);
        assert!(!t.iter().any(|x| x.split(' ').any(|w| w == predicate)), "unexpected {predicate} in {t:?}");
    }

    #[test]
    fn active_passive_and_coordinated_events() {
        has("Kenya criticized Ethiopia over the dam.", "Kenya criticized Ethiopia");
        has("Ethiopia was criticized by Kenya.", "Kenya criticized Ethiopia");
        let t = triples("Britain, France and Germany condemned Iran.");
        for s in ["United Kingdom", "France", "Germany"] {
            assert!(t.contains(&format!("{s} criticized Iran")), "{s}: {t:?}");
        }
        has("Peru and Chile signed a trade agreement.", "Peru signedAgreementWith Chile");
    }
    #[test]
    fn the_cue_whose_preposition_follows_wins() {
        // "speak with" and "speak to" are one length: the preposition after the verb decides.
        has("Harold Kessler spoke to Maria Lopez on Monday.", "Harold Kessler spokeWith Maria Lopez");
        has("Harold Kessler spoke with Maria Lopez on Monday.", "Harold Kessler spokeWith Maria Lopez");
        has("Avonews interviewed Maria Lopez in May.", "Avonews spokeWith Maria Lopez");
    }

    #[test]
    fn nominal_events() {
        has("Since Iraq's invasion of Kuwait, prices rose.", "Iraq attacked Kuwait");
        has("Western sanctions against Iran hurt exports.", "the West sanctioned Iran");
        has("Talks between Serbia and Kosovo resumed.", "Serbia spokeWith Kosovo");
        has(
            "Xi Jinping and Volodymyr Zelenskiy lead. The Xi\u{2013}Zelenskiy call lasted an hour.",
            "Xi Jinping spokeWith Volodymyr Zelenskiy",
        );
    }
    #[test]
    fn negated_hypothetical_and_feared_events_give_nothing() {
        lacks("Kenya did not criticize Ethiopia.", "criticized");
        lacks("Kenya refrained from criticizing Ethiopia.", "criticized");
        lacks("Kenya could sanction Ethiopia.", "sanctioned");
        lacks("Officials are worried about Iran supplying Russia.", "aided");
        lacks("Kenya plans to visit Ethiopia.", "visited");
        lacks("If Kenya sanctions Ethiopia, prices will rise.", "sanctioned");
    }
    #[test]
    fn kept_on_request_they_carry_their_modality() {
        let ex = crate::Extractor::new().keep_hypothetical(true);
        let modality = |text: &str| -> Vec<(String, Option<String>)> {
            let doc = ex.extract("t", text, Some("2024-07-24")).expect("extract");
            doc.relations.iter().map(|r| (r.predicate.to_string(), r.modality.clone())).collect()
        };
        assert_eq!(modality("Kenya did not criticize Ethiopia."), [("criticized".to_string(), Some("negated".to_string()))]);
        assert_eq!(modality("Kenya could sanction Ethiopia."), [("sanctioned".to_string(), Some("hypothetical".to_string()))]);
        assert_eq!(modality("Officials are worried about Iran supplying Russia."), [("aided".to_string(), Some("feared".to_string()))]);
        assert_eq!(modality("Kenya criticized Ethiopia."), [("criticized".to_string(), None)]);
    }
    #[test]
    fn a_particle_is_not_the_verb_back() {
        lacks("Erdogan later flew back from Ukraine.", "supported");
        has("Germany backed Ukraine.", "Germany supported Ukraine");
    }
    #[test]
    fn subjects_skip_appositives_and_relative_clauses() {
        has("Ruto, the most senior leader in the region, visited Uganda last month.", "Ruto visited Uganda");
        has("Mexico, which had hesitated for weeks, backed Canada.", "Mexico supported Canada");
    }
    #[test]
    fn objects_stay_in_their_clause_and_after_their_preposition() {
        lacks("The European Union pledged money to the appeal, and Germany sent planes.", "pledgedTo");
        lacks("WHO called on donor governments to send medicine to Mali and Niger.", "appealedTo");
        has("Scholz held talks with its emir, Tamim Al Thani, in Doha.", "Scholz spokeWith Tamim Al Thani");
    }
    #[test]
    fn a_noun_phrase_without_an_entity_blocks_the_subject() {
        lacks("Germany said the planes would fly to Senegal.", "visited");
        lacks("WHO called on donors to send aid to Chad.", "pledgedTo");
    }
}
