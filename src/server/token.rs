//! The bearer token a server asks of its clients: read from a file, compared in constant time.
//!
//! A server that accepts SPARQL Update on an address other than loopback must know who writes:
//! `govkg serve --token-file FILE` makes `/update` (and, with `--token-for-reads`, every
//! request) require `Authorization: Bearer <the file's text>`. The secret is kept only as its
//! SHA-256 digest, and a presented token is compared by digest with no early exit, so neither
//! how long a comparison takes nor a memory dump tells the secret.

use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Why a token file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read the token file {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the token file {} is empty: write the secret clients will send in it", path.display())]
    Empty { path: PathBuf },
}

/// A secret clients send as `Authorization: Bearer SECRET`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    digest: [u8; 32],
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

impl Token {
    /// The token written in `path` (its text without the surrounding blanks and line break).
    pub fn read(path: &Path) -> Result<Token, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        let secret = text.trim();
        if secret.is_empty() {
            return Err(Error::Empty {
                path: path.to_owned(),
            });
        }
        Ok(Token::new(secret))
    }

    /// A token of this secret.
    pub fn new(secret: &str) -> Token {
        Token {
            digest: Sha256::digest(secret.as_bytes()).into(),
        }
    }

    /// Whether an `Authorization` header's value carries this token.
    pub fn admits(&self, authorization: Option<&str>) -> bool {
        let Some(value) = authorization else {
            return false;
        };
        let Some((scheme, secret)) = value.trim().split_once(' ') else {
            return false;
        };
        if !scheme.eq_ignore_ascii_case("bearer") {
            return false;
        }
        let presented: [u8; 32] = Sha256::digest(secret.trim().as_bytes()).into();
        // Every byte is looked at whatever the first difference.
        let difference = presented
            .iter()
            .zip(&self.digest)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        std::hint::black_box(difference) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_admits_its_secret_as_a_bearer_and_nothing_else() {
        let token = Token::new("s3cret-Token");
        let cases = [
            (Some("Bearer s3cret-Token"), true),
            (Some("bearer s3cret-Token"), true),
            (Some("  Bearer   s3cret-Token "), true),
            (None, false),
            (Some(""), false),
            (Some("Bearer"), false),
            (Some("Bearer s3cret-token"), false),
            (Some("Bearer s3cret-Token2"), false),
            (Some("Basic s3cret-Token"), false),
            (Some("s3cret-Token"), false),
        ];
        for (header, admitted) in cases {
            assert_eq!(token.admits(header), admitted, "{header:?}");
        }
    }

    #[test]
    fn token_files_are_read_without_their_line_break_and_must_hold_a_secret() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, "abc\n").unwrap();
        assert_eq!(Token::read(&file).unwrap(), Token::new("abc"));
        std::fs::write(&file, " \n").unwrap();
        assert!(matches!(Token::read(&file), Err(Error::Empty { .. })));
        let missing = dir.path().join("missing");
        let e = Token::read(&missing).unwrap_err();
        assert!(e.to_string().contains("missing"), "{e}");
        assert!(format!("{:?}", Token::new("abc")).find("abc").is_none());
    }
}
