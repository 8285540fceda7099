#!/usr/bin/env python3
"""Lists the cycles among the top-level modules of each crate: a module of `crates/*/src`
that names `crate::a` depends on `a`; modules that reach each other through such
dependencies form a cycle (a strongly connected component of two or more). Tests are left
out. Exits 1 when a cycle is found. Usage: scripts/module_cycles.py [crate ...] (default:
every crate)."""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates")


def module_of(src, path):
    """The top-level module a file belongs to (`lib` for lib.rs and main.rs)."""
    rel = os.path.relpath(path, src).replace(os.sep, "/")
    top = rel.split("/")[0]
    if top in ("lib.rs", "main.rs"):
        return "lib"
    return top[:-3] if top.endswith(".rs") else top


def code_of(text):
    """The text without comments, strings and test modules."""
    text = re.split(r"#\[cfg\(test\)\]\s*mod tests", text)[0]
    text = re.sub(r"'(\\.|[^'\\])'", "' '", text)
    text = re.sub(r'"(\\.|[^"\\])*"', '""', text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def dependencies(crate):
    src = os.path.join(ROOT, crate, "src")
    deps = {}
    modules = set()
    for dirpath, _, files in os.walk(src):
        for f in files:
            if f.endswith(".rs"):
                modules.add(module_of(src, os.path.join(dirpath, f)))
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            me = module_of(src, path)
            code = code_of(open(path, encoding="utf-8").read())
            used = set(re.findall(r"\bcrate::(\w+)", code))
            # `use crate::{a, b::c}` groups.
            for group in re.findall(r"\bcrate::\{([^}]*)\}", code):
                used.update(re.findall(r"(?:^|,)\s*(\w+)", group))
            deps.setdefault(me, set()).update(m for m in used if m in modules and m != me)
    return deps


def cycles(deps):
    """Strongly connected components of two or more modules (Tarjan), each sorted."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(deps.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(deps):
        if v not in index:
            visit(v)
    return sorted(out)


def main():
    crates = sys.argv[1:] or sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d, "src")))
    found = 0
    for crate in crates:
        for comp in cycles(dependencies(crate)):
            print(f"{crate}: " + " <-> ".join(comp))
            found += 1
    print(f"{found} cycles among modules")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
