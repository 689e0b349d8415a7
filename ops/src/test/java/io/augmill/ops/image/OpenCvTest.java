package io.augmill.ops.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

class OpenCvTest {

  @TempDir
  Path cache;

  @Test
  void theLibraryIsCopiedIntoTheCacheOnceAndReplacedWhenDamaged() throws Exception {
    Path library = OpenCv.cachedLibrary(cache);
    assertThat(library).isNotNull().isRegularFile();
    assertThat(library.getFileName().toString()).isEqualTo("lib" + Core.NATIVE_LIBRARY_NAME + ".so");
    long size = Files.size(library);
    // The directory names the build: library name, size and the jar entry's CRC.
    assertThat(library.getParent().getFileName().toString()).startsWith(Core.NATIVE_LIBRARY_NAME + "-" + size + "-")
        .doesNotEndWith("nocrc");
    assertThat(size).isGreaterThan(1_000_000);

    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(library, written);
    assertThat(OpenCv.cachedLibrary(cache)).isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).as("a complete copy is not written again").isEqualTo(written);

    Files.write(library, new byte[10]);
    assertThat(OpenCv.cachedLibrary(cache)).isEqualTo(library);
    assertThat(Files.size(library)).as("a damaged copy is replaced").isEqualTo(size);
    try (var left = Files.list(library.getParent())) {
      assertThat(left).containsExactly(library);
    }
  }

  @Test
  void theCacheDirectoryCanBeChosenOrTurnedOff() {
    String before = System.getProperty(OpenCv.CACHE_PROPERTY);
    try {
      System.setProperty(OpenCv.CACHE_PROPERTY, cache.toString());
      assertThat(OpenCv.cacheDirectory()).isEqualTo(cache);
      System.setProperty(OpenCv.CACHE_PROPERTY, "none");
      assertThat(OpenCv.cacheDirectory()).isNull();
      System.clearProperty(OpenCv.CACHE_PROPERTY);
      assertThat(OpenCv.cacheDirectory()).isNotNull();
      assertThat(OpenCv.cacheDirectory().toString()).endsWith("augmill/natives");
    } finally {
      if (before == null) {
        System.clearProperty(OpenCv.CACHE_PROPERTY);
      } else {
        System.setProperty(OpenCv.CACHE_PROPERTY, before);
      }
    }
  }

  @Test
  void loadingTwiceIsHarmlessAndTheLibraryWorks() {
    OpenCv.load();
    OpenCv.load();
    assertThat(Core.getVersionString()).startsWith("4.9");
  }
}
