#!/usr/bin/env bash
# Debian packages the tests and the local server need (docassemble-notes.md); installs only
# what is missing, so a second run costs a few dpkg look-ups. Run as root.
set -euo pipefail

PAKKAR=(
  # documents: pandoc, LaTeX with babel nynorsk, text extraction for tests. texlive-luatex makes
  # docassemble use lualatex (as in its Docker image); the fonts print what users type that
  # Latin Modern lacks: Hebrew/Arabic (FreeSerif, DejaVu) and emoji (Symbola).
  pandoc texlive-latex-base texlive-latex-recommended texlive-fonts-recommended
  texlive-latex-extra texlive-lang-european texlive-luatex lmodern fonts-liberation poppler-utils
  fonts-freefont-otf fonts-dejavu-core fonts-symbola
  # docassemble.base's own runtime needs (pyzbar, cairo) and OS locales
  libzbar0 libcairo2 locales
  # the local docassemble server: database, cache, building python-ldap; HTTP checks
  postgresql redis-server libldap2-dev libsasl2-dev curl
  # WordNet for the NLTK corpora docassemble imports (scripts/nltk_data.py)
  wordnet-base wordnet-sense-index
  # docassemble's multi-server mode on one machine (scripts/to-tenarar.sh): the load balancer
  haproxy
  # browser tests (Playwright drives Debian's chromium; nothing downloads a browser); the
  # language packs give chromium's own messages in Norwegian (--lang=nb; it has no Nynorsk)
  chromium chromium-l10n
)

manglar=()
for p in "${PAKKAR[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || manglar+=("$p")
done
if [ "${#manglar[@]}" -gt 0 ]; then
  echo "[desentral] installerer ${manglar[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${manglar[@]}" >&2
fi

# lualatex's font-name database: built once here (about 25 s), not in the first assembly.
luaotfload-tool --update >/dev/null 2>&1 || true

# docassemble's worker needs en_US.UTF-8; Nynorsk number formatting needs nn_NO.UTF-8.
for loc in en_US.UTF-8 nn_NO.UTF-8; do
  if ! locale -a 2>/dev/null | grep -qi "^${loc%%.*}\.utf-\?8$"; then
    sed -i "s/^# *${loc} UTF-8/${loc} UTF-8/" /etc/locale.gen
    grep -q "^${loc} UTF-8" /etc/locale.gen || echo "${loc} UTF-8" >> /etc/locale.gen
    locale-gen >&2
  fi
done
