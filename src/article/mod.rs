//! Reading inputs into articles.
