//! `kehoach-split`: the build's wasm splitter (see the library docs).
//!
//! ```text
//! kehoach-split names IN.wasm                 one normalised name per defined function
//! kehoach-split instrument IN.wasm OUT.wasm   the profiling build
//! kehoach-split split IN.wasm COLD.txt PRIMARY.wasm SECONDARY.wasm
//! kehoach-split strip IN.wasm OUT.wasm        names and custom sections dropped
//! ```
use std::collections::BTreeSet;
use std::process::ExitCode;

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: {e}"))
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{path}: {e}"))
}

fn run(args: &[String]) -> Result<(), String> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["names", input] => {
            for n in kehoach_split::local_names(&read(input)?)? {
                println!("{n}");
            }
            Ok(())
        }
        ["instrument", input, output] => {
            write(output, &kehoach_split::instrument(&read(input)?)?)
        }
        ["strip", input, output] => write(output, &kehoach_split::strip(&read(input)?)?),
        ["split", input, cold, primary, secondary] => {
            let cold_text =
                std::fs::read_to_string(cold).map_err(|e| format!("{cold}: {e}"))?;
            let cold: BTreeSet<String> = cold_text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect();
            let s = kehoach_split::split(&read(input)?, &cold)?;
            write(primary, &s.primary)?;
            write(secondary, &s.secondary)?;
            println!(
                "split: {} functions moved ({} reached through table slots from {}), {} bytes of idle words in {} runs; primary {} bytes, secondary {} bytes",
                s.moved,
                s.slots,
                s.first_slot,
                s.idle_data.0,
                s.idle_data.1,
                s.primary.len(),
                s.secondary.len()
            );
            Ok(())
        }
        _ => Err("usage: kehoach-split names IN | instrument IN OUT | strip IN OUT | split IN COLD PRIMARY SECONDARY".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kehoach-split: {e}");
            ExitCode::FAILURE
        }
    }
}
