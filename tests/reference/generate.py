#!/usr/bin/python3
"""Regenerates the reference outputs that the Java parity tests compare Augmill's ops against.

Usage: /usr/bin/python3 tests/reference/generate.py [FAMILY ...]   (default: every family)

For each family F, tests/src/test/resources/reference/cases/F.yaml lists the cases (name, input,
Augmill spec, tolerance and why) and tests/reference/families/F.py maps each case name to a function
that computes the expected output with the reference library (PIL, OpenCV, torchvision) from the
input as a numpy array (H x W x 3 RGB, or H x W grey). Outputs go to
tests/src/test/resources/reference/F/NAME.png. Run it with Debian's python3-pil, python3-opencv and
python3-torchvision installed, then commit the PNGs.
"""
import importlib.util
import pathlib
import sys

import numpy as np
import yaml
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent
RESOURCES = ROOT.parent / "src" / "test" / "resources" / "reference"


def load_family(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "families" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


def read_input(name):
    img = Image.open(RESOURCES / "inputs" / f"{name}.png")
    if img.mode not in ("L", "RGB"):
        raise SystemExit(f"input {name}: unexpected mode {img.mode}")
    return np.asarray(img)


def main(families):
    if not families:
        families = sorted(p.stem for p in (RESOURCES / "cases").glob("*.yaml"))
    for family in families:
        cases = yaml.safe_load((RESOURCES / "cases" / f"{family}.yaml").read_text())
        functions = load_family(family)
        names = [c["name"] for c in cases]
        missing = sorted(set(names) - set(functions))
        extra = sorted(set(functions) - set(names))
        if missing or extra:
            raise SystemExit(f"{family}: cases without a reference function {missing}, functions without a case {extra}")
        out_dir = RESOURCES / family
        out_dir.mkdir(parents=True, exist_ok=True)
        for case in cases:
            src = read_input(case["input"])
            out = np.asarray(functions[case["name"]](src.copy()))
            if out.dtype != np.uint8:
                raise SystemExit(f"{family}/{case['name']}: reference returned {out.dtype}, expected uint8")
            Image.fromarray(out).save(out_dir / f"{case['name']}.png")
        print(f"{family}: wrote {len(cases)} reference images to {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1:])
