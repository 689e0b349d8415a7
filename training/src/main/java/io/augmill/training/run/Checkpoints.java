package io.augmill.training.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.augmill.training.optim.ScheduledOptimizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code RUN/checkpoints/}: one folder per epoch ({@code epoch-0007/}) holding {@code parameters.bin}
 * (DJL block parameters, BatchNorm running statistics included), {@code optimizer.bin} and
 * {@code state.json}, plus {@code best/} for the best epoch so far. Folders are written under a
 * temporary name and renamed, so a crash never leaves a half-written checkpoint; only the newest
 * {@code keep} epoch folders are kept.
 */
public final class Checkpoints {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final int keep;

  /**
   * @param dir the checkpoints folder
   * @param keep per-epoch folders to keep (≥ 1)
   */
  public Checkpoints(Path dir, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("--keep-checkpoints must be >= 1, got " + keep);
    }
    this.dir = dir;
    this.keep = keep;
  }

  /** The folder name of an epoch's checkpoint. */
  public static String name(int epoch) {
    return String.format("epoch-%04d", epoch);
  }

  /**
   * Writes the checkpoint after {@code state.epochsDone()} epochs; also as {@code best/} when asked.
   *
   * @throws IOException on write failure
   */
  public Path save(Block block, ScheduledOptimizer optimizer, TrainingState state, boolean best) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".tmp-" + name(state.epochsDone()));
    deleteTree(tmp);
    Files.createDirectories(tmp);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve("parameters.bin"))))) {
      block.saveParameters(out);
    }
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve("optimizer.bin"))))) {
      optimizer.save(out);
    }
    JSON.writeValue(tmp.resolve("state.json").toFile(), state);
    Path target = dir.resolve(name(state.epochsDone()));
    deleteTree(target);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    if (best) {
      Path bestTmp = dir.resolve(".tmp-best");
      deleteTree(bestTmp);
      copyTree(target, bestTmp);
      deleteTree(dir.resolve("best"));
      Files.move(bestTmp, dir.resolve("best"), StandardCopyOption.ATOMIC_MOVE);
    }
    prune();
    return target;
  }

  /** The newest epoch checkpoint, if any. */
  public Optional<Path> latest() throws IOException {
    return epochDirs().stream().reduce((a, b) -> b);
  }

  /**
   * Loads parameters and optimizer state from a checkpoint folder and returns its loop state.
   *
   * @throws IOException when files are missing or do not match the model (the message names them)
   */
  public static TrainingState load(Path checkpoint, Block block, Block scratch, ScheduledOptimizer optimizer,
      NDManager manager) throws IOException {
    Path params = checkpoint.resolve("parameters.bin");
    try (NDManager tmp = manager.newSubManager();
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      scratch.loadParameters(tmp, in);
      copyValues(scratch.getParameters(), block.getParameters(), params);
    } catch (MalformedModelException | IllegalArgumentException e) {
      throw new IOException(params + ": does not match this model (architecture or class count differ): " + e.getMessage(), e);
    }
    Path opt = checkpoint.resolve("optimizer.bin");
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(opt)))) {
      optimizer.load(in, manager, opt.toString());
    }
    return JSON.readValue(checkpoint.resolve("state.json").toFile(), TrainingState.class);
  }

  /**
   * Copies values into the live parameter arrays in place: the trainer's parameter store already holds
   * those arrays, so replacing them would leave it training the old ones.
   */
  private static void copyValues(PairList<String, Parameter> from, PairList<String, Parameter> to, Path source)
      throws IOException {
    if (from.size() != to.size()) {
      throw new IOException(source + ": holds " + from.size() + " parameters, the model has " + to.size());
    }
    for (int i = 0; i < to.size(); i++) {
      NDArray src = from.get(i).getValue().getArray();
      NDArray dst = to.get(i).getValue().getArray();
      if (!from.get(i).getKey().equals(to.get(i).getKey()) || !src.getShape().equals(dst.getShape())) {
        throw new IOException(source + ": parameter " + from.get(i).getKey() + " " + src.getShape()
            + " does not match the model's " + to.get(i).getKey() + " " + dst.getShape());
      }
      src.copyTo(dst);
    }
  }

  private List<Path> epochDirs() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private void prune() throws IOException {
    List<Path> all = epochDirs();
    for (int i = 0; i < all.size() - keep; i++) {
      deleteTree(all.get(i));
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
