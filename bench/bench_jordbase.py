"""Benchmark: inserting 100,000 movements into the jordbase through its history trigger.

A throwaway PostgreSQL + PostGIS on loopback (test/postgis_server.py), the schema at its newest
version, and one editor of municipality 0101 writing through row-level security. Movements are
inserted in batches of --batch rows (psycopg2 execute_values, one transaction per batch), and
--single rows one statement and one transaction each, the way QGIS saves edits.

Configurations, in the same run on the same server, the table emptied in between:
- baseline: the history triggers disabled (row-level security still on);
- history: the schema's statement-level triggers (one INSERT ... SELECT per statement);
- per-row history: for comparison, a FOR EACH ROW trigger doing the same per row.
The editor's session sets synchronous_commit off: with it on, each commit waits for the disk,
and the single-row figures measure the disk rather than the trigger.
Each runs --repeat times (default 3), in rounds; the fastest is reported, as rows per second.

Run: .venv/bin/python bench/bench_jordbase.py [--rows 100000] [--batch 1000] [--single 5000]
     [--repeat 3]
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "test"))

import psycopg2
from postgis_server import PostgisServer, postgres_bin_dir
from psycopg2.extras import execute_values

from jordressource_plugin.database import model, runner
from jordressource_plugin.database.connections import Psycopg2Connection

SCHEMA = model.DEFAULT_SCHEMA
TRIGGERS = [f"movements_history_{operation}" for operation in ("insert", "update", "delete")]
PER_ROW = f"""
CREATE FUNCTION {SCHEMA}.record_history_per_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $body$
BEGIN
    INSERT INTO {SCHEMA}.history (table_name, row_id, operation, role_name, new_row)
    VALUES (TG_TABLE_NAME, NEW.fid, TG_OP,
            coalesce(nullif(current_setting('role'), 'none'), session_user), to_jsonb(NEW));
    RETURN NULL;
END
$body$;
CREATE TRIGGER movements_history_per_row AFTER INSERT ON {SCHEMA}.movements
FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_history_per_row();
ALTER TABLE {SCHEMA}.movements DISABLE TRIGGER movements_history_per_row;
"""
INSERT = (f"INSERT INTO {SCHEMA}.movements (id, source_id, receiver_id, tonnes, soil_class, "
          "date, analysed, municipality_code, geom) VALUES %s")
ROW = ("(%s, %s, %s, %s, %s, %s, %s, %s, "
       "ST_SetSRID(ST_MakeLine(ST_MakePoint(%s, %s), ST_MakePoint(%s, %s)), 25832))")


def movement(number):
    x, y = 680000 + number % 1000 * 10, 6170000 + number // 1000 * 10
    return (f"M{number}", f"E{number % 500}", f"R{number % 40}", 10.0 + number % 25,
            1 + number % 3, "2026-04-01", number % 2 == 0, "0101", x, y, x + 5000, y + 3000)


def set_triggers(owner, history: bool, per_row: bool):
    with owner, owner.cursor() as cursor:
        for trigger in TRIGGERS:
            cursor.execute(f"ALTER TABLE {SCHEMA}.movements "
                           f"{'ENABLE' if history else 'DISABLE'} TRIGGER {trigger}")
        cursor.execute(f"ALTER TABLE {SCHEMA}.movements "
                       f"{'ENABLE' if per_row else 'DISABLE'} TRIGGER movements_history_per_row")
        cursor.execute(f"TRUNCATE {SCHEMA}.movements, {SCHEMA}.history")


def insert_batches(editor, rows, batch):
    start = time.perf_counter()
    for first in range(0, rows, batch):
        with editor, editor.cursor() as cursor:
            execute_values(cursor, INSERT, [movement(n) for n in
                                            range(first, min(first + batch, rows))],
                           template=ROW, page_size=batch)
    return time.perf_counter() - start


def insert_single(editor, rows):
    start = time.perf_counter()
    statement = INSERT.replace("%s", ROW)
    for number in range(rows):
        with editor, editor.cursor() as cursor:
            cursor.execute(statement, movement(number))
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--single", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    server = PostgisServer(postgres_bin_dir()).start()
    try:
        owner = psycopg2.connect(server.dsn())
        runner.upgrade(Psycopg2Connection(owner), SCHEMA)
        with owner, owner.cursor() as cursor:
            cursor.execute(PER_ROW)
            cursor.execute(f"CREATE ROLE editor_bench LOGIN IN ROLE {model.EDITOR_ROLE}; "
                           f"INSERT INTO {SCHEMA}.member VALUES ('editor_bench', '0101')")
        editor = psycopg2.connect(server.dsn("editor_bench"))
        # Commits wait for the disk otherwise, which swamps the cost measured here.
        with editor, editor.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
        configurations = (("baseline (no history trigger)", False, False),
                          ("history, statement-level (the schema's)", True, False),
                          ("history, per-row trigger (for comparison)", False, True))
        print(f"{args.rows:,} movements in batches of {args.batch:,}; {args.single:,} one "
              "row per transaction; as an editor under row-level security; "
              f"synchronous_commit off; best of {args.repeat}")
        print("| configuration | batched rows/s | vs baseline | single-row rows/s | "
              "vs baseline |")
        print("|---|---|---|---|---|")
        batched = {name: [] for name, _, _ in configurations}
        single = {name: [] for name, _, _ in configurations}
        # Round by round, so that the machine's drifting load falls on every configuration.
        for _ in range(args.repeat):
            for name, history, per_row in configurations:
                set_triggers(owner, history, per_row)
                batched[name].append(insert_batches(editor, args.rows, args.batch))
                with owner, owner.cursor() as cursor:
                    cursor.execute(f"SELECT count(*) FROM {SCHEMA}.history")
                    logged = cursor.fetchone()[0]
                assert logged == (args.rows if history or per_row else 0), logged
                set_triggers(owner, history, per_row)
                single[name].append(insert_single(editor, args.single))
        baseline = None
        for name, _, _ in configurations:
            rates = (args.rows / min(batched[name]), args.single / min(single[name]))
            baseline = baseline or rates
            print(f"| {name} | {rates[0]:,.0f} | {rates[0] / baseline[0]:.2f}x | "
                  f"{rates[1]:,.0f} | {rates[1] / baseline[1]:.2f}x |")
        editor.close()
        owner.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
