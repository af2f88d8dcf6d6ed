#!/usr/bin/env bash
# Debian packages LabourHub needs beyond Python: Redis (broker), Chromium (browser tests),
# HAProxy and RabbitMQ (the multi-node test, docs/operations/multinode.md), gettext (catalogues), Pango + Noto fonts (PDFs in Sinhala/Tamil/Vietnamese), poppler (pdftotext
# in tests). Installs only what is missing, only as root with apt; otherwise says what is missing.
set -euo pipefail
need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
[ -x /usr/sbin/rabbitmq-server ] || need+=(rabbitmq-server)
command -v msgfmt >/dev/null || need+=(gettext)
[ -e /usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf ] || need+=(fonts-noto-core)
command -v pdftotext >/dev/null || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "[system-deps] installing: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "[system-deps] missing Debian packages (install them as root): ${need[*]}" >&2
fi
