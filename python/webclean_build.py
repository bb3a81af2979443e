"""The in-tree PEP 517 build backend of the webclean Python module.

`pip install .` from the repository root runs it (pyproject.toml names it,
with backend-path = ["python"]). It needs nothing from PyPI, only the
standard library, CMake and a C++ compiler, so it works offline: pip's build
isolation installs the empty list of build requirements. It configures the
project with -DWEBCLEAN_PYTHON=ON, builds the one target webclean_python
and zips <build>/python/webclean/ into a wheel.

Environment:
  WEBCLEAN_BUILD_DIR  build in this directory and keep it (reused as is when
                      already configured, so CI compiles the library once);
                      by default a temporary directory, removed afterwards
  CMAKE_ARGS          extra arguments for the configure step (shlex-split),
                      e.g. "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  CMAKE_BUILD_PARALLEL_LEVEL  build jobs (default: all cores)
The build directory can also be passed as a config setting:
  pip install . --config-settings build-dir=/path
"""

import base64
import hashlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "webclean"
TARGET = "webclean_python"
SUMMARY = "The clean article text of web pages and text dumps (bindings of the webclean C++ library)"
REQUIRES_PYTHON = ">=3.8"
# A fixed timestamp for the archive members: the same sources give the same wheel.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _log(message):
    print("webclean_build: " + message, file=sys.stderr, flush=True)


def _version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        match = re.search(r"project\(\s*webclean\s+VERSION\s+([0-9][0-9.]*)", f.read())
    if not match:
        raise RuntimeError("no project(webclean VERSION ...) in CMakeLists.txt")
    return match.group(1)


def _tag():
    """The wheel tag of the running interpreter, e.g. cp311-cp311-linux_x86_64.

    The module is a CPython extension built against this interpreter's
    headers: its ABI is the interpreter's (no limited API)."""
    if sys.implementation.name != "cpython":
        raise RuntimeError("webclean's module is built for CPython only, not " + sys.implementation.name)
    version = "%d%d" % sys.version_info[:2]
    abi = "cp" + version
    if sysconfig.get_config_var("Py_DEBUG"):
        abi += "d"
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        abi += "t"
    platform = re.sub(r"[^A-Za-z0-9_]", "_", sysconfig.get_platform())
    return "cp%s-%s-%s" % (version, abi, platform)


def _cache_value(build_dir, name):
    """A variable of an existing CMakeCache.txt, or None."""
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def _run(command):
    _log(" ".join(shlex.quote(part) for part in command))
    subprocess.run(command, check=True)


def _build_module(build_dir):
    """Configures (if needed) and builds the module; returns the package folder."""
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError("cmake is not on PATH (Debian: apt-get install cmake)")
    configured = _cache_value(build_dir, "WEBCLEAN_PYTHON")
    if configured is not None and configured.upper() in ("ON", "1", "TRUE", "YES"):
        # A build directory set up for the module already (scripts/python_test.sh,
        # CI): left as it is. Its other options (tests, benchmark) are not
        # touched, and its interpreter is checked below by the module's suffix.
        pass
    else:
        command = [cmake, "-S", ROOT, "-B", build_dir, "-DWEBCLEAN_PYTHON=ON",
                   "-DPython_EXECUTABLE=" + sys.executable]
        if configured is None:
            # A new build directory: nothing but the module and its library.
            command += ["-DCMAKE_BUILD_TYPE=Release", "-DWEBCLEAN_TESTS=OFF", "-DWEBCLEAN_BENCH=OFF"]
        command += shlex.split(os.environ.get("CMAKE_ARGS", ""))
        _run(command)
    command = [cmake, "--build", build_dir, "--target", TARGET]
    if "CMAKE_BUILD_PARALLEL_LEVEL" not in os.environ:
        command += ["--parallel", str(os.cpu_count() or 1)]
    _run(command)

    package = os.path.join(build_dir, "python", NAME)
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    if not os.path.isfile(os.path.join(package, "_webclean" + suffix)):
        found = [n for n in os.listdir(package) if n.startswith("_webclean")] if os.path.isdir(package) else []
        raise RuntimeError(
            "%s has no _webclean%s for this interpreter (%s) but %s: that build directory "
            "was configured for another Python; use a fresh one or reconfigure it with "
            "-DPython_EXECUTABLE=%s" % (package, suffix, sys.executable, found or "nothing", sys.executable))
    return package


def _metadata():
    version = _version()
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + NAME,
        "Version: " + version,
        "Summary: " + SUMMARY,
        "Requires-Python: " + REQUIRES_PYTHON,
        "Description-Content-Type: text/markdown",
    ]
    text = "\n".join(lines) + "\n\n"
    readme = os.path.join(ROOT, "python", "README.md")
    if os.path.isfile(readme):
        with open(readme, encoding="utf-8") as f:
            text += f.read()
    return text


def _dist_info_files(tag):
    """The dist-info members but RECORD: {name: bytes}."""
    wheel = "Wheel-Version: 1.0\nGenerator: webclean_build\nRoot-Is-Purelib: false\nTag: %s\n" % tag
    return {
        "METADATA": _metadata().encode("utf-8"),
        "WHEEL": wheel.encode("utf-8"),
        "top_level.txt": (NAME + "\n").encode("utf-8"),
    }


def _dist_info_name():
    return "%s-%s.dist-info" % (NAME, _version())


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def _zip_add(archive, name, data, executable=False):
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
    archive.writestr(info, data)


# ---- PEP 517 hooks --------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    # Metadata without compiling: pip asks for it before building.
    dist_info = os.path.join(metadata_directory, _dist_info_name())
    os.makedirs(dist_info, exist_ok=True)
    for name, data in _dist_info_files(_tag()).items():
        with open(os.path.join(dist_info, name), "wb") as f:
            f.write(data)
    return _dist_info_name()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    settings = config_settings or {}
    build_dir = settings.get("build-dir") or os.environ.get("WEBCLEAN_BUILD_DIR")
    temporary = None
    if build_dir:
        build_dir = os.path.abspath(build_dir)
    else:
        temporary = tempfile.mkdtemp(prefix="webclean-wheel-")
        build_dir = temporary
    try:
        package = _build_module(build_dir)
        tag = _tag()
        wheel_name = "%s-%s-%s.whl" % (NAME, _version(), tag)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        members = []  # (name in the wheel, bytes, executable)
        for entry in sorted(os.listdir(package)):
            path = os.path.join(package, entry)
            is_module = entry == "_webclean" + suffix
            if not os.path.isfile(path):
                continue
            if not (is_module or entry.endswith((".py", ".pyi")) or entry == "py.typed"):
                continue  # another interpreter's module, editor files
            with open(path, "rb") as f:
                members.append(("%s/%s" % (NAME, entry), f.read(), is_module))
        dist_info = _dist_info_name()
        for name, data in _dist_info_files(tag).items():
            members.append(("%s/%s" % (dist_info, name), data, False))
        record = "".join(_record_line(name, data) + "\n" for name, data, _ in members)
        record += "%s/RECORD,,\n" % dist_info
        members.append(("%s/RECORD" % dist_info, record.encode("utf-8"), False))

        os.makedirs(wheel_directory, exist_ok=True)
        with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w") as archive:
            for name, data, executable in members:
                _zip_add(archive, name, data, executable)
        _log("wrote " + wheel_name)
        return wheel_name
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


# What an sdist carries: enough to build the module (not the tests, the
# corpus or the benchmark).
SDIST_PATHS = ["CMakeLists.txt", "pyproject.toml", "README.md", "cmake", "include", "src", "rules", "python"]


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, _version())
    name = base + ".tar.gz"
    os.makedirs(sdist_directory, exist_ok=True)

    def keep(info):
        parts = info.name.split("/")
        if "__pycache__" in parts or ".pytest_cache" in parts or info.name.endswith(".pyc"):
            return None
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as archive:
        for path in SDIST_PATHS:
            if os.path.exists(os.path.join(ROOT, path)):
                archive.add(os.path.join(ROOT, path), arcname="%s/%s" % (base, path), filter=keep)
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        info.size = len(pkg_info)
        info.mode = 0o644
        archive.addfile(info, io.BytesIO(pkg_info))
    return name
