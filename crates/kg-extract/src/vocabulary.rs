//! The relation vocabulary of the extraction contract: predicates, their families,
//! CAMEO roots and symmetry. The ontology (`data/ontology.ttl`) states the same facts
//! in RDF; a test in the graph crate keeps the two in step.

/// One predicate of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Predicate {
    /// camelCase local name.
    pub name: &'static str,
    /// Family compared by lenient scoring (and used for diagram colours).
    pub family: &'static str,
    /// CAMEO root category, empty for standing relations.
    pub cameo: &'static str,
    /// Either direction means the same.
    pub symmetric: bool,
}

const fn p(name: &'static str, family: &'static str, cameo: &'static str, symmetric: bool) -> Predicate {
    Predicate { name, family, cameo, symmetric }
}

/// Every predicate of the contract.
pub const PREDICATES: &[Predicate] = &[
    p("leaderOf", "affiliation", "", false),
    p("memberOf", "affiliation", "", false),
    p("appointed", "affiliation", "", false),
    p("partOf", "structure", "", false),
    p("locatedIn", "structure", "", false),
    p("partnersWith", "alliance", "", true),
    p("said", "verbalCooperation", "01", false),
    p("appealedTo", "verbalCooperation", "02", false),
    p("pledgedTo", "verbalCooperation", "03", false),
    p("spokeWith", "verbalCooperation", "04", true),
    p("metWith", "verbalCooperation", "04", true),
    p("visited", "verbalCooperation", "04", false),
    p("signedAgreementWith", "verbalCooperation", "05", true),
    p("supported", "verbalCooperation", "05", false),
    p("cooperatedWith", "materialCooperation", "06", true),
    p("aided", "materialCooperation", "07", false),
    p("demanded", "verbalConflict", "10", false),
    p("criticized", "verbalConflict", "11", false),
    p("rejected", "verbalConflict", "12", false),
    p("threatened", "verbalConflict", "13", false),
    p("sanctioned", "materialConflict", "16", false),
    p("attacked", "materialConflict", "19", false),
];

/// The predicate with this name.
pub fn predicate(name: &str) -> Option<&'static Predicate> {
    PREDICATES.iter().find(|p| p.name == name)
}

/// True for symmetric predicates.
pub fn is_symmetric(name: &str) -> bool {
    predicate(name).is_some_and(|p| p.symmetric)
}

/// The family of a predicate (what lenient scoring compares).
pub fn family(name: &str) -> Option<&'static str> {
    predicate(name).map(|p| p.family)
}
