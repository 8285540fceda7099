//! The process's memory allocator: mimalloc, set up to hold little memory it does not use.
//!
//! Extraction allocates and frees a few short strings per word; with glibc's allocator
//! malloc and free took 17% of one thread's time. mimalloc serves them from per-thread
//! pages at a fraction of the cost (Reuters-21578 on two cores: 1.10 M words/s
//! against 0.97–1.04 M; `docs/performance.md`). RocksDB, being C++, keeps glibc's.

use std::ffi::CStr;
use std::os::raw::c_int;

/// One of mimalloc's options: the environment variable through which a user sets it
/// themselves, its number in `mimalloc.h`'s `mi_option_t` (options keep their numbers
/// across releases, retired ones stay as placeholders; the Rust bindings name only
/// some), and the value `kg` sets.
struct AllocatorOption {
    variable: &'static CStr,
    number: c_int,
    value: i64,
}

/// The options `kg` sets. Measured on ingests of two copies of Reuters-21578 (peak RSS
/// and wall time; glibc's allocator 328 MB and 35.1 s):
/// - `mi_option_purge_delay` (ms before freed pages go back to the system): mimalloc 3
///   waits 1,000 ms, which let one copy's ingest peak at 392 MiB against the 400 MB
///   bound; 10 ms (mimalloc 2's delay) at the same speed: 360–365 MB, 30.0–31.8 s.
/// - `mi_option_arena_eager_commit`: with the arenas' memory committed only as it is
///   used, 322–330 MB and 32.5–33.0 s; extraction alone 3% slower (1.09 M words/s).
const OPTIONS: [AllocatorOption; 2] = [
    AllocatorOption { variable: c"MIMALLOC_PURGE_DELAY", number: 15, value: 10 },
    AllocatorOption { variable: c"MIMALLOC_ARENA_EAGER_COMMIT", number: 4, value: 0 },
];

/// Runs [`configure`] as the program is loaded, before anything is allocated: mimalloc
/// reserves its first arena at the first allocation (the standard library's own, before
/// `main`), and that arena keeps the commit setting it was made with; set from `main`,
/// the options left the ingest's peak at 357 MB instead of 322–330 MB.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CONFIGURE_AT_LOAD: extern "C" fn() = configure_at_load;

#[cfg(target_os = "linux")]
extern "C" fn configure_at_load() {
    configure();
}

/// True when the user set the variable. Allocates nothing (it runs before the
/// allocator is set up).
fn user_set(variable: &CStr) -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: getenv reads the environment with a NUL-terminated name; nothing writes
    // the environment while the program is loaded or in `main`'s first statement.
    unsafe {
        !libc::getenv(variable.as_ptr()).is_null()
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        variable.to_str().is_ok_and(|v| std::env::var_os(v).is_some())
    }
}

/// Sets the allocator's options, but those the user set through their environment
/// variables; runs as the program is loaded on Linux, first thing in `main` elsewhere.
pub fn configure() {
    for option in OPTIONS.iter().filter(|o| !user_set(o.variable)) {
        // SAFETY: mi_option_set only stores an integer in mimalloc's option table, at an
        // option number mimalloc defines.
        unsafe { libmimalloc_sys::mi_option_set(option.number, option.value as _) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An option's value now in force.
    fn current(option: &AllocatorOption) -> i64 {
        // SAFETY: mi_option_get only reads mimalloc's option table.
        unsafe { libmimalloc_sys::mi_option_get(option.number) as i64 }
    }

    #[test]
    fn the_options_the_user_left_alone_are_set_at_load() {
        for option in OPTIONS.iter().filter(|o| !user_set(o.variable)) {
            assert_eq!(current(option), option.value, "{:?}", option.variable);
        }
    }
}
