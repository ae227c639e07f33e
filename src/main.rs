//! The `govkg` command: parses arguments and hands the work to the library.

fn main() {}
