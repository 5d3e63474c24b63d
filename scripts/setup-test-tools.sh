#!/usr/bin/env bash
# Installs the Debian tools the PDF tests use to make and read PDFs: poppler-utils (pdftotext,
# pdftoppm), mupdf-tools (mutool), qpdf and img2pdf. Idempotent: when they are all there it only
# checks and returns.
set -euo pipefail

log() { echo "setup-test-tools: $*" >&2; }

missing=()
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v img2pdf >/dev/null 2>&1 || missing+=(img2pdf)

if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "pdftotext, pdftoppm, mutool, qpdf and img2pdf are installed"
