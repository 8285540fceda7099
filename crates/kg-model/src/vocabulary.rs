//! The relation vocabulary of the extraction contract: every predicate with its family,
//! CAMEO root, symmetry, domain and range, in one table ([`vocabulary!`] below).
//!
//! Adding a predicate is one row of that table: extraction (through `data/lexicon/verbs.tsv`),
//! the RDF mapping, diagram colours (by family), filters and scoring read it from here. The
//! ontology (`data/ontology.ttl`) states the same facts in RDF; a test in the graph crate keeps
//! the two in step, and the lexicon refuses a cue whose predicate is not in the table.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumString, IntoStaticStr};

use crate::{EntityType, TypeSet};

/// A family of predicates: what lenient scoring compares and what a diagram colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, IntoStaticStr, EnumString)]
#[strum(serialize_all = "camelCase")]
pub enum Family {
    /// Positions and memberships.
    Affiliation,
    /// Parts and places of bodies and places.
    Structure,
    /// Standing partnerships and alliances.
    Alliance,
    /// Statements, appeals, promises, talks, agreements (CAMEO 01–05).
    VerbalCooperation,
    /// Cooperation and aid (CAMEO 06–07).
    MaterialCooperation,
    /// Demands, criticism, rejection, threats (CAMEO 10–13).
    VerbalConflict,
    /// Sanctions and force (CAMEO 16–20).
    MaterialConflict,
}

impl Family {
    /// Every family, in a fixed order (the order of a diagram's legend).
    pub const ALL: [Family; 7] = [
        Family::VerbalCooperation,
        Family::MaterialCooperation,
        Family::VerbalConflict,
        Family::MaterialConflict,
        Family::Affiliation,
        Family::Structure,
        Family::Alliance,
    ];

    /// The camelCase name, as in the ontology (`kg:verbalConflict`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The family with this camelCase name.
    pub fn from_name(name: &str) -> Option<Family> {
        name.parse().ok()
    }

    /// The predicates of the family, in the table's order.
    pub fn predicates(self) -> impl Iterator<Item = Predicate> {
        Predicate::ALL.iter().copied().filter(move |p| p.family() == self)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a predicate's object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// An entity of one of these types.
    Entities(TypeSet),
    /// A text literal (the quotation of `said`).
    Text,
}

/// One row of the vocabulary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PredicateInfo {
    /// The predicate.
    pub predicate: Predicate,
    /// camelCase local name, as in JSON and in the ontology.
    pub name: &'static str,
    /// Family compared by lenient scoring (and used for diagram colours).
    pub family: Family,
    /// CAMEO root category (two digits) of an event predicate; `None` for standing relations.
    pub cameo: Option<&'static str>,
    /// Either direction means the same.
    pub symmetric: bool,
    /// The types a subject may have.
    pub domain: TypeSet,
    /// What the object may be.
    pub range: Range,
}

/// Declares [`Predicate`] and its table from one list, so the two cannot disagree.
macro_rules! vocabulary {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $family:ident, $cameo:expr, $symmetric:expr, $domain:expr => $range:expr;)*) => {
        /// One predicate of the contract's vocabulary. Its facts are in [`Predicate::info`].
        /// Predicates order by name, as their IRIs do (tables and diagrams list them so).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Predicate {
            $($(#[$doc])* $variant,)*
        }

        /// The vocabulary: one row per predicate, in the order of the enum.
        pub const PREDICATES: &[PredicateInfo] = &[
            $(PredicateInfo {
                predicate: Predicate::$variant,
                name: $name,
                family: Family::$family,
                cameo: $cameo,
                symmetric: $symmetric,
                domain: $domain,
                range: $range,
            },)*
        ];

        impl Predicate {
            /// Every predicate, in the table's order.
            pub const ALL: &'static [Predicate] = &[$(Predicate::$variant,)*];
        }
    };
}

use EntityType::{City, Country, Location, Organization, Person};

const PERSON: TypeSet = TypeSet::of(&[Person]);
const ACTORS: Range = Range::Entities(TypeSet::ACTOR);
const PLACES: Range = Range::Entities(TypeSet::PLACE);

vocabulary! {
    /// Head of state, government, organisation or place.
    LeaderOf = "leaderOf", Affiliation, None, false, PERSON => Range::Entities(TypeSet::of(&[Country, Organization, City, Location]));
    /// Any other position or membership.
    MemberOf = "memberOf", Affiliation, None, false, PERSON => Range::Entities(TypeSet::of(&[Country, Organization]));
    /// Names or appoints a person to a post.
    Appointed = "appointed", Affiliation, None, false, TypeSet::ACTOR => Range::Entities(PERSON);
    /// A body of a state or organisation.
    PartOf = "partOf", Structure, None, false, TypeSet::of(&[Organization]) => Range::Entities(TypeSet::of(&[Organization, Country]));
    /// A city, place or organisation located in a place.
    LocatedIn = "locatedIn", Structure, None, false, TypeSet::of(&[City, Location, Organization]) => PLACES;
    /// Partnership, alliance, strategic partners.
    PartnersWith = "partnersWith", Alliance, None, true, TypeSet::of(&[Country, Organization, Person]) => Range::Entities(TypeSet::of(&[Country, Organization, Person]));
    /// A direct quotation; the object is the quoted text.
    Said = "said", VerbalCooperation, Some("01"), false, TypeSet::ACTOR => Range::Text;
    /// Appeals to or calls on.
    AppealedTo = "appealedTo", VerbalCooperation, Some("02"), false, TypeSet::ACTOR => ACTORS;
    /// Promises or pledges to.
    PledgedTo = "pledgedTo", VerbalCooperation, Some("03"), false, TypeSet::ACTOR => ACTORS;
    /// Spoke with (by telephone or in talks).
    SpokeWith = "spokeWith", VerbalCooperation, Some("04"), true, TypeSet::ACTOR => ACTORS;
    /// Met in person.
    MetWith = "metWith", VerbalCooperation, Some("04"), true, TypeSet::ACTOR => ACTORS;
    /// Visited a place.
    Visited = "visited", VerbalCooperation, Some("04"), false, TypeSet::ACTOR => PLACES;
    /// Signed an agreement with.
    SignedAgreementWith = "signedAgreementWith", VerbalCooperation, Some("05"), true, TypeSet::ACTOR => ACTORS;
    /// Expressed support for.
    Supported = "supported", VerbalCooperation, Some("05"), false, TypeSet::ACTOR => ACTORS;
    /// Trade, joint exercises, intelligence sharing.
    CooperatedWith = "cooperatedWith", MaterialCooperation, Some("06"), true, TypeSet::ACTOR => ACTORS;
    /// Provides weapons, aid or loans to.
    Aided = "aided", MaterialCooperation, Some("07"), false, TypeSet::ACTOR => ACTORS;
    /// Demands of.
    Demanded = "demanded", VerbalConflict, Some("10"), false, TypeSet::ACTOR => ACTORS;
    /// Denounced, condemned, accused, blamed.
    Criticized = "criticized", VerbalConflict, Some("11"), false, TypeSet::ACTOR => ACTORS;
    /// Rejected, refused, vetoed.
    Rejected = "rejected", VerbalConflict, Some("12"), false, TypeSet::ACTOR => ACTORS;
    /// Threatened, warned of consequences.
    Threatened = "threatened", VerbalConflict, Some("13"), false, TypeSet::ACTOR => ACTORS;
    /// Imposed sanctions or an embargo, expelled diplomats, cut ties.
    Sanctioned = "sanctioned", MaterialConflict, Some("16"), false, TypeSet::ACTOR => ACTORS;
    /// Invaded, attacked, bombed, struck, fought (CAMEO 18–20).
    Attacked = "attacked", MaterialConflict, Some("19"), false, TypeSet::ACTOR => ACTORS;
}

impl Predicate {
    /// The predicate's row of the vocabulary table.
    pub const fn info(self) -> &'static PredicateInfo {
        &PREDICATES[self as usize]
    }

    /// camelCase local name (`spokeWith`).
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The predicate with this camelCase name.
    pub fn from_name(name: &str) -> Option<Predicate> {
        PREDICATES.iter().find(|p| p.name == name).map(|p| p.predicate)
    }

    /// The predicate's family.
    pub const fn family(self) -> Family {
        self.info().family
    }

    /// CAMEO root of an event predicate; `None` for standing relations.
    pub const fn cameo(self) -> Option<&'static str> {
        self.info().cameo
    }

    /// Whether the predicate is an event (it has a CAMEO root).
    pub const fn is_event(self) -> bool {
        self.info().cameo.is_some()
    }

    /// Either direction means the same.
    pub const fn is_symmetric(self) -> bool {
        self.info().symmetric
    }

    /// Whether the predicate holds a position (`leaderOf`, `memberOf`): what a title states.
    pub const fn is_position(self) -> bool {
        matches!(self, Predicate::LeaderOf | Predicate::MemberOf)
    }

    /// Whether the vocabulary allows the predicate between a subject and an object entity of these types.
    pub const fn allows(self, subject: EntityType, object: EntityType) -> bool {
        match self.info().range {
            Range::Entities(range) => self.info().domain.contains(subject) && range.contains(object),
            Range::Text => false,
        }
    }
}

impl Ord for Predicate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Predicate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Predicate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Predicate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Predicate::from_name(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown predicate {name:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_enum_and_names_are_unique() {
        for (i, row) in PREDICATES.iter().enumerate() {
            assert_eq!(row.predicate as usize, i, "{}", row.name);
            assert_eq!(Predicate::from_name(row.name), Some(row.predicate));
        }
        assert_eq!(Predicate::from_name("spokWith"), None);
    }

    #[test]
    fn events_have_a_two_digit_cameo_root_and_standing_relations_none() {
        for p in Predicate::ALL {
            match p.cameo() {
                Some(root) => assert!(root.len() == 2 && root.bytes().all(|b| b.is_ascii_digit()), "{p}"),
                None => assert!(matches!(p.family(), Family::Affiliation | Family::Structure | Family::Alliance), "{p}"),
            }
        }
    }

    #[test]
    fn symmetric_predicates_have_the_same_domain_and_range() {
        for p in Predicate::ALL.iter().filter(|p| p.is_symmetric()) {
            assert_eq!(p.info().range, Range::Entities(p.info().domain), "{p}");
        }
    }

    #[test]
    fn families_round_trip_and_cover_every_predicate() {
        for f in Family::ALL {
            assert_eq!(Family::from_name(f.name()), Some(f));
        }
        assert_eq!(Family::ALL.iter().map(|f| f.predicates().count()).sum::<usize>(), Predicate::ALL.len());
    }

    #[test]
    fn predicates_order_by_name() {
        assert!(Predicate::Attacked < Predicate::LeaderOf && Predicate::SpokeWith < Predicate::Visited);
    }

    #[test]
    fn serialises_as_its_name() {
        let json = serde_json::to_string(&Predicate::SpokeWith).unwrap();
        assert_eq!(json, "\"spokeWith\"");
        assert_eq!(serde_json::from_str::<Predicate>(&json).unwrap(), Predicate::SpokeWith);
        let err = serde_json::from_str::<Predicate>("\"spokWith\"").unwrap_err().to_string();
        assert!(err.contains("unknown predicate \"spokWith\""), "{err}");
    }

    #[test]
    fn domain_and_range_decide_what_is_allowed() {
        use EntityType::*;
        assert!(Predicate::LeaderOf.allows(Person, City));
        assert!(!Predicate::LeaderOf.allows(Organization, Country));
        assert!(Predicate::Visited.allows(Group, Location));
        assert!(!Predicate::Visited.allows(Group, Person));
        assert!(!Predicate::Said.allows(Person, Person));
    }
}
