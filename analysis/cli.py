"""Command line.

- ``python -m analysis report [ARTICLE ...] [--out DIR]``: the HTML report per article.
- ``python -m analysis exercise [ARTICLE] [--out DIR] [--teacher-key CSV]``: a student
  folder and a teacher folder; ``exercise A B [C ...] --compare``: the same for a "find
  better coverage" exercise on two to five articles.
- ``python -m analysis compare A B [C ...] [--out DIR]``: how outlets report one story.
- ``python -m analysis grade ANSWERS... --key teacher/key.json --out DIR``: marks a class.
- ``python -m analysis corpus INPUT --out DIR [--jobs N]``: many articles, resumable.
- ``python -m analysis tables ARTICLE [--format json|csv] [--out DIR]``: the tables.

Every problem with the input is one line on stderr and exit code 2; nothing is
written unless the analysis succeeded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis import __version__, config
from analysis.errors import AnalysisError, InputError, output_problem

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
#: How the messages on stderr name the program when run as ``python -m analysis``.
PROG = "analysis"


def program_name() -> str:
    """The command as the user typed it: ``source-criticism`` when run by the installed
    script, ``python -m analysis`` when run as a module."""
    called = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return f"python -m {PROG}" if called in ("", "__main__.py", "-c", "-m") else called


def _short_name() -> str:
    """The program's name at the start of a line on stderr ("analysis: error: ...",
    "source-criticism: error: ...")."""
    name = program_name()
    return PROG if name.startswith("python ") else name


def _article_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "article",
        nargs="?",
        default=str(config.SEED_ARTICLE),
        help="a .txt or .html/.htm article, or - for stdin (default: the seed article)",
    )
    parser.add_argument("--model", default=None, help=f"spaCy model to load (default: ${config.MODEL_ENV_VAR}, then en_core_web_sm)")
    parser.add_argument(
        "--allow-non-english",
        action="store_true",
        help="analyse text that does not look like English instead of refusing it",
    )


def _hedge_domain_arg(parser: argparse.ArgumentParser) -> None:
    from analysis.vocabulary import HEDGE_DOMAIN  # not rules.cues: building the parser must not import spaCy

    parser.add_argument("--hedge-domain", choices=tuple(HEDGE_DOMAIN), default=None,
                        help="hedge lexicon: news (default), bio for science and health reporting, wiki for "
                             "encyclopaedic text (adds the cues learned from CoNLL-2010 training data)")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="Tabulate what a news article claims, how sure each claim is, and who says so.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    tables = commands.add_parser("tables", help="write every table as JSON (stdout) or CSV files")
    _article_arg(tables)
    tables.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    _hedge_domain_arg(tables)
    tables.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder (json: DIR/tables.json; csv: DIR/<table>.csv). "
        "Default: json to stdout, csv to output/<article name>/",
    )
    tables.set_defaults(handler=_run_tables)

    report = commands.add_parser("report", help="render the HTML report (and the tables as CSV) for each article")
    report.add_argument(
        "articles", nargs="*", default=[str(config.SEED_ARTICLE)],
        help="one or more .txt or .html/.htm articles (default: the seed article)",
    )  # fmt: skip
    report.add_argument("--out", type=Path, default=config.OUTPUT_DIR,
                        help="output folder; each article gets OUT/<article name>/report.html (default: output/)")  # fmt: skip
    report.add_argument("--model", default=None, help=f"spaCy model to load (default: ${config.MODEL_ENV_VAR}, then en_core_web_sm)")
    report.add_argument("--allow-non-english", action="store_true", help="report on text that does not look like English")
    _hedge_domain_arg(report)
    report.add_argument("--timeout", type=int, default=600, help="seconds any one notebook cell may run (default: 600)")
    report.set_defaults(handler=_run_report)

    exercise = commands.add_parser("exercise", help="write a student folder (worksheet, notebook) and a teacher folder (key, answer key, lesson plan)")
    exercise.add_argument("articles", nargs="*", metavar="ARTICLE",
                          help="a .txt or .html/.htm article (default: the seed); with --compare, two to five")  # fmt: skip
    exercise.add_argument("--compare", action="store_true",
                          help="a 'find better coverage' exercise comparing two to five articles on one story")  # fmt: skip
    exercise.add_argument("--out", type=Path, default=None,
                          help="output folder (default: output/<article name>-exercise/, or output/compare-exercise/)")  # fmt: skip
    exercise.add_argument("--drop-cards", default="", metavar="N,M",
                          help="with --compare: card numbers to leave out (from an earlier build's answer key), e.g. 2,4")  # fmt: skip
    exercise.add_argument("--teacher-key", type=Path, default=None,
                          help="a CSV of your own answers that overrides the tool's: for one article sent_id, status, source, "
                               "source_type, cues; with --compare card, surer (a letter, same or different), cite")  # fmt: skip
    exercise.add_argument("--allow-non-english", action="store_true", help="use text that does not look like English")
    exercise.set_defaults(handler=_run_exercise)

    compare = commands.add_parser("compare", help="compare how two to five outlets report the same story: compare.html and the tables")
    compare.add_argument("articles", nargs="+", help="two to five .txt or .html/.htm articles")
    compare.add_argument("--out", type=Path, default=config.OUTPUT_DIR / "compare",
                         help="output folder for compare.html and the tables as CSV and JSON (default: output/compare/)")  # fmt: skip
    compare.add_argument("--model", default=None, help=f"spaCy model to load (default: ${config.MODEL_ENV_VAR}, then en_core_web_sm)")
    compare.add_argument("--allow-non-english", action="store_true", help="compare text that does not look like English")
    compare.set_defaults(handler=_run_compare)

    grade = commands.add_parser("grade", help="mark students' saved answers against an exercise key; feedback pages and a class summary")
    grade.add_argument("answers", nargs="+", help="answers files students saved (.json), or folders holding them")
    grade.add_argument("--key", type=Path, required=True, help="the exercise key: teacher/key.json")
    grade.add_argument("--out", type=Path, default=None, help="output folder (default: feedback/ beside the key's folder)")
    grade.add_argument("--open-marks", type=Path, default=None,
                       help="your marks for the open tasks: the open_marks.csv grade wrote, with its mark column filled in")
    grade.set_defaults(handler=_run_grade)

    corpus = commands.add_parser("corpus", help="analyse a folder, JSONL or CSV of articles into Parquet and CSV tables")
    corpus.add_argument("input", help="a folder of .txt/.html files, a .jsonl file or a .csv file with a text column")
    corpus.add_argument("--out", type=Path, required=True, help="output folder (a rerun resumes where the last stopped)")
    corpus.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    corpus.add_argument("--batch-size", type=int, default=32, help="articles per batch: parsed, written and resumed together")
    corpus.add_argument("--text-column", default="text", help="the text field of JSONL or CSV input (default: text)")
    corpus.add_argument("--id-column", default=None, help="the id field of JSONL or CSV input (default: id, else the row number)")
    corpus.add_argument("--model", default=None, help=f"spaCy model to load (default: ${config.MODEL_ENV_VAR}, then en_core_web_sm)")
    corpus.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes, or Dask (a LocalCluster of --jobs workers, or --scheduler)")  # fmt: skip
    corpus.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler (with --engine dask)")
    corpus.add_argument("--no-progress", action="store_true", help="no progress bar")
    _hedge_domain_arg(corpus)
    corpus.set_defaults(handler=_run_corpus)
    return parser


def _say(kind: str, message: str) -> None:
    print(f"{_short_name()}: {kind}: {message}", file=sys.stderr)


def _out_folder(path: Path) -> Path:
    from analysis.presenting.export import output_folder

    return output_folder(path)


def _analyze(args):
    """Read, check language, analyse; warnings go to stderr."""
    from analysis.core import analyze_article
    from analysis.reading.ingest import read_article, read_path
    from analysis.parse.nlp import load_nlp

    # On the command line an argument is always a path (or - for stdin), never text.
    article = read_article("-") if args.article == "-" else read_path(args.article)
    language = [w for w in article.warnings if getattr(w, "code", None) == "not_english"]
    if language and not args.allow_non_english:
        raise InputError(f"{language[0].split(';')[0]}; pass --allow-non-english to analyse it anyway")
    for message in article.warnings:
        _say("warning", message)
    return analyze_article(article, nlp=load_nlp(args.model), hedge_domain=args.hedge_domain)


def _stem(article: str) -> str:
    return "stdin" if article == "-" else Path(article).stem or "article"


def _run_tables(args) -> int:
    from analysis.presenting.export import to_json, write_csv, write_json

    result = _analyze(args)
    if args.format == "json" and args.out is None:
        sys.stdout.write(to_json(result) + "\n")
        sys.stdout.flush()
        return EXIT_OK
    out = _out_folder(args.out if args.out is not None else Path("output") / _stem(args.article))
    if args.format == "json":
        path = write_json(result, out)
        print(f"wrote {path}", file=sys.stderr)
    else:
        paths = write_csv(result, out)
        print(f"wrote {len(paths)} tables to {out}/", file=sys.stderr)
    return EXIT_OK


def _run_report(args) -> int:
    from analysis.presenting.report import build_report

    # Check every article before writing anything: one bad path stops the run at once.
    for article in args.articles:
        _check_article_file(article, args.allow_non_english)
    out = _out_folder(args.out)
    folders = report_folder_names(args.articles)
    for article, folder in zip(args.articles, folders):
        if folder != _stem(article):
            _say("note", f"more than one article is named {_stem(article)!r}: the report of {article} goes to {out / folder}/")
        path = build_report(Path(article).absolute(), _out_folder(out / folder), model=args.model,
                            hedge_domain=args.hedge_domain, timeout=args.timeout)  # fmt: skip
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def report_folder_names(articles: list[str]) -> list[str]:
    """One folder name per article, never two alike: the file's stem ("a" for a.txt); when
    stems repeat, the stem with its extension ("a-txt", "a-html"), then with its parent
    folder too ("2016_a-txt"), then numbered in the order given."""
    def name(article: str, level: int) -> str:
        path = Path(article)
        stem = _stem(article)
        with_suffix = f"{stem}-{path.suffix.lstrip('.').lower()}" if path.suffix else stem
        return (stem, with_suffix, f"{path.absolute().parent.name}_{with_suffix}")[level]

    names = [name(a, 0) for a in articles]
    for level in (1, 2):
        repeated = {n for n in names if names.count(n) > 1}
        names = [name(a, level) if n in repeated else n for a, n in zip(articles, names)]
    seen: dict[str, int] = {}
    unique = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        unique.append(n if seen[n] == 1 and names.count(n) == 1 else f"{n}-{seen[n]}")
    return unique


def _run_compare(args) -> int:
    from analysis.comparing import MAX_ARTICLES, MIN_ARTICLES, compare
    from analysis.comparing.page import write_comparison
    from analysis.presenting.export import publish, staged_output

    if not MIN_ARTICLES <= len(args.articles) <= MAX_ARTICLES:
        raise InputError(f"compare takes {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {len(args.articles)}")
    for article in args.articles:
        _check_article_file(article, args.allow_non_english)
    out = _out_folder(args.out)
    print(f"[1/2] analysing and comparing {len(args.articles)} articles", file=sys.stderr)
    from analysis.parse.nlp import load_nlp

    comparison = compare([Path(a) for a in args.articles], nlp=load_nlp(args.model))
    print(f"[2/2] writing compare.html and the tables to {out}", file=sys.stderr)
    # Written in a staging folder inside the output, then moved in: nothing half-written.
    with staged_output(out, prefix=".compare-") as staging:
        write_comparison(comparison, staging)
        publish(staging, out)
    for a, b in comparison.same_texts:
        _say("warning", f"{a} and {b} are the same text: an article compared with itself shows no difference")
    if not comparison.same_story:
        print("note: the articles look like different stories; what they share is still shown", file=sys.stderr)
    print(f"wrote {out / 'compare.html'}", file=sys.stderr)
    return EXIT_OK


def _check_article_file(article: str, allow_non_english: bool) -> None:
    from analysis.reading.ingest import read_path

    if article == "-":
        raise InputError("-: this command needs an article file, not stdin")
    warnings = read_path(article).warnings
    language = [w for w in warnings if getattr(w, "code", None) == "not_english"]
    if language and not allow_non_english:
        raise InputError(f"{language[0].split(';')[0]}; pass --allow-non-english to use it anyway")
    for message in warnings:  # as `tables` says them: a cp1252 fallback, a page without a date ...
        _say("warning", message)


def _run_exercise(args) -> int:
    from analysis.classroom.build import build_exercise

    if args.compare:
        return _run_coverage_exercise(args)
    if len(args.articles) > 1:
        raise InputError(f"exercise takes one article, not {len(args.articles)} (add --compare to compare two to five)")
    if args.drop_cards:
        raise InputError("--drop-cards is for a comparison (--compare); change a one-article exercise's key with --teacher-key")
    article = args.articles[0] if args.articles else str(config.SEED_ARTICLE)
    _check_article_file(article, args.allow_non_english)
    out = _out_folder(args.out if args.out is not None else config.OUTPUT_DIR / f"{_stem(article)}-exercise")
    key = Path(args.teacher_key).absolute() if args.teacher_key is not None else None
    written = build_exercise(Path(article).absolute(), out, teacher_key=key)
    print(f"wrote {len(written)} files to {out}/: hand out {out}/student/, keep {out}/teacher/", file=sys.stderr)
    return EXIT_OK


def _run_coverage_exercise(args) -> int:
    from analysis.classroom.coverage import build_coverage_exercise, parse_drop_cards
    from analysis.comparing import MAX_ARTICLES, MIN_ARTICLES

    if not MIN_ARTICLES <= len(args.articles) <= MAX_ARTICLES:
        raise InputError(f"exercise --compare takes {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {len(args.articles)}")
    drop = parse_drop_cards(args.drop_cards)  # before the analysis: a typo is refused at once
    key = Path(args.teacher_key).absolute() if args.teacher_key is not None else None
    if key is not None and not key.is_file():
        raise InputError(f"{args.teacher_key}: no such teacher's key (a CSV with card, surer, cite)")
    for article in args.articles:
        _check_article_file(article, args.allow_non_english)
    out = _out_folder(args.out if args.out is not None else config.OUTPUT_DIR / "compare-exercise")
    written = build_coverage_exercise([Path(a).absolute() for a in args.articles], out, drop_cards=drop, teacher_key=key)
    print(f"wrote {len(written)} files to {out}/: hand out {out}/student/, keep {out}/teacher/", file=sys.stderr)
    return EXIT_OK


def _run_grade(args) -> int:
    from analysis.classroom.grade import grade_class

    key = Path(args.key).absolute()
    out = _out_folder(args.out if args.out is not None else key.parent.parent / "feedback")
    written = grade_class(args.answers, key, out, open_marks=args.open_marks)
    print(f"wrote {len(written)} files to {out}/ (class.html is the class summary)", file=sys.stderr)
    return EXIT_OK


def _run_corpus(args) -> int:
    from analysis.corpus import iter_items, run_corpus

    if args.jobs < 1 or args.batch_size < 1:
        raise InputError("--jobs and --batch-size must be at least 1")
    next(iter(iter_items(args.input, text_column=args.text_column, id_column=args.id_column)), None)  # refuse bad input early
    out = _out_folder(args.out)
    counts = run_corpus(
        args.input, out, jobs=args.jobs, batch_size=args.batch_size, model=args.model,
        text_column=args.text_column, id_column=args.id_column, progress=not args.no_progress,
        engine=args.engine, scheduler=args.scheduler, hedge_domain=args.hedge_domain,
        freeze_gc=True,  # this process runs the corpus alone
    )  # fmt: skip
    held = f"{out}/ holds {counts['articles']} articles and {counts['errors']} errors"
    if counts["analysed"]:
        print(f"analysed {counts['analysed']} articles this run; {held}", file=sys.stderr)
    else:
        print(f"nothing left to do: every article of {args.input} was already analysed; {held} "
              "(tables assembled again)", file=sys.stderr)  # fmt: skip
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except AnalysisError as exc:
        _say("error", str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _say("error", "interrupted")
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A read-only or full disk is the user's to fix, like bad input (nothing was
        # left half-written: every command stages its output and moves it in at the end).
        problem = output_problem(exc, out=getattr(args, "out", None))
        if problem is None:
            return _internal_error(exc)
        _say("error", problem)
        return EXIT_INPUT
    except Exception as exc:  # noqa: BLE001 - one line for the user; traceback on request
        return _internal_error(exc)


def _internal_error(exc: Exception) -> int:
    """One line for an error of ours; the traceback when ANALYSIS_DEBUG is set."""
    if os.environ.get("ANALYSIS_DEBUG"):
        raise exc
    _say("error", f"internal error: {type(exc).__name__}: {exc} (set ANALYSIS_DEBUG=1 for the traceback)")
    return EXIT_INTERNAL
