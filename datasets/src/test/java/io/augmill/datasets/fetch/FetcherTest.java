package io.augmill.datasets.fetch;

import io.augmill.ops.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.cli.CliRun;
import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.Sources;
import io.augmill.datasets.testing.DatasetFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {

  @TempDir Path tmp;
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A cifar-10-binary.tar.gz with the real layout and 2 records per batch. */
  private byte[] cifarArchive() throws IOException {
    Path src = tmp.resolve("src").resolve("cifar-10-batches-bin");
    DatasetFiles.cifar10(src, 2);
    Files.writeString(src.resolve("batches.meta.txt"), String.join("\n", io.augmill.datasets.source.CifarSource.CIFAR10_CLASSES) + "\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.putArchiveEntry(new TarArchiveEntry("cifar-10-batches-bin/"));
      tar.closeArchiveEntry();
      try (Stream<Path> files = Files.list(src)) {
        for (Path f : files.sorted().toList()) {
          TarArchiveEntry e = new TarArchiveEntry("cifar-10-batches-bin/" + f.getFileName());
          byte[] data = Files.readAllBytes(f);
          e.setSize(data.length);
          tar.putArchiveEntry(e);
          tar.write(data);
          tar.closeArchiveEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  private KnownDataset served(String file, byte[] body, String md5) {
    server.serve(file, body);
    return new KnownDataset("cifar10", "test", "cifar10:",
        List.of(new RemoteFile(server.base().resolve(file), md5, true)));
  }

  private static List<Path> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.toList();
    }
  }

  @Test
  void downloadsVerifiesAndUnpacksSoTheSourceReadsIt() throws Exception {
    byte[] archive = cifarArchive();
    Path to = tmp.resolve("cifar");
    List<Path> placed = new Fetcher((f, d, t) -> { }).fetch(served("cifar-10-binary.tar.gz", archive, md5(archive)), to, false);
    assertThat(placed).extracting(Path::toString).contains("data_batch_1.bin", "test_batch.bin", "batches.meta.txt");
    DataSource s = Sources.open("cifar10:" + to, "train");
    assertThat(s.count()).isEqualTo(10);
    try (Stream<Path> leftovers = Files.list(to)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void checksumMismatchLeavesNothingBehind() throws Exception {
    byte[] archive = cifarArchive();
    Path to = tmp.resolve("new-parent").resolve("new-dir");
    KnownDataset d = served("cifar-10-binary.tar.gz", archive, "00000000000000000000000000000000");
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, to, false))
        .isInstanceOf(FetchException.class).hasMessageContaining("checksum mismatch")
        .hasMessageContaining("cifar-10-binary.tar.gz").hasMessageContaining(md5(archive));
    assertThat(to.getParent()).doesNotExist();
  }

  @Test
  void corruptArchiveWithMatchingChecksumLeavesExistingDirectoryUntouched() throws Exception {
    byte[] archive = cifarArchive();
    byte[] corrupt = java.util.Arrays.copyOf(archive, archive.length / 2);
    Path to = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(to.resolve("keep.txt"), "mine");
    KnownDataset d = served("cifar-10-binary.tar.gz", corrupt, md5(corrupt));
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, to, false))
        .isInstanceOf(FetchException.class).hasMessageContaining("corrupt archive");
    assertThat(tree(to)).containsExactlyInAnyOrder(to, to.resolve("keep.txt"));
  }

  @Test
  void archiveEntriesMayNotEscapeTheTarget() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      TarArchiveEntry e = new TarArchiveEntry("../../escaped.bin");
      e.setSize(3);
      tar.putArchiveEntry(e);
      tar.write(new byte[] {1, 2, 3});
      tar.closeArchiveEntry();
    }
    byte[] archive = bytes.toByteArray();
    Path to = tmp.resolve("safe");
    KnownDataset d = served("cifar-10-binary.tar.gz", archive, md5(archive));
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, to, false)).hasMessageContaining("escapes");
    assertThat(to).doesNotExist();
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("escaped.bin");
    }
  }

  @Test
  void refusedConnectionIsNamed() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    KnownDataset d = new KnownDataset("x", "x", "idx:", List.of(new RemoteFile(
        java.net.URI.create("http://127.0.0.1:" + port + "/a.gz"), "00", false)));
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, tmp.resolve("y"), false))
        .hasMessageContaining("a.gz: cannot connect (").hasMessageNotContaining("(null)");
    assertThat(tmp.resolve("y")).doesNotExist();
  }

  @Test
  void missingFileIsAnHttpError() {
    KnownDataset d = new KnownDataset("x", "x", "idx:", List.of(new RemoteFile(server.base().resolve("nope.gz"), "00", false)));
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, tmp.resolve("x"), false))
        .hasMessageContaining("HTTP 404").hasMessageContaining("nope.gz");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void existingFilesNeedForce() throws Exception {
    byte[] archive = cifarArchive();
    Path to = Files.createDirectories(tmp.resolve("twice"));
    Files.writeString(to.resolve("test_batch.bin"), "old");
    KnownDataset d = served("cifar-10-binary.tar.gz", archive, md5(archive));
    assertThatThrownBy(() -> new Fetcher((f, x, t) -> { }).fetch(d, to, false)).hasMessageContaining("already exists")
        .hasMessageContaining("--force");
    assertThat(Files.readString(to.resolve("test_batch.bin"))).isEqualTo("old");
    assertThat(tree(to)).hasSize(2);
    new Fetcher((f, x, t) -> { }).fetch(d, to, true);
    assertThat(Files.size(to.resolve("test_batch.bin"))).isEqualTo(2 * 3073);
  }

  @Test
  void plainFilesAreKeptAsDownloaded() throws Exception {
    Path src = tmp.resolve("idx");
    DatasetFiles.idx(src, "train", 3, 2, 2, true);
    byte[] images = Files.readAllBytes(src.resolve("train-images-idx3-ubyte.gz"));
    byte[] labels = Files.readAllBytes(src.resolve("train-labels-idx1-ubyte.gz"));
    server.serve("train-images-idx3-ubyte.gz", images);
    server.serve("train-labels-idx1-ubyte.gz", labels);
    KnownDataset d = new KnownDataset("fashion-mnist", "t", "idx:", List.of(
        new RemoteFile(server.base().resolve("train-images-idx3-ubyte.gz"), md5(images), false),
        new RemoteFile(server.base().resolve("train-labels-idx1-ubyte.gz"), md5(labels), false)));
    Path to = tmp.resolve("fashion");
    new Fetcher((f, x, t) -> { }).fetch(d, to, false);
    assertThat(Sources.open("idx:" + to, "train").count()).isEqualTo(3);
  }

  @Test
  void cliFetchFromAMirrorChecksThePublishedChecksums() throws Exception {
    server.serve("cifar-10-binary.tar.gz", cifarArchive());
    Path to = tmp.resolve("cli");
    CommandRun run = CliRun.of("datasets", "fetch", "cifar10", "--to", to.toString(), "--mirror", server.base().toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("checksum mismatch").contains("c32a1d4ab5d03f1284b67883e8d87530");
    assertThat(to).doesNotExist();
  }

  @Test
  void cliRejectsUnknownNamesAndBadMirrors() {
    CommandRun unknown = CliRun.of("datasets", "fetch", "imagenet", "--to", tmp.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("NAME must be one of cifar10, cifar100, fashion-mnist");
    CommandRun mirror = CliRun.of("datasets", "fetch", "cifar10", "--to", tmp.toString(), "--mirror", "ftp://x/");
    assertThat(mirror.exitCode()).isEqualTo(2);
    assertThat(mirror.err()).contains("--mirror");
    assertThat(CliRun.of("datasets", "fetch", "cifar10").exitCode()).isEqualTo(2);
  }

  @Test
  void cliListsSourcesAndDatasets() {
    CommandRun run = CliRun.of("datasets", "list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("cifar10:DIR").contains("synthetic:shapes").contains("fashion-mnist")
        .contains("/usr/share/datasets/fashion-mnist");
  }
}
