# Sourced by .ci/run: makes Debian's Chromium available to the power-up's browser tests (test/browser/).
# The tests drive /usr/bin/chromium with playwright-core; they never download a browser. When it cannot be installed
# the browser suite fails under CI=true with a loud message: that is not a pass.

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "ci: no Chromium at /usr/bin/chromium; installing Debian's chromium package"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
    echo "ci: installing chromium failed: the browser tests will fail" >&2
}
