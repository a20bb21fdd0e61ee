#!/bin/sh
# Publishes the browser validator, serves it on loopback with the handbook's sources and one record, and prints
# the compressed download size, the time until ready and one record's validation time in headless Chromium.
# Usage: bench/BrowserValidator/run.sh RECORD.docx [HANDBOOK_FOLDER]   (from the repository root)
set -eu
record=$1; handbook=${2:-handbook}
out=$(mktemp -d)
dotnet publish src/Validator.Browser -c Release -o "$out/publish" >/dev/null
site=$out/publish/wwwroot
cp bench/BrowserValidator/check.html bench/BrowserValidator/check.js "$site/"
cp "$record" "$site/record.docx"
(cd "$handbook" && zip -qr "$site/handbook.zip" . -x '*.docx')
echo "brotli bytes of _framework: $(find "$site/_framework" -name '*.br' -exec cat {} + | wc -c)"
python3 -m http.server 8766 --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
sleep 1
chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=60000 --dump-dom \
  http://127.0.0.1:8766/check.html 2>/dev/null | grep -o '<pre id="out">.*</pre>'
kill $server
