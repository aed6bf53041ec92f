#!/usr/bin/env bash
# Builds khet_<version>_<arch>.deb with dpkg-deb from a release binary whose Swift runtime is
# linked statically: an office machine needs no Swift toolchain, only the C libraries Khet links
# against, which the package declares (found from the binary itself: ldd, then dpkg -S).
#   packaging/deb.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
[ -x "$binary" ] || { echo "error: no khet binary at $binary (build it first: make release)" >&2; exit 1; }
if ldd "$binary" | grep -q "libswiftCore"; then
  echo "error: $binary links the Swift runtime dynamically; build it with --static-swift-stdlib (make release)" >&2
  exit 1
fi
stage=.build/deb/root
rm -rf .build/deb
packaging/install.sh "$stage/usr" "$binary" >/dev/null
version=$(KHET_DATA="$stage/usr/share/khet" "$binary" --version | head -n 1)
arch=$(dpkg --print-architecture)
# Each shared library the binary loads, as the Debian package that ships it, with the version
# installed here as the lowest accepted (the package was built and tested against it). dpkg
# knows a file by the path its package gave, /lib or /usr/lib (merged /usr): both are tried.
owner() {
  local path real candidate
  path="$1"; real=$(readlink -f "$path")
  for candidate in "$path" "$real" "${path#/usr}" "/usr${path#/usr}" "${real#/usr}" "/usr${real#/usr}"; do
    dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1 && return 0
  done
  echo "error: no Debian package ships $path, which $binary loads" >&2
  return 1
}
libraries=$(ldd "$binary" | awk '/=> \// { print $3 }')
packages=$(for library in $libraries; do owner "$library" || exit 1; done | sort -u) || exit 1
depends=$(for package in $packages; do
    echo "$package (>= $(dpkg-query -W -f='${Version}' "$package"))"
  done | paste -sd, - | sed 's/,/, /g')
[ -n "$depends" ] || { echo "error: could not work out the package's dependencies from ldd $binary" >&2; exit 1; }
install -d "$stage/DEBIAN" "$stage/usr/share/doc/khet"
cp README.md "$stage/usr/share/doc/khet/README.md"
size=$(du -sk "$stage/usr" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: khet
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Installed-Size: $size
Depends: $depends
Maintainer: Khet developers <khet@localhost>
Description: allocation and reporting batch for Thai primary educational service area offices
 Khet imports an area's school data and OBEC's framework of rates, computes every school's
 allocation (free 15-year education, poor pupils, boarders, small schools) within the
 envelope, and writes the area workbook, one notice per school, the evaluation workbook and
 the annual report. The Swift runtime is linked in: no Swift toolchain is needed.
CONTROL
package="khet_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$package" >/dev/null
echo "built $package (Depends: $depends)"
