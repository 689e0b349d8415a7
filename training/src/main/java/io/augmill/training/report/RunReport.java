package io.augmill.training.report;

import io.augmill.training.run.EpochMetrics;
import io.augmill.training.run.EvalResult;
import io.augmill.training.run.TrainConfig;
import io.augmill.training.schedule.LrSchedule;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes {@code report.html} and {@code plots/*.png} for a run: loss and accuracy per epoch (train and
 * validation), the learning rate per iteration, and the last validation confusion matrix. Rewritten
 * after every epoch so an interrupted run still has an up-to-date report.
 */
public final class RunReport {

  private static final int W = 720;
  private static final int H = 420;

  private RunReport() {}

  /**
   * Writes the report.
   *
   * @param runDir the run directory
   * @param cfg the run's settings (shown in the report)
   * @param epochs metrics so far
   * @param schedule the learning-rate schedule
   * @param stepsPerEpoch steps per epoch (for the LR plot's x axis)
   * @param eval the last validation result, or null
   * @param classes class names
   * @throws IOException when files cannot be written
   */
  public static void write(Path runDir, TrainConfig cfg, List<EpochMetrics> epochs, LrSchedule schedule,
      long stepsPerEpoch, EvalResult eval, List<String> classes) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path plots = runDir.resolve("plots");
    Files.createDirectories(plots);
    List<Double> x = new ArrayList<>();
    List<Double> trainLoss = new ArrayList<>();
    List<Double> valLoss = new ArrayList<>();
    List<Double> trainAcc = new ArrayList<>();
    List<Double> valTop1 = new ArrayList<>();
    List<Double> valTop5 = new ArrayList<>();
    boolean hasVal = false;
    for (EpochMetrics m : epochs) {
      x.add((double) m.epoch());
      trainLoss.add(m.trainLoss());
      trainAcc.add(100 * m.trainAcc());
      valLoss.add(m.valLoss());
      valTop1.add(100 * m.valTop1());
      valTop5.add(100 * m.valTop5());
      hasVal |= !Double.isNaN(m.valTop1());
    }
    if (!x.isEmpty()) {
      XYChart loss = xy("Loss", "epoch", "loss");
      series(loss, "train", x, trainLoss);
      if (hasVal) {
        series(loss, "val", x, valLoss);
      }
      save(loss, plots.resolve("loss"));
      XYChart acc = xy("Accuracy", "epoch", "%");
      series(acc, "train (vs target argmax)", x, trainAcc);
      if (hasVal) {
        series(acc, "val top-1", x, valTop1);
        series(acc, "val top-5", x, valTop5);
      }
      save(acc, plots.resolve("accuracy"));
    }
    long total = Math.max(1, (long) cfg.epochs * stepsPerEpoch);
    long stride = Math.max(1, total / 1000);
    List<Double> lx = new ArrayList<>();
    List<Double> ly = new ArrayList<>();
    for (long s = 0; s < total; s += stride) {
      lx.add((double) s / stepsPerEpoch);
      ly.add(schedule.at(s));
    }
    XYChart lr = xy("Learning rate (per iteration)", "epoch", "lr");
    XYSeries lrs = lr.addSeries("lr", lx, ly);
    lrs.setMarker(SeriesMarkers.NONE);
    save(lr, plots.resolve("lr"));
    if (eval != null) {
      save(confusion(eval), plots.resolve("confusion"));
    }
    Files.writeString(runDir.resolve("report.html"), html(cfg, epochs, eval, classes, hasVal), StandardCharsets.UTF_8);
  }

  private static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendVisible(true);
    return c;
  }

  private static void series(XYChart c, String name, List<Double> x, List<Double> y) {
    c.addSeries(name, x, y).setMarker(x.size() > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
  }

  private static HeatMapChart confusion(EvalResult eval) {
    int k = eval.classes().size();
    int size = Math.max(420, Math.min(1200, 40 * k + 220));
    HeatMapChart c = new HeatMapChartBuilder().width(size).height(size).title("Confusion matrix (rows: true, columns: predicted)")
        .xAxisTitle("predicted").yAxisTitle("true").build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setShowValue(k <= 20);
    c.getStyler().setLegendVisible(false);
    List<String> names = new ArrayList<>();
    for (String name : eval.classes()) {
      names.add(name.length() > 12 ? name.substring(0, 11) + "…" : name);
    }
    List<Number[]> cells = new ArrayList<>();
    long[][] m = eval.confusion();
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        // y grows upwards in XChart; put the first class at the top.
        cells.add(new Number[] {p, k - 1 - t, m[t][p]});
      }
    }
    List<String> yNames = new ArrayList<>(names);
    java.util.Collections.reverse(yNames);
    c.addSeries("confusion", names, yNames, cells);
    return c;
  }

  private static void save(Object chart, Path base) throws IOException {
    if (chart instanceof XYChart xy) {
      BitmapEncoder.saveBitmap(xy, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    } else {
      BitmapEncoder.saveBitmap((HeatMapChart) chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private static String html(TrainConfig cfg, List<EpochMetrics> epochs, EvalResult eval, List<String> classes, boolean hasVal) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Augmill training report</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:1500px}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}img{margin:4px;border:1px solid #eee}</style>")
        .append("</head><body>\n<h1>Training report</h1>\n<p>")
        .append(esc(cfg.model)).append(" · ").append(classes.size()).append(" classes · optimizer ").append(esc(cfg.optimizer))
        .append(" · lr ").append(cfg.lr).append(" (").append(esc(cfg.schedule)).append(") · batch ").append(cfg.batchSize)
        .append(" · ").append(epochs.size()).append("/").append(cfg.epochs).append(" epochs</p>\n");
    if (!epochs.isEmpty()) {
      EpochMetrics lastM = epochs.get(epochs.size() - 1);
      sb.append("<p><b>Last epoch:</b> train loss ").append(fmt(lastM.trainLoss()));
      if (hasVal) {
        EpochMetrics best = epochs.stream().max((a, b) -> Double.compare(a.valTop1(), b.valTop1())).get();
        sb.append(" · val top-1 ").append(pct(lastM.valTop1())).append(" · <b>best val top-1 ").append(pct(best.valTop1()))
            .append(" (epoch ").append(best.epoch()).append(")</b>");
      }
      sb.append("</p>\n");
    }
    sb.append("<div><img src=\"plots/loss.png\" alt=\"loss\"><img src=\"plots/accuracy.png\" alt=\"accuracy\">")
        .append("<img src=\"plots/lr.png\" alt=\"learning rate\">");
    if (eval != null) {
      sb.append("<img src=\"plots/confusion.png\" alt=\"confusion matrix\">");
    }
    sb.append("</div>\n");
    if (eval != null) {
      sb.append("<h2>Per-class validation accuracy (last epoch)</h2>\n<table><tr><th>class</th><th>accuracy</th></tr>\n");
      double[] per = eval.perClass();
      for (int i = 0; i < per.length; i++) {
        sb.append("<tr><td>").append(esc(classes.get(i))).append("</td><td>").append(pct(per[i])).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("<h2>Epochs</h2>\n<table><tr>");
    for (String h : EpochMetrics.HEADER.split(",")) {
      sb.append("<th>").append(h).append("</th>");
    }
    sb.append("</tr>\n");
    for (EpochMetrics m : epochs) {
      sb.append("<tr>");
      for (String v : m.toCsv().split(",", -1)) {
        sb.append("<td>").append(v).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n<p>Full settings: <a href=\"config.json\">config.json</a> · data: <a href=\"metrics.csv\">metrics.csv</a></p>\n")
        .append("</body></html>\n");
    return sb.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }

  private static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
