package io.augmill.training.data;

/**
 * One batch on the host, ready to copy to a device.
 *
 * @param images normalised NCHW floats, {@code size·channels·height·width} values
 * @param labels class index per image
 * @param size number of images
 * @param channels C
 * @param height H
 * @param width W
 */
public record HostBatch(float[] images, int[] labels, int size, int channels, int height, int width) {}
