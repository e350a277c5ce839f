//! The forms of contact details, for the rules that check them: e-mail
//! addresses, web addresses, Dutch postcodes and phone numbers.

use super::rules::is_placeholder;
use crate::model::{Model, Origin};

/// A contact detail of the model: where it is written, its value, and the
/// school it belongs to (None for the board's).
pub struct Detail<'m> {
    pub origin: Origin,
    pub value: &'m str,
    pub school: Option<&'m str>,
}

/// The value without the spaces around it: a detail pasted from Word often
/// has a non-breaking space before or after it, which a page leaves out.
fn detail<'m>(origin: Origin, value: &'m str, school: Option<&'m str>) -> Detail<'m> {
    Detail {
        origin,
        value: value.trim(),
        school,
    }
}

/// The details that are filled in: a `«placeholder»` of `helder init` is
/// reported by HL017, not also as a wrong address or number.
pub fn filled_in(details: Vec<Detail<'_>>) -> impl Iterator<Item = Detail<'_>> {
    details.into_iter().filter(|d| !is_placeholder(d.value))
}

/// Every e-mail address of the model.
pub fn emails(m: &Model) -> Vec<Detail<'_>> {
    let o = &m.organisation;
    let mut out = vec![
        detail(o.origin.child("email"), &o.email, None),
        detail(o.origin.child("dpo").child("email"), &o.dpo.email, None),
        detail(
            o.origin.child("privacy_contact").child("email"),
            &o.privacy_contact.email,
            None,
        ),
    ];
    if !board_written(m) {
        out.clear();
    }
    for s in &m.schools {
        if let Some(email) = &s.email {
            out.push(detail(s.origin.child("email"), email, Some(&s.id)));
        }
    }
    out
}

/// Every web address of the model that a page links to.
pub fn web_addresses(m: &Model) -> Vec<Detail<'_>> {
    let o = &m.organisation;
    let site = (!m.site.base_url.is_empty())
        .then(|| detail(m.site.origin.child("base_url"), &m.site.base_url, None));
    let mut out = vec![
        detail(o.origin.child("website"), &o.website, None),
        detail(
            o.origin.child("supervisory_authority").child("website"),
            &o.supervisory_authority.website,
            None,
        ),
    ];
    if !board_written(m) {
        out.clear();
    }
    for s in &m.schools {
        if let Some(website) = &s.website {
            out.push(detail(s.origin.child("website"), website, Some(&s.id)));
        }
    }
    for p in &m.processors {
        if let Some(leaflet) = &p.leaflet {
            out.push(detail(p.origin.child("leaflet"), leaflet, None));
        }
    }
    out.extend(site);
    out
}

/// Every postcode of the model.
pub fn postcodes(m: &Model) -> Vec<Detail<'_>> {
    let o = &m.organisation;
    let visiting = o.origin.child("visiting_address").child("postcode");
    let mut out = vec![detail(visiting, &o.visiting_address.postcode, None)];
    if let Some(a) = &o.postal_address {
        out.push(detail(
            o.origin.child("postal_address").child("postcode"),
            &a.postcode,
            None,
        ));
    }
    if !board_written(m) {
        out.clear();
    }
    for s in &m.schools {
        if let Some(a) = &s.address {
            out.push(detail(
                s.origin.child("address").child("postcode"),
                &a.postcode,
                Some(&s.id),
            ));
        }
    }
    out
}

/// Every phone number of the model.
pub fn phones(m: &Model) -> Vec<Detail<'_>> {
    let o = &m.organisation;
    let mut out = vec![detail(o.origin.child("phone"), &o.phone, None)];
    for (key, contact) in [("dpo", &o.dpo), ("privacy_contact", &o.privacy_contact)] {
        if let Some(phone) = &contact.phone {
            out.push(detail(o.origin.child(key).child("phone"), phone, None));
        }
    }
    if let Some(phone) = &o.supervisory_authority.phone {
        out.push(detail(
            o.origin.child("supervisory_authority").child("phone"),
            phone,
            None,
        ));
    }
    if !board_written(m) {
        out.clear();
    }
    for s in &m.schools {
        if let Some(phone) = &s.phone {
            out.push(detail(s.origin.child("phone"), phone, Some(&s.id)));
        }
    }
    out
}

/// Whether the model has an `organisation:`; without one, HL008 says so
/// and the board's details are not checked one by one.
pub fn board_written(m: &Model) -> bool {
    m.organisation.origin.written()
}

/// Whether `address` is an e-mail address: one `@`, a local part, and a
/// domain of letters, digits and hyphens with a top-level domain of letters.
pub fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    local_ok && is_domain(domain)
}

/// Whether `domain` is a host name with a top-level domain: `opron.nl`.
pub fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
}

/// The host of an `https:` or `http:` address, if it is one a browser opens
/// as a web page: no other scheme (`javascript:`, `data:`), no spaces, and
/// nothing that could make it look like another address (see
/// [`disguising`]).
pub fn web_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if url
        .chars()
        .any(|c| c.is_whitespace() || disguising(c) || "<>\"'`".contains(c))
    {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    is_domain(host).then_some(host)
}

/// Whether `c` is a character that shows nothing, or turns the text after
/// it around: a control character, a zero-width space or joiner, a
/// direction mark, override or isolate, the byte-order mark, the soft
/// hyphen. In prose they are harmless, and names in other scripts may need
/// them; in an address or an id they serve only to make it look like
/// another (`https://opron.nl/\u{202e}fdp.exe` shows as `…exe.pdf`).
pub fn disguising(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Whether `postcode` is a Dutch postcode written as `1234 AB`.
pub fn is_postcode(postcode: &str) -> bool {
    let b = postcode.as_bytes();
    b.len() == 7
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4] == b' '
        && b[5..].iter().all(u8::is_ascii_uppercase)
        && !matches!(&postcode[5..], "SA" | "SD" | "SS")
}

/// Whether `phone` is a Dutch phone number: ten digits from 0, or +31 and
/// nine digits, or a 0800/0900 service number; spaces, hyphens and
/// brackets between the digits are fine.
pub fn is_dutch_phone(phone: &str) -> bool {
    if phone
        .chars()
        .any(|c| !(c.is_ascii_digit() || " -()+".contains(c)))
    {
        return false;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = phone.trim().strip_prefix("+31") {
        let rest: String = rest.chars().filter(char::is_ascii_digit).collect();
        return rest.len() == 9 && !rest.starts_with('0');
    }
    let service = digits.starts_with("0800") || digits.starts_with("0900");
    digits.starts_with('0') && (digits.len() == 10 || service && (8..=11).contains(&digits.len()))
}

/// The domain of an e-mail address or web address, without `www.`.
pub fn domain_of(address: &str) -> Option<String> {
    let address = address.trim();
    let host = match address.split_once('@') {
        Some((_, domain)) => domain,
        None => web_host(address)?,
    };
    Some(host.trim_start_matches("www.").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses() {
        assert!(is_email("fg@opron.nl"));
        assert!(is_email("info.de-mieden@opron.nl"));
        for wrong in [
            "fg@opron",
            "fg opron.nl",
            "fg@@opron.nl",
            "@opron.nl",
            "fg@opron..nl",
            "fg@opron.n1",
        ] {
            assert!(!is_email(wrong), "{wrong}");
        }
    }

    #[test]
    fn web_addresses() {
        assert_eq!(
            web_host("https://www.opron.nl/privacy"),
            Some("www.opron.nl")
        );
        assert_eq!(web_host("http://opron.nl"), Some("opron.nl"));
        for wrong in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "https://www.opron.nl/\u{202e}fdp.exe",
            "https://www.opron.nl/\u{200b}",
            "https://www.opron.nl/\u{1}",
            "www.opron.nl",
            "https://",
            "https://opron",
        ] {
            assert_eq!(web_host(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn postcodes_and_phone_numbers() {
        assert!(is_postcode("9645 HC"));
        for wrong in ["9645HC", "0645 HC", "9645 hc", "9645 SS", "964 HC"] {
            assert!(!is_postcode(wrong), "{wrong}");
        }
        for right in [
            "0599-696390",
            "088 1805 250",
            "+31 599 696 390",
            "(0599) 69 63 90",
            "0800 1234",
        ] {
            assert!(is_dutch_phone(right), "{right}");
        }
        for wrong in ["0599-69639", "06-1234", "bel ons", "+31 0599 696390"] {
            assert!(!is_dutch_phone(wrong), "{wrong}");
        }
    }
}
