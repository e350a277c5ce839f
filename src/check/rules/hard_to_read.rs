//! HL208: a kind of page whose text is harder to read than the site's
//! targets (plain Dutch, B1, unless `site: readability:` says otherwise).

use super::{Doc, Level, Rule};
use crate::check::readability::{self, Counts, Page};
use crate::check::{Cx, Out};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL208",
    name: "hard-to-read",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De tekst van een soort pagina (de privacyverklaring, de samenvatting \"In het kort\", de cookieverklaring of het privacyreglement) is moeilijker te lezen dan het doel van de site. De AVG vraagt om duidelijke en eenvoudige taal (artikel 12), en veel ouders lezen het best op taalniveau B1. helder meet de Flesch-Douma-score (doel: 60 of hoger) en het gemiddelde aantal woorden per zin (doel: 15 of minder); `helder check` toont beide voor elke soort pagina. Maak lange zinnen korter: één boodschap per zin. Kies korte, gewone woorden in plaats van lange en ambtelijke. De melding wijst de tekst aan die de score het meest omlaag haalt. Andere doelen zet u onder `site: readability:` (`min_flesch_douma`, `max_words_per_sentence`).",
        en: "The text of a kind of page (the privacy statement, the summary \"In het kort\", the cookie notice or the privacy regulation) is harder to read than the site's target. The GDPR asks for clear and plain language (art. 12), and many parents read best at language level B1. helder measures the Flesch-Douma figure (target: 60 or higher) and the average number of words per sentence (target: 15 or fewer); `helder check` shows both for every kind of page. Make long sentences shorter: one message a sentence. Choose short, common words over long and official ones. The message points at the text that pulls the figure down most. Set other targets under `site: readability:` (`min_flesch_douma`, `max_words_per_sentence`).",
    },
    check: Some(check),
};

fn check(cx: &Cx, out: &mut Out) {
    let targets = cx.model.site.readability;
    let (min, max) = (targets.min_flesch_douma, targets.max_words_per_sentence);
    for page in readability::pages(cx.model) {
        let total = page.total;
        let (Some(figure), Some(length)) = (total.flesch_douma(), total.words_per_sentence())
        else {
            continue;
        };
        let hard = figure < min;
        if !hard && length <= max {
            continue;
        }
        let Some(worst) = worst(&page, hard) else {
            continue;
        };
        let name = page.kind.the();
        let (name_nl, name_en) = (&name.nl, &name.en);
        let figure = figure.round();
        let (length_nl, length_en) = (
            readability::decimal(length, true),
            readability::decimal(length, false),
        );
        let (min_nl, max_nl) = (
            readability::decimal(min, true),
            readability::decimal(max, true),
        );
        let (min_en, max_en) = (
            readability::decimal(min, false),
            readability::decimal(max, false),
        );
        let part = worst.counts;
        let part_figure = part.flesch_douma().unwrap_or_default().round();
        let part_length = part.words_per_sentence().unwrap_or_default();
        let (part_nl, part_en) = (
            readability::decimal(part_length, true),
            readability::decimal(part_length, false),
        );
        out.at(
            &worst.origin,
            text!(
                "{name_nl} is moeilijk te lezen: Flesch-Douma {figure} (doel: {min_nl} of hoger), {length_nl} woorden per zin (doel: {max_nl} of minder)",
                "{name_en} is hard to read: Flesch-Douma {figure} (target: {min_en} or higher), {length_en} words per sentence (target: {max_en} or fewer)"
            ),
            text!(
                "schrijf kortere zinnen en kortere, gewone woorden; begin met deze tekst, die de score het meest omlaag haalt (Flesch-Douma {part_figure}, {part_nl} woorden per zin)",
                "write shorter sentences and shorter, common words; start with this text, which pulls the figure down most (Flesch-Douma {part_figure}, {part_en} words per sentence)"
            ),
        );
    }
}

/// The piece of the page whose removal would help most: raise the figure
/// most when it is too low (`hard`), else shorten the sentences most.
fn worst(page: &Page, hard: bool) -> Option<&readability::Piece> {
    let total = page.total;
    let gain = |part: Counts| {
        let rest = total.without(part);
        let gain = if hard {
            rest.flesch_douma()
                .zip(total.flesch_douma())
                .map(|(rest, all)| rest - all)
        } else {
            rest.words_per_sentence()
                .zip(total.words_per_sentence())
                .map(|(rest, all)| all - rest)
        };
        // The only text of the page is the one to start with.
        gain.unwrap_or(f64::INFINITY)
    };
    page.pieces
        .iter()
        .filter(|p| p.counts.words > 0)
        .max_by(|a, b| gain(a.counts).total_cmp(&gain(b.counts)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::messages;

    const HARD: &str = "Indien de onderwijsinstelling persoonsgegevens van betrokkenen verwerkt ten behoeve van de uitvoering van wettelijke verplichtingen, draagt de verwerkingsverantwoordelijke zorg voor passende technische en organisatorische beveiligingsmaatregelen.";

    fn site(purpose: &str, site: &str) -> Vec<(usize, String)> {
        let activities = format!(
            "activities:\n  - id: a\n    name: A\n    purpose: Wij schrijven uw kind in.\n    basis: public_task\n    categories: []\n    retention: r\n  - id: b\n    name: B\n    purpose: {purpose}\n    basis: public_task\n    categories: []\n    retention: r\n"
        );
        messages(
            &RULE,
            &[("content/a.yaml", &activities), ("content/site.yaml", site)],
        )
    }

    #[test]
    fn a_hard_text_is_reported_at_the_field_that_scores_worst() {
        let found = site(HARD, "");
        assert_eq!(found.len(), 1, "{found:?}");
        let (line, message) = &found[0];
        assert_eq!(*line, 10, "{message}");
        assert!(
            message.starts_with("the privacy statement is hard to read: Flesch-Douma "),
            "{message}"
        );
        assert!(message.contains("(target: 60 or higher)"), "{message}");
        assert!(message.contains("(target: 15 or fewer)"), "{message}");
    }

    #[test]
    fn a_plain_text_is_not_reported() {
        assert_eq!(
            site("Wij kijken hoe uw kind leert. Zo helpen wij het.", ""),
            []
        );
    }

    /// The targets are the site's: lower ones let the hard text pass, and a
    /// stricter length catches a text that passes B1.
    #[test]
    fn a_site_sets_its_own_targets() {
        let lenient =
            "site:\n  readability:\n    min_flesch_douma: -100\n    max_words_per_sentence: 40\n";
        assert_eq!(site(HARD, lenient), []);
        let strict = "site:\n  readability:\n    max_words_per_sentence: 4\n";
        let found = site("Wij kijken elke week hoe uw kind leert.", strict);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("(target: 4 or fewer)"), "{found:?}");
    }
}
