#!/usr/bin/env bash
# Installs and starts what the tests need outside Python: Redis, PostgreSQL, Tesseract OCR, libarchive,
# Chromium (browser tests).
# Idempotent: does nothing when the services already answer.
set -euo pipefail

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
# OCR (evidence/extraction/ocr.py): Tesseract with the Indonesian and English models (OSD comes with it).
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
for lang in ind eng; do
  [ -f "/usr/share/tesseract-ocr/5/tessdata/${lang}.traineddata" ] || \
    [ -f "/usr/share/tesseract-ocr/4.00/tessdata/${lang}.traineddata" ] || need_apt+=("tesseract-ocr-${lang}")
done
# 7z/RAR/tar intake (evidence/intake/streamed.py) reads archives through libarchive-c, which loads libarchive.
ldconfig -p 2>/dev/null | grep -q 'libarchive\.so\.13' || need_apt+=(libarchive13)
# Browser tests (tests/browser) drive Debian's Chromium through Playwright; Playwright never downloads one.
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The generated scans in the tests are rendered with a TrueType font.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} (install them, or run as root)" >&2
  fi
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  redis-server --daemonize yes --port 6379 --save "" --appendonly no >/dev/null
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi

for _ in $(seq 1 30); do
  if (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    break
  fi
  sleep 1
done

# The tests use the database "test"; create it when a fresh cluster lacks it.
if command -v psql >/dev/null 2>&1 && ! psql -h 127.0.0.1 -U postgres -lqt 2>/dev/null | cut -d'|' -f1 | grep -qw test; then
  psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 || \
    su postgres -c "psql -c 'CREATE DATABASE test'" >/dev/null 2>&1 || true
fi
