/**
 * Reading a whole shard set to summarise it (records per shard, class and format counts, image sizes)
 * and, with verification, to check it: every CRC, every Example, every image, the {@code .idx} files,
 * shard naming, the manifest's counts and checksums, and the rejected logs. Every problem is collected
 * with its file and byte offset or record index, not only the first.
 */
package io.augmill.datasets.inspect;
