//! The command-line tool on bad input, run as the built binary: each case gets a clear message
//! on stderr and the documented exit code (`parallax --help`, EXIT CODES; README), never a
//! panic, and one bad file does not stop the others from being analysed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

const OK: i32 = 0;
const PARTIAL: i32 = 1;
const USAGE: i32 = 2;
const NO_INPUT: i32 = 3;

const GOOD: &str =
    "MOSCOW (Reuters) - Gates met Putin in Moscow on Monday. He said 10 interceptors would be based in Poland.";

/// A fresh folder of its own for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("parallax-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(d: &Path, name: &str, bytes: &[u8]) -> String {
    let p = d.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

/// Runs the binary; returns (exit code, stdout, stderr). Fails on a panic.
fn parallax(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).output().expect("run parallax");
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(!stderr.contains("panicked"), "parallax {args:?} panicked: {stderr}");
    let code = out.status.code().expect("exited, not killed by a signal");
    (code, stdout, stderr)
}

#[test]
fn a_missing_path() {
    let (code, out, err) = parallax(&["align", "/nonexistent/parallax/article.txt"]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("/nonexistent/parallax/article.txt: cannot open it"), "{err}");
    assert!(err.contains("no article could be analysed"), "{err}");
    assert!(out.is_empty());
}

#[test]
fn a_folder_with_no_text_files() {
    let d = dir("notext");
    write(&d, "photo.jpg", b"\xff\xd8\xff\xe0 not an article");
    write(&d, "notes.pdf", b"%PDF-1.4");
    let (code, out, err) = parallax(&["align", d.to_str().unwrap()]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("the folder has no .txt or .md files"), "{err}");
    assert!(out.is_empty());
}

#[test]
fn an_empty_file_and_a_whitespace_only_file() {
    let d = dir("empty");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"  \n\t\r\n  "[..])] {
        let f = write(&d, name, bytes);
        let (code, out, err) = parallax(&["align", &f]);
        assert_eq!(code, NO_INPUT, "{err}");
        assert!(err.contains(&format!("{name}: the file is empty; skipped")), "{err}");
        assert!(out.is_empty());
    }
}

#[test]
fn a_binary_file() {
    let d = dir("binary");
    let png = write(&d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0");
    let (code, _, err) = parallax(&["align", &png]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("image.txt: the file looks binary, not text; skipped"), "{err}");
    // Control characters without NUL count as binary too.
    let ctl = write(&d, "controls.txt", &[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, b'a']);
    let (code, _, err) = parallax(&["align", &ctl]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("looks binary"), "{err}");
}

#[test]
fn text_that_is_not_utf8_is_refused_with_a_clear_message() {
    let d = dir("latin1");
    // "Café au lait" in Windows-1252: 0xE9 at byte offset 3.
    let f = write(&d, "latin1.txt", b"Caf\xe9 au lait. Gates said so.");
    let (code, out, err) = parallax(&["align", &f]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("latin1.txt: not valid UTF-8 (first bad byte at offset 3); skipped"), "{err}");
    assert!(err.contains("iconv"), "the message says how to convert it: {err}");
    assert!(out.is_empty());
    // The rule is documented in --help.
    let (code, help, _) = parallax(&["--help"]);
    assert_eq!(code, OK);
    assert!(help.contains("not valid UTF-8"), "{help}");
    assert!(help.contains("EXIT CODES"), "{help}");
}

#[test]
fn a_good_file_among_bad_ones_is_still_analysed() {
    let d = dir("mixed");
    write(&d, "a_good.txt", GOOD.as_bytes());
    write(&d, "b_empty.txt", b"");
    write(&d, "c_binary.txt", b"\0\x01\x02binary\0");
    write(&d, "d_latin1.txt", b"Caf\xe9");
    write(&d, "e_ignored.jpg", b"\xff\xd8");
    let missing = d.join("nope.txt");
    let (code, out, err) = parallax(&["align", d.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, PARTIAL, "{err}");
    for want in [
        "b_empty.txt: the file is empty",
        "c_binary.txt: the file looks binary",
        "d_latin1.txt: not valid UTF-8",
        "nope.txt: cannot open it",
    ] {
        assert!(err.contains(want), "stderr lacks {want:?}: {err}");
    }
    assert!(!err.contains("e_ignored.jpg"), "files that are not .txt/.md in a folder are not articles: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON on stdout");
    let docs: Vec<&str> = v["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(docs, ["a_good.txt"]);
    assert!(!v["claims"].as_array().unwrap().is_empty());
    // The same in every output format.
    for format in ["md", "csv"] {
        let (code, out, _) = parallax(&["align", d.to_str().unwrap(), "--format", format]);
        assert_eq!(code, PARTIAL);
        assert!(!out.is_empty(), "{format}");
    }
}

#[test]
fn every_input_good_is_exit_0() {
    let d = dir("good");
    let f = write(&d, "good.txt", GOOD.as_bytes());
    let (code, out, err) = parallax(&["align", &f]);
    assert_eq!(code, OK, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.starts_with('{'));
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["align"],
        &["align", "x.txt", "--format", "xml"],
        &["align", "x.txt", "--date", "soon"],
        &["align", "x.txt", "--bogus"],
        &["pairs"],
        &["pairs", "a", "b"],
    ] {
        let (code, _, err) = parallax(args);
        assert_eq!(code, USAGE, "{args:?}: {err}");
        assert!(err.contains("Run 'parallax --help' for usage."), "{args:?}: {err}");
    }
}

#[test]
fn pairs_with_a_missing_file() {
    let (code, out, err) = parallax(&["pairs", "/nonexistent/parallax/pairs.tsv"]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("/nonexistent/parallax/pairs.tsv: cannot open it"), "{err}");
    assert!(out.is_empty());
    // A folder is not a file either.
    let d = dir("pairsdir");
    let (code, _, err) = parallax(&["pairs", d.to_str().unwrap()]);
    assert_eq!(code, NO_INPUT, "{err}");
    assert!(err.contains("cannot open it"), "{err}");
}

#[test]
fn pairs_with_lines_without_a_tab() {
    let d = dir("pairs");
    let f = write(
        &d,
        "pairs.tsv",
        "Gates met Putin.\tPutin met Gates.\nno tab on this line\n\nNine or ten interceptors.\tTen interceptor missiles.\r\n".as_bytes(),
    );
    let (code, out, err) = parallax(&["pairs", &f]);
    assert_eq!(code, PARTIAL, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "one output line per input line: {out:?}");
    assert_eq!(lines[1], "0\tinvalid\t0");
    assert_eq!(lines[2], "0\tinvalid\t0");
    assert!(err.contains("pairs.tsv:2: no TAB between the two sentences"), "{err}");
    assert!(err.contains("pairs.tsv:3: no TAB"), "{err}");
    for l in [lines[0], lines[3]] {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 3, "{l:?}");
        assert!(cols[0] == "0" || cols[0] == "1");
        let score: f64 = cols[2].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
}

#[test]
fn pairs_with_bytes_that_are_not_utf8_reads_them_as_replacement_characters() {
    let d = dir("pairs8");
    let f = write(&d, "pairs.tsv", b"Caf\xe9 opened.\tThe caf\xe9 opened.\n");
    let (code, out, err) = parallax(&["pairs", &f]);
    assert_eq!(code, OK, "{err}");
    assert!(err.contains("not valid UTF-8; bad bytes read as U+FFFD"), "{err}");
    assert_eq!(out.lines().count(), 1);
}
