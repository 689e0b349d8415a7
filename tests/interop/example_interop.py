#!/usr/bin/python3
"""Interoperability check for Augmill shard sets, using only Python's protobuf runtime, PIL and numpy.

  read DIR [EXPECTED.json] parse every shard in DIR with protobuf message classes built from the
                           tf.train.Example subset in datasets/src/main/proto/example_subset.proto,
                           check both CRCs of every record, every feature (against EXPECTED.json
                           when given; otherwise types, formats and that augment/params is JSON),
                           decode every image, and check the .idx files and manifest checksums
                           and record counts.
  write DIR                write a small shard set the way another tool would (no manifest), plus
                           DIR/expected.json describing every record and its decoded pixels.

Exit status 0 when every check passes, 1 otherwise (each problem printed on stderr).
"""
import base64
import hashlib
import io
import json
import os
import re
import struct
import sys

import numpy as np
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO = os.path.join(HERE, "..", "..", "datasets", "src", "main", "proto", "example_subset.proto")
FEATURES = ["augment/params", "image/channels", "image/class/label", "image/encoded", "image/format",
            "image/height", "image/key", "image/variant", "image/width"]
BYTES_FEATURES = {"augment/params", "image/encoded", "image/format", "image/key"}

# --- the Example subset, built in code (protoc may be absent) and checked against the .proto file ---

F = descriptor_pb2.FieldDescriptorProto
MESSAGES = {
    "BytesList": [("value", 1, F.TYPE_BYTES, F.LABEL_REPEATED, None)],
    "FloatList": [("value", 1, F.TYPE_FLOAT, F.LABEL_REPEATED, None)],
    "Int64List": [("value", 1, F.TYPE_INT64, F.LABEL_REPEATED, None)],
    "Feature": [("bytes_list", 1, F.TYPE_MESSAGE, F.LABEL_OPTIONAL, "BytesList"),
                ("float_list", 2, F.TYPE_MESSAGE, F.LABEL_OPTIONAL, "FloatList"),
                ("int64_list", 3, F.TYPE_MESSAGE, F.LABEL_OPTIONAL, "Int64List")],
    "Features": [("feature", 1, F.TYPE_MESSAGE, F.LABEL_REPEATED, "Features.FeatureEntry")],
    "Example": [("features", 1, F.TYPE_MESSAGE, F.LABEL_OPTIONAL, "Features")],
}


def check_proto_file():
    """The field names and numbers above must be those the .proto file declares."""
    text = open(PROTO, encoding="utf-8").read()
    for name, fields in MESSAGES.items():
        m = re.search(r"message\s+" + name + r"\s*\{(.*?)\n\}", text, re.S)
        if not m:
            raise SystemExit("%s: message %s not declared" % (PROTO, name))
        body = m.group(1)
        for fname, number, _, _, _ in fields:
            if not re.search(r"\b" + fname + r"\s*=\s*" + str(number) + r"\b", body):
                raise SystemExit("%s: %s.%s = %d not declared" % (PROTO, name, fname, number))


def build_classes():
    fd = descriptor_pb2.FileDescriptorProto(name="augmill_example_subset.proto", package="tensorflow", syntax="proto3")
    for name, fields in MESSAGES.items():
        msg = fd.message_type.add(name=name)
        if name == "Feature":
            msg.oneof_decl.add(name="kind")
        if name == "Features":
            entry = msg.nested_type.add(name="FeatureEntry")
            entry.options.map_entry = True
            entry.field.add(name="key", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
            entry.field.add(name="value", number=2, type=F.TYPE_MESSAGE, label=F.LABEL_OPTIONAL,
                            type_name=".tensorflow.Feature")
        for fname, number, ftype, label, type_name in fields:
            f = msg.field.add(name=fname, number=number, type=ftype, label=label)
            if type_name:
                f.type_name = ".tensorflow." + type_name
            if name == "Feature":
                f.oneof_index = 0
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fd)
    descriptor = pool.FindMessageTypeByName("tensorflow.Example")
    if hasattr(message_factory, "GetMessageClass"):  # protobuf >= 4.22
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


# --- TFRecord framing with masked CRC32C (Castagnoli polynomial, reflected 0x82F63B78) ---

def _table():
    t = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        t.append(c)
    return t


TABLE = _table()


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def read_records(path, problems):
    """Yields (index, offset, length incl. framing, payload) for every record whose CRCs check out."""
    data = open(path, "rb").read()
    pos, index = 0, 0
    name = os.path.basename(path)
    while pos < len(data):
        if pos + 12 > len(data):
            problems.append("%s: record %d at byte offset %d: truncated header" % (name, index, pos))
            return
        header = data[pos:pos + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
        if masked(header) != length_crc:
            problems.append("%s: record %d at byte offset %d: length CRC mismatch" % (name, index, pos))
            return
        end = pos + 12 + length + 4
        if end > len(data):
            problems.append("%s: record %d at byte offset %d: length %d past the end" % (name, index, pos, length))
            return
        payload = data[pos + 12:pos + 12 + length]
        (data_crc,) = struct.unpack("<I", data[end - 4:end])
        if masked(payload) != data_crc:
            problems.append("%s: record %d at byte offset %d: data CRC mismatch" % (name, index, pos))
        else:
            yield index, pos, end - pos, payload
        pos, index = end, index + 1


def frame(payload):
    header = struct.pack("<Q", len(payload))
    return header + struct.pack("<I", masked(header)) + payload + struct.pack("<I", masked(payload))


# --- features ---

def feature_values(example):
    out = {}
    for key, feature in example.features.feature.items():
        kind = feature.WhichOneof("kind")
        if kind == "bytes_list":
            out[key] = list(feature.bytes_list.value)
        elif kind == "int64_list":
            out[key] = list(feature.int64_list.value)
        else:
            out[key] = None
    return out


def decode_pixels(fmt, encoded, height, width, channels):
    if fmt == "raw":
        return np.frombuffer(encoded, dtype=np.uint8).reshape(height, width, channels)
    img = Image.open(io.BytesIO(encoded))
    img.load()
    if img.mode in ("RGBA", "P", "LA"):
        img = img.convert("RGB") if channels == 3 else img.convert("L")
    arr = np.asarray(img, dtype=np.uint8)
    return arr.reshape(arr.shape[0], arr.shape[1], 1) if arr.ndim == 2 else arr


def read_set(directory, expected_path):
    Example = build_classes()
    expected = None
    if expected_path:
        expected = {r["key"]: r for r in json.load(open(expected_path, encoding="utf-8"))["records"]}
    problems, seen = [], set()
    manifest_path = os.path.join(directory, "manifest.json")
    manifest = json.load(open(manifest_path, encoding="utf-8")) if os.path.exists(manifest_path) else None
    shards = sorted(f for f in os.listdir(directory) if f.endswith(".tfrecord"))
    for shard in shards:
        path = os.path.join(directory, shard)
        index_lines = []
        for index, offset, length, payload in read_records(path, problems):
            index_lines.append("%d %d" % (offset, length))
            where = "%s: record %d at byte offset %d" % (shard, index, offset)
            example = Example()
            example.ParseFromString(payload)
            values = feature_values(example)
            missing = [f for f in FEATURES if f not in values]
            if missing:
                problems.append("%s: missing features %s" % (where, missing))
                continue
            for f in FEATURES:
                if values[f] is None or len(values[f]) != 1:
                    problems.append("%s: feature %s must hold one %s value" % (where, f, "bytes" if f in BYTES_FEATURES else "int64"))
            key = values["image/key"][0].decode("utf-8")
            seen.add((key, values["image/variant"][0]))
            got = {
                "label": values["image/class/label"][0], "variant": values["image/variant"][0],
                "format": values["image/format"][0].decode("ascii"), "height": values["image/height"][0],
                "width": values["image/width"][0], "channels": values["image/channels"][0],
                "params": values["augment/params"][0].decode("utf-8"),
                "encoded_sha256": hashlib.sha256(values["image/encoded"][0]).hexdigest(),
            }
            if got["format"] not in ("png", "jpeg", "raw") or got["channels"] not in (1, 3):
                problems.append("%s: format %r / channels %r not allowed" % (where, got["format"], got["channels"]))
            try:
                json.loads(got["params"])
            except ValueError as e:
                problems.append("%s: augment/params is not JSON: %s" % (where, e))
            want = expected.get(key) if expected is not None else {}
            if want is None:
                problems.append("%s: unexpected key %r" % (where, key))
                continue
            for field, value in got.items():
                if field in want and want[field] != value:
                    problems.append("%s: %s is %r, expected %r" % (where, field, value, want[field]))
            try:
                pixels = decode_pixels(got["format"], values["image/encoded"][0], got["height"], got["width"], got["channels"])
                if pixels.shape != (got["height"], got["width"], got["channels"]):
                    problems.append("%s: image decodes to %s, features say %s" % (where, pixels.shape,
                                    (got["height"], got["width"], got["channels"])))
                elif "pixels" in want and got["format"] != "jpeg":
                    if base64.b64decode(want["pixels"]) != pixels.tobytes():
                        problems.append("%s: decoded pixels differ from the expected ones" % where)
            except Exception as e:  # any decoder failure is a problem to report, not a crash
                problems.append("%s: image does not decode: %s" % (where, e))
        idx = path + ".idx"
        if os.path.exists(idx):
            lines = [l.strip() for l in open(idx, encoding="ascii") if l.strip()]
            if lines != index_lines:
                problems.append("%s: .idx does not list the records' offsets and lengths" % shard)
        else:
            problems.append("%s: no .idx file" % shard)
        if manifest:
            listed = [s for s in manifest["shards"] if s["file"] == shard]
            if not listed or listed[0]["sha256"] != hashlib.sha256(open(path, "rb").read()).hexdigest():
                problems.append("%s: manifest sha256 missing or wrong" % shard)
            elif listed[0]["records"] != len(index_lines):
                problems.append("%s: manifest says %d records, found %d" % (shard, listed[0]["records"], len(index_lines)))
    if expected is not None:
        for key in sorted(set(expected) - {k for k, _ in seen}):
            problems.append("record %r expected but not found" % key)
    if manifest and manifest.get("format_version") != 1:
        problems.append("manifest.json: format_version %r" % manifest.get("format_version"))
    for p in problems:
        print("PROBLEM " + p, file=sys.stderr)
    print("read %d shards, %d records, %d problems" % (len(shards), len(seen), len(problems)))
    return 0 if not problems else 1


def example_bytes(Example, key, label, variant, fmt, height, width, channels, encoded, params):
    ex = Example()
    feats = ex.features.feature
    feats["image/key"].bytes_list.value.append(key.encode("utf-8"))
    feats["image/format"].bytes_list.value.append(fmt.encode("ascii"))
    feats["image/encoded"].bytes_list.value.append(encoded)
    feats["augment/params"].bytes_list.value.append(params.encode("utf-8"))
    for name, value in (("image/class/label", label), ("image/variant", variant), ("image/height", height),
                        ("image/width", width), ("image/channels", channels)):
        feats[name].int64_list.value.append(value)
    return ex.SerializeToString()


def write_set(directory):
    Example = build_classes()
    os.makedirs(directory, exist_ok=True)
    rng = np.random.default_rng(1234)
    records = []
    for i in range(12):
        channels = 1 if i % 4 == 3 else 3
        height, width = 6 + i % 3, 5 + i % 4
        pixels = rng.integers(0, 256, size=(height, width, channels), dtype=np.uint8)
        fmt = "png" if i % 2 == 0 else "raw"
        if fmt == "png":
            buf = io.BytesIO()
            Image.fromarray(pixels[:, :, 0] if channels == 1 else pixels).save(buf, format="PNG")
            encoded = buf.getvalue()
        else:
            encoded = pixels.tobytes()
        key = "python/écrit/%06d" % i
        params = json.dumps([{"op": "python", "i": i}])
        records.append(dict(key=key, label=i % 5, variant=i % 2, format=fmt, height=height, width=width,
                            channels=channels, params=params, encoded=encoded, pixels=pixels))
    shards = 2
    for s in range(shards):
        name = "train-%05d-of-%05d.tfrecord" % (s, shards)
        offset, lines = 0, []
        with open(os.path.join(directory, name), "wb") as out:
            for r in records[s::shards]:
                framed = frame(example_bytes(Example, r["key"], r["label"], r["variant"], r["format"], r["height"],
                                             r["width"], r["channels"], r["encoded"], r["params"]))
                out.write(framed)
                lines.append("%d %d\n" % (offset, len(framed)))
                offset += len(framed)
        with open(os.path.join(directory, name + ".idx"), "w", encoding="ascii") as idx:
            idx.writelines(lines)
    expected = [dict(key=r["key"], label=r["label"], variant=r["variant"], format=r["format"], height=r["height"],
                     width=r["width"], channels=r["channels"], params=r["params"],
                     encoded_sha256=hashlib.sha256(r["encoded"]).hexdigest(),
                     pixels=base64.b64encode(r["pixels"].tobytes()).decode("ascii")) for r in records]
    with open(os.path.join(directory, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"records": expected}, f, indent=1, ensure_ascii=False)
    print("wrote %d records in %d shards to %s" % (len(records), shards, directory))
    return 0


def main(argv):
    check_proto_file()
    if len(argv) in (2, 3) and argv[0] == "read":
        return read_set(argv[1], argv[2] if len(argv) == 3 else None)
    if len(argv) == 2 and argv[0] == "write":
        return write_set(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
