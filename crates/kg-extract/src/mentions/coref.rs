//! Coreference within a document: mentions become entities.
//!
//! Countries meet by gazetteer entry (name, alias, demonym, capital used for the
//! state); capitals in a place context become cities; persons meet by full name,
//! surname or given name, across spelling variants; organisations by normalised
//! label, by acronym, or by a head-noun reference ("the foreign ministry").

use crate::hashing::{FastMap, FastSet};

use crate::lexicon::Lexicon;
use crate::mentions::{org_key, variants, Mention, MentionKind, TextView};
use crate::words::{party_word, WORDS};
use kg_model::names::{normalize_label, same_name_part};
use kg_model::{EntityType, Span};

/// An entity under construction.
#[derive(Debug, Clone)]
pub struct EntityDraft {
    /// Entity type.
    pub entity_type: EntityType,
    /// The label.
    pub label: String,
    /// Surfaces other than the label.
    pub aliases: Vec<String>,
    /// Mention spans.
    pub spans: Vec<Span>,
    /// Words of the person's fullest name (persons only).
    name_words: Vec<String>,
}

impl EntityDraft {
    fn new(entity_type: EntityType, label: String) -> Self {
        EntityDraft { entity_type, label, aliases: Vec::new(), spans: Vec::new(), name_words: Vec::new() }
    }

    fn add_alias(&mut self, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() || alias == self.label || self.aliases.iter().any(|a| a == alias) {
            return;
        }
        self.aliases.push(alias.to_string());
    }
}

/// Entities of a document and the entity of each mention.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Entities in order of creation (re-sorted by the caller).
    pub entities: Vec<EntityDraft>,
    /// For each mention, its entity (None when the mention was dropped).
    pub of_mention: Vec<Option<usize>>,
}

struct Resolver<'a> {
    lex: &'a Lexicon,
    res: Resolution,
    by_key: FastMap<String, usize>,
}

impl Resolver<'_> {
    fn entity(&mut self, key: String, ty: EntityType, label: &str) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let e = self.res.entities.len();
        self.res.entities.push(EntityDraft::new(ty, label.to_string()));
        self.by_key.insert(key, e);
        e
    }

    fn attach(&mut self, mi: usize, e: usize, m: &Mention) {
        self.res.of_mention[mi] = Some(e);
        let d = &mut self.res.entities[e];
        d.spans.push(Span { start: m.start, end: m.end });
        d.add_alias(&m.surface);
    }
}

/// Resolves the mentions of a document into entities.
pub fn resolve(lex: &Lexicon, view: &TextView, mentions: &[Mention]) -> Resolution {
    let mut r =
        Resolver { lex, res: Resolution { entities: Vec::new(), of_mention: vec![None; mentions.len()] }, by_key: FastMap::default() };
    // "Sudesh Amman ... Amman said": a capital's name that is the surname of a person named
    // in full is that person, unless the sentence places it.
    let surnames: FastSet<String> = mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Person(name) => name.split_whitespace().nth(1).and(name.split_whitespace().last()).map(str::to_lowercase),
            _ => None,
        })
        .collect();
    let surname_of_a_person =
        |m: &Mention| matches!(m.kind, MentionKind::Capital(_)) && !m.place_context && surnames.contains(&m.surface.to_lowercase());
    // Pass 1: everything but single-word names and head-noun references.
    for (mi, m) in mentions.iter().enumerate() {
        match &m.kind {
            MentionKind::Capital(_) if surname_of_a_person(m) => {}
            MentionKind::Country(c) => {
                let c = *c;
                let country = &r.lex.countries[c];
                let e = r.entity(format!("country:{}", country.code), country.entity_type, &country.name.clone());
                r.attach(mi, e, m);
            }
            MentionKind::Capital(c) => {
                let c = *c;
                let country = &r.lex.countries[c];
                // A territory's capital is no metonym of a government: always the city.
                if m.place_context || country.territory_of.is_some() {
                    let city = country.capitals.first().cloned().unwrap_or_else(|| m.surface.clone());
                    let e = r.entity(format!("city:{}", normalize_label(&city)), EntityType::City, &city);
                    r.attach(mi, e, m);
                } else {
                    let name = country.name.clone();
                    let e = r.entity(format!("country:{}", country.code), country.entity_type, &name);
                    r.attach(mi, e, m);
                }
            }
            MentionKind::Place(name) => {
                let e = r.entity(format!("place:{}", normalize_label(name)), m.entity_type, name);
                r.attach(mi, e, m);
            }
            MentionKind::LexiconOrg(o) => {
                let label = r.lex.organizations[*o].label.clone();
                let e = r.entity(format!("org:{}", org_key(&label)), EntityType::Organization, &label);
                r.attach(mi, e, m);
            }
            MentionKind::Org(label) => {
                let e = match org_suffix_match(&r, label) {
                    Some(e) => e,
                    None => r.entity(format!("org:{}", org_key(label)), EntityType::Organization, label),
                };
                r.attach(mi, e, m);
            }
            MentionKind::Group(label) => {
                let e = r.entity(format!("group:{}", normalize_label(label)), EntityType::Group, label);
                r.attach(mi, e, m);
            }
            MentionKind::Person(name) if name.split_whitespace().count() > 1 => {
                let e = person_cluster(&mut r, &crate::mentions::without_nickname(name));
                r.attach(mi, e, m);
                if let Some((title, _, _)) = &m.title {
                    let alias = format!("{title} {name}");
                    r.res.entities[e].add_alias(&alias);
                }
            }
            _ => {}
        }
    }
    // Pass 2: single names, acronyms and references, now that every full name is known.
    let apart = surnames_used_apart(&r.res, view, mentions);
    for (mi, m) in mentions.iter().enumerate() {
        match &m.kind {
            MentionKind::Person(name) if name.split_whitespace().count() == 1 => {
                let e = if let Some(others) = apart.get(&name.to_lowercase()) {
                    surname_bearer_but(&r, name, others)
                        .unwrap_or_else(|| r.entity(format!("person:{}", normalize_label(name)), EntityType::Person, name))
                } else {
                    match single_name_match(&r, name, m.start) {
                        Some(e) => e,
                        None => person_cluster(&mut r, name),
                    }
                };
                r.attach(mi, e, m);
                if let Some((title, _, _)) = &m.title {
                    let alias = format!("{title} {name}");
                    r.res.entities[e].add_alias(&alias);
                }
            }
            MentionKind::Unresolved(word) => {
                let e = if let Some(others) = apart.get(&word.to_lowercase()) {
                    surname_bearer_but(&r, word, others)
                        .unwrap_or_else(|| r.entity(format!("person:{}", normalize_label(word)), EntityType::Person, word))
                } else if let Some(e) = single_name_match(&r, word, m.start) {
                    e
                } else if let Some(e) = acronym_match(&r, word).or_else(|| transcript_label_match(&r, view, m, word)) {
                    e
                } else if m.place_context {
                    let ty = if r.lex.cities.contains_key(&word.to_lowercase()) { EntityType::City } else { EntityType::Location };
                    r.entity(format!("place:{}", normalize_label(word)), ty, word)
                } else {
                    r.entity(format!("org:{}", org_key(word)), EntityType::Organization, word)
                };
                r.attach(mi, e, m);
            }
            MentionKind::Capital(c) if surname_of_a_person(m) => {
                let e = match single_name_match(&r, &m.surface, m.start) {
                    Some(e) => e,
                    None => {
                        let country = &r.lex.countries[*c];
                        let name = country.name.clone();
                        r.entity(format!("country:{}", country.code), country.entity_type, &name)
                    }
                };
                r.attach(mi, e, m);
            }
            MentionKind::OrgReference(head) => {
                if let Some(e) = reference_match(&r, mentions, mi, head) {
                    r.res.of_mention[mi] = Some(e);
                    r.res.entities[e].spans.push(Span { start: m.start, end: m.end });
                }
            }
            _ => {}
        }
    }
    name_parties(&mut r.res);
    merge_same_labels(&mut r.res);
    merge_introduced_acronyms(&mut r.res, view, mentions);
    merge_nicknames(&mut r.res);
    variants::merge_variants(lex, &mut r.res);
    r.res
}

/// "the Kurdistan Workers' Party (PKK)": an acronym in brackets right after an
/// organisation's name is that organisation's, whatever its letters (it may abbreviate the
/// name in another language); so is an acronym right before a name in brackets ("the RMT
/// union (National Union of Rail, Maritime and Transport Workers)"), and a name of several
/// words in brackets after another, its translation ("Akhil Bharat Hindu Mahasabha (All
/// India Hindu Union)").
fn merge_introduced_acronyms(res: &mut Resolution, view: &TextView, mentions: &[Mention]) {
    let word = |k: usize| view.tokens.get(k).map_or("", |t| t.norm.as_str());
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    let one_word_in_capitals = |m: &Mention| m.last == m.first + 1 && view.tokens[m.first].is_all_caps();
    for (i, name) in mentions.iter().enumerate() {
        let Some(acronym) = mentions.get(i + 1) else { break };
        let bracketed = word(name.last) == "(" && acronym.first == name.last + 1 && word(acronym.last) == ")";
        // "Akhil Bharat Hindu Mahasabha (All India Hindu Union)": a name's translation.
        let translated = bracketed && name.last - name.first >= 2 && acronym.last - acronym.first >= 2;
        // "the RMT union (National Union of Rail, …)": the acronym first, then the name in brackets.
        let word_between = name.last < view.tokens.len() && view.tokens[name.last].is_lower_word();
        let open = name.last + usize::from(word_between);
        let named_after = one_word_in_capitals(name) && word(open) == "(" && acronym.first == open + 1 && word(acronym.last) == ")";
        let (name_at, acronym_at) = if named_after { (i + 1, i) } else { (i, i + 1) };
        if !(named_after || translated || (bracketed && one_word_in_capitals(acronym))) {
            continue;
        }
        let (Some(e), Some(a)) = (res.of_mention[name_at], res.of_mention[acronym_at]) else { continue };
        let organisations = [e, a].iter().all(|&x| res.entities[x].entity_type == EntityType::Organization);
        if e != a && organisations && into[e].is_none() && into[a].is_none() {
            into[a] = Some(e);
            let label = res.entities[a].label.clone();
            res.entities[e].add_alias(&label);
        }
    }
    merge_entities(res, &into);
}

/// "James (Jim) Hedges … Jim Hedges", "Edward "Eddie" Van Halen … Eddie Van Halen": a person
/// named with a nickname in brackets or quotation marks is the person the nickname and the
/// surname name.
fn merge_nicknames(res: &mut Resolution) {
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    for (e, d) in res.entities.iter().enumerate().filter(|(_, d)| d.entity_type == EntityType::Person) {
        for alias in &d.aliases {
            let Some((open, close)) = crate::mentions::nickname_at(alias) else { continue };
            if into[e].is_some() {
                continue;
            }
            let inner: String = alias[open..close].chars().filter(|c| c.is_alphanumeric() || *c == '-').collect();
            let nickname = format!("{inner} {}", alias[close..].trim());
            let other = res.entities.iter().position(|o| o.entity_type == EntityType::Person && o.label == nickname);
            if let Some(o) = other.filter(|&o| o != e && into[o].is_none()) {
                into[o] = Some(e);
            }
        }
    }
    merge_entities(res, &into);
}

/// "Conservative", "Democrat", "Democrats": a party named by its word alone, or by its
/// members' word, is the party ("Conservative Party", "Democratic Party"), so that it meets
/// the document's and the corpus's mentions of the party by name.
fn name_parties(res: &mut Resolution) {
    for d in
        res.entities.iter_mut().filter(|d| matches!(d.entity_type, EntityType::Organization | EntityType::Group) && !d.spans.is_empty())
    {
        let lower = d.label.trim().to_lowercase();
        let Some(word) = party_word(&lower).filter(|_| !lower.contains(' ')) else { continue };
        d.entity_type = EntityType::Organization;
        let adjective = if word == "democrat" { "democratic" } else { word };
        let mut chars = adjective.chars();
        let Some(first) = chars.next() else { continue };
        let party = format!("{}{} Party", first.to_uppercase(), chars.as_str());
        let old = std::mem::replace(&mut d.label, party);
        d.add_alias(&old);
    }
}

/// One entity per name in a document: entities that the rules typed differently in
/// different sentences ("Australia" a country here and a place there) but that carry the
/// same label become the one with most mentions (the first on a tie), with its type.
fn merge_same_labels(res: &mut Resolution) {
    let mut by_label: FastMap<String, usize> = FastMap::default();
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    for e in 0..res.entities.len() {
        if res.entities[e].spans.is_empty() {
            continue;
        }
        let key = normalize_label(&res.entities[e].label);
        match by_label.get(&key) {
            Some(&first) => {
                let keep = if res.entities[e].spans.len() > res.entities[first].spans.len() { e } else { first };
                let gone = if keep == e { first } else { e };
                into[gone] = Some(keep);
                by_label.insert(key, keep);
            }
            None => {
                by_label.insert(key, e);
            }
        }
    }
    merge_entities(res, &into);
}

/// Moves every entity `e` with `into[e] = Some(t)` into `t` (following chains): its spans,
/// its aliases and its mentions.
pub(crate) fn merge_entities(res: &mut Resolution, into: &[Option<usize>]) {
    let target = |mut e: usize| {
        while let Some(next) = into[e] {
            e = next;
        }
        e
    };
    for e in 0..res.entities.len() {
        let t = target(e);
        if t == e {
            continue;
        }
        let spans = std::mem::take(&mut res.entities[e].spans);
        let aliases = std::mem::take(&mut res.entities[e].aliases);
        res.entities[t].spans.extend(spans);
        for a in aliases {
            res.entities[t].add_alias(&a);
        }
    }
    for m in res.of_mention.iter_mut().flatten() {
        *m = target(*m);
    }
}

/// An organisation already known under a name that ends the same way, one being the
/// other with words in front ("Ukrainian National Security and Defence Council" and
/// "National Security and Defence Council"). The shorter name becomes the label.
fn org_suffix_match(r: &Resolver, label: &str) -> Option<usize> {
    let key = org_key(label);
    if key.split(' ').count() < 2 {
        return None;
    }
    r.res.entities.iter().position(|d| {
        if d.entity_type != EntityType::Organization {
            return false;
        }
        let other = org_key(&d.label);
        other.split(' ').count() >= 2 && (other.ends_with(&format!(" {key}")) || key.ends_with(&format!(" {other}")))
    })
}

fn person_cluster(r: &mut Resolver, name: &str) -> usize {
    let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
    let lex = r.lex;
    for (e, d) in r.res.entities.iter_mut().enumerate() {
        if d.entity_type != EntityType::Person || d.name_words.is_empty() {
            continue;
        }
        if names_compatible(lex, &d.name_words, &words) {
            if words.len() > d.name_words.len() {
                let old = std::mem::replace(&mut d.label, name.to_string());
                d.name_words = words;
                d.add_alias(&old);
            } else {
                d.add_alias(name);
            }
            return e;
        }
    }
    let e = r.entity(format!("person:{}", normalize_label(name)), EntityType::Person, name);
    r.res.entities[e].name_words = words;
    e
}

/// Two names of one person: same surname (spelling variants allowed) and, when both
/// have given names, the same given name; or one a part of the other that keeps two of its
/// words, as a person with two surnames is named with one or both ("Maria Lopez" and "Maria
/// Lopez Garcia", "Lopez Garcia" and "Maria Lopez Garcia"), where the other's extra words
/// are names too (not "Justice" or "Avonshire" before a name, nor "Image" after it) and
/// middle initials count for nothing ("Maria R. Lopez Garcia").
fn names_compatible(lex: &Lexicon, a: &[String], b: &[String]) -> bool {
    // Middle initials ("Maria R. Lopez Garcia") stand for no word of the other name.
    let initial = |w: &&String| w.trim_end_matches('.').chars().count() == 1;
    let (a_words, b_words): (Vec<&String>, Vec<&String>) =
        (a.iter().filter(|w| !initial(w)).collect(), b.iter().filter(|w| !initial(w)).collect());
    let (short, long) = if a_words.len() <= b_words.len() { (&a_words[..], &b_words[..]) } else { (&b_words[..], &a_words[..]) };
    // "De Vrieze" of "Harold De Vrieze": a name that starts with a particle; "Lopez Garcia"
    // of "Maria Lopez Garcia": one after a known given name (not "Maria Lopez" of "Podcaster
    // Maria Lopez").
    let particle = |w: &&String| WORDS.name_particles.contains(w.to_lowercase().as_str());
    let given_name = |w: &&String| lex.person_given_names.contains(&w.to_lowercase());
    let extra = if long.ends_with(short) && short.len() >= 2 && (particle(&short[0]) || given_name(&long[0])) {
        Some(&long[..long.len() - short.len()])
    } else if long.starts_with(short) && short.len() >= 2 && long.len() == short.len() + 1 {
        Some(&long[short.len()..])
    } else {
        None
    };
    if extra.is_some_and(|words| !words.is_empty() && words.iter().all(|w| name_word(lex, w))) {
        return true;
    }
    let (Some(la), Some(lb)) = (a.last(), b.last()) else { return false };
    if !same_name_part(la, lb) {
        return false;
    }
    // The given name is the first capitalised word before the surname: a particle ("de
    // Kessler", "van der Berg") is part of the surname, and a name of particles and a
    // surname gives no given name to disagree with.
    let given = |n: &[String]| n[..n.len() - 1].iter().find(|w| w.chars().next().is_some_and(char::is_uppercase)).cloned();
    match (given(a), given(b)) {
        (Some(x), Some(y)) => same_name_part(&x, &y),
        _ => true,
    }
}

/// Whether a word of a longer name is a name too: not a word, a title, a rank ("Justice"),
/// a party's member ("Democrat"), an occupation of two words ("Singer-songwriter"), a
/// place, or letters ("MV", "IM").
fn name_word(lex: &Lexicon, w: &str) -> bool {
    let lower = w.to_lowercase();
    let compound_word = lower.contains('-') && lower.split('-').all(|p| lex.is_english_word(p));
    let letters = w.chars().count() <= 3 && w.chars().all(char::is_uppercase);
    !lex.is_english_word(&lower)
        && !lex.titles.contains_key(&lower)
        && !crate::mentions::is_rank(w)
        && !WORDS.title_adjectives.contains(lower.as_str())
        && party_word(&lower).is_none()
        && !compound_word
        && !letters
        && !lex.names_a_place(w)
}

/// Surnames (lower case) that a sentence coordinates, alone, with a full name of that
/// surname ("Kessler and Maria Kessler arrived", "Maria Kessler and Kessler"), or gives a
/// relative of that name ("Kessler's niece Maria Kessler"): the bare surname is someone
/// else, and as the writer names that other person in full each time, every bare mention of
/// the surname in the document is someone other than that person. A surname elsewhere in
/// the sentence may well be the full name's ("commended Kessler … endorse Maria Kessler").
/// Each surname comes with the persons it is not.
fn surnames_used_apart(res: &Resolution, view: &TextView, mentions: &[Mention]) -> FastMap<String, Vec<usize>> {
    let mut apart: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        let (MentionKind::Person(word) | MentionKind::Unresolved(word)) = &m.kind else { continue };
        // "Xi-Kessler talks": two names in one token are the pair the sentence names in full.
        let shares_a_token = |k: usize, o: &Mention| k != i && o.first < m.last && m.first < o.last;
        if word.contains(' ') || mentions.iter().enumerate().any(|(k, o)| shares_a_token(k, o)) {
            continue;
        }
        let coordinator = |k: usize| matches!(view.token_lower(k), "and" | "or" | "&" | "," | "with");
        let coordinated =
            |other: &Mention| (other.last + 1 == m.first && coordinator(other.last)) || (m.last + 1 == other.first && coordinator(m.last));
        // "Kessler's niece Maria Kessler", "Kessler's wife, Maria Kessler".
        let relative = |other: &Mention| {
            view.token_lower(m.last) == "'s"
                && other.first > m.last + 1
                && other.first <= m.last + 3
                && (m.last + 1..other.first).all(|k| view.token_lower(k) == "," || view.tokens[k].is_lower_word())
        };
        for (k, other) in mentions.iter().enumerate() {
            if other.sentence != m.sentence || !(coordinated(other) || relative(other)) {
                continue;
            }
            let Some(e) = res.of_mention[k] else { continue };
            if bears_surname(&res.entities[e], word) {
                let others = apart.entry(word.to_lowercase()).or_default();
                if !others.contains(&e) {
                    others.push(e);
                }
            }
        }
    }
    apart
}

/// Whether an entity is a person named in full with `surname` as the last word.
fn bears_surname(d: &EntityDraft, surname: &str) -> bool {
    d.entity_type == EntityType::Person && d.name_words.len() > 1 && d.name_words.last().is_some_and(|l| same_name_part(l, surname))
}

/// The one person named in full with this surname other than `others` ("Mendez" is Tony
/// Mendez when the text set him apart from Jonna Mendez), if there is exactly one.
fn surname_bearer_but(r: &Resolver, surname: &str, others: &[usize]) -> Option<usize> {
    let mut bearers = (0..r.res.entities.len()).filter(|e| !others.contains(e) && bears_surname(&r.res.entities[*e], surname));
    let first = bearers.next()?;
    bearers.next().is_none().then_some(first)
}

/// The person a single word names: a surname or given name of a known person,
/// preferring the one mentioned last before `pos`.
fn single_name_match(r: &Resolver, word: &str, pos: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (e, d) in r.res.entities.iter().enumerate() {
        if d.entity_type != EntityType::Person || d.name_words.len() < 2 {
            continue;
        }
        if d.name_words.iter().any(|w| same_name_part(w, word)) {
            let recency = d.spans.iter().filter(|s| s.start < pos).map(|s| s.start + 1).max().unwrap_or(0);
            if best.is_none_or(|(_, b)| recency > b) {
                best = Some((e, recency));
            }
        }
    }
    best.map(|(e, _)| e)
}

/// "((WN))" in an interview transcript whose other speaker label is "((Wikinews))": a label
/// in double brackets whose capitals are letters of a known organisation's one-word name,
/// in order and from its first, is that organisation's short label; one made of the
/// initials of a person named in full ("((HMK))" for Harold M. Kessler) is that person's.
fn transcript_label_match(r: &Resolver, view: &TextView, m: &Mention, word: &str) -> Option<usize> {
    let bracket = |k: Option<usize>| k.and_then(|k| view.tokens.get(k)).is_some_and(|t| t.norm == "(" || t.norm == ")");
    let in_brackets =
        bracket(m.first.checked_sub(1)) && bracket(m.first.checked_sub(2)) && bracket(Some(m.last)) && bracket(Some(m.last + 1));
    if !in_brackets || word.chars().count() < 2 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    r.res.entities.iter().position(|d| {
        let name = d.label.to_lowercase();
        let mut letters = name.chars();
        let short_name = d.entity_type == EntityType::Organization
            && !name.contains(' ')
            && name.starts_with(word.chars().next().map(|c| c.to_ascii_lowercase()).unwrap_or(' '))
            && word.chars().all(|c| letters.any(|l| l == c.to_ascii_lowercase()));
        let initials = || d.label.split_whitespace().filter_map(|w| w.chars().next()).collect::<String>() == word;
        short_name || (d.entity_type == EntityType::Person && d.name_words.len() > 1 && initials())
    })
}

/// An acronym of a known organisation ("NSDC" for National Security and Defence Council).
fn acronym_match(r: &Resolver, word: &str) -> Option<usize> {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.chars().all(char::is_uppercase) {
        return None;
    }
    // "UH" of "University of Hawaii at Mānoa": a campus after "at" may be left out.
    let without_campus = |label: &str| label.split_once(" at ").map(|(name, _)| initials(name));
    r.res.entities.iter().position(|d| {
        d.entity_type == EntityType::Organization
            && (initials(&d.label) == letters || without_campus(&d.label).is_some_and(|i| i == letters))
    })
}

/// The initials of a name in capitals, joining words left out ("NSDC" of "National Security
/// and Defence Council").
pub(crate) fn initials(label: &str) -> String {
    label
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "and" | "for" | "the" | "&"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The organisation a head-noun reference points to: the last one mentioned
/// before it whose label ends with the same head ("foreign ministry").
fn reference_match(r: &Resolver, mentions: &[Mention], mi: usize, head: &str) -> Option<usize> {
    let head_word = head.split_whitespace().last().unwrap_or(head);
    let mut best = None;
    let here = mentions[mi].sentence;
    for (k, m) in mentions[..mi].iter().enumerate() {
        if m.sentence + 2 < here {
            continue;
        }
        if let Some(e) = r.res.of_mention[k] {
            let d = &r.res.entities[e];
            let label = d.label.to_lowercase();
            if d.entity_type == EntityType::Organization && (label.ends_with(head) || (label.ends_with(head_word) && best.is_none())) {
                best = Some(e);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_party_named_by_its_word_is_the_party() {
        let e = crate::testutil::entities("Harold Kessler was elected Conservative leader. The Conservative Party thanked him.");
        assert!(
            e.contains(&"Conservative Party (Organization)".to_string()) && !e.iter().any(|x| x.starts_with("Conservative (")),
            "{e:?}"
        );
        let alone = crate::testutil::entities("Harold Kessler became Labour leader on Monday.");
        assert!(alone.contains(&"Labour Party (Organization)".to_string()), "{alone:?}");
    }

    #[test]
    fn a_surname_beside_another_full_name_of_it_is_another_person() {
        let text = "President Kessler will visit Avonshire in June. The ministry said Kessler and Maria Kessler would \
                    be the guests of the mayor. Kessler will then fly to Brussels.";
        let e = crate::testutil::entities(text);
        assert!(e.contains(&"Kessler (Person)".to_string()) && e.contains(&"Maria Kessler (Person)".to_string()), "{e:?}");
        // Set apart from one Kessler, the surname is the other Kessler the text names in full.
        let text = "Harold Kessler died on Monday. Kessler's wife Maria Kessler said Kessler had been ill.";
        let doc = crate::testutil::extract(text);
        let mentions = |label: &str| doc.entities.iter().find(|e| e.label == label).map_or(0, |e| e.mentions.len());
        assert_eq!((mentions("Harold Kessler"), mentions("Maria Kessler"), mentions("Kessler")), (3, 1, 0), "{:?}", doc.entities);
        for text in ["The mayor met Maria Kessler and Kessler on Monday.", "Days later, Kessler's niece Maria Kessler wrote a book."] {
            let two = crate::testutil::entities(text);
            assert!(two.contains(&"Kessler (Person)".to_string()) && two.contains(&"Maria Kessler (Person)".to_string()), "{two:?}");
        }
        // One person named in full and by surname is one, in any sentence.
        for text in [
            "Maria Kessler arrived on Monday. Kessler said the talks went well.",
            "Maria Kessler signed the deal weeks before Kessler resigned.",
            "Lopez commended Kessler and said she was proud to endorse Maria Kessler.",
        ] {
            let one = crate::testutil::entities(text);
            assert!(one.contains(&"Maria Kessler (Person)".to_string()) && !one.iter().any(|x| x.starts_with("Kessler (")), "{one:?}");
        }
    }

    #[test]
    fn a_transcripts_short_speaker_label_is_the_long_ones() {
        let text = "((Avonews)) Thank you for speaking with us.\n\n((AN)) How did the study start?\n\n((Harold Kessler)) It began in 2004.";
        let e = crate::testutil::entities(text);
        assert!(e.contains(&"Avonews (Organization)".to_string()) && !e.iter().any(|x| x.starts_with("AN (")), "{e:?}");
        let text = "Avonews reporter Harold M. Kessler spoke with Maria Lopez.\n\n((HMK)) How did it start?\n\n((Maria Lopez)) In 2004.";
        let e = crate::testutil::entities(text);
        assert!(e.contains(&"Harold M. Kessler (Person)".to_string()) && !e.iter().any(|x| x.starts_with("HMK")), "{e:?}");
    }

    #[test]
    fn a_capitals_name_that_is_a_persons_surname_is_the_person() {
        let text = "Police named the attacker as Daniel Lima, 20. Lima had been released from prison. A shop on \
                    Harbour Road, London, was closed.";
        let e = crate::testutil::entities(text);
        assert!(e.contains(&"Daniel Lima (Person)".to_string()) && !e.iter().any(|x| x.starts_with("Peru")), "{e:?}");
        assert!(e.contains(&"London (City)".to_string()) && !e.iter().any(|x| x.starts_with("United Kingdom")), "{e:?}");
    }

    #[test]
    fn an_acronym_before_a_name_in_brackets_is_that_organisations() {
        let e = crate::testutil::entities("Tom Reed of the AMT union (Avon Maritime and Transport Workers) said no. The AMT struck.");
        assert_eq!(e, vec!["Tom Reed (Person)".to_string(), "Avon Maritime and Transport Workers (Organization)".to_string()]);
        let e = crate::testutil::entities("It was run by the Avon Kisan Union (Avon Farmers Union) on Monday.");
        assert_eq!(e, vec!["Avon Kisan Union (Organization)".to_string()]);
        let e = crate::testutil::entities("The nominee was James (Jim) Reed. Jim Reed won, and Reed thanked Avon.");
        assert_eq!(e.iter().filter(|x| x.ends_with("(Person)")).collect::<Vec<_>>(), vec!["James Reed (Person)"]);
        let e = crate::testutil::entities("Edward Lodewijk \"Eddie\" Van Dam, a guitarist, died. Eddie Van Dam was 65.");
        assert_eq!(e, vec!["Edward Lodewijk Van Dam (Person)".to_string()]);
        let e = crate::testutil::entities(
            "Prayers were held at the Sultan Qaboos Grand Mosque in Muscat. She studied at King Harald University.",
        );
        assert!(e.contains(&"Sultan Qaboos Grand Mosque (Location)".to_string()), "{e:?}");
        assert!(e.contains(&"King Harald University (Organization)".to_string()), "{e:?}");
        let e = crate::testutil::entities("It was organised by the All India Farmers Union on Monday.");
        assert_eq!(e, vec!["All India Farmers Union (Organization)".to_string()]);
    }

    #[test]
    fn one_entity_per_label_in_a_document() {
        // A name read as a city in one sentence and otherwise in another stays one entity.
        let found = crate::testutil::entities("Flights to Paris resumed. Paris was calm, and officials in Paris said so.");
        assert_eq!(found.iter().filter(|e| e.starts_with("Paris (")).count(), 1, "{found:?}");
    }

    use crate::testutil::entities;

    #[test]
    fn spelling_variants_and_surnames_merge() {
        let e = entities("Ukraine's President Volodymyr Zelensky spoke. Zelenskiy said more. Zelensky left.");
        assert_eq!(e.iter().filter(|x| x.contains("(Person)")).count(), 1, "{e:?}");
    }

    #[test]
    fn a_surname_with_a_particle_is_the_full_name() {
        let e = entities("Mayor Harold de Vrieze spoke on Monday. Later, de Vrieze said the budget was fair.");
        let people: Vec<&String> = e.iter().filter(|x| x.contains("(Person)")).collect();
        assert_eq!(people, ["Harold de Vrieze (Person)"], "{e:?}");
    }

    #[test]
    fn capital_as_state_or_as_place() {
        let e = entities("Beijing said it would respond. Talks were held in Paris.");
        assert!(e.contains(&"China (Country)".to_string()), "{e:?}");
        assert!(e.contains(&"Paris (City)".to_string()), "{e:?}");
        assert!(!e.contains(&"France (Country)".to_string()), "{e:?}");
    }

    #[test]
    fn demonyms_are_countries_and_plural_demonyms_groups() {
        let e = entities("Chinese officials met Ukrainians in Geneva.");
        assert!(e.contains(&"China (Country)".to_string()) && e.contains(&"Ukrainians (Group)".to_string()), "{e:?}");
    }

    #[test]
    fn an_acronym_in_brackets_is_the_organisation_before_it() {
        let e = entities("Police raided offices of the Freedom and Labour League (OZP). The OZP denied it. Later OZP leaders met.");
        assert_eq!(e.iter().filter(|x| x.contains("(Organization)")).count(), 1, "{e:?}");
    }

    #[test]
    fn acronyms_and_longer_names_of_one_organisation_merge() {
        let e = entities("The Ukrainian National Security and Defence Council met. The National Security and Defence Council (NSDC) agreed. NSDC said no.");
        assert_eq!(e.iter().filter(|x| x.contains("(Organization)")).count(), 1, "{e:?}");
    }
}
