//! The trials' random numbers: SplitMix64 (Steele, Lea and Flood, 2014), a dozen lines of our
//! own rather than `rand`. Why: the figures a seed gives are part of cniplan's output, so the
//! generator must never change under us (rand's `StdRng` promises no such thing across
//! versions), and each trial needs its own stream from (seed, trial) so the output is the same
//! on any number of cores. SplitMix64 passes BigCrush, costs a few instructions per number,
//! and seeds by hashing: streams of nearby seeds are unrelated.

#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijective mix of 64 bits.
#[inline(always)]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream of one trial: its own, whatever thread runs it. `part` separates the
    /// independent parts of a plan (clusters that share no range), each its own trials.
    pub fn for_trial(seed: u64, part: u64, trial: u64) -> Self {
        Rng {
            state: mix(
                mix(seed ^ GOLDEN).wrapping_add(part).wrapping_mul(GOLDEN) ^ mix(trial.wrapping_add(GOLDEN))
            ),
        }
    }

    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A number in `0..n` (0 when n is 0), by Lemire's multiply-shift: the bias, n / 2^64, is
    /// far below anything a few thousand trials can show, and it costs no division.
    #[inline(always)]
    pub fn below(&mut self, n: u32) -> u32 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u32
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        lo + ((u128::from(self.next_u64()) * (u128::from(hi - lo) + 1)) >> 64) as u32
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// `x` rounded down or up at random, up with the chance of its fraction: on average `x`.
    pub fn round(&mut self, x: f64) -> u32 {
        let floor = x.floor();
        let up = u32::from(self.unit() < x - floor);
        (floor as u32).saturating_add(up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_fixed_for_a_seed_and_trial() {
        let draw = |seed, trial| {
            let mut r = Rng::for_trial(seed, 0, trial);
            [r.next_u64(), r.next_u64()]
        };
        assert_eq!(draw(0, 0), draw(0, 0));
        assert_ne!(draw(0, 0), draw(0, 1));
        assert_ne!(draw(0, 0), draw(1, 0));
        // The first number of seed 0, trial 0, written down: a change of the generator changes
        // every published figure, so it must show up here first.
        assert_eq!(draw(0, 0)[0], 0x45a1_4827_08ac_90dd);
    }

    #[test]
    fn bounded_draws_stay_in_range_and_cover_it() {
        let mut r = Rng::for_trial(7, 0, 0);
        let mut seen = [0u32; 5];
        for _ in 0..10_000 {
            let v = r.between(3, 7);
            assert!((3..=7).contains(&v));
            seen[(v - 3) as usize] += 1;
            assert!(r.below(10) < 10);
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert!(seen.iter().all(|&n| n > 1_800), "{seen:?}");
        assert_eq!(r.below(0), 0);
        assert_eq!(r.between(4, 4), 4);
        let mean = (0..10_000).map(|_| f64::from(r.round(2.25))).sum::<f64>() / 10_000.0;
        assert!((mean - 2.25).abs() < 0.05, "{mean}");
    }
}
