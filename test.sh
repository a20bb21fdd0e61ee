#!/usr/bin/env bash
# The tests, on a fresh Debian machine with the .NET SDK: install what the tests drive when it is missing
# (LibreOffice, Chromium, Poppler, CJK fonts, PostgreSQL), start PostgreSQL, then run every test project.
# Extra arguments go to `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")"

needed=()
command -v soffice >/dev/null || needed+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v chromium >/dev/null || needed+=(chromium)
command -v pdftoppm >/dev/null || needed+=(poppler-utils)
fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || needed+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null || needed+=(postgresql)
command -v git >/dev/null || needed+=(git)
# `dotnet publish` of the publisher compiles it ahead of time (Native AOT), which links with clang.
command -v clang >/dev/null || needed+=(clang)

sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
    echo "test.sh: installing ${needed[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
  else
    echo "test.sh: missing ${needed[*]}; install them (apt-get install ${needed[*]}) or run as root" >&2
    exit 2
  fi
fi

# PostgreSQL for the register's tests: start the first cluster Debian created.
if command -v pg_lsclusters >/dev/null; then
  read -r pg_version pg_cluster _ <<<"$(pg_lsclusters --no-header | head -1)"
  if [ -n "${pg_version:-}" ]; then
    $sudo pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
    # A role and database of the tests' own (idempotent); the register's tests read the connection string.
    as_postgres=(su postgres -c)
    [ "$(id -u)" -ne 0 ] && as_postgres=($sudo -u postgres sh -c)
    "${as_postgres[@]}" "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname = 'handbook_test'\" | grep -q 1 || psql -qc \"CREATE ROLE handbook_test LOGIN PASSWORD 'handbook_test'\"" >/dev/null
    "${as_postgres[@]}" "psql -qtc \"SELECT 1 FROM pg_database WHERE datname = 'handbook_test'\" | grep -q 1 || createdb -O handbook_test handbook_test" >/dev/null
    export HANDBOOK_TEST_POSTGRES="Host=localhost;Port=$(pg_lsclusters --no-header | head -1 | awk '{print $3}');Database=handbook_test;Username=handbook_test;Password=handbook_test"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet test Handbook.sln "$@"
