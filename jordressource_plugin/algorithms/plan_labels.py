"""The soil management plan's words, translated: the labels of its document and the sources
it cites. Kept apart from the algorithm, which holds the run."""
from ..i18n import user_language


class PlanLabelsMixin:
    """``document_labels()`` for ``core.project.plan_document``; ``references()``."""

    def document_labels(self):
        return {
            "lang": user_language(),
            "title": self.tr("Soil management plan"),
            "generated": self.tr("Generated {0}"),
            "site_map": self.tr("Site map"),
            "site_map_note": self.tr("Coordinates in {0}."),
            "map_surplus": self.tr("surplus (soil leaves)"),
            "map_deficit": self.tr("deficit (soil comes in)"),
            "map_balanced": self.tr("balanced"),
            "map_no_data": self.tr("no terrain data"),
            "north": self.tr("N"),
            "volumes": self.tr("Volumes and balance"),
            "volumes_intro": self.tr("Cut, fill and surplus at the planned level, and the "
                                     "balanced level at which each polygon's own cut equals "
                                     "its own fill (cell-centre rule, cells with data). "
                                     "Building at the balanced level keeps the soil on "
                                     "site."),
            "project_shift": self.tr("Changing every planned level by {0} m balances the "
                                     "whole project: {1} m³ would then be moved within it "
                                     "and none would leave."),
            "no_project_shift": self.tr("No polygon has both a plan and terrain data: no "
                                        "project balance."),
            "polygon": self.tr("Polygon"),
            "planned_level": self.tr("Planned level (m)"),
            "cut": self.tr("Cut (m³)"),
            "fill": self.tr("Fill (m³)"),
            "net": self.tr("Net (m³)"),
            "surplus": self.tr("Surplus (m³)"),
            "balanced_level": self.tr("Balanced level (m)"),
            "balanced_shift": self.tr("Shift to balance (m)"),
            "balanced_cut": self.tr("Moved on site at balance (m³)"),
            "note": self.tr("Note"),
            "reasons": {
                "ok": "",
                "partial": self.tr("part of its cells lack data"),
                "outside": self.tr("outside the DEM"),
                "no_cells": self.tr("smaller than a DEM cell"),
                "no_data": self.tr("only cells without data"),
                "no_geometry": self.tr("no polygon area"),
                "no_level": self.tr("no planned level"),
            },
            "totals": self.tr("Project totals"),
            "total_cut": self.tr("Cut (m³)"),
            "total_fill": self.tr("Fill (m³)"),
            "total_net": self.tr("Net (m³)"),
            "total_surplus": self.tr("Surplus of the polygons with more cut than fill (m³, "
                                     "in situ)"),
            "total_deficit": self.tr("Deficit of the polygons with more fill than cut (m³)"),
            "total_kept": self.tr("Surplus the project's own deficits can take (m³)"),
            "total_leaving": self.tr("Surplus left to leave the site (m³)"),
            "total_tonnes": self.tr("Surplus (t)"),
            "chart_volumes": self.tr("Cut and fill per polygon at the planned level"),
            "chart_note": self.tr("The {0} polygons with the largest volumes of {1} are "
                                  "shown."),
            "sampling": self.tr("Sampling"),
            "sampling_intro": self.tr("Minimum samples before the soil moves: one per {0} "
                                      "t from a classified area without suspicion, one per "
                                      "{1} t otherwise (mapped or suspected sites), at "
                                      "{2} DKK per analysis."),
            "batch": self.tr("Batch"),
            "tonnes": self.tr("Tonnes"),
            "rule": self.tr("Rule"),
            "rules": {
                "classified": self.tr("classified area"),
                "suspected": self.tr("suspected"),
            },
            "tonnes_per_sample": self.tr("t per sample"),
            "samples": self.tr("Samples"),
            "sampling_cost": self.tr("Cost (DKK)"),
            "total": self.tr("Total"),
            "no_batches": self.tr("No polygon has surplus soil at the planned level: "
                                  "nothing leaves the site."),
            "options": self.tr("Options catalogue"),
            "options_intro": self.tr("For each batch, the receivers it may go to (soil "
                                     "class accepted, within the maximum haul, open in its "
                                     "window, allowed by the area rule), cheapest per tonne "
                                     "first (haul + analysis), against its cheapest "
                                     "disposal."),
            "no_receivers": self.tr("No receivers were given: disposal is the only option "
                                    "shown."),
            "no_options": self.tr("No receiver is within reach: disposal only."),
            "rank": self.tr("Rank"),
            "receiver": self.tr("Receiver"),
            "kind": self.tr("Kind"),
            "distance": self.tr("Haul (km)"),
            "cost_t": self.tr("Cost (DKK/t)"),
            "analysis": self.tr("Analysis"),
            "co2_t": self.tr("CO₂ (kg/t)"),
            "saving_t": self.tr("Saving vs disposal (DKK/t)"),
            "in_plan": self.tr("Regional plan"),
            "extra_t": self.tr("Extra vs plan (DKK/t)"),
            "yes": self.tr("yes"),
            "no": self.tr("no"),
            "chosen": self.tr("chosen ({0} t)"),
            "disposal_line": self.tr("Cheapest disposal: {0}, {1} km, {2} DKK/t. {3} "
                                     "receiver(s) in reach."),
            "baseline_disposal": self.tr("baseline assumption"),
            "plan_line": self.tr("Regional plan: {0} DKK/t on average for this batch."),
            "data_sheets": self.tr("Data sheets"),
            "origin": self.tr("Origin"),
            "area_type": self.tr("Area type"),
            "suspected": self.tr("Contamination suspected"),
            "soil_class": self.tr("Soil class"),
            "soil_type": self.tr("Soil type"),
            "volume": self.tr("Volume in situ (m³)"),
            "window": self.tr("Excavation window"),
            "open_window": self.tr("not set"),
            "analyses": self.tr("Analyses needed"),
            "analyses_text": self.tr("{0} sample(s) ({1}); analysis to document the soil "
                                     "for {2} of its {3} option(s)"),
            "suitable_uses": self.tr("Suitable uses"),
            "uses_by_class": {
                1: self.tr("free use: fill, landscaping, raw-material pits"),
                2: self.tr("restricted use: under paving, noise barriers, approved projects"),
                3: self.tr("approved receiving facility only"),
            },
            "uses_unknown": self.tr("unknown until the soil is classified"),
            "class_names": {
                1: self.tr("clean"),
                2: self.tr("lightly contaminated"),
                3: self.tr("contaminated"),
            },
            "receivers_in_reach": self.tr("Receivers in reach: {0}"),
            "unknown": self.tr("unknown"),
            "sources": self.tr("Sources and defaults"),
            "inputs": self.tr("Inputs"),
            "parameters": self.tr("Parameters"),
            "references": self.tr("References"),
        }

    def references(self):
        return [
            self.tr("Sampling: Bekendtgørelse om anmeldelse og dokumentation i forbindelse med "
                    "flytning af jord (jordflytningsbekendtgørelsen), BEK nr. 1452 af 07/12/2015, "
                    "bilag 2: at least one sample per 120 t from classified areas and public "
                    "roads, one per 30 t from mapped sites or for use as clean soil; as restated "
                    "in the municipalities' guidance (e.g. Fredericia, Frederikssund, "
                    "Vesthimmerland)."),
            self.tr("Options and disposal: the arcs and costs of Find short-haul reuse matches "
                    "(transport per tonne-km, analysis per tonne across area types or from "
                    "suspected sites, the cheapest disposal by haul and gate fee)."),
            self.tr("Volumes: the grid method on the DEM's cells whose centre lies inside a "
                    "polygon (Earthwork volumes from terrain); the balanced level is the mean "
                    "terrain of those cells, where cut equals fill."),
            self.tr("Terrain: Danmarks Højdemodel, DHM/Terræn (Styrelsen for Dataforsyning og "
                    "Infrastruktur) or the DEM given."),
        ]
