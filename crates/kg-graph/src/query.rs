//! SPARQL over the store: SELECT and ASK results in the standard result formats or
//! as a readable table; CONSTRUCT and DESCRIBE as Turtle.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use crate::error::{GraphError, Result};
use crate::store::KnowledgeGraph;
use crate::vocab::{compact, PREFIXES};

/// How SELECT and ASK results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned text table with prefixed names.
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

impl ResultFormat {
    fn standard(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Table => None,
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

/// Parses a query with the project's prefixes predeclared (a query may redeclare them),
/// with the document graphs' union as the default graph, so `?s ?p ?o` sees everything
/// while `GRAPH ?g { … }` still names each document.
fn prepare(query: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
    prepare_with(query, None)
}

/// Parses a query as [`run_query`] does, with a token that cancels it (for timeouts).
pub fn prepare_with(query: &str, cancel: Option<oxigraph::sparql::CancellationToken>) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
    let mut evaluator = SparqlEvaluator::new();
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token);
    }
    for (p, iri) in PREFIXES {
        evaluator = evaluator.with_prefix(*p, *iri).map_err(GraphError::Iri)?;
    }
    let mut prepared = evaluator.parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    Ok(prepared)
}

/// Runs a query and writes its results. Document graphs are queried through the default
/// graph as their union, so `?s ?p ?o` sees everything; `GRAPH ?g { … }` still names each document.
pub fn run_query(kg: &KnowledgeGraph, query: &str, format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    match prepare(query)?.on_store(kg.store()).execute()? {
        QueryResults::Boolean(b) => match format.standard() {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, b)?;
                writeln!(out)?;
            }
            None => writeln!(out, "{b}")?,
        },
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            match format.standard() {
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, vars)?;
                    for s in solutions {
                        w.serialize(&s?)?;
                    }
                    w.finish()?;
                }
                None => {
                    let header: Vec<&str> = vars.iter().map(|v| v.as_str()).collect();
                    let mut rows = Vec::new();
                    for s in solutions {
                        let s = s?;
                        rows.push(vars.iter().map(|v| s.get(v).map(display_term).unwrap_or_default()).collect());
                    }
                    crate::text_table::write_text_table(out, &header, &rows, 80)?;
                }
            }
        }
        QueryResults::Graph(triples) => write_turtle(triples, out)?,
    }
    Ok(())
}

/// Writes a CONSTRUCT or DESCRIBE result as Turtle with the project's prefixes.
fn write_turtle<E>(triples: impl Iterator<Item = std::result::Result<oxigraph::model::Triple, E>>, out: &mut dyn Write) -> Result<()>
where
    GraphError: From<E>,
{
    let mut ser = RdfSerializer::from_format(RdfFormat::Turtle);
    for (p, iri) in PREFIXES {
        ser = ser.with_prefix(*p, *iri)?;
    }
    let mut w = ser.for_writer(&mut *out);
    for t in triples {
        w.serialize_triple(&t?)?;
    }
    w.finish()?;
    Ok(())
}

/// A query's answer as values, for programs (the Python package's `Store.query`).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: the variables and one row of values per solution (`None` where unbound).
    Solutions {
        /// The variables, in the query's order.
        variables: Vec<String>,
        /// The solutions.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE, as Turtle (as `kg query` prints it).
    Graph(String),
}

/// Runs a query as [`run_query`] does and returns its answer as values.
pub fn answer(kg: &KnowledgeGraph, query: &str) -> Result<Answer> {
    Ok(match prepare(query)?.on_store(kg.store()).execute()? {
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s?;
                rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Solutions { variables: vars.iter().map(|v| v.as_str().to_string()).collect(), rows }
        }
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            write_turtle(triples, &mut out)?;
            Answer::Graph(String::from_utf8_lossy(&out).into_owned())
        }
    })
}

/// Runs a SELECT query and returns its rows as strings (IRIs in full, literals as their value).
pub fn select_rows(kg: &KnowledgeGraph, query: &str) -> Result<Vec<Vec<Option<Term>>>> {
    match answer(kg, query)? {
        Answer::Solutions { rows, .. } => Ok(rows),
        _ => Err(GraphError::Invalid("expected a SELECT query".into())),
    }
}

/// Runs a SELECT query whose first value of the first row is a number.
pub fn count(kg: &KnowledgeGraph, query: &str) -> Result<u64> {
    let rows = select_rows(kg, query)?;
    match rows.first().and_then(|r| r.first().cloned().flatten()) {
        Some(Term::Literal(l)) => l.value().parse().map_err(|_| GraphError::Invalid(format!("not a count: {}", l.value()))),
        _ => Ok(0),
    }
}

/// Runs an ASK query.
pub fn ask(kg: &KnowledgeGraph, query: &str) -> Result<bool> {
    match prepare(query)?.on_store(kg.store()).execute()? {
        QueryResults::Boolean(b) => Ok(b),
        _ => Err(GraphError::Invalid("expected an ASK query".into())),
    }
}

/// A term as shown in a table: prefixed IRIs, literal values without quotes.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_predeclared_and_errors_point_into_the_users_text() {
        assert!(prepare("SELECT ?x WHERE { ?x a schema:Person }").is_ok());
        let err = prepare("SELECT ?x WHERE {\n ?x ?y }").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("2:"), "{err}");
    }
}
