package io.augmill.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A source over decoded images held in memory: for tests, small sets and the loader benchmark.
 */
public final class InMemorySource implements ImageSource {

  private final List<String> classes;
  private final List<DecodedImage> images;
  private final Normalization normalization;

  /**
   * @param classes class names
   * @param images the images, in storage order
   * @param normalization stored statistics, or null
   */
  public InMemorySource(List<String> classes, List<DecodedImage> images, Normalization normalization) {
    this.classes = List.copyOf(classes);
    this.images = List.copyOf(images);
    this.normalization = normalization;
    for (DecodedImage im : images) {
      if (im.label() < 0 || im.label() >= classes.size()) {
        throw new IllegalArgumentException(im.key() + ": label " + im.label() + " outside [0, " + classes.size() + ")");
      }
    }
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public long size(int epoch) {
    return images.size();
  }

  @Override
  public RecordStream open(int epoch, RandomGenerator rng) {
    List<EncodedRecord> out = new ArrayList<>(images.size());
    for (DecodedImage im : images) {
      out.add(new EncodedRecord() {
        @Override
        public String key() {
          return im.key();
        }

        @Override
        public DecodedImage decode() {
          return im;
        }
      });
    }
    return RecordStream.of(out.iterator());
  }

  @Override
  public Optional<Normalization> normalization() {
    return Optional.ofNullable(normalization);
  }

  @Override
  public String describe() {
    return "in-memory (" + images.size() + " images)";
  }
}
