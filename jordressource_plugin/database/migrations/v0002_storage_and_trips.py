"""Version 2: storage sites for `schedule_reuse` and the vehicle and times of a movement that
`check_movements` reads (`vehicle`, `departure_time`, `arrival_time`)."""
from ..ddl import add_fields, create_table

TITLE = "Storage sites; vehicle, departure and arrival of movements"


def template() -> str:
    return "\n\n".join((
        create_table("storage_sites", ("id", "name", "storage_capacity_m3", "max_soil_class",
                                       "start_date", "end_date")),
        add_fields("movements", ("vehicle", "departure_time", "arrival_time")),
    ))
