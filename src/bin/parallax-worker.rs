//! The analysis worker's wasm module (the page starts it in a Web Worker after its first view;
//! see `src/worker/mod.rs`). Natively there is nothing to run: the command-line tool is `parallax`.

#[cfg(target_arch = "wasm32")]
fn main() {
    parallax::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "parallax-worker is the web page's analysis worker (WebAssembly only); the command-line tool is `parallax`."
    );
    std::process::exit(2);
}
