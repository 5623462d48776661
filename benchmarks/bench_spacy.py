"""zjopen beside spaCy's named-entity recogniser, on the same text, in one run.

    python benchmarks/bench_spacy.py [--mb 1] [--rounds 3] [--spacy-python PYTHON]
                                     [--model en_core_web_sm]

Writes the seed and dev articles (else the bundled examples), repeated to ``--mb``
megabytes with each copy made distinct, into a folder, then times in turns:

- ``zjopen parse FOLDER --jobs 1 -q -o out.jsonl``: the whole command, cold start
  included (interpreter, imports, data, every article read, parsed and written);
- spaCy's NER alone on the same texts, in ``--spacy-python`` (an interpreter where spaCy
  and the model are installed: it need not be this one): the model is loaded with every
  other component disabled, and only ``nlp.pipe`` over the texts is timed, so loading
  the model is not counted against spaCy. ``--whole-pipeline`` times the model's
  whole default pipeline instead (tagger, parser, NER ...).

Where the model package cannot be installed (it is not on PyPI), ``--model
sm-architecture`` (spaCy 3) builds a NER with the architecture of en_core_web_sm 3.7's
(the same tok2vec and transition parser settings, its 18 labels) and untrained weights:
it runs at that model's speed, though what it finds is noise.

Both run on one core (``OMP_NUM_THREADS=1`` and the BLAS equivalents for spaCy; zjopen
has ``--jobs 1``). Prints each one's best MB/s and the ratio. Measured, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import _folder, _sources

_SPACY = """
import importlib, sys, time
from pathlib import Path
if sys.argv[1] == "sm-architecture":
    import spacy
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2,
        "use_upper": True, "nO": None, "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                      "rows": [5000, 1000, 2500, 2500], "include_static_vectors": False},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96,
                       "depth": 4, "window_size": 1, "maxout_pieces": 3}}}})
    for label in sys.argv[3].split(","):
        ner.add_label(label)
    nlp.initialize()
else:
    model = importlib.import_module(sys.argv[1])
    nlp = model.load()
    if sys.argv[4] == "ner":
        nlp = model.load(disable=[name for name in nlp.pipe_names if name != "ner"])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).iterdir())]
nlp("Warm up: Ningbo's exports rose 5% in 2023.")
start = time.perf_counter()
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
print(time.perf_counter() - start, entities, " ".join(nlp.pipe_names))
"""

# The NER labels of en_core_web_sm (OntoNotes 5), for the untrained stand-in.
_LABELS = ("CARDINAL,DATE,EVENT,FAC,GPE,LANGUAGE,LAW,LOC,MONEY,NORP,ORDINAL,ORG,PERCENT,"
           "PERSON,PRODUCT,QUANTITY,TIME,WORK_OF_ART")

_ONE_CORE = dict.fromkeys(("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                           "BLIS_NUM_THREADS"), "1")


def _zjopen(folder: Path) -> float:
    out = folder.with_suffix(".jsonl")
    # As installed: bytecode is read from the cache (written by the first, unmeasured run).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "zjopen", "parse", str(folder), "-o", str(out),
                    "--jobs", "1", "-q"], check=True, env=env)
    return time.perf_counter() - start


def _spacy(python: str, model: str, folder: Path, whole: bool) -> tuple[float, int, str]:
    done = subprocess.run([python, "-W", "ignore", "-c", _SPACY, model, str(folder),
                           _LABELS, "all" if whole else "ner"],
                          check=True, capture_output=True, text=True,
                          env={**os.environ, **_ONE_CORE})
    seconds, entities, *pipes = done.stdout.split()
    return float(seconds), int(entities), " ".join(pipes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="text to time")
    parser.add_argument("--rounds", type=int, default=3, help="turns; the best is kept")
    parser.add_argument("--spacy-python", default=sys.executable,
                        help="an interpreter with spaCy and the model installed")
    parser.add_argument("--model", default="en_core_web_sm",
                        help="the model's package, or sm-architecture (see above)")
    parser.add_argument("--whole-pipeline", action="store_true",
                        help="time the model's whole pipeline, not its NER alone")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="zjopen-spacy-"))
    try:
        folder, size = _folder(work, args.mb)
        _zjopen(folder)  # writes the bytecode cache, as an installed copy has it
        ours, theirs = [], []
        for _ in range(args.rounds):
            ours.append(_zjopen(folder))
            seconds, entities, pipes = _spacy(args.spacy_python, args.model, folder,
                                              args.whole_pipeline)
            theirs.append(seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    version = subprocess.run([args.spacy_python, "-W", "ignore", "-c",
                              "import spacy; print(spacy.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    print(f"{len(_sources())} source articles repeated to {size:.2f} MB; best of "
          f"{args.rounds}\n")
    print(f"{'zjopen parse --jobs 1 (cold start included)':48} {size / min(ours):7.2f} MB/s")
    print(f"{f'spaCy {version} {args.model} ({pipes})':48} "
          f"{size / min(theirs):7.2f} MB/s  ({entities} entities)")
    print(f"{'zjopen / spaCy':48} {min(theirs) / min(ours):7.1f} x")


if __name__ == "__main__":
    main()
