/**
 * {@code augmill datasets fetch}: downloads the official CIFAR-10, CIFAR-100 and Fashion-MNIST
 * archives ({@link io.augmill.datasets.fetch.DatasetCatalog}), checks them against their published
 * MD5 checksums and unpacks them ({@link io.augmill.datasets.fetch.Fetcher}) so that the matching
 * {@code SRC} ({@code cifar10:DIR}, {@code cifar100:DIR}, {@code idx:DIR}) reads the directory. Work
 * happens in a staging directory; nothing appears in the target unless every file verified and unpacked.
 */
package io.augmill.datasets.fetch;
