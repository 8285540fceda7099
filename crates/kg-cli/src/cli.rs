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
    /// Network analytics: degree, PageRank, betweenness, components, communities, paths, dyads.
    Analyze(AnalyzeArgs),
    /// Serve the SPARQL 1.1 Protocol, the Graph Store Protocol and the web explorer.
    Serve(ServeArgs),
    /// Upload the document graphs to a SPARQL 1.1 server (Graph Store Protocol or SPARQL Update).
    Push(PushArgs),
    /// Rebuild the shipped models (word clusters, POS tagger, NER) from the public data sets.
    Train(TrainArgs),
    /// Measure extraction: NER on a CoNLL file, or everything on a gold file of the extraction contract.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measure speed and memory: extraction, extraction plus ingest, user queries; build a synthetic corpus.
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// What `kg bench` measures.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Extraction alone (text to documents, articles read into memory first), on every core.
    Extract(BenchExtractArgs),
    /// `kg ingest` into a new on-disk store: time, words/s, quads/s, peak memory.
    Ingest(BenchIngestArgs),
    /// Latency of the queries users run (neighbourhoods, a month of relations, top entities, shortest paths).
    Queries(BenchQueriesArgs),
    /// Write a synthetic JSON Lines corpus: copies of a corpus with renamed names and ids.
    Corpus(BenchCorpusArgs),
}

/// Arguments of `kg bench extract`.
#[derive(Debug, Args)]
pub struct BenchExtractArgs {
    /// Threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Runs (the median is reported).
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Files or directories of articles.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `kg bench ingest`.
#[derive(Debug, Args)]
pub struct BenchIngestArgs {
    /// Threads for extraction (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Runs (the median is reported); each ingests into a new store.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Where the stores are made.
    #[arg(long, default_value = "bench-stores")]
    pub dir: PathBuf,
    /// Keep the stores afterwards.
    #[arg(long)]
    pub keep: bool,
    /// Files or directories of articles.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `kg bench queries`.
#[derive(Debug, Args)]
pub struct BenchQueriesArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Entities sampled (evenly over those with relations).
    #[arg(long, default_value_t = 20)]
    pub entities: usize,
    /// Runs of each query per entity.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
}

/// Arguments of `kg bench corpus`.
#[derive(Debug, Args)]
pub struct BenchCorpusArgs {
    /// Copies (the first keeps its names; the others get their own).
    #[arg(long, default_value_t = 8)]
    pub copies: usize,
    /// A JSON Lines corpus.
    pub input: PathBuf,
    /// The synthetic corpus to write.
    pub output: PathBuf,
}

/// Arguments of `kg train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The data sets folder (holding conll2003/, news_reuters21578/, news_wikinews_sample/).
    #[arg(long, default_value = "../shared/datasets")]
    pub datasets: PathBuf,
    /// Where the model files go (the repository's data/models to update the shipped ones).
    #[arg(long, default_value = "data/models")]
    pub out: PathBuf,
}

/// What `kg eval` measures.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Exact-span precision, recall and F1 per type of the shipped NER model on a CoNLL file
    /// (CoNLL-2003 `word POS chunk NER` columns or Universal NER `id word tag` columns).
    Ner(EvalNerArgs),
    /// Extract the texts of a gold file and score them as ../shared/eval/score.py does.
    Kg(EvalKgArgs),
    /// Relation F1 on the CoNLL04 benchmark (SpERT's JSON split), per relation type and micro.
    Conll04(EvalConll04Args),
    /// Ingest a gold file's texts (and any other articles) into a store and score its nodes
    /// as ../shared/eval/score_graph.py does: junk nodes, false merges, splits.
    Graph(EvalGraphArgs),
}

/// Arguments of `kg eval graph`.
#[derive(Debug, Args)]
pub struct EvalGraphArgs {
    /// The gold file (its `text_file` paths are relative to it).
    pub gold: PathBuf,
    /// Articles ingested together with the gold texts (files or directories): the merges
    /// that matter happen across documents.
    #[arg(long = "with", value_name = "PATH")]
    pub with: Vec<PathBuf>,
    /// Build the graph in this store directory and keep it (default: a temporary store).
    #[arg(long)]
    pub store: Option<PathBuf>,
    /// Also write the nodes of the gold documents (the CSV that score_graph.py reads) to this file.
    #[arg(long)]
    pub nodes: Option<PathBuf>,
    /// Print the summary as JSON (as score_graph.py --json does).
    #[arg(long)]
    pub json: bool,
    /// Also list false merges, splits and nodes that match no gold entity.
    #[arg(long)]
    pub show_errors: bool,
}

/// Arguments of `kg eval conll04`.
#[derive(Debug, Args)]
pub struct EvalConll04Args {
    /// The split file (SpERT JSON: tokens, entities, relations).
    #[arg(default_value = "../shared/datasets/conll04/conll04_test.json")]
    pub file: PathBuf,
    /// Also list each wrong (FP) and missed (FN) relation with its sentence.
    #[arg(long)]
    pub show_errors: bool,
}

/// Arguments of `kg eval ner`.
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// The tagged file.
    pub file: PathBuf,
    /// The folder of the part-of-speech model (`pos.bin`, `pos-tagdict.tsv`), read for a
    /// file with a part-of-speech column.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/models"))]
    pub models: PathBuf,
    /// Entity types to score (others are ignored on both sides); default: the types in the file.
    #[arg(long, value_delimiter = ',')]
    pub types: Vec<String>,
}

/// Arguments of `kg eval kg`.
#[derive(Debug, Args)]
pub struct EvalKgArgs {
    /// The gold file (its `text_file` paths are relative to it).
    pub gold: PathBuf,
    /// Print the summary as JSON (as score.py --json does).
    #[arg(long)]
    pub json: bool,
    /// Also write the extraction (the JSON that score.py reads) to this file.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// Also print the reliability of relation confidences: precision per confidence bin.
    #[arg(long)]
    pub calibration: bool,
}

/// Arguments of `kg push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// The server's SPARQL endpoint (queries, and updates when there is no graph store).
    #[arg(long)]
    pub endpoint: String,
    /// The server's Graph Store Protocol endpoint (e.g. .../sparql-graph-crud for Virtuoso,
    /// .../store for kg serve). Without it, graphs go through SPARQL Update in batches.
    #[arg(long)]
    pub graph_store: Option<String>,
    /// Triples per SPARQL Update request.
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    /// User name for HTTP Basic or Digest authentication, as the server asks (the password in KG_PUSH_PASSWORD).
    #[arg(long)]
    pub user: Option<String>,
    /// Send the bearer token in KG_PUSH_TOKEN.
    #[arg(long)]
    pub token: bool,
    /// Also push the ontology graph.
    #[arg(long)]
    pub ontology: bool,
    /// Push every graph even when the server already has the same version.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `kg serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Worker threads.
    #[arg(long, default_value_t = 16)]
    pub threads: usize,
    /// Longest a query may run, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Most rows or triples one query returns.
    #[arg(long, default_value_t = 10_000)]
    pub max_results: usize,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_body: usize,
    /// Accept SPARQL Update and Graph Store writes from clients that send the bearer token
    /// given in the KG_WRITE_TOKEN environment variable (at least 16 characters).
    #[arg(long)]
    pub writable: bool,
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

/// Arguments of `kg entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// Only entities of this type.
    #[arg(long = "type", value_enum)]
    pub entity_type: Option<kg_model::EntityType>,
    /// Only entities whose label or an alias contains this text (case-insensitive).
    #[arg(long)]
    pub search: Option<String>,
    /// At most this many entities, most mentioned first.
    #[arg(long, default_value_t = 1000)]
    pub limit: usize,
    /// Instead of a list: what the node NAME (a label, case-insensitive, or an IRI or
    /// prefixed name) joins from other documents, and why (name, method, confidence).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["entity_type", "search"])]
    pub merges: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
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
    /// N-Quads, one named graph per document: what a bulk loader of a scalable store reads.
    Nquads,
}

/// How `kg extract` and `kg ingest` read and extract their inputs.
#[derive(Debug, Args, Default)]
pub struct ReadingArgs {
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
    /// Also keep events stated as negated, hypothetical or feared, marked with their modality
    /// (never as facts: in the graph they are statements without a direct triple).
    #[arg(long)]
    pub keep_hypothetical: bool,
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
    #[command(flatten)]
    pub reading: ReadingArgs,
    /// Extraction threads (default: one per core). Output keeps the input order.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Files (.txt, .md, .html, .jsonl, .json), directories, or `-` for standard input. The
    /// document id is the file stem (a record's `id` in JSON Lines). Documents extracted
    /// already (contract JSON, as this command or the Spark job writes them) pass through.
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
    #[command(flatten)]
    pub reading: ReadingArgs,
    /// A user alias table (TSV: alias, canonical label, type, optional Wikidata id) that
    /// forces merges and splits; it is kept in the store for later ingests.
    #[arg(long)]
    pub aliases: Option<PathBuf>,
    /// Extraction threads (default: one per core); documents are stored in input order.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Quads gathered before a batch of new documents is bulk-loaded (each batch is
    /// written atomically; smaller batches make documents visible sooner, larger ones load faster).
    #[arg(long, default_value_t = kg_graph::writer::DEFAULT_BATCH_QUADS)]
    pub batch_quads: usize,
    /// Files (.txt, .md, .html, .jsonl, .json) and directories (read recursively), or `-` for
    /// standard input. Documents extracted already (`kg extract --format json`, the Spark
    /// job's `documents/`) are resolved and stored without extracting them again.
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

impl QueryFormat {
    /// The graph crate's result format.
    pub fn result_format(self) -> kg_graph::query::ResultFormat {
        use kg_graph::query::ResultFormat as R;
        match self {
            QueryFormat::Table => R::Table,
            QueryFormat::Json => R::Json,
            QueryFormat::Csv => R::Csv,
            QueryFormat::Tsv => R::Tsv,
            QueryFormat::Xml => R::Xml,
        }
    }
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
    /// The SPARQL query. Predeclared prefixes: kg:, person:, organization:, country:, place:, group:, entity:, doc:, stmt:, schema:, rdf:, rdfs:, skos:, xsd:, owl:.
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
    /// RDF/XML (all graphs merged).
    Rdfxml,
    /// N-Quads (one graph per document).
    Nquads,
    /// TriG (one graph per document).
    Trig,
    /// JSON-LD (one graph per document).
    Jsonld,
    /// Graphviz DOT diagram.
    Dot,
    /// SVG diagram (needs Graphviz).
    Svg,
    /// PNG diagram (needs Graphviz).
    Png,
    /// GraphML with typed attributes (Gephi, Cytoscape, networkx).
    Graphml,
    /// CSV node and edge tables, written as nodes.csv and edges.csv into --out DIR.
    Csv,
    /// Node-link JSON (networkx, D3).
    Json,
}

/// Which part of the graph to export or analyse.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only this entity's neighbourhood (label or IRI).
    #[arg(long)]
    pub entity: Option<String>,
    /// Radius of the neighbourhood in hops.
    #[arg(long, default_value_t = 1, requires = "entity")]
    pub hops: usize,
    /// Only these predicates (repeat or separate with commas).
    #[arg(long, value_delimiter = ',')]
    pub predicate: Vec<String>,
    /// Only predicates of these families: affiliation, structure, alliance, verbalCooperation,
    /// materialCooperation, verbalConflict, materialConflict.
    #[arg(long, value_delimiter = ',')]
    pub family: Vec<String>,
    /// Only entities of these types.
    #[arg(long = "type", value_enum, value_delimiter = ',')]
    pub entity_type: Vec<kg_model::EntityType>,
    /// Only relations dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only relations dated on or before this.
    #[arg(long)]
    pub to: Option<String>,
    /// Only relations stated in this document.
    #[arg(long)]
    pub document: Option<String>,
    /// Only the N entities with the most relations.
    #[arg(long)]
    pub top: Option<usize>,
}

impl FilterArgs {
    /// The graph crate's filter; unknown predicates and families are errors.
    pub fn filter(&self) -> anyhow::Result<kg_graph::network::Filter> {
        use kg_graph::network::Filter;
        let predicates = Filter::predicates_named(&self.predicate)?;
        let families = Filter::families_named(&self.family)?;
        Ok(kg_graph::network::Filter {
            entity: self.entity.clone(),
            hops: Some(self.hops),
            predicates,
            families,
            types: self.entity_type.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            document: self.document.clone(),
            top: self.top,
        })
    }
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
    /// Write to this file (a directory for csv) instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Diagrams: show each relation's dates under its label.
    #[arg(long)]
    pub edge_dates: bool,
    /// Which part of the graph.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// What `kg analyze` computes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Metric {
    /// In-, out- and total degree.
    Degree,
    /// PageRank (damping 0.85).
    Pagerank,
    /// Betweenness centrality (undirected, normalised).
    Betweenness,
    /// Connected components.
    Components,
    /// Communities by label propagation.
    Communities,
    /// The shortest path between --from-entity and --to-entity, with evidence.
    Path,
    /// Cooperation and conflict per ordered pair of actors per month (Goldstein).
    Dyads,
}

/// Output of `kg analyze`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableFormat {
    /// An aligned table.
    Table,
    /// CSV with a header.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Arguments of `kg analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Store directory.
    #[arg(long, default_value = "kg-store")]
    pub store: PathBuf,
    /// What to compute.
    #[arg(value_enum)]
    pub metric: Metric,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
    /// Only the first N rows (tables are sorted by the metric, highest first).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Path start (label or IRI).
    #[arg(long = "from-entity")]
    pub from_entity: Option<String>,
    /// Path end (label or IRI).
    #[arg(long = "to-entity")]
    pub to_entity: Option<String>,
    /// Which part of the graph.
    #[command(flatten)]
    pub filter: FilterArgs,
}
