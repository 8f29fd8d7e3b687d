//! The native command-line tool: reads files, calls the engine, writes the result. The only
//! place (besides the page) that does IO; the engine never prints.
//!
//! Exit codes: 0 all inputs analysed; 1 output written but some inputs were skipped (each
//! named on stderr); 2 usage error; 3 no input could be analysed.

use crate::engine::{self, export, Article, ArticleMeta, Date, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_PARTIAL: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_NO_INPUT: i32 = 3;

const HELP: &str = "\
parallax: puts several news reports of one story side by side, claim by claim.

USAGE:
    parallax align PATH... [--format json|md|csv] [--date YYYY-MM-DD] [--date FILE=YYYY-MM-DD]
    parallax pairs FILE
    parallax --help | --version

COMMANDS:
    align   Finds each article's claims, aligns matching claims across the articles and
            prints the alignment. PATH is a .txt (or .md) file or a folder of them (not
            searched recursively). Each file is one article; its file name is its id.
              --format json  the alignment JSON (claims, groups, entities, documents) [default]
              --format md    a readable Markdown report
              --format csv   the claim x source matrix
              --date D       the articles' publication date: anchors relative times such as
                             \"Thursday\"; FILE=D sets it for one file only.
    pairs   FILE has one pair of sentences per line, separated by a TAB. Prints one line per
            input line: 1 or 0 (the two state a fact in common, or not), TAB, the relation
            (agree, compatible, differ; none on a 0 line), TAB, a score from 0 to 1. A line
            without a TAB prints 0, invalid, 0 and a warning on stderr.

INPUT:
    Files must be UTF-8 text. A file that is not valid UTF-8, is empty, or looks binary is
    skipped with a message; the others are still analysed. Offsets in the output are byte
    offsets into the files as stored.

EXIT CODES:
    0  every input analysed
    1  output written, but some inputs were skipped (see stderr)
    2  usage error
    3  no input could be analysed
";

/// Runs the tool with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let first = args.first().map(String::as_str);
    let result = match first {
        None | Some("-h") | Some("--help") | Some("help") => {
            let _ = out.write_all(HELP.as_bytes());
            return EXIT_OK;
        }
        Some("-V") | Some("--version") => {
            let _ = writeln!(out, "parallax {}", env!("CARGO_PKG_VERSION"));
            return EXIT_OK;
        }
        Some("align") => run_align(&args[1..], out, err),
        Some("pairs") => run_pairs(&args[1..], out, err),
        Some(other) => Err(Usage(format!("unknown command '{other}'"))),
    };
    match result {
        Ok(code) => code,
        Err(Usage(msg)) => {
            let _ = writeln!(err, "parallax: {msg}\nRun 'parallax --help' for usage.");
            EXIT_USAGE
        }
    }
}

struct Usage(String);

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Json,
    Markdown,
    Csv,
}

fn run_align(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Usage> {
    let mut paths = Vec::new();
    let mut format = Format::Json;
    let mut default_date = None;
    let mut file_dates: Vec<(String, Date)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        match flag {
            "--format" | "--date" => {
                let v = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i).cloned().ok_or_else(|| Usage(format!("{flag} needs a value")))?
                    }
                };
                if flag == "--format" {
                    format = match v.as_str() {
                        "json" => Format::Json,
                        "md" | "markdown" => Format::Markdown,
                        "csv" => Format::Csv,
                        _ => return Err(Usage(format!("unknown format '{v}' (json, md or csv)"))),
                    };
                } else if let Some((file, d)) = v.split_once('=') {
                    let d = Date::parse(d).ok_or_else(|| Usage(format!("'{d}' is not a date (YYYY-MM-DD)")))?;
                    file_dates.push((file.to_string(), d));
                } else {
                    default_date =
                        Some(Date::parse(&v).ok_or_else(|| Usage(format!("'{v}' is not a date (YYYY-MM-DD)")))?);
                }
            }
            "-h" | "--help" => {
                let _ = out.write_all(HELP.as_bytes());
                return Ok(EXIT_OK);
            }
            f if f.starts_with("--") => return Err(Usage(format!("unknown option '{f}'"))),
            _ => paths.push(PathBuf::from(a)),
        }
        i += 1;
    }
    if paths.is_empty() {
        return Err(Usage("align needs at least one PATH (a .txt file or a folder of them)".into()));
    }
    let (mut articles, problems) = read_articles(&paths);
    for p in &problems {
        let _ = writeln!(err, "parallax: {p}");
    }
    if articles.is_empty() {
        let _ = writeln!(err, "parallax: no article could be analysed");
        return Ok(EXIT_NO_INPUT);
    }
    for a in &mut articles {
        let file_date = file_dates
            .iter()
            .find(|(f, _)| a.id == *f || a.id == Path::new(f).file_name().and_then(|n| n.to_str()).unwrap_or(""));
        a.meta.date = file_date.map(|(_, d)| *d).or(default_date);
    }
    let analysis = engine::analyze(&articles, &Options::default());
    for d in &analysis.docs {
        for w in &d.warnings {
            let _ = writeln!(err, "parallax: {}: {w}", d.doc);
        }
    }
    let text = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&export::to_json(&analysis, None)).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Markdown => export::to_markdown(&analysis, &articles),
        Format::Csv => export::to_csv(&analysis, &articles),
    };
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        let _ = writeln!(err, "parallax: cannot write the output: {e}");
        return Ok(EXIT_NO_INPUT);
    }
    Ok(if problems.is_empty() { EXIT_OK } else { EXIT_PARTIAL })
}

/// Why a file was skipped.
#[derive(Debug, PartialEq)]
pub enum InputProblem {
    Missing(PathBuf, String),
    EmptyFolder(PathBuf),
    Empty(PathBuf),
    Binary(PathBuf),
    NotUtf8(PathBuf, usize),
    Unreadable(PathBuf, String),
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputProblem::Missing(p, e) => write!(f, "{}: cannot open it ({e})", p.display()),
            InputProblem::EmptyFolder(p) => write!(f, "{}: the folder has no .txt or .md files", p.display()),
            InputProblem::Empty(p) => write!(f, "{}: the file is empty; skipped", p.display()),
            InputProblem::Binary(p) => write!(f, "{}: the file looks binary, not text; skipped", p.display()),
            InputProblem::NotUtf8(p, at) => write!(
                f,
                "{}: not valid UTF-8 (first bad byte at offset {at}); skipped. Convert it first, e.g. iconv -f windows-1252 -t utf-8",
                p.display()
            ),
            InputProblem::Unreadable(p, e) => write!(f, "{}: cannot read it ({e}); skipped", p.display()),
        }
    }
}

fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref(),
        Some("txt") | Some("md")
    )
}

/// Reads every article named by `paths` (files, or folders of .txt/.md files, sorted by name).
/// Returns the articles that could be read and a problem for each one that could not.
pub fn read_articles(paths: &[PathBuf]) -> (Vec<Article>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => problems.push(InputProblem::Missing(p.clone(), e.to_string())),
            Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
                Err(e) => problems.push(InputProblem::Unreadable(p.clone(), e.to_string())),
                Ok(rd) => {
                    let mut found: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|f| f.is_file() && is_article_file(f))
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        problems.push(InputProblem::EmptyFolder(p.clone()));
                    }
                    files.extend(found);
                }
            },
            Ok(_) => files.push(p.clone()),
        }
    }
    let mut articles: Vec<Article> = Vec::new();
    for f in files {
        match read_article(&f) {
            Ok(mut a) => {
                // Ids stay unique even when two folders hold files of the same name.
                if articles.iter().any(|x| x.id == a.id) {
                    a.id = f.display().to_string();
                }
                articles.push(a)
            }
            Err(p) => problems.push(p),
        }
    }
    (articles, problems)
}

fn read_article(path: &Path) -> Result<Article, InputProblem> {
    let bytes = std::fs::read(path).map_err(|e| InputProblem::Unreadable(path.to_path_buf(), e.to_string()))?;
    let text = decode_text(&bytes).map_err(|e| match e {
        DecodeError::Empty => InputProblem::Empty(path.to_path_buf()),
        DecodeError::Binary => InputProblem::Binary(path.to_path_buf()),
        DecodeError::NotUtf8(at) => InputProblem::NotUtf8(path.to_path_buf(), at),
    })?;
    let id = path.file_name().and_then(|n| n.to_str()).unwrap_or("article").to_string();
    Ok(Article { id, text, meta: ArticleMeta::default() })
}

#[derive(Debug, PartialEq)]
pub enum DecodeError {
    Empty,
    Binary,
    NotUtf8(usize),
}

/// Decides whether `bytes` are an article's text: non-empty, not binary (NUL bytes or many
/// control characters), valid UTF-8. Offsets are into these bytes, so nothing is replaced.
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if sample.contains(&0) || controls * 20 > sample.len() {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| DecodeError::NotUtf8(e.utf8_error().valid_up_to()))
}

fn run_pairs(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Usage> {
    let [file] = args else {
        return Err(Usage("pairs needs exactly one FILE".into()));
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "parallax: {file}: cannot open it ({e})");
            return Ok(EXIT_NO_INPUT);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        let _ = writeln!(err, "parallax: {file}: not valid UTF-8; bad bytes read as U+FFFD");
    }
    let mut code = EXIT_OK;
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match line.split_once('\t') {
            None => {
                let _ = writeln!(err, "parallax: {file}:{}: no TAB between the two sentences", n + 1);
                let _ = writeln!(out, "0\tinvalid\t0");
                code = EXIT_PARTIAL;
            }
            Some((a, b)) => {
                let j = engine::judge_pair(a, b);
                let rel = if j.matched { j.relation.as_str() } else { "none" };
                let _ = writeln!(out, "{}\t{}\t{:.3}", u8::from(j.matched), rel, j.score);
            }
        }
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(args: &[&str]) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut o, mut e) = (Vec::new(), Vec::new());
        let code = run(&args, &mut o, &mut e);
        (code, String::from_utf8(o).unwrap(), String::from_utf8(e).unwrap())
    }

    #[test]
    fn help_lists_every_command() {
        let (code, out, _) = run_str(&["--help"]);
        assert_eq!(code, 0);
        for w in ["align", "pairs", "--format", "--date", "EXIT CODES"] {
            assert!(out.contains(w), "{w}");
        }
    }

    #[test]
    fn usage_errors() {
        assert_eq!(run_str(&["frobnicate"]).0, EXIT_USAGE);
        assert_eq!(run_str(&["align"]).0, EXIT_USAGE);
        assert_eq!(run_str(&["align", "x", "--format", "xml"]).0, EXIT_USAGE);
        assert_eq!(run_str(&["align", "x", "--date", "tomorrow"]).0, EXIT_USAGE);
        let (_, _, err) = run_str(&["align", "x", "--format", "xml"]);
        assert!(err.contains("unknown format 'xml'"));
    }

    #[test]
    fn decode_rules() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        assert_eq!(decode_text(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(decode_text(b"ab\0cd"), Err(DecodeError::Binary));
        assert_eq!(decode_text(b"caf\xe9 au lait"), Err(DecodeError::NotUtf8(3)));
        assert_eq!(decode_text("café".as_bytes()), Ok("café".to_string()));
    }

    #[test]
    fn bad_files_do_not_stop_good_ones() {
        let dir = std::env::temp_dir().join(format!("parallax-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Gates met Putin in Moscow on Monday.").unwrap();
        std::fs::write(dir.join("b.txt"), b"\xff\xfe binary \0 junk").unwrap();
        std::fs::write(dir.join("c.txt"), "").unwrap();
        let d = dir.to_str().unwrap();
        let missing = format!("{d}/nope.txt");
        let (code, out, err) = run_str(&["align", d, &missing]);
        assert_eq!(code, EXIT_PARTIAL, "{err}");
        assert!(err.contains("b.txt: the file looks binary"), "{err}");
        assert!(err.contains("c.txt: the file is empty"), "{err}");
        assert!(err.contains("nope.txt: cannot open it"), "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["claims"][0]["doc"], "a.txt");
        let (code, _, err) = run_str(&["align", &missing]);
        assert_eq!(code, EXIT_NO_INPUT, "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
