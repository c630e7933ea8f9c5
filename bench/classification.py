"""Classification documents/s per framework: one ``classify`` call per document vs ``classify_many`` batches.

Run: ``python -m bench.classification [--docs 200] [--batch 32]``. The texts are the pages of the generated
benchmark archive (``bench.corpus``, 10 pages a document) as the pipeline would pass them, extracted once
beforehand; the baseline is one call per document, measured in the same run on the same texts. CPU time
is printed beside wall time (the machine may be shared). Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import time
import zipfile

from bench.corpus import build_archive
from bench.throughput import load


def texts(count: int) -> list[tuple[object, str]]:
    from evidence.extraction import extract

    archive, _ = build_archive()
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()[:count]
        return [(extract(zf.read(name), name), name) for name in names]


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    from classifier.loading import load_classifier
    from evidence.catalog import load_catalog
    from evidence.settings import get_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    docs = texts(args.docs)
    print(f"{len(docs)} documents of 10 pages; batch {args.batch}; load {load()}")
    for framework in get_settings().frameworks:
        classifier = load_classifier(load_catalog(framework), get_settings().models_dir)
        pairs = [(result.text, path) for result, path in docs]
        pages = [result.pages for result, _ in docs]
        single_wall, single_cpu = timed(lambda c=classifier, p=pairs, g=pages: [
            c.classify(text, path, pages=pg) for (text, path), pg in zip(p, g, strict=True)])
        batch_wall, batch_cpu = timed(lambda c=classifier, p=pairs, g=pages: [
            c.classify_many(p[i:i + args.batch], g[i:i + args.batch]) for i in range(0, len(p), args.batch)])
        n = len(docs)
        print(f"{framework:11} single {n / single_wall:6.1f} docs/s ({single_cpu / n * 1000:5.1f} ms CPU/doc)  "
              f"baseline | batch {n / batch_wall:6.1f} docs/s ({batch_cpu / n * 1000:5.1f} ms CPU/doc)  "
              f"x{single_wall / batch_wall:.2f} wall, x{single_cpu / batch_cpu:.2f} CPU")
    print(f"load after {load()}")


if __name__ == "__main__":
    main()
