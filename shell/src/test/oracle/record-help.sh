#!/usr/bin/env bash
# Records how many sections the real targetcli's help has for every topic of every node type
# (help/oracle-sections.txt: "<path> <topic> <sections>"), which HelpSectionsTest holds glio's
# help to. Needs the oracle as record.sh does. The nodes are made by help/setup.txt and listed
# in help/nodes.txt; each node's topics are those its `help` lists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export HELP_DIR="$here/../resources/help" ORACLE=${ORACLE_DIR:-/work/shared/tools/targetcli-oracle}
python3 - <<'PY'
import os, re, subprocess, tempfile
d, oracle = os.environ["HELP_DIR"], os.environ["ORACLE"]
setup = open(f"{d}/setup.txt").read()
nodes = open(f"{d}/nodes.txt").read().split()

def run(steps):
    """Runs setup then each (path, command) after a marker bookmark; returns each command's output."""
    script = setup + "".join(f"cd {p}\nbookmarks add m{i}\n{c}\n" for i, (p, c) in enumerate(steps))
    with tempfile.TemporaryDirectory() as base:
        env = dict(os.environ, FAKE_BASE=base, TARGETCLI_HOME=base, FAKE_TCMU="1")
        out = subprocess.run(["/usr/bin/python3", f"{oracle}/harness.py"], input=script, text=True,
                             capture_output=True, env=env).stdout
    parts = re.split(r"Bookmarked \S+ as m\d+\.\n", out)[1:]
    assert len(parts) == len(steps), (len(parts), len(steps))
    return parts

pages = []
for path, listing in zip(nodes, run([(p, "help") for p in nodes])):
    pages += [(path, t) for t in re.findall(r"^  - (\S+)", listing, re.M)]
with open(f"{d}/oracle-sections.txt", "w") as f:
    for (path, topic), text in zip(pages, run([(p, f"help {t}") for p, t in pages])):
        lines = text.split("\n")
        n = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and re.fullmatch(r"=+", b) and len(b) == len(a))
        f.write(f"{path} {topic} {n}\n")
print(f"recorded {len(pages)} help pages")
PY
