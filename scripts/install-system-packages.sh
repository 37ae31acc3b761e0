#!/bin/sh
# Install the Debian/Ubuntu packages evidence-check needs, only those missing, where we may
# (root or passwordless sudo): python3-venv, Tesseract with its Indonesian model (OCR of scans),
# antiword (legacy .doc). Elsewhere, say what to install by hand and carry on: the audit still
# runs without them, reporting scans as no-text and .doc files as unreadable, with a hint.
set -u
need=""
command -v python3 >/dev/null 2>&1 || need="$need python3"
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need="$need python3-venv"
command -v tesseract >/dev/null 2>&1 || need="$need tesseract-ocr"
tesseract --list-langs 2>/dev/null | grep -qx ind || need="$need tesseract-ocr-ind"
command -v antiword >/dev/null 2>&1 || need="$need antiword"
if [ "${EVIDENCE_CHECK_BROWSER_TESTS:-}" = 1 ]; then
    command -v chromium >/dev/null 2>&1 || need="$need chromium"
    # the test corpora draw photos and screenshots in DejaVu (scripts/docgen*.py)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need="$need fonts-dejavu-core"
fi
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "evidence-check set-up: please install:$need (no apt-get on this machine; see README)" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
else
    echo "evidence-check set-up: please run: sudo apt-get install$need" >&2
    exit 0
fi
echo "evidence-check set-up: installing$need"
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
