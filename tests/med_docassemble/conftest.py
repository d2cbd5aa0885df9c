"""Tests that run the interviews on docassemble's own engine (docassemble.base), with real
pandoc and LaTeX. They need the docassemble virtual environment that scripts/test.sh makes."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def motor(tmp_path_factory):
    from docassemble.desentral.kommando.svarmotor import SvarMotor

    return SvarMotor(tmp_path_factory.mktemp("motor"))


