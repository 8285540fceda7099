//! Properties of extraction on generated news-like text: every offset lies on a
//! character boundary inside the text, every mention's text is one of the entity's
//! names, every relation's subject and object exist.

use kg_extract::Extractor;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Kenya",
    "Ethiopia",
    "Chinese",
    "President",
    "Xi",
    "Jinping",
    "met",
    "criticized",
    "Russia's",
    "foreign",
    "ministry",
    "spokeswoman",
    "Maria",
    "Zakharova",
    "said",
    "the",
    "in",
    "on",
    "Monday",
    "and",
    "Zelensky",
    "Zelenskiy",
    "Ukraine’s",
    "“",
    "”",
    "\"",
    ",",
    ".",
    ":",
    "(",
    ")",
    "Étienne",
    "Thébault",
    "U.S.",
    "NATO",
    "did",
    "not",
    "visit",
    "Kyiv",
    "Beijing",
    "sanctions",
    "against",
    "Moscow",
    "he",
    "she",
    "🙂",
    "\u{202e}",
    "שלום",
    "Mr.",
    "Dr.",
    "-",
    "—",
    "\n",
    "\n\n",
    "July 24, 2024",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn offsets_and_references_are_sound(text in article()) {
        let ex = Extractor::new();
        let doc = ex.extract("p", &text, None).expect("extract");
        let chars: Vec<char> = text.chars().collect();
        for e in &doc.entities {
            let names: Vec<&str> = std::iter::once(e.label.as_str()).chain(e.aliases.iter().map(String::as_str)).collect();
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= chars.len());
                let said: String = chars[m.start..m.end].iter().collect();
                // Names are single-spaced: a name the text wraps over a line is one name.
                let folded = |s: &str| s.replace(['’', '‘'], "'").split_whitespace().collect::<Vec<_>>().join(" ");
                // "the foreign ministry": a reference by the head noun of an organisation's name.
                let head = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
                let reference = said.starts_with(char::is_lowercase) && head(&said).is_some() && head(&said) == head(&e.label);
                prop_assert!(
                    reference || names.iter().any(|n| folded(n).contains(&folded(&said)) || folded(&said).contains(&folded(n))),
                    "mention {:?} is none of {:?}", said, names
                );
            }
        }
        for r in &doc.relations {
            prop_assert!(r.start <= r.end && r.end <= chars.len());
            prop_assert!(doc.entity(&r.subject).is_some());
            prop_assert!(r.object.as_deref().is_none_or(|o| doc.entity(o).is_some()));
            prop_assert!(r.object.is_some() != r.literal.is_some());
            prop_assert!((0.0..=1.0).contains(&r.confidence));
        }
    }
}
