#!/usr/bin/env bash
# Debian packages the local server needs (docassemble-notes.md), and with `--test` what the
# tests need besides, with `--latex` the LaTeX path (config `desentral: pdf: latex`); installs
# only what is missing, so a second run costs a few dpkg look-ups. Run as root.
set -euo pipefail
# apt's and perl's own locale warnings on a machine whose locale is not generated yet.
export LC_ALL=C.UTF-8 LANG=C.UTF-8

PAKKAR=(
  # documents: pandoc (DOCX; the PDF's Typst writer comes from pypandoc-binary where this one is
  # older than 3.5), the fonts the Typst PDF prints what users type with where New Computer
  # Modern lacks it: Hebrew/Arabic (FreeSerif, DejaVu) and emoji (Symbola); text extraction.
  pandoc fonts-freefont-otf fonts-dejavu-core fonts-symbola fonts-liberation poppler-utils
  # docassemble.base's own runtime needs (pyzbar, cairo) and OS locales
  libzbar0 libcairo2 locales
  # the local docassemble server: database, cache, building python-ldap; HTTP checks
  postgresql redis-server libldap2-dev libsasl2-dev curl
  # WordNet for the NLTK corpora docassemble imports (scripts/nltk_data.py)
  wordnet-base wordnet-sense-index
)
TEST=(
  # docassemble's multi-server mode on one machine (scripts/to-tenarar.sh): the load balancer
  haproxy
  # browser tests (Playwright drives Debian's chromium; nothing downloads a browser); the
  # language packs give chromium's own messages in Norwegian (--lang=nb; it has no Nynorsk)
  chromium chromium-l10n
)
LATEX=(
  # the LaTeX path: lualatex (docassemble uses it when texlive-luatex is there, as in its image)
  # with babel nynorsk and Latin Modern
  texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra
  texlive-lang-european texlive-luatex lmodern
)
latex=0
for arg in "$@"; do
  case "$arg" in
    --test) PAKKAR+=("${TEST[@]}") ;;
    --latex) PAKKAR+=("${LATEX[@]}"); latex=1 ;;
  esac
done

manglar=()
for p in "${PAKKAR[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || manglar+=("$p")
done
if [ "${#manglar[@]}" -gt 0 ]; then
  echo "[desentral] installerer ${manglar[*]}" >&2
  # dpkg's progress lines (hundreds on a fresh machine) go to a log, shown only if apt fails.
  logg="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           "${manglar[@]}"; } >"$logg" 2>&1; then
    echo "[desentral] apt-get feila:" >&2; tail -n 30 "$logg" >&2; rm -f "$logg"; exit 1
  fi
  rm -f "$logg"
fi

# lualatex's font-name database: built once here (about 25 s), not in the first assembly.
if [ "$latex" = 1 ]; then luaotfload-tool --update >/dev/null 2>&1 || true; fi

# docassemble's worker needs en_US.UTF-8; Nynorsk number formatting needs nn_NO.UTF-8.
for loc in en_US.UTF-8 nn_NO.UTF-8; do
  if ! locale -a 2>/dev/null | grep -qi "^${loc%%.*}\.utf-\?8$"; then
    sed -i "s/^# *${loc} UTF-8/${loc} UTF-8/" /etc/locale.gen
    grep -q "^${loc} UTF-8" /etc/locale.gen || echo "${loc} UTF-8" >> /etc/locale.gen
    locale-gen >/dev/null
  fi
done
