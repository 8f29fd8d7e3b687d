//! Property tests: any input string analyses without panic; every span the engine returns is
//! in bounds and on character boundaries (blocks, furniture, outlet, dateline, sentences,
//! claims, numbers, units, times, cues, names, sources, entity mentions, differences; see
//! tests/common/mod.rs); sentences lie inside the text, in order, without overlap.
//!
//! Three generators (any `String`; news-like pieces with hostile characters; text in many
//! scripts with right-to-left, zero-width, combining and multi-byte whitespace characters) and
//! one named test per adversarial input, so a failure names its case.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::run;
use proptest::prelude::*;

/// Text made of news-like pieces and hostile characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. ".to_string()),
        Just("Gates said ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(". ".to_string()),
        Just("nine or ten interceptors ".to_string()),
        Just("10 ".to_string()),
        Just("Serdyukov ".to_string()),
        Just("E-mail to a friend ".to_string()),
        Just("\n".to_string()),
        Just("  • ".to_string()),
        Just("( Reuter )- ".to_string()),
        Just("MOSCOW (CNN) -- ".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\0".to_string()),
        Just("é".to_string()),
        Just("🚀".to_string()),
        Just("مرحبا ".to_string()),
        Just("Thursday ".to_string()),
        Just("5-6,000 ".to_string()),
        Just("turned down ".to_string()),
        Just("70 percent of its ".to_string()),
        Just("two-thirds of the river's ".to_string()),
        Just("72% of ".to_string()),
        Just("In May, some 200 residents ".to_string()),
        Just("was rebuffed by Moscow ".to_string()),
        Just("to calm Russian fears ".to_string()),
        Just("a threat to ".to_string()),
        Just("also rejected ".to_string()),
        "[a-zA-Z ,.;:!?'\"-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Text in many scripts, with the characters that break byte arithmetic: multi-byte spaces
/// and digits, right-to-left marks and overrides, zero-width joiners, combining marks, emoji
/// sequences, BOM, NUL, line and paragraph separators.
fn scripts() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Gates said on Thursday that 10 missiles ".to_string()),
        Just("שלום עולם. ".to_string()),
        Just("مرحبا بالعالم، قال غيتس ".to_string()),
        Just("\u{200f}\u{202b}RTL\u{202c}\u{200e} ".to_string()),
        Just("\u{202e}txet desrever\u{202c}".to_string()),
        Just("Москва заявила. ".to_string()),
        Just("北京表示，１２３枚导弹。".to_string()),
        Just("नई दिल्ली ने कहा। ".to_string()),
        Just("กรุงเทพฯ ".to_string()),
        Just("e\u{301}\u{302}\u{303} ".to_string()),
        Just("👩‍👩‍👧‍👦 🇵🇱 👍🏽 ".to_string()),
        Just("\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}".to_string()),
        Just("\u{a0}\u{2009}\u{3000}\u{2028}\u{2029}\u{85}".to_string()),
        Just("٣٤ ²³ ½ ⅓ ".to_string()),
        Just("\0".to_string()),
        Just("\r\n".to_string()),
        Just("\u{fffd}".to_string()),
        Just(". ".to_string()),
        Just("\"".to_string()),
        "\\PC{0,8}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_string_analyses_with_spans_in_bounds(s in any::<String>()) {
        run(&[&s]);
    }

    #[test]
    fn news_like_strings_analyse_with_spans_in_bounds(a in newsy(), b in newsy(), c in newsy()) {
        run(&[&a, &b, &c]);
    }

    #[test]
    fn many_scripts_analyse_with_spans_in_bounds(a in scripts(), b in scripts()) {
        run(&[&a, &b]);
    }
}

/// One test per adversarial input: `case!(name, text)`. Each is analysed alone, and next to
/// a news sentence (so alignment, entities and differences see it too).
macro_rules! case {
    ($name:ident, $text:expr) => {
        #[test]
        fn $name() {
            let text: String = $text;
            run(&[&text]);
            run(&[&text, "Gates said on Thursday that 10 interceptors would be based in Poland.", &text]);
        }
    };
}

case!(empty, String::new());
case!(whitespace_only, " \n\t  \r\n\u{a0}\u{3000}\u{2028} \n".to_string());
case!(one_100_000_char_line_without_punctuation, "word ".repeat(20_000));
case!(one_100_000_char_word, "a".repeat(100_000));
case!(one_100_000_char_line_of_capitalised_words, "Gates Putin Serdyukov Moscow ".repeat(3_500));
case!(thousands_of_periods, ".".repeat(5_000));
case!(thousands_of_spaced_periods, ". ".repeat(5_000));
case!(thousands_of_abbreviations, "Mr. U.S. Dr. St. ".repeat(1_000));
case!(thousands_of_quotes, "\"“”‘’'".repeat(1_000));
case!(thousands_of_saids, "said ".repeat(5_000));
case!(thousands_of_newlines, "\n".repeat(10_000));
case!(long_digit_run, "9".repeat(5_000));
case!(huge_numbers, "1e308 missiles, 99999999999999999999999999999999 troops and 1,000,000,000,000,000,000,000 dollars. 10^400 people said.".to_string());
// Kept short: align::score_pair's cost grows with the product of two claims' numbers
// (tests/bounds.rs, cost_grows_linearly_with_numbers_in_one_claim, ignored).
case!(many_numbers, "1 2, 3.5 4-5 6,000 7% $8 ".repeat(100));
case!(nested_parentheses, format!("{}Gates said{}", "(".repeat(3_000), ")".repeat(3_000)));
case!(mixed_scripts, "Gates said Москва 北京 नई दिल्ली กรุงเทพฯ Ελλάδα 서울 東京 agreed on Thursday.".repeat(50));
case!(
    right_to_left,
    "שלום עולם. مرحبا بالعالم. \u{202e}Gates said\u{202c} \u{200f}10\u{200f} missiles. قال غيتس إن 10 صواريخ."
        .repeat(50)
);
case!(emoji, "🚀🚀. 🎉 Gates said \"👩‍👩‍👧‍👦 🇵🇱 👍🏽\" on 🗓 Thursday. 10🚀 missiles.".repeat(100));
case!(
    zero_width,
    "Ga\u{200b}tes sa\u{200d}id. \u{feff}Pu\u{200c}tin\u{2060} met 1\u{200b}0 people on Thurs\u{200b}day.".repeat(100)
);
case!(nul_and_controls, "\0\0\0 binary \u{1} stuff\0 Gates said\0 10\0 missiles.\u{7}\u{1b}[31m".repeat(100));
case!(combining_marks, "Ge\u{301}\u{302}\u{303}tes sai\u{308}d 1\u{301}0 missiles\u{301}.".repeat(100));
case!(
    multibyte_whitespace_and_digits,
    "Gates\u{a0}said\u{2009}that\u{3000}１０ missiles\u{2028}and ٣٤ troops\u{85}on Thursday.\u{2029}".repeat(100)
);
case!(replacement_characters, "\u{fffd}".repeat(10_000));
case!(unicode_quotes_and_dashes, "Ünïcödé “quotes” — and ‘more’ … done. Next one!".to_string());
case!(unterminated_quote, "\"\"\"\"\"".to_string());
case!(crlf_and_lone_cr, "Gates said.\r\nPutin said.\rMedvedev said.\r".repeat(200));
case!(every_char_class, (0u32..0x3000).filter_map(char::from_u32).collect::<String>());
