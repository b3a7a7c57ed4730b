//! Our own small deterministic random number generator: xoshiro256++ seeded through
//! splitmix64. Integer arithmetic only, so a seed gives the same stream on every platform
//! (native, wasm32), with no dependency on `rand`.

/// The splitmix64 generator (Steele, Lea & Flood 2014), used to spread a 64-bit seed over
/// xoshiro's 256 bits of state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A 64-bit FNV-1a hash of a name: keys a random stream to a line or an input by its id,
/// so adding a line leaves every other line's draws unchanged.
pub fn key(name: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// xoshiro256++ (Blackman & Vigna 2019): fast, 256 bits of state, period 2^256 − 1.
/// Not for cryptography; for reproducible Monte Carlo draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator whose state is filled by splitmix64 from `seed`, as the authors
    /// recommend. Every seed, 0 included, gives a valid (non-zero) state.
    pub fn seed_from_u64(seed: u64) -> Rng {
        let mut sm = SplitMix64::new(seed);
        let mut s = [0u64; 4];
        for w in &mut s {
            *w = sm.next_u64();
        }
        if s == [0; 4] {
            // Unreachable for splitmix64 output, but the all-zero state would be stuck.
            s[0] = 1;
        }
        Rng { s }
    }

    /// The stream of the input named `name` under a scenario's `seed`: independent of
    /// every other name's stream and of the order inputs are drawn in.
    pub fn keyed(seed: u64, name: &str) -> Rng {
        Rng::seed_from_u64(SplitMix64::new(seed ^ key(name)).next_u64())
    }

    /// A generator with an explicit state (for reference test vectors). An all-zero state
    /// is replaced by `[1, 0, 0, 0]`.
    pub fn from_state(state: [u64; 4]) -> Rng {
        if state == [0; 4] {
            Rng { s: [1, 0, 0, 0] }
        } else {
            Rng { s: state }
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1): the top 53 bits of [`Rng::next_u64`] times 2^−53, so
    /// every value is an exact multiple of 2^−53 and the conversion is exact everywhere.
    pub fn next_f64(&mut self) -> f64 {
        // 2^-53 as an exact constant.
        const SCALE: f64 = 1.0 / 9_007_199_254_740_992.0;
        (self.next_u64() >> 11) as f64 * SCALE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference() {
        // Reference outputs of splitmix64 seeded with 1234567 (Vigna's splitmix64.c).
        let mut sm = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| sm.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn xoshiro256plusplus_matches_the_reference() {
        // State [1, 2, 3, 4]. The first two by hand: rotl(1 + 4, 23) + 1 = 5·2^23 + 1 =
        // 41.943.041; then s = [7, 0, 262.146, rotl(6, 45)] and
        // rotl(7 + 6·2^45, 23) + 7 = 7·2^23 + 6·2^4 + 7 = 58.720.359.
        let mut r = Rng::from_state([1, 2, 3, 4]);
        let got: Vec<u64> = (0..10).map(|_| r.next_u64()).collect();
        assert_eq!(
            got,
            [
                41_943_041,
                58_720_359,
                3_588_806_011_781_223,
                3_591_011_842_654_386,
                9_228_616_714_210_784_205,
                9_973_669_472_204_895_162,
                14_011_001_112_246_962_877,
                12_406_186_145_184_390_807,
                15_849_039_046_786_891_736,
                10_450_023_813_501_588_000,
            ]
        );
    }

    #[test]
    fn floats_lie_in_the_unit_interval_and_look_uniform() {
        let mut r = Rng::seed_from_u64(0);
        let n = 100_000;
        let mut sum = 0.0;
        let mut below_tenth = 0;
        for _ in 0..n {
            let x = r.next_f64();
            assert!((0.0..1.0).contains(&x));
            sum += x;
            if x < 0.1 {
                below_tenth += 1;
            }
        }
        let mean = sum / f64::from(n);
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        assert!((9_500..10_500).contains(&below_tenth), "{below_tenth}");
    }

    #[test]
    fn same_seed_same_stream_different_seed_different_stream() {
        let a: Vec<u64> = {
            let mut r = Rng::seed_from_u64(2027);
            (0..8).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::seed_from_u64(2027);
            (0..8).map(|_| r.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut r = Rng::seed_from_u64(2028);
            (0..8).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(Rng::from_state([0; 4]), Rng::from_state([1, 0, 0, 0]));
    }
}
