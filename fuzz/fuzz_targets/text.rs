#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    barg_core::fuzzing::text(data)
});
