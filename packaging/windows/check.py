#!/usr/bin/env python3
"""Checks what `make package-windows` built (a folder with dist/ and the
installer): barg.exe is a GUI-subsystem x86-64 program (it opens no
console window), barg-cli.exe a console-subsystem one (its command line
prints in cmd and PowerShell), WebView2Loader.dll is beside them, and the
installer is an x86 or x86-64 Windows program. Exits 1 on any failure.

    packaging/windows/check.py target/windows
"""

import struct
import sys
from pathlib import Path

GUI, CONSOLE = 2, 3
MACHINES = {0x8664: "x86-64", 0x14C: "x86"}


def pe_header(path: Path):
    data = path.read_bytes()
    if data[:2] != b"MZ":
        raise ValueError(f"{path}: not an MZ executable")
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError(f"{path}: no PE signature")
    (machine,) = struct.unpack_from("<H", data, pe + 4)
    optional = pe + 24
    # Subsystem: offset 68 of the optional header in PE32 and PE32+ alike.
    (subsystem,) = struct.unpack_from("<H", data, optional + 68)
    return MACHINES.get(machine, hex(machine)), subsystem


def main():
    root = Path(sys.argv[1])
    dist = root / "dist"
    failures = []
    for name, want in (("barg.exe", GUI), ("barg-cli.exe", CONSOLE)):
        machine, subsystem = pe_header(dist / name)
        print(f"{name}: {machine}, subsystem {subsystem} ({'GUI' if subsystem == GUI else 'console' if subsystem == CONSOLE else '?'})")
        if machine != "x86-64":
            failures.append(f"{name} is built for {machine}, not x86-64")
        if subsystem != want:
            failures.append(f"{name} has subsystem {subsystem}, not {want}")
    if not (dist / "WebView2Loader.dll").is_file():
        failures.append("WebView2Loader.dll is not beside barg.exe")
    installers = sorted(root.glob("Barg-*-setup.exe"))
    if not installers:
        failures.append("no installer was built")
    for installer in installers:
        machine, _ = pe_header(installer)
        print(f"{installer.name}: {machine} Windows program, {installer.stat().st_size / 2**20:.1f} MiB")
    for failure in failures:
        print(f"check failed: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
