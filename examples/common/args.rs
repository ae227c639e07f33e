//! What the corpus examples share: their command line (paths, then `--flag [N]`) and the
//! fixed-seed draw that makes a by-eye sample the same from run to run.

use std::path::PathBuf;

/// The paths before the first `--flag`; an error with `usage` when there are none.
pub fn inputs(args: &[String], usage: &str) -> Result<Vec<PathBuf>, String> {
    let paths: Vec<PathBuf> = args
        .iter()
        .take_while(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        return Err(format!("usage: {usage}"));
    }
    Ok(paths)
}

/// The number after `flag`, or `default` when the flag or its number is missing.
pub fn number(args: &[String], flag: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Draws without replacement by a linear congruential generator: the same seed, the same
/// sample, whatever machine runs it.
pub struct Draw(u64);

impl Draw {
    pub fn new(seed: u64) -> Draw {
        Draw(seed ^ 0x2545_F491_4F6C_DD1D)
    }

    /// Takes one item of `pool` at random; `pool` must not be empty.
    pub fn take<T>(&mut self, pool: &mut Vec<T>) -> T {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let i = (self.0 >> 33) as usize % pool.len();
        pool.swap_remove(i)
    }
}
