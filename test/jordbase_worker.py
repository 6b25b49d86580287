"""One of the concurrent writers of test_jordbase: inserts COUNT movements of one municipality
as one editor, in batches, once the test releases the start lock.

Usage: python jordbase_worker.py DSN SCHEMA WORKER COUNT MUNICIPALITY
"""
import sys

import psycopg2
from psycopg2 import sql
from psycopg2.extras import execute_values

START_LOCK = 7243  # advisory lock the test holds until every worker waits on it
BATCH = 500


def main(dsn, schema, worker, count, municipality):
    connection = psycopg2.connect(dsn)
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock_shared(%s)", (START_LOCK,))
    statement = sql.SQL(
        "INSERT INTO {}.movements (id, source_id, receiver_id, tonnes, soil_class, date, "
        "analysed, municipality_code) VALUES %s").format(sql.Identifier(schema))
    for start in range(0, count, BATCH):
        rows = [(f"w{worker}-{number}", f"E{worker}", "R1", 1.0 + number % 30, 1,
                 "2026-03-01", False, municipality)
                for number in range(start, min(start + BATCH, count))]
        with connection, connection.cursor() as cursor:
            execute_values(cursor, statement.as_string(connection), rows, page_size=BATCH)
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
