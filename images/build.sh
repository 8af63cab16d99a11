#!/usr/bin/env bash
# Builds the distdb images without any registry, in one command from a clone:
#
#   images/build.sh
#
#   1. the runnable jars (mvn package, tests skipped) unless they are newer than their sources
#   2. the local base image distdb/jre17-base:1 (images/base/build-base.sh: Debian packages + jlink)
#   3. distdb/db-node:<tag> and distdb/operator:<tag>, tag = the parent pom's distdb.image.tag
#
# The operator image is skipped, with a message, while operator/target/distdb-operator.jar does not
# exist (the operator module does not build a runnable jar yet). Needs a running Docker engine.
# Environment: DISTDB_IMAGE_TAG overrides the tag; DISTDB_SKIP_MAVEN=1 uses the jars as they are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

tag="${DISTDB_IMAGE_TAG:-$(sed -n 's:.*<distdb.image.tag>\(.*\)</distdb.image.tag>.*:\1:p' pom.xml)}"
[[ -n "$tag" ]] || { echo "no <distdb.image.tag> in pom.xml" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers (start dockerd first)" >&2; exit 1; }

# stale JAR DIR...: true when JAR is missing or older than a source file under DIRs.
stale() {
  local jar=$1; shift
  [[ ! -f "$jar" ]] || [[ -n "$(find "$@" pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}
# One mvn run builds both jars; db-node.jar's age stands for both (the operator jar may not exist).
if [[ "${DISTDB_SKIP_MAVEN:-}" != 1 ]] \
  && stale db-node/target/db-node.jar admin-api/src admin-api/pom.xml db-node/src db-node/pom.xml operator/src operator/pom.xml; then
  echo "building jars (mvn package, tests skipped)..."
  mvn -B -q -Dstyle.color=never -DskipTests package -pl db-node,operator -am
fi

images/base/build-base.sh

build() {
  local name=$1
  local start=$SECONDS
  local out old
  old="$(docker image inspect -f '{{.Id}}' "distdb/$name:$tag" 2>/dev/null || true)"
  # The legacy builder's deprecation notice is noise here: show the output only on failure.
  if ! out="$(docker build -q --build-arg "VERSION=$tag" -f "images/$name/Dockerfile" -t "distdb/$name:$tag" . 2>&1)"; then
    echo "$out" >&2
    exit 1
  fi
  # The image the tag pointed to before is garbage now (unless a container still uses it).
  if [[ -n "$old" && "$old" != "$(docker image inspect -f '{{.Id}}' "distdb/$name:$tag")" ]]; then
    docker rmi "$old" >/dev/null 2>&1 || true
  fi
  echo "built distdb/$name:$tag in $((SECONDS - start)) s"
}
build db-node
if [[ -f operator/target/distdb-operator.jar ]]; then
  build operator
else
  echo "SKIPPED distdb/operator:$tag: operator/target/distdb-operator.jar does not exist (the operator module builds no runnable jar yet)"
fi
