//! Third-party readers that can panic on damaged input (ZIP, XML, PDF decoders), run so that
//! a panic becomes an error value and prints nothing. `catch_unwind` alone stops the unwinding
//! but not the panic hook, which would print "thread … panicked at …" and a backtrace hint on
//! standard error; the binary's hook stays quiet while [`active`] is true on the panicking
//! thread, and the library turns the caught panic into one typed error.

use std::cell::Cell;
use std::panic::UnwindSafe;

thread_local! {
    /// How many contained calls are running on this thread (they may nest).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`, returning `Err` with the panic's payload if it panicked.
pub fn catch<T>(f: impl FnOnce() -> T + UnwindSafe) -> std::thread::Result<T> {
    DEPTH.with(|d| d.set(d.get() + 1));
    let out = std::panic::catch_unwind(f);
    DEPTH.with(|d| d.set(d.get() - 1));
    out
}

/// Whether the current thread is inside [`catch`]: a panic hook stays quiet then, since the
/// panic is expected and reported as an error.
pub fn active() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_the_flag_is_scoped_to_the_call() {
        assert!(!active());
        let inside = catch(active);
        assert_eq!(inside.ok(), Some(true));
        let r: std::thread::Result<()> = catch(|| panic!("damaged"));
        assert!(r.is_err());
        assert!(!active(), "the depth is restored after a panic");
    }
}
