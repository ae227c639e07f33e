//! HTTP content negotiation: picks the media type to answer with from a request's `Accept`
//! header (RFC 9110 §12.5.1: media ranges, `*/*` and `type/*` wildcards, `q` weights).

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    q: f32,
}

impl Range<'_> {
    /// How specifically the range matches `media` (2 exact, 1 `type/*`, 0 `*/*`), or `None`.
    fn matches(&self, media: &str) -> Option<u8> {
        let (kind, subtype) = media.split_once('/')?;
        if self.kind == "*" && self.subtype == "*" {
            Some(0)
        } else if self.kind.eq_ignore_ascii_case(kind) && self.subtype == "*" {
            Some(1)
        } else if self.kind.eq_ignore_ascii_case(kind) && self.subtype.eq_ignore_ascii_case(subtype)
        {
            Some(2)
        } else {
            None
        }
    }
}

fn ranges(accept: &str) -> Vec<Range<'_>> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut params = part.split(';');
            let media = params.next()?.trim();
            let (kind, subtype) = media.split_once('/')?;
            let mut q = 1.0;
            for p in params {
                if let Some((name, value)) = p.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        // A malformed weight counts as 0: the client did not clearly ask for it.
                        q = value.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                    }
                }
            }
            Some(Range {
                kind: kind.trim(),
                subtype: subtype.trim(),
                q,
            })
        })
        .collect()
}

/// The offer (a media type of `offers`, in the server's order of preference) the client
/// prefers: highest weight of the most specific range matching it; ties go to the earlier
/// offer. No or an empty `Accept` takes the first offer; `None` when the client accepts none
/// (every match weighs 0).
pub fn choose<'o>(accept: Option<&str>, offers: &[&'o str]) -> Option<&'o str> {
    let accept = accept.map(str::trim).unwrap_or_default();
    if accept.is_empty() {
        return offers.first().copied();
    }
    let ranges = ranges(accept);
    let mut best: Option<(&'o str, f32)> = None;
    for offer in offers {
        let q = ranges
            .iter()
            .filter_map(|r| r.matches(offer).map(|s| (s, r.q)))
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map(|(_, q)| q);
        if let Some(q) = q.filter(|q| *q > 0.0) {
            if best.is_none_or(|(_, b)| q > b) {
                best = Some((offer, q));
            }
        }
    }
    best.map(|(o, _)| o)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESULTS: &[&str] = &[
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ];

    #[test]
    fn chooses_as_clients_ask() {
        let cases: &[(Option<&str>, Option<&str>)] = &[
            (None, Some("application/sparql-results+json")),
            (Some(""), Some("application/sparql-results+json")),
            (Some("*/*"), Some("application/sparql-results+json")),
            (
                Some("application/sparql-results+xml"),
                Some("application/sparql-results+xml"),
            ),
            // SPARQLWrapper's JSON request.
            (
                Some("application/sparql-results+json,application/json,text/javascript,application/javascript"),
                Some("application/sparql-results+json"),
            ),
            // A browser: */* at a lower weight still gets the server's preference.
            (
                Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                Some("application/sparql-results+json"),
            ),
            (Some("text/*"), Some("text/csv")),
            (
                Some("text/csv;q=0.5, text/tab-separated-values"),
                Some("text/tab-separated-values"),
            ),
            (
                Some("text/csv;q=0.5, text/tab-separated-values;q=0.5"),
                Some("text/csv"),
            ),
            // The most specific range decides: */* is 1, but csv itself is refused.
            (Some("*/*, text/csv;q=0"), Some("application/sparql-results+json")),
            (Some("text/*, text/csv;q=0"), Some("text/tab-separated-values")),
            (Some("TEXT/CSV"), Some("text/csv")),
            (Some("image/png"), None),
            (Some("text/csv;q=0"), None),
            (Some("text/csv;q=abc"), None),
            (Some("garbage"), None),
        ];
        for (accept, want) in cases {
            assert_eq!(choose(*accept, RESULTS), *want, "{accept:?}");
        }
    }
}
