#!/usr/bin/env python3
"""Loads kg's exports with the tools analysts use and prints what they see, as JSON.

usage: check_exports.py DIR
DIR holds store.ttl, store.nt, store.rdf, store.nq, store.trig, store.jsonld,
graph.graphml, graph.json, csv/nodes.csv and csv/edges.csv.
"""
import json
import os
import sys

import networkx as nx
import pandas as pd
import rdflib


def triples(path, fmt):
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return len(g)


def quads(path, fmt):
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format=fmt)
    return sum(1 for _ in g.quads((None, None, None, None)))


def main():
    d = sys.argv[1]
    out = {
        "turtle": triples(os.path.join(d, "store.ttl"), "turtle"),
        "ntriples": triples(os.path.join(d, "store.nt"), "nt"),
        "rdfxml": triples(os.path.join(d, "store.rdf"), "xml"),
        "nquads": quads(os.path.join(d, "store.nq"), "nquads"),
        "trig": quads(os.path.join(d, "store.trig"), "trig"),
        "jsonld": quads(os.path.join(d, "store.jsonld"), "json-ld"),
    }
    gml = nx.read_graphml(os.path.join(d, "graph.graphml"), force_multigraph=True)
    out["graphml"] = {"nodes": gml.number_of_nodes(), "edges": gml.number_of_edges(), "directed": gml.is_directed()}
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        nl = nx.node_link_graph(json.load(f))
    out["nodelink"] = {"nodes": nl.number_of_nodes(), "edges": nl.number_of_edges(), "multigraph": nl.is_multigraph()}
    out["pagerank"] = nx.pagerank(nl, alpha=0.85, tol=1e-13, max_iter=10000)
    nodes = pd.read_csv(os.path.join(d, "csv", "nodes.csv"))
    edges = pd.read_csv(os.path.join(d, "csv", "edges.csv"))
    out["csv"] = {"nodes": len(nodes), "edges": len(edges), "node_columns": list(nodes.columns), "edge_columns": list(edges.columns),
                  "documents_dtype": str(edges["documents"].dtype)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
