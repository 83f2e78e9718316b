#!/usr/bin/env python3
"""Fails when a unit test does not mirror a source, or a source includes a layer above its own, a sibling layer, or
another folder's private header, or when the folder graph has a cycle.

The layers, lowest first (ARCHITECTURE.md explains each). A file may include
public headers (<sopctl/LAYER/...>) of strictly lower layers and of its own
folder, and private headers ("x.hpp" in src/core/FOLDER/) of its own folder.

Usage: check_layers.py [REPO]   (default: the repository holding this script)
"""
import os
import re
import sys

RANKS = {
    'base': 0,
    'text': 1, 'net': 1, 'stats': 1,
    'model': 2,
    'load': 3, 'calendar': 3, 'events': 3,
    'plan': 4, 'funnel': 4, 'aarrr': 4, 'grow': 4,
    'lint': 5, 'audit': 5, 'notify': 5, 'compare': 5, 'sql': 5,
    'render': 6,
    'app': 7,
    'cli': 8,
}
PUBLIC = re.compile(r'^\s*#\s*include\s*<sopctl/([a-z_]+)/[^>]+>', re.M)
LOCAL = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def folder_of(rel):
    parts = rel.split('/')
    if parts[0] == 'include' and len(parts) >= 4:
        return parts[2]
    if parts[:2] == ['src', 'core'] and len(parts) >= 4:
        return parts[2]
    if parts[:2] == ['src', 'cli']:
        return 'cli'
    return None


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = []
    edges = {}
    for top in ('include/sopctl', 'src'):
        for root, _, files in os.walk(os.path.join(repo, top)):
            for name in sorted(files):
                if not name.endswith(('.hpp', '.cpp')):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, repo)
                here = folder_of(rel)
                if here is None:
                    problems.append(f'{rel}: not inside a layer folder')
                    continue
                if here not in RANKS:
                    problems.append(f'{rel}: folder "{here}" is not a known layer (add it to scripts/check_layers.py and ARCHITECTURE.md)')
                    continue
                text = open(path, encoding='utf-8').read()
                for m in PUBLIC.finditer(text):
                    there = m.group(1)
                    line = text.count('\n', 0, m.start()) + 1
                    if there not in RANKS:
                        problems.append(f'{rel}:{line}: includes <sopctl/{there}/...>, not a layer')
                        continue
                    edges.setdefault(here, set()).add(there)
                    if there == here:
                        continue
                    if RANKS[there] > RANKS[here]:
                        problems.append(f'{rel}:{line}: {here} (layer {RANKS[here]}) includes upward: <sopctl/{there}/...> (layer {RANKS[there]})')
                    elif RANKS[there] == RANKS[here]:
                        problems.append(f'{rel}:{line}: {here} includes its sibling layer {there}; move the shared part down')
                for m in LOCAL.finditer(text):
                    line = text.count('\n', 0, m.start()) + 1
                    target = os.path.normpath(os.path.join(root, m.group(1)))
                    if os.path.dirname(target) != root:
                        problems.append(f'{rel}:{line}: private header "{m.group(1)}" of another folder')
    # Unit tests mirror their sources: tests/unit/test_<folder>_<file>.cpp
    # tests src/core/<folder>/<file>.cpp.
    unit = os.path.join(repo, 'tests', 'unit')
    for name in sorted(os.listdir(unit)) if os.path.isdir(unit) else []:
        if not name.startswith('test_') or not name.endswith('.cpp') or name == 'test_main.cpp':
            continue
        stem = name[len('test_'):-len('.cpp')]
        folder, _, rest = stem.partition('_')
        if not os.path.exists(os.path.join(repo, 'src', 'core', folder, rest + '.cpp')):
            problems.append(f'tests/unit/{name}: no src/core/{folder}/{rest}.cpp to mirror (name it test_<folder>_<file>.cpp)')
        with open(os.path.join(unit, name), encoding='utf-8') as f:
            if 'namespace SOPCTL_TU_ID {' not in f.read():
                problems.append(f'tests/unit/{name}: wrap the file after its #includes in '
                                '`namespace SOPCTL_TU_ID {` (unity builds; see tests/CMakeLists.txt)')
    # A cycle can only come from the checks above failing, but say so plainly.
    state = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt == node:
                continue
            if state.get(nxt) == 1:
                problems.append('cycle: ' + ' -> '.join(stack + [node, nxt]))
            elif nxt not in state:
                visit(nxt, stack + [node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} layering problem(s); see ARCHITECTURE.md')
        return 1
    print(f'layers ok: {sum(len(v) for v in edges.values())} folder edges, all downward')
    return 0


if __name__ == '__main__':
    sys.exit(main())
