"""Fixtures of the newskg tests: the `kg` binary the package is compared with, the
repository's sample articles, and ../shared's seed and dev articles (skipped with a
message where ../shared is absent)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def kg_binary() -> Path:
    """The `kg` built from this repository (KG_BIN, else the release build in the target folder)."""
    if os.environ.get("KG_BIN"):
        return Path(os.environ["KG_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return target / "release" / "kg"


@pytest.fixture(scope="session")
def kg():
    """Runs `kg` with arguments; returns its standard output (bytes), failing on an error."""
    binary = kg_binary()
    if not binary.is_file():
        pytest.fail(f"{binary} not found: build it with `cargo build --release` (or set KG_BIN)")

    def run(*args: object, check: bool = True) -> bytes:
        done = subprocess.run([str(binary), *map(str, args)], capture_output=True)
        if check and done.returncode != 0:
            raise AssertionError(f"kg {' '.join(map(str, args))} failed: {done.stderr.decode()}")
        return done.stdout

    return run


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    """The repository's own sample articles."""
    return sorted((REPO / "data" / "samples").glob("*.txt"))


@pytest.fixture(scope="session")
def shared_texts() -> list[Path]:
    """The seed article and the dev articles of ../shared."""
    shared = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
    if not (shared / "eval" / "dev" / "texts").is_dir():
        pytest.skip(f"SKIPPED: {shared} not found (the shared evaluation data lives there)")
    return sorted((shared / "seed").glob("*.txt")) + sorted((shared / "eval" / "dev" / "texts").glob("*.txt"))


@pytest.fixture(scope="session")
def sample_store(kg, samples, tmp_path_factory) -> Path:
    """A store of the sample articles, made by `kg ingest`."""
    store = tmp_path_factory.mktemp("store") / "kg-store"
    kg("ingest", "--store", store, *samples)
    return store
