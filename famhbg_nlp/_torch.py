"""PyTorch only for transformer pipelines.

Two things import torch in every process that has it installed, although only transformer
pipelines (``spacy-transformers``, the ``trf`` extra) use it and the shipped CNN pipeline never
does; together they cost about 2 s and 180 MB per process (each ``-j`` worker, each Ray actor):

* ``thinc.compat`` runs ``import torch`` when thinc is imported. :func:`defer` (called when
  ``famhbg_nlp`` is imported) lets it load as if torch were absent; :func:`enable` undoes that
  the moment something needs torch through thinc: it imports torch and sets thinc's torch
  attributes as a normal import would have. It runs by itself before ``spacy_transformers`` is
  imported, so ``spacy.load`` of a transformer pipeline works as usual.
* spaCy imports every installed component factory whenever a pipeline is created, so also
  ``spacy_transformers`` (which imports torch). :func:`factories_without_torch` skips those
  packages while :mod:`famhbg_nlp.pipeline` builds or loads a pipeline whose config uses none
  of their components. (A transformer component added later to such a pipeline needs
  ``import spacy_transformers`` first.)

Nothing is deferred when torch or thinc is already imported, nor with ``FAMHBG_NLP_EAGER_TORCH=1``.
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any

#: The names ``thinc.compat`` sets from torch, and which thinc modules copy from it.
TORCH_ATTRS: tuple[str, ...] = (
    "torch",
    "has_torch",
    "has_torch_cuda_gpu",
    "has_torch_gpu",
    "has_torch_mps",
    "has_torch_mps_gpu",
    "has_torch_amp",
    "torch_version",
)

#: Packages whose import means torch is needed through thinc.
NEEDS_TORCH: tuple[str, ...] = ("spacy_transformers", "spacy_curated_transformers")

ENV_EAGER = "FAMHBG_NLP_EAGER_TORCH"


class _Loader(importlib.abc.Loader):
    """Runs the real loader of ``thinc.compat`` with ``import torch`` failing, then steps aside."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            if blocked and sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]
            module.__loader__ = self.loader  # a reload (by enable) is an ordinary import again
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader


class _Finder(importlib.abc.MetaPathFinder):
    """Wraps the loader of ``thinc.compat``; enables torch before a package that needs it loads."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == "thinc.compat" and "torch" not in sys.modules:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader)
            return spec
        if fullname in NEEDS_TORCH:
            enable()
        return None


_FINDER = _Finder()


def defer() -> None:
    """Let thinc load without torch until :func:`enable` (no-op when thinc is already loaded)."""
    if os.environ.get(ENV_EAGER) == "1" or "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def deferred() -> bool:
    """Whether thinc was loaded without torch and still runs without it."""
    compat = sys.modules.get("thinc.compat")
    return compat is not None and not getattr(compat, "has_torch", True) and _torch_installed()


def enable() -> None:
    """Import torch and give thinc its torch support, as if it had been imported from the start."""
    if not deferred():
        return
    import torch  # noqa: F401
    import torch.utils.dlpack  # noqa: F401

    compat = importlib.reload(sys.modules["thinc.compat"])
    for name, module in list(sys.modules.items()):
        if module is None or module is compat or not (name == "thinc" or name.startswith("thinc.")):
            continue
        for attr in TORCH_ATTRS:
            if attr in vars(module):
                setattr(module, attr, getattr(compat, attr))


@functools.cache
def _torch_entry_points() -> tuple[Any, ...]:
    """spaCy entry points (factories, architectures ...) of the installed packages that need torch."""
    from importlib.metadata import PackageNotFoundError, distribution

    found: list[Any] = []
    for package in NEEDS_TORCH:
        try:
            entry_points = distribution(package.replace("_", "-")).entry_points
        except PackageNotFoundError:
            continue
        found += [ep for ep in entry_points if ep.group.startswith("spacy_")]
    return tuple(found)


def needs_torch(config: Mapping[str, Any]) -> bool:
    """Whether a pipeline config uses a component or function of a package that needs torch."""
    names = {ep.name for ep in _torch_entry_points()}

    def walk(node: Any) -> bool:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key in ("factory", "@architectures", "@layers", "@span_getters", "@annotation_setters"):
                    if isinstance(value, str) and (value in names or value.startswith("spacy-transformers.")):
                        return True
                if walk(value):
                    return True
        return False

    return walk(config)


@contextmanager
def factories_without_torch(config: Mapping[str, Any] | None = None) -> Iterator[None]:
    """While building a pipeline: spaCy does not import the factories of packages that need torch
    (unless ``config`` uses them: then torch is enabled first)."""
    if config is not None and needs_torch(config):
        enable()
    if not deferred():
        yield
        return
    from spacy.util import registry

    factories = registry._entry_point_factories
    skipped = {(ep.group, ep.name) for ep in _torch_entry_points()}

    def without_torch() -> dict[str, Any]:
        return {ep.name: ep.load() for ep in factories._get_entry_points() if (ep.group, ep.name) not in skipped}

    factories.get_entry_points = without_torch
    try:
        yield
    finally:
        del factories.get_entry_points  # the class's method again


def _torch_installed() -> bool:
    return importlib.machinery.PathFinder.find_spec("torch") is not None
