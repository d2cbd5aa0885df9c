import os

from setuptools import find_namespace_packages, setup

# The form docassemble's Playground writes: namespace packages limited to docassemble*, every
# file under data/ as package data, zip_safe=False. docassemble itself is not a requirement:
# the server provides it, pinned.

EXCLUDE_SUFFIXES = (".pyc", "~", ".bak", ".swp")


def find_package_data(where, package):
    """Every file below `where`/data, relative to the package, skipping editor and cache files."""
    out = []
    root = os.path.join(where, "data")
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
        for name in filenames:
            if name.startswith(".") or name.endswith(EXCLUDE_SUFFIXES):
                continue
            out.append(os.path.relpath(os.path.join(dirpath, name), where))
    return {package: sorted(out)}


def read(name):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), name), encoding="utf-8") as fh:
        return fh.read()


def version():
    for line in read(os.path.join("docassemble", "desentral", "__init__.py")).splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise RuntimeError("no __version__")


setup(
    name="docassemble.desentral",
    version=version(),
    description="Avtaler om desentralisert arbeid i staten, etter rettleiinga til statlege arbeidsgivarar.",
    long_description=read("README.md"),
    long_description_content_type="text/markdown",
    author="docassemble.desentral",
    license="MIT",
    packages=find_namespace_packages(include=["docassemble", "docassemble.*"]),
    # The supported range (README «Supported docassemble and Python»): Python 3.10 onwards,
    # checked by vermin in tests/test_pythonversjon.py; docassemble 1.10.0 onwards.
    python_requires=">=3.10",
    # pyHanko seals the signed agreement (segl.py, issue 17); pikepdf comes with docassemble.
    install_requires=["PyYAML", "pyHanko>=0.38", "typst>=0.14"],
    # `lag` (documents from an answer file outside a server) runs docassemble.base with a
    # Redis stand-in; on a docassemble server the package needs nothing more.
    extras_require={"lag": ["fakeredis"]},
    zip_safe=False,
    package_data=find_package_data(os.path.join("docassemble", "desentral"), "docassemble.desentral"),
)
