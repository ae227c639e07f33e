//! Query results written for people (a table padded by display width) and programs (SPARQL
//! JSON, CSV, TSV).

use std::fmt;
use std::io::{self, Write};

use oxigraph::model::{TermRef, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution};
use unicode_width::UnicodeWidthStr;

use super::Error;
use crate::iri;

/// How [`write_results`] writes query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned plain-text table for people, IRIs shortened with known prefixes.
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
}

impl ResultsFormat {
    pub const ALL: [ResultsFormat; 5] = [
        ResultsFormat::Table,
        ResultsFormat::Json,
        ResultsFormat::Csv,
        ResultsFormat::Tsv,
        ResultsFormat::Xml,
    ];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Json => "json",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Xml => "xml",
        }
    }

    pub fn parse(s: &str) -> Option<ResultsFormat> {
        ResultsFormat::ALL.into_iter().find(|f| f.as_str() == s)
    }

    fn sparql(self) -> Option<QueryResultsFormat> {
        match self {
            ResultsFormat::Table => None,
            ResultsFormat::Json => Some(QueryResultsFormat::Json),
            ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

impl fmt::Display for ResultsFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes query results. Triples of `CONSTRUCT`/`DESCRIBE` are written as solutions binding
/// `subject`, `predicate` and `object`, so that every format has one shape.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    mut out: impl Write,
) -> Result<(), Error> {
    let (variables, rows): (
        Vec<Variable>,
        Box<dyn Iterator<Item = Result<QuerySolution, Error>>>,
    ) = match results {
        QueryResults::Boolean(value) => {
            return match format.sparql() {
                Some(f) => QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(out, value)
                    .map(drop),
                None => writeln!(out, "{value}"),
            }
            .map_err(Error::Write);
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            (
                variables,
                Box::new(solutions.map(|s| s.map_err(Error::from))),
            )
        }
        QueryResults::Graph(triples) => {
            let variables: Vec<Variable> = ["subject", "predicate", "object"]
                .into_iter()
                .map(Variable::new_unchecked)
                .collect();
            let names = variables.clone();
            let rows = triples.map(move |t| {
                let t = t?;
                let values = vec![
                    Some(t.subject.into()),
                    Some(t.predicate.into()),
                    Some(t.object),
                ];
                Ok(QuerySolution::from((names.clone(), values)))
            });
            (variables, Box::new(rows))
        }
    };
    match format.sparql() {
        Some(f) => {
            let mut serializer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(out, variables)
                .map_err(Error::Write)?;
            for row in rows {
                serializer.serialize(&row?).map_err(Error::Write)?;
            }
            serializer.finish().map_err(Error::Write)?;
            Ok(())
        }
        None => {
            let mut table = Vec::new();
            for row in rows {
                let row = row?;
                table.push(
                    variables
                        .iter()
                        .map(|v| {
                            row.get(v)
                                .map(|t| display_term(t.as_ref()))
                                .unwrap_or_default()
                        })
                        .collect(),
                );
            }
            let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            write_table(&header, &table, &mut out).map_err(Error::Write)
        }
    }
}

/// A term as a person reads it: IRIs shortened with known prefixes, literals as their text,
/// line breaks and tabs shown as `\n`, `\t` so that a row stays on one line.
fn display_term(term: TermRef<'_>) -> String {
    let text = match term {
        TermRef::NamedNode(n) => {
            iri::compact_iri(n.as_str()).unwrap_or_else(|| format!("<{}>", n.as_str()))
        }
        TermRef::BlankNode(b) => format!("_:{}", b.as_str()),
        TermRef::Literal(l) => l.value().to_owned(),
    };
    text.replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
}

/// Writes columns padded to their widest cell, counting display width (a CJK character is two
/// columns), with a rule under the header.
pub fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    out: &mut impl Write,
) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for row in rows {
        line(out, row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::seed;
    use crate::store::Store;
    use oxigraph::model::Literal;

    #[test]
    fn results_are_written_in_every_format() {
        let store = Store::in_memory().expect("store");
        store.ingest(&seed()).expect("ingest");
        let q = "SELECT ?p ?name WHERE { ?p gov:chairs ?m ; skos:prefLabel ?name }";
        let cases = [
            (ResultsFormat::Table, "p            name\n-----------  ----\nperson:林武  林武\n"),
            (
                ResultsFormat::Csv,
                "p,name\r\nhttps://w3id.org/govkg/id/person/林武,林武\r\n",
            ),
            (
                ResultsFormat::Tsv,
                "?p\t?name\n<https://w3id.org/govkg/id/person/林武>\t\"林武\"@zh\n",
            ),
            (
                ResultsFormat::Json,
                "{\"head\":{\"vars\":[\"p\",\"name\"]},\"results\":{\"bindings\":[{\"p\":{\"type\":\"uri\",\"value\":\"https://w3id.org/govkg/id/person/林武\"},\"name\":{\"type\":\"literal\",\"value\":\"林武\",\"xml:lang\":\"zh\"}}]}}",
            ),
        ];
        for (format, want) in cases {
            let mut out = Vec::new();
            write_results(store.query(q).unwrap(), format, &mut out).expect("write");
            assert_eq!(String::from_utf8(out).unwrap(), want, "{format}");
        }
        let mut out = Vec::new();
        write_results(
            store.query("ASK { ?p gov:chairs ?m }").unwrap(),
            ResultsFormat::Table,
            &mut out,
        )
        .unwrap();
        assert_eq!(out, b"true\n");
        let mut out = Vec::new();
        let construct = "CONSTRUCT { ?p gov:chairs ?m } WHERE { ?p gov:chairs ?m }";
        write_results(
            store.query(construct).unwrap(),
            ResultsFormat::Csv,
            &mut out,
        )
        .unwrap();
        assert!(String::from_utf8(out)
            .unwrap()
            .starts_with("subject,predicate,object\r\n"));
        for f in ResultsFormat::ALL {
            assert_eq!(ResultsFormat::parse(f.as_str()), Some(f));
        }
    }

    #[test]
    fn table_aligns_cjk_by_display_width() {
        let header = vec!["a".to_owned(), "b".to_owned()];
        let rows = vec![
            vec!["林武".to_owned(), "x".to_owned()],
            vec!["abcde".to_owned(), "y\\nz".to_owned()],
        ];
        let mut out = Vec::new();
        write_table(&header, &rows, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a      b\n-----  ----\n林武   x\nabcde  y\\nz\n"
        );
        assert_eq!(display_term(Literal::from("a\nb").as_ref().into()), "a\\nb");
    }
}
