//! The binary: on wasm it mounts the page; natively it is the command-line tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    parallax::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = parallax::cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
