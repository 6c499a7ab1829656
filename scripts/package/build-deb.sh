#!/usr/bin/env bash
# Builds the Debian package from a finished build folder (`make package` runs this through the
# `deb` target). usage: build-deb.sh BUILD_DIR VERSION OUT.deb
#   1. `cmake --install` into a staging root with the /usr prefix, stripped: /usr/bin/jiaohe,
#      /usr/share/jiaohe (data/), the man page, the bash completion, the example config;
#   2. the Debian parts from this folder: the example config as /etc/jiaohe/config.json (a
#      conffile, so dpkg keeps the operator's edits on upgrade), jiaohe.service and
#      jiaohe-worker@.service (with hardening.conf put in), the maintainer scripts, and a control file whose Depends dpkg-shlibdeps reads off the binary;
#   3. dpkg-deb, with every file owned by root.
set -euo pipefail
build=$(cd "$1" && pwd) version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$build/package
stage=$work/root
rm -rf "$work"
mkdir -p "$stage/DEBIAN" "$work/shlibs/debian"

DESTDIR=$stage cmake --install "$build" --prefix /usr --strip >/dev/null
install -D -m 0640 "$stage/usr/share/doc/jiaohe/config.example.json" "$stage/etc/jiaohe/config.json"
# The units, each with the shared hardening in place of its @HARDENING@ line.
mkdir -p "$stage/lib/systemd/system"
grep -v '^#:' "$here/hardening.conf" >"$work/hardening"
for unit in jiaohe.service jiaohe-worker@.service; do
  sed -e "/^@HARDENING@\$/{r $work/hardening" -e 'd}' "$here/$unit.in" >"$stage/lib/systemd/system/$unit"
  chmod 0644 "$stage/lib/systemd/system/$unit"
done
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"
echo /etc/jiaohe/config.json >"$stage/DEBIAN/conffiles"

# dpkg-shlibdeps wants a debian/control naming the package; it prints "shlibs:Depends=...".
printf 'Source: jiaohe\n\nPackage: jiaohe\nArchitecture: any\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$stage/usr/bin/jiaohe" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no libraries for $stage/usr/bin/jiaohe" >&2; exit 1; }
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$(dpkg --print-architecture)/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" "$here/control.in" >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  >"$stage/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$out" >/dev/null
echo "built $out"
