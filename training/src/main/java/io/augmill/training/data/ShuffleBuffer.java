package io.augmill.training.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * A bounded shuffle over a stream (as TensorFlow's {@code Dataset.shuffle}): holds up to
 * {@code capacity} items and emits a uniformly chosen one each time, refilling from the stream. With
 * a capacity at least the stream length it is a uniform permutation.
 */
final class ShuffleBuffer<T> implements Iterator<T> {

  private final Iterator<T> source;
  private final RandomGenerator rng;
  private final List<T> buffer;
  private final int capacity;

  ShuffleBuffer(Iterator<T> source, int capacity, RandomGenerator rng) {
    if (capacity < 1) {
      throw new IllegalArgumentException("--shuffle-buffer must be >= 1, got " + capacity);
    }
    this.source = source;
    this.rng = rng;
    this.capacity = capacity;
    this.buffer = new ArrayList<>(Math.min(capacity, 1 << 16));
    fill();
  }

  private void fill() {
    while (buffer.size() < capacity && source.hasNext()) {
      buffer.add(source.next());
    }
  }

  @Override
  public boolean hasNext() {
    return !buffer.isEmpty();
  }

  @Override
  public T next() {
    if (buffer.isEmpty()) {
      throw new NoSuchElementException();
    }
    int i = rng.nextInt(buffer.size());
    T out = buffer.get(i);
    T last = buffer.remove(buffer.size() - 1);
    if (i < buffer.size()) {
      buffer.set(i, last);
    }
    if (source.hasNext()) {
      buffer.add(source.next());
    }
    return out;
  }
}
