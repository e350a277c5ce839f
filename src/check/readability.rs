//! Readability: how easy the text of each kind of page is to read, in the
//! figures `helder check` reports and rule HL208 warns about.
//!
//! **The figures.** For a text of `w` words, `s` sentences and `y`
//! syllables:
//!
//! - *Flesch-Douma* = 206.84 − 0.77 × (100 `y` / `w`) − 0.93 × (`w` / `s`):
//!   Flesch's Reading Ease with Douma's weights for Dutch (W.H. Douma,
//!   *De leesbaarheid van landbouwbladen*, Wageningen, 1960). Higher is
//!   easier; 60 and above reads as plain Dutch (B1).
//! - *words per sentence*: `w` / `s`;
//! - *long words*: the share of words of four syllables or more.
//!
//! **What a word, a syllable and a sentence are.** A word is a run of
//! characters between spaces that holds a letter; numbers, web and e-mail
//! addresses are not counted as words. Syllables are groups of vowels
//! ([`syllables`]). A sentence ends at `.`, `!` or `?` before a capital
//! letter or the end of a block, and every paragraph, list item, heading
//! and field ends one: a list item counts as a sentence.
//!
//! **What a page type's text is.** `check` runs before any page is
//! rendered, so it measures the words the *model* gives each kind of page,
//! each field once, whatever number of schools or websites show it; the
//! theme's own sentences around them are the theme's, and the same for
//! every board. Names (of purposes, groups of people, recipients, rights,
//! processors) are not measured either: they are labels, and a formula for
//! running text says nothing about a list of labels (the summary's list of
//! rights would score below zero whatever it says).
//!
//! - the statement (*privacyverklaring*): every prose field of
//!   [`prose::statement`] and what each processor does;
//! - its summary (*In het kort*): the sentences the model gives it: how
//!   long data is kept, one line per moment a period starts from (its
//!   `after`, with the shortest and the longest period from it);
//! - the cookie notice (*cookieverklaring*): what each cookie is for;
//! - the regulation (*privacyreglement*): every prose field of
//!   [`prose::regulation`], the articles and their explanations together.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::prose;
use crate::diagnostic::Text;
use crate::model::{Model, Origin, Period, PeriodUnit, ReadabilityTargets};
use crate::text;

/// The kinds of page whose text is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageType {
    Statement,
    Summary,
    Cookies,
    Regulation,
}

impl PageType {
    pub const ALL: [PageType; 4] = [
        PageType::Statement,
        PageType::Summary,
        PageType::Cookies,
        PageType::Regulation,
    ];

    /// Its name for programs (`--format json`).
    pub fn key(self) -> &'static str {
        match self {
            PageType::Statement => "statement",
            PageType::Summary => "summary",
            PageType::Cookies => "cookies",
            PageType::Regulation => "regulation",
        }
    }

    /// Its name for people, with its article: "de privacyverklaring".
    pub fn the(self) -> Text {
        match self {
            PageType::Regulation => text!("het privacyreglement", "the privacy regulation"),
            PageType::Summary => {
                text!("de samenvatting (In het kort)", "the summary (In het kort)")
            }
            other => {
                let name = other.name();
                Text {
                    nl: format!("de {}", name.nl),
                    en: format!("the {}", name.en),
                }
            }
        }
    }

    /// Its name for people.
    pub fn name(self) -> Text {
        match self {
            PageType::Statement => text!("privacyverklaring", "privacy statement"),
            PageType::Summary => text!("samenvatting (In het kort)", "summary (In het kort)"),
            PageType::Cookies => text!("cookieverklaring", "cookie notice"),
            PageType::Regulation => text!("privacyreglement", "privacy regulation"),
        }
    }
}

/// What a text holds, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of [`LONG_WORD`] syllables or more.
    pub long_words: usize,
}

/// A word of this many syllables or more is a long word.
pub const LONG_WORD: usize = 4;

impl Counts {
    /// The counts of a text in Markdown.
    pub fn of_markdown(markdown: &str) -> Counts {
        let mut counts = Counts::default();
        for block in blocks(markdown) {
            counts.add(Counts::of_text(&block));
        }
        counts
    }

    /// The counts of plain text, which ends a sentence where it ends.
    pub fn of_text(text: &str) -> Counts {
        let mut counts = Counts::default();
        let tokens: Vec<&str> = text.split_whitespace().collect();
        // Words since the last end of a sentence.
        let mut open = 0;
        for (i, token) in tokens.iter().enumerate() {
            if is_word(token) {
                let n = word_syllables(token);
                counts.words += 1;
                counts.syllables += n;
                counts.long_words += usize::from(n >= LONG_WORD);
                open += 1;
            }
            let ends = token
                .trim_end_matches(['"', '\'', ')', '’', '”', '*', '_'])
                .ends_with(['.', '!', '?']);
            let next_starts_sentence = tokens.get(i + 1).is_none_or(|next| {
                next.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase)
            });
            if open > 0 && ends && next_starts_sentence {
                counts.sentences += 1;
                open = 0;
            }
        }
        if open > 0 {
            counts.sentences += 1;
        }
        counts
    }

    pub fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
        self.long_words += other.long_words;
    }

    /// These counts without `part`, which they include.
    pub fn without(self, part: Counts) -> Counts {
        Counts {
            words: self.words - part.words,
            sentences: self.sentences - part.sentences,
            syllables: self.syllables - part.syllables,
            long_words: self.long_words - part.long_words,
        }
    }

    /// Flesch-Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 ×
    /// words per sentence. None for a text without words.
    pub fn flesch_douma(&self) -> Option<f64> {
        let per_100 = 100.0 * self.syllables as f64 / self.words as f64;
        Some(206.84 - 0.77 * per_100 - 0.93 * self.words_per_sentence()?)
    }

    pub fn words_per_sentence(&self) -> Option<f64> {
        (self.words > 0 && self.sentences > 0).then(|| self.words as f64 / self.sentences as f64)
    }

    /// The share of long words, from 0 to 1.
    pub fn long_share(&self) -> Option<f64> {
        (self.words > 0).then(|| self.long_words as f64 / self.words as f64)
    }
}

/// The text of one field, or of one line the summary builds, with where it
/// was written.
#[derive(Debug, Clone)]
pub struct Piece {
    pub origin: Origin,
    pub counts: Counts,
}

/// The measured text of one kind of page.
#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageType,
    pub pieces: Vec<Piece>,
    pub total: Counts,
}

/// The text of every kind of page, measured, in the order of [`PageType::ALL`].
pub fn pages(m: &Model) -> Vec<Page> {
    // Every word of the prose is read: the kinds of page side by side.
    PageType::ALL
        .par_iter()
        .map(|&kind| {
            let pieces = match kind {
                PageType::Statement => statement(m),
                PageType::Summary => summary(m),
                PageType::Cookies => m
                    .cookies
                    .iter()
                    .map(|c| piece(c.origin.child("purpose"), Counts::of_text(&c.purpose)))
                    .collect(),
                PageType::Regulation => m
                    .regulation
                    .iter()
                    .flat_map(prose::regulation)
                    .map(|p| piece(p.origin, Counts::of_markdown(p.text)))
                    .collect(),
            };
            let mut total = Counts::default();
            for p in &pieces {
                total.add(p.counts);
            }
            Page {
                kind,
                pieces,
                total,
            }
        })
        .collect()
}

/// What `helder check` reports: the site's targets, and the counts of the
/// text of each kind of page.
#[derive(Debug, Clone)]
pub struct Figures {
    pub targets: ReadabilityTargets,
    pub pages: Vec<(PageType, Counts)>,
}

impl Figures {
    pub fn of(m: &Model) -> Figures {
        Figures {
            targets: m.site.readability,
            pages: pages(m).into_iter().map(|p| (p.kind, p.total)).collect(),
        }
    }

    /// Whether counts meet the targets; None for a page without text.
    pub fn meets(&self, counts: &Counts) -> Option<bool> {
        let figure = counts.flesch_douma()?;
        let length = counts.words_per_sentence()?;
        Some(
            figure >= self.targets.min_flesch_douma
                && length <= self.targets.max_words_per_sentence,
        )
    }
}

/// A figure as people read it: at most one decimal, with a decimal comma
/// in Dutch (`12,5`) and a point in English (`12.5`).
pub fn decimal(x: f64, dutch: bool) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    let text = format!("{rounded}");
    if dutch { text.replace('.', ",") } else { text }
}

fn piece(origin: Origin, counts: Counts) -> Piece {
    Piece { origin, counts }
}

fn statement(m: &Model) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = prose::statement(m)
        .into_iter()
        .map(|p| piece(p.origin, Counts::of_markdown(p.text)))
        .collect();
    for p in &m.processors {
        pieces.push(piece(p.origin.child("does"), Counts::of_text(&p.does)));
    }
    pieces
}

/// The sentences the model gives the summary, over all schools together:
/// how long each period its purposes are kept runs (`5 jaar nadat de
/// leerling de school heeft verlaten`), once per period, and what each
/// processor that only some schools use does.
fn summary(m: &Model) -> Vec<Piece> {
    // One line per moment a period starts from (`after`), with the
    // shortest and the longest period from it, as the summary writes them.
    let mut kept: Vec<(&str, Period, Period, &Origin)> = Vec::new();
    for a in &m.activities {
        let Some(rule) = m.retention.iter().find(|r| r.id == a.retention) else {
            continue;
        };
        match kept.iter_mut().find(|(after, ..)| *after == rule.after) {
            Some((_, shortest, longest, _)) => {
                if days(rule.period) < days(*shortest) {
                    *shortest = rule.period;
                }
                if days(rule.period) > days(*longest) {
                    *longest = rule.period;
                }
            }
            None => kept.push((&rule.after, rule.period, rule.period, &rule.origin)),
        }
    }
    kept.into_iter()
        .map(|(after, shortest, longest, origin)| {
            let line = if shortest == longest {
                format!("{} {after}", period_words(longest))
            } else {
                format!(
                    "{} tot {} {after}",
                    period_words(shortest),
                    period_words(longest)
                )
            };
            piece(origin.child("after"), Counts::of_text(&line))
        })
        .collect()
}

/// About how many days a period lasts, to order periods.
fn days(p: Period) -> u32 {
    p.amount
        * match p.unit {
            PeriodUnit::Day => 1,
            PeriodUnit::Week => 7,
            PeriodUnit::Month => 30,
            PeriodUnit::Year => 365,
        }
}

/// A period as the summary writes it: `5 jaar`.
fn period_words(p: Period) -> String {
    let one = p.amount == 1;
    let unit = match p.unit {
        PeriodUnit::Day if one => "dag",
        PeriodUnit::Day => "dagen",
        PeriodUnit::Week if one => "week",
        PeriodUnit::Week => "weken",
        PeriodUnit::Month if one => "maand",
        PeriodUnit::Month => "maanden",
        PeriodUnit::Year => "jaar",
    };
    format!("{} {unit}", p.amount)
}

/// Markdown as plain text, one string per block (paragraph, list item,
/// heading, table cell), so that each ends a sentence.
fn blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.trim().is_empty() {
            blocks.push(std::mem::take(current));
        }
        current.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::Item | Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell)
            | Event::End(
                TagEnd::Item | TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell,
            ) => flush(&mut current),
            _ => {}
        }
    }
    flush(&mut current);
    blocks
}

/// Whether a token between spaces is a word: it holds a letter, and it is
/// not a web or e-mail address.
fn is_word(token: &str) -> bool {
    let start = token.trim_start_matches(['(', '<', '[']);
    token.chars().any(char::is_alphabetic)
        && !token.contains('@')
        && !token.contains("://")
        && !start
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
}

/// The syllables of a token: those of each run of letters in it
/// (`e-mailadres`: `e` and `mailadres`), and at least one.
fn word_syllables(token: &str) -> usize {
    let n: usize = token
        .split(|c: char| !c.is_alphabetic())
        .filter(|run| !run.is_empty())
        .map(|run| {
            let letters = run.chars().count();
            // AVG, FG, GMR, BSN: read letter by letter.
            if (2..=4).contains(&letters) && run.chars().all(char::is_uppercase) {
                letters
            } else {
                syllables(run)
            }
        })
        .sum();
    n.max(1)
}

/// Words of English that Dutch texts use, whose syllables vowel groups
/// miscount (a silent `e`, `you`), as (word, syllables). They count also
/// at the end of a compound: `schoolwebsite`.
const LOAN_WORDS: &[(&str, usize)] = &[
    ("website", 2),
    ("websites", 2),
    ("online", 2),
    ("software", 2),
    ("update", 2),
    ("updates", 2),
    ("youtube", 2),
    ("google", 2),
    ("office", 2),
    ("service", 2),
    ("chromebook", 2),
    ("chromebooks", 2),
    ("game", 1),
    ("games", 1),
];

/// The syllables of a Dutch word: its groups of vowels.
///
/// A group is one vowel (`a e i o u y`, also with an accent), or one of
/// the Dutch vowel combinations that are one sound: `aa ee oo uu ie oe eu
/// ei ij ui ou au ai ey`, and `aai ooi oei eeu ieu eau`. Other vowels side
/// by side are syllables of their own (`ra-di-o`, `the-a-ter`), and a
/// trema starts a new syllable (`be-ïn-vloe-den`, `Bel-gi-ë`). At least one.
pub fn syllables(word: &str) -> usize {
    let lower = word.to_lowercase();
    if let Some((prefix, n)) = LOAN_WORDS.iter().find_map(|(loan, n)| {
        lower
            .strip_suffix(loan)
            .map(|prefix| (prefix.to_string(), *n))
    }) {
        return n + if prefix.is_empty() {
            0
        } else {
            vowel_groups(&prefix)
        };
    }
    vowel_groups(&lower).max(1)
}

/// The vowel groups of a word in lower case (see [`syllables`]).
fn vowel_groups(lower: &str) -> usize {
    /// A vowel without its accent, and whether it has a trema.
    fn vowel(c: char) -> Option<(char, bool)> {
        Some(match c {
            'a' | 'á' | 'à' | 'â' => ('a', false),
            'e' | 'é' | 'è' | 'ê' => ('e', false),
            'i' | 'í' | 'ì' | 'î' => ('i', false),
            'o' | 'ó' | 'ò' | 'ô' => ('o', false),
            'u' | 'ú' | 'ù' | 'û' => ('u', false),
            'y' | 'ý' => ('y', false),
            'ä' => ('a', true),
            'ë' => ('e', true),
            'ï' => ('i', true),
            'ö' => ('o', true),
            'ü' => ('u', true),
            'ÿ' => ('y', true),
            _ => return None,
        })
    }
    const THREE: [&str; 6] = ["aai", "ooi", "oei", "eeu", "ieu", "eau"];
    const TWO: [&str; 14] = [
        "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui", "ou", "au", "ai", "ey",
    ];
    let chars: Vec<char> = lower.chars().collect();
    let mut groups = 0;
    let mut i = 0;
    while i < chars.len() {
        let Some((first, _)) = vowel(chars[i]) else {
            i += 1;
            continue;
        };
        groups += 1;
        // The vowels (and the `j` of `ij`) that follow without a trema.
        let mut run = String::from(first);
        let mut j = i + 1;
        while j < chars.len() {
            match vowel(chars[j]) {
                Some((v, false)) => run.push(v),
                None if chars[j] == 'j' && run.ends_with('i') => run.push('j'),
                _ => break,
            }
            j += 1;
        }
        // The longest combination the run starts with is one syllable;
        // the vowels after it start the next (`bij-een`, `fi-nan-ci-eel`).
        let take = if THREE.iter().any(|t| run.starts_with(t)) {
            3
        } else if TWO.iter().any(|t| run.starts_with(t)) {
            2
        } else {
            1
        };
        i += take;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words whose syllables a dictionary gives (Van Dale's hyphenation).
    #[test]
    fn figures_are_written_with_one_decimal() {
        assert_eq!(decimal(12.345, true), "12,3");
        assert_eq!(decimal(12.345, false), "12.3");
        assert_eq!(decimal(60.0, true), "60");
    }

    #[test]
    fn syllables_of_dutch_words() {
        let words = [
            ("de", 1),
            ("school", 1),
            ("kind", 1),
            ("uw", 1),
            ("ouders", 2),
            ("gegevens", 3),
            ("leerling", 2),
            ("leerlingen", 3),
            ("privacy", 3),
            ("verklaring", 3),
            ("privacyverklaring", 6),
            ("bijzonder", 3),
            ("persoonsgegevens", 5),
            ("toestemming", 3),
            ("beveiliging", 4),
            ("nieuwsbrief", 2),
            ("moeilijk", 2),
            ("draaien", 2),
            ("mooi", 1),
            ("leeuw", 1),
            ("eigen", 2),
            ("huis", 1),
            ("gebeurt", 2),
            ("informatie", 4),
            ("organisatie", 5),
            ("functionaris", 5),
            ("sociaal", 3),
            ("radio", 3),
            ("video", 3),
            ("theater", 3),
            ("januari", 4),
            ("financieel", 4),
            ("bijeen", 2),
            ("bureau", 2),
            ("niveau", 2),
            ("zoeken", 2),
            ("vriendelijk", 3),
            ("leerlingadministratie", 7),
            ("verwerkersovereenkomst", 7),
            ("gegevensbeschermingseffectbeoordeling", 12),
        ];
        let wrong: Vec<_> = words
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| format!("{w}: {} (not {n})", syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn a_trema_starts_a_syllable() {
        assert_eq!(syllables("België"), 3);
        assert_eq!(syllables("ideeën"), 3);
        assert_eq!(syllables("geïnformeerd"), 4);
        assert_eq!(syllables("coördinator"), 5);
        assert_eq!(syllables("reünie"), 3);
        assert_eq!(syllables("ruïne"), 3);
        assert_eq!(syllables("patiënt"), 3);
        // An accent is no trema: één is one syllable.
        assert_eq!(syllables("één"), 1);
        assert_eq!(syllables("café"), 2);
    }

    #[test]
    fn loan_words_and_abbreviations() {
        assert_eq!(syllables("website"), 2);
        assert_eq!(syllables("schoolwebsite"), 3);
        assert_eq!(syllables("cookies"), 2);
        assert_eq!(syllables("chromebooks"), 2);
        assert_eq!(word_syllables("AVG"), 3);
        assert_eq!(word_syllables("FG"), 2);
        assert_eq!(word_syllables("e-mailadres"), 4);
        assert_eq!(word_syllables("(GMR)."), 3);
        assert_eq!(syllables("brrr"), 1);
    }

    #[test]
    fn words_and_sentences() {
        let c = Counts::of_text(
            "Wij bewaren dit 5 jaar. Mail naar fg@opron.nl of kijk op https://opron.nl.",
        );
        // "5" and the two addresses are no words.
        assert_eq!((c.words, c.sentences), (9, 2));
        // An abbreviation before a number or a small letter ends nothing.
        let c = Counts::of_text("Zie art. 6 van de AVG, o.a. lid 1. Dat is alles");
        assert_eq!(c.sentences, 2);
        let c = Counts::of_text("Mag dat? Ja! Zeker.");
        assert_eq!(c.sentences, 3);
    }

    #[test]
    fn markdown_is_read_as_text_and_each_block_ends_a_sentence() {
        let c = Counts::of_markdown(
            "Wij geven gegevens aan:\n\n- de **inspectie**\n- de [gemeente](https://x.nl)\n",
        );
        assert_eq!((c.words, c.sentences), (8, 3));
    }

    /// A known text, counted by hand:
    ///
    /// "De school bewaart de naam van uw kind. U mag die gegevens altijd
    /// inzien."
    ///
    /// words: 8 + 6 = 14; sentences: 2; syllables: de 1, school 1,
    /// be-waart 2, de 1, naam 1, van 1, uw 1, kind 1 (9); u 1, mag 1, die 1,
    /// ge-ge-vens 3, al-tijd 2, in-zien 2 (10): 19. Long words: none.
    /// Flesch-Douma = 206.84 − 0.77 × (100 × 19 / 14) − 0.93 × (14 / 2)
    /// = 206.84 − 104.50 − 6.51 = 95.83.
    #[test]
    fn the_figure_of_a_text_counted_by_hand() {
        let c = Counts::of_text(
            "De school bewaart de naam van uw kind. U mag die gegevens altijd inzien.",
        );
        assert_eq!(
            c,
            Counts {
                words: 14,
                sentences: 2,
                syllables: 19,
                long_words: 0
            }
        );
        let figure = c.flesch_douma().unwrap();
        assert!((figure - 95.83).abs() < 0.01, "{figure}");
        assert_eq!(c.words_per_sentence(), Some(7.0));
        assert_eq!(c.long_share(), Some(0.0));
        assert_eq!(Counts::default().flesch_douma(), None);
    }
}
