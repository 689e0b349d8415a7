package io.augmill.pipeline.shard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Where one shard's records sit in a run file: {@code length} bytes from {@code offset}, holding
 * {@code records} records in shard order (see {@link RunFile}).
 *
 * @param file the run file's absolute path
 * @param offset where the segment starts, in bytes
 * @param length the segment's length in bytes
 * @param records how many records it holds
 */
public record RunSegment(String file, long offset, long length, long records) {

  /** Compact coder: file, offset, length, records. */
  public static final Coder<RunSegment> CODER = new AtomicCoder<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(RunSegment s, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(s.file(), out);
      VarLongCoder.of().encode(s.offset(), out);
      VarLongCoder.of().encode(s.length(), out);
      VarLongCoder.of().encode(s.records(), out);
    }

    @Override
    public RunSegment decode(InputStream in) throws IOException {
      return new RunSegment(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in),
          VarLongCoder.of().decode(in), VarLongCoder.of().decode(in));
    }
  };
}
