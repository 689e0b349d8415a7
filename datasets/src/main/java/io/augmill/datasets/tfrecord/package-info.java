/**
 * TFRecord framing: each record is a little-endian uint64 length, the masked CRC32C of those 8 bytes,
 * the payload, and the masked CRC32C of the payload. {@link io.augmill.datasets.tfrecord.TFRecordWriter}
 * writes it, {@link io.augmill.datasets.tfrecord.TFRecordReader} reads it without trusting the length
 * field, and {@link io.augmill.datasets.tfrecord.TFRecordException} names the file, byte offset and
 * record index of anything wrong.
 */
package io.augmill.datasets.tfrecord;
