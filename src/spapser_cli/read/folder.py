"""Read a data folder: each file against its model, then the checks across files.

Layout: `scheme.yaml`, `actions/<code>.yaml`, `measures/<year>.yaml`. Every file is read and
every problem collected; the catalog keeps only the files that passed their model (as plain
records), so that later stages never see half-valid data.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spapser_cli.catalog import Catalog
from spapser_cli.catalog.records import to_record
from spapser_cli.files import absolute, exists, leads_outside
from spapser_cli.i18n import Message
from spapser_cli.problems import Problem, UsageError, display_path, os_reason
from spapser_cli.read import yamlio
from spapser_cli.read.checks import CrossChecks, Unchecked
from spapser_cli.read.document import Document
from spapser_cli.read.modelcheck import validate_document
from spapser_cli.read.models import Action, Measures, Scheme


def guess_kind(path: Path, data: Any) -> str | None:
    """`scheme`, `action` or `measures`, from the file's place, else from its top-level keys."""
    if path.name == "scheme.yaml":
        return "scheme"
    if path.parent.name in ("actions", "measures"):
        return path.parent.name.rstrip("s") if path.parent.name == "actions" else "measures"
    if isinstance(data, dict):
        if "axes" in data:
            return "scheme"
        if "code" in data:
            return "action"
        if "year" in data:
            return "measures"
    return None


@dataclass
class CatalogLoad:
    catalog: Catalog | None
    problems: list[Problem]
    files: list[str]  # every file read, as displayed

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def for_paths(self, data_dir: Path, paths: Sequence[Path]) -> CatalogLoad:
        """What `spapser validate PATH…` reports.

        A file outside the data folder (a candidate, a file from another branch) is checked
        against the folder and only its own problems are reported. A file of the folder is a
        change to the folder: an edited action can break a measures file that did not change,
        so the whole folder's problems are reported."""
        folder = absolute(data_dir)
        if not paths or any(folder in absolute(Path(p)).parents for p in paths):
            return self
        wanted = {display_path(p) for p in paths}
        return CatalogLoad(self.catalog, [p for p in self.problems if p.file in wanted],
                           [f for f in self.files if f in wanted])


def load_catalog(data_dir: Path, extra_files: Sequence[Path] = ()) -> CatalogLoad:
    """See `read.load.load_catalog`."""
    # Parsed files are trees without reference cycles, yet they hold many objects: left on,
    # the cyclic garbage collector rescans them again and again (a third of the time of
    # validating a thousand files). Nothing cyclic is created here, so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Loader(data_dir, extra_files).run()
    finally:
        if collecting:
            gc.enable()


class _Loader:
    def __init__(self, data_dir: Path, extra_files: Sequence[Path]) -> None:
        self.data_dir = data_dir
        self.extra = list(dict.fromkeys(Path(p) for p in extra_files))  # each file once
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.docs: dict[str, Document] = {}
        self.unreadable: set[str] = set()

    # -- reading --------------------------------------------------------------------------------
    def _read(self, path: Path) -> Document | None:
        shown = display_path(path)
        if shown in self.docs or shown in self.unreadable:  # read once, reported once
            return self.docs.get(shown)
        self.files.append(shown)
        if leads_outside(path, self.data_dir):
            self.problems.append(Problem(shown, "link-outside-data", Message(
                "this is a symbolic link to a file outside the data folder; spapser does not "
                "follow it: copy the file into the folder instead")))
            self.unreadable.add(shown)
            return None
        try:
            doc = yamlio.load_file(path, shown)
        except yamlio.YamlError as exc:
            self.problems.append(exc.problem)
            self.unreadable.add(shown)
            return None
        self.docs[shown] = doc
        return doc

    def _data_files(self) -> tuple[Path | None, list[Path], list[Path]]:
        scheme = self.data_dir / "scheme.yaml"
        found: dict[str, list[Path]] = {}
        for folder in (self.data_dir / "actions", self.data_dir / "measures"):
            found[folder.name] = []
            try:
                names = sorted(os.listdir(folder))
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError as exc:  # no permission, a link loop
                self.problems.append(Problem(display_path(folder), "unreadable-file", Message(
                    "cannot list this folder: {reason}",
                    reason=os_reason(exc.strerror or str(exc)))))
                continue
            for name in names:
                path = folder / name
                if name.endswith(".yaml"):
                    found[folder.name].append(path)
                elif not name.startswith("."):
                    why = (Message("spapser reads only *.yaml files here; this file is "
                                   "ignored (rename it to .yaml)") if path.suffix == ".yml"
                           else Message("spapser reads only *.yaml files here; this file is "
                                        "ignored"))
                    self.problems.append(Problem(display_path(path), "stray-file", why,
                                                 severity="warning"))
        for extra in self.extra:
            try:
                is_folder = stat.S_ISDIR(os.stat(extra).st_mode)
            except FileNotFoundError:
                raise UsageError(Message("{file}: no such file", file=str(extra))) from None
            except OSError as exc:  # a name too long, a link loop, no permission
                raise UsageError(Message("{file}: {reason}", file=str(extra),
                                         reason=os_reason(exc.strerror or str(exc)))) from None
            except ValueError as exc:
                raise UsageError(f"{extra}: {exc}") from None
            if is_folder:
                raise UsageError(Message("{file}: is a folder; give files, or use --data-dir",
                                         file=str(extra)))
        # A scheme.yaml that is not a regular file is read, to say what it is.
        return (scheme if exists(scheme) else None), found["actions"], found["measures"]

    def _measures(self, path: Path, doc: Document | None,
                  ) -> tuple[Measures, Document] | None:
        """Model-check one measures file and its name."""
        if doc is None:
            return None
        year_measures, found = validate_document(Measures, doc)
        self.problems.extend(found)
        if year_measures is None:
            return None
        if path.stem != str(year_measures.year):
            self.problems.append(doc.problem(("year",), "year-mismatch", Message(
                "this file holds year {year} but is named {name}: correct `year`, or name "
                "the file {year}.yaml", year=year_measures.year, name=path.name)))
            return None
        return year_measures, doc

    def _check_explicit_measures(self, items: list[tuple[Path, Document | None]],
                                 checks: CrossChecks) -> None:
        """Check measures files given on the command line, each against the folder's scheme
        and actions. Many files are shared out between processes (forked, so each inherits
        the checks already built)."""
        import multiprocessing

        unread = [path for path, doc in items if doc is None]
        global _FORKED_CHECKS
        workers = min(os.cpu_count() or 1, 8)
        if (len(unread) >= PARALLEL_MIN_FILES and workers > 1
                and "fork" in multiprocessing.get_all_start_methods()):
            _FORKED_CHECKS, _FORKED_DATA_DIR[0] = checks, self.data_dir
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    results = pool.map(_check_measures_file, unread,
                                       chunksize=max(1, len(unread) // (workers * 4)))
            finally:
                _FORKED_CHECKS = None
            for shown, problems in results:
                self.files.append(shown)
                self.problems.extend(problems)
        else:
            for path in unread:
                checked = self._measures(path, self._read(path))
                if checked is not None:
                    self.problems.extend(checks.year(*checked))
        for path, doc in items:
            if doc is not None and (checked := self._measures(path, doc)) is not None:
                self.problems.extend(checks.year(*checked))

    def run(self) -> CatalogLoad:
        scheme_path, action_paths, measures_paths = self._data_files()
        extra_docs: dict[str, list[tuple[Path, Document | None]]] = {
            "scheme": [], "action": [], "measures": []}
        for path in self.extra:
            if path.parent.name == "measures":  # read later, in parallel when there are many
                extra_docs["measures"].append((path, None))
                continue
            doc = self._read(path)
            kind = guess_kind(path, doc.data if doc else None)
            if kind is None:
                if doc is not None:
                    self.problems.append(doc.problem((), "wrong-type", Message(
                        "cannot tell whether this is a scheme, an action or a measures file")))
                continue
            extra_docs[kind].append((path, doc))

        def replaced(paths: list[Path], kind: str) -> list[tuple[Path, Document | None]]:
            names = {p.name for p, _ in extra_docs[kind]}
            own = [(p, None) for p in paths if p.name not in names]
            return sorted(own + extra_docs[kind], key=lambda item: item[0].name)

        # The scheme
        scheme: Scheme | None = None
        scheme_doc: Document | None = None
        scheme_items = extra_docs["scheme"][-1:] or ([(scheme_path, None)] if scheme_path else [])
        if not scheme_items:
            folder = display_path(self.data_dir)
            self.problems.append(Problem(display_path(self.data_dir / "scheme.yaml"),
                                         "missing-scheme", Message(
                                             "no scheme.yaml in {folder}: is this a spapser "
                                             "data folder?", folder=folder)))
        for path, doc in scheme_items:
            scheme_doc = doc or self._read(path)
            if scheme_doc is not None:
                scheme, found = validate_document(Scheme, scheme_doc)
                self.problems.extend(found)

        actions: dict[str, tuple[Action, Document]] = {}
        invalid = Unchecked()  # sheets with errors of their own: their ids do not cascade
        for path, maybe in replaced(action_paths, "action"):
            doc = maybe or self._read(path)
            if doc is None:
                invalid.codes.add(path.stem)
                continue
            action, found = validate_document(Action, doc)
            self.problems.extend(found)
            if action is None:
                invalid.add(path.stem, doc.data)
                continue
            if path.stem != action.code:
                self.problems.append(doc.problem(("code",), "file-name-mismatch", Message(
                    "the file of action {code} must be named {code}.yaml, not {name}",
                    code=action.code, name=path.name)))
            if action.code in actions:
                self.problems.append(doc.problem(("code",), "duplicate-id", Message(
                    "action {code} is also defined in {file}", code=action.code,
                    file=actions[action.code][1].file)))
                continue
            actions[action.code] = (action, doc)

        # Measures files given explicitly are checked one by one against the folder's scheme
        # and actions, each in place of the folder's file for its year (a pre-commit hook
        # passes changed files; a benchmark passes a thousand files of the same year).
        explicit_names = {p.name for p, _ in extra_docs["measures"]}
        measures: dict[int, tuple[Measures, Document]] = {}
        for path in measures_paths:
            if path.name in explicit_names:
                continue
            checked = self._measures(path, self._read(path))
            if checked is None:
                continue
            if checked[0].year in measures:
                self.problems.append(checked[1].problem(("year",), "duplicate-id", Message(
                    "year {year} is also in {file}", year=checked[0].year,
                    file=measures[checked[0].year][1].file)))
                continue
            measures[checked[0].year] = checked

        if scheme is None or scheme_doc is None:
            for path, doc in extra_docs["measures"]:
                self._measures(path, doc or self._read(path))
            return CatalogLoad(None, self.problems, self.files)

        checks = CrossChecks(scheme, scheme_doc, actions, measures, invalid)
        self.problems.extend(checks.run())
        self._check_explicit_measures(extra_docs["measures"], checks)
        ordered_codes = [c for axis in scheme.axes for o in axis.objectives for c in o.actions]
        ordered = {c: actions[c][0] for c in ordered_codes if c in actions}
        ordered.update({c: a for c, (a, _) in sorted(actions.items()) if c not in ordered})
        catalog = Catalog(
            data_dir=self.data_dir,
            scheme=to_record(scheme),
            actions={code: to_record(action) for code, action in ordered.items()},
            measures={y: to_record(m) for y, (m, _) in sorted(measures.items())},
            documents=self.docs,
            action_files={c: d.file for c, (_, d) in actions.items()},
            measures_files={y: d.file for y, (_, d) in measures.items()},
        )
        return CatalogLoad(catalog, self.problems, self.files)


PARALLEL_MIN_FILES = 64
"""Below this many files, starting worker processes costs more than it saves."""

_FORKED_CHECKS: CrossChecks | None = None
_FORKED_DATA_DIR = [Path(".")]


def _check_measures_file(path: Path) -> tuple[str, list[Problem]]:
    """Worker: every problem of one measures file (runs in a forked process)."""
    assert _FORKED_CHECKS is not None
    loader = _Loader(_FORKED_DATA_DIR[0], ())
    checked = loader._measures(path, loader._read(path))
    if checked is not None:
        loader.problems.extend(_FORKED_CHECKS.year(*checked))
    return display_path(path), loader.problems


