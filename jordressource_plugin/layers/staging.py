"""Atomic file outputs: a run either writes all of its files or leaves the disk as it was.

The rule (help: "Outputs"): before an algorithm runs, every file destination it was given is
checked (no two outputs share a file, except as different layers of one GeoPackage; the folder
can be written) and redirected into a hidden staging folder, ``.jordressource-…``, created in
the destination's own folder, under the destination's own file name. The algorithm writes
there. Only when the whole run has succeeded is each staged file moved into place with
``os.replace`` (atomic within a folder; a file it replaces is kept aside until every move has
succeeded, and put back if one fails); a failed or cancelled run removes the staging folder, so
no new or half-written file remains. A layer written into a GeoPackage that already exists is
copied into it in one transaction at the end, since replacing the file would drop the layers
already there. Memory and temporary outputs need nothing; database destinations (PostGIS) are
written in place by QGIS.

Staging keeps file names, so anything a run names after its output (the PNG pages of a map) and
every destination id QGIS returns maps back by swapping the staging folder for its parent:
`final_text`.
"""
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ..i18n import translate

STAGING_PREFIX = ".jordressource-"
# A destination that names its data provider: "ogr:dbname=…", "postgres:…". Three letters at
# least, so that a Windows drive letter ("C:\…") is a file path (QGIS's own rule).
PROVIDER_PREFIX = re.compile(r"^(.{3,}?):(.*)$", re.DOTALL)
FOLDER_TYPE = "folderDestination"
# QGIS 3.36 moved QgsProperty's types to Qgis.PropertyType (the old names go in QGIS 4).
STATIC_PROPERTY = (Qgis.PropertyType.Static if hasattr(Qgis, "PropertyType")
                   else QgsProperty.Type.StaticProperty)
VECTOR_TYPES = ("sink", "vectorDestination")


@dataclass
class Destination:
    """One output the run writes: where it finally goes and how it is staged."""

    name: str  # the output parameter, e.g. OUTPUT_MATCHES
    title: str  # its description, for messages
    final: str  # the file or folder it ends up as
    layer: Optional[str] = None  # a layer inside ``final`` (a GeoPackage), when one is named
    folder: bool = False  # a folder output: its files are merged into the folder
    text: str = ""  # the destination as given, e.g. "ogr:dbname='…' table=…"
    staged_value: object = None  # the parameter value pointing into the staging folder

    def key(self):
        """What two outputs may not share."""
        path = os.path.normcase(os.path.realpath(self.final))
        return path, None if self.layer is None else self.layer.lower()


def destination_text(value, context, definition) -> str:
    """The destination string of an output parameter's value, expressions evaluated."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() == STATIC_PROPERTY:
            value = value.staticValue()
        else:
            default = definition.defaultValue() if definition is not None else None
            value, _ = value.valueAsString(context.expressionContext(), str(default or ""))
    return "" if value is None else str(value).strip()


def _with_destination(value, text):
    """``value`` (a plain string or an output definition) pointing to ``text`` instead, keeping
    what the definition says about loading the layer and its creation options."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        staged = QgsProcessingOutputLayerDefinition(value)
        staged.sink = QgsProperty.fromValue(text)
        return staged
    return text


class StagedOutputs:
    """The file outputs of one run, staged (see the module's docstring). ``plan`` checks and
    stages them; the run then gets ``parameters``; ``commit`` moves its files into place and
    ``discard`` removes them."""

    def __init__(self):
        self.destinations = []
        self.parameters = {}
        self.staging = {}  # destination folder -> its staging folder
        self.created_folders = []  # destination folders this run had to create
        self.layer_files = set()  # final GeoPackages written into by layer name

    # Planning -----------------------------------------------------------------------------
    @classmethod
    def plan(cls, algorithm, parameters, context):
        staged = cls()
        staged.parameters = dict(parameters)
        in_place = {}
        for definition in algorithm.destinationParameterDefinitions():
            name = definition.name()
            value = parameters.get(name)
            text = destination_text(value, context, definition)
            if not text or text == QgsProcessing.TEMPORARY_OUTPUT or text.startswith("memory:"):
                continue
            destination = staged._destination(definition, text)
            if destination is None:  # a database: written in place, but never twice
                other = in_place.setdefault(text, definition.description())
                if other != definition.description():
                    raise QgsProcessingException(_same_destination(other, definition.description(),
                                                                   text))
                continue
            staged.destinations.append(destination)
        staged._check_distinct()
        try:
            for destination in staged.destinations:
                staged._stage(destination, parameters[destination.name])
        except BaseException:
            staged.discard(context)
            raise
        return staged

    def _destination(self, definition, text) -> Optional[Destination]:
        title = definition.description()
        match = PROVIDER_PREFIX.match(text)
        if match:
            provider, uri = match.group(1).lower(), match.group(2)
            if provider != "ogr":
                return None
            database = QgsDataSourceUri(uri).database()
            if not database:
                return Destination(definition.name(), title, os.path.abspath(uri), text=text)
            return Destination(definition.name(), title, os.path.abspath(database),
                               layer=QgsDataSourceUri(uri).table() or None, text=text)
        path = text
        if definition.type() in VECTOR_TYPES and not Path(path).suffix:
            path += ".gpkg"  # QGIS writes a GeoPackage when the name has no extension
        return Destination(definition.name(), title, os.path.abspath(path),
                           folder=definition.type() == FOLDER_TYPE, text=text)

    def _check_distinct(self):
        seen = {}
        for destination in self.destinations:
            path, layer = destination.key()
            for (other_path, other_layer), other in seen.items():
                if other_path == path and (layer is None or other_layer is None
                                           or layer == other_layer):
                    where = destination.final if layer is None else \
                        f"{destination.final} ({destination.layer})"
                    raise QgsProcessingException(_same_destination(other.title, destination.title,
                                                                   where))
            seen[(path, layer)] = destination
            if not destination.folder and os.path.isdir(destination.final):
                raise QgsProcessingException(translate(
                    "JordressourceAlgorithm",
                    "The output “{0}” is set to {1}, which is a folder. Give a file name.")
                    .format(destination.title, destination.final))

    def _stage(self, destination, value):
        final = Path(destination.final)
        folder = final if destination.folder else final.parent
        staging = self._staging_folder(folder, destination.title)
        staged_path = staging if destination.folder else staging / final.name
        if destination.text.lower().startswith("ogr:"):
            uri = QgsDataSourceUri(destination.text[len("ogr:"):])
            if destination.layer is not None:
                self.layer_files.add(str(final))
                uri.setDatabase(str(staged_path))
                text = "ogr:" + uri.uri(False)
            else:
                text = "ogr:" + str(staged_path)
        else:
            text = str(staged_path)
        destination.staged_value = _with_destination(value, text)
        self.parameters[destination.name] = destination.staged_value

    def _staging_folder(self, folder: Path, title) -> Path:
        if folder in self.staging:
            return self.staging[folder]
        try:
            missing = [parent for parent in [folder, *folder.parents] if not parent.exists()]
            folder.mkdir(parents=True, exist_ok=True)
            self.created_folders.extend(missing)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as error:
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm",
                "The output “{0}” cannot be written in the folder {1}: {2}. Choose a folder you "
                "can write to.").format(title, folder, error.strerror or error)) from None
        self.staging[folder] = staging
        return staging

    # Mapping staged names back ----------------------------------------------------------------
    def final_text(self, text):
        """``text`` (a path, a destination id, a message) with each staging folder replaced by
        the folder it stands for."""
        if not isinstance(text, str):
            return text
        for folder, staging in self.staging.items():
            text = text.replace(str(staging) + os.sep, str(folder) + os.sep)
            text = text.replace(str(staging), str(folder))
        return text

    # Ending the run ---------------------------------------------------------------------------
    def commit(self, results, context):
        """Move every staged file into place (all or none) and return ``results`` with the final
        names; the layers QGIS loads on completion are re-keyed to them."""
        moved = []
        try:
            for folder, staging in self.staging.items():
                self._move_tree(staging, folder, staging / ".previous", moved)
            for folder, staging in self.staging.items():
                self._merge_layers(staging, folder)
        except (OSError, RuntimeError) as error:
            for final, backup in reversed(moved):
                _undo_move(final, backup)
            self.discard(context)
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm",
                "The run finished, but its outputs could not be put in place: {0}. The previous "
                "files were put back. Is one of them open in another program?")
                .format(self.final_text(str(error)))) from None
        self._remove_staging()
        self._rekey_layers(context, keep=True)
        return {name: self.final_text(value) for name, value in results.items()}

    def discard(self, context):
        """Remove every staged file and every folder this run created."""
        self._remove_staging()
        for folder in self.created_folders:
            try:
                folder.rmdir()
            except OSError:
                pass  # not empty: something else wrote there meanwhile
        self.created_folders = []
        if context is not None:
            self._rekey_layers(context, keep=False)

    def _remove_staging(self):
        for staging in self.staging.values():
            shutil.rmtree(staging, ignore_errors=True)

    def _rekey_layers(self, context, keep):
        """QGIS keys the layers to load after the run by their destination id: the staged one."""
        layers = context.layersToLoadOnCompletion()
        staged = [key for key in layers if self.final_text(key) != key]
        if not staged:
            return
        for key in staged:
            details = layers.pop(key)
            if keep:
                layers[self.final_text(key)] = details
        context.setLayersToLoadOnCompletion(layers)

    def _move_tree(self, source: Path, target: Path, backups: Path, moved):
        for entry in sorted(source.iterdir()):
            if entry == backups:
                continue
            final = target / entry.name
            if entry.is_dir() and final.is_dir():
                self._move_tree(entry, final, backups / entry.name, moved)
                continue
            if str(final) in self.layer_files and final.exists():
                continue  # its layers are copied in by _merge_layers
            backup = None
            if final.exists() or final.is_symlink():
                backups.mkdir(parents=True, exist_ok=True)
                backup = backups / entry.name
                os.replace(final, backup)
            moved.append((final, backup))
            os.replace(entry, final)

    def _merge_layers(self, staging: Path, folder: Path):
        for entry in sorted(staging.iterdir()):
            final = folder / entry.name
            if str(final) in self.layer_files and entry.is_file():
                copy_layers(entry, final)


def _undo_move(final: Path, backup: Optional[Path]):
    try:
        if final.is_dir() and not final.is_symlink():
            shutil.rmtree(final)
        elif final.exists():
            final.unlink()
        if backup is not None:
            os.replace(backup, final)
    except OSError:
        pass  # best effort: the error that started the undo is the one reported


def _same_destination(first, second, where):
    return translate(
        "JordressourceAlgorithm",
        "The outputs “{0}” and “{1}” are both set to {2}. Give each output its own file (in one "
        "GeoPackage, each its own layer name).").format(first, second, where)


def copy_layers(source: Path, target: Path):
    """Copy every layer of the GeoPackage ``source`` into the existing ``target``, replacing
    layers of the same name, in one transaction: the target's other layers stay as they were,
    and a failure leaves it unchanged."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    source_data = gdal.OpenEx(str(source), gdal.OF_VECTOR)
    target_data = gdal.OpenEx(str(target), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        for index in range(source_data.GetLayerCount()):
            layer = source_data.GetLayer(index)
            _copy_layer(target_data, layer, ogr)
    finally:
        target_data = None
        source_data = None


def _copy_layer(target, layer, ogr):
    name = layer.GetName()
    existing = target.GetLayerByName(name)
    if existing is not None and not _same_schema(existing, layer):
        # GDAL cannot drop and re-create a GeoPackage table of one name in one transaction:
        # a layer whose fields changed is replaced in two steps.
        _delete_layer(target, name)
        existing = None
    target.StartTransaction()
    try:
        if existing is not None:
            for fid in [feature.GetFID() for feature in existing]:
                existing.DeleteFeature(fid)
            out = existing
        else:
            options = ["GEOMETRY_NAME=" + (layer.GetGeometryColumn() or "geom"),
                       "FID=" + (layer.GetFIDColumn() or "fid")]
            out = target.CreateLayer(name, layer.GetSpatialRef(), layer.GetGeomType(),
                                     options=options)
            definition = layer.GetLayerDefn()
            for field in range(definition.GetFieldCount()):
                out.CreateField(definition.GetFieldDefn(field))
        layer.ResetReading()
        for feature in layer:
            copy = ogr.Feature(out.GetLayerDefn())
            copy.SetFrom(feature)
            copy.SetFID(feature.GetFID())
            out.CreateFeature(copy)
        target.CommitTransaction()
    except RuntimeError:
        target.RollbackTransaction()
        raise


def _same_schema(a, b):
    def schema(layer):
        definition = layer.GetLayerDefn()
        fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
        fields = [(f.GetName().lower(), f.GetType(), f.GetSubType()) for f in fields]
        srs = layer.GetSpatialRef()
        return fields, layer.GetGeomType(), srs.ExportToWkt() if srs is not None else ""
    return schema(a) == schema(b)


def _delete_layer(target, name):
    for index in range(target.GetLayerCount()):
        if target.GetLayer(index).GetName() == name:
            target.DeleteLayer(index)
            return
