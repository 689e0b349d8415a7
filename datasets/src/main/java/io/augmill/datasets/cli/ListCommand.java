package io.augmill.datasets.cli;

import io.augmill.datasets.fetch.DatasetCatalog;
import io.augmill.datasets.fetch.KnownDataset;
import io.augmill.ops.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code augmill datasets list}: the SRC forms every command accepts, and the fetchable datasets. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List the dataset sources (SRC) and the datasets 'augmill datasets fetch' can download.")
final class ListCommand implements Callable<Integer> {

  static final String[][] SOURCES = {
      {"cifar10:DIR", "CIFAR-10 binary batches (data_batch_1.bin ... test_batch.bin)"},
      {"cifar100:DIR[?labels=fine|coarse]", "CIFAR-100 binary (train.bin, test.bin); fine labels by default"},
      {"idx:DIR[?classes=fashion|digits]", "MNIST / Fashion-MNIST IDX files, gzipped or plain"},
      {"folder:DIR", "one sub-folder of JPEG/PNG/BMP images per class (DIR/train, DIR/test used if present)"},
      {"synthetic:shapes[?count=N&size=S&seed=K]", "generated 10-class shapes; train 10000 / test 2000 by default"},
      {"tfrecord:DIR", "an Augmill shard set (or TFRecord files with the same Example features)"},
      {"PATH", "one image file, where one image is meant"},
  };

  @Override
  public Integer call() {
    System.out.println("Sources (SRC; choose the split with --split train|test):");
    for (String[] s : SOURCES) {
      System.out.printf("  %-44s %s%n", s[0], s[1]);
    }
    System.out.println();
    System.out.println("Fetchable datasets (augmill datasets fetch NAME --to DIR):");
    for (KnownDataset d : DatasetCatalog.ALL) {
      System.out.printf("  %-14s %-10s %s%n", d.name(), d.source() + "DIR", d.description());
    }
    System.out.println("  Fashion-MNIST offline: apt-get install dataset-fashion-mnist, then idx:/usr/share/datasets/fashion-mnist");
    return 0;
  }
}
