#!/usr/bin/python3
"""The JSON Schema for rules files describes the real data: every service document and the
assembled bundle validate against it, and a few broken documents do not (so the schema is not
vacuous). Uses Debian's python3-jsonschema, hence /usr/bin/python3.

Usage: test_schema.py SOURCE_DIR BUNDLE_JSON
"""
import copy
import glob
import json
import os
import sys

import jsonschema


def main() -> int:
    source, bundle_path = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "data/schema/rules.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    # Each kind of document against its own definition, so that a failure names its exact path
    # (against the top-level oneOf every failure would be reported at the root).
    validators = {
        kind: jsonschema.Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": schema["$defs"]})
        for kind in ("service", "bundle")
    }
    whole = jsonschema.Draft202012Validator(schema)
    failures = 0

    def check(name, doc, should_pass, kind="service"):
        nonlocal failures
        errors = sorted(validators[kind].iter_errors(doc), key=lambda e: list(e.path))
        if whole.is_valid(doc) != (not errors):
            failures += 1
            print(f"FAIL {name}: the schema's top level and its {kind} definition disagree")
        if should_pass and errors:
            failures += 1
            e = errors[0]
            print(f"FAIL {name}: /{'/'.join(map(str, e.path))}: {e.message[:300]}")
        elif not should_pass and not errors:
            failures += 1
            print(f"FAIL {name}: a broken document passed the schema")

    services = sorted(glob.glob(os.path.join(source, "data/services/*.json")))
    for path in services:
        with open(path, encoding="utf-8") as f:
            check(os.path.relpath(path, source), json.load(f), True)
    with open(bundle_path, encoding="utf-8") as f:
        bundle = json.load(f)
    check("bundle", bundle, True, kind="bundle")

    visa = copy.deepcopy(bundle["services"][0])
    broken = copy.deepcopy(visa)
    del broken["verdicts"][0]["citation"]
    check("verdict without citation", broken, False)
    broken = copy.deepcopy(visa)
    broken["documents"][0]["title"].pop("ru")
    check("document without a Russian title", broken, False)
    broken = copy.deepcopy(visa)
    broken["fees"][0]["amount"] = {"amount_minor": 20.5, "currency": "USD"}
    check("fee as a float", broken, False)
    broken = copy.deepcopy(visa)
    broken["verdicts"][0]["when"] = {"maybe": []}
    check("unknown operator", broken, False)

    print(f"schema: {len(services)} service documents and the bundle validate; 4 broken documents are refused"
          if failures == 0 else f"{failures} schema check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
