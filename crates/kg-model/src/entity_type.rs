//! The entity types of the extraction contract, and sets of them (a predicate's domain and range).

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

/// The entity types of the extraction contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, IntoStaticStr, EnumString)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum EntityType {
    /// A named human.
    Person,
    /// A company, ministry, party, council, agency, army, news agency or alliance.
    Organization,
    /// A sovereign state or state-like polity (also named by capital or demonym).
    Country,
    /// A city or town used as a place.
    City,
    /// Any other named place: region, sea, mountain, continent, province.
    Location,
    /// A named collective that is not an organisation ("the West", "Ukrainians").
    Group,
}

impl EntityType {
    /// The contract's name of the type, as used in JSON and in entity IRIs.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a contract type name.
    pub fn parse(name: &str) -> Option<EntityType> {
        name.parse().ok()
    }

    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 6] =
        [EntityType::Person, EntityType::Organization, EntityType::Country, EntityType::City, EntityType::Location, EntityType::Group];
}

/// A set of entity types: what a predicate accepts as subject or object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TypeSet(u8);

impl TypeSet {
    /// No type.
    pub const EMPTY: TypeSet = TypeSet(0);
    /// Whatever can act in an event: a person, an organisation, a country or a group (`kg:Actor`).
    pub const ACTOR: TypeSet = TypeSet::of(&[EntityType::Person, EntityType::Organization, EntityType::Country, EntityType::Group]);
    /// A place: a country, a city or another location (`schema:Place`).
    pub const PLACE: TypeSet = TypeSet::of(&[EntityType::Country, EntityType::City, EntityType::Location]);
    /// Every type (`schema:Thing`).
    pub const ANY: TypeSet = TypeSet::of(&EntityType::ALL);

    /// The set of these types.
    pub const fn of(types: &[EntityType]) -> TypeSet {
        let mut bits = 0u8;
        let mut i = 0;
        while i < types.len() {
            bits |= 1 << types[i] as u8;
            i += 1;
        }
        TypeSet(bits)
    }

    /// Whether the set holds `t`.
    pub const fn contains(self, t: EntityType) -> bool {
        self.0 & (1 << t as u8) != 0
    }

    /// Whether every type of `other` is in this set.
    pub const fn covers(self, other: TypeSet) -> bool {
        other.0 & !self.0 == 0
    }

    /// The types of the set, in the order of [`EntityType::ALL`].
    pub fn types(self) -> impl Iterator<Item = EntityType> {
        EntityType::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_round_trip() {
        for t in EntityType::ALL {
            assert_eq!(EntityType::parse(t.as_str()), Some(t));
        }
        assert_eq!(EntityType::parse("Thing"), None);
    }

    #[test]
    fn sets_hold_their_types() {
        assert!(TypeSet::ACTOR.contains(EntityType::Group) && !TypeSet::ACTOR.contains(EntityType::City));
        assert!(TypeSet::PLACE.contains(EntityType::Country) && !TypeSet::PLACE.contains(EntityType::Person));
        assert!(TypeSet::ANY.covers(TypeSet::ACTOR) && !TypeSet::ACTOR.covers(TypeSet::PLACE));
        assert_eq!(TypeSet::PLACE.types().collect::<Vec<_>>(), [EntityType::Country, EntityType::City, EntityType::Location]);
    }
}
