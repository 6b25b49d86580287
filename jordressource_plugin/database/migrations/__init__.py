"""The jordbase's schema versions, in order: module ``vNNNN_<what>.py`` is version NNNN and
holds ``TITLE`` and ``template()``, the SQL that brings version NNNN-1 to NNNN.

A released migration never changes (its checksum is recorded in the database and pinned in
the tests); a change to the data model goes into a new migration.
"""
import hashlib
import importlib
import pkgutil
import re
from dataclasses import dataclass, field

_MODULE_NAME = re.compile(r"^v(\d{4})_\w+$")


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    template: str = field(repr=False)

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.template.encode("utf-8")).hexdigest()


def all_migrations():
    """Every migration, by version; versions run 1, 2, 3 ... without gaps."""
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        match = _MODULE_NAME.match(module_info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            found.append(Migration(int(match.group(1)), module.TITLE, module.template()))
    found.sort(key=lambda migration: migration.version)
    if [migration.version for migration in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("Jordbase migrations must be numbered 1, 2, 3 ... without gaps")
    return found
