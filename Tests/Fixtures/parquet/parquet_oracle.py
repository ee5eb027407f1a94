#!/usr/bin/env python3
"""Independent Parquet oracle for the MMMParquet tests (pyarrow and duckdb from PyPI).

  parquet_oracle.py check                 exit 0 when pyarrow and duckdb import
  parquet_oracle.py write-fixtures DIR [--rows N]
        writes Parquet files with pyarrow (every type, nulls, several row groups, each compression, data page
        v1 and v2, dictionary on/off, delta and byte-stream-split encodings, INT96) and with duckdb, plus
        DIR/manifest.json: for each file, the values pyarrow reads back, in the library's kinds
  parquet_oracle.py golden DIR            writes the small committed set (Tests/Fixtures/parquet/golden)
  parquet_oracle.py read FILE...          prints, for each file, the values pyarrow and duckdb read

Values in the library's kinds: boolean, int64, double (as float.hex text, so every bit is compared), string,
date (YYYY-MM-DD), timestamp (microseconds since the epoch, UTC); null is JSON null.
"""
import datetime
import decimal
import json
import os
import random
import sys

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def kind_of(arrow_type):
    import pyarrow as pa
    t = arrow_type
    if pa.types.is_dictionary(t):
        return kind_of(t.value_type)
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_uint64(t):
        return "double"
    if pa.types.is_integer(t):
        return "int64"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "double"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_time(t):
        return "string"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamp"
    raise ValueError(f"no kind for {t}")


def micros(value, unit_is_nanos=False):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        delta = value - EPOCH
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return value


def cell(kind, value):
    if value is None:
        return None
    if kind == "double":
        return float(value).hex()
    if kind == "date":
        return value.isoformat()
    if kind == "timestamp":
        return micros(value)
    if kind == "string" and isinstance(value, datetime.time):
        return value.isoformat(timespec="microseconds") if value.microsecond else value.isoformat() + ".000000"
    return value


def arrow_columns(table):
    import pyarrow as pa
    out = []
    for field, column in zip(table.schema, table.columns):
        kind = kind_of(field.type)
        t = field.type.value_type if pa.types.is_dictionary(field.type) else field.type
        if pa.types.is_timestamp(t) and t.unit == "ns":
            # Python datetimes stop at microseconds: floor the raw nanoseconds as the library does.
            raw = column.cast(pa.int64()).to_pylist()
            values = [None if v is None else v // 1000 for v in raw]
        elif pa.types.is_time(t):
            values = [cell(kind, v) for v in column.to_pylist()]
            digits = {"ms": 3, "us": 6, "ns": 9}[t.unit]
            values = [None if v is None else time_text(v, digits) for v in column.cast(pa.int64()).to_pylist()]
        else:
            values = [cell(kind, v) for v in column.to_pylist()]
        out.append({"name": field.name, "kind": kind, "nullable": field.nullable, "values": values})
    return out


def time_text(raw, digits):
    per = 10 ** digits
    seconds, fraction = divmod(raw, per)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}." + str(fraction).zfill(digits)


def base_table(rows, seed):
    import pyarrow as pa
    rng = random.Random(seed)
    def maybe(v, p=0.1):
        return None if rng.random() < p else v
    start = datetime.date(2019, 1, 1)
    countries = ["DE", "FR", "GB", "US", "Köln", "東京", ""]
    data = {
        "flag": pa.array([maybe(rng.random() < 0.5) for _ in range(rows)], pa.bool_()),
        "i64": pa.array([maybe(rng.randrange(-2**62, 2**62)) for _ in range(rows)], pa.int64()),
        "small_int": pa.array([maybe(rng.randrange(0, 50)) for _ in range(rows)], pa.int64()),
        "i32": pa.array([maybe(rng.randrange(-2**31, 2**31)) for _ in range(rows)], pa.int32()),
        "i8": pa.array([maybe(rng.randrange(-128, 128)) for _ in range(rows)], pa.int8()),
        "u32": pa.array([maybe(rng.randrange(0, 2**32)) for _ in range(rows)], pa.uint32()),
        "u64": pa.array([maybe(rng.randrange(0, 2**64)) for _ in range(rows)], pa.uint64()),
        "f64": pa.array([maybe(rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 1e-300, 0.0, -0.0,
                                           float("inf"), float("nan"), round(rng.uniform(0, 1e4), 2)]))
                         for _ in range(rows)], pa.float64()),
        "spend": pa.array([maybe(round(rng.uniform(0, 5e4), 2), 0.02) for _ in range(rows)], pa.float64()),
        "f32": pa.array([maybe(rng.uniform(-1e3, 1e3)) for _ in range(rows)], pa.float32()),
        "dec": pa.array([maybe(decimal.Decimal(rng.randrange(-10**9, 10**9)).scaleb(-2)) for _ in range(rows)],
                        pa.decimal128(11, 2)),
        "dec_wide": pa.array([maybe(decimal.Decimal(rng.randrange(-10**30, 10**30)).scaleb(-4))
                              for _ in range(rows)], pa.decimal128(38, 4)),
        "country": pa.array([maybe(rng.choice(countries)) for _ in range(rows)], pa.string()),
        "text": pa.array([maybe("row %d %s" % (i, "x" * rng.randrange(0, 40))) for i in range(rows)], pa.string()),
        "day": pa.array([maybe(start + datetime.timedelta(days=i % 3000 - 1500)) for i in range(rows)], pa.date32()),
        "ts_us": pa.array([maybe(rng.randrange(-2**50, 2**50)) for _ in range(rows)], pa.timestamp("us", tz="UTC")),
        "ts_ms": pa.array([maybe(rng.randrange(-2**40, 2**40)) for _ in range(rows)], pa.timestamp("ms")),
        "ts_ns": pa.array([maybe(rng.randrange(-2**62, 2**62)) for _ in range(rows)], pa.timestamp("ns")),
        "tod": pa.array([maybe(rng.randrange(0, 86400 * 10**6)) for _ in range(rows)], pa.time64("us")),
        "all_null": pa.array([None] * rows, pa.float64()),
        "required": pa.array([float(i) for i in range(rows)], pa.float64()),
    }
    schema = pa.schema([pa.field(k, v.type, nullable=(k != "required")) for k, v in data.items()])
    return pa.table(data, schema=schema)


def write_fixtures(directory, rows, duck_rows=6000):
    import pyarrow as pa
    import pyarrow.parquet as pq
    import duckdb
    os.makedirs(directory, exist_ok=True)
    table = base_table(rows, seed=7)
    files = []

    def add(name, write, oracle=lambda path: arrow_columns(pq.read_table(path))):
        path = os.path.join(directory, name)
        write(path)
        files.append({"file": name, "columns": oracle(path)})

    group = max(1, rows // 3 + 1)
    for codec in ["NONE", "SNAPPY", "GZIP", "ZSTD"]:
        for page_version in ["1.0", "2.0"]:
            for dictionary in [True, False]:
                name = f"pyarrow-{codec.lower()}-v{page_version[0]}-{'dict' if dictionary else 'plain'}.parquet"
                add(name, lambda p, c=codec, v=page_version, d=dictionary: pq.write_table(
                    table, p, compression=c, data_page_version=v, use_dictionary=d, row_group_size=group,
                    data_page_size=4096))
    encodings = {"i64": "DELTA_BINARY_PACKED", "i32": "DELTA_BINARY_PACKED", "text": "DELTA_LENGTH_BYTE_ARRAY",
                 "country": "DELTA_BYTE_ARRAY", "f64": "BYTE_STREAM_SPLIT", "f32": "BYTE_STREAM_SPLIT"}
    add("pyarrow-delta-encodings.parquet", lambda p: pq.write_table(
        table, p, use_dictionary=False, column_encoding=encodings, data_page_version="2.0", row_group_size=group))
    add("pyarrow-int96.parquet", lambda p: pq.write_table(
        table.select(["ts_us", "ts_ns", "day"]), p, use_deprecated_int96_timestamps=True))
    add("pyarrow-dictionary-type.parquet", lambda p: pq.write_table(
        pa.table({"country": table.column("country").dictionary_encode(), "spend": table.column("spend")}), p))
    add("pyarrow-version-1.parquet", lambda p: pq.write_table(table.select(["i8", "u32", "dec", "day", "ts_ms"]), p,
                                                               version="1.0"))
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    # DuckDB's row groups hold at least 2048 rows: repeat the table so its files have several.
    duck_table = pa.concat_tables([table] * max(1, duck_rows // max(1, rows) + 1)).select(
        ["flag", "i64", "i32", "f64", "spend", "dec", "country", "text", "day", "ts_us", "all_null", "required"])
    con.register("t", duck_table)
    group = 2048
    for codec in ["snappy", "zstd", "gzip", "uncompressed"]:
        add(f"duckdb-{codec}.parquet", lambda p, c=codec: con.execute(
            f"COPY t TO '{p}' (FORMAT parquet, COMPRESSION {c}, ROW_GROUP_SIZE {group})"), oracle=duckdb_columns)
    # DuckDB's v2 files use delta encodings that some pyarrow versions reject, so DuckDB is their oracle.
    add("duckdb-v2.parquet", lambda p: con.execute(
        f"COPY t TO '{p}' (FORMAT parquet, PARQUET_VERSION v2, ROW_GROUP_SIZE {group})"), oracle=duckdb_columns)
    with open(os.path.join(directory, "manifest.json"), "w") as f:
        json.dump({"pyarrow": pa.__version__, "duckdb": duckdb.__version__, "files": files}, f)


GOLDEN = ["pyarrow-snappy-v2-dict.parquet", "pyarrow-gzip-v1-plain.parquet", "pyarrow-zstd-v1-dict.parquet",
          "pyarrow-none-v2-plain.parquet", "pyarrow-delta-encodings.parquet", "pyarrow-int96.parquet",
          "duckdb-snappy.parquet", "duckdb-uncompressed.parquet", "duckdb-v2.parquet"]


def write_golden(directory):
    """The small committed set under golden/ (regenerate with: parquet_oracle.py golden golden)."""
    import shutil
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        write_fixtures(scratch, 30, duck_rows=0)
        with open(os.path.join(scratch, "manifest.json")) as f:
            manifest = json.load(f)
        os.makedirs(directory, exist_ok=True)
        for name in GOLDEN:
            shutil.copy(os.path.join(scratch, name), os.path.join(directory, name))
        manifest["files"] = [f for f in manifest["files"] if f["file"] in GOLDEN]
        with open(os.path.join(directory, "manifest.json"), "w") as f:
            json.dump(manifest, f)


def duckdb_columns(path):
    import duckdb
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    relation = con.execute(f"SELECT * FROM read_parquet('{path}')")
    names = [d[0] for d in relation.description]
    types = [str(d[1]) for d in relation.description]
    rows = relation.fetchall()
    out = []
    for i, (name, duck_type) in enumerate(zip(names, types)):
        upper = duck_type.upper()
        kind = {"BOOLEAN": "boolean", "BIGINT": "int64", "INTEGER": "int64", "SMALLINT": "int64", "TINYINT": "int64",
                "UINTEGER": "int64", "DOUBLE": "double", "FLOAT": "double", "VARCHAR": "string", "DATE": "date",
                "TIMESTAMP": "timestamp", "TIMESTAMP WITH TIME ZONE": "timestamp"}.get(upper, upper)
        if upper.startswith("DECIMAL"):
            kind = "double"
        out.append({"name": name, "kind": kind, "values": [cell(kind, row[i]) for row in rows]})
    return out


def read(paths):
    import pyarrow.parquet as pq
    result = []
    for path in paths:
        result.append({"file": path, "pyarrow": arrow_columns(pq.read_table(path)), "duckdb": duckdb_columns(path)})
    json.dump(result, sys.stdout)


def main(argv):
    if len(argv) >= 1 and argv[0] == "check":
        import pyarrow  # noqa: F401
        import duckdb  # noqa: F401
        return 0
    if len(argv) >= 2 and argv[0] == "write-fixtures":
        rows = int(argv[argv.index("--rows") + 1]) if "--rows" in argv else 2000
        write_fixtures(argv[1], rows)
        return 0
    if len(argv) >= 2 and argv[0] == "golden":
        write_golden(argv[1])
        return 0
    if len(argv) >= 2 and argv[0] == "read":
        read(argv[1:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
