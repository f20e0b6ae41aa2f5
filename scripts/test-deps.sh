#!/usr/bin/env bash
# What the tests need besides node_modules, installed when missing (run by `npm test` before the tests, and by .ci/run):
#   chromium        Debian's browser, driven by playwright-core in test/browser (never `npx playwright install`)
#   fonts-noto-cjk  a CJK font, so that chromium renders the Chinese pages
#   poppler-utils   pdftotext, to read generated PDFs back
#   postgresql      the server for scripts/with-postgres.sh (CI runs every database test on it as well as on PGlite)
# As root with apt-get it installs what is missing; otherwise it prints the command to run and fails. Idempotent: when
# everything is there it prints nothing and takes no time.
# Locally (not CI) without root, PostgreSQL is optional — `npm test` runs the database tests on PGlite unless
# TEST_DATABASE_URL is set — and TAIZHANG_SKIP_BROWSER=1 (which test/browser honours) makes chromium and the font optional.
set -euo pipefail

ci=false
[ "${CI:-}" = "true" ] && ci=true
root=false
[ "$(id -u)" = "0" ] && root=true
skip_browser=false
[ "${TAIZHANG_SKIP_BROWSER:-}" = "1" ] && [ "$ci" = false ] && skip_browser=true

need=()
if [ "$skip_browser" = false ]; then
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
  # (not `fc-list | grep -q`: grep stops reading, fc-list dies of SIGPIPE and pipefail calls the font missing)
  grep -qi 'noto.*cjk' <<<"$(fc-list 2>/dev/null || true)" || need+=(fonts-noto-cjk)
fi
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
postgres=false
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && postgres=true; done
optional=()
if [ "$postgres" = false ]; then
  if [ "$root" = true ] || [ "$ci" = true ]; then need+=(postgresql); else optional+=(postgresql); fi
fi

if [ ${#optional[@]} -gt 0 ]; then
  echo "test-deps: PostgreSQL is not installed: the database tests run on PGlite only." >&2
  echo "test-deps: to run them on PostgreSQL too (scripts/with-postgres.sh npm test): sudo apt-get install -y postgresql" >&2
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$root" = true ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  exit 0
fi

echo "test-deps: the tests need Debian packages that are missing: ${need[*]}" >&2
echo "test-deps: install them (as root) with:" >&2
echo "    sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
[ "$skip_browser" = false ] && [ "$ci" = false ] && [[ " ${need[*]} " = *" chromium "* ]] &&
  echo "test-deps: or run without the browser tests: TAIZHANG_SKIP_BROWSER=1 npm test" >&2
exit 1
