#!/usr/bin/env bash
# Builds the local Java 17 base image distdb/jre17-base:1 without any container registry: a JRE
# made with jlink from this machine's JDK, in a root filesystem unpacked from a few Debian packages
# (C/C++ runtime, zlib, busybox for a shell), imported with `docker import`.
#
#   images/base/build-base.sh            build unless an image built from this very script exists
#   images/base/build-base.sh --rebuild  build anyway
#
# Idempotent: the image carries a label with this script's SHA-256, so an unchanged script is a
# no-op and an edited one rebuilds. Needs: docker, apt-get (Debian), the JDK's jlink and jmods.
set -euo pipefail
tag="${DISTDB_BASE_IMAGE:-distdb/jre17-base:1}"
recipe="$(sha256sum "$0" | cut -c1-16)"
label="io.distdb.base-recipe"

if [[ "${1:-}" != "--rebuild" ]] \
  && [[ "$(docker image inspect -f "{{index .Config.Labels \"$label\"}}" "$tag" 2>/dev/null)" == "$recipe" ]]; then
  echo "base image $tag is up to date (recipe $recipe)"
  exit 0
fi

javac_path="$(readlink -f "$(command -v javac)")"
jdk="$(dirname "$(dirname "$javac_path")")"
[[ -f "$jdk/jmods/java.base.jmod" ]] || { echo "no jmods in $jdk: install openjdk-17-jdk-headless" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs" "$work/debs"
chmod 755 "$work" && chmod 777 "$work/debs" # apt-get download runs as _apt

# The C runtime the JVM links against and a static busybox (sh, wget, nc for debugging). apt-get
# download fetches .deb files only; nothing is installed on the host.
(cd "$work/debs" && apt-get download -qq libc6 libgcc-s1 libstdc++6 zlib1g gcc-12-base busybox-static)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done

# jdk.unsupported: Netty's and H2's Unsafe access; jdk.crypto.ec: TLS to the Kubernetes API;
# jdk.management: container-aware JVM metrics; jdk.zipfs: jar file systems; jdk.naming.dns: DNS
# lookups through JNDI; jdk.jfr: flight recordings for diagnosis; jdk.httpserver: the operator's
# probe server (/healthz, /readyz; OperatorImageIT fails without it). The CDS archive of the JDK classes
# saves a few hundred milliseconds of every container start.
"$jdk/bin/jlink" --module-path "$jdk/jmods" \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.jfr,jdk.httpserver \
  --generate-cds-archive --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$rootfs/opt/java"
# Debian's JDK links cacerts to /etc/ssl: replace the dangling link with the JDK's own store content.
if [[ -L "$rootfs/opt/java/lib/security/cacerts" ]]; then
  rm "$rootfs/opt/java/lib/security/cacerts"
  cp "$(readlink -f "$jdk/lib/security/cacerts")" "$rootfs/opt/java/lib/security/cacerts" 2>/dev/null || true
fi

mkdir -p "$rootfs/tmp" "$rootfs/etc" "$rootfs/usr/bin" "$rootfs/opt/distdb"
chmod 1777 "$rootfs/tmp"
for applet in $("$rootfs/bin/busybox" --list); do
  [[ -e "$rootfs/bin/$applet" ]] || ln -s busybox "$rootfs/bin/$applet"
done
ln -sf /opt/java/bin/java "$rootfs/usr/bin/java"
# UID 10001 is the only user the images run as (Kubernetes: runAsUser 10001, runAsNonRoot).
printf 'root:x:0:0:root:/root:/bin/sh\ndistdb:x:10001:10001:distdb:/opt/distdb:/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\ndistdb:x:10001:\n' >"$rootfs/etc/group"
printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" "$rootfs/usr/share/info"

tar -C "$rootfs" -cf "$work/rootfs.tar" .
# A failed step above must not become an empty image that only fails when a container starts.
[[ -x "$rootfs/opt/java/bin/java" && -s "$work/rootfs.tar" ]] || { echo "rootfs is incomplete" >&2; exit 1; }
old="$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)"
docker import \
  -c 'ENV JAVA_HOME=/opt/java' \
  -c 'ENV PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'ENV LANG=C.UTF-8' \
  -c 'USER 10001:10001' \
  -c 'WORKDIR /opt/distdb' \
  -c "LABEL $label=$recipe" \
  -c 'LABEL org.opencontainers.image.description="Java 17 runtime (jlink) on Debian bookworm libraries, for distdb"' \
  "$work/rootfs.tar" "$tag" >/dev/null
if [[ -n "$old" && "$old" != "$(docker image inspect -f '{{.Id}}' "$tag")" ]]; then
  docker rmi "$old" >/dev/null 2>&1 || true # the previous base, unless an image still uses it
fi
docker run --rm "$tag" java -version 2>&1 | sed -n 1p
echo "built base image $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
