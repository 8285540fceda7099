//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Build a knowledge graph of who did what to whom from news articles.
#[derive(Debug, Parser)]
#[command(name = "kg", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities, relations and quotes from articles and print them.
    Extract(ExtractArgs),
    /// Extract articles (files or directories) into the store.
    Ingest(IngestArgs),
    /// Run a SPARQL query against the store.
    Query(QueryArgs),
    /// Export the store as RDF or as a Graphviz diagram.
    Export(ExportArgs),
    /// Remove documents (and every fact only they support) from the store.
    Remove(RemoveArgs),
    /// List entities with their aliases and document counts.
    Entities(EntitiesArgs),
}

/// Arguments of `kg remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Document ids (file stems, or JSON Lines record ids).
    #[arg(required = true)]
    pub ids: Vec<String>,
}

/// Entity types for filters.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TypeArg {
    /// People.
    Person,
    /// Organisations.
    Organization,
    /// Countries.
    Country,
    /// Cities.
    City,
    /// Other places.
    Location,
    /// Groups.
    Group,
}

impl TypeArg {
    /// The extraction type.
    pub fn entity_type(self) -> kg_extract::EntityType {
        use kg_extract::EntityType as T;
        match self {
            TypeArg::Person => T::Person,
            TypeArg::Organization => T::Organization,
            TypeArg::Country => T::Country,
            TypeArg::City => T::City,
            TypeArg::Location => T::Location,
            TypeArg::Group => T::Group,
        }
    }
}

/// Arguments of `kg entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Only entities of this type.
    #[arg(long = "type", value_enum)]
    pub entity_type: Option<TypeArg>,
    /// Only entities whose label or an alias contains this text (case-insensitive).
    #[arg(long)]
    pub search: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
}

/// Output of `kg extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// The extraction contract's JSON.
    Json,
    /// Turtle, as it would be stored.
    Turtle,
    /// N-Triples, as it would be stored.
    Ntriples,
}

/// Arguments of `kg extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExtractFormat,
    /// Publication date (YYYY-MM-DD) for every input; overrides a date line in the text.
    #[arg(long)]
    pub published: Option<String>,
    /// Files (.txt, .md, .html, .jsonl), directories, or `-` for standard input. The document
    /// id is the file stem (a record's `id` in JSON Lines).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `kg ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Publication date (YYYY-MM-DD) for inputs without a date line.
    #[arg(long)]
    pub published: Option<String>,
    /// A user alias table (TSV: alias, canonical label, type, optional Wikidata id) that
    /// forces merges and splits; it is kept in the store for later ingests.
    #[arg(long)]
    pub aliases: Option<PathBuf>,
    /// Files (.txt, .md, .html, .jsonl) and directories (read recursively), or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Result formats of `kg query`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    /// An aligned table.
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

/// Arguments of `kg query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Format of SELECT and ASK results (CONSTRUCT and DESCRIBE always give Turtle).
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// Read the query from this file.
    #[arg(long, conflicts_with = "query")]
    pub file: Option<PathBuf>,
    /// The SPARQL query. Predeclared prefixes: kg:, person:, organization:, country:, city:, location:, group:, entity:, doc:, stmt:, schema:, rdf:, rdfs:, skos:, xsd:, owl:.
    #[arg(required_unless_present = "file")]
    pub query: Option<String>,
}

/// Formats of `kg export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormatArg {
    /// Turtle (all graphs merged).
    Turtle,
    /// N-Triples (all graphs merged).
    Ntriples,
    /// N-Quads (one graph per document).
    Nquads,
    /// TriG (one graph per document).
    Trig,
    /// Graphviz DOT diagram.
    Dot,
}

/// Arguments of `kg export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}
