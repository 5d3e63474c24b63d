#!/usr/bin/env bash
# Installs the PDF text extractors the extraction tests run on the real posted letters
# (test/extraction/): pdftotext (poppler-utils) and mutool (mupdf-tools), plus qpdf and img2pdf,
# which the PDF tests use. pdf.js comes from npm (pdfjs-dist). Debian packages only, no other
# download.
#
# Idempotent: when every tool is on the PATH it only checks and returns.
set -euo pipefail

log() { echo "setup-test-tools: $*" >&2; }

# Debian package -> the command that shows it is installed.
declare -A COMMAND_OF=(
  [poppler-utils]=pdftotext
  [mupdf-tools]=mutool
  [qpdf]=qpdf
  [img2pdf]=img2pdf
)

missing_packages=()
for package in poppler-utils mupdf-tools qpdf img2pdf; do
  command -v "${COMMAND_OF[$package]}" >/dev/null 2>&1 || missing_packages+=("$package")
done

if [ ${#missing_packages[@]} -eq 0 ]; then
  log "pdftotext, mutool, qpdf and img2pdf already installed"
  exit 0
fi

log "installing Debian packages: ${missing_packages[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >&2
log "done"
