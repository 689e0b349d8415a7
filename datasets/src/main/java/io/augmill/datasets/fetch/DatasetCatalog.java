package io.augmill.datasets.fetch;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The datasets that can be fetched, with their official addresses and published MD5 checksums: the
 * CIFAR page (https://www.cs.toronto.edu/~kriz/cifar.html) lists the binary archives' MD5s, and the
 * Fashion-MNIST repository (github.com/zalandoresearch/fashion-mnist) lists its files' MD5s.
 */
public final class DatasetCatalog {

  private static final String FASHION = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

  /** Every known dataset, in listing order. */
  public static final List<KnownDataset> ALL = List.of(
      new KnownDataset("cifar10", "CIFAR-10 binary version: 50 000 + 10 000 32x32 RGB images, 10 classes", "cifar10:",
          List.of(new RemoteFile(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
              "c32a1d4ab5d03f1284b67883e8d87530", true))),
      new KnownDataset("cifar100", "CIFAR-100 binary version: 50 000 + 10 000 32x32 RGB images, 100 fine / 20 coarse classes",
          "cifar100:",
          List.of(new RemoteFile(URI.create("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"),
              "03b5dce01913d631647c71ecec9e9cb8", true))),
      new KnownDataset("fashion-mnist", "Fashion-MNIST: 60 000 + 10 000 28x28 grey images, 10 classes (IDX, gzipped)",
          "idx:",
          List.of(
              new RemoteFile(URI.create(FASHION + "train-images-idx3-ubyte.gz"), "8d4fb7e6c68d591d4c3dfef9ec88bf0d", false),
              new RemoteFile(URI.create(FASHION + "train-labels-idx1-ubyte.gz"), "25c81989df183df01b3e8a0aad5dffbe", false),
              new RemoteFile(URI.create(FASHION + "t10k-images-idx3-ubyte.gz"), "bef4ecab320f06d8554ea6380940ec79", false),
              new RemoteFile(URI.create(FASHION + "t10k-labels-idx1-ubyte.gz"), "bb300cfdad3c16e7a12a480ee83cd310", false))));

  private DatasetCatalog() {}

  /** The dataset called {@code name}, if known. */
  public static Optional<KnownDataset> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The known names, comma-separated, for messages. */
  public static String names() {
    return String.join(", ", ALL.stream().map(KnownDataset::name).toList());
  }
}
