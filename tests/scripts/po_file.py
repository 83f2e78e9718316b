"""A small reader and writer of GNU gettext PO files (entries, flags, locations)."""
import ast
import re


class Entry:
    def __init__(self):
        self.comments = []  # lines starting with '#'
        self.msgid = None
        self.msgstr = None

    @property
    def fuzzy(self):
        return any(c.startswith('#,') and 'fuzzy' in c for c in self.comments)

    @property
    def obsolete(self):
        return any(c.startswith('#~') for c in self.comments)


def _unquote(text):
    return ast.literal_eval(text) if text.startswith('"') else ''


def read(path):
    entries, entry, field = [], Entry(), None
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        if not line.strip():
            if entry.msgid is not None or entry.comments:
                entries.append(entry)
            entry, field = Entry(), None
            continue
        if line.startswith('#'):
            entry.comments.append(line)
            continue
        m = re.match(r'(msgid|msgstr) (".*")$', line)
        if m:
            field = m.group(1)
            setattr(entry, field, _unquote(m.group(2)))
        elif line.startswith('"') and field:
            setattr(entry, field, getattr(entry, field) + _unquote(line))
    if entry.msgid is not None or entry.comments:
        entries.append(entry)
    return entries


def quote(text):
    out = text.replace('\\', '\\\\').replace('"', '\\"').replace('\t', '\\t')
    if '\n' in text[:-1]:
        parts = out.split('\n')
        lines = [p + '\\n' for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        return '""\n' + '\n'.join('"' + l + '"' for l in lines)
    return '"' + out.replace('\n', '\\n') + '"'


def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        for i, e in enumerate(entries):
            if i:
                f.write('\n')
            for c in e.comments:
                f.write(c + '\n')
            f.write('msgid ' + quote(e.msgid) + '\n')
            f.write('msgstr ' + quote(e.msgstr) + '\n')
