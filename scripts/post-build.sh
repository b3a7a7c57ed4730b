#!/bin/sh
# Trunk's post_build hook (Trunk.toml): the steps that finish a built site, in order.
#
#   scripts/post-build.sh [DIR]    # DIR defaults to $TRUNK_STAGING_DIR, then dist/
#
# 1. scripts/split.mjs      the app's wasm in two: what the first screen runs, and the rest
#                           (loaded when the page is idle); names dropped; new file names
# 2. scripts/prerender.mjs  the default plan's planner as HTML in index.html (first paint)
# 3. scripts/sw-build.sh    the release id and the service worker's file lists (and, where
#                           present, the content security policy) — last, so they cover
#                           everything above
# Trunk runs all hooks of one stage at the same time: keep this the only post_build hook
# and add steps here.
set -eu
dir=${1:-${TRUNK_STAGING_DIR:-dist}}
here=$(dirname "$0")
node "$here/split.mjs" "$dir"
node "$here/prerender.mjs" "$dir"
sh "$here/sw-build.sh" "$dir"
