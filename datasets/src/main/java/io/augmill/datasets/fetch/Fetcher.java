package io.augmill.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Downloads a {@link KnownDataset} into a directory: each file goes to a staging directory inside the
 * target, is checked against its published MD5, and archives are unpacked there (a single top-level
 * folder, such as {@code cifar-10-batches-bin/}, is flattened so the target itself is the dataset
 * directory). Only when everything succeeded are the files moved into the target; on any failure the
 * staging directory is deleted, and so are the target and any parent directories this call created.
 */
public final class Fetcher {

  /** Receives download progress. */
  public interface Progress {
    /**
     * Called as bytes arrive.
     *
     * @param file the file being downloaded
     * @param done bytes received so far
     * @param total the expected size, or -1 when the server did not say
     */
    void update(String file, long done, long total);
  }

  private final HttpClient http;
  private final Progress progress;

  /** @param progress receives byte counts while downloading */
  public Fetcher(Progress progress) {
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build();
    this.progress = progress;
  }

  /**
   * Fetches {@code dataset} into {@code target}.
   *
   * @param replace whether files already in {@code target} may be replaced
   * @return the files placed in {@code target}, relative to it, sorted
   * @throws FetchException naming the URL or file when a download, checksum or unpack fails, or when a
   *     file exists and {@code replace} is false; {@code target} is then as it was
   */
  public List<Path> fetch(KnownDataset dataset, Path target, boolean replace) throws IOException {
    Path created = topmostMissing(target);
    Files.createDirectories(target);
    Path staging = Files.createTempDirectory(target, ".fetch-" + dataset.name() + "-");
    boolean ok = false;
    try {
      Path unpacked = Files.createDirectory(staging.resolve("files"));
      for (RemoteFile file : dataset.files()) {
        Path downloaded = download(file, staging);
        if (file.unpack()) {
          untar(downloaded, unpacked, file);
          Files.delete(downloaded);
        } else {
          Files.move(downloaded, unpacked.resolve(file.fileName()));
        }
      }
      Path root = flatten(unpacked);
      List<Path> relative;
      try (Stream<Path> s = Files.walk(root)) {
        relative = s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
      }
      if (!replace) {
        for (Path rel : relative) {
          if (Files.exists(target.resolve(rel))) {
            throw new FetchException(target.resolve(rel) + " already exists (pass --force to replace it)");
          }
        }
      }
      for (Path rel : relative) {
        Path dest = target.resolve(rel);
        Files.createDirectories(dest.getParent());
        Files.move(root.resolve(rel), dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      ok = true;
      return relative;
    } finally {
      deleteTree(staging);
      if (!ok && created != null) {
        deleteTree(created);
      }
    }
  }

  /** The outermost directory of {@code target}'s path that does not exist yet, or null when it exists. */
  private static Path topmostMissing(Path target) {
    Path missing = null;
    for (Path p = target.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  private Path download(RemoteFile file, Path staging) throws IOException {
    Path out = staging.resolve(file.fileName() + ".download");
    HttpRequest request = HttpRequest.newBuilder(file.uri()).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(file.uri() + ": download interrupted", e);
    } catch (IOException e) {
      throw new FetchException(file.uri() + ": cannot connect (" + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }
    MessageDigest md5 = md5();
    long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = response.body(); OutputStream o = Files.newOutputStream(out)) {
      if (response.statusCode() != 200) {
        throw new FetchException(file.uri() + ": HTTP " + response.statusCode());
      }
      byte[] buf = new byte[1 << 16];
      long done = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        md5.update(buf, 0, n);
        o.write(buf, 0, n);
        done += n;
        progress.update(file.fileName(), done, total);
      }
      if (total >= 0 && done != total) {
        throw new FetchException(file.uri() + ": connection closed after " + done + " of " + total + " bytes");
      }
    }
    String got = HexFormat.of().formatHex(md5.digest());
    if (!got.equalsIgnoreCase(file.md5())) {
      throw new FetchException(file.uri() + ": checksum mismatch: MD5 " + got + ", published " + file.md5()
          + " (corrupt or altered download)");
    }
    return out;
  }

  private static void untar(Path archive, Path into, RemoteFile file) throws IOException {
    try (InputStream raw = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path dest = into.resolve(entry.getName()).normalize();
        if (!dest.startsWith(into) || dest.equals(into)) {
          if (dest.equals(into)) {
            continue;
          }
          throw new FetchException(file.fileName() + ": archive entry '" + entry.getName() + "' escapes the target");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(dest);
        } else if (entry.isFile()) {
          Files.createDirectories(dest.getParent());
          Files.copy(tar, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw new FetchException(file.fileName() + ": corrupt archive (" + e.getMessage() + ")", e);
    }
  }

  /** Descends through a chain of single sub-directories, as archives wrap their files in one folder. */
  private static Path flatten(Path dir) throws IOException {
    Path current = dir;
    while (true) {
      List<Path> children;
      try (Stream<Path> s = Files.list(current)) {
        children = s.toList();
      }
      if (children.size() == 1 && Files.isDirectory(children.get(0))) {
        current = children.get(0);
      } else {
        return current;
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path p : all) {
      try {
        Files.deleteIfExists(p);
      } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
        throw new IOException("cannot clean up " + p, e);
      }
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }
}
