"""A soil-movement log read under the project's one table policy (``core.tables``).

Each row is one load notified from an excavation (or a resource site) to a receiver. Values are
read as ``core.tables`` reads every planner's table: numbers in Danish or English spelling when
they have one reading ("1.500" refused), dates day first or ISO, ids as stripped text. What
this module adds is the rule per field of a movement:

==================  ======================================  ==================================
field               empty                                    unreadable (see core.tables)
==================  ======================================  ==================================
id                  named by its feature id, noted           –
source / receiver   kept: flagged unknown_source/receiver    –
tonnes              kept, counts 0 t, noted                  run refused, ids and values named
soil class          the excavation's registered class        run refused
date                kept, undated: ordered last, no window   run refused
                    check, noted
analysed            not analysed, noted                      run refused
vehicle             no travel check                          –
departure, arrival  no travel check                          run refused
==================  ======================================  ==================================

Negative tonnes are refused (a load is zero or more). A departure or arrival given as a plain
date (no time of day) is kept but not used for the travel check: midnight is not a time.
"""
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple

import numpy as np

from .. import tables as t


@dataclass(frozen=True)
class MovementFields:
    """The log's field for each value; None where the log has no such field."""
    source_id: str
    receiver_id: str
    tonnes: str
    id: Optional[str] = None
    soil_class: Optional[str] = None
    date: Optional[str] = None
    analysed: Optional[str] = None
    vehicle: Optional[str] = None
    departure: Optional[str] = None
    arrival: Optional[str] = None


@dataclass
class MovementLog:
    labels: np.ndarray  # str per movement: its id, or the fallback label where it has none
    named: np.ndarray  # bool: the movement has an id of its own
    source_id: np.ndarray  # str, "" where empty
    receiver_id: np.ndarray  # str, "" where empty
    tonnes: np.ndarray  # float, NaN where empty
    soil_class: np.ndarray  # float, NaN where empty
    date: t.DateColumn
    analysed: np.ndarray  # bool
    vehicle: np.ndarray  # str, "" where empty or without a vehicle field
    departure: t.DateColumn
    arrival: t.DateColumn

    def __len__(self) -> int:
        return len(self.labels)


def read_movement_log(table: Mapping[str, Sequence], fields: MovementFields,
                      fallback_ids: Optional[Sequence] = None) -> Tuple[MovementLog, t.Report]:
    """The log of ``table`` (field name -> values; a date field may come as a ready
    ``DateColumn``) and the report of what was noted or refused: ``report.raise_if_refused()``
    stops where a caller must. ``fallback_ids`` (feature ids) name rows without an id."""
    count = len(table[fields.tonnes])
    fallback = np.asarray(np.arange(1, count + 1) if fallback_ids is None else fallback_ids)
    report = t.Report()
    named = np.zeros(count, dtype=bool)
    labels = fallback.astype(str).astype(object)
    if fields.id:
        labels = id_texts(table[fields.id])
        named = labels != ""
        labels[~named] = fallback[~named].astype(str)
        # Repeated ids are the duplicate_id flag, not a reading note.
        report.add(t.MISSING_ID, t.NOTED, t.ID, fields.id, labels[~named],
                   [None] * int((~named).sum()))

    source_id = _site_ids(table[fields.source_id], labels, fields.source_id, report)
    receiver_id = _site_ids(table[fields.receiver_id], labels, fields.receiver_id, report)
    tonnes, tonnes_report = t.read_values(table[fields.tonnes], labels, fields.tonnes)
    report.extend(tonnes_report)
    _note_empty(np.isnan(tonnes) & ~_refused_rows(tonnes_report, labels), labels,
                t.VALUE, fields.tonnes, report)
    soil_class = np.full(count, np.nan)
    if fields.soil_class:
        soil_class, class_report = t.read_values(table[fields.soil_class], labels,
                                                 fields.soil_class, role=t.CLASS, whole=True)
        report.extend(class_report)
    date = _dates(table, fields.date, labels, report, note_empty=True)
    analysed = np.zeros(count, dtype=bool)
    if fields.analysed:
        read, problems = t.read_yes_no_values(_values(table[fields.analysed]))
        _refuse(problems, table[fields.analysed], labels, t.YES_NO, fields.analysed, report)
        refused = np.zeros(count, dtype=bool)
        for positions in problems.values():
            refused[positions] = True
        _note_empty(np.isnan(read) & ~refused, labels, t.YES_NO, fields.analysed, report)
        analysed = read == 1.0
    vehicle = np.full(count, "", dtype=object)
    if fields.vehicle:
        vehicle = id_texts(table[fields.vehicle])
    departure = _dates(table, fields.departure, labels, report)
    arrival = _dates(table, fields.arrival, labels, report)
    log = MovementLog(labels, named, source_id, receiver_id, tonnes, soil_class, date, analysed,
                      vehicle, departure, arrival)
    return log, report


def _values(values: Sequence) -> np.ndarray:
    if isinstance(values, np.ndarray):
        return values
    if hasattr(values, "to_numpy"):
        return values.to_numpy()
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array


def id_texts(values: Sequence) -> np.ndarray:
    """Ids as ``core.tables`` reads them, "" where empty (a numeric column's NULLs, NaN, too)."""
    return t.id_texts(_values(values))


def _site_ids(values, labels, field_name, report) -> np.ndarray:
    texts = id_texts(values)
    empty = texts == ""
    report.add(t.MISSING_ID, t.NOTED, t.ID, field_name, labels[empty], [None] * int(empty.sum()))
    return texts


def _dates(table, field_name, labels, report, note_empty=False) -> t.DateColumn:
    count = len(labels)
    if not field_name:
        return t.DateColumn(np.full(count, np.datetime64("NaT"), dtype="datetime64[s]"),
                            np.zeros(count, dtype=bool))
    values = table[field_name]
    if isinstance(values, t.DateColumn):
        column = values
    else:
        column, problems = t.read_dates(_values(values))
        _refuse(problems, values, labels, t.DATE, field_name, report)
        if note_empty:
            refused = np.zeros(count, dtype=bool)
            for positions in problems.values():
                refused[positions] = True
            _note_empty(np.isnat(column.moments) & ~refused, labels, t.DATE, field_name, report)
        return column
    if note_empty:
        _note_empty(np.isnat(column.moments), labels, t.DATE, field_name, report)
    return column


def _refuse(problems, values, labels, role, field_name, report) -> None:
    raw = _values(values)
    for reason, positions in problems.items():
        report.add(reason, t.REFUSED, role, field_name, labels[positions], raw[positions])


def _note_empty(mask, labels, role, field_name, report) -> None:
    report.add(t.EMPTY, t.NOTED, role, field_name, labels[mask], [None] * int(mask.sum()))


def _refused_rows(report: t.Report, labels: np.ndarray) -> np.ndarray:
    refused = set(report.ids(t.REFUSED))
    if not refused:
        return np.zeros(len(labels), dtype=bool)
    return np.isin(labels, list(refused))
