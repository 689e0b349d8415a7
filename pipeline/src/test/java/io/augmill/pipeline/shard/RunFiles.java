package io.augmill.pipeline.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ExampleFormatException;
import io.augmill.datasets.example.ImageExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/** Reads back what run segments hold, for tests of the steps that write runs. */
public final class RunFiles {

  private RunFiles() {}

  /** The records of one shard's segment, in the order the segment holds them. */
  public static List<ImageExample> examples(KV<Integer, RunSegment> segment) {
    List<ImageExample> out = new ArrayList<>();
    try {
      RunFile.SegmentReader reader = new RunFile.SegmentReader(segment.getValue(), 1 << 16);
      while (reader.advance()) {
        out.add(ExampleCodec.decode(reader.current().payload()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExampleFormatException e) {
      throw new IllegalStateException(segment.getValue().file() + ": a record is not a tf.train.Example", e);
    }
    return out;
  }
}
