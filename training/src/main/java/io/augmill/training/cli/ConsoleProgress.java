package io.augmill.training.cli;

import io.augmill.training.run.EpochMetrics;
import io.augmill.training.run.ProgressSink;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar per epoch (step, loss, images/s, ETA) and one summary line per epoch, on stderr. */
final class ConsoleProgress implements ProgressSink {

  private final PrintStream err;
  private final boolean bar;
  private ProgressBar current;

  ConsoleProgress(PrintStream err, boolean bar) {
    this.err = err;
    this.bar = bar;
  }

  @Override
  public void epochStarted(int epoch, int epochs, long steps) {
    if (bar) {
      current = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
          .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(err, 110)).build();
    }
  }

  @Override
  public void stepDone(long stepInEpoch, double loss, double imagesPerSecond) {
    if (current != null) {
      current.stepTo(stepInEpoch);
      current.setExtraMessage(String.format(Locale.ROOT, "loss %.4f  %.0f img/s", loss, imagesPerSecond));
    }
  }

  @Override
  public void epochDone(EpochMetrics m, int epochs) {
    if (current != null) {
      current.close();
      current = null;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  lr %.5g  train loss %.4f acc %.2f%%",
        m.epoch(), epochs, m.lr(), m.trainLoss(), 100 * m.trainAcc()));
    if (!Double.isNaN(m.valTop1())) {
      sb.append(String.format(Locale.ROOT, "  val loss %.4f top-1 %.2f%% top-5 %.2f%%", m.valLoss(), 100 * m.valTop1(), 100 * m.valTop5()));
    }
    sb.append(String.format(Locale.ROOT, "  %.0f img/s  %.1f s", m.imagesPerSecond(), m.seconds()));
    err.println(sb);
  }

  @Override
  public void note(String message) {
    err.println(message);
  }
}
