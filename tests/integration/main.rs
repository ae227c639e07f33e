//! Integration tests: each runs the real `govkg` binary on real files, as a user would.
//!
//! All of them build into this one test binary (as ripgrep's do), sharing the helpers of
//! [`util`]; each area has its own module.

mod ask;
mod diagram;
mod export;
mod extract;
mod faults;
mod graph;
mod input;
mod parallel;
mod robustness;
mod scaling;
mod serve;
mod store;
mod util;
