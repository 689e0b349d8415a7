package io.augmill.pipeline.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.testing.TestImages;
import io.augmill.pipeline.cli.PipelineCli;
import io.augmill.pipeline.testing.ShardFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code preprocess} on a real Flink 1.19 session cluster (one JobManager and two TaskManagers,
 * separate JVMs on 127.0.0.1, started with {@code scripts/flink-cluster.sh}) with the bundled jar
 * staged, and checks that the shard set equals the DirectRunner's byte for byte. Every process the
 * cluster script started is stopped by PID afterwards, also when the test fails.
 */
class FlinkSessionClusterIT {

  static final String SOURCE = "synthetic:shapes?count=48&size=24&seed=3";

  @TempDir
  Path tmp;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void preprocessOnASessionClusterMatchesTheDirectRunner() throws Exception {
    Path root = Path.of(System.getProperty("augmill.root", "..")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("augmill.flink.jar", "target/missing-flink.jar"));
    assertThat(jar).as("bundled job jar (built by the package phase)").isRegularFile();
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, "name: it\ntransform:\n  - {op: random_hflip}\n  - {op: random_vflip, p: 0.3}\n");

    Path direct = tmp.resolve("direct");
    run(SOURCE, "--runner", "direct", "--parallelism", "2", "--output", direct.toString(), "--policy", policy.toString());
    // A folder of JPEGs written as JPEG: the folder source's splits travel to the TaskManagers restricted to
    // their own files, and JPEG goes through TurboJPEG where it is installed, in the job jar's class loader.
    Path folder = tmp.resolve("jpegs");
    for (int i = 0; i < 30; i++) {
      Path file = folder.resolve("class" + (i % 3)).resolve("img" + i + ".jpg");
      Files.createDirectories(file.getParent());
      Files.write(file, ImageCodec.encode(TestImages.noise(40 + i, 30 + 2 * i, 3, i), ImageCodec.Format.JPEG, 90));
    }
    String jpegSource = "folder:" + folder;
    Path directJpeg = tmp.resolve("direct-jpeg");
    run(jpegSource, "--runner", "direct", "--parallelism", "2", "--output", directJpeg.toString(), "--policy",
        policy.toString(), "--codec", "jpeg", "--jpeg-quality", "85");

    Path state = tmp.resolve("flink");
    int restPort = freePort();
    int rpcPort = freePort();
    try {
      Process start = new ProcessBuilder("bash", root.resolve("scripts/flink-cluster.sh").toString(), "start",
          "--dir", state.toString(), "--taskmanagers", "2", "--slots", "1", "--rest-port", String.valueOf(restPort),
          "--rpc-port", String.valueOf(rpcPort), "--timeout", "300")
          .directory(root.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("cluster-start.log").toFile())
          .start();
      assertThat(start.waitFor(8, TimeUnit.MINUTES)).as("cluster start finished").isTrue();
      assertThat(start.exitValue()).as("cluster start: " + Files.readString(tmp.resolve("cluster-start.log"))).isZero();

      Path onCluster = tmp.resolve("cluster");
      run(SOURCE, "--runner", "flink", "--flink-master", "127.0.0.1:" + restPort, "--parallelism", "2",
          "--flink-jar", jar.toString(), "--output", onCluster.toString(), "--policy", policy.toString());
      Path jpegOnCluster = tmp.resolve("cluster-jpeg");
      run(jpegSource, "--runner", "flink", "--flink-master", "127.0.0.1:" + restPort, "--parallelism", "2",
          "--flink-jar", jar.toString(), "--output", jpegOnCluster.toString(), "--policy", policy.toString(),
          "--codec", "jpeg", "--jpeg-quality", "85");

      String jobs = get("http://127.0.0.1:" + restPort + "/jobs/overview");
      assertThat(jobs.split("\"state\":\"FINISHED\"", -1)).as("both jobs ran on the cluster: " + jobs).hasSize(3);
      assertSameShardSet(direct, onCluster);
      assertSameShardSet(directJpeg, jpegOnCluster);

      List<ProcessHandle> started = recorded(state.resolve("pids"));
      assertThat(started).hasSize(3);
      Process stop = new ProcessBuilder("bash", root.resolve("scripts/flink-cluster.sh").toString(), "stop",
          "--dir", state.toString()).redirectErrorStream(true).start();
      assertThat(stop.waitFor(3, TimeUnit.MINUTES)).as("cluster stop finished").isTrue();
      assertThat(stop.exitValue()).isZero();
      assertThat(started).noneMatch(ProcessHandle::isAlive);
      assertThat(state.resolve("tmp")).as("temp dir with OpenCV's native copies removed").doesNotExist();
    } finally {
      stopByPid(state.resolve("pids"));
    }
  }

  private static void assertSameShardSet(Path expected, Path actual) throws IOException {
    TreeMap<String, byte[]> want = ShardFiles.contents(expected);
    TreeMap<String, byte[]> got = ShardFiles.contents(actual);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (String file : want.keySet()) {
      assertThat(got.get(file)).as(actual + "/" + file).isEqualTo(want.get(file));
    }
  }

  private static void run(String source, String... args) {
    List<String> all = new ArrayList<>(List.of("preprocess", "--input", source, "--variants", "2", "--keep-original",
        "--shards", "3", "--seed", "11", "--no-progress"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PipelineCli.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(String.join(" ", all) + "\nstdout: " + out + "\nstderr: " + err).isZero();
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The live processes recorded in the cluster script's pid files. */
  private static List<ProcessHandle> recorded(Path pids) throws IOException {
    List<ProcessHandle> started = new ArrayList<>();
    if (!Files.isDirectory(pids)) {
      return started;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
      for (Path f : files) {
        Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(Files.readString(f).strip()));
        h.ifPresent(started::add);
      }
    }
    return started;
  }

  /** Stops every process still recorded in the pid files: SIGTERM, then SIGKILL after 30 s. */
  private static void stopByPid(Path pids) throws IOException {
    List<ProcessHandle> started = recorded(pids);
    started.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : started) {
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception notYet) {
        h.destroyForcibly();
      }
    }
  }
}
