<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AreaZonesAlgorithm</name>
    <message>
        <location filename="../algorithms/area_zones.py" line="40"/>
        <source>Free-movement zones</source>
        <translation>Zoner med fri flytning</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="98"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="49"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="52"/>
        <source>Contaminated sites (V1/V2), cut out</source>
        <translation>Kortlagt forurenede grunde (V1/V2), skæres fra</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="55"/>
        <source>Boundaries to split zones along (e.g. municipalities)</source>
        <translation>Grænser, som zonerne opdeles langs (fx kommunegrænser)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="58"/>
        <source>Boundary id field</source>
        <translation>Felt med grænse-id</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="60"/>
        <source>Excavations (surplus soil)</source>
        <translation>Opgravninger (overskudsjord)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="66"/>
        <source>Volume field (m³)</source>
        <translation>Felt med volumen (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="68"/>
        <source>Receivers (demand)</source>
        <translation>Modtagere (behov)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="74"/>
        <source>Capacity field (m³)</source>
        <translation>Felt med kapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="80"/>
        <source>Number of zones</source>
        <translation>Antal zoner</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="80"/>
        <source>Surplus in zones (m³)</source>
        <translation>Overskud i zonerne (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="80"/>
        <source>Demand in zones (m³)</source>
        <translation>Behov i zonerne (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="80"/>
        <source>Surplus outside every zone (m³)</source>
        <translation>Overskud uden for alle zoner (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="80"/>
        <source>Demand outside every zone (m³)</source>
        <translation>Behov uden for alle zoner (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="101"/>
        <source>The area-type layer has no polygons. Add area types (for example the municipal zone map or CORINE Land Cover) and run again.</source>
        <translation>Laget med områdetyper har ingen polygoner. Tilføj områdetyper (fx kommunens zonekort eller CORINE Land Cover), og kør igen.</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="108"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="115"/>
        <source>Boundaries</source>
        <translation>Grænser</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="120"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="123"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="137"/>
        <source>{0} area-type polygon(s) have an unrecognised type (other) and form no zone: soil there never moves freely.</source>
        <translation>{0} polygon(er) har en områdetype, der ikke genkendes (other), og danner ingen zone: jord herfra kan aldrig flyttes frit.</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="63"/>
        <source>Excavation id field (names sites in the log)</source>
        <translation>Id-felt for opgravninger (navngiver lokaliteter i loggen)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="71"/>
        <source>Receiver id field (names sites in the log)</source>
        <translation>Id-felt for modtagere (navngiver lokaliteter i loggen)</translation>
    </message>
    <message>
        <location filename="../algorithms/area_zones.py" line="150"/>
        <source>{0} zone(s): surplus {1} m³, demand {2} m³; outside every zone (other area types, contaminated sites, no area type): surplus {3} m³, demand {4} m³.</source>
        <translation>{0} zone(r): overskud {1} m³, behov {2} m³; uden for alle zoner (andre områdetyper, kortlagt forurenede grunde, ingen områdetype): overskud {3} m³, behov {4} m³.</translation>
    </message>
</context>
<context>
    <name>CheckMovementsAlgorithm</name>
    <message>
        <location filename="../algorithms/check_movements.py" line="75"/>
        <source>Check soil movements</source>
        <translation>Kontrollér jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="85"/>
        <source>Soil movement log (table or layer)</source>
        <translation>Log over jordflytninger (tabel eller lag)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="376"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="90"/>
        <source>Receivers (pits, resource sites, utilisation)</source>
        <translation>Modtagere (råstofgrave, ressourcepladser, nyttiggørelse)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="378"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="92"/>
        <source>Contaminated sites (V1/V2)</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="92"/>
        <source>Plan (match_reuse matches or schedule_reuse flows)</source>
        <translation>Plan (match fra match_reuse eller strømme fra schedule_reuse)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="378"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="385"/>
        <source>Maximum plausible haul (km)</source>
        <translation>Største plausible køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="386"/>
        <source>Truck payload (t)</source>
        <translation>Lasteevne pr. lastbil (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="387"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="388"/>
        <source>Top speed of a truck (km/h)</source>
        <translation>Lastbilens topfart (km/t)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="389"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="116"/>
        <source>Road snapping tolerance (m)</source>
        <translation>Snaptolerance for veje (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="124"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-filer (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="127"/>
        <source>Movements checked</source>
        <translation>Kontrollerede jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="127"/>
        <source>Movements with a flag</source>
        <translation>Jordflytninger med flag</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="127"/>
        <source>Tonnes moved</source>
        <translation>Flyttede tons</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="127"/>
        <source>Tonnes moved with a flag</source>
        <translation>Tons flyttet med flag</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="145"/>
        <source>{0} must be greater than zero.</source>
        <translation>{0} skal være større end nul.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="154"/>
        <source>Reading the movement log…</source>
        <translation>Læser loggen over jordflytninger …</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="170"/>
        <source>Checking {0} movement(s)…</source>
        <translation>Kontrollerer {0} jordflytning(er) …</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="375"/>
        <source>Movements</source>
        <translation>Jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="377"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="378"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="225"/>
        <source>{0}: {1} movement(s) read ({2}).</source>
        <translation>{0}: {1} jordflytning(er) læst ({2}).</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="225"/>
        <source>GDAL columns</source>
        <translation>kolonner via GDAL</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="225"/>
        <source>QGIS features</source>
        <translation>objekter via QGIS</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="247"/>
        <source>Movements naming them are still joined to them; only that limit is not checked.</source>
        <translation>Jordflytninger, der nævner dem, kobles stadig til dem; kun den grænse kontrolleres ikke.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="280"/>
        <source>No area-type layer: area types are not compared, and only excavations on contaminated sites need an analysis to move.</source>
        <translation>Intet lag med områdetyper: områdetyper sammenlignes ikke, og kun opgravninger på forurenede grunde skal analyseres, før jorden flyttes.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="378"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="321"/>
        <source>{0}: no fields source_id and receiver_id (match_reuse) or from_id and to_id (schedule_reuse). Choose the plan&apos;s from-id and to-id fields.</source>
        <translation>{0}: ingen felter source_id og receiver_id (match_reuse) eller from_id og to_id (schedule_reuse). Vælg planens fra-id- og til-id-felt.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="327"/>
        <source>{0}: choose the plan&apos;s tonnes field.</source>
        <translation>{0}: vælg planens felt med tons.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="332"/>
        <source>{0}: {1} row(s) without a from-id or a to-id are left out: rows {2}.</source>
        <translation>{0}: {1} række(r) uden fra-id eller til-id er udeladt: række {2}.</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="338"/>
        <source>{0}: {1} planned pair(s), {2} t ({3} → {4}).</source>
        <translation>{0}: {1} planlagt(e) par, {2} t ({3} → {4}).</translation>
    </message>
    <message>
        <location filename="../algorithms/check_movements.py" line="391"/>
        <source>Metric CRS</source>
        <translation>Metrisk koordinatsystem</translation>
    </message>
</context>
<context>
    <name>ClassifyAreaTypesAlgorithm</name>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="27"/>
        <source>Classify sites by area type</source>
        <translation>Klassificér lokaliteter efter områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="33"/>
        <source>Sites (excavations or receivers)</source>
        <translation>Lokaliteter (opgravninger eller modtagere)</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="68"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="38"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="41"/>
        <source>Contaminated sites (V1/V2)</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="61"/>
        <source>Sites</source>
        <translation>Lokaliteter</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="71"/>
        <source>The area-type layer has no polygons. Add area types (for example the municipal zone map or CORINE Land Cover) and run again.</source>
        <translation>Laget med områdetyper har ingen polygoner. Tilføj områdetyper (fx kommunens zonekort eller CORINE Land Cover), og kør igen.</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="76"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/classify_area_types.py" line="99"/>
        <source>Classified {0} site(s): {1}; {2} suspected of contamination.</source>
        <translation>Klassificerede {0} lokalitet(er): {1}; {2} mistænkt for forurening.</translation>
    </message>
</context>
<context>
    <name>Coordinates</name>
    <message>
        <location filename="../layers/coordinates.py" line="70"/>
        <source>{0} has no coordinate reference system, so its coordinates ({1}) cannot be placed. Set the layer's CRS (Layer Properties ▸ Source), for example EPSG:25832 for Danish data in metres, and run again.</source>
        <translation>{0} har intet koordinatsystem, så dets koordinater ({1}) kan ikke placeres. Angiv lagets koordinatsystem (Lagegenskaber ▸ Kilde), for eksempel EPSG:25832 for danske data i meter, og kør igen.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="80"/>
        <source>{0} declares {1}, a CRS in degrees, but its coordinates ({2}) are not longitudes and latitudes; they look like metres of a projected CRS such as EPSG:25832. Set the layer&apos;s true CRS and run again.</source>
        <translation>{0} angiver {1}, et koordinatsystem i grader, men dets koordinater ({2}) er ikke længde- og breddegrader; de ligner meter i et projiceret koordinatsystem som EPSG:25832. Angiv lagets rigtige koordinatsystem og kør igen.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="94"/>
        <source>{0} declares {1}, but its coordinates ({2}) cannot be placed on the Earth in that CRS. Set the layer&apos;s true CRS and run again.</source>
        <translation>{0} angiver {1}, men dets koordinater ({2}) kan ikke placeres på Jorden i det koordinatsystem. Angiv lagets rigtige koordinatsystem og kør igen.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="160"/>
        <source>{0} ({1}) cannot be transformed to the distance CRS {2}.</source>
        <translation>{0} ({1}) kan ikke transformeres til afstandskoordinatsystemet {2}.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="171"/>
        <source>The distance CRS {0} does not measure in metres. Choose a projected CRS in metres, for example EPSG:25832 (ETRS89 / UTM zone 32N).</source>
        <translation>Afstandskoordinatsystemet {0} måler ikke i meter. Vælg et projiceret koordinatsystem i meter, for eksempel EPSG:25832 (ETRS89 / UTM zone 32N).</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="44"/>
        <source>x from {0} to {1}, y from {2} to {3}</source>
        <translation>x fra {0} til {1}, y fra {2} til {3}</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="100"/>
        <source>{0} declares {1}, but its coordinates ({2}) lie at longitude {3}, latitude {4} in that CRS, far from where it is used. They look like degrees of longitude and latitude: the layer is probably in EPSG:4326. Set the layer&apos;s true CRS and run again.</source>
        <translation>{0} angiver {1}, men dets koordinater ({2}) ligger i det koordinatsystem på længdegrad {3}, breddegrad {4}, langt fra hvor det bruges. De ligner længde- og breddegrader: laget er sandsynligvis i EPSG:4326. Angiv lagets rigtige koordinatsystem, og kør igen.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="185"/>
        <source>Over {0} the distance CRS {1} measures lengths up to {2} wrong, more than the {3} allowed. Choose {4}, which measures them truly there.</source>
        <translation>Over {0} måler afstandskoordinatsystemet {1} længder op til {2} forkert, mere end de tilladte {3}. Vælg {4}, som måler dem korrekt der.</translation>
    </message>
    <message>
        <location filename="../layers/coordinates.py" line="191"/>
        <source>Over {0} the distance CRS {1} measures lengths up to {2} wrong; {3} measures them truly there.</source>
        <translation>Over {0} måler afstandskoordinatsystemet {1} længder op til {2} forkert; {3} måler dem korrekt der.</translation>
    </message>
</context>
<context>
    <name>CreateProjectAlgorithm</name>
    <message>
        <location filename="../algorithms/create_project.py" line="70"/>
        <source>Could not write layer {0} to {1}: {2}</source>
        <translation>Kunne ikke skrive laget {0} til {1}: {2}</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="84"/>
        <source>Could not write a feature to layer {0}: {1}</source>
        <translation>Kunne ikke skrive et objekt til laget {0}: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="98"/>
        <source>Could not open {0} after writing it.</source>
        <translation>Kunne ikke åbne {0}, efter at filen var skrevet.</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="108"/>
        <source>Could not store the style of {0}: {1}</source>
        <translation>Kunne ikke gemme stilarten for {0}: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="126"/>
        <source>Create soil project</source>
        <translation>Opret jordprojekt</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="135"/>
        <source>Coordinate reference system</source>
        <translation>Koordinatsystem</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="137"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="145"/>
        <source>Layers written</source>
        <translation>Skrevne lag</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="186"/>
        <source>Layer {0} ({1}): {2}</source>
        <translation>Lag {0} ({1}): {2}</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="178"/>
        <source>Cannot create the folder for {0}: {1}. Choose a folder you can write to.</source>
        <translation>Kan ikke oprette mappen til {0}: {1}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="140"/>
        <source>Shared jordbase in PostGIS (saved connection name or connection string with authcfg)</source>
        <translation>Fælles jordbase i PostGIS (navn på gemt forbindelse eller forbindelsesstreng med authcfg)</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="143"/>
        <source>Jordbase schema</source>
        <translation>Jordbase-skema</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="146"/>
        <source>Jordbase schema version</source>
        <translation>Jordbase-skemaets version</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="153"/>
        <source>Choose a GeoPackage file to create, a PostGIS database for the shared jordbase, or both.</source>
        <translation>Vælg en GeoPackage-fil, der skal oprettes, en PostGIS-database til den fælles jordbase, eller begge.</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="215"/>
        <source>Schema {0} is at the newest version ({1}); styles refreshed.</source>
        <translation>Skemaet {0} har den nyeste version ({1}); stilarterne er opdateret.</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="218"/>
        <source>Schema {0}: version {1} to {2}.</source>
        <translation>Skemaet {0}: version {1} til {2}.</translation>
    </message>
    <message>
        <location filename="../algorithms/create_project.py" line="221"/>
        <source>Schema {0} already holds geometries in EPSG:{1}; it keeps that CRS.</source>
        <translation>Skemaet {0} indeholder allerede geometrier i EPSG:{1}; det beholder det koordinatsystem.</translation>
    </message>
</context>
<context>
    <name>Dependencies</name>
    <message>
        <location filename="../dependencies.py" line="37"/>
        <source>This algorithm needs the Python libraries {0}, which are not installed. Run the OSGeo4W installer again (Advanced install) and tick {1}, or from a command prompt: osgeo4w-setup.exe -q -k -R {2} -P {3}. With the standalone MSI installer, the OSGeo4W network installer is the clean way; pip in the OSGeo4W Shell brings a second GDAL that can break QGIS.</source>
        <translation>Algoritmen kræver Python-bibliotekerne {0}, som ikke er installeret. Kør OSGeo4W-installationsprogrammet igen (Advanced install) og vælg {1}, eller fra en kommandoprompt: osgeo4w-setup.exe -q -k -R {2} -P {3}. Med det selvstændige MSI-installationsprogram er OSGeo4W-netværksinstallationen den rene vej; pip i OSGeo4W Shell medbringer en ekstra GDAL, som kan ødelægge QGIS.</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="46"/>
        <source>This algorithm needs the Python libraries {0}, which are not installed in this QGIS. Recent official QGIS packages for macOS include them: update QGIS, and check with &apos;import {1}&apos; in QGIS&apos;s Python console.</source>
        <translation>Algoritmen kræver Python-bibliotekerne {0}, som ikke er installeret i denne QGIS. Nyere officielle QGIS-pakker til macOS indeholder dem: opdatér QGIS, og kontrollér med 'import {1}' i QGIS' Python-konsol.</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="51"/>
        <source>This algorithm needs the Python libraries {0}, which are not installed. On Debian or Ubuntu: sudo apt install {1}; elsewhere install them for the Python QGIS runs.</source>
        <translation>Algoritmen kræver Python-bibliotekerne {0}, som ikke er installeret. På Debian eller Ubuntu: sudo apt install {1}; andre steder skal de installeres til den Python, QGIS kører med.</translation>
    </message>
</context>
<context>
    <name>EarthworkVolumesAlgorithm</name>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="38"/>
        <source>Earthwork volumes from terrain</source>
        <translation>Jordmængder fra terrænmodel</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="45"/>
        <source>Excavations (polygons)</source>
        <translation>Opgravninger (polygoner)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="47"/>
        <source>Terrain model (DEM, metres)</source>
        <translation>Terrænmodel (DEM, meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="49"/>
        <source>Planned surface (raster, metres)</source>
        <translation>Planlagt flade (raster, meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="51"/>
        <source>Planned level field (metres)</source>
        <translation>Felt med planlagt kote (meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="55"/>
        <source>Bulking factor (loose / in situ)</source>
        <translation>Opløsningsfaktor (løst mål / fast mål)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="57"/>
        <source>Soil density in situ (t/m³)</source>
        <translation>Densitet i fast mål (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="96"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="88"/>
        <source>The excavation layer has no polygons with a geometry: nothing to measure.</source>
        <translation>Laget med opgravninger har ingen polygoner med geometri: der er intet at beregne.</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="113"/>
        <source>A raster could not be read or written: {0}</source>
        <translation>En raster kunne ikke læses eller skrives: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="154"/>
        <source>The cut/fill depth raster is written as GeoTIFF: give it a .tif name (not {0}).</source>
        <translation>Rasteren med afgravnings-/opfyldningsdybde skrives som GeoTIFF: giv den et filnavn, der ender på .tif (ikke {0}).</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total cut (m³)</source>
        <translation>Samlet afgravning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total fill (m³)</source>
        <translation>Samlet opfyldning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total net cut (m³)</source>
        <translation>Samlet nettoafgravning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total surplus in situ (m³)</source>
        <translation>Samlet overskud i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total surplus loose (m³)</source>
        <translation>Samlet overskud i løst mål (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="64"/>
        <source>Total surplus (t)</source>
        <translation>Samlet overskud (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="142"/>
        <source>{0} excavation(s): cut {1} m³, fill {2} m³, surplus {3} m³ in situ ({4} m³ loose, {5} t).</source>
        <translation>{0} opgravning(er): afgravning {1} m³, opfyldning {2} m³, overskud {3} m³ i fast mål ({4} m³ i løst mål, {5} t).</translation>
    </message>
    <message>
        <location filename="../algorithms/earthwork_volumes.py" line="167"/>
        <source>{0} pair(s) of excavations overlap: each polygon counts the cells they share, so the totals count those cells more than once: ids {1}.</source>
        <translation>{0} par af opgravninger overlapper: hver polygon tæller de celler, de deler, så totalerne tæller disse celler mere end én gang: id {1}.</translation>
    </message>
</context>
<context>
    <name>ExportPlanMapAlgorithm</name>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="83"/>
        <source>Export map for a local plan</source>
        <translation>Eksportér kort til en lokalplan</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="93"/>
        <source>Layers to show on the map</source>
        <translation>Lag på kortet</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="96"/>
        <source>Plan areas, one page each (optional)</source>
        <translation>Planområder, én side for hvert (valgfri)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="99"/>
        <source>Plan area name field</source>
        <translation>Felt med planområdets navn</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="102"/>
        <source>Map extent (without plan areas; default: all layers)</source>
        <translation>Kortudsnit (uden planområder; standard: alle lag)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="105"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="105"/>
        <source>Surplus soil and reuse</source>
        <translation>Overskudsjord og genanvendelse</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="107"/>
        <source>Paper size</source>
        <translation>Papirformat</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="109"/>
        <source>Orientation</source>
        <translation>Papirretning</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="109"/>
        <source>Portrait</source>
        <translation>Stående</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="109"/>
        <source>Landscape</source>
        <translation>Liggende</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="112"/>
        <source>Sources credited on the map</source>
        <translation>Kilder på kortet</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="115"/>
        <source>Margin around each plan area (% of its size)</source>
        <translation>Margen omkring hvert planområde (% af dets størrelse)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="118"/>
        <source>Resolution (DPI)</source>
        <translation>Opløsning (DPI)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="121"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="128"/>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="134"/>
        <source>Choose at least one layer to show on the map.</source>
        <translation>Vælg mindst ét lag, der skal vises på kortet.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="138"/>
        <source>These layers could not be read: {0}.</source>
        <translation>Disse lag kunne ikke læses: {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="157"/>
        <source>Each page shows its plan area; the map extent is not used.</source>
        <translation>Hver side viser sit planområde; kortudsnittet bruges ikke.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Legend</source>
        <translation>Tegnforklaring</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="185"/>
        <source>The legend has more entries than fit beside the map; some are cut off. Choose fewer layers, A3 or the other orientation.</source>
        <translation>Tegnforklaringen har flere elementer, end der er plads til ved siden af kortet; nogle er skåret fra. Vælg færre lag, A3 eller den anden retning.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="194"/>
        <source>Wrote {0} page(s) to {1}.</source>
        <translation>Skrev {0} side(r) til {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="213"/>
        <source>Styled as Jordressource outputs: {0}.</source>
        <translation>Vist med Jordressources stilarter for resultater: {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="219"/>
        <source>Plan area</source>
        <translation>Planområde</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="237"/>
        <source>The first layer&apos;s CRS is not projected; the map is drawn in {0}.</source>
        <translation>Det første lags koordinatsystem er ikke projiceret; kortet tegnes i {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="246"/>
        <source>Cannot create the folder {0}: {1}. Choose another place for the map.</source>
        <translation>Kan ikke oprette mappen {0}: {1}. Vælg et andet sted til kortet.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="250"/>
        <source>The folder {0} is not writable. Choose another place for the map.</source>
        <translation>Der kan ikke skrives i mappen {0}. Vælg et andet sted til kortet.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="286"/>
        <source>Area {0}</source>
        <translation>Område {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="293"/>
        <source>Plan areas without geometry were left out, ids {0}.</source>
        <translation>Planområder uden geometri er udeladt, id'er {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="296"/>
        <source>Plan areas without a name were named by their id: ids {0}.</source>
        <translation>Planområder uden navn er navngivet efter deres id: id'er {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="300"/>
        <source>The plan-area layer has no areas to map. Choose a layer with polygons, or leave plan areas empty for a single map of all layers.</source>
        <translation>Laget med planområder har ingen områder at vise. Vælg et lag med polygoner, eller lad planområder være tom for at få ét kort over alle lag.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="318"/>
        <source>The layers hold no features to map. Add layers with data, or give a map extent.</source>
        <translation>Lagene indeholder ingen objekter at vise. Tilføj lag med data, eller angiv et kortudsnit.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Overview map</source>
        <translation>Oversigtskort</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Sources: {0}</source>
        <translation>Kilder: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Date: {0}</source>
        <translation>Dato: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Coordinate system: {0}</source>
        <translation>Koordinatsystem: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="344"/>
        <source>Scale 1:{scale} at {paper}</source>
        <translation>Målestoksforhold 1:{scale} ved {paper}</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="359"/>
        <source>Cannot write {0}. The folder may be read-only, or the file may be open in another program (close it and run again).</source>
        <translation>Kan ikke skrive {0}. Mappen er måske skrivebeskyttet, eller filen er åben i et andet program (luk den, og kør igen).</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="362"/>
        <source>Could not create the PDF printer for {0}.</source>
        <translation>Kunne ikke oprette PDF-printeren til {0}.</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="364"/>
        <source>Rendering {0} ran out of memory. Choose a lower DPI or a smaller page size.</source>
        <translation>Der var ikke hukommelse nok til at tegne {0}. Vælg en lavere DPI eller en mindre sidestørrelse.</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="367"/>
        <source>Could not write the layers of {0}.</source>
        <translation>Kunne ikke skrive lagene i {0}.</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="369"/>
        <source>Could not step through the pages of the atlas for {0}.</source>
        <translation>Kunne ikke gennemløbe atlassets sider for {0}.</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="371"/>
        <source>The export of {0} was canceled.</source>
        <translation>Eksporten af {0} blev annulleret.</translation>
    </message>
    <message>
        <location filename="../layout/plan_layout.py" line="374"/>
        <source>Exporting {0} failed.</source>
        <translation>Eksporten af {0} mislykkedes.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="259"/>
        <source>Plan areas</source>
        <translation>Planområder</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="174"/>
        <source>The map extent holds no feature of the chosen layers: the map is blank. Check the extent and its coordinate system.</source>
        <translation>Kortudsnittet indeholder ingen objekter fra de valgte lag: kortet er tomt. Kontrollér udsnittet og dets koordinatsystem.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="310"/>
        <source>The map extent has no width or height; the map shows all layers instead.</source>
        <translation>Kortudsnittet har ingen bredde eller højde; kortet viser i stedet alle lag.</translation>
    </message>
    <message>
        <location filename="../algorithms/export_plan_map.py" line="334"/>
        <source>{0} plan area(s) hold no feature of the chosen layers; their pages show only the area: {1}.</source>
        <translation>{0} planområde(r) indeholder ingen objekter fra de valgte lag; deres sider viser kun området: {1}.</translation>
    </message>
</context>
<context>
    <name>HaulMatrixAlgorithm</name>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="54"/>
        <source>Haul distance matrix</source>
        <translation>Matrix over køreafstande</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="63"/>
        <source>Sources (excavations)</source>
        <translation>Kilder (opgravninger)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="66"/>
        <source>Source id field</source>
        <translation>Id-felt for kilder</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="69"/>
        <source>Targets (receivers or disposal sites)</source>
        <translation>Mål (modtagere eller deponeringsanlæg)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="72"/>
        <source>Target id field</source>
        <translation>Id-felt for mål</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="75"/>
        <source>Roads (optional: straight lines without)</source>
        <translation>Veje (valgfri; uden veje bruges rette linjer)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="78"/>
        <source>One-way field of the roads (optional)</source>
        <translation>Ensretningsfelt i vejlaget (valgfri)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="83"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="87"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="89"/>
        <source>Snap tolerance: road ends closer than this join (m)</source>
        <translation>Snaptolerance: vejender, der ligger tættere end dette, forbindes (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="93"/>
        <source>Report sites farther than this from any road (m)</source>
        <translation>Rapportér lokaliteter længere end dette fra nærmeste vej (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="101"/>
        <source>Pairs within the maximum haul</source>
        <translation>Par inden for maksimal køreafstand</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="101"/>
        <source>Pairs with no road connection</source>
        <translation>Par uden vejforbindelse</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="101"/>
        <source>Sites far from any road</source>
        <translation>Lokaliteter langt fra vej</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="113"/>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="113"/>
        <source>Targets</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="202"/>
        <source>{0}: the layer has no features with a geometry.</source>
        <translation>{0}: laget har ingen objekter med geometri.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="245"/>
        <source>No roads given: straight lines × {0}.</source>
        <translation>Ingen veje angivet: rette linjer × {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="253"/>
        <source>{0} source-target pair(s) lie on separate parts of the road network and have no road path; they are left out.</source>
        <translation>{0} par af kilde og mål ligger på adskilte dele af vejnettet og har ingen vejforbindelse; de udelades.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="144"/>
        <source>{0} pair(s) within {1} km ({2}).</source>
        <translation>{0} par inden for {1} km ({2}).</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="161"/>
        <source>Routes follow roads; without a road layer the routes output stays empty.</source>
        <translation>Ruterne følger vejene; uden et vejlag forbliver resultatet med ruter tomt.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="223"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="119"/>
        <source>Without a maximum haul every one of the {0} source-target pairs would be listed. Set a maximum haul (km) above 0.</source>
        <translation>Uden en maksimal køreafstand ville alle {0} par af kilde og mål blive listet. Sæt den maksimale køreafstand (km) til mere end 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="141"/>
        <source>{0} pair(s), with no maximum haul ({1}).</source>
        <translation>{0} par uden maksimal køreafstand ({1}).</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="263"/>
        <source>{0}: {1} site(s) lie more than {2} m from any road ({3}); their straight access leg is counted in the haul.</source>
        <translation>{0}: {1} lokalitet(er) ligger mere end {2} m fra nærmeste vej ({3}); den lige adgangsstrækning medregnes i køreafstanden.</translation>
    </message>
    <message>
        <location filename="../algorithms/haul_matrix.py" line="131"/>
        <source>Roads: some sites lie on separate parts of the roads read; reading the whole road layer to count them.</source>
        <translation>Veje: nogle lokaliteter ligger på hver sin del af de indlæste veje; hele vejlaget indlæses for at tælle dem.</translation>
    </message>
</context>
<context>
    <name>Jordbase</name>
    <message>
        <location filename="../database/connections.py" line="119"/>
        <source>No saved PostgreSQL connection is called {0}. Give a connection's name from the Browser panel, or a connection string with authcfg=…</source>
        <translation>Ingen gemt PostgreSQL-forbindelse hedder {0}. Angiv navnet på en forbindelse fra Browser-panelet eller en forbindelsesstreng med authcfg=…</translation>
    </message>
    <message>
        <location filename="../database/connections.py" line="125"/>
        <source>The connection to database {0} on {1} holds a password. Store the password in a QGIS authentication configuration and give its id as authcfg=… instead, so that it is never written into layers, projects or logs.</source>
        <translation>Forbindelsen til databasen {0} på {1} indeholder en adgangskode. Gem adgangskoden i en QGIS-godkendelseskonfiguration og angiv i stedet dens id som authcfg=…, så den aldrig skrives i lag, projekter eller logge.</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="99"/>
        <source>PostGIS is not installed in this database and could not be installed ({0}). Ask the database administrator to run: CREATE EXTENSION postgis;</source>
        <translation>PostGIS er ikke installeret i denne database og kunne ikke installeres ({0}). Bed databaseadministratoren om at køre: CREATE EXTENSION postgis;</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="109"/>
        <source>Schema {0} is at version {1}, newer than this plugin knows ({2}). Update the Jordressource plugin.</source>
        <translation>Skemaet {0} har version {1}, som er nyere end den, dette plugin kender ({2}). Opdatér Jordressource-pluginnet.</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="115"/>
        <source>Schema {0} records version {1} ({2}) with other contents than this plugin&apos;s migration of that number: the schema was made by another tool or plugin build. Ask the database administrator before upgrading it.</source>
        <translation>Skemaet {0} har version {1} ({2}) registreret med et andet indhold end dette plugins migrering med samme nummer: skemaet er lavet af et andet værktøj eller en anden udgave af pluginnet. Spørg databaseadministratoren, før det opgraderes.</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="132"/>
        <source>No schema version {0}; versions run 1 to {1}.</source>
        <translation>Skemaversion {0} findes ikke; versionerne går fra 1 til {1}.</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="153"/>
        <source>Migration {0} ({1}) of schema {2} failed; the schema stays at version {3}: {4}</source>
        <translation>Migrering {0} ({1}) af skemaet {2} mislykkedes; skemaet bliver på version {3}: {4}</translation>
    </message>
    <message>
        <location filename="../database/runner.py" line="159"/>
        <source>Schema {0}: version {1}, {2}</source>
        <translation>Skemaet {0}: version {1}, {2}</translation>
    </message>
</context>
<context>
    <name>JordressourceAbout</name>
    <message>
        <location filename="../gui/about.py" line="29"/>
        <source>Short-haul reuse of surplus soil for Danish municipalities and regions: exact reuse matches under the area-based approach, soil balances, free-movement zones, earthwork volumes and plan maps.</source>
        <translation>Genanvendelse af overskudsjord med kort køreafstand for danske kommuner og regioner: optimale genanvendelsesmatch efter den områdebaserede tilgang, jordbalancer, zoner med fri flytning, jordmængder fra terrænmodeller og plankort.</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="33"/>
        <source>Data in the sample project</source>
        <translation>Data i eksempelprojektet</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="34"/>
        <source>Administrative boundaries: DAGI, © Styrelsen for Dataforsyning og Infrastruktur (SDFI).</source>
        <translation>Administrative grænser: DAGI, © Styrelsen for Dataforsyning og Infrastruktur (SDFI).</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="37"/>
        <source>Land cover, extraction and dump sites: CORINE Land Cover 2018, © European Union, Copernicus Land Monitoring Service.</source>
        <translation>Arealdække, råstofgrave og deponeringsanlæg: CORINE Land Cover 2018, © Den Europæiske Union, Copernicus Land Monitoring Service.</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="40"/>
        <source>Everything else in the sample (sites, volumes, roads, terrain) is generated and fictitious.</source>
        <translation>Alt andet i eksemplet (lokaliteter, mængder, veje, terræn) er genereret og fiktivt.</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="43"/>
        <source>Optimisation: HiGHS through SciPy.</source>
        <translation>Optimering: HiGHS via SciPy.</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="44"/>
        <source>Report a problem</source>
        <translation>Rapportér et problem</translation>
    </message>
    <message>
        <location filename="../gui/about.py" line="54"/>
        <source>About Jordressource</source>
        <translation>Om Jordressource</translation>
    </message>
</context>
<context>
    <name>JordressourceAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="40"/>
        <source>Project and area types</source>
        <translation>Projekt og områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41"/>
        <source>Reuse and haul</source>
        <translation>Genanvendelse og kørsel</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="42"/>
        <source>Terrain</source>
        <translation>Terræn</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="43"/>
        <source>Strategic planning</source>
        <translation>Strategisk planlægning</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="44"/>
        <source>Maps</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="153"/>
        <source>Metric CRS for distances and areas</source>
        <translation>Metrisk koordinatsystem til afstande og arealer</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="187"/>
        <source>The distance CRS {0} is geographic (degrees). Choose a projected CRS in metres, for example EPSG:25832 (ETRS89 / UTM zone 32N).</source>
        <translation>Koordinatsystemet til afstande ({0}) er geografisk (grader). Vælg et projiceret koordinatsystem i meter, fx EPSG:25832 (ETRS89 / UTM zone 32N).</translation>
    </message>
    <message>
        <location filename="../layers/sites.py" line="180"/>
        <source>{0}: skipped {1} feature(s) without geometry, ids {2}.</source>
        <translation>{0}: sprang {1} objekt(er) uden geometri over, id'er {2}.</translation>
    </message>
    <message>
        <location filename="../layers/frames.py" line="128"/>
        <source>{0}: repaired {1} invalid geometry(ies), ids {2}.</source>
        <translation>{0}: reparerede {1} ugyldig(e) geometri(er), id'er {2}.</translation>
    </message>
    <message>
        <location filename="../layers/styling.py" line="111"/>
        <source>Style {0} is missing; the output is left unstyled.</source>
        <translation>Stilarten {0} mangler; resultatet vises uden stilart.</translation>
    </message>
    <message>
        <location filename="../layers/styling.py" line="177"/>
        <source>Could not store the style in {0}: {1}</source>
        <translation>Kunne ikke gemme stilarten i {0}: {1}</translation>
    </message>
    <message>
        <location filename="../layers/frames.py" line="240"/>
        <source>Could not write a feature to the output: {0}</source>
        <translation>Kunne ikke skrive et objekt til resultatet: {0}</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="20"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="26"/>
        <source>Roads: {0} one-way line(s) in &apos;{1}&apos;.</source>
        <translation>Veje: {0} ensrettede linje(r) i '{1}'.</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="40"/>
        <source>The road layer has no lines with a length. Choose a road layer (for example GeoDanmark road centre lines or OpenStreetMap roads), or leave Roads empty to use straight lines times the detour factor.</source>
        <translation>Vejlaget har ingen linjer med en længde. Vælg et vejlag (fx GeoDanmarks vejmidter eller OpenStreetMap-veje), eller lad Veje være tom for at bruge rette linjer gange omvejsfaktoren.</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="55"/>
        <source>Roads: {0} segment(s) of zero length or shorter than the snap tolerance were dropped.</source>
        <translation>Veje: {0} segment(er) med længden nul eller kortere end snaptolerancen blev fjernet.</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="60"/>
        <source>Roads: {0} feature(s) hold no line and were skipped.</source>
        <translation>Veje: {0} objekt(er) indeholder ingen linje og blev sprunget over.</translation>
    </message>
    <message>
        <location filename="../layers/fields.py" line="41"/>
        <source>{0} has no field named &apos;{1}&apos;. Choose one of: {2}.</source>
        <translation>{0} har intet felt med navnet '{1}'. Vælg et af: {2}.</translation>
    </message>
    <message>
        <location filename="../layers/fields.py" line="62"/>
        <source>{0}: choose the field for {1}.</source>
        <translation>{0}: vælg feltet til {1}.</translation>
    </message>
    <message>
        <location filename="../layers/fields.py" line="72"/>
        <source>{0}: no field &apos;{1}&apos;, so {2} is not used.</source>
        <translation>{0}: intet felt '{1}', så {2} bruges ikke.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="44"/>
        <source>{0}: {1} value(s) cannot be used as given. Correct them and run again:</source>
        <translation>{0}: {1} værdi(er) kan ikke bruges, som de står. Ret dem, og kør igen:</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="71"/>
        <source>{0}: {1} site(s) have no soil class in &apos;{2}&apos;: {3}.</source>
        <translation>{0}: {1} lokalitet(er) har ingen jordklasse i '{2}': {3}.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="75"/>
        <source>{0}: {1} site(s) have no value in &apos;{2}&apos; and are left out: {3}.</source>
        <translation>{0}: {1} lokalitet(er) har ingen værdi i '{2}' og udelades: {3}.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="86"/>
        <source>{0}: {1} date window(s) end before they start (&apos;{2}&apos;): {3}.</source>
        <translation>{0}: {1} tidsvindue(r) slutter, før de begynder ('{2}'): {3}.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="90"/>
        <source>{0}: {1} site(s) have no id in &apos;{2}&apos; and are named by their feature id: {3}.</source>
        <translation>{0}: {1} lokalitet(er) har intet id i '{2}' og navngives med deres objekt-id: {3}.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="95"/>
        <source>{0}: ids used by more than one site in &apos;{1}&apos;: {2}.</source>
        <translation>{0}: id'er, som flere lokaliteter bruger i '{1}': {2}.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="106"/>
        <source>numbers with two readings 1,000 times apart (&quot;1.500&quot; is fifteen hundred in Danish and one and a half in English); write 1500, 1500,0 or 1.500,0</source>
        <translation>tal, der kan læses på to måder med en faktor 1.000 imellem (&quot;1.500&quot; er femtenhundrede på dansk og halvanden på engelsk); skriv 1500, 1500,0 eller 1.500,0</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="111"/>
        <source>values that are not numbers</source>
        <translation>værdier, der ikke er tal</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="116"/>
        <source>values that are not dates; write 2026-05-01, 01-05-2026, 01.05.2026 or 1. maj 2026</source>
        <translation>værdier, der ikke er datoer; skriv 2026-05-01, 01-05-2026, 01.05.2026 eller 1. maj 2026</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="120"/>
        <source>values that are not finite numbers</source>
        <translation>værdier, der ikke er endelige tal</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="122"/>
        <source>negative volumes; volumes are cubic metres of soil, zero or more</source>
        <translation>negative volumener; volumener er kubikmeter jord, nul eller mere</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="125"/>
        <source>negative capacities; capacities are cubic metres, zero or more</source>
        <translation>negative kapaciteter; kapaciteter er kubikmeter, nul eller mere</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="128"/>
        <source>negative soil classes</source>
        <translation>negative jordklasser</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="130"/>
        <source>negative values</source>
        <translation>negative værdier</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="132"/>
        <source>soil classes that are not whole numbers</source>
        <translation>jordklasser, der ikke er hele tal</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="134"/>
        <source>numbers where dates belong (20261201 is not read as a date); write 2026-12-01</source>
        <translation>tal, hvor der skal stå datoer (20261201 læses ikke som en dato); skriv 2026-12-01</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="138"/>
        <source>dates whose day and month order or century is unclear (01/02/2026, 01-02-26); write 2026-02-01 or 01-02-2026</source>
        <translation>datoer, hvor rækkefølgen af dag og måned eller århundredet er uklar (01/02/2026, 01-02-26); skriv 2026-02-01 eller 01-02-2026</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="142"/>
        <source>sites without an id (named here by feature id); every site needs an id, so that matches can name it</source>
        <translation>lokaliteter uden id (her navngivet med objekt-id); hver lokalitet skal have et id, så matchene kan navngive den</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="146"/>
        <source>ids used by more than one site; ids must be unique, so that every match names its sites</source>
        <translation>id'er, som flere lokaliteter bruger; id'er skal være entydige, så hvert match navngiver sine lokaliteter</translation>
    </message>
    <message>
        <location filename="../layers/frames.py" line="183"/>
        <source>{0}: {1} feature(s) cannot be transformed from {2} to the distance CRS {3} (feature ids {4}). Check the layer&apos;s CRS and coordinates.</source>
        <translation>{0}: {1} objekt(er) kan ikke transformeres fra {2} til afstandskoordinatsystemet {3} (objekt-id {4}). Kontrollér lagets koordinatsystem og koordinater.</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="79"/>
        <source>{0}: {1} site(s) hold more than {2} m³ in '{3}', more than one site plausibly holds; they are kept as given, check them: {4}.</source>
        <translation>{0}: {1} lokalitet(er) har mere end {2} m³ i '{3}', mere end én lokalitet sandsynligvis rummer; de bruges, som de står, men kontrollér dem: {4}.</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="47"/>
        <source>Road network: {0} segments, {1} km, {2} junctions, {3} connected part(s); the largest holds {4} of the road length.</source>
        <translation>Vejnet: {0} segmenter, {1} km, {2} knudepunkter, {3} sammenhængende del(e); den største rummer {4} af vejlængden.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142"/>
        <source>{0} must be at least {1}, not {2}.</source>
        <translation>{0} skal være mindst {1}, ikke {2}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142"/>
        <source>{0} must be at most {1}, not {2}.</source>
        <translation>{0} må højst være {1}, ikke {2}.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="297"/>
        <source>The run was cancelled: no output was written and no result is returned.</source>
        <translation>Kørslen blev afbrudt: intet er skrevet, og intet resultat returneres.</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="302"/>
        <source>A file could not be read or written: {0}</source>
        <translation>En fil kunne ikke læses eller skrives: {0}</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="16"/>
        <source>Area types: {0} polygon(s) overlap an earlier polygon of another area type; where they overlap, the earlier one in the layer counts: ids {1}.</source>
        <translation>Områdetyper: {0} polygon(er) overlapper en tidligere polygon af en anden områdetype; hvor de overlapper, gælder den, der kommer først i laget: id {1}.</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="34"/>
        <source>Joining road ends closer than the snap tolerance ({0} m) left no road with a length: the roads are shorter than the tolerance. Lower the snap tolerance; 1 m closes digitising gaps.</source>
        <translation>Sammenkobling af vejender tættere end snaptolerancen ({0} m) efterlod ingen vej med en længde: vejene er kortere end tolerancen. Sænk snaptolerancen; 1 m lukker digitaliseringshuller.</translation>
    </message>
    <message>
        <location filename="../layers/sites.py" line="136"/>
        <source>{0}: {1} site(s) consist of parts more than {2} m apart. Each site has one position (its centroid, or a point on its surface), so the haul from its other parts is misstated; split such sites into one feature per place: ids {3}.</source>
        <translation>{0}: {1} lokalitet(er) består af dele mere end {2} m fra hinanden. Hver lokalitet har én position (dens tyngdepunkt eller et punkt på dens flade), så køreafstanden fra de øvrige dele bliver forkert; del sådanne lokaliteter op i ét objekt pr. sted: id {3}.</translation>
    </message>
    <message>
        <location filename="../layers/staging.py" line="162"/>
        <source>The output “{0}” is set to {1}, which is a folder. Give a file name.</source>
        <translation>Resultatet “{0}” er sat til {1}, som er en mappe. Angiv et filnavn.</translation>
    </message>
    <message>
        <location filename="../layers/staging.py" line="194"/>
        <source>The output “{0}” cannot be written in the folder {1}: {2}. Choose a folder you can write to.</source>
        <translation>Resultatet “{0}” kan ikke skrives i mappen {1}: {2}. Vælg en mappe, du kan skrive i.</translation>
    </message>
    <message>
        <location filename="../layers/staging.py" line="226"/>
        <source>The run finished, but its outputs could not be put in place: {0}. The previous files were put back. Is one of them open in another program?</source>
        <translation>Kørslen blev gennemført, men resultaterne kunne ikke flyttes på plads: {0}. De tidligere filer er lagt tilbage. Er en af dem åben i et andet program?</translation>
    </message>
    <message>
        <location filename="../layers/staging.py" line="301"/>
        <source>The outputs “{0}” and “{1}” are both set to {2}. Give each output its own file (in one GeoPackage, each its own layer name).</source>
        <translation>Resultaterne “{0}” og “{1}” er begge sat til {2}. Giv hvert resultat sin egen fil (i samme GeoPackage hvert sit lagnavn).</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="45"/>
        <source>Control and traceability</source>
        <translation>Kontrol og sporbarhed</translation>
    </message>
    <message>
        <location filename="../layers/reading.py" line="113"/>
        <source>values that are not yes or no; write ja/nej, 1/0 or true/false</source>
        <translation>værdier, der ikke er ja eller nej; skriv ja/nej, 1/0 eller true/false</translation>
    </message>
    <message>
        <location filename="../layers/frames.py" line="116"/>
        <source>{0}: read {1} of {2} feature(s), those reaching into the area this run needs (x {3} to {4}, y {5} to {6}).</source>
        <translation>{0}: {1} af {2} objekt(er) indlæst, dem der når ind i det område, kørslen har brug for (x {3} til {4}, y {5} til {6}).</translation>
    </message>
    <message>
        <location filename="../layers/roads.py" line="87"/>
        <source>Roads: a site lies {0} m from the nearest road read, which may not be its nearest road; reading the roads within that distance of every site.</source>
        <translation>Veje: en lokalitet ligger {0} m fra den nærmeste indlæste vej, som måske ikke er dens nærmeste vej; vejene inden for den afstand af hver lokalitet indlæses.</translation>
    </message>
</context>
<context>
    <name>JordressourceHelp</name>
    <message>
        <location filename="../help_pages.py" line="44"/>
        <source>Jordressource help</source>
        <translation>Hjælp til Jordressource</translation>
    </message>
    <message>
        <location filename="../help_pages.py" line="45"/>
        <source>Jordressource finds where surplus soil can be reused on the shortest haul, under the area-based approach. The algorithms are in the Processing toolbox under Jordressource and in the Jordressource menu, in the order a planner uses them.</source>
        <translation>Jordressource finder, hvor overskudsjord kan nyttiggøres med den korteste kørsel efter den områdebaserede tilgang. Algoritmerne ligger i Processing-værktøjskassen under Jordressource og i menuen Jordressource, i den rækkefølge en planlægger bruger dem.</translation>
    </message>
</context>
<context>
    <name>JordressourceMenu</name>
    <message>
        <location filename="../gui/menu.py" line="35"/>
        <source>&amp;Jordressource</source>
        <translation>&amp;Jordressource</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="48"/>
        <source>New soil project…</source>
        <translation>Nyt jordprojekt…</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="48"/>
        <source>Create an empty soil project (GeoPackage) with every layer of the data model, styled and with Danish field names</source>
        <translation>Opret et tomt jordprojekt (GeoPackage) med alle datamodellens lag, med symbologi og danske feltnavne</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="53"/>
        <source>Open sample project (Holbæk)</source>
        <translation>Åbn eksempelprojekt (Holbæk)</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="53"/>
        <source>Add the Holbæk sample's layers, styled, to the map</source>
        <translation>Tilføj eksempelprojektets lag for Holbæk med symbologi til kortet</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="67"/>
        <source>Shipped model</source>
        <translation>Medfølgende model</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="71"/>
        <source>Help</source>
        <translation>Hjælp</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="71"/>
        <source>The Jordressource help in your language</source>
        <translation>Hjælpen til Jordressource på dit sprog</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="73"/>
        <source>About Jordressource</source>
        <translation>Om Jordressource</translation>
    </message>
    <message>
        <location filename="../gui/menu.py" line="105"/>
        <source>Jordressource</source>
        <translation>Jordressource</translation>
    </message>
</context>
<context>
    <name>JordressourceProvider</name>
    <message>
        <location filename="../provider.py" line="106"/>
        <source>Jordressource: short-haul reuse of soil</source>
        <translation>Jordressource: genanvendelse af jord med kort køreafstand</translation>
    </message>
</context>
<context>
    <name>MatchReuseAlgorithm</name>
    <message>
        <location filename="../algorithms/match_reuse.py" line="35"/>
        <source>Find short-haul reuse matches</source>
        <translation>Find genanvendelse med kort køreafstand</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="87"/>
        <source>Solving the allocation of {0} excavation(s) to {1} receiver(s)…</source>
        <translation>Beregner fordelingen af {0} opgravning(er) på {1} modtager(e)…</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="98"/>
        <source>The optimiser could not find the optimal allocation: {0}</source>
        <translation>Optimeringen kunne ikke finde den optimale fordeling: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="125"/>
        <source>{0} excavation(s) have a soil class no receiver accepts; their soil goes to disposal: {1}</source>
        <translation>{0} opgravning(er) har en jordklasse, som ingen modtager accepterer; jorden går til deponering: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>Reused (m³)</source>
        <translation>Genanvendt (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>To disposal (m³)</source>
        <translation>Til deponering (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>Haul (tonne-km)</source>
        <translation>Transportarbejde (tonkm)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>Haul if everything went to disposal (tonne-km)</source>
        <translation>Transportarbejde, hvis alt gik til deponering (tonkm)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>Cost (DKK)</source>
        <translation>Omkostning (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>Cost if everything went to disposal (DKK)</source>
        <translation>Omkostning, hvis alt gik til deponering (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>CO2 (kg)</source>
        <translation>CO2 (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="53"/>
        <source>CO2 if everything went to disposal (kg)</source>
        <translation>CO2, hvis alt gik til deponering (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="129"/>
        <source>{0} pair(s) within the maximum haul; {1} allowed arc(s) cheaper than disposal.</source>
        <translation>{0} par inden for den maksimale køreafstand; {1} tilladte forbindelse(r) er billigere end deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="209"/>
        <source>Routes follow roads; without a road layer the routes output stays empty.</source>
        <translation>Ruterne følger vejene; uden et vejlag forbliver resultatet med ruter tomt.</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="234"/>
        <source>Optimal plan: {0} of {1} m³ reused ({2}), {3} m³ to disposal.</source>
        <translation>Optimal plan: {0} af {1} m³ genanvendes ({2}), {3} m³ går til deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="238"/>
        <source>Haul: {0} tonne-km against {1} if everything went to disposal ({2}).</source>
        <translation>Transportarbejde: {0} tonkm mod {1}, hvis alt gik til deponering ({2}).</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="242"/>
        <source>CO2: {0} kg against {1} kg ({2}).</source>
        <translation>CO2: {0} kg mod {1} kg ({2}).</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="245"/>
        <source>Cost: {0} DKK against {1} DKK: {2} DKK saved.</source>
        <translation>Omkostning: {0} kr. mod {1} kr.: {2} kr. sparet.</translation>
    </message>
    <message>
        <location filename="../algorithms/match_reuse.py" line="248"/>
        <source>{0} truckload(s) to {1} receiver(s); {2} receiver(s) filled.</source>
        <translation>{0} læs til {1} modtager(e); {2} modtager(e) fyldt op.</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../provider.py" line="20"/>
        <source>Shipped models</source>
        <translation>Medfølgende modeller</translation>
    </message>
    <message>
        <location filename="../provider.py" line="23"/>
        <source>Local plan soil screening</source>
        <translation>Jordscreening af lokalplaner</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Planned excavations</source>
        <translation>Planlagte opgravninger</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Receivers (raw-material pits, resource sites, utilisation projects)</source>
        <translation>Modtagere (råstofgrave, ressourcepladser, nyttiggørelsesprojekter)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Contaminated sites (V1/V2)</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Local plans (one map page each)</source>
        <translation>Lokalplaner (én kortside hver)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Local plan id field</source>
        <translation>Felt med lokalplanens id</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Local plan name field</source>
        <translation>Felt med lokalplanens navn</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Map title</source>
        <translation>Kortets titel</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Soil in the local plan</source>
        <translation>Jord i lokalplanen</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Classify excavations by area type</source>
        <translation>Klassificér opgravninger efter områdetype</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Find short-haul reuse matches</source>
        <translation>Find genanvendelse med kort køreafstand</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Reuse matches</source>
        <translation>Genanvendelsesmatch</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Excavations with reuse</source>
        <translation>Opgravninger med genanvendelse</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Receivers with reuse</source>
        <translation>Modtagere med genanvendelse</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Soil balance per local plan</source>
        <translation>Jordbalance pr. lokalplan</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Soil balance report</source>
        <translation>Jordbalancerapport</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Map per local plan</source>
        <translation>Kort pr. lokalplan</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Map per local plan (PDF)</source>
        <translation>Kort pr. lokalplan (PDF)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="24"/>
        <source>Regional resource-site screening</source>
        <translation>Regional screening af ressourcepladser</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Planned excavations with dates</source>
        <translation>Planlagte opgravninger med datoer</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Receivers with their open periods</source>
        <translation>Modtagere med åbningsperioder</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Storage sites (resource sites)</source>
        <translation>Mellemlagre (ressourcepladser)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Plan reuse over time with storage</source>
        <translation>Planlæg genanvendelse over tid med mellemlagring</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Soil flows by month</source>
        <translation>Jordstrømme pr. måned</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Stock by storage site and month</source>
        <translation>Beholdning pr. mellemlager og måned</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Storage sites with use</source>
        <translation>Mellemlagre med brug</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Schedule report</source>
        <translation>Rapport om planen over tid</translation>
    </message>
    <message>
        <location filename="../provider.py" line="25"/>
        <source>Candidate screen for resource sites</source>
        <translation>Screening af kandidatpladser</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Drinking-water areas</source>
        <translation>Drikkevandsområder</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Housing</source>
        <translation>Boliger</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Own candidate points</source>
        <translation>Egne kandidatpunkter</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Distance kept from housing (m)</source>
        <translation>Afstand til boliger (m)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Grid spacing of candidate points (m)</source>
        <translation>Afstand mellem kandidatpunkter i gitteret (m)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Metric CRS for distances and areas</source>
        <translation>Metrisk koordinatsystem til afstande og arealer</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Area types in the metric CRS</source>
        <translation>Områdetyper i det metriske koordinatsystem</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Area type of each area</source>
        <translation>Hvert områdes områdetype</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Industrial and port areas</source>
        <translation>Erhvervs- og havneområder</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>An empty layer to merge with</source>
        <translation>Et tomt lag at flette med</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Housing in the metric CRS</source>
        <translation>Boliger i det metriske koordinatsystem</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Distance kept from housing</source>
        <translation>Afstand til boliger</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Everything excluded</source>
        <translation>Alt, der holdes fri</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Industrial and port areas without the exclusions</source>
        <translation>Erhvervs- og havneområder uden det, der holdes fri</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Grid of points</source>
        <translation>Gitter af punkter</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>An empty point layer to merge with</source>
        <translation>Et tomt punktlag at flette med</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Grid and own points</source>
        <translation>Gitter og egne punkter</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Points inside the allowed areas</source>
        <translation>Punkter inden for de tilladte områder</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Candidate ids</source>
        <translation>Kandidaternes id'er</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Candidate sites</source>
        <translation>Kandidatpladser</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Allowed areas</source>
        <translation>Tilladte områder</translation>
    </message>
    <message>
        <location filename="../provider.py" line="26"/>
        <source>Evaluate suggested resource sites over time</source>
        <translation>Vurdér foreslåede ressourcepladser over tid</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Candidate id field</source>
        <translation>Id-felt for kandidater</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Storage capacity field of the candidates (m³ on hand at most)</source>
        <translation>Kandidaternes felt med lagerkapacitet (m³ på lager højst)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Highest soil class stored field of the candidates</source>
        <translation>Kandidaternes felt med højeste lagrede jordklasse</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Total capacity field of the candidates (m³ in all, optional)</source>
        <translation>Kandidaternes felt med samlet kapacitet (m³ i alt, valgfrit)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Existing-site field of the candidates (yes/no, optional)</source>
        <translation>Felt for eksisterende plads (ja/nej, valgfrit)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Opening cost field of the candidates (DKK, optional)</source>
        <translation>Felt med etableringsomkostning (kr., valgfrit)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Number of sites</source>
        <translation>Antal pladser</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Choose the sites with the fewest tonne-km</source>
        <translation>Vælg pladserne med mindst transportarbejde</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Suggested resource sites</source>
        <translation>Foreslåede ressourcepladser</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Excavations assigned to the sites</source>
        <translation>Opgravninger fordelt på pladserne</translation>
    </message>
    <message>
        <location filename="../provider.py" line="29"/>
        <source>Plan reuse over time with the chosen sites as storage</source>
        <translation>Planlæg genanvendelse over tid med de valgte pladser som mellemlagre</translation>
    </message>
</context>
<context>
    <name>MovementTextsMixin</name>
    <message>
        <location filename="../algorithms/movement_texts.py" line="9"/>
        <source>Movement id field</source>
        <translation>Id-felt for jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="10"/>
        <source>Movement excavation id field</source>
        <translation>Felt med opgravningens id i jordflytningen</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="11"/>
        <source>Movement receiver id field</source>
        <translation>Felt med modtagerens id i jordflytningen</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="12"/>
        <source>Tonnes field</source>
        <translation>Felt med tons</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="13"/>
        <source>Movement soil class field</source>
        <translation>Felt med jordflytningens jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="14"/>
        <source>Movement date field</source>
        <translation>Felt med jordflytningens dato</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="15"/>
        <source>Analysed field (yes/no)</source>
        <translation>Felt for analyseret (ja/nej)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="16"/>
        <source>Vehicle field</source>
        <translation>Felt med køretøj</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="17"/>
        <source>Departure time field</source>
        <translation>Felt med afgangstidspunkt</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="18"/>
        <source>Arrival time field</source>
        <translation>Felt med ankomsttidspunkt</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="19"/>
        <source>Excavation id field</source>
        <translation>Id-felt for opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="20"/>
        <source>Surplus volume field (m³, in situ)</source>
        <translation>Felt med overskudsvolumen (m³, fast mål)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="21"/>
        <source>Soil class field</source>
        <translation>Felt med jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="22"/>
        <source>Excavation start date field</source>
        <translation>Felt med startdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="23"/>
        <source>Excavation end date field</source>
        <translation>Felt med slutdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="24"/>
        <source>Receiver id field</source>
        <translation>Id-felt for modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="25"/>
        <source>Receiver kind field</source>
        <translation>Felt med modtagertype</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="26"/>
        <source>Receiver capacity field (m³)</source>
        <translation>Felt med modtagerkapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="27"/>
        <source>Highest accepted soil class field</source>
        <translation>Felt med højeste accepterede jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="28"/>
        <source>Receiver start date field</source>
        <translation>Felt med startdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="29"/>
        <source>Receiver end date field</source>
        <translation>Felt med slutdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="30"/>
        <source>Resource site opening stock field (m³)</source>
        <translation>Felt med ressourcepladsens startlager (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="31"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="32"/>
        <source>Plan from-id field (empty: source_id or from_id)</source>
        <translation>Planens fra-id-felt (tomt: source_id eller from_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="33"/>
        <source>Plan to-id field (empty: receiver_id or to_id)</source>
        <translation>Planens til-id-felt (tomt: receiver_id eller to_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="34"/>
        <source>Plan tonnes field</source>
        <translation>Planens felt med tons</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="39"/>
        <source>duplicate id</source>
        <translation>dobbelt id</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="40"/>
        <source>unknown source</source>
        <translation>ukendt afsender</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="41"/>
        <source>unknown receiver</source>
        <translation>ukendt modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="42"/>
        <source>soil class not accepted</source>
        <translation>jordklasse ikke tilladt</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="43"/>
        <source>over the receiver&apos;s capacity</source>
        <translation>over modtagerens kapacitet</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="44"/>
        <source>more than excavated</source>
        <translation>mere end opgravet</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="45"/>
        <source>across area types without analysis</source>
        <translation>på tværs af områdetyper uden analyse</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="46"/>
        <source>outside the date window</source>
        <translation>uden for datovinduet</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="47"/>
        <source>implausible haul</source>
        <translation>usandsynlig køreafstand</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="48"/>
        <source>over the truck payload</source>
        <translation>over lasteevnen</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="49"/>
        <source>impossible travel</source>
        <translation>umulig kørsel</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="50"/>
        <source>not in the plan</source>
        <translation>ikke i planen</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="58"/>
        <source>Soil movement check</source>
        <translation>Kontrol af jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="59"/>
        <source>Generated {0}</source>
        <translation>Genereret {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="60"/>
        <source>Summary</source>
        <translation>Sammenfatning</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="61"/>
        <source>Movements</source>
        <translation>Jordflytninger</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="62"/>
        <source>Tonnes</source>
        <translation>Tons</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="63"/>
        <source>Movements with a flag</source>
        <translation>Jordflytninger med flag</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="64"/>
        <source>Tonnes moved with a flag</source>
        <translation>Tons flyttet med flag</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="65"/>
        <source>Flags</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="66"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="67"/>
        <source>Weight</source>
        <translation>Vægt</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="68"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="69"/>
        <source>How the risk is scored</source>
        <translation>Sådan beregnes risikoen</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="70"/>
        <source>A movement's risk is 100 · (1 − Π(1 − w)) over its flags, with the weights below: 0 for a clean movement, higher with every further flag, never above 100. An actor's risk is the tonnes-weighted mean risk of its movements.</source>
        <translation>En jordflytnings risiko er 100 · (1 − Π(1 − w)) over dens flag med vægtene nedenfor: 0 for en ren jordflytning, højere for hvert yderligere flag, aldrig over 100. En aktørs risiko er det tonsvægtede gennemsnit af dens jordflytningers risiko.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="74"/>
        <source>Movements with the highest risk</source>
        <translation>Jordflytninger med størst risiko</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="75"/>
        <source>Excavations, receivers and vehicles with the highest risk</source>
        <translation>Opgravninger, modtagere og køretøjer med størst risiko</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="76"/>
        <source>No movement has a flag.</source>
        <translation>Ingen jordflytning har et flag.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="77"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="78"/>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="79"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="80"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="81"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="82"/>
        <source>Moved (t)</source>
        <translation>Flyttet (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="83"/>
        <source>Registered (t)</source>
        <translation>Registreret (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="84"/>
        <source>Balance (t)</source>
        <translation>Balance (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="85"/>
        <source>Theoretical stock</source>
        <translation>Teoretisk lager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="86"/>
        <source>Received against capacity, per receiver</source>
        <translation>Modtaget mod kapacitet pr. modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="87"/>
        <source>The {0} receivers most filled of {1} are shown.</source>
        <translation>De {0} mest fyldte af {1} modtagere vises.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="88"/>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="89"/>
        <source>Capacity</source>
        <translation>Kapacitet</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="90"/>
        <source>Received, % of capacity</source>
        <translation>Modtaget, % af kapacitet</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="91"/>
        <source>excavation</source>
        <translation>opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="91"/>
        <source>receiver</source>
        <translation>modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="92"/>
        <source>vehicle</source>
        <translation>køretøj</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="94"/>
        <source>Inputs</source>
        <translation>Inddata</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="95"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="104"/>
        <source>{0}: {1} movement(s) have no id in &apos;{2}&apos; and are named by their feature id: {3}.</source>
        <translation>{0}: {1} jordflytning(er) har intet id i '{2}' og navngives med deres objekt-id: {3}.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="107"/>
        <source>{0}: {1} movement(s) have no value in &apos;{2}&apos; and are flagged as unknown: {3}.</source>
        <translation>{0}: {1} jordflytning(er) har ingen værdi i '{2}' og markeres som ukendte: {3}.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="110"/>
        <source>{0}: {1} movement(s) have no tonnes in &apos;{2}&apos;: they count 0 t: {3}.</source>
        <translation>{0}: {1} jordflytning(er) har ingen tons i '{2}': de tæller 0 t: {3}.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="113"/>
        <source>{0}: {1} movement(s) have no date in &apos;{2}&apos;: they count last in the running totals and are not checked against date windows: {3}.</source>
        <translation>{0}: {1} jordflytning(er) har ingen dato i '{2}': de tæller sidst i de løbende totaler og kontrolleres ikke mod datovinduer: {3}.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="117"/>
        <source>{0}: {1} movement(s) have no value in &apos;{2}&apos; and count as not analysed: {3}.</source>
        <translation>{0}: {1} jordflytning(er) har ingen værdi i '{2}' og regnes som ikke analyseret: {3}.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="125"/>
        <source>{0} movement(s) between known sites have no soil class, or go to a receiver without a highest class: class not checked.</source>
        <translation>{0} jordflytning(er) mellem kendte lokaliteter har ingen jordklasse eller går til en modtager uden højeste klasse: klassen er ikke kontrolleret.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="127"/>
        <source>{0} movement(s) name a site without a registered volume or capacity: that limit not checked.</source>
        <translation>{0} jordflytning(er) nævner en lokalitet uden registreret volumen eller kapacitet: den grænse er ikke kontrolleret.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="129"/>
        <source>{0} movement(s) have no tonnes: counted as 0 t.</source>
        <translation>{0} jordflytning(er) har ingen tons: talt som 0 t.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="130"/>
        <source>{0} movement(s) have no date: not checked against date windows, counted last in the running totals.</source>
        <translation>{0} jordflytning(er) har ingen dato: ikke kontrolleret mod datovinduer, talt sidst i de løbende totaler.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="132"/>
        <source>{0} movement(s) with a vehicle lack a departure or arrival time of day: travel not checked.</source>
        <translation>{0} jordflytning(er) med køretøj mangler et klokkeslæt for afgang eller ankomst: kørslen er ikke kontrolleret.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="150"/>
        <source>{0} ({1}): {2} movement(s), {3} t.</source>
        <translation>{0} ({1}): {2} jordflytning(er), {3} t.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="158"/>
        <source>Haul of {0} distinct origin–receiver pair(s) measured along the roads.</source>
        <translation>Køreafstanden for {0} forskellige par af afsender og modtager er målt ad vejene.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="161"/>
        <source>{0} pair(s) have no road path between them: their haul is the straight line times the detour factor.</source>
        <translation>{0} par har ingen vej imellem sig: deres køreafstand er den rette linje gange omvejsfaktoren.</translation>
    </message>
    <message>
        <location filename="../algorithms/movement_texts.py" line="165"/>
        <source>{0} of {1} movement(s) have a flag: {2} of {3} t.</source>
        <translation>{0} af {1} jordflytning(er) har et flag: {2} af {3} t.</translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message>
        <location filename="../catalogue.py" line="62"/>
        <source>Surplus (m³)</source>
        <translation>Overskud (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="63"/>
        <source>Demand (m³)</source>
        <translation>Behov (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="64"/>
        <source>Balance (m³)</source>
        <translation>Balance (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="65"/>
        <source>Raw-material substitute (m³)</source>
        <translation>Erstatning for råstoffer (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="67"/>
        <source>Number of excavations</source>
        <translation>Antal opgravninger</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="69"/>
        <source>Number of receivers</source>
        <translation>Antal modtagere</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="71"/>
        <source>Area type</source>
        <translation>Områdetype</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="72"/>
        <source>Haul distance (km)</source>
        <translation>Køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="74"/>
        <source>Source id</source>
        <translation>Kilde-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="74"/>
        <source>Target id</source>
        <translation>Mål-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="74"/>
        <source>Distance method</source>
        <translation>Afstandsmetode</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil project (GeoPackage)</source>
        <translation>Jordprojekt (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Classified sites</source>
        <translation>Klassificerede lokaliteter</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Share in the area type</source>
        <translation>Andel i områdetypen</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Contamination suspected</source>
        <translation>Mistanke om forurening</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Free movement</source>
        <translation>Fri flytning</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Earthwork volumes</source>
        <translation>Jordmængder</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cut (m³)</source>
        <translation>Afgravning (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Fill (m³)</source>
        <translation>Opfyldning (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Net cut (m³)</source>
        <translation>Nettoafgravning (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Surplus in situ (m³)</source>
        <translation>Overskud i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Surplus loose (m³)</source>
        <translation>Overskud i løst mål (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Surplus (t)</source>
        <translation>Overskud (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Share of cells with data</source>
        <translation>Andel af celler med data</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cut/fill depth (terrain minus planned, m)</source>
        <translation>Afgravnings-/opfyldningsdybde (terræn minus planlagt, m)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Haul distances</source>
        <translation>Køreafstande</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Haul routes along the roads</source>
        <translation>Køreruter ad vejene</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Reuse matches</source>
        <translation>Genanvendelsesmatch</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Excavation id</source>
        <translation>Opgravnings-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Receiver id</source>
        <translation>Modtager-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Receiver kind</source>
        <translation>Modtagertype</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Volume in situ (m³)</source>
        <translation>Mængde i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Tonnes</source>
        <translation>Tons</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Tonne-km</source>
        <translation>Transportarbejde (tonkm)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="81"/>
        <source>Truckloads</source>
        <translation>Læs</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="81"/>
        <source>CO2 (kg)</source>
        <translation>CO2 (kg)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cost (DKK)</source>
        <translation>Omkostning (kr.)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="81"/>
        <source>Same area type</source>
        <translation>Samme områdetype</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Analysis required</source>
        <translation>Analyse påkrævet</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Excavations with reuse</source>
        <translation>Opgravninger med genanvendelse</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Reused (m³)</source>
        <translation>Genanvendt (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>To disposal (m³)</source>
        <translation>Til deponering (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Mean haul (km)</source>
        <translation>Gennemsnitlig køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Disposal site id</source>
        <translation>Id for deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Haul to disposal (km)</source>
        <translation>Køreafstand til deponering (km)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Receivers with reuse</source>
        <translation>Modtagere med genanvendelse</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Received (m³)</source>
        <translation>Modtaget (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Remaining capacity (m³)</source>
        <translation>Restkapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Share filled</source>
        <translation>Fyldningsgrad</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil balance</source>
        <translation>Jordbalance</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Self-sufficiency</source>
        <translation>Selvforsyningsgrad</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil balance per year</source>
        <translation>Jordbalance pr. år</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Area id</source>
        <translation>Område-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil balance report</source>
        <translation>Jordbalancerapport</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Free-movement zones</source>
        <translation>Zoner med fri flytning</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Zone id</source>
        <translation>Zone-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Boundary id</source>
        <translation>Grænse-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Area (km²)</source>
        <translation>Areal (km²)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Plan map (PDF)</source>
        <translation>Plankort (PDF)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Folder for PNG images of the pages</source>
        <translation>Mappe til PNG-billeder af siderne</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Reuse matches along the roads</source>
        <translation>Genanvendelsesmatch ad vejene</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Project polygons with volumes and balanced levels</source>
        <translation>Projektpolygoner med mængder og balancerede koter</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Balanced level (m)</source>
        <translation>Balanceret kote (m)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Shift of the plan to balance (m)</source>
        <translation>Forskydning af planen til balance (m)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cut at balance (m³)</source>
        <translation>Afgravning ved balance (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Fill at balance (m³)</source>
        <translation>Opfyldning ved balance (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Why no balanced level</source>
        <translation>Hvorfor ingen balanceret kote</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil samples</source>
        <translation>Jordprøver</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Sampling cost (DKK)</source>
        <translation>Pris for prøvetagning (kr.)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Options catalogue</source>
        <translation>Mulighedskatalog</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Rank</source>
        <translation>Placering</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cost (DKK/t)</source>
        <translation>Pris (kr./t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>CO2 (kg/t)</source>
        <translation>CO2 (kg/t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Cheapest disposal (DKK/t)</source>
        <translation>Billigste deponering (kr./t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Saving against disposal (DKK/t)</source>
        <translation>Besparelse mod deponering (kr./t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Receiver capacity (m³)</source>
        <translation>Modtagerens kapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Chosen by the regional plan</source>
        <translation>Valgt af den regionale plan</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Tonnes in the regional plan</source>
        <translation>Tons i den regionale plan</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Extra cost against the plan (DKK/t)</source>
        <translation>Merpris mod planen (kr./t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil management plan (HTML)</source>
        <translation>Jordhåndteringsplan (HTML)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil management plan (PDF)</source>
        <translation>Jordhåndteringsplan (PDF)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Soil flows by month</source>
        <translation>Jordstrømme pr. måned</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>From id</source>
        <translation>Fra id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>To id</source>
        <translation>Til id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Leg</source>
        <translation>Strækning</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Excavation of origin</source>
        <translation>Oprindelig opgravning</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Stock by storage site and month</source>
        <translation>Beholdning pr. mellemlager og måned</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Storage site id</source>
        <translation>Mellemlager-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Stock at month end (t)</source>
        <translation>Beholdning ved månedens udgang (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Storage capacity (t)</source>
        <translation>Lagerkapacitet (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Share of capacity used</source>
        <translation>Andel af kapaciteten brugt</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Storage sites with use</source>
        <translation>Mellemlagre med brug</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Peak stock (t)</source>
        <translation>Største beholdning (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Throughput (t)</source>
        <translation>Gennemløb (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Mean dwell (months)</source>
        <translation>Gennemsnitlig opholdstid (måneder)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Value of 1 m³ more room (DKK)</source>
        <translation>Værdi af 1 m³ mere plads (kr.)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Schedule report</source>
        <translation>Rapport om planen over tid</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Checked movements</source>
        <translation>Kontrollerede jordflytninger</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>No flag</source>
        <translation>Uden flag</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Flags</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Risk (0–100)</source>
        <translation>Risiko (0–100)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Movements per excavation, receiver and vehicle</source>
        <translation>Jordflytninger pr. opgravning, modtager og køretøj</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>In the register</source>
        <translation>I registret</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Movements</source>
        <translation>Jordflytninger</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Moved (t)</source>
        <translation>Flyttet (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Registered (t)</source>
        <translation>Registreret (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Registered less moved (t)</source>
        <translation>Registreret minus flyttet (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Received (t)</source>
        <translation>Modtaget (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Sent (t)</source>
        <translation>Sendt (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Theoretical stock (t)</source>
        <translation>Teoretisk lager (t)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Movements with a flag</source>
        <translation>Jordflytninger med flag</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Flags (count)</source>
        <translation>Flag (antal)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Inspection report</source>
        <translation>Tilsynsrapport</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Suggested resource sites</source>
        <translation>Foreslåede ressourcepladser</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Served (m³)</source>
        <translation>Modtaget (m³)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Existing site</source>
        <translation>Eksisterende plads</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Excavations assigned to the sites</source>
        <translation>Opgravninger fordelt på pladserne</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Site id</source>
        <translation>Plads-id</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Share of the excavation</source>
        <translation>Andel af opgravningen</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Haul by number of sites</source>
        <translation>Transportarbejde efter antal pladser</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Number of sites</source>
        <translation>Antal pladser</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Optimality gap</source>
        <translation>Optimalitetsgab</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Opening costs (DKK)</source>
        <translation>Etableringsomkostninger (kr.)</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Sites open</source>
        <translation>Åbne pladser</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../catalogue.py" line="98"/>
        <source>Site ids</source>
        <translation>Plads-id'er</translation>
    </message>
</context>
<context>
    <name>PlanInputsMixin</name>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="29"/>
        <source>No receiver can take them until the soil is classified: disposal only.</source>
        <translation>Ingen modtager kan tage dem, før jorden er klassificeret: kun deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="31"/>
        <source>Project polygons</source>
        <translation>Projektpolygoner</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="31"/>
        <source>They are matched to no receiver.</source>
        <translation>De matches ikke med nogen modtager.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="37"/>
        <source>Project polygons: no soil class field, so no receiver can be matched: disposal only.</source>
        <translation>Projektpolygoner: intet felt med jordklasse, så ingen modtager kan findes: kun deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="63"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="64"/>
        <source>They accept no soil.</source>
        <translation>De modtager ingen jord.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="64"/>
        <source>They receive no soil.</source>
        <translation>De får ingen jord.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="85"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="88"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="110"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="126"/>
        <source>Regional plan</source>
        <translation>Regional plan</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="131"/>
        <source>Regional plan: {0} flow(s) of this project go to receivers not in the receiver layer and are left out: feature ids {1}.</source>
        <translation>Regional plan: {0} strøm(me) fra dette projekt går til modtagere, der ikke er i modtagerlaget, og udelades: objekt-id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="136"/>
        <source>Regional plan: {0} flow(s) of this project have no readable tonnes and are left out: feature ids {1}.</source>
        <translation>Regional plan: {0} strøm(me) fra dette projekt har ingen læsbare tons og udelades: objekt-id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_inputs.py" line="140"/>
        <source>Regional plan: {0} flow(s) from this project&apos;s batches.</source>
        <translation>Regional plan: {0} strøm(me) fra projektets partier.</translation>
    </message>
</context>
<context>
    <name>PlanLabelsMixin</name>
    <message>
        <location filename="../algorithms/plan_labels.py" line="12"/>
        <source>Soil management plan</source>
        <translation>Jordhåndteringsplan</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="13"/>
        <source>Generated {0}</source>
        <translation>Genereret {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="14"/>
        <source>Site map</source>
        <translation>Situationsplan</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="15"/>
        <source>Coordinates in {0}.</source>
        <translation>Koordinater i {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="16"/>
        <source>surplus (soil leaves)</source>
        <translation>overskud (jord køres bort)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="17"/>
        <source>deficit (soil comes in)</source>
        <translation>underskud (jord køres til)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="18"/>
        <source>balanced</source>
        <translation>i balance</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="19"/>
        <source>no terrain data</source>
        <translation>ingen terrændata</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="20"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="21"/>
        <source>Volumes and balance</source>
        <translation>Mængder og balance</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="22"/>
        <source>Cut, fill and surplus at the planned level, and the balanced level at which each polygon&apos;s own cut equals its own fill (cell-centre rule, cells with data). Building at the balanced level keeps the soil on site.</source>
        <translation>Afgravning, opfyldning og overskud ved den planlagte kote, og den balancerede kote, hvor hver polygons egen afgravning er lig dens egen opfyldning (cellemidtpunktsreglen, celler med data). Bygges der i den balancerede kote, bliver jorden på stedet.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="27"/>
        <source>Changing every planned level by {0} m balances the whole project: {1} m³ would then be moved within it and none would leave.</source>
        <translation>Ændres alle planlagte koter med {0} m, balancerer hele projektet: {1} m³ flyttes så inden for projektet, og intet køres bort.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="30"/>
        <source>No polygon has both a plan and terrain data: no project balance.</source>
        <translation>Ingen polygon har både en plan og terrændata: ingen projektbalance.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="32"/>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="33"/>
        <source>Planned level (m)</source>
        <translation>Planlagt kote (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="52"/>
        <source>Cut (m³)</source>
        <translation>Afgravning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="53"/>
        <source>Fill (m³)</source>
        <translation>Opfyldning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="54"/>
        <source>Net (m³)</source>
        <translation>Netto (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="37"/>
        <source>Surplus (m³)</source>
        <translation>Overskud (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="38"/>
        <source>Balanced level (m)</source>
        <translation>Balanceret kote (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="39"/>
        <source>Shift to balance (m)</source>
        <translation>Forskydning til balance (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="40"/>
        <source>Moved on site at balance (m³)</source>
        <translation>Flyttet på stedet ved balance (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="41"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="44"/>
        <source>part of its cells lack data</source>
        <translation>en del af cellerne mangler data</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="45"/>
        <source>outside the DEM</source>
        <translation>uden for terrænmodellen</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="46"/>
        <source>smaller than a DEM cell</source>
        <translation>mindre end en celle i terrænmodellen</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="47"/>
        <source>only cells without data</source>
        <translation>kun celler uden data</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="48"/>
        <source>no polygon area</source>
        <translation>intet polygonareal</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="49"/>
        <source>no planned level</source>
        <translation>ingen planlagt kote</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="51"/>
        <source>Project totals</source>
        <translation>Projektets totaler</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="55"/>
        <source>Surplus of the polygons with more cut than fill (m³, in situ)</source>
        <translation>Overskud fra polygoner med mere afgravning end opfyldning (m³, fast mål)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="57"/>
        <source>Deficit of the polygons with more fill than cut (m³)</source>
        <translation>Underskud i polygoner med mere opfyldning end afgravning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="58"/>
        <source>Surplus the project's own deficits can take (m³)</source>
        <translation>Overskud, som projektets egne underskud kan optage (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="59"/>
        <source>Surplus left to leave the site (m³)</source>
        <translation>Overskud, der skal køres væk fra projektet (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="60"/>
        <source>Surplus (t)</source>
        <translation>Overskud (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="61"/>
        <source>Cut and fill per polygon at the planned level</source>
        <translation>Afgravning og opfyldning pr. polygon ved den planlagte kote</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="62"/>
        <source>The {0} polygons with the largest volumes of {1} are shown.</source>
        <translation>De {0} polygoner med de største mængder af {1} vises.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="64"/>
        <source>Sampling</source>
        <translation>Prøvetagning</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="69"/>
        <source>Batch</source>
        <translation>Parti</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="70"/>
        <source>Tonnes</source>
        <translation>Tons</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="71"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="73"/>
        <source>classified area</source>
        <translation>områdeklassificeret</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="74"/>
        <source>suspected</source>
        <translation>mistænkt</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="76"/>
        <source>t per sample</source>
        <translation>t pr. prøve</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="77"/>
        <source>Samples</source>
        <translation>Prøver</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="78"/>
        <source>Cost (DKK)</source>
        <translation>Omkostning (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="79"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="80"/>
        <source>No polygon has surplus soil at the planned level: nothing leaves the site.</source>
        <translation>Ingen polygon har overskudsjord ved den planlagte kote: intet køres bort.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="82"/>
        <source>Options catalogue</source>
        <translation>Mulighedskatalog</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="83"/>
        <source>For each batch, the receivers it may go to (soil class accepted, within the maximum haul, open in its window, allowed by the area rule), cheapest per tonne first (haul + analysis), against its cheapest disposal.</source>
        <translation>For hvert parti de modtagere, det kan køres til (jordklassen modtages, inden for den maksimale køreafstand, åben i partiets periode, tilladt af områdereglen), billigste pr. ton først (transport + analyse), sammenlignet med partiets billigste deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="88"/>
        <source>No receivers were given: disposal is the only option shown.</source>
        <translation>Der er ikke angivet modtagere: deponering er den eneste viste mulighed.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="90"/>
        <source>No receiver is within reach: disposal only.</source>
        <translation>Ingen modtager inden for rækkevidde: kun deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="91"/>
        <source>Rank</source>
        <translation>Placering</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="92"/>
        <source>Receiver</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="93"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="94"/>
        <source>Haul (km)</source>
        <translation>Køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="95"/>
        <source>Cost (DKK/t)</source>
        <translation>Pris (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="96"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="97"/>
        <source>CO₂ (kg/t)</source>
        <translation>CO₂ (kg/t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="98"/>
        <source>Saving vs disposal (DKK/t)</source>
        <translation>Besparelse mod deponering (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="99"/>
        <source>Regional plan</source>
        <translation>Regional plan</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="100"/>
        <source>Extra vs plan (DKK/t)</source>
        <translation>Merpris mod planen (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="101"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="102"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="103"/>
        <source>chosen ({0} t)</source>
        <translation>valgt ({0} t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="104"/>
        <source>Cheapest disposal: {0}, {1} km, {2} DKK/t. {3} receiver(s) in reach.</source>
        <translation>Billigste deponering: {0}, {1} km, {2} kr./t. {3} modtager(e) inden for rækkevidde.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="106"/>
        <source>baseline assumption</source>
        <translation>standardantagelse</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="107"/>
        <source>Regional plan: {0} DKK/t on average for this batch.</source>
        <translation>Regional plan: {0} kr./t i gennemsnit for dette parti.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="108"/>
        <source>Data sheets</source>
        <translation>Datablade</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="109"/>
        <source>Origin</source>
        <translation>Oprindelse</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="110"/>
        <source>Area type</source>
        <translation>Områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="111"/>
        <source>Contamination suspected</source>
        <translation>Mistanke om forurening</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="112"/>
        <source>Soil class</source>
        <translation>Jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="113"/>
        <source>Soil type</source>
        <translation>Jordtype</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="114"/>
        <source>Volume in situ (m³)</source>
        <translation>Mængde i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="115"/>
        <source>Excavation window</source>
        <translation>Opgravningsperiode</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="116"/>
        <source>not set</source>
        <translation>ikke angivet</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="117"/>
        <source>Analyses needed</source>
        <translation>Nødvendige analyser</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="118"/>
        <source>{0} sample(s) ({1}); analysis to document the soil for {2} of its {3} option(s)</source>
        <translation>{0} prøve(r) ({1}); analyse for at dokumentere jorden ved {2} af dens {3} mulighed(er)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="120"/>
        <source>Suitable uses</source>
        <translation>Egnet anvendelse</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="122"/>
        <source>free use: fill, landscaping, raw-material pits</source>
        <translation>fri anvendelse: opfyldning, landskabsformning, råstofgrave</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="123"/>
        <source>restricted use: under paving, noise barriers, approved projects</source>
        <translation>begrænset anvendelse: under befæstelse, støjvolde, godkendte projekter</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="124"/>
        <source>approved receiving facility only</source>
        <translation>kun godkendt modtageanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="126"/>
        <source>unknown until the soil is classified</source>
        <translation>ukendt, indtil jorden er klassificeret</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="128"/>
        <source>clean</source>
        <translation>ren</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="129"/>
        <source>lightly contaminated</source>
        <translation>lettere forurenet</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="130"/>
        <source>contaminated</source>
        <translation>forurenet</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="132"/>
        <source>Receivers in reach: {0}</source>
        <translation>Modtagere inden for rækkevidde: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="133"/>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="134"/>
        <source>Sources and defaults</source>
        <translation>Kilder og standardværdier</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="135"/>
        <source>Inputs</source>
        <translation>Inddata</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="136"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="137"/>
        <source>References</source>
        <translation>Referencer</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="142"/>
        <source>Sampling: Bekendtgørelse om anmeldelse og dokumentation i forbindelse med flytning af jord (jordflytningsbekendtgørelsen), BEK nr. 1452 af 07/12/2015, bilag 2: at least one sample per 120 t from classified areas and public roads, one per 30 t from mapped sites or for use as clean soil; as restated in the municipalities' guidance (e.g. Fredericia, Frederikssund, Vesthimmerland).</source>
        <translation>Prøvetagning: Bekendtgørelse om anmeldelse og dokumentation i forbindelse med flytning af jord (jordflytningsbekendtgørelsen), BEK nr. 1452 af 07/12/2015, bilag 2: mindst én prøve pr. 120 t fra områdeklassificerede arealer og offentlige veje, én pr. 30 t fra kortlagte arealer eller til anvendelse som ren jord; som kommunernes vejledninger gengiver det (fx Fredericia, Frederikssund, Vesthimmerland).</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="148"/>
        <source>Options and disposal: the arcs and costs of Find short-haul reuse matches (transport per tonne-km, analysis per tonne across area types or from suspected sites, the cheapest disposal by haul and gate fee).</source>
        <translation>Muligheder og deponering: forbindelserne og priserne fra Find genanvendelse med kort køreafstand (transport pr. tonkilometer, analyse pr. ton på tværs af områdetyper eller fra mistænkte arealer, billigste deponering efter køreafstand og modtagegebyr).</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="151"/>
        <source>Volumes: the grid method on the DEM&apos;s cells whose centre lies inside a polygon (Earthwork volumes from terrain); the balanced level is the mean terrain of those cells, where cut equals fill.</source>
        <translation>Mængder: gittermetoden på terrænmodellens celler, hvis midtpunkt ligger inde i en polygon (Jordmængder fra terrænmodel); den balancerede kote er middelterrænkoten for disse celler, hvor afgravning er lig opfyldning.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="154"/>
        <source>Terrain: Danmarks Højdemodel, DHM/Terræn (Styrelsen for Dataforsyning og Infrastruktur) or the DEM given.</source>
        <translation>Terræn: Danmarks Højdemodel, DHM/Terræn (Styrelsen for Dataforsyning og Infrastruktur) eller den angivne terrænmodel.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_labels.py" line="65"/>
        <source>Minimum samples before the soil moves: one per {0} t from a classified area without suspicion, one per {1} t otherwise (mapped or suspected sites), at {2} DKK per analysis.</source>
        <translation>Mindste antal prøver, før jorden flyttes: én pr. {0} t fra et områdeklassificeret areal uden mistanke, én pr. {1} t ellers (kortlagte eller mistænkte arealer), til {2} kr. pr. analyse.</translation>
    </message>
</context>
<context>
    <name>PlanOutputsMixin</name>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="37"/>
        <source>The PDF could not be written to {0}: {1}</source>
        <translation>PDF'en kunne ikke skrives til {0}: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="40"/>
        <source>The PDF could not be written to {0}.</source>
        <translation>PDF'en kunne ikke skrives til {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="42"/>
        <source>Plan written: {0} (HTML) and {1} ({2} page(s)).</source>
        <translation>Plan skrevet: {0} (HTML) og {1} ({2} side(r)).</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="47"/>
        <source>Project polygons</source>
        <translation>Projektpolygoner</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="48"/>
        <source>Terrain model (DEM)</source>
        <translation>Terrænmodel (DEM)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="52"/>
        <source>Planned surface</source>
        <translation>Planlagt flade</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="54"/>
        <source>Planned level field</source>
        <translation>Felt med planlagt kote</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="55"/>
        <source>Regional plan</source>
        <translation>Regional plan</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="70"/>
        <source>Options per excavation</source>
        <translation>Muligheder pr. opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="71"/>
        <source>Area rule</source>
        <translation>Områderegel</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="72"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="73"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="75"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="76"/>
        <source>Transport cost (DKK per tonne-km)</source>
        <translation>Transportpris (kr. pr. tonkilometer)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="78"/>
        <source>Analysis cost (DKK/t)</source>
        <translation>Analysepris (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="79"/>
        <source>CO2 per tonne-km (kg)</source>
        <translation>CO2 pr. tonkilometer (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="80"/>
        <source>Haul to disposal without a disposal site (km)</source>
        <translation>Køreafstand til deponering uden deponeringsanlæg (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="82"/>
        <source>Default gate fee (DKK/t)</source>
        <translation>Standardmodtagegebyr (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="83"/>
        <source>Tonnes per sample, classified area without suspicion</source>
        <translation>Tons pr. prøve, områdeklassificeret areal uden mistanke</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="85"/>
        <source>Tonnes per sample, suspected or mapped site</source>
        <translation>Tons pr. prøve, mistænkt eller kortlagt areal</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="87"/>
        <source>Price per soil analysis (DKK)</source>
        <translation>Pris pr. jordanalyse (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/plan_outputs.py" line="88"/>
        <source>Metric CRS</source>
        <translation>Metrisk koordinatsystem</translation>
    </message>
</context>
<context>
    <name>ReuseInputsMixin</name>
    <message>
        <location filename="../layers/reuse_inputs.py" line="55"/>
        <source>Excavation id field</source>
        <translation>Id-felt for opgravninger</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="56"/>
        <source>Surplus volume field (m³, in situ)</source>
        <translation>Felt med overskudsvolumen (m³, fast mål)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="57"/>
        <source>Soil class field</source>
        <translation>Felt med jordklasse</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="58"/>
        <source>Excavation start date field</source>
        <translation>Felt med startdato for opgravning</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="59"/>
        <source>Excavation end date field</source>
        <translation>Felt med slutdato for opgravning</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="60"/>
        <source>Receiver id field</source>
        <translation>Id-felt for modtagere</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="61"/>
        <source>Receiver kind field</source>
        <translation>Felt med modtagertype</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="62"/>
        <source>Receiver capacity field (m³)</source>
        <translation>Felt med modtagerkapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="63"/>
        <source>Highest accepted soil class field</source>
        <translation>Felt med højeste accepterede jordklasse</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="64"/>
        <source>Receiver start date field</source>
        <translation>Felt med startdato for modtager</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="65"/>
        <source>Receiver end date field</source>
        <translation>Felt med slutdato for modtager</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="66"/>
        <source>Disposal site id field</source>
        <translation>Id-felt for deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="67"/>
        <source>Gate fee field (DKK/t)</source>
        <translation>Felt med modtagegebyr (kr./t)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="68"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="77"/>
        <source>Excavations with surplus soil</source>
        <translation>Opgravninger med overskudsjord</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="79"/>
        <source>Receivers (pits, resource sites, utilisation)</source>
        <translation>Modtagere (råstofgrave, ressourcepladser, nyttiggørelsesprojekter)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="310"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="219"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="86"/>
        <source>Contaminated sites (V1/V2)</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="266"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="98"/>
        <source>Area rule</source>
        <translation>Områderegel</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="98"/>
        <source>0 – ignore area types</source>
        <translation>0 – ignorér områdetyper</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="98"/>
        <source>1 – analysis cost when crossing area types</source>
        <translation>1 – analysepris ved flytning mellem områdetyper</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="98"/>
        <source>2 – only within the same area type</source>
        <translation>2 – kun inden for samme områdetype</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="104"/>
        <source>One-way field of the roads (optional)</source>
        <translation>Ensretningsfelt i vejlaget (valgfri)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="109"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="111"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="120"/>
        <source>Road snapping tolerance (m)</source>
        <translation>Snaptolerance for veje (m)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Truck payload (t)</source>
        <translation>Lasteevne pr. lastbil (t)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Transport cost (DKK per tonne-km)</source>
        <translation>Transportpris (kr. pr. tonkilometer)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Analysis cost (DKK/t)</source>
        <translation>Analysepris (kr./t)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>CO2 per tonne-km (kg)</source>
        <translation>CO2 pr. tonkilometer (kg)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Haul to disposal without a disposal site (km)</source>
        <translation>Køreafstand til deponering uden deponeringsanlæg (km)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="124"/>
        <source>Default gate fee (DKK/t)</source>
        <translation>Standardmodtagegebyr (kr./t)</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="154"/>
        <source>{0} must be greater than zero.</source>
        <translation>{0} skal være større end nul.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="168"/>
        <source>Their soil is not matched and goes to disposal.</source>
        <translation>Deres jord matches ikke og går til deponering.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="169"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="182"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="175"/>
        <source>They accept no soil.</source>
        <translation>De modtager ingen jord.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="175"/>
        <source>They receive no soil.</source>
        <translation>De får ingen jord.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="187"/>
        <source>No excavation has a usable surplus volume. Check the volume field ({0}).</source>
        <translation>Ingen opgravning har et brugbart overskudsvolumen. Kontrollér volumenfeltet ({0}).</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="191"/>
        <source>There are no receivers with a usable capacity, so nothing can be reused. Add receivers (pits, resource sites, utilisation projects) with a capacity in m³.</source>
        <translation>Der er ingen modtagere med brugbar kapacitet, så intet kan genanvendes. Tilføj modtagere (råstofgrave, ressourcepladser, nyttiggørelsesprojekter) med en kapacitet i m³.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="195"/>
        <source>Every receiver has zero capacity: all soil goes to disposal.</source>
        <translation>Alle modtagere har kapaciteten nul: al jord går til deponering.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="222"/>
        <source>No area-type layer: every site is taken to lie in one common area type, so the area rule only applies to excavations on contaminated sites.</source>
        <translation>Intet lag med områdetyper: alle lokaliteter antages at ligge i én fælles områdetype, så områdereglen gælder kun opgravninger på kortlagt forurenede grunde.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="226"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="318"/>
        <source>No disposal site: unreused soil is hauled {0} km and charged {1} DKK/t.</source>
        <translation>Intet deponeringsanlæg: jord, der ikke genanvendes, køres {0} km og koster {1} kr./t i modtagegebyr.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="281"/>
        <source>Roads: a disposal site is reached by no road read; reading the whole road layer.</source>
        <translation>Veje: et deponeringsanlæg nås ikke ad nogen indlæst vej; hele vejlaget indlæses.</translation>
    </message>
    <message>
        <location filename="../layers/reuse_inputs.py" line="284"/>
        <source>Roads: a cheaper disposal site might be reached along roads outside the area read; reading the roads within {0} km of the excavations.</source>
        <translation>Veje: et billigere deponeringsanlæg kan måske nås ad veje uden for det indlæste område; vejene inden for {0} km af gravearbejderne indlæses.</translation>
    </message>
</context>
<context>
    <name>SampleProject</name>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Excavations (points)</source>
        <translation>Opgravninger (punkter)</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Local plans</source>
        <translation>Lokalplaner</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="30"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="69"/>
        <source>Holbæk sample</source>
        <translation>Eksempel: Holbæk</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="75"/>
        <source>The sample layer {0} could not be opened from {1}.</source>
        <translation>Eksempellaget {0} kunne ikke åbnes fra {1}.</translation>
    </message>
    <message>
        <location filename="../gui/sample_project.py" line="83"/>
        <source>Terrain (synthetic)</source>
        <translation>Terræn (syntetisk)</translation>
    </message>
</context>
<context>
    <name>ScheduleReuseAlgorithm</name>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="46"/>
        <source>Plan reuse over time with storage</source>
        <translation>Planlæg genanvendelse over tid med mellemlagring</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="56"/>
        <source>Storage sites (resource sites, soil hotels)</source>
        <translation>Mellemlagre (ressourcepladser)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="60"/>
        <source>Storage site id field</source>
        <translation>Felt med mellemlagerets id</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="60"/>
        <source>Storage capacity field (m³ on hand at most)</source>
        <translation>Felt med lagerkapacitet (m³ på lager højst)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="60"/>
        <source>Highest soil class stored field</source>
        <translation>Felt med højeste lagrede jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="60"/>
        <source>Storage start date field</source>
        <translation>Felt med mellemlagerets startdato</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="60"/>
        <source>Storage end date field</source>
        <translation>Felt med mellemlagerets slutdato</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="351"/>
        <source>Maximum dwell (months)</source>
        <translation>Længste opholdstid (måneder)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="76"/>
        <source>Handling cost per tonne into storage, loading out included (DKK/t)</source>
        <translation>Håndteringspris pr. ton ind på mellemlager, udlæsning medregnet (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="80"/>
        <source>Storage cost per tonne on hand at a month&apos;s end (DKK/t)</source>
        <translation>Pris for mellemlagring pr. ton på lager ved månedens udgang (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="93"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-filer (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="374"/>
        <source>Reused (m³)</source>
        <translation>Genanvendt (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="375"/>
        <source>To disposal (m³)</source>
        <translation>Til deponering (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="377"/>
        <source>Cost (DKK)</source>
        <translation>Omkostning (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="378"/>
        <source>Haul (tonne-km)</source>
        <translation>Transportarbejde (tonkm)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="379"/>
        <source>CO2 (kg)</source>
        <translation>CO2 (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="96"/>
        <source>Reused without storage (m³)</source>
        <translation>Genanvendt uden mellemlagring (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="96"/>
        <source>Cost without storage (DKK)</source>
        <translation>Omkostning uden mellemlagring (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="96"/>
        <source>Haul without storage (tonne-km)</source>
        <translation>Transportarbejde uden mellemlagring (tonkm)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="96"/>
        <source>CO2 without storage (kg)</source>
        <translation>CO2 uden mellemlagring (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="132"/>
        <source>Planning {0} excavation(s), {1} receiver(s) and {2} storage site(s) month by month…</source>
        <translation>Planlægger {0} opgravning(er), {1} modtager(e) og {2} mellemlager/-lagre måned for måned …</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="167"/>
        <source>The maximum dwell and the storage costs must be zero or more.</source>
        <translation>Den længste opholdstid og priserne for mellemlagring skal være nul eller mere.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="170"/>
        <source>Maximum dwell 0 months: soil cannot be stored, so the plan is the plan without storage.</source>
        <translation>Længste opholdstid 0 måneder: jord kan ikke mellemlagres, så planen er planen uden mellemlagring.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="185"/>
        <source>No storage sites: the plan is the plan without storage.</source>
        <translation>Ingen mellemlagre: planen er planen uden mellemlagring.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="393"/>
        <source>Storage sites</source>
        <translation>Mellemlagre</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="189"/>
        <source>They store no soil.</source>
        <translation>De mellemlagrer ingen jord.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="209"/>
        <source>No excavation or receiver has a start or end date, so there is no time to plan. Give the date fields, or use Find short-haul reuse matches.</source>
        <translation>Ingen opgravning eller modtager har en start- eller slutdato, så der er ingen tid at planlægge. Angiv datofelterne, eller brug Find genanvendelse med kort køreafstand.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="215"/>
        <source>The dates span {0} months, more than 20 years: check the dates of the first and last sites ({1}).</source>
        <translation>Datoerne spænder over {0} måneder, mere end 20 år: kontrollér datoerne for de første og sidste lokaliteter ({1}).</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="220"/>
        <source>The optimiser could not find the optimal plan: {0}</source>
        <translation>Optimeringen kunne ikke finde den optimale plan: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="231"/>
        <source>{0} receiver(s) are open in no month and take no soil: {1}</source>
        <translation>{0} modtager(e) er åbne i ingen måned og modtager ingen jord: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="236"/>
        <source>{0} storage site(s) are open in no month of the plan and store nothing: {1}</source>
        <translation>{0} mellemlager/-lagre er åbne i ingen af planens måneder og mellemlagrer intet: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="241"/>
        <source>{0} storage site(s) have no room (capacity 0) or no highest soil class and store nothing: {1}</source>
        <translation>{0} mellemlager/-lagre har ingen plads (kapacitet 0) eller ingen højeste jordklasse og mellemlagrer intet: {1}</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="246"/>
        <source>Horizon: {0} to {1}, {2} month(s).</source>
        <translation>Planperiode: {0} til {1}, {2} måned(er).</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="371"/>
        <source>With storage</source>
        <translation>Med mellemlagring</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="372"/>
        <source>Without storage</source>
        <translation>Uden mellemlagring</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="253"/>
        <source>{0}: {1} {2} variables, {3} rows; gap to the dual bound {4} DKK.</source>
        <translation>{0}: {1} {2} variable, {3} rækker; afstand til den duale grænse {4} kr.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="258"/>
        <source>Reused {0} m³ with storage against {1} m³ without; cost {2} DKK against {3} DKK ({4} DKK saved); {5} t through storage.</source>
        <translation>Genanvendt {0} m³ med mellemlagring mod {1} m³ uden; omkostning {2} kr. mod {3} kr. ({4} kr. sparet); {5} t gennem mellemlagre.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Contaminated sites</source>
        <translation>Kortlagt forurenede grunde</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="338"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="349"/>
        <source>Area rule</source>
        <translation>Områderegel</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="350"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="352"/>
        <source>Handling cost (DKK/t)</source>
        <translation>Håndteringspris (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="353"/>
        <source>Storage cost (DKK/t per month)</source>
        <translation>Pris for mellemlagring (kr./t pr. måned)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="354"/>
        <source>Transport cost (DKK per tonne-km)</source>
        <translation>Transportpris (kr. pr. tonkilometer)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="355"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="368"/>
        <source>Reuse over time with storage</source>
        <translation>Genanvendelse over tid med mellemlagring</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="369"/>
        <source>Generated {0}</source>
        <translation>Genereret {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="370"/>
        <source>The plan with storage against the same plan without</source>
        <translation>Planen med mellemlagring mod samme plan uden</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="373"/>
        <source>Difference</source>
        <translation>Forskel</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="376"/>
        <source>Reuse share</source>
        <translation>Genanvendt andel</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="380"/>
        <source>Through storage (t)</source>
        <translation>Gennem mellemlager (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="381"/>
        <source>Months {0} to {1} ({2} months)</source>
        <translation>Månederne {0} til {1} ({2} måneder)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="382"/>
        <source>HiGHS proved the plan optimal: gap between its cost and the dual bound {0} DKK; {1} variables, {2} rows.</source>
        <translation>HiGHS har bevist, at planen er optimal: afstanden mellem dens omkostning og den duale grænse er {0} kr.; {1} variable, {2} rækker.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="384"/>
        <source>{0} pp</source>
        <translation>{0} procentpoint</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="385"/>
        <source>Stock at each storage site (t, at month end)</source>
        <translation>Beholdning på hvert mellemlager (t, ved månedsafslutning)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="386"/>
        <source>The {0} sites with the highest peaks of {1} are drawn; all are in the table.</source>
        <translation>De {0} mellemlagre med den største beholdning af {1} er tegnet; alle står i tabellen.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="388"/>
        <source>Soil moved per month by leg (t)</source>
        <translation>Flyttet jord pr. måned efter strækning (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="389"/>
        <source>Soil reused per month, with and without storage (t)</source>
        <translation>Genanvendt jord pr. måned, med og uden mellemlagring (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="390"/>
        <source>Direct to receivers</source>
        <translation>Direkte til modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="391"/>
        <source>From storage to receivers</source>
        <translation>Fra mellemlager til modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="392"/>
        <source>Into storage</source>
        <translation>Til mellemlager</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="392"/>
        <source>To disposal</source>
        <translation>Til deponering</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="394"/>
        <source>Site</source>
        <translation>Mellemlager</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="395"/>
        <source>Capacity (t)</source>
        <translation>Kapacitet (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="396"/>
        <source>Peak stock (t)</source>
        <translation>Største beholdning (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="397"/>
        <source>Throughput (t)</source>
        <translation>Gennemløb (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="398"/>
        <source>Mean dwell (months)</source>
        <translation>Gennemsnitlig opholdstid (måneder)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="399"/>
        <source>Value of 1 m³ more room (DKK)</source>
        <translation>Værdi af 1 m³ mere plads (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="400"/>
        <source>No soil goes through storage in the optimal plan.</source>
        <translation>Ingen jord går gennem et mellemlager i den optimale plan.</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="401"/>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="402"/>
        <source>Tonnes</source>
        <translation>Tons</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="403"/>
        <source>Inputs</source>
        <translation>Inddata</translation>
    </message>
    <message>
        <location filename="../algorithms/schedule_reuse.py" line="404"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
</context>
<context>
    <name>SitingMessages</name>
    <message>
        <location filename="../algorithms/siting_messages.py" line="19"/>
        <source>{0} excavation(s) with {1} m³ lie farther than {2} km from every candidate and are left out of the choice: {3}</source>
        <translation>{0} opgravning(er) med {1} m³ ligger længere end {2} km fra alle kandidater og udelades af valget: {3}</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="31"/>
        <source>{0} excavation(s), {1} candidate(s), {2} pair(s) within the maximum haul.</source>
        <translation>{0} opgravning(er), {1} kandidat(er), {2} par inden for den maksimale køreafstand.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="36"/>
        <source>Greedy add and swap: a first choice of {0} tonne-km.</source>
        <translation>Grådig tilføjelse og ombytning: et første valg på {0} tonkm.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="39"/>
        <source>Lagrangian bound {0} tonne-km: {1} candidate(s) ruled out, {2} certain to open, {3} left to choose from.</source>
        <translation>Lagrange-grænse {0} tonkm: {1} kandidat(er) udelukket, {2} åbnes med sikkerhed, {3} tilbage at vælge imellem.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="44"/>
        <source>HiGHS: {0} LP and {1} MIP solve(s) of the Benders master, {2} s.</source>
        <translation>HiGHS: {0} LP- og {1} MIP-løsning(er) af Benders-hovedproblemet, {2} s.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="55"/>
        <source>Other choices have the same total; the one with the smallest ids is shown.</source>
        <translation>Andre valg har samme total; valget med de mindste id'er vises.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="59"/>
        <source>Proven optimal: total {0} tonne-km (haul {1}, opening costs {2}), lower bound {3}, gap 0.</source>
        <translation>Bevist optimalt: i alt {0} tonkm (kørsel {1}, etableringsomkostninger {2}), nedre grænse {3}, gab 0.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="64"/>
        <source>The time limit stopped the search before the proof: the best choice found totals {0} tonne-km and no choice totals less than {1}, a gap of {2}. Raise the time limit for the proven optimum.</source>
        <translation>Tidsgrænsen standsede søgningen før beviset: det bedste fundne valg giver i alt {0} tonkm, og intet valg giver under {1}, et gab på {2}. Hæv tidsgrænsen for at få det beviste optimum.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="77"/>
        <source>{0}: these ids occur more than once: {1}. Each candidate needs its own id.</source>
        <translation>{0}: disse id'er optræder mere end én gang: {1}. Hver kandidat skal have sit eget id.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="80"/>
        <source>{0}: these excavations have no positive volume: {1}. Give them their surplus in m³ or leave them out.</source>
        <translation>{0}: disse opgravninger har ingen positiv volumen: {1}. Angiv deres overskud i m³, eller udelad dem.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="84"/>
        <source>capacity</source>
        <translation>kapacitet</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="84"/>
        <source>opening cost</source>
        <translation>etableringsomkostning</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="86"/>
        <source>{0}: these candidates have a missing or negative {1}: {2}.</source>
        <translation>{0}: disse kandidater har en manglende eller negativ {1}: {2}.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="89"/>
        <source>{0}: no excavation lies within {1} km of these candidates: {2}. Leave them out or raise the maximum haul.</source>
        <translation>{0}: ingen opgravning ligger inden for {1} km af disse kandidater: {2}. Udelad dem, eller hæv den maksimale køreafstand.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="94"/>
        <source>No excavation lies within {0} km of any candidate.</source>
        <translation>Ingen opgravning ligger inden for {0} km af nogen kandidat.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="97"/>
        <source>{0} sites asked for, but there are only {1} candidates.</source>
        <translation>Der er bedt om {0} pladser, men der er kun {1} kandidater.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="100"/>
        <source>{0} sites asked for, but the {1} existing sites stay open and count among them: {2}. Ask for at least {1}.</source>
        <translation>Der er bedt om {0} pladser, men de {1} eksisterende pladser forbliver åbne og tæller med: {2}. Bed om mindst {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="107"/>
        <source>No choice of {0} sites reaches every excavation within {1} km (with room for its soil). Ask for more sites or raise the maximum haul; the site-count table shows which counts can.</source>
        <translation>Intet valg af {0} pladser når alle opgravninger inden for {1} km (med plads til deres jord). Bed om flere pladser, eller hæv den maksimale køreafstand; tabellen over antal pladser viser, hvilke antal der kan.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="112"/>
        <source>The time limit of {0} s passed before any choice serving every excavation was found. Raise the time limit.</source>
        <translation>Tidsgrænsen på {0} s udløb, før der blev fundet et valg, der betjener alle opgravninger. Hæv tidsgrænsen.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="116"/>
        <source>The optimiser stopped: {0}</source>
        <translation>Optimeringen standsede: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="122"/>
        <source>The candidates within the maximum haul can hold at most {0} of the {1} m³; {2} m³ has nowhere to go. Add capacity near those excavations or raise the maximum haul.</source>
        <translation>Kandidaterne inden for den maksimale køreafstand kan højst rumme {0} af de {1} m³; {2} m³ har intet sted at gå hen. Tilføj kapacitet nær disse opgravninger, eller hæv den maksimale køreafstand.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="128"/>
        <source>All candidates together hold {0} m³, {1} m³ short of the {2} m³ of the excavations.</source>
        <translation>Alle kandidater rummer tilsammen {0} m³, {1} m³ for lidt til opgravningernes {2} m³.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="132"/>
        <source>Even the {0} largest candidates hold only {1} m³, {2} m³ short of the {3} m³ of the excavations. Ask for more sites.</source>
        <translation>Selv de {0} største kandidater rummer kun {1} m³, {2} m³ for lidt til opgravningernes {3} m³. Bed om flere pladser.</translation>
    </message>
    <message>
        <location filename="../algorithms/siting_messages.py" line="49"/>
        <source>The {0} site(s) still undecided: every one of the {1} choice(s) of them bounded, {2} priced exactly; none of the others can total less.</source>
        <translation>De {0} pladser, der stadig ikke er afgjort: hvert af de {1} valg af dem har fået en grænse, {2} er prissat nøjagtigt; ingen af de øvrige kan give en lavere total.</translation>
    </message>
</context>
<context>
    <name>SoilBalanceAlgorithm</name>
    <message>
        <location filename="../algorithms/soil_balance.py" line="260"/>
        <source>Soil balance by planning area</source>
        <translation>Jordbalance pr. planområde</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="248"/>
        <source>Planning areas</source>
        <translation>Planområder</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="60"/>
        <source>Area id field</source>
        <translation>Felt med område-id</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="63"/>
        <source>Excavations (surplus soil)</source>
        <translation>Opgravninger (overskudsjord)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="69"/>
        <source>Volume field (m³)</source>
        <translation>Felt med volumen (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="71"/>
        <source>Excavation start date field</source>
        <translation>Felt med startdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="73"/>
        <source>Excavation end date field</source>
        <translation>Felt med slutdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="75"/>
        <source>Soil class field</source>
        <translation>Felt med jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="174"/>
        <source>Highest soil class counted as clean</source>
        <translation>Højeste jordklasse, der regnes som ren</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="81"/>
        <source>Share of clean soil replacing raw materials (0–1)</source>
        <translation>Andel ren jord, der erstatter råstoffer (0–1)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="85"/>
        <source>Receivers (demand)</source>
        <translation>Modtagere (behov)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="91"/>
        <source>Capacity field (m³)</source>
        <translation>Felt med kapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="93"/>
        <source>Receiver start date field</source>
        <translation>Felt med startdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="95"/>
        <source>Receiver end date field</source>
        <translation>Felt med slutdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="104"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-filer (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="268"/>
        <source>Surplus (m³)</source>
        <translation>Overskud (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="269"/>
        <source>Demand (m³)</source>
        <translation>Behov (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="270"/>
        <source>Balance (m³)</source>
        <translation>Balance (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="272"/>
        <source>Raw-material substitute (m³)</source>
        <translation>Erstatning for råstoffer (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="107"/>
        <source>Surplus outside every area (m³)</source>
        <translation>Overskud uden for alle områder (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="107"/>
        <source>Demand outside every area (m³)</source>
        <translation>Behov uden for alle områder (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="211"/>
        <source>The planning-area layer has no polygons. Add the local plans, municipalities or zones to balance and run again.</source>
        <translation>Laget med planområder har ingen polygoner. Tilføj de lokalplaner, kommuner eller zoner, der skal gøres op, og kør igen.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="273"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="274"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="174"/>
        <source>Share of clean soil replacing raw materials</source>
        <translation>Andel ren jord, der erstatter råstoffer</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="174"/>
        <source>Metric CRS</source>
        <translation>Metrisk koordinatsystem</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="242"/>
        <source>{0}: {1} site(s) without a usable date window are counted as undated.</source>
        <translation>{0}: {1} lokalitet(er) uden brugbar datoperiode regnes som udateret.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="261"/>
        <source>Generated {0}</source>
        <translation>Genereret {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="262"/>
        <source>Summary</source>
        <translation>Sammenfatning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="263"/>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="264"/>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="265"/>
        <source>undated</source>
        <translation>udateret</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="266"/>
        <source>outside every area</source>
        <translation>uden for alle områder</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="267"/>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="271"/>
        <source>Self-sufficiency</source>
        <translation>Selvforsyningsgrad</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="275"/>
        <source>Balance per area (surplus − demand)</source>
        <translation>Balance pr. område (overskud − behov)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="276"/>
        <source>The {0} areas with the largest balances of {1} are shown.</source>
        <translation>De {0} af {1} områder med de største balancer vises.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="278"/>
        <source>Surplus-soil prognosis per year</source>
        <translation>Prognose for overskudsjord pr. år</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="279"/>
        <source>Balance per area</source>
        <translation>Balance pr. område</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="280"/>
        <source>Prognosis per year, all areas</source>
        <translation>Prognose pr. år, alle områder</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="281"/>
        <source>The first {0} of {1} rows (largest balances first); every row is in the table output.</source>
        <translation>De første {0} af {1} rækker (største balancer først); alle rækker findes i tabelresultatet.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="283"/>
        <source>Inputs</source>
        <translation>Inddata</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="284"/>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="285"/>
        <source>Balance = surplus − demand: positive where soil must leave the area, negative where the area can receive more than it produces. Self-sufficiency is the share of an area's surplus it can place itself.</source>
        <translation>Balance = overskud − behov: positiv, hvor jord skal ud af området, negativ, hvor området kan modtage mere, end det selv producerer. Selvforsyningsgraden er den andel af et områdes overskud, som det selv kan placere.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="66"/>
        <source>Excavation id field (names sites in the log)</source>
        <translation>Id-felt for opgravninger (navngiver lokaliteter i loggen)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="88"/>
        <source>Receiver id field (names sites in the log)</source>
        <translation>Id-felt for modtagere (navngiver lokaliteter i loggen)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="128"/>
        <source>Their volume is counted as undated.</source>
        <translation>Deres volumen regnes som udateret.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="129"/>
        <source>They are not counted as clean soil.</source>
        <translation>De regnes ikke som ren jord.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="217"/>
        <source>Each area is balanced on its own, but their rows in the yearly table carry the same id.</source>
        <translation>Hvert område gøres op for sig, men deres rækker i årstabellen har samme id.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="187"/>
        <source>Surplus {0} m³, demand {1} m³, balance {2} m³ over {3} area(s); outside every area: surplus {4} m³, demand {5} m³.</source>
        <translation>Overskud {0} m³, behov {1} m³, balance {2} m³ i {3} område(r); uden for alle områder: overskud {4} m³, behov {5} m³.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_balance.py" line="230"/>
        <source>Planning areas overlap ({0} pair(s)): a site in several is counted in each, and the totals count it once per area: ids {1}.</source>
        <translation>Planområder overlapper ({0} par): en lokalitet i flere tælles i hvert, og totalerne tæller den én gang pr. område: id {1}.</translation>
    </message>
</context>
<context>
    <name>SoilManagementPlanAlgorithm</name>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="80"/>
        <source>Soil management plan for a project</source>
        <translation>Jordhåndteringsplan for et projekt</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="89"/>
        <source>Polygon id field</source>
        <translation>Felt med polygon-id</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="90"/>
        <source>Polygon name field</source>
        <translation>Felt med polygonnavn</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="91"/>
        <source>Soil class field</source>
        <translation>Felt med jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="92"/>
        <source>Soil type field</source>
        <translation>Felt med jordtype</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="93"/>
        <source>Excavation start date field</source>
        <translation>Felt med startdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="94"/>
        <source>Excavation end date field</source>
        <translation>Felt med slutdato for opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="95"/>
        <source>Receiver id field</source>
        <translation>Id-felt for modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="96"/>
        <source>Receiver kind field</source>
        <translation>Felt med modtagertype</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="97"/>
        <source>Receiver capacity field (m³)</source>
        <translation>Felt med modtagerkapacitet (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="98"/>
        <source>Highest accepted soil class field</source>
        <translation>Felt med højeste accepterede jordklasse</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="99"/>
        <source>Receiver start date field</source>
        <translation>Felt med startdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="100"/>
        <source>Receiver end date field</source>
        <translation>Felt med slutdato for modtager</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="101"/>
        <source>Disposal site id field</source>
        <translation>Id-felt for deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="102"/>
        <source>Gate fee field (DKK/t)</source>
        <translation>Felt med modtagegebyr (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="103"/>
        <source>Area type field</source>
        <translation>Felt med områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="104"/>
        <source>Regional plan: excavation id field</source>
        <translation>Regional plan: felt med opgravnings-id</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="105"/>
        <source>Regional plan: receiver id field</source>
        <translation>Regional plan: felt med modtager-id</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="106"/>
        <source>Regional plan: tonnes field</source>
        <translation>Regional plan: felt med tons</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="115"/>
        <source>Project polygons (one building project, or a selection)</source>
        <translation>Projektpolygoner (ét byggeprojekt eller et udvalg)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="118"/>
        <source>Terrain model (DEM, metres)</source>
        <translation>Terrænmodel (DEM, meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="120"/>
        <source>Planned surface (raster, metres)</source>
        <translation>Planlagt flade (raster, meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="122"/>
        <source>Planned level field (metres)</source>
        <translation>Felt med planlagt kote (meter)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="337"/>
        <source>Area types</source>
        <translation>Områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="126"/>
        <source>Contaminated sites (V1/V2)</source>
        <translation>Kortlagt forurenede grunde (V1/V2)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="126"/>
        <source>Receivers (pits, resource sites, utilisation)</source>
        <translation>Modtagere (råstofgrave, ressourcepladser, nyttiggørelsesprojekter)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="337"/>
        <source>Disposal sites</source>
        <translation>Deponeringsanlæg</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="126"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="126"/>
        <source>Regional plan (reuse matches of Find short-haul reuse matches)</source>
        <translation>Regional plan (genanvendelsesmatch fra Find genanvendelse med kort køreafstand)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="142"/>
        <source>Options per excavation</source>
        <translation>Muligheder pr. opgravning</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="144"/>
        <source>Project name (title of the plan)</source>
        <translation>Projektnavn (planens titel)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="146"/>
        <source>Area rule</source>
        <translation>Områderegel</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="146"/>
        <source>0 – ignore area types</source>
        <translation>0 – ignorér områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="146"/>
        <source>1 – analysis cost when crossing area types</source>
        <translation>1 – analysepris ved flytning mellem områdetyper</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="146"/>
        <source>2 – only within the same area type</source>
        <translation>2 – kun inden for samme områdetype</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="152"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="153"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="156"/>
        <source>Road snapping tolerance (m)</source>
        <translation>Snaptolerance for veje (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Truck payload (t)</source>
        <translation>Lasteevne pr. lastbil (t)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Transport cost (DKK per tonne-km)</source>
        <translation>Transportpris (kr. pr. tonkilometer)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Analysis cost (DKK/t)</source>
        <translation>Analysepris (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>CO2 per tonne-km (kg)</source>
        <translation>CO2 pr. tonkilometer (kg)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Haul to disposal without a disposal site (km)</source>
        <translation>Køreafstand til deponering uden deponeringsanlæg (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Default gate fee (DKK/t)</source>
        <translation>Standardmodtagegebyr (kr./t)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Tonnes per sample, classified area without suspicion</source>
        <translation>Tons pr. prøve, områdeklassificeret areal uden mistanke</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Tonnes per sample, suspected or mapped site</source>
        <translation>Tons pr. prøve, mistænkt eller kortlagt areal</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="159"/>
        <source>Price per soil analysis (DKK)</source>
        <translation>Pris pr. jordanalyse (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="184"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-filer (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="186"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Total cut (m³)</source>
        <translation>Samlet afgravning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Total fill (m³)</source>
        <translation>Samlet opfyldning (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Total surplus in situ (m³)</source>
        <translation>Samlet overskud i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Level shift balancing the project (m)</source>
        <translation>Koteforskydning, der balancerer projektet (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Soil samples</source>
        <translation>Jordprøver</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="189"/>
        <source>Sampling cost (DKK)</source>
        <translation>Pris for prøvetagning (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="351"/>
        <source>Project polygons</source>
        <translation>Projektpolygoner</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="230"/>
        <source>The project layer has no polygons with a geometry: there is nothing to plan.</source>
        <translation>Projektlaget har ingen polygoner med geometri: der er intet at planlægge.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="323"/>
        <source>{0} must be greater than zero.</source>
        <translation>{0} skal være større end nul.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="336"/>
        <source>Receivers</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="338"/>
        <source>Regional plan</source>
        <translation>Regional plan</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="370"/>
        <source>A raster could not be read: {0}</source>
        <translation>Et raster kunne ikke læses: {0}</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="383"/>
        <source>{0} polygon(s) have no cell with terrain data, so no balanced level (balanced_level_m is NULL; balance_note says why): ids {1}.</source>
        <translation>{0} polygon(er) har ingen celle med terrændata og derfor ingen balanceret kote (balanced_level_m er NULL; balance_note siger hvorfor): id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="399"/>
        <source>No receivers given: the options catalogue shows disposal only.</source>
        <translation>Ingen modtagere angivet: mulighedskataloget viser kun deponering.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="404"/>
        <source>{0} batch(es) have no receiver within reach that accepts them; disposal only: ids {1}.</source>
        <translation>{0} parti(er) har ingen modtager inden for rækkevidde, der tager dem; kun deponering: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="411"/>
        <source>Regional plan: {0} flow(s) use no arc allowed under this run&apos;s rules (class, haul, window, area rule) and are priced as disposal: {1}.</source>
        <translation>Regional plan: {0} strøm(me) bruger ingen forbindelse, som kørslens regler tillader (klasse, afstand, periode, områderegel), og prissættes som deponering: {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="388"/>
        <source>Changing every planned level by {0} m balances the project: cut equals fill at {1} m³.</source>
        <translation>Ændres alle planlagte koter med {0} m, balancerer projektet: afgravning er lig opfyldning ved {1} m³.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="418"/>
        <source>Project: cut {0} m³, fill {1} m³; surplus {2} m³ in {3} batch(es), of which the project's own deficits can take {4} m³.</source>
        <translation>Projekt: afgravning {0} m³, opfyldning {1} m³; overskud {2} m³ i {3} parti(er), hvoraf projektets egne underskud kan optage {4} m³.</translation>
    </message>
    <message>
        <location filename="../algorithms/soil_management_plan.py" line="423"/>
        <source>Sampling: {0} sample(s), {1} DKK.</source>
        <translation>Prøvetagning: {0} prøve(r), {1} kr.</translation>
    </message>
</context>
<context>
    <name>Solver</name>
    <message>
        <location filename="../layers/solver.py" line="18"/>
        <source>Nothing to optimise: no excavation–receiver pair is both allowed and cheaper than disposal, so all soil goes to disposal.</source>
        <translation>Intet at optimere: intet par af opgravning og modtager er både tilladt og billigere end deponering, så al jord går til deponering.</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="22"/>
        <source>HiGHS proved the plan optimal: total cost {0} DKK, {1} LP solve(s).</source>
        <translation>HiGHS har bevist, at planen er optimal: samlet omkostning {0} kr., {1} LP-løsning(er).</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="25"/>
        <source>HiGHS ended with status &quot;{0}&quot; after {1} LP solve(s).</source>
        <translation>HiGHS sluttede med status &quot;{0}&quot; efter {1} LP-løsning(er).</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="32"/>
        <source>HiGHS reached its iteration limit before the optimum. Lower the maximum haul or split the area, and run again.</source>
        <translation>HiGHS nåede sin grænse for iterationer før optimum. Sænk den maksimale køreafstand, eller del området op, og kør igen.</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="35"/>
        <source>HiGHS found the problem infeasible: no plan meets every capacity. Check for negative or impossible capacities.</source>
        <translation>HiGHS fandt problemet uløseligt: ingen plan overholder alle kapaciteter. Kontrollér, om der er negative eller umulige kapaciteter.</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="37"/>
        <source>HiGHS found the problem unbounded: some cost or price is negative. Check the prices and gate fees.</source>
        <translation>HiGHS fandt problemet ubegrænset: en omkostning eller pris er negativ. Kontrollér priserne og modtagegebyrerne.</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="39"/>
        <source>HiGHS met numerical difficulties. Check for volumes or capacities many orders of magnitude apart (a typing error such as 1e15 m³).</source>
        <translation>HiGHS løb ind i numeriske vanskeligheder. Kontrollér, om mængder eller kapaciteter ligger mange størrelsesordener fra hinanden (en tastefejl som 1e15 m³).</translation>
    </message>
    <message>
        <location filename="../layers/solver.py" line="43"/>
        <source>HiGHS stopped without an optimum.</source>
        <translation>HiGHS stoppede uden at finde optimum.</translation>
    </message>
</context>
<context>
    <name>Styles</name>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>1 Clean soil</source>
        <translation>1 Ren jord</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>2 Lightly contaminated soil</source>
        <translation>2 Lettere forurenet jord</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>3 Contaminated soil</source>
        <translation>3 Forurenet jord</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>3 m (cut)</source>
        <translation>3 m (afgravning)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Access road</source>
        <translation>Adgangsvej</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Agricultural area</source>
        <translation>Landbrugsområde</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>All reused</source>
        <translation>Alt genanvendt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Deficit 1,000–10,000 m³</source>
        <translation>Underskud 1.000–10.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Deficit 10,000–50,000 m³</source>
        <translation>Underskud 10.000–50.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Deficit over 50,000 m³</source>
        <translation>Underskud over 50.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Fill 1,000–10,000 m³</source>
        <translation>Opfyldning 1.000–10.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Fill over 10,000 m³</source>
        <translation>Opfyldning over 10.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Fill under 1,000 m³</source>
        <translation>Opfyldning under 1.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Filled</source>
        <translation>Fyldt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>In balance (±1,000 m³)</source>
        <translation>I balance (±1.000 m³)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Industrial area</source>
        <translation>Erhvervsområde</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Less than half filled</source>
        <translation>Under halvt fyldt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Less than half reused</source>
        <translation>Under halvdelen genanvendt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Line width: volume in situ (m³)</source>
        <translation>Linjebredde: mængde i fast mål (m³)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Local road</source>
        <translation>Lokalvej</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>More than half filled</source>
        <translation>Over halvt fyldt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>More than half reused</source>
        <translation>Over halvdelen genanvendt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Motorway</source>
        <translation>Motorvej</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Not used</source>
        <translation>Ikke brugt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Nothing reused</source>
        <translation>Intet genanvendt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Other (suspected of contamination)</source>
        <translation>Andet (mistanke om forurening)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Other receiver</source>
        <translation>Anden modtager</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Raw-material pit</source>
        <translation>Råstofgrav</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Regional road</source>
        <translation>Landevej</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Resource site</source>
        <translation>Ressourceplads</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Surplus 1,000–10,000 m³</source>
        <translation>Overskud 1.000–10.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Surplus 10,000–50,000 m³</source>
        <translation>Overskud 10.000–50.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Surplus over 10,000 m³</source>
        <translation>Overskud over 10.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Surplus over 50,000 m³</source>
        <translation>Overskud over 50.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Surplus under 1,000 m³</source>
        <translation>Overskud under 1.000 m³</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Urban area</source>
        <translation>Byområde</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Utilisation project</source>
        <translation>Nyttiggørelsesprojekt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>V1: polluting activities known</source>
        <translation>V1: viden om forurenende aktiviteter</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>V2: contamination known</source>
        <translation>V2: viden om forurening</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>over 30 km</source>
        <translation>over 30 km</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>−3 m (fill)</source>
        <translation>−3 m (opfyldning)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Best option (rank 1)</source>
        <translation>Bedste mulighed (nr. 1)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Cheapest disposal</source>
        <translation>Billigste deponering</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Further options</source>
        <translation>Øvrige muligheder</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Options 2–3</source>
        <translation>Mulighed 2–3</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Direct to receiver</source>
        <translation>Direkte til modtager</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>From storage</source>
        <translation>Fra mellemlager</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Into storage</source>
        <translation>Til mellemlager</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>To disposal</source>
        <translation>Til deponering</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Full: more room would pay</source>
        <translation>Fuld: mere plads betaler sig</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Used</source>
        <translation>I brug</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Soil class not accepted</source>
        <translation>Jordklasse ikke tilladt</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Unknown excavation or receiver</source>
        <translation>Ukendt opgravning eller modtager</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Over capacity or more than excavated</source>
        <translation>Over kapacitet eller mere end opgravet</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Impossible travel</source>
        <translation>Umulig kørsel</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Across area types without analysis</source>
        <translation>På tværs af områdetyper uden analyse</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Other flags</source>
        <translation>Andre flag</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>No flag</source>
        <translation>Uden flag</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Risk 0 (no flag)</source>
        <translation>Risiko 0 (uden flag)</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Risk 0–20</source>
        <translation>Risiko 0–20</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Risk 20–50</source>
        <translation>Risiko 20–50</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Risk 50–100</source>
        <translation>Risiko 50–100</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Existing site</source>
        <translation>Eksisterende plads</translation>
    </message>
    <message>
        <location filename="../layers/legend.py" line="36"/>
        <source>Suggested new site</source>
        <translation>Foreslået ny plads</translation>
    </message>
</context>
<context>
    <name>SuggestResourceSitesAlgorithm</name>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="39"/>
        <source>Suggest resource site locations</source>
        <translation>Foreslå placering af ressourcepladser</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="183"/>
        <source>Candidate sites</source>
        <translation>Kandidatpladser</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="51"/>
        <source>Candidate id field</source>
        <translation>Id-felt for kandidater</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="53"/>
        <source>Excavations with surplus soil</source>
        <translation>Opgravninger med overskudsjord</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="55"/>
        <source>Excavation id field</source>
        <translation>Id-felt for opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="56"/>
        <source>Surplus volume field (m³, in situ)</source>
        <translation>Felt med overskudsvolumen (m³, fast mål)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="58"/>
        <source>Number of sites</source>
        <translation>Antal pladser</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="60"/>
        <source>Capacity field of the candidates (m³, optional)</source>
        <translation>Kandidaternes kapacitetsfelt (m³, valgfrit)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="60"/>
        <source>Existing-site field of the candidates (yes/no, optional)</source>
        <translation>Felt for eksisterende plads (ja/nej, valgfrit)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="60"/>
        <source>Opening cost field of the candidates (DKK, optional)</source>
        <translation>Felt med etableringsomkostning (kr., valgfrit)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="68"/>
        <source>Maximum haul (km)</source>
        <translation>Maksimal køreafstand (km)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="70"/>
        <source>Roads</source>
        <translation>Veje</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="72"/>
        <source>Detour factor (road / straight distance, without roads)</source>
        <translation>Omvejsfaktor (vejafstand / luftlinje, uden veje)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="76"/>
        <source>Road snapping tolerance (m)</source>
        <translation>Snaptolerance for veje (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="79"/>
        <source>Bulk density (t/m³)</source>
        <translation>Densitet (t/m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="81"/>
        <source>Transport cost (DKK per tonne-km)</source>
        <translation>Transportpris (kr. pr. tonkilometer)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="84"/>
        <source>Time limit per site count (s; 0 = none)</source>
        <translation>Tidsgrænse pr. antal pladser (s; 0 = ingen)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="95"/>
        <source>Haul (tonne-km)</source>
        <translation>Transportarbejde (tonkm)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="95"/>
        <source>Opening costs (DKK)</source>
        <translation>Etableringsomkostninger (kr.)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="95"/>
        <source>Optimality gap</source>
        <translation>Optimalitetsgab</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="95"/>
        <source>Sites open</source>
        <translation>Åbne pladser</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="95"/>
        <source>Soil beyond the maximum haul (m³)</source>
        <translation>Jord uden for den maksimale køreafstand (m³)</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="169"/>
        <source>{0} must be greater than zero.</source>
        <translation>{0} skal være større end nul.</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="190"/>
        <source>{0}: the layer has no features with a geometry.</source>
        <translation>{0}: laget har ingen objekter med geometri.</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="221"/>
        <source>Excavations</source>
        <translation>Opgravninger</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="229"/>
        <source>No excavation has a usable surplus volume. Check the volume field ({0}).</source>
        <translation>Ingen opgravning har et brugbart overskudsvolumen. Kontrollér volumenfeltet ({0}).</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="241"/>
        <source>No roads given: straight lines × {0}.</source>
        <translation>Ingen veje angivet: rette linjer × {0}.</translation>
    </message>
    <message>
        <location filename="../algorithms/suggest_resource_sites.py" line="250"/>
        <source>{0} excavation-candidate pair(s) lie on separate parts of the road network and have no road path; they are left out.</source>
        <translation>{0} par af opgravning og kandidat ligger på adskilte dele af vejnettet og har ingen vejforbindelse; de udelades.</translation>
    </message>
</context>
<context>
    <name>TerrainInputsMixin</name>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="22"/>
        <source>The DEM {0} is not a raster file (it comes from {1}). Save it as a GeoTIFF first.</source>
        <translation>Terrænmodellen {0} er ikke en rasterfil (den kommer fra {1}). Gem den først som GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="41"/>
        <source>Give the planned surface: either a raster of planned levels or a field with each excavation&apos;s planned level in metres (for example planned_level_m).</source>
        <translation>Angiv den planlagte flade: enten en raster med planlagte koter eller et felt med hver opgravnings planlagte kote i meter (fx planned_level_m).</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="45"/>
        <source>Both a planned surface raster and a level field were given; the raster is used and the field ignored.</source>
        <translation>Der er angivet både en raster med den planlagte flade og et kotefelt; rasteren bruges, og feltet ignoreres.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="53"/>
        <source>The DEM {0} has no coordinate reference system, so its cells have no known area. Assign its CRS (for DHM: EPSG:25832, ETRS89 / UTM 32N) with Raster ▸ Projections ▸ Assign Projection, and run again.</source>
        <translation>Terrænmodellen {0} har intet koordinatsystem, så dens cellers areal er ukendt. Tildel den et koordinatsystem (for DHM: EPSG:25832, ETRS89 / UTM 32N) med Raster ▸ Projektioner ▸ Tildel projektion, og kør igen.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="56"/>
        <source>The DEM {0} is in a geographic CRS (degrees), so its cells have no area in square metres. Reproject it to a metric CRS such as EPSG:25832 (Raster ▸ Projections ▸ Warp) and run again; choosing the resampling there is yours to make.</source>
        <translation>Terrænmodellen {0} er i et geografisk koordinatsystem (grader), så dens celler har intet areal i kvadratmeter. Reprojektér den til et metrisk koordinatsystem som EPSG:25832 (Raster ▸ Projektioner ▸ Warp (reprojektér)), og kør igen; resamplingmetoden vælger du selv dér.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="60"/>
        <source>The DEM {0} is in a CRS whose unit is not the metre. Reproject it to a metric CRS such as EPSG:25832.</source>
        <translation>Terrænmodellen {0} er i et koordinatsystem, hvis enhed ikke er meter. Reprojektér den til et metrisk koordinatsystem som EPSG:25832.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="62"/>
        <source>The DEM {0} has a rotated grid. Warp it to a north-up grid first (Raster ▸ Projections ▸ Warp).</source>
        <translation>Terrænmodellen {0} har et roteret grid. Omregn den først til et nordvendt grid (Raster ▸ Projektioner ▸ Warp (reprojektér)).</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="64"/>
        <source>The planned surface {1} has a rotated grid. Warp it to a north-up grid first (Raster ▸ Projections ▸ Warp).</source>
        <translation>Den planlagte flade {1} har et roteret grid. Omregn den først til et nordvendt grid (Raster ▸ Projektioner ▸ Warp (reprojektér)).</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="71"/>
        <source>DEM</source>
        <translation>terrænmodel</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="71"/>
        <source>planned surface</source>
        <translation>planlagt flade</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="73"/>
        <source>The {0} {1} declares no nodata value: every cell is taken as data.</source>
        <translation>Rasteren {1} ({0}) angiver ingen nodata-værdi: alle celler regnes som data.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="78"/>
        <source>The planned surface {0} has no CRS; it is taken to be in the DEM&apos;s, {1}.</source>
        <translation>Den planlagte flade {0} har intet koordinatsystem; den antages at have terrænmodellens, {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="82"/>
        <source>The planned surface is in {0}; it is sampled at the DEM cells&apos; centres transformed to that CRS.</source>
        <translation>Den planlagte flade er i {0}; den aflæses i terrænmodellens cellecentre, transformeret til dette koordinatsystem.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="88"/>
        <source>The planned surface&apos;s grid differs from the DEM&apos;s; it is interpolated bilinearly at the centre of each DEM cell.</source>
        <translation>Den planlagte flades grid afviger fra terrænmodellens; den interpoleres bilineært i centrum af hver celle i terrænmodellen.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) fall outside the DEM and get no volume: ids {1}.</source>
        <translation>{0} opgravning(er) ligger uden for terrænmodellen og får intet volumen: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) are smaller than a DEM cell and contain no cell centre, so no volume: ids {1}.</source>
        <translation>{0} opgravning(er) er mindre end en celle i terrænmodellen og indeholder intet cellecentrum, så intet volumen: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) cover only cells without data (nodata in the DEM or the planned surface), so no volume: ids {1}.</source>
        <translation>{0} opgravning(er) dækker kun celler uden data (nodata i terrænmodellen eller den planlagte flade), så intet volumen: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) have no numeric planned level and get no volume: ids {1}.</source>
        <translation>{0} opgravning(er) har ingen numerisk planlagt kote og får intet volumen: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) have no polygon area and get no volume: ids {1}.</source>
        <translation>{0} opgravning(er) har intet polygonareal og får intet volumen: id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="92"/>
        <source>{0} excavation(s) lack data in part of their cells; their volumes cover only the cells with data (see valid_share): ids {1}.</source>
        <translation>{0} opgravning(er) mangler data i en del af deres celler; volumenet omfatter kun cellerne med data (se valid_share): id'er {1}.</translation>
    </message>
    <message>
        <location filename="../algorithms/terrain_inputs.py" line="115"/>
        <source>{0} counted DEM cell(s) lie below {1} m or above {2} m: probably nodata the DEM does not declare. Set its nodata value and run again.</source>
        <translation>{0} medregnede celle(r) i terrænmodellen ligger under {1} m eller over {2} m: sandsynligvis nodata, som terrænmodellen ikke angiver. Angiv dens nodata-værdi, og kør igen.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../layers/vocabulary.py" line="16"/>
        <source>urban area</source>
        <translation>byområde</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="17"/>
        <source>industrial area</source>
        <translation>erhvervsområde</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="18"/>
        <source>agricultural area</source>
        <translation>landbrugsområde</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="19"/>
        <source>other</source>
        <translation>andet</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="22"/>
        <source>raw-material pit</source>
        <translation>råstofgrav</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="23"/>
        <source>resource site</source>
        <translation>ressourceplads</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="24"/>
        <source>utilisation project</source>
        <translation>nyttiggørelsesprojekt</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="27"/>
        <source>along the roads</source>
        <translation>ad vejene</translation>
    </message>
    <message>
        <location filename="../layers/vocabulary.py" line="28"/>
        <source>straight line × detour factor</source>
        <translation>luftlinje × omvejsfaktor</translation>
    </message>
</context>
</TS>
