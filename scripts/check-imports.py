#!/usr/bin/env python3
"""Checks that Package.swift declares every module each target imports (CI runs it).

Reads the manifest with `swift package dump-package`, then every `import X` in each target's
folder; a Cairn target or package product imported but not declared is reported as
`path:line: target T imports X but does not declare it`, and the exit status is 1.
System modules (Foundation, Glibc, Testing, ...) are not package modules and are skipped.
"""
import json
import os
import re
import subprocess
import sys

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    manifest = json.loads(subprocess.check_output(["swift", "package", "dump-package"], cwd=root))
    targets = {t["name"]: t for t in manifest["targets"]}
    declared_anywhere = set(targets)
    for target in manifest["targets"]:
        for dependency in target.get("dependencies", []):
            for kind in ("product", "byName", "target"):
                if kind in dependency:
                    declared_anywhere.add(dependency[kind][0])
    problems = 0
    for name, target in targets.items():
        if target["type"] in ("system", "plugin"):
            continue
        folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
        declared = {name}
        for dependency in target.get("dependencies", []):
            for kind in ("product", "byName", "target"):
                if kind in dependency:
                    declared.add(dependency[kind][0])
        for directory, _, files in os.walk(os.path.join(root, folder)):
            for file in sorted(files):
                if not file.endswith(".swift"):
                    continue
                path = os.path.join(directory, file)
                with open(path, encoding="utf-8") as source:
                    for number, line in enumerate(source, 1):
                        match = IMPORT.match(line)
                        if not match:
                            continue
                        module = match.group(1)
                        if module in declared_anywhere and module not in declared:
                            print(f"{os.path.relpath(path, root)}:{number}: target {name} imports {module} but does not declare it")
                            problems += 1
    if problems:
        print(f"{problems} undeclared import(s)")
        return 1
    print(f"every import declared ({len(targets)} targets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
