//! The mistakes found while reading the files: they have codes and
//! explanations like every rule, but `load` finds them, not a check.

use super::{Doc, Level, Rule};

const fn reading(code: &'static str, name: &'static str, doc: Doc) -> Rule {
    Rule {
        code,
        name,
        element: "model",
        level: Level::Deny,
        required_by: None,
        doc,
        check: None,
    }
}

pub const SYNTAX: Rule = reading(
    "HL001",
    "yaml-syntax",
    Doc {
        nl: "Het bestand is geen YAML die helder kan lezen. Meestal is het inspringen anders dan de regels eromheen, staat er een tab in plaats van spaties, of mist een aanhalingsteken. De melding wijst de regel aan waar het herstel moet gebeuren. Spring in met spaties; de sleutels van één item beginnen in dezelfde kolom. Zet een tekst met `: ` erin tussen aanhalingstekens.",
        en: "The file is not YAML that helder can read. Usually a line is indented differently from its neighbours, a tab stands where spaces belong, or a quote is not closed. The message points at the line to fix. Indent with spaces; the keys of one entry start in the same column. Put a text that holds `: ` in quotes.",
    },
);

pub const UNKNOWN_KEY: Rule = reading(
    "HL002",
    "unknown-key",
    Doc {
        nl: "Een sleutel die helder op deze plek niet kent. Vaak een tikfout: zonder deze regel zou een onderdeel stil ontbreken op de pagina's. De tip noemt de sleutel die het meest lijkt, en alle sleutels die hier mogen. Verbeter de naam, of haal de sleutel weg.",
        en: "A key helder does not know at this place. Often a typo: without this rule a part would be silently missing from the pages. The hint names the nearest key and every key allowed here. Correct the name, or remove the key.",
    },
);

pub const MISSING_KEY: Rule = reading(
    "HL003",
    "missing-key",
    Doc {
        nl: "Een verplichte sleutel ontbreekt in dit item. Zonder die waarde kan helder de pagina niet volledig maken. Voeg de sleutel met een waarde toe.",
        en: "A required key is missing from this entry. Without that value helder cannot make the page complete. Add the key with a value.",
    },
);

pub const WRONG_KIND: Rule = reading(
    "HL004",
    "wrong-kind-of-value",
    Doc {
        nl: "Een waarde van de verkeerde soort: een tekst waar een lijst hoort, `ja` waar `true` of `false` hoort, een termijn die niet als `5 jaar` is geschreven, of een sleutel die twee keer in een item staat. De melding zegt wat er hoort en wat er staat. Schrijf de waarde in de vorm die de tip geeft.",
        en: "A value of the wrong kind: a text where a list belongs, `ja` where `true` or `false` belongs, a period not written like `5 jaar`, or a key written twice in one entry. The message says what belongs and what is written. Write the value in the form the hint gives.",
    },
);

pub const UNKNOWN_VALUE: Rule = reading(
    "HL005",
    "unknown-value",
    Doc {
        nl: "Een waarde die hier niet is toegestaan, zoals een grondslag die de AVG niet kent. De tip noemt alle toegestane waarden. Kies er één van.",
        en: "A value that is not allowed here, such as a legal basis the GDPR does not know. The hint lists every allowed value. Choose one of them.",
    },
);

pub const UNREADABLE: Rule = reading(
    "HL006",
    "unreadable-file",
    Doc {
        nl: "Een bestand of map van de site is er niet of is niet te lezen. Start helder in de map van de site, of geef die mee met `--root`. Bewaar bestanden als UTF-8-tekst.",
        en: "A file or folder of the site is missing or cannot be read. Run helder in the site's folder, or pass it with `--root`. Save files as UTF-8 text.",
    },
);

pub const SECTION_TWICE: Rule = reading(
    "HL007",
    "section-twice",
    Doc {
        nl: "Een onderdeel dat maar één keer mag voorkomen (`organisation:`, `statement:`, `rights:`, `site:`, `regulation:`) staat in twee bestanden van content/. helder weet dan niet welke geldt. Houd er één.",
        en: "A section that may be written once (`organisation:`, `statement:`, `rights:`, `site:`, `regulation:`) is in two files of content/. helder cannot know which one holds. Keep one.",
    },
);

pub const MISSING_SECTION: Rule = reading(
    "HL008",
    "missing-section",
    Doc {
        nl: "Een onderdeel dat elke site nodig heeft (`organisation:`, `statement:` of `rights:`) staat in geen enkel bestand van content/. Zonder dat onderdeel is geen privacyverklaring volledig. Zet het in een YAML-bestand in content/.",
        en: "A section every site needs (`organisation:`, `statement:` or `rights:`) is in no file of content/. Without it no privacy statement is complete. Add it to a YAML file in content/.",
    },
);

pub const RULE_SETTING: Rule = reading(
    "HL009",
    "rule-setting",
    Doc {
        nl: "Onder `site: rules:` staat een code die geen regel is, of een regel die de wet vereist wordt lager gezet. Een eis van de wet blijft een fout: een onvolledige verklaring wordt niet gepubliceerd. Verbeter de code, of haal hem weg en los de melding op.",
        en: "Under `site: rules:` a code names no rule, or a rule the law requires is lowered. A requirement of the law stays an error: an incomplete statement is not published. Correct the code, or remove it and fix what the rule reports.",
    },
);

pub const WRONG_DATE: Rule = Rule {
    code: "HL301",
    name: "date-does-not-exist",
    element: "dates",
    level: Level::Deny,
    required_by: None,
    doc: Doc {
        nl: "Een datum in git bestaat niet, zoals `Datum: 30-02-2021` in de tag van een vaststelling. helder publiceert geen datum die niet bestaat, en ook geen datum in een andere vorm dan jaar-maand-dag. Maak de tag opnieuw met `Datum: 2021-02-28`.",
        en: "A date in git does not exist, such as `Datum: 30-02-2021` in the tag of an adoption. helder publishes no date that does not exist, nor a date in another form than year-month-day. Make the tag again with `Datum: 2021-02-28`.",
    },
    check: None,
};
