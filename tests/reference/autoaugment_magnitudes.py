#!/usr/bin/python3
"""Writes torchvision 0.14's magnitude tables (the argument each op gets at each bin) for AutoAugment,
RandAugment and TrivialAugmentWide to ops/src/test/resources/autoaugment/torchvision-magnitudes.json,
which MagnitudeScaleTest compares Augmill's MagnitudeScale with.

Usage: /usr/bin/python3 tests/reference/autoaugment_magnitudes.py
"""
import json
import pathlib

from torchvision.transforms.autoaugment import AutoAugment, RandAugment, TrivialAugmentWide

OUT = pathlib.Path(__file__).resolve().parents[2] / "ops/src/test/resources/autoaugment/torchvision-magnitudes.json"
SIZES = [(32, 32), (37, 45), (224, 224), (200, 331)]  # (height, width)


def table(space):
    return {op: {"signed": signed, "values": [float(v) for v in values.reshape(-1).tolist()]}
            for op, (values, signed) in space.items()}


def main():
    out = {
        "autoaugment": {f"{w}x{h}": table(AutoAugment()._augmentation_space(10, (h, w))) for h, w in SIZES},
        "randaugment": {f"{w}x{h}": table(RandAugment()._augmentation_space(31, (h, w))) for h, w in SIZES},
        "wide": {"any": table(TrivialAugmentWide()._augmentation_space(31))},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
