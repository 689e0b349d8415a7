package io.augmill.pipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.UnsupportedImageException;
import io.augmill.ops.testing.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageHeaderTest {

  static byte[] encode(String ext, Mat m) {
    MatOfByte out = new MatOfByte();
    Imgcodecs.imencode(ext, m, out);
    return out.toArray();
  }

  @Test
  void readsPngJpegAndBmpSizesWithoutDecoding() {
    Mat m = TestImages.noise(37, 21, 3, 1);
    for (String ext : new String[] {".png", ".jpg", ".bmp"}) {
      ImageHeader h = ImageHeader.probe(encode(ext, m)).orElseThrow();
      assertThat(h.width()).as(ext).isEqualTo(37);
      assertThat(h.height()).as(ext).isEqualTo(21);
      assertThat(h.bitsPerSample()).as(ext).isEqualTo(8);
      assertThat(h.pixelCount()).isEqualTo(37 * 21);
    }
    assertThat(ImageHeader.probe(ImageCodec.encode(TestImages.noise(5, 9, 1, 2), ImageCodec.Format.PNG, 95)))
        .get().extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height).containsExactly("png", 5L, 9L);
  }

  @Test
  void reports16BitPngDepth() {
    Mat deep = new Mat(3, 4, CvType.CV_16UC1, new Scalar(40000));
    assertThat(ImageHeader.probe(encode(".png", deep)).orElseThrow().bitsPerSample()).isEqualTo(16);
  }

  @Test
  void unknownOrTruncatedBytesGiveNothing() {
    byte[] png = encode(".png", TestImages.noise(8, 8, 3, 3));
    assertThat(ImageHeader.probe("GIF89a....".getBytes())).isEmpty();
    assertThat(ImageHeader.probe(Arrays.copyOf(png, 12))).isEmpty();
    assertThat(ImageHeader.probe(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).isEmpty();
    assertThat(ImageHeader.probe(new byte[0])).isEmpty();
  }

  @Test
  void aForgedHugeHeaderIsRejectedBeforeDecoding() {
    byte[] png = encode(".png", TestImages.noise(8, 8, 3, 4));
    // Claim 100000 x 100000 pixels in IHDR: the guard must refuse it from the header alone.
    byte[] forged = png.clone();
    int big = 100_000;
    for (int i = 0; i < 4; i++) {
      forged[16 + i] = (byte) (big >>> (24 - 8 * i));
      forged[20 + i] = (byte) (big >>> (24 - 8 * i));
    }
    SourceRecord in = SourceRecord.encoded("k", 0, "bomb.png", forged);
    assertThat(catchThrowableOfType(UnsupportedImageException.class, () -> ImageDecoder.decode(in, 1_000_000)).reason())
        .isEqualTo(RejectReasons.TOO_LARGE);
  }
}
