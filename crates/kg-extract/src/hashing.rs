//! Feature hashing: 64-bit hashes of words and of feature templates, computed
//! without allocating, so a tagger turns a token into its features cheaply.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// A 64-bit hash of a string (FxHash over 8-byte words, then a finaliser).
pub fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut tail = 0u64;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        tail |= (b as u64) << (8 * i);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    finish(h)
}

/// Mixes the bits of `h` so that its low bits depend on all of its input (MurmurHash3's finaliser).
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature: a template number and one hashed value.
pub fn feature(template: u32, a: u64) -> u64 {
    finish((a ^ (template as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(K))
}

/// A feature: a template number and two hashed values, in order.
pub fn feature2(template: u32, a: u64, b: u64) -> u64 {
    feature(template, a.rotate_left(17) ^ b.wrapping_mul(K))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_differ_by_content_and_order() {
        assert_ne!(hash_str("China"), hash_str("china"));
        assert_ne!(hash_str("abcdefgh1"), hash_str("abcdefgh2"));
        assert_eq!(hash_str("Zelenskiy"), hash_str("Zelenskiy"));
        let (a, b) = (hash_str("a"), hash_str("b"));
        assert_ne!(feature2(1, a, b), feature2(1, b, a));
        assert_ne!(feature(1, a), feature(2, a));
    }
}

/// A hasher for keys that are already hashes: passes the `u64` through.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is expected; fold anything else in so that it still works.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(K);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a hash.
pub type HashMap64<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;
/// A set of hashes.
pub type HashSet64 = std::collections::HashSet<u64, std::hash::BuildHasherDefault<PassThrough>>;

/// The hash of a phrase from the hashes of its words, in order.
pub fn phrase(words: impl IntoIterator<Item = u64>) -> u64 {
    words.into_iter().fold(0x243f_6a88_85a3_08d3, phrase_step)
}

/// The hash of a phrase one word longer than the phrase hashed `h`.
pub fn phrase_step(h: u64, word: u64) -> u64 {
    feature2(0, h, word)
}

/// A fast hasher for short keys such as words and phrases (FxHash over 8-byte words,
/// finalised): the default SipHash costs more than the lookups it serves. Not for keys
/// an attacker chooses to collide; the maps here hold lexicon entries and a document's words.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        finish(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(K);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(K);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A map with the fast hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
/// A set with the fast hasher.
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;
