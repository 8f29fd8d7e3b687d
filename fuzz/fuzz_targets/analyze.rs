//! Fuzzes `parallax::engine::analyze`: any bytes become one to four articles (and maybe a small
//! size cap); the analysis must not panic, and every span in it must be in bounds and on
//! character boundaries (tests/common/mod.rs, shared with the property tests).
//!   cargo +nightly fuzz run analyze -- -max_total_time=60
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::fuzz_one(data);
});
