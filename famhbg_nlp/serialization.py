"""One serialization contract for the rule components: their knowledge as named text tables.

What a rule component knows (a gazetteer, name lists, a false-positive table) is a few tables, each
the text of one file (TSV or JSON). :class:`TableKnowledge` saves them with the pipeline through
spaCy's ``util.to_disk``/``from_disk``/``to_bytes``/``from_bytes``, so ``exclude`` works as in
spaCy: it names a table by its file name without the ending (``exclude=["ambiguous"]`` leaves
``ambiguous.tsv`` out).

The packaged tables are read only when a component is used before any were loaded (a component
added with ``nlp.add_pipe``). A pipeline loaded from disk therefore needs none of the package's
data files: what it knows is what was saved with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import ClassVar

import srsly
from spacy import util


def table_key(file_name: str) -> str:
    """The name ``exclude`` uses for a table (spaCy's convention: the file name up to the first dot)."""
    return file_name.split(".")[0]


class TableKnowledge:
    """Mixin for a component whose knowledge is the tables :attr:`table_files`.

    A subclass implements :meth:`_packaged_tables`, :meth:`_dump_tables` and :meth:`_load_from_tables`,
    and calls :meth:`ensure_tables` before it uses what it knows (in ``__call__`` and its properties).
    """

    #: File names of the tables, in the order they are written.
    table_files: ClassVar[tuple[str, ...]] = ()
    name: str
    _tables_loaded: bool = False

    # -- what a component implements -------------------------------------------------------

    def _packaged_tables(self) -> dict[str, str]:
        """The tables shipped with the package (read only when nothing else was loaded)."""
        raise NotImplementedError

    def _dump_tables(self) -> dict[str, str]:
        """What the component knows now, one text per name in :attr:`table_files`."""
        raise NotImplementedError

    def _load_from_tables(self, tables: Mapping[str, str]) -> None:
        """Rebuild the component from one text per name in :attr:`table_files`."""
        raise NotImplementedError

    # -- the contract ------------------------------------------------------------------------

    def ensure_tables(self) -> None:
        """Load the packaged tables unless tables were loaded already."""
        if not self._tables_loaded:
            self.load_tables(self._packaged_tables())

    def get_tables(self) -> dict[str, str]:
        """What the component knows, as the texts :meth:`to_disk` writes."""
        self.ensure_tables()
        return self._dump_tables()

    def load_tables(self, tables: Mapping[str, str]) -> None:
        """Replace what the component knows by ``tables`` (every name in :attr:`table_files`)."""
        loaded = self._tables_loaded
        self._tables_loaded = True  # rebuilding may read the component's own properties
        try:
            self._load_from_tables(tables)
        except BaseException:
            self._tables_loaded = loaded
            raise

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write every table not in ``exclude`` into the directory ``path``."""
        tables = self.get_tables()
        writers = {name: _writer(tables[name]) for name in self.table_files}
        util.to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TableKnowledge:
        """Read the tables :meth:`to_disk` wrote; excluded ones keep their current value."""
        path = util.ensure_path(path)
        found: dict[str, str] = {}
        readers = {name: _reader(found, name) for name in self.table_files}
        util.from_disk(path, readers, exclude)
        self._merge_tables(found, exclude, where=str(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        tables = self.get_tables()
        return srsly.msgpack_dumps(util.to_dict({name: _getter(tables[name]) for name in self.table_files}, exclude))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TableKnowledge:
        found: dict[str, str] = {}
        util.from_dict(srsly.msgpack_loads(data), {name: _setter(found, name) for name in self.table_files}, exclude)
        self._merge_tables(found, exclude, where="the bytes given")
        return self

    def _merge_tables(self, found: dict[str, str], exclude: Iterable[str], *, where: str) -> None:
        excluded = set(exclude)
        missing = [name for name in self.table_files if table_key(name) not in excluded and name not in found]
        if missing:
            raise ValueError(
                f"{where}: the saved {self.name} component lacks {', '.join(missing)}; "
                "save the pipeline again with this version of famhbg-nlp."
            )
        if len(found) < len(self.table_files):  # some were excluded: those keep their current value
            found = {**self.get_tables(), **found}
        self.load_tables(found)


def _writer(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def _reader(found: dict[str, str], name: str) -> Callable[[Path], None]:
    def read(path: Path) -> None:
        if path.is_file():
            found[name] = path.read_text(encoding="utf-8")

    return read


def _getter(text: str) -> Callable[[], str]:
    return lambda: text


def _setter(found: dict[str, str], name: str) -> Callable[[str], None]:
    def store(value: str) -> None:
        found[name] = value

    return store
