//! Reading an HTTP request: its path and query string, `application/x-www-form-urlencoded`
//! parameters, headers, and a body bounded by the server's limit.

use std::io::Read;

use percent_encoding::percent_decode_str;
use tiny_http::Request;

use super::Reply;

/// Decoded `name=value` parameters, in their order.
pub type Params = Vec<(String, String)>;

/// The path and the decoded query-string parameters of a request target (`/query?query=…`).
pub fn target(url: &str) -> Result<(&str, Params), Reply> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    Ok((path, form(query)?))
}

/// Decodes `application/x-www-form-urlencoded` text: `&`-separated `name=value` pairs, `+` for
/// a space, `%XX` escapes of UTF-8 bytes. A name without `=` has an empty value (`?default`).
pub fn form(text: &str) -> Result<Params, Reply> {
    let decode = |s: &str| -> Result<String, Reply> {
        let s = s.replace('+', " ");
        percent_decode_str(&s)
            .decode_utf8()
            .map(|c| c.into_owned())
            .map_err(|_| Reply::error(400, "the parameters are not UTF-8 once %-decoded"))
    };
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

/// The values of parameter `name`.
pub fn all<'a>(params: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    params
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The one value of parameter `name`: `None` when absent, an error when given twice (the
/// SPARQL protocol allows exactly one `query`).
pub fn one<'a>(params: &'a [(String, String)], name: &str) -> Result<Option<&'a str>, Reply> {
    match all(params, name).as_slice() {
        [] => Ok(None),
        [v] => Ok(Some(v)),
        _ => Err(Reply::error(
            400,
            &format!("parameter {name} is given more than once"),
        )),
    }
}

/// The value of a request header, `None` when absent.
pub fn header<'r>(request: &'r Request, name: &'static str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// The media type of the body, lower case, without parameters (`charset`).
pub fn content_type(request: &Request) -> Option<String> {
    header(request, "Content-Type").map(|v| {
        v.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    })
}

/// The body as UTF-8 text, at most `limit` bytes: a longer one, announced by `Content-Length`
/// or found while reading a chunked body, is refused with 413 before more of it is read.
pub fn body(request: &mut Request, limit: usize) -> Result<String, Reply> {
    let too_large = || {
        Reply::error(
            413,
            &format!(
                "the request body is larger than the server's limit of {limit} bytes (--max-body)"
            ),
        )
    };
    if request.body_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Reply::error(400, &format!("cannot read the request body: {e}")))?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| Reply::error(400, "the request body is not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_like_browsers_encode() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("", &[]),
            ("query=a+b", &[("query", "a b")]),
            ("query=%E6%9E%97%E6%AD%A6%2B1", &[("query", "林武+1")]),
            ("default", &[("default", "")]),
            ("a=1&&b=2&a=3", &[("a", "1"), ("b", "2"), ("a", "3")]),
            ("x=%3D%26", &[("x", "=&")]),
        ];
        for (text, want) in cases {
            let got = form(text).unwrap_or_else(|_| panic!("{text}"));
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        assert!(form("q=%FF").is_err());
        let (path, params) = target("/store?graph=urn%3Ax").unwrap();
        assert_eq!(path, "/store");
        assert_eq!(one(&params, "graph").unwrap(), Some("urn:x"));
        assert!(one(&form("q=1&q=2").unwrap(), "q").is_err());
    }
}
