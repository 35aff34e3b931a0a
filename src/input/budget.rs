//! What evaluating an input may build, one truth for every evaluator (Terraform's and
//! ARM's): no string longer than [`MAX_STRING_BYTES`] and no collection of more than
//! [`MAX_ITEMS`] items is built. Each function that makes a string or a collection works out
//! the size of its result from its arguments first, without building it, and refuses
//! what would pass the limit: a `replace()` of a 1,000-character string by itself, twice,
//! asked for a gigabyte before any limit was checked. Together with the evaluators' step
//! budgets, which charge every value read by its size, a small input that expands stays
//! small in time and memory.

use crate::diagnostic::{Finding, Rule, Span};

/// Evaluation steps for one input. A step is one expression evaluated, or 64 bytes (one
/// item) of a value read or built (the evaluators' `size`). Real root modules take a few
/// thousand, the 1.3 MiB AKS-Construction template about 200,000; at most about 256 MB of
/// values are ever built or copied.
pub const MAX_STEPS: u64 = 4_000_000;

/// The finding where an evaluation spends its budget: an error, for what is left unevaluated
/// (unknown, so unchecked) could hold anything: a copy loop or `for` that runs away must not
/// let the gate pass on the rest of the input. `input` is `the configuration` or `the
/// template`; `steps` the budget spent.
pub fn spent(at: Span, input: &str, steps: u64) -> Finding {
    Finding::new(
        Rule::PlanSchema,
        at,
        format!(
            "evaluating {input} took more than {} steps; cniplan stopped here and left the rest unknown, so it is not checked",
            crate::numbers::thousands(steps)
        ),
    )
    .help("a loop this large is not a network; check the counts and the values they multiply")
}

/// Far longer than any name, ID, CIDR list or tag a network configuration builds.
pub const MAX_STRING_BYTES: usize = 1 << 20;

/// Far more than the subnets, prefixes or instances of any one network value.
pub const MAX_ITEMS: usize = 100_000;

std::thread_local! {
    /// Steps left to the walks of values under way on this thread (see [`walks`]).
    static WALK_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
}

/// Runs `f`, letting the walks of values in it (comparing, hashing, sizing, writing out)
/// take at most `steps` steps, and returns its result with the steps they took. ARM's
/// values share their parts (a variable read twice is one value, not two copies), so a walk
/// of a value can be exponentially longer than what built it: forty variables each made
/// of the one before, twice, are a trillion values to `string()` or `equals()`. The
/// evaluator charges what the walks took to its budget; a walk past `steps` gives up
/// ([`walk_step`]) and the budget is spent. Outside `walks`, walks are not limited.
pub fn walks<R>(steps: u64, f: impl FnOnce() -> R) -> (R, u64) {
    let outer = WALK_LEFT.with(|w| w.replace(steps));
    let result = f();
    let left = WALK_LEFT.with(|w| w.replace(outer));
    (result, steps - left)
}

/// One step of a walk of a value; false once the allowance of [`walks`] is spent, when the
/// walk must stop and give up (its result is thrown away with the spent budget).
pub fn walk_step() -> bool {
    WALK_LEFT.with(|w| match w.get() {
        0 => false,
        left => {
            w.set(left - 1);
            true
        }
    })
}

/// Why a result is not built, in words for the finding at the call; `function` as it reads
/// in a sentence (`` `replace()` ``, `a template`).
pub fn string_too_long(function: &str, bytes: u128) -> String {
    format!(
        "{function} would build a string of {bytes} bytes; cniplan evaluates strings of at most {} MiB",
        MAX_STRING_BYTES >> 20
    )
}

/// [`string_too_long`] for a result whose length is not worked out: writing it stopped at
/// the limit.
pub fn string_past_limit(function: &str) -> String {
    format!(
        "{function} would build a string of more than {MAX_STRING_BYTES} bytes; cniplan evaluates strings of at most {} MiB",
        MAX_STRING_BYTES >> 20
    )
}

pub fn too_many_items(function: &str, items: u128) -> String {
    format!("{function} would build a collection of {items} items; cniplan evaluates at most {MAX_ITEMS}")
}

/// Whether an unknown value's reason is a refusal of this budget: made by the two functions
/// above, whose words no name can contain (`;` and spaces do not occur in identifiers).
pub fn is_refusal(reason: &str) -> bool {
    reason.contains("; cniplan evaluates ")
}

/// `Err` with the message when a string of `bytes` would pass the limit.
pub fn check_string(function: &str, bytes: u128) -> Result<(), String> {
    if bytes > MAX_STRING_BYTES as u128 {
        Err(string_too_long(function, bytes))
    } else {
        Ok(())
    }
}

/// `Err` with the message when a collection of `items` would pass the limit.
pub fn check_items(function: &str, items: u128) -> Result<(), String> {
    if items > MAX_ITEMS as u128 {
        Err(too_many_items(function, items))
    } else {
        Ok(())
    }
}

/// The length of `s` with every `from` replaced by `to`, without building it (`from` not
/// empty): one pass that allocates nothing.
pub fn replaced_len(s: &str, from: &str, to: &str) -> u128 {
    let count = memchr::memmem::find_iter(s.as_bytes(), from.as_bytes()).count() as u128;
    s.len() as u128 - count * from.len() as u128 + count * to.len() as u128
}

/// The length of `parts` joined by `separator`, without building it.
pub fn joined_len<'p>(parts: impl ExactSizeIterator<Item = &'p str>, separator: &str) -> u128 {
    let n = parts.len() as u128;
    let text: u128 = parts.map(|p| p.len() as u128).sum();
    text + n.saturating_sub(1) * separator.len() as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_worked_out_before_anything_is_built() {
        assert_eq!(replaced_len("a-b-c", "-", "--"), 7);
        assert_eq!(replaced_len("aaaa", "aa", ""), 0);
        assert_eq!(joined_len(["a", "bc"].into_iter(), ", "), 5);
        assert_eq!(joined_len(std::iter::empty(), ", "), 0);
        let kilo = "x".repeat(1000);
        // replace(replace(k, "x", k), "x", …) asks for 10^9 bytes at the second call.
        let once = replaced_len(&kilo, "x", &kilo);
        assert_eq!(once, 1_000_000);
        assert!(check_string("`replace()`", once).is_ok());
        assert!(check_string("`replace()`", once * 1000).is_err());
    }

    #[test]
    fn a_walk_stops_when_its_allowance_is_spent_and_says_what_it_took() {
        let (taken, steps) = walks(3, || (0..10).take_while(|_| walk_step()).count());
        assert_eq!((taken, steps), (3, 3));
        // Nested: the inner allowance is its own, the outer one is left as it was.
        let ((), outer) = walks(10, || {
            assert!(walk_step());
            let (_, inner) = walks(2, || while walk_step() {});
            assert_eq!(inner, 2);
        });
        assert_eq!(outer, 1);
        assert!(walk_step(), "outside `walks` nothing is limited");
    }
}
