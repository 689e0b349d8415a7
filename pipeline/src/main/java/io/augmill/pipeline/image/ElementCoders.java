package io.augmill.pipeline.image;

import io.augmill.datasets.source.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * Compact, deterministic coders for the elements passed between steps: fields written one after the
 * other (strings and byte arrays length-prefixed), instead of Java serialization. Besides being smaller
 * and faster they let runners compare elements by their encoding, which Java-serialized records with
 * array fields do not support.
 */
public final class ElementCoders {

  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(StringUtf8Coder.of());
  private static final Coder<byte[]> BYTES = ByteArrayCoder.of();
  private static final Coder<Integer> INT = VarIntCoder.of();

  private ElementCoders() {}

  /** Coder of {@link Pixels}. */
  public static final class PixelsCoder extends AtomicCoder<Pixels> {
    private static final long serialVersionUID = 1L;
    private static final PixelsCoder INSTANCE = new PixelsCoder();

    /** The coder. */
    public static PixelsCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Pixels p, OutputStream out) throws IOException {
      INT.encode(p.width(), out);
      INT.encode(p.height(), out);
      INT.encode(p.channels(), out);
      BYTES.encode(p.data(), out);
    }

    @Override
    public Pixels decode(InputStream in) throws IOException {
      return new Pixels(INT.decode(in), INT.decode(in), INT.decode(in), BYTES.decode(in));
    }
  }

  /** Coder of {@link SourceRecord}. */
  public static final class SourceRecordCoder extends AtomicCoder<SourceRecord> {
    private static final long serialVersionUID = 1L;
    private static final SourceRecordCoder INSTANCE = new SourceRecordCoder();

    /** The coder. */
    public static SourceRecordCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SourceRecord r, OutputStream out) throws IOException {
      STRING.encode(r.key(), out);
      INT.encode(r.label(), out);
      INT.encode(r.coarseLabel(), out);
      STRING.encode(r.location(), out);
      BYTES.encode(r.data(), out);
      INT.encode(r.raw() ? 1 : 0, out);
      INT.encode(r.width(), out);
      INT.encode(r.height(), out);
      INT.encode(r.channels(), out);
      NULLABLE_STRING.encode(r.failureReason(), out);
      NULLABLE_STRING.encode(r.failureMessage(), out);
    }

    @Override
    public SourceRecord decode(InputStream in) throws IOException {
      return new SourceRecord(STRING.decode(in), INT.decode(in), INT.decode(in), STRING.decode(in), BYTES.decode(in),
          INT.decode(in) == 1, INT.decode(in), INT.decode(in), INT.decode(in), NULLABLE_STRING.decode(in),
          NULLABLE_STRING.decode(in));
    }
  }

  /** Coder of {@link DecodedImage}. */
  public static final class DecodedImageCoder extends AtomicCoder<DecodedImage> {
    private static final long serialVersionUID = 1L;
    private static final DecodedImageCoder INSTANCE = new DecodedImageCoder();

    /** The coder. */
    public static DecodedImageCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(DecodedImage d, OutputStream out) throws IOException {
      STRING.encode(d.key(), out);
      STRING.encode(d.location(), out);
      INT.encode(d.label(), out);
      PixelsCoder.of().encode(d.pixels(), out);
    }

    @Override
    public DecodedImage decode(InputStream in) throws IOException {
      return new DecodedImage(STRING.decode(in), STRING.decode(in), INT.decode(in), PixelsCoder.of().decode(in));
    }
  }
}
