//! The process's memory allocator: mimalloc, set up to hand freed memory back soon.
//!
//! Extraction allocates and frees a few short strings per word; with glibc's allocator
//! malloc and free took 17% of one thread's time. mimalloc serves them from per-thread
//! pages at a fraction of the cost (Reuters-21578 on two cores: 1.12 M words/s against
//! 0.96 M; `docs/performance.md`). RocksDB, being C++, keeps glibc's allocator.

use std::os::raw::c_int;

/// `mi_option_purge_delay`'s number in `mimalloc.h`'s `mi_option_t` (options keep their
/// numbers across releases, retired ones stay as placeholders; the Rust bindings have no
/// name for this one).
const PURGE_DELAY_OPTION: c_int = 15;

/// The environment variable through which a user sets the purge delay themselves.
const PURGE_DELAY_VARIABLE: &str = "MIMALLOC_PURGE_DELAY";

/// How long freed pages stay reserved before they go back to the system, in ms.
/// mimalloc 3 waits 1,000 ms, which let a Reuters-21578 ingest peak at 392 MiB (312 MiB
/// with glibc), close to the 400 MB bound; 10 ms (mimalloc 2's delay) gives 335–360 MiB
/// at the same speed (0 ms: no less memory, ingest 5% slower).
const PURGE_DELAY_MS: i64 = 10;

/// Sets the allocator's purge delay, unless the user set it through its environment
/// variable; called first thing in `main`.
pub fn configure() {
    if std::env::var_os(PURGE_DELAY_VARIABLE).is_none() {
        // SAFETY: mi_option_set only stores an integer in mimalloc's option table, at
        // an option number mimalloc defines.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY_OPTION, PURGE_DELAY_MS as _) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The purge delay now in force, in ms.
    fn purge_delay_ms() -> i64 {
        // SAFETY: mi_option_get only reads mimalloc's option table.
        unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY_OPTION) as i64 }
    }

    #[test]
    fn configure_sets_the_purge_delay_the_user_left_alone() {
        if std::env::var_os(PURGE_DELAY_VARIABLE).is_none() {
            // mimalloc 3's own default, which no other option has: the number is right.
            assert_eq!(purge_delay_ms(), 1000);
            configure();
            assert_eq!(purge_delay_ms(), PURGE_DELAY_MS);
        }
    }
}
