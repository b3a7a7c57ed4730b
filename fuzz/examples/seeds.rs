//! Writes each target's seed inputs (the golden fixtures and examples) into
//! `DIR/<target>/seed-<n>` for libFuzzer: `cargo run -p kehoach-fuzz --example seeds -- DIR`.

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or("fuzz/corpus".into()));
    for (name, _) in kehoach_fuzz::TARGETS {
        let d = dir.join(name);
        std::fs::create_dir_all(&d)?;
        let seeds = kehoach_fuzz::seeds(name);
        for (i, s) in seeds.iter().enumerate() {
            std::fs::write(d.join(format!("seed-{i:03}")), s)?;
        }
        println!("{name}: {} seeds in {}", seeds.len(), d.display());
    }
    Ok(())
}
