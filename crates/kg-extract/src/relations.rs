//! Relation rules: positions from titles, structure from possessive state bodies,
//! events from the cue lexicon (verbs and nominal events), with voice, coordination
//! and modality handled by `clauses`.

use crate::clauses::{Arg, SentenceView};
use crate::lexicon::{CueForm, CueKind, Lexicon, TitleRole};
use crate::mentions::{position_at, Mention};
use kg_model::{EntityType, Predicate};

/// A relation between two entities before ids are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Subject entity.
    pub subject: usize,
    /// Predicate.
    pub predicate: Predicate,
    /// Object entity.
    pub object: usize,
    /// Title as written, for positions.
    pub title: Option<String>,
    /// CAMEO root.
    pub cameo: Option<String>,
    /// CAMEO event code of the cue.
    pub code: Option<String>,
    /// Confidence.
    pub confidence: f64,
    /// Set when the event is not stated as a fact.
    pub modality: Option<crate::clauses::Modality>,
}

/// Whether the rules may state `predicate` between these types: what the vocabulary's domain
/// and range allow (a mayor or a governor heads a city or a region), except a city located in
/// a city ("Hartwell Castle in Manitoba" is placed, "Lyon in Paris" is a misreading).
pub fn types_allowed(predicate: Predicate, s: EntityType, o: EntityType) -> bool {
    predicate.allows(s, o) && !(predicate == Predicate::LocatedIn && s == EntityType::City && o == EntityType::City)
}

pub(crate) fn push(
    out: &mut Vec<Found>,
    subject: &Arg,
    predicate: Predicate,
    object: &Arg,
    title: Option<String>,
    cameo: &str,
    confidence: f64,
) {
    if subject.entity == object.entity || !types_allowed(predicate, subject.entity_type, object.entity_type) {
        return;
    }
    let mut found = Found::standing(subject.entity, predicate, object.entity, title, confidence);
    found.cameo = (!cameo.is_empty()).then(|| cameo.to_string());
    out.push(found);
}

impl Found {
    /// A relation stated as a fact, without a CAMEO code (positions, structure).
    pub fn standing(subject: usize, predicate: Predicate, object: usize, title: Option<String>, confidence: f64) -> Found {
        Found { subject, predicate, object, title, cameo: None, code: None, confidence, modality: None }
    }
}

/// Position relations of the persons in a sentence.
pub fn positions(lex: &Lexicon, sv: &SentenceView, mentions: &[Mention], of_mention: &[Option<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    for p in sv.args.iter().filter(|a| a.entity_type == EntityType::Person && !a.pronoun) {
        let title_in_name = sv
            .mentions
            .iter()
            .map(|&mi| (mi, &mentions[mi]))
            .find(|(mi, m)| m.first == p.first && of_mention[*mi] == Some(p.entity))
            .and_then(|(_, m)| m.title.clone());
        let (title, role, title_first) = match title_in_name {
            Some(t) => t,
            // "Navy spokeswoman Lt. Nettie Johnson": the title before the rank.
            None => match title_before(lex, sv, p.first).or_else(|| title_before(lex, sv, rank_before(sv, p.first)?)) {
                Some(t) => t,
                None => ("".into(), TitleRole::Member, p.first),
            },
        };
        let title_text = (!title.is_empty()).then(|| title.clone());
        if !title.is_empty() {
            // "Chinese President Xi", "Russia's foreign ministry spokeswoman Maria Zakharova",
            // "Navy spokeswoman Lieutenant Nettie Johnson" (titles in a row).
            let mut j = title_first;
            while let Some((_, _, first)) = title_before(lex, sv, j).filter(|&(_, _, first)| first < j) {
                j = first;
            }
            if j > sv.sentence.first && sv.word(j - 1) == "'s" {
                j -= 1;
            }
            if let Some(a) = sv.arg_ending(j) {
                push(&mut out, p, role.predicate(), &a, title_text.clone(), "", 0.9);
            }
            // "President Rouhani of the Islamic Republic of Iran".
            if let Some(a) = of_phrase(sv, p.last) {
                push(&mut out, p, role.predicate(), &a, title_text.clone(), "", 0.85);
            }
        } else if let Some(a) = (p.first > sv.sentence.first && sv.word(p.first - 1) == "'s")
            .then(|| sv.arg_ending(p.first - 1))
            .flatten()
            .filter(|a| a.entity_type == EntityType::Organization && a.possessive)
        {
            // "Boston University's Michael Papagiannis": a company's or institution's person
            // belongs to it (a country's person may lead it: no relation without a title).
            push(&mut out, p, Predicate::MemberOf, &a, None, "", 0.6);
        } else if let Some(a) =
            rank_before(sv, p.first).and_then(|r| sv.arg_ending(r)).filter(|a| a.entity_type == EntityType::Organization)
        {
            // "Navy Capt. Michael Coats": a rank in an organisation.
            push(&mut out, p, Predicate::MemberOf, &a, None, "", 0.8);
        } else if let Some(a) = sv.arg_ending(p.first) {
            // "chief of staff of Presidential Office Andriy Yermak".
            let mut k = a.first;
            if k > sv.sentence.first && sv.word(k - 1) == "the" {
                k -= 1;
            }
            if k > sv.sentence.first && sv.word(k - 1) == "of" {
                if let Some((t, role, _)) = title_before(lex, sv, k - 1) {
                    push(&mut out, p, role.predicate(), &a, Some(t), "", 0.85);
                }
            }
        }
        // "Putin, Russia's president", "Yu Jun, deputy head of the foreign ministry's Eurasian department".
        if sv.word(p.last) == "," {
            if let Some((t, role, Some(org))) = appositive_title(lex, sv, p.last + 1) {
                push(&mut out, p, role.predicate(), &org, Some(t), "", 0.85);
            }
        }
        // "Iran's president, Hassan Rouhani", "the European Union's foreign policy chief, Catherine Ashton",
        // "Iran's supreme leader, Ayatollah Ali Khamenei" (the name's own title after the comma).
        let np_first = p.np_first.min(p.first);
        if np_first > sv.sentence.first + 1 && sv.word(np_first - 1) == "," {
            if let Some((t, role, first)) = title_before(lex, sv, np_first - 1) {
                let mut j = first;
                if j > sv.sentence.first && sv.word(j - 1) == "'s" {
                    j -= 1;
                }
                if let Some(a) = sv.arg_ending(j).filter(|a| a.possessive || a.adjectival) {
                    push(&mut out, p, role.predicate(), &a, Some(t), "", 0.85);
                }
            }
        }
    }
    // "California lawyer", "Yemeni journalist": an occupation names an employer, not a nationality.
    out.retain(|f| {
        let occupation = f.title.as_deref().is_some_and(|t| {
            let key = t.to_lowercase();
            lex.roles.contains_key(&key) && !lex.titles.contains_key(&key)
        });
        !occupation || sv.args.iter().any(|a| a.entity == f.object && a.entity_type == EntityType::Organization)
    });
    out
}

/// The first token of a military or police rank written just before token `name`
/// ("Capt." in "Navy Capt. Michael Coats").
fn rank_before(sv: &SentenceView, name: usize) -> Option<usize> {
    let first = sv.sentence.first;
    let rank = |k: usize| crate::mentions::is_rank(&sv.view.tokens[k].norm);
    if name >= first + 2 && sv.word(name - 1) == "." && rank(name - 2) {
        return Some(name - 2);
    }
    (name > first && rank(name - 1)).then(|| name - 1)
}

/// A title (possibly "chairman and chief executive", possibly with adjectives such as
/// "former" or "new") that ends just before token `end`: (title, role, first token).
fn title_before(lex: &Lexicon, sv: &SentenceView, end: usize) -> Option<(String, TitleRole, usize)> {
    let lo = sv.sentence.first.max(end.saturating_sub(lex.max_title_tokens + 3));
    let mut best: Option<(usize, TitleRole)> = None;
    for start in (lo..end).rev() {
        if let Some((n, role)) = position_at(lex, sv.view, start, end) {
            if start + n == end {
                best = Some((start, role));
            }
        }
    }
    let (mut first, mut role) = best?;
    // "chairman and chief executive": take the first title's role.
    if first >= 2 && sv.word(first - 1) == "and" {
        if let Some((start, r)) = (sv.sentence.first.max(first.saturating_sub(1 + lex.max_title_tokens))..first - 1)
            .find_map(|s| position_at(lex, sv.view, s, first - 1).filter(|(n, _)| s + n == first - 1).map(|(_, r)| (s, r)))
        {
            first = start;
            role = if r == TitleRole::Leader || role == TitleRole::Leader { TitleRole::Leader } else { TitleRole::Member };
        }
    }
    let text = sv.view.text(sv.view.tokens[first].start, sv.view.tokens[end - 1].end);
    Some((text, role, first))
}

/// "of [the] X", "at X", "for X" right after token `from`: X ("spokesman for the ministry",
/// "a professor of urban planning at the University of Washington").
fn of_phrase(sv: &SentenceView, from: usize) -> Option<Arg> {
    if !matches!(sv.word(from), "of" | "at" | "for") {
        return None;
    }
    // Skip a determiner and lower-case words ("the foreign ministry's Eurasian department").
    let mut k = from + 1;
    let limit = (k + 8).min(sv.sentence.last);
    while k < limit && sv.arg_starting(k).is_none() {
        let t = &sv.view.tokens[k];
        if sv.word(k) == "the" {
            k += 1;
            continue;
        }
        if !t.is_lower_word() {
            return None;
        }
        k += 1;
    }
    let a = sv.arg_starting(k)?;
    // "chief executive of the Irish airline": a demonym modifying a common noun names nobody's employer.
    if a.adjectival && !a.pronoun {
        return None;
    }
    last_in_chain(sv, a)
}

/// In "the foreign ministry's Eurasian department", the head: the last name of a possessive chain.
fn last_in_chain(sv: &SentenceView, mut a: Arg) -> Option<Arg> {
    while a.possessive {
        match sv.arg_starting(a.last + 1) {
            Some(b) => a = b,
            None => return Some(a),
        }
    }
    Some(a)
}

/// Words that qualify a title in an appositive ("a former Pentagon official", "the new chief executive").
const TITLE_MODIFIERS: &[&str] = &["former", "new", "then", "current", "acting", "interim", "top", "senior", "chief", "longtime"];

/// After "Person ,": "[det] [X's|Xn] title [of|at ... X]" → (title, role, organisation).
pub(crate) fn appositive_title(lex: &Lexicon, sv: &SentenceView, from: usize) -> Option<(String, TitleRole, Option<Arg>)> {
    let mut k = from;
    if matches!(sv.word(k), "the" | "a" | "an") {
        k += 1;
    }
    let mut owner = None;
    // "a former Pentagon official".
    while matches!(sv.word(k), "former" | "longtime" | "senior" | "top") && sv.arg_starting(k + 1).is_some() {
        k += 1;
    }
    if let Some(a) = sv.arg_starting(k) {
        // "Knight-Ridder president", "a University of Texas law professor", "a National
        // Weather Service meteorologist": an organisation's name modifying the title, with
        // at most two lower-case words between.
        let title_after = || {
            (a.last..(a.last + 3).min(sv.sentence.last))
                .take_while(|&t| t == a.last || sv.is_lower_word(t - 1))
                .find(|&t| position_at(lex, sv.view, t, sv.sentence.last).is_some())
        };
        if let Some(t) = (a.entity_type == EntityType::Organization && !a.possessive).then(title_after).flatten() {
            owner = Some(a);
            k = t;
        } else if a.possessive || a.adjectival {
            owner = last_in_chain(sv, a);
            k = a.last + usize::from(a.possessive);
            if owner.is_some_and(|o| o.first != a.first) {
                k = owner.map(|o| o.last + usize::from(o.possessive)).unwrap_or(k);
            }
        }
    }
    while TITLE_MODIFIERS.contains(&sv.word(k))
        && position_at(lex, sv.view, k, sv.sentence.last).is_none_or(|(n, _)| position_at(lex, sv.view, k + n, sv.sentence.last).is_some())
    {
        k += 1;
    }
    // "the WHO's regional director for Europe": up to two other adjectives before the title.
    if position_at(lex, sv.view, k, sv.sentence.last).is_none() {
        let adjective = |t: usize| {
            let w = sv.word(t);
            sv.is_lower_word(t) && !crate::clauses::PREPOSITIONS.contains(&w) && !matches!(w, "and" | "or" | "who" | "which" | "that")
        };
        if let Some(t) = (k + 1..k + 3).find(|&t| (k..t).all(adjective) && position_at(lex, sv.view, t, sv.sentence.last).is_some()) {
            k = t;
        }
    }
    let (n, role) = position_at(lex, sv.view, k, sv.sentence.last)?;
    // "Ban Ki-moon, Cuban President Raúl Castro and …": a list of titled names, not an appositive.
    if sv.arg_starting(k + n).is_some_and(|a| a.entity_type == EntityType::Person) {
        return None;
    }
    let title = sv.view.text(sv.view.tokens[k].start, sv.view.tokens[k + n - 1].end);
    let mut j = k + n;
    // "... of global commercial activities at Louis Vuitton": look a few words on for of/at + name.
    let limit = (j + 8).min(sv.sentence.last);
    // With an organisation before the title ("a former Pentagon official responsible for U.S.
    // technology transfers") only a phrase right after the title names another.
    let limit = if owner.is_some() { limit.min(j + 1) } else { limit };
    while j < limit && !matches!(sv.word(j), "," | "." | ";" | "\"" | "who" | "which") {
        if matches!(sv.word(j), "of" | "at" | "for") {
            // With an owner ("Qatar's minister of state for energy affairs") only a name right
            // after the preposition names another organisation.
            let direct = || sv.arg_starting(j + 1 + usize::from(sv.word(j + 1) == "the"));
            let found = if owner.is_some() { direct() } else { of_phrase(sv, j).or_else(|| sv.arg_starting(j + 1)) };
            // "regional director for Europe": a region is nobody's employer.
            let found = found.filter(|a| owner.is_none() || matches!(a.entity_type, EntityType::Organization | EntityType::Country));
            if let Some(a) = found {
                // "X, chief of staff of Presidential Office Andriy Yermak and …" is a list, not an appositive.
                if sv.arg_starting(a.last).is_some_and(|b| b.entity_type == EntityType::Person) {
                    return None;
                }
                return Some((title, role, Some(a)));
            }
        }
        j += 1;
    }
    Some((title, role, owner))
}

/// Structure: state bodies are part of their state; bodies named with a possessive
/// organisation are part of it; "City, Country" is located in it.
pub fn structure(sv: &SentenceView, mentions: &[Mention], of_mention: &[Option<usize>], types: &[EntityType]) -> Vec<Found> {
    let mut out = Vec::new();
    for &mi in &sv.mentions {
        let m = &mentions[mi];
        if let (Some(parent), Some(e)) = (m.parent, of_mention[mi]) {
            if let Some(pe) = of_mention.get(parent).copied().flatten() {
                let arg = |entity: usize| Arg {
                    entity,
                    entity_type: types[entity],
                    first: 0,
                    last: 0,
                    possessive: false,
                    adjectival: false,
                    modifier: false,
                    pronoun: false,
                    np_first: 0,
                };
                let predicate = match body_kind(&m.surface) {
                    BodyKind::Government => Predicate::PartOf,
                    BodyKind::Company => Predicate::LocatedIn,
                    BodyKind::Other => continue,
                };
                push(&mut out, &arg(e), predicate, &arg(pe), None, "", 0.9);
            }
        }
    }
    for a in &sv.args {
        // "Hartwell Castle in Manitoba", "the College of Avon in Saxony", "a court in
        // Winnipeg": a place or an organisation, then "in" and where it is.
        // Not after "of": in "a meeting of the Council in Kyiv" the meeting is in Kyiv.
        let np = if a.np_first > sv.sentence.first && sv.word(a.np_first - 1) == "the" { a.np_first - 1 } else { a.np_first };
        let after_of = np > sv.sentence.first && sv.word(np - 1) == "of";
        if matches!(a.entity_type, EntityType::City | EntityType::Location | EntityType::Organization)
            && sv.word(a.last) == "in"
            && !after_of
        {
            let mut k = a.last + 1;
            while DIRECTIONS.contains(&sv.word(k)) || sv.word(k) == "the" {
                k += 1;
            }
            let place = |b: &Arg| match a.entity_type {
                EntityType::City => matches!(b.entity_type, EntityType::Country | EntityType::Location),
                _ => matches!(b.entity_type, EntityType::Country | EntityType::Location | EntityType::City),
            };
            if let Some(b) = sv.arg_starting(k).filter(|b| place(b) && !b.possessive && !b.adjectival) {
                push(&mut out, a, Predicate::LocatedIn, &b, None, "", 0.7);
            }
        }
        // "the foreign ministry's Eurasian department": the department is part of the ministry.
        if a.possessive && a.entity_type == EntityType::Organization {
            if let Some(b) = sv.arg_starting(a.last + 1).filter(|b| b.entity_type == EntityType::Organization) {
                push(&mut out, &b, Predicate::PartOf, a, None, "", 0.8);
            }
        }
        // "Kyiv, Ukraine", "Bakhmut, in eastern Ukraine".
        if matches!(a.entity_type, EntityType::City | EntityType::Location) && sv.word(a.last) == "," {
            let mut k = a.last + 1;
            if sv.word(k) == "in" {
                k += 1;
            }
            while sv.view.tokens.get(k).is_some_and(|t| !t.is_capitalized() && DIRECTIONS.contains(&t.norm.as_str())) {
                k += 1;
            }
            // "Winnipeg, Manitoba": a city, then its region (not a list of places: "Lyon, Alsace").
            let in_a_list = a.first > sv.sentence.first && sv.word(a.first - 1) == ",";
            let region = |b: &Arg| b.entity_type == EntityType::Location && a.entity_type == EntityType::City && !in_a_list;
            if let Some(b) = sv.arg_starting(k).filter(|b| b.entity_type == EntityType::Country || region(b)) {
                push(&mut out, a, Predicate::LocatedIn, &b, None, "", 0.8);
            }
        }
    }
    out
}

/// Lower-case directions before a place ("in eastern Ukraine", "western Montana").
#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern", "southeastern", "southwestern",
];

enum BodyKind {
    Government,
    Company,
    Other,
}

/// Whether an organisation named with a state is one of its bodies or a company based there.
fn body_kind(surface: &str) -> BodyKind {
    const GOVERNMENT: &[&str] = &[
        "ministry",
        "council",
        "department",
        "parliament",
        "assembly",
        "senate",
        "congress",
        "court",
        "commission",
        "committee",
        "office",
        "agency",
        "bureau",
        "army",
        "navy",
        "forces",
        "guard",
        "police",
        "embassy",
        "cabinet",
        "government",
        "administration",
        "presidency",
        "air",
        "central",
    ];
    const COMPANY: &[&str] = &[
        "company",
        "group",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "plc",
        "holdings",
        "airlines",
        "airways",
        "motors",
        "industries",
        "bank",
    ];
    let lower = surface.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| GOVERNMENT.contains(w)) {
        BodyKind::Government
    } else if words.iter().any(|w| COMPANY.contains(w)) {
        BodyKind::Company
    } else {
        BodyKind::Other
    }
}

/// A cue matched in a sentence.
struct CueMatch {
    first: usize,
    end: usize,
    form: CueForm,
}

/// True when the word at `i` is used as a noun: after a determiner, a possessive or an
/// adjective-like name ("a meeting of", "the Xi-Zelenskiy talks", "Russia's invasion").
fn nominal_use(sv: &SentenceView, i: usize) -> bool {
    const DETERMINERS: &[&str] =
        &["a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "'s", "first", "new", "any", "no"];
    const NOT_ADJECTIVES: &[&str] = &["has", "have", "had", "will", "would", "to", "and", "not", "also", "was", "were", "is", "are"];
    let determiner_before = |k: usize| k > sv.sentence.first && DETERMINERS.contains(&sv.word(k - 1));
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
        && !DETERMINERS.contains(&sv.word(k - 1))
        && !sv.word(k - 1).ends_with("ed")
        && !crate::clauses::PREPOSITIONS.contains(&sv.word(k - 1))
        && !NOT_ADJECTIVES.contains(&sv.word(k - 1))
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

/// Cue verbs that are also particles of other verbs.
const PARTICLES: &[&str] = &["back"];
/// Verbs that take such a particle ("flew back", "scaled back", "pushed back").
#[rustfmt::skip]
const PARTICLE_VERBS: &[&str] = &[
    "flew", "fly", "flies", "flying", "came", "come", "comes", "coming", "went", "go", "goes", "going", "got", "get", "gets",
    "pulled", "pull", "pulls", "turned", "turn", "turns", "stepped", "step", "fought", "fight", "hit", "hits", "looked",
    "look", "called", "call", "brought", "bring", "sent", "send", "moved", "move", "drew", "draw", "cut", "cuts", "held",
    "hold", "rolled", "roll", "scaled", "scale", "pushed", "push", "pushes", "headed", "head", "returned", "travelled",
    "traveled", "sailed", "drove", "bounced", "fell", "fall", "holding", "pay", "paid", "paying", "write", "wrote",
];

fn match_cues(lex: &Lexicon, sv: &SentenceView) -> Vec<CueMatch> {
    let mut out: Vec<CueMatch> = Vec::new();
    let mut i = sv.sentence.first;
    while i < sv.sentence.last {
        let w = sv.word(i);
        let mut best: Option<CueMatch> = None;
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
                if cue.kind == CueKind::Verb && i > sv.sentence.first && PARTICLES.contains(&w) && PARTICLE_VERBS.contains(&sv.word(i - 1))
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
                if best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(CueMatch { first: i, end, form: *f });
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

/// What is signed or agreed: "signed a contract with", "agreed a deal" (not "agreed to ban").
#[rustfmt::skip]
const AGREEMENT_NOUNS: &[&str] = &[
    "deal", "deals", "accord", "accords", "agreement", "agreements", "pact", "pacts", "treaty", "treaties",
    "contract", "contracts", "truce", "ceasefire", "cease-fire", "memorandum", "declaration", "protocol", "charter",
    "framework", "partnership", "armistice", "convention", "arrangement", "arrangements",
];

fn verb_event(sv: &SentenceView, m: &CueMatch, pred: Predicate, cameo: &str, prep: Option<&str>, out: &mut Vec<Found>) {
    let symmetric = pred.is_symmetric();
    // "sign" and "agree" alone are agreements only with the thing agreed on after them.
    if pred == Predicate::SignedAgreementWith
        && m.end == m.first + 1
        && !(m.end..(m.end + 8).min(sv.sentence.last)).any(|k| AGREEMENT_NOUNS.contains(&sv.word(k)))
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
                push(out, &s, pred, &o, None, cameo, 0.65);
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
        if between.len() > 3 || between.iter().any(|w| crate::clauses::PREPOSITIONS.contains(w) || crate::clauses::DETERMINERS.contains(w))
        {
            return;
        }
    }
    let subjects = sv.coordinated_before(subject);
    let adjacent = subject.last == m.first;
    // "promised that Washington would …": a clause, not the party — except for a demand
    // ("demanded that Beijing withdraw" is made of Beijing).
    let clause_follows = crate::clauses::CLAUSE_WORDS.contains(&sv.word(m.end)) && pred != Predicate::Demanded;
    let confidence = if adjacent { 0.8 } else { 0.7 };
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
                    push(out, x, pred, y, None, cameo, 0.75);
                }
            }
        }
        return;
    }
    if before.len() == 2 {
        // A hyphenated pair "Xi-Zelenskiy talks".
        push(out, &before[0], pred, &before[1], None, cameo, 0.75);
        return;
    }
    match (owner, prep) {
        (Some(s), Some(_)) => {
            if let Some(o) = sv.object_after(m.end, None) {
                for o in sv.coordinated_after(o, sv.sentence.last) {
                    push(out, &s, pred, &o, None, cameo, 0.75);
                }
            }
        }
        (Some(o), None) if o.possessive => {
            // "China has become Russia's biggest partner".
            if let Some(s) = sv.subject_before(o.first, false) {
                push(out, &s, pred, &o, None, cameo, 0.7);
            }
        }
        (None, None) if pred == Predicate::PartnersWith => {
            // "China and Russia are partners".
            if let Some(s) = sv.subject_before(m.first, false) {
                let all = sv.coordinated_before(s);
                for (a, x) in all.iter().enumerate() {
                    for y in &all[a + 1..] {
                        push(out, x, pred, y, None, cameo, 0.65);
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
    fn where_places_and_organisations_are() {
        has("The statue was stolen from Hartwell Castle in Manitoba on Sunday.", "Hartwell Castle locatedIn Manitoba");
        has("Storms hit Winnipeg, Manitoba, overnight.", "Winnipeg locatedIn Manitoba");
        // "in" after "of" places the event, not the organisation.
        let t = triples("Ministers attended a meeting of the Security Council in Kyiv.");
        assert!(!t.iter().any(|x| x.starts_with("Security Council locatedIn")), "{t:?}");
        // A mayor heads the city.
        has("Anna Nowak, the mayor of Gdansk, declared a day of mourning.", "Anna Nowak leaderOf Gdansk");
    }

    #[test]
    fn positions_from_titles_before_and_after_names() {
        has("Kenyan President William Ruto arrived.", "William Ruto leaderOf Kenya");
        has("Brazil's Foreign Minister Mauro Vieira spoke.", "Mauro Vieira memberOf Brazil");
        has("Olaf Scholz, Germany's chancellor, arrived.", "Olaf Scholz leaderOf Germany");
        has("Renault's chairman, Pierre Dupont, resigned.", "Pierre Dupont leaderOf Renault");
        has("Societe Generale's chief executive, Anne Roy, resigned.", "Anne Roy leaderOf Societe Generale");
        has("Anna Berg, deputy head of the Nordic Council, spoke.", "Anna Berg memberOf Nordic Council");
        has(
            "The bomb emits smoke, said Bert Byers, spokesman for the Naval Air Station Authority.",
            "Bert Byers memberOf Naval Air Station Authority",
        );
        has(
            "Folke Nyberg, a professor of urban planning and architecture at the University of Washington, agreed.",
            "Folke Nyberg memberOf University of Washington",
        );
    }

    #[test]
    fn organisations_and_ranks_before_titles_and_names() {
        has("The talks failed, said Tom Reed, Globex president and chief executive officer.", "Tom Reed leaderOf Globex");
        has("Anna Berg, a Nordic Weather Service analyst, expects rain.", "Anna Berg memberOf Nordic Weather Service");
        has("Navy Capt. Tom Reed said the flight went well.", "Tom Reed memberOf Navy");
        has("Navy spokeswoman Lt. Anna Berg declined to comment.", "Anna Berg memberOf Navy");
        has("FDA Director Anna Berg approved the drug.", "Anna Berg memberOf FDA");
        has("Tom Reed, an expert on missiles at Bar-Ilan University, agrees.", "Tom Reed memberOf Bar-Ilan University");
        let t = triples("Kenyan lawyer Tom Reed was arrested.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "an occupation names no country: {t:?}");
    }

    #[test]
    fn state_bodies_are_part_of_their_state() {
        has("Turkey's foreign ministry summoned the envoy.", "Türkiye's foreign ministry partOf Türkiye");
        has("The Egyptian Foreign Ministry said nothing.", "Egypt's foreign ministry partOf Egypt");
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
