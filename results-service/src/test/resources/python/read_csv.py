"""Reads a CSV answer from a URL as a data scientist would and prints what it found as JSON.

Uses pandas.read_csv when pandas is installed, Python's csv module otherwise; the bearer token in SIMSWARM_TOKEN
goes with the request as pandas users pass one (storage_options become HTTP headers for http URLs).
"""
import os
import csv
import io
import json
import sys
import urllib.request

url = sys.argv[1]
headers = {"Authorization": "Bearer " + os.environ["SIMSWARM_TOKEN"]}
try:
    import pandas
    frame = pandas.read_csv(url, storage_options=headers)
    rows = frame.astype(str).to_dict("records")
    columns = list(frame.columns)
    reader = "pandas"
except ImportError:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
        text = answer.read().decode("utf-8")
    parsed = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(parsed)
    columns = parsed.fieldnames
    reader = "csv"
print(json.dumps({"reader": reader, "columns": columns, "rows": rows}))
