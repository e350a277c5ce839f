//! HL201: a term to answer a request other than the one month of the GDPR.

use super::{Doc, Level, Rule};
use crate::check::prose::{find_word, sentence_at};
use crate::check::{Cx, Out};
use crate::model::{Period, PeriodUnit};
use crate::text;

pub const RULE: Rule = Rule {
    code: "HL201",
    name: "answer-term",
    element: "form",
    level: Level::Warn,
    required_by: None,
    doc: Doc {
        nl: "De verklaring noemt een andere termijn om een verzoek te beantwoorden dan één maand. De AVG geeft één maand, die met twee maanden mag worden verlengd als u dat binnen de eerste maand laat weten (art. 12 lid 3). \"Vier weken\" of \"12 weken\" zet ouders op het verkeerde been. Schrijf `response_time: 1 maand` en laat de tekst daarnaar verwijzen.",
        en: "The statement names another term to answer a request than one month. The GDPR gives one month, which may be extended by two months when that is said within the first month (art. 12(3)). \"Four weeks\" or \"12 weeks\" misleads parents. Write `response_time: 1 maand` and let the text follow it.",
    },
    check: Some(check),
};

/// Terms in words that are not the GDPR's month.
const TERMS: [&str; 14] = [
    "vier weken",
    "4 weken",
    "drie weken",
    "3 weken",
    "zes weken",
    "6 weken",
    "acht weken",
    "8 weken",
    "twaalf weken",
    "12 weken",
    "drie werkweken",
    "vier werkweken",
    "tien werkdagen",
    "30 dagen",
];

/// Words that make a sentence about answering a request.
const ABOUT_ANSWERING: [&str; 8] = [
    "antwoord",
    "antwoorden",
    "reactie",
    "reageren",
    "verzoek",
    "beantwoorden",
    "beslissing",
    "termijn",
];

fn check(cx: &Cx, out: &mut Out) {
    let rights = &cx.model.rights;
    let month = Period {
        amount: 1,
        unit: PeriodUnit::Month,
    };
    // Without a `rights:` section HL008 says so.
    if rights.response_time != month && rights.origin.written() {
        out.at(
            &rights.origin.child("response_time"),
            text!(
                "de termijn om een verzoek te beantwoorden is in de AVG één maand",
                "the term to answer a request is one month in the GDPR"
            ),
            text!(
                "schrijf `response_time: 1 maand`; verlengen met twee maanden mag, als u dat binnen de eerste maand laat weten (AVG art. 12 lid 3)",
                "write `response_time: 1 maand`; an extension by two months is allowed when said within the first month (GDPR art. 12(3))"
            ),
        );
    }
    for field in &cx.prose {
        for term in TERMS {
            let Some(at) = field.find(term) else {
                continue;
            };
            let sentence = sentence_at(field.text, at);
            if !ABOUT_ANSWERING
                .iter()
                .any(|w| find_word(sentence, w).is_some())
            {
                continue;
            }
            out.at_words(
                &field.origin,
                term,
                text!(
                    "\"{term}\" is niet de termijn van de AVG om een verzoek te beantwoorden",
                    "\"{term}\" is not the GDPR's term to answer a request"
                ),
                text!(
                    "schrijf \"binnen een maand\"; die termijn mag met twee maanden worden verlengd (AVG art. 12 lid 3)",
                    "write \"within one month\"; the term may be extended by two months (GDPR art. 12(3))"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test::run;

    fn statement(how: &str, term: &str) -> String {
        format!(
            "rights:\n  how: {how}\n  response_time: {term}\n  age: a\n  complaints: c\n  items: []\n"
        )
    }

    #[test]
    fn four_weeks_in_a_sentence_about_answering_is_reported_at_the_words() {
        let text = statement(
            "Wij geven binnen vier weken antwoord op uw verzoek.",
            "1 maand",
        );
        let found = run(&RULE, &[("content/r.yaml", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "\"vier weken\" is not the GDPR's term to answer a request"
        );
        assert_eq!(found[0].pos.map(|p| (p.line, p.column)), Some((2, 25)));
    }

    #[test]
    fn an_extension_to_twelve_weeks_is_reported_but_a_retention_term_is_not() {
        let text = statement(
            "De termijn mag worden verlengd tot maximaal 12 weken. De bewaartermijn is vier weken.",
            "1 maand",
        );
        let found = run(&RULE, &[("content/r.yaml", &text)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.en.starts_with("\"12 weken\""));
    }

    #[test]
    fn a_term_in_another_sentence_and_one_month_pass() {
        let text = statement(
            "Foto's bewaren we vier weken. U krijgt binnen een maand antwoord.",
            "1 maand",
        );
        assert!(run(&RULE, &[("content/r.yaml", &text)]).is_empty());
    }

    #[test]
    fn a_response_time_of_four_weeks_is_reported() {
        let text = statement("Mail ons.", "4 weken");
        let found = run(&RULE, &[("content/r.yaml", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pos.map(|p| p.line), Some(3));
    }
}
