#!/bin/sh
# Refreshes po/zh_CN.po from the sources: every message marked with tr(),
# trf() or N_() (include/sopctl/base/i18n.hpp) is added, untranslated, and
# the ones no longer in the code are dropped. Translate the new ones (the
# msgstr "" entries), then build: msgfmt compiles the catalogue, and
# tests/scripts/test_translations.py fails while one is missing.
set -eu
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
find src include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort |
  xgettext --files-from=- --language=C++ --from-code=UTF-8 --keyword= --keyword=tr \
    --keyword=trf --keyword=N_ --add-location=file --no-wrap --package-name=sopctl \
    --output="$pot"
msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap --add-location=file \
  po/zh_CN.po "$pot"
msgattrib --no-obsolete --no-wrap --add-location=file --output-file=po/zh_CN.po po/zh_CN.po
echo "po/zh_CN.po: $(msgattrib --untranslated po/zh_CN.po | grep -c '^msgid ' || true) entries to translate (counting the header)"
