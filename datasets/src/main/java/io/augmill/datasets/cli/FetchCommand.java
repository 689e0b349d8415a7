package io.augmill.datasets.cli;

import io.augmill.datasets.fetch.DatasetCatalog;
import io.augmill.datasets.fetch.Fetcher;
import io.augmill.datasets.fetch.KnownDataset;
import io.augmill.ops.cli.UsageException;
import io.augmill.ops.cli.VersionProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code augmill datasets fetch NAME --to DIR}: download, verify and unpack a public dataset. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Download a public dataset from its official address, check the published MD5 checksums and",
        "unpack it into DIR. Nothing is left in DIR if any step fails."})
final class FetchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "cifar10, cifar100 or fashion-mnist.")
  String name;

  @Option(names = "--to", paramLabel = "DIR", required = true, description = "Directory to unpack into (created if needed).")
  Path to;

  @Option(names = "--mirror", paramLabel = "URL",
      description = "Download the same files from this base URL instead (checksums are still the published ones).")
  URI mirror;

  @Option(names = "--force", description = "Replace files that already exist in DIR.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    KnownDataset dataset = DatasetCatalog.find(name).orElseThrow(() -> new UsageException(
        "NAME must be one of " + DatasetCatalog.names() + ", got '" + name + "'"));
    if (mirror != null) {
      if (mirror.getScheme() == null || !(mirror.getScheme().equals("http") || mirror.getScheme().equals("https"))) {
        throw new UsageException("--mirror must be an http:// or https:// URL, got '" + mirror + "'");
      }
      dataset = dataset.fromMirror(mirror);
    }
    List<Path> files;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("fetch " + dataset.name()).setUnit(" MB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
        .setInitialMax(-1).build()) {
      files = new Fetcher((file, done, total) -> {
        if (total > 0 && bar.getMax() != total) {
          bar.maxHint(total);
        }
        bar.stepTo(done);
        bar.setExtraMessage(file);
      }).fetch(dataset, to, force);
    }
    for (Path f : files) {
      System.out.println(to.resolve(f));
    }
    System.err.println("fetch: " + dataset.name() + " verified and unpacked into " + to + "; read it as "
        + dataset.source() + to);
    return 0;
  }
}
