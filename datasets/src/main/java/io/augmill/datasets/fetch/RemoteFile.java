package io.augmill.datasets.fetch;

import java.net.URI;

/**
 * One file to download and the checksum its publisher gives for it.
 *
 * @param uri where to download it
 * @param md5 the published MD5, lower-case hex
 * @param unpack whether it is a {@code .tar.gz} archive to unpack (else it is kept as downloaded)
 */
public record RemoteFile(URI uri, String md5, boolean unpack) {

  /** The file name: the last segment of the URI's path. */
  public String fileName() {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The same file served from {@code base} (a mirror holding it under the same name). */
  public RemoteFile at(URI base) {
    String b = base.toString();
    return new RemoteFile(URI.create((b.endsWith("/") ? b : b + "/") + fileName()), md5, unpack);
  }
}
