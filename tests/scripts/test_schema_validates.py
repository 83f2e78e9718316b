#!/usr/bin/python3
"""Validates SOP files against `sopctl schema` with an independent validator.

Usage: test_schema_validates.py SOPCTL_BINARY, with SOPCTL_REPO=<repo root>.
Debian's python3 is named on purpose: python3-jsonschema and python3-yaml
live there.

Every examples/*.sop.yaml, sop-templates/*.sop.yaml and tests/lint/*/good.sop.yaml
must be valid (jsonschema.Draft7Validator), and a few known-bad documents
must not be. YAML is read the way editors (yaml-language-server, YAML 1.2
core schema) and sopctl read it: `2026-12-03` and `10:00` stay strings,
`yes` is not a boolean.
"""

import glob
import json
import os
import re
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError:
    sys.exit("test_schema_validates: apt-get install python3-jsonschema python3-yaml")


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types only."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)


def main():
    sopctl = os.path.abspath(sys.argv[1])
    repo = os.environ.get("SOPCTL_REPO") or os.path.join(os.path.dirname(__file__), "..", "..")
    out = subprocess.run([sopctl, "schema"], capture_output=True, check=True, text=True).stdout
    schema = json.loads(out)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    files = sorted(glob.glob(os.path.join(repo, "examples", "*.sop.yaml")))
    files += sorted(glob.glob(os.path.join(repo, "sop-templates", "*.sop.yaml")))
    files += sorted(glob.glob(os.path.join(repo, "tests", "lint", "*", "good.sop.yaml")))
    failures = []
    if not files:
        failures.append("no SOP files found under " + repo)
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = load_yaml(f.read())
        for error in validator.iter_errors(doc):
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            failures.append(f"{os.path.relpath(path, repo)}: {where}: {error.message}")

    # The schema must also reject what the loader rejects, or it guides no one.
    bad = {
        "misspelt task key": "sop: a\ntasks:\n  - {id: t, evry: day}\n",
        "unknown top-level key": "sop: a\ntitel: x\ntasks: []\n",
        "missing tasks": "sop: a\n",
        "day 0": "sop: a\ntasks:\n  - {id: t, day: 0}\n",
        "bad channel": "sop: a\ntasks:\n  - {id: t, day: 1, channel: wechat}\n",
        "bad every": "sop: a\ntasks:\n  - {id: t, every: daily}\n",
        "bad time": "sop: a\ntasks:\n  - {id: t, day: 1, at: '8:00'}\n",
        "bad id": "sop: Camp 7\ntasks: []\n",
        "month day 32": "sop: a\ntasks:\n  - {id: t, every: {month_day: [32]}}\n",
    }
    for name, text in bad.items():
        if validator.is_valid(load_yaml(text)):
            failures.append(f"schema accepts a bad file ({name}): {text!r}")

    for f in failures:
        print("FAIL", f)
    print(f"{len(files)} files validated, {len(bad)} bad documents rejected, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
