//! `kg entities`: entities with their aliases and document counts.

use std::io::Write;

use anyhow::Result;
use kg_graph::query::run_query;
use oxigraph::model::Literal;

use crate::cli::EntitiesArgs;

/// Runs `kg entities`.
pub fn run(args: EntitiesArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    let type_filter =
        args.entity_type.map(|t| format!("?e a <{}> .", kg_graph::vocab::class_of(t.entity_type()).as_str())).unwrap_or_default();
    let search_filter = args
        .search
        .as_ref()
        .map(|s| {
            format!(
                "FILTER EXISTS {{ ?e rdfs:label|skos:altLabel ?n FILTER(CONTAINS(LCASE(STR(?n)), LCASE({}))) }}",
                Literal::new_simple_literal(s)
            )
        })
        .unwrap_or_default();
    let query = format!(
        "SELECT ?entity ?label ?type (GROUP_CONCAT(DISTINCT ?alias; separator=\" | \") AS ?aliases) (COUNT(DISTINCT ?doc) AS ?documents) WHERE {{
           ?e kg:mentionedIn ?doc ; rdfs:label ?label ; a ?class . {type_filter} {search_filter}
           ?class rdfs:label ?type .
           OPTIONAL {{ ?e skos:altLabel ?alias }}
           BIND(?e AS ?entity)
         }} GROUP BY ?entity ?label ?type ORDER BY DESC(?documents) ?label"
    );
    let format = args.format.result_format();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    run_query(&kg, &query, format, &mut out)?;
    out.flush()?;
    Ok(())
}
