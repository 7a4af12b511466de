//! Prints the analyzer's tokens for each argument (or each line of standard input):
//! `cargo run --example tokens -- "熟悉K8s集群运维"`.

use jdfit::analyze::Analyzer;
use std::io::BufRead;

fn main() {
    let a = Analyzer::shared();
    let show = |s: &str| {
        let toks: Vec<String> = a
            .analyze(s)
            .into_iter()
            .map(|t| format!("{}@{}..{}", t.text, t.start, t.end))
            .collect();
        println!("{s}\n  {}", toks.join(" "));
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            show(&line);
        }
    } else {
        args.iter().for_each(|s| show(s));
    }
}
